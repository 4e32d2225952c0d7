//! The form catalogue and the online 形式チェック: the definitions an applicant may file, each
//! with the context the server checks with, and the check itself.

use axum::Json;
use axum::extract::State;
use todoke_core::ApiError;
use todoke_core::api::endpoints;
use todoke_core::api::{CheckRequest, FormBundle, FormSummary};
use todoke_core::forms::CheckReport;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::responses::{CsrfHeader, JsonBodyErrors, SessionErrors};
use super::tags;
use crate::AppState;
use crate::auth::ApplicantSession;
use crate::error::AppError;
use crate::extract::{AppJson, AppPath};
use crate::filings;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_forms))
        .routes(routes!(form_bundle))
        .routes(routes!(check_form))
}

/// The procedures the account may file
///
/// For the start page, in catalogue order. Which forms appear depends on the account's class
/// (pharmacy forms only for 調剤). Applicants only.
#[utoipa::path(
    get,
    path = endpoints::FORMS.path,
    tag = tags::FORMS,
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "The forms this account may file", body = Vec<FormSummary>),
        (status = 403, description = "`password_change_required`, or `forbidden` for a reviewer", body = ApiError),
        SessionErrors,
    )
)]
pub async fn list_forms(applicant: ApplicantSession) -> Json<Vec<FormSummary>> {
    Json(filings::forms::form_summaries(&applicant))
}

/// One form's definition and the server's check context
///
/// The definition (pages, fields with their identifiers, Japanese labels, kinds and rules,
/// repeatable groups, computed values) and the context the server checks with: the account's
/// class and institution code, today in Japan, and the 定例報告 as-of date
/// (`TODOKE_PERIODIC_REPORT_AS_OF`). Checking with this context in the browser gives the
/// server's verdict.
#[utoipa::path(
    get,
    path = endpoints::FORM.path,
    tag = tags::FORMS,
    security(("session_cookie" = [])),
    params(("form_id" = String, Path, description = "Form identifier, e.g. `staff-change`")),
    responses(
        (status = 200, description = "The definition and the check context", body = FormBundle),
        (status = 403, description = "`form_not_available` for a form of another class; `password_change_required`; `forbidden` for a reviewer", body = ApiError),
        (status = 404, description = "No form with this identifier", body = ApiError),
        SessionErrors,
    )
)]
pub async fn form_bundle(
    State(state): State<AppState>,
    applicant: ApplicantSession,
    AppPath(form_id): AppPath<String>,
) -> Result<Json<FormBundle>, AppError> {
    Ok(Json(filings::forms::bundle(&state, &applicant, &form_id)?))
}

/// Check answers (形式チェック)
///
/// Answers in, the same report the browser computes out: the normalised answers, the computed
/// values with their explanations (formula, inputs, result, threshold, met), and the issues
/// (field path, page, severity, code, Japanese message). Nothing is stored. Answers are JSON as
/// described for drafts: strings as typed, `true` for ticked declarations, arrays of row objects
/// for repeatable groups. Unacknowledged warnings are simply listed.
#[utoipa::path(
    post,
    path = endpoints::CHECK_FORM.path,
    tag = tags::FORMS,
    security(("session_cookie" = [])),
    params(
        ("form_id" = String, Path, description = "Form identifier"),
        ("X-Requested-With" = inline(CsrfHeader), Header, description = "Must be `todoke` (CSRF defence)"),
    ),
    request_body = CheckRequest,
    responses(
        (status = 200, description = "The check report", body = CheckReport),
        (status = 403, description = "`form_not_available`, `password_change_required`, `forbidden` (reviewer) or `csrf_rejected`", body = ApiError),
        (status = 404, description = "`not_found`: no form with this identifier", body = ApiError),
        (status = 422, description = "`validation_failed`: the body is not `{\"answers\": {…}}`, or a repeatable group has more rows than the form allows (keyed by the group's id)", body = ApiError),
        SessionErrors,
        JsonBodyErrors,
    )
)]
pub async fn check_form(
    State(state): State<AppState>,
    applicant: ApplicantSession,
    AppPath(form_id): AppPath<String>,
    AppJson(request): AppJson<CheckRequest>,
) -> Result<Json<CheckReport>, AppError> {
    Ok(Json(filings::forms::check(
        &state,
        &applicant,
        &form_id,
        &request.answers,
    )?))
}
