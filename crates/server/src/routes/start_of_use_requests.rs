//! 利用開始届出 (様式1, FAQ A9): filed by anyone without signing in, listed and decided by the
//! bureau of the (new) code's prefecture. See [`crate::requests::start_of_use`].

use std::net::SocketAddr;

use axum::Json;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use todoke_core::ApiError;
use todoke_core::api::endpoints;
use todoke_core::api::{
    RejectRequest, RequestReceipt, StartOfUseRequestInput, StartOfUseRequestList,
    StartOfUseRequestRecord, request_reject_reason,
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
use crate::requests::reissue::Decision;
use crate::requests::start_of_use;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(file_start_of_use))
        .routes(routes!(list_start_of_use))
        .routes(routes!(accept_start_of_use))
        .routes(routes!(reject_start_of_use))
}

/// File a start-of-use notification (利用開始届出, 様式1)
///
/// No session: a new institution has no user ID, and one whose code, class or address changes
/// needs a new one. Every well-formed request gets the same answer, 202 with a reception number
/// (`S…`), whether or not the previous user ID exists: only the bureau sees that. The letter,
/// once the bureau accepts (and, for a change, the previous ID's 利用終了届出 has passed its
/// last day of use), goes by post to the address given; no password is ever in an answer.
#[utoipa::path(
    post,
    path = endpoints::FILE_START_OF_USE_REQUEST.path,
    tag = tags::ACCOUNT,
    request_body = StartOfUseRequestInput,
    params(("X-Requested-With" = inline(CsrfHeader), Header, description = "Must be `todoke` (CSRF defence)")),
    responses(
        (status = 202, description = "Received; the bureau compares it with the register", body = RequestReceipt),
        (status = 403, description = "`csrf_rejected`", body = ApiError),
        (status = 422, description = "`validation_failed`: a field is missing or malformed (keyed by field name): the code's shape, prefecture and 点数表 digit, a class that disagrees with that digit, the postal code and phone number are checked like a form's fields, and `previous_user_id` is required unless `reason` is `new`, which no schema states; or the body is not a `StartOfUseRequestInput` object", body = ApiError),
        (status = 429, description = "`too_many_requests`: too many requests for this code today or from this connection this hour (`Retry-After`)", body = ApiError),
        (status = 503, description = "`service_closed`: outside service hours", body = ApiError),
        JsonBodyErrors,
    )
)]
pub async fn file_start_of_use(
    State(state): State<AppState>,
    peer: Option<axum::Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    AppJson(input): AppJson<StartOfUseRequestInput>,
) -> Result<(StatusCode, Json<RequestReceipt>), AppError> {
    let request = input.check().map_err(AppError::Validation)?;
    // The address without its port: one machine is one requester.
    let requester = crate::requests::requester(
        peer.map(|p| p.0.0.ip()),
        headers.get("x-forwarded-for").and_then(|v| v.to_str().ok()),
        &state.config.trusted_proxies,
    );
    let receipt = start_of_use::file(&state.pool, &request, &requester, state.clock.now()).await?;
    Ok((StatusCode::ACCEPTED, Json(receipt)))
}

/// The bureau's start-of-use notifications
///
/// Requests for codes in the prefectures of the reviewer's bureau, waiting ones first, each
/// with the previous account and its 利用終了届出, and any account in use for its code and class.
#[utoipa::path(
    get,
    path = endpoints::REVIEW_START_OF_USE_REQUESTS.path,
    tag = tags::REVIEW,
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "The requests", body = StartOfUseRequestList),
        (status = 403, description = "`password_change_required`, or `forbidden` for an applicant", body = ApiError),
        SessionErrors,
    )
)]
pub async fn list_start_of_use(
    State(state): State<AppState>,
    reviewer: ReviewerSession,
) -> Result<Json<StartOfUseRequestList>, AppError> {
    Ok(Json(StartOfUseRequestList {
        requests: start_of_use::list(&state.pool, reviewer.bureau).await?,
    }))
}

/// Accept a start-of-use notification (受理)
///
/// The previous account and its accepted 利用終了届出 are recorded, and the operator's daily
/// `admin start-use` issues the new user ID with its letter (for a change, together with the
/// previous ID's end of use). 409 unless the request is waiting, no other account is in use for
/// its code and class and, for a change, the previous ID exists with its 利用終了届出 accepted.
#[utoipa::path(
    post,
    path = endpoints::ACCEPT_START_OF_USE_REQUEST.path,
    tag = tags::REVIEW,
    security(("session_cookie" = [])),
    params(
        ("id" = i64, Path, description = "Request id"),
        ("X-Requested-With" = inline(CsrfHeader), Header, description = "Must be `todoke` (CSRF defence)"),
    ),
    responses(
        (status = 200, description = "Accepted", body = StartOfUseRequestRecord),
        ReviewActionErrors,
        NoBodyErrors,
    )
)]
pub async fn accept_start_of_use(
    State(state): State<AppState>,
    reviewer: ReviewerSession,
    AppPath(id): AppPath<i64>,
) -> Result<Json<StartOfUseRequestRecord>, AppError> {
    Ok(Json(
        start_of_use::decide(
            &state.pool,
            &reviewer,
            id,
            Decision::Accept,
            state.clock.now(),
        )
        .await?,
    ))
}

/// Reject a start-of-use notification (却下)
///
/// With a reason, kept in the record. Only a waiting request can be rejected.
#[utoipa::path(
    post,
    path = endpoints::REJECT_START_OF_USE_REQUEST.path,
    tag = tags::REVIEW,
    security(("session_cookie" = [])),
    params(
        ("id" = i64, Path, description = "Request id"),
        ("X-Requested-With" = inline(CsrfHeader), Header, description = "Must be `todoke` (CSRF defence)"),
    ),
    request_body = RejectRequest,
    responses(
        (status = 200, description = "Rejected", body = StartOfUseRequestRecord),
        (status = 422, description = "`validation_failed`: the reason is blank or over 2,000 characters, or the body is not a `RejectRequest` object", body = ApiError),
        ReviewActionErrors,
        JsonBodyErrors,
    )
)]
pub async fn reject_start_of_use(
    State(state): State<AppState>,
    reviewer: ReviewerSession,
    AppPath(id): AppPath<i64>,
    AppJson(request): AppJson<RejectRequest>,
) -> Result<Json<StartOfUseRequestRecord>, AppError> {
    let reason = request_reject_reason(&request.reason).map_err(AppError::Validation)?;
    Ok(Json(
        start_of_use::decide(
            &state.pool,
            &reviewer,
            id,
            Decision::Reject(reason),
            state.clock.now(),
        )
        .await?,
    ))
}
