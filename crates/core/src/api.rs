//! The JSON contract between the browser app and the server. Both sides compile these types, so
//! a field renamed on one side cannot be missed on the other; the server also publishes them as
//! OpenAPI schemas (feature `openapi`) for bureaus that build their own clients or servers.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::{Date, OffsetDateTime};
use validator::Validate;

use crate::institution::{FeeScheduleClass, InstitutionCode, Prefecture, RegionalBureau};
use crate::text::ja;

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
    Internal,
    /// The deployment requires a client certificate (mutual TLS) and none was presented.
    ClientCertificateRequired,
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
            ..Self::new(ErrorCode::ValidationFailed, ja::VALIDATION_FAILED)
        }
    }
}

/// `POST /api/v1/session`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    #[validate(length(min = 1, max = 64))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64))]
    pub user_id: String,
    #[validate(length(min = 1, max = 256))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 256))]
    pub password: String,
}

impl LoginRequest {
    /// Presence and size only: whether the ID exists and the password is right is the server's
    /// question, answered with one message for both.
    pub fn check(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        if let Err(e) = self.validate() {
            for (field, errs) in e.field_errors() {
                let too_long = errs.iter().any(|e| {
                    e.params
                        .get("value")
                        .is_some_and(|v| v.as_str().is_some_and(|s| !s.is_empty()))
                });
                let message = match (field.as_ref(), too_long) {
                    ("user_id", false) => ja::USER_ID_REQUIRED,
                    ("user_id", true) => ja::USER_ID_SHAPE,
                    (_, false) => ja::PASSWORD_REQUIRED,
                    (_, true) => ja::PASSWORD_TOO_LONG_FOR_LOGIN,
                };
                errors.add(field.as_ref(), message);
            }
        }
        errors.into_result()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 保険医療機関等: files applications and notifications.
    Applicant,
    /// 地方厚生(支)局の職員: reviews what arrives at one bureau.
    Reviewer,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InstitutionSummary {
    pub code: InstitutionCode,
    pub name: String,
    pub class: FeeScheduleClass,
    pub prefecture: Prefecture,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountSummary {
    pub user_id: String,
    pub role: Role,
    /// Present for applicants.
    pub institution: Option<InstitutionSummary>,
    /// Present for reviewers.
    pub bureau: Option<RegionalBureau>,
    /// Display name for reviewers.
    pub display_name: Option<String>,
}

/// The signed-in session, answered by `POST /api/v1/session` and `GET /api/v1/session`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionInfo {
    pub account: AccountSummary,
    /// True until the initial password is changed; every other call is refused meanwhile.
    pub must_change_password: bool,
    /// The session ends after this many seconds without a request.
    pub idle_timeout_secs: u64,
    /// The session ends at this time whatever the activity.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub expires_at: OffsetDateTime,
    /// The sign-in before this one, shown so that users notice a sign-in that was not theirs.
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub previous_login_at: Option<OffsetDateTime>,
}

/// `PUT /api/v1/account/password`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordChangeRequest {
    #[cfg_attr(feature = "openapi", schema(min_length = 1))]
    pub current_password: String,
    /// The policy of `GET /api/v1/password-policy`: 10 to 20 half-width characters (`!` to `~`)
    /// with upper- and lower-case letters, digits and symbols, no common word, not the user ID,
    /// not the current password. The schema states the length and the characters; the rest is
    /// the server's 422.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 10, max_length = 20, pattern = "^[!-~]*$")
    )]
    pub new_password: String,
    /// The same as `new_password`.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 10, max_length = 20, pattern = "^[!-~]*$")
    )]
    pub new_password_confirmation: String,
}

/// `GET /api/v1/password-policy`: the policy the server enforces, so the checklist matches it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordPolicyInfo {
    pub min_len: usize,
    pub max_len: usize,
    /// The rules in Japanese, in checklist order.
    pub rules: Vec<String>,
}

/// `GET /api/v1/service-status`: answered at any hour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceStatus {
    pub open: bool,
    /// The hours in Japanese.
    pub hours: String,
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub resumes_at: Option<OffsetDateTime>,
    /// The message to show while closed.
    pub message: Option<String>,
}

/// `GET /healthz`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    /// `ok`, `degraded` (the database does not answer) or, from `/readyz`, `draining` (shutting
    /// down: send new requests elsewhere)
    pub status: String,
    /// `ok` or `unavailable`
    pub database: String,
    /// The database engine: `sqlite` or `postgres`
    pub engine: String,
}

// ---- Forms, drafts and submissions ---------------------------------------------------------

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

/// Status of a filing (docs/domain.md, "The filing lifecycle"). The transitions between them are [`crate::lifecycle`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FilingStatus {
    /// 作成中
    Draft,
    /// 提出済
    Submitted,
    /// 受付済
    Received,
    /// 審査中
    UnderReview,
    /// 差戻し
    Returned,
    /// 受理 (final)
    Accepted,
    /// 不受理 (final)
    Rejected,
    /// 取下げ (final)
    Withdrawn,
}

/// A stored status that is none of the known ones.
#[derive(Debug, thiserror::Error)]
#[error("unknown filing status {0:?}")]
pub struct UnknownStatus(pub String);

/// Decoding a stored status at the edge (the server's rows).
impl TryFrom<String> for FilingStatus {
    type Error = UnknownStatus;

    fn try_from(s: String) -> Result<Self, UnknownStatus> {
        Self::parse(&s).ok_or(UnknownStatus(s))
    }
}

impl FilingStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::Draft => ja::STATUS_DRAFT,
            Self::Submitted => ja::STATUS_SUBMITTED,
            Self::Received => ja::STATUS_RECEIVED,
            Self::UnderReview => ja::STATUS_UNDER_REVIEW,
            Self::Returned => ja::STATUS_RETURNED,
            Self::Accepted => ja::STATUS_ACCEPTED,
            Self::Rejected => ja::STATUS_REJECTED,
            Self::Withdrawn => ja::STATUS_WITHDRAWN,
        }
    }
}

/// A reviewer's comment on one field of a returned filing, keyed by issue path
/// (`staff[0].weekly_hours`, as in the check's issues).
///
/// The server trims comments and refuses blank ones. The schemas say "not blank" with the
/// pattern `[^…]` (at least one character that is not `White_Space`, what Rust's `str::trim`
/// removes), listing the characters because `\s` means something else in each regex dialect.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldComment {
    /// An item of the filing's content, as the review page lists it.
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"[^\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
        )
    )]
    pub path: String,
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 2000,
            pattern = r"[^\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
        )
    )]
    pub comment: String,
}

/// One entry of a filing's history (the audit log as the applicant sees it), oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryEntry {
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub at: OffsetDateTime,
    /// Who: the institution's name, the bureau desk's display name, or the operator.
    pub actor_label: String,
    /// What, in Japanese (提出, 受付, 差戻し, 再提出, 利用終了, …).
    pub action_label: String,
    /// `submit`, an [`crate::lifecycle::Action`] in snake_case, or `end_use` (the operator
    /// processed an accepted 利用終了届出; the status does not change).
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub from_status: Option<FilingStatus>,
    #[serde(default = "default_status")]
    pub to_status: FilingStatus,
    #[serde(default)]
    pub comment: Option<String>,
    #[serde(default)]
    pub field_comments: Vec<FieldComment>,
    /// For a return: the deadline for resubmission.
    #[serde(default, with = "crate::calendar::iso_date::format::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub deadline: Option<Date>,
}

fn default_status() -> FilingStatus {
    FilingStatus::Submitted
}

/// A filing as sent: its arrival number (到達番号), time, the form and version it used, and the
/// normalised answers the server checked; and where it stands in the lifecycle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Submission {
    pub id: i64,
    pub arrival_number: String,
    pub form_id: String,
    pub form_version: String,
    pub title: String,
    pub status: FilingStatus,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: crate::forms::Answers,
    /// The warnings the user acknowledged, by `Issue::key()`.
    pub acknowledged_warnings: Vec<String>,
    /// The latest (re)submission.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub submitted_at: OffsetDateTime,
    /// Every transition, oldest first.
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
    /// What the viewer (applicant or reviewer) may do now; the server refuses the rest.
    #[serde(default)]
    pub allowed_actions: Vec<crate::lifecycle::Action>,
    /// The field comments of the latest return.
    #[serde(default)]
    pub field_comments: Vec<FieldComment>,
    /// The general comment of the latest return.
    #[serde(default)]
    pub return_comment: Option<String>,
    /// Resubmit by this date (the latest return's deadline), when one was set.
    #[serde(default, with = "crate::calendar::iso_date::format::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub return_deadline: Option<Date>,
    /// 受理番号, once accepted.
    #[serde(default)]
    pub acceptance_number: Option<String>,
    /// The day acceptance takes effect (docs/domain.md, "Effective dates"), once accepted.
    #[serde(default, with = "crate::calendar::iso_date::format::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub effective_date: Option<Date>,
    /// Why it was not accepted (不受理).
    #[serde(default)]
    pub rejection_reason: Option<String>,
    /// Hex SHA-256 of the stored normalised answers (the JSON text as stored), printed on the
    /// receipt (控え) so that bureau staff can verify a printed copy.
    #[serde(default)]
    pub content_sha256: String,
    /// The answers of the submission before the latest resubmission, to show what changed.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub previous_answers: Option<crate::forms::Answers>,
    /// Who must act next, in Japanese.
    #[serde(default)]
    pub next_actor_label: String,
    /// The filing institution; given to reviewers (`GET /api/v1/review/filings/{id}`).
    #[serde(default)]
    pub institution: Option<InstitutionSummary>,
}

/// One row of 「届書・申請書検索一覧」 (`GET /api/v1/filings`) and of the review queue
/// (`GET /api/v1/review/filings`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FilingSummary {
    /// The draft id for drafts, the submission id otherwise.
    pub id: i64,
    pub status: FilingStatus,
    pub form_id: String,
    pub title: String,
    pub arrival_number: Option<String>,
    /// Last save for drafts, the latest (re)submission otherwise.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub updated_at: OffsetDateTime,
    #[serde(default)]
    pub acceptance_number: Option<String>,
    #[serde(default, with = "crate::calendar::iso_date::format::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub effective_date: Option<Date>,
    /// Who must act next, in Japanese.
    #[serde(default)]
    pub next_actor_label: String,
    /// The filing institution (review queue only).
    #[serde(default)]
    pub institution: Option<InstitutionSummary>,
}

/// One page of a filings search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FilingPage {
    /// At most `per_page`.
    #[cfg_attr(feature = "openapi", schema(max_items = 100))]
    pub items: Vec<FilingSummary>,
    /// Matches over all pages.
    pub total: u64,
    /// 1-based.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000000))]
    pub page: u32,
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100))]
    pub per_page: u32,
}

/// Search parameters of `GET /api/v1/filings`, `GET /api/v1/review/filings` and the CSV export.
/// All optional; a value that does not parse is 422 `validation_failed` keyed by parameter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct FilingQuery {
    /// Form id (手続), e.g. `staff-change`.
    pub procedure: Option<String>,
    /// A `FilingStatus` in snake_case (`draft` only in the applicant's list; the queue has no
    /// drafts).
    #[cfg_attr(feature = "openapi", param(schema_with = query_schemas::status))]
    pub status: Option<String>,
    /// Submitted on or after this day in Japan: `YYYY-MM-DD`, or as typed (`2026/4/1`,
    /// `2026年4月1日`, full-width digits); see `forms::parse_typed_date`.
    #[cfg_attr(feature = "openapi", param(schema_with = query_schemas::submitted_from))]
    pub submitted_from: Option<String>,
    /// Submitted on or before this day in Japan, in the same forms as `submitted_from`.
    #[cfg_attr(feature = "openapi", param(schema_with = query_schemas::submitted_to))]
    pub submitted_to: Option<String>,
    /// Part of an arrival number (到達番号).
    pub arrival_number: Option<String>,
    /// `-submitted_at` (newest first, default), `submitted_at`, or `arrival_number`.
    #[cfg_attr(feature = "openapi", param(schema_with = query_schemas::sort))]
    pub sort: Option<String>,
    /// 1-based page, default 1.
    #[cfg_attr(feature = "openapi", param(schema_with = query_schemas::page))]
    pub page: Option<String>,
    /// Rows per page, 1–100, default 20.
    #[cfg_attr(feature = "openapi", param(schema_with = query_schemas::per_page))]
    pub per_page: Option<String>,
}

/// The schemas of [`FilingQuery`]'s parameters. The server trims every value and takes a blank
/// one as absent, so each is "this, or blank" (blank: only `White_Space`, what Rust's
/// `str::trim` removes, listed because `\s` means something else in each regex dialect).
/// utoipa drops a field's doc comment when `schema_with` gives its schema, so the descriptions
/// are repeated here.
#[cfg(feature = "openapi")]
mod query_schemas {
    use utoipa::openapi::schema::{
        AnyOfBuilder, KnownFormat, ObjectBuilder, Schema, SchemaFormat, Type,
    };

    use super::FilingStatus;

    const BLANK: &str = r"^[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$";

    fn or_blank(schema: ObjectBuilder, description: &str) -> Schema {
        let blank = ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(BLANK));
        AnyOfBuilder::new()
            .item(schema)
            .item(blank)
            .description(Some(format!("{description} Blank: as if absent.")))
            .into()
    }

    fn one_of(values: &[&str], description: &str) -> Schema {
        or_blank(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some(values.iter().copied())),
            description,
        )
    }

    fn between(min: u32, max: u32, description: &str) -> Schema {
        or_blank(
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .minimum(Some(min))
                .maximum(Some(max)),
            description,
        )
    }

    fn date(description: &str) -> Schema {
        or_blank(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date))),
            description,
        )
    }

    pub fn status() -> Schema {
        let values: Vec<&str> = FilingStatus::ALL.iter().map(|s| s.as_str()).collect();
        one_of(
            &values,
            "A `FilingStatus` in snake_case (`draft` only in the applicant's list; the queue \
             has no drafts).",
        )
    }

    pub fn submitted_from() -> Schema {
        date(
            "Submitted on or after this day in Japan: `YYYY-MM-DD` (also accepted as typed: \
             `2026/4/1`, `2026年4月1日`, full-width digits).",
        )
    }

    pub fn submitted_to() -> Schema {
        date("Submitted on or before this day in Japan, in the same forms as `submitted_from`.")
    }

    pub fn sort() -> Schema {
        one_of(
            &["-submitted_at", "submitted_at", "arrival_number"],
            "`-submitted_at` (newest first, the default), `submitted_at`, or `arrival_number`.",
        )
    }

    pub fn page() -> Schema {
        between(1, 1_000_000, "1-based page, default 1.")
    }

    pub fn per_page() -> Schema {
        // The server's `tracking::MAX_PER_PAGE`.
        between(1, 100, "Rows per page, default 20.")
    }
}

/// `POST /api/v1/submissions/{id}/withdraw`, and the reviewer's receive, start-review and accept.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommentRequest {
    /// Goes into the history; empty or blank is no comment.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub comment: Option<String>,
}

/// `POST /api/v1/review/filings/{id}/return` (差戻し).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReturnRequest {
    /// The general comment (required, not blank).
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 2000,
            pattern = r"[^\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
        )
    )]
    pub comment: String,
    #[serde(default)]
    pub field_comments: Vec<FieldComment>,
    /// Resubmit by this date, `YYYY-MM-DD`.
    #[serde(default, with = "crate::calendar::iso_date::format::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub deadline: Option<Date>,
}

/// `POST /api/v1/review/filings/{id}/reject` (不受理).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RejectRequest {
    /// Why (required, not blank).
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 2000,
            pattern = r"[^\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
        )
    )]
    pub reason: String,
}

/// `i64` from any JSON number with an integer value: `220`, `220.0` or `2.2e2`. JSON does not
/// tell them apart, nor does the schema's `integer`, so a client whose JSON library writes a
/// whole number as `220.0` is understood.
mod json_integer {
    use serde::de::{self, Deserializer, Visitor};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        d.deserialize_any(Integer)
    }

    struct Integer;

    impl Visitor<'_> for Integer {
        type Value = i64;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an integer")
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<i64, E> {
            Ok(v)
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<i64, E> {
            i64::try_from(v).map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<i64, E> {
            // -2^63 is exact in f64; 2^63 is the first value past i64::MAX.
            if v.fract() == 0.0
                && (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&v)
            {
                Ok(v as i64)
            } else {
                Err(E::invalid_value(de::Unexpected::Float(v), &self))
            }
        }
    }
}

/// A notice of a status change, for the applicant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notice {
    pub id: i64,
    pub submission_id: i64,
    pub status: FilingStatus,
    /// Japanese.
    pub message: String,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub at: OffsetDateTime,
    pub read: bool,
}

/// `GET /api/v1/notices`: newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NoticeList {
    pub unread: u64,
    /// The latest 100.
    #[cfg_attr(feature = "openapi", schema(max_items = 100))]
    pub items: Vec<Notice>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn login_request_reports_missing_fields() {
        let err = LoginRequest::default().check().unwrap_err();
        assert_eq!(
            err.get("user_id").unwrap(),
            &[ja::USER_ID_REQUIRED.to_string()]
        );
        assert_eq!(
            err.get("password").unwrap(),
            &[ja::PASSWORD_REQUIRED.to_string()]
        );
        let ok = LoginRequest {
            user_id: "DEMO-MED".into(),
            password: "x".into(),
        };
        assert_eq!(ok.check(), Ok(()));
        let long = LoginRequest {
            user_id: "A".repeat(65),
            password: "p".repeat(257),
        };
        let err = long.check().unwrap_err();
        assert_eq!(
            err.get("user_id").unwrap(),
            &[ja::USER_ID_SHAPE.to_string()]
        );
        assert_eq!(
            err.get("password").unwrap(),
            &[ja::PASSWORD_TOO_LONG_FOR_LOGIN.to_string()]
        );
    }

    #[test]
    fn versions_are_any_json_number_with_an_integer_value() {
        for (json, version) in [
            (r#"{"version": 220}"#, 220),
            (r#"{"version": 220.0}"#, 220),
            (r#"{"version": 2.2e2}"#, 220),
            (r#"{"version": -1}"#, -1),
            (r#"{"version": 9223372036854775807}"#, i64::MAX),
        ] {
            let r: SubmitRequest = serde_json::from_str(json).unwrap();
            assert_eq!(r.version, version, "{json}");
        }
        for json in [
            r#"{"version": 220.5}"#,
            r#"{"version": "220"}"#,
            r#"{"version": 1e30}"#,
            r#"{"version": 9223372036854775808}"#,
            r#"{"version": null}"#,
        ] {
            assert!(
                serde_json::from_str::<SubmitRequest>(json).is_err(),
                "{json}"
            );
        }
        let u: DraftUpdate = serde_json::from_str(r#"{"answers": {}, "version": 3.0}"#).unwrap();
        assert_eq!(u.version, 3);
    }

    #[test]
    fn api_error_shape() {
        let mut f = FieldErrors::default();
        f.add("new_password", "x");
        let json = serde_json::to_value(ApiError::validation(f)).unwrap();
        assert_eq!(json["code"], "validation_failed");
        assert_eq!(json["fields"]["new_password"][0], "x");
        assert!(json.get("resumes_at").is_none());
    }
}
