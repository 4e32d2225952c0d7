//! Drafts (一時保存) and their submission. Every draft belongs to one applicant account; another
//! account's draft answers 404 exactly like one that does not exist.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use todoke_core::ApiError;
use todoke_core::api::endpoints;
use todoke_core::api::{Draft, DraftUpdate, NewDraft, Submission, SubmitRequest};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::responses::{CsrfHeader, JsonBodyErrors, NoBodyErrors, SessionErrors};
use super::tags;
use crate::AppState;
use crate::auth::ApplicantSession;
use crate::error::AppError;
use crate::extract::{AppJson, AppPath};
use crate::filings::lifecycle::{self, SubmitOutcome};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create_draft))
        .routes(routes!(get_draft, update_draft, delete_draft))
        .routes(routes!(submit_draft))
}

/// Start a draft
///
/// Saves the answers exactly as sent (not normalised, so nothing typed is lost) at version 1.
/// The form must be one the account may file.
#[utoipa::path(
    post,
    path = endpoints::CREATE_DRAFT.path,
    tag = tags::FILINGS,
    security(("session_cookie" = [])),
    params(("X-Requested-With" = inline(CsrfHeader), Header, description = "Must be `todoke` (CSRF defence)")),
    request_body = NewDraft,
    responses(
        (status = 201, description = "Saved; version 1", body = Draft),
        (status = 403, description = "`form_not_available`, `password_change_required`, `forbidden` (reviewer) or `csrf_rejected`", body = ApiError),
        (status = 404, description = "`not_found`: no form with this identifier", body = ApiError),
        (status = 422, description = "`validation_failed`: the body is not a `NewDraft` object, or a repeatable group has more rows than the form allows (keyed by the group's id)", body = ApiError),
        SessionErrors,
        JsonBodyErrors,
    )
)]
pub async fn create_draft(
    State(state): State<AppState>,
    applicant: ApplicantSession,
    AppJson(request): AppJson<NewDraft>,
) -> Result<(StatusCode, Json<Draft>), AppError> {
    let draft =
        lifecycle::create_draft(&state, &applicant, &request.form_id, &request.answers).await?;
    Ok((StatusCode::CREATED, Json(draft)))
}

/// Read a draft
///
/// The answers as last saved, and the version to send with the next save. A draft that has been
/// submitted answers 409 `draft_conflict` (its submission is in the filings list).
#[utoipa::path(
    get,
    path = endpoints::DRAFT.path,
    tag = tags::FILINGS,
    security(("session_cookie" = [])),
    params(("id" = i64, Path, description = "Draft id")),
    responses(
        (status = 200, description = "The draft", body = Draft),
        (status = 403, description = "`password_change_required`, or `forbidden` for a reviewer", body = ApiError),
        (status = 404, description = "No such draft for this account", body = ApiError),
        (status = 409, description = "`draft_conflict`: the draft has been submitted", body = ApiError),
        SessionErrors,
    )
)]
pub async fn get_draft(
    State(state): State<AppState>,
    applicant: ApplicantSession,
    AppPath(id): AppPath<i64>,
) -> Result<Json<Draft>, AppError> {
    Ok(Json(
        lifecycle::get_draft(&state.pool, applicant.account_id, id).await?,
    ))
}

/// Save a draft
///
/// Replaces the answers (stored as sent) when `version` is the draft's current version, and
/// answers the draft with the version increased by one. When another tab saved first, answers
/// 409 `draft_conflict` and changes nothing, so neither copy is lost. A submitted draft can no
/// longer be saved (409 `draft_conflict`).
#[utoipa::path(
    put,
    path = endpoints::SAVE_DRAFT.path,
    tag = tags::FILINGS,
    security(("session_cookie" = [])),
    params(
        ("id" = i64, Path, description = "Draft id"),
        ("X-Requested-With" = inline(CsrfHeader), Header, description = "Must be `todoke` (CSRF defence)"),
    ),
    request_body = DraftUpdate,
    responses(
        (status = 200, description = "Saved; the new version", body = Draft),
        (status = 403, description = "`password_change_required`, `forbidden` (reviewer) or `csrf_rejected`", body = ApiError),
        (status = 404, description = "`not_found`: no such draft for this account", body = ApiError),
        (status = 409, description = "`draft_conflict`: saved elsewhere since `version`, or already submitted", body = ApiError),
        (status = 422, description = "`validation_failed`: the body is not a `DraftUpdate` object, or a repeatable group has more rows than the form allows (keyed by the group's id)", body = ApiError),
        SessionErrors,
        JsonBodyErrors,
    )
)]
pub async fn update_draft(
    State(state): State<AppState>,
    applicant: ApplicantSession,
    AppPath(id): AppPath<i64>,
    AppJson(request): AppJson<DraftUpdate>,
) -> Result<Json<Draft>, AppError> {
    let draft = lifecycle::save_draft(
        &state,
        applicant.account_id,
        id,
        request.version,
        &request.answers,
    )
    .await?;
    Ok(Json(draft))
}

/// Delete a draft
///
/// Only unsent drafts: a submitted one is kept as the record of the submission (409).
#[utoipa::path(
    delete,
    path = endpoints::DELETE_DRAFT.path,
    tag = tags::FILINGS,
    security(("session_cookie" = [])),
    params(
        ("id" = i64, Path, description = "Draft id"),
        ("X-Requested-With" = inline(CsrfHeader), Header, description = "Must be `todoke` (CSRF defence)"),
    ),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "`password_change_required`, `forbidden` (reviewer) or `csrf_rejected`", body = ApiError),
        (status = 404, description = "`not_found`: no such draft for this account", body = ApiError),
        (status = 409, description = "`draft_conflict`: the draft has been submitted", body = ApiError),
        SessionErrors,
        NoBodyErrors,
    )
)]
pub async fn delete_draft(
    State(state): State<AppState>,
    applicant: ApplicantSession,
    AppPath(id): AppPath<i64>,
) -> Result<StatusCode, AppError> {
    lifecycle::delete_draft(&state.pool, applicant.account_id, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Submit a draft (提出)
///
/// Re-runs the shared check with the server's context on the stored answers; the server's
/// verdict is final. Errors, and warnings whose `Issue::key()` is not in
/// `acknowledged_warnings`, answer 422 `validation_failed` with `fields` keyed by issue path
/// (`staff[0].weekly_hours`): errors with the check's message, unacknowledged warnings with the
/// message after a note asking to acknowledge it. A stale `version` is 409 `draft_conflict`.
///
/// On success the submission records the normalised answers, the form id and version, the
/// acknowledged warnings and an arrival number (到達番号, `YYYYMMDD-NNNNNN`, never reused).
/// Idempotent: submitting a draft that has been submitted (a double click, a retried request)
/// answers 200 with the same submission instead of creating another.
///
/// A draft from `POST /api/v1/submissions/{id}/revise` (`revises_submission_id` set) resubmits
/// that returned submission instead: the same id and arrival number, status 提出済 again, a new
/// submission time, the content before kept as `previous_answers`, and a history entry. If the
/// submission is no longer returned (withdrawn meanwhile), 409 `transition_not_allowed`.
#[utoipa::path(
    post,
    path = endpoints::SUBMIT_DRAFT.path,
    tag = tags::FILINGS,
    security(("session_cookie" = [])),
    params(
        ("id" = i64, Path, description = "Draft id"),
        ("X-Requested-With" = inline(CsrfHeader), Header, description = "Must be `todoke` (CSRF defence)"),
    ),
    request_body = SubmitRequest,
    responses(
        (status = 201, description = "Submitted", body = Submission),
        (status = 200, description = "Submitted before: the same submission", body = Submission),
        (status = 403, description = "`form_not_available`, `password_change_required`, `forbidden` (reviewer) or `csrf_rejected`", body = ApiError),
        (status = 404, description = "`not_found`: no such draft for this account", body = ApiError),
        (status = 409, description = "`draft_conflict`: the draft was saved elsewhere since `version`, or `version` is below 1 (even for a draft submitted before); `transition_not_allowed`: the submission a revision draft revises is no longer returned", body = ApiError),
        (status = 422, description = "`validation_failed`: the stored answers have errors or unacknowledged warnings (messages keyed by issue path), or a group has more rows than the form allows; or the body is not a `SubmitRequest` object", body = ApiError),
        SessionErrors,
        JsonBodyErrors,
    )
)]
pub async fn submit_draft(
    State(state): State<AppState>,
    applicant: ApplicantSession,
    AppPath(id): AppPath<i64>,
    AppJson(request): AppJson<SubmitRequest>,
) -> Result<(StatusCode, Json<Submission>), AppError> {
    let outcome = lifecycle::submit(
        &state,
        &applicant,
        id,
        request.version,
        &request.acknowledged_warnings,
    )
    .await?;
    Ok(match outcome {
        SubmitOutcome::Created(s) => (StatusCode::CREATED, Json(s)),
        SubmitOutcome::Existing(s) => (StatusCode::OK, Json(s)),
    })
}
