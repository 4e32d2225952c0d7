//! Serving the built SPA (trunk's `dist/`): files with their MIME types (`application/wasm` for
//! the module), long cache lifetimes for content-hashed assets, `no-cache` for `index.html`, and
//! `index.html` for client routes such as `/login` so that reloading any page works.
//!
//! Also computes the Content-Security-Policy for HTML: it allows the inline scripts of
//! `index.html` by their SHA-256 hashes (computed at startup) and nothing else inline. The
//! build itself loads the wasm with an external module script (`xtask/src/spa_wasm.rs`), so
//! there are none unless a bureau's page adds one.

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, Method, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

use crate::config::Config;
use crate::error::AppError;

/// Content-hashed assets never change under the same name.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Revalidate every time (cheap thanks to `Last-Modified`), so a new release is picked up.
pub const NO_CACHE: &str = "no-cache";

/// The built SPA.
#[derive(Debug, Clone)]
pub struct Spa {
    /// Files, with `index.html` for paths that are not files (client routes).
    with_index: ServeDir<ServeFile>,
    /// Files only: a missing `/x.js` is a 404, not a page of HTML under a script's name.
    files_only: ServeDir,
    /// `'sha256-…'` sources of the inline scripts in `index.html`.
    pub script_hashes: Vec<String>,
}

impl Spa {
    /// The SPA in `config.dist_dir`, or `None` (API only) when it is not configured or not built.
    pub fn load(config: &Config) -> Option<Spa> {
        let dir = config.dist_dir.as_ref()?;
        let index = dir.join("index.html");
        let html = match std::fs::read_to_string(&index) {
            Ok(html) => html,
            Err(e) => {
                tracing::warn!(dir = %dir.display(), error = %e, "no built SPA found; serving the API only");
                return None;
            }
        };
        Some(Spa::new(dir, &index, &html))
    }

    fn new(dir: &Path, index: &PathBuf, html: &str) -> Spa {
        Spa {
            with_index: files(dir).fallback(
                ServeFile::new(index)
                    .precompressed_br()
                    .precompressed_gzip(),
            ),
            files_only: files(dir),
            script_hashes: inline_script_hashes(html),
        }
    }

    /// Answers a GET or HEAD for a path outside the API.
    pub async fn serve(&self, req: Request) -> Response {
        let path = req.uri().path().to_string();
        let last_segment = path.rsplit('/').next().unwrap_or_default().to_string();
        let client_route = !last_segment.contains('.');
        let result = if client_route {
            self.with_index
                .clone()
                .oneshot(req)
                .await
                .map(|r| r.map(Body::new))
        } else {
            self.files_only
                .clone()
                .oneshot(req)
                .await
                .map(|r| r.map(Body::new))
        };
        let mut response = match result {
            Ok(response) => response,
            Err(never) => match never {},
        };
        if response.status().is_client_error()
            && response.status() != axum::http::StatusCode::RANGE_NOT_SATISFIABLE
        {
            return AppError::from_status(response.status()).into_response();
        }
        let is_html = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
        let cache = if !is_html && is_hashed_asset(&path) {
            IMMUTABLE
        } else {
            NO_CACHE
        };
        let headers = response.headers_mut();
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
        if is_html {
            // trunk writes UTF-8; saying so spares the browser from guessing for Japanese text.
            let utf8 = HeaderValue::from_static("text/html; charset=utf-8");
            headers.insert(header::CONTENT_TYPE, utf8);
        }
        response
    }
}

/// Files from `dir`, preferring `name.br` / `name.gz` beside a file when the build made them
/// (otherwise the compression layer compresses on the fly).
fn files(dir: &Path) -> ServeDir {
    ServeDir::new(dir)
        .append_index_html_on_directories(true)
        .precompressed_br()
        .precompressed_gzip()
}

/// The fallback for every path that no route matched: API-looking paths get a JSON 404, other
/// GETs the SPA.
pub async fn fallback(spa: Option<std::sync::Arc<Spa>>, req: Request) -> Response {
    let path = req.uri().path();
    if crate::middleware::is_api_path(path) || path == "/healthz" {
        return AppError::NotFound.into_response();
    }
    let Some(spa) = spa else {
        return AppError::NotFound.into_response();
    };
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut response = AppError::MethodNotAllowed.into_response();
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    spa.serve(req).await
}

/// True for a content-hashed path: trunk's names such as `todoke-0123456789abcdef_bg.wasm` or
/// `style-0123456789abcdef.css` (a hyphen, at least 12 lower-case hex digits, as trunk prints
/// a 64-bit hash without padding, then `_` or `.`), and every file in a folder named so, such
/// as `todoke-0123456789abcdef/split_wizard.wasm` (the route-split wasm, `xtask/src/spa_wasm.rs`).
pub fn is_hashed_asset(path: &str) -> bool {
    let mut segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let Some(file_name) = segments.pop() else {
        return false;
    };
    hashed_name(file_name, b"._") || segments.iter().any(|dir| hashed_name(dir, &[]))
}

/// `name` has a part after a hyphen made of at least 12 lower-case hex digits, followed by one
/// of `then` (or by nothing, when `then` is empty).
fn hashed_name(name: &str, then: &[u8]) -> bool {
    name.split('-').skip(1).any(|part| {
        let hex = part
            .bytes()
            .take_while(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b))
            .count();
        hex >= 12
            && match part.as_bytes().get(hex) {
                Some(b) => then.contains(b),
                None => then.is_empty(),
            }
    })
}

/// `'sha256-…'` for each inline `<script>` (one without `src`) in `html`: base64 of the SHA-256
/// of the exact text between the tags, as CSP hashes are defined.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    // ASCII lower-casing keeps byte offsets, so positions found in `lower` index `html`.
    let lower = html.to_ascii_lowercase();
    let mut hashes = Vec::new();
    let mut pos = 0;
    while let Some(found) = lower[pos..].find("<script") {
        let name_end = pos + found + "<script".len();
        let Some(tag_len) = lower[name_end..].find('>') else {
            break;
        };
        let body_start = name_end + tag_len + 1;
        let Some(body_len) = lower[body_start..].find("</script") else {
            break;
        };
        let body_end = body_start + body_len;
        let attributes = &lower[name_end..body_start - 1];
        let is_script_tag =
            attributes.is_empty() || attributes.starts_with(|c: char| c.is_ascii_whitespace());
        if is_script_tag && !has_src(attributes) {
            let digest = Sha256::digest(&html.as_bytes()[body_start..body_end]);
            hashes.push(format!("'sha256-{}'", STANDARD.encode(digest)));
        }
        pos = body_end + "</script".len();
    }
    hashes
}

fn has_src(attributes: &str) -> bool {
    attributes
        .split(|c: char| c.is_ascii_whitespace() || c == '/')
        .any(|token| token == "src" || token.starts_with("src="))
}

/// The policy for HTML pages: only our own files, the wasm module, and the hashed inline loader;
/// framing only by the configured ancestors (bureaus embed the app; no `X-Frame-Options`).
pub fn html_content_security_policy(script_hashes: &[String], frame_ancestors: &str) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for hash in script_hashes {
        script_src.push(' ');
        script_src.push_str(hash);
    }
    format!(
        "default-src 'self'; script-src {script_src}; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
         frame-ancestors {frame_ancestors}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_assets_are_recognised() {
        assert!(is_hashed_asset("todoke-0123456789abcdef_bg.wasm"));
        assert!(is_hashed_asset("todoke-0123456789abcdef.js"));
        assert!(is_hashed_asset("style-0123abcd0123abcd.css"));
        assert!(is_hashed_asset("todoke-core-9f8e7d6c5b4a3.js"));
        assert!(!is_hashed_asset("index.html"));
        assert!(!is_hashed_asset("favicon.svg"));
        assert!(!is_hashed_asset("manual-2024.pdf"));
        assert!(!is_hashed_asset("todoke-0123456789ABCDEF.js"));
        // The split wasm's folder: every file in it, whatever its own name.
        assert!(is_hashed_asset(
            "/todoke-0123456789abcdef/split_wizard.wasm"
        ));
        assert!(is_hashed_asset(
            "/todoke/todoke-0123456789abcdef/__wasm_split.js"
        ));
        assert!(!is_hashed_asset("/todoke-0123456789abcdef"));
        assert!(!is_hashed_asset("/todoke-0123456789abcdef_x/boot.js"));
        assert!(!is_hashed_asset("/public/boot.js"));
    }

    #[test]
    fn only_inline_scripts_are_hashed() {
        let html = "<html><head>\
            <script src=\"/a.js\"></script>\
            <SCRIPT type=\"module\">import init from '/x.js';\nawait init();</SCRIPT>\
            <scripts></scripts>\
            <script>1</script>\
            </head></html>";
        let hashes = inline_script_hashes(html);
        let expect =
            |s: &str| format!("'sha256-{}'", STANDARD.encode(Sha256::digest(s.as_bytes())));
        assert_eq!(
            hashes,
            vec![
                expect("import init from '/x.js';\nawait init();"),
                expect("1")
            ]
        );
    }

    #[test]
    fn known_hash_value() {
        // echo -n 'alert(1)' | openssl sha256 -binary | base64
        assert_eq!(
            inline_script_hashes("<script>alert(1)</script>"),
            vec!["'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='".to_string()]
        );
    }

    #[test]
    fn policy_lists_hashes_and_ancestors() {
        let csp =
            html_content_security_policy(&["'sha256-abc'".into()], "'self' https://a.example.jp");
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc';"),
            "{csp}"
        );
        assert!(csp.ends_with("frame-ancestors 'self' https://a.example.jp"));
        assert!(csp.contains("object-src 'none'"));
    }
}
