//! Signing in, the session, the password change, and what the server says about itself.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use validator::Validate;

use super::FieldErrors;
use crate::institution::{FeeScheduleClass, InstitutionCode, Prefecture, RegionalBureau};
use crate::text::current as text;

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
                    ("user_id", false) => text::USER_ID_REQUIRED(),
                    ("user_id", true) => text::USER_ID_SHAPE(),
                    (_, false) => text::PASSWORD_REQUIRED(),
                    (_, true) => text::PASSWORD_TOO_LONG_FOR_LOGIN(),
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

/// `GET /api/v1/announcement`: the operator's announcement for the list page, if any, in the
/// request's language (its Japanese text when no English one was set).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnnouncementInfo {
    pub announcement: Option<crate::announcement::Announcement>,
}

/// `GET /api/v1/service-status`: answered at any hour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceStatus {
    pub open: bool,
    /// The hours, in the request's language.
    pub hours: String,
    /// The server's clock, for the connection check (a computer whose clock is off shows
    /// wrong times).
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub server_time: Option<OffsetDateTime>,
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
