//! 再発行の申請 (FAQ A6): an institution that lost its ユーザID・初期パスワード通知 asks, without
//! signing in, for a new one. The bureau compares what was typed with what is registered and
//! accepts or rejects; on acceptance the operator's daily job issues a new initial password and
//! posts the letter to the *registered* address. No answer ever says whether a code is known.
//!
//! The fields are checked by the form engine (the same normalisers and messages as the forms),
//! in the browser before sending and again on the server.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;
use time::macros::date;

use super::FieldErrors;
use crate::forms::{self, Answers, CheckContext, Severity};
use crate::institution::{FeeScheduleClass, InstitutionCode};
use crate::text::current as text;

/// `POST /api/v1/reissue-requests`: what the institution typed, every field as a string.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ReissueRequestInput {
    /// 医療機関コード (薬局コード), 10 digits; full-width digits and hyphens are accepted.
    pub institution_code: String,
    /// `medical`, `dental` or `pharmacy` (医科・歯科・調剤 are accepted too).
    pub fee_schedule_class: String,
    pub institution_name: String,
    /// The postal code of the institution's address, 7 digits.
    pub postal_code: String,
    pub contact_name: String,
    pub contact_phone: String,
}

/// A request that passed the check, normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReissueRequest {
    pub institution_code: InstitutionCode,
    pub class: FeeScheduleClass,
    pub institution_name: String,
    /// `123-4567`.
    pub postal_code: String,
    pub contact_name: String,
    /// Half-width digits in their groups: `03-1234-5678`.
    pub contact_phone: String,
}

/// The field names of [`ReissueRequestInput`], in the order the page shows them.
pub const REISSUE_REQUEST_FIELDS: [&str; 6] = [
    "institution_code",
    "fee_schedule_class",
    "institution_name",
    "postal_code",
    "contact_name",
    "contact_phone",
];

impl ReissueRequestInput {
    fn answers(&self) -> Answers {
        let values = [
            &self.institution_code,
            &self.fee_schedule_class,
            &self.institution_name,
            &self.postal_code,
            &self.contact_name,
            &self.contact_phone,
        ];
        REISSUE_REQUEST_FIELDS
            .iter()
            .zip(values)
            .map(|(k, v)| (k.to_string(), Value::String(v.clone())))
            .collect()
    }

    /// Every field checked, with one message per field that says what to do. A code whose check
    /// digit does not match is not refused here (the bureau compares it with the register).
    pub fn check(&self) -> Result<ReissueRequest, FieldErrors> {
        let code = InstitutionCode::parse(&self.institution_code).ok();
        let class = FeeScheduleClass::parse(&self.fee_schedule_class);
        // The code's own class digit, so that the engine's account-class message never appears;
        // a class that disagrees with the code is reported on the class below. No field is a
        // date, so the day does not matter.
        let ctx_class = code
            .as_ref()
            .map(InstitutionCode::class)
            .or(class)
            .unwrap_or(FeeScheduleClass::Medical);
        let ctx = CheckContext::new(ctx_class, date!(2024 - 04 - 01));
        let report = forms::check(&forms::reissue_request(), &self.answers(), &ctx);
        let mut errors = FieldErrors::default();
        for issue in report.issues {
            if issue.severity == Severity::Error && errors.get(&issue.path).is_none() {
                errors.add(&issue.path, issue.message);
            }
        }
        if let (Some(code), Some(class)) = (&code, class)
            && code.class() != class
            && errors.get("fee_schedule_class").is_none()
        {
            errors.add(
                "fee_schedule_class",
                text::reissue_class_mismatch(code.class(), class),
            );
        }
        errors.clone().into_result()?;
        let value = |key: &str| {
            report
                .normalised
                .get(key)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .trim()
                .to_string()
        };
        match (code, class) {
            (Some(institution_code), Some(class)) => Ok(ReissueRequest {
                institution_code,
                class,
                institution_name: value("institution_name"),
                postal_code: value("postal_code"),
                contact_name: value("contact_name"),
                contact_phone: value("contact_phone"),
            }),
            // The engine has reported a code or class that does not parse (the same parsers);
            // this is a guard that says so again rather than panicking.
            (None, _) => {
                let label = text::forms::INSTITUTION_CODE();
                errors.add("institution_code", text::forms::required_input("", label));
                Err(errors)
            }
            (_, None) => {
                let label = text::HEADER_CLASS();
                errors.add(
                    "fee_schedule_class",
                    text::forms::required_choice("", label),
                );
                Err(errors)
            }
        }
    }
}

/// The answer to every well-formed request, whether or not the code is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReissueRequestReceipt {
    /// 受付番号, e.g. `R20261207-000012`: to quote when calling the bureau.
    pub reception_number: String,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub received_at: OffsetDateTime,
}

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReissueRequestStatus {
    /// 受付: waiting for the bureau.
    Received,
    /// 受理: the operator's next run issues the letter.
    Accepted,
    /// 却下.
    Rejected,
    /// 発行済: the letter is written and goes out by post.
    Issued,
}

impl ReissueRequestStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Received => "received",
            Self::Accepted => "accepted",
            Self::Rejected => "rejected",
            Self::Issued => "issued",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Received, Self::Accepted, Self::Rejected, Self::Issued]
            .into_iter()
            .find(|v| v.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Received => text::REISSUE_STATUS_RECEIVED(),
            Self::Accepted => text::REISSUE_STATUS_ACCEPTED(),
            Self::Rejected => text::REISSUE_STATUS_REJECTED(),
            Self::Issued => text::REISSUE_STATUS_ISSUED(),
        }
    }
}

/// What the register holds for the request's code and class (an account in use).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegisteredInstitution {
    pub user_id: String,
    pub name: String,
    /// Where the letter goes, as registered (`123-4567`); `None` when the operator has not
    /// imported the institution's address, and then the request cannot be accepted yet.
    pub postal_code: Option<String>,
    pub address: Option<String>,
}

/// A request as the bureau reviews it: what was typed beside what is registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReissueRequestRecord {
    pub id: i64,
    pub reception_number: String,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub received_at: OffsetDateTime,
    pub status: ReissueRequestStatus,
    pub institution_code: String,
    pub fee_schedule_class: FeeScheduleClass,
    pub institution_name: String,
    pub postal_code: String,
    pub contact_name: String,
    pub contact_phone: String,
    /// `None` when no account in use has this code and class: such a request can only be
    /// rejected.
    pub registered: Option<RegisteredInstitution>,
    /// The reason given with a rejection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reject_reason: Option<String>,
}

/// `GET /api/v1/review/reissue-requests`: the bureau's requests, waiting ones first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReissueRequestList {
    pub requests: Vec<ReissueRequestRecord>,
}

/// The most a rejection reason may hold.
pub const REISSUE_REASON_MAX_CHARS: usize = 2000;

/// The reason of a rejection (`POST …/reissue-requests/{id}/reject`, a [`super::RejectRequest`]),
/// trimmed: required, at most [`REISSUE_REASON_MAX_CHARS`].
pub fn reissue_reject_reason(reason: &str) -> Result<String, FieldErrors> {
    let reason = reason.trim();
    let mut errors = FieldErrors::default();
    if reason.is_empty() {
        errors.add("reason", text::REISSUE_REASON_REQUIRED());
    } else if reason.chars().count() > REISSUE_REASON_MAX_CHARS {
        errors.add("reason", text::REISSUE_REASON_TOO_LONG());
    }
    errors.into_result()?;
    Ok(reason.to_string())
}

/// 受付番号: `R`, the day in Japan the request was received and its sequence, like an
/// 到達番号.
pub fn reception_number(received_at: OffsetDateTime, sequence: i64) -> String {
    let date = received_at.to_offset(crate::service_hours::JST).date();
    format!(
        "R{:04}{:02}{:02}-{sequence:06}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> ReissueRequestInput {
        ReissueRequestInput {
            institution_code: "０１１０１１３７１９".into(),
            fee_schedule_class: "医科".into(),
            institution_name: " とどけ内科クリニック ".into(),
            postal_code: "〒1000001".into(),
            contact_name: "届出 花子".into(),
            contact_phone: "03(1234)5678".into(),
        }
    }

    #[test]
    fn a_complete_request_is_normalised() {
        let r = filled().check().unwrap();
        assert_eq!(r.institution_code.as_str(), "0110113719");
        assert_eq!(r.class, FeeScheduleClass::Medical);
        assert_eq!(r.institution_name, "とどけ内科クリニック");
        assert_eq!(r.postal_code, "100-0001");
        assert_eq!(r.contact_phone, "03-1234-5678");
    }

    #[test]
    fn every_missing_field_says_what_to_enter() {
        let err = ReissueRequestInput::default().check().unwrap_err();
        for f in REISSUE_REQUEST_FIELDS {
            let messages = err.get(f).unwrap_or_else(|| panic!("{f}"));
            assert_eq!(messages.len(), 1, "{f}: {messages:?}");
        }
        assert!(err.get("fee_schedule_class").unwrap()[0].contains("選んで"));
    }

    #[test]
    fn shapes_and_a_class_that_disagrees_with_the_code_are_refused() {
        let mut input = filled();
        input.postal_code = "100-00011".into();
        input.contact_phone = "1234".into();
        input.fee_schedule_class = "pharmacy".into();
        let err = input.check().unwrap_err();
        assert!(err.get("postal_code").is_some());
        assert!(err.get("contact_phone").is_some());
        let class = &err.get("fee_schedule_class").unwrap()[0];
        assert!(class.contains("医科") && class.contains("調剤"), "{class}");
        assert!(err.get("institution_code").is_none(), "{err:?}");
        let mut input = filled();
        input.institution_code = "01101137".into();
        let err = input.check().unwrap_err();
        assert!(err.get("institution_code").is_some());
        assert!(err.get("fee_schedule_class").is_none());
    }

    #[test]
    fn a_rejection_needs_a_reason() {
        assert!(
            reissue_reject_reason("  ")
                .unwrap_err()
                .get("reason")
                .is_some()
        );
        assert_eq!(reissue_reject_reason(" 登録なし ").unwrap(), "登録なし");
        let long = "あ".repeat(REISSUE_REASON_MAX_CHARS + 1);
        assert!(reissue_reject_reason(&long).is_err());
    }

    #[test]
    fn reception_numbers_look_like_arrival_numbers() {
        assert_eq!(
            reception_number(time::macros::datetime!(2026-12-06 15:30 UTC), 12),
            "R20261207-000012"
        );
    }
}
