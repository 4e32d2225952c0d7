//! 利用開始届出 (様式1): a new institution, or one whose 医療機関コード or 点数表区分 changes or
//! that moves (FAQ A9), asks without signing in for a user ID. The bureau reviews it beside the
//! register; a change needs the previous ID's 利用終了届出 (様式5) accepted first, so that the
//! operator's daily job ends the old ID and issues the new one together, and the bureau reads
//! the institution's filings under both.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::FieldErrors;
use super::filings::FilingStatus;
use super::requests::{CheckedRequest, RequestStatus, answers_of};
use crate::forms;
use crate::institution::{FeeScheduleClass, InstitutionCode};
use crate::text::current as text;
use crate::user_id::UserId;

/// Why a user ID is asked for (the 様式1's 届出の理由).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StartOfUseReason {
    /// 新規: the institution has never had a user ID.
    New,
    /// 医療機関コードの変更.
    CodeChange,
    /// 点数表区分の変更.
    ClassChange,
    /// 移転.
    Relocation,
}

impl StartOfUseReason {
    pub const ALL: [Self; 4] = [
        Self::New,
        Self::CodeChange,
        Self::ClassChange,
        Self::Relocation,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::CodeChange => "code_change",
            Self::ClassChange => "class_change",
            Self::Relocation => "relocation",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::New => text::START_REASON_NEW(),
            Self::CodeChange => text::START_REASON_CODE_CHANGE(),
            Self::ClassChange => text::START_REASON_CLASS_CHANGE(),
            Self::Relocation => text::START_REASON_RELOCATION(),
        }
    }

    /// Every reason but a new institution replaces a user ID, which must be named.
    pub fn replaces_a_user_id(self) -> bool {
        self != Self::New
    }
}

/// `POST /api/v1/start-of-use-requests`: what the institution typed, every field as a string.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct StartOfUseRequestInput {
    /// `new`, `code_change`, `class_change` or `relocation`.
    pub reason: String,
    /// The user ID used until now; required for every reason but `new`, and ignored for `new`.
    pub previous_user_id: String,
    /// The (new) 医療機関コード, 10 digits; full-width digits and hyphens are accepted.
    pub institution_code: String,
    /// The (new) class: `medical`, `dental` or `pharmacy` (医科・歯科・調剤 are accepted too).
    pub fee_schedule_class: String,
    pub institution_name: String,
    /// The postal code of the (new) address, 7 digits: the letter goes there.
    pub postal_code: String,
    pub address: String,
    pub contact_name: String,
    pub contact_phone: String,
}

/// The field names of [`StartOfUseRequestInput`], in the order the page shows them.
pub const START_OF_USE_REQUEST_FIELDS: [&str; 9] = [
    "reason",
    "previous_user_id",
    "institution_code",
    "fee_schedule_class",
    "institution_name",
    "postal_code",
    "address",
    "contact_name",
    "contact_phone",
];

/// A request that passed the check, normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartOfUseRequest {
    pub reason: StartOfUseReason,
    /// `Some` exactly when the reason replaces a user ID.
    pub previous_user_id: Option<UserId>,
    pub institution_code: InstitutionCode,
    pub class: FeeScheduleClass,
    pub institution_name: String,
    /// `123-4567`.
    pub postal_code: String,
    pub address: String,
    pub contact_name: String,
    /// Half-width digits in their groups: `03-1234-5678`.
    pub contact_phone: String,
}

impl StartOfUseRequestInput {
    /// Every field checked, with one message per field that says what to do.
    pub fn check(&self) -> Result<StartOfUseRequest, FieldErrors> {
        let answers = answers_of(
            &START_OF_USE_REQUEST_FIELDS,
            &[
                &self.reason,
                &self.previous_user_id,
                &self.institution_code,
                &self.fee_schedule_class,
                &self.institution_name,
                &self.postal_code,
                &self.address,
                &self.contact_name,
                &self.contact_phone,
            ],
        );
        let mut checked = CheckedRequest::new(&forms::start_of_use_request(), &answers);
        let reason = StartOfUseReason::parse(&checked.value("reason"));
        let previous = match reason {
            Some(r)
                if r.replaces_a_user_id() && checked.errors.get("previous_user_id").is_none() =>
            {
                match UserId::parse(&self.previous_user_id) {
                    Ok(id) => Some(id),
                    Err(_) if self.previous_user_id.trim().is_empty() => {
                        checked
                            .errors
                            .add("previous_user_id", text::START_PREVIOUS_REQUIRED());
                        None
                    }
                    Err(_) => {
                        checked
                            .errors
                            .add("previous_user_id", text::START_PREVIOUS_SHAPE());
                        None
                    }
                }
            }
            _ => None,
        };
        let (checked, institution_code, class) = checked.into_parts()?;
        let reason = reason.ok_or_else(|| {
            // The engine has reported a reason not among the choices; a guard, not a panic.
            let mut errors = FieldErrors::default();
            errors.add("reason", text::START_REASON_REQUIRED());
            errors
        })?;
        Ok(StartOfUseRequest {
            reason,
            previous_user_id: previous,
            institution_code,
            class,
            institution_name: checked.value("institution_name"),
            postal_code: checked.value("postal_code"),
            address: checked.value("address"),
            contact_name: checked.value("contact_name"),
            contact_phone: checked.value("contact_phone"),
        })
    }
}

/// The 利用終了届出 of the previous user ID, as the bureau needs it to accept a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EndOfUseFiling {
    /// Opens at `/api/v1/review/filings/{submission_id}`.
    pub submission_id: i64,
    pub arrival_number: String,
    pub status: FilingStatus,
    /// `YYYY-MM-DD`, as filed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_day_of_use: Option<String>,
}

/// The account a change replaces, as registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PreviousAccount {
    pub user_id: String,
    pub institution_code: String,
    pub fee_schedule_class: FeeScheduleClass,
    pub institution_name: String,
    /// Its use has ended (利用終了).
    pub ended: bool,
    /// The latest 利用終了届出 it filed that is not withdrawn or rejected; `None` when there is
    /// none, and then the request cannot be accepted yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_of_use: Option<EndOfUseFiling>,
}

/// A request as the bureau reviews it: what was typed beside what is registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StartOfUseRequestRecord {
    pub id: i64,
    pub reception_number: String,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub received_at: OffsetDateTime,
    pub status: RequestStatus,
    pub reason: StartOfUseReason,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_user_id: Option<String>,
    pub institution_code: String,
    pub fee_schedule_class: FeeScheduleClass,
    pub institution_name: String,
    pub postal_code: String,
    pub address: String,
    pub contact_name: String,
    pub contact_phone: String,
    /// The account the previous user ID names; `None` when it names none (or for `new`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<PreviousAccount>,
    /// A user ID already in use for the requested code and class, other than the previous
    /// one: such a request cannot be accepted (a lost letter is a reissue request).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_use_user_id: Option<String>,
    /// The user ID the operator's run issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_user_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reject_reason: Option<String>,
}

/// Why the bureau cannot accept `record` yet, if it cannot; the server refuses an acceptance
/// for the same reasons (409) and the page shows them before anyone clicks.
pub fn start_of_use_blocker(record: &StartOfUseRequestRecord) -> Option<fn() -> &'static str> {
    if let Some(user_id) = &record.in_use_user_id
        && record.previous.as_ref().map(|p| &p.user_id) != Some(user_id)
    {
        return Some(text::START_BLOCKED_IN_USE);
    }
    if !record.reason.replaces_a_user_id() {
        return None;
    }
    let Some(previous) = &record.previous else {
        return Some(text::START_BLOCKED_NO_PREVIOUS);
    };
    match &previous.end_of_use {
        _ if previous.ended => None,
        Some(f) if f.status == FilingStatus::Accepted => None,
        Some(_) => Some(text::START_BLOCKED_END_NOT_ACCEPTED),
        None => Some(text::START_BLOCKED_NO_END_OF_USE),
    }
}

/// `GET /api/v1/review/start-of-use-requests`: the bureau's requests, waiting ones first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StartOfUseRequestList {
    pub requests: Vec<StartOfUseRequestRecord>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> StartOfUseRequestInput {
        StartOfUseRequestInput {
            reason: "code_change".into(),
            previous_user_id: " demo-clinic ".into(),
            institution_code: "０１１０１１３７１９".into(),
            fee_schedule_class: "医科".into(),
            institution_name: " とどけ内科クリニック ".into(),
            postal_code: "〒1000001".into(),
            address: "東京都千代田区千代田1-1".into(),
            contact_name: "届出 花子".into(),
            contact_phone: "03(1234)5678".into(),
        }
    }

    #[test]
    fn a_complete_request_is_normalised() {
        let r = filled().check().unwrap();
        assert_eq!(r.reason, StartOfUseReason::CodeChange);
        assert_eq!(r.previous_user_id.unwrap().as_str(), "DEMO-CLINIC");
        assert_eq!(r.institution_code.as_str(), "0110113719");
        assert_eq!(r.institution_name, "とどけ内科クリニック");
        assert_eq!(r.postal_code, "100-0001");
        assert_eq!(r.contact_phone, "03-1234-5678");
    }

    #[test]
    fn every_missing_field_says_what_to_enter() {
        let err = StartOfUseRequestInput::default().check().unwrap_err();
        for f in START_OF_USE_REQUEST_FIELDS {
            if f == "previous_user_id" {
                // Needed only once a reason says so.
                assert!(err.get(f).is_none(), "{err:?}");
                continue;
            }
            let messages = err.get(f).unwrap_or_else(|| panic!("{f}"));
            assert_eq!(messages.len(), 1, "{f}: {messages:?}");
        }
    }

    #[test]
    fn a_change_names_the_previous_user_id_and_a_new_one_does_not() {
        let mut input = filled();
        input.previous_user_id = "  ".into();
        let err = input.check().unwrap_err();
        assert_eq!(
            err.get("previous_user_id").unwrap(),
            &[text::START_PREVIOUS_REQUIRED().to_string()]
        );
        input.previous_user_id = "ab".into();
        assert_eq!(
            input.check().unwrap_err().get("previous_user_id").unwrap(),
            &[text::START_PREVIOUS_SHAPE().to_string()]
        );
        input.reason = "new".into();
        assert_eq!(input.check().unwrap().previous_user_id, None);
        input.reason = "merger".into();
        assert!(input.check().unwrap_err().get("reason").is_some());
    }

    #[test]
    fn a_class_that_disagrees_with_the_code_is_refused() {
        let mut input = filled();
        input.fee_schedule_class = "pharmacy".into();
        let err = input.check().unwrap_err();
        assert!(err.get("fee_schedule_class").is_some());
        assert!(err.get("institution_code").is_none(), "{err:?}");
    }

    fn record(reason: StartOfUseReason) -> StartOfUseRequestRecord {
        StartOfUseRequestRecord {
            id: 1,
            reception_number: "S20261207-000001".into(),
            received_at: time::macros::datetime!(2026-12-07 01:00 UTC),
            status: RequestStatus::Received,
            reason,
            previous_user_id: None,
            institution_code: "0110113719".into(),
            fee_schedule_class: FeeScheduleClass::Medical,
            institution_name: "x".into(),
            postal_code: "100-0001".into(),
            address: "x".into(),
            contact_name: "x".into(),
            contact_phone: "03-1234-5678".into(),
            previous: None,
            in_use_user_id: None,
            issued_user_id: None,
            reject_reason: None,
        }
    }

    #[test]
    fn a_change_waits_for_the_accepted_end_of_use() {
        assert!(start_of_use_blocker(&record(StartOfUseReason::New)).is_none());
        let mut r = record(StartOfUseReason::New);
        r.in_use_user_id = Some("A1".into());
        assert_eq!(
            start_of_use_blocker(&r).map(|f| f()),
            Some(text::START_BLOCKED_IN_USE())
        );
        let mut r = record(StartOfUseReason::Relocation);
        assert_eq!(
            start_of_use_blocker(&r).map(|f| f()),
            Some(text::START_BLOCKED_NO_PREVIOUS())
        );
        let previous = PreviousAccount {
            user_id: "A1".into(),
            institution_code: "0110113719".into(),
            fee_schedule_class: FeeScheduleClass::Medical,
            institution_name: "x".into(),
            ended: false,
            end_of_use: None,
        };
        r.previous = Some(previous.clone());
        // The same code and class stays in use by the previous ID until the pair is processed.
        r.in_use_user_id = Some("A1".into());
        assert_eq!(
            start_of_use_blocker(&r).map(|f| f()),
            Some(text::START_BLOCKED_NO_END_OF_USE())
        );
        let mut filing = EndOfUseFiling {
            submission_id: 9,
            arrival_number: "20261201-000009".into(),
            status: FilingStatus::UnderReview,
            last_day_of_use: Some("2026-12-31".into()),
        };
        r.previous.as_mut().unwrap().end_of_use = Some(filing.clone());
        assert_eq!(
            start_of_use_blocker(&r).map(|f| f()),
            Some(text::START_BLOCKED_END_NOT_ACCEPTED())
        );
        filing.status = FilingStatus::Accepted;
        r.previous.as_mut().unwrap().end_of_use = Some(filing);
        assert!(start_of_use_blocker(&r).is_none());
        r.previous = Some(PreviousAccount {
            ended: true,
            ..previous
        });
        r.in_use_user_id = None;
        assert!(start_of_use_blocker(&r).is_none());
    }
}
