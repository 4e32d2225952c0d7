//! Server-side sessions (OWASP ASVS V7): a 256-bit random token in an `HttpOnly`,
//! `SameSite=Strict` cookie; the database keeps only the token's SHA-256, the time of the last
//! request (idle timeout) and the absolute end. A new token is issued at sign-in and at password
//! change; revoking deletes the row, so a copied cookie stops working at once.

use crate::db::{Conn, Pool};
use axum::http::{HeaderMap, HeaderValue, header};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use crate::config::Config;
use crate::db::to_unix;
use crate::error::AppError;

/// The secret in the cookie. Shown to nobody but the browser; never logged.
pub struct SessionToken(String);

impl SessionToken {
    /// 32 bytes from the operating system's CSPRNG, base64url-encoded (43 characters).
    pub fn generate() -> Self {
        let mut bytes = [0u8; 32];
        OsRng.fill_bytes(&mut bytes);
        Self(URL_SAFE_NO_PAD.encode(bytes))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for SessionToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionToken(..)")
    }
}

/// What the database stores in place of the token.
pub fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// A live session row. Times are Unix seconds.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Session {
    pub id: i64,
    pub account_id: i64,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
    pub previous_login_at: Option<i64>,
}

/// Starts a session for `account_id` and returns its token (for the cookie) and row.
pub async fn create(
    conn: &mut Conn,
    account_id: i64,
    previous_login_at: Option<i64>,
    now: OffsetDateTime,
    config: &Config,
) -> Result<(SessionToken, Session), AppError> {
    let token = SessionToken::generate();
    let now_s = to_unix(now);
    let expires_at = to_unix(now + config.session_absolute);
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at, expires_at, previous_login_at)
         VALUES ($1, $2, $3, $3, $4, $5) RETURNING id",
    )
    .bind(token_hash(token.as_str()))
    .bind(account_id)
    .bind(now_s)
    .bind(expires_at)
    .bind(previous_login_at)
    .fetch_one(&mut *conn)
    .await?;
    let session = Session {
        id,
        account_id,
        created_at: now_s,
        last_seen_at: now_s,
        expires_at,
        previous_login_at,
    };
    Ok((token, session))
}

/// The session behind `token` if it is still valid at `now`, with its idle timer restarted.
/// An expired session is deleted on the way.
pub async fn find_and_touch(
    pool: &Pool,
    token: &str,
    now: OffsetDateTime,
    config: &Config,
) -> Result<Option<Session>, AppError> {
    let found: Option<Session> = sqlx::query_as(
        "SELECT id, account_id, created_at, last_seen_at, expires_at, previous_login_at
         FROM sessions WHERE token_hash = $1",
    )
    .bind(token_hash(token))
    .fetch_optional(pool)
    .await?;
    let Some(mut session) = found else {
        return Ok(None);
    };
    let now_s = to_unix(now);
    if is_expired(&session, now_s, config) {
        sqlx::query("DELETE FROM sessions WHERE id = $1")
            .bind(session.id)
            .execute(pool)
            .await?;
        return Ok(None);
    }
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id = $2")
        .bind(now_s)
        .bind(session.id)
        .execute(pool)
        .await?;
    session.last_seen_at = now_s;
    Ok(Some(session))
}

/// Idle for the whole idle timeout, or past the absolute end.
fn is_expired(session: &Session, now_s: i64, config: &Config) -> bool {
    now_s >= session.expires_at
        || now_s - session.last_seen_at >= config.session_idle.whole_seconds()
}

/// Ends the session behind `token`, if any.
pub async fn revoke(pool: &Pool, token: &str) -> Result<(), AppError> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash(token))
        .execute(pool)
        .await?;
    Ok(())
}

/// Ends every session of an account (at password change: a thief's session must end too).
pub async fn revoke_all(conn: &mut Conn, account_id: i64) -> Result<(), AppError> {
    sqlx::query("DELETE FROM sessions WHERE account_id = $1")
        .bind(account_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Removes sessions that can no longer be used, so the table does not grow without bound.
pub async fn purge_expired(
    pool: &Pool,
    now: OffsetDateTime,
    config: &Config,
) -> Result<(), AppError> {
    let now_s = to_unix(now);
    sqlx::query("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2")
        .bind(now_s)
        .bind(now_s - config.session_idle.whole_seconds())
        .execute(pool)
        .await?;
    Ok(())
}

/// The `Set-Cookie` value that hands `token` to the browser. `Max-Age` matches the absolute
/// lifetime so the browser forgets the cookie when the server would refuse it anyway.
pub fn set_cookie(config: &Config, token: &SessionToken) -> Result<HeaderValue, AppError> {
    cookie_header(
        config,
        token.as_str(),
        config.session_absolute.whole_seconds(),
    )
}

/// The `Set-Cookie` value that makes the browser drop the session cookie.
pub fn clear_cookie(config: &Config) -> Result<HeaderValue, AppError> {
    cookie_header(config, "", 0)
}

fn cookie_header(config: &Config, value: &str, max_age: i64) -> Result<HeaderValue, AppError> {
    let secure = if config.cookie_secure { "; Secure" } else { "" };
    let cookie = format!(
        "{}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}",
        config.session_cookie_name()
    );
    HeaderValue::from_str(&cookie).map_err(|e| AppError::Internal(format!("cookie header: {e}")))
}

/// The session token the browser sent, if any. Values that cannot be one of our tokens are
/// ignored, so that junk never reaches the database.
pub fn token_from_headers<'a>(headers: &'a HeaderMap, config: &Config) -> Option<&'a str> {
    let name = config.session_cookie_name();
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.trim())
        .filter(|v| {
            v.len() == 43
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_url_safe() {
        let a = SessionToken::generate();
        let b = SessionToken::generate();
        assert_eq!(a.as_str().len(), 43);
        assert_ne!(a.as_str(), b.as_str());
        assert!(
            a.as_str()
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
        );
        assert_eq!(format!("{a:?}"), "SessionToken(..)");
        assert_eq!(token_hash(a.as_str()).len(), 32);
    }

    #[test]
    fn cookie_attributes() {
        let mut config = Config::for_tests("sqlite::memory:");
        let token = SessionToken::generate();
        let c = set_cookie(&config, &token).unwrap();
        let c = c.to_str().unwrap();
        assert!(c.starts_with(&format!("todoke_session={}; ", token.as_str())));
        for attr in ["Path=/", "HttpOnly", "SameSite=Strict", "Max-Age=43200"] {
            assert!(c.contains(attr), "{c}");
        }
        assert!(!c.contains("Secure"));
        config.cookie_secure = true;
        let c = clear_cookie(&config).unwrap();
        assert_eq!(
            c.to_str().unwrap(),
            "__Host-todoke_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Secure"
        );
    }

    #[test]
    fn reads_only_our_cookie_and_only_token_shaped_values() {
        let config = Config::for_tests("sqlite::memory:");
        let token = SessionToken::generate();
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_str(&format!("other=1; todoke_session={}; x=y", token.as_str()))
                .unwrap(),
        );
        assert_eq!(token_from_headers(&headers, &config), Some(token.as_str()));
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("todoke_session=short"),
        );
        assert_eq!(token_from_headers(&headers, &config), None);
        headers.remove(header::COOKIE);
        assert_eq!(token_from_headers(&headers, &config), None);
    }
}
