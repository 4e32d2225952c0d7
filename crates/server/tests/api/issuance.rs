//! Bulk issuance: `admin import-institutions`, `issue-credentials`, `reissue` and
//! `end-use`, run as the real binary against a temporary database. The letters' text is read
//! back with `pdftotext` (Debian package `poppler-utils`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use axum::http::StatusCode;
use serde_json::{Value, json};
use time::macros::datetime;
use todoke_core::api::{FilingStatus, Submission};
use todoke_core::forms::{Answers, FORM_END_OF_USE};
use todoke_core::lifecycle::Action;
use todoke_core::text::ja;
use todoke_core::{PasswordPolicy, RegionalBureau};
use todoke_server::accounts::NewApplicant;
use todoke_server::admin::issuance;

use super::forms::common_answers;
use super::helpers::{
    NEW_PASSWORD, TestApp, hiroshima_clinic, osaka_clinic, pdftotext, spawn_app, tokyo_clinic,
};
use super::lifecycle::{act, long_sessions_app, submit_new_form};

const BIN: &str = env!("CARGO_BIN_EXE_todoke-server");
const HEADER: &str =
    "医療機関コード,点数表区分,名称,郵便番号,住所1,住所2,都道府県,オンライン請求月";

pub(super) fn admin(app: &TestApp, args: &[&str]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.arg("admin")
        .args(args)
        .env_clear()
        .env("TODOKE_DATABASE_URL", &app.state.config.database_url);
    // Keep a non-default font location working when the environment sets one.
    if let Ok(font) = std::env::var("TODOKE_LETTER_FONT") {
        cmd.env("TODOKE_LETTER_FONT", font);
    }
    cmd.output().expect("run todoke-server")
}

pub(super) fn ok_json(output: &Output) -> Value {
    assert!(
        output.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout.clone()).unwrap();
    assert_eq!(stdout.lines().count(), 1, "one JSON line: {stdout}");
    serde_json::from_str(&stdout).unwrap()
}

fn write(app: &TestApp, name: &str, bytes: &[u8]) -> PathBuf {
    let path = app.dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn import(app: &TestApp, name: &str, bytes: &[u8]) -> Output {
    let path = write(app, name, bytes);
    admin(app, &["import-institutions", path.to_str().unwrap()])
}

fn csv(rows: &[&str]) -> String {
    let mut s = String::from(HEADER);
    for r in rows {
        s.push('\n');
        s.push_str(r);
    }
    s.push('\n');
    s
}

const HIROSHIMA: &str = "3410712362,医科,広島内科クリニック,730-0011,広島県広島市中区基町10-52,基町ビル3階,広島県,2024-09;2024-10";
const SAPPORO: &str =
    "0110100013,医科,札幌中央病院,0600001,北海道札幌市中央区北1条西2丁目,,北海道,2024-10";
const TOKYO_DENTAL: &str =
    "1330100023,歯科,東京歯科医院,1000001,東京都千代田区千代田1-1,,東京都,2024-10";
const TOKYO_PHARMACY: &str =
    "1340100039,調剤,東京薬局,1000002,東京都千代田区皇居外苑1-2,,東京,2024-09";
const TOKYO_CLINIC: &str =
    "1310100019,医科,東京内科,1000003,東京都千代田区丸の内1-1,,東京都,2024-10";

/// (user ID, initial password) of each letter in a PDF, in page order.
pub(super) fn credentials_in(text: &str) -> Vec<(String, String)> {
    let value_after = |line: &str, label: &str| {
        line.trim()
            .strip_prefix(label)
            .map(|rest| rest.trim().to_string())
    };
    let mut ids = Vec::new();
    let mut passwords = Vec::new();
    for line in text.lines() {
        if let Some(v) = value_after(line, "初期パスワード") {
            if !v.is_empty() && !v.contains('）') {
                passwords.push(v);
            }
        } else if let Some(v) = value_after(line, "ユーザID")
            && v.len() == 10
            && v.chars().all(|c| c.is_ascii_alphanumeric())
        {
            ids.push(v);
        }
    }
    assert_eq!(ids.len(), passwords.len(), "{text}");
    ids.into_iter().zip(passwords).collect()
}

#[tokio::test]
async fn a_good_file_is_imported_and_reimporting_updates() {
    let app = spawn_app().await;
    let out = import(
        &app,
        "a.csv",
        csv(&[HIROSHIMA, SAPPORO, TOKYO_DENTAL]).as_bytes(),
    );
    let json = ok_json(&out);
    assert_eq!(json["created"], 3);
    assert_eq!(json["updated"], 0);
    assert_eq!(json["encoding"], "UTF-8");
    assert_eq!(app.count("institutions").await, 3);
    assert_eq!(app.count("online_claims").await, 4);

    // English headers, BOM, another column order; same code+class updates the row.
    let english = "\u{feff}code,class,name,prefecture,postal_code,address_line1,claim_months\n\
                   3410712362,medical,広島内科クリニック 新館,34,7300012,広島市中区大手町1-1,2024-11\n";
    let json = ok_json(&import(&app, "b.csv", english.as_bytes()));
    assert_eq!(
        (json["created"].as_i64(), json["updated"].as_i64()),
        (Some(0), Some(1))
    );
    let (name, postal, line2): (String, String, Option<String>) = sqlx::query_as(
        "SELECT name, postal_code, address_line2 FROM institutions WHERE institution_code = '3410712362'",
    )
    .fetch_one(&app.state.pool)
    .await
    .unwrap();
    assert_eq!(
        (name.as_str(), postal.as_str(), line2),
        ("広島内科クリニック 新館", "7300012", None)
    );
    assert_eq!(app.count("institutions").await, 3);
    assert_eq!(
        app.count("online_claims").await,
        5,
        "months are added, not replaced"
    );
}

#[tokio::test]
async fn every_bad_row_is_reported_and_nothing_is_written() {
    let app = spawn_app().await;
    let file = csv(&[
        HIROSHIMA,                                                         // 2: good
        "3410712360,医科,誤り検証番号,730-0011,広島市,,広島県,2024-10",    // 3
        "3410712362,調剤,区分違い,730-0011,広島市,,広島県,2024-10",        // 4
        "1330100023,歯科,県違い,1000001,千代田区,,大阪府,2024-10",         // 5
        "1330100023,歯科,県不明,1000001,千代田区,,トウキョウ,2024-10",     // 6
        "0110100013,医科,郵便番号違い,060-001,札幌市,,北海道,2024-10",     // 7
        "1340100039,調剤,月違い,1000002,千代田区,,東京都,2024-13;2024/10", // 8
        "1310100019,医科,,1000003,,,東京都,2024-10",                       // 9
        "3410712360,調剤,全部違い,12,広島市,,岡山県,24-1",                 // 10
    ]);
    let out = import(&app, "bad.csv", file.as_bytes());
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let report = String::from_utf8(out.stderr).unwrap();
    assert!(report.contains("1件も登録していません"), "{report}");
    assert!(
        !report.contains("2行目"),
        "the good row is not listed: {report}"
    );
    // The report's blocks: "N行目：" then one "・reason" line each.
    let mut blocks: std::collections::HashMap<usize, String> = Default::default();
    let mut current = None;
    for line in report.lines() {
        if let Some(n) = line
            .strip_suffix("行目：")
            .and_then(|n| n.parse::<usize>().ok())
        {
            current = Some(n);
        } else if let Some(n) = current {
            blocks.entry(n).or_default().push_str(line);
        }
    }
    let section = |row: usize| {
        blocks
            .get(&row)
            .cloned()
            .unwrap_or_else(|| panic!("{row}: {report}"))
    };
    assert!(section(3).contains("検証番号"), "{report}");
    assert!(section(4).contains("点数表番号は医科"), "{report}");
    assert!(section(5).contains("東京都を示していますが"), "{report}");
    assert!(section(6).contains("都道府県名を正しく"), "{report}");
    assert!(section(7).contains("郵便番号は7桁"), "{report}");
    let months = section(8);
    assert!(
        months.contains("「2024-13」") && months.contains("「2024/10」"),
        "{report}"
    );
    let nine = section(9);
    assert!(
        nine.contains("名称を入力") && nine.contains("住所1を入力"),
        "{report}"
    );
    let ten = section(10);
    for reason in [
        "検証番号",
        "点数表番号は医科",
        "広島県を示していますが",
        "郵便番号",
        "「24-1」",
    ] {
        assert!(ten.contains(reason), "row 10 lacks {reason}: {report}");
    }
    assert_eq!(app.count("institutions").await, 0);
    assert_eq!(app.count("online_claims").await, 0);

    // A missing column is reported before any row.
    let out = import(
        &app,
        "nocol.csv",
        "医療機関コード,名称\n3410712362,x\n".as_bytes(),
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("「点数表区分」の列がありません"));
    assert_eq!(app.count("institutions").await, 0);
}

#[tokio::test]
async fn shift_jis_input_is_read() {
    let app = spawn_app().await;
    let text = csv(&[HIROSHIMA, TOKYO_DENTAL]).replace('\n', "\r\n");
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&text);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
    let json = ok_json(&import(&app, "sjis.csv", &bytes));
    assert_eq!(json["encoding"], "Shift_JIS");
    assert_eq!(json["created"], 2);
    let name: String =
        sqlx::query_scalar("SELECT name FROM institutions WHERE institution_code = '1330100023'")
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
    assert_eq!(name, "東京歯科医院");
}

/// Imports the standard file and issues for 2024-10: (JSON, output dir).
pub(super) async fn issued(app: &TestApp) -> (Value, PathBuf) {
    ok_json(&import(
        app,
        "inst.csv",
        csv(&[
            HIROSHIMA,
            SAPPORO,
            TOKYO_DENTAL,
            TOKYO_PHARMACY,
            TOKYO_CLINIC,
        ])
        .as_bytes(),
    ));
    let out = app.dir.path().join("letters");
    let json = ok_json(&admin(
        app,
        &[
            "issue-credentials",
            "--claim-month",
            "2024-10",
            "--out",
            out.to_str().unwrap(),
        ],
    ));
    (json, out)
}

#[tokio::test]
async fn issuance_selects_exactly_the_targets_and_is_idempotent() {
    let app = spawn_app().await;
    // 東京内科 already has an account: no letter for it.
    let existing = admin(
        &app,
        &[
            "create-account",
            "--institution-code",
            "1310100019",
            "--class",
            "医科",
            "--name",
            "東京内科",
            "--prefecture",
            "東京都",
        ],
    );
    assert!(existing.status.success());
    let (json, out) = issued(&app).await;
    // 2024-10 claims: 広島, 札幌, 東京歯科 (東京薬局 filed only 2024-09; 東京内科 has an account).
    assert_eq!(json["issued"], 3, "{json}");
    let batches: Vec<(i64, i64)> = json["batches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (b["batch"].as_i64().unwrap(), b["letters"].as_i64().unwrap()))
        .collect();
    assert_eq!(batches, [(1, 1), (4, 1), (8, 1)], "batch order");
    assert_eq!(json["batches"][0]["arrival"], "令和6年11月下旬ごろ");
    assert_eq!(app.count("accounts").await, 4);
    assert_eq!(app.count("letters").await, 3);

    let codes: Vec<String> = sqlx::query_scalar(
        "SELECT institution_code FROM accounts WHERE must_change_password = 1 AND user_id NOT IN
             (SELECT user_id FROM accounts WHERE institution_code = '1310100019') ORDER BY institution_code",
    )
    .fetch_all(&app.state.pool)
    .await
    .unwrap();
    assert_eq!(codes, ["0110100013", "1330100023", "3410712362"]);

    let mut all_text = String::new();
    let policy = PasswordPolicy::default();
    let expected = [
        (
            "札幌中央病院",
            "北海道札幌市中央区北1条西2丁目",
            "〒060-0001",
        ),
        ("東京歯科医院", "東京都千代田区千代田1-1", "〒100-0001"),
        (
            "広島内科クリニック",
            "広島県広島市中区基町10-52",
            "〒730-0011",
        ),
    ];
    for (batch, (name, address, postal)) in json["batches"].as_array().unwrap().iter().zip(expected)
    {
        let pdf = PathBuf::from(batch["pdfs"][0].as_str().unwrap());
        assert!(pdf.starts_with(&out));
        let text = pdftotext(&pdf);
        let creds = credentials_in(&text);
        assert_eq!(creds.len(), 1);
        let (user_id, password) = &creds[0];
        assert!(
            text.contains(name) && text.contains(address) && text.contains(postal),
            "{text}"
        );
        assert!(text.contains("様"));
        assert!(policy.problems(password, user_id).is_empty(), "{password}");
        assert!(!password.contains(['0', 'O', '1', 'l', 'I']));
        // Manifest: same user ID, no password.
        let manifest = std::fs::read_to_string(batch["manifest"].as_str().unwrap()).unwrap();
        assert!(manifest.contains(user_id.as_str()) && manifest.contains(name));
        assert!(!manifest.contains(password.as_str()));
        assert!(!json.to_string().contains(password.as_str()));
        // Only the hash is stored.
        let hash: String =
            sqlx::query_scalar("SELECT password_hash FROM accounts WHERE user_id = $1")
                .bind(user_id)
                .fetch_one(&app.state.pool)
                .await
                .unwrap();
        assert!(hash.starts_with("$argon2id$") && !hash.contains(password.as_str()));
        all_text.push_str(&text);
    }
    for kw in [
        "初回ログインの手順",
        "月曜日～土曜日",
        "8時～21時",
        "10文字以上20文字以下",
        "Q9",
        "A6",
    ] {
        assert!(all_text.contains(kw), "{kw}");
    }

    // Second run: nothing issued, no files.
    let files_before = std::fs::read_dir(&out).unwrap().count();
    let again = ok_json(&admin(
        &app,
        &[
            "issue-credentials",
            "--claim-month",
            "2024-10",
            "--out",
            out.to_str().unwrap(),
        ],
    ));
    assert_eq!(again["issued"], 0);
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), files_before);
    assert_eq!(app.count("accounts").await, 4);
    // Another month picks up 東京薬局 only.
    let sept = ok_json(&admin(
        &app,
        &[
            "issue-credentials",
            "--claim-month",
            "2024-09",
            "--out",
            out.to_str().unwrap(),
        ],
    ));
    assert_eq!(sept["issued"], 1);
    assert_eq!(sept["batches"][0]["batch"], 4);
}

#[tokio::test]
async fn a_pdf_holds_every_letter_of_its_batch_in_order_tagged_and_subset() {
    let app = spawn_app().await;
    ok_json(&import(
        &app,
        "inst.csv",
        csv(&[
            TOKYO_CLINIC,
            TOKYO_DENTAL,
            TOKYO_PHARMACY.replace("2024-09", "2024-10").as_str(),
        ])
        .as_bytes(),
    ));
    let out = app.dir.path().join("letters");
    // Three letters, at most two per file: one batch in two parts.
    let json = ok_json(&admin(
        &app,
        &[
            "issue-credentials",
            "--claim-month",
            "2024-10",
            "--out",
            out.to_str().unwrap(),
            "--letters-per-pdf",
            "2",
        ],
    ));
    assert_eq!(json["batches"].as_array().unwrap().len(), 1);
    let pdfs: Vec<PathBuf> = json["batches"][0]["pdfs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| PathBuf::from(p.as_str().unwrap()))
        .collect();
    assert_eq!(pdfs.len(), 2);
    assert!(
        pdfs[0]
            .to_string_lossy()
            .ends_with("batch04-part001-letters.pdf"),
        "{pdfs:?}"
    );
    let text: String = pdfs.iter().map(|p| pdftotext(p)).collect();
    let creds = credentials_in(&text);
    assert_eq!(creds.len(), 3);
    // Letters in code order within the batch; the manifest lists them in the same order.
    let positions: Vec<usize> = ["東京内科", "東京歯科医院", "東京薬局"]
        .iter()
        .map(|n| text.find(n).unwrap())
        .collect();
    assert!(positions.is_sorted(), "{positions:?}");
    let manifest =
        std::fs::read_to_string(json["batches"][0]["manifest"].as_str().unwrap()).unwrap();
    let rows: Vec<Vec<&str>> = manifest
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    let ids: Vec<&str> = rows.iter().map(|r| r[9]).collect();
    let pdf_ids: Vec<&str> = creds.iter().map(|(u, _)| u.as_str()).collect();
    assert_eq!(ids, pdf_ids);
    let placement: Vec<(&str, &str)> = rows.iter().map(|r| (r[10], r[11])).collect();
    assert_eq!(
        placement,
        [
            ("run0001-batch04-part001-letters.pdf", "1"),
            ("run0001-batch04-part001-letters.pdf", "3"),
            ("run0001-batch04-part002-letters.pdf", "1"),
        ]
    );
    let pdf = pdfs[0].clone();

    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(info.contains("Pages:           4"), "{info}");
    assert!(info.contains("A4"), "{info}");
    let fonts = Command::new("pdffonts").arg(&pdf).output().unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    // A subset font is named with a six-letter tag: `ABCDEF+IPAexGothic`, emb yes sub yes.
    let line = fonts
        .lines()
        .find(|l| l.contains('+'))
        .unwrap_or_else(|| panic!("{fonts}"));
    assert!(line.contains("yes yes yes"), "{fonts}");
    assert!(
        std::fs::metadata(&pdf).unwrap().len() < 400_000,
        "subset, not the whole font"
    );
}

#[tokio::test]
async fn a_letter_signs_in_once_reissue_invalidates_and_end_use_blocks() {
    let app = spawn_app().await;
    let (json, out) = issued(&app).await;
    let pdf = PathBuf::from(json["batches"][2]["pdfs"][0].as_str().unwrap());
    let (user_id, password) = credentials_in(&pdftotext(&pdf)).remove(0);

    let response = app.login(&user_id, &password).await;
    assert_eq!(response.status, StatusCode::OK, "{response:?}");
    assert_eq!(response.json()["must_change_password"], true);
    assert_eq!(
        response.json()["account"]["institution"]["name"],
        "広島内科クリニック"
    );
    let old_cookie = response.cookie();

    // Reissue: old password and session end, the new one works and must be changed.
    let re = ok_json(&admin(
        &app,
        &[
            "reissue",
            &user_id.to_lowercase(),
            "--out",
            out.to_str().unwrap(),
        ],
    ));
    assert_eq!(re["user_id"], user_id.as_str());
    let text = pdftotext(Path::new(re["pdf"].as_str().unwrap()));
    assert!(
        text.contains("再発行")
            && text.contains("広島内科クリニック")
            && text.contains("基町ビル3階")
    );
    let (same_id, new_password) = credentials_in(&text).remove(0);
    assert_eq!(same_id, user_id);
    assert_ne!(new_password, password);
    assert!(!re.to_string().contains(new_password.as_str()));
    assert_eq!(
        app.get("/api/v1/session", Some(&old_cookie)).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.login(&user_id, &password).await.status,
        StatusCode::UNAUTHORIZED
    );
    let response = app.login(&user_id, &new_password).await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(response.json()["must_change_password"], true);
    let cookie = response.cookie();

    // End of use: the session ends and sign-in is refused; a second end-use is refused.
    let ended = ok_json(&admin(&app, &["end-use", &user_id]));
    assert_eq!(ended["user_id"], user_id.as_str());
    assert_eq!(
        app.get("/api/v1/session", Some(&cookie)).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.login(&user_id, &new_password).await.status,
        StatusCode::UNAUTHORIZED
    );
    let again = admin(&app, &["end-use", &user_id]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("既に利用終了"));
    let reissue_ended = admin(&app, &["reissue", &user_id]);
    assert!(!reissue_ended.status.success());
    let unknown = admin(&app, &["end-use", "NOSUCHUSER"]);
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("見つかりません"));
}

#[tokio::test]
async fn a_missing_font_or_bad_month_issues_nothing() {
    let app = spawn_app().await;
    ok_json(&import(&app, "inst.csv", csv(&[HIROSHIMA]).as_bytes()));
    let out = app.dir.path().join("letters");
    let bad_month = admin(
        &app,
        &[
            "issue-credentials",
            "--claim-month",
            "2024-1",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(!bad_month.status.success());
    assert!(String::from_utf8_lossy(&bad_month.stderr).contains("--claim-month"));
    let no_font = admin(
        &app,
        &[
            "issue-credentials",
            "--claim-month",
            "2024-10",
            "--out",
            out.to_str().unwrap(),
            "--font",
            "/nonexistent.ttf",
        ],
    );
    assert!(!no_font.status.success());
    assert!(String::from_utf8_lossy(&no_font.stderr).contains("TODOKE_LETTER_FONT"));
    assert_eq!(app.count("accounts").await, 0);
    assert!(!out.exists() || std::fs::read_dir(&out).unwrap().count() == 0);
}

/// A complete 利用終了届出 for `applicant` with `last_day_of_use`.
pub(super) fn end_of_use_answers(applicant: &NewApplicant, last_day_of_use: &str) -> Answers {
    let mut a = common_answers(&applicant.institution_code, &applicant.institution_name);
    a.insert("end_reason".into(), json!("code_or_class_change"));
    a.insert("last_day_of_use".into(), json!(last_day_of_use));
    a.insert("declaration_end_of_use".into(), json!(true));
    a
}

/// Files a 利用終了届出 and has `reviewer` receive and accept it: the submission's id.
async fn accepted_end_of_use(
    app: &TestApp,
    applicant: &NewApplicant,
    cookie: &str,
    reviewer: &str,
    last_day_of_use: &str,
) -> i64 {
    let filed = submit_new_form(
        app,
        cookie,
        FORM_END_OF_USE,
        &end_of_use_answers(applicant, last_day_of_use),
    )
    .await;
    for action in [Action::Receive, Action::Accept] {
        let r = act(app, reviewer, action, filed.id).await;
        assert_eq!(r.status, StatusCode::OK, "{r:?}");
    }
    filed.id
}

#[tokio::test]
async fn an_accepted_end_of_use_filing_ends_the_account_after_its_last_day() {
    let app = long_sessions_app().await;
    let (_, kanto) = app.signed_in_reviewer().await;
    let (_, kinki) = app
        .signed_in_reviewer_of("REVIEWER-KINKI", RegionalBureau::Kinki)
        .await;
    let (tokyo_id, tokyo) = app.signed_in_as(tokyo_clinic()).await;
    let (osaka_id, osaka) = app.signed_in_as(osaka_clinic()).await;
    let (hiroshima_id, hiroshima) = app.signed_in_as(hiroshima_clinic()).await;

    // Tokyo's last day (2026-11-20) has passed on any clock; the real binary processes it.
    let t = accepted_end_of_use(&app, &tokyo_clinic(), &tokyo, &kanto, "2026-11-20").await;
    // Hiroshima's filing is submitted but not accepted: never processed.
    submit_new_form(
        &app,
        &hiroshima,
        FORM_END_OF_USE,
        &end_of_use_answers(&hiroshima_clinic(), "2026-11-20"),
    )
    .await;
    let json = ok_json(&admin(&app, &["end-use", "--filings", "--dry-run"]));
    assert_eq!(json["dry_run"], true);
    assert_eq!(json["processed"][0]["user_id"], tokyo_id.as_str());
    assert_eq!(json["processed"][0]["outcome"], "ended");
    assert_eq!(
        app.count("end_of_use_records").await,
        0,
        "a dry run writes nothing"
    );
    assert_eq!(
        app.get("/api/v1/session", Some(&tokyo)).await.status,
        StatusCode::OK
    );

    let json = ok_json(&admin(&app, &["end-use", "--filings"]));
    assert_eq!(json["processed"].as_array().unwrap().len(), 1, "{json}");
    assert_eq!(
        json["processed"][0]["arrival_number"]
            .as_str()
            .unwrap()
            .len(),
        15
    );
    assert_eq!(json["processed"][0]["last_day_of_use"], "2026-11-20");
    assert_eq!(
        app.get("/api/v1/session", Some(&tokyo)).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.login(&tokyo_id, NEW_PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
    // The bureau still reads the filing, with the processing as its last history entry.
    let detail = app
        .get(&format!("/api/v1/review/filings/{t}"), Some(&kanto))
        .await;
    assert_eq!(detail.status, StatusCode::OK);
    let detail: Submission = serde_json::from_value(detail.json()).unwrap();
    let last = detail.history.last().unwrap();
    assert_eq!(last.action, "end_use");
    assert_eq!(last.action_label, ja::ACTION_END_USE);
    assert_eq!(last.comment.as_deref(), Some(ja::END_USE_DONE));
    assert_eq!(detail.status, FilingStatus::Accepted);
    // Running again processes nothing twice.
    let again = ok_json(&admin(&app, &["end-use", "--filings"]));
    assert!(again["processed"].as_array().unwrap().is_empty(), "{again}");

    // Osaka files with a last day ahead (by the test's clock, 2026-11-25): it waits until the
    // day after, then ends; ending an account by user ID first is reported as such.
    let o = accepted_end_of_use(&app, &osaka_clinic(), &osaka, &kinki, "2026-12-31").await;
    let run = issuance::end_use_filings(&app.state, false).await.unwrap();
    assert!(run.processed.is_empty());
    assert_eq!(run.waiting.len(), 1);
    assert_eq!(run.waiting[0].user_id, osaka_id);
    assert_eq!(
        app.get("/api/v1/session", Some(&osaka)).await.status,
        StatusCode::OK
    );
    app.clock.set(datetime!(2026-12-31 23:59 +9));
    assert!(
        issuance::end_use_filings(&app.state, false)
            .await
            .unwrap()
            .waiting
            .len()
            == 1
    );
    app.clock.set(datetime!(2027-01-01 00:00 +9));
    issuance::end_use(&app.state, &osaka_id).await.unwrap();
    let run = issuance::end_use_filings(&app.state, false).await.unwrap();
    assert_eq!(run.processed.len(), 1);
    assert_eq!(run.processed[0].outcome, Some("already_ended"));
    let detail: Submission = serde_json::from_value(
        app.get(&format!("/api/v1/review/filings/{o}"), Some(&kinki))
            .await
            .json(),
    )
    .unwrap();
    assert_eq!(
        detail.history.last().unwrap().comment.as_deref(),
        Some(ja::END_USE_ALREADY_DONE)
    );
    // Hiroshima never had an accepted filing and still signs in.
    assert_eq!(
        app.login(&hiroshima_id, NEW_PASSWORD).await.status,
        StatusCode::OK
    );
    // Neither a user ID nor --filings, both, or --dry-run for one user ID: refused in Japanese.
    for args in [
        &["end-use"][..],
        &["end-use", &osaka_id, "--filings"],
        &["end-use", &osaka_id, "--dry-run"],
    ] {
        let refused = admin(&app, args);
        assert!(!refused.status.success(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&refused.stderr).contains("どちらか一方"),
            "{args:?}: {}",
            String::from_utf8_lossy(&refused.stderr)
        );
    }
}
