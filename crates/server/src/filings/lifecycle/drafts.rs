//! Drafts: created, read, saved with optimistic concurrency, deleted while unsent.

use todoke_core::api::Draft;
use todoke_core::forms::{self, Answers};

use crate::AppState;
use crate::auth::ApplicantSession;
use crate::db::{self, Conn, Pool};
use crate::error::AppError;
use crate::filings::detail;
use crate::filings::forms::{available_form, refuse_oversized_groups};
use crate::filings::store;

/// Saves a new draft of `form_id` at version 1, with the answers exactly as sent.
pub async fn create_draft(
    state: &AppState,
    applicant: &ApplicantSession,
    form_id: &str,
    answers: &Answers,
) -> Result<Draft, AppError> {
    let def = available_form(applicant, form_id)?;
    refuse_oversized_groups(&def, answers)?;
    let mut conn = state.pool.acquire().await?;
    let row = store::insert_draft(
        &mut conn,
        applicant.account_id,
        &def,
        answers,
        None,
        state.clock.now(),
    )
    .await?;
    detail::draft(&row)
}

/// The account's unsent draft `id`: 404 when there is none, 409 when it has been submitted.
pub async fn get_draft(pool: &Pool, account_id: i64, id: i64) -> Result<Draft, AppError> {
    let mut conn = pool.acquire().await?;
    match store::find_draft(&mut conn, account_id, id).await? {
        None => Err(AppError::NotFound),
        Some(row) if row.submitted_at.is_some() => Err(AppError::DraftAlreadySubmitted),
        Some(row) => detail::draft(&row),
    }
}

/// Replaces the answers if the draft is still at `version` and unsent; the version rises by one.
/// Otherwise nothing is written: 404 when the draft is not the account's, 409 when another save
/// came first or it has been submitted. In a write transaction, so a save and a submit of the
/// same draft never interleave (on PostgreSQL the lock is what orders them).
pub async fn save_draft(
    state: &AppState,
    account_id: i64,
    id: i64,
    version: i64,
    answers: &Answers,
) -> Result<Draft, AppError> {
    let mut tx = db::begin_write(&state.pool).await?;
    if let Some(def) = store::find_draft(&mut tx, account_id, id)
        .await?
        .and_then(|d| forms::definition(&d.form_id))
    {
        refuse_oversized_groups(&def, answers)?;
    }
    let now = state.clock.now();
    match store::update_draft_answers(&mut tx, account_id, id, version, answers, now).await? {
        Some(row) => {
            tx.commit().await?;
            detail::draft(&row)
        }
        None => Err(why_unchanged(&mut tx, account_id, id).await?),
    }
}

/// Deletes an unsent draft: 404 when it is not the account's, 409 when it has been submitted
/// (the record of a submission is kept). In a write transaction, like [`save_draft`].
pub async fn delete_draft(pool: &Pool, account_id: i64, id: i64) -> Result<(), AppError> {
    let mut tx = db::begin_write(pool).await?;
    if store::delete_unsent_draft(&mut tx, account_id, id).await? {
        tx.commit().await?;
        Ok(())
    } else {
        Err(why_unchanged(&mut tx, account_id, id).await?)
    }
}

/// After a guarded write changed nothing: tell "not yours / gone" (404) from "submitted" or
/// "saved elsewhere" (409).
async fn why_unchanged(conn: &mut Conn, account_id: i64, id: i64) -> Result<AppError, AppError> {
    Ok(match store::find_draft(conn, account_id, id).await? {
        None => AppError::NotFound,
        Some(row) if row.submitted_at.is_some() => AppError::DraftAlreadySubmitted,
        Some(_) => AppError::DraftConflict,
    })
}
