//! `GET /healthz`: for load balancers and monitoring; never gated by service hours.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use todoke_core::api::Health;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::tags;
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(healthz))
}

/// Health check
///
/// Answers 200 while the database answers a query, 503 otherwise.
#[utoipa::path(
    get,
    path = "/healthz",
    tag = tags::OPERATIONS,
    responses(
        (status = 200, description = "The server and its database work", body = Health),
        (status = 503, description = "The database does not answer", body = Health),
    )
)]
pub async fn healthz(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    match sqlx::query("SELECT 1").execute(&state.pool).await {
        Ok(_) => (
            StatusCode::OK,
            Json(Health {
                status: "ok".into(),
                database: "ok".into(),
            }),
        ),
        Err(e) => {
            tracing::error!(error = %e, "health check: database unavailable");
            let health = Health {
                status: "degraded".into(),
                database: "unavailable".into(),
            };
            (StatusCode::SERVICE_UNAVAILABLE, Json(health))
        }
    }
}
