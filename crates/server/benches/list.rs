//! List search over 100,000 submissions (issues 4 and "National scale"): p50/p99 latency per
//! page through the real HTTP path (router + middleware + session + SQL), for one applicant and
//! for a reviewer of 関東信越, on SQLite or PostgreSQL. Run with
//! `nice cargo bench -p todoke-server --bench list`; `cargo xtask bench list` runs it on both
//! engines and writes docs/benchmarks.md.
//!
//! Env: `LIST_BENCH_DATABASE_URL` (a PostgreSQL server, `postgres://todoke@127.0.0.1:PORT`:
//! the benchmark creates and drops a database of its own there; SQLite in a temporary
//! directory when unset), `LIST_BENCH_ROWS` (default 100000), `LIST_BENCH_ITERS` (default
//! 200), `LIST_BENCH_MAX_SECS` per case (default 8; a case stops early and reports its n),
//! `LIST_BENCH_KEEP_DATABASE` (set: keep the database and print its URL, to read query plans).
//!
//! Before timing, every case's total and the first pages' rows are checked against plain SQL
//! written the obvious way. Prints one `BENCH engine=… scope=… case=… …` line per case, then
//! `TODOKE_BENCH_MARKDOWN` and a Markdown table.

#[path = "support/filings.rs"]
mod filings;
mod support;

use std::time::{Duration, Instant};

use axum::http::{Method, StatusCode};
use serde_json::Value;
use todoke_server::{AppState, app};

use filings::{full_session, send};

struct Row {
    scope: &'static str,
    case: &'static str,
    query: String,
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

/// Who sees what, written the obvious way, for the checks.
#[derive(Clone, Copy)]
enum Who {
    Applicant(i64),
    Reviewer,
}

impl Who {
    fn submissions(self) -> String {
        match self {
            Who::Applicant(me) => format!("FROM submissions s WHERE s.account_id = {me}"),
            Who::Reviewer => {
                let codes: Vec<String> = todoke_core::RegionalBureau::KantoShinetsu
                    .prefectures()
                    .map(|p| p.code().to_string())
                    .collect();
                format!(
                    "FROM submissions s JOIN accounts a ON a.id = s.account_id WHERE a.prefecture IN ({})",
                    codes.join(", ")
                )
            }
        }
    }
}

/// The expected total for the cases that filter by nothing or by arrival number alone (digits
/// only, no LIKE wildcards to escape).
async fn expected_total(state: &AppState, who: Who, arrival: Option<&str>) -> Option<i64> {
    let like = arrival
        .map(|a| format!(" AND s.arrival_number LIKE '%{a}%'"))
        .unwrap_or_default();
    let mut sql = format!("SELECT (SELECT COUNT(*) {}{like})", who.submissions());
    if let (Who::Applicant(me), None) = (who, arrival) {
        sql.push_str(&format!(
            " + (SELECT COUNT(*) FROM drafts d WHERE d.submitted_at IS NULL AND d.account_id = {me})"
        ));
    }
    sqlx::query_scalar(&sql).fetch_one(&state.pool).await.ok()
}

/// The expected ids of a page sorted newest first, merging before sorting.
async fn expected_page(state: &AppState, who: Who, page: u32, per_page: u32) -> Vec<i64> {
    let mut sql = format!(
        "SELECT id FROM (SELECT s.id AS id, s.submitted_at AS at {}",
        who.submissions()
    );
    if let Who::Applicant(me) = who {
        sql.push_str(&format!(
            " UNION ALL SELECT d.id, d.updated_at FROM drafts d WHERE d.submitted_at IS NULL AND d.account_id = {me}"
        ));
    }
    sql.push_str(&format!(
        ") f ORDER BY at DESC, id DESC LIMIT {per_page} OFFSET {}",
        (page - 1) * per_page
    ));
    sqlx::query_scalar(&sql)
        .fetch_all(&state.pool)
        .await
        .unwrap()
}

fn param(query: &str, name: &str) -> Option<String> {
    query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

async fn run() {
    let rows = support::env_num("LIST_BENCH_ROWS", 100_000);
    let iters = support::env_num("LIST_BENCH_ITERS", 200) as usize;
    let max = Duration::from_secs(support::env_num("LIST_BENCH_MAX_SECS", 8));
    let (db, seeded) = filings::seeded("LIST_BENCH_DATABASE_URL", "list", rows).await;
    let engine = db.engine.name();
    let state = seeded.state.clone();
    let router = app(state.clone());
    let app_cookie = full_session(
        &router,
        &seeded.applicant.user_id,
        &seeded.applicant.initial_password,
    )
    .await;
    let rev_cookie = full_session(
        &router,
        &seeded.reviewer.user_id,
        &seeded.reviewer.initial_password,
    )
    .await;

    // A whole arrival number of one of the applicant's filings (in the reviewer's bureau too),
    // in the middle of the year.
    let whole: String = sqlx::query_scalar("SELECT arrival_number FROM submissions WHERE id = $1")
        .bind((rows / 2 / 8 * 8).max(8) as i64)
        .fetch_one(&state.pool)
        .await
        .expect("a seeded submission");
    let whole_query = format!("arrival_number={whole}");

    let cases: Vec<(&'static str, String)> = vec![
        ("page 1, default sort, 20/page", String::new()),
        ("page 1, 100/page", "per_page=100".into()),
        ("page 200, 20/page", "page=200".into()),
        ("status = under_review", "status=under_review".into()),
        (
            "date range (March 2026)",
            "submitted_from=2026-03-01&submitted_to=2026-03-31".into(),
        ),
        ("arrival number contains 4242", "arrival_number=4242".into()),
        (
            "arrival number contains 20260315",
            "arrival_number=20260315".into(),
        ),
        (
            "arrival number contains 2026 (nearly all)",
            "arrival_number=2026".into(),
        ),
        ("whole arrival number", whole_query),
        ("sort by arrival number", "sort=arrival_number".into()),
        (
            "status + date range, 100/page",
            "status=accepted&submitted_from=2026-01-01&submitted_to=2026-06-30&per_page=100".into(),
        ),
    ];
    let mut out = Vec::new();
    for (scope, who, base, cookie) in [
        (
            "applicant",
            Who::Applicant(seeded.me),
            "/api/v1/filings",
            app_cookie.as_str(),
        ),
        (
            "reviewer 関東信越",
            Who::Reviewer,
            "/api/v1/review/filings",
            rev_cookie.as_str(),
        ),
    ] {
        for (case, query) in &cases {
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
            let items = page["items"].as_array().unwrap();
            // The same answer as SQL written the obvious way.
            let arrival = param(query, "arrival_number");
            let only_arrival =
                query.is_empty() || query.split('&').count() == 1 && arrival.is_some();
            if only_arrival {
                let expected = expected_total(&state, who, arrival.as_deref()).await;
                assert_eq!(
                    Some(total as i64),
                    expected,
                    "{engine} {scope} {path}: total"
                );
            }
            if !query.contains("sort=") && !query.contains("status") && !query.contains("submitted")
            {
                let page_no = param(query, "page").map_or(1, |p| p.parse().unwrap());
                let per_page = param(query, "per_page").map_or(20, |p| p.parse().unwrap());
                if arrival.is_none() {
                    let got: Vec<i64> = items.iter().map(|i| i["id"].as_i64().unwrap()).collect();
                    let want = expected_page(&state, who, page_no, per_page).await;
                    assert_eq!(got, want, "{engine} {scope} {path}: rows");
                }
            }
            let items = items.len();
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
                query: query.clone(),
                n: times.len(),
                p50: pct(&times, 50.0),
                p99: pct(&times, 99.0),
                total,
                items,
            };
            println!(
                "BENCH engine=\"{engine}\" scope=\"{}\" case=\"{}\" query=\"{}\" n=\"{}\" p50_ms=\"{:.2}\" p99_ms=\"{:.2}\" matched=\"{}\" items=\"{}\"",
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
    println!(
        "BENCH_ENV engine=\"{engine}\" version=\"{}\" rows=\"{rows}\"",
        db.version(&state).await
    );
    drop(router);
    if std::env::var_os("LIST_BENCH_KEEP_DATABASE").is_some() {
        // For looking at query plans afterwards (`LIST_BENCH_KEEP_DATABASE=1`).
        eprintln!("kept the database: {}", db.url);
        std::mem::forget(db);
    } else {
        db.remove(state).await;
    }
    drop(seeded);

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
                &r.query
            },
            r.total,
            r.items,
            r.n,
            r.p50.as_secs_f64() * 1e3,
            r.p99.as_secs_f64() * 1e3
        );
    }
}
