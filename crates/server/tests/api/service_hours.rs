//! The service-hours gate: outside Mon–Sat 08:00–21:00 JST the API says when it reopens.

use axum::http::{Method, StatusCode};
use time::macros::datetime;
use todoke_core::{ErrorCode, ServiceHours};

use super::helpers::{TestApp, spawn_app_with};

async fn app_with_default_hours() -> TestApp {
    spawn_app_with(|c| c.service_hours = ServiceHours::default()).await
}

#[tokio::test]
async fn on_sunday_the_api_answers_503_with_the_time_it_reopens() {
    let app = app_with_default_hours().await;
    todoke_server::accounts::seed_demo(&app.state)
        .await
        .unwrap();
    app.clock.set(datetime!(2026-11-29 10:00 +9)); // a Sunday

    let login = app.login("DEMO-MED", "Demo#Med0001").await;
    assert_eq!(login.status, StatusCode::SERVICE_UNAVAILABLE);
    let error = login.api_error();
    assert_eq!(error.code, ErrorCode::ServiceClosed);
    assert_eq!(error.resumes_at, Some(datetime!(2026-11-30 08:00 +9)));
    assert_eq!(login.json()["resumes_at"], "2026-11-30T08:00:00+09:00");
    assert_eq!(
        error.message,
        ServiceHours::default().closed_message(datetime!(2026-11-30 08:00 +9))
    );
    assert!(
        error.message.contains("11月30日（月）8時00分"),
        "{}",
        error.message
    );
    assert_eq!(
        login.header("retry-after").as_deref(),
        Some(&*(22 * 3600).to_string())
    );

    for path in [
        "/api/v1/session",
        "/api/v1/account",
        "/api/v1/password-policy",
        "/api/v1/nope",
    ] {
        let response = app.get(path, None).await;
        assert_eq!(response.status, StatusCode::SERVICE_UNAVAILABLE, "{path}");
        assert_eq!(response.api_error().code, ErrorCode::ServiceClosed);
    }
    let logout = app
        .send(Method::DELETE, "/api/v1/session", None, None)
        .await;
    assert_eq!(logout.status, StatusCode::SERVICE_UNAVAILABLE);

    // These answer at any hour.
    let status = app.get("/api/v1/service-status", None).await;
    assert_eq!(status.status, StatusCode::OK);
    let body = status.json();
    assert_eq!(body["open"], false);
    assert_eq!(body["resumes_at"], "2026-11-30T08:00:00+09:00");
    assert_eq!(
        body["hours"],
        "月曜日から土曜日の8時00分から21時00分まで（日本時間）"
    );
    assert_eq!(body["message"], error.message.as_str());
    assert_eq!(app.get("/healthz", None).await.status, StatusCode::OK);
    assert_eq!(
        app.get("/api/openapi.json", None).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn inside_the_hours_everything_works_and_the_edges_are_exact() {
    let app = app_with_default_hours().await;
    todoke_server::accounts::seed_demo(&app.state)
        .await
        .unwrap();
    let status = app.get("/api/v1/service-status", None).await.json();
    assert_eq!(status["open"], true);
    assert_eq!(status["resumes_at"], serde_json::Value::Null);
    assert_eq!(
        app.login("DEMO-MED", "Demo#Med0001").await.status,
        StatusCode::OK
    );

    app.clock.set(datetime!(2026-11-28 20:59 +9)); // Saturday evening
    assert_eq!(
        app.get("/api/v1/password-policy", None).await.status,
        StatusCode::OK
    );
    app.clock.set(datetime!(2026-11-28 21:00 +9));
    let closed = app.get("/api/v1/password-policy", None).await;
    assert_eq!(closed.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        closed.api_error().resumes_at,
        Some(datetime!(2026-11-30 08:00 +9))
    );
    app.clock.set(datetime!(2026-11-30 08:00 +9));
    assert_eq!(
        app.get("/api/v1/password-policy", None).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn always_disables_the_gate() {
    let app = spawn_app_with(|c| c.service_hours = ServiceHours::Always).await;
    app.clock.set(datetime!(2026-11-29 03:00 +9));
    assert_eq!(
        app.get("/api/v1/password-policy", None).await.status,
        StatusCode::OK
    );
    let status = app.get("/api/v1/service-status", None).await.json();
    assert_eq!(status["open"], true);
    assert_eq!(status["hours"], "24時間365日");
}
