//! `GET /healthz` and `GET /readyz`: for load balancers and monitoring; never gated by service
//! hours.

use std::sync::atomic::Ordering;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use todoke_core::api::Health;
use todoke_core::api::endpoints;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::tags;
use crate::AppState;
use crate::db::{self, Engine};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(healthz))
        .routes(routes!(readyz))
}

/// Health check
///
/// Answers 200 while the database answers a query, 503 otherwise: whether this process works
/// (restart it when not).
#[utoipa::path(
    get,
    path = endpoints::HEALTH.path,
    tag = tags::OPERATIONS,
    responses(
        (status = 200, description = "The server and its database work", body = Health),
        (status = 503, description = "The database does not answer", body = Health),
    )
)]
pub async fn healthz(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    answer(database_health(&state.pool).await)
}

/// Readiness
///
/// Answers 200 while this process should get new requests: its database answers and it is not
/// shutting down (after SIGTERM it answers 503 `draining` for `TODOKE_SHUTDOWN_GRACE_SECONDS`
/// before it stops accepting connections). What a load balancer polls.
#[utoipa::path(
    get,
    path = endpoints::READY.path,
    tag = tags::OPERATIONS,
    responses(
        (status = 200, description = "Ready for requests", body = Health),
        (status = 503, description = "Draining, or the database does not answer", body = Health),
    )
)]
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    let mut health = database_health(&state.pool).await;
    if !state.ready.load(Ordering::SeqCst) {
        health.status = "draining".into();
    }
    answer(health)
}

/// 200 when all is `ok`, 503 otherwise, with the health either way.
fn answer(health: Health) -> (StatusCode, Json<Health>) {
    let status = if health.status == "ok" {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(health))
}

async fn database_health(pool: &db::Pool) -> Health {
    let engine = match Engine::of(pool) {
        Engine::Sqlite => "sqlite",
        Engine::Postgres => "postgres",
    };
    match sqlx::query("SELECT 1").execute(pool).await {
        Ok(_) => Health {
            status: "ok".into(),
            database: "ok".into(),
            engine: engine.into(),
        },
        Err(e) => {
            tracing::error!(error = %e, "health check: database unavailable");
            Health {
                status: "degraded".into(),
                database: "unavailable".into(),
                engine: engine.into(),
            }
        }
    }
}
