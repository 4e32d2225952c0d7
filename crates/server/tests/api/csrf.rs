//! The CSRF defence: custom header, JSON bodies only, Origin and Sec-Fetch-Site.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::json;
use todoke_core::ErrorCode;
use todoke_core::text::ja;

use super::helpers::spawn_app;

fn login_request() -> axum::http::request::Builder {
    Request::post("/api/v1/session").header(header::HOST, "127.0.0.1:8080")
}

fn login_body() -> Body {
    Body::from(json!({"user_id": "DEMO-MED", "password": "Demo#Med0001"}).to_string())
}

#[tokio::test]
async fn a_request_without_the_custom_header_is_refused() {
    let app = spawn_app().await;
    todoke_server::accounts::seed_demo(&app.state)
        .await
        .unwrap();
    let request = login_request()
        .header(header::CONTENT_TYPE, "application/json")
        .body(login_body())
        .unwrap();
    let response = app.request(request).await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    let error = response.api_error();
    assert_eq!(error.code, ErrorCode::CsrfRejected);
    assert_eq!(error.message, ja::CSRF_REJECTED);
    assert!(response.set_cookie().is_none());

    // Logout is state-changing too.
    let logout = app
        .request(
            Request::delete("/api/v1/session")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(logout.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_body_that_is_not_json_is_refused_with_415() {
    let app = spawn_app().await;
    for content_type in [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
    ] {
        let request = login_request()
            .header("x-requested-with", "todoke")
            .header(header::CONTENT_TYPE, content_type)
            .body(login_body())
            .unwrap();
        let response = app.request(request).await;
        assert_eq!(
            response.status,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "{content_type}"
        );
        assert_eq!(response.api_error().code, ErrorCode::UnsupportedMediaType);
    }
    let no_type = login_request()
        .header("x-requested-with", "todoke")
        .body(login_body())
        .unwrap();
    assert_eq!(
        app.request(no_type).await.status,
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    );
}

#[tokio::test]
async fn json_with_a_charset_is_accepted() {
    let app = spawn_app().await;
    todoke_server::accounts::seed_demo(&app.state)
        .await
        .unwrap();
    let request = login_request()
        .header("x-requested-with", "todoke")
        .header(header::CONTENT_TYPE, "application/json; charset=utf-8")
        .header(header::ORIGIN, "http://127.0.0.1:8080")
        .header("sec-fetch-site", "same-origin")
        .body(login_body())
        .unwrap();
    assert_eq!(app.request(request).await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_foreign_origin_is_refused() {
    let app = spawn_app().await;
    let request = login_request()
        .header("x-requested-with", "todoke")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ORIGIN, "https://evil.example")
        .body(login_body())
        .unwrap();
    let response = app.request(request).await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    assert_eq!(response.api_error().code, ErrorCode::CsrfRejected);
}

#[tokio::test]
async fn a_configured_origin_is_allowed() {
    let app = super::helpers::spawn_app_with(|c| {
        c.allowed_origins = vec!["https://kyoku.example.jp".into()]
    })
    .await;
    todoke_server::accounts::seed_demo(&app.state)
        .await
        .unwrap();
    let request = login_request()
        .header("x-requested-with", "todoke")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ORIGIN, "https://kyoku.example.jp")
        .header("sec-fetch-site", "same-site")
        .body(login_body())
        .unwrap();
    assert_eq!(app.request(request).await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_cross_site_fetch_is_refused() {
    let app = spawn_app().await;
    let request = login_request()
        .header("x-requested-with", "todoke")
        .header(header::CONTENT_TYPE, "application/json")
        .header("sec-fetch-site", "cross-site")
        .body(login_body())
        .unwrap();
    let response = app.request(request).await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    assert_eq!(response.api_error().code, ErrorCode::CsrfRejected);
}

#[tokio::test]
async fn reads_need_no_custom_header() {
    let app = spawn_app().await;
    let response = app.get("/api/v1/service-status", None).await;
    assert_eq!(response.status, StatusCode::OK);
}
