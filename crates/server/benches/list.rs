//! List search over 100,000 submissions (issue 4): p50/p99 latency per page through the real
//! HTTP path (router + middleware + session + SQL), for one applicant and for a reviewer of
//! 関東信越. Run with `nice cargo bench -p todoke-server --bench list`.
//!
//! Env: `LIST_BENCH_ROWS` (default 100000), `LIST_BENCH_ITERS` (default 200),
//! `LIST_BENCH_MAX_SECS` per case (default 8; a case stops early and reports its n).
//!
//! Prints `TODOKE_BENCH_MARKDOWN` and then a Markdown table for docs/benchmarks.md.

mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use sqlx::Connection;
use todoke_server::accounts::{self, NewApplicant};
use todoke_server::{AppState, Config, SystemClock, app, build_state};
use tower::ServiceExt;

const NEW_PASSWORD: &str = "Kx7#mQ2!vRt9";

async fn send(
    router: &Router,
    method: Method,
    path: &str,
    body: Option<Value>,
    cookie: Option<&str>,
) -> (StatusCode, Option<String>, Vec<u8>) {
    let mut b = Request::builder()
        .method(method)
        .uri(path)
        .header(header::HOST, "127.0.0.1:8080")
        .header("x-requested-with", "todoke");
    if let Some(c) = cookie {
        b = b.header(header::COOKIE, c);
    }
    let body = match body {
        Some(v) => {
            b = b.header(header::CONTENT_TYPE, "application/json");
            Body::from(v.to_string())
        }
        None => Body::empty(),
    };
    let resp = router.clone().oneshot(b.body(body).unwrap()).await.unwrap();
    let status = resp.status();
    let cookie = resp
        .headers()
        .get(header::SET_COOKIE)
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_string());
    let bytes = resp
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    (status, cookie, bytes)
}

async fn full_session(router: &Router, user_id: &str, initial: &str) -> String {
    let (s, cookie, body) = send(
        router,
        Method::POST,
        "/api/v1/session",
        Some(json!({"user_id": user_id, "password": initial})),
        None,
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    let (s, cookie, body) = send(router, Method::PUT, "/api/v1/account/password",
        Some(json!({"current_password": initial, "new_password": NEW_PASSWORD, "new_password_confirmation": NEW_PASSWORD})),
        cookie.as_deref()).await;
    assert_eq!(s, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    cookie.expect("new session cookie")
}

/// Five extra applicant accounts by SQL (ids 1001..=1007), prefectures in and out of 関東信越.
async fn seed(state: &AppState, me: i64, rows: u64) {
    let pool = &state.pool;
    // (id, prefecture code): 13 東京, 14 神奈川, 11 埼玉, 27 大阪, 34 広島, 1 北海道, 12 千葉.
    let others = [
        (1001, 13),
        (1002, 14),
        (1003, 11),
        (1004, 27),
        (1005, 34),
        (1006, 1),
        (1007, 12),
    ];
    for (id, pref) in others {
        sqlx::query(
            "INSERT INTO accounts (id, user_id, role, password_hash, must_change_password,
               institution_code, fee_schedule_class, institution_name, prefecture, created_at)
             VALUES ($1, $2, 'applicant', 'x', 0, $3, 'medical', $4, $5, 1700000000)",
        )
        .bind(id)
        .bind(format!("BENCH{id}"))
        .bind(format!("{:02}1{id:07}", pref))
        .bind(format!("ベンチ医院{id}"))
        .bind(pref)
        .execute(pool)
        .await
        .expect("account");
    }
    // One year up to 2026-11-25 00:00 JST (1795964400), spread evenly, with a little jitter.
    let end: i64 = 1_795_964_400;
    let start = end - 365 * 86_400;
    let chunk: u64 = 25_000;
    // Drafts and submissions reference each other; with the foreign-key checks on, every
    // inserted submission would scan the (unindexed) drafts.submission_id: quadratic. The
    // rows are consistent by construction, so this connection seeds them with the checks off.
    let mut conn = pool.acquire().await.unwrap();
    sqlx::query("PRAGMA foreign_keys = OFF")
        .execute(&mut *conn)
        .await
        .unwrap();
    let mut lo = 1u64;
    while lo <= rows {
        let hi = (lo + chunk - 1).min(rows);
        let mut tx = conn.begin().await.unwrap();
        let acct = format!("CASE i % 8 WHEN 0 THEN {me} ELSE 1000 + i % 8 END");
        let t = format!(
            "({start} + i * {} / {rows} + (i * 7919) % 3600)",
            end - start - 3600
        );
        sqlx::query(&format!(
            "WITH RECURSIVE n(i) AS (SELECT {lo} UNION ALL SELECT i + 1 FROM n WHERE i < {hi})
             INSERT INTO submissions (id, account_id, draft_id, arrival_number, form_id, form_version,
                                      title, answers, acknowledged_warnings, status, submitted_at,
                                      content_sha256)
             SELECT i, {acct}, i,
                    strftime('%Y%m%d', {t} + 32400, 'unixepoch') || '-' || printf('%06d', i),
                    'staff-change', '2026-06', '従事者変更届', '{{\"name\":\"ベンチ\"}}', '[]',
                    CASE (i * 31) % 7 WHEN 0 THEN 'submitted' WHEN 1 THEN 'received'
                      WHEN 2 THEN 'under_review' WHEN 3 THEN 'returned' WHEN 4 THEN 'accepted'
                      WHEN 5 THEN 'rejected' ELSE 'withdrawn' END,
                    {t}, printf('%064d', i)
             FROM n"
        ))
        .execute(&mut *tx)
        .await
        .expect("submissions");
        sqlx::query(&format!(
            "WITH RECURSIVE n(i) AS (SELECT {lo} UNION ALL SELECT i + 1 FROM n WHERE i < {hi})
             INSERT INTO drafts (id, account_id, form_id, form_version, answers, version,
                                 created_at, updated_at, submitted_at, submission_id)
             SELECT i, {acct}, 'staff-change', '2026-06', '{{}}', 1, {t}, {t}, {t}, i FROM n"
        ))
        .execute(&mut *tx)
        .await
        .expect("drafts");
        tx.commit().await.unwrap();
        lo = hi + 1;
    }
    sqlx::query("PRAGMA foreign_keys = ON")
        .execute(&mut *conn)
        .await
        .unwrap();
    drop(conn);
    sqlx::query("INSERT INTO arrival_counter (id, issued_at) VALUES ($1, 0)")
        .bind(rows as i64)
        .execute(pool)
        .await
        .unwrap();
    sqlx::query("ANALYZE").execute(pool).await.unwrap();
}

struct Row {
    scope: &'static str,
    case: &'static str,
    query: &'static str,
    n: usize,
    p50: Duration,
    p99: Duration,
    total: u64,
    items: usize,
}

fn pct(sorted: &[Duration], p: f64) -> Duration {
    let idx = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[idx.saturating_sub(1).min(sorted.len() - 1)]
}

fn main() {
    support::run(run());
}

async fn run() {
    let rows = support::env_num("LIST_BENCH_ROWS", 100_000);
    let iters = support::env_num("LIST_BENCH_ITERS", 200) as usize;
    let max = Duration::from_secs(support::env_num("LIST_BENCH_MAX_SECS", 8));
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let state = build_state(Config::for_tests(&url), Arc::new(SystemClock))
        .await
        .expect("state");
    let router = app(state.clone());

    let applicant = accounts::create_applicant(
        &state,
        NewApplicant {
            institution_code: "1310100019".into(),
            class: "医科".into(),
            institution_name: "とどけ内科".into(),
            prefecture: "東京都".into(),
        },
    )
    .await
    .expect("applicant");
    let me: i64 = sqlx::query_scalar("SELECT id FROM accounts WHERE user_id = $1")
        .bind(&applicant.user_id)
        .fetch_one(&state.pool)
        .await
        .unwrap();
    let reviewer = accounts::create_reviewer(
        &state,
        "REVIEWER01",
        "関東信越厚生局 審査担当",
        todoke_core::RegionalBureau::KantoShinetsu,
        None,
    )
    .await
    .expect("reviewer");

    let t0 = Instant::now();
    seed(&state, me, rows).await;
    eprintln!(
        "seeded {rows} submissions in {:.1}s",
        t0.elapsed().as_secs_f64()
    );

    let app_cookie = full_session(&router, &applicant.user_id, &applicant.initial_password).await;
    let rev_cookie = full_session(&router, &reviewer.user_id, &reviewer.initial_password).await;

    let cases: [(&str, &str); 8] = [
        ("page 1, default sort, 20/page", ""),
        ("page 1, 100/page", "per_page=100"),
        ("page 200, 20/page", "page=200"),
        ("status = under_review", "status=under_review"),
        (
            "date range (March 2026)",
            "submitted_from=2026-03-01&submitted_to=2026-03-31",
        ),
        ("arrival number contains 4242", "arrival_number=4242"),
        ("sort by arrival number", "sort=arrival_number"),
        (
            "status + date range, 100/page",
            "status=accepted&submitted_from=2026-01-01&submitted_to=2026-06-30&per_page=100",
        ),
    ];
    let mut out = Vec::new();
    for (scope, base, cookie) in [
        ("applicant", "/api/v1/filings", app_cookie.as_str()),
        (
            "reviewer 関東信越",
            "/api/v1/review/filings",
            rev_cookie.as_str(),
        ),
    ] {
        for (case, query) in cases {
            let path = if query.is_empty() {
                base.to_string()
            } else {
                format!("{base}?{query}")
            };
            let mut last = Vec::new();
            for _ in 0..10 {
                let (s, _, body) = send(&router, Method::GET, &path, None, Some(cookie)).await;
                assert_eq!(
                    s,
                    StatusCode::OK,
                    "{path}: {}",
                    String::from_utf8_lossy(&body)
                );
                last = body;
            }
            let page: Value = serde_json::from_slice(&last).unwrap();
            let total = page["total"].as_u64().unwrap();
            let items = page["items"].as_array().unwrap().len();
            let mut times = Vec::with_capacity(iters);
            let case_start = Instant::now();
            while times.len() < iters && (times.len() < 20 || case_start.elapsed() < max) {
                let t = Instant::now();
                let (s, _, _) = send(&router, Method::GET, &path, None, Some(cookie)).await;
                times.push(t.elapsed());
                assert_eq!(s, StatusCode::OK);
            }
            times.sort();
            let row = Row {
                scope,
                case,
                query,
                n: times.len(),
                p50: pct(&times, 50.0),
                p99: pct(&times, 99.0),
                total,
                items,
            };
            println!(
                "BENCH scope=\"{}\" case=\"{}\" query=\"{}\" n={} p50_ms={:.2} p99_ms={:.2} matched={} items={}",
                row.scope,
                row.case,
                row.query,
                row.n,
                row.p50.as_secs_f64() * 1e3,
                row.p99.as_secs_f64() * 1e3,
                row.total,
                row.items
            );
            out.push(row);
        }
    }
    println!("{}", support::MARKDOWN);
    println!("| Who | Query | `?…` | Rows matched | Rows returned | n | p50 (ms) | p99 (ms) |");
    println!("|---|---|---|---:|---:|---:|---:|---:|");
    for r in &out {
        println!(
            "| {} | {} | `{}` | {} | {} | {} | {:.2} | {:.2} |",
            r.scope,
            r.case,
            if r.query.is_empty() {
                "(none)"
            } else {
                r.query
            },
            r.total,
            r.items,
            r.n,
            r.p50.as_secs_f64() * 1e3,
            r.p99.as_secs_f64() * 1e3
        );
    }
}
