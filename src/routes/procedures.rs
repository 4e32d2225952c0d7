use crate::router::use_navigate;
use leptos::prelude::*;
use todoke_core::api::FormSummary;

use crate::api;
use crate::components::notice::ErrorAlert;
use crate::components::page::PageHeading;
use crate::hooks::{SubmitOptions, use_api_with_options, use_submit};
use crate::paths::page_path;
use crate::text as t;

/// 「届書・申請書の作成」: the procedures this account may file (pharmacy forms only for 調剤).
#[component]
pub fn ProceduresPage() -> impl IntoView {
    let forms = RwSignal::new(None::<Vec<FormSummary>>);
    // One message line for the list and for starting a form.
    let error = RwSignal::new(None::<String>);
    use_api_with_options(
        api::forms,
        move |f| forms.set(Some(f)),
        SubmitOptions::default().error_into(error),
    );
    // The form being started, while its draft is created.
    let starting = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let create = use_submit(
        move |form_id: String| {
            starting.set(Some(form_id.clone()));
            Some(async move {
                let draft = api::create_draft(&form_id).await?;
                let bundle = api::form_bundle(&form_id).await?;
                Ok::<_, api::ClientError>((draft, bundle))
            })
        },
        move |(draft, bundle)| {
            let first = bundle
                .definition
                .pages
                .first()
                .map(|p| p.id.clone())
                .unwrap_or_default();
            navigate(&page_path(draft.id, &first), Default::default());
        },
        SubmitOptions::default().error_into(error),
    );
    let start = move |form_id: String| create.run(form_id);
    let pending = Signal::derive(move || {
        if create.pending.get() {
            starting.get()
        } else {
            None
        }
    });
    view! {
        <div class="todoke-page">
            <PageHeading text=t::PROCEDURES_TITLE() />
            <p class="todoke-lead">{t::PROCEDURES_LEAD()}</p>
            <ErrorAlert message=error />
            {move || match forms.get() {
                None => view! { <p class="todoke-loading">{t::LOADING()}</p> }.into_any(),
                Some(list) => view! {
                    <ul class="todoke-procedures">
                        {list.into_iter().map(|f| {
                            let id = f.id.clone();
                            let busy = {
                                let id = f.id.clone();
                                Signal::derive(move || pending.with(|p| p.as_deref() == Some(id.as_str())))
                            };
                            view! {
                                <li class="todoke-procedures__item">
                                    <h2 class="todoke-heading-m">{f.title.clone()}</h2>
                                    <p>{f.description.clone()}</p>
                                    <button
                                        id=format!("todoke-start-{}", f.id)
                                        type="button"
                                        class="todoke-button"
                                        aria-disabled=move || busy.get().then_some("true")
                                        on:click=move |_| start(id.clone())
                                    >
                                        {move || if busy.get() { t::CREATING().to_string() } else { t::start_form(&f.title) }}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </div>
    }
}
