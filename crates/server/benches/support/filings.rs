//! What the list and load benchmarks share: a fresh database on either engine, 100,000
//! submissions seeded with SQL, and signed-in sessions.

// Each benchmark uses part of this.
#![allow(dead_code)]
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use sqlx::{Connection, Executor};
use todoke_server::accounts::{self, IssuedCredentials, NewApplicant};
use todoke_server::{AppState, Config, SystemClock, build_state};
use tower::ServiceExt;

pub const NEW_PASSWORD: &str = "Kx7#mQ2!vRt9";

/// The engine a benchmark runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    pub fn name(self) -> &'static str {
        match self {
            Self::Sqlite => "sqlite",
            Self::Postgres => "postgres",
        }
    }
}

/// A database of the benchmark's own: a SQLite file in a temporary directory, or a database
/// created on the PostgreSQL server named by `env_var` (`postgres://user@host:port`, a role
/// that may create databases) and dropped by [`Database::remove`].
pub struct Database {
    pub engine: Engine,
    pub url: String,
    server: Option<(String, String)>,
    _dir: Option<tempfile::TempDir>,
}

impl Database {
    pub async fn create(env_var: &str, label: &str) -> Database {
        match std::env::var(env_var)
            .ok()
            .map(|u| u.trim().trim_end_matches('/').to_string())
            .filter(|u| !u.is_empty())
        {
            None => {
                let dir = tempfile::tempdir().unwrap();
                let url = format!("sqlite://{}", dir.path().join("bench.db").display());
                Database {
                    engine: Engine::Sqlite,
                    url,
                    server: None,
                    _dir: Some(dir),
                }
            }
            Some(server) => {
                assert!(
                    server.starts_with("postgres://") || server.starts_with("postgresql://"),
                    "{env_var} must be a PostgreSQL server URL such as postgres://todoke@127.0.0.1:5432"
                );
                let name = format!("todoke_bench_{label}_{}", std::process::id());
                let mut admin = sqlx::PgConnection::connect(&format!("{server}/postgres"))
                    .await
                    .expect("connect to the PostgreSQL server");
                admin
                    .execute(format!("DROP DATABASE IF EXISTS {name}").as_str())
                    .await
                    .unwrap();
                admin
                    .execute(format!("CREATE DATABASE {name}").as_str())
                    .await
                    .unwrap();
                admin.close().await.unwrap();
                Database {
                    engine: Engine::Postgres,
                    url: format!("{server}/{name}"),
                    server: Some((server, name)),
                    _dir: None,
                }
            }
        }
    }

    /// Closes `state`'s pool and drops the PostgreSQL database (the SQLite directory goes with
    /// `self`).
    pub async fn remove(self, state: AppState) {
        state.pool.close().await;
        if let Some((server, name)) = &self.server {
            let mut admin = sqlx::PgConnection::connect(&format!("{server}/postgres"))
                .await
                .unwrap();
            admin
                .execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
                .await
                .unwrap();
        }
    }

    /// The PostgreSQL server's version, or SQLite's.
    pub async fn version(&self, state: &AppState) -> String {
        let sql = match self.engine {
            Engine::Sqlite => "SELECT 'SQLite ' || sqlite_version()",
            Engine::Postgres => "SELECT 'PostgreSQL ' || current_setting('server_version')",
        };
        sqlx::query_scalar(sql)
            .fetch_one(&state.pool)
            .await
            .unwrap_or_else(|_| "unknown".into())
    }
}

/// The application on `db`, with one Tokyo clinic and one 関東信越 reviewer, and the clinic's
/// account id.
pub struct Seeded {
    pub state: AppState,
    pub applicant: IssuedCredentials,
    pub reviewer: IssuedCredentials,
    pub me: i64,
}

/// A new database from `env_var` (or SQLite) named for `bench`, seeded with `rows`
/// submissions, with the time it took on stderr.
pub async fn seeded(env_var: &str, bench: &str, rows: u64) -> (Database, Seeded) {
    let db = Database::create(env_var, bench).await;
    let t0 = std::time::Instant::now();
    let seeded = build(&db, rows).await;
    eprintln!(
        "{}: seeded {rows} submissions in {:.1}s ({})",
        db.engine.name(),
        t0.elapsed().as_secs_f64(),
        db.version(&seeded.state).await
    );
    (db, seeded)
}

pub async fn build(db: &Database, rows: u64) -> Seeded {
    let state = build_state(Config::for_tests(&db.url), Arc::new(SystemClock))
        .await
        .expect("state");
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
    seed(db, &state, me, rows).await;
    Seeded {
        state,
        applicant,
        reviewer,
        me,
    }
}

/// Seven more applicant accounts by SQL (ids 1001..=1007), in and out of 関東信越, and `rows`
/// submissions, each with the draft it was sent from, spread evenly over the year up to
/// 2026-11-25 across the eight institutions (one in eight is `me`'s), in all seven statuses;
/// then five unsent drafts per institution, saved in the last ten days.
async fn seed(db: &Database, state: &AppState, me: i64, rows: u64) {
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
    let acct = format!("CASE i % 8 WHEN 0 THEN {me} ELSE 1000 + i % 8 END");
    let t = format!(
        "({start} + i * {} / {rows} + (i * 7919) % 3600)",
        end - start - 3600
    );
    let status = "CASE (i * 31) % 7 WHEN 0 THEN 'submitted' WHEN 1 THEN 'received'
                    WHEN 2 THEN 'under_review' WHEN 3 THEN 'returned' WHEN 4 THEN 'accepted'
                    WHEN 5 THEN 'rejected' ELSE 'withdrawn' END";
    let submissions = "INSERT INTO submissions (id, account_id, draft_id, arrival_number, form_id,
                          form_version, title, answers, acknowledged_warnings, status,
                          submitted_at, content_sha256)";
    let drafts = "INSERT INTO drafts (id, account_id, form_id, form_version, answers, version,
                     created_at, updated_at, submitted_at, submission_id)";
    // Drafts and submissions reference each other, and the rows are consistent by
    // construction, so this connection seeds them without foreign-key checks (SQLite would scan
    // the unindexed drafts.submission_id for every submission). The native drivers are used
    // for speed; the application's pool only reads afterwards.
    match db.engine {
        Engine::Sqlite => {
            let mut conn = sqlx::SqliteConnection::connect(&db.url).await.unwrap();
            conn.execute("PRAGMA foreign_keys = OFF").await.unwrap();
            let mut lo = 1u64;
            while lo <= rows {
                let hi = (lo + chunk - 1).min(rows);
                let n = format!(
                    "WITH RECURSIVE n(i) AS (SELECT {lo} UNION ALL SELECT i + 1 FROM n WHERE i < {hi})"
                );
                let mut tx = conn.begin().await.unwrap();
                tx.execute(
                    format!(
                        "{n} {submissions}
                         SELECT i, {acct}, i,
                                strftime('%Y%m%d', {t} + 32400, 'unixepoch') || '-' || printf('%06d', i),
                                'staff-change', '2026-06', '従事者変更届', '{{\"name\":\"ベンチ\"}}', '[]',
                                {status}, {t}, printf('%064d', i)
                         FROM n"
                    )
                    .as_str(),
                )
                .await
                .expect("submissions");
                tx.execute(
                    format!(
                        "{n} {drafts}
                         SELECT i, {acct}, 'staff-change', '2026-06', '{{}}', 1, {t}, {t}, {t}, i FROM n"
                    )
                    .as_str(),
                )
                .await
                .expect("drafts");
                tx.commit().await.unwrap();
                lo = hi + 1;
            }
            conn.execute(unsent_drafts_sql(me, rows, end).as_str())
                .await
                .unwrap();
            conn.execute(
                format!("INSERT INTO arrival_counter (id, issued_at) VALUES ({rows}, 0)").as_str(),
            )
            .await
            .unwrap();
            conn.execute("ANALYZE").await.unwrap();
            conn.close().await.unwrap();
        }
        Engine::Postgres => {
            let mut conn = sqlx::PgConnection::connect(&db.url).await.unwrap();
            // Superuser only (the throw-away cluster's user is one): no foreign-key triggers.
            conn.execute("SET session_replication_role = replica")
                .await
                .unwrap();
            let mut lo = 1u64;
            while lo <= rows {
                let hi = (lo + chunk - 1).min(rows);
                let n = format!("FROM generate_series({lo}::bigint, {hi}::bigint) AS n(i)");
                let mut tx = conn.begin().await.unwrap();
                tx.execute(
                    format!(
                        "{submissions}
                         SELECT i, {acct}, i,
                                to_char(to_timestamp({t} + 32400) AT TIME ZONE 'UTC', 'YYYYMMDD')
                                  || '-' || lpad(i::text, greatest(6, length(i::text)), '0'),
                                'staff-change', '2026-06', '従事者変更届', '{{\"name\":\"ベンチ\"}}', '[]',
                                {status}, {t}, lpad(i::text, 64, '0')
                         {n}"
                    )
                    .as_str(),
                )
                .await
                .expect("submissions");
                tx.execute(
                    format!(
                        "{drafts}
                         SELECT i, {acct}, 'staff-change', '2026-06', '{{}}', 1, {t}, {t}, {t}, i {n}"
                    )
                    .as_str(),
                )
                .await
                .expect("drafts");
                tx.commit().await.unwrap();
                lo = hi + 1;
            }
            conn.execute(unsent_drafts_sql(me, rows, end).as_str())
                .await
                .unwrap();
            conn.execute(
                format!("INSERT INTO arrival_counter (id, issued_at) VALUES ({rows}, 0)").as_str(),
            )
            .await
            .unwrap();
            conn.execute("SET session_replication_role = DEFAULT")
                .await
                .unwrap();
            // Explicit ids leave the identity sequences behind; later inserts must not collide.
            for table in ["accounts", "submissions", "drafts", "arrival_counter"] {
                conn.execute(
                    format!(
                        "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
                    )
                    .as_str(),
                )
                .await
                .unwrap();
            }
            // What autovacuum does soon after a bulk load: statistics and the visibility map
            // (index-only scans).
            conn.execute("VACUUM ANALYZE").await.unwrap();
            conn.close().await.unwrap();
        }
    }
}

/// Five unsent drafts per institution (ids after the submissions' drafts), saved over the last
/// ten days: an applicant's first page mixes them with the newest submissions.
fn unsent_drafts_sql(me: i64, rows: u64, end: i64) -> String {
    let values: Vec<String> = (1..=40_u64)
        .map(|j| {
            let account = if j % 8 == 0 {
                me
            } else {
                1000 + (j % 8) as i64
            };
            let at = end - j as i64 * 21_600;
            format!(
                "({}, {account}, 'staff-change', '2026-06', '{{}}', 1, {at}, {at})",
                rows + j
            )
        })
        .collect();
    format!(
        "INSERT INTO drafts (id, account_id, form_id, form_version, answers, version, created_at, updated_at)
         VALUES {}",
        values.join(", ")
    )
}

/// Sends one request through the whole application in process (no socket).
pub async fn send(
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

/// Signs in with the initial password and changes it: the cookie of a full session.
pub async fn full_session(router: &Router, user_id: &str, initial: &str) -> String {
    let (s, cookie, body) = send(
        router,
        Method::POST,
        "/api/v1/session",
        Some(json!({"user_id": user_id, "password": initial})),
        None,
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    let (s, cookie, body) = send(
        router,
        Method::PUT,
        "/api/v1/account/password",
        Some(
            json!({"current_password": initial, "new_password": NEW_PASSWORD,
                    "new_password_confirmation": NEW_PASSWORD}),
        ),
        cookie.as_deref(),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    cookie.expect("new session cookie")
}

/// Signs in again with the changed password: one more session of the same account.
pub async fn sign_in(router: &Router, user_id: &str) -> String {
    let (s, cookie, body) = send(
        router,
        Method::POST,
        "/api/v1/session",
        Some(json!({"user_id": user_id, "password": NEW_PASSWORD})),
        None,
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    cookie.expect("session cookie")
}
