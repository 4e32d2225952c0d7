//! Notices of status changes for the applicant (the count in the header), marked read when
//! opened.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use todoke_core::ApiError;
use todoke_core::api::NoticeList;
use todoke_core::api::endpoints;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::responses::{CsrfHeader, NoBodyErrors, SessionErrors};
use super::tags;
use crate::AppState;
use crate::auth::ApplicantSession;
use crate::error::AppError;
use crate::extract::AppPath;
use crate::filings::notices;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_notices))
        .routes(routes!(mark_read))
}

/// Notices
///
/// The latest 100 notices of status changes made by the bureau, newest first, and how many are
/// unread.
#[utoipa::path(
    get,
    path = endpoints::NOTICES.path,
    tag = tags::FILINGS,
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "Unread count and notices", body = NoticeList),
        (status = 403, description = "`password_change_required`, or `forbidden` for a reviewer", body = ApiError),
        SessionErrors,
    )
)]
pub async fn list_notices(
    State(state): State<AppState>,
    applicant: ApplicantSession,
) -> Result<Json<NoticeList>, AppError> {
    Ok(Json(
        notices::list(&state.pool, applicant.account_id).await?,
    ))
}

/// Mark a notice read
#[utoipa::path(
    post,
    path = endpoints::READ_NOTICE.path,
    tag = tags::FILINGS,
    security(("session_cookie" = [])),
    params(
        ("id" = i64, Path, description = "Notice id"),
        ("X-Requested-With" = inline(CsrfHeader), Header, description = "Must be `todoke` (CSRF defence)"),
    ),
    responses(
        (status = 204, description = "Read (also when it was already)"),
        (status = 403, description = "`password_change_required`, `forbidden` (reviewer) or `csrf_rejected`", body = ApiError),
        (status = 404, description = "`not_found`: no such notice for this account", body = ApiError),
        SessionErrors,
        NoBodyErrors,
    )
)]
pub async fn mark_read(
    State(state): State<AppState>,
    applicant: ApplicantSession,
    AppPath(id): AppPath<i64>,
) -> Result<StatusCode, AppError> {
    notices::mark_read(&state.pool, applicant.account_id, id, state.clock.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}
