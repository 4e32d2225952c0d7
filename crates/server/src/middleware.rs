//! Cross-cutting request handling:
//!
//! * [`api_guard`]: the request body read first (so no refusal leaves it unread on a kept-alive
//!   connection), then for everything under `/api` the service-hours gate, the CSRF defence for
//!   state-changing requests, and a last check that every error leaves in the one JSON shape.
//! * [`language`]: the request's `Accept-Language` decides the language of every message the
//!   answer carries (the app sends the user's choice); Japanese when it names neither.
//! * [`security_headers`] for every response: `nosniff`, `Referrer-Policy`, the CSP, HSTS over
//!   HTTPS, and `Cache-Control: no-store` for API answers (they carry personal data).

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use todoke_core::ServiceState;
use todoke_core::text::Lang;

use crate::AppState;
use crate::config::Config;
use crate::error::AppError;

/// The custom header every state-changing request must carry. A cross-site form cannot set it,
/// and a cross-site `fetch` that sets it needs a CORS preflight, which we never grant.
pub const CSRF_HEADER: &str = "x-requested-with";
pub const CSRF_HEADER_VALUE: &str = "todoke";

/// The routes under `/api/v1` that answer at any hour: the SPA asks the first what to show;
/// the manual is readable when the service is closed, as its HTML page is.
const UNGATED: [&str; 2] = [
    todoke_core::api::endpoints::SERVICE_STATUS.path,
    todoke_core::api::endpoints::MANUAL_PDF.path,
];

pub fn is_api_path(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

/// Body → service gate → CSRF → handler, for `/api` paths.
pub async fn api_guard(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let req = match read_body_first(req, state.config.body_limit_bytes).await {
        Ok(req) => req,
        Err(refusal) => return refusal,
    };
    let path = req.uri().path();
    if !is_api_path(path) {
        return next.run(req).await;
    }
    let now = state.clock.now();
    if path.starts_with("/api/v1/")
        && !UNGATED.contains(&path)
        && let ServiceState::Closed { resumes_at } = state.config.service_hours.state_at(now)
    {
        let message = state.config.service_hours.closed_message(resumes_at);
        return AppError::ServiceClosed {
            resumes_at,
            message,
        }
        .into_response_at(now);
    }
    if is_state_changing(req.method())
        && let Err(e) = check_csrf(req.headers(), req.uri(), &state.config)
    {
        return e.into_response();
    }
    ensure_error_shape(next.run(req).await)
}

/// Reads the whole body (up to `limit`) before anything may refuse the request. A refusal that
/// leaves the body unread (401 from a session extractor, a CSRF or role 403, the closed
/// service) would otherwise end the connection silently, and the browser's next request on it
/// would fail with a network error. A body over the limit is not read: 413 with
/// `Connection: close`, so the client knows not to reuse the connection.
async fn read_body_first(req: Request, limit: usize) -> Result<Request, Response> {
    if !has_body(req.headers()) {
        return Ok(req);
    }
    if declared_length(req.headers()).is_some_and(|len| len > limit as u64) {
        return Err(closing(AppError::PayloadTooLarge.into_response()));
    }
    let (parts, body) = req.into_parts();
    match axum::body::to_bytes(body, limit).await {
        Ok(bytes) => Ok(Request::from_parts(parts, axum::body::Body::from(bytes))),
        // Over the limit while streaming, or the client broke off: either way the rest of the
        // body was not read.
        Err(_) => Err(closing(AppError::PayloadTooLarge.into_response())),
    }
}

fn closing(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

fn is_state_changing(method: &Method) -> bool {
    matches!(
        *method,
        Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    )
}

/// The CSRF defence for a JSON API (OWASP): a custom header, JSON bodies only, and the
/// browser's `Origin` / `Sec-Fetch-Site` when it sends them.
pub fn check_csrf(
    headers: &HeaderMap,
    uri: &axum::http::Uri,
    config: &Config,
) -> Result<(), AppError> {
    let marker = headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok());
    if !marker.is_some_and(|v| v.trim().eq_ignore_ascii_case(CSRF_HEADER_VALUE)) {
        return Err(AppError::CsrfRejected("missing X-Requested-With"));
    }
    let origin = headers
        .get(header::ORIGIN)
        .map(|v| v.to_str().unwrap_or_default().to_ascii_lowercase());
    let origin_allowed_elsewhere = origin
        .as_deref()
        .is_some_and(|o| config.allowed_origins.iter().any(|a| a == o));
    if let Some(origin) = &origin {
        let own = own_origin(headers, uri, config);
        if own.as_deref() != Some(origin.as_str()) && !origin_allowed_elsewhere {
            return Err(AppError::CsrfRejected("foreign Origin"));
        }
    }
    if let Some(site) = headers.get("sec-fetch-site") {
        let site = site.to_str().unwrap_or_default().to_ascii_lowercase();
        let ok = match site.as_str() {
            "same-origin" | "none" => true,
            "same-site" => origin_allowed_elsewhere,
            _ => false,
        };
        if !ok {
            return Err(AppError::CsrfRejected("Sec-Fetch-Site"));
        }
    }
    if has_body(headers) && !is_json(headers) {
        return Err(AppError::UnsupportedMediaType);
    }
    Ok(())
}

/// `scheme://host[:port]` as the browser would write it for this server. The scheme is https
/// when cookies are marked `Secure` (the site is then served over TLS, maybe through a proxy).
fn own_origin(headers: &HeaderMap, uri: &axum::http::Uri, config: &Config) -> Option<String> {
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .or_else(|| uri.authority().map(|a| a.to_string()))?;
    let scheme = if config.cookie_secure {
        "https"
    } else {
        "http"
    };
    Some(format!("{scheme}://{}", host.trim().to_ascii_lowercase()))
}

fn has_body(headers: &HeaderMap) -> bool {
    declared_length(headers).is_some_and(|len| len > 0)
        || headers.contains_key(header::CONTENT_TYPE)
        || headers.contains_key(header::TRANSFER_ENCODING)
}

fn declared_length(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// `application/json`, optionally with parameters such as `charset=utf-8`.
pub(crate) fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|mime| mime.trim().eq_ignore_ascii_case("application/json"))
}

/// Replaces an error response that is not JSON (axum's bare 404/405, a layer's 413) with our
/// shape, keeping its status and `Allow` header.
fn ensure_error_shape(response: Response) -> Response {
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let allow = response.headers().get(header::ALLOW).cloned();
    let mut replaced = AppError::from_status(status).into_response();
    *replaced.status_mut() = status;
    if let Some(allow) = allow {
        replaced.headers_mut().insert(header::ALLOW, allow);
    }
    replaced
}

/// Header values computed once at startup.
#[derive(Debug, Clone)]
pub struct SecurityHeaders {
    pub html_csp: HeaderValue,
    /// `Strict-Transport-Security` when the deployment is HTTPS (`TODOKE_COOKIE_SECURE`).
    pub hsts: Option<HeaderValue>,
}

/// Two years with subdomains: the length the HSTS preload list asks for, well over the year
/// a browser needs to keep refusing plain HTTP between visits.
pub const HSTS: &str = "max-age=63072000; includeSubDomains";

impl SecurityHeaders {
    pub fn new(html_csp: HeaderValue, config: &Config) -> Self {
        Self {
            html_csp,
            hsts: config.cookie_secure.then(|| HeaderValue::from_static(HSTS)),
        }
    }
}

/// Non-HTML responses are never documents; a policy that allows nothing costs nothing.
const NON_HTML_CSP: &str = "default-src 'none'; frame-ancestors 'none'";

tokio::task_local! {
    static REQUEST_LANG: Lang;
}

/// The language of the request being answered, for `todoke_core::text::lang::set_source`.
pub fn request_lang() -> Option<Lang> {
    REQUEST_LANG.try_with(|l| *l).ok()
}

/// The request's language: a `lang` query parameter first (download links, which the browser
/// sends with its own `Accept-Language`, carry the app's choice that way), then
/// `Accept-Language`, then Japanese.
pub async fn language(req: Request, next: Next) -> Response {
    let from_query = req.uri().query().and_then(|q| {
        q.split('&')
            .find_map(|pair| pair.strip_prefix("lang="))
            .and_then(Lang::parse)
    });
    let lang = from_query.unwrap_or_else(|| {
        req.headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .map_or(Lang::Ja, Lang::from_accept_language)
    });
    let api = is_api_path(req.uri().path());
    let mut response = REQUEST_LANG.scope(lang, next.run(req)).await;
    if api {
        // Caches must keep the answers of the two languages apart.
        response
            .headers_mut()
            .append(header::VARY, HeaderValue::from_static("accept-language"));
    }
    response
}

pub async fn security_headers(
    State(h): State<Arc<SecurityHeaders>>,
    req: Request,
    next: Next,
) -> Response {
    let private =
        is_api_path(req.uri().path()) || matches!(req.uri().path(), "/healthz" | "/readyz");
    let mut response = next.run(req).await;
    let status = response.status();
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    if let Some(hsts) = &h.hsts {
        headers.insert(header::STRICT_TRANSPORT_SECURITY, hsts.clone());
    }
    // A 304 has no content type, and browsers copy its headers onto the cached page: a
    // non-HTML policy here would replace the page's own and block the app on every reload.
    // Leaving it out keeps the policy the cached response came with.
    if status != StatusCode::NOT_MODIFIED {
        let csp = if is_html {
            h.html_csp.clone()
        } else {
            HeaderValue::from_static(NON_HTML_CSP)
        };
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    if private && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::Uri;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    fn check(pairs: &[(&'static str, &'static str)], config: &Config) -> Result<(), AppError> {
        check_csrf(
            &headers(pairs),
            &Uri::from_static("/api/v1/session"),
            config,
        )
    }

    #[test]
    fn csrf_rules() {
        let mut config = Config::for_tests("sqlite::memory:");
        config.allowed_origins = vec!["https://kyoku.example.jp".into()];
        let json = ("content-type", "application/json; charset=utf-8");
        let marker = ("x-requested-with", "todoke");
        let host = ("host", "127.0.0.1:8080");
        assert!(check(&[marker, json, host], &config).is_ok());
        assert!(
            check(&[marker], &config).is_ok(),
            "no body, no content type needed"
        );
        assert!(matches!(
            check(&[json], &config),
            Err(AppError::CsrfRejected(_))
        ));
        assert!(matches!(
            check(&[marker, ("content-type", "text/plain")], &config),
            Err(AppError::UnsupportedMediaType)
        ));
        assert!(matches!(
            check(&[marker, ("content-length", "5")], &config),
            Err(AppError::UnsupportedMediaType)
        ));
        assert!(
            check(
                &[marker, json, host, ("origin", "http://127.0.0.1:8080")],
                &config
            )
            .is_ok()
        );
        assert!(
            check(
                &[marker, json, host, ("origin", "https://kyoku.example.jp")],
                &config
            )
            .is_ok()
        );
        assert!(matches!(
            check(
                &[marker, json, host, ("origin", "https://evil.example")],
                &config
            ),
            Err(AppError::CsrfRejected(_))
        ));
        assert!(matches!(
            check(&[marker, json, host, ("origin", "null")], &config),
            Err(AppError::CsrfRejected(_))
        ));
        assert!(check(&[marker, json, ("sec-fetch-site", "same-origin")], &config).is_ok());
        assert!(matches!(
            check(&[marker, json, ("sec-fetch-site", "cross-site")], &config),
            Err(AppError::CsrfRejected(_))
        ));
        assert!(matches!(
            check(&[marker, json, ("sec-fetch-site", "same-site")], &config),
            Err(AppError::CsrfRejected(_))
        ));
        assert!(
            check(
                &[
                    marker,
                    json,
                    host,
                    ("origin", "https://kyoku.example.jp"),
                    ("sec-fetch-site", "same-site")
                ],
                &config
            )
            .is_ok()
        );
        config.cookie_secure = true;
        assert!(matches!(
            check(
                &[marker, json, host, ("origin", "http://127.0.0.1:8080")],
                &config
            ),
            Err(AppError::CsrfRejected(_))
        ));
        assert!(
            check(
                &[marker, json, host, ("origin", "https://127.0.0.1:8080")],
                &config
            )
            .is_ok()
        );
    }
}
