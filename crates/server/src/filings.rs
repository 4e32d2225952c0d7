//! Filings: drafts (作成中), submissions (提出済) with their arrival numbers (到達番号), and the
//! filings list, all scoped to one applicant account.
//!
//! * A draft keeps the answers exactly as the browser sent them, so nothing typed is lost; its
//!   `version` rises with every save and a save based on an older version is refused
//!   ([`AppError::DraftConflict`]) without overwriting anything.
//! * Submitting re-runs [`forms::check`] with the server's context on the stored answers; the
//!   server's verdict is final. A submission stores the **normalised** answers, the form id and
//!   version the check used, and the acknowledged warnings.
//! * Submission is idempotent: the draft row records its submission, `submissions.draft_id` is
//!   unique, and a second submit of the same draft answers with the first submission.
//! * Arrival numbers are `YYYYMMDD-NNNNNN`: the arrival date in Japan and a sequence number from
//!   an `AUTOINCREMENT` counter shared by all accounts, so a number is never issued twice, even
//!   after rows are deleted (past 999,999 the sequence simply grows a seventh digit).
//! * Another account's draft or submission answers exactly like one that does not exist.

use std::collections::HashMap;

use sqlx::{SqliteConnection, SqlitePool};
use time::{Date, OffsetDateTime};
use todoke_core::FieldErrors;
use todoke_core::api::{Draft, FilingStatus, FilingSummary, FormSummary, Submission};
use todoke_core::forms::{self, Answers, CheckContext, CheckReport, FormDefinition};
use todoke_core::service_hours::JST;
use todoke_core::text::ja;

use crate::AppState;
use crate::auth::ApplicantSession;
use crate::db::{self, from_unix, to_unix};
use crate::error::AppError;

// ---- Forms -----------------------------------------------------------------------------------

/// The forms the applicant may file, for the start page.
pub fn form_summaries(applicant: &ApplicantSession) -> Vec<FormSummary> {
    forms::forms_for(applicant.class)
        .into_iter()
        .map(|d| FormSummary {
            page_count: d.pages.len(),
            id: d.id,
            version: d.version,
            title: d.title,
            description: d.description,
        })
        .collect()
}

/// The definition of `form_id` if the applicant may file it: 404 for an unknown id, 403
/// `form_not_available` for a form of another class.
pub fn available_form(
    applicant: &ApplicantSession,
    form_id: &str,
) -> Result<FormDefinition, AppError> {
    if forms::definition(form_id).is_none() {
        return Err(AppError::NotFound);
    }
    forms::forms_for(applicant.class)
        .into_iter()
        .find(|d| d.id == form_id)
        .ok_or(AppError::FormNotAvailable)
}

/// The context the server checks with (and publishes in the form bundle, so that the browser's
/// check is the server's): the account's class and code, today in Japan, and the 定例報告 as-of
/// date (`TODOKE_PERIODIC_REPORT_AS_OF`, 1 August by default).
pub fn check_context(state: &AppState, applicant: &ApplicantSession) -> CheckContext {
    let today = state.clock.now().to_offset(JST).date();
    let mut ctx = CheckContext::new(applicant.class, today)
        .with_institution_code(applicant.institution_code.clone());
    if let Some(as_of) = state
        .config
        .periodic_report_as_of
        .and_then(|md| md.in_year(today.year()))
    {
        ctx.periodic_report_as_of = as_of;
    }
    ctx
}

/// The form's title, or its id when the catalogue no longer has it.
fn title_of(form_id: &str) -> String {
    forms::definition(form_id).map_or_else(|| form_id.to_string(), |d| d.title)
}

// ---- Drafts ----------------------------------------------------------------------------------

/// A row of `drafts`.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DraftRow {
    pub id: i64,
    pub account_id: i64,
    pub form_id: String,
    pub form_version: String,
    /// The answers as sent, as JSON text.
    pub answers: String,
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
    pub submitted_at: Option<i64>,
    pub submission_id: Option<i64>,
}

const DRAFT_COLUMNS: &str = "id, account_id, form_id, form_version, answers, version, created_at, \
     updated_at, submitted_at, submission_id";

impl DraftRow {
    pub fn answers(&self) -> Result<Answers, AppError> {
        serde_json::from_str(&self.answers).map_err(|e| {
            AppError::Internal(format!("draft {} has unreadable answers: {e}", self.id))
        })
    }

    /// The draft as the API shows it (times in Japan time).
    pub fn to_api(&self) -> Result<Draft, AppError> {
        Ok(Draft {
            id: self.id,
            form_id: self.form_id.clone(),
            form_version: self.form_version.clone(),
            title: title_of(&self.form_id),
            answers: self.answers()?,
            version: self.version,
            created_at: from_unix(self.created_at)?.to_offset(JST),
            updated_at: from_unix(self.updated_at)?.to_offset(JST),
        })
    }
}

fn answers_json(answers: &Answers) -> Result<String, AppError> {
    serde_json::to_string(answers).map_err(|e| AppError::Internal(format!("answers: {e}")))
}

/// Saves a new draft of `def` at version 1.
pub async fn create_draft(
    pool: &SqlitePool,
    account_id: i64,
    def: &FormDefinition,
    answers: &Answers,
    now: OffsetDateTime,
) -> Result<Draft, AppError> {
    let sql = format!(
        "INSERT INTO drafts (account_id, form_id, form_version, answers, version, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, 1, ?5, ?5)
         RETURNING {DRAFT_COLUMNS}"
    );
    let row: DraftRow = sqlx::query_as(&sql)
        .bind(account_id)
        .bind(&def.id)
        .bind(&def.version)
        .bind(answers_json(answers)?)
        .bind(to_unix(now))
        .fetch_one(pool)
        .await?;
    row.to_api()
}

/// The account's draft `id`, submitted or not; `None` for another account's or a missing one.
pub async fn find_draft(
    conn: &mut SqliteConnection,
    account_id: i64,
    id: i64,
) -> Result<Option<DraftRow>, AppError> {
    let sql = format!("SELECT {DRAFT_COLUMNS} FROM drafts WHERE id = ?1 AND account_id = ?2");
    Ok(sqlx::query_as(&sql)
        .bind(id)
        .bind(account_id)
        .fetch_optional(&mut *conn)
        .await?)
}

/// The account's unsent draft `id`: 404 when there is none, 409 when it has been submitted.
pub async fn get_draft(pool: &SqlitePool, account_id: i64, id: i64) -> Result<Draft, AppError> {
    let mut conn = pool.acquire().await?;
    match find_draft(&mut conn, account_id, id).await? {
        None => Err(AppError::NotFound),
        Some(row) if row.submitted_at.is_some() => Err(AppError::DraftAlreadySubmitted),
        Some(row) => row.to_api(),
    }
}

/// Replaces the answers if the draft is still at `version` and unsent; the version rises by one.
/// Otherwise nothing is written: 404 when the draft is not the account's, 409 when another save
/// came first or it has been submitted.
pub async fn update_draft(
    pool: &SqlitePool,
    account_id: i64,
    id: i64,
    version: i64,
    answers: &Answers,
    now: OffsetDateTime,
) -> Result<Draft, AppError> {
    let sql = format!(
        "UPDATE drafts SET answers = ?1, version = version + 1, updated_at = ?2
         WHERE id = ?3 AND account_id = ?4 AND version = ?5 AND submitted_at IS NULL
         RETURNING {DRAFT_COLUMNS}"
    );
    let updated: Option<DraftRow> = sqlx::query_as(&sql)
        .bind(answers_json(answers)?)
        .bind(to_unix(now))
        .bind(id)
        .bind(account_id)
        .bind(version)
        .fetch_optional(pool)
        .await?;
    match updated {
        Some(row) => row.to_api(),
        None => Err(why_unchanged(pool, account_id, id).await?),
    }
}

/// Deletes an unsent draft: 404 when it is not the account's, 409 when it has been submitted
/// (the record of a submission is kept).
pub async fn delete_draft(pool: &SqlitePool, account_id: i64, id: i64) -> Result<(), AppError> {
    let done = sqlx::query(
        "DELETE FROM drafts WHERE id = ?1 AND account_id = ?2 AND submitted_at IS NULL",
    )
    .bind(id)
    .bind(account_id)
    .execute(pool)
    .await?;
    if done.rows_affected() == 1 {
        Ok(())
    } else {
        Err(why_unchanged(pool, account_id, id).await?)
    }
}

/// After a guarded write changed nothing: tell "not yours / gone" (404) from "submitted" or
/// "saved elsewhere" (409).
async fn why_unchanged(pool: &SqlitePool, account_id: i64, id: i64) -> Result<AppError, AppError> {
    let mut conn = pool.acquire().await?;
    Ok(match find_draft(&mut conn, account_id, id).await? {
        None => AppError::NotFound,
        Some(row) if row.submitted_at.is_some() => AppError::DraftAlreadySubmitted,
        Some(_) => AppError::DraftConflict,
    })
}

// ---- Submission ------------------------------------------------------------------------------

/// What a submit did.
#[derive(Debug, Clone)]
pub enum SubmitOutcome {
    /// A new submission (201).
    Created(Submission),
    /// The draft had been submitted already (a double click, a retried request): the same
    /// submission (200).
    Existing(Submission),
}

/// Submits draft `id` of the applicant. In one write transaction: a draft submitted before
/// answers with its submission; a stale `version` is 409; the shared check runs on the stored
/// answers with the server's context, and errors or unacknowledged warnings are 422 with the
/// messages keyed by issue path; otherwise an arrival number is issued and the submission stored.
pub async fn submit(
    state: &AppState,
    applicant: &ApplicantSession,
    id: i64,
    version: i64,
    acknowledged: &[String],
) -> Result<SubmitOutcome, AppError> {
    let account_id = applicant.account_id;
    let mut tx = db::begin_write(&state.pool).await?;
    let draft = find_draft(&mut tx, account_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if let Some(submission_id) = draft.submission_id {
        let existing = find_submission(&mut tx, account_id, submission_id)
            .await?
            .ok_or_else(|| {
                AppError::Internal(format!("draft {id} points to a missing submission"))
            })?;
        return Ok(SubmitOutcome::Existing(existing));
    }
    if draft.version != version {
        return Err(AppError::DraftConflict);
    }
    let def = available_form(applicant, &draft.form_id)?;
    let ctx = check_context(state, applicant);
    let report = forms::check(&def, &draft.answers()?, &ctx);
    let problems = submission_problems(&report, acknowledged);
    if !problems.is_empty() {
        return Err(AppError::Validation(problems));
    }

    let now = state.clock.now();
    let sequence: i64 =
        sqlx::query_scalar("INSERT INTO arrival_counter (issued_at) VALUES (?1) RETURNING id")
            .bind(to_unix(now))
            .fetch_one(&mut *tx)
            .await?;
    let arrival = arrival_number(now.to_offset(JST).date(), sequence);
    let mut acknowledged_keys: Vec<String> = Vec::new();
    for key in report.warnings().map(|w| w.key()) {
        if !acknowledged_keys.contains(&key) {
            acknowledged_keys.push(key);
        }
    }
    let submission_id: i64 = sqlx::query_scalar(
        "INSERT INTO submissions (account_id, draft_id, arrival_number, form_id, form_version, title,
                                  answers, acknowledged_warnings, status, submitted_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'submitted', ?9)
         RETURNING id",
    )
    .bind(account_id)
    .bind(draft.id)
    .bind(&arrival)
    .bind(&def.id)
    .bind(&def.version)
    .bind(&def.title)
    .bind(answers_json(&report.normalised)?)
    .bind(
        serde_json::to_string(&acknowledged_keys)
            .map_err(|e| AppError::Internal(format!("acknowledged warnings: {e}")))?,
    )
    .bind(to_unix(now))
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("UPDATE drafts SET submitted_at = ?1, submission_id = ?2 WHERE id = ?3")
        .bind(to_unix(now))
        .bind(submission_id)
        .bind(draft.id)
        .execute(&mut *tx)
        .await?;
    let submission = find_submission(&mut tx, account_id, submission_id)
        .await?
        .ok_or_else(|| AppError::Internal("the new submission is not readable".into()))?;
    tx.commit().await?;
    tracing::info!(
        account_id,
        draft_id = draft.id,
        arrival_number = arrival,
        form_id = def.id,
        "filing submitted"
    );
    Ok(SubmitOutcome::Created(submission))
}

/// Why a checked form may not be submitted, keyed by issue path: every error's message, and every
/// warning not acknowledged, its message after [`ja::SUBMIT_WARNING_NOT_ACKNOWLEDGED`]. Empty when the
/// submission may go ahead.
pub fn submission_problems(report: &CheckReport, acknowledged: &[String]) -> FieldErrors {
    let mut fields = FieldErrors::default();
    for issue in report.errors() {
        fields.add(&issue.path, issue.message.clone());
    }
    for warning in report.unacknowledged_warnings(acknowledged) {
        fields.add(
            &warning.path,
            ja::submit_warning_not_acknowledged(&warning.message),
        );
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

/// A row of `submissions`.
#[derive(Debug, Clone, sqlx::FromRow)]
struct SubmissionRow {
    id: i64,
    arrival_number: String,
    form_id: String,
    form_version: String,
    title: String,
    status: String,
    answers: String,
    acknowledged_warnings: String,
    submitted_at: i64,
}

impl SubmissionRow {
    fn to_api(&self) -> Result<Submission, AppError> {
        let corrupt = |what: &str, e: serde_json::Error| {
            AppError::Internal(format!("submission {} has an invalid {what}: {e}", self.id))
        };
        Ok(Submission {
            id: self.id,
            arrival_number: self.arrival_number.clone(),
            form_id: self.form_id.clone(),
            form_version: self.form_version.clone(),
            title: self.title.clone(),
            status: parse_status(&self.status)?,
            answers: serde_json::from_str(&self.answers).map_err(|e| corrupt("answers", e))?,
            acknowledged_warnings: serde_json::from_str(&self.acknowledged_warnings)
                .map_err(|e| corrupt("acknowledged_warnings", e))?,
            submitted_at: from_unix(self.submitted_at)?.to_offset(JST),
        })
    }
}

fn parse_status(status: &str) -> Result<FilingStatus, AppError> {
    serde_json::from_value(serde_json::Value::String(status.to_string()))
        .map_err(|_| AppError::Internal(format!("unknown filing status {status:?}")))
}

/// The account's submission `id`; `None` for another account's or a missing one.
pub async fn find_submission(
    conn: &mut SqliteConnection,
    account_id: i64,
    id: i64,
) -> Result<Option<Submission>, AppError> {
    let row: Option<SubmissionRow> = sqlx::query_as(
        "SELECT id, arrival_number, form_id, form_version, title, status, answers,
                acknowledged_warnings, submitted_at
         FROM submissions WHERE id = ?1 AND account_id = ?2",
    )
    .bind(id)
    .bind(account_id)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|r| r.to_api()).transpose()
}

// ---- The filings list ------------------------------------------------------------------------

#[derive(Debug, sqlx::FromRow)]
struct FilingRow {
    status: String,
    id: i64,
    form_id: String,
    title: Option<String>,
    arrival_number: Option<String>,
    at: i64,
}

/// 「届書・申請書の一覧」: the account's unsent drafts (by last save) and its submissions (by
/// arrival), newest first.
///
/// The one query behind `GET /api/v1/filings`; search and paging (issue 4) add their conditions
/// to the inner selects and a `LIMIT`/`OFFSET` after the `ORDER BY`.
pub async fn list_filings(
    pool: &SqlitePool,
    account_id: i64,
) -> Result<Vec<FilingSummary>, AppError> {
    let rows: Vec<FilingRow> = sqlx::query_as(
        "SELECT status, id, form_id, title, arrival_number, at FROM (
             SELECT 'draft' AS status, id, form_id, NULL AS title, NULL AS arrival_number,
                    updated_at AS at
             FROM drafts WHERE account_id = ?1 AND submitted_at IS NULL
             UNION ALL
             SELECT status, id, form_id, title, arrival_number, submitted_at AS at
             FROM submissions WHERE account_id = ?1
         )
         ORDER BY at DESC, id DESC",
    )
    .bind(account_id)
    .fetch_all(pool)
    .await?;
    let titles: HashMap<String, String> = forms::catalogue()
        .into_iter()
        .map(|d| (d.id, d.title))
        .collect();
    rows.into_iter()
        .map(|r| {
            let title = r
                .title
                .or_else(|| titles.get(&r.form_id).cloned())
                .unwrap_or_else(|| r.form_id.clone());
            Ok(FilingSummary {
                id: r.id,
                status: parse_status(&r.status)?,
                form_id: r.form_id,
                title,
                arrival_number: r.arrival_number,
                updated_at: from_unix(r.at)?.to_offset(JST),
            })
        })
        .collect()
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
        assert_eq!(
            arrival_number(date!(2027 - 01 - 05), 1_234_567),
            "20270105-1234567"
        );
    }

    #[test]
    fn statuses_round_trip() {
        assert_eq!(parse_status("draft").unwrap(), FilingStatus::Draft);
        assert_eq!(parse_status("submitted").unwrap(), FilingStatus::Submitted);
        assert!(parse_status("lost").is_err());
    }
}
