//! 再発行の申請 (FAQ A6): filed by anyone without signing in, listed and decided by the bureau
//! of the code's prefecture. See [`crate::requests::reissue`].

use std::net::SocketAddr;

use axum::Json;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use todoke_core::ApiError;
use todoke_core::api::endpoints;
use todoke_core::api::{
    ReissueRequestInput, ReissueRequestList, ReissueRequestRecord, RejectRequest, RequestReceipt,
    request_reject_reason,
};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::responses::{
    CsrfHeader, JsonBodyErrors, NoBodyErrors, ReviewActionErrors, SessionErrors,
};
use super::tags;
use crate::AppState;
use crate::auth::ReviewerSession;
use crate::error::AppError;
use crate::extract::{AppJson, AppPath};
use crate::requests::reissue::{self as reissue_requests, Decision};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(file_request))
        .routes(routes!(list_requests))
        .routes(routes!(accept))
        .routes(routes!(reject))
}

/// Request a new letter (再発行の申請)
///
/// No session. Every well-formed request gets the same answer, 202 with a reception number,
/// whether or not the code is registered: only the bureau sees that. The letter, when the
/// bureau accepts, goes by post to the registered address; no password is ever in an answer.
#[utoipa::path(
    post,
    path = endpoints::FILE_REISSUE_REQUEST.path,
    tag = tags::ACCOUNT,
    request_body = ReissueRequestInput,
    params(("X-Requested-With" = inline(CsrfHeader), Header, description = "Must be `todoke` (CSRF defence)")),
    responses(
        (status = 202, description = "Received; the bureau compares it with the register", body = RequestReceipt),
        (status = 403, description = "`csrf_rejected`", body = ApiError),
        (status = 422, description = "`validation_failed`: a field is missing or malformed (keyed by field name): the code's shape, prefecture and 点数表 digit, a class that disagrees with that digit, the postal code and phone number are checked like a form's fields, which no schema states; or the body is not a `ReissueRequestInput` object", body = ApiError),
        (status = 429, description = "`too_many_requests`: too many requests for this code today or from this connection this hour (`Retry-After`)", body = ApiError),
        (status = 503, description = "`service_closed`: outside service hours", body = ApiError),
        JsonBodyErrors,
    )
)]
pub async fn file_request(
    State(state): State<AppState>,
    peer: Option<axum::Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    AppJson(input): AppJson<ReissueRequestInput>,
) -> Result<(StatusCode, Json<RequestReceipt>), AppError> {
    let request = input.check().map_err(AppError::Validation)?;
    // The address without its port: one machine is one requester.
    let requester = crate::requests::requester(
        peer.map(|p| p.0.0.ip()),
        headers.get("x-forwarded-for").and_then(|v| v.to_str().ok()),
        &state.config.trusted_proxies,
    );
    let receipt =
        reissue_requests::file(&state.pool, &request, &requester, state.clock.now()).await?;
    Ok((StatusCode::ACCEPTED, Json(receipt)))
}

/// The bureau's reissue requests
///
/// Requests for codes in the prefectures of the reviewer's bureau, waiting ones first, each
/// with what the register holds for its code and class.
#[utoipa::path(
    get,
    path = endpoints::REVIEW_REISSUE_REQUESTS.path,
    tag = tags::REVIEW,
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "The requests", body = ReissueRequestList),
        (status = 403, description = "`password_change_required`, or `forbidden` for an applicant", body = ApiError),
        SessionErrors,
    )
)]
pub async fn list_requests(
    State(state): State<AppState>,
    reviewer: ReviewerSession,
) -> Result<Json<ReissueRequestList>, AppError> {
    Ok(Json(ReissueRequestList {
        requests: reissue_requests::list(&state.pool, reviewer.bureau).await?,
    }))
}

/// Accept a reissue request (受理)
///
/// The account in use for the code and class is recorded, and the operator's next
/// `admin reissue --requests` writes its letter. Only a waiting request can be accepted, and
/// only when an account in use and its registered address are there.
#[utoipa::path(
    post,
    path = endpoints::ACCEPT_REISSUE_REQUEST.path,
    tag = tags::REVIEW,
    security(("session_cookie" = [])),
    params(
        ("id" = i64, Path, description = "Request id"),
        ("X-Requested-With" = inline(CsrfHeader), Header, description = "Must be `todoke` (CSRF defence)"),
    ),
    responses(
        (status = 200, description = "Accepted", body = ReissueRequestRecord),
        ReviewActionErrors,
        NoBodyErrors,
    )
)]
pub async fn accept(
    State(state): State<AppState>,
    reviewer: ReviewerSession,
    AppPath(id): AppPath<i64>,
) -> Result<Json<ReissueRequestRecord>, AppError> {
    Ok(Json(
        reissue_requests::decide(
            &state.pool,
            &reviewer,
            id,
            Decision::Accept,
            state.clock.now(),
        )
        .await?,
    ))
}

/// Reject a reissue request (却下)
///
/// With a reason, kept in the record. Only a waiting request can be rejected.
#[utoipa::path(
    post,
    path = endpoints::REJECT_REISSUE_REQUEST.path,
    tag = tags::REVIEW,
    security(("session_cookie" = [])),
    params(
        ("id" = i64, Path, description = "Request id"),
        ("X-Requested-With" = inline(CsrfHeader), Header, description = "Must be `todoke` (CSRF defence)"),
    ),
    request_body = RejectRequest,
    responses(
        (status = 200, description = "Rejected", body = ReissueRequestRecord),
        (status = 422, description = "`validation_failed`: the reason is blank or over 2,000 characters, or the body is not a `RejectRequest` object", body = ApiError),
        ReviewActionErrors,
        JsonBodyErrors,
    )
)]
pub async fn reject(
    State(state): State<AppState>,
    reviewer: ReviewerSession,
    AppPath(id): AppPath<i64>,
    AppJson(request): AppJson<RejectRequest>,
) -> Result<Json<ReissueRequestRecord>, AppError> {
    let reason = request_reject_reason(&request.reason).map_err(AppError::Validation)?;
    Ok(Json(
        reissue_requests::decide(
            &state.pool,
            &reviewer,
            id,
            Decision::Reject(reason),
            state.clock.now(),
        )
        .await?,
    ))
}
