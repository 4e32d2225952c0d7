//! 再発行の申請 (FAQ A6): an institution that lost its ユーザID・初期パスワード通知 asks, without
//! signing in, for a new one. The bureau compares what was typed with what is registered and
//! accepts or rejects; on acceptance the operator's daily job issues a new initial password and
//! posts the letter to the *registered* address. No answer ever says whether a code is known.
//!
//! The fields are checked by the form engine (the same normalisers and messages as the forms),
//! in the browser before sending and again on the server.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::FieldErrors;
use super::requests::{CheckedRequest, RequestStatus, answers_of};
use crate::forms;
use crate::institution::{FeeScheduleClass, InstitutionCode};

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
    /// Every field checked, with one message per field that says what to do. A code whose check
    /// digit does not match is not refused here (the bureau compares it with the register).
    pub fn check(&self) -> Result<ReissueRequest, FieldErrors> {
        let answers = answers_of(
            &REISSUE_REQUEST_FIELDS,
            &[
                &self.institution_code,
                &self.fee_schedule_class,
                &self.institution_name,
                &self.postal_code,
                &self.contact_name,
                &self.contact_phone,
            ],
        );
        let (checked, institution_code, class) =
            CheckedRequest::new(&forms::reissue_request(), &answers).into_parts()?;
        Ok(ReissueRequest {
            institution_code,
            class,
            institution_name: checked.value("institution_name"),
            postal_code: checked.value("postal_code"),
            contact_name: checked.value("contact_name"),
            contact_phone: checked.value("contact_phone"),
        })
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
    pub status: RequestStatus,
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
}
