//! `start()` serves over a real socket and shuts down cleanly.

use std::sync::Arc;

use todoke_server::{Config, SystemClock, build_state, start};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[tokio::test]
async fn start_binds_a_free_port_and_serves_until_shut_down() {
    let dir = tempfile::tempdir().unwrap();
    // The file does not exist yet: it is created.
    let url = format!("sqlite://{}", dir.path().join("new.db").display());
    let state = build_state(Config::for_tests(&url), Arc::new(SystemClock))
        .await
        .unwrap();
    assert!(dir.path().join("new.db").exists());
    let server = start(state).await.unwrap();
    assert_ne!(server.addr.port(), 0);
    assert_eq!(server.url(), format!("http://{}/", server.addr));

    let mut stream = tokio::net::TcpStream::connect(server.addr).await.unwrap();
    stream
        .write_all(
            format!(
                "GET /healthz HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
                server.addr
            )
            .as_bytes(),
        )
        .await
        .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).await.unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(
        response.contains(r#"{"status":"ok","database":"ok","engine":"sqlite"}"#),
        "{response}"
    );

    let addr = server.addr;
    server.shutdown().await.unwrap();
    assert!(
        tokio::net::TcpStream::connect(addr).await.is_err(),
        "no longer listening"
    );
}

/// Sends `request` on `stream` and reads one response: (head, body).
async fn exchange(stream: &mut tokio::net::TcpStream, request: &[u8]) -> Option<(String, Vec<u8>)> {
    stream.write_all(request).await.ok()?;
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_ascii_lowercase();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .map_or(0, |v| v.trim().parse().unwrap());
    while buf.len() < head_end + length {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    Some((head, buf[head_end..head_end + length].to_vec()))
}

/// A request refused before its body is read (no session 401, CSRF 403, role 403) must not
/// break the kept-alive connection: the next request on it is answered, or the refusal said
/// `Connection: close`.
#[tokio::test]
async fn early_refusals_keep_the_connection_usable() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("k.db").display());
    let state = build_state(Config::for_tests(&url), Arc::new(SystemClock))
        .await
        .unwrap();
    let server = start(state).await.unwrap();
    let host = server.addr.to_string();
    let body = format!(
        r#"{{"form_id":"staff-change","answers":{{"note":"{}"}}}}"#,
        "x".repeat(200_000)
    );
    let refused = [
        // No session: the extractor answers 401 before the body.
        format!(
            "POST /api/v1/drafts HTTP/1.1\r\nHost: {host}\r\nX-Requested-With: todoke\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        ),
        // No CSRF header: the guard answers 403 before the body.
        format!(
            "POST /api/v1/session HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        ),
    ];
    for request in refused {
        for round in 0..5 {
            let mut stream = tokio::net::TcpStream::connect(server.addr).await.unwrap();
            let (head, _) = exchange(&mut stream, request.as_bytes())
                .await
                .expect("the refusal arrives");
            assert!(head.starts_with("http/1.1 4"), "{head}");
            if head.contains("connection: close") {
                continue;
            }
            let next = format!("GET /healthz HTTP/1.1\r\nHost: {host}\r\n\r\n");
            let answer = exchange(&mut stream, next.as_bytes()).await;
            assert!(
                answer
                    .as_ref()
                    .is_some_and(|(h, _)| h.starts_with("http/1.1 200")),
                "round {round}: after {head} the connection gave {answer:?}"
            );
        }
    }
    server.shutdown().await.unwrap();
}

/// `/readyz` is what a load balancer polls: ready while the database answers, 503 `draining`
/// once a shutdown has begun (the process flips the flag on SIGTERM, before it drains).
#[tokio::test]
async fn readiness_turns_to_draining_at_shutdown() {
    let app = super::helpers::spawn_app().await;
    let ready = app.get("/readyz", None).await;
    assert_eq!(ready.status, axum::http::StatusCode::OK);
    assert_eq!(ready.json()["status"], "ok");
    assert_eq!(ready.header("cache-control").as_deref(), Some("no-store"));
    app.state
        .ready
        .store(false, std::sync::atomic::Ordering::SeqCst);
    let draining = app.get("/readyz", None).await;
    assert_eq!(draining.status, axum::http::StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(draining.json()["status"], "draining");
    // Liveness is another question: the process still works until it has drained.
    assert_eq!(
        app.get("/healthz", None).await.status,
        axum::http::StatusCode::OK
    );
}

/// `TODOKE_LOG_FORMAT=json`: every log line of the real binary is one JSON object.
#[tokio::test]
async fn json_logs_are_one_object_a_line() {
    use tokio::io::AsyncBufReadExt;
    let dir = tempfile::tempdir().unwrap();
    let url = super::helpers::fresh_database_url(dir.path()).await;
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_todoke-server"))
        .arg("serve")
        .env_clear()
        .env("TODOKE_DATABASE_URL", url)
        .env("TODOKE_ADDR", "127.0.0.1:0")
        .env("TODOKE_DIST_DIR", "")
        .env("TODOKE_LOG_FORMAT", "json")
        .env("RUST_LOG", "info")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut lines = tokio::io::BufReader::new(child.stderr.take().unwrap()).lines();
    let listening = tokio::time::timeout(std::time::Duration::from_secs(60), async {
        while let Some(line) = lines.next_line().await.unwrap() {
            let entry: serde_json::Value =
                serde_json::from_str(&line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
            if entry["message"] == "listening" {
                return entry;
            }
        }
        panic!("the server ended without logging that it listens");
    })
    .await
    .expect("the server starts within a minute");
    assert_eq!(listening["level"], "INFO");
    assert!(
        listening["addr"]
            .as_str()
            .is_some_and(|a| a.starts_with("127.0.0.1:"))
    );
    child.kill().await.unwrap();
}
