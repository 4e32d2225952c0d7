//! `cargo xtask bench [client] [list] [load] [issuance]` (all four when none is named): results
//! written to `docs/benchmarks.md`, one section per part; a part replaces only its own section.
//! Speed and size are measured here, never asserted in tests.
//!
//! **client**:
//! 1. Builds the SPA (trunk, release) and measures `dist/*.wasm`, `*.js`, `*.css`: raw, brotli
//!    quality 11 (what a precompressed `.br` would be) and quality 4 (what todoke-server's
//!    on-the-fly compression sends when no `.br` file is there).
//! 2. Runs `cargo bench -p todoke-core --bench check` (native, `std::time::Instant`).
//! 3. Runs `crates/core/tests/browser_bench.rs` in headless Chromium through
//!    wasm-bindgen-test-runner.
//!
//! Both benchmarks print `TODOKE_BENCH key=value …` lines (see
//! `crates/core/benches/support/staffing.rs`); this file parses them.
//!
//! **list**: `cargo bench -p todoke-server --bench list`, list search over 100,000
//! submissions through the HTTP stack, once on SQLite and once on PostgreSQL (a throw-away
//! cluster, [`crate::postgres`], named by `LIST_BENCH_DATABASE_URL`); it prints one
//! `BENCH engine=… scope=… case=… …` line per case and this file puts both engines side by side.
//! **load**: `cargo bench -p todoke-server --bench load`, N concurrent signed-in clients on
//! loopback against the release server and a bare axum handler, on both engines the same way
//! (`LOAD_BENCH_DATABASE_URL`; `BENCH_LOAD …` lines). **issuance**: `cargo bench -p
//! todoke-server --bench issuance`, import and credential issuance for 100,000 institutions;
//! it prints `TODOKE_BENCH_MARKDOWN` followed by its results as Markdown, which goes into the
//! section.

mod client;
mod first_load;
mod server;
mod wasm_names;

use client::client;
use server::{ISSUANCE, list, load, server_bench};

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use crate::{
    Result, build_spa, cargo, ensure_build_tools, ensure_test_tools, postgres, root, step,
    tool_path, version_of,
};

const MARKER: &str = "TODOKE_BENCH";
const FORM: &str = "periodic-report-staffing";
const CASES: [u32; 3] = [1, 50, 200];
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";
/// Brotli at its best, as the build's precompressed `name.br` beside the file.
use crate::precompress::{BROTLI_BEST, BROTLI_LGWIN};
/// tower-http's default brotli level for on-the-fly compression (todoke-server without `.br`).
const BROTLI_ON_THE_FLY: u32 = 4;

// References quoted in "Reading these numbers" (craft guide and toolchain notes).
const REF_WASM_RAW_KB: f64 = 305.0;
const REF_WASM_BR_KB: f64 = 105.0;
const REF_JS_BR_KB: f64 = 7.0;
const VALIDATOR_EMAIL_BR_KB: f64 = 225.0;
const VALIDATOR_EMAIL_RAW_KB: f64 = 890.0;
const INP_BUDGET_MS: f64 = 200.0;

pub const NATIVE_COMMAND: &str = "cargo bench -p todoke-core --bench check";
pub const BROWSER_COMMAND: &str = "CHROMEDRIVER=/usr/bin/chromedriver cargo test -p todoke-core \
     --target wasm32-unknown-unknown --release --test browser_bench -- --nocapture";

/// The parts `cargo xtask bench` can run, in the order of docs/benchmarks.md.
const PARTS: [&str; 4] = ["client", "list", "load", "issuance"];

pub fn bench(args: &[String]) -> Result {
    let parts: Vec<&str> = if args.is_empty() {
        PARTS.to_vec()
    } else {
        args.iter()
            .map(|a| {
                PARTS
                    .iter()
                    .find(|p| **p == a.as_str())
                    .copied()
                    .ok_or_else(|| format!("unknown benchmark part {a:?}; the parts: {PARTS:?}"))
            })
            .collect::<Result<_>>()?
    };
    if parts.contains(&"client") {
        ensure_build_tools()?;
    }
    // One throw-away PostgreSQL cluster for the parts that run on both engines, stopped and
    // removed when this returns.
    let mut cluster: Option<postgres::Cluster> = None;
    for part in parts {
        let section = match part {
            "client" => client()?,
            "list" | "load" => {
                if cluster.is_none() {
                    cluster = Some(postgres::Cluster::start()?);
                }
                let url = cluster.as_ref().map(|c| c.url()).unwrap_or_default();
                if part == "list" {
                    list(&url)?
                } else {
                    load(&url)?
                }
            }
            _ => server_bench(&ISSUANCE)?,
        };
        write_section(part, &section)?;
    }
    Ok(())
}

/// Replaces the section `name` of docs/benchmarks.md (between `<!-- bench:name -->` and
/// `<!-- /bench:name -->`), keeping the others in the order of [`PARTS`].
fn write_section(name: &str, body: &str) -> Result {
    let path = root().join("docs/benchmarks.md");
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    let mut doc = String::from(DOC_HEADER);
    for part in PARTS {
        let (open, close) = (
            format!("<!-- bench:{part} -->"),
            format!("<!-- /bench:{part} -->"),
        );
        let content = if part == name {
            Some(body.trim().to_string())
        } else {
            old.split_once(&open)
                .and_then(|(_, rest)| rest.split_once(&close))
                .map(|(inner, _)| inner.trim().to_string())
        };
        if let Some(content) = content {
            let _ = write!(doc, "\n{open}\n\n{content}\n\n{close}\n");
        }
    }
    std::fs::write(&path, doc).map_err(|e| format!("{}: {e}", path.display()))?;
    step(&format!("Wrote the {name} section of {}", path.display()));
    Ok(())
}

const DOC_HEADER: &str = "# Benchmarks

<!-- Written by `cargo xtask bench [client|list|load|issuance]` (xtask/src/bench.rs); each part
     replaces only its own section. -->

Speed and size are measured here, never asserted in tests. Each section says when, at which
commit and on which machine it was measured:

* [Client](#client-bundle-size-and-form-check-speed): the SPA's bundle size and the form check's
  speed natively and in Chromium (`cargo xtask bench client`).
* [List search](#list-search-over-100000-submissions): the filings list and the review
  queue over 100,000 submissions, on SQLite and PostgreSQL side by side (`cargo xtask bench list`).
* [HTTP load](#http-load-concurrent-signed-in-clients-on-loopback): requests per second and p99
  of concurrent signed-in clients against the release server, beside a bare axum handler
  (`cargo xtask bench load`).
* [Bulk issuance](#bulk-issuance-for-100000-institutions): importing 100,000 institutions
  and issuing their credentials and letters (`cargo xtask bench issuance`).
";

// ---- Running and parsing the benchmarks -------------------------------------------------------

/// Runs `cmd`, echoing its stdout and stderr as they come, and returns both (stdout first).
fn run_streaming(cmd: &mut Command) -> Result<String> {
    let shown = format!("{cmd:?}");
    let mut child = cmd
        .current_dir(root())
        .env("PATH", tool_path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    let stderr = child.stderr.take().expect("piped");
    let err_thread = std::thread::spawn(move || {
        let mut collected = String::new();
        let mut reader = BufReader::new(stderr);
        let mut buf = [0u8; 8192];
        // Byte-wise, so that cargo's progress bar (no newline) still shows.
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            let _ = std::io::stderr().write_all(&buf[..n]);
            collected.push_str(&String::from_utf8_lossy(&buf[..n]));
        }
        collected
    });
    let mut collected = String::new();
    for line in BufReader::new(child.stdout.take().expect("piped")).lines() {
        let line = line.map_err(|e| e.to_string())?;
        println!("{line}");
        collected.push_str(&line);
        collected.push('\n');
    }
    let st = child.wait().map_err(|e| e.to_string())?;
    collected.push_str(&err_thread.join().unwrap_or_default());
    if st.success() {
        Ok(collected)
    } else {
        Err(format!("{shown} failed ({st})"))
    }
}

struct CaseResult {
    env: String,
    rows: u32,
    iterations: u64,
    first_us: f64,
    median_us: f64,
    p95_us: f64,
    mean_us: f64,
    min_us: f64,
    computed: u32,
}

/// The `TODOKE_BENCH env=<env> form=… rows=…` lines of `output`, one per case, all clean.
fn results(output: &str, env: &str) -> Result<Vec<CaseResult>> {
    let mut found = Vec::new();
    for line in output.lines() {
        let Some(start) = line.find(MARKER) else {
            continue;
        };
        let fields: BTreeMap<&str, &str> = line[start + MARKER.len()..]
            .split_whitespace()
            .filter_map(|kv| kv.split_once('='))
            .collect();
        if fields.get("env") != Some(&env) || !fields.contains_key("rows") {
            continue;
        }
        let get = |k: &str| {
            fields
                .get(k)
                .copied()
                .ok_or_else(|| format!("{env} result without {k}: {line}"))
        };
        let num = |k: &str| -> Result<f64> {
            get(k)?
                .parse()
                .map_err(|_| format!("{env} result with a bad {k}: {line}"))
        };
        if get("form")? != FORM {
            continue;
        }
        if get("issues")? != "0" {
            return Err(format!("the benchmarked form has issues: {line}"));
        }
        found.push(CaseResult {
            env: env.to_string(),
            rows: num("rows")? as u32,
            iterations: num("iterations")? as u64,
            first_us: num("first_us")?,
            median_us: num("median_us")?,
            p95_us: num("p95_us")?,
            mean_us: num("mean_us")?,
            min_us: num("min_us")?,
            computed: num("computed")? as u32,
        });
    }
    for rows in CASES {
        if !found.iter().any(|r| r.rows == rows) {
            return Err(format!(
                "no {env} result for {rows} rows in the benchmark's output"
            ));
        }
    }
    Ok(found)
}

// ---- The machine -------------------------------------------------------------------------------

struct Machine {
    date: String,
    commit: String,
    nproc: String,
    cpu: String,
    memory: String,
    os: String,
    rustc: String,
    /// Chromium's version and user agent, for the client part.
    browser: Option<String>,
    tools: String,
    load: String,
}

/// When a measurement started: the time, the load, and the commit (with uncommitted changes
/// noted) whose code is about to be built and measured.
struct Start {
    date: String,
    load: String,
    commit: String,
}

impl Start {
    fn now() -> Start {
        let commit = first_line(Command::new("git").args(["rev-parse", "--short", "HEAD"]))
            .map(|c| {
                // Read-only: no index refresh.
                let dirty = Command::new("git")
                    .args(["--no-optional-locks", "status", "--porcelain"])
                    .current_dir(root())
                    .output()
                    .is_ok_and(|o| !o.stdout.is_empty());
                if dirty {
                    format!("{c} with uncommitted changes")
                } else {
                    c
                }
            })
            .unwrap_or_else(|| "unknown".into());
        Start {
            date: utc_now(),
            load: load_average(),
            commit,
        }
    }
}

impl Machine {
    /// `start` is taken before the build, so the commit is that of the code measured.
    fn probe(start: Start, user_agent: Option<String>) -> Machine {
        let Start { date, load, commit } = start;
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let cpu = field_of(&cpuinfo, "model name", ':').unwrap_or_else(|| "unknown".into());
        let memory = std::fs::read_to_string("/proc/meminfo")
            .ok()
            .and_then(|m| field_of(&m, "MemTotal", ':'))
            .and_then(|v| v.trim_end_matches(" kB").trim().parse::<f64>().ok())
            .map(|kb| format!("{:.1} GiB", kb / 1024.0 / 1024.0))
            .unwrap_or_else(|| "unknown".into());
        let os = std::fs::read_to_string("/etc/os-release")
            .ok()
            .and_then(|o| field_of(&o, "PRETTY_NAME", '='))
            .map(|v| v.trim_matches('"').to_string())
            .unwrap_or_else(|| "unknown".into());
        let nproc = first_line(&mut Command::new("nproc")).unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.to_string())
                .unwrap_or_else(|_| "unknown".into())
        });
        let tool = |p: &str| version_of(p).unwrap_or_else(|| format!("{p} not found"));
        Machine {
            date,
            commit,
            nproc,
            cpu,
            memory,
            os,
            rustc: tool("rustc"),
            browser: user_agent.map(|ua| {
                let chromium = first_line(Command::new("/usr/bin/chromium").arg("--version"))
                    .unwrap_or_else(|| "unknown".into());
                format!("{chromium} (headless; user agent `{ua}`)")
            }),
            tools: format!(
                "{}; {}; {}",
                tool("trunk"),
                tool("wasm-bindgen"),
                tool("wasm-opt")
            ),
            load: format!("{load} at start, {} at the end", load_average()),
        }
    }
}

impl Machine {
    /// The `### Machine` table.
    fn table(&self) -> String {
        let mut t = format!(
            "### Machine

| | |
|---|---|
| Date | {date} |
| CPU | {cpu} |
| Cores (`nproc`) | {nproc} (shared with other work; load average {load}) |
| Memory | {memory} |
| OS | {os} |
| Rust | {rustc} |
",
            date = self.date,
            cpu = self.cpu,
            nproc = self.nproc,
            load = self.load,
            memory = self.memory,
            os = self.os,
            rustc = self.rustc,
        );
        if let Some(browser) = &self.browser {
            let _ = writeln!(
                t,
                "| Browser | {browser} |\n| Build tools | {} |",
                self.tools
            );
        }
        t
    }
}

/// The 1, 5 and 15 minute load averages.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

fn field_of(text: &str, key: &str, sep: char) -> Option<String> {
    text.lines()
        .filter_map(|l| l.split_once(sep))
        .find(|(k, _)| k.trim() == key)
        .map(|(_, v)| v.trim().to_string())
}

use crate::first_line;

/// Now in UTC as `YYYY-MM-DD HH:MM UTC`, without a date crate.
fn utc_now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Howard Hinnant's days-to-civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        rest / 3600,
        rest % 3600 / 60
    )
}

// ---- docs/benchmarks.md ----------------------------------------------------------------------

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

fn grouped(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn us(v: f64) -> String {
    if v >= 1000.0 {
        format!("{:.2} ms", v / 1000.0)
    } else {
        format!("{v:.1} µs")
    }
}
