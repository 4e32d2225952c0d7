//! Drafts, submission and the filings list: optimistic concurrency, the server's final check
//! (the same issues the browser shows), idempotent submission, arrival numbers, and that one
//! account can never reach another's filings.

use std::collections::BTreeMap;

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use time::Duration;
use time::macros::{date, datetime};
use todoke_core::api::endpoints;
use todoke_core::api::{
    Draft, DraftUpdate, FilingPage, FilingStatus, FilingSummary, NewDraft, Submission,
    SubmitRequest,
};
use todoke_core::forms::{self, Answers, CheckContext, CheckReport};
use todoke_core::text::ja;
use todoke_core::{ErrorCode, FeeScheduleClass, InstitutionCode};

use super::forms::{common_answers, regional_support_answers};
use super::helpers::{
    NEW_PASSWORD, TestApp, TestResponse, hiroshima_clinic, spawn_app, tokyo_clinic, tokyo_pharmacy,
};

/// A staff change for the Hiroshima clinic: one full-time hire with `weekly_hours`.
pub fn staff_change_answers(code: &str, weekly_hours: &str) -> Answers {
    let mut a = common_answers(code, "広島内科クリニック");
    a.insert(
        "staff".into(),
        json!([{
            "name": "山田 太郎",
            "furigana": "ﾔﾏﾀﾞ ﾀﾛｳ",
            "registration_number": "東医12345",
            "change_type": "hire",
            "employment": "full_time",
            "weekly_hours": weekly_hours,
            "department": "内科",
            "change_date": "2026-11-01",
        }]),
    );
    a
}

fn clinic_context() -> CheckContext {
    CheckContext::new(FeeScheduleClass::Medical, date!(2026 - 11 - 25))
        .with_institution_code(InstitutionCode::parse("3410712362").unwrap())
}

/// A valid staff change draft of the Hiroshima clinic (40 hours a week).
async fn hiroshima_staff_change(app: &TestApp, cookie: &str) -> Draft {
    create_draft(
        app,
        cookie,
        "staff-change",
        &staff_change_answers("3410712362", "40"),
    )
    .await
}

pub async fn create_draft(app: &TestApp, cookie: &str, form_id: &str, answers: &Answers) -> Draft {
    let request = NewDraft {
        form_id: form_id.into(),
        answers: answers.clone(),
    };
    app.call_ok(
        &endpoints::CREATE_DRAFT,
        &[],
        Some(&request),
        Some(cookie),
        StatusCode::CREATED,
    )
    .await
}

async fn put_draft(
    app: &TestApp,
    cookie: &str,
    id: i64,
    version: i64,
    answers: &Answers,
) -> TestResponse {
    let request = DraftUpdate {
        version,
        answers: answers.clone(),
    };
    app.call(&endpoints::SAVE_DRAFT, &[&id], Some(&request), Some(cookie))
        .await
}

async fn submit(
    app: &TestApp,
    cookie: &str,
    id: i64,
    version: i64,
    acknowledged: &[&str],
) -> TestResponse {
    let request = SubmitRequest {
        version,
        acknowledged_warnings: acknowledged.iter().map(|k| k.to_string()).collect(),
    };
    app.call(
        &endpoints::SUBMIT_DRAFT,
        &[&id],
        Some(&request),
        Some(cookie),
    )
    .await
}

fn submission(response: &TestResponse) -> Submission {
    serde_json::from_value(response.json()).unwrap()
}

async fn filings(app: &TestApp, cookie: &str) -> Vec<FilingSummary> {
    let response = app.get("/api/v1/filings", Some(cookie)).await;
    assert_eq!(response.status, StatusCode::OK, "{response:?}");
    let page: FilingPage = serde_json::from_value(response.json()).unwrap();
    assert_eq!(page.total as usize, page.items.len());
    assert_eq!((page.page, page.per_page), (1, 20));
    page.items
}

#[tokio::test]
async fn drafts_are_created_read_updated_and_deleted() {
    let app = spawn_app().await;
    let (_, clinic) = app.signed_in_as(hiroshima_clinic()).await;
    let mut answers = staff_change_answers("３４１０７１２３６２", "40");
    answers.insert("unknown_key".into(), json!("kept"));

    let draft = create_draft(&app, &clinic, "staff-change", &answers).await;
    assert_eq!(draft.version, 1);
    assert_eq!(draft.form_id, "staff-change");
    assert_eq!(draft.form_version, "2024");
    let def = forms::definition("staff-change").unwrap();
    assert_eq!(draft.title, def.title);
    // Stored exactly as sent: nothing normalised, nothing dropped.
    assert_eq!(draft.answers, answers);
    assert_eq!(draft.created_at, draft.updated_at);
    assert_eq!(draft.created_at, datetime!(2026-11-25 10:00 +9));
    assert_eq!(draft.created_at.offset(), todoke_core::service_hours::JST);

    let read = app
        .get(&format!("/api/v1/drafts/{}", draft.id), Some(&clinic))
        .await;
    assert_eq!(read.status, StatusCode::OK);
    let read: Draft = serde_json::from_value(read.json()).unwrap();
    assert_eq!(read, draft);

    app.clock.advance(Duration::minutes(3));
    answers.insert("contact_name".into(), json!("届出 次郎"));
    let saved = put_draft(&app, &clinic, draft.id, 1, &answers).await;
    assert_eq!(saved.status, StatusCode::OK, "{saved:?}");
    let saved: Draft = serde_json::from_value(saved.json()).unwrap();
    assert_eq!(saved.version, 2);
    assert_eq!(saved.answers["contact_name"], "届出 次郎");
    assert_eq!(saved.created_at, draft.created_at);
    assert_eq!(saved.updated_at, draft.created_at + Duration::minutes(3));

    let deleted = app
        .send(
            Method::DELETE,
            &format!("/api/v1/drafts/{}", draft.id),
            None,
            Some(&clinic),
        )
        .await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    assert!(deleted.body.is_empty());
    let gone = app
        .get(&format!("/api/v1/drafts/{}", draft.id), Some(&clinic))
        .await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
    assert_eq!(gone.api_error().code, ErrorCode::NotFound);
    assert_eq!(app.count("drafts").await, 0);
}

#[tokio::test]
async fn drafts_only_of_forms_the_account_may_file() {
    let app = spawn_app().await;
    let (_, clinic) = app.signed_in_as(hiroshima_clinic()).await;
    for (form_id, status, code) in [
        (
            "regional-support",
            StatusCode::FORBIDDEN,
            ErrorCode::FormNotAvailable,
        ),
        ("no-such-form", StatusCode::NOT_FOUND, ErrorCode::NotFound),
    ] {
        let response = app
            .send(
                Method::POST,
                "/api/v1/drafts",
                Some(json!({"form_id": form_id, "answers": {}})),
                Some(&clinic),
            )
            .await;
        assert_eq!(response.status, status, "{form_id}");
        assert_eq!(response.api_error().code, code, "{form_id}");
    }
    assert_eq!(app.count("drafts").await, 0);
}

#[tokio::test]
async fn a_stale_version_is_a_conflict_and_overwrites_nothing() {
    let app = spawn_app().await;
    let (_, clinic) = app.signed_in_as(hiroshima_clinic()).await;
    let answers = staff_change_answers("3410712362", "40");
    let draft = create_draft(&app, &clinic, "staff-change", &answers).await;

    // Tab A saves version 1 → 2.
    let mut tab_a = answers.clone();
    tab_a.insert("contact_name".into(), json!("タブ A"));
    let saved = put_draft(&app, &clinic, draft.id, 1, &tab_a).await;
    assert_eq!(saved.status, StatusCode::OK);

    // Tab B still holds version 1.
    let mut tab_b = answers.clone();
    tab_b.insert("contact_name".into(), json!("タブ B"));
    let conflict = put_draft(&app, &clinic, draft.id, 1, &tab_b).await;
    assert_eq!(conflict.status, StatusCode::CONFLICT);
    let error = conflict.api_error();
    assert_eq!(error.code, ErrorCode::DraftConflict);
    assert_eq!(error.message, ja::DRAFT_CONFLICT);
    // A version from the future is as stale as one from the past.
    let future = put_draft(&app, &clinic, draft.id, 7, &tab_b).await;
    assert_eq!(future.status, StatusCode::CONFLICT);

    let stored: Draft = serde_json::from_value(
        app.get(&format!("/api/v1/drafts/{}", draft.id), Some(&clinic))
            .await
            .json(),
    )
    .unwrap();
    assert_eq!(stored.version, 2);
    assert_eq!(stored.answers, tab_a);

    // Submitting with the stale version is refused too.
    let stale = submit(&app, &clinic, draft.id, 1, &[]).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert_eq!(stale.api_error().code, ErrorCode::DraftConflict);
    assert_eq!(app.count("submissions").await, 0);
}

#[tokio::test]
async fn an_invalid_submission_gets_the_issues_the_browser_shows() {
    let app = spawn_app().await;
    let (_, clinic) = app.signed_in_as(hiroshima_clinic()).await;
    // Full-time at 20 hours (below 32), no phone, a bad furigana… errors on several pages.
    let mut answers = staff_change_answers("3410712362", "20");
    answers.remove("contact_phone");
    answers["staff"][0]["furigana"] = json!("Yamada");
    let draft = create_draft(&app, &clinic, "staff-change", &answers).await;

    let response = submit(&app, &clinic, draft.id, 1, &[]).await;
    assert_eq!(
        response.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{response:?}"
    );
    let error = response.api_error();
    assert_eq!(error.code, ErrorCode::ValidationFailed);
    assert_eq!(error.message, ja::VALIDATION_FAILED);

    // The shared check, as the browser runs it with the bundle's context…
    let def = forms::definition("staff-change").unwrap();
    let report = forms::check(&def, &answers, &clinic_context());
    let mut expected: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for issue in report.errors() {
        expected
            .entry(issue.path.clone())
            .or_default()
            .push(issue.message.clone());
    }
    assert!(
        expected.contains_key("staff[0].weekly_hours"),
        "{expected:?}"
    );
    assert!(expected.contains_key("contact_phone"), "{expected:?}");
    assert!(expected.contains_key("staff[0].furigana"), "{expected:?}");
    assert_eq!(error.fields.0, expected);

    // …and the check endpoint, which the SPA calls before submitting, agree.
    let online: CheckReport = serde_json::from_value(
        app.send(
            Method::POST,
            "/api/v1/forms/staff-change/check",
            Some(json!({ "answers": answers })),
            Some(&clinic),
        )
        .await
        .json(),
    )
    .unwrap();
    assert_eq!(online, report);

    assert_eq!(app.count("submissions").await, 0);
    assert_eq!(app.count("arrival_counter").await, 0);
    // The draft is still a draft, unchanged, and can be fixed and submitted.
    let fixed = staff_change_answers("3410712362", "40");
    let saved = put_draft(&app, &clinic, draft.id, 1, &fixed).await;
    assert_eq!(saved.status, StatusCode::OK);
    let done = submit(&app, &clinic, draft.id, 2, &[]).await;
    assert_eq!(done.status, StatusCode::CREATED, "{done:?}");
}

#[tokio::test]
async fn warnings_must_be_acknowledged_before_submission() {
    let app = spawn_app().await;
    let (_, pharmacy) = app.signed_in_as(tokyo_pharmacy()).await;
    let answers = regional_support_answers("2", "18500", [60, 2, 40, 40, 0, 0, 0, 0, 0, 0]);
    let draft = create_draft(&app, &pharmacy, "regional-support", &answers).await;

    let def = forms::definition("regional-support").unwrap();
    let ctx = CheckContext::new(FeeScheduleClass::Pharmacy, date!(2026 - 11 - 25))
        .with_institution_code(InstitutionCode::parse("1340100039").unwrap());
    let report = forms::check(&def, &answers, &ctx);
    let warning = report.warnings().next().expect("a warning").clone();
    assert_eq!(warning.key(), "level_requirements_not_met@level");

    for acknowledged in [vec![], vec!["something_else@level"]] {
        let refused = submit(&app, &pharmacy, draft.id, 1, &acknowledged).await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{refused:?}"
        );
        let error = refused.api_error();
        assert_eq!(error.code, ErrorCode::ValidationFailed);
        let mut expected = BTreeMap::new();
        // The warning's lead, then each item it misses as a message of its own.
        let mut lines = vec![ja::submit_warning_not_acknowledged(&warning.message)];
        lines.extend(warning.details.iter().cloned());
        expected.insert("level".to_string(), lines);
        assert_eq!(error.fields.0, expected);
        assert!(error.fields.0["level"].len() > 2);
        assert!(
            error.fields.0["level"][1..]
                .iter()
                .any(|l| l.contains("74回以上必要"))
        );
    }
    assert_eq!(app.count("submissions").await, 0);

    let accepted = submit(&app, &pharmacy, draft.id, 1, &[&warning.key()]).await;
    assert_eq!(accepted.status, StatusCode::CREATED, "{accepted:?}");
    let s = submission(&accepted);
    assert_eq!(s.acknowledged_warnings, [warning.key()]);
    assert_eq!(s.status, FilingStatus::Submitted);
    assert_eq!(s.form_id, "regional-support");
}

#[tokio::test]
async fn a_submission_stores_normalised_answers_with_form_id_and_version() {
    let app = spawn_app().await;
    let (_, clinic) = app.signed_in_as(hiroshima_clinic()).await;
    let answers = staff_change_answers("３４１０７１２３６２", "40");
    let draft = create_draft(&app, &clinic, "staff-change", &answers).await;
    app.clock.advance(Duration::minutes(5));

    let response = submit(&app, &clinic, draft.id, 1, &[]).await;
    assert_eq!(response.status, StatusCode::CREATED, "{response:?}");
    let s = submission(&response);
    assert_eq!(s.form_id, "staff-change");
    assert_eq!(s.form_version, "2024");
    assert_eq!(s.title, forms::definition("staff-change").unwrap().title);
    assert_eq!(s.status, FilingStatus::Submitted);
    assert_eq!(response.json()["status"], "submitted");
    assert_eq!(s.answers["institution_code"], "3410712362");
    assert_eq!(s.answers["staff"][0]["furigana"], "ヤマダ　タロウ");
    assert_eq!(s.answers["staff"][0]["weekly_hours"], "40.0");
    let expected = forms::check(
        &forms::definition("staff-change").unwrap(),
        &answers,
        &clinic_context(),
    );
    assert_eq!(s.answers, expected.normalised);
    assert!(s.acknowledged_warnings.is_empty());
    assert_eq!(s.submitted_at, datetime!(2026-11-25 10:05 +9));
    assert_eq!(s.submitted_at.offset(), todoke_core::service_hours::JST);
    assert_eq!(s.arrival_number, "20261125-000001");

    // Readable afterwards, identical.
    let read = app
        .get(&format!("/api/v1/submissions/{}", s.id), Some(&clinic))
        .await;
    assert_eq!(read.status, StatusCode::OK);
    assert_eq!(submission(&read), s);

    // The draft row is now the record of the submission: it cannot change or go away.
    let path = format!("/api/v1/drafts/{}", draft.id);
    let put = put_draft(&app, &clinic, draft.id, 1, &answers).await;
    assert_eq!(put.status, StatusCode::CONFLICT);
    let error = put.api_error();
    assert_eq!(error.code, ErrorCode::DraftConflict);
    assert_eq!(error.message, ja::DRAFT_ALREADY_SUBMITTED);
    let delete = app.send(Method::DELETE, &path, None, Some(&clinic)).await;
    assert_eq!(delete.status, StatusCode::CONFLICT);
    assert_eq!(delete.api_error().message, ja::DRAFT_ALREADY_SUBMITTED);
    let get = app.get(&path, Some(&clinic)).await;
    assert_eq!(get.status, StatusCode::CONFLICT);
    assert_eq!(app.count("drafts").await, 1);
}

#[tokio::test]
async fn submitting_twice_gives_the_same_submission() {
    let app = spawn_app().await;
    let (_, clinic) = app.signed_in_as(hiroshima_clinic()).await;
    let draft = hiroshima_staff_change(&app, &clinic).await;
    let first = submit(&app, &clinic, draft.id, 1, &[]).await;
    assert_eq!(first.status, StatusCode::CREATED);
    app.clock.advance(Duration::seconds(2));
    let again = submit(&app, &clinic, draft.id, 1, &[]).await;
    assert_eq!(again.status, StatusCode::OK, "{again:?}");
    assert_eq!(submission(&again), submission(&first));
    // A version no draft can have is refused, submitted or not (the contract fuzz's case).
    let invalid = submit(&app, &clinic, draft.id, 0, &[]).await;
    assert_eq!(invalid.status, StatusCode::CONFLICT, "{invalid:?}");
    assert_eq!(app.count("submissions").await, 1);
    assert_eq!(app.count("arrival_counter").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_concurrent_double_submit_creates_one_submission() {
    let app = spawn_app().await;
    let (_, clinic) = app.signed_in_as(hiroshima_clinic()).await;
    let draft = hiroshima_staff_change(&app, &clinic).await;
    let (a, b) = tokio::join!(
        submit(&app, &clinic, draft.id, 1, &[]),
        submit(&app, &clinic, draft.id, 1, &[]),
    );
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(
        statuses,
        [StatusCode::OK, StatusCode::CREATED],
        "{a:?} {b:?}"
    );
    assert_eq!(submission(&a), submission(&b));
    assert_eq!(app.count("submissions").await, 1);
    assert_eq!(app.count("arrival_counter").await, 1);
}

#[tokio::test]
async fn arrival_numbers_are_unique_increasing_and_never_reused() {
    let app = spawn_app().await;
    let (_, clinic) = app.signed_in_as(hiroshima_clinic()).await;
    let (pharmacy_id, pharmacy) = app.signed_in_as(tokyo_pharmacy()).await;
    let staff = staff_change_answers("3410712362", "40");
    // Level 1 met at 24,000 prescriptions: ① 40.00, ② 1.25, ④ 20.00 per 10,000.
    let regional = regional_support_answers("1", "24000", [96, 3, 0, 48, 0, 0, 0, 0, 0, 0]);

    let mut numbers = Vec::new();
    for (cookie, form, answers) in [
        (&clinic, "staff-change", &staff),
        (&pharmacy, "regional-support", &regional),
        (&clinic, "staff-change", &staff),
    ] {
        let draft = create_draft(&app, cookie, form, answers).await;
        let response = submit(&app, cookie, draft.id, 1, &[]).await;
        assert_eq!(response.status, StatusCode::CREATED, "{response:?}");
        numbers.push(submission(&response).arrival_number);
    }
    assert_eq!(
        numbers,
        ["20261125-000001", "20261125-000002", "20261125-000003"]
    );

    // Even if the counter's rows were removed, a number is never issued again.
    sqlx::query("DELETE FROM arrival_counter")
        .execute(&app.state.pool)
        .await
        .unwrap();
    // After midnight in Japan (a new session: the old one has timed out) the date moves on.
    app.clock.set(datetime!(2026-11-25 15:30 UTC));
    let pharmacy = app.login(&pharmacy_id, NEW_PASSWORD).await.cookie();
    let draft = create_draft(&app, &pharmacy, "regional-support", &regional).await;
    let response = submit(&app, &pharmacy, draft.id, 1, &[]).await;
    assert_eq!(response.status, StatusCode::CREATED, "{response:?}");
    assert_eq!(submission(&response).arrival_number, "20261126-000004");
}

#[tokio::test]
async fn another_account_cannot_reach_a_draft_or_submission() {
    let app = spawn_app().await;
    let (_, owner) = app.signed_in_as(hiroshima_clinic()).await;
    let (_, other) = app.signed_in_as(tokyo_clinic()).await;
    let answers = staff_change_answers("3410712362", "40");
    let draft = create_draft(&app, &owner, "staff-change", &answers).await;
    let submitted = create_draft(&app, &owner, "staff-change", &answers).await;
    let s = submission(&submit(&app, &owner, submitted.id, 1, &[]).await);

    let not_found = |r: TestResponse, what: &str| {
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{what}: {r:?}");
        assert_eq!(r.api_error().code, ErrorCode::NotFound, "{what}");
    };
    for id in [draft.id, submitted.id, 999_999] {
        let path = format!("/api/v1/drafts/{id}");
        not_found(app.get(&path, Some(&other)).await, "get");
        not_found(put_draft(&app, &other, id, 1, &Answers::new()).await, "put");
        not_found(
            app.send(Method::DELETE, &path, None, Some(&other)).await,
            "delete",
        );
        not_found(submit(&app, &other, id, 1, &[]).await, "submit");
    }
    not_found(
        app.get(&format!("/api/v1/submissions/{}", s.id), Some(&other))
            .await,
        "submission",
    );
    not_found(
        app.get("/api/v1/submissions/999999", Some(&owner)).await,
        "guessed submission",
    );
    not_found(
        app.get("/api/v1/drafts/abc", Some(&owner)).await,
        "non-numeric id",
    );
    assert!(filings(&app, &other).await.is_empty());

    // The owner's draft is untouched.
    let mine: Draft = serde_json::from_value(
        app.get(&format!("/api/v1/drafts/{}", draft.id), Some(&owner))
            .await
            .json(),
    )
    .unwrap();
    assert_eq!(mine, draft);
    assert_eq!(app.count("submissions").await, 1);
}

#[tokio::test]
async fn reviewers_and_unchanged_passwords_are_refused() {
    let app = spawn_app().await;
    let (_, reviewer) = app.signed_in_reviewer().await;
    let (_, initial) = app.signed_in_applicant().await;
    let body = json!({"form_id": "staff-change", "answers": {}});
    for (cookie, code) in [
        (&reviewer, ErrorCode::Forbidden),
        (&initial, ErrorCode::PasswordChangeRequired),
    ] {
        let responses = [
            app.get("/api/v1/forms", Some(cookie)).await,
            app.get("/api/v1/forms/staff-change", Some(cookie)).await,
            app.send(
                Method::POST,
                "/api/v1/forms/staff-change/check",
                Some(json!({"answers": {}})),
                Some(cookie),
            )
            .await,
            app.send(
                Method::POST,
                "/api/v1/drafts",
                Some(body.clone()),
                Some(cookie),
            )
            .await,
            app.get("/api/v1/drafts/1", Some(cookie)).await,
            submit(&app, cookie, 1, 1, &[]).await,
            app.get("/api/v1/submissions/1", Some(cookie)).await,
            app.get("/api/v1/filings", Some(cookie)).await,
        ];
        for r in responses {
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{r:?}");
            assert_eq!(r.api_error().code, code);
        }
    }
    // Without a session: 401.
    let anonymous = app.get("/api/v1/filings", None).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    assert_eq!(app.count("drafts").await, 0);
}

#[tokio::test]
async fn the_filings_list_shows_drafts_and_submissions_newest_first_across_sign_ins() {
    let app = spawn_app().await;
    let (user_id, cookie) = app.signed_in_as(hiroshima_clinic()).await;
    assert!(filings(&app, &cookie).await.is_empty());
    let answers = staff_change_answers("3410712362", "40");

    let first = create_draft(&app, &cookie, "staff-change", &answers).await;
    app.clock.advance(Duration::minutes(1));
    let second = create_draft(&app, &cookie, "periodic-report-staffing", &Answers::new()).await;
    app.clock.advance(Duration::minutes(1));
    let sent = submission(&submit(&app, &cookie, first.id, 1, &[]).await);
    app.clock.advance(Duration::minutes(1));
    let third = create_draft(&app, &cookie, "staff-change", &Answers::new()).await;

    let list = filings(&app, &cookie).await;
    let summary: Vec<(FilingStatus, i64, Option<&str>)> = list
        .iter()
        .map(|f| (f.status, f.id, f.arrival_number.as_deref()))
        .collect();
    assert_eq!(
        summary,
        [
            (FilingStatus::Draft, third.id, None),
            (
                FilingStatus::Submitted,
                sent.id,
                Some(sent.arrival_number.as_str())
            ),
            (FilingStatus::Draft, second.id, None),
        ]
    );
    assert_eq!(list[0].title, third.title);
    assert_eq!(list[0].form_id, "staff-change");
    assert_eq!(list[1].updated_at, sent.submitted_at);
    assert_eq!(list[2].form_id, "periodic-report-staffing");
    assert_eq!(list[2].updated_at, second.updated_at);
    assert_eq!(
        list[2].title,
        forms::definition("periodic-report-staffing").unwrap().title
    );

    // Saving the oldest draft brings it to the top.
    app.clock.advance(Duration::minutes(1));
    let saved = put_draft(&app, &cookie, second.id, 1, &Answers::new()).await;
    assert_eq!(saved.status, StatusCode::OK);
    let list = filings(&app, &cookie).await;
    assert_eq!(list[0].id, second.id);
    assert_eq!(list[0].status, FilingStatus::Draft);

    // Drafts survive signing out and in again.
    let out = app
        .send(Method::DELETE, "/api/v1/session", None, Some(&cookie))
        .await;
    assert_eq!(out.status, StatusCode::NO_CONTENT, "{out:?}");
    assert_eq!(
        app.get("/api/v1/filings", Some(&cookie)).await.status,
        StatusCode::UNAUTHORIZED
    );
    let login = app.login(&user_id, NEW_PASSWORD).await;
    assert_eq!(login.status, StatusCode::OK, "{login:?}");
    let again = filings(&app, &login.cookie()).await;
    assert_eq!(again, list);
    let reopened = app
        .get(
            &format!("/api/v1/drafts/{}", third.id),
            Some(&login.cookie()),
        )
        .await;
    assert_eq!(reopened.status, StatusCode::OK);
}

#[tokio::test]
async fn a_500_row_staffing_table_fits_the_body_limit() {
    let app = spawn_app().await;
    let (_, cookie) = app.signed_in_as(hiroshima_clinic()).await;
    let rows: Vec<Value> = (0..500)
        .map(|i| {
            // Names at the field's limit of 30 characters.
            json!({
                "job_type": if i % 2 == 0 { "assistant_nurse" } else { "pharmacist" },
                "name": format!("{}{i:03}", "長谷川".repeat(9)),
                "employment": if i % 3 == 0 { "part_time" } else { "full_time" },
                "weekly_hours": if i % 3 == 0 { "20.5" } else { "40" },
            })
        })
        .collect();
    let mut answers = common_answers("3410712362", "広島内科クリニック");
    answers.insert("staff".into(), Value::Array(rows));
    let size = json!({"form_id": "periodic-report-staffing", "answers": answers})
        .to_string()
        .len();
    assert!(size > 64 * 1024, "{size}");
    let draft = create_draft(&app, &cookie, "periodic-report-staffing", &answers).await;
    assert_eq!(draft.answers["staff"].as_array().unwrap().len(), 500);
}
