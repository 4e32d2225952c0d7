//! 利用終了 (end of use): by the operator for one user ID, or for every 利用終了届出 (form
//! `end-of-use`) that the bureau has accepted (受理) and whose last day of use has passed.
//!
//! An ended account can no longer sign in and its sessions end; its filings stay readable by the
//! bureau. A filing whose last day of use is still ahead waits for a later run (run it daily).

use crate::db::Conn;
use serde::Serialize;
use time::Date;
use todoke_core::forms::FORM_END_OF_USE;
use todoke_core::service_hours::JST;

use super::{OperatorError, find_account, storage};
use crate::AppState;
use crate::auth::session;
use crate::db::{self, to_unix};
use crate::filings::store::{self, EndOfUseOutcome};

#[derive(Debug, Serialize)]
pub struct EndUseOutcome {
    pub user_id: String,
    pub ended_at: i64,
}

/// Ends `account_id` unless it has ended already; `true` when this call ended it.
pub(super) async fn end_account(
    conn: &mut Conn,
    account_id: i64,
    now: i64,
) -> Result<bool, OperatorError> {
    let changed =
        sqlx::query("UPDATE accounts SET ended_at = $1 WHERE id = $2 AND ended_at IS NULL")
            .bind(now)
            .bind(account_id)
            .execute(&mut *conn)
            .await
            .map_err(storage)?
            .rows_affected();
    session::revoke_all(conn, account_id)
        .await
        .map_err(storage)?;
    Ok(changed > 0)
}

/// 利用終了 of one account, by its user ID.
pub async fn end_use(
    state: &AppState,
    typed_user_id: &str,
) -> Result<EndUseOutcome, OperatorError> {
    let (user_id, account) = find_account(state, typed_user_id).await?;
    let now = to_unix(state.clock.now());
    let mut tx = db::begin_write(&state.pool).await.map_err(storage)?;
    if !end_account(&mut tx, account.id, now).await? {
        return Err(OperatorError::AccountAlreadyEnded(user_id));
    }
    tx.commit().await.map_err(storage)?;
    tracing::info!(user_id, "account ended (利用終了)");
    Ok(EndUseOutcome {
        user_id,
        ended_at: now,
    })
}

/// One accepted 利用終了届出, as the command reports it.
#[derive(Debug, Serialize)]
pub struct FiledEndOfUse {
    pub arrival_number: String,
    pub user_id: String,
    pub institution_code: String,
    pub institution_name: String,
    /// `YYYY-MM-DD`, as filed.
    pub last_day_of_use: String,
    /// `ended` (this run ended the account) or `already_ended`; absent while waiting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct EndUseFilingsOutcome {
    /// With `--dry-run` nothing was written; `processed` lists what a real run would process.
    pub dry_run: bool,
    /// Today in Japan, the date the last days of use were compared with.
    pub today: String,
    pub processed: Vec<FiledEndOfUse>,
    /// Accepted filings whose last day of use is today or later.
    pub waiting: Vec<FiledEndOfUse>,
}

/// The day after the last day of use is the first day without the system.
pub(super) fn is_due(last_day_of_use: Date, today: Date) -> bool {
    last_day_of_use < today
}

/// Processes every accepted, not yet processed 利用終了届出 whose last day of use has passed: the
/// filer's account ends (if it had not) and the filing is recorded as processed, in one
/// transaction. Running it again processes nothing twice.
pub async fn end_use_filings(
    state: &AppState,
    dry_run: bool,
) -> Result<EndUseFilingsOutcome, OperatorError> {
    let now = state.clock.now();
    let today = now.to_offset(JST).date();
    let mut tx = db::begin_write(&state.pool).await.map_err(storage)?;
    let rows = store::unprocessed_end_of_use(&mut tx, db::Engine::of(&state.pool), FORM_END_OF_USE)
        .await
        .map_err(storage)?;

    let mut outcome = EndUseFilingsOutcome {
        dry_run,
        today: today.to_string(),
        processed: Vec::new(),
        waiting: Vec::new(),
    };
    for row in rows {
        // The form's check guarantees a date; a row without one is reported, never guessed.
        let text = row.last_day_of_use.clone().unwrap_or_default();
        let last_day = Date::parse(&text, &time::format_description::well_known::Iso8601::DATE)
            .map_err(|_| OperatorError::EndOfUseWithoutDate(row.arrival_number.clone()))?;
        let mut filed = FiledEndOfUse {
            arrival_number: row.arrival_number,
            user_id: row.user_id,
            institution_code: row.institution_code.unwrap_or_default(),
            institution_name: row.institution_name.unwrap_or_default(),
            last_day_of_use: text,
            outcome: None,
        };
        if !is_due(last_day, today) {
            outcome.waiting.push(filed);
            continue;
        }
        let ended = if dry_run {
            row.ended_at.is_none()
        } else {
            end_account(&mut tx, row.account_id, to_unix(now)).await?
        };
        let kind = if ended {
            EndOfUseOutcome::Ended
        } else {
            EndOfUseOutcome::AlreadyEnded
        };
        if !dry_run {
            store::record_end_of_use(&mut tx, row.submission_id, row.account_id, kind, now)
                .await
                .map_err(storage)?;
            tracing::info!(
                user_id = filed.user_id,
                arrival_number = filed.arrival_number,
                kind = kind.as_str(),
                "利用終了届出 processed"
            );
        }
        filed.outcome = Some(kind.as_str());
        outcome.processed.push(filed);
    }
    if dry_run {
        tx.rollback().await.map_err(storage)?;
    } else {
        tx.commit().await.map_err(storage)?;
    }
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn use_ends_the_day_after_the_last_day() {
        assert!(!is_due(date!(2026 - 11 - 25), date!(2026 - 11 - 25)));
        assert!(!is_due(date!(2026 - 12 - 01), date!(2026 - 11 - 25)));
        assert!(is_due(date!(2026 - 11 - 24), date!(2026 - 11 - 25)));
    }
}
