//! HTTP load (issue "National scale"): N concurrent signed-in clients on loopback against the
//! real server (`todoke_server::start`, built with the bench profile, i.e. the release profile
//! the server ships with), each over one keep-alive HTTP/1.1 connection, beside a bare axum
//! handler served by the same process and measured by the same client in the same run. Run with
//! `nice cargo bench -p todoke-server --bench load`; `cargo xtask bench load` runs it on both
//! engines and writes docs/benchmarks.md.
//!
//! Env: `LOAD_BENCH_DATABASE_URL` (a PostgreSQL server, `postgres://todoke@127.0.0.1:PORT`; the
//! benchmark creates and drops a database of its own; SQLite when unset), `LOAD_BENCH_CLIENTS`
//! (default 32), `LOAD_BENCH_SECS` per target (default 10, after 1 s of warm-up),
//! `LOAD_BENCH_ROWS` submissions seeded as for the list benchmark (default 100000).
//!
//! The client is a minimal HTTP/1.1 client (request line, headers, `Content-Length` or chunked
//! body) on a thread and runtime of its own, so that the server keeps its two worker threads.
//! Prints `BENCH_LOAD …` lines, then `TODOKE_BENCH_MARKDOWN` and a Markdown table.

#[path = "support/filings.rs"]
mod filings;
mod support;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::Router;
use axum::http::Method;
use axum::routing::get;
use todoke_server::app;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use filings::{full_session, send, sign_in};

fn main() {
    support::run(run());
}

/// One target: where, what, and with which session cookie per client.
#[derive(Clone)]
struct Target {
    label: &'static str,
    addr: SocketAddr,
    path: &'static str,
    cookies: Vec<Option<String>>,
}

struct Outcome {
    label: &'static str,
    path: &'static str,
    requests: usize,
    errors: usize,
    secs: f64,
    p50: Duration,
    p99: Duration,
    bytes: usize,
}

async fn run() {
    let rows = support::env_num("LOAD_BENCH_ROWS", 100_000);
    let clients = support::env_num("LOAD_BENCH_CLIENTS", 32).max(1) as usize;
    let secs = support::env_num("LOAD_BENCH_SECS", 10).max(1);
    let (db, seeded) = filings::seeded("LOAD_BENCH_DATABASE_URL", "load", rows).await;
    let engine = db.engine.name();
    let state = seeded.state.clone();

    // One full session (the initial password changed), then as many more sign-ins of the same
    // applicant as there are clients: every client has a session of its own.
    let router = app(state.clone());
    let first = full_session(
        &router,
        &seeded.applicant.user_id,
        &seeded.applicant.initial_password,
    )
    .await;
    let mut cookies = vec![Some(first)];
    while cookies.len() < clients {
        cookies.push(Some(sign_in(&router, &seeded.applicant.user_id).await));
    }
    // The cookies work through the whole stack.
    let (status, _, _) = send(
        &router,
        Method::GET,
        "/api/v1/filings",
        None,
        cookies[0].as_deref(),
    )
    .await;
    assert!(status.is_success(), "{status}");
    drop(router);

    let server = todoke_server::start(state.clone()).await.expect("server");
    let bare_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let bare_addr = bare_listener.local_addr().unwrap();
    let bare = tokio::spawn(async move {
        let router: Router = Router::new().route("/", get(|| async { "ok" }));
        axum::serve(bare_listener, router).await
    });

    let targets = vec![
        Target {
            label: "bare axum handler",
            addr: bare_addr,
            path: "/",
            cookies: vec![None; clients],
        },
        Target {
            label: "todoke: session",
            addr: server.addr,
            path: "/api/v1/session",
            cookies: cookies.clone(),
        },
        Target {
            label: "todoke: filings list, page 1",
            addr: server.addr,
            path: "/api/v1/filings",
            cookies: cookies.clone(),
        },
    ];
    let window = Duration::from_secs(secs);
    let outcomes = tokio::task::spawn_blocking(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let mut outcomes = Vec::new();
            for target in targets {
                outcomes.push(load(target, window).await);
            }
            outcomes
        })
    })
    .await
    .unwrap();

    drop(server);
    bare.abort();
    let version = db.version(&state).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    db.remove(state).await;
    drop(seeded);

    let bare_rps = outcomes[0].requests as f64 / outcomes[0].secs;
    for o in &outcomes {
        println!(
            "BENCH_LOAD engine=\"{engine}\" target=\"{}\" path=\"{}\" clients=\"{clients}\" secs=\"{:.1}\" requests=\"{}\" errors=\"{}\" rps=\"{:.0}\" p50_ms=\"{:.2}\" p99_ms=\"{:.2}\" bytes=\"{}\"",
            o.label,
            o.path,
            o.secs,
            o.requests,
            o.errors,
            o.requests as f64 / o.secs,
            o.p50.as_secs_f64() * 1e3,
            o.p99.as_secs_f64() * 1e3,
            o.bytes
        );
    }
    println!(
        "BENCH_ENV engine=\"{engine}\" version=\"{version}\" rows=\"{rows}\" clients=\"{clients}\""
    );
    println!("{}", support::MARKDOWN);
    println!(
        "| Target | `GET` | Requests | Requests/s | p50 (ms) | p99 (ms) | Bare handler's requests/s ÷ this | Errors |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    for o in &outcomes {
        let rps = o.requests as f64 / o.secs;
        println!(
            "| {} | `{}` | {} | {:.0} | {:.2} | {:.2} | {:.1} | {} |",
            o.label,
            o.path,
            o.requests,
            rps,
            o.p50.as_secs_f64() * 1e3,
            o.p99.as_secs_f64() * 1e3,
            bare_rps / rps,
            o.errors
        );
    }
}

/// Every client sends `target.path` again as soon as the previous answer is read, for one
/// second of warm-up and then `window`; requests sent within the window count.
async fn load(target: Target, window: Duration) -> Outcome {
    let start = Instant::now() + Duration::from_secs(1);
    let end = start + window;
    let mut tasks = Vec::new();
    for cookie in target.cookies.clone() {
        let (addr, path) = (target.addr, target.path);
        tasks.push(tokio::spawn(async move {
            client(addr, path, cookie, start, end).await
        }));
    }
    let (mut times, mut errors, mut bytes) = (Vec::new(), 0, 0);
    for t in tasks {
        let (ts, e, b) = t.await.unwrap();
        times.extend(ts);
        errors += e;
        bytes = bytes.max(b);
    }
    times.sort();
    let pct = |p: f64| {
        if times.is_empty() {
            return Duration::ZERO;
        }
        let idx = ((p / 100.0) * times.len() as f64).ceil() as usize;
        times[idx.saturating_sub(1).min(times.len() - 1)]
    };
    Outcome {
        label: target.label,
        path: target.path,
        requests: times.len(),
        errors,
        secs: window.as_secs_f64(),
        p50: pct(50.0),
        p99: pct(99.0),
        bytes,
    }
}

/// One client on one keep-alive connection (a new one if the server closes it). Returns the
/// latencies of the successful requests sent in the window, the failures (non-2xx or
/// connection errors) and the size of the last body.
async fn client(
    addr: SocketAddr,
    path: &str,
    cookie: Option<String>,
    start: Instant,
    end: Instant,
) -> (Vec<Duration>, usize, usize) {
    let mut request = format!(
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: application/json\r\n\
         Accept-Encoding: gzip, deflate, br, zstd\r\nX-Requested-With: todoke\r\n\
         Sec-Fetch-Site: same-origin\r\nUser-Agent: todoke-load-bench\r\n"
    );
    if let Some(c) = &cookie {
        request.push_str(&format!("Cookie: {c}\r\n"));
    }
    request.push_str("\r\n");
    let (mut times, mut errors, mut last_len) = (Vec::new(), 0, 0);
    let mut conn: Option<Conn> = None;
    loop {
        let sent = Instant::now();
        if sent >= end {
            break;
        }
        if conn.is_none() {
            match TcpStream::connect(addr).await {
                Ok(s) => {
                    let _ = s.set_nodelay(true);
                    conn = Some(Conn {
                        stream: s,
                        buf: Vec::with_capacity(16 * 1024),
                    });
                }
                Err(_) => {
                    errors += 1;
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
            }
        }
        let c = conn.as_mut().expect("connected");
        match c.exchange(request.as_bytes()).await {
            Ok((status, len, keep_alive)) => {
                let took = sent.elapsed();
                if sent >= start {
                    if (200..300).contains(&status) {
                        times.push(took);
                    } else {
                        errors += 1;
                    }
                }
                last_len = len;
                if !keep_alive {
                    conn = None;
                }
            }
            Err(_) => {
                if sent >= start {
                    errors += 1;
                }
                conn = None;
            }
        }
    }
    (times, errors, last_len)
}

struct Conn {
    stream: TcpStream,
    /// Bytes read and not yet consumed.
    buf: Vec<u8>,
}

type Io<T> = Result<T, std::io::Error>;

fn bad(what: &str) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_string())
}

impl Conn {
    /// Sends one request and reads its whole response: (status, body bytes, keep-alive).
    async fn exchange(&mut self, request: &[u8]) -> Io<(u16, usize, bool)> {
        self.stream.write_all(request).await?;
        let head_end = loop {
            if let Some(i) = find(&self.buf, b"\r\n\r\n") {
                break i + 4;
            }
            self.fill().await?;
        };
        let head = std::str::from_utf8(&self.buf[..head_end]).map_err(|_| bad("head"))?;
        let mut lines = head.split("\r\n");
        let status: u16 = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| bad("status line"))?;
        let (mut length, mut chunked, mut keep_alive) = (None, false, true);
        for line in lines {
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim();
            if name.eq_ignore_ascii_case("content-length") {
                length = value.parse::<usize>().ok();
            } else if name.eq_ignore_ascii_case("transfer-encoding") {
                chunked = value.eq_ignore_ascii_case("chunked");
            } else if name.eq_ignore_ascii_case("connection") {
                keep_alive = !value.eq_ignore_ascii_case("close");
            }
        }
        self.buf.drain(..head_end);
        let body = if chunked {
            let mut total = 0;
            loop {
                let line_end = loop {
                    if let Some(i) = find(&self.buf, b"\r\n") {
                        break i;
                    }
                    self.fill().await?;
                };
                let size_text =
                    std::str::from_utf8(&self.buf[..line_end]).map_err(|_| bad("chunk"))?;
                let size =
                    usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
                        .map_err(|_| bad("chunk size"))?;
                self.buf.drain(..line_end + 2);
                if size == 0 {
                    // No trailers from this server: the empty line ends the body.
                    while find(&self.buf, b"\r\n") != Some(0) {
                        self.fill().await?;
                    }
                    self.buf.drain(..2);
                    break total;
                }
                while self.buf.len() < size + 2 {
                    self.fill().await?;
                }
                self.buf.drain(..size + 2);
                total += size;
            }
        } else {
            let len = length.unwrap_or(0);
            while self.buf.len() < len {
                self.fill().await?;
            }
            self.buf.drain(..len);
            len
        };
        Ok((status, body, keep_alive))
    }

    async fn fill(&mut self) -> Io<()> {
        let mut chunk = [0u8; 16 * 1024];
        let n = self.stream.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                "closed",
            ));
        }
        self.buf.extend_from_slice(&chunk[..n]);
        Ok(())
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
