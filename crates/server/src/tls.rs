//! HTTPS served directly (rustls with the ring provider) and client certificates, the online
//! billing network's 「Online Billing NW Common Root CA」 that the ministry's notice tells users to
//! choose (step ③ of the first sign-in).
//!
//! Two ways to require a client certificate:
//!
//! * **Direct** (`TODOKE_TLS_CERT`, `TODOKE_TLS_KEY`, `TODOKE_CLIENT_CA`): the server terminates
//!   TLS and asks every client for a certificate chained to the CA. A certificate from another
//!   CA fails the handshake. A connection without one completes the handshake, so that the
//!   browser can be told what to do: its requests get [`refusal`] (a Japanese page, or the API's
//!   JSON error under `/api`).
//! * **Behind a TLS-terminating proxy** (`TODOKE_CLIENT_CERT_HEADER`, `TODOKE_TRUSTED_PROXIES`):
//!   the proxy verifies the certificate and says so in a header (nginx:
//!   `proxy_set_header X-Client-Verify $ssl_client_verify;`, value `SUCCESS`). The header is
//!   believed only when the TCP peer is one of the trusted proxy addresses; any other request is
//!   refused as one without a certificate.
//!
//! `/healthz` and `/readyz` are never refused, so a load balancer can check the server without
//! a certificate.
//! Serving TLS directly implies `TODOKE_COOKIE_SECURE=true` (the `__Host-` cookie and HSTS).

use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::server::WebPkiClientVerifier;
use rustls::{RootCertStore, ServerConfig};
use todoke_core::text::current as text;
use todoke_core::{ApiError, ErrorCode};
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;
use tower::ServiceExt;

use crate::AppState;
use crate::config::{Config, ConfigError};
use crate::middleware::is_api_path;

pub const TLS_CERT_VAR: &str = "TODOKE_TLS_CERT";
pub const TLS_KEY_VAR: &str = "TODOKE_TLS_KEY";
pub const CLIENT_CA_VAR: &str = "TODOKE_CLIENT_CA";

/// The value nginx's `$ssl_client_verify` (and Apache's `SSL_CLIENT_VERIFY`) has for a verified
/// certificate.
pub const DEFAULT_VERIFIED_VALUE: &str = "SUCCESS";

/// A client that opens a connection and never finishes the handshake must not hold it forever.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// The paths that are never refused (load balancers, monitoring).
const PROBE_PATHS: [&str; 2] = ["/healthz", "/readyz"];

/// `TODOKE_CLIENT_CERT_HEADER`: `X-Client-Verify` (expects `SUCCESS`) or `NAME=VALUE`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientCertHeader {
    pub name: HeaderName,
    /// The exact value that means "verified".
    pub value: String,
}

impl ClientCertHeader {
    /// `None` for an unusable header name or value.
    pub fn parse(input: &str) -> Option<ClientCertHeader> {
        let (name, value) = match input.split_once('=') {
            Some((name, value)) => (name.trim(), value.trim()),
            None => (input.trim(), DEFAULT_VERIFIED_VALUE),
        };
        if value.is_empty() || !value.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
            return None;
        }
        let name = HeaderName::from_bytes(name.as_bytes()).ok()?;
        // Headers the browser or the HTTP layer controls can never be a proxy's verdict.
        if name == header::HOST || name == header::COOKIE || name == header::ORIGIN {
            return None;
        }
        Some(ClientCertHeader {
            name,
            value: value.to_string(),
        })
    }
}

/// Put into every request of a TLS connection whose client presented a certificate. rustls has
/// verified during the handshake that it chains to `TODOKE_CLIENT_CA`.
#[derive(Debug, Clone)]
pub struct ClientCertificate(pub Arc<CertificateDer<'static>>);

fn unusable(var: &'static str, path: &Path, reason: String) -> ConfigError {
    ConfigError {
        var,
        value: path.display().to_string(),
        reason,
    }
}

/// Every certificate in a PEM file; at least one.
fn read_certificates(
    var: &'static str,
    path: &Path,
) -> Result<Vec<CertificateDer<'static>>, ConfigError> {
    let certs = CertificateDer::pem_file_iter(path)
        .and_then(|iter| iter.collect::<Result<Vec<_>, _>>())
        .map_err(|e| unusable(var, path, format!("cannot read PEM certificates: {e}")))?;
    if certs.is_empty() {
        return Err(unusable(
            var,
            path,
            "the file holds no PEM certificate (-----BEGIN CERTIFICATE-----)".into(),
        ));
    }
    Ok(certs)
}

/// The rustls server configuration when `TODOKE_TLS_CERT` and `TODOKE_TLS_KEY` are set, `None`
/// for plain HTTP. Fails, naming the variable, for files that cannot be used, and when the
/// configuration contradicts itself (a client CA without TLS, insecure cookies over HTTPS).
pub fn server_config(config: &Config) -> Result<Option<Arc<ServerConfig>>, ConfigError> {
    let (cert_path, key_path) = match (&config.tls_cert, &config.tls_key) {
        (Some(cert), Some(key)) => (cert, key),
        (None, None) => {
            if let Some(ca) = &config.client_ca {
                return Err(unusable(
                    CLIENT_CA_VAR,
                    ca,
                    "needs TODOKE_TLS_CERT and TODOKE_TLS_KEY; behind a TLS-terminating proxy use TODOKE_CLIENT_CERT_HEADER".into(),
                ));
            }
            return Ok(None);
        }
        (Some(cert), None) => {
            return Err(unusable(
                TLS_CERT_VAR,
                cert,
                "TODOKE_TLS_KEY must be set too".into(),
            ));
        }
        (None, Some(key)) => {
            return Err(unusable(
                TLS_KEY_VAR,
                key,
                "TODOKE_TLS_CERT must be set too".into(),
            ));
        }
    };
    if !config.cookie_secure {
        return Err(ConfigError {
            var: "TODOKE_COOKIE_SECURE",
            value: "false".into(),
            reason: "must be true when TODOKE_TLS_CERT serves HTTPS".into(),
        });
    }
    let chain = read_certificates(TLS_CERT_VAR, cert_path)?;
    let key = PrivateKeyDer::from_pem_file(key_path).map_err(|e| {
        unusable(
            TLS_KEY_VAR,
            key_path,
            format!("expected a PEM private key (PKCS#8, PKCS#1 or SEC1): {e}"),
        )
    })?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ServerConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| unusable(TLS_CERT_VAR, cert_path, e.to_string()))?;
    let builder = match &config.client_ca {
        Some(ca_path) => {
            let mut roots = RootCertStore::empty();
            for ca in read_certificates(CLIENT_CA_VAR, ca_path)? {
                roots.add(ca).map_err(|e| {
                    unusable(
                        CLIENT_CA_VAR,
                        ca_path,
                        format!("not a usable CA certificate: {e}"),
                    )
                })?;
            }
            // Without a certificate the handshake still completes: the browser then gets a
            // page saying which certificate to choose, instead of a bare connection error.
            let verifier = WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider)
                .allow_unauthenticated()
                .build()
                .map_err(|e| unusable(CLIENT_CA_VAR, ca_path, e.to_string()))?;
            builder.with_client_cert_verifier(verifier)
        }
        None => builder.with_no_client_auth(),
    };
    let mut server = builder.with_single_cert(chain, key).map_err(|e| {
        unusable(
            TLS_KEY_VAR,
            key_path,
            format!("cannot be used with the certificate of TODOKE_TLS_CERT: {e}"),
        )
    })?;
    server.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(Some(Arc::new(server)))
}

/// Serves `router` over TLS on `listener` until `shutdown` completes, then lets open
/// connections finish their requests. Each request carries the peer address
/// (`ConnectInfo<SocketAddr>`) and, when the client presented one, its [`ClientCertificate`].
pub async fn serve(
    listener: TcpListener,
    tls: Arc<ServerConfig>,
    router: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let acceptor = TlsAcceptor::from(tls);
    let graceful = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let (tcp, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors and the like: wait instead of spinning.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let acceptor = acceptor.clone();
        let router = router.clone();
        let watcher = graceful.watcher();
        tokio::spawn(async move {
            let stream = match tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(tcp)).await {
                Ok(Ok(stream)) => stream,
                Ok(Err(e)) => {
                    tracing::info!(%peer, error = %e, "TLS handshake refused");
                    return;
                }
                Err(_) => {
                    tracing::info!(%peer, "TLS handshake timed out");
                    return;
                }
            };
            let certificate = stream
                .get_ref()
                .1
                .peer_certificates()
                .and_then(|chain| chain.first())
                .map(|cert| ClientCertificate(Arc::new(cert.clone().into_owned())));
            let service = router.map_request(move |mut req: Request<hyper::body::Incoming>| {
                req.extensions_mut().insert(ConnectInfo(peer));
                if let Some(certificate) = &certificate {
                    req.extensions_mut().insert(certificate.clone());
                }
                req
            });
            let mut builder = auto::Builder::new(TokioExecutor::new());
            // The timer enables hyper's header read timeout (slow clients).
            builder.http1().timer(TokioTimer::new());
            let connection =
                builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
            if let Err(e) = watcher.watch(connection).await {
                tracing::debug!(%peer, error = %e, "connection ended with an error");
            }
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

/// Middleware: refuses requests without a client certificate when the configuration asks for
/// one (see the module documentation).
pub async fn require_client_certificate(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let config = &state.config;
    if !config.requires_client_certificate()
        || PROBE_PATHS.contains(&req.uri().path())
        || has_client_certificate(&req, config)
    {
        return next.run(req).await;
    }
    tracing::info!(
        path = req.uri().path(),
        "request refused: no client certificate"
    );
    refusal(req.uri().path())
}

fn has_client_certificate(req: &Request, config: &Config) -> bool {
    if config.client_ca.is_some() {
        return req.extensions().get::<ClientCertificate>().is_some();
    }
    let Some(expected) = &config.client_cert_header else {
        return true;
    };
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip().to_canonical());
    let from_proxy = peer.is_some_and(|ip| is_trusted(ip, &config.trusted_proxies));
    if !from_proxy {
        if req.headers().contains_key(&expected.name) {
            tracing::warn!(
                peer = ?peer,
                header = %expected.name,
                "client certificate header from an address that is not a trusted proxy"
            );
        }
        return false;
    }
    // Exactly one value: a second one could have been appended to what the client sent.
    let mut values = req.headers().get_all(&expected.name).iter();
    matches!(
        (values.next(), values.next()),
        (Some(value), None) if value.to_str().is_ok_and(|v| v.trim() == expected.value)
    )
}

fn is_trusted(ip: IpAddr, proxies: &[IpAddr]) -> bool {
    proxies.iter().any(|p| p.to_canonical() == ip)
}

/// 403 for a request without a client certificate: the API's JSON error under `/api`, the
/// Japanese page that says which certificate to choose everywhere else.
pub fn refusal(path: &str) -> Response {
    let mut response = if is_api_path(path) {
        (
            StatusCode::FORBIDDEN,
            axum::Json(ApiError::new(
                ErrorCode::ClientCertificateRequired,
                text::CLIENT_CERTIFICATE_REQUIRED(),
            )),
        )
            .into_response()
    } else {
        (StatusCode::FORBIDDEN, Html(refusal_page())).into_response()
    };
    // Never cached in place of the app once the right certificate is chosen.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// A page without script or style (the strict CSP allows neither inline), in the request's
/// language.
fn refusal_page() -> String {
    let steps: String = text::CLIENT_CERTIFICATE_PAGE_STEPS()
        .iter()
        .map(|step| format!("<li>{}</li>\n", escape(step)))
        .collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title} | {service}</title>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n\
         <p>{intro}</p>\n<h2>{heading}</h2>\n<ol>\n{steps}</ol>\n<p>{note}</p>\n</main>\n\
         </body>\n</html>\n",
        title = escape(text::CLIENT_CERTIFICATE_PAGE_TITLE()),
        service = escape(text::SERVICE_NAME()),
        intro = escape(text::CLIENT_CERTIFICATE_PAGE_INTRO()),
        heading = escape(text::CLIENT_CERTIFICATE_PAGE_STEPS_HEADING()),
        note = escape(text::CLIENT_CERTIFICATE_PAGE_NOTE()),
        lang = todoke_core::text::lang::current().tag(),
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn header_setting_is_parsed() {
        let h = ClientCertHeader::parse("X-Client-Verify").unwrap();
        assert_eq!(h.name.as_str(), "x-client-verify");
        assert_eq!(h.value, "SUCCESS");
        let h = ClientCertHeader::parse(" X-SSL-Verified = yes ").unwrap();
        assert_eq!(h.name.as_str(), "x-ssl-verified");
        assert_eq!(h.value, "yes");
        for bad in [
            "",
            "X Client",
            "X-Client-Verify=",
            "Host",
            "cookie=1",
            "X-V=\u{3042}",
        ] {
            assert!(ClientCertHeader::parse(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn the_refusal_page_is_plain_html_in_the_requests_language() {
        use todoke_core::text::{Lang, en, lang::in_lang};
        let english = in_lang(Lang::En, refusal_page);
        assert!(english.contains("<html lang=\"en\">"));
        assert!(english.contains(en::CLIENT_CERTIFICATE_PAGE_TITLE));
        let page = refusal_page();
        let page = page.as_str();
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains("<html lang=\"ja\">"));
        assert!(page.contains("「Online Billing NW Common Root CA」"));
        assert!(page.contains(text::CLIENT_CERTIFICATE_PAGE_TITLE()));
        for forbidden in ["<script", "<style", "style=", "onload"] {
            assert!(!page.contains(forbidden), "{forbidden}");
        }
        let api = refusal("/api/v1/session");
        assert_eq!(api.status(), StatusCode::FORBIDDEN);
        assert_eq!(
            api.headers()[header::CONTENT_TYPE],
            HeaderValue::from_static("application/json")
        );
        let html = refusal("/");
        assert_eq!(html.status(), StatusCode::FORBIDDEN);
        assert!(
            html.headers()[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
        assert_eq!(html.headers()[header::CACHE_CONTROL], "no-store");
    }

    #[test]
    fn trusted_proxies_match_ipv4_mapped_addresses() {
        let proxies: Vec<IpAddr> = vec!["10.0.0.5".parse().unwrap()];
        let mapped: IpAddr = "::ffff:10.0.0.5".parse().unwrap();
        assert!(is_trusted(mapped.to_canonical(), &proxies));
        assert!(!is_trusted("10.0.0.6".parse().unwrap(), &proxies));
    }

    struct Files {
        dir: tempfile::TempDir,
    }

    impl Files {
        fn new() -> Files {
            Files {
                dir: tempfile::tempdir().unwrap(),
            }
        }
        fn write(&self, name: &str, content: &str) -> PathBuf {
            let path = self.dir.path().join(name);
            std::fs::write(&path, content).unwrap();
            path
        }
    }

    fn tls_config(cert: PathBuf, key: PathBuf, ca: Option<PathBuf>) -> Config {
        Config {
            tls_cert: Some(cert),
            tls_key: Some(key),
            client_ca: ca,
            cookie_secure: true,
            ..Config::for_tests("sqlite::memory:")
        }
    }

    #[test]
    fn unusable_files_name_their_variable() {
        let files = Files::new();
        let certified = rcgen::generate_simple_self_signed(vec!["localhost".into()]).unwrap();
        let other = rcgen::generate_simple_self_signed(vec!["localhost".into()]).unwrap();
        let cert = files.write("cert.pem", &certified.cert.pem());
        let key = files.write("key.pem", &certified.signing_key.serialize_pem());
        let other_key = files.write("other.pem", &other.signing_key.serialize_pem());
        let garbage = files.write("garbage.pem", "not a certificate\n");

        let ok = server_config(&tls_config(cert.clone(), key.clone(), Some(cert.clone())));
        assert!(ok.unwrap().is_some());
        assert!(
            server_config(&Config::for_tests("sqlite::memory:"))
                .unwrap()
                .is_none()
        );

        let cases = [
            (tls_config(garbage.clone(), key.clone(), None), TLS_CERT_VAR),
            (tls_config(cert.clone(), garbage.clone(), None), TLS_KEY_VAR),
            (tls_config(cert.clone(), other_key, None), TLS_KEY_VAR),
            (
                tls_config(cert.clone(), key.clone(), Some(garbage.clone())),
                CLIENT_CA_VAR,
            ),
            (
                Config {
                    cookie_secure: false,
                    ..tls_config(cert.clone(), key.clone(), None)
                },
                "TODOKE_COOKIE_SECURE",
            ),
            (
                Config {
                    tls_key: None,
                    ..tls_config(cert.clone(), key.clone(), None)
                },
                TLS_CERT_VAR,
            ),
            (
                Config {
                    client_ca: Some(cert.clone()),
                    ..Config::for_tests("sqlite::memory:")
                },
                CLIENT_CA_VAR,
            ),
        ];
        for (config, var) in cases {
            let err = server_config(&config).unwrap_err();
            assert_eq!(err.var, var, "{err}");
        }
    }
}
