//! The one error shape every failure answers with, and messages keyed by field.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::OffsetDateTime;

use crate::text::current as text;

/// Messages per field, keyed by the request's field name. Serialised as a plain JSON object.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct FieldErrors(pub BTreeMap<String, Vec<String>>);

impl FieldErrors {
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0
            .entry(field.to_string())
            .or_default()
            .push(message.into());
    }

    pub fn get(&self, field: &str) -> Option<&[String]> {
        self.0.get(field).map(Vec::as_slice)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_result(self) -> Result<(), FieldErrors> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }
}

/// Machine-readable error codes. The Japanese `message` beside it is for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    ValidationFailed,
    InvalidCredentials,
    AccountLocked,
    Unauthenticated,
    PasswordChangeRequired,
    Forbidden,
    CsrfRejected,
    UnsupportedMediaType,
    MalformedJson,
    PayloadTooLarge,
    NotFound,
    MethodNotAllowed,
    ServiceClosed,
    /// A draft was changed elsewhere (another tab) since this copy was loaded.
    DraftConflict,
    /// The form cannot be filed by this account (e.g. a pharmacy-only form for a clinic).
    FormNotAvailable,
    /// The lifecycle does not allow this action in the filing's status, or for this role.
    TransitionNotAllowed,
    /// The document asked for does not exist for the filing yet (an acceptance notice before
    /// acceptance).
    DocumentNotIssued,
    /// Documents (PDFs) cannot be made now (the deployment's font is missing); the screens work.
    DocumentsUnavailable,
    Internal,
    /// The deployment requires a client certificate (mutual TLS) and none was presented.
    ClientCertificateRequired,
    /// Too many requests of one kind from one place or for one institution: wait and retry
    /// (`Retry-After` says how long).
    TooManyRequests,
}

/// The one error shape of the whole API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiError {
    pub code: ErrorCode,
    /// Japanese, says what to do.
    pub message: String,
    /// Per-field messages, for `validation_failed`.
    #[serde(default, skip_serializing_if = "FieldErrors::is_empty")]
    pub fields: FieldErrors,
    /// For `service_closed`: when the service opens again.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "time::serde::rfc3339::option"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub resumes_at: Option<OffsetDateTime>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            fields: FieldErrors::default(),
            resumes_at: None,
        }
    }

    pub fn validation(fields: FieldErrors) -> Self {
        Self {
            fields,
            ..Self::new(ErrorCode::ValidationFailed, text::VALIDATION_FAILED())
        }
    }
}
