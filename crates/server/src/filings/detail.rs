//! A submission as a [`Scope`] sees it: its content, where it stands, its history (the audit
//! log, and the operator's end-of-use processing as the last entry), and what may be done next.

use time::Date;
use todoke_core::api::{
    AccountLink, Draft, FieldComment, FilingStatus, HistoryEntry, InstitutionSummary,
    LinkedAccount, LinkedFiling, Submission,
};
use todoke_core::forms;
use todoke_core::lifecycle;
use todoke_core::service_hours::JST;
use todoke_core::text::current as text;

use super::forms::title_of;
use super::store::{self, DraftRow, EndOfUseOutcome, EventRow, SubmissionRow};
use super::{AuditAction, Scope};
use crate::accounts::institution_of;
use crate::db::{Conn, from_unix};
use crate::error::AppError;

pub(crate) fn parse_date(s: &str) -> Option<Date> {
    forms::parse_iso_date(s)
}

fn parse_status(status: &str) -> Result<FilingStatus, AppError> {
    FilingStatus::parse(status)
        .ok_or_else(|| AppError::Internal(format!("unknown filing status {status:?}")))
}

pub(crate) fn field_comments(text: Option<&str>) -> Result<Vec<FieldComment>, AppError> {
    text.map(|t| {
        serde_json::from_str(t).map_err(|e| AppError::Internal(format!("field comments: {e}")))
    })
    .transpose()
    .map(Option::unwrap_or_default)
}

/// The draft as the API shows it (times in Japan time).
pub fn draft(row: &DraftRow) -> Result<Draft, AppError> {
    Ok(Draft {
        id: row.id,
        form_id: row.form_id.clone(),
        form_version: row.form_version.clone(),
        title: title_of(&row.form_id),
        answers: row.answers()?,
        version: row.version,
        revises_submission_id: row.revises_submission_id,
        created_at: from_unix(row.created_at)?.to_offset(JST),
        updated_at: from_unix(row.updated_at)?.to_offset(JST),
    })
}

/// Submission `id` as `scope` sees it; `None` when `scope` may not see it.
pub async fn submission(
    conn: &mut Conn,
    scope: Scope,
    id: i64,
) -> Result<Option<Submission>, AppError> {
    let Some(row) = store::find_submission(conn, scope, id).await? else {
        return Ok(None);
    };
    let mut history = store::events_of(conn, id)
        .await?
        .into_iter()
        .map(history_entry)
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(entry) = end_of_use_entry(conn, id, row.status).await? {
        history.push(entry);
    }
    let mut submission = submission_of(&row, scope, history)?;
    if let Scope::Bureau(_) = scope {
        submission.linked_accounts = linked_accounts(conn, scope, row.account_id).await?;
    }
    Ok(Some(submission))
}

/// The institution's other user IDs, each with the filings `scope` may see, so that a
/// reviewer reads the history across a change of code, class or address.
async fn linked_accounts(
    conn: &mut Conn,
    scope: Scope,
    account_id: i64,
) -> Result<Vec<LinkedAccount>, AppError> {
    let mut linked = Vec::new();
    for a in store::linked_accounts(conn, account_id).await? {
        let filings = store::filings_of_account(conn, scope, a.id)
            .await?
            .into_iter()
            .map(|f| {
                Ok(LinkedFiling {
                    id: f.id,
                    arrival_number: f.arrival_number,
                    title: super::forms::shown_title(Some(f.title), Some(title_of(&f.form_id)))
                        .unwrap_or_default(),
                    status: f.status,
                    submitted_at: from_unix(f.submitted_at)?.to_offset(JST),
                })
            })
            .collect::<Result<Vec<_>, AppError>>()?;
        let corrupt = |what: &str| AppError::Internal(format!("account {} has no {what}", a.id));
        linked.push(LinkedAccount {
            link: if a.link == "predecessor" {
                AccountLink::Predecessor
            } else {
                AccountLink::Successor
            },
            user_id: a.user_id,
            institution_code: a.institution_code.ok_or_else(|| corrupt("code"))?,
            fee_schedule_class: a
                .fee_schedule_class
                .as_deref()
                .and_then(todoke_core::FeeScheduleClass::parse)
                .ok_or_else(|| corrupt("class"))?,
            institution_name: a.institution_name.unwrap_or_default(),
            ended: a.ended_at.is_some(),
            filings,
        });
    }
    Ok(linked)
}

/// The institution that filed submission `id`, when `scope` may see the submission.
pub async fn institution(
    conn: &mut Conn,
    scope: Scope,
    id: i64,
) -> Result<Option<InstitutionSummary>, AppError> {
    Ok(store::find_submission(conn, scope, id)
        .await?
        .and_then(|row| institution_of_row(&row)))
}

fn institution_of_row(row: &SubmissionRow) -> Option<InstitutionSummary> {
    institution_of(
        row.institution_code.as_deref(),
        row.fee_schedule_class.as_deref(),
        row.institution_name.as_deref(),
        row.prefecture,
    )
}

/// Like [`submission`], for a row just written in the same transaction.
pub async fn written(conn: &mut Conn, scope: Scope, id: i64) -> Result<Submission, AppError> {
    submission(conn, scope, id)
        .await?
        .ok_or_else(|| AppError::Internal(format!("submission {id} is not readable")))
}

fn history_entry(e: EventRow) -> Result<HistoryEntry, AppError> {
    let action = AuditAction::parse(&e.action);
    Ok(HistoryEntry {
        at: from_unix(e.at)?.to_offset(JST),
        actor_label: e.actor_label,
        action_label: action.map_or_else(|| e.action.clone(), |a| a.label().to_string()),
        action: e.action,
        from_status: e.from_status.as_deref().map(parse_status).transpose()?,
        to_status: e.to_status,
        comment: e.comment,
        field_comments: field_comments(e.field_comments.as_deref())?,
        deadline: e.deadline.as_deref().and_then(parse_date),
    })
}

fn submission_of(
    row: &SubmissionRow,
    scope: Scope,
    history: Vec<HistoryEntry>,
) -> Result<Submission, AppError> {
    let corrupt = |what: &str, e: serde_json::Error| {
        AppError::Internal(format!("submission {} has an invalid {what}: {e}", row.id))
    };
    let status = row.status;
    Ok(Submission {
        id: row.id,
        arrival_number: row.arrival_number.clone(),
        form_id: row.form_id.clone(),
        form_version: row.form_version.clone(),
        title: super::forms::shown_title(Some(row.title.clone()), Some(title_of(&row.form_id)))
            .unwrap_or_default(),
        status,
        answers: row.answers()?,
        acknowledged_warnings: serde_json::from_str(&row.acknowledged_warnings)
            .map_err(|e| corrupt("acknowledged_warnings", e))?,
        submitted_at: from_unix(row.submitted_at)?.to_offset(JST),
        history,
        allowed_actions: lifecycle::allowed_actions(status, scope.actor()),
        field_comments: field_comments(row.field_comments.as_deref())?,
        return_comment: row.return_comment.clone(),
        return_deadline: row.return_deadline.as_deref().and_then(parse_date),
        acceptance_number: row.acceptance_number.clone(),
        effective_date: row.effective_date.as_deref().and_then(parse_date),
        rejection_reason: row.rejection_reason.clone(),
        content_sha256: row
            .content_sha256
            .clone()
            .unwrap_or_else(|| store::content_sha256(&row.answers)),
        previous_answers: row
            .previous_answers
            .as_deref()
            .map(serde_json::from_str)
            .transpose()
            .map_err(|e| corrupt("previous_answers", e))?,
        next_actor_label: lifecycle::next_actor_label(status).to_string(),
        institution: match scope {
            Scope::Applicant(_) => None,
            Scope::Bureau(_) => institution_of_row(row),
        },
        linked_accounts: Vec::new(),
    })
}

/// The operator's processing of an accepted 利用終了届出, shown as the last history entry.
async fn end_of_use_entry(
    conn: &mut Conn,
    submission_id: i64,
    status: FilingStatus,
) -> Result<Option<HistoryEntry>, AppError> {
    let Some((at, outcome)) = store::end_of_use_record(conn, submission_id).await? else {
        return Ok(None);
    };
    Ok(Some(HistoryEntry {
        at: from_unix(at)?.to_offset(JST),
        actor_label: text::OPERATOR_LABEL().to_string(),
        action_label: AuditAction::EndUse.label().to_string(),
        action: AuditAction::EndUse.as_str().to_string(),
        from_status: Some(status),
        to_status: status,
        comment: Some(
            match outcome {
                EndOfUseOutcome::Ended => text::END_USE_DONE(),
                EndOfUseOutcome::AlreadyEnded => text::END_USE_ALREADY_DONE(),
            }
            .to_string(),
        ),
        field_comments: Vec::new(),
        deadline: None,
    }))
}
