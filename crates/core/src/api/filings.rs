//! Submissions as the applicant and the bureau see them, their history, and the lists.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use super::InstitutionSummary;
use crate::text::current as text;

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
            Self::Draft => text::STATUS_DRAFT(),
            Self::Submitted => text::STATUS_SUBMITTED(),
            Self::Received => text::STATUS_RECEIVED(),
            Self::UnderReview => text::STATUS_UNDER_REVIEW(),
            Self::Returned => text::STATUS_RETURNED(),
            Self::Accepted => text::STATUS_ACCEPTED(),
            Self::Rejected => text::STATUS_REJECTED(),
            Self::Withdrawn => text::STATUS_WITHDRAWN(),
        }
    }
}

/// A reviewer's comment on one field of a returned filing, keyed by issue path
/// (`staff[0].weekly_hours`, as in the check's issues).
///
/// The server trims comments and refuses blank ones. The schemas say "not blank" with the
/// pattern `[^…]` (at least one character that is neither `White_Space`, what Rust's
/// `str::trim` removes, nor NUL, which the server drops when it reads a body), listing the
/// characters because `\s` means something else in each regex dialect.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldComment {
    /// An item of the filing's content, as the review page lists it.
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"[^\u0000\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
        )
    )]
    pub path: String,
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 2000,
            pattern = r"[^\u0000\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
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
    /// The institution's other user IDs (利用開始届出 links a new ID to the one it replaced),
    /// with what was filed under each; given to reviewers, so the history reads across IDs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub linked_accounts: Vec<LinkedAccount>,
}

/// How a linked user ID relates to the filing's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AccountLink {
    /// The ID this one replaced.
    Predecessor,
    /// The ID that replaced this one.
    Successor,
}

/// Another user ID of the same institution, and what it filed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkedAccount {
    pub link: AccountLink,
    pub user_id: String,
    pub institution_code: String,
    pub fee_schedule_class: crate::FeeScheduleClass,
    pub institution_name: String,
    pub ended: bool,
    /// Newest first; each opens at `/api/v1/review/filings/{id}`.
    pub filings: Vec<LinkedFiling>,
}

/// One filing of a linked user ID.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkedFiling {
    pub id: i64,
    pub arrival_number: String,
    pub title: String,
    pub status: FilingStatus,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub submitted_at: OffsetDateTime,
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
