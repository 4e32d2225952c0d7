//! Which forms an applicant may file, and the context the server checks them with: what the
//! form pages (`GET /forms`, `GET /forms/{id}`, `POST /forms/{id}/check`) answer.

use todoke_core::FieldErrors;
use todoke_core::api::{FormBundle, FormSummary};
use todoke_core::forms::{self, Answers, CheckContext, CheckReport, FormDefinition};
use todoke_core::service_hours::JST;

use crate::AppState;
use crate::auth::ApplicantSession;
use crate::error::AppError;

/// The forms the applicant may file, for the start page.
pub fn form_summaries(applicant: &ApplicantSession) -> Vec<FormSummary> {
    forms::forms_for(applicant.class)
        .into_iter()
        .map(FormSummary::from)
        .collect()
}

/// The definition of `form_id` if the applicant may file it: 404 for an unknown id, 403
/// `form_not_available` for a form of another class.
pub fn available_form(
    applicant: &ApplicantSession,
    form_id: &str,
) -> Result<FormDefinition, AppError> {
    if forms::definition(form_id).is_none() {
        return Err(AppError::NotFound);
    }
    forms::forms_for(applicant.class)
        .into_iter()
        .find(|d| d.id == form_id)
        .ok_or(AppError::FormNotAvailable)
}

/// Refuses answers with more rows in a group than `def` allows (422 naming the limit), before
/// anything checks them: a check answers per row, so 10,000 rows of a 50-row table would make a
/// 10 MB answer out of a 1 MB request.
pub fn refuse_oversized_groups(def: &FormDefinition, answers: &Answers) -> Result<(), AppError> {
    let mut fields = FieldErrors::default();
    for (group, message) in forms::too_many_rows(def, answers) {
        fields.add(&group, message);
    }
    fields.into_result().map_err(AppError::Validation)
}

/// The context the server checks with (and publishes in the form bundle, so that the browser's
/// check is the server's): the account's class and code, today in Japan, and the 定例報告 as-of
/// date (`TODOKE_PERIODIC_REPORT_AS_OF`, 1 August by default).
pub fn check_context(state: &AppState, applicant: &ApplicantSession) -> CheckContext {
    let today = state.clock.now().to_offset(JST).date();
    let mut ctx = CheckContext::new(applicant.class, today)
        .with_institution_code(applicant.institution_code.clone());
    if let Some(as_of) = state
        .config
        .periodic_report_as_of
        .and_then(|md| md.in_year(today.year()))
    {
        ctx.periodic_report_as_of = as_of;
    }
    ctx
}

/// The form's title, or its id when the catalogue no longer has it.
pub(crate) fn title_of(form_id: &str) -> String {
    forms::definition(form_id).map_or_else(|| form_id.to_string(), |d| d.title)
}

/// The title to show for a filing whose record keeps `recorded` (Japanese): the record's own
/// in Japanese, the catalogue's (`catalogued`) in another language.
pub(crate) fn shown_title(recorded: Option<String>, catalogued: Option<String>) -> Option<String> {
    if todoke_core::text::lang::current() == todoke_core::text::Lang::Ja {
        recorded.or(catalogued)
    } else {
        catalogued.or(recorded)
    }
}

/// The definition of `form_id` and the exact context the server will check it with.
pub fn bundle(
    state: &AppState,
    applicant: &ApplicantSession,
    form_id: &str,
) -> Result<FormBundle, AppError> {
    Ok(FormBundle {
        definition: available_form(applicant, form_id)?,
        context: check_context(state, applicant),
    })
}

/// The online 形式チェック: the report the browser computes, computed again here. Nothing is
/// stored.
pub fn check(
    state: &AppState,
    applicant: &ApplicantSession,
    form_id: &str,
    answers: &Answers,
) -> Result<CheckReport, AppError> {
    let definition = available_form(applicant, form_id)?;
    refuse_oversized_groups(&definition, answers)?;
    Ok(forms::check(
        &definition,
        answers,
        &check_context(state, applicant),
    ))
}
