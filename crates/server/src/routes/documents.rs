//! The PDFs: a submission's receipt (到達確認書) and acceptance notice (受理通知書) for the
//! institution that filed it, and the manual for anyone. Plain `GET`s, so that the app offers
//! them as ordinary download links.

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use todoke_core::ApiError;
use todoke_core::api::endpoints;
use todoke_core::api::{InstitutionSummary, Submission};
use todoke_core::text::Lang;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::responses::SessionErrors;
use super::tags;
use crate::AppState;
use crate::auth::ApplicantSession;
use crate::documents;
use crate::error::AppError;
use crate::extract::AppPath;
use crate::filings::Scope;
use crate::middleware::request_lang;
use crate::pdf::flow::FlowDocument;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(receipt_pdf))
        .routes(routes!(acceptance_notice_pdf))
        .routes(routes!(manual_pdf))
}

fn lang() -> Lang {
    request_lang().unwrap_or(Lang::Ja)
}

/// A PDF to save: `filename` is ASCII. `cache` is the `Cache-Control` value.
fn attachment(bytes: Vec<u8>, filename: &str, cache: &'static str) -> Response {
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\""))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/pdf"),
            ),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, HeaderValue::from_static(cache)),
        ],
        bytes,
    )
        .into_response()
}

/// A file name from an arrival number: its ASCII letters, digits and hyphens.
fn file_part(arrival_number: &str) -> String {
    arrival_number
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect()
}

/// The receipt of arrival (到達確認書、控え) as a PDF
///
/// Arrival number and time, procedure, form version, the institution, the SHA-256 digest of
/// the stored content, and every answer as 「入力内容の確認」 shows it; tagged, in the request's
/// language.
#[utoipa::path(
    get,
    path = endpoints::RECEIPT_PDF.path,
    tag = tags::FILINGS,
    security(("session_cookie" = [])),
    params(("id" = i64, Path, description = "Submission id")),
    responses(
        (status = 200, description = "The receipt", content_type = "application/pdf"),
        (status = 403, description = "`password_change_required`, or `forbidden` for a reviewer", body = ApiError),
        (status = 404, description = "No such submission for this account", body = ApiError),
        (status = 503, description = "`documents_unavailable`: the PDF could not be made (the deployment's font is missing)", body = ApiError),
        SessionErrors,
    )
)]
pub async fn receipt_pdf(
    State(state): State<AppState>,
    applicant: ApplicantSession,
    AppPath(id): AppPath<i64>,
) -> Result<Response, AppError> {
    filing_pdf(&state, &applicant, id, "receipt", |s, institution| {
        Ok(documents::receipt(s, institution, lang()))
    })
    .await
}

/// The applicant's submission `id` as the PDF `make` builds, saved as `{name}-{arrival}.pdf`.
async fn filing_pdf(
    state: &AppState,
    applicant: &ApplicantSession,
    id: i64,
    name: &str,
    make: impl FnOnce(&Submission, Option<&InstitutionSummary>) -> Result<FlowDocument, AppError>,
) -> Result<Response, AppError> {
    let mut conn = state.pool.acquire().await?;
    let (submission, institution) =
        documents::filing(&mut conn, Scope::Applicant(applicant.account_id), id).await?;
    drop(conn);
    let doc = make(&submission, institution.as_ref())?;
    let bytes = documents::pdf(state, doc).await?;
    let file = format!("{name}-{}.pdf", file_part(&submission.arrival_number));
    Ok(attachment(bytes, &file, "private, no-store"))
}

/// The acceptance notice (受理通知書) as a PDF
///
/// From the filing's Regional Bureau to the institution: acceptance number, the day of
/// acceptance, the effective date (算定開始日), the procedure, arrival number and digest.
/// Only for an accepted filing.
#[utoipa::path(
    get,
    path = endpoints::ACCEPTANCE_NOTICE_PDF.path,
    tag = tags::FILINGS,
    security(("session_cookie" = [])),
    params(("id" = i64, Path, description = "Submission id")),
    responses(
        (status = 200, description = "The acceptance notice", content_type = "application/pdf"),
        (status = 403, description = "`password_change_required`, or `forbidden` for a reviewer", body = ApiError),
        (status = 404, description = "No such submission for this account", body = ApiError),
        (status = 409, description = "`document_not_issued`: the filing is not accepted", body = ApiError),
        (status = 503, description = "`documents_unavailable`: the PDF could not be made", body = ApiError),
        SessionErrors,
    )
)]
pub async fn acceptance_notice_pdf(
    State(state): State<AppState>,
    applicant: ApplicantSession,
    AppPath(id): AppPath<i64>,
) -> Result<Response, AppError> {
    let now = state.clock.now();
    filing_pdf(
        &state,
        &applicant,
        id,
        "acceptance-notice",
        |s, institution| {
            documents::acceptance_notice(s, institution, now, lang())
                .ok_or(AppError::DocumentNotIssued)
        },
    )
    .await
}

/// The manual as a PDF
///
/// The same sections, steps and questions as the app's manual page, tagged, in the request's
/// language. No sign-in, at any hour.
#[utoipa::path(
    get,
    path = endpoints::MANUAL_PDF.path,
    tag = tags::SERVICE,
    responses(
        (status = 200, description = "The manual", content_type = "application/pdf"),
        (status = 503, description = "`documents_unavailable`: the PDF could not be made", body = ApiError),
    )
)]
pub async fn manual_pdf(State(state): State<AppState>) -> Result<Response, AppError> {
    let lang = lang();
    let bytes = documents::pdf(&state, documents::manual(lang)).await?;
    let name = match lang {
        Lang::Ja => "todoke-manual.pdf",
        Lang::En => "todoke-manual-en.pdf",
    };
    Ok(attachment(bytes, name, "public, max-age=300"))
}
