use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_params_map, use_query_map};
use todoke_core::api::Submission;
use todoke_core::forms::{definition, review_rows};
use todoke_core::service_hours::format_jst_datetime;

use crate::api;
use crate::app::AppContext;
use crate::components::page::PageHeading;
use crate::routes::wizard::review::ReviewTable;
use crate::text as t;

/// `/submissions/:id`: the confirmation right after 「提出する」 (`?done=1`) and the record of a
/// submission later: arrival number, time, what happens next, the content, and a print button.
#[component]
pub fn SubmissionPage() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let params = use_params_map();
    let query = use_query_map();
    let done = query.with_untracked(|q| q.get("done").is_some());
    let id = params
        .with_untracked(|p| p.get("id").and_then(|s| s.parse::<i64>().ok()))
        .unwrap_or(0);
    let submission = RwSignal::new(None::<Submission>);
    let error = RwSignal::new(None::<String>);
    spawn_local(async move {
        match api::submission(id).await {
            Ok(s) => submission.set(Some(s)),
            Err(e) if ctx.handle_common_error(&e) => {}
            Err(e) => error.set(Some(e.message())),
        }
    });
    let print = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="todoke-page">
            <PageHeading text=if done { t::COMPLETE_TITLE } else { t::SUBMISSION_TITLE } />
            {move || error.get().map(|m| view! { <p>{m}</p> })}
            {move || submission.get().map(|s| {
                let def = definition(&s.form_id);
                let rows = def.as_ref().map(|d| review_rows(d, &s.answers)).unwrap_or_default();
                view! {
                    <div class="todoke-panel">
                        <p class="todoke-panel__label">{t::ARRIVAL_NUMBER}</p>
                        <p class="todoke-panel__number">{s.arrival_number.clone()}</p>
                    </div>
                    <dl class="todoke-summary-list">
                        <div class="todoke-summary-list__row">
                            <dt class="todoke-summary-list__key">{t::PROCEDURE}</dt>
                            <dd class="todoke-summary-list__value">{s.title.clone()}</dd>
                        </div>
                        <div class="todoke-summary-list__row">
                            <dt class="todoke-summary-list__key">{t::SUBMITTED_AT}</dt>
                            <dd class="todoke-summary-list__value">{format_jst_datetime(s.submitted_at)}</dd>
                        </div>
                        <div class="todoke-summary-list__row">
                            <dt class="todoke-summary-list__key">{t::STATUS}</dt>
                            <dd class="todoke-summary-list__value">{s.status.label()}</dd>
                        </div>
                        <div class="todoke-summary-list__row">
                            <dt class="todoke-summary-list__key">{t::FORM_VERSION}</dt>
                            <dd class="todoke-summary-list__value">{s.form_version.clone()}</dd>
                        </div>
                    </dl>
                    <h2 class="todoke-heading-m">{t::NEXT_STEPS_HEADING}</h2>
                    <p>{t::NEXT_STEPS_BODY}</p>
                    <p>{t::KEEP_RECORD}</p>
                    <div class="todoke-button-group todoke-no-print">
                        <button type="button" class="todoke-button todoke-button--secondary" on:click=print>{t::PRINT}</button>
                    </div>
                    <h2 class="todoke-heading-m">{t::SUBMITTED_CONTENT}</h2>
                    {def.map(|d| view! { <ReviewTable def=d rows=Signal::stored(rows) /> })}
                }
            })}
        </div>
    }
}
