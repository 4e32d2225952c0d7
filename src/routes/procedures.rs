use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use todoke_core::api::FormSummary;

use crate::api;
use crate::app::AppContext;
use crate::components::page::PageHeading;
use crate::routes::wizard::page::page_path;
use crate::text as t;

/// 「届書・申請書の作成」: the procedures this account may file (pharmacy forms only for 調剤).
#[component]
pub fn ProceduresPage() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let forms = RwSignal::new(None::<Vec<FormSummary>>);
    let error = RwSignal::new(None::<String>);
    let pending = RwSignal::new(None::<String>);
    spawn_local(async move {
        match api::forms().await {
            Ok(f) => forms.set(Some(f)),
            Err(e) if ctx.handle_common_error(&e) => {}
            Err(e) => error.set(Some(e.message())),
        }
    });
    let navigate = use_navigate();
    let start = move |form_id: String| {
        if pending.get_untracked().is_some() {
            return;
        }
        pending.set(Some(form_id.clone()));
        let navigate = navigate.clone();
        spawn_local(async move {
            let created = async {
                let draft = api::create_draft(&form_id).await?;
                let bundle = api::form_bundle(&form_id).await?;
                Ok::<_, api::ClientError>((draft, bundle))
            }
            .await;
            match created {
                Ok((draft, bundle)) => {
                    let first = bundle
                        .definition
                        .pages
                        .first()
                        .map(|p| p.id.clone())
                        .unwrap_or_default();
                    navigate(&page_path(draft.id, &first), Default::default());
                }
                Err(e) if ctx.handle_common_error(&e) => {}
                Err(e) => error.set(Some(e.message())),
            }
            pending.set(None);
        });
    };
    view! {
        <div class="todoke-page">
            <PageHeading text=t::PROCEDURES_TITLE />
            <p class="todoke-lead">{t::PROCEDURES_LEAD}</p>
            {move || error.get().map(|m| view! { <div class="todoke-warning-text" role="alert"><p>{m}</p></div> })}
            {move || match forms.get() {
                None => view! { <p class="todoke-loading">{t::LOADING}</p> }.into_any(),
                Some(list) => view! {
                    <ul class="todoke-procedures">
                        {list.into_iter().map(|f| {
                            let start = start.clone();
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
                                        {move || if busy.get() { t::CREATING.to_string() } else { t::start_form(&f.title) }}
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
