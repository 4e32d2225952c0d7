//! One function per thing a user does to a filing. Each owns its transaction (a write
//! transaction from [`db::begin_write`] when it changes anything) and answers what the API
//! returns; each handler calls exactly one of them.
//!
//! Applicant: [`create_draft`], [`get_draft`], [`save_draft`], [`delete_draft`], [`submit`]
//! (also the resubmission of a revised draft), [`read`], [`withdraw`], [`revise`], [`copy`].
//! Bureau: [`read`], [`receive`], [`start_review`], [`return_filing`], [`accept`], [`reject`].

mod drafts;
mod submit;

pub use drafts::{create_draft, delete_draft, get_draft, save_draft};
pub use submit::{SubmitOutcome, arrival_number, submission_problems, submit};

use time::Date;
use todoke_core::FieldErrors;
use todoke_core::api::{Draft, FieldComment, FilingStatus, Submission};
use todoke_core::calendar;
use todoke_core::forms;
use todoke_core::lifecycle::{self, Action};
use todoke_core::service_hours::JST;
use todoke_core::text::current as text;

use super::detail;
use super::forms::available_form;
use super::notices::notify;
use super::store::{self, Event, StatusChange, SubmissionRow};
use super::{Acting, AuditAction, Scope};
use crate::AppState;
use crate::auth::ApplicantSession;
use crate::db::{self, Conn, Pool};
use crate::error::AppError;

/// 受理番号: `YYYY-A-NNNNNN`, the year of acceptance in Japan and a never-reused sequence.
fn acceptance_number(year: i32, sequence: i64) -> String {
    format!("{year:04}-A-{sequence:06}")
}

// ---- Reading, revising, copying ------------------------------------------------------------

/// Submission `id` as `scope` sees it; 404 when it may not.
pub async fn read(pool: &Pool, scope: Scope, id: i64) -> Result<Submission, AppError> {
    let mut conn = pool.acquire().await?;
    detail::submission(&mut conn, scope, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Submission `id` as `scope` sees it, if `action` by `scope` is allowed in its status, with
/// the status the action leads to; 404 when `scope` cannot see it, 409 when the lifecycle
/// refuses. Changes nothing: every action starts here.
pub(super) async fn allowed(
    conn: &mut Conn,
    scope: Scope,
    id: i64,
    action: Action,
) -> Result<(SubmissionRow, FilingStatus), AppError> {
    let row = store::find_submission(conn, scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let to =
        lifecycle::transition(row.status, action, scope.actor()).map_err(AppError::Transition)?;
    Ok((row, to))
}

/// 差戻し → a draft prefilled with the returned submission's answers and linked to it: `(true,
/// draft)` when new, `(false, draft)` for the one made before and not sent yet.
pub async fn revise(
    state: &AppState,
    applicant: &ApplicantSession,
    id: i64,
) -> Result<(bool, Draft), AppError> {
    let scope = Scope::Applicant(applicant.account_id);
    let mut tx = db::begin_write(&state.pool).await?;
    let (row, _) = allowed(&mut tx, scope, id, Action::Resubmit).await?;
    if let Some(existing) = store::unsent_revision(&mut tx, applicant.account_id, id).await? {
        return Ok((false, detail::draft(&existing)?));
    }
    let draft = draft_from(&mut tx, state, applicant, &row, Some(id)).await?;
    tx.commit().await?;
    Ok((true, draft))
}

/// A rejected or withdrawn submission's answers in a new, unlinked draft; the submission does
/// not change.
pub async fn copy(
    state: &AppState,
    applicant: &ApplicantSession,
    id: i64,
) -> Result<Draft, AppError> {
    let scope = Scope::Applicant(applicant.account_id);
    let mut conn = state.pool.acquire().await?;
    let (row, _) = allowed(&mut conn, scope, id, Action::CopyToNewDraft).await?;
    draft_from(&mut conn, state, applicant, &row, None).await
}

/// A new draft of `applicant`'s with the answers of submission `row`, if its form is still one
/// the applicant may file.
async fn draft_from(
    conn: &mut Conn,
    state: &AppState,
    applicant: &ApplicantSession,
    row: &SubmissionRow,
    revises: Option<i64>,
) -> Result<Draft, AppError> {
    let def = available_form(applicant, &row.form_id)?;
    let now = state.clock.now();
    let draft = store::insert_draft(
        conn,
        applicant.account_id,
        &def,
        &row.answers()?,
        revises,
        now,
    )
    .await?;
    detail::draft(&draft)
}

// ---- Status changes --------------------------------------------------------------------------

/// The status changes taken by [`change`]: every lifecycle action but the two that make drafts
/// (resubmit is [`submit`], copy is [`copy`]), so no caller can pass one it refuses.
#[derive(Debug, Clone, Copy)]
enum Change {
    Withdraw,
    Receive,
    StartReview,
    Return,
    Accept,
    Reject,
}

impl Change {
    fn action(self) -> Action {
        match self {
            Self::Withdraw => Action::Withdraw,
            Self::Receive => Action::Receive,
            Self::StartReview => Action::StartReview,
            Self::Return => Action::Return,
            Self::Accept => Action::Accept,
            Self::Reject => Action::Reject,
        }
    }
}

/// A return's input (差戻し): the general comment, comments beside fields, a deadline.
#[derive(Debug, Clone, Default)]
pub struct ReturnInput {
    pub comment: String,
    pub field_comments: Vec<FieldComment>,
    pub deadline: Option<Date>,
}

/// 取下げ by the applicant, with an optional comment for the history.
pub async fn withdraw(
    state: &AppState,
    applicant: &ApplicantSession,
    id: i64,
    comment: Option<String>,
) -> Result<Submission, AppError> {
    let by = Acting::applicant(applicant);
    change(state, &by, id, Change::Withdraw, comment, Input::Plain).await
}

/// 受付 (提出済 → 受付済).
pub async fn receive(
    state: &AppState,
    by: &Acting,
    id: i64,
    comment: Option<String>,
) -> Result<Submission, AppError> {
    change(state, by, id, Change::Receive, comment, Input::Plain).await
}

/// 審査開始 (受付済 → 審査中).
pub async fn start_review(
    state: &AppState,
    by: &Acting,
    id: i64,
    comment: Option<String>,
) -> Result<Submission, AppError> {
    change(state, by, id, Change::StartReview, comment, Input::Plain).await
}

/// 差戻し, with the general comment (required), comments beside fields of this filing's
/// content, and a deadline not in the past.
pub async fn return_filing(
    state: &AppState,
    by: &Acting,
    id: i64,
    input: ReturnInput,
) -> Result<Submission, AppError> {
    let comment = Some(input.comment.clone());
    change(state, by, id, Change::Return, comment, Input::Return(input)).await
}

/// 受理: an acceptance number and the effective date (算定開始日) by the business calendar.
pub async fn accept(
    state: &AppState,
    by: &Acting,
    id: i64,
    comment: Option<String>,
) -> Result<Submission, AppError> {
    change(state, by, id, Change::Accept, comment, Input::Plain).await
}

/// 不受理, with the reason (required).
pub async fn reject(
    state: &AppState,
    by: &Acting,
    id: i64,
    reason: String,
) -> Result<Submission, AppError> {
    change(state, by, id, Change::Reject, None, Input::Reason(reason)).await
}

/// What besides a comment a change brings.
#[derive(Debug)]
enum Input {
    Plain,
    Return(ReturnInput),
    Reason(String),
}

const COMMENT_MAX_CHARS: usize = 2000;

fn trimmed(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The input's problems, keyed by request field. `commentable` are the paths a field comment
/// may name: the rows of the filing's content as both pages show it.
fn check_input(
    comment: Option<&str>,
    input: &Input,
    today: Date,
    commentable: &[String],
) -> FieldErrors {
    let mut errors = FieldErrors::default();
    let too_long = |s: &str| s.chars().count() > COMMENT_MAX_CHARS;
    if comment.is_some_and(too_long) {
        errors.add("comment", text::COMMENT_TOO_LONG());
    }
    match input {
        Input::Plain => {}
        Input::Return(r) => {
            if trimmed(Some(&r.comment)).is_none() {
                errors.add("comment", text::RETURN_COMMENT_REQUIRED());
            }
            for (i, c) in r.field_comments.iter().enumerate() {
                let key = format!("field_comments[{i}]");
                if c.path.trim().is_empty() || c.comment.trim().is_empty() {
                    errors.add(&key, text::FIELD_COMMENT_INCOMPLETE());
                } else if too_long(&c.comment) {
                    errors.add(&key, text::COMMENT_TOO_LONG());
                } else if !commentable.iter().any(|p| *p == c.path.trim()) {
                    errors.add(&key, text::FIELD_COMMENT_NO_SUCH_ITEM());
                }
            }
            if r.deadline.is_some_and(|d| d < today) {
                errors.add("deadline", text::RETURN_DEADLINE_PAST());
            }
        }
        Input::Reason(reason) => {
            if trimmed(Some(reason)).is_none() {
                errors.add("reason", text::REJECTION_REASON_REQUIRED());
            } else if too_long(reason) {
                errors.add("reason", text::COMMENT_TOO_LONG());
            }
        }
    }
    errors
}

/// The paths of `row`'s content that a bureau may comment on: the fields, and the fields of
/// each row it has, of its form ([`forms::review_rows`], what the review page offers).
fn commentable_paths(row: &SubmissionRow) -> Result<Vec<String>, AppError> {
    let Some(def) = forms::definition(&row.form_id) else {
        return Ok(Vec::new());
    };
    Ok(forms::review_rows(&def, &row.answers()?)
        .into_iter()
        .map(|r| r.path)
        .collect())
}

pub(super) fn plain_event<'a>(
    id: i64,
    action: Action,
    from: FilingStatus,
    to: FilingStatus,
) -> Event<'a> {
    Event {
        submission_id: id,
        action: AuditAction::Lifecycle(action),
        from_status: Some(from),
        to_status: to,
        comment: None,
        field_comments: &[],
        deadline: None,
    }
}

/// Takes `what` on submission `id` as `by`, in one write transaction: the lifecycle decides,
/// the submission changes, the audit log grows by one row and, for the bureau's changes, the
/// applicant gets a notice. Answers the submission as `by` now sees it.
async fn change(
    state: &AppState,
    by: &Acting,
    id: i64,
    what: Change,
    comment: Option<String>,
    input: Input,
) -> Result<Submission, AppError> {
    let now = state.clock.now();
    let today = now.to_offset(JST).date();
    let action = what.action();
    let mut tx = db::begin_write(&state.pool).await?;
    let (row, to) = allowed(&mut tx, by.scope, id, action).await?;
    let commentable = match &input {
        Input::Return(r) if !r.field_comments.is_empty() => commentable_paths(&row)?,
        _ => Vec::new(),
    };
    let problems = check_input(comment.as_deref(), &input, today, &commentable);
    if !problems.is_empty() {
        return Err(AppError::Validation(problems));
    }
    let comment = trimmed(comment.as_deref());
    let mut event = Event {
        comment: comment.as_deref(),
        ..plain_event(id, action, row.status, to)
    };
    let reason = match &input {
        Input::Reason(r) => trimmed(Some(r)),
        _ => None,
    };
    let acceptance = match what {
        Change::Accept => {
            let sequence = store::next_acceptance_sequence(&mut tx, now).await?;
            Some(acceptance_number(today.year(), sequence))
        }
        _ => None,
    };
    let status_change = match (&input, &acceptance) {
        (Input::Return(r), _) => {
            event.field_comments = &r.field_comments;
            event.deadline = r.deadline;
            StatusChange::Returned {
                comment: comment.as_deref(),
                field_comments: &r.field_comments,
                deadline: r.deadline,
            }
        }
        (Input::Reason(_), _) => StatusChange::Rejected {
            reason: reason.as_deref(),
        },
        (Input::Plain, Some(number)) => StatusChange::Accepted {
            acceptance_number: number,
            effective_date: calendar::effective_date(today),
        },
        (Input::Plain, None) => StatusChange::Plain,
    };
    store::set_status(&mut tx, id, to, &status_change, now).await?;
    let event_id = store::append_event(&mut tx, by, &event, now).await?;
    if by.scope.actor() == lifecycle::Actor::Reviewer {
        notify(&mut tx, &row, event_id, to, now).await?;
    }
    let submission = detail::written(&mut tx, by.scope, id).await?;
    tx.commit().await?;
    tracing::info!(
        submission_id = id,
        action = action.as_str(),
        from = row.status.as_str(),
        to = to.as_str(),
        actor_account_id = by.account_id,
        "filing transition"
    );
    Ok(submission)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn acceptance_numbers() {
        assert_eq!(acceptance_number(2026, 7), "2026-A-000007");
    }

    #[test]
    fn a_return_needs_its_comment_and_comments_on_the_filings_own_items() {
        let today = date!(2026 - 11 - 25);
        let input = Input::Return(ReturnInput {
            comment: " ".into(),
            field_comments: vec![
                FieldComment {
                    path: "staff[0].weekly_hours".into(),
                    comment: "確認してください。".into(),
                },
                FieldComment {
                    path: "staff[0].no_such".into(),
                    comment: "確認してください。".into(),
                },
            ],
            deadline: Some(date!(2026 - 11 - 24)),
        });
        let errors = check_input(Some(" "), &input, today, &["staff[0].weekly_hours".into()]);
        assert_eq!(
            errors.get("comment"),
            Some(&[text::RETURN_COMMENT_REQUIRED().to_string()][..])
        );
        assert_eq!(errors.get("field_comments[0]"), None);
        assert_eq!(
            errors.get("field_comments[1]"),
            Some(&[text::FIELD_COMMENT_NO_SUCH_ITEM().to_string()][..])
        );
        assert!(errors.get("deadline").is_some());
        assert!(
            check_input(None, &Input::Reason(" ".into()), today, &[])
                .get("reason")
                .is_some()
        );
    }
}
