//! Sign-in, lockout, session timeouts, extension and sign-out.

use axum::http::{Method, StatusCode};
use serde_json::json;
use time::Duration;
use time::format_description::well_known::Rfc3339;
use todoke_core::ErrorCode;
use todoke_core::text::ja;

use super::helpers::{WEDNESDAY_MORNING, spawn_app};

#[tokio::test]
async fn login_sets_a_strict_http_only_cookie_and_reports_the_previous_login() {
    let app = spawn_app().await;
    let creds = app.create_applicant().await;

    let first = app.login(&creds.user_id, &creds.initial_password).await;
    assert_eq!(first.status, StatusCode::OK);
    let cookie = first.set_cookie().unwrap();
    assert!(cookie.starts_with("todoke_session="), "{cookie}");
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(
            cookie.split("; ").any(|a| a == attribute),
            "{attribute} missing: {cookie}"
        );
    }
    assert!(!cookie.contains("Secure"), "plain HTTP in tests");
    let body = first.json();
    assert_eq!(body["account"]["user_id"], creds.user_id.as_str());
    assert_eq!(body["account"]["role"], "applicant");
    assert_eq!(body["account"]["institution"]["code"], "3410712362");
    assert_eq!(body["account"]["institution"]["class"], "medical");
    assert_eq!(body["account"]["institution"]["prefecture"], 34);
    assert_eq!(body["must_change_password"], true);
    assert_eq!(body["idle_timeout_secs"], 1800);
    assert_eq!(body["previous_login_at"], serde_json::Value::Null);
    assert_eq!(body["expires_at"], "2026-11-25T22:00:00+09:00");

    app.clock.advance(Duration::hours(1));
    let second = app.login(&creds.user_id, &creds.initial_password).await;
    assert_eq!(second.status, StatusCode::OK);
    assert_ne!(
        second.cookie(),
        first.cookie(),
        "a new token at every sign-in"
    );
    let previous = second.json()["previous_login_at"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        time::OffsetDateTime::parse(&previous, &Rfc3339).unwrap(),
        WEDNESDAY_MORNING
    );
}

#[tokio::test]
async fn user_ids_are_matched_regardless_of_case_and_width() {
    let app = spawn_app().await;
    let creds = app.create_applicant().await;
    let full_width: String = creds
        .user_id
        .to_lowercase()
        .chars()
        .map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap())
        .collect();
    let response = app
        .login(&format!(" {full_width} "), &creds.initial_password)
        .await;
    assert_eq!(response.status, StatusCode::OK, "{response:?}");
}

#[tokio::test]
async fn wrong_password_and_unknown_id_get_identical_answers() {
    let app = spawn_app().await;
    let creds = app.create_applicant().await;
    let wrong_password = app.login(&creds.user_id, "Wrong#Pass99").await;
    let unknown_id = app.login("NOSUCHUSER", "Wrong#Pass99").await;
    let unparseable_id = app.login("no such user!", "Wrong#Pass99").await;
    for response in [&wrong_password, &unknown_id, &unparseable_id] {
        assert_eq!(response.status, StatusCode::UNAUTHORIZED);
        assert!(response.set_cookie().is_none());
    }
    assert_eq!(wrong_password.body, unknown_id.body);
    assert_eq!(wrong_password.body, unparseable_id.body);
    let error = wrong_password.api_error();
    assert_eq!(error.code, ErrorCode::InvalidCredentials);
    assert_eq!(error.message, ja::INVALID_CREDENTIALS);
}

#[tokio::test]
async fn an_ended_account_cannot_sign_in_and_is_not_told_apart() {
    let app = spawn_app().await;
    let creds = app.create_applicant().await;
    sqlx::query("UPDATE accounts SET ended_at = 1")
        .execute(&app.state.pool)
        .await
        .unwrap();
    let response = app.login(&creds.user_id, &creds.initial_password).await;
    assert_eq!(response.status, StatusCode::UNAUTHORIZED);
    assert_eq!(response.api_error().code, ErrorCode::InvalidCredentials);
}

#[tokio::test]
async fn missing_fields_are_reported_per_field() {
    let app = spawn_app().await;
    let response = app.login("", "").await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    let error = response.api_error();
    assert_eq!(error.code, ErrorCode::ValidationFailed);
    assert_eq!(
        error.fields.get("user_id").unwrap(),
        &[ja::USER_ID_REQUIRED.to_string()]
    );
    assert_eq!(
        error.fields.get("password").unwrap(),
        &[ja::PASSWORD_REQUIRED.to_string()]
    );
}

/// Five failures lock the ID for 15 minutes, known or not; the answers cannot tell them apart.
#[tokio::test]
async fn five_failures_lock_known_and_unknown_ids_alike() {
    let app = spawn_app().await;
    let creds = app.create_applicant().await;
    for user_id in [creds.user_id.as_str(), "NOSUCHUSER"] {
        for attempt in 1..=4 {
            let response = app.login(user_id, "Wrong#Pass99").await;
            assert_eq!(
                response.status,
                StatusCode::UNAUTHORIZED,
                "{user_id} attempt {attempt}"
            );
        }
        let fifth = app.login(user_id, "Wrong#Pass99").await;
        assert_eq!(fifth.status, StatusCode::TOO_MANY_REQUESTS, "{user_id}");
        let error = fifth.api_error();
        assert_eq!(error.code, ErrorCode::AccountLocked);
        assert_eq!(error.message, ja::account_locked(15));
        assert_eq!(fifth.header("retry-after").as_deref(), Some("900"));
    }
    // While locked even the right password is refused, with the same answer as for an unknown ID.
    let known = app.login(&creds.user_id, &creds.initial_password).await;
    let unknown = app.login("NOSUCHUSER", "Whatever#1a").await;
    assert_eq!(known.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(known.body, unknown.body);

    app.clock.advance(Duration::minutes(10));
    let still_locked = app.login(&creds.user_id, &creds.initial_password).await;
    assert_eq!(still_locked.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(still_locked.api_error().message, ja::account_locked(5));

    app.clock.advance(Duration::minutes(5));
    let unlocked = app.login(&creds.user_id, &creds.initial_password).await;
    assert_eq!(unlocked.status, StatusCode::OK, "{unlocked:?}");
    let unknown = app.login("NOSUCHUSER", "Wrong#Pass99").await;
    assert_eq!(
        unknown.status,
        StatusCode::UNAUTHORIZED,
        "the count restarts after the lock"
    );
}

/// The failures counted for `user_id`: every verified wrong guess is one.
async fn failures_counted(app: &super::helpers::TestApp, user_id: &str) -> i64 {
    sqlx::query_scalar("SELECT failures FROM login_throttle WHERE key = $1")
        .bind(user_id)
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

/// The lock cannot be raced: of 100 wrong guesses sent at once at most the threshold's five are
/// verified (the rest are refused before hashing), and the right password sent after the burst
/// is refused too.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_guesses_verify_at_most_the_threshold() {
    let app = spawn_app().await;
    let creds = app.create_applicant().await;
    let guesses = (0..100).map(|i| {
        let app = &app;
        let user_id = creds.user_id.clone();
        async move { app.login(&user_id, &format!("Wrong#Pass{i:02}")).await }
    });
    let answers = futures_util::future::join_all(guesses).await;
    let verified = answers
        .iter()
        .filter(|r| r.status == StatusCode::UNAUTHORIZED)
        .count();
    let locked = answers
        .iter()
        .filter(|r| r.status == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert!(verified <= 5, "{verified} guesses were answered 401");
    assert_eq!(verified + locked, 100, "only 401 and 429: {answers:?}");
    // Every verified guess is counted, so the counter tells how many reached the hash.
    let counted = failures_counted(&app, &creds.user_id).await;
    assert!(counted <= 5, "{counted} guesses were verified");
    let right = app.login(&creds.user_id, &creds.initial_password).await;
    assert_eq!(right.status, StatusCode::TOO_MANY_REQUESTS, "{right:?}");
    assert_eq!(right.api_error().code, ErrorCode::AccountLocked);
}

/// The same holds for the current password at password change (a stolen session).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_current_password_guesses_verify_at_most_the_threshold() {
    let app = spawn_app().await;
    let (creds, cookie) = app.signed_in_applicant().await;
    let guesses = (0..40).map(|i| {
        let (app, cookie) = (&app, cookie.clone());
        async move {
            let guess = format!("Wrong#Pass{i:02}");
            app.change_password(&cookie, &guess, "Kx7#mQ2!vRt9", "Kx7#mQ2!vRt9")
                .await
        }
    });
    let answers = futures_util::future::join_all(guesses).await;
    let verified = answers
        .iter()
        .filter(|r| r.status == StatusCode::UNPROCESSABLE_ENTITY)
        .count();
    assert!(verified <= 5, "{verified} guesses were verified");
    let counted = failures_counted(&app, &creds.user_id).await;
    assert!(counted <= 5, "{counted} guesses were verified");
    let right = app
        .change_password(
            &cookie,
            &creds.initial_password,
            "Kx7#mQ2!vRt9",
            "Kx7#mQ2!vRt9",
        )
        .await;
    assert_eq!(right.status, StatusCode::TOO_MANY_REQUESTS, "{right:?}");
}

#[tokio::test]
async fn a_success_resets_the_failure_count() {
    let app = spawn_app().await;
    let creds = app.create_applicant().await;
    for _ in 0..4 {
        assert_eq!(
            app.login(&creds.user_id, "Wrong#Pass99").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(
        app.login(&creds.user_id, &creds.initial_password)
            .await
            .status,
        StatusCode::OK
    );
    for _ in 0..4 {
        assert_eq!(
            app.login(&creds.user_id, "Wrong#Pass99").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(
        app.login(&creds.user_id, &creds.initial_password)
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn the_lock_threshold_and_duration_are_configurable() {
    let app = super::helpers::spawn_app_with(|c| {
        c.lockout_threshold = 2;
        c.lockout_duration = Duration::minutes(1);
    })
    .await;
    assert_eq!(
        app.login("SOMEONE", "Wrong#Pass99").await.status,
        StatusCode::UNAUTHORIZED
    );
    let second = app.login("SOMEONE", "Wrong#Pass99").await;
    assert_eq!(second.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(second.api_error().message, ja::account_locked(1));
}

#[tokio::test]
async fn the_session_is_readable_with_the_cookie_only() {
    let app = spawn_app().await;
    let (creds, cookie) = app.signed_in_applicant().await;
    let response = app.get("/api/v1/session", Some(&cookie)).await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(
        response.json()["account"]["user_id"],
        creds.user_id.as_str()
    );
    assert_eq!(response.json()["must_change_password"], true);

    for cookie in [
        None,
        Some("todoke_session=not-a-token"),
        Some("todoke_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
    ] {
        let response = app.get("/api/v1/session", cookie).await;
        assert_eq!(response.status, StatusCode::UNAUTHORIZED, "{cookie:?}");
        assert_eq!(response.api_error().code, ErrorCode::Unauthenticated);
        assert_eq!(response.api_error().message, ja::UNAUTHENTICATED);
    }
}

#[tokio::test]
async fn an_idle_session_expires_after_30_minutes_and_activity_slides_it() {
    let app = spawn_app().await;
    let (_, cookie) = app.signed_in_applicant().await;
    app.clock.advance(Duration::minutes(29));
    assert_eq!(
        app.get("/api/v1/session", Some(&cookie)).await.status,
        StatusCode::OK
    );
    app.clock.advance(Duration::minutes(29));
    assert_eq!(
        app.get("/api/v1/session", Some(&cookie)).await.status,
        StatusCode::OK,
        "sliding"
    );
    app.clock.advance(Duration::minutes(31));
    assert_eq!(
        app.get("/api/v1/session", Some(&cookie)).await.status,
        StatusCode::UNAUTHORIZED
    );
    // Expired means gone: coming back within a second does not revive it.
    assert_eq!(
        app.get("/api/v1/session", Some(&cookie)).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_session_ends_after_12_hours_however_active() {
    let app = spawn_app().await;
    let (_, cookie) = app.signed_in_applicant().await;
    let mut elapsed = Duration::ZERO;
    while elapsed < Duration::hours(12) - Duration::minutes(20) {
        app.clock.advance(Duration::minutes(20));
        elapsed += Duration::minutes(20);
        let response = app.get("/api/v1/session", Some(&cookie)).await;
        assert_eq!(response.status, StatusCode::OK, "after {elapsed}");
    }
    app.clock.advance(Duration::minutes(20));
    assert_eq!(
        app.get("/api/v1/session", Some(&cookie)).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn extending_restarts_the_idle_timer() {
    let app = spawn_app().await;
    let (_, cookie) = app.signed_in_applicant().await;
    app.clock.advance(Duration::minutes(28));
    let extended = app
        .send(Method::POST, "/api/v1/session/extend", None, Some(&cookie))
        .await;
    assert_eq!(extended.status, StatusCode::OK, "{extended:?}");
    assert_eq!(extended.json()["idle_timeout_secs"], 1800);
    app.clock.advance(Duration::minutes(28));
    assert_eq!(
        app.get("/api/v1/session", Some(&cookie)).await.status,
        StatusCode::OK
    );

    app.clock.advance(Duration::minutes(31));
    let too_late = app
        .send(Method::POST, "/api/v1/session/extend", None, Some(&cookie))
        .await;
    assert_eq!(too_late.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn logout_revokes_the_session_on_the_server_and_clears_the_cookie() {
    let app = spawn_app().await;
    let (_, cookie) = app.signed_in_applicant().await;
    let response = app
        .send(Method::DELETE, "/api/v1/session", None, Some(&cookie))
        .await;
    assert_eq!(response.status, StatusCode::NO_CONTENT);
    assert!(response.body.is_empty());
    let cleared = response.set_cookie().unwrap();
    assert!(cleared.starts_with("todoke_session=;"), "{cleared}");
    assert!(cleared.contains("Max-Age=0"));
    assert_eq!(
        app.get("/api/v1/session", Some(&cookie)).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(app.count("sessions").await, 0);

    let again = app
        .send(Method::DELETE, "/api/v1/session", None, None)
        .await;
    assert_eq!(again.status, StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn signing_in_again_ends_the_session_the_browser_held() {
    let app = spawn_app().await;
    let (creds, old_cookie) = app.signed_in_applicant().await;
    let body = json!({"user_id": creds.user_id, "password": creds.initial_password});
    let response = app
        .send(
            Method::POST,
            "/api/v1/session",
            Some(body),
            Some(&old_cookie),
        )
        .await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(
        app.get("/api/v1/session", Some(&old_cookie)).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.get("/api/v1/session", Some(&response.cookie()))
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn secure_cookies_use_the_host_prefix() {
    let app = super::helpers::spawn_app_with(|c| c.cookie_secure = true).await;
    let creds = app.create_applicant().await;
    // With cookie_secure the site is HTTPS, so the request comes without Origin here.
    let response = app.login(&creds.user_id, &creds.initial_password).await;
    let cookie = response.set_cookie().unwrap();
    assert!(cookie.starts_with("__Host-todoke_session="), "{cookie}");
    assert!(cookie.split("; ").any(|a| a == "Secure"));
    assert_eq!(
        app.get("/api/v1/session", Some(&response.cookie()))
            .await
            .status,
        StatusCode::OK
    );
}

/// An HTTPS deployment tells browsers to stay on HTTPS (HSTS, at least a year) on every
/// response: API answers, errors, the health check, pages. Plain HTTP (tests, the demo) does not.
#[tokio::test]
async fn https_deployments_send_hsts_on_every_response() {
    let https = super::helpers::spawn_app_with(|c| c.cookie_secure = true).await;
    let plain = spawn_app().await;
    let creds = https.create_applicant().await;
    let responses = [
        https.login(&creds.user_id, &creds.initial_password).await,
        https.login(&creds.user_id, "Wrong#Pass99").await,
        https.get("/api/v1/session", None).await,
        https.get("/api/v1/no-such-thing", None).await,
        https.get("/healthz", None).await,
        https.get("/api/openapi.json", None).await,
        https.get("/login", None).await,
    ];
    for response in &responses {
        let hsts = response
            .header("strict-transport-security")
            .unwrap_or_else(|| panic!("no HSTS: {response:?}"));
        let max_age: u64 = hsts
            .split(';')
            .find_map(|d| d.trim().strip_prefix("max-age="))
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("no max-age in {hsts}"));
        assert!(max_age >= 365 * 24 * 3600, "{hsts}");
    }
    let response = plain.get("/healthz", None).await;
    assert_eq!(response.header("strict-transport-security"), None);
}

#[tokio::test]
async fn demo_accounts_are_seeded_once_and_must_change_their_password() {
    let app = spawn_app().await;
    let demo = todoke_server::accounts::seed_demo(&app.state)
        .await
        .unwrap();
    assert_eq!(demo.len(), 4);
    assert_eq!(app.count("accounts").await, 4);
    let again = todoke_server::accounts::seed_demo(&app.state)
        .await
        .unwrap();
    assert_eq!(again, demo);
    assert_eq!(app.count("accounts").await, 4);

    let expected = [
        (
            "DEMO-MED",
            "Demo#Med0001",
            Some(("1310100019", "medical", "とどけ内科クリニック")),
        ),
        (
            "DEMO-DENT",
            "Demo#Dent0001",
            Some(("1330100023", "dental", "とどけ歯科医院")),
        ),
        (
            "DEMO-PHARM",
            "Demo#Phar0001",
            Some(("1340100039", "pharmacy", "とどけ薬局")),
        ),
        ("DEMO-REVIEW", "Demo#Rev0001", None),
    ];
    for (user_id, password, institution) in expected {
        let response = app.login(user_id, password).await;
        assert_eq!(response.status, StatusCode::OK, "{user_id}");
        let body = response.json();
        assert_eq!(body["must_change_password"], true);
        match institution {
            Some((code, class, name)) => {
                assert_eq!(body["account"]["institution"]["code"], code);
                assert_eq!(body["account"]["institution"]["class"], class);
                assert_eq!(body["account"]["institution"]["name"], name);
                assert_eq!(body["account"]["institution"]["prefecture"], 13);
            }
            None => {
                assert_eq!(body["account"]["role"], "reviewer");
                assert_eq!(body["account"]["bureau"], "kanto_shinetsu");
                assert_eq!(body["account"]["display_name"], "関東信越厚生局 審査担当");
            }
        }
    }
}

/// SQLite has one writer at a time: simultaneous sign-ins must wait for each other, not fail.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn simultaneous_sign_ins_all_succeed() {
    let app = std::sync::Arc::new(spawn_app().await);
    todoke_server::accounts::seed_demo(&app.state)
        .await
        .unwrap();
    let mut tasks = Vec::new();
    for i in 0..12 {
        let app = app.clone();
        tasks.push(tokio::spawn(async move {
            let (user_id, password) =
                [("DEMO-MED", "Demo#Med0001"), ("DEMO-DENT", "Demo#Dent0001")][i % 2];
            app.login(user_id, password).await.status
        }));
    }
    for task in tasks {
        assert_eq!(task.await.unwrap(), StatusCode::OK);
    }
    assert_eq!(app.count("sessions").await, 12);
}

/// More failures on record than a since lowered threshold allows do not shut the right
/// password out: the next attempt is verified, and a wrong one locks.
#[tokio::test]
async fn a_lowered_threshold_still_lets_the_right_password_in() {
    let app = super::helpers::spawn_app_with(|c| c.lockout_threshold = 3).await;
    let creds = app.create_applicant().await;
    // Four failures recorded under the old threshold of five.
    sqlx::query("INSERT INTO login_throttle (key, failures, last_failure_at) VALUES ($1, 4, $2)")
        .bind(&creds.user_id)
        .bind(WEDNESDAY_MORNING.unix_timestamp())
        .execute(&app.state.pool)
        .await
        .unwrap();
    let started = std::time::Instant::now();
    let right = app.login(&creds.user_id, &creds.initial_password).await;
    assert_eq!(right.status, StatusCode::OK, "{right:?}");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "no wait for a slot"
    );
}

/// An attempt dropped without an outcome (an error on the way, a client gone) gives its slot
/// back at once: the ID is not blocked until the slot goes stale.
#[tokio::test]
async fn an_abandoned_attempt_gives_its_slot_back() {
    use todoke_server::auth::lockout;
    let app = spawn_app().await;
    let config = app.state.config.clone();
    for _ in 0..5 {
        let attempt =
            lockout::reserve_attempt(&app.state.pool, "SOMEONE", WEDNESDAY_MORNING, &config)
                .await
                .unwrap();
        drop(attempt);
    }
    let mut pending = i64::MAX;
    for _ in 0..100 {
        pending = sqlx::query_scalar("SELECT pending FROM login_throttle WHERE key = $1")
            .bind("SOMEONE")
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
        if pending == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(pending, 0);
    let started = std::time::Instant::now();
    assert_eq!(
        app.login("SOMEONE", "Wrong#Pass99").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}
