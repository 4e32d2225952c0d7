//! Forms, drafts and submitting them.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::json_integer;

/// One procedure the account may file, for the start page (`GET /api/v1/forms`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FormSummary {
    pub id: String,
    /// The fee revision the definition follows, e.g. "2024".
    pub version: String,
    pub title: String,
    pub description: String,
    /// How many pages the wizard has (before the review page).
    pub page_count: usize,
}

impl From<crate::forms::FormDefinition> for FormSummary {
    fn from(d: crate::forms::FormDefinition) -> Self {
        Self {
            page_count: d.pages.len(),
            id: d.id,
            version: d.version,
            title: d.title,
            description: d.description,
        }
    }
}

/// `GET /api/v1/forms/{form_id}`: the definition, and the context the server will check with
/// (the account's class and code, today in Japan, the periodic-report as-of date), so the
/// browser's check is the server's check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FormBundle {
    pub definition: crate::forms::FormDefinition,
    pub context: crate::forms::CheckContext,
}

/// `POST /api/v1/forms/{form_id}/check`: answers in, the same report the browser computes out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckRequest {
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: crate::forms::Answers,
}

/// `POST /api/v1/drafts`
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewDraft {
    pub form_id: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: crate::forms::Answers,
}

/// `PUT /api/v1/drafts/{id}`: the answers and the version they were based on. A stale version is
/// answered with 409 `draft_conflict` and nothing is overwritten.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftUpdate {
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: crate::forms::Answers,
    /// The version the answers were based on.
    #[serde(deserialize_with = "json_integer::deserialize")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    pub version: i64,
}

/// A saved, unsent filing (作成中), kept on the server so it survives sign-out and browsers
/// that delete script storage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Draft {
    pub id: i64,
    pub form_id: String,
    pub form_version: String,
    pub title: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: crate::forms::Answers,
    /// Increases with every save; sent back with the next save (optimistic concurrency).
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    pub version: i64,
    /// For a draft made by `POST /api/v1/submissions/{id}/revise`: the returned submission that
    /// submitting this draft resubmits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revises_submission_id: Option<i64>,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub updated_at: OffsetDateTime,
}

/// `POST /api/v1/drafts/{id}/submit`. Submitting the same draft again (a double click, a retried
/// request) answers with the submission already made, not a second one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubmitRequest {
    /// The draft version the user reviewed; a stale one is a 409 `draft_conflict`.
    #[serde(deserialize_with = "json_integer::deserialize")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    pub version: i64,
    /// `Issue::key()` of every warning the user acknowledged on the review page.
    #[serde(default)]
    pub acknowledged_warnings: Vec<String>,
}
