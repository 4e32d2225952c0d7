//! The forced password change: nothing else works until it is done.

use axum::http::StatusCode;
use todoke_core::ErrorCode;
use todoke_core::text::ja;

use super::helpers::{NEW_PASSWORD, spawn_app};

#[tokio::test]
async fn the_full_forced_change_flow() {
    let app = spawn_app().await;
    let (creds, cookie) = app.signed_in_applicant().await;

    // Before the change: the account (like every other endpoint) is refused.
    let refused = app.get("/api/v1/account", Some(&cookie)).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let error = refused.api_error();
    assert_eq!(error.code, ErrorCode::PasswordChangeRequired);
    assert_eq!(error.message, ja::PASSWORD_CHANGE_REQUIRED);
    // …while the session itself can still be read.
    assert_eq!(
        app.get("/api/v1/session", Some(&cookie)).await.status,
        StatusCode::OK
    );

    // Policy violations: every field gets its messages, and nothing changes.
    let invalid = app.change_password(&cookie, "", "short", "different").await;
    assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
    let error = invalid.api_error();
    assert_eq!(error.code, ErrorCode::ValidationFailed);
    assert_eq!(
        error.fields.get("current_password").unwrap(),
        &[ja::PASSWORD_CURRENT_REQUIRED.to_string()]
    );
    let new_messages = error.fields.get("new_password").unwrap();
    assert!(
        new_messages.contains(&ja::password_too_short(10, 5)),
        "{new_messages:?}"
    );
    assert_eq!(
        error.fields.get("new_password_confirmation").unwrap(),
        &[ja::PASSWORD_CONFIRMATION_MISMATCH.to_string()]
    );
    let common = app
        .change_password(&cookie, &creds.initial_password, "Password1!", "Password1!")
        .await;
    assert_eq!(
        common.api_error().fields.get("new_password").unwrap(),
        &[ja::PASSWORD_TOO_COMMON.to_string()]
    );
    let same = app
        .change_password(
            &cookie,
            &creds.initial_password,
            &creds.initial_password,
            &creds.initial_password,
        )
        .await;
    assert_eq!(
        same.api_error().fields.get("new_password").unwrap(),
        &[ja::PASSWORD_SAME_AS_CURRENT.to_string()]
    );

    // A wrong current password.
    let wrong = app
        .change_password(&cookie, "Not#TheOne42", NEW_PASSWORD, NEW_PASSWORD)
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let error = wrong.api_error();
    assert_eq!(
        error.fields.get("current_password").unwrap(),
        &[ja::PASSWORD_CURRENT_WRONG.to_string()]
    );
    assert!(error.fields.get("new_password").is_none());

    // Success: a new session replaces the old one.
    let changed = app
        .change_password(&cookie, &creds.initial_password, NEW_PASSWORD, NEW_PASSWORD)
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{changed:?}");
    assert_eq!(changed.json()["must_change_password"], false);
    let new_cookie = changed.cookie();
    assert_ne!(new_cookie, cookie);
    assert_eq!(
        app.get("/api/v1/session", Some(&cookie)).await.status,
        StatusCode::UNAUTHORIZED
    );
    let account = app.get("/api/v1/account", Some(&new_cookie)).await;
    assert_eq!(account.status, StatusCode::OK, "{account:?}");
    assert_eq!(account.json()["user_id"], creds.user_id.as_str());
    assert_eq!(account.json()["institution"]["name"], "広島内科クリニック");

    // The initial password no longer works; the new one does and skips the change.
    assert_eq!(
        app.login(&creds.user_id, &creds.initial_password)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let again = app.login(&creds.user_id, NEW_PASSWORD).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json()["must_change_password"], false);
    assert_eq!(
        app.get("/api/v1/account", Some(&again.cookie()))
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_password_change_ends_every_other_session() {
    let app = spawn_app().await;
    let (creds, first) = app.signed_in_applicant().await;
    let second = app
        .login(&creds.user_id, &creds.initial_password)
        .await
        .cookie();
    let changed = app
        .change_password(&second, &creds.initial_password, NEW_PASSWORD, NEW_PASSWORD)
        .await;
    assert_eq!(changed.status, StatusCode::OK);
    assert_eq!(
        app.get("/api/v1/session", Some(&first)).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.get("/api/v1/session", Some(&second)).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.get("/api/v1/session", Some(&changed.cookie()))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(app.count("sessions").await, 1);
}

#[tokio::test]
async fn wrong_current_passwords_count_toward_the_lock() {
    let app = spawn_app().await;
    let (creds, cookie) = app.signed_in_applicant().await;
    for _ in 0..4 {
        let response = app
            .change_password(&cookie, "Not#TheOne42", NEW_PASSWORD, NEW_PASSWORD)
            .await;
        assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let fifth = app
        .change_password(&cookie, "Not#TheOne42", NEW_PASSWORD, NEW_PASSWORD)
        .await;
    assert_eq!(fifth.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(fifth.api_error().code, ErrorCode::AccountLocked);
    let right = app
        .change_password(&cookie, &creds.initial_password, NEW_PASSWORD, NEW_PASSWORD)
        .await;
    assert_eq!(right.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        app.login(&creds.user_id, &creds.initial_password)
            .await
            .status,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn a_changed_password_is_stored_only_as_an_argon2id_hash() {
    let app = spawn_app().await;
    let _ = app.signed_in_with_changed_password().await;
    let hashes: Vec<String> = sqlx::query_scalar("SELECT password_hash FROM accounts")
        .fetch_all(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(hashes.len(), 1);
    assert!(
        hashes[0].starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{}",
        hashes[0]
    );
    assert!(!hashes[0].contains(NEW_PASSWORD));
}

#[tokio::test]
async fn the_password_change_needs_a_session() {
    let app = spawn_app().await;
    let response = app
        .change_password("todoke_session=x", "a", NEW_PASSWORD, NEW_PASSWORD)
        .await;
    assert_eq!(response.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        app.get("/api/v1/account", None).await.status,
        StatusCode::UNAUTHORIZED
    );
}
