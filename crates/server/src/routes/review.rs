//! The bureau's side (審査): the review queue of the reviewer's bureau (searched and paged, and
//! as CSV), one filing with its institution, and the transitions receive, start review, return,
//! accept and reject. A filing from another bureau's prefectures answers 404.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use todoke_core::ApiError;
use todoke_core::api::endpoints;
use todoke_core::api::{
    CommentRequest, FilingPage, FilingQuery, RejectRequest, ReturnRequest, Submission,
};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::filings::search_from;
use super::responses::{CsrfHeader, JsonBodyErrors, ReviewActionErrors, SessionErrors};
use super::tags;
use crate::AppState;
use crate::auth::ReviewerSession;
use crate::error::AppError;
use crate::extract::{AppJson, AppPath};
use crate::filings::lifecycle::{self, ReturnInput};
use crate::filings::search;
use crate::filings::{Acting, Scope};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(queue))
        .routes(routes!(queue_csv))
        .routes(routes!(get_filing))
        .routes(routes!(receive))
        .routes(routes!(start_review))
        .routes(routes!(return_filing))
        .routes(routes!(accept))
        .routes(routes!(reject))
}

/// The review queue
///
/// Submissions from institutions in the prefectures of the reviewer's bureau, filtered, sorted
/// and paged like the applicant's list (no drafts). Rows carry the institution.
#[utoipa::path(
    get,
    path = endpoints::REVIEW_QUEUE.path,
    tag = tags::REVIEW,
    security(("session_cookie" = [])),
    params(FilingQuery),
    responses(
        (status = 200, description = "One page of the queue", body = FilingPage),
        (status = 403, description = "`password_change_required`, or `forbidden` for an applicant", body = ApiError),
        (status = 422, description = "A parameter that does not parse, keyed by name", body = ApiError),
        SessionErrors,
    )
)]
pub async fn queue(
    State(state): State<AppState>,
    reviewer: ReviewerSession,
    query: Result<Query<FilingQuery>, QueryRejection>,
) -> Result<Json<FilingPage>, AppError> {
    let search = search_from(query)?;
    Ok(Json(
        search::search(&state.pool, Scope::Bureau(reviewer.bureau), &search).await?,
    ))
}

/// The review queue as CSV
///
/// Every match of the same filters (not paged), UTF-8 with a byte-order mark so that Excel
/// opens it correctly, a Japanese header row (到達番号, 提出日時, 手続, 状況, 医療機関等コード,
/// 医療機関等名称, 都道府県, 受理番号, 効力発生日, 次に対応する者), CRLF line ends.
#[utoipa::path(
    get,
    path = endpoints::REVIEW_QUEUE_CSV.path,
    tag = tags::REVIEW,
    security(("session_cookie" = [])),
    params(FilingQuery),
    responses(
        (status = 200, description = "The queue as CSV", body = String, content_type = "text/csv"),
        (status = 403, description = "`password_change_required`, or `forbidden` for an applicant", body = ApiError),
        (status = 422, description = "A parameter that does not parse, keyed by name", body = ApiError),
        SessionErrors,
    )
)]
pub async fn queue_csv(
    State(state): State<AppState>,
    reviewer: ReviewerSession,
    query: Result<Query<FilingQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let search = search_from(query)?;
    let body = search::csv(&state.pool, Scope::Bureau(reviewer.bureau), &search).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"review-filings.csv\"",
            ),
        ],
        body,
    )
        .into_response())
}

/// One filing, for review
///
/// The same detail the applicant sees, with `allowed_actions` for the reviewer and the
/// institution.
#[utoipa::path(
    get,
    path = endpoints::REVIEW_FILING.path,
    tag = tags::REVIEW,
    security(("session_cookie" = [])),
    params(("id" = i64, Path, description = "Submission id")),
    responses(
        (status = 200, description = "The filing", body = Submission),
        (status = 403, description = "`password_change_required`, or `forbidden` for an applicant", body = ApiError),
        (status = 404, description = "No such filing in this bureau", body = ApiError),
        SessionErrors,
    )
)]
pub async fn get_filing(
    State(state): State<AppState>,
    reviewer: ReviewerSession,
    AppPath(id): AppPath<i64>,
) -> Result<Json<Submission>, AppError> {
    Ok(Json(
        lifecycle::read(&state.pool, Scope::Bureau(reviewer.bureau), id).await?,
    ))
}

/// Receive (受付)
///
/// 提出済 → 受付済.
#[utoipa::path(
    post,
    path = endpoints::RECEIVE.path,
    tag = tags::REVIEW,
    security(("session_cookie" = [])),
    params(
        ("id" = i64, Path, description = "Submission id"),
        ("X-Requested-With" = inline(CsrfHeader), Header, description = "Must be `todoke` (CSRF defence)"),
    ),
    request_body = CommentRequest,
    responses(
        (status = 200, description = "Received", body = Submission),
        (status = 422, description = "`validation_failed`: the comment is over 2,000 characters, or the body is not a `CommentRequest` object", body = ApiError),
        ReviewActionErrors,
        JsonBodyErrors,
    )
)]
pub async fn receive(
    State(state): State<AppState>,
    reviewer: ReviewerSession,
    AppPath(id): AppPath<i64>,
    AppJson(request): AppJson<CommentRequest>,
) -> Result<Json<Submission>, AppError> {
    let by = Acting::reviewer(&reviewer);
    Ok(Json(
        lifecycle::receive(&state, &by, id, request.comment).await?,
    ))
}

/// Start review (審査開始)
///
/// 受付済 → 審査中.
#[utoipa::path(
    post,
    path = endpoints::START_REVIEW.path,
    tag = tags::REVIEW,
    security(("session_cookie" = [])),
    params(
        ("id" = i64, Path, description = "Submission id"),
        ("X-Requested-With" = inline(CsrfHeader), Header, description = "Must be `todoke` (CSRF defence)"),
    ),
    request_body = CommentRequest,
    responses(
        (status = 200, description = "Under review", body = Submission),
        (status = 422, description = "`validation_failed`: the comment is over 2,000 characters, or the body is not a `CommentRequest` object", body = ApiError),
        ReviewActionErrors,
        JsonBodyErrors,
    )
)]
pub async fn start_review(
    State(state): State<AppState>,
    reviewer: ReviewerSession,
    AppPath(id): AppPath<i64>,
    AppJson(request): AppJson<CommentRequest>,
) -> Result<Json<Submission>, AppError> {
    let by = Acting::reviewer(&reviewer);
    Ok(Json(
        lifecycle::start_review(&state, &by, id, request.comment).await?,
    ))
}

/// Return for correction (差戻し)
///
/// 受付済 or 審査中 → 差戻し, with a general comment (required), comments per field keyed by
/// issue path, and an optional deadline for resubmission (today or later, in Japan).
#[utoipa::path(
    post,
    path = endpoints::RETURN.path,
    tag = tags::REVIEW,
    security(("session_cookie" = [])),
    params(
        ("id" = i64, Path, description = "Submission id"),
        ("X-Requested-With" = inline(CsrfHeader), Header, description = "Must be `todoke` (CSRF defence)"),
    ),
    request_body = ReturnRequest,
    responses(
        (status = 200, description = "Returned", body = Submission),
        (status = 422, description = "`validation_failed`: no comment or one over 2,000 characters, a field comment that is incomplete, too long or names no item of the filing, or a deadline before today in Japan; or the body is not a `ReturnRequest` object", body = ApiError),
        ReviewActionErrors,
        JsonBodyErrors,
    )
)]
pub async fn return_filing(
    State(state): State<AppState>,
    reviewer: ReviewerSession,
    AppPath(id): AppPath<i64>,
    AppJson(request): AppJson<ReturnRequest>,
) -> Result<Json<Submission>, AppError> {
    let input = ReturnInput {
        comment: request.comment,
        field_comments: request.field_comments,
        deadline: request.deadline,
    };
    let by = Acting::reviewer(&reviewer);
    Ok(Json(
        lifecycle::return_filing(&state, &by, id, input).await?,
    ))
}

/// Accept (受理)
///
/// 受付済 or 審査中 → 受理: assigns an acceptance number and computes the effective date from
/// today's date in Japan (accepted on the first business day of a month → the 1st of that
/// month; otherwise the 1st of the next).
#[utoipa::path(
    post,
    path = endpoints::ACCEPT.path,
    tag = tags::REVIEW,
    security(("session_cookie" = [])),
    params(
        ("id" = i64, Path, description = "Submission id"),
        ("X-Requested-With" = inline(CsrfHeader), Header, description = "Must be `todoke` (CSRF defence)"),
    ),
    request_body = CommentRequest,
    responses(
        (status = 200, description = "Accepted", body = Submission),
        (status = 422, description = "`validation_failed`: the comment is over 2,000 characters, or the body is not a `CommentRequest` object", body = ApiError),
        ReviewActionErrors,
        JsonBodyErrors,
    )
)]
pub async fn accept(
    State(state): State<AppState>,
    reviewer: ReviewerSession,
    AppPath(id): AppPath<i64>,
    AppJson(request): AppJson<CommentRequest>,
) -> Result<Json<Submission>, AppError> {
    let by = Acting::reviewer(&reviewer);
    Ok(Json(
        lifecycle::accept(&state, &by, id, request.comment).await?,
    ))
}

/// Reject (不受理)
///
/// 受付済 or 審査中 → 不受理, with the reason (required).
#[utoipa::path(
    post,
    path = endpoints::REJECT.path,
    tag = tags::REVIEW,
    security(("session_cookie" = [])),
    params(
        ("id" = i64, Path, description = "Submission id"),
        ("X-Requested-With" = inline(CsrfHeader), Header, description = "Must be `todoke` (CSRF defence)"),
    ),
    request_body = RejectRequest,
    responses(
        (status = 200, description = "Rejected", body = Submission),
        (status = 422, description = "`validation_failed`: no reason, or one over 2,000 characters; or the body is not a `RejectRequest` object", body = ApiError),
        ReviewActionErrors,
        JsonBodyErrors,
    )
)]
pub async fn reject(
    State(state): State<AppState>,
    reviewer: ReviewerSession,
    AppPath(id): AppPath<i64>,
    AppJson(request): AppJson<RejectRequest>,
) -> Result<Json<Submission>, AppError> {
    let by = Acting::reviewer(&reviewer);
    Ok(Json(
        lifecycle::reject(&state, &by, id, request.reason).await?,
    ))
}
