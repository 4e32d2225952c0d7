//! Server configuration, read from environment variables so that the same binary runs on a
//! developer's laptop, in CI and behind a bureau's reverse proxy.
//!
//! | variable | default | meaning |
//! |---|---|---|
//! | `TODOKE_ADDR` | `127.0.0.1:8080` | address and port to listen on |
//! | `TODOKE_DATABASE_URL` | `sqlite://todoke.db` | SQLite database; the file is created (in the working directory for the default) when missing |
//! | `TODOKE_SERVICE_HOURS` | `Mon-Sat 08:00-21:00` | service hours, Japan time (`Mon,Wed,Fri 09:00-17:00` style); `always` disables the gate |
//! | `TODOKE_LOCKOUT_THRESHOLD` | `5` | consecutive failed sign-ins that lock a user ID |
//! | `TODOKE_LOCKOUT_MINUTES` | `15` | how long a locked user ID stays locked |
//! | `TODOKE_SESSION_IDLE_MINUTES` | `30` | a session ends after this long without a request |
//! | `TODOKE_SESSION_ABSOLUTE_HOURS` | `12` | a session ends this long after sign-in, whatever the activity |
//! | `TODOKE_DIST_DIR` | `dist` | the built SPA (trunk's output); empty disables static serving |
//! | `TODOKE_COOKIE_SECURE` | `false` | `true` when served over HTTPS: the cookie becomes `__Host-todoke_session` with `Secure` |
//! | `TODOKE_ALLOWED_ORIGINS` | (none) | comma-separated extra origins (`https://kouseikyoku.example.jp`) allowed to call state-changing endpoints |
//! | `TODOKE_FRAME_ANCESTORS` | `'self'` | the CSP `frame-ancestors` value: the bureau sites allowed to embed the app |
//! | `TODOKE_BODY_LIMIT_BYTES` | `1048576` | largest request body accepted (1 MiB: a 500-row staffing table is well over 64 KiB) |
//! | `TODOKE_PERIODIC_REPORT_AS_OF` | `08-01` | `MM-DD`: the 定例報告 as-of date (報告基準日) in the current year, given to the form check; 1 August since FY2024. 02-29 is refused (it does not exist every year) |
//! | `TODOKE_TLS_CERT` | (none) | PEM certificate chain (server certificate first): with `TODOKE_TLS_KEY`, serve HTTPS directly; implies `TODOKE_COOKIE_SECURE=true` (`false` is refused) |
//! | `TODOKE_TLS_KEY` | (none) | PEM private key of `TODOKE_TLS_CERT` |
//! | `TODOKE_CLIENT_CA` | (none) | PEM CA certificate(s): every request needs a client certificate chained to them (needs `TODOKE_TLS_CERT`); see [`crate::tls`] |
//! | `TODOKE_CLIENT_CERT_HEADER` | (none) | behind a TLS-terminating proxy: the header with its verdict, `X-Client-Verify` (value `SUCCESS`) or `NAME=VALUE`; needs `TODOKE_TRUSTED_PROXIES` |
//! | `TODOKE_TRUSTED_PROXIES` | (none) | comma-separated IP addresses of the proxies whose `TODOKE_CLIENT_CERT_HEADER` is believed, and whose last `X-Forwarded-For` entry names the requester of a reissue request (its per-address limit) |
//! | `TODOKE_DOCUMENT_FONT` | IPAexGothic (`fonts-ipaexfont-gothic`) | TrueType/OpenType font of the PDFs the API makes (receipts, acceptance notices, the manual); when unreadable, those answer 503 and the screens still work |
//! | `TODOKE_DOCUMENT_MONO_FONT` | DejaVu Sans Mono (`fonts-dejavu-core`) | monospaced font for numbers and digests in those PDFs (falls back to the main font) |
//! | `TODOKE_SHUTDOWN_GRACE_SECONDS` | `0` | on SIGTERM, answer `/readyz` with 503 this long before draining, so a load balancer stops sending new requests first |
//! | `TODOKE_LOG_FORMAT` | `text` | `json`: one JSON object per log line, for log collectors (read by `main` before anything else) |
//! | `RUST_LOG` | `info` | log filter (tracing-subscriber `EnvFilter` syntax) |
//!
//! A bad value stops the server at startup with a message naming the variable.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use time::{Date, Duration, Month};
use todoke_core::{PasswordPolicy, ServiceHours};

/// Everything the server can be told from outside. See the module documentation for the
/// environment variables behind each field.
#[derive(Debug, Clone)]
pub struct Config {
    /// `TODOKE_ADDR`. Port 0 picks a free port (tests).
    pub addr: SocketAddr,
    /// `TODOKE_DATABASE_URL`, e.g. `sqlite://todoke.db` or `sqlite:///var/lib/todoke/todoke.db`.
    pub database_url: String,
    /// `TODOKE_SERVICE_HOURS`.
    pub service_hours: ServiceHours,
    /// `TODOKE_LOCKOUT_THRESHOLD`: consecutive failures before a user ID is locked.
    pub lockout_threshold: u32,
    /// `TODOKE_LOCKOUT_MINUTES`.
    pub lockout_duration: Duration,
    /// `TODOKE_SESSION_IDLE_MINUTES`.
    pub session_idle: Duration,
    /// `TODOKE_SESSION_ABSOLUTE_HOURS`.
    pub session_absolute: Duration,
    /// `TODOKE_DIST_DIR`: where the built SPA lives; `None` serves the API only.
    pub dist_dir: Option<PathBuf>,
    /// `TODOKE_COOKIE_SECURE`: set when the site is reached over HTTPS (directly or via a proxy).
    pub cookie_secure: bool,
    /// `TODOKE_ALLOWED_ORIGINS`: origins besides our own that may send state-changing requests.
    pub allowed_origins: Vec<String>,
    /// `TODOKE_FRAME_ANCESTORS`: CSP `frame-ancestors`, e.g. `'self' https://kouseikyoku.mhlw.go.jp`.
    pub frame_ancestors: String,
    /// The password rule; the ministry's by default.
    pub password_policy: PasswordPolicy,
    /// `TODOKE_BODY_LIMIT_BYTES`.
    pub body_limit_bytes: usize,
    /// `TODOKE_SHUTDOWN_GRACE_SECONDS`: not-ready time before a graceful shutdown drains.
    pub shutdown_grace: std::time::Duration,
    /// `TODOKE_PERIODIC_REPORT_AS_OF`: the 定例報告 as-of date; `None` means the shared crate's
    /// default, [`todoke_core::forms::CheckContext::default_as_of`] (1 August).
    pub periodic_report_as_of: Option<MonthDay>,
    /// `TODOKE_TLS_CERT`: PEM certificate chain; with `tls_key`, the server speaks HTTPS itself.
    pub tls_cert: Option<PathBuf>,
    /// `TODOKE_TLS_KEY`: the PEM private key of `tls_cert`.
    pub tls_key: Option<PathBuf>,
    /// `TODOKE_CLIENT_CA`: PEM CA certificate(s) every client certificate must chain to.
    pub client_ca: Option<PathBuf>,
    /// `TODOKE_CLIENT_CERT_HEADER`: a TLS-terminating proxy's verdict on the client certificate.
    pub client_cert_header: Option<crate::tls::ClientCertHeader>,
    /// `TODOKE_TRUSTED_PROXIES`: the peers whose `client_cert_header` is believed, and whose last
    /// `X-Forwarded-For` entry names a reissue request's requester.
    pub trusted_proxies: Vec<IpAddr>,
    /// `TODOKE_DOCUMENT_FONT`: the PDFs' font.
    pub document_font: String,
    /// `TODOKE_DOCUMENT_MONO_FONT`: the PDFs' monospaced font.
    pub document_mono_font: String,
}

/// A day of the year without the year (`MM-DD`), one that exists in every year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthDay {
    pub month: Month,
    pub day: u8,
}

impl MonthDay {
    /// Parses `MM-DD` (`8-1` too). 29 February is refused: it does not exist every year.
    pub fn parse(input: &str) -> Option<MonthDay> {
        let (m, d) = input.trim().split_once('-')?;
        let month = Month::try_from(m.trim().parse::<u8>().ok()?).ok()?;
        let day = d.trim().parse::<u8>().ok()?;
        // 2001 is not a leap year: a day valid in it is valid in every year.
        Date::from_calendar_date(2001, month, day).ok()?;
        Some(MonthDay { month, day })
    }

    /// This day in `year`.
    pub fn in_year(self, year: i32) -> Option<Date> {
        Date::from_calendar_date(year, self.month, self.day).ok()
    }
}

/// A configuration value that cannot be used, named so the operator can fix it.
#[derive(Debug, thiserror::Error)]
#[error("environment variable {var} has an unusable value {value:?}: {reason}")]
pub struct ConfigError {
    pub var: &'static str,
    pub value: String,
    pub reason: String,
}

impl Default for Config {
    /// The documented defaults.
    fn default() -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            database_url: "sqlite://todoke.db".to_string(),
            service_hours: ServiceHours::default(),
            lockout_threshold: 5,
            lockout_duration: Duration::minutes(15),
            session_idle: Duration::minutes(30),
            session_absolute: Duration::hours(12),
            dist_dir: Some(PathBuf::from("dist")),
            cookie_secure: false,
            allowed_origins: Vec::new(),
            frame_ancestors: "'self'".to_string(),
            password_policy: PasswordPolicy::default(),
            body_limit_bytes: 1024 * 1024,
            shutdown_grace: std::time::Duration::ZERO,
            periodic_report_as_of: None,
            tls_cert: None,
            tls_key: None,
            client_ca: None,
            client_cert_header: None,
            trusted_proxies: Vec::new(),
            document_font: crate::pdf::DEFAULT_FONT.to_string(),
            document_mono_font: crate::pdf::DEFAULT_MONO_FONT.to_string(),
        }
    }
}

impl Config {
    /// Reads the `TODOKE_*` environment variables (see the module documentation).
    pub fn from_env() -> Result<Config, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Defaults for tests: no service-hours gate, a free port, no SPA.
    pub fn for_tests(database_url: &str) -> Config {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            database_url: database_url.to_string(),
            service_hours: ServiceHours::Always,
            dist_dir: None,
            ..Config::default()
        }
    }

    /// Builds the configuration from any variable source, so parsing is testable without
    /// touching the process environment. One `if let` per variable, in the order of the
    /// module's table: long, but a reader finds each variable where the table says.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let mut config = Config::default();
        let get = |var: &'static str| lookup(var).map(|v| (var, v));

        if let Some((var, v)) = get("TODOKE_ADDR") {
            config.addr = v
                .trim()
                .parse()
                .map_err(|_| bad(var, &v, "expected host:port such as 127.0.0.1:8080"))?;
        }
        if let Some((_, v)) = get("TODOKE_DATABASE_URL") {
            config.database_url = v.trim().to_string();
        }
        if let Some((var, v)) = get("TODOKE_SERVICE_HOURS") {
            config.service_hours =
                ServiceHours::parse(&v).map_err(|e| bad(var, &v, &e.to_string()))?;
        }
        if let Some((var, v)) = get("TODOKE_LOCKOUT_THRESHOLD") {
            config.lockout_threshold = positive(var, &v, 1000)? as u32;
        }
        if let Some((var, v)) = get("TODOKE_LOCKOUT_MINUTES") {
            config.lockout_duration = Duration::minutes(positive(var, &v, 7 * 24 * 60)?);
        }
        if let Some((var, v)) = get("TODOKE_SESSION_IDLE_MINUTES") {
            config.session_idle = Duration::minutes(positive(var, &v, 24 * 60)?);
        }
        if let Some((var, v)) = get("TODOKE_SESSION_ABSOLUTE_HOURS") {
            config.session_absolute = Duration::hours(positive(var, &v, 24 * 30)?);
        }
        if let Some((_, v)) = get("TODOKE_DIST_DIR") {
            let v = v.trim();
            config.dist_dir = (!v.is_empty()).then(|| PathBuf::from(v));
        }
        if let Some((var, v)) = get("TODOKE_COOKIE_SECURE") {
            config.cookie_secure = boolean(var, &v)?;
        }
        if let Some((var, v)) = get("TODOKE_ALLOWED_ORIGINS") {
            config.allowed_origins = origins(var, &v)?;
        }
        if let Some((var, v)) = get("TODOKE_FRAME_ANCESTORS") {
            config.frame_ancestors = frame_ancestors(var, &v)?;
        }
        if let Some((var, v)) = get("TODOKE_BODY_LIMIT_BYTES") {
            config.body_limit_bytes = positive(var, &v, 64 * 1024 * 1024)? as usize;
        }
        if let Some((var, v)) = get("TODOKE_SHUTDOWN_GRACE_SECONDS") {
            let seconds = match v.trim().parse::<u64>() {
                Ok(n) if n <= 300 => n,
                _ => return Err(bad(var, &v, "expected a whole number from 0 to 300")),
            };
            config.shutdown_grace = std::time::Duration::from_secs(seconds);
        }
        if let Some((var, v)) = get("TODOKE_PERIODIC_REPORT_AS_OF") {
            config.periodic_report_as_of = Some(MonthDay::parse(&v).ok_or_else(|| {
                bad(
                    var,
                    &v,
                    "expected MM-DD such as 08-01 (a day that exists every year)",
                )
            })?);
        }
        if let Some((var, v)) = get("TODOKE_TLS_CERT") {
            config.tls_cert = pem_file(var, &v)?;
        }
        if let Some((var, v)) = get("TODOKE_TLS_KEY") {
            config.tls_key = pem_file(var, &v)?;
        }
        if let Some((var, v)) = get("TODOKE_CLIENT_CA") {
            config.client_ca = pem_file(var, &v)?;
        }
        if let Some((var, v)) = get("TODOKE_CLIENT_CERT_HEADER") {
            config.client_cert_header = match v.trim() {
                "" => None,
                t => Some(crate::tls::ClientCertHeader::parse(t).ok_or_else(|| {
                    bad(
                        var,
                        &v,
                        "expected a header name such as X-Client-Verify (value SUCCESS), or NAME=VALUE",
                    )
                })?),
            };
        }
        if let Some((var, v)) = get("TODOKE_TRUSTED_PROXIES") {
            config.trusted_proxies = ip_addresses(var, &v)?;
        }
        if let Some((_, v)) = get("TODOKE_DOCUMENT_FONT") {
            config.document_font = v.trim().to_string();
        }
        if let Some((_, v)) = get("TODOKE_DOCUMENT_MONO_FONT") {
            config.document_mono_font = v.trim().to_string();
        }
        check_client_certificates(&mut config, get("TODOKE_COOKIE_SECURE").is_some())?;
        if config.session_idle > config.session_absolute {
            return Err(bad(
                "TODOKE_SESSION_IDLE_MINUTES",
                &config.session_idle.whole_minutes().to_string(),
                "the idle timeout must not exceed TODOKE_SESSION_ABSOLUTE_HOURS",
            ));
        }
        Ok(config)
    }

    /// The session cookie's name. The `__Host-` prefix makes browsers refuse the cookie unless it
    /// is `Secure`, has `Path=/` and no `Domain`, so a sibling subdomain cannot plant or read it.
    pub fn session_cookie_name(&self) -> &'static str {
        if self.cookie_secure {
            "__Host-todoke_session"
        } else {
            "todoke_session"
        }
    }

    /// True when every request must come with a client certificate (`TODOKE_CLIENT_CA` or
    /// `TODOKE_CLIENT_CERT_HEADER`).
    pub fn requires_client_certificate(&self) -> bool {
        self.client_ca.is_some() || self.client_cert_header.is_some()
    }
}

fn bad(var: &'static str, value: &str, reason: &str) -> ConfigError {
    ConfigError {
        var,
        value: value.to_string(),
        reason: reason.to_string(),
    }
}

/// A whole number from 1 to `max`.
fn positive(var: &'static str, value: &str, max: i64) -> Result<i64, ConfigError> {
    match value.trim().parse::<i64>() {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        _ => Err(bad(
            var,
            value,
            &format!("expected a whole number from 1 to {max}"),
        )),
    }
}

fn boolean(var: &'static str, value: &str) -> Result<bool, ConfigError> {
    match value.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" | "" => Ok(false),
        _ => Err(bad(var, value, "expected true or false")),
    }
}

/// Origins are compared with the browser's `Origin` header, which is `scheme://host[:port]`
/// without a path or trailing slash; anything else could never match, so it is refused.
fn origins(var: &'static str, value: &str) -> Result<Vec<String>, ConfigError> {
    let mut out = Vec::new();
    for item in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let item = item.trim_end_matches('/');
        let rest = item
            .strip_prefix("https://")
            .or_else(|| item.strip_prefix("http://"));
        let ok = rest.is_some_and(|host| {
            !host.is_empty() && !host.contains('/') && host.chars().all(|c| c.is_ascii_graphic())
        });
        if !ok {
            return Err(bad(
                var,
                value,
                "expected comma-separated origins such as https://example.jp",
            ));
        }
        out.push(item.to_ascii_lowercase());
    }
    Ok(out)
}

/// The value goes verbatim into a CSP header, so it must not be able to end the directive.
fn frame_ancestors(var: &'static str, value: &str) -> Result<String, ConfigError> {
    let v = value.trim();
    if v.is_empty()
        || v.contains([';', ','])
        || !v.chars().all(|c| c == ' ' || c.is_ascii_graphic())
    {
        return Err(bad(
            var,
            value,
            "expected CSP sources such as 'self' https://example.jp",
        ));
    }
    Ok(v.to_string())
}

/// The path of a PEM file that exists; empty means unset.
fn pem_file(var: &'static str, value: &str) -> Result<Option<PathBuf>, ConfigError> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(None);
    }
    let path = PathBuf::from(v);
    if !path.is_file() {
        return Err(bad(
            var,
            value,
            "no such file: expected the path of a PEM file",
        ));
    }
    Ok(Some(path))
}

/// Comma-separated IP addresses (IPv4-mapped IPv6 ones are compared as IPv4).
fn ip_addresses(var: &'static str, value: &str) -> Result<Vec<IpAddr>, ConfigError> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<IpAddr>()
                .map(|ip| ip.to_canonical())
                .map_err(|_| {
                    bad(
                        var,
                        value,
                        "expected comma-separated IP addresses such as 127.0.0.1, ::1",
                    )
                })
        })
        .collect()
}

/// The TLS and client-certificate settings must agree. Serving HTTPS directly turns on secure
/// cookies and HSTS; an explicit `TODOKE_COOKIE_SECURE=false` beside it is refused.
fn check_client_certificates(
    config: &mut Config,
    cookie_secure_given: bool,
) -> Result<(), ConfigError> {
    let shown = |p: &Option<PathBuf>| {
        p.as_deref()
            .map(|p| p.display().to_string())
            .unwrap_or_default()
    };
    match (&config.tls_cert, &config.tls_key) {
        (Some(_), None) => {
            return Err(bad(
                "TODOKE_TLS_KEY",
                "",
                "must be set together with TODOKE_TLS_CERT",
            ));
        }
        (None, Some(_)) => {
            return Err(bad(
                "TODOKE_TLS_CERT",
                "",
                "must be set together with TODOKE_TLS_KEY",
            ));
        }
        (Some(_), Some(_)) => {
            if cookie_secure_given && !config.cookie_secure {
                return Err(bad(
                    "TODOKE_COOKIE_SECURE",
                    "false",
                    "must be true (or unset) when TODOKE_TLS_CERT serves HTTPS",
                ));
            }
            config.cookie_secure = true;
        }
        (None, None) => {
            if config.client_ca.is_some() {
                return Err(bad(
                    "TODOKE_CLIENT_CA",
                    &shown(&config.client_ca),
                    "needs TODOKE_TLS_CERT and TODOKE_TLS_KEY; behind a TLS-terminating proxy use TODOKE_CLIENT_CERT_HEADER",
                ));
            }
        }
    }
    if let Some(h) = &config.client_cert_header {
        if config.client_ca.is_some() {
            return Err(bad(
                "TODOKE_CLIENT_CERT_HEADER",
                h.name.as_str(),
                "cannot be combined with TODOKE_CLIENT_CA: choose the proxy's header or the server's own check",
            ));
        }
        if config.trusted_proxies.is_empty() {
            return Err(bad(
                "TODOKE_TRUSTED_PROXIES",
                "",
                "must list the proxy addresses when TODOKE_CLIENT_CERT_HEADER is set",
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn from(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    /// Two empty files: the configuration checks only that they exist (their content is
    /// checked when the server starts, `crate::tls::server_config`).
    fn pem_files() -> (tempfile::TempDir, String, String) {
        let dir = tempfile::tempdir().unwrap();
        let cert = dir.path().join("cert.pem");
        let key = dir.path().join("key.pem");
        std::fs::write(&cert, "").unwrap();
        std::fs::write(&key, "").unwrap();
        let (cert, key) = (cert.display().to_string(), key.display().to_string());
        (dir, cert, key)
    }

    #[test]
    fn tls_turns_on_secure_cookies() {
        let (_dir, cert, key) = pem_files();
        let c = from(&[
            ("TODOKE_TLS_CERT", &cert),
            ("TODOKE_TLS_KEY", &key),
            ("TODOKE_CLIENT_CA", &cert),
        ])
        .unwrap();
        assert!(c.cookie_secure);
        assert_eq!(c.session_cookie_name(), "__Host-todoke_session");
        assert_eq!(c.tls_cert, Some(PathBuf::from(&cert)));
        assert_eq!(c.client_ca, Some(PathBuf::from(&cert)));
        assert!(c.requires_client_certificate());
        let c = from(&[
            ("TODOKE_TLS_CERT", &cert),
            ("TODOKE_TLS_KEY", &key),
            ("TODOKE_COOKIE_SECURE", "true"),
        ])
        .unwrap();
        assert!(c.cookie_secure);
        assert!(!c.requires_client_certificate());
        assert!(!from(&[]).unwrap().requires_client_certificate());
    }

    #[test]
    fn client_cert_header_and_trusted_proxies_are_read() {
        let c = from(&[
            ("TODOKE_CLIENT_CERT_HEADER", "X-Client-Verify"),
            ("TODOKE_TRUSTED_PROXIES", "127.0.0.1, ::ffff:10.0.0.5,::1"),
        ])
        .unwrap();
        let header = c.client_cert_header.clone().unwrap();
        assert_eq!(header.name.as_str(), "x-client-verify");
        assert_eq!(header.value, "SUCCESS");
        let expected: Vec<IpAddr> = ["127.0.0.1", "10.0.0.5", "::1"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        assert_eq!(c.trusted_proxies, expected);
        assert!(c.requires_client_certificate());
        assert!(
            !c.cookie_secure,
            "a proxy's HTTPS is TODOKE_COOKIE_SECURE's business"
        );
        let c = from(&[
            ("TODOKE_CLIENT_CERT_HEADER", "X-SSL-Client-Verified=1"),
            ("TODOKE_TRUSTED_PROXIES", "192.0.2.1"),
        ])
        .unwrap();
        assert_eq!(c.client_cert_header.unwrap().value, "1");
    }

    #[test]
    fn inconsistent_tls_settings_name_the_variable() {
        let (_dir, cert, key) = pem_files();
        let missing = format!("{cert}.missing");
        let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
            (
                vec![("TODOKE_TLS_CERT", &missing), ("TODOKE_TLS_KEY", &key)],
                "TODOKE_TLS_CERT",
            ),
            (
                vec![("TODOKE_TLS_CERT", &cert), ("TODOKE_TLS_KEY", &missing)],
                "TODOKE_TLS_KEY",
            ),
            (vec![("TODOKE_TLS_CERT", &cert)], "TODOKE_TLS_KEY"),
            (vec![("TODOKE_TLS_KEY", &key)], "TODOKE_TLS_CERT"),
            (vec![("TODOKE_CLIENT_CA", &cert)], "TODOKE_CLIENT_CA"),
            (
                vec![
                    ("TODOKE_TLS_CERT", &cert),
                    ("TODOKE_TLS_KEY", &key),
                    ("TODOKE_CLIENT_CA", &missing),
                ],
                "TODOKE_CLIENT_CA",
            ),
            (
                vec![
                    ("TODOKE_TLS_CERT", &cert),
                    ("TODOKE_TLS_KEY", &key),
                    ("TODOKE_COOKIE_SECURE", "false"),
                ],
                "TODOKE_COOKIE_SECURE",
            ),
            (
                vec![("TODOKE_CLIENT_CERT_HEADER", "X-Client-Verify")],
                "TODOKE_TRUSTED_PROXIES",
            ),
            (
                vec![
                    ("TODOKE_CLIENT_CERT_HEADER", "X Client Verify"),
                    ("TODOKE_TRUSTED_PROXIES", "127.0.0.1"),
                ],
                "TODOKE_CLIENT_CERT_HEADER",
            ),
            (
                vec![
                    ("TODOKE_CLIENT_CERT_HEADER", "X-Client-Verify"),
                    ("TODOKE_TRUSTED_PROXIES", "127.0.0.1, proxy.example.jp"),
                ],
                "TODOKE_TRUSTED_PROXIES",
            ),
            (
                vec![
                    ("TODOKE_TLS_CERT", &cert),
                    ("TODOKE_TLS_KEY", &key),
                    ("TODOKE_CLIENT_CA", &cert),
                    ("TODOKE_CLIENT_CERT_HEADER", "X-Client-Verify"),
                    ("TODOKE_TRUSTED_PROXIES", "127.0.0.1"),
                ],
                "TODOKE_CLIENT_CERT_HEADER",
            ),
        ];
        for (pairs, var) in cases {
            let err = from(&pairs).unwrap_err();
            assert_eq!(err.var, var, "{pairs:?}: {err}");
            assert!(err.to_string().contains(var));
        }
    }

    #[test]
    fn defaults_are_the_documented_ones() {
        let c = from(&[]).unwrap();
        assert_eq!(c.addr.to_string(), "127.0.0.1:8080");
        assert_eq!(c.database_url, "sqlite://todoke.db");
        assert_eq!(c.service_hours, ServiceHours::default());
        assert_eq!(c.lockout_threshold, 5);
        assert_eq!(c.lockout_duration, Duration::minutes(15));
        assert_eq!(c.session_idle, Duration::minutes(30));
        assert_eq!(c.session_absolute, Duration::hours(12));
        assert_eq!(c.dist_dir, Some(PathBuf::from("dist")));
        assert!(!c.cookie_secure);
        assert_eq!(c.frame_ancestors, "'self'");
        assert_eq!(c.body_limit_bytes, 1_048_576);
        assert_eq!(c.periodic_report_as_of, None);
        assert_eq!(c.session_cookie_name(), "todoke_session");
    }

    #[test]
    fn values_are_read() {
        let c = from(&[
            ("TODOKE_ADDR", "0.0.0.0:9000"),
            ("TODOKE_SERVICE_HOURS", "always"),
            ("TODOKE_LOCKOUT_THRESHOLD", "3"),
            ("TODOKE_LOCKOUT_MINUTES", "1"),
            ("TODOKE_SESSION_IDLE_MINUTES", "10"),
            ("TODOKE_SESSION_ABSOLUTE_HOURS", "2"),
            ("TODOKE_DIST_DIR", ""),
            ("TODOKE_COOKIE_SECURE", "true"),
            (
                "TODOKE_ALLOWED_ORIGINS",
                "https://a.example.jp, https://B.example.jp/",
            ),
            ("TODOKE_FRAME_ANCESTORS", "'self' https://a.example.jp"),
            ("TODOKE_BODY_LIMIT_BYTES", "1024"),
            ("TODOKE_SHUTDOWN_GRACE_SECONDS", "10"),
            ("TODOKE_PERIODIC_REPORT_AS_OF", "07-01"),
        ])
        .unwrap();
        assert_eq!(c.addr.port(), 9000);
        assert_eq!(c.service_hours, ServiceHours::Always);
        assert_eq!(c.lockout_threshold, 3);
        assert_eq!(c.session_idle, Duration::minutes(10));
        assert_eq!(c.dist_dir, None);
        assert_eq!(c.session_cookie_name(), "__Host-todoke_session");
        assert_eq!(
            c.allowed_origins,
            vec!["https://a.example.jp", "https://b.example.jp"]
        );
        assert_eq!(c.body_limit_bytes, 1024);
        assert_eq!(c.shutdown_grace, std::time::Duration::from_secs(10));
        assert_eq!(
            c.periodic_report_as_of,
            Some(MonthDay {
                month: Month::July,
                day: 1
            })
        );
    }

    #[test]
    fn bad_values_name_the_variable() {
        for (var, value) in [
            ("TODOKE_ADDR", "localhost"),
            ("TODOKE_SERVICE_HOURS", "weekdays"),
            ("TODOKE_LOCKOUT_THRESHOLD", "0"),
            ("TODOKE_LOCKOUT_MINUTES", "-5"),
            ("TODOKE_SESSION_IDLE_MINUTES", "abc"),
            ("TODOKE_COOKIE_SECURE", "maybe"),
            ("TODOKE_ALLOWED_ORIGINS", "example.jp"),
            ("TODOKE_FRAME_ANCESTORS", "'self'; script-src *"),
            ("TODOKE_BODY_LIMIT_BYTES", "lots"),
            ("TODOKE_SHUTDOWN_GRACE_SECONDS", "3600"),
            ("TODOKE_PERIODIC_REPORT_AS_OF", "08/01"),
            ("TODOKE_PERIODIC_REPORT_AS_OF", "13-01"),
            ("TODOKE_PERIODIC_REPORT_AS_OF", "02-29"),
            ("TODOKE_PERIODIC_REPORT_AS_OF", "04-31"),
            ("TODOKE_SESSION_IDLE_MINUTES", "1440"),
        ] {
            let err = from(&[(var, value)]).unwrap_err();
            assert_eq!(err.var, var, "{value}");
            assert!(err.to_string().contains(var));
        }
    }
}
