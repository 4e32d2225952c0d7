//! The contract fuzz of `cargo xtask test`: schemathesis (installed with pip into
//! `.tools/schemathesis`, pinned) generates requests from `/api/openapi.json`, valid and
//! invalid, and fails on any 5xx or any answer the document does not describe (an undocumented
//! status, a body that does not match its schema, a schema-valid request refused, a
//! schema-violating one accepted, a missing `Allow`, …: `--checks all`).
//!
//! It runs against a fresh `todoke-server serve --demo` on a temporary SQLite file, API only:
//!
//! 1. `DEMO-MED` (applicant) and `DEMO-REVIEW` (reviewer) sign in and change their initial
//!    passwords, as every demo account must before anything else answers.
//! 2. The applicant files a few 利用終了届出 (one stays a draft, ten are submitted and taken
//!    through the lifecycle by both sides, see [`SUBMISSIONS`]), so that small ids name real
//!    rows in every status the actions start from and the fuzz reaches past 404.
//! 3. schemathesis runs once with the reviewer's session cookie and once with the applicant's,
//!    each over every operation except sign-out, which then gets a short run of its own with a
//!    spare session (see [`Ops`]).
//!
//! The server is stopped and its files removed at the end, whether the fuzz passed or not.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::{Result, cargo, root, status, step, tools_dir};

/// The newest schemathesis on PyPI for Python 3.11 when this was written.
pub const SCHEMATHESIS_VERSION: &str = "4.32.5";

/// Test cases per operation and phase. With two workers the three runs together take about
/// two minutes on two cores (250 took three), much of it the argon2 hashing behind sign-in and
/// the password change.
const MAX_EXAMPLES: &str = "150";
/// A run that takes longer than this is stuck: it is stopped and the fuzz fails.
const RUN_LIMIT: Duration = Duration::from_secs(300);

/// Which operations a run covers. Sign-out (`logout`) ends the session the run depends on at
/// its first call (schemathesis keeps the cookie for it too), so it gets a run of its own, last,
/// with a session of its own. Sign-in and the password change stay in the main runs: they only
/// start or replace a session when given the right password, which the fuzz never has (the new
/// passwords are made up for each run). After each main run the session is checked to be
/// still valid, so that a run which ended it fails instead of passing on 401s alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ops {
    AllButSignOut,
    SignOut,
}

const SIGN_OUT: &str = "logout";

/// What `DEMO-MED` files (the 医科 demo clinic, 東京都).
const DEMO_CODE: &str = "1310100019";
const DEMO_NAME: &str = "とどけ内科クリニック";

fn st() -> PathBuf {
    tools_dir().join("schemathesis/bin/st")
}

/// Installs schemathesis into `.tools/schemathesis` (a Python virtual environment) unless the
/// pinned version is there already.
pub fn ensure_schemathesis() -> Result {
    let installed = Command::new(st())
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    if installed.is_some_and(|v| v.ends_with(&format!("version {SCHEMATHESIS_VERSION}"))) {
        return Ok(());
    }
    step(&format!(
        "Installing schemathesis {SCHEMATHESIS_VERSION} with pip into .tools/schemathesis"
    ));
    let venv = tools_dir().join("schemathesis");
    std::fs::create_dir_all(tools_dir()).map_err(|e| e.to_string())?;
    let make_venv = || status(Command::new("python3").args(["-m", "venv"]).arg(&venv));
    if make_venv().is_err() {
        // Debian's own python3 makes virtual environments only with python3-venv.
        step("Installing python3-venv from Debian");
        status(Command::new("apt-get").arg("update"))?;
        status(
            Command::new("apt-get")
                .args(["install", "-y", "--no-install-recommends", "python3-venv"])
                .env("DEBIAN_FRONTEND", "noninteractive"),
        )?;
        make_venv()?;
    }
    status(
        Command::new(venv.join("bin/pip"))
            .args(["install", "--quiet", "--disable-pip-version-check"])
            .arg(format!("schemathesis=={SCHEMATHESIS_VERSION}")),
    )
}

/// Builds the server, starts it, prepares the accounts and data, and fuzzes as applicant and
/// as reviewer.
pub fn fuzz() -> Result {
    ensure_schemathesis()?;
    step("Contract fuzz: building todoke-server");
    status(
        Command::new(cargo())
            .args(["build", "--package", "todoke-server"])
            .current_dir(root()),
    )?;
    let server = Server::start()?;
    let result = fuzz_against(&server);
    if result.is_err() {
        server.show_log_tail();
    }
    drop(server);
    result
}

fn fuzz_against(server: &Server) -> Result {
    let started = Instant::now();
    let password = new_password();
    let applicant = first_session(server.addr, "DEMO-MED", "Demo#Med0001", &password)?;
    let reviewer = first_session(server.addr, "DEMO-REVIEW", "Demo#Rev0001", &password)?;
    seed(server.addr, &applicant, &reviewer)?;
    let config = server.dir.join("schemathesis.toml");
    std::fs::write(&config, ST_CONFIG).map_err(|e| e.to_string())?;
    // A second session of the applicant, for sign-out to end.
    let spare = expect(
        http(
            server.addr,
            "POST",
            "/api/v1/session",
            None,
            Some(&json!({"user_id": "DEMO-MED", "password": password})),
        )?,
        200,
        "a second sign-in as DEMO-MED",
    )?
    .cookie()
    .ok_or("the second sign-in set no session cookie")?;
    let mut failed = Vec::new();
    // The reviewer first: it moves the seeded filings on (accepts, rejects, returns), which
    // leaves the applicant's revise and copy something to work on.
    for (who, cookie, ops) in [
        ("reviewer", &reviewer, Ops::AllButSignOut),
        ("applicant", &applicant, Ops::AllButSignOut),
        ("applicant signing out", &spare, Ops::SignOut),
    ] {
        step(&format!(
            "Contract fuzz as {who}: schemathesis {SCHEMATHESIS_VERSION}, --checks all"
        ));
        let run = run_schemathesis(server, &config, cookie, ops).and_then(|()| {
            if ops == Ops::SignOut {
                return Ok(());
            }
            // A run whose session ended midway would have passed on 401s alone.
            let still = http(server.addr, "GET", "/api/v1/session", Some(cookie), None)?;
            if still.status == 200 {
                Ok(())
            } else {
                Err(format!(
                    "the session ended during the run ({}), so most of it tested nothing",
                    still.status
                ))
            }
        });
        if let Err(e) = run {
            eprintln!("xtask: contract fuzz as {who}: {e}");
            failed.push(who);
        }
    }
    eprintln!(
        "    contract fuzz took {:.0} s",
        started.elapsed().as_secs_f64()
    );
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the contract fuzz found failures as {} (see above: each comes with a curl command \
             that reproduces it)",
            failed.join(" and ")
        ))
    }
}

/// The schemathesis configuration: the session cookie goes through the document's own
/// `session_cookie` scheme (so that the auth checks know how the request authenticates), and
/// every request carries the CSRF header the state-changing operations require.
///
/// The password change refuses schema-valid bodies with 422 for reasons no schema can state: a
/// wrong current password, a new password that is a common word or contains the user ID, or a
/// confirmation that differs. Submitting refuses with 422 a draft whose answers fail the
/// form's check, and a return a deadline before today; the document says so in their 422
/// descriptions. For those three, 422 is an expected answer to valid data.
const ST_CONFIG: &str = r#"
[auth.openapi.session_cookie]
api_key = "${TODOKE_FUZZ_SESSION}"

[headers]
X-Requested-With = "todoke"

[[operations]]
include-operation-id = ["change_password", "submit_draft", "return_filing"]
checks.positive_data_acceptance.expected-statuses = ["2xx", "401", "403", "404", "409", "422", "429"]
"#;

fn run_schemathesis(server: &Server, config: &Path, cookie: &str, ops: Ops) -> Result {
    let value = cookie
        .split_once('=')
        .map(|(_, v)| v)
        .ok_or("no session cookie")?;
    let mut cmd = Command::new(st());
    cmd.arg("--config-file")
        .arg(config)
        .arg("run")
        .arg(format!("http://{}/api/openapi.json", server.addr))
        .args(["--checks", "all"])
        .args(["--max-examples", MAX_EXAMPLES])
        .args(["--workers", "2"])
        .args(["--request-timeout", "30"])
        .args(["--generation-database", "none"])
        .arg("--no-color");
    match ops {
        Ops::AllButSignOut => cmd.args(["--exclude-operation-id", SIGN_OUT]),
        Ops::SignOut => cmd.args(["--include-operation-id", SIGN_OUT]),
    };
    let shown = format!("{cmd:?}");
    let mut child = cmd
        .env("TODOKE_FUZZ_SESSION", value)
        .current_dir(&server.dir)
        .stdin(Stdio::null())
        .spawn()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    let deadline = Instant::now() + RUN_LIMIT;
    loop {
        if let Some(st) = child.try_wait().map_err(|e| e.to_string())? {
            return if st.success() {
                Ok(())
            } else {
                Err(format!("schemathesis reported failures ({st})"))
            };
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!(
                "schemathesis did not finish within {} s",
                RUN_LIMIT.as_secs()
            ));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

// ---- The test server ---------------------------------------------------------------------------

/// `todoke-server serve --demo` on a temporary database; stopped and cleaned up when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
    dir: PathBuf,
}

impl Server {
    fn start() -> Result<Server> {
        let dir = std::env::temp_dir().join(format!("todoke-contract-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let addr = free_port()?;
        let log = std::fs::File::create(dir.join("server.log")).map_err(|e| e.to_string())?;
        let binary = target_dir().join("debug/todoke-server");
        step(&format!("Contract fuzz: starting todoke-server on {addr}"));
        let child = Command::new(&binary)
            .args(["serve", "--demo"])
            .env(
                "TODOKE_DATABASE_URL",
                format!("sqlite://{}", dir.join("fuzz.db").display()),
            )
            .env("TODOKE_ADDR", addr.to_string())
            .env("TODOKE_SERVICE_HOURS", "always")
            .env("TODOKE_DIST_DIR", "")
            // The fuzz signs in with wrong passwords thousands of times, mostly for made-up
            // user IDs but also for the demo ones; the lock must not end the run.
            .env("TODOKE_LOCKOUT_THRESHOLD", "1000")
            .env("TODOKE_LOCKOUT_MINUTES", "1")
            .env("RUST_LOG", "warn")
            .current_dir(&dir)
            .stdin(Stdio::null())
            .stdout(log.try_clone().map_err(|e| e.to_string())?)
            .stderr(log)
            .spawn()
            .map_err(|e| format!("could not start {}: {e}", binary.display()))?;
        let mut server = Server { child, addr, dir };
        server.wait_until_ready()?;
        Ok(server)
    }

    fn wait_until_ready(&mut self) -> Result {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(st) = self.child.try_wait().map_err(|e| e.to_string())? {
                self.show_log_tail();
                return Err(format!("todoke-server stopped at startup ({st})"));
            }
            if http(self.addr, "GET", "/healthz", None, None).is_ok_and(|r| r.status == 200) {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err("todoke-server did not answer /healthz within 60 s".into());
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// The end of the server's log (errors behind a 5xx are logged there).
    fn show_log_tail(&self) {
        let log = std::fs::read_to_string(self.dir.join("server.log")).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        let tail = &lines[lines.len().saturating_sub(40)..];
        if !tail.is_empty() {
            eprintln!("--- todoke-server log (last {} lines) ---", tail.len());
            for line in tail {
                eprintln!("{line}");
            }
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| if p.is_absolute() { p } else { root().join(p) })
        .unwrap_or_else(|| root().join("target"))
}

/// A port nobody listens on now (the server binds it a moment later).
fn free_port() -> Result<SocketAddr> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    listener.local_addr().map_err(|e| e.to_string())
}

// ---- Accounts and data -------------------------------------------------------------------------

/// A new password for the demo accounts that passes the policy and differs from run to run.
fn new_password() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    // Letters far apart on the keyboard and in the alphabet: no run of neighbours, no word.
    let tail: String = (0..4)
        .map(|i| b"kmtx"[(nanos >> (i * 2)) as usize % 4] as char)
        .collect();
    format!("Kx7#mQ2!vRt9{tail}")
}

/// Signs in with the initial password and changes it; answers the new session's cookie
/// (`todoke_session=…`).
fn first_session(addr: SocketAddr, user_id: &str, initial: &str, new: &str) -> Result<String> {
    let signed_in = expect(
        http(
            addr,
            "POST",
            "/api/v1/session",
            None,
            Some(&json!({"user_id": user_id, "password": initial})),
        )?,
        200,
        &format!("sign-in as {user_id}"),
    )?;
    let cookie = signed_in.cookie().ok_or("sign-in set no session cookie")?;
    let changed = expect(
        http(
            addr,
            "PUT",
            "/api/v1/account/password",
            Some(&cookie),
            Some(&json!({
                "current_password": initial,
                "new_password": new,
                "new_password_confirmation": new,
            })),
        )?,
        200,
        &format!("password change of {user_id}"),
    )?;
    changed
        .cookie()
        .ok_or_else(|| "the password change set no session cookie".to_string())
}

/// The lifecycle steps taken on each seeded submission, so that the fuzz finds one in every
/// status an action starts from.
const SUBMISSIONS: &[&[&str]] = &[
    &[],
    &[],
    &["receive"],
    &["receive"],
    &["receive", "start-review"],
    &["receive", "start-review"],
    &["receive", "return"],
    &["receive", "start-review", "return"],
    &["withdraw"],
    &["receive", "start-review", "reject"],
];

/// One draft and [`SUBMISSIONS`] of the applicant (利用終了届出, the shortest form), taken
/// through the lifecycle by the applicant and the reviewer.
fn seed(addr: SocketAddr, applicant: &str, reviewer: &str) -> Result {
    let bundle = expect(
        http(
            addr,
            "GET",
            "/api/v1/forms/end-of-use",
            Some(applicant),
            None,
        )?,
        200,
        "the end-of-use form",
    )?
    .json()?;
    let today = bundle["context"]["today"]
        .as_str()
        .ok_or("the form bundle has no context.today")?
        .to_string();
    let answers = json!({
        "institution_code": DEMO_CODE,
        "contact_name": "届出 花子",
        "contact_phone": "03-1234-5678",
        "end_reason": "closure",
        "last_day_of_use": today,
        "declaration_end_of_use": true,
        "filing_date": today,
        "institution_name": DEMO_NAME,
        "institution_postal_code": "100-0001",
        "institution_address": "東京都千代田区千代田1-1",
        "founder_name": "医療法人とどけ会 理事長 届出 太郎",
    });
    let new_draft = || -> Result<Value> {
        expect(
            http(
                addr,
                "POST",
                "/api/v1/drafts",
                Some(applicant),
                Some(&json!({"form_id": "end-of-use", "answers": answers})),
            )?,
            201,
            "creating a draft",
        )?
        .json()
    };
    new_draft()?;
    let report = expect(
        http(
            addr,
            "POST",
            "/api/v1/forms/end-of-use/check",
            Some(applicant),
            Some(&json!({"answers": answers})),
        )?,
        200,
        "checking the answers",
    )?
    .json()?;
    let issues = report["issues"].as_array().cloned().unwrap_or_default();
    if let Some(error) = issues.iter().find(|i| i["severity"] == "error") {
        return Err(format!("the seeded answers fail the check: {error}"));
    }
    let warnings: Vec<String> = issues
        .iter()
        .map(|i| {
            format!(
                "{}@{}",
                i["code"].as_str().unwrap_or(""),
                i["path"].as_str().unwrap_or("")
            )
        })
        .collect();
    let mut submissions = Vec::new();
    for _ in 0..SUBMISSIONS.len() {
        let draft = new_draft()?;
        let submitted = expect(
            http(
                addr,
                "POST",
                &format!("/api/v1/drafts/{}/submit", draft["id"]),
                Some(applicant),
                Some(&json!({"version": draft["version"], "acknowledged_warnings": warnings})),
            )?,
            201,
            "submitting a draft",
        )?
        .json()?;
        submissions.push(submitted["id"].clone());
    }
    for (id, steps) in submissions.iter().zip(SUBMISSIONS) {
        for step in *steps {
            let (who, path, body) = match *step {
                "withdraw" => (
                    applicant,
                    format!("/api/v1/submissions/{id}/withdraw"),
                    json!({}),
                ),
                "return" => (
                    reviewer,
                    format!("/api/v1/review/filings/{id}/return"),
                    json!({"comment": "添付書類を確認してください。"}),
                ),
                "reject" => (
                    reviewer,
                    format!("/api/v1/review/filings/{id}/reject"),
                    json!({"reason": "要件を満たしていません。"}),
                ),
                action => (
                    reviewer,
                    format!("/api/v1/review/filings/{id}/{action}"),
                    json!({}),
                ),
            };
            expect(
                http(addr, "POST", &path, Some(who), Some(&body))?,
                200,
                &format!("seeding: {step} of submission {id}"),
            )?;
        }
    }
    Ok(())
}

// ---- A minimal HTTP/1.1 client (std only) ------------------------------------------------------

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn json(&self) -> Result<Value> {
        serde_json::from_slice(&self.body).map_err(|e| format!("not JSON ({e})"))
    }

    /// `todoke_session=…` from `Set-Cookie`.
    fn cookie(&self) -> Option<String> {
        self.headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case("set-cookie"))
            .filter_map(|(_, v)| v.split(';').next())
            .find(|pair| pair.trim_start().starts_with("todoke_session="))
            .map(|pair| pair.trim().to_string())
    }
}

fn expect(reply: Reply, wanted: u16, what: &str) -> Result<Reply> {
    if reply.status == wanted {
        Ok(reply)
    } else {
        Err(format!(
            "{what}: expected {wanted}, got {}: {}",
            reply.status,
            String::from_utf8_lossy(&reply.body)
        ))
    }
}

fn http(
    addr: SocketAddr,
    method: &str,
    path: &str,
    cookie: Option<&str>,
    body: Option<&Value>,
) -> Result<Reply> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5))
        .map_err(|e| format!("{method} {path}: {e}"))?;
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .map_err(|e| e.to_string())?;
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
         X-Requested-With: todoke\r\nContent-Length: {}\r\n",
        body.len()
    );
    if !body.is_empty() {
        request.push_str("Content-Type: application/json\r\n");
    }
    if let Some(cookie) = cookie {
        request.push_str(&format!("Cookie: {cookie}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(&body);
    stream
        .write_all(request.as_bytes())
        .map_err(|e| format!("{method} {path}: {e}"))?;
    let mut raw = Vec::new();
    stream
        .read_to_end(&mut raw)
        .map_err(|e| format!("{method} {path}: {e}"))?;
    parse_reply(&raw).ok_or_else(|| format!("{method} {path}: not an HTTP response"))
}

fn parse_reply(raw: &[u8]) -> Option<Reply> {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&raw[..split]).ok()?;
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    let chunked = headers.iter().any(|(k, v)| {
        k.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked")
    });
    if chunked {
        body = dechunk(&body)?;
    }
    Some(Reply {
        status,
        headers,
        body,
    })
}

fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = data.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&data[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size + 2..)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_parse_with_and_without_chunks() {
        let plain = parse_reply(
            b"HTTP/1.1 200 OK\r\nset-cookie: todoke_session=abc; HttpOnly\r\n\r\n{\"a\":1}",
        )
        .unwrap();
        assert_eq!(plain.status, 200);
        assert_eq!(plain.cookie().as_deref(), Some("todoke_session=abc"));
        assert_eq!(plain.json().unwrap()["a"], 1);
        let chunked = parse_reply(
            b"HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n{\"a\r\n4\r\n\":2}\r\n0\r\n\r\n",
        )
        .unwrap();
        assert_eq!(chunked.status, 201);
        assert_eq!(chunked.json().unwrap()["a"], 2);
    }

    /// The whole fuzz on its own: `cargo test -p xtask -- --ignored contract_fuzz --nocapture`.
    #[test]
    #[ignore = "builds and fuzzes the server for about a minute"]
    fn contract_fuzz() {
        fuzz().unwrap();
    }

    #[test]
    fn new_passwords_keep_the_policy_shape() {
        let p = new_password();
        assert_eq!(p.len(), 16);
        assert!(p.starts_with("Kx7#mQ2!vRt9"));
    }
}
