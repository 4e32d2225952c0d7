//! Facts about the service that the SPA needs before signing in: whether it is open, the
//! password policy, and the API contract itself.

use std::sync::Arc;

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::{Extension, Json};
use todoke_core::ServiceState;
use todoke_core::api::endpoints;
use todoke_core::api::{AnnouncementInfo, PasswordPolicyInfo, ServiceStatus};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::tags;
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(service_status))
        .routes(routes!(password_policy))
        .routes(routes!(announcement))
        .routes(routes!(openapi_document))
}

/// Service hours and whether the service is open now
///
/// Answered at any hour, so the app can say when the service reopens.
#[utoipa::path(
    get,
    path = endpoints::SERVICE_STATUS.path,
    tag = tags::SERVICE,
    responses((status = 200, description = "Open or closed, with the hours and the time it reopens", body = ServiceStatus))
)]
pub async fn service_status(State(state): State<AppState>) -> Json<ServiceStatus> {
    let hours = &state.config.service_hours;
    let now = state.clock.now();
    let status = match hours.state_at(now) {
        ServiceState::Open => ServiceStatus {
            open: true,
            hours: hours.describe(),
            server_time: Some(now),
            resumes_at: None,
            message: None,
        },
        ServiceState::Closed { resumes_at } => ServiceStatus {
            open: false,
            hours: hours.describe(),
            server_time: Some(now),
            resumes_at: Some(resumes_at),
            message: Some(hours.closed_message(resumes_at)),
        },
    };
    Json(status)
}

/// The password policy the server enforces
///
/// The app shows these rules as its checklist, so the two cannot disagree.
#[utoipa::path(
    get,
    path = endpoints::PASSWORD_POLICY.path,
    tag = tags::SERVICE,
    responses(
        (status = 200, description = "Length bounds and the rules in Japanese, in checklist order", body = PasswordPolicyInfo),
        (status = 503, description = "Outside service hours", body = todoke_core::ApiError),
    )
)]
pub async fn password_policy(State(state): State<AppState>) -> Json<PasswordPolicyInfo> {
    let policy = &state.config.password_policy;
    Json(PasswordPolicyInfo {
        min_len: policy.min_len,
        max_len: policy.max_len,
        rules: policy.rules().into_iter().map(|r| r.describe()).collect(),
    })
}

/// The operator's announcement for the list page
///
/// Plain text and at most one link, in the request's language (Japanese when no English text
/// was set); `announcement` is null when there is none.
#[utoipa::path(
    get,
    path = endpoints::ANNOUNCEMENT.path,
    tag = tags::SERVICE,
    responses(
        (status = 200, description = "The announcement, or null", body = AnnouncementInfo),
        (status = 503, description = "Outside service hours", body = todoke_core::ApiError),
    )
)]
pub async fn announcement(
    State(state): State<AppState>,
) -> Result<Json<AnnouncementInfo>, crate::error::AppError> {
    let announcement = crate::announcement::current(&state.pool).await?;
    Ok(Json(AnnouncementInfo { announcement }))
}

/// The generated OpenAPI document, served as JSON.
#[derive(Debug, Clone)]
pub struct OpenApiJson(pub Arc<String>);

/// This OpenAPI 3.1 document
#[utoipa::path(
    get,
    path = endpoints::OPENAPI.path,
    tag = tags::OPERATIONS,
    responses((status = 200, description = "The API contract, generated from the server's code", content_type = "application/json"))
)]
pub async fn openapi_document(Extension(doc): Extension<OpenApiJson>) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        doc.0.as_str().to_owned(),
    )
}
