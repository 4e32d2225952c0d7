//! 再発行の申請 (FAQ A6): filed without signing in, answered alike whether or not the code is
//! registered, limited per code and per connection, decided by the code's bureau, and issued
//! by `admin reissue --requests` as a letter to the registered address.

use std::net::SocketAddr;
use std::path::Path;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};
use time::Duration;
use todoke_core::RegionalBureau;
use todoke_core::api::{RejectRequest, endpoints};
use todoke_core::text::ja;

use super::helpers::{TestApp, TestResponse, pdftotext, spawn_app, spawn_app_with};
use super::issuance::{admin, credentials_in, issued, ok_json};

/// The Tokyo clinic that `issued` registers and issues a letter to.
fn tokyo_clinic_request() -> Value {
    json!({
        "institution_code": "1310100019",
        "fee_schedule_class": "医科",
        "institution_name": "東京内科",
        "postal_code": "100-0003",
        "contact_name": "届出 花子",
        "contact_phone": "03-1234-5678",
    })
}

/// A valid code of prefecture `pref` (two digits) and class digit 1, numbered `n`.
fn code(pref: u8, n: u32) -> String {
    let mut body = [0u8; 9];
    body[0] = pref / 10;
    body[1] = pref % 10;
    body[2] = 1;
    for (i, d) in format!("{n:06}").bytes().enumerate() {
        body[3 + i] = d - b'0';
    }
    let digit = todoke_core::institution::check_digit(&body);
    body.iter()
        .chain(std::iter::once(&digit))
        .map(|d| char::from(b'0' + d))
        .collect()
}

fn request_for(institution_code: &str) -> Value {
    let mut r = tokyo_clinic_request();
    r["institution_code"] = json!(institution_code);
    r
}

async fn file(app: &TestApp, body: Value) -> TestResponse {
    app.send(
        axum::http::Method::POST,
        endpoints::FILE_REISSUE_REQUEST.path,
        Some(body),
        None,
    )
    .await
}

/// A request as it arrives from `peer` over a socket (the server adds `ConnectInfo`).
async fn file_from(app: &TestApp, peer: &str, body: Value) -> TestResponse {
    file_via(app, peer, None, body).await
}

/// Like [`file_from`], with an `X-Forwarded-For` header.
async fn file_via(
    app: &TestApp,
    peer: &str,
    forwarded_for: Option<&str>,
    body: Value,
) -> TestResponse {
    let mut builder = Request::post(endpoints::FILE_REISSUE_REQUEST.path);
    if let Some(f) = forwarded_for {
        builder = builder.header("x-forwarded-for", f);
    }
    let mut request = builder
        .header(header::HOST, "127.0.0.1:8080")
        .header("x-requested-with", "todoke")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    let addr: SocketAddr = peer.parse().unwrap();
    request.extensions_mut().insert(ConnectInfo(addr));
    app.request(request).await
}

async fn list(app: &TestApp, cookie: &str) -> Vec<Value> {
    let response = app
        .get(endpoints::REVIEW_REISSUE_REQUESTS.path, Some(cookie))
        .await;
    assert_eq!(response.status, StatusCode::OK, "{response:?}");
    response.json()["requests"].as_array().unwrap().clone()
}

async fn accept(app: &TestApp, cookie: &str, id: i64) -> TestResponse {
    app.call(
        &endpoints::ACCEPT_REISSUE_REQUEST,
        &[&id],
        None,
        Some(cookie),
    )
    .await
}

async fn reject(app: &TestApp, cookie: &str, id: i64, reason: &str) -> TestResponse {
    let body = RejectRequest {
        reason: reason.into(),
    };
    app.call(
        &endpoints::REJECT_REISSUE_REQUEST,
        &[&id],
        Some(&body),
        Some(cookie),
    )
    .await
}

#[tokio::test]
async fn known_and_unknown_codes_get_the_same_answer() {
    let app = spawn_app().await;
    issued(&app).await;
    let known = file(&app, tokyo_clinic_request()).await;
    let unknown = file(&app, request_for(&code(13, 999))).await;
    for r in [&known, &unknown] {
        assert_eq!(r.status, StatusCode::ACCEPTED, "{r:?}");
        let body = r.json();
        let mut keys: Vec<&String> = body.as_object().unwrap().keys().collect();
        keys.sort();
        assert_eq!(keys, ["received_at", "reception_number"]);
        assert!(
            body["reception_number"]
                .as_str()
                .unwrap()
                .starts_with("R20261125-")
        );
    }
    assert_eq!(app.count("reissue_requests").await, 2);
}

#[tokio::test]
async fn bad_input_is_refused_field_by_field_and_nothing_is_stored() {
    let app = spawn_app().await;
    let r = file(&app, json!({})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{r:?}");
    let error = r.api_error();
    for field in todoke_core::api::REISSUE_REQUEST_FIELDS {
        assert!(error.fields.get(field).is_some(), "{field}: {error:?}");
    }
    let mut wrong_class = tokyo_clinic_request();
    wrong_class["fee_schedule_class"] = json!("調剤");
    let error = file(&app, wrong_class).await.api_error();
    let message = &error.fields.get("fee_schedule_class").unwrap()[0];
    assert!(
        message.contains("医科") && message.contains("調剤"),
        "{message}"
    );
    assert_eq!(app.count("reissue_requests").await, 0);
}

#[tokio::test]
async fn requests_are_limited_per_code_and_per_connection() {
    let app = spawn_app().await;
    for _ in 0..3 {
        let r = file_from(&app, "192.0.2.1:5000", tokyo_clinic_request()).await;
        assert_eq!(r.status, StatusCode::ACCEPTED, "{r:?}");
    }
    let over = file_from(&app, "192.0.2.2:5000", tokyo_clinic_request()).await;
    assert_eq!(over.status, StatusCode::TOO_MANY_REQUESTS, "{over:?}");
    assert_eq!(over.api_error().message, ja::REISSUE_RATE_LIMITED);
    assert_eq!(over.header("retry-after").as_deref(), Some("3600"));

    // One connection: 10 an hour, whatever the codes (port numbers do not matter).
    for n in 0..7 {
        let r = file_from(&app, "192.0.2.1:6000", request_for(&code(13, n))).await;
        assert_eq!(r.status, StatusCode::ACCEPTED, "{n}: {r:?}");
    }
    let over = file_from(&app, "192.0.2.1:7000", request_for(&code(13, 50))).await;
    assert_eq!(over.status, StatusCode::TOO_MANY_REQUESTS);
    let other = file_from(&app, "192.0.2.3:7000", request_for(&code(13, 50))).await;
    assert_eq!(other.status, StatusCode::ACCEPTED, "{other:?}");

    // An hour later the connection may ask again; the code's day has not passed.
    app.clock.advance(Duration::minutes(61));
    let again = file_from(&app, "192.0.2.1:7000", request_for(&code(13, 51))).await;
    assert_eq!(again.status, StatusCode::ACCEPTED, "{again:?}");
    let code_again = file_from(&app, "192.0.2.9:7000", tokyo_clinic_request()).await;
    assert_eq!(code_again.status, StatusCode::TOO_MANY_REQUESTS);
    app.clock.advance(Duration::hours(24));
    let next_day = file_from(&app, "192.0.2.9:7000", tokyo_clinic_request()).await;
    assert_eq!(next_day.status, StatusCode::ACCEPTED);
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_forwarded_address_counts() {
    let app = spawn_app_with(|c| c.trusted_proxies = vec!["10.0.0.5".parse().unwrap()]).await;
    for n in 0..10 {
        let r = file_via(
            &app,
            "10.0.0.5:4000",
            Some("198.51.100.1"),
            request_for(&code(13, n)),
        )
        .await;
        assert_eq!(r.status, StatusCode::ACCEPTED, "{n}: {r:?}");
    }
    let same = file_via(
        &app,
        "10.0.0.5:4000",
        Some("198.51.100.1"),
        request_for(&code(13, 20)),
    )
    .await;
    assert_eq!(same.status, StatusCode::TOO_MANY_REQUESTS);
    // Another clinic behind the same proxy; a forged first entry does not help the first one.
    let other = file_via(
        &app,
        "10.0.0.5:4000",
        Some("198.51.100.2"),
        request_for(&code(13, 21)),
    )
    .await;
    assert_eq!(other.status, StatusCode::ACCEPTED, "{other:?}");
    let forged = file_via(
        &app,
        "10.0.0.5:4000",
        Some("203.0.113.50, 198.51.100.1"),
        request_for(&code(13, 22)),
    )
    .await;
    assert_eq!(forged.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn the_bureau_decides_and_the_operator_posts_the_letter() {
    let app = spawn_app().await;
    let (issued_json, out) = issued(&app).await;
    // The Tokyo clinic's user ID and initial password, from its letter.
    let user_id: String =
        sqlx::query_scalar("SELECT user_id FROM accounts WHERE institution_code = '1310100019'")
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
    let old_password = issued_json["batches"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|b| b["pdfs"].as_array().unwrap().clone())
        .flat_map(|p| credentials_in(&pdftotext(Path::new(p.as_str().unwrap()))))
        .find(|(id, _)| *id == user_id)
        .map(|(_, password)| password)
        .expect("a letter for the Tokyo clinic");

    file(&app, tokyo_clinic_request()).await;
    file(&app, request_for(&code(27, 1))).await; // Osaka: 近畿厚生局, not registered.
    let (_, kanto) = app.signed_in_reviewer().await;
    let (_, kinki) = app
        .signed_in_reviewer_of("KINKI01", RegionalBureau::Kinki)
        .await;

    // Each bureau sees its own prefectures' requests, with what the register holds.
    let tokyo = list(&app, &kanto).await;
    assert_eq!(tokyo.len(), 1, "{tokyo:?}");
    let tokyo = &tokyo[0];
    assert_eq!(tokyo["status"], "received");
    assert_eq!(tokyo["registered"]["user_id"], user_id.as_str());
    assert_eq!(tokyo["registered"]["postal_code"], "100-0003");
    assert_eq!(tokyo["registered"]["address"], "東京都千代田区丸の内1-1");
    let osaka = list(&app, &kinki).await;
    assert_eq!(osaka.len(), 1);
    assert!(osaka[0]["registered"].is_null());
    let (tokyo_id, osaka_id) = (
        tokyo["id"].as_i64().unwrap(),
        osaka[0]["id"].as_i64().unwrap(),
    );

    // Another bureau's request is not found; an unregistered one cannot be accepted; a
    // rejection needs its reason.
    let r = accept(&app, &kanto, osaka_id).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = accept(&app, &kinki, osaka_id).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.api_error().message, ja::REISSUE_NO_ACCOUNT);
    let r = reject(&app, &kinki, osaka_id, " ").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.api_error().fields.get("reason").is_some());
    let r = reject(&app, &kinki, osaka_id, "登録がありません").await;
    assert_eq!(r.status, StatusCode::OK, "{r:?}");
    assert_eq!(r.json()["status"], "rejected");
    assert_eq!(r.json()["reject_reason"], "登録がありません");

    // Accepted once; a second decision is refused.
    let r = accept(&app, &kanto, tokyo_id).await;
    assert_eq!(r.status, StatusCode::OK, "{r:?}");
    assert_eq!(r.json()["status"], "accepted");
    let r = reject(&app, &kanto, tokyo_id, "x").await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.api_error().message, ja::REISSUE_ALREADY_DECIDED);

    // The daily run: a dry run writes nothing, the real one the letter, a third run nothing.
    let out_dir = out.to_str().unwrap();
    let dry = ok_json(&admin(
        &app,
        &["reissue", "--requests", "--dry-run", "--out", out_dir],
    ));
    assert_eq!(dry["requests"].as_array().unwrap().len(), 1);
    assert!(dry["requests"][0].get("pdf").is_none());
    assert_eq!(
        app.login(&user_id, &old_password).await.status,
        StatusCode::OK
    );
    let run = ok_json(&admin(&app, &["reissue", "--requests", "--out", out_dir]));
    let requests = run["requests"].as_array().unwrap();
    assert_eq!(requests.len(), 1, "{run}");
    assert_eq!(requests[0]["user_id"], user_id.as_str());
    let text = pdftotext(Path::new(requests[0]["pdf"].as_str().unwrap()));
    assert!(
        text.contains("再発行") && text.contains("丸の内1-1"),
        "{text}"
    );
    let (same_id, new_password) = credentials_in(&text).remove(0);
    assert_eq!(same_id, user_id);
    assert!(!run.to_string().contains(&new_password));
    assert_eq!(
        app.login(&user_id, &old_password).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.login(&user_id, &new_password).await.status,
        StatusCode::OK
    );
    let again = ok_json(&admin(&app, &["reissue", "--requests", "--out", out_dir]));
    assert!(again["requests"].as_array().unwrap().is_empty());
    assert_eq!(list(&app, &kanto).await[0]["status"], "issued");

    // Neither or both targets: a Japanese message.
    let neither = admin(&app, &["reissue"]);
    assert!(!neither.status.success());
    assert!(String::from_utf8_lossy(&neither.stderr).contains("--requests"));
}

#[tokio::test]
async fn only_reviewers_see_the_requests() {
    let app = spawn_app().await;
    let r = app.get(endpoints::REVIEW_REISSUE_REQUESTS.path, None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let (_, applicant) = app.signed_in_with_changed_password().await;
    let r = app
        .get(endpoints::REVIEW_REISSUE_REQUESTS.path, Some(&applicant))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}
