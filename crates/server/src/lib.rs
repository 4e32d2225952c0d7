//! The reference JSON API server of Todoke: sign-in, forced password change and server-side
//! sessions on SQLite, the service-hours gate, the CSRF defence, the form catalogue with the
//! online 形式チェック, drafts and submissions with arrival numbers ([`filings`]), the OpenAPI
//! document, and serving the built SPA.
//!
//! ```no_run
//! # async fn run() -> Result<(), todoke_server::ServerError> {
//! use std::sync::Arc;
//! use todoke_server::{Config, SystemClock, build_state, start};
//!
//! let state = build_state(Config::from_env()?, Arc::new(SystemClock)).await?;
//! let server = start(state).await?;
//! println!("http://{}/", server.addr);
//! # Ok(()) }
//! ```
//!
//! A request passes, from the outside in: tracing → security headers → compression →
//! panic catcher → body limit → [`middleware::api_guard`] (service hours, CSRF) → the route
//! (or the SPA fallback).

pub mod accounts;
pub mod admin;
pub mod announcement;
pub mod auth;
pub mod clock;
pub mod config;
pub mod db;
pub mod documents;
pub mod error;
pub mod extract;
pub mod filings;
pub mod middleware;
pub mod openapi;
pub mod pdf;
pub mod requests;
pub mod routes;
pub mod static_files;
pub mod tls;

use std::any::Any;
use std::net::SocketAddr;
use std::sync::Arc;

use crate::db::Pool;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::HeaderValue;
use axum::response::{IntoResponse, Response};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

pub use clock::{Clock, ManualClock, SystemClock};
pub use config::{Config, ConfigError};
pub use error::{AppError, ServerError};

/// What every handler can reach. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub pool: Pool,
    pub config: Arc<Config>,
    pub clock: Arc<dyn Clock>,
    /// An argon2 hash of a random password, verified for unknown user IDs so that they take as
    /// long as known ones.
    dummy_hash: Arc<str>,
    /// False once a shutdown has begun: `/readyz` answers 503 so a load balancer stops sending
    /// new requests while the open ones finish. Per process, by design: it is this process
    /// that is going away.
    pub ready: Arc<std::sync::atomic::AtomicBool>,
    /// The PDFs' fonts, read at the first PDF asked for (and again after a failure, so that
    /// installing the font needs no restart).
    pub fonts: Arc<tokio::sync::OnceCell<pdf::Fonts>>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

/// Connects to the database (creating the SQLite file if missing), applies migrations and
/// prepares the dummy password hash.
pub async fn build_state(config: Config, clock: Arc<dyn Clock>) -> Result<AppState, ServerError> {
    let pool = db::connect_and_migrate(&config.database_url).await?;
    let dummy = accounts::generate_initial_password(&config.password_policy);
    let dummy_hash = auth::password::hash(dummy)
        .await
        .map_err(|e| ServerError::Internal(e.to_string()))?;
    Ok(AppState {
        pool,
        config: Arc::new(config),
        clock,
        dummy_hash: dummy_hash.into(),
        ready: Arc::new(std::sync::atomic::AtomicBool::new(true)),
        fonts: Arc::default(),
    })
}

/// The whole application as one router: API, OpenAPI document, health check and SPA.
/// Usable with `tower::ServiceExt::oneshot` in tests, without a socket.
pub fn app(state: AppState) -> Router {
    let (routes, doc) = openapi::router().split_for_parts();
    let doc_json = serde_json::to_string(&doc).unwrap_or_else(|e| {
        tracing::error!(error = %e, "could not serialise the OpenAPI document");
        "{}".to_string()
    });
    todoke_core::text::lang::set_source(middleware::request_lang);
    let spa = static_files::Spa::load(&state.config).map(Arc::new);
    let security = Arc::new(middleware::SecurityHeaders::new(
        html_csp(&state.config, spa.as_deref()),
        &state.config,
    ));

    routes
        .method_not_allowed_fallback(routes::method_not_allowed)
        .layer(axum::Extension(routes::service::OpenApiJson(Arc::new(
            doc_json,
        ))))
        .fallback(move |req: Request| {
            let spa = spa.clone();
            async move { static_files::fallback(spa, req).await }
        })
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            tls::require_client_certificate,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::api_guard,
        ))
        .layer(DefaultBodyLimit::max(state.config.body_limit_bytes))
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(axum::middleware::from_fn(middleware::language))
        .layer(CompressionLayer::new())
        .layer(axum::middleware::from_fn_with_state(
            security,
            middleware::security_headers,
        ))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

fn html_csp(config: &Config, spa: Option<&static_files::Spa>) -> HeaderValue {
    let hashes = spa.map(|s| s.script_hashes.as_slice()).unwrap_or_default();
    let csp = static_files::html_content_security_policy(hashes, &config.frame_ancestors);
    // frame_ancestors is validated by Config::from_env; a hand-built Config could still hold
    // a bad value, and then the strictest policy is the safe answer.
    HeaderValue::from_str(&csp).unwrap_or_else(|_| HeaderValue::from_static("default-src 'none'"))
}

/// The last resort: a bug must still answer in the API's shape, not drop the connection.
fn panic_response(_panic: Box<dyn Any + Send + 'static>) -> Response {
    AppError::Internal("a handler panicked".into()).into_response()
}

/// A server running in a background task. Dropping it starts a graceful shutdown.
pub struct RunningServer {
    /// The address actually bound (a real port when the configuration asked for port 0).
    pub addr: SocketAddr,
    pub state: AppState,
    /// Serving HTTPS itself (`TODOKE_TLS_CERT`).
    https: bool,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<std::io::Result<()>>>,
}

impl RunningServer {
    /// `http://127.0.0.1:PORT/` (`https://` when serving TLS).
    pub fn url(&self) -> String {
        let scheme = if self.https { "https" } else { "http" };
        format!("{scheme}://{}/", self.addr)
    }

    /// Stops accepting connections, lets open requests finish, and waits for the task.
    pub async fn shutdown(mut self) -> Result<(), ServerError> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        match self.task.take() {
            Some(task) => task
                .await
                .map_err(|e| ServerError::Internal(format!("server task: {e}")))?
                .map_err(Into::into),
            None => Ok(()),
        }
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// Binds `state.config.addr` (port 0 allowed) and serves [`app`] in a tokio task, over TLS
/// when `TODOKE_TLS_CERT` is set ([`tls`]). Requests carry the peer's `ConnectInfo<SocketAddr>`.
pub async fn start(state: AppState) -> Result<RunningServer, ServerError> {
    let tls = tls::server_config(&state.config)?;
    let listener = tokio::net::TcpListener::bind(state.config.addr).await?;
    let addr = listener.local_addr()?;
    let (tx, rx) = oneshot::channel::<()>();
    let router = app(state.clone());
    let https = tls.is_some();
    let stopped = async {
        let _ = rx.await;
    };
    let task = match tls {
        Some(tls) => tokio::spawn(tls::serve(listener, tls, router, stopped)),
        None => tokio::spawn(async move {
            axum::serve(
                listener,
                router.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .with_graceful_shutdown(stopped)
            .await
        }),
    };
    tracing::info!(%addr, https, "listening");
    Ok(RunningServer {
        addr,
        state,
        https,
        shutdown: Some(tx),
        task: Some(task),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use axum::routing::get;
    use tower::ServiceExt;

    async fn boom() -> &'static str {
        panic!("a bug")
    }

    #[tokio::test]
    async fn a_panic_becomes_an_internal_error_in_the_api_shape() {
        let router: Router = Router::new()
            .route("/boom", get(boom))
            .layer(CatchPanicLayer::custom(panic_response));
        let response = router
            .oneshot(Request::get("/boom").body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = axum::body::to_bytes(response.into_body(), 1024)
            .await
            .unwrap();
        let error: todoke_core::ApiError = serde_json::from_slice(&body).unwrap();
        assert_eq!(error.code, todoke_core::ErrorCode::Internal);
        assert_eq!(error.message, todoke_core::text::ja::INTERNAL);
    }
}
