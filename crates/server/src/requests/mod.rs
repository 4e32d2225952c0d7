//! Requests filed without signing in: 再発行の申請 ([`reissue`]) and 利用開始届出
//! ([`start_of_use`]). What they share is here: who a request comes from, and two limits that
//! keep a public form from flooding a bureau or probing codes, per code a day and per
//! connection an hour, counted per kind of request.

pub mod reissue;
pub mod start_of_use;

use todoke_core::InstitutionCode;

use crate::db::Conn;
use crate::error::AppError;

/// Requests for one institution code per day: a lost letter needs one; a few allow for a typo.
pub const PER_CODE_PER_DAY: i64 = 3;
/// Requests from one connection per hour: a clinic group's office may ask for several.
pub const PER_REQUESTER_PER_HOUR: i64 = 10;
/// How long a client over a limit should wait (`Retry-After`).
pub const THROTTLE_WINDOW_SECS: i64 = 3600;
const DAY_SECS: i64 = 86_400;

/// Who a request comes from, for the per-connection limit: the peer's address or, when the peer
/// is one of `trusted` proxies (`TODOKE_TRUSTED_PROXIES`), the address that proxy appended last
/// to `X-Forwarded-For` (earlier entries are the client's to write, so never believed).
pub fn requester(
    peer: Option<std::net::IpAddr>,
    forwarded_for: Option<&str>,
    trusted: &[std::net::IpAddr],
) -> String {
    let forwarded = || {
        forwarded_for?
            .rsplit(',')
            .next()?
            .trim()
            .parse::<std::net::IpAddr>()
            .ok()
    };
    match peer {
        Some(ip) if trusted.contains(&ip) => forwarded().unwrap_or(ip).to_string(),
        Some(ip) => ip.to_string(),
        None => "unknown".into(),
    }
}

/// The table of a kind of request (each has `institution_code`, `requester`, `received_at`).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Table {
    Reissue,
    StartOfUse,
}

impl Table {
    fn name(self) -> &'static str {
        match self {
            Self::Reissue => "reissue_requests",
            Self::StartOfUse => "start_of_use_requests",
        }
    }
}

/// 429 when `requester` or `code` has reached its limit for `table` at `at` (Unix seconds).
pub(crate) async fn check_limits(
    conn: &mut Conn,
    table: Table,
    code: &InstitutionCode,
    requester: &str,
    at: i64,
) -> Result<(), AppError> {
    let table = table.name();
    let for_code: i64 = sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM {table} WHERE institution_code = $1 AND received_at > $2"
    ))
    .bind(code.as_str())
    .bind(at - DAY_SECS)
    .fetch_one(&mut *conn)
    .await?;
    let from_requester: i64 = sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM {table} WHERE requester = $1 AND received_at > $2"
    ))
    .bind(requester)
    .bind(at - THROTTLE_WINDOW_SECS)
    .fetch_one(&mut *conn)
    .await?;
    if for_code >= PER_CODE_PER_DAY || from_requester >= PER_REQUESTER_PER_HOUR {
        tracing::info!(requester, table, "public request over its limit");
        return Err(AppError::RequestsThrottled);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_trusted_proxy_names_the_requester() {
        let proxy: std::net::IpAddr = "10.0.0.5".parse().unwrap();
        let client: std::net::IpAddr = "192.0.2.7".parse().unwrap();
        let xff = Some("198.51.100.1, 192.0.2.7");
        assert_eq!(requester(Some(proxy), xff, &[proxy]), "192.0.2.7");
        assert_eq!(requester(Some(proxy), None, &[proxy]), "10.0.0.5");
        assert_eq!(
            requester(Some(proxy), Some("not an address"), &[proxy]),
            "10.0.0.5"
        );
        assert_eq!(requester(Some(client), xff, &[proxy]), "192.0.2.7");
        assert_eq!(
            requester(Some(client), Some("203.0.113.9"), &[proxy]),
            "192.0.2.7"
        );
        assert_eq!(requester(None, xff, &[proxy]), "unknown");
    }
}
