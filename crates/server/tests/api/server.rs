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
        response.contains(r#"{"status":"ok","database":"ok"}"#),
        "{response}"
    );

    let addr = server.addr;
    server.shutdown().await.unwrap();
    assert!(
        tokio::net::TcpStream::connect(addr).await.is_err(),
        "no longer listening"
    );
}
