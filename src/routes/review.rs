use crate::router::Link;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use todoke_core::api::{
    AccountLink, FieldComment, FieldErrors, LinkedAccount, ReturnRequest, Submission,
};
use todoke_core::lifecycle::Action;
use todoke_core::service_hours::format_jst_datetime;

use crate::api;
use crate::components::error_summary::ErrorSummary;
use crate::components::fields::InlineError;
use crate::components::filing::{FilingContent, SubmittedContent, status_rows, summary_row};
use crate::components::form::FormErrors;
use crate::components::notice::{ErrorAlert, Notice};
use crate::components::page::PageHeading;
use crate::date_parts::date_from_parts;
use crate::hooks::{SubmitOptions, use_api_with_options, use_id_param, use_submit};
use crate::paths::AppRoute;
use crate::text as t;

/// `/review/:id`: a bureau reviewer's view of one filing, with the actions the lifecycle allows:
/// receive, start review, return with comments on fields and a deadline, accept, reject.
#[component]
pub fn ReviewFilingPage() -> impl IntoView {
    let id = use_id_param();
    let filing = RwSignal::new(None::<Submission>);
    // One message line for loading the filing and for every action.
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    // The filing as the server now has it. Loading it comes here too, so the page opens with
    // 「操作を受け付けました。」 and the focus on its heading, as it always has.
    let accept = move |s: Submission| {
        error.set(None);
        done.set(Some(t::ACTION_DONE().to_string()));
        filing.set(Some(s));
        crate::dom::focus_by_id("todoke-page-heading");
    };
    use_api_with_options(
        move || api::review_filing(id),
        accept,
        SubmitOptions::default().error_into(error),
    );
    let on_done = Callback::new(accept);

    view! {
        <div class="todoke-page">
            {move || done.get().map(|m| view! { <Notice message=Some(m) /> })}
            <PageHeading text=t::REVIEW_PAGE_TITLE() />
            <ErrorAlert message=error />
            {move || filing.get().map(|s| {
                let content = FilingContent::of(&s);
                let targets: Vec<(String, String)> = content
                    .rows
                    .iter()
                    .map(|r| (r.path.clone(), r.full_label()))
                    .collect();
                let row = summary_row;
                view! {
                    <dl class="todoke-summary-list">
                        {s.institution.as_ref().map(|i| row(t::INSTITUTION(), t::parenthetical(&i.name, &format!("{}{}{}", i.code, t::PARTS_SEPARATOR(), i.prefecture))))}
                        {row(t::PROCEDURE(), s.title.clone())}
                        {row(t::ARRIVAL_NUMBER(), s.arrival_number.clone())}
                        {status_rows(&s)}
                        {row(t::DIGEST(), s.content_sha256.clone())}
                    </dl>
                    <ReviewerActions filing=s.clone() targets on_done error />
                    <SubmittedContent submission=s.clone() content />
                    <LinkedAccounts accounts=s.linked_accounts />
                }
            })}
        </div>
    }
}

/// The institution's other user IDs (a change of code, class or address), each with what was
/// filed under it, so that the history reads across the IDs.
#[component]
fn LinkedAccounts(accounts: Vec<LinkedAccount>) -> impl IntoView {
    (!accounts.is_empty()).then(|| {
        view! {
            <section aria-labelledby="todoke-linked-accounts">
                <h2 id="todoke-linked-accounts" class="todoke-heading-m">{t::LINKED_ACCOUNTS_HEADING()}</h2>
                {accounts.into_iter().map(|a| {
                    let relation = match a.link {
                        AccountLink::Predecessor => t::LINKED_PREDECESSOR(),
                        AccountLink::Successor => t::LINKED_SUCCESSOR(),
                    };
                    let state = if a.ended { t::START_PREVIOUS_ENDED() } else { t::START_PREVIOUS_IN_USE() };
                    let heading = format!(
                        "{relation}{}{} {} {} {}（{state}）",
                        t::LABEL_VALUE_SEPARATOR(),
                        a.user_id,
                        a.institution_code,
                        a.fee_schedule_class.label(),
                        a.institution_name,
                    );
                    view! {
                        <h3 class="todoke-heading-s">{heading}</h3>
                        {if a.filings.is_empty() {
                            view! { <p>{t::LINKED_NO_FILINGS()}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="todoke-list">
                                    {a.filings.into_iter().map(|f| {
                                        let line = format!(
                                            "{} {}（{}、{}）",
                                            f.arrival_number,
                                            f.title,
                                            f.status.label(),
                                            format_jst_datetime(f.submitted_at),
                                        );
                                        view! { <li><Link href=AppRoute::Review(f.id).href()>{line}</Link></li> }
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    }
                }).collect_view()}
            </section>
        }
    })
}

/// The reviewer's actions: the one-click steps, and the return and reject forms. Every answer
/// goes to `on_done`; a failure's message to `error`, the page's message line.
#[component]
fn ReviewerActions(
    filing: Submission,
    targets: Vec<(String, String)>,
    on_done: Callback<Submission>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let id = filing.id;
    let allowed = filing.allowed_actions.clone();
    let can = move |a: Action| allowed.contains(&a);
    let step = use_submit(
        move |action: Action| Some(api::review_step(id, action)),
        move |s| {
            // Nothing to show once the reviewer has left the page.
            on_done.try_run(s);
        },
        SubmitOptions::default().error_into(error),
    );
    let step = move |action: Action| move |_| step.run(action);
    // The return and reject forms' errors, in one summary.
    let errors = RwSignal::new(FormErrors::default());
    if filing.allowed_actions.is_empty() {
        return ().into_any();
    }
    view! {
        <section class="todoke-actions" aria-labelledby="todoke-review-actions-title">
            <ErrorSummary items=Signal::derive(move || errors.with(|e| e.summary(&["return_comment", "return_deadline", "reject_reason"]))) />
            <h2 id="todoke-review-actions-title" class="todoke-heading-m">{t::ACTIONS_HEADING()}</h2>
            <div class="todoke-button-group">
                {can(Action::Receive).then(|| view! { <button id="todoke-receive" type="button" class="todoke-button" on:click=step(Action::Receive)>{t::RECEIVE()}</button> })}
                {can(Action::StartReview).then(|| view! { <button id="todoke-start-review" type="button" class="todoke-button" on:click=step(Action::StartReview)>{t::START_REVIEW()}</button> })}
                {can(Action::Accept).then(|| view! { <button id="todoke-accept" type="button" class="todoke-button" on:click=step(Action::Accept)>{t::ACCEPT()}</button> })}
            </div>
            {can(Action::Return).then(|| view! { <ReturnForm id targets errors on_done error /> })}
            {can(Action::Reject).then(|| view! { <RejectForm id errors on_done error /> })}
        </section>
    }
    .into_any()
}

/// 「差戻し」: a required comment, optional comments on fields, an optional deadline.
#[component]
fn ReturnForm(
    id: i64,
    targets: Vec<(String, String)>,
    errors: RwSignal<FormErrors>,
    on_done: Callback<Submission>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let comment = RwSignal::new(String::new());
    let field_comments = RwSignal::new(Vec::<FieldComment>::new());
    let deadline = [
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    ];
    // Never waited for the previous answer; the server's field messages land in the summary.
    let send = use_submit(
        move |body: ReturnRequest| Some(async move { api::review_return(id, &body).await }),
        move |s| {
            on_done.try_run(s);
        },
        SubmitOptions::default()
            .concurrent()
            .on_error(move |e| match e.fields() {
                Some(f) => errors.set(FormErrors::from_fields(f.clone())),
                None => error.set(Some(e.message())),
            }),
    );
    let submit_return = move |ev: SubmitEvent| {
        ev.prevent_default();
        let parts = deadline.map(|p| p.get_untracked());
        match return_request(comment.get_untracked(), &parts) {
            Err(fields) => errors.set(FormErrors::from_fields(fields)),
            Ok(mut body) => {
                errors.set(FormErrors::default());
                body.field_comments = field_comments.get_untracked();
                send.run(body);
            }
        }
    };
    let date_input = move |i: usize, label: &'static str| {
        let ids = [
            "todoke-return_deadline",
            "todoke-return_deadline-month",
            "todoke-return_deadline-day",
        ];
        view! {
            <div class="todoke-date__part">
                <input id=ids[i] type="text" inputmode="numeric" class=if i == 0 { "todoke-input todoke-input--year" } else { "todoke-input todoke-input--2" }
                    aria-label=t::parenthetical(t::RETURN_DEADLINE(), label)
                    prop:value=move || deadline[i].get() on:input=move |ev| deadline[i].set(event_target_value(&ev)) />
                <span class="todoke-date__unit" aria-hidden="true">{label}</span>
            </div>
        }
    };
    view! {
        <form class="todoke-form todoke-confirm" novalidate on:submit=submit_return aria-labelledby="todoke-return-form-title">
            <h3 id="todoke-return-form-title" class="todoke-heading-m">{t::RETURN_ACTION()}</h3>
            {required_text("return_comment", t::RETURN_COMMENT_LABEL(), comment, errors)}
            <FieldCommentsInput targets field_comments />
            <fieldset class="todoke-fieldset todoke-field">
                <legend class="todoke-label">{t::RETURN_DEADLINE()}" "<span class="todoke-badge">{t::OPTIONAL_BADGE()}</span></legend>
                <InlineError id="todoke-return_deadline-error".to_string() error=Signal::derive(move || errors.with(|e| e.first_for("return_deadline"))) />
                <div class="todoke-date">{date_input(0, t::YEAR())}{date_input(1, t::MONTH())}{date_input(2, t::DAY())}</div>
            </fieldset>
            <button id="todoke-return" type="submit" class="todoke-button">{t::RETURN_ACTION()}</button>
        </form>
    }
}

/// The return the reviewer typed (without field comments), or why it cannot be sent: the
/// comment is required, and a deadline with any part typed must be a date.
fn return_request(comment: String, deadline: &[String; 3]) -> Result<ReturnRequest, FieldErrors> {
    let mut fields = FieldErrors::default();
    if comment.trim().is_empty() {
        fields.add("return_comment", t::RETURN_COMMENT_REQUIRED());
    }
    let any = deadline.iter().any(|p| !p.trim().is_empty());
    let date = date_from_parts(deadline);
    if any && date.is_none() {
        fields.add(
            "return_deadline",
            t::forms::date_shape("", t::RETURN_DEADLINE()),
        );
    }
    if !fields.is_empty() {
        return Err(fields);
    }
    Ok(ReturnRequest {
        comment,
        field_comments: Vec::new(),
        deadline: date,
    })
}

/// Comments on single fields of a return: choose the field, type, 「追加」; each can be removed.
#[component]
fn FieldCommentsInput(
    targets: Vec<(String, String)>,
    field_comments: RwSignal<Vec<FieldComment>>,
) -> impl IntoView {
    let target = RwSignal::new(targets.first().map(|t| t.0.clone()).unwrap_or_default());
    let target_comment = RwSignal::new(String::new());
    let labels = StoredValue::new(targets.clone());
    let add_comment = move |_| {
        let text = target_comment.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        field_comments.update(|c| {
            c.push(FieldComment {
                path: target.get_untracked(),
                comment: text,
            })
        });
        target_comment.set(String::new());
    };
    view! {
        <fieldset class="todoke-fieldset todoke-field">
            <legend class="todoke-label">{t::ADD_FIELD_COMMENT()}" "<span class="todoke-badge">{t::OPTIONAL_BADGE()}</span></legend>
            <label class="todoke-label" for="todoke-field-comment-target">{t::FIELD_COMMENT_TARGET()}</label>
            <select id="todoke-field-comment-target" class="todoke-select" prop:value=move || target.get() on:change=move |ev| target.set(event_target_value(&ev))>
                {targets.into_iter().map(|(p, l)| view! { <option value=p>{l}</option> }).collect_view()}
            </select>
            <label class="todoke-label" for="todoke-field-comment-text">{t::FIELD_COMMENT_TEXT()}</label>
            <textarea id="todoke-field-comment-text" class="todoke-textarea" rows="2"
                prop:value=move || target_comment.get() on:input=move |ev| target_comment.set(event_target_value(&ev))></textarea>
            <button id="todoke-add-field-comment" type="button" class="todoke-button todoke-button--secondary" on:click=add_comment>{t::ADD_FIELD_COMMENT()}</button>
            <ul class="todoke-comment-list">
                {move || field_comments.get().into_iter().enumerate().map(|(i, c)| {
                    let label = labels.with_value(|l| l.iter().find(|(p, _)| *p == c.path).map(|(_, l)| l.clone()).unwrap_or(c.path.clone()));
                    view! {
                        <li>
                            <strong>{label}</strong>{t::LABEL_VALUE_SEPARATOR()}{c.comment}" "
                            <button type="button" class="todoke-button todoke-button--secondary todoke-button--small"
                                on:click=move |_| field_comments.update(|v| { v.remove(i); })>{t::REMOVE_FIELD_COMMENT()}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </fieldset>
    }
}

/// 「不受理」: a required reason.
#[component]
fn RejectForm(
    id: i64,
    errors: RwSignal<FormErrors>,
    on_done: Callback<Submission>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let reason = RwSignal::new(String::new());
    // Never waited for the previous answer.
    let send = use_submit(
        move |reason: String| Some(api::review_reject(id, reason)),
        move |s| {
            on_done.try_run(s);
        },
        SubmitOptions::default().concurrent().error_into(error),
    );
    let submit_reject = move |ev: SubmitEvent| {
        ev.prevent_default();
        if reason.get_untracked().trim().is_empty() {
            let mut f = FieldErrors::default();
            f.add("reject_reason", t::REJECT_REASON_REQUIRED());
            errors.set(FormErrors::from_fields(f));
            return;
        }
        errors.set(FormErrors::default());
        send.run(reason.get_untracked());
    };
    view! {
        <form class="todoke-form todoke-confirm" novalidate on:submit=submit_reject aria-labelledby="todoke-reject-form-title">
            <h3 id="todoke-reject-form-title" class="todoke-heading-m">{t::REJECT_ACTION()}</h3>
            {required_text("reject_reason", t::REJECTION_REASON(), reason, errors)}
            <button id="todoke-reject" type="submit" class="todoke-button todoke-button--warning">{t::REJECT_ACTION()}</button>
        </form>
    }
}

/// A required text area of the return and reject forms, with its inline error.
fn required_text(
    field: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<FormErrors>,
) -> impl IntoView {
    let id = format!("todoke-{field}");
    let error_id = format!("{id}-error");
    let invalid = move || errors.with(|e| e.first_for(field).is_some());
    view! {
        <div class="todoke-field">
            <label class="todoke-label" for=id.clone()>{label}" "<span class="todoke-badge todoke-badge--required">{t::REQUIRED_BADGE()}</span></label>
            <InlineError id=error_id.clone() error=Signal::derive(move || errors.with(|e| e.first_for(field))) />
            <textarea id=id class="todoke-textarea" rows="3"
                aria-invalid=move || invalid().then_some("true")
                aria-describedby=move || invalid().then_some(error_id.clone())
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))></textarea>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(y: &str, m: &str, d: &str) -> [String; 3] {
        [y.to_string(), m.to_string(), d.to_string()]
    }

    #[test]
    fn a_return_needs_a_comment_and_a_whole_deadline_if_any() {
        let none = parts("", "", "");
        let refused = return_request(" ".into(), &parts("2026", "2", "")).unwrap_err();
        assert!(refused.get("return_comment").is_some());
        assert!(refused.get("return_deadline").is_some());
        let ok = return_request("確認してください".into(), &none).unwrap();
        assert_eq!(ok.deadline, None);
        assert!(ok.field_comments.is_empty());
        let dated = return_request("確認".into(), &parts("2026", "3", "31")).unwrap();
        assert_eq!(dated.deadline, Some(time::macros::date!(2026 - 03 - 31)));
    }
}
