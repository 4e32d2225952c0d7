//! What the account has filed: the filings list (drafts and submissions together) and one
//! submission.

use axum::Json;
use axum::extract::State;
use todoke_core::ApiError;
use todoke_core::api::{FilingSummary, Submission};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::tags;
use crate::AppState;
use crate::auth::ApplicantSession;
use crate::error::AppError;
use crate::extract::AppPath;
use crate::filings;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_filings))
        .routes(routes!(get_submission))
}

/// The account's filings (届書・申請書の一覧)
///
/// Unsent drafts (status `draft`, time of the last save) and submissions (status `submitted`,
/// arrival number, time of arrival), newest first. Drafts survive sign-out.
#[utoipa::path(
    get,
    path = "/api/v1/filings",
    tag = tags::FILINGS,
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "Drafts and submissions, newest first", body = Vec<FilingSummary>),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "`password_change_required`, or `forbidden` for a reviewer", body = ApiError),
        (status = 503, description = "Outside service hours", body = ApiError),
    )
)]
pub async fn list_filings(
    State(state): State<AppState>,
    applicant: ApplicantSession,
) -> Result<Json<Vec<FilingSummary>>, AppError> {
    Ok(Json(
        filings::list_filings(&state.pool, applicant.account_id).await?,
    ))
}

/// One submission
///
/// What was sent: arrival number, time, form id and version, the normalised answers the server
/// checked, and the acknowledged warnings.
#[utoipa::path(
    get,
    path = "/api/v1/submissions/{id}",
    tag = tags::FILINGS,
    security(("session_cookie" = [])),
    params(("id" = i64, Path, description = "Submission id")),
    responses(
        (status = 200, description = "The submission", body = Submission),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "`password_change_required`, or `forbidden` for a reviewer", body = ApiError),
        (status = 404, description = "No such submission for this account", body = ApiError),
        (status = 503, description = "Outside service hours", body = ApiError),
    )
)]
pub async fn get_submission(
    State(state): State<AppState>,
    applicant: ApplicantSession,
    AppPath(id): AppPath<i64>,
) -> Result<Json<Submission>, AppError> {
    let mut conn = state.pool.acquire().await?;
    filings::find_submission(&mut conn, applicant.account_id, id)
        .await?
        .map(Json)
        .ok_or(AppError::NotFound)
}
