//! Client mistakes get a 4xx in the one error shape, never a 500 or a panic.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::json;
use todoke_core::ErrorCode;
use todoke_core::text::ja;

use super::helpers::spawn_app;

fn json_post(path: &str, body: impl Into<Body>) -> Request<Body> {
    Request::post(path)
        .header("x-requested-with", "todoke")
        .header(header::CONTENT_TYPE, "application/json")
        .body(body.into())
        .unwrap()
}

#[tokio::test]
async fn malformed_json_is_400() {
    let app = spawn_app().await;
    for body in ["{", "not json", "{\"user_id\": \"a\",}", ""] {
        let response = app.request(json_post("/api/v1/session", body)).await;
        assert_eq!(response.status, StatusCode::BAD_REQUEST, "{body:?}");
        let error = response.api_error();
        assert_eq!(error.code, ErrorCode::MalformedJson);
        assert_eq!(error.message, ja::MALFORMED_JSON);
    }
}

#[tokio::test]
async fn json_with_wrong_or_missing_fields_is_422() {
    let app = spawn_app().await;
    for body in [
        json!({"user_id": 1, "password": "x"}),
        json!({"user_id": "DEMO-MED"}),
        json!([1, 2]),
        json!("x"),
    ] {
        let response = app
            .request(json_post("/api/v1/session", body.to_string()))
            .await;
        assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let error = response.api_error();
        assert_eq!(error.code, ErrorCode::ValidationFailed);
        assert_eq!(error.message, ja::JSON_FIELDS_INVALID);
    }
}

#[tokio::test]
async fn an_oversized_body_is_413() {
    let app = spawn_app().await;
    // Over the default limit of 1 MiB.
    let huge = json!({"user_id": "DEMO-MED", "password": "x".repeat(1_100_000)}).to_string();
    // Declared length over the limit: refused before reading.
    let response = app
        .request(json_post("/api/v1/session", huge.clone()))
        .await;
    assert_eq!(response.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(response.api_error().code, ErrorCode::PayloadTooLarge);
    // No declared length (streamed): refused while reading.
    let stream = futures_stream(huge);
    let response = app.request(json_post("/api/v1/session", stream)).await;
    assert_eq!(response.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(response.api_error().message, ja::PAYLOAD_TOO_LARGE);
}

/// A body without a known length, as a chunked upload arrives.
fn futures_stream(text: String) -> Body {
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> = text
        .as_bytes()
        .chunks(8192)
        .map(|c| Ok(c.to_vec()))
        .collect();
    Body::from_stream(futures_util::stream::iter(chunks))
}

#[tokio::test]
async fn unknown_api_paths_are_404_in_the_error_shape() {
    let app = spawn_app().await;
    for path in [
        "/api/v1/nope",
        "/api",
        "/api/",
        "/api/v2/session",
        "/api/v1/session/extend/more",
    ] {
        let response = app.get(path, None).await;
        assert_eq!(response.status, StatusCode::NOT_FOUND, "{path}");
        let error = response.api_error();
        assert_eq!(error.code, ErrorCode::NotFound);
        assert_eq!(error.message, ja::NOT_FOUND);
    }
    let post = app
        .send(Method::POST, "/api/v1/nope", Some(json!({})), None)
        .await;
    assert_eq!(post.status, StatusCode::NOT_FOUND);
    // Without a built SPA, other paths are 404 too.
    assert_eq!(app.get("/login", None).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_wrong_method_is_405_in_the_error_shape() {
    let app = spawn_app().await;
    let cases = [
        (Method::PATCH, "/api/v1/session"),
        (Method::GET, "/api/v1/session/extend"),
        (Method::POST, "/api/v1/account"),
        (Method::DELETE, "/api/v1/service-status"),
        (Method::POST, "/healthz"),
    ];
    for (method, path) in cases {
        let request = Request::builder()
            .method(method.clone())
            .uri(path)
            .header("x-requested-with", "todoke")
            .body(Body::empty())
            .unwrap();
        let response = app.request(request).await;
        assert_eq!(
            response.status,
            StatusCode::METHOD_NOT_ALLOWED,
            "{method} {path}"
        );
        let error = response.api_error();
        assert_eq!(error.code, ErrorCode::MethodNotAllowed);
        assert_eq!(error.message, ja::METHOD_NOT_ALLOWED);
        assert!(
            response.header("allow").is_some(),
            "{method} {path}: Allow header"
        );
    }
}

#[tokio::test]
async fn healthz_reports_the_database() {
    let app = spawn_app().await;
    let response = app.get("/healthz", None).await;
    assert_eq!(response.status, StatusCode::OK);
    let engine = if app.state.config.database_url.starts_with("postgres") {
        "postgres"
    } else {
        "sqlite"
    };
    assert_eq!(
        response.json(),
        json!({"status": "ok", "database": "ok", "engine": engine})
    );

    app.state.pool.close().await;
    let response = app.get("/healthz", None).await;
    assert_eq!(response.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        response.json(),
        json!({"status": "degraded", "database": "unavailable", "engine": engine})
    );
}

#[tokio::test]
async fn a_database_failure_is_a_500_without_details() {
    let app = spawn_app().await;
    app.state.pool.close().await;
    let response = app.login("DEMO-MED", "Demo#Med0001").await;
    assert_eq!(response.status, StatusCode::INTERNAL_SERVER_ERROR);
    let error = response.api_error();
    assert_eq!(error.code, ErrorCode::Internal);
    assert_eq!(error.message, ja::INTERNAL);
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = spawn_app().await;
    for path in ["/healthz", "/api/v1/service-status", "/api/v1/nope"] {
        let response = app.get(path, None).await;
        assert_eq!(
            response.header("x-content-type-options").as_deref(),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(
            response.header("referrer-policy").as_deref(),
            Some("same-origin"),
            "{path}"
        );
        assert_eq!(
            response.header("cache-control").as_deref(),
            Some("no-store"),
            "{path}"
        );
        assert!(response.header("x-frame-options").is_none());
        assert!(response.header("content-security-policy").is_some());
    }
}

/// Every body is a JSON object, as the contract says: serde would read a struct from an array,
/// so `["id","password"]` signed in and `[]` withdrew. Now they are 422 and change nothing.
#[tokio::test]
async fn bodies_that_are_not_objects_are_refused_without_effect() {
    use super::drafts::{create_draft, staff_change_answers};
    use super::lifecycle::{long_sessions_app, submit_new};

    let app = long_sessions_app().await;
    let (creds, first_cookie) = app.signed_in_applicant().await;
    let signed_in_before = app.count("sessions").await;
    let login = app
        .request(json_post(
            "/api/v1/session",
            json!([creds.user_id, creds.initial_password]).to_string(),
        ))
        .await;
    assert_eq!(login.status, StatusCode::UNPROCESSABLE_ENTITY, "{login:?}");
    assert_eq!(login.api_error().code, ErrorCode::ValidationFailed);
    assert!(login.set_cookie().is_none());
    assert_eq!(app.count("sessions").await, signed_in_before);

    let changed = app
        .change_password(
            &first_cookie,
            &creds.initial_password,
            super::helpers::NEW_PASSWORD,
            super::helpers::NEW_PASSWORD,
        )
        .await;
    assert_eq!(changed.status, StatusCode::OK);
    let cookie = changed.cookie();
    let answers = staff_change_answers("3410712362", "40");
    let submission = submit_new(&app, &cookie, &answers).await;
    let draft = create_draft(&app, &cookie, "staff-change", &answers).await;
    let requests = [
        (
            Method::POST,
            format!("/api/v1/submissions/{}/withdraw", submission.id),
            json!([]),
        ),
        (
            Method::POST,
            format!("/api/v1/submissions/{}/withdraw", submission.id),
            json!(["取下げ"]),
        ),
        (
            Method::PUT,
            format!("/api/v1/drafts/{}", draft.id),
            json!([draft.version, answers]),
        ),
        (
            Method::POST,
            format!("/api/v1/drafts/{}/submit", draft.id),
            json!([draft.version, []]),
        ),
        (
            Method::POST,
            "/api/v1/drafts".to_string(),
            json!(["staff-change", answers]),
        ),
        (
            Method::POST,
            "/api/v1/forms/staff-change/check".to_string(),
            json!([answers]),
        ),
        (
            Method::PUT,
            "/api/v1/account/password".to_string(),
            json!(["a", "b", "c"]),
        ),
    ];
    let drafts_before = app.count("drafts").await;
    for (method, path, body) in requests {
        let response = app
            .send(method.clone(), &path, Some(body.clone()), Some(&cookie))
            .await;
        assert_eq!(
            response.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{method} {path} {body}: {response:?}"
        );
        assert_eq!(response.api_error().code, ErrorCode::ValidationFailed);
    }
    assert_eq!(app.count("drafts").await, drafts_before);
    let detail = app
        .get(
            &format!("/api/v1/submissions/{}", submission.id),
            Some(&cookie),
        )
        .await;
    assert_eq!(
        detail.json()["status"],
        json!(submission.status),
        "not withdrawn"
    );
}

/// U+0000 in any text is dropped, as it would be on paper (nobody types it, and PostgreSQL's
/// text cannot hold it): a sign-in, a saved draft and a search answer as without it, never 500.
#[tokio::test]
async fn a_nul_character_is_dropped_not_a_500() {
    let app = spawn_app().await;
    let response = app
        .request(json_post(
            "/api/v1/session",
            r#"{"user_id": "NOBODY\u0000", "password": "x\u0000y", "\u0000": 1}"#,
        ))
        .await;
    assert_eq!(response.status, StatusCode::UNAUTHORIZED, "{response:?}");

    let (_, cookie) = app.signed_in_with_changed_password().await;
    let draft = app
        .request(
            Request::post("/api/v1/drafts")
                .header("x-requested-with", "todoke")
                .header(header::CONTENT_TYPE, "application/json")
                .header(header::COOKIE, &cookie)
                .header(header::HOST, "127.0.0.1:8080")
                .body(Body::from(
                    r#"{"form_id": "staff-change", "answers": {"institution_name": "広島\u0000内科", "x\u0000": ["\u0000"]}}"#,
                ))
                .unwrap(),
        )
        .await;
    assert_eq!(draft.status, StatusCode::CREATED, "{draft:?}");
    assert_eq!(draft.json()["answers"]["institution_name"], "広島内科");
    assert_eq!(draft.json()["answers"]["x"][0], "");

    let response = app
        .get(
            "/api/v1/filings?arrival_number=12%0034&procedure=staff%00-change",
            Some(&cookie),
        )
        .await;
    assert_eq!(response.status, StatusCode::OK, "{response:?}");
}

#[tokio::test]
async fn errors_come_in_the_language_the_request_accepts() {
    let app = spawn_app().await;
    let in_lang = |lang: Option<&str>| {
        let mut builder = Request::post("/api/v1/session")
            .header("x-requested-with", "todoke")
            .header(header::CONTENT_TYPE, "application/json");
        if let Some(lang) = lang {
            builder = builder.header(header::ACCEPT_LANGUAGE, lang);
        }
        builder.body(Body::from("{")).unwrap()
    };
    let english = app.request(in_lang(Some("en"))).await;
    assert_eq!(english.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        english.api_error().message,
        todoke_core::text::en::MALFORMED_JSON
    );
    for lang in [
        None,
        Some("ja-JP"),
        Some("fr, de;q=0.5"),
        Some("en;q=0, ja;q=0.2"),
    ] {
        let r = app.request(in_lang(lang)).await;
        assert_eq!(r.api_error().message, ja::MALFORMED_JSON, "{lang:?}");
    }

    // A field error of the login form, and a 401, in English.
    let body = json!({"user_id": "", "password": ""}).to_string();
    let mut request = json_post("/api/v1/session", body);
    request
        .headers_mut()
        .insert(header::ACCEPT_LANGUAGE, "en".parse().unwrap());
    let error = app.request(request).await.api_error();
    assert_eq!(
        error.fields.get("user_id").unwrap(),
        &[todoke_core::text::en::USER_ID_REQUIRED.to_string()]
    );
    let body = json!({"user_id": "DEMO-MED", "password": "wrong-password-1"}).to_string();
    let mut request = json_post("/api/v1/session", body);
    request
        .headers_mut()
        .insert(header::ACCEPT_LANGUAGE, "en".parse().unwrap());
    let r = app.request(request).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{r:?}");
    assert_eq!(
        r.api_error().message,
        todoke_core::text::en::INVALID_CREDENTIALS
    );
}
