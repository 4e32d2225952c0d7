//! Temporary lock after repeated failed sign-ins (OWASP ASVS V6.3).
//!
//! The counter is keyed by the normalised user-ID *string*, not by the account, so an unknown ID
//! locks exactly like a known one and neither the status nor the message reveals which IDs
//! exist. After `lockout_threshold` consecutive failures the key is locked for
//! `lockout_duration`; while locked even the right password is refused; once the lock has run out
//! the counter starts again from zero; a success resets it. A failed current password at password
//! change counts too, so a stolen session cannot be used to guess the password.

use sqlx::SqlitePool;
use time::{Duration, OffsetDateTime};
use todoke_core::UserId;

use crate::config::Config;
use crate::db::{from_unix, to_unix};
use crate::error::AppError;

/// Failures older than this without a lock are forgotten, so typing errors spread over days do
/// not add up and rows for IDs nobody uses do not pile up.
const FORGET_AFTER: Duration = Duration::days(1);

/// The throttle key for what the user typed: the normalised ID when it is one, otherwise the
/// trimmed, upper-cased text.
pub fn throttle_key(typed_user_id: &str) -> String {
    UserId::parse(typed_user_id)
        .map(|id| id.as_str().to_string())
        .unwrap_or_else(|_| typed_user_id.trim().to_uppercase())
}

/// Refuses with `account_locked` while `key` is locked. A lock that has run out is removed, so
/// the count restarts.
pub async fn ensure_not_locked(
    pool: &SqlitePool,
    key: &str,
    now: OffsetDateTime,
) -> Result<(), AppError> {
    let locked_until: Option<Option<i64>> =
        sqlx::query_scalar("SELECT locked_until FROM login_throttle WHERE key = ?1")
            .bind(key)
            .fetch_optional(pool)
            .await?;
    match locked_until {
        Some(Some(until)) if until > to_unix(now) => Err(AppError::AccountLocked {
            retry_after: from_unix(until)? - now,
        }),
        Some(Some(_)) => clear(pool, key).await,
        _ => Ok(()),
    }
}

/// Counts a failure for `key`. Returns the error to answer with: `account_locked` when this
/// failure reached the threshold, `None` otherwise.
pub async fn record_failure(
    pool: &SqlitePool,
    key: &str,
    now: OffsetDateTime,
    config: &Config,
) -> Result<Option<AppError>, AppError> {
    let now_s = to_unix(now);
    sqlx::query("DELETE FROM login_throttle WHERE locked_until IS NULL AND last_failure_at < ?1")
        .bind(to_unix(now - FORGET_AFTER))
        .execute(pool)
        .await?;
    let failures: i64 = sqlx::query_scalar(
        "INSERT INTO login_throttle (key, failures, last_failure_at) VALUES (?1, 1, ?2)
         ON CONFLICT (key) DO UPDATE SET failures = failures + 1, last_failure_at = excluded.last_failure_at
         RETURNING failures",
    )
    .bind(key)
    .bind(now_s)
    .fetch_one(pool)
    .await?;
    if failures < i64::from(config.lockout_threshold) {
        return Ok(None);
    }
    let until = now + config.lockout_duration;
    sqlx::query("UPDATE login_throttle SET locked_until = ?1 WHERE key = ?2")
        .bind(to_unix(until))
        .bind(key)
        .execute(pool)
        .await?;
    tracing::warn!(failures, "sign-in locked after consecutive failures");
    Ok(Some(AppError::AccountLocked {
        retry_after: config.lockout_duration,
    }))
}

/// Forgets the failures of `key` (after a success).
pub async fn clear(pool: &SqlitePool, key: &str) -> Result<(), AppError> {
    sqlx::query("DELETE FROM login_throttle WHERE key = ?1")
        .bind(key)
        .execute(pool)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_normalised_ids_or_the_upper_cased_text() {
        assert_eq!(throttle_key(" ｄｅｍｏ－ｍｅｄ "), "DEMO-MED");
        assert_eq!(throttle_key("demo-med"), "DEMO-MED");
        assert_eq!(throttle_key(" no such id! "), "NO SUCH ID!");
    }
}
