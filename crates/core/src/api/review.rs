//! What comes with the bureau's actions, and the notices they leave the applicant.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use super::{FieldComment, FilingStatus};

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
            pattern = r"[^\u0000\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
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
            pattern = r"[^\u0000\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
        )
    )]
    pub reason: String,
}

/// A notice of a status change, for the applicant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notice {
    pub id: i64,
    pub submission_id: i64,
    pub status: FilingStatus,
    /// What happened, in the reader's language.
    pub message: String,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub at: OffsetDateTime,
    pub read: bool,
    /// What the bureau said: for 差戻し its general comment, for 不受理 its reason, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// For 差戻し: the items commented on, each named as the review page names it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub field_comments: Vec<NoticeFieldComment>,
    /// For 差戻し: resubmit by this date, when one was set.
    #[serde(default, with = "crate::calendar::iso_date::format::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub deadline: Option<Date>,
    /// For 受理: the 算定開始日.
    #[serde(default, with = "crate::calendar::iso_date::format::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub effective_date: Option<Date>,
}

/// One item a 差戻し commented on, in a notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NoticeFieldComment {
    /// The item's label, with its row when it is in one (「職員（2行目） 氏名」).
    pub label: String,
    pub comment: String,
}

/// `GET /api/v1/notices` read for its unread count only (the header's), the notices skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct UnreadNotices {
    pub unread: u64,
}

impl super::endpoints::PartOf<NoticeList> for UnreadNotices {}

/// `GET /api/v1/notices`: newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NoticeList {
    pub unread: u64,
    /// The latest 100.
    #[cfg_attr(feature = "openapi", schema(max_items = 100))]
    pub items: Vec<Notice>,
}
