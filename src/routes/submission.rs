use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use todoke_core::api::{Draft, Submission};
use todoke_core::era::format_date;
use todoke_core::forms::{FormDefinition, ReviewRow, definition, review_rows};
use todoke_core::lifecycle::Action;
use todoke_core::service_hours::format_jst_datetime;

use crate::api::{self, ClientError};
use crate::app::AppContext;
use crate::components::page::PageHeading;
use crate::routes::wizard::review::ReviewTable;
use crate::text as t;

/// Paths whose answer differs from the previous submission's, for 「前回の提出から変更」.
pub fn changed_paths(previous: &[ReviewRow], current: &[ReviewRow]) -> Vec<String> {
    let before: std::collections::HashMap<&str, &str> = previous
        .iter()
        .map(|r| (r.path.as_str(), r.value.as_str()))
        .collect();
    current
        .iter()
        .filter(|r| before.get(r.path.as_str()) != Some(&r.value.as_str()))
        .map(|r| r.path.clone())
        .collect()
}

/// A submission's form, its answers as review rows, and the paths changed since the previous
/// submission: what both the applicant's and the reviewer's page show.
pub fn content(s: &Submission) -> (Option<FormDefinition>, Vec<ReviewRow>, Vec<String>) {
    let def = definition(&s.form_id);
    let rows = def
        .as_ref()
        .map(|d| review_rows(d, &s.answers))
        .unwrap_or_default();
    let changed = match (&def, &s.previous_answers) {
        (Some(d), Some(prev)) => changed_paths(&review_rows(d, prev), &rows),
        _ => Vec::new(),
    };
    (def, rows, changed)
}

/// One key/value line of a summary list.
pub fn summary_row(key: &'static str, value: String) -> impl IntoView {
    view! {
        <div class="todoke-summary-list__row">
            <dt class="todoke-summary-list__key">{key}</dt>
            <dd class="todoke-summary-list__value">{value}</dd>
        </div>
    }
}

/// `/submissions/:id`: the confirmation right after 「提出する」 (`?done=1`) and the record of a
/// submission later: arrival number, status, who acts next, the bureau's comments beside the
/// fields, what changed since the last submission, the history, the actions the lifecycle
/// allows, and a printable receipt (控え) with the content's SHA-256 digest.
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
    let load = move || {
        spawn_local(async move {
            match api::submission(id).await {
                Ok(s) => submission.set(Some(s)),
                Err(e) if ctx.handle_common_error(&e) => {}
                Err(e) => error.set(Some(e.message())),
            }
        });
    };
    load();
    // Opening a submission reads the notices about it.
    spawn_local(async move {
        if let Ok(unread) = api::mark_submission_notices_read(id).await {
            ctx.unread.set(unread);
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
            {move || error.get().map(|m| view! { <div class="todoke-warning-text" role="alert"><p>{m}</p></div> })}
            {move || submission.get().map(|s| {
                let (def, rows, changed) = content(&s);
                let row = summary_row;
                view! {
                    <div class="todoke-panel">
                        <p class="todoke-panel__label">{t::ARRIVAL_NUMBER}</p>
                        <p class="todoke-panel__number">{s.arrival_number.clone()}</p>
                    </div>
                    <dl class="todoke-summary-list">
                        {row(t::PROCEDURE, s.title.clone())}
                        {row(t::SUBMITTED_AT, format_jst_datetime(s.submitted_at))}
                        {row(t::STATUS, s.status.label().to_string())}
                        {row(t::NEXT_ACTOR, s.next_actor_label.clone())}
                        {s.acceptance_number.clone().map(|n| row(t::ACCEPTANCE_NUMBER, n))}
                        {s.effective_date.map(|d| row(t::EFFECTIVE_DATE, format_date(d)))}
                        {s.rejection_reason.clone().map(|r| row(t::REJECTION_REASON, r))}
                        {row(t::FORM_VERSION, s.form_version.clone())}
                        {row(t::DIGEST, s.content_sha256.clone())}
                    </dl>
                    <p class="todoke-hint">{t::DIGEST_HINT}</p>
                    {s.return_comment.clone().map(|c| view! {
                        <section class="todoke-warning-text" aria-labelledby="todoke-return-title">
                            <h2 id="todoke-return-title" class="todoke-heading-m">{t::RETURN_HEADING}</h2>
                            <p>{c}</p>
                            {s.return_deadline.map(|d| view! { <p><strong>{t::RETURN_DEADLINE}</strong>"："{format_date(d)}</p> })}
                        </section>
                    })}
                    {done.then(|| view! {
                        <h2 class="todoke-heading-m">{t::NEXT_STEPS_HEADING}</h2>
                        <p>{t::NEXT_STEPS_BODY}</p>
                        <p>{t::KEEP_RECORD}</p>
                    })}
                    <Actions submission=s.clone() reload=Callback::new(move |_| load()) />
                    <div class="todoke-button-group todoke-no-print">
                        <button id="todoke-print" type="button" class="todoke-button todoke-button--secondary" on:click=print>{t::PRINT}</button>
                    </div>
                    <h2 class="todoke-heading-m">{t::SUBMITTED_CONTENT}</h2>
                    {def.map(|d| view! {
                        <ReviewTable def=d rows=Signal::stored(rows) comments=s.field_comments.clone() changed />
                    })}
                    <History submission=s />
                }
            })}
        </div>
    }
}

/// The actions the lifecycle allows the applicant now. Withdrawal asks for confirmation first.
#[component]
fn Actions(submission: Submission, reload: Callback<()>) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let navigate = use_navigate();
    let confirming = RwSignal::new(false);
    let comment = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let id = submission.id;
    let open_draft = move |result: Result<Draft, ClientError>| match result {
        Ok(draft) => navigate(&format!("/drafts/{}", draft.id), Default::default()),
        Err(e) if ctx.handle_common_error(&e) => {}
        Err(e) => error.set(Some(e.message())),
    };
    let allowed = submission.allowed_actions.clone();
    if allowed.is_empty() {
        return ().into_any();
    }
    let buttons = allowed
        .into_iter()
        .map(|action| {
            let open_draft = open_draft.clone();
            match action {
                Action::Withdraw => view! {
                    <button id="todoke-withdraw" type="button" class="todoke-button todoke-button--secondary"
                        on:click=move |_| { confirming.set(true); crate::dom::focus_by_id("todoke-withdraw-confirm-title"); }>
                        {t::WITHDRAW}
                    </button>
                }.into_any(),
                Action::Resubmit => view! {
                    <button id="todoke-revise" type="button" class="todoke-button"
                        on:click=move |_| { let open_draft = open_draft.clone(); spawn_local(async move { open_draft(api::revise(id).await); }); }>
                        {t::REVISE}
                    </button>
                }.into_any(),
                Action::CopyToNewDraft => view! {
                    <button id="todoke-copy" type="button" class="todoke-button todoke-button--secondary"
                        on:click=move |_| { let open_draft = open_draft.clone(); spawn_local(async move { open_draft(api::copy_to_new_draft(id).await); }); }>
                        {t::COPY_TO_NEW}
                    </button>
                }.into_any(),
                _ => ().into_any(),
            }
        })
        .collect_view();
    let confirm_withdraw = move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        let c = Some(comment.get_untracked()).filter(|c| !c.trim().is_empty());
        spawn_local(async move {
            match api::withdraw(id, c).await {
                Ok(_) => {
                    confirming.set(false);
                    reload.run(());
                }
                Err(e) if ctx.handle_common_error(&e) => {}
                Err(e) => error.set(Some(e.message())),
            }
            pending.set(false);
        });
    };
    view! {
        <section class="todoke-actions todoke-no-print" aria-labelledby="todoke-actions-title">
            <h2 id="todoke-actions-title" class="todoke-heading-m">{t::ACTIONS_HEADING}</h2>
            {move || error.get().map(|m| view! { <div class="todoke-warning-text" role="alert"><p>{m}</p></div> })}
            <div class="todoke-button-group">{buttons}</div>
            <Show when=move || confirming.get()>
                <div class="todoke-confirm" role="group" aria-labelledby="todoke-withdraw-confirm-title">
                    <h3 id="todoke-withdraw-confirm-title" class="todoke-heading-m" tabindex="-1">{t::WITHDRAW_CONFIRM_HEADING}</h3>
                    <p>{t::WITHDRAW_CONFIRM_BODY}</p>
                    <label class="todoke-label" for="todoke-withdraw-comment">
                        {t::WITHDRAW_COMMENT}" "<span class="todoke-badge">{t::OPTIONAL_BADGE}</span>
                    </label>
                    <textarea id="todoke-withdraw-comment" class="todoke-textarea" rows="3"
                        prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                    <div class="todoke-button-group">
                        <button id="todoke-withdraw-confirm" type="button" class="todoke-button todoke-button--warning" on:click=confirm_withdraw>
                            {t::WITHDRAW_CONFIRM}
                        </button>
                        <button type="button" class="todoke-button todoke-button--secondary"
                            on:click=move |_| { confirming.set(false); crate::dom::focus_by_id("todoke-withdraw"); }>
                            {t::CANCEL}
                        </button>
                    </div>
                </div>
            </Show>
        </section>
    }
    .into_any()
}

/// Every transition: when, who, what, and the comment.
#[component]
pub fn History(submission: Submission) -> impl IntoView {
    view! {
        <section aria-labelledby="todoke-history-title">
            <h2 id="todoke-history-title" class="todoke-heading-m">{t::HISTORY_HEADING}</h2>
            <div class="todoke-table-wrap">
                <table class="todoke-table">
                    <thead>
                        <tr>
                            <th scope="col">{t::HISTORY_AT}</th>
                            <th scope="col">{t::HISTORY_ACTOR}</th>
                            <th scope="col">{t::HISTORY_ACTION}</th>
                            <th scope="col">{t::STATUS}</th>
                            <th scope="col">{t::HISTORY_COMMENT}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {submission.history.into_iter().map(|h| view! {
                            <tr>
                                <td>{format_jst_datetime(h.at)}</td>
                                <td>{h.actor_label}</td>
                                <td>{h.action_label}</td>
                                <td>{h.to_status.label()}</td>
                                <td>{h.comment.unwrap_or_default()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(path: &str, value: &str) -> ReviewRow {
        ReviewRow {
            page: "p".into(),
            path: path.into(),
            label: path.into(),
            row_heading: None,
            value: value.into(),
        }
    }

    #[test]
    fn changed_paths_lists_new_and_different_answers() {
        let prev = vec![row("a", "1"), row("b", "2")];
        let now = vec![row("a", "1"), row("b", "3"), row("c", "4")];
        assert_eq!(
            changed_paths(&prev, &now),
            vec!["b".to_string(), "c".to_string()]
        );
    }
}
