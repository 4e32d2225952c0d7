//! 利用開始届出 (様式1, FAQ A9): filed without signing in, answered alike whether or not the
//! previous user ID exists, decided by the code's bureau only when its pair (the previous ID's
//! accepted 利用終了届出) is there, and issued by `admin start-use` together with the previous
//! ID's end of use; the bureau then reads the institution's filings across both IDs.

use std::path::Path;

use axum::http::StatusCode;
use serde_json::{Value, json};
use time::macros::datetime;
use todoke_core::RegionalBureau;
use todoke_core::api::{AccountLink, RejectRequest, Submission, endpoints};
use todoke_core::forms::FORM_END_OF_USE;
use todoke_core::lifecycle::Action;
use todoke_core::text::ja;
use todoke_server::admin::issuance;

use super::helpers::{NEW_PASSWORD, TestApp, TestResponse, pdftotext, spawn_app, tokyo_clinic};
use super::issuance::{admin, credentials_in, end_of_use_answers, ok_json};
use super::lifecycle::{act, long_sessions_app, submit_new_form};

/// A valid Tokyo medical code numbered `n`.
fn tokyo_code(n: u32) -> String {
    let mut body = [1u8, 3, 1, 0, 0, 0, 0, 0, 0];
    for (i, d) in format!("{n:06}").bytes().enumerate() {
        body[3 + i] = d - b'0';
    }
    let digit = todoke_core::institution::check_digit(&body);
    body.iter()
        .chain(std::iter::once(&digit))
        .map(|d| char::from(b'0' + d))
        .collect()
}

/// A new clinic in Tokyo (関東信越厚生局) with a valid code.
fn new_clinic() -> Value {
    json!({
        "reason": "new",
        "previous_user_id": "",
        "institution_code": tokyo_code(500),
        "fee_schedule_class": "医科",
        "institution_name": "とどけ新町クリニック",
        "postal_code": "100-0013",
        "address": "東京都千代田区霞が関1-2-2",
        "contact_name": "届出 太郎",
        "contact_phone": "03-5253-1111",
    })
}

/// The Tokyo clinic's change of code, from `previous_user_id`.
fn code_change(previous_user_id: &str) -> Value {
    let mut r = new_clinic();
    r["reason"] = json!("code_change");
    r["previous_user_id"] = json!(previous_user_id);
    r["institution_code"] = json!(tokyo_code(501));
    r
}

fn letters() -> issuance::LetterArgs {
    issuance::LetterArgs {
        font: std::env::var("TODOKE_LETTER_FONT").unwrap_or_else(|_| issuance::DEFAULT_FONT.into()),
        mono_font: issuance::DEFAULT_MONO_FONT.into(),
        login_url: issuance::DEFAULT_LOGIN_URL.into(),
    }
}

async fn file(app: &TestApp, body: Value) -> TestResponse {
    app.send(
        axum::http::Method::POST,
        endpoints::FILE_START_OF_USE_REQUEST.path,
        Some(body),
        None,
    )
    .await
}

async fn list(app: &TestApp, cookie: &str) -> Vec<Value> {
    let response = app
        .get(endpoints::REVIEW_START_OF_USE_REQUESTS.path, Some(cookie))
        .await;
    assert_eq!(response.status, StatusCode::OK, "{response:?}");
    response.json()["requests"].as_array().unwrap().clone()
}

async fn accept(app: &TestApp, cookie: &str, id: i64) -> TestResponse {
    app.call(
        &endpoints::ACCEPT_START_OF_USE_REQUEST,
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
        &endpoints::REJECT_START_OF_USE_REQUEST,
        &[&id],
        Some(&body),
        Some(cookie),
    )
    .await
}

#[tokio::test]
async fn bad_input_is_refused_field_by_field_and_any_previous_id_gets_the_same_answer() {
    let app = spawn_app().await;
    let r = file(&app, json!({})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{r:?}");
    let error = r.api_error();
    for field in todoke_core::api::START_OF_USE_REQUEST_FIELDS {
        let expected = field != "previous_user_id";
        assert_eq!(
            error.fields.get(field).is_some(),
            expected,
            "{field}: {error:?}"
        );
    }
    let error = file(&app, code_change(" ")).await.api_error();
    assert_eq!(
        error.fields.get("previous_user_id").unwrap(),
        &[ja::START_PREVIOUS_REQUIRED.to_string()]
    );
    assert_eq!(app.count("start_of_use_requests").await, 0);

    let (known, _) = app.signed_in_as(tokyo_clinic()).await;
    for previous in [known.as_str(), "NOSUCHUSER1"] {
        let r = file(&app, code_change(previous)).await;
        assert_eq!(r.status, StatusCode::ACCEPTED, "{r:?}");
        let body = r.json();
        let mut keys: Vec<&String> = body.as_object().unwrap().keys().collect();
        keys.sort();
        assert_eq!(keys, ["received_at", "reception_number"]);
        assert!(
            body["reception_number"]
                .as_str()
                .unwrap()
                .starts_with("S20261125-")
        );
    }
    assert_eq!(app.count("start_of_use_requests").await, 2);
}

#[tokio::test]
async fn a_new_institution_is_issued_its_user_id_once_accepted() {
    let app = spawn_app().await;
    let (_, kanto) = app.signed_in_reviewer().await;
    let (_, kinki) = app
        .signed_in_reviewer_of("KINKI01", RegionalBureau::Kinki)
        .await;
    file(&app, new_clinic()).await;
    // A "new" request for a code and class with an account in use cannot be accepted.
    let (in_use, _) = app.signed_in_as(tokyo_clinic()).await;
    let mut taken = new_clinic();
    taken["institution_code"] = json!(tokyo_clinic().institution_code);
    file(&app, taken).await;

    assert!(list(&app, &kinki).await.is_empty());
    let requests = list(&app, &kanto).await;
    assert_eq!(requests.len(), 2, "{requests:?}");
    let taken = requests
        .iter()
        .find(|r| r["in_use_user_id"] == in_use.as_str())
        .unwrap();
    let fresh = requests
        .iter()
        .find(|r| r["in_use_user_id"].is_null())
        .unwrap();
    let (taken_id, fresh_id) = (taken["id"].as_i64().unwrap(), fresh["id"].as_i64().unwrap());
    assert_eq!(fresh["reason"], "new");
    assert_eq!(fresh["address"], "東京都千代田区霞が関1-2-2");

    assert_eq!(
        accept(&app, &kinki, fresh_id).await.status,
        StatusCode::NOT_FOUND
    );
    let r = accept(&app, &kanto, taken_id).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.api_error().message, ja::START_BLOCKED_IN_USE);
    let r = reject(&app, &kanto, taken_id, "利用中のユーザIDがあります").await;
    assert_eq!(r.json()["status"], "rejected", "{r:?}");
    let r = accept(&app, &kanto, fresh_id).await;
    assert_eq!(r.status, StatusCode::OK, "{r:?}");
    assert_eq!(r.json()["status"], "accepted");
    assert_eq!(
        reject(&app, &kanto, fresh_id, "x").await.status,
        StatusCode::CONFLICT
    );

    // The operator's daily run: a dry run writes nothing; the real one the letter; then nothing.
    let out = app.dir.path().join("letters");
    let out_dir = out.to_str().unwrap();
    let dry = ok_json(&admin(&app, &["start-use", "--dry-run", "--out", out_dir]));
    assert_eq!(dry["processed"].as_array().unwrap().len(), 1, "{dry}");
    assert!(dry["processed"][0].get("user_id").is_none());
    let accounts = app.count("accounts").await;
    let run = ok_json(&admin(&app, &["start-use", "--out", out_dir]));
    let issued = &run["processed"][0];
    let text = pdftotext(Path::new(issued["pdf"].as_str().unwrap()));
    assert!(
        text.contains("霞が関1-2-2") && text.contains("とどけ新町クリニック"),
        "{text}"
    );
    let (user_id, password) = credentials_in(&text).remove(0);
    assert_eq!(issued["user_id"], user_id.as_str());
    assert!(!run.to_string().contains(&password));
    assert_eq!(app.count("accounts").await, accounts + 1);
    let login = app.login(&user_id, &password).await;
    assert_eq!(login.status, StatusCode::OK);
    assert_eq!(login.json()["must_change_password"], true, "{login:?}");
    let again = ok_json(&admin(&app, &["start-use", "--out", out_dir]));
    assert!(again["processed"].as_array().unwrap().is_empty(), "{again}");
    let fresh = list(&app, &kanto)
        .await
        .into_iter()
        .find(|r| r["id"] == fresh_id)
        .unwrap();
    assert_eq!(fresh["status"], "issued");
    assert_eq!(fresh["issued_user_id"], user_id.as_str());
}

#[tokio::test]
async fn a_code_change_waits_for_its_end_of_use_and_links_the_two_ids() {
    let app = long_sessions_app().await;
    let (_, kanto) = app.signed_in_reviewer().await;
    let (old_id, old) = app.signed_in_as(tokyo_clinic()).await;
    file(&app, code_change(&old_id.to_lowercase())).await;
    let id = list(&app, &kanto).await[0]["id"].as_i64().unwrap();
    let blocked = |r: TestResponse, message: &str| {
        assert_eq!(r.status, StatusCode::CONFLICT, "{r:?}");
        assert_eq!(r.api_error().message, message);
    };
    blocked(
        accept(&app, &kanto, id).await,
        ja::START_BLOCKED_NO_END_OF_USE,
    );

    // The old ID files its 利用終了届出 (last day ahead of the clock, 2026-11-25).
    let end = submit_new_form(
        &app,
        &old,
        FORM_END_OF_USE,
        &end_of_use_answers(&tokyo_clinic(), "2026-12-31"),
    )
    .await;
    let listed = &list(&app, &kanto).await[0];
    assert_eq!(listed["previous"]["user_id"], old_id.as_str());
    assert_eq!(
        listed["previous"]["end_of_use"]["arrival_number"],
        end.arrival_number.as_str()
    );
    assert_eq!(
        listed["previous"]["end_of_use"]["last_day_of_use"],
        "2026-12-31"
    );
    blocked(
        accept(&app, &kanto, id).await,
        ja::START_BLOCKED_END_NOT_ACCEPTED,
    );
    for action in [Action::Receive, Action::Accept] {
        assert_eq!(
            act(&app, &kanto, action, end.id).await.status,
            StatusCode::OK
        );
    }
    assert_eq!(accept(&app, &kanto, id).await.status, StatusCode::OK);

    // Before the day after the last day of use, the pair waits; nothing is written.
    let out = app.dir.path().join("letters");
    let run = issuance::start_use_requests(&app.state, &out, &letters(), false)
        .await
        .unwrap();
    assert!(run.processed.is_empty());
    assert_eq!(run.waiting.len(), 1);
    assert_eq!(
        run.waiting[0].previous_user_id.as_deref(),
        Some(old_id.as_str())
    );
    assert_eq!(
        app.login(&old_id, NEW_PASSWORD).await.status,
        StatusCode::OK
    );

    // The day after: the old ID ends and the new one is issued in the same run.
    app.clock.set(datetime!(2027-01-01 09:00 +9));
    let run = issuance::start_use_requests(&app.state, &out, &letters(), false)
        .await
        .unwrap();
    assert_eq!(run.processed.len(), 1, "{run:?}");
    let new_id = run.processed[0].user_id.clone().unwrap();
    assert_eq!(
        app.login(&old_id, NEW_PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(app.count("end_of_use_records").await, 1);
    // The end-of-use run finds nothing left to do.
    let ended = issuance::end_use_filings(&app.state, false).await.unwrap();
    assert!(ended.processed.is_empty(), "{ended:?}");

    // The new ID signs in with its letter and files; the bureau reads both IDs' filings.
    let text = pdftotext(run.processed[0].pdf.as_ref().unwrap());
    let (_, password) = credentials_in(&text).remove(0);
    let login = app.login(&new_id, &password).await;
    let r = app
        .change_password(&login.cookie(), &password, NEW_PASSWORD, NEW_PASSWORD)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{r:?}");
    let new = r.cookie();
    let mut clinic = tokyo_clinic();
    clinic.institution_code = tokyo_code(501);
    let filed = submit_new_form(
        &app,
        &new,
        FORM_END_OF_USE,
        &end_of_use_answers(&clinic, "2027-03-31"),
    )
    .await;
    let detail = |id: i64| {
        let app = &app;
        let kanto = kanto.clone();
        async move {
            let r = app
                .get(&format!("/api/v1/review/filings/{id}"), Some(&kanto))
                .await;
            assert_eq!(r.status, StatusCode::OK, "{r:?}");
            serde_json::from_value::<Submission>(r.json()).unwrap()
        }
    };
    let new_detail = detail(filed.id).await;
    assert_eq!(new_detail.linked_accounts.len(), 1);
    let predecessor = &new_detail.linked_accounts[0];
    assert_eq!(predecessor.link, AccountLink::Predecessor);
    assert_eq!(predecessor.user_id, old_id);
    assert!(predecessor.ended);
    assert_eq!(predecessor.filings[0].arrival_number, end.arrival_number);
    let old_detail = detail(end.id).await;
    assert_eq!(old_detail.linked_accounts[0].link, AccountLink::Successor);
    assert_eq!(old_detail.linked_accounts[0].user_id, new_id);
    assert_eq!(old_detail.linked_accounts[0].filings[0].id, filed.id);
    // The applicant's own view carries no links.
    let own = app
        .get(&format!("/api/v1/filings/{}", filed.id), Some(&new))
        .await;
    assert!(own.json().get("linked_accounts").is_none(), "{own:?}");
}

#[tokio::test]
async fn only_reviewers_see_the_requests() {
    let app = spawn_app().await;
    let r = app
        .get(endpoints::REVIEW_START_OF_USE_REQUESTS.path, None)
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let (_, applicant) = app.signed_in_with_changed_password().await;
    let r = app
        .get(
            endpoints::REVIEW_START_OF_USE_REQUESTS.path,
            Some(&applicant),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}
