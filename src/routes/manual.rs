use leptos::prelude::*;

use crate::components::page::PageHeading;
use crate::text as t;

/// The user manual as an HTML page: readable by screen readers, printable, and reachable
/// before signing in (from 「マニュアル」 at the top right of every screen).
#[component]
pub fn ManualPage() -> impl IntoView {
    view! {
        <div class="todoke-page todoke-prose">
            <PageHeading text=t::MANUAL_TITLE() />
            <p class="todoke-lead">{t::MANUAL_LEAD()}</p>
            <p class="todoke-no-print">
                {t::MANUAL_PDF_HINT()}" "
                <a id="todoke-manual-pdf" href=crate::api::manual_pdf_url() download="">
                    {t::MANUAL_PDF_LINK()}<span class="todoke-visually-hidden">{t::PDF_LINK_SUFFIX()}</span>
                </a>
            </p>
            <nav aria-labelledby="todoke-manual-contents">
                <h2 id="todoke-manual-contents" class="todoke-heading-m">{t::MANUAL_CONTENTS()}</h2>
                <ul>
                    {t::MANUAL_SECTIONS()
                        .iter()
                        .map(|s| view! { <li><a href=format!("#manual-{}", s.id) on:click=jump(s.id)>{s.heading}</a></li> })
                        .collect_view()}
                    <li><a href="#manual-faq" on:click=jump("faq")>{t::MANUAL_FAQ_HEADING()}</a></li>
                </ul>
            </nav>
            {t::MANUAL_SECTIONS()
                .iter()
                .map(|s| {
                    view! {
                        <section aria-labelledby=format!("manual-{}", s.id)>
                            <h2 id=format!("manual-{}", s.id) class="todoke-heading-m" tabindex="-1">{s.heading}</h2>
                            {s.paragraphs.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
                            {(!s.steps.is_empty()).then(|| view! {
                                <ol>{s.steps.iter().map(|st| view! { <li>{*st}</li> }).collect_view()}</ol>
                            })}
                        </section>
                    }
                })
                .collect_view()}
            <section aria-labelledby="manual-faq">
                <h2 id="manual-faq" class="todoke-heading-m" tabindex="-1">{t::MANUAL_FAQ_HEADING()}</h2>
                <dl class="todoke-faq">
                    {t::FAQ()
                        .iter()
                        .map(|f| view! { <dt>{f.question}</dt><dd>{f.answer}</dd> })
                        .collect_view()}
                </dl>
            </section>
        </div>
    }
}

/// In-page links focus their section, not only scroll to it (and keep the address).
fn jump(id: &'static str) -> impl Fn(leptos::ev::MouseEvent) + 'static {
    move |ev| {
        ev.prevent_default();
        crate::dom::focus_by_id(&format!("manual-{id}"));
    }
}
