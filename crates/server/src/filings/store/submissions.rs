//! Statements on `submissions` and the arrival and acceptance counters.

use time::{Date, OffsetDateTime};
use todoke_core::api::{FieldComment, FilingStatus};
use todoke_core::forms::{Answers, FormDefinition};

use super::{format_date, json_text};
use crate::db::{Conn, to_unix};
use crate::error::AppError;
use crate::filings::Scope;

const SUBMISSION_COLUMNS: &str = "s.id, s.account_id, s.arrival_number, s.form_id, s.form_version, \
     s.title, s.status, s.answers, s.acknowledged_warnings, s.submitted_at, s.content_sha256, \
     s.previous_answers, s.return_comment, s.field_comments, s.return_deadline, \
     s.acceptance_number, s.effective_date, s.rejection_reason, a.institution_code, \
     a.fee_schedule_class, a.institution_name, a.prefecture";

/// A row of `submissions` with its account's institution.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SubmissionRow {
    pub id: i64,
    pub account_id: i64,
    pub arrival_number: String,
    pub form_id: String,
    pub form_version: String,
    pub title: String,
    #[sqlx(try_from = "String")]
    pub status: FilingStatus,
    pub answers: String,
    pub acknowledged_warnings: String,
    pub submitted_at: i64,
    pub content_sha256: Option<String>,
    pub previous_answers: Option<String>,
    pub return_comment: Option<String>,
    pub field_comments: Option<String>,
    pub return_deadline: Option<String>,
    pub acceptance_number: Option<String>,
    pub effective_date: Option<String>,
    pub rejection_reason: Option<String>,
    pub institution_code: Option<String>,
    pub fee_schedule_class: Option<String>,
    pub institution_name: Option<String>,
    pub prefecture: Option<i64>,
}

impl SubmissionRow {
    pub fn answers(&self) -> Result<Answers, AppError> {
        serde_json::from_str(&self.answers).map_err(|e| {
            AppError::Internal(format!("submission {} has invalid answers: {e}", self.id))
        })
    }
}

/// The submission `id` if `scope` may see it.
pub async fn find_submission(
    conn: &mut Conn,
    scope: Scope,
    id: i64,
) -> Result<Option<SubmissionRow>, AppError> {
    let sql = format!(
        "SELECT {SUBMISSION_COLUMNS} FROM submissions s JOIN accounts a ON a.id = s.account_id
         WHERE s.id = $1 AND {}",
        scope.condition()
    );
    Ok(sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?)
}

/// What a (re)submission stores: the normalised answers as JSON text, their digest, the
/// acknowledged warning keys, and the form version and title the check used.
#[derive(Debug)]
pub struct Content<'a> {
    pub def: &'a FormDefinition,
    pub answers: String,
    pub acknowledged_warnings: String,
    pub sha256: String,
}

impl Content<'_> {
    /// The title the record keeps: the form's Japanese title, whatever language the applicant
    /// used (pages in another language show the catalogue's title for the form id).
    fn record_title(&self) -> String {
        todoke_core::text::lang::in_lang(todoke_core::text::Lang::Ja, || {
            crate::filings::forms::title_of(&self.def.id)
        })
    }
}

/// The next number of the counter shared by all accounts (never reused, even after deletes).
pub async fn next_arrival_sequence(conn: &mut Conn, now: OffsetDateTime) -> Result<i64, AppError> {
    Ok(
        sqlx::query_scalar("INSERT INTO arrival_counter (issued_at) VALUES ($1) RETURNING id")
            .bind(to_unix(now))
            .fetch_one(&mut *conn)
            .await?,
    )
}

/// The next 受理番号 sequence.
pub async fn next_acceptance_sequence(
    conn: &mut Conn,
    now: OffsetDateTime,
) -> Result<i64, AppError> {
    Ok(
        sqlx::query_scalar("INSERT INTO acceptance_counter (issued_at) VALUES ($1) RETURNING id")
            .bind(to_unix(now))
            .fetch_one(&mut *conn)
            .await?,
    )
}

/// A new submission (提出済) of draft `draft_id`; its id.
pub async fn insert_submission(
    conn: &mut Conn,
    account_id: i64,
    draft_id: i64,
    arrival_number: &str,
    content: &Content<'_>,
    now: OffsetDateTime,
) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO submissions (account_id, draft_id, arrival_number, form_id, form_version, title,
                                  answers, acknowledged_warnings, status, submitted_at, content_sha256)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         RETURNING id",
    )
    .bind(account_id)
    .bind(draft_id)
    .bind(arrival_number)
    .bind(&content.def.id)
    .bind(&content.def.version)
    .bind(content.record_title())
    .bind(&content.answers)
    .bind(&content.acknowledged_warnings)
    .bind(FilingStatus::Submitted.as_str())
    .bind(to_unix(now))
    .bind(&content.sha256)
    .fetch_one(&mut *conn)
    .await?)
}

/// A resubmission after 差戻し: the same submission with new content, the previous content
/// kept, status `to` and a new submission time.
pub async fn replace_content(
    conn: &mut Conn,
    id: i64,
    content: &Content<'_>,
    to: FilingStatus,
    now: OffsetDateTime,
) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE submissions SET previous_answers = answers, answers = $1,
                acknowledged_warnings = $2, form_version = $3, title = $4, status = $5,
                submitted_at = $6, content_sha256 = $7
         WHERE id = $8",
    )
    .bind(&content.answers)
    .bind(&content.acknowledged_warnings)
    .bind(&content.def.version)
    .bind(content.record_title())
    .bind(to.as_str())
    .bind(to_unix(now))
    .bind(&content.sha256)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// How a status change also changes the submission.
#[derive(Debug)]
pub enum StatusChange<'a> {
    /// Only the status (withdraw, receive, start review).
    Plain,
    Returned {
        comment: Option<&'a str>,
        field_comments: &'a [FieldComment],
        deadline: Option<Date>,
    },
    Accepted {
        acceptance_number: &'a str,
        effective_date: Date,
    },
    Rejected {
        reason: Option<&'a str>,
    },
}

/// Sets submission `id` to status `to`, with what `change` brings.
pub async fn set_status(
    conn: &mut Conn,
    id: i64,
    to: FilingStatus,
    change: &StatusChange<'_>,
    now: OffsetDateTime,
) -> Result<(), AppError> {
    match change {
        StatusChange::Plain => {
            sqlx::query("UPDATE submissions SET status = $1 WHERE id = $2")
                .bind(to.as_str())
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
        StatusChange::Returned {
            comment,
            field_comments,
            deadline,
        } => {
            let comments = if field_comments.is_empty() {
                None
            } else {
                Some(json_text(field_comments)?)
            };
            sqlx::query(
                "UPDATE submissions SET status = $1, return_comment = $2, field_comments = $3,
                        return_deadline = $4 WHERE id = $5",
            )
            .bind(to.as_str())
            .bind(*comment)
            .bind(comments)
            .bind(deadline.map(format_date))
            .bind(id)
            .execute(&mut *conn)
            .await?;
        }
        StatusChange::Accepted {
            acceptance_number,
            effective_date,
        } => {
            sqlx::query(
                "UPDATE submissions SET status = $1, acceptance_number = $2, accepted_at = $3,
                        effective_date = $4 WHERE id = $5",
            )
            .bind(to.as_str())
            .bind(*acceptance_number)
            .bind(to_unix(now))
            .bind(format_date(*effective_date))
            .bind(id)
            .execute(&mut *conn)
            .await?;
        }
        StatusChange::Rejected { reason } => {
            sqlx::query("UPDATE submissions SET status = $1, rejection_reason = $2 WHERE id = $3")
                .bind(to.as_str())
                .bind(*reason)
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}

/// An account linked to another by an issued 利用開始届出 (start_of_use_requests): its
/// predecessor (the ID it replaced) or its successor.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LinkedAccountRow {
    /// `predecessor` or `successor`.
    pub link: String,
    pub id: i64,
    pub user_id: String,
    pub institution_code: Option<String>,
    pub fee_schedule_class: Option<String>,
    pub institution_name: Option<String>,
    pub ended_at: Option<i64>,
}

/// The accounts `account_id` replaced or was replaced by, predecessors first.
pub async fn linked_accounts(
    conn: &mut Conn,
    account_id: i64,
) -> Result<Vec<LinkedAccountRow>, AppError> {
    // Named, because a compound select orders by result names only.
    const COLUMNS: &str = "a.id AS id, a.user_id AS user_id, \
        a.institution_code AS institution_code, a.fee_schedule_class AS fee_schedule_class, \
        a.institution_name AS institution_name, a.ended_at AS ended_at";
    let sql = format!(
        "SELECT 'predecessor' AS link, {COLUMNS} FROM start_of_use_requests r
             JOIN accounts a ON a.id = r.previous_account_id
             WHERE r.status = 'issued' AND r.account_id = $1
         UNION ALL
         SELECT 'successor' AS link, {COLUMNS} FROM start_of_use_requests r
             JOIN accounts a ON a.id = r.account_id
             WHERE r.status = 'issued' AND r.previous_account_id = $2
         ORDER BY link, id"
    );
    Ok(sqlx::query_as(&sql)
        .bind(account_id)
        .bind(account_id)
        .fetch_all(&mut *conn)
        .await?)
}

/// A filing of a linked account, as its list shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LinkedFilingRow {
    pub id: i64,
    pub arrival_number: String,
    pub form_id: String,
    pub title: String,
    #[sqlx(try_from = "String")]
    pub status: FilingStatus,
    pub submitted_at: i64,
}

/// The most filings of a linked account the detail lists (the queue finds the rest).
const LINKED_FILINGS_LIMIT: i64 = 100;

/// The filings of `account_id` that `scope` may see, newest first.
pub async fn filings_of_account(
    conn: &mut Conn,
    scope: Scope,
    account_id: i64,
) -> Result<Vec<LinkedFilingRow>, AppError> {
    let sql = format!(
        "SELECT s.id, s.arrival_number, s.form_id, s.title, s.status, s.submitted_at
         FROM submissions s JOIN accounts a ON a.id = s.account_id
         WHERE s.account_id = $1 AND {}
         ORDER BY s.submitted_at DESC, s.id DESC LIMIT $2",
        scope.condition()
    );
    Ok(sqlx::query_as(&sql)
        .bind(account_id)
        .bind(LINKED_FILINGS_LIMIT)
        .fetch_all(&mut *conn)
        .await?)
}

/// The latest filing of `form_id` (the 利用終了届出) by `account_id` that is neither withdrawn
/// nor rejected: (submission id, arrival number, status, last day of use as filed).
pub async fn latest_end_of_use(
    conn: &mut Conn,
    engine: crate::db::Engine,
    account_id: i64,
    form_id: &str,
) -> Result<Option<(i64, String, FilingStatus, Option<String>)>, AppError> {
    let sql = format!(
        "SELECT s.id, s.arrival_number, s.status, {} AS last_day_of_use FROM submissions s
         WHERE s.account_id = $1 AND s.form_id = $2 AND s.status NOT IN ($3, $4)
         ORDER BY s.id DESC LIMIT 1",
        crate::db::json_text(engine, "s.answers", "last_day_of_use")
    );
    let row: Option<(i64, String, String, Option<String>)> = sqlx::query_as(&sql)
        .bind(account_id)
        .bind(form_id)
        .bind(FilingStatus::Withdrawn.as_str())
        .bind(FilingStatus::Rejected.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|(id, number, status, last_day)| {
        let status = FilingStatus::try_from(status)
            .map_err(|e| AppError::Internal(format!("submission {id}: {e}")))?;
        Ok((id, number, status, last_day))
    })
    .transpose()
}
