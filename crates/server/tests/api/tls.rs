//! HTTPS served directly and client certificates (mutual TLS), over real sockets: a CA, a server
//! and a client certificate made with rcgen; no certificate → the Japanese page or the API's
//! error, a certificate from another CA → the handshake fails, the right one → sign-in with the
//! `__Host-` cookie and HSTS. And the proxy header, believed only from a trusted address.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, ExtendedKeyUsagePurpose, IsCa,
    KeyPair, KeyUsagePurpose,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer, ServerName};
use rustls::{ClientConfig, RootCertStore};
use serde_json::Value;
use tempfile::TempDir;
use todoke_core::text::ja;
use todoke_server::accounts;
use todoke_server::tls::ClientCertHeader;
use todoke_server::{Config, RunningServer, ServerError, SystemClock, build_state, start};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;

use super::helpers::{fresh_database_url, hiroshima_clinic};

const ROOT_CA_NAME: &str = "Online Billing NW Common Root CA";

type Identity = (Vec<CertificateDer<'static>>, PrivateKeyDer<'static>);

/// Certificates for one test, with the server's files in a temporary directory.
struct Pki {
    dir: TempDir,
    ca_cert: PathBuf,
    server_cert: PathBuf,
    server_key: PathBuf,
    /// The CA the test client trusts for the server's certificate.
    ca_der: CertificateDer<'static>,
    /// Chained to the CA in `ca_cert`.
    client: Identity,
    /// From a CA of the same name that the server does not know.
    stranger: Identity,
}

fn certificate_authority(name: &str) -> CertifiedIssuer<'static, KeyPair> {
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.distinguished_name.push(DnType::CommonName, name);
    params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    CertifiedIssuer::self_signed(params, KeyPair::generate().unwrap()).unwrap()
}

fn leaf(
    issuer: &CertifiedIssuer<'static, KeyPair>,
    names: &[&str],
    common_name: &str,
    usage: ExtendedKeyUsagePurpose,
) -> (rcgen::Certificate, KeyPair) {
    let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    let mut params = CertificateParams::new(names).unwrap();
    params
        .distinguished_name
        .push(DnType::CommonName, common_name);
    params.extended_key_usages = vec![usage];
    params.use_authority_key_identifier_extension = true;
    let key = KeyPair::generate().unwrap();
    let cert = params.signed_by(&key, &**issuer).unwrap();
    (cert, key)
}

fn identity(cert: &rcgen::Certificate, key: &KeyPair) -> Identity {
    (
        vec![cert.der().clone()],
        PrivatePkcs8KeyDer::from(key.serialize_der()).into(),
    )
}

impl Pki {
    fn new() -> Pki {
        let dir = tempfile::tempdir().unwrap();
        let ca = certificate_authority(ROOT_CA_NAME);
        let (server, server_key) = leaf(
            &ca,
            &["localhost", "127.0.0.1"],
            "localhost",
            ExtendedKeyUsagePurpose::ServerAuth,
        );
        let (client, client_key) =
            leaf(&ca, &[], "1310100019", ExtendedKeyUsagePurpose::ClientAuth);
        let impostor = certificate_authority(ROOT_CA_NAME);
        let (stranger, stranger_key) = leaf(
            &impostor,
            &[],
            "1310100019",
            ExtendedKeyUsagePurpose::ClientAuth,
        );
        let write = |name: &str, content: String| {
            let path = dir.path().join(name);
            std::fs::write(&path, content).unwrap();
            path
        };
        Pki {
            ca_cert: write("ca.pem", ca.pem()),
            server_cert: write("server.pem", server.pem()),
            server_key: write("server-key.pem", server_key.serialize_pem()),
            ca_der: ca.der().clone(),
            client: identity(&client, &client_key),
            stranger: identity(&stranger, &stranger_key),
            dir,
        }
    }

    /// HTTPS with this PKI; `client_ca` asks for client certificates.
    fn configure(&self, config: &mut Config, client_ca: bool) {
        config.tls_cert = Some(self.server_cert.clone());
        config.tls_key = Some(self.server_key.clone());
        config.client_ca = client_ca.then(|| self.ca_cert.clone());
        config.cookie_secure = true;
    }

    fn client(&self, identity: Option<&Identity>) -> Arc<ClientConfig> {
        let mut roots = RootCertStore::empty();
        roots.add(self.ca_der.clone()).unwrap();
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_root_certificates(roots);
        Arc::new(match identity {
            Some((chain, key)) => builder
                .with_client_auth_cert(chain.clone(), key.clone_key())
                .unwrap(),
            None => builder.with_no_client_auth(),
        })
    }
}

struct Served {
    server: RunningServer,
    _dir: TempDir,
}

async fn serve(adjust: impl FnOnce(&mut Config)) -> Served {
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config::for_tests(&fresh_database_url(dir.path()).await);
    adjust(&mut config);
    let state = build_state(config, Arc::new(SystemClock)).await.unwrap();
    Served {
        server: start(state).await.expect("server starts"),
        _dir: dir,
    }
}

#[derive(Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn parse(raw: &[u8]) -> Reply {
        let end = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a complete response head");
        let head = std::str::from_utf8(&raw[..end]).unwrap();
        let mut lines = head.split("\r\n");
        let status = lines.next().unwrap().split(' ').nth(1).unwrap();
        let headers: Vec<(String, String)> = lines
            .map(|l| {
                let (k, v) = l.split_once(':').unwrap();
                (k.trim().to_ascii_lowercase(), v.trim().to_string())
            })
            .collect();
        let mut body = raw[end + 4..].to_vec();
        if headers
            .iter()
            .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"))
        {
            body = dechunk(&body);
        }
        Reply {
            status: status.parse().unwrap(),
            headers,
            body: String::from_utf8(body).unwrap(),
        }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {self:?}"))
    }
}

fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let line_end = raw.windows(2).position(|w| w == b"\r\n").unwrap();
        let size = std::str::from_utf8(&raw[..line_end]).unwrap();
        let size = usize::from_str_radix(size.split(';').next().unwrap().trim(), 16).unwrap();
        if size == 0 {
            return out;
        }
        let start = line_end + 2;
        out.extend_from_slice(&raw[start..start + size]);
        raw = &raw[start + size + 2..];
    }
}

fn get(addr: SocketAddr, path: &str, extra: &str) -> String {
    format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\n{extra}Connection: close\r\n\r\n")
}

/// `POST /api/v1/session` as the SPA sends it over HTTPS.
fn sign_in(addr: SocketAddr, user_id: &str, password: &str) -> String {
    let body = serde_json::json!({"user_id": user_id, "password": password}).to_string();
    format!(
        "POST /api/v1/session HTTP/1.1\r\nHost: {addr}\r\nOrigin: https://{addr}\r\n\
         X-Requested-With: todoke\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

/// One request over a new TLS connection. An error when the handshake fails or the server
/// ends the connection without answering.
async fn https(
    addr: SocketAddr,
    client: Arc<ClientConfig>,
    request: &str,
) -> std::io::Result<Reply> {
    let tcp = TcpStream::connect(addr).await?;
    let name = ServerName::try_from("localhost").unwrap();
    let mut tls = TlsConnector::from(client).connect(name, tcp).await?;
    tls.write_all(request.as_bytes()).await?;
    let mut raw = Vec::new();
    let read = tls.read_to_end(&mut raw).await;
    if raw.is_empty() {
        read?;
        return Err(std::io::Error::other("no response"));
    }
    Ok(Reply::parse(&raw))
}

/// One request over plain TCP.
async fn http(addr: SocketAddr, request: &str) -> Reply {
    let mut tcp = TcpStream::connect(addr).await.unwrap();
    tcp.write_all(request.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    tcp.read_to_end(&mut raw).await.unwrap();
    Reply::parse(&raw)
}

fn assert_refused_page(reply: &Reply) {
    assert_eq!(reply.status, 403, "{reply:?}");
    assert!(
        reply
            .header("content-type")
            .unwrap()
            .starts_with("text/html"),
        "{reply:?}"
    );
    assert!(reply.body.contains("<html lang=\"ja\">"), "{reply:?}");
    assert!(
        reply
            .body
            .contains("「Online Billing NW Common Root CA」が含まれている証明書を選択"),
        "{reply:?}"
    );
    assert!(!reply.body.contains("<script"), "{reply:?}");
    assert!(reply.header("content-security-policy").is_some());
    assert_eq!(reply.header("cache-control"), Some("no-store"));
}

fn assert_refused_api(reply: &Reply) {
    assert_eq!(reply.status, 403, "{reply:?}");
    let error = reply.json();
    assert_eq!(error["code"], "client_certificate_required", "{reply:?}");
    assert_eq!(error["message"], ja::CLIENT_CERTIFICATE_REQUIRED);
}

#[tokio::test]
async fn without_a_client_certificate_the_browser_is_told_which_to_choose() {
    let pki = Pki::new();
    let app = serve(|c| pki.configure(c, true)).await;
    let addr = app.server.addr;
    assert_eq!(app.server.url(), format!("https://{addr}/"));
    let anonymous = pki.client(None);

    let page = https(addr, anonymous.clone(), &get(addr, "/", ""))
        .await
        .expect("the handshake completes without a certificate");
    assert_refused_page(&page);
    assert_eq!(
        page.header("strict-transport-security"),
        Some("max-age=63072000; includeSubDomains")
    );
    let deep = https(addr, anonymous.clone(), &get(addr, "/submissions/1", ""))
        .await
        .unwrap();
    assert_refused_page(&deep);

    let api = https(addr, anonymous.clone(), &get(addr, "/api/v1/session", ""))
        .await
        .unwrap();
    assert_refused_api(&api);
    let login = https(addr, anonymous.clone(), &sign_in(addr, "ANYONE", "x"))
        .await
        .unwrap();
    assert_refused_api(&login);

    let health = https(addr, anonymous, &get(addr, "/healthz", ""))
        .await
        .unwrap();
    assert_eq!(health.status, 200, "load balancers need no certificate");
}

#[tokio::test]
async fn a_certificate_from_another_ca_is_refused_in_the_handshake() {
    let pki = Pki::new();
    let app = serve(|c| pki.configure(c, true)).await;
    let addr = app.server.addr;
    let result = https(
        addr,
        pki.client(Some(&pki.stranger)),
        &get(addr, "/healthz", ""),
    )
    .await;
    let error = result.expect_err("no answer for an unknown CA");
    assert!(
        error.to_string().contains("alert") || error.to_string().contains("no response"),
        "{error}"
    );
}

#[tokio::test]
async fn the_right_certificate_signs_in_with_the_secure_cookie_and_hsts() {
    let pki = Pki::new();
    let app = serve(|c| pki.configure(c, true)).await;
    let addr = app.server.addr;
    let creds = accounts::create_applicant(&app.server.state, hiroshima_clinic())
        .await
        .unwrap();
    let client = pki.client(Some(&pki.client));

    let reply = https(
        addr,
        client.clone(),
        &sign_in(addr, &creds.user_id, &creds.initial_password),
    )
    .await
    .unwrap();
    assert_eq!(reply.status, 200, "{reply:?}");
    assert_eq!(
        reply.json()["account"]["user_id"],
        creds.user_id.as_str(),
        "{reply:?}"
    );
    let cookie = reply.header("set-cookie").expect("a session cookie");
    assert!(cookie.starts_with("__Host-todoke_session="), "{cookie}");
    assert!(cookie.contains("; Secure"), "{cookie}");
    assert_eq!(
        reply.header("strict-transport-security"),
        Some("max-age=63072000; includeSubDomains")
    );

    let session_cookie = cookie.split(';').next().unwrap();
    let session = https(
        addr,
        client,
        &get(
            addr,
            "/api/v1/session",
            &format!("Cookie: {session_cookie}\r\n"),
        ),
    )
    .await
    .unwrap();
    assert_eq!(session.status, 200, "{session:?}");
}

#[tokio::test]
async fn https_without_a_client_ca_asks_for_no_certificate() {
    let pki = Pki::new();
    let app = serve(|c| pki.configure(c, false)).await;
    let addr = app.server.addr;
    let reply = https(addr, pki.client(None), &get(addr, "/api/v1/session", ""))
        .await
        .unwrap();
    assert_eq!(reply.status, 401, "{reply:?}");
    assert!(reply.header("strict-transport-security").is_some());
    let addr = app.server.addr;
    app.server.shutdown().await.unwrap();
    assert!(TcpStream::connect(addr).await.is_err(), "stopped listening");
}

#[tokio::test]
async fn the_proxy_header_counts_only_from_a_trusted_address() {
    let header = ClientCertHeader::parse("X-Client-Verify").unwrap();
    let trusted = serve(|c| {
        c.client_cert_header = Some(header.clone());
        c.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    })
    .await;
    let addr = trusted.server.addr;
    let verified = "X-Client-Verify: SUCCESS\r\n";
    let reply = http(addr, &get(addr, "/api/v1/session", verified)).await;
    assert_eq!(reply.status, 401, "passed the certificate check: {reply:?}");
    assert_refused_api(&http(addr, &get(addr, "/api/v1/session", "")).await);
    assert_refused_api(
        &http(
            addr,
            &get(
                addr,
                "/api/v1/session",
                "X-Client-Verify: FAILED:unknown CA\r\n",
            ),
        )
        .await,
    );
    assert_refused_api(
        &http(
            addr,
            &get(
                addr,
                "/api/v1/session",
                "X-Client-Verify: SUCCESS\r\nX-Client-Verify: SUCCESS\r\n",
            ),
        )
        .await,
    );
    assert_refused_page(&http(addr, &get(addr, "/", "")).await);

    let untrusted = serve(|c| {
        c.client_cert_header = Some(header.clone());
        c.trusted_proxies = vec!["192.0.2.1".parse().unwrap()];
    })
    .await;
    let addr = untrusted.server.addr;
    assert_refused_api(&http(addr, &get(addr, "/api/v1/session", verified)).await);
    assert_refused_page(&http(addr, &get(addr, "/", verified)).await);
}

#[tokio::test]
async fn unusable_tls_files_stop_the_server_at_start() {
    let pki = Pki::new();
    let garbage = pki.dir.path().join("garbage.pem");
    std::fs::write(&garbage, "-----BEGIN CERTIFICATE-----\nnot base64\n").unwrap();
    for (adjust, var) in [
        (
            Box::new(|c: &mut Config| c.tls_cert = Some(garbage.clone()))
                as Box<dyn Fn(&mut Config)>,
            "TODOKE_TLS_CERT",
        ),
        (
            Box::new(|c: &mut Config| c.tls_key = Some(pki.server_cert.clone())),
            "TODOKE_TLS_KEY",
        ),
        (
            Box::new(|c: &mut Config| c.client_ca = Some(garbage.clone())),
            "TODOKE_CLIENT_CA",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut config = Config::for_tests(&fresh_database_url(dir.path()).await);
        pki.configure(&mut config, true);
        adjust(&mut config);
        let state = build_state(config, Arc::new(SystemClock)).await.unwrap();
        match start(state).await {
            Err(ServerError::Config(e)) => assert_eq!(e.var, var, "{e}"),
            Err(e) => panic!("{var}: {e}"),
            Ok(_) => panic!("{var}: started"),
        }
    }
}
