//! Error responses that many operations share, for their OpenAPI entries: one place to say
//! them, so the contract cannot drift between operations that fail alike.

use todoke_core::ApiError;
use utoipa::IntoResponses;

/// Any operation behind a session: not signed in, or outside service hours.
#[derive(IntoResponses)]
#[allow(dead_code)] // A description for the OpenAPI document, never constructed.
pub enum SessionErrors {
    #[response(status = 401, description = "Not signed in")]
    NotSignedIn(ApiError),
    #[response(status = 503, description = "Outside service hours")]
    OutsideServiceHours(ApiError),
}

/// A bureau's transition on one filing (receive, start review, return, accept, reject).
#[derive(IntoResponses)]
#[allow(dead_code)] // A description for the OpenAPI document, never constructed.
pub enum ReviewActionErrors {
    #[response(status = 401, description = "Not signed in")]
    NotSignedIn(ApiError),
    #[response(
        status = 403,
        description = "`password_change_required`, `forbidden` (applicant) or a failed CSRF check"
    )]
    Forbidden(ApiError),
    #[response(status = 404, description = "No such filing in this bureau")]
    NotFound(ApiError),
    #[response(
        status = 409,
        description = "`transition_not_allowed` in the current status"
    )]
    NotAllowed(ApiError),
    #[response(status = 503, description = "Outside service hours")]
    OutsideServiceHours(ApiError),
}
