//! Temporary lock after repeated failed sign-ins (OWASP ASVS V6.3).
//!
//! The counter is keyed by the normalised user-ID *string*, not by the account, so an unknown ID
//! locks exactly like a known one and neither the status nor the message reveals which IDs
//! exist. After `lockout_threshold` consecutive failures the key is locked for
//! `lockout_duration`; while locked even the right password is refused; once the lock has run out
//! the counter starts again from zero; a success resets it. A failed current password at password
//! change counts too, so a stolen session cannot be used to guess the password.
//!
//! Every attempt is *reserved* before its password is verified: one statement checks that the
//! failures so far plus the attempts in flight stay under the threshold and takes a slot, so
//! however many requests arrive at once at most `lockout_threshold` guesses per lock window are
//! ever verified. A request that finds every slot taken by attempts still in flight waits for
//! them (a clinic's staff signing in with one ID at the same moment all get in); once the
//! failures reach the threshold the waiting requests are refused without hashing.

use std::time::Duration as StdDuration;

use crate::db::Pool;
use time::{Duration, OffsetDateTime};
use todoke_core::UserId;

use crate::config::Config;
use crate::db::{from_unix, to_unix};
use crate::error::AppError;

/// Failures older than this without a lock are forgotten, so typing errors spread over days do
/// not add up and rows for IDs nobody uses do not pile up.
const FORGET_AFTER: Duration = Duration::days(1);
/// A slot older than this belonged to a process that died mid-attempt (a verification takes
/// well under a second): it no longer counts.
const STALE_SLOT: Duration = Duration::seconds(30);
/// How long a request waits for a slot before it is refused as if locked.
const SLOT_WAIT: StdDuration = StdDuration::from_secs(10);
const SLOT_POLL: StdDuration = StdDuration::from_millis(20);

/// The throttle key for what the user typed: the normalised ID when it is one, otherwise the
/// trimmed, upper-cased text.
pub fn throttle_key(typed_user_id: &str) -> String {
    UserId::parse(typed_user_id)
        .map(|id| id.as_str().to_string())
        .unwrap_or_else(|_| typed_user_id.trim().to_uppercase())
}

/// A reserved slot: this attempt may be verified. Tell its outcome with [`Attempt::failed`] or
/// [`Attempt::succeeded`].
///
/// An attempt dropped without an outcome (an error on the way, a client that went away) gives
/// its slot back, so nobody waits for an attempt that will never finish.
#[derive(Debug)]
#[must_use = "an attempt's outcome must be recorded"]
pub struct Attempt {
    key: String,
    /// Where to give the slot back if no outcome is recorded; `None` once one is.
    release: Option<Pool>,
}

impl Drop for Attempt {
    fn drop(&mut self) {
        let (Some(pool), Ok(runtime)) =
            (self.release.take(), tokio::runtime::Handle::try_current())
        else {
            return;
        };
        let key = std::mem::take(&mut self.key);
        runtime.spawn(async move {
            if let Err(e) = free_slot(&pool, &key).await {
                tracing::warn!(error = %e, "could not give back a sign-in attempt slot");
            }
        });
    }
}

/// Gives back one slot of `key` without counting anything.
async fn free_slot(pool: &Pool, key: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE login_throttle SET pending = CASE WHEN pending > 0 THEN pending - 1 ELSE 0 END
         WHERE key = $1",
    )
    .bind(key)
    .execute(pool)
    .await?;
    Ok(())
}

/// Takes a slot for `key`, waiting while other attempts are in flight; refuses with
/// `account_locked` while the key is locked (or when no slot frees up in time).
///
/// The upsert's `WHERE` is the whole decision: a lock that has run out, or failures older than
/// [`FORGET_AFTER`], restart the count; a stale slot is dropped; then the slot is taken only
/// while failures + slots in flight < threshold. No row returned means "not now".
pub async fn reserve_attempt(
    pool: &Pool,
    key: &str,
    now: OffsetDateTime,
    config: &Config,
) -> Result<Attempt, AppError> {
    sqlx::query(
        "DELETE FROM login_throttle
         WHERE locked_until IS NULL AND last_failure_at < $1 AND COALESCE(pending_at, 0) < $1",
    )
    .bind(to_unix(now - FORGET_AFTER))
    .execute(pool)
    .await?;
    let waited_since = std::time::Instant::now();
    loop {
        let reserved: Option<i64> = sqlx::query_scalar(
            "INSERT INTO login_throttle (key, failures, last_failure_at, pending, pending_at)
             VALUES ($1, 0, $2, 1, $2)
             ON CONFLICT (key) DO UPDATE SET
                 failures = CASE WHEN (login_throttle.locked_until IS NOT NULL
                                       AND login_throttle.locked_until <= $2)
                                   OR (login_throttle.locked_until IS NULL
                                       AND login_throttle.last_failure_at < $4)
                                 THEN 0 ELSE login_throttle.failures END,
                 locked_until = CASE WHEN login_throttle.locked_until <= $2 THEN NULL
                                     ELSE login_throttle.locked_until END,
                 pending = CASE WHEN login_throttle.pending_at < $5 THEN 1
                                ELSE login_throttle.pending + 1 END,
                 pending_at = $2
             WHERE (login_throttle.locked_until IS NULL OR login_throttle.locked_until <= $2)
               AND (CASE WHEN login_throttle.locked_until IS NOT NULL
                           OR login_throttle.last_failure_at < $4 THEN 0
                         -- More failures than a since lowered threshold allows: one more try,
                         -- whose failure locks (a right password still gets in).
                         WHEN login_throttle.failures >= $3 THEN $3 - 1
                         ELSE login_throttle.failures END)
                 + (CASE WHEN login_throttle.pending_at < $5 THEN 0
                         ELSE login_throttle.pending END) < $3
             RETURNING failures",
        )
        .bind(key)
        .bind(to_unix(now))
        .bind(i64::from(config.lockout_threshold))
        .bind(to_unix(now - FORGET_AFTER))
        .bind(to_unix(now - STALE_SLOT))
        .fetch_optional(pool)
        .await?;
        if reserved.is_some() {
            return Ok(Attempt {
                key: key.to_string(),
                release: Some(pool.clone()),
            });
        }
        if let Some(locked) = lock_of(pool, key, now).await? {
            return Err(locked);
        }
        if waited_since.elapsed() >= SLOT_WAIT {
            tracing::warn!("sign-in refused: no attempt slot freed up in time");
            return Err(AppError::AccountLocked {
                retry_after: Duration::seconds(1),
            });
        }
        tokio::time::sleep(SLOT_POLL).await;
    }
}

/// `account_locked` with the time left when `key` is locked at `now`.
async fn lock_of(
    pool: &Pool,
    key: &str,
    now: OffsetDateTime,
) -> Result<Option<AppError>, AppError> {
    let until: Option<Option<i64>> =
        sqlx::query_scalar("SELECT locked_until FROM login_throttle WHERE key = $1")
            .bind(key)
            .fetch_optional(pool)
            .await?;
    match until.flatten() {
        Some(until) if until > to_unix(now) => Ok(Some(AppError::AccountLocked {
            retry_after: from_unix(until)? - now,
        })),
        _ => Ok(None),
    }
}

impl Attempt {
    /// The password was wrong: the slot becomes a failure. When it is the failure that reached
    /// the threshold the key locks and the answer is `account_locked`; otherwise `None`
    /// (answer as for a wrong password).
    pub async fn failed(
        mut self,
        pool: &Pool,
        now: OffsetDateTime,
        config: &Config,
    ) -> Result<Option<AppError>, AppError> {
        // The outcome is recorded below: the slot is not given back on drop.
        self.release = None;
        let threshold = i64::from(config.lockout_threshold);
        let failures: i64 = sqlx::query_scalar(
            "UPDATE login_throttle SET
                 failures = failures + 1,
                 pending = CASE WHEN pending > 0 THEN pending - 1 ELSE 0 END,
                 last_failure_at = $2,
                 locked_until = CASE WHEN failures + 1 >= $3 THEN $4 ELSE locked_until END
             WHERE key = $1
             RETURNING failures",
        )
        .bind(&self.key)
        .bind(to_unix(now))
        .bind(threshold)
        .bind(to_unix(now + config.lockout_duration))
        .fetch_optional(pool)
        .await?
        // The row was cleared meanwhile (an operator's reissue): count from here.
        .unwrap_or(1);
        if failures < threshold {
            return Ok(None);
        }
        tracing::warn!(failures, "sign-in locked after consecutive failures");
        Ok(Some(AppError::AccountLocked {
            retry_after: config.lockout_duration,
        }))
    }

    /// The password was right: the failures are forgotten and the slot freed.
    pub async fn succeeded(mut self, pool: &Pool) -> Result<(), AppError> {
        self.release = None;
        sqlx::query(
            "UPDATE login_throttle SET failures = 0, locked_until = NULL,
                                       pending = CASE WHEN pending > 0 THEN pending - 1 ELSE 0 END
             WHERE key = $1",
        )
        .bind(&self.key)
        .execute(pool)
        .await?;
        sqlx::query("DELETE FROM login_throttle WHERE key = $1 AND failures = 0 AND pending = 0")
            .bind(&self.key)
            .execute(pool)
            .await?;
        Ok(())
    }
}

/// Forgets the failures of `key` (when an operator reissues a password).
pub async fn clear(pool: &Pool, key: &str) -> Result<(), AppError> {
    sqlx::query("DELETE FROM login_throttle WHERE key = $1")
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
