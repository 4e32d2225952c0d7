use leptos::prelude::*;

use super::form::SummaryItem;
use crate::dom;
use crate::text as t;

/// The error summary at the top of a form (GOV.UK / DADS pattern): a heading, a link to each
/// faulty field, and focus moved here whenever a new set of errors appears.
#[component]
pub fn ErrorSummary(#[prop(into)] items: Signal<Vec<SummaryItem>>) -> impl IntoView {
    const ID: &str = "todoke-error-summary";
    Effect::new(move |_| {
        if !items.with(Vec::is_empty) {
            dom::focus_by_id(ID);
        }
    });
    view! {
        <Show when=move || !items.with(Vec::is_empty)>
            <div id=ID class="todoke-error-summary" tabindex="-1" aria-labelledby="todoke-error-summary-title">
                <div role="alert">
                    <h2 id="todoke-error-summary-title" class="todoke-error-summary__title">
                        {t::ERROR_SUMMARY_HEADING()}
                    </h2>
                    <ul class="todoke-error-summary__list">
                        {move || {
                            items
                                .get()
                                .into_iter()
                                .map(|item| {
                                    let target = item.target.clone();
                                    view! {
                                        <li>
                                            <a
                                                href=format!("#{}", item.target)
                                                on:click=move |ev| {
                                                    // Focus the input itself, not only scroll to it (and keep the address).
                                                    ev.prevent_default();
                                                    dom::focus_by_id(&target);
                                                }
                                            >
                                                {item.message}
                                            </a>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                </div>
            </div>
        </Show>
    }
}
