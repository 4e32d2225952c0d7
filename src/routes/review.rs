use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use todoke_core::api::{FieldComment, FieldErrors, ReturnRequest, Submission};
use todoke_core::era::format_date;
use todoke_core::lifecycle::Action;
use todoke_core::service_hours::format_jst_datetime;

use crate::api::{self, ClientError};
use crate::app::AppContext;
use crate::components::error_summary::ErrorSummary;
use crate::components::fields::InlineError;
use crate::components::form::FormErrors;
use crate::components::notice::Notice;
use crate::components::page::PageHeading;
use crate::routes::submission::{History, content, summary_row};
use crate::routes::wizard::answers::date_from_parts;
use crate::routes::wizard::review::ReviewTable;
use crate::text as t;

/// `/review/:id`: a bureau reviewer's view of one filing, with the actions the lifecycle allows:
/// receive, start review, return with comments on fields and a deadline, accept, reject.
#[component]
pub fn ReviewFilingPage() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let params = use_params_map();
    let id = params
        .with_untracked(|p| p.get("id").and_then(|s| s.parse::<i64>().ok()))
        .unwrap_or(0);
    let filing = RwSignal::new(None::<Submission>);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let accept_result = move |r: Result<Submission, ClientError>| match r {
        Ok(s) => {
            error.set(None);
            done.set(Some(t::ACTION_DONE.to_string()));
            filing.set(Some(s));
            crate::dom::focus_by_id("todoke-page-heading");
        }
        Err(e) if ctx.handle_common_error(&e) => {}
        Err(e) => error.set(Some(e.message())),
    };
    spawn_local(async move { accept_result(api::review_filing(id).await) });
    done.set(None);

    view! {
        <div class="todoke-page">
            {move || done.get().map(|m| view! { <Notice message=Some(m) /> })}
            <PageHeading text=t::REVIEW_PAGE_TITLE />
            {move || error.get().map(|m| view! { <div class="todoke-warning-text" role="alert"><p>{m}</p></div> })}
            {move || filing.get().map(|s| {
                let (def, rows, changed) = content(&s);
                let targets: Vec<(String, String)> = rows
                    .iter()
                    .map(|r| (r.path.clone(), match &r.row_heading { Some(h) => format!("{h}　{}", r.label), None => r.label.clone() }))
                    .collect();
                let row = summary_row;
                view! {
                    <dl class="todoke-summary-list">
                        {s.institution.as_ref().map(|i| row(t::INSTITUTION, format!("{}（{}・{}）", i.name, i.code, i.prefecture)))}
                        {row(t::PROCEDURE, s.title.clone())}
                        {row(t::ARRIVAL_NUMBER, s.arrival_number.clone())}
                        {row(t::SUBMITTED_AT, format_jst_datetime(s.submitted_at))}
                        {row(t::STATUS, s.status.label().to_string())}
                        {row(t::NEXT_ACTOR, s.next_actor_label.clone())}
                        {s.acceptance_number.clone().map(|n| row(t::ACCEPTANCE_NUMBER, n))}
                        {s.effective_date.map(|d| row(t::EFFECTIVE_DATE, format_date(d)))}
                        {row(t::DIGEST, s.content_sha256.clone())}
                    </dl>
                    <ReviewerActions filing=s.clone() targets on_result=Callback::new(move |r| accept_result(r)) />
                    <h2 class="todoke-heading-m">{t::SUBMITTED_CONTENT}</h2>
                    {def.map(|d| view! { <ReviewTable def=d rows=Signal::stored(rows) comments=s.field_comments.clone() changed /> })}
                    <History submission=s />
                }
            })}
        </div>
    }
}

#[component]
fn ReviewerActions(
    filing: Submission,
    targets: Vec<(String, String)>,
    on_result: Callback<Result<Submission, ClientError>>,
) -> impl IntoView {
    let id = filing.id;
    let allowed = filing.allowed_actions.clone();
    let can = move |a: Action| allowed.contains(&a);
    let pending = RwSignal::new(false);
    let step = move |name: &'static str| {
        move |_| {
            if pending.get_untracked() {
                return;
            }
            pending.set(true);
            spawn_local(async move {
                on_result.run(api::review_step(id, name).await);
                pending.set(false);
            });
        }
    };

    // The return form.
    let comment = RwSignal::new(String::new());
    let field_comments = RwSignal::new(Vec::<FieldComment>::new());
    let target = RwSignal::new(targets.first().map(|t| t.0.clone()).unwrap_or_default());
    let target_comment = RwSignal::new(String::new());
    let deadline = [
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    ];
    let errors = RwSignal::new(FormErrors::default());
    let reason = RwSignal::new(String::new());
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
    let submit_return = move |ev: SubmitEvent| {
        ev.prevent_default();
        let mut fields = FieldErrors::default();
        if comment.get_untracked().trim().is_empty() {
            fields.add("return_comment", t::RETURN_COMMENT_REQUIRED);
        }
        let parts = deadline.map(|p| p.get_untracked());
        let any = parts.iter().any(|p| !p.trim().is_empty());
        let date = date_from_parts(&parts);
        if any && date.is_none() {
            fields.add(
                "return_deadline",
                t::forms::date_shape("", t::RETURN_DEADLINE),
            );
        }
        if !fields.is_empty() {
            errors.set(FormErrors::from_fields(fields));
            return;
        }
        errors.set(FormErrors::default());
        let body = ReturnRequest {
            comment: comment.get_untracked(),
            field_comments: field_comments.get_untracked(),
            deadline: date,
        };
        spawn_local(async move {
            let r = api::review_return(id, &body).await;
            if let Err(e) = &r
                && let Some(f) = e.fields()
            {
                errors.set(FormErrors::from_fields(f.clone()));
                return;
            }
            on_result.run(r);
        });
    };
    let submit_reject = move |ev: SubmitEvent| {
        ev.prevent_default();
        if reason.get_untracked().trim().is_empty() {
            let mut f = FieldErrors::default();
            f.add("reject_reason", t::REJECT_REASON_REQUIRED);
            errors.set(FormErrors::from_fields(f));
            return;
        }
        errors.set(FormErrors::default());
        let r = reason.get_untracked();
        spawn_local(async move { on_result.run(api::review_reject(id, r).await) });
    };
    let error_for = move |f: &'static str| Signal::derive(move || errors.with(|e| e.first_for(f)));
    let date_input = move |i: usize, label: &'static str| {
        let ids = [
            "todoke-return_deadline",
            "todoke-return_deadline-month",
            "todoke-return_deadline-day",
        ];
        view! {
            <div class="todoke-date__part">
                <input id=ids[i] type="text" inputmode="numeric" class=if i == 0 { "todoke-input todoke-input--year" } else { "todoke-input todoke-input--2" }
                    aria-label=format!("{}（{}）", t::RETURN_DEADLINE, label)
                    prop:value=move || deadline[i].get() on:input=move |ev| deadline[i].set(event_target_value(&ev)) />
                <span class="todoke-date__unit" aria-hidden="true">{label}</span>
            </div>
        }
    };
    if filing.allowed_actions.is_empty() {
        return ().into_any();
    }
    view! {
        <section class="todoke-actions" aria-labelledby="todoke-review-actions-title">
            <ErrorSummary items=Signal::derive(move || errors.with(|e| e.summary(&["return_comment", "return_deadline", "reject_reason"]))) />
            <h2 id="todoke-review-actions-title" class="todoke-heading-m">{t::ACTIONS_HEADING}</h2>
            <div class="todoke-button-group">
                {can(Action::Receive).then(|| view! { <button id="todoke-receive" type="button" class="todoke-button" on:click=step("receive")>{t::RECEIVE}</button> })}
                {can(Action::StartReview).then(|| view! { <button id="todoke-start-review" type="button" class="todoke-button" on:click=step("start-review")>{t::START_REVIEW}</button> })}
                {can(Action::Accept).then(|| view! { <button id="todoke-accept" type="button" class="todoke-button" on:click=step("accept")>{t::ACCEPT}</button> })}
            </div>
            {can(Action::Return).then(|| view! {
                <form class="todoke-form todoke-confirm" novalidate on:submit=submit_return aria-labelledby="todoke-return-form-title">
                    <h3 id="todoke-return-form-title" class="todoke-heading-m">{t::RETURN_ACTION}</h3>
                    <div class="todoke-field">
                        <label class="todoke-label" for="todoke-return_comment">{t::RETURN_COMMENT_LABEL}" "<span class="todoke-badge todoke-badge--required">{t::REQUIRED_BADGE}</span></label>
                        <InlineError id="todoke-return_comment-error".to_string() error=error_for("return_comment") />
                        <textarea id="todoke-return_comment" class="todoke-textarea" rows="3"
                            aria-invalid=move || errors.with(|e| e.first_for("return_comment").is_some()).then_some("true")
                            aria-describedby=move || errors.with(|e| e.first_for("return_comment").is_some()).then_some("todoke-return_comment-error")
                            prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                    </div>
                    <fieldset class="todoke-fieldset todoke-field">
                        <legend class="todoke-label">{t::ADD_FIELD_COMMENT}" "<span class="todoke-badge">{t::OPTIONAL_BADGE}</span></legend>
                        <label class="todoke-label" for="todoke-field-comment-target">{t::FIELD_COMMENT_TARGET}</label>
                        <select id="todoke-field-comment-target" class="todoke-select" prop:value=move || target.get() on:change=move |ev| target.set(event_target_value(&ev))>
                            {targets.into_iter().map(|(p, l)| view! { <option value=p>{l}</option> }).collect_view()}
                        </select>
                        <label class="todoke-label" for="todoke-field-comment-text">{t::FIELD_COMMENT_TEXT}</label>
                        <textarea id="todoke-field-comment-text" class="todoke-textarea" rows="2"
                            prop:value=move || target_comment.get() on:input=move |ev| target_comment.set(event_target_value(&ev))></textarea>
                        <button id="todoke-add-field-comment" type="button" class="todoke-button todoke-button--secondary" on:click=add_comment>{t::ADD_FIELD_COMMENT}</button>
                        <ul class="todoke-comment-list">
                            {move || field_comments.get().into_iter().enumerate().map(|(i, c)| {
                                let label = labels.with_value(|l| l.iter().find(|(p, _)| *p == c.path).map(|(_, l)| l.clone()).unwrap_or(c.path.clone()));
                                view! {
                                    <li>
                                        <strong>{label}</strong>"："{c.comment}" "
                                        <button type="button" class="todoke-button todoke-button--secondary todoke-button--small"
                                            on:click=move |_| field_comments.update(|v| { v.remove(i); })>{t::REMOVE_FIELD_COMMENT}</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </fieldset>
                    <fieldset class="todoke-fieldset todoke-field">
                        <legend class="todoke-label">{t::RETURN_DEADLINE}" "<span class="todoke-badge">{t::OPTIONAL_BADGE}</span></legend>
                        <InlineError id="todoke-return_deadline-error".to_string() error=error_for("return_deadline") />
                        <div class="todoke-date">{date_input(0, t::YEAR)}{date_input(1, t::MONTH)}{date_input(2, t::DAY)}</div>
                    </fieldset>
                    <button id="todoke-return" type="submit" class="todoke-button">{t::RETURN_ACTION}</button>
                </form>
            })}
            {can(Action::Reject).then(|| view! {
                <form class="todoke-form todoke-confirm" novalidate on:submit=submit_reject aria-labelledby="todoke-reject-form-title">
                    <h3 id="todoke-reject-form-title" class="todoke-heading-m">{t::REJECT_ACTION}</h3>
                    <div class="todoke-field">
                        <label class="todoke-label" for="todoke-reject_reason">{t::REJECTION_REASON}" "<span class="todoke-badge todoke-badge--required">{t::REQUIRED_BADGE}</span></label>
                        <InlineError id="todoke-reject_reason-error".to_string() error=error_for("reject_reason") />
                        <textarea id="todoke-reject_reason" class="todoke-textarea" rows="3"
                            aria-invalid=move || errors.with(|e| e.first_for("reject_reason").is_some()).then_some("true")
                            aria-describedby=move || errors.with(|e| e.first_for("reject_reason").is_some()).then_some("todoke-reject_reason-error")
                            prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                    </div>
                    <button id="todoke-reject" type="submit" class="todoke-button todoke-button--warning">{t::REJECT_ACTION}</button>
                </form>
            })}
        </section>
    }
    .into_any()
}
