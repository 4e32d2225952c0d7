//! Serving the built SPA: MIME types, caching, the index.html fallback and the CSP hash.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use base64::Engine;
use sha2::{Digest, Sha256};
use todoke_core::ErrorCode;

use super::helpers::{TestApp, spawn_app_with};

const LOADER: &str = "\nimport init, * as bindings from '/todoke-0123456789abcdef.js';\nconst wasm = await init({ module_or_path: '/todoke-0123456789abcdef_bg.wasm' });\nwindow.wasmBindings = bindings;\n";
const WASM: &str = "todoke-0123456789abcdef_bg.wasm";

/// A dist directory shaped like trunk's output.
async fn app_with_dist() -> (TestApp, tempfile::TempDir) {
    let dist = tempfile::tempdir().unwrap();
    let index = format!(
        "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>Todoke</title>\
         <link rel=\"stylesheet\" href=\"/style-0123456789abcdef.css\">\
         <script type=\"module\">{LOADER}</script></head>\
         <body><noscript>JavaScript</noscript></body></html>"
    );
    std::fs::write(dist.path().join("index.html"), index).unwrap();
    let mut wasm = b"\0asm\x01\0\0\0".to_vec();
    wasm.extend(std::iter::repeat_n(0u8, 4096));
    std::fs::write(dist.path().join(WASM), wasm).unwrap();
    std::fs::write(
        dist.path().join("style-0123456789abcdef.css"),
        "body { margin: 0 }\n".repeat(20),
    )
    .unwrap();
    // The route-split wasm: a folder named by its content hash, with plain names inside.
    std::fs::create_dir_all(dist.path().join("todoke-0123456789abcdef")).unwrap();
    std::fs::write(
        dist.path()
            .join("todoke-0123456789abcdef/split_manual.wasm"),
        b"\0asm\x01\0\0\0",
    )
    .unwrap();
    std::fs::write(
        dist.path().join("favicon.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .unwrap();
    let path = dist.path().to_path_buf();
    let app = spawn_app_with(move |c| c.dist_dir = Some(path)).await;
    (app, dist)
}

fn expected_hash() -> String {
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(LOADER.as_bytes()))
    )
}

#[tokio::test]
async fn client_routes_get_index_html_with_a_strict_csp() {
    let (app, _dist) = app_with_dist().await;
    for path in ["/", "/login", "/password", "/manual", "/submissions/123"] {
        let response = app.get(path, None).await;
        assert_eq!(response.status, StatusCode::OK, "{path}");
        assert_eq!(
            response.header("content-type").as_deref(),
            Some("text/html; charset=utf-8"),
            "{path}"
        );
        assert_eq!(
            response.header("cache-control").as_deref(),
            Some("no-cache"),
            "{path}"
        );
        assert!(String::from_utf8_lossy(&response.body).contains("<noscript>"));
        let csp = response.header("content-security-policy").unwrap();
        assert_eq!(
            csp,
            format!(
                "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self'; \
                 img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
                 form-action 'self'; frame-ancestors 'self'",
                expected_hash()
            )
        );
        assert!(response.header("x-frame-options").is_none());
        assert_eq!(
            response.header("x-content-type-options").as_deref(),
            Some("nosniff")
        );
    }
}

/// Browsers copy a 304's headers onto the cached page; a non-HTML policy there would block the
/// app's scripts on every reload of a page already visited.
#[tokio::test]
async fn revalidated_pages_keep_their_own_csp() {
    let (app, _dist) = app_with_dist().await;
    let first = app.get("/login", None).await;
    let last_modified = first.header("last-modified").expect("last-modified");
    let request = axum::http::Request::get("/login")
        .header("if-modified-since", last_modified)
        .body(axum::body::Body::empty())
        .unwrap();
    let response = app.request(request).await;
    assert_eq!(response.status, StatusCode::NOT_MODIFIED);
    assert!(response.header("content-security-policy").is_none());
    assert_eq!(
        response.header("cache-control").as_deref(),
        Some("no-cache")
    );
}

#[tokio::test]
async fn hashed_assets_are_cached_for_a_year_with_the_right_type() {
    let (app, _dist) = app_with_dist().await;
    let wasm = app.get(&format!("/{WASM}"), None).await;
    assert_eq!(wasm.status, StatusCode::OK);
    assert_eq!(
        wasm.header("content-type").as_deref(),
        Some("application/wasm")
    );
    assert_eq!(
        wasm.header("cache-control").as_deref(),
        Some("public, max-age=31536000, immutable")
    );
    assert!(wasm.body.starts_with(b"\0asm"));

    let css = app.get("/style-0123456789abcdef.css", None).await;
    assert!(css.header("content-type").unwrap().starts_with("text/css"));
    assert_eq!(
        css.header("cache-control").as_deref(),
        Some("public, max-age=31536000, immutable")
    );

    let chunk = app
        .get("/todoke-0123456789abcdef/split_manual.wasm", None)
        .await;
    assert_eq!(chunk.status, StatusCode::OK);
    assert_eq!(
        chunk.header("content-type").as_deref(),
        Some("application/wasm")
    );
    assert_eq!(
        chunk.header("cache-control").as_deref(),
        Some("public, max-age=31536000, immutable"),
        "a file in the hashed folder"
    );
    let missing = app
        .get("/todoke-0123456789abcdef/split_gone.wasm", None)
        .await;
    assert_eq!(
        missing.status,
        StatusCode::NOT_FOUND,
        "a missing chunk is no page"
    );

    let icon = app.get("/favicon.svg", None).await;
    assert_eq!(icon.status, StatusCode::OK);
    assert_eq!(
        icon.header("cache-control").as_deref(),
        Some("no-cache"),
        "unhashed names revalidate"
    );
}

#[tokio::test]
async fn assets_are_compressed_when_the_browser_accepts_it() {
    let (app, _dist) = app_with_dist().await;
    for (accept, expected) in [("br", "br"), ("gzip", "gzip"), ("gzip, deflate, br", "br")] {
        let request = Request::get(format!("/{WASM}"))
            .header(header::ACCEPT_ENCODING, accept)
            .body(Body::empty())
            .unwrap();
        let response = app.request(request).await;
        assert_eq!(response.status, StatusCode::OK);
        assert_eq!(
            response.header("content-encoding").as_deref(),
            Some(expected),
            "{accept}"
        );
        assert_eq!(
            response.header("content-type").as_deref(),
            Some("application/wasm")
        );
        assert!(response.body.len() < 4096, "compressed");
    }
}

#[tokio::test]
async fn precompressed_files_are_preferred_when_the_build_made_them() {
    let (app, dist) = app_with_dist().await;
    let js = "todoke-0123456789abcdef.js";
    std::fs::write(dist.path().join(js), "export default 1;\n".repeat(100)).unwrap();
    std::fs::write(dist.path().join(format!("{js}.br")), b"precompressed").unwrap();
    let request = Request::get(format!("/{js}"))
        .header(header::ACCEPT_ENCODING, "br")
        .body(Body::empty())
        .unwrap();
    let response = app.request(request).await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(response.header("content-encoding").as_deref(), Some("br"));
    assert_eq!(&response.body[..], b"precompressed");
    assert!(
        response
            .header("content-type")
            .unwrap()
            .contains("javascript")
    );
    let plain = app.get(&format!("/{js}"), None).await;
    assert!(plain.header("content-encoding").is_none());
    assert!(plain.body.starts_with(b"export default 1;"));
}

#[tokio::test]
async fn missing_files_and_api_paths_are_not_answered_with_html() {
    let (app, _dist) = app_with_dist().await;
    let missing = app.get("/todoke-ffffffffffffffff.js", None).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.api_error().code, ErrorCode::NotFound);
    let api = app.get("/api/v1/nope", None).await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert_eq!(api.api_error().code, ErrorCode::NotFound);
    // Traversal never leaves the dist directory: the path is treated as a client route.
    let traversal = app.get("/../../etc/passwd", None).await;
    assert!(
        traversal
            .header("content-type")
            .unwrap()
            .starts_with("text/html")
    );
    assert!(!String::from_utf8_lossy(&traversal.body).contains("root:"));
    let post = app
        .request(Request::post("/login").body(Body::empty()).unwrap())
        .await;
    assert_eq!(post.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(app.get("/healthz", None).await.status, StatusCode::OK);
}

#[tokio::test]
async fn frame_ancestors_come_from_the_configuration() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        "<html><body>x</body></html>",
    )
    .unwrap();
    let path = dist.path().to_path_buf();
    let app = spawn_app_with(move |c| {
        c.dist_dir = Some(path);
        c.frame_ancestors = "'self' https://kouseikyoku.example.jp".into();
    })
    .await;
    let csp = app
        .get("/login", None)
        .await
        .header("content-security-policy")
        .unwrap();
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval';"),
        "{csp}"
    );
    assert!(
        csp.ends_with("frame-ancestors 'self' https://kouseikyoku.example.jp"),
        "{csp}"
    );
}
