//! Statements on `drafts`.

use time::OffsetDateTime;
use todoke_core::forms::{Answers, FormDefinition};

use super::json_text;
use crate::db::{Conn, to_unix};
use crate::error::AppError;

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
}

/// A new draft of `def` at version 1; `revises` links it to a returned submission.
pub async fn insert_draft(
    conn: &mut Conn,
    account_id: i64,
    def: &FormDefinition,
    answers: &Answers,
    revises: Option<i64>,
    now: OffsetDateTime,
) -> Result<DraftRow, AppError> {
    let sql = format!(
        "INSERT INTO drafts (account_id, form_id, form_version, answers, version, created_at,
                             updated_at, revises_submission_id)
         VALUES ($1, $2, $3, $4, 1, $5, $5, $6)
         RETURNING {DRAFT_COLUMNS}"
    );
    Ok(sqlx::query_as(&sql)
        .bind(account_id)
        .bind(&def.id)
        .bind(&def.version)
        .bind(json_text(answers)?)
        .bind(to_unix(now))
        .bind(revises)
        .fetch_one(&mut *conn)
        .await?)
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

/// Replaces the answers if the draft is the account's, unsent and still at `version`; the
/// version rises by one. `None` when nothing was written.
pub async fn update_draft_answers(
    conn: &mut Conn,
    account_id: i64,
    id: i64,
    version: i64,
    answers: &Answers,
    now: OffsetDateTime,
) -> Result<Option<DraftRow>, AppError> {
    let sql = format!(
        "UPDATE drafts SET answers = $1, version = version + 1, updated_at = $2
         WHERE id = $3 AND account_id = $4 AND version = $5 AND submitted_at IS NULL
         RETURNING {DRAFT_COLUMNS}"
    );
    Ok(sqlx::query_as(&sql)
        .bind(json_text(answers)?)
        .bind(to_unix(now))
        .bind(id)
        .bind(account_id)
        .bind(version)
        .fetch_optional(&mut *conn)
        .await?)
}

/// Deletes the account's draft if it is unsent; whether a row went.
pub async fn delete_unsent_draft(
    conn: &mut Conn,
    account_id: i64,
    id: i64,
) -> Result<bool, AppError> {
    let done = sqlx::query(
        "DELETE FROM drafts WHERE id = $1 AND account_id = $2 AND submitted_at IS NULL",
    )
    .bind(id)
    .bind(account_id)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records that draft `draft_id` was submitted as `submission_id`.
pub async fn mark_draft_submitted(
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
