//! Errors. [`AppError`] is the one error type of every handler, extractor and middleware; it
//! always turns into the single JSON shape [`todoke_core::ApiError`], so the browser needs one
//! code path for every failure. Database and internal errors are logged and shown only as
//! 「システムで問題が発生しました」: their details help an attacker more than a user.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use time::{Duration, OffsetDateTime};
use todoke_core::text::current as text;
use todoke_core::{ApiError, ErrorCode, FieldErrors};

use crate::config::ConfigError;

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// 422 with a message per field.
    #[error("validation failed: {0:?}")]
    Validation(FieldErrors),
    /// 422: the JSON parsed but its fields have the wrong names or types.
    #[error("request body does not match the expected fields")]
    BodyShape,
    /// 401: the same for an unknown user ID, a wrong password and an ended account.
    #[error("invalid credentials")]
    InvalidCredentials,
    /// 429: too many consecutive failures for this user ID.
    #[error("user ID locked for {retry_after}")]
    AccountLocked { retry_after: Duration },
    /// 401: no session, or it expired or was revoked.
    #[error("unauthenticated")]
    Unauthenticated,
    /// 403: the initial password must be changed first.
    #[error("password change required")]
    PasswordChangeRequired,
    #[error("forbidden")]
    Forbidden,
    #[error("CSRF check failed: {0}")]
    CsrfRejected(&'static str),
    #[error("unsupported media type")]
    UnsupportedMediaType,
    #[error("malformed JSON")]
    MalformedJson,
    #[error("payload too large")]
    PayloadTooLarge,
    #[error("not found")]
    NotFound,
    /// 409 `draft_conflict`: the draft was saved elsewhere since the version the client holds.
    #[error("draft version is stale")]
    DraftConflict,
    /// 409 `draft_conflict`: the draft has been submitted and can no longer change.
    #[error("draft already submitted")]
    DraftAlreadySubmitted,
    /// 403 `form_not_available`: the account's class may not file this form.
    #[error("form not available to this account")]
    FormNotAvailable,
    /// 409 `transition_not_allowed`: the lifecycle refuses this action in this status or role.
    #[error("{0}")]
    Transition(todoke_core::lifecycle::TransitionError),
    /// An acceptance notice for a filing that is not accepted.
    #[error("document not issued")]
    DocumentNotIssued,
    /// A PDF could not be made; `0` is the detail, logged.
    #[error("documents unavailable: {0}")]
    DocumentsUnavailable(String),
    #[error("method not allowed")]
    MethodNotAllowed,
    /// 503 outside service hours.
    #[error("service closed until {resumes_at}")]
    ServiceClosed {
        resumes_at: OffsetDateTime,
        message: String,
    },
    /// 429 `too_many_requests`: a public request (reissue) over its limit; wait an hour.
    #[error("too many requests")]
    RequestsThrottled,
    /// 409 `transition_not_allowed`: a public request (reissue, start of use) that cannot be
    /// decided so; the message.
    #[error("request refused")]
    RequestRefused(fn() -> &'static str),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            Self::Validation(_) | Self::BodyShape => StatusCode::UNPROCESSABLE_ENTITY,
            Self::InvalidCredentials | Self::Unauthenticated => StatusCode::UNAUTHORIZED,
            Self::AccountLocked { .. } | Self::RequestsThrottled => StatusCode::TOO_MANY_REQUESTS,
            Self::PasswordChangeRequired | Self::Forbidden | Self::CsrfRejected(_) => {
                StatusCode::FORBIDDEN
            }
            Self::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::MalformedJson => StatusCode::BAD_REQUEST,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::DraftConflict
            | Self::DraftAlreadySubmitted
            | Self::Transition(_)
            | Self::RequestRefused(_)
            | Self::DocumentNotIssued => StatusCode::CONFLICT,
            Self::FormNotAvailable => StatusCode::FORBIDDEN,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::ServiceClosed { .. } | Self::DocumentsUnavailable(_) => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            Self::Database(_) | Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The body the client sees.
    pub fn to_api_error(&self) -> ApiError {
        match self {
            Self::Validation(fields) => ApiError::validation(fields.clone()),
            Self::BodyShape => {
                ApiError::new(ErrorCode::ValidationFailed, text::JSON_FIELDS_INVALID())
            }
            Self::InvalidCredentials => {
                ApiError::new(ErrorCode::InvalidCredentials, text::INVALID_CREDENTIALS())
            }
            Self::AccountLocked { retry_after } => ApiError::new(
                ErrorCode::AccountLocked,
                text::account_locked(whole_minutes_up(*retry_after)),
            ),
            Self::Unauthenticated => {
                ApiError::new(ErrorCode::Unauthenticated, text::UNAUTHENTICATED())
            }
            Self::PasswordChangeRequired => ApiError::new(
                ErrorCode::PasswordChangeRequired,
                text::PASSWORD_CHANGE_REQUIRED(),
            ),
            Self::Forbidden => ApiError::new(ErrorCode::Forbidden, text::FORBIDDEN()),
            Self::CsrfRejected(_) => ApiError::new(ErrorCode::CsrfRejected, text::CSRF_REJECTED()),
            Self::UnsupportedMediaType => ApiError::new(
                ErrorCode::UnsupportedMediaType,
                text::UNSUPPORTED_MEDIA_TYPE(),
            ),
            Self::MalformedJson => ApiError::new(ErrorCode::MalformedJson, text::MALFORMED_JSON()),
            Self::PayloadTooLarge => {
                ApiError::new(ErrorCode::PayloadTooLarge, text::PAYLOAD_TOO_LARGE())
            }
            Self::NotFound => ApiError::new(ErrorCode::NotFound, text::NOT_FOUND()),
            Self::DraftConflict => ApiError::new(ErrorCode::DraftConflict, text::DRAFT_CONFLICT()),
            Self::DraftAlreadySubmitted => {
                ApiError::new(ErrorCode::DraftConflict, text::DRAFT_ALREADY_SUBMITTED())
            }
            Self::FormNotAvailable => {
                ApiError::new(ErrorCode::FormNotAvailable, text::FORM_NOT_AVAILABLE())
            }
            Self::Transition(e) => ApiError::new(ErrorCode::TransitionNotAllowed, e.message()),
            Self::RequestRefused(message) => {
                ApiError::new(ErrorCode::TransitionNotAllowed, message())
            }
            Self::RequestsThrottled => {
                ApiError::new(ErrorCode::TooManyRequests, text::REISSUE_RATE_LIMITED())
            }
            Self::DocumentNotIssued => {
                ApiError::new(ErrorCode::DocumentNotIssued, text::DOCUMENT_NOT_ISSUED())
            }
            Self::DocumentsUnavailable(_) => ApiError::new(
                ErrorCode::DocumentsUnavailable,
                text::DOCUMENTS_UNAVAILABLE(),
            ),
            Self::MethodNotAllowed => {
                ApiError::new(ErrorCode::MethodNotAllowed, text::METHOD_NOT_ALLOWED())
            }
            Self::ServiceClosed {
                resumes_at,
                message,
            } => ApiError {
                resumes_at: Some(*resumes_at),
                ..ApiError::new(ErrorCode::ServiceClosed, message.clone())
            },
            Self::Database(_) | Self::Internal(_) => {
                ApiError::new(ErrorCode::Internal, text::INTERNAL())
            }
        }
    }

    /// The error that a bare status from lower layers (axum's own 404/405, a body limit) stands
    /// for, so that even those answer in our shape.
    pub fn from_status(status: StatusCode) -> AppError {
        match status {
            StatusCode::NOT_FOUND => Self::NotFound,
            StatusCode::METHOD_NOT_ALLOWED => Self::MethodNotAllowed,
            StatusCode::PAYLOAD_TOO_LARGE => Self::PayloadTooLarge,
            StatusCode::UNSUPPORTED_MEDIA_TYPE => Self::UnsupportedMediaType,
            StatusCode::UNAUTHORIZED => Self::Unauthenticated,
            StatusCode::FORBIDDEN => Self::Forbidden,
            StatusCode::UNPROCESSABLE_ENTITY => Self::BodyShape,
            s if s.is_client_error() => Self::MalformedJson,
            s => Self::Internal(format!("unexpected status {s} from an inner layer")),
        }
    }

    /// Seconds for a `Retry-After` header, when the client can usefully wait.
    fn retry_after_secs(&self, now: Option<OffsetDateTime>) -> Option<i64> {
        match self {
            Self::AccountLocked { retry_after } => Some(retry_after.whole_seconds().max(1)),
            Self::RequestsThrottled => Some(crate::requests::THROTTLE_WINDOW_SECS),
            Self::ServiceClosed { resumes_at, .. } => {
                now.map(|now| (*resumes_at - now).whole_seconds().max(1))
            }
            _ => None,
        }
    }
}

/// Minutes to show in the lock message: rounded up, so that waiting that long always suffices.
fn whole_minutes_up(d: Duration) -> u64 {
    let secs = d.whole_seconds().max(1) as u64;
    secs.div_ceil(60)
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match &self {
            Self::Database(e) => tracing::error!(error = %e, "database error"),
            Self::Internal(e) => tracing::error!(error = %e, "internal error"),
            Self::DocumentsUnavailable(e) => tracing::error!(error = %e, "PDF not made"),
            Self::CsrfRejected(why) => {
                tracing::info!(reason = why, "request refused by the CSRF check")
            }
            _ => {}
        }
        let mut response = (self.status(), axum::Json(self.to_api_error())).into_response();
        if let Some(secs) = self.retry_after_secs(None) {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}

impl AppError {
    /// Like `into_response`, with the time needed for a service-closed `Retry-After`.
    pub fn into_response_at(self, now: OffsetDateTime) -> Response {
        let retry = self.retry_after_secs(Some(now));
        let mut response = self.into_response();
        if let Some(secs) = retry {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}

/// Why the server could not start (or an admin command could not reach the database).
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("database migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Internal(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_minutes_round_up() {
        assert_eq!(whole_minutes_up(Duration::minutes(15)), 15);
        assert_eq!(whole_minutes_up(Duration::seconds(61)), 2);
        assert_eq!(whole_minutes_up(Duration::seconds(1)), 1);
        assert_eq!(whole_minutes_up(Duration::ZERO), 1);
    }

    #[test]
    fn internal_errors_hide_their_details() {
        let e = AppError::Internal("secret detail".into());
        assert_eq!(e.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = e.to_api_error();
        assert_eq!(body.code, ErrorCode::Internal);
        assert!(!body.message.contains("secret"));
    }

    #[test]
    fn bare_statuses_map_to_codes() {
        assert_eq!(
            AppError::from_status(StatusCode::NOT_FOUND)
                .to_api_error()
                .code,
            ErrorCode::NotFound
        );
        assert_eq!(
            AppError::from_status(StatusCode::METHOD_NOT_ALLOWED)
                .to_api_error()
                .code,
            ErrorCode::MethodNotAllowed
        );
        assert_eq!(
            AppError::from_status(StatusCode::PAYLOAD_TOO_LARGE)
                .to_api_error()
                .code,
            ErrorCode::PayloadTooLarge
        );
    }
}
