//! Error responses that many operations share, for their OpenAPI entries: one place to say
//! them, so the contract cannot drift between operations that fail alike. The sets do not
//! overlap, so an operation lists the ones that apply beside its own statuses (its 403 and
//! 422 say what they mean for that operation).
//!
//! Every status here is one the server really sends: `cargo xtask test` fuzzes the document
//! against a running server (schemathesis, `--checks all`) and fails on any other.

use todoke_core::ApiError;
use utoipa::{IntoResponses, ToSchema};

/// Any operation behind a session: not signed in, or outside service hours.
#[derive(IntoResponses)]
#[allow(dead_code)] // A description for the OpenAPI document, never constructed.
pub enum SessionErrors {
    #[response(
        status = 401,
        description = "`unauthenticated`: not signed in, or the session expired or was ended"
    )]
    NotSignedIn(ApiError),
    #[response(
        status = 503,
        description = "`service_closed`: outside service hours (with `resumes_at` and `Retry-After`)"
    )]
    OutsideServiceHours(ApiError),
}

/// An operation that reads a JSON body: the body is read whole before anything else, then
/// decoded. Its 422 (well-formed JSON of another shape, and the operation's own checks) is
/// listed by the operation.
#[derive(IntoResponses)]
#[allow(dead_code)] // A description for the OpenAPI document, never constructed.
pub enum JsonBodyErrors {
    #[response(
        status = 400,
        description = "`malformed_json`: the body is not JSON (empty, cut short, not UTF-8)"
    )]
    MalformedJson(ApiError),
    #[response(
        status = 413,
        description = "`payload_too_large`: the body is over `TODOKE_BODY_LIMIT_BYTES` (sent with `Connection: close`)"
    )]
    PayloadTooLarge(ApiError),
    #[response(
        status = 415,
        description = "`unsupported_media_type`: no body, or a body without `Content-Type: application/json`"
    )]
    UnsupportedMediaType(ApiError),
}

/// A state-changing operation that takes no body: one may still be sent, and is refused when it
/// is not JSON or is too large.
#[derive(IntoResponses)]
#[allow(dead_code)] // A description for the OpenAPI document, never constructed.
pub enum NoBodyErrors {
    #[response(
        status = 413,
        description = "`payload_too_large`: a body over `TODOKE_BODY_LIMIT_BYTES` was sent"
    )]
    PayloadTooLarge(ApiError),
    #[response(
        status = 415,
        description = "`unsupported_media_type`: a body was sent without `Content-Type: application/json` (this operation reads none)"
    )]
    UnsupportedMediaType(ApiError),
}

/// A bureau's transition on one filing (receive, start review, return, accept, reject). Each
/// lists its 422 itself, and [`JsonBodyErrors`].
#[derive(IntoResponses)]
#[allow(dead_code)] // A description for the OpenAPI document, never constructed.
pub enum ReviewActionErrors {
    #[response(
        status = 401,
        description = "`unauthenticated`: not signed in, or the session expired or was ended"
    )]
    NotSignedIn(ApiError),
    #[response(
        status = 403,
        description = "`password_change_required`, `forbidden` (applicant) or `csrf_rejected`"
    )]
    Forbidden(ApiError),
    #[response(
        status = 404,
        description = "`not_found`: no such filing in this bureau"
    )]
    NotFound(ApiError),
    #[response(
        status = 409,
        description = "`transition_not_allowed` in the current status"
    )]
    NotAllowed(ApiError),
    #[response(
        status = 503,
        description = "`service_closed`: outside service hours (with `resumes_at` and `Retry-After`)"
    )]
    OutsideServiceHours(ApiError),
}

/// The value of the `X-Requested-With` header that every state-changing request carries (the
/// CSRF defence; compared without regard to case). Without it: 403 `csrf_rejected`.
#[derive(ToSchema)]
#[allow(dead_code)] // A schema for the OpenAPI document, never constructed.
pub enum CsrfHeader {
    #[schema(rename = "todoke")]
    Todoke,
}
