use crate::router::{use_navigate, use_query_map};
use leptos::prelude::*;
use todoke_core::api::{Draft, FilingStatus, Submission};
use todoke_core::era::format_date;
use todoke_core::lifecycle::Action;

use crate::api;
use crate::components::filing::{FilingContent, SubmittedContent, status_rows, summary_row};
use crate::components::notice::ErrorAlert;
use crate::components::page::PageHeading;
use crate::context::AppContext;
use crate::hooks::{Request, SubmitOptions, fetch_quietly, use_api, use_id_param, use_submit};
use crate::paths::AppRoute;
use crate::text as t;

/// `/submissions/:id`: the confirmation right after 「提出する」 (`?done=1`) and the record of a
/// submission later: arrival number, status, who acts next, the bureau's comments beside the
/// fields, what changed since the last submission, the history, the actions the lifecycle
/// allows, and a printable receipt (控え) with the content's SHA-256 digest.
#[component]
pub fn SubmissionPage() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let query = use_query_map();
    let done = query.with_untracked(|q| q.get("done").is_some());
    let id = use_id_param();
    let submission = RwSignal::new(None::<Submission>);
    let load = use_api(
        move || api::submission(id),
        move |s| submission.set(Some(s)),
    );
    // Opening a submission reads the notices about it.
    fetch_quietly(api::mark_submission_notices_read(id), move |unread| {
        ctx.unread.set(unread)
    });
    let print = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="todoke-page">
            <PageHeading text=if done { t::COMPLETE_TITLE() } else { t::SUBMISSION_TITLE() } />
            <ErrorAlert message=load.error />
            {move || submission.get().map(|s| {
                let content = FilingContent::of(&s);
                view! {
                    <div class="todoke-panel">
                        <p class="todoke-panel__label">{t::ARRIVAL_NUMBER()}</p>
                        <p class="todoke-panel__number">{s.arrival_number.clone()}</p>
                    </div>
                    <Receipt submission=s.clone() />
                    {done.then(|| view! {
                        <h2 class="todoke-heading-m">{t::NEXT_STEPS_HEADING()}</h2>
                        <p>{t::NEXT_STEPS_BODY()}</p>
                        <p>{t::KEEP_RECORD()}</p>
                    })}
                    <Documents submission=s.clone() />
                    <Actions submission=s.clone() reload=load />
                    <div class="todoke-button-group todoke-no-print">
                        <button id="todoke-print" type="button" class="todoke-button todoke-button--secondary" on:click=print>{t::PRINT()}</button>
                    </div>
                    <SubmittedContent submission=s content />
                }
            })}
        </div>
    }
}

/// The record's summary list with the digest, and the bureau's return comment when there is one.
#[component]
fn Receipt(submission: Submission) -> impl IntoView {
    let s = submission;
    let row = summary_row;
    view! {
        <dl class="todoke-summary-list">
            {row(t::PROCEDURE(), s.title.clone())}
            {status_rows(&s)}
            {s.rejection_reason.clone().map(|r| row(t::REJECTION_REASON(), r))}
            {row(t::FORM_VERSION(), s.form_version.clone())}
            {row(t::DIGEST(), s.content_sha256.clone())}
        </dl>
        <p class="todoke-hint">{t::DIGEST_HINT()}</p>
        {s.return_comment.clone().map(|c| view! {
            <section class="todoke-warning-text" aria-labelledby="todoke-return-title">
                <h2 id="todoke-return-title" class="todoke-heading-m">{t::RETURN_HEADING()}</h2>
                <p>{c}</p>
                {s.return_deadline.map(|d| view! { <p><strong>{t::RETURN_DEADLINE()}</strong>{t::LABEL_VALUE_SEPARATOR()}{format_date(d)}</p> })}
            </section>
        })}
    }
}

/// 「書類（PDF）」: the receipt always, the acceptance notice once accepted, as download links.
#[component]
fn Documents(submission: Submission) -> impl IntoView {
    let id = submission.id;
    let accepted = submission.status == FilingStatus::Accepted;
    view! {
        <section class="todoke-documents todoke-no-print" aria-labelledby="todoke-documents-title">
            <h2 id="todoke-documents-title" class="todoke-heading-m">{t::DOCUMENTS_HEADING()}</h2>
            <p>{t::DOCUMENTS_LEAD()}</p>
            <ul class="todoke-documents__list">
                <li>
                    <a id="todoke-receipt-pdf" href=api::receipt_pdf_url(id) download="">
                        {t::RECEIPT_PDF_LINK()}<span class="todoke-visually-hidden">{t::PDF_LINK_SUFFIX()}</span>
                    </a>
                </li>
                {accepted.then(|| view! {
                    <li>
                        <a id="todoke-acceptance-notice-pdf" href=api::acceptance_notice_pdf_url(id) download="">
                            {t::ACCEPTANCE_NOTICE_PDF_LINK()}<span class="todoke-visually-hidden">{t::PDF_LINK_SUFFIX()}</span>
                        </a>
                    </li>
                })}
            </ul>
        </section>
    }
}

/// The actions the lifecycle allows the applicant now. Withdrawal asks for confirmation first.
#[component]
fn Actions(submission: Submission, reload: Request<()>) -> impl IntoView {
    let navigate = use_navigate();
    let confirming = RwSignal::new(false);
    let comment = RwSignal::new(String::new());
    // One message line for every action.
    let error = RwSignal::new(None::<String>);
    let id = submission.id;
    // 「修正して再提出する」 and 「複写して新しく作成する」 open the draft the server made; neither
    // ever waited for an answer before taking another click.
    let open_draft = use_submit(
        move |copy: bool| {
            Some(async move {
                if copy {
                    api::copy_to_new_draft(id).await
                } else {
                    api::revise(id).await
                }
            })
        },
        move |draft: Draft| navigate(&AppRoute::Draft(draft.id).path(), Default::default()),
        SubmitOptions::default().error_into(error).concurrent(),
    );
    let withdraw = use_submit(
        move |()| {
            let c = Some(comment.get_untracked()).filter(|c| !c.trim().is_empty());
            Some(async move { api::withdraw(id, c).await })
        },
        move |_| {
            confirming.set(false);
            reload.run(());
        },
        SubmitOptions::default().error_into(error),
    );
    let allowed = submission.allowed_actions.clone();
    if allowed.is_empty() {
        return ().into_any();
    }
    let buttons = allowed
        .into_iter()
        .map(|action| match action {
            Action::Withdraw => view! {
                <button id="todoke-withdraw" type="button" class="todoke-button todoke-button--secondary"
                    on:click=move |_| { confirming.set(true); crate::dom::focus_by_id("todoke-withdraw-confirm-title"); }>
                    {t::WITHDRAW()}
                </button>
            }.into_any(),
            Action::Resubmit => view! {
                <button id="todoke-revise" type="button" class="todoke-button"
                    on:click=move |_| open_draft.run(false)>
                    {t::REVISE()}
                </button>
            }.into_any(),
            Action::CopyToNewDraft => view! {
                <button id="todoke-copy" type="button" class="todoke-button todoke-button--secondary"
                    on:click=move |_| open_draft.run(true)>
                    {t::COPY_TO_NEW()}
                </button>
            }.into_any(),
            _ => ().into_any(),
        })
        .collect_view();
    view! {
        <section class="todoke-actions todoke-no-print" aria-labelledby="todoke-actions-title">
            <h2 id="todoke-actions-title" class="todoke-heading-m">{t::ACTIONS_HEADING()}</h2>
            <ErrorAlert message=error />
            <div class="todoke-button-group">{buttons}</div>
            <Show when=move || confirming.get()>
                <WithdrawConfirm comment confirming withdraw />
            </Show>
        </section>
    }
    .into_any()
}

/// 「本当に取り下げますか」 under the buttons: an optional comment, then confirm or cancel. The
/// comment and the request belong to [`Actions`], so both outlive a cancel.
#[component]
fn WithdrawConfirm(
    comment: RwSignal<String>,
    confirming: RwSignal<bool>,
    withdraw: Request<()>,
) -> impl IntoView {
    let confirm_withdraw = move |_| withdraw.run(());
    view! {
        <div class="todoke-confirm" role="group" aria-labelledby="todoke-withdraw-confirm-title">
            <h3 id="todoke-withdraw-confirm-title" class="todoke-heading-m" tabindex="-1">{t::WITHDRAW_CONFIRM_HEADING()}</h3>
            <p>{t::WITHDRAW_CONFIRM_BODY()}</p>
            <label class="todoke-label" for="todoke-withdraw-comment">
                {t::WITHDRAW_COMMENT()}" "<span class="todoke-badge">{t::OPTIONAL_BADGE()}</span>
            </label>
            <textarea id="todoke-withdraw-comment" class="todoke-textarea" rows="3"
                prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
            <div class="todoke-button-group">
                <button id="todoke-withdraw-confirm" type="button" class="todoke-button todoke-button--warning" on:click=confirm_withdraw>
                    {t::WITHDRAW_CONFIRM()}
                </button>
                <button type="button" class="todoke-button todoke-button--secondary"
                    on:click=move |_| { confirming.set(false); crate::dom::focus_by_id("todoke-withdraw"); }>
                    {t::CANCEL()}
                </button>
            </div>
        </div>
    }
}
