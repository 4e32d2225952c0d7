//! The lists: the applicant's search with drafts, the bureau's queue limited to its
//! prefectures, filters, sorting and paging done by the server, and the CSV export.

use axum::http::{Method, StatusCode};
use serde_json::json;
use time::macros::datetime;
use todoke_core::api::{FilingPage, FilingStatus, Submission};
use todoke_core::lifecycle::Action;
use todoke_core::text::ja;
use todoke_core::{ErrorCode, RegionalBureau};

use super::helpers::{TestApp, hiroshima_clinic, osaka_clinic, tokyo_clinic};
use super::lifecycle::{act, answers_for, long_sessions_app, submit_new};

async fn page(app: &TestApp, cookie: &str, path: &str) -> FilingPage {
    let r = app.get(path, Some(cookie)).await;
    assert_eq!(r.status, StatusCode::OK, "{path}: {r:?}");
    serde_json::from_value(r.json()).unwrap()
}

fn numbers(p: &FilingPage) -> Vec<String> {
    p.items
        .iter()
        .map(|f| f.arrival_number.clone().unwrap_or_else(|| "draft".into()))
        .collect()
}

#[tokio::test]
async fn a_reviewer_sees_only_its_bureaus_prefectures() {
    let app = long_sessions_app().await;
    let (_, tokyo) = app.signed_in_as(tokyo_clinic()).await;
    let (_, osaka) = app.signed_in_as(osaka_clinic()).await;
    let (_, hiroshima) = app.signed_in_as(hiroshima_clinic()).await;
    let (_, kanto) = app.signed_in_reviewer().await;
    let (_, kinki) = app
        .signed_in_reviewer_of("REVIEWER02", RegionalBureau::Kinki)
        .await;
    let t = submit_new(&app, &tokyo, &answers_for(&tokyo_clinic(), "40")).await;
    let o = submit_new(&app, &osaka, &answers_for(&osaka_clinic(), "40")).await;
    let _h = submit_new(&app, &hiroshima, &answers_for(&hiroshima_clinic(), "40")).await;

    let queue = page(&app, &kinki, "/api/v1/review/filings").await;
    assert_eq!(queue.total, 1);
    assert_eq!(queue.items[0].id, o.id);
    let inst = queue.items[0].institution.as_ref().unwrap();
    assert_eq!(inst.name, "なにわ内科");
    assert_eq!(inst.prefecture.bureau(), RegionalBureau::Kinki);
    let queue = page(&app, &kanto, "/api/v1/review/filings").await;
    assert_eq!(queue.total, 1);
    assert_eq!(queue.items[0].id, t.id);

    // 近畿 cannot read or act on 関東信越's filing: 404, as if it did not exist.
    let r = app
        .get(&format!("/api/v1/review/filings/{}", t.id), Some(&kinki))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    for action in [
        Action::Receive,
        Action::StartReview,
        Action::Return,
        Action::Accept,
        Action::Reject,
    ] {
        let r = act(&app, &kinki, action, t.id).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{action:?}");
        assert_eq!(r.api_error().code, ErrorCode::NotFound);
    }
    let csv = app.get("/api/v1/review/filings.csv", Some(&kinki)).await;
    let text = String::from_utf8(csv.body.to_vec()).unwrap();
    assert!(text.contains(&o.arrival_number));
    assert!(!text.contains(&t.arrival_number));
    // The Tokyo filing is untouched; its own bureau can act.
    assert_eq!(
        act(&app, &kanto, Action::Receive, t.id).await.status,
        StatusCode::OK
    );
    // Applicants have no queue.
    assert_eq!(
        app.get("/api/v1/review/filings", Some(&tokyo)).await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn search_filters_sorting_and_paging() {
    let app = long_sessions_app().await;
    let clinic = tokyo_clinic();
    let (_, cookie) = app.signed_in_as(clinic.clone()).await;
    let (_, reviewer) = app.signed_in_reviewer().await;
    let mut sent: Vec<Submission> = Vec::new();
    for _ in 0..3 {
        sent.push(submit_new(&app, &cookie, &answers_for(&clinic, "40")).await);
        app.clock.advance(time::Duration::minutes(1));
    }
    app.clock.set(datetime!(2026-11-27 09:00 +9));
    for _ in 0..2 {
        sent.push(submit_new(&app, &cookie, &answers_for(&clinic, "40")).await);
        app.clock.advance(time::Duration::minutes(1));
    }
    // One unsent draft of another procedure, saved last.
    let draft = app
        .send(
            Method::POST,
            "/api/v1/drafts",
            Some(json!({"form_id": "periodic-report-staffing", "answers": {}})),
            Some(&cookie),
        )
        .await;
    assert_eq!(draft.status, StatusCode::CREATED);
    act(&app, &reviewer, Action::Receive, sent[1].id).await;

    let all = page(&app, &cookie, "/api/v1/filings").await;
    assert_eq!(all.total, 6);
    assert_eq!(all.items[0].status, FilingStatus::Draft);
    let arrivals: Vec<String> = sent.iter().map(|s| s.arrival_number.clone()).collect();
    assert_eq!(
        numbers(&all)[1..],
        arrivals.iter().rev().cloned().collect::<Vec<_>>()[..]
    );

    // Pages of two, newest first; the last page is short; past the end is empty.
    let p1 = page(&app, &cookie, "/api/v1/filings?per_page=2").await;
    let p3 = page(&app, &cookie, "/api/v1/filings?per_page=2&page=3").await;
    let p4 = page(&app, &cookie, "/api/v1/filings?per_page=2&page=4").await;
    assert_eq!(
        (p1.total, p1.items.len(), p1.page, p1.per_page),
        (6, 2, 1, 2)
    );
    assert_eq!(numbers(&p3), [arrivals[1].clone(), arrivals[0].clone()]);
    assert!(p4.items.is_empty());
    assert_eq!(p4.total, 6);

    // Oldest first, and by arrival number (drafts last).
    let asc = page(
        &app,
        &cookie,
        "/api/v1/filings?sort=submitted_at&procedure=staff-change",
    )
    .await;
    assert_eq!(numbers(&asc), arrivals);
    let by_number = page(&app, &cookie, "/api/v1/filings?sort=arrival_number").await;
    assert_eq!(numbers(&by_number)[..5], arrivals[..]);
    assert_eq!(numbers(&by_number)[5], "draft");

    // Filters.
    let from = page(&app, &cookie, "/api/v1/filings?submitted_from=2026-11-26").await;
    assert_eq!(numbers(&from), [arrivals[4].clone(), arrivals[3].clone()]);
    let to = page(&app, &cookie, "/api/v1/filings?submitted_to=2026-11-25").await;
    assert_eq!(to.total, 3);
    let day = page(
        &app,
        &cookie,
        "/api/v1/filings?submitted_from=2026-11-27&submitted_to=2026-11-27",
    )
    .await;
    assert_eq!(day.total, 2);
    // Dates typed the way people write them (the list page sends what was typed).
    for typed in ["2026/11/27", "2026年11月27日", "２０２６－１１－２７"] {
        let typed: String = typed
            .bytes()
            .map(|b| match b {
                b'0'..=b'9' | b'-' | b'/' => char::from(b).to_string(),
                _ => format!("%{b:02X}"),
            })
            .collect();
        let same_day = page(
            &app,
            &cookie,
            &format!("/api/v1/filings?submitted_from={typed}&submitted_to={typed}"),
        )
        .await;
        assert_eq!(same_day.total, 2, "{typed}");
    }
    let drafts = page(&app, &cookie, "/api/v1/filings?status=draft").await;
    assert_eq!(drafts.total, 1);
    assert_eq!(drafts.items[0].form_id, "periodic-report-staffing");
    let received = page(&app, &cookie, "/api/v1/filings?status=received").await;
    assert_eq!(numbers(&received), [arrivals[1].clone()]);
    let procedure = page(&app, &cookie, "/api/v1/filings?procedure=staff-change").await;
    assert_eq!(procedure.total, 5);
    let number = page(
        &app,
        &cookie,
        &format!("/api/v1/filings?arrival_number={}", &arrivals[3][9..]),
    )
    .await;
    assert_eq!(numbers(&number), [arrivals[3].clone()]);
    let prefix = page(&app, &cookie, "/api/v1/filings?arrival_number=20261127").await;
    assert_eq!(prefix.total, 2);

    // The queue takes the same parameters.
    let q = page(
        &app,
        &reviewer,
        "/api/v1/review/filings?status=submitted&sort=submitted_at&per_page=3",
    )
    .await;
    assert_eq!(q.total, 4);
    assert_eq!(
        numbers(&q),
        [
            arrivals[0].clone(),
            arrivals[2].clone(),
            arrivals[3].clone()
        ]
    );
    assert!(
        q.items
            .iter()
            .all(|f| f.next_actor_label == ja::ACTOR_REVIEWER)
    );

    // Parameters that do not parse are 422, keyed by name.
    let r = app
        .get(
            "/api/v1/filings?per_page=101&page=0&status=lost&submitted_from=11/25&sort=title",
            Some(&cookie),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let error = r.api_error();
    for name in ["per_page", "page", "status", "submitted_from", "sort"] {
        assert!(error.fields.get(name).is_some(), "{name}: {error:?}");
    }
}

#[tokio::test]
async fn the_csv_export_has_a_bom_and_a_japanese_header() {
    let app = long_sessions_app().await;
    let clinic = tokyo_clinic();
    let (_, cookie) = app.signed_in_as(clinic.clone()).await;
    let (_, reviewer) = app.signed_in_reviewer().await;
    let s = submit_new(&app, &cookie, &answers_for(&clinic, "40")).await;
    let other = submit_new(&app, &cookie, &answers_for(&clinic, "40")).await;
    act(&app, &reviewer, Action::Receive, other.id).await;

    let r = app
        .get(
            "/api/v1/review/filings.csv?status=submitted",
            Some(&reviewer),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{r:?}");
    assert_eq!(
        r.header("content-type").as_deref(),
        Some("text/csv; charset=utf-8")
    );
    assert!(
        r.header("content-disposition")
            .unwrap()
            .starts_with("attachment")
    );
    assert_eq!(&r.body[..3], b"\xEF\xBB\xBF");
    let text = std::str::from_utf8(&r.body[3..]).unwrap();
    let lines: Vec<&str> = text.split("\r\n").collect();
    let header: Vec<String> = ja::CSV_HEADER.iter().map(|h| format!("\"{h}\"")).collect();
    assert_eq!(lines[0], header.join(","));
    assert!(lines[0].starts_with("\"到達番号\",\"提出日時\""));
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[1].starts_with(&format!("\"{}\",\"2026-11-25 10:00\"", s.arrival_number)));
    assert!(lines[1].contains("\"提出済\""));
    assert!(lines[1].contains("\"とどけ内科\""));
    assert!(lines[1].contains("\"東京都\""));
    assert_eq!(lines[2], "");
    // Applicants cannot export the queue.
    assert_eq!(
        app.get("/api/v1/review/filings.csv", Some(&cookie))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}
