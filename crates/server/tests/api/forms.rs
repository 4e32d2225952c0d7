//! The form catalogue and the online 形式チェック: which forms an account sees, the context the
//! server checks with, and that the check endpoint answers exactly what the shared check does.

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use time::macros::{date, datetime};
use todoke_core::api::{FormBundle, FormSummary};
use todoke_core::forms::{self, Answers, CheckContext, CheckReport};
use todoke_core::text::ja;
use todoke_core::{ErrorCode, FeeScheduleClass, InstitutionCode};
use todoke_server::config::MonthDay;

use super::helpers::{hiroshima_clinic, spawn_app, spawn_app_with, tokyo_pharmacy};

/// Answers to 地域支援体制加算 for the Tokyo pharmacy, with the achievement counts in item order.
pub fn regional_support_answers(level: &str, prescriptions: &str, counts: [i64; 10]) -> Answers {
    let mut a = common_answers("1340100039", "とどけ薬局");
    a.insert("basic_fee_class".into(), json!("basic_1"));
    a.insert("level".into(), json!(level));
    a.insert("prescriptions_last_year".into(), json!(prescriptions));
    for (item, n) in forms::regional_support::RULES_2024.items.iter().zip(counts) {
        a.insert(item.id.into(), json!(n.to_string()));
    }
    a
}

/// The common pages of a facility filing, valid on the test clock's day (2026-11-25).
pub fn common_answers(code: &str, name: &str) -> Answers {
    object(json!({
        "institution_code": code,
        "contact_name": "届出 花子",
        "contact_phone": "03-1234-5678",
        "declaration_no_improper_filing": true,
        "declaration_no_notice_violation": true,
        "declaration_no_inspection_findings": true,
        "declaration_no_staffing_shortfall": true,
        "filing_date": "2026-11-25",
        "institution_name": name,
        "institution_postal_code": "730-0011",
        "institution_address": "広島県広島市中区基町1-1",
        "founder_name": "医療法人とどけ会 理事長 届出 太郎",
    }))
}

pub fn object(v: Value) -> Answers {
    match v {
        Value::Object(m) => m,
        other => panic!("not an object: {other}"),
    }
}

/// The context the server should check with for the Tokyo pharmacy on `today`.
fn pharmacy_context(today: time::Date) -> CheckContext {
    CheckContext::new(FeeScheduleClass::Pharmacy, today)
        .with_institution_code(InstitutionCode::parse("1340100039").unwrap())
}

#[tokio::test]
async fn the_forms_listed_depend_on_the_class() {
    let app = spawn_app().await;
    let (_, pharmacy) = app.signed_in_as(tokyo_pharmacy()).await;
    let (_, clinic) = app.signed_in_as(hiroshima_clinic()).await;

    let response = app.get("/api/v1/forms", Some(&pharmacy)).await;
    assert_eq!(response.status, StatusCode::OK, "{response:?}");
    let listed: Vec<FormSummary> = serde_json::from_value(response.json()).unwrap();
    let expected: Vec<FormSummary> = forms::forms_for(FeeScheduleClass::Pharmacy)
        .into_iter()
        .map(|d| FormSummary {
            page_count: d.pages.len(),
            id: d.id,
            version: d.version,
            title: d.title,
            description: d.description,
        })
        .collect();
    assert_eq!(listed, expected);
    assert!(
        listed
            .iter()
            .any(|f| f.id == forms::FORM_REGIONAL_SUPPORT && f.version == "2024")
    );
    assert!(listed.iter().all(|f| f.page_count > 0));

    let response = app.get("/api/v1/forms", Some(&clinic)).await;
    let listed: Vec<FormSummary> = serde_json::from_value(response.json()).unwrap();
    let ids: Vec<&str> = listed.iter().map(|f| f.id.as_str()).collect();
    assert!(ids.contains(&forms::FORM_STAFF_CHANGE), "{ids:?}");
    assert!(
        ids.contains(&forms::FORM_PERIODIC_REPORT_STAFFING),
        "{ids:?}"
    );
    assert!(!ids.contains(&forms::FORM_REGIONAL_SUPPORT), "{ids:?}");

    // A clinic asking for the pharmacy form: 403, with its own code; an unknown id: 404.
    let refused = app
        .get("/api/v1/forms/regional-support", Some(&clinic))
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let error = refused.api_error();
    assert_eq!(error.code, ErrorCode::FormNotAvailable);
    assert_eq!(error.message, ja::FORM_NOT_AVAILABLE);
    let check = app
        .send(
            Method::POST,
            "/api/v1/forms/regional-support/check",
            Some(json!({"answers": {}})),
            Some(&clinic),
        )
        .await;
    assert_eq!(check.status, StatusCode::FORBIDDEN);
    assert_eq!(check.api_error().code, ErrorCode::FormNotAvailable);
    let unknown = app.get("/api/v1/forms/no-such-form", Some(&clinic)).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.api_error().code, ErrorCode::NotFound);
}

#[tokio::test]
async fn the_bundle_carries_the_servers_check_context() {
    let app = spawn_app().await;
    // 20:00 UTC on the 24th is already the 25th in Japan.
    app.clock.set(datetime!(2026-11-24 20:00 UTC));
    let (_, pharmacy) = app.signed_in_as(tokyo_pharmacy()).await;
    let response = app
        .get("/api/v1/forms/regional-support", Some(&pharmacy))
        .await;
    assert_eq!(response.status, StatusCode::OK, "{response:?}");
    let bundle: FormBundle = serde_json::from_value(response.json()).unwrap();
    assert_eq!(
        bundle.definition,
        forms::definition(forms::FORM_REGIONAL_SUPPORT).unwrap()
    );
    assert_eq!(bundle.context, pharmacy_context(date!(2026 - 11 - 25)));
    assert_eq!(bundle.context.class, FeeScheduleClass::Pharmacy);
    assert_eq!(
        bundle.context.institution_code.as_ref().map(|c| c.as_str()),
        Some("1340100039")
    );
    assert_eq!(bundle.context.periodic_report_as_of, date!(2026 - 08 - 01));
    let json = response.json();
    assert_eq!(json["context"]["today"], "2026-11-25");
    assert_eq!(json["context"]["class"], "pharmacy");
}

#[tokio::test]
async fn today_turns_at_midnight_in_japan() {
    let app = spawn_app().await;
    app.clock.set(datetime!(2026-11-24 14:59 UTC));
    let (_, clinic) = app.signed_in_as(hiroshima_clinic()).await;
    let today = |response: super::helpers::TestResponse| {
        let bundle: FormBundle = serde_json::from_value(response.json()).unwrap();
        bundle.context.today
    };
    let before = app.get("/api/v1/forms/staff-change", Some(&clinic)).await;
    assert_eq!(today(before), date!(2026 - 11 - 24));
    app.clock.advance(time::Duration::minutes(1));
    let after = app.get("/api/v1/forms/staff-change", Some(&clinic)).await;
    assert_eq!(today(after), date!(2026 - 11 - 25));
}

#[tokio::test]
async fn the_periodic_report_as_of_date_is_configurable() {
    let app = spawn_app_with(|c| c.periodic_report_as_of = MonthDay::parse("07-01")).await;
    let (_, clinic) = app.signed_in_as(hiroshima_clinic()).await;
    let response = app
        .get("/api/v1/forms/periodic-report-staffing", Some(&clinic))
        .await;
    assert_eq!(response.status, StatusCode::OK, "{response:?}");
    let bundle: FormBundle = serde_json::from_value(response.json()).unwrap();
    assert_eq!(bundle.context.periodic_report_as_of, date!(2026 - 07 - 01));
    assert_eq!(bundle.context.class, FeeScheduleClass::Medical);
    assert_eq!(
        bundle.context.institution_code.unwrap().as_str(),
        "3410712362"
    );
}

#[tokio::test]
async fn the_check_endpoint_answers_exactly_the_shared_check() {
    let app = spawn_app().await;
    let (_, pharmacy) = app.signed_in_as(tokyo_pharmacy()).await;
    // Level 2 needs 8 items; 60 night cases in 18,500 prescriptions are 32.43 per 10,000.
    let answers = regional_support_answers("2", "18,500", [60, 2, 40, 40, 0, 0, 0, 0, 0, 0]);
    let response = app
        .send(
            Method::POST,
            "/api/v1/forms/regional-support/check",
            Some(json!({ "answers": answers })),
            Some(&pharmacy),
        )
        .await;
    assert_eq!(response.status, StatusCode::OK, "{response:?}");

    let def = forms::definition(forms::FORM_REGIONAL_SUPPORT).unwrap();
    let expected = forms::check(&def, &answers, &pharmacy_context(date!(2026 - 11 - 25)));
    assert_eq!(response.json(), serde_json::to_value(&expected).unwrap());

    let report: CheckReport = serde_json::from_value(response.json()).unwrap();
    let night = report.computed_value("per_10k.night_holiday").unwrap();
    assert_eq!(night.result, "32.43");
    assert_eq!(night.met, Some(false));
    assert!(!report.has_errors());
    let warnings: Vec<String> = report.warnings().map(|w| w.key()).collect();
    assert_eq!(warnings, ["level_requirements_not_met@level"]);
    assert!(
        report
            .warnings()
            .next()
            .unwrap()
            .details
            .iter()
            .any(|line| line.contains("74回以上必要"))
    );
    assert_eq!(report.normalised["prescriptions_last_year"], "18500");

    // Nothing is stored by a check.
    assert_eq!(app.count("drafts").await, 0);
}

#[tokio::test]
async fn the_check_endpoint_needs_an_answers_object() {
    let app = spawn_app().await;
    let (_, clinic) = app.signed_in_as(hiroshima_clinic()).await;
    for body in [json!({}), json!({"answers": []}), json!({"answers": "x"})] {
        let response = app
            .send(
                Method::POST,
                "/api/v1/forms/staff-change/check",
                Some(body.clone()),
                Some(&clinic),
            )
            .await;
        assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(response.api_error().code, ErrorCode::ValidationFailed);
    }
    // Empty answers are a report full of "required", not a failure.
    let response = app
        .send(
            Method::POST,
            "/api/v1/forms/staff-change/check",
            Some(json!({"answers": {}})),
            Some(&clinic),
        )
        .await;
    assert_eq!(response.status, StatusCode::OK);
    let report: CheckReport = serde_json::from_value(response.json()).unwrap();
    assert!(report.has_errors());
    assert!(report.errors().any(|i| i.code == "required"));
}

/// Rows beyond a group's declared maximum are refused before any check (422 naming the limit),
/// on the check endpoint and when a draft is saved or submitted, so a small request cannot
/// make a huge answer.
#[tokio::test]
async fn rows_beyond_the_forms_maximum_are_refused_before_checking() {
    use super::drafts::{create_draft, staff_change_answers};

    let app = spawn_app().await;
    let (_, cookie) = app.signed_in_as(hiroshima_clinic()).await;
    let max = forms::definition("staff-change")
        .unwrap()
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .find_map(|i| match i {
            forms::Item::Group(g) if g.id == "staff" => Some(g.max_rows),
            _ => None,
        })
        .unwrap();
    assert_eq!(max, 50);
    let mut answers = staff_change_answers("3410712362", "40");
    let row = answers["staff"][0].clone();
    let message = ja::forms::group_too_many_rows(ja::forms::STAFF_CHANGE_GROUP, max, 2000);

    answers.insert("staff".into(), json!(vec![row.clone(); 2000]));
    let response = check_staff_change(&app, &cookie, &answers).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.body.len() < 2_000, "{} bytes", response.body.len());
    let error = response.api_error();
    assert_eq!(error.code, ErrorCode::ValidationFailed);
    assert_eq!(
        error.fields.get("staff").unwrap(),
        std::slice::from_ref(&message)
    );

    let drafts = app.count("drafts").await;
    let create = app
        .send(
            Method::POST,
            "/api/v1/drafts",
            Some(json!({"form_id": "staff-change", "answers": answers})),
            Some(&cookie),
        )
        .await;
    assert_eq!(create.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("drafts").await, drafts);

    let small = staff_change_answers("3410712362", "40");
    let draft = create_draft(&app, &cookie, "staff-change", &small).await;
    let update = app
        .send(
            Method::PUT,
            &format!("/api/v1/drafts/{}", draft.id),
            Some(json!({"version": draft.version, "answers": answers})),
            Some(&cookie),
        )
        .await;
    assert_eq!(update.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(update.api_error().fields.get("staff").unwrap(), &[message]);

    // Exactly the maximum is checked as usual.
    answers.insert("staff".into(), json!(vec![row; max]));
    let response = check_staff_change(&app, &cookie, &answers).await;
    assert_eq!(response.status, StatusCode::OK, "{response:?}");
}

async fn check_staff_change(
    app: &super::helpers::TestApp,
    cookie: &str,
    answers: &Answers,
) -> super::helpers::TestResponse {
    app.send(
        Method::POST,
        "/api/v1/forms/staff-change/check",
        Some(json!({ "answers": answers })),
        Some(cookie),
    )
    .await
}
