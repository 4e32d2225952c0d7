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

use crate::db::{Conn, Pool};
use time::{Date, OffsetDateTime};
use todoke_core::FieldErrors;
use todoke_core::api::{Draft, FilingStatus, FormSummary, Submission};
use todoke_core::forms::{self, Answers, CheckContext, CheckReport, FormDefinition};
use todoke_core::lifecycle::{self, Action, Actor};
use todoke_core::service_hours::JST;
use todoke_core::text::ja;

use crate::AppState;
use crate::auth::ApplicantSession;
use crate::db::{self, from_unix, to_unix};
use crate::error::AppError;
use crate::tracking::{self, Acting, Event, Scope};

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

/// Refuses answers with more rows in a group than `def` allows (422 naming the limit), before
/// anything checks them: a check answers per row, so 10,000 rows of a 50-row table would make a
/// 10 MB answer out of a 1 MB request.
pub fn refuse_oversized_groups(def: &FormDefinition, answers: &Answers) -> Result<(), AppError> {
    let mut fields = FieldErrors::default();
    for group in def
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match i {
            forms::Item::Group(g) => Some(g),
            _ => None,
        })
    {
        if let Some(serde_json::Value::Array(rows)) = answers.get(&group.id)
            && rows.len() > group.max_rows
        {
            fields.add(
                &group.id,
                ja::forms::group_too_many_rows(&group.label, group.max_rows, rows.len()),
            );
        }
    }
    fields.into_result().map_err(AppError::Validation)
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
    /// Set on a draft made to revise a returned submission.
    pub revises_submission_id: Option<i64>,
}

const DRAFT_COLUMNS: &str = "id, account_id, form_id, form_version, answers, version, created_at, \
     updated_at, submitted_at, submission_id, revises_submission_id";

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
            revises_submission_id: self.revises_submission_id,
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
    pool: &Pool,
    account_id: i64,
    def: &FormDefinition,
    answers: &Answers,
    now: OffsetDateTime,
) -> Result<Draft, AppError> {
    refuse_oversized_groups(def, answers)?;
    let mut conn = pool.acquire().await?;
    insert_draft(&mut conn, account_id, def, answers, None, now).await
}

/// Saves a new draft at version 1; `revises` links it to a returned submission.
/// A new draft of `applicant`'s with the answers of submission `row` (revise: `revises` is its
/// id; copy: `None`), if the form is still one the applicant may file.
pub async fn draft_from_submission(
    conn: &mut Conn,
    applicant: &ApplicantSession,
    row: &tracking::SubmissionRow,
    revises: Option<i64>,
    now: OffsetDateTime,
) -> Result<Draft, AppError> {
    let def = available_form(applicant, &row.form_id)?;
    insert_draft(
        conn,
        applicant.account_id,
        &def,
        &row.answers()?,
        revises,
        now,
    )
    .await
}

pub async fn insert_draft(
    conn: &mut Conn,
    account_id: i64,
    def: &FormDefinition,
    answers: &Answers,
    revises: Option<i64>,
    now: OffsetDateTime,
) -> Result<Draft, AppError> {
    let sql = format!(
        "INSERT INTO drafts (account_id, form_id, form_version, answers, version, created_at,
                             updated_at, revises_submission_id)
         VALUES ($1, $2, $3, $4, 1, $5, $5, $6)
         RETURNING {DRAFT_COLUMNS}"
    );
    let row: DraftRow = sqlx::query_as(&sql)
        .bind(account_id)
        .bind(&def.id)
        .bind(&def.version)
        .bind(answers_json(answers)?)
        .bind(to_unix(now))
        .bind(revises)
        .fetch_one(&mut *conn)
        .await?;
    row.to_api()
}

/// The account's draft `id`, submitted or not; `None` for another account's or a missing one.
pub async fn find_draft(
    conn: &mut Conn,
    account_id: i64,
    id: i64,
) -> Result<Option<DraftRow>, AppError> {
    let sql = format!("SELECT {DRAFT_COLUMNS} FROM drafts WHERE id = $1 AND account_id = $2");
    Ok(sqlx::query_as(&sql)
        .bind(id)
        .bind(account_id)
        .fetch_optional(&mut *conn)
        .await?)
}

/// The unsent draft made to revise submission `submission_id`, if any.
pub async fn unsent_revision(
    conn: &mut Conn,
    account_id: i64,
    submission_id: i64,
) -> Result<Option<DraftRow>, AppError> {
    let sql = format!(
        "SELECT {DRAFT_COLUMNS} FROM drafts
         WHERE account_id = $1 AND revises_submission_id = $2 AND submitted_at IS NULL
         ORDER BY id DESC LIMIT 1"
    );
    Ok(sqlx::query_as(&sql)
        .bind(account_id)
        .bind(submission_id)
        .fetch_optional(&mut *conn)
        .await?)
}

/// The account's unsent draft `id`: 404 when there is none, 409 when it has been submitted.
pub async fn get_draft(pool: &Pool, account_id: i64, id: i64) -> Result<Draft, AppError> {
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
    pool: &Pool,
    account_id: i64,
    id: i64,
    version: i64,
    answers: &Answers,
    now: OffsetDateTime,
) -> Result<Draft, AppError> {
    let form_id: Option<String> =
        sqlx::query_scalar("SELECT form_id FROM drafts WHERE id = $1 AND account_id = $2")
            .bind(id)
            .bind(account_id)
            .fetch_optional(pool)
            .await?;
    if let Some(def) = form_id.as_deref().and_then(forms::definition) {
        refuse_oversized_groups(&def, answers)?;
    }
    let sql = format!(
        "UPDATE drafts SET answers = $1, version = version + 1, updated_at = $2
         WHERE id = $3 AND account_id = $4 AND version = $5 AND submitted_at IS NULL
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
pub async fn delete_draft(pool: &Pool, account_id: i64, id: i64) -> Result<(), AppError> {
    let done = sqlx::query(
        "DELETE FROM drafts WHERE id = $1 AND account_id = $2 AND submitted_at IS NULL",
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
async fn why_unchanged(pool: &Pool, account_id: i64, id: i64) -> Result<AppError, AppError> {
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
    let answers = draft.answers()?;
    refuse_oversized_groups(&def, &answers)?;
    let ctx = check_context(state, applicant);
    let report = forms::check(&def, &answers, &ctx);
    let problems = submission_problems(&report, acknowledged);
    if !problems.is_empty() {
        return Err(AppError::Validation(problems));
    }

    let now = state.clock.now();
    let mut acknowledged_keys: Vec<String> = Vec::new();
    for key in report.warnings().map(|w| w.key()) {
        if !acknowledged_keys.contains(&key) {
            acknowledged_keys.push(key);
        }
    }
    let stored_answers = answers_json(&report.normalised)?;
    let digest = tracking::content_sha256(&stored_answers);
    let acknowledged_json = serde_json::to_string(&acknowledged_keys)
        .map_err(|e| AppError::Internal(format!("acknowledged warnings: {e}")))?;
    let acting = applicant_acting(applicant);

    if let Some(revised) = draft.revises_submission_id {
        // A resubmission after 差戻し: the same submission, with the new content.
        let scope = Scope::Applicant(account_id);
        let row = tracking::find_row(&mut tx, scope, revised)
            .await?
            .ok_or_else(|| {
                AppError::Internal(format!("draft {id} revises a missing submission"))
            })?;
        let from = row.status()?;
        let to = lifecycle::transition(from, Action::Resubmit, Actor::Applicant)
            .map_err(AppError::Transition)?;
        sqlx::query(
            "UPDATE submissions SET previous_answers = answers, answers = $1,
                    acknowledged_warnings = $2, form_version = $3, title = $4, status = $5,
                    submitted_at = $6, content_sha256 = $7
             WHERE id = $8",
        )
        .bind(&stored_answers)
        .bind(&acknowledged_json)
        .bind(&def.version)
        .bind(&def.title)
        .bind(to.as_str())
        .bind(to_unix(now))
        .bind(&digest)
        .bind(revised)
        .execute(&mut *tx)
        .await?;
        mark_submitted(&mut tx, draft.id, revised, now).await?;
        let event = Event {
            submission_id: revised,
            action: Action::Resubmit.as_str(),
            from_status: Some(from),
            to_status: Some(to),
            ..Event::default()
        };
        tracking::append_event(&mut tx, &acting, &event, now).await?;
        let submission = tracking::detail(&mut tx, scope, revised)
            .await?
            .ok_or_else(|| AppError::Internal("the resubmission is not readable".into()))?;
        tx.commit().await?;
        tracing::info!(
            account_id,
            draft_id = draft.id,
            submission_id = revised,
            "filing resubmitted"
        );
        return Ok(SubmitOutcome::Created(submission));
    }

    let sequence: i64 =
        sqlx::query_scalar("INSERT INTO arrival_counter (issued_at) VALUES ($1) RETURNING id")
            .bind(to_unix(now))
            .fetch_one(&mut *tx)
            .await?;
    let arrival = arrival_number(now.to_offset(JST).date(), sequence);
    let submission_id: i64 = sqlx::query_scalar(
        "INSERT INTO submissions (account_id, draft_id, arrival_number, form_id, form_version, title,
                                  answers, acknowledged_warnings, status, submitted_at, content_sha256)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'submitted', $9, $10)
         RETURNING id",
    )
    .bind(account_id)
    .bind(draft.id)
    .bind(&arrival)
    .bind(&def.id)
    .bind(&def.version)
    .bind(&def.title)
    .bind(&stored_answers)
    .bind(&acknowledged_json)
    .bind(to_unix(now))
    .bind(&digest)
    .fetch_one(&mut *tx)
    .await?;
    mark_submitted(&mut tx, draft.id, submission_id, now).await?;
    let event = Event {
        submission_id,
        action: "submit",
        from_status: Some(FilingStatus::Draft),
        to_status: Some(FilingStatus::Submitted),
        ..Event::default()
    };
    tracking::append_event(&mut tx, &acting, &event, now).await?;
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

async fn mark_submitted(
    conn: &mut Conn,
    draft_id: i64,
    submission_id: i64,
    now: OffsetDateTime,
) -> Result<(), AppError> {
    sqlx::query("UPDATE drafts SET submitted_at = $1, submission_id = $2 WHERE id = $3")
        .bind(to_unix(now))
        .bind(submission_id)
        .bind(draft_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The applicant as the audit log records it: the institution's name.
pub fn applicant_acting(applicant: &ApplicantSession) -> Acting {
    Acting {
        account_id: applicant.account_id,
        scope: Scope::Applicant(applicant.account_id),
        label: applicant.institution_name.clone(),
    }
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

/// The account's submission `id` with its history; `None` for another account's or a missing
/// one.
pub async fn find_submission(
    conn: &mut Conn,
    account_id: i64,
    id: i64,
) -> Result<Option<Submission>, AppError> {
    tracking::detail(conn, Scope::Applicant(account_id), id).await
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
        use crate::tracking::parse_status;
        assert_eq!(parse_status("draft").unwrap(), FilingStatus::Draft);
        assert_eq!(parse_status("submitted").unwrap(), FilingStatus::Submitted);
        assert_eq!(
            parse_status("under_review").unwrap(),
            FilingStatus::UnderReview
        );
        assert!(parse_status("lost").is_err());
    }
}
