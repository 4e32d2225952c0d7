//! Two server instances on one database behind a round-robin proxy (docs/deployment.md,
//! "Stateless servers"): nothing another instance needs may live in one process. Every request opens a new
//! connection (`Connection: close`), so consecutive requests land on alternate instances:
//! sessions, draft versions, idempotent submission, arrival numbers, the lockout counter, the
//! issuance run and the daily 利用終了 run must all hold across them. Runs on SQLite (two pools
//! on one file) and on PostgreSQL (`cargo xtask test-postgres instances`).

use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use serde_json::{Value, json};
use tempfile::TempDir;
use todoke_core::api::{Draft, FilingStatus, Submission};
use todoke_core::forms::{Answers, CheckReport, FORM_END_OF_USE};
use todoke_core::{ErrorCode, Prefecture};
use todoke_server::accounts::{self, IssuedCredentials, NewApplicant};
use todoke_server::admin::issuance;
use todoke_server::{Config, ManualClock, RunningServer, build_state, start};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use super::drafts::staff_change_answers;
use super::forms::common_answers;
use super::helpers::{NEW_PASSWORD, WEDNESDAY_MORNING, fresh_database_url, hiroshima_clinic};

/// Two instances and the proxy in front of them.
struct Cluster {
    servers: [RunningServer; 2],
    proxy: Proxy,
    /// Keeps the SQLite file alive for the test's duration.
    dir: TempDir,
}

impl Cluster {
    /// Two instances on one fresh database, each with its own clock (two machines agreeing on
    /// the time), started one after the other as a rolling deployment would.
    async fn start() -> Cluster {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = fresh_database_url(dir.path()).await;
        let mut servers = Vec::new();
        for _ in 0..2 {
            let clock = Arc::new(ManualClock::new(WEDNESDAY_MORNING));
            let state = build_state(Config::for_tests(&url), clock)
                .await
                .expect("state");
            servers.push(start(state).await.expect("server"));
        }
        let servers: [RunningServer; 2] = servers.try_into().ok().expect("two servers");
        let proxy = Proxy::start([servers[0].addr, servers[1].addr]).await;
        Cluster {
            servers,
            proxy,
            dir,
        }
    }

    fn state(&self) -> &todoke_server::AppState {
        &self.servers[0].state
    }

    async fn applicant(&self, applicant: NewApplicant) -> IssuedCredentials {
        accounts::create_applicant(self.state(), applicant)
            .await
            .expect("account issued")
    }

    async fn reviewer_of(&self, prefecture: &str) -> IssuedCredentials {
        let bureau = Prefecture::parse(prefecture).expect("prefecture").bureau();
        accounts::create_reviewer(self.state(), "REVIEWER01", "審査担当", bureau, None)
            .await
            .expect("reviewer issued")
    }

    /// Signs in with the initial password, reads the session on the other instance, and
    /// changes the password there: the full-session cookie.
    async fn full_session(&self, creds: &IssuedCredentials) -> String {
        let p = &self.proxy;
        let signed_in = p.login(&creds.user_id, &creds.initial_password).await;
        assert_eq!(signed_in.status, 200, "{signed_in:?}");
        let cookie = signed_in.cookie();
        let session = p.get("/api/v1/session", Some(&cookie)).await;
        assert_ne!(session.backend, signed_in.backend);
        assert_eq!(
            session.status, 200,
            "the cookie works on the other instance"
        );
        assert_eq!(session.json()["must_change_password"], true);
        let changed = p
            .send(
                "PUT",
                "/api/v1/account/password",
                Some(json!({"current_password": creds.initial_password,
                            "new_password": NEW_PASSWORD,
                            "new_password_confirmation": NEW_PASSWORD})),
                Some(&cookie),
            )
            .await;
        assert_eq!(changed.status, 200, "{changed:?}");
        changed.cookie()
    }

    /// Creates a draft of `form_id`: the draft and the warning keys the check gives for it.
    async fn draft(&self, cookie: &str, form_id: &str, answers: &Answers) -> (Draft, Vec<String>) {
        let created = self
            .proxy
            .send(
                "POST",
                "/api/v1/drafts",
                Some(json!({"form_id": form_id, "answers": answers})),
                Some(cookie),
            )
            .await;
        assert_eq!(created.status, 201, "{created:?}");
        let draft: Draft = serde_json::from_value(created.json()).unwrap();
        let checked = self
            .proxy
            .send(
                "POST",
                &format!("/api/v1/forms/{form_id}/check"),
                Some(json!({"answers": draft.answers})),
                Some(cookie),
            )
            .await;
        assert_eq!(checked.status, 200, "{checked:?}");
        let report: CheckReport = serde_json::from_value(checked.json()).unwrap();
        (draft, report.warnings().map(|w| w.key()).collect())
    }

    async fn submit(&self, cookie: &str, draft: &Draft, acknowledged: &[String]) -> Reply {
        self.proxy
            .send(
                "POST",
                &format!("/api/v1/drafts/{}/submit", draft.id),
                Some(json!({"version": draft.version, "acknowledged_warnings": acknowledged})),
                Some(cookie),
            )
            .await
    }

    /// A reviewer action without a comment (receive, start-review, accept): the filing after it.
    async fn review(&self, cookie: &str, id: i64, action: &str) -> Submission {
        let r = self
            .proxy
            .send(
                "POST",
                &format!("/api/v1/review/filings/{id}/{action}"),
                Some(json!({})),
                Some(cookie),
            )
            .await;
        assert_eq!(r.status, 200, "{action}: {r:?}");
        serde_json::from_value(r.json()).unwrap()
    }
}

/// A TCP proxy that hands each accepted connection to the next backend in turn, and remembers
/// which backend got which client port, so a reply can say which instance served it.
struct Proxy {
    addr: SocketAddr,
    routed: Arc<Mutex<HashMap<u16, usize>>>,
    served: Arc<Mutex<[usize; 2]>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Proxy {
    async fn start(backends: [SocketAddr; 2]) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let routed = Arc::new(Mutex::new(HashMap::new()));
        let served = Arc::new(Mutex::new([0; 2]));
        let (r, s) = (routed.clone(), served.clone());
        let task = tokio::spawn(async move {
            let mut next = 0usize;
            loop {
                let Ok((mut client, peer)) = listener.accept().await else {
                    return;
                };
                let backend = next % 2;
                next += 1;
                // Recorded before any byte is forwarded, so before the client can read a reply.
                r.lock().unwrap().insert(peer.port(), backend);
                s.lock().unwrap()[backend] += 1;
                tokio::spawn(async move {
                    if let Ok(mut upstream) = TcpStream::connect(backends[backend]).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut upstream).await;
                    }
                });
            }
        });
        Proxy {
            addr,
            routed,
            served,
            task,
        }
    }

    /// Connections handed to each backend so far.
    fn served(&self) -> [usize; 2] {
        *self.served.lock().unwrap()
    }

    /// One HTTP/1.1 exchange on a new connection, as the SPA would send it (same origin, the
    /// CSRF header, JSON).
    async fn send(
        &self,
        method: &str,
        path: &str,
        body: Option<Value>,
        cookie: Option<&str>,
    ) -> Reply {
        let mut stream = TcpStream::connect(self.addr).await.expect("proxy");
        let host = self.addr;
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {host}\r\nOrigin: http://{host}\r\n\
             X-Requested-With: todoke\r\nConnection: close\r\n"
        );
        if let Some(cookie) = cookie {
            head.push_str(&format!("Cookie: {cookie}\r\n"));
        }
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        if !body.is_empty() {
            head.push_str("Content-Type: application/json\r\n");
        }
        head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
        stream.write_all(head.as_bytes()).await.expect("send head");
        stream.write_all(body.as_bytes()).await.expect("send body");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).await.expect("read reply");
        // Looked up while this connection still holds its port, so no other can have reused it.
        let port = stream.local_addr().unwrap().port();
        let backend = self.routed.lock().unwrap()[&port];
        Reply::parse(&raw, backend)
    }

    async fn get(&self, path: &str, cookie: Option<&str>) -> Reply {
        self.send("GET", path, None, cookie).await
    }

    async fn login(&self, user_id: &str, password: &str) -> Reply {
        self.send(
            "POST",
            "/api/v1/session",
            Some(json!({"user_id": user_id, "password": password})),
            None,
        )
        .await
    }
}

/// A response read to the end of its connection.
struct Reply {
    status: u16,
    /// Lower-cased names.
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    /// The instance (0 or 1) that answered.
    backend: usize,
}

impl std::fmt::Debug for Reply {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} from instance {}: {}",
            self.status,
            self.backend,
            String::from_utf8_lossy(&self.body)
        )
    }
}

impl Reply {
    fn parse(raw: &[u8], backend: usize) -> Reply {
        let end = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or_else(|| panic!("no HTTP head in {:?}", String::from_utf8_lossy(raw)));
        let head = String::from_utf8_lossy(&raw[..end]);
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .expect("status line");
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        let mut body = raw[end + 4..].to_vec();
        if headers
            .iter()
            .any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"))
        {
            body = dechunk(&body);
        }
        Reply {
            status,
            headers,
            body,
            backend,
        }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// `name=value` of `Set-Cookie`.
    fn cookie(&self) -> String {
        let set = self.header("set-cookie").expect("a Set-Cookie header");
        set.split(';').next().unwrap().to_string()
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {self:?}"))
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(i) = data.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&data[..i]).trim(), 16).unwrap();
        if size == 0 {
            break;
        }
        out.extend_from_slice(&data[i + 2..i + 2 + size]);
        data = &data[i + 2 + size + 2..];
    }
    out
}

/// Sign-in → password change → draft → save → submit → receive → start review → accept, every
/// request on the instance the previous one did not use: sessions, draft versions, idempotent
/// submission and the lifecycle are read back from the database, never from a process.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_journey_alternating_between_instances() {
    let c = Cluster::start().await;
    let p = &c.proxy;
    let clinic = c.applicant(hiroshima_clinic()).await;
    let reviewer = c.reviewer_of("広島県").await;
    let cookie = c.full_session(&clinic).await;

    let mut answers = staff_change_answers("3410712362", "30");
    let (draft, _) = c.draft(&cookie, "staff-change", &answers).await;
    answers.insert(
        "staff".into(),
        staff_change_answers("3410712362", "40")["staff"].clone(),
    );
    let save = |version: i64| {
        let body = json!({"version": version, "answers": answers});
        let path = format!("/api/v1/drafts/{}", draft.id);
        let cookie = cookie.clone();
        async move { p.send("PUT", &path, Some(body), Some(&cookie)).await }
    };
    let saved = save(draft.version).await;
    assert_eq!(saved.status, 200, "{saved:?}");
    let stale = save(draft.version).await;
    assert_ne!(stale.backend, saved.backend);
    assert_eq!(
        stale.status, 409,
        "the other instance sees the new version: {stale:?}"
    );
    let saved: Draft = serde_json::from_value(saved.json()).unwrap();
    assert_eq!(saved.version, draft.version + 1);

    let checked = p
        .send(
            "POST",
            "/api/v1/forms/staff-change/check",
            Some(json!({"answers": saved.answers})),
            Some(&cookie),
        )
        .await;
    let report: CheckReport = serde_json::from_value(checked.json()).unwrap();
    let warnings: Vec<String> = report.warnings().map(|w| w.key()).collect();
    let first = c.submit(&cookie, &saved, &warnings).await;
    assert_eq!(first.status, 201, "{first:?}");
    let again = c.submit(&cookie, &saved, &warnings).await;
    assert_ne!(again.backend, first.backend);
    assert_eq!(
        again.status, 200,
        "a retry on the other instance: {again:?}"
    );
    let submitted: Submission = serde_json::from_value(first.json()).unwrap();
    let retried: Submission = serde_json::from_value(again.json()).unwrap();
    assert_eq!(retried.id, submitted.id);
    assert_eq!(retried.arrival_number, submitted.arrival_number);

    let reviewing = c.full_session(&reviewer).await;
    let queue = p.get("/api/v1/review/filings", Some(&reviewing)).await;
    assert_eq!(queue.status, 200, "{queue:?}");
    assert!(
        String::from_utf8_lossy(&queue.body).contains(&submitted.arrival_number),
        "{queue:?}"
    );
    for (action, status) in [
        ("receive", FilingStatus::Received),
        ("start-review", FilingStatus::UnderReview),
        ("accept", FilingStatus::Accepted),
    ] {
        assert_eq!(
            c.review(&reviewing, submitted.id, action).await.status,
            status
        );
    }
    let seen = p
        .get(
            &format!("/api/v1/submissions/{}", submitted.id),
            Some(&cookie),
        )
        .await;
    let seen: Submission = serde_json::from_value(seen.json()).unwrap();
    assert_eq!(seen.status, FilingStatus::Accepted);

    // Signing out on one instance ends the session on both.
    let out = p
        .send("DELETE", "/api/v1/session", None, Some(&cookie))
        .await;
    assert_eq!(out.status, 204, "{out:?}");
    let after = p.get("/api/v1/session", Some(&cookie)).await;
    assert_ne!(after.backend, out.backend);
    assert_eq!(after.status, 401, "{after:?}");

    let [a, b] = p.served();
    assert!(
        a > 0 && b > 0 && a.abs_diff(b) <= 1,
        "round robin: {a} and {b}"
    );
}

/// 100 submits of one draft sent at once, spread over both instances, make exactly one
/// submission; then 20 drafts submitted at once get 20 different, consecutive arrival numbers.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_submits_across_instances() {
    let c = Cluster::start().await;
    let cookie = c.full_session(&c.applicant(hiroshima_clinic()).await).await;
    let answers = staff_change_answers("3410712362", "40");
    let (draft, warnings) = c.draft(&cookie, "staff-change", &answers).await;

    let replies =
        futures_util::future::join_all((0..100).map(|_| c.submit(&cookie, &draft, &warnings)))
            .await;
    let created = replies.iter().filter(|r| r.status == 201).count();
    assert_eq!(created, 1, "{replies:?}");
    assert!(
        replies.iter().all(|r| r.status == 200 || r.status == 201),
        "{replies:?}"
    );
    let arrivals: HashSet<String> = replies
        .iter()
        .map(|r| r.json()["arrival_number"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(arrivals.len(), 1, "{arrivals:?}");
    let per_backend = |replies: &[Reply]| {
        let mut n = [0; 2];
        replies.iter().for_each(|r| n[r.backend] += 1);
        n
    };
    let [a, b] = per_backend(&replies);
    assert!(a >= 40 && b >= 40, "spread: {a} and {b}");
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM submissions WHERE draft_id = $1")
        .bind(draft.id)
        .fetch_one(&c.state().pool)
        .await
        .unwrap();
    assert_eq!(rows, 1);

    let mut drafts = Vec::new();
    for _ in 0..20 {
        drafts.push(c.draft(&cookie, "staff-change", &answers).await);
    }
    let replies =
        futures_util::future::join_all(drafts.iter().map(|(d, w)| c.submit(&cookie, d, w))).await;
    assert!(replies.iter().all(|r| r.status == 201), "{replies:?}");
    let [a, b] = per_backend(&replies);
    assert!(a > 0 && b > 0, "spread: {a} and {b}");
    let mut sequences: Vec<u32> = replies
        .iter()
        .map(|r| {
            let arrival = r.json()["arrival_number"].as_str().unwrap().to_string();
            let (_, seq) = arrival.split_once('-').expect("YYYYMMDD-NNNNNN");
            seq.parse().unwrap()
        })
        .collect();
    sequences.sort_unstable();
    // The first submission took number 1.
    assert_eq!(sequences, (2..22).collect::<Vec<u32>>());
}

/// 100 wrong guesses for one user ID sent at once over both instances: the counter is one row
/// in the database, so at most the threshold's five reach the hash, and the right password
/// after the burst is refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_lockout_cannot_be_raced_across_instances() {
    let c = Cluster::start().await;
    let creds = c.applicant(hiroshima_clinic()).await;
    let replies = futures_util::future::join_all((0..100).map(|i| {
        let (p, user_id) = (&c.proxy, &creds.user_id);
        async move { p.login(user_id, &format!("Wrong#Pass{i:02}")).await }
    }))
    .await;
    let verified = replies.iter().filter(|r| r.status == 401).count();
    let locked = replies.iter().filter(|r| r.status == 429).count();
    assert!(verified <= 5, "{verified} guesses were answered 401");
    assert_eq!(verified + locked, 100, "only 401 and 429: {replies:?}");
    let mut n = [0; 2];
    replies.iter().for_each(|r| n[r.backend] += 1);
    assert!(n[0] >= 40 && n[1] >= 40, "spread: {n:?}");
    let counted: i64 = sqlx::query_scalar("SELECT failures FROM login_throttle WHERE key = $1")
        .bind(&creds.user_id)
        .fetch_one(&c.state().pool)
        .await
        .unwrap();
    assert!(counted <= 5, "{counted} guesses were verified");
    for _ in 0..2 {
        let right = c.proxy.login(&creds.user_id, &creds.initial_password).await;
        assert_eq!(right.status, 429, "{right:?}");
        assert_eq!(right.json()["code"], json!(ErrorCode::AccountLocked));
    }
}

/// The daily `end-use --filings` started on both machines at once processes an accepted
/// 利用終了届出 once: one record, one of the two runs reports it.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_daily_end_use_run_on_both_instances_processes_a_filing_once() {
    let c = Cluster::start().await;
    let clinic = hiroshima_clinic();
    let creds = c.applicant(clinic.clone()).await;
    let cookie = c.full_session(&creds).await;
    let reviewing = c.full_session(&c.reviewer_of("広島県").await).await;
    let mut answers = common_answers(&clinic.institution_code, &clinic.institution_name);
    answers.insert("end_reason".into(), json!("code_or_class_change"));
    answers.insert("last_day_of_use".into(), json!("2026-11-20"));
    answers.insert("declaration_end_of_use".into(), json!(true));
    let (draft, warnings) = c.draft(&cookie, FORM_END_OF_USE, &answers).await;
    let filed = c.submit(&cookie, &draft, &warnings).await;
    assert_eq!(filed.status, 201, "{filed:?}");
    let id = filed.json()["id"].as_i64().unwrap();
    for action in ["receive", "accept"] {
        c.review(&reviewing, id, action).await;
    }

    let (one, other) = tokio::join!(
        issuance::end_use_filings(&c.servers[0].state, false),
        issuance::end_use_filings(&c.servers[1].state, false),
    );
    let processed = one.unwrap().processed.len() + other.unwrap().processed.len();
    assert_eq!(processed, 1);
    let records: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM end_of_use_records")
        .fetch_one(&c.state().pool)
        .await
        .unwrap();
    assert_eq!(records, 1);
    // Both instances refuse the ended account's session.
    for _ in 0..2 {
        let r = c.proxy.get("/api/v1/session", Some(&cookie)).await;
        assert_eq!(r.status, 401, "{r:?}");
    }
}

/// `issue-credentials` started on both machines at once issues each institution one account
/// and one letter: the loser finds nothing left to issue, or is refused as a whole by the
/// database's one-account-per-institution rule and leaves no letters behind.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_issuance_run_on_both_instances_issues_each_institution_once() {
    let c = Cluster::start().await;
    let csv = "医療機関コード,点数表区分,名称,郵便番号,住所1,住所2,都道府県,オンライン請求月\n\
        3410712362,医科,広島内科クリニック,730-0011,広島県広島市中区基町10-52,,広島県,2024-10\n\
        1330100023,歯科,東京歯科医院,1000001,東京都千代田区千代田1-1,,東京都,2024-10\n";
    let file = c.dir.path().join("institutions.csv");
    std::fs::write(&file, csv).unwrap();
    issuance::import_file(c.state(), &file)
        .await
        .expect("imported");
    let letter_args = issuance::LetterArgs {
        font: issuance::DEFAULT_FONT.into(),
        mono_font: issuance::DEFAULT_MONO_FONT.into(),
        login_url: issuance::DEFAULT_LOGIN_URL.into(),
    };
    let out = |i: usize| c.dir.path().join(format!("letters-{i}"));
    let runs = (0..2).map(|i| {
        let (state, out, args) = (c.servers[i].state.clone(), out(i), letter_args.clone());
        tokio::spawn(async move { issuance::issue(&state, "2024-10", &out, &args, 100).await })
    });
    let runs = futures_util::future::join_all(runs).await;
    let [one, other]: [_; 2] = runs
        .into_iter()
        .map(|r| r.expect("run task"))
        .collect::<Vec<_>>()
        .try_into()
        .ok()
        .unwrap();
    let issued: usize = [&one, &other]
        .iter()
        .map(|run| match run {
            Ok(run) => run.issued,
            Err(refused) => {
                let refused = refused.to_string();
                assert!(refused.contains("別の発行処理"), "{refused}");
                0
            }
        })
        .sum();
    assert_eq!(issued, 2, "{one:?} / {other:?}");
    let per_institution: Vec<i64> = sqlx::query_scalar(
        "SELECT COUNT(*) FROM accounts WHERE role = 'applicant'
         GROUP BY institution_code, fee_schedule_class",
    )
    .fetch_all(&c.state().pool)
    .await
    .unwrap();
    assert_eq!(per_institution, [1, 1]);
    let letters: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM letters")
        .fetch_one(&c.state().pool)
        .await
        .unwrap();
    assert_eq!(letters, 2);
    let pdfs = (0..2)
        .flat_map(|i| std::fs::read_dir(out(i)).into_iter().flatten())
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
        .count();
    // Only the PDFs the successful runs reported exist: a refused run removed its own.
    let reported: usize = [&one, &other]
        .iter()
        .filter_map(|run| run.as_ref().ok())
        .flat_map(|run| &run.batches)
        .map(|b| b.pdfs.len())
        .sum();
    assert!(reported > 0);
    assert_eq!(pdfs, reported);
}
