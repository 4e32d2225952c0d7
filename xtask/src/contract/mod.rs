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

mod client;
mod seed;
mod server;

pub(crate) use client::http;
use client::*;
use seed::*;
pub(crate) use server::{Server, free_port};

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
    let server = Server::start("contract", None)?;
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
/// form's check, and a return a deadline before today; a reissue request and a start-of-use
/// notification are checked like a form's fields (the code's prefecture and 点数表 digit, a class
/// that agrees with it, postal code and phone shapes, the previous user ID unless new); the
/// document says so in their 422 descriptions. For those five, 422
/// is an expected answer to valid data.
const ST_CONFIG: &str = r#"
[auth.openapi.session_cookie]
api_key = "${TODOKE_FUZZ_SESSION}"

[headers]
X-Requested-With = "todoke"

[[operations]]
include-operation-id = [
    "change_password",
    "submit_draft",
    "return_filing",
    "file_request",
    "file_start_of_use",
]
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
