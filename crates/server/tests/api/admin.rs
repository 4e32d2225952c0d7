//! `todoke-server admin …`, run as the real binary against a temporary database.

use std::process::{Command, Output};

use axum::http::StatusCode;
use serde_json::Value;
use todoke_core::PasswordPolicy;
use todoke_server::accounts::{self, AccountError};

use super::helpers::{TestApp, hiroshima_clinic, spawn_app};

const BIN: &str = env!("CARGO_BIN_EXE_todoke-server");

/// Runs `todoke-server admin <args>` with only the database variable set.
fn admin(app: &TestApp, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("admin")
        .args(args)
        .env_clear()
        .env("TODOKE_DATABASE_URL", &app.state.config.database_url)
        .output()
        .expect("run todoke-server")
}

fn create_account(app: &TestApp, code: &str, class: &str, name: &str, prefecture: &str) -> Output {
    admin(
        app,
        &[
            "create-account",
            "--institution-code",
            code,
            "--class",
            class,
            "--name",
            name,
            "--prefecture",
            prefecture,
        ],
    )
}

#[tokio::test]
async fn create_account_prints_credentials_that_sign_in_and_must_be_changed() {
    let app = spawn_app().await;
    let output = create_account(&app, "3410712362", "医科", "広島内科クリニック", "広島県");
    assert!(
        output.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        stdout.lines().count(),
        1,
        "exactly one JSON object: {stdout}"
    );
    let printed: Value = serde_json::from_str(&stdout).unwrap();
    let object = printed.as_object().unwrap();
    assert_eq!(object.len(), 2);
    let user_id = printed["user_id"].as_str().unwrap();
    let password = printed["initial_password"].as_str().unwrap();
    assert_eq!(user_id.len(), 10);
    assert!(
        PasswordPolicy::default()
            .problems(password, user_id)
            .is_empty()
    );

    let response = app.login(user_id, password).await;
    assert_eq!(response.status, StatusCode::OK, "{response:?}");
    let body = response.json();
    assert_eq!(body["must_change_password"], true);
    assert_eq!(body["account"]["institution"]["name"], "広島内科クリニック");
    assert_eq!(body["account"]["institution"]["prefecture"], 34);

    let stored: String = sqlx::query_scalar("SELECT password_hash FROM accounts")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert!(stored.starts_with("$argon2id$"));
    assert!(!stored.contains(password));

    // One account per code and class.
    let again = create_account(&app, "3410712362", "医科", "広島内科クリニック", "広島県");
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("既に発行されています"));
    assert!(again.stdout.is_empty());
    assert_eq!(app.count("accounts").await, 1);
}

#[tokio::test]
async fn invalid_input_is_refused_with_a_message_and_nothing_is_written() {
    let app = spawn_app().await;
    let cases = [
        ("3410712360", "医科", "広島内科", "広島県", "検証番号"),
        (
            "3410712362",
            "調剤",
            "広島内科",
            "広島県",
            "点数表番号は医科を示しています",
        ),
        ("3410712362", "内科", "広島内科", "広島県", "点数表区分は"),
        ("3410712362", "医科", "広島内科", "ヒロシマ", "都道府県は"),
        (
            "3410712362",
            "医科",
            "広島内科",
            "岡山県",
            "広島県を示していますが",
        ),
        ("3410712362", "医科", " ", "広島県", "名称を入力"),
        ("34107123", "医科", "広島内科", "広島県", "10桁"),
    ];
    for (code, class, name, prefecture, expected) in cases {
        let output = create_account(&app, code, class, name, prefecture);
        assert!(!output.status.success(), "{code} {class} {prefecture}");
        assert!(output.stdout.is_empty());
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.contains(expected),
            "{code} {class} {prefecture}: {stderr}"
        );
    }
    assert_eq!(app.count("accounts").await, 0);
}

#[tokio::test]
async fn create_reviewer_issues_a_bureau_account() {
    let app = spawn_app().await;
    let output = admin(
        &app,
        &[
            "create-reviewer",
            "--user-id",
            "kinki-01",
            "--name",
            "近畿厚生局 審査担当",
            "--bureau",
            "kinki",
        ],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let printed: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(printed["user_id"], "KINKI-01");
    let response = app
        .login("KINKI-01", printed["initial_password"].as_str().unwrap())
        .await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(response.json()["account"]["bureau"], "kinki");

    let bad = admin(
        &app,
        &[
            "create-reviewer",
            "--user-id",
            "X-02",
            "--name",
            "x",
            "--bureau",
            "atlantis",
        ],
    );
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("地方厚生"));
    let taken = admin(
        &app,
        &[
            "create-reviewer",
            "--user-id",
            "KINKI-01",
            "--name",
            "x",
            "--bureau",
            "kinki",
        ],
    );
    assert!(!taken.status.success());
    assert!(String::from_utf8_lossy(&taken.stderr).contains("既に使われています"));
    assert_eq!(app.count("accounts").await, 1);
}

#[tokio::test]
async fn the_library_refuses_the_same_mistakes() {
    let app = spawn_app().await;
    let mut input = hiroshima_clinic();
    input.institution_code = "3410712360".into();
    assert!(matches!(
        accounts::create_applicant(&app.state, input).await,
        Err(AccountError::InstitutionCode(_))
    ));
    let err = accounts::create_reviewer(
        &app.state,
        "REVIEW-X",
        "審査担当",
        todoke_core::RegionalBureau::Kinki,
        Some("short"),
    )
    .await
    .unwrap_err();
    assert!(matches!(err, AccountError::InitialPasswordRejected(_)));
    assert_eq!(app.count("accounts").await, 0);
}

#[tokio::test]
async fn generated_passwords_satisfy_the_policy_and_are_never_stored() {
    let app = spawn_app().await;
    let policy = PasswordPolicy::default();
    for _ in 0..200 {
        let password = accounts::generate_initial_password(&policy);
        assert!(policy.problems(&password, "").is_empty(), "{password}");
        assert!(password.chars().any(|c| c.is_ascii_uppercase()));
        assert!(password.chars().any(|c| c.is_ascii_lowercase()));
        assert!(password.chars().any(|c| c.is_ascii_digit()));
        assert!(password.chars().any(|c| c.is_ascii_punctuation()));
    }
    let issued = app.create_applicant().await;
    let dump: Vec<String> = sqlx::query_scalar(
        "SELECT user_id || '|' || password_hash || '|' || institution_name FROM accounts",
    )
    .fetch_all(&app.state.pool)
    .await
    .unwrap();
    assert!(
        dump.iter()
            .all(|row| !row.contains(&issued.initial_password))
    );
}

#[tokio::test]
async fn the_operator_sets_and_clears_the_list_pages_announcement() {
    use todoke_core::api::AnnouncementInfo;
    use todoke_core::text::ja::issuance as t;
    let app = spawn_app().await;
    let get = |lang: &'static str| {
        let app = &app;
        async move {
            let request = axum::http::Request::get("/api/v1/announcement")
                .header(axum::http::header::ACCEPT_LANGUAGE, lang)
                .body(axum::body::Body::empty())
                .unwrap();
            let r = app.request(request).await;
            assert_eq!(r.status, StatusCode::OK, "{r:?}");
            serde_json::from_value::<AnnouncementInfo>(r.json())
                .unwrap()
                .announcement
        }
    };
    assert_eq!(get("ja").await, None);

    // Refused, with what to do, and nothing written.
    let refused = admin(
        &app,
        &[
            "announce",
            "--text",
            "x",
            "--link-text",
            "回答",
            "--link-url",
            "javascript:alert(1)",
        ],
    );
    assert!(!refused.status.success());
    assert_eq!(
        String::from_utf8_lossy(&refused.stderr).trim(),
        t::ANNOUNCEMENT_URL_NOT_ALLOWED
    );
    let refused = admin(&app, &["announce", "--link-url", "https://a.jp"]);
    assert_eq!(
        String::from_utf8_lossy(&refused.stderr).trim(),
        t::ANNOUNCEMENT_TEXT_MISSING
    );
    assert_eq!(get("ja").await, None);

    let set = admin(
        &app,
        &[
            "announce",
            "--text",
            "アンケートにご協力ください。\n所要時間は5分です。",
            "--text-en",
            "Please answer our survey.",
            "--link-text",
            "アンケートに回答する",
            "--link-url",
            "https://example.go.jp/survey",
        ],
    );
    assert!(
        set.status.success(),
        "{}",
        String::from_utf8_lossy(&set.stderr)
    );
    let printed: Value = serde_json::from_slice(&set.stdout).unwrap();
    assert_eq!(
        printed["announcement"]["link"]["url"],
        "https://example.go.jp/survey"
    );
    let ja = get("ja").await.unwrap();
    assert_eq!(ja.text, "アンケートにご協力ください。\n所要時間は5分です。");
    assert_eq!(ja.link.as_ref().unwrap().text, "アンケートに回答する");
    // English readers get the English text; the link keeps its address (and its text, none
    // having been given in English).
    let en = get("en").await.unwrap();
    assert_eq!(en.text, "Please answer our survey.");
    assert_eq!(en.link.unwrap(), ja.link.clone().unwrap());

    // A second announce replaces the first; --clear removes it, and says whether there was one.
    let set = admin(
        &app,
        &["announce", "--text", "システムメンテナンスのお知らせ"],
    );
    assert!(set.status.success());
    let only = get("en").await.unwrap();
    assert_eq!(
        (only.text.as_str(), only.link),
        ("システムメンテナンスのお知らせ", None)
    );
    let both = admin(&app, &["announce", "--clear", "--text", "x"]);
    assert_eq!(
        String::from_utf8_lossy(&both.stderr).trim(),
        t::ANNOUNCEMENT_CLEAR_WITH_TEXT
    );
    let cleared = admin(&app, &["announce", "--clear"]);
    let printed: Value = serde_json::from_slice(&cleared.stdout).unwrap();
    assert_eq!(printed, serde_json::json!({"cleared": true}));
    assert_eq!(get("ja").await, None);
}
