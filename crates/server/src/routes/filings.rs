//! What the account has filed: the filings list (drafts and submissions together, searched and
//! paged), one submission with its history, and the applicant's lifecycle actions on it
//! (withdraw, revise after a return, copy into a new draft).

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use todoke_core::ApiError;
use todoke_core::api::endpoints;
use todoke_core::api::{CommentRequest, Draft, FilingPage, FilingQuery, Submission};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::responses::{CsrfHeader, JsonBodyErrors, NoBodyErrors, SessionErrors};
use super::tags;
use crate::AppState;
use crate::auth::ApplicantSession;
use crate::error::AppError;
use crate::extract::{AppJson, AppPath};
use crate::filings::Scope;
use crate::filings::lifecycle;
use crate::filings::search::{self, Search};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_filings))
        .routes(routes!(get_submission))
        .routes(routes!(withdraw))
        .routes(routes!(revise))
        .routes(routes!(copy))
}

/// The query string, with a malformed one answered in the API's shape.
pub fn search_from(query: Result<Query<FilingQuery>, QueryRejection>) -> Result<Search, AppError> {
    let Query(query) = query.map_err(|_| AppError::BodyShape)?;
    Search::parse(&query)
}

/// Search the account's filings (届書・申請書検索一覧)
///
/// Unsent drafts (status `draft`, time of the last save) and submissions (arrival number, time of
/// the latest (re)submission), filtered, sorted and paged on the server. Without `sort`, newest
/// first. Date filters, arrival number and statuses other than `draft` match submissions only.
#[utoipa::path(
    get,
    path = endpoints::FILINGS.path,
    tag = tags::FILINGS,
    security(("session_cookie" = [])),
    params(FilingQuery),
    responses(
        (status = 200, description = "One page of drafts and submissions", body = FilingPage),
        (status = 403, description = "`password_change_required`, or `forbidden` for a reviewer", body = ApiError),
        (status = 422, description = "A parameter that does not parse, keyed by name", body = ApiError),
        SessionErrors,
    )
)]
pub async fn list_filings(
    State(state): State<AppState>,
    applicant: ApplicantSession,
    query: Result<Query<FilingQuery>, QueryRejection>,
) -> Result<Json<FilingPage>, AppError> {
    let search = search_from(query)?;
    Ok(Json(
        search::search(&state.pool, Scope::Applicant(applicant.account_id), &search).await?,
    ))
}

/// One submission
///
/// What was sent (arrival number, time, form id and version, the normalised answers, the
/// acknowledged warnings, the SHA-256 of the stored content), where it stands (status, who acts
/// next, the actions the applicant may take), the full history, the latest return's comments
/// and deadline, and once decided the acceptance number and effective date or the reason for
/// rejection. After a resubmission, `previous_answers` holds the content before it.
#[utoipa::path(
    get,
    path = endpoints::SUBMISSION.path,
    tag = tags::FILINGS,
    security(("session_cookie" = [])),
    params(("id" = i64, Path, description = "Submission id")),
    responses(
        (status = 200, description = "The submission", body = Submission),
        (status = 403, description = "`password_change_required`, or `forbidden` for a reviewer", body = ApiError),
        (status = 404, description = "No such submission for this account", body = ApiError),
        SessionErrors,
    )
)]
pub async fn get_submission(
    State(state): State<AppState>,
    applicant: ApplicantSession,
    AppPath(id): AppPath<i64>,
) -> Result<Json<Submission>, AppError> {
    Ok(Json(
        lifecycle::read(&state.pool, Scope::Applicant(applicant.account_id), id).await?,
    ))
}

/// Withdraw a submission (取下げ)
///
/// Allowed while 提出済, 受付済, 審査中 or 差戻し; the optional comment goes into the history.
#[utoipa::path(
    post,
    path = endpoints::WITHDRAW.path,
    tag = tags::FILINGS,
    security(("session_cookie" = [])),
    params(
        ("id" = i64, Path, description = "Submission id"),
        ("X-Requested-With" = inline(CsrfHeader), Header, description = "Must be `todoke` (CSRF defence)"),
    ),
    request_body = CommentRequest,
    responses(
        (status = 200, description = "Withdrawn", body = Submission),
        (status = 403, description = "`password_change_required`, `forbidden` (reviewer) or `csrf_rejected`", body = ApiError),
        (status = 404, description = "`not_found`: no such submission for this account", body = ApiError),
        (status = 409, description = "`transition_not_allowed` in the current status", body = ApiError),
        (status = 422, description = "`validation_failed`: the comment is over 2,000 characters, or the body is not a `CommentRequest` object", body = ApiError),
        SessionErrors,
        JsonBodyErrors,
    )
)]
pub async fn withdraw(
    State(state): State<AppState>,
    applicant: ApplicantSession,
    AppPath(id): AppPath<i64>,
    AppJson(request): AppJson<CommentRequest>,
) -> Result<Json<Submission>, AppError> {
    Ok(Json(
        lifecycle::withdraw(&state, &applicant, id, request.comment).await?,
    ))
}

/// Revise a returned submission (差戻し → 再提出)
///
/// Answers a draft prefilled with the submission's answers and linked to it
/// (`revises_submission_id`); submitting that draft with `POST /api/v1/drafts/{id}/submit`
/// resubmits the same submission (status 提出済 again, a new submission time, the previous
/// content kept in `previous_answers`). Asking again while that draft is unsent answers the same
/// draft (200).
#[utoipa::path(
    post,
    path = endpoints::REVISE.path,
    tag = tags::FILINGS,
    security(("session_cookie" = [])),
    params(
        ("id" = i64, Path, description = "Submission id"),
        ("X-Requested-With" = inline(CsrfHeader), Header, description = "Must be `todoke` (CSRF defence)"),
    ),
    responses(
        (status = 201, description = "A new revision draft", body = Draft),
        (status = 200, description = "The revision draft made before", body = Draft),
        (status = 403, description = "`password_change_required`, `forbidden` (reviewer), `form_not_available` or `csrf_rejected`", body = ApiError),
        (status = 404, description = "`not_found`: no such submission for this account", body = ApiError),
        (status = 409, description = "`transition_not_allowed`: only a returned submission can be revised", body = ApiError),
        SessionErrors,
        NoBodyErrors,
    )
)]
pub async fn revise(
    State(state): State<AppState>,
    applicant: ApplicantSession,
    AppPath(id): AppPath<i64>,
) -> Result<(StatusCode, Json<Draft>), AppError> {
    let (new, draft) = lifecycle::revise(&state, &applicant, id).await?;
    let status = if new {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(draft)))
}

/// Copy into a new draft (複写して新規作成)
///
/// For a rejected or withdrawn submission: a new, unlinked draft with its answers. The
/// submission itself does not change.
#[utoipa::path(
    post,
    path = endpoints::COPY.path,
    tag = tags::FILINGS,
    security(("session_cookie" = [])),
    params(
        ("id" = i64, Path, description = "Submission id"),
        ("X-Requested-With" = inline(CsrfHeader), Header, description = "Must be `todoke` (CSRF defence)"),
    ),
    responses(
        (status = 201, description = "The new draft", body = Draft),
        (status = 403, description = "`password_change_required`, `forbidden` (reviewer), `form_not_available` or `csrf_rejected`", body = ApiError),
        (status = 404, description = "`not_found`: no such submission for this account", body = ApiError),
        (status = 409, description = "`transition_not_allowed`: only rejected or withdrawn submissions", body = ApiError),
        SessionErrors,
        NoBodyErrors,
    )
)]
pub async fn copy(
    State(state): State<AppState>,
    applicant: ApplicantSession,
    AppPath(id): AppPath<i64>,
) -> Result<(StatusCode, Json<Draft>), AppError> {
    let draft = lifecycle::copy(&state, &applicant, id).await?;
    Ok((StatusCode::CREATED, Json(draft)))
}
