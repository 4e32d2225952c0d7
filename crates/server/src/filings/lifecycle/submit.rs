//! Submitting a draft (提出), and resubmitting one that revises a returned submission (再提出).

use time::Date;
use todoke_core::FieldErrors;
use todoke_core::api::FilingStatus;
use todoke_core::api::Submission;
use todoke_core::forms::{self, CheckReport};
use todoke_core::lifecycle::Action;
use todoke_core::service_hours::JST;
use todoke_core::text::current as text;

use super::{allowed, plain_event};
use crate::AppState;
use crate::auth::ApplicantSession;
use crate::db;
use crate::error::AppError;
use crate::filings::forms::{available_form, check_context, refuse_oversized_groups};
use crate::filings::store::{self, Content, Event};
use crate::filings::{Acting, AuditAction, Scope, detail};

/// What a submit did.
#[derive(Debug, Clone)]
pub enum SubmitOutcome {
    /// A new submission, or a resubmission after 差戻し (201).
    Created(Submission),
    /// The draft had been submitted already (a double click, a retried request): the same
    /// submission (200).
    Existing(Submission),
}

/// Submits draft `id` of the applicant. In one write transaction: a draft submitted before
/// answers with its submission; a stale `version` is 409; the shared check runs on the stored
/// answers with the server's context, and errors or unacknowledged warnings are 422 with the
/// messages keyed by issue path; otherwise an arrival number is issued and the submission
/// stored, or, for a draft that revises a returned submission, that submission resubmitted.
pub async fn submit(
    state: &AppState,
    applicant: &ApplicantSession,
    id: i64,
    version: i64,
    acknowledged: &[String],
) -> Result<SubmitOutcome, AppError> {
    // No draft has a version below 1 (the schema's minimum): refused before the idempotent
    // answer below, as a save with such a version is.
    if version < 1 {
        return Err(AppError::DraftConflict);
    }
    let account_id = applicant.account_id;
    let scope = Scope::Applicant(account_id);
    let mut tx = db::begin_write(&state.pool).await?;
    let draft = store::find_draft(&mut tx, account_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if let Some(submission_id) = draft.submission_id {
        let existing = detail::written(&mut tx, scope, submission_id).await?;
        return Ok(SubmitOutcome::Existing(existing));
    }
    if draft.version != version {
        return Err(AppError::DraftConflict);
    }
    let def = available_form(applicant, &draft.form_id)?;
    let answers = draft.answers()?;
    refuse_oversized_groups(&def, &answers)?;
    let report = forms::check(&def, &answers, &check_context(state, applicant));
    let problems = submission_problems(&report, acknowledged);
    if !problems.is_empty() {
        return Err(AppError::Validation(problems));
    }
    let content = content_of(&def, &report)?;
    let acting = Acting::applicant(applicant);
    let now = state.clock.now();
    let (submission_id, event) = match draft.revises_submission_id {
        Some(revised) => {
            let (row, to) = allowed(&mut tx, scope, revised, Action::Resubmit).await?;
            store::replace_content(&mut tx, revised, &content, to, now).await?;
            (
                revised,
                plain_event(revised, Action::Resubmit, row.status, to),
            )
        }
        None => {
            let sequence = store::next_arrival_sequence(&mut tx, now).await?;
            let arrival = arrival_number(now.to_offset(JST).date(), sequence);
            let new_id =
                store::insert_submission(&mut tx, account_id, draft.id, &arrival, &content, now)
                    .await?;
            let event = Event {
                submission_id: new_id,
                action: AuditAction::Submit,
                from_status: Some(FilingStatus::Draft),
                to_status: FilingStatus::Submitted,
                comment: None,
                field_comments: &[],
                deadline: None,
            };
            (new_id, event)
        }
    };
    store::mark_draft_submitted(&mut tx, draft.id, submission_id, now).await?;
    store::append_event(&mut tx, &acting, &event, now).await?;
    let submission = detail::written(&mut tx, scope, submission_id).await?;
    tx.commit().await?;
    tracing::info!(
        account_id,
        draft_id = draft.id,
        submission_id,
        arrival_number = submission.arrival_number,
        action = event.action.as_str(),
        "filing submitted"
    );
    Ok(SubmitOutcome::Created(submission))
}

/// What a checked draft stores: the normalised answers, their digest and the warnings
/// acknowledged (each once, in the report's order).
fn content_of<'a>(
    def: &'a forms::FormDefinition,
    report: &CheckReport,
) -> Result<Content<'a>, AppError> {
    let mut keys: Vec<String> = Vec::new();
    for key in report.warnings().map(|w| w.key()) {
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    let answers = store::json_text(&report.normalised)?;
    Ok(Content {
        def,
        sha256: store::content_sha256(&answers),
        answers,
        acknowledged_warnings: store::json_text(&keys)?,
    })
}

/// Why a checked form may not be submitted, keyed by issue path: every error's message, and
/// every warning not acknowledged, its message after [`text::submit_warning_not_acknowledged`]
/// and then its details, one message each. Empty when the submission may go ahead.
pub fn submission_problems(report: &CheckReport, acknowledged: &[String]) -> FieldErrors {
    let mut fields = FieldErrors::default();
    for issue in report.errors() {
        fields.add(&issue.path, issue.message.clone());
    }
    for warning in report.unacknowledged_warnings(acknowledged) {
        fields.add(
            &warning.path,
            text::submit_warning_not_acknowledged(&warning.message),
        );
        for line in &warning.details {
            fields.add(&warning.path, line.clone());
        }
    }
    fields
}

/// 到達番号: `YYYYMMDD-NNNNNN`, the arrival date in Japan and the zero-padded sequence number.
pub fn arrival_number(date: Date, sequence: i64) -> String {
    format!(
        "{:04}{:02}{:02}-{sequence:06}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn arrival_numbers_are_date_and_padded_sequence() {
        assert_eq!(arrival_number(date!(2026 - 11 - 25), 1), "20261125-000001");
        assert_eq!(
            arrival_number(date!(2027 - 01 - 05), 123_456),
            "20270105-123456"
        );
    }
}
