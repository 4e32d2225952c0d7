//! Statements on what is appended: the audit log (`filing_events`), notices, and the records
//! of processed 利用終了届出.

use time::{Date, OffsetDateTime};
use todoke_core::api::{FieldComment, FilingStatus};

use super::{format_date, json_text};
use crate::db::{self, Conn, Engine, to_unix};
use crate::error::AppError;
use crate::filings::{Acting, AuditAction};

/// One row for `filing_events`.
#[derive(Debug, Clone)]
pub struct Event<'a> {
    pub submission_id: i64,
    pub action: AuditAction,
    pub from_status: Option<FilingStatus>,
    pub to_status: FilingStatus,
    pub comment: Option<&'a str>,
    pub field_comments: &'a [FieldComment],
    pub deadline: Option<Date>,
}

/// Appends to the audit log (the only statement that writes `filing_events`); the row's id.
pub async fn append_event(
    conn: &mut Conn,
    by: &Acting,
    event: &Event<'_>,
    now: OffsetDateTime,
) -> Result<i64, AppError> {
    let field_comments = if event.field_comments.is_empty() {
        None
    } else {
        Some(json_text(&event.field_comments)?)
    };
    Ok(sqlx::query_scalar(
        "INSERT INTO filing_events (submission_id, at, actor_account_id, actor_role, actor_label,
                                    action, from_status, to_status, comment, field_comments, deadline)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         RETURNING id",
    )
    .bind(event.submission_id)
    .bind(to_unix(now))
    .bind(by.account_id)
    .bind(by.scope.actor().as_str())
    .bind(&by.label)
    .bind(event.action.as_str())
    .bind(event.from_status.map(FilingStatus::as_str))
    .bind(event.to_status.as_str())
    .bind(event.comment)
    .bind(field_comments)
    .bind(event.deadline.map(format_date))
    .fetch_one(&mut *conn)
    .await?)
}

/// A row of the audit log as the history shows it.
#[derive(Debug, sqlx::FromRow)]
pub struct EventRow {
    pub at: i64,
    pub actor_label: String,
    pub action: String,
    pub from_status: Option<String>,
    #[sqlx(try_from = "String")]
    pub to_status: FilingStatus,
    pub comment: Option<String>,
    pub field_comments: Option<String>,
    pub deadline: Option<String>,
}

/// The audit log of submission `id`, oldest first.
pub async fn events_of(conn: &mut Conn, id: i64) -> Result<Vec<EventRow>, AppError> {
    Ok(sqlx::query_as(
        "SELECT at, actor_label, action, from_status, to_status, comment, field_comments, deadline
         FROM filing_events WHERE submission_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?)
}

// ---- Notices ---------------------------------------------------------------------------------

/// An unread notice for `account_id` about submission `submission_id`.
pub async fn insert_notice(
    conn: &mut Conn,
    account_id: i64,
    submission_id: i64,
    event_id: i64,
    status: FilingStatus,
    message: &str,
    now: OffsetDateTime,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO notices (account_id, submission_id, event_id, status, message, at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(account_id)
    .bind(submission_id)
    .bind(event_id)
    .bind(status.as_str())
    .bind(message)
    .bind(to_unix(now))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[derive(Debug, sqlx::FromRow)]
pub struct NoticeRow {
    pub id: i64,
    pub submission_id: i64,
    #[sqlx(try_from = "String")]
    pub status: FilingStatus,
    /// As written when the status changed (Japanese); the list says it again in the reader's
    /// language from the fields below.
    pub message: String,
    pub at: i64,
    pub read_at: Option<i64>,
    pub form_id: String,
    pub title: String,
    pub arrival_number: String,
    /// The submission's content now (labels for the commented items come from it).
    pub answers: String,
    pub effective_date: Option<String>,
    pub rejection_reason: Option<String>,
    /// The change's own comment, field comments and deadline (`filing_events`).
    pub comment: Option<String>,
    pub field_comments: Option<String>,
    pub deadline: Option<String>,
}

/// How many of the account's notices are unread.
pub async fn unread_notices(conn: &mut Conn, account_id: i64) -> Result<i64, AppError> {
    Ok(
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM notices WHERE account_id = $1 AND read_at IS NULL",
        )
        .bind(account_id)
        .fetch_one(&mut *conn)
        .await?,
    )
}

/// The account's latest `limit` notices, newest first.
pub async fn latest_notices(
    conn: &mut Conn,
    account_id: i64,
    limit: i64,
) -> Result<Vec<NoticeRow>, AppError> {
    Ok(sqlx::query_as(
        "SELECT n.id, n.submission_id, n.status, n.message, n.at, n.read_at,
                s.form_id, s.title, s.arrival_number, s.answers, s.effective_date,
                s.rejection_reason, e.comment, e.field_comments, e.deadline
         FROM notices n
         JOIN submissions s ON s.id = n.submission_id
         JOIN filing_events e ON e.id = n.event_id
         WHERE n.account_id = $1 ORDER BY n.id DESC LIMIT $2",
    )
    .bind(account_id)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?)
}

/// Marks the account's notice `id` read (again is fine); whether it is the account's.
pub async fn mark_notice_read(
    conn: &mut Conn,
    account_id: i64,
    id: i64,
    now: OffsetDateTime,
) -> Result<bool, AppError> {
    let done = sqlx::query(
        "UPDATE notices SET read_at = COALESCE(read_at, $1) WHERE id = $2 AND account_id = $3",
    )
    .bind(to_unix(now))
    .bind(id)
    .bind(account_id)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

// ---- End of use (利用終了届出 processed by the operator) --------------------------------------

/// How the operator's run treated an accepted 利用終了届出.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndOfUseOutcome {
    /// This run ended the account.
    Ended,
    /// The account had ended before.
    AlreadyEnded,
}

impl EndOfUseOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ended => "ended",
            Self::AlreadyEnded => "already_ended",
        }
    }
}

/// An accepted 利用終了届出 not processed yet, with its filer.
#[derive(Debug, sqlx::FromRow)]
pub struct EndOfUseFiling {
    pub submission_id: i64,
    pub arrival_number: String,
    pub account_id: i64,
    pub user_id: String,
    pub institution_code: Option<String>,
    pub institution_name: Option<String>,
    pub ended_at: Option<i64>,
    /// As filed (`YYYY-MM-DD`); the form's check guarantees one.
    pub last_day_of_use: Option<String>,
}

/// Every accepted filing of `form_id` (the 利用終了届出) without an end-of-use record.
pub async fn unprocessed_end_of_use(
    conn: &mut Conn,
    engine: Engine,
    form_id: &str,
) -> Result<Vec<EndOfUseFiling>, AppError> {
    let sql = format!(
        "SELECT s.id AS submission_id, s.arrival_number, a.id AS account_id, a.user_id,
                a.institution_code, a.institution_name, a.ended_at,
                {} AS last_day_of_use
         FROM submissions s
         JOIN accounts a ON a.id = s.account_id
         LEFT JOIN end_of_use_records r ON r.submission_id = s.id
         WHERE s.form_id = $1 AND s.status = $2 AND r.submission_id IS NULL
         ORDER BY s.id",
        db::json_text(engine, "s.answers", "last_day_of_use")
    );
    Ok(sqlx::query_as(&sql)
        .bind(form_id)
        .bind(FilingStatus::Accepted.as_str())
        .fetch_all(&mut *conn)
        .await?)
}

/// Records the processing of submission `submission_id` (append-only).
pub async fn record_end_of_use(
    conn: &mut Conn,
    submission_id: i64,
    account_id: i64,
    outcome: EndOfUseOutcome,
    now: OffsetDateTime,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO end_of_use_records (submission_id, account_id, processed_at, outcome)
         VALUES ($1, $2, $3, $4)",
    )
    .bind(submission_id)
    .bind(account_id)
    .bind(to_unix(now))
    .bind(outcome.as_str())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// When and how submission `id` was processed, if it was.
pub async fn end_of_use_record(
    conn: &mut Conn,
    id: i64,
) -> Result<Option<(i64, EndOfUseOutcome)>, AppError> {
    let record: Option<(i64, String)> = sqlx::query_as(
        "SELECT processed_at, outcome FROM end_of_use_records WHERE submission_id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(record.map(|(at, outcome)| {
        let outcome = if outcome == EndOfUseOutcome::Ended.as_str() {
            EndOfUseOutcome::Ended
        } else {
            EndOfUseOutcome::AlreadyEnded
        };
        (at, outcome)
    }))
}
