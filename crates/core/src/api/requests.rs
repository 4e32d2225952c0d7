//! What the requests filed without signing in share (再発行の申請, 利用開始届出): the check of
//! their fields by the form engine, the receipt with its 受付番号, the status and the reason of
//! a rejection.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;
use time::macros::date;

use super::FieldErrors;
use crate::forms::{self, Answers, CheckContext, CheckReport, FormDefinition, Severity};
use crate::institution::{FeeScheduleClass, InstitutionCode};
use crate::text::current as text;

/// The answer to every well-formed request, whether or not the code is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestReceipt {
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
pub enum RequestStatus {
    /// 受付: waiting for the bureau.
    Received,
    /// 受理: the operator's next run issues the letter.
    Accepted,
    /// 却下.
    Rejected,
    /// 発行済: the letter is written and goes out by post.
    Issued,
}

impl RequestStatus {
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

/// How many of `statuses` wait for the bureau's decision (the header's count).
pub fn waiting(statuses: impl IntoIterator<Item = RequestStatus>) -> u64 {
    statuses
        .into_iter()
        .filter(|s| *s == RequestStatus::Received)
        .count() as u64
}

/// A bureau's list of requests (`ReissueRequestList`, `StartOfUseRequestList`) read for its
/// statuses only: the header counts what waits without decoding every record (the code that
/// decodes them is in the bureau's chunk, not in the first download).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct RequestStatuses {
    pub requests: Vec<StatusOf>,
}

/// One request of [`RequestStatuses`]; the record's other fields are skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct StatusOf {
    pub status: RequestStatus,
}

impl super::endpoints::PartOf<super::ReissueRequestList> for RequestStatuses {}
impl super::endpoints::PartOf<super::StartOfUseRequestList> for RequestStatuses {}

impl RequestStatuses {
    /// How many wait for the bureau's decision.
    pub fn waiting(&self) -> u64 {
        waiting(self.requests.iter().map(|r| r.status))
    }
}

/// The most a rejection reason may hold.
pub const REQUEST_REASON_MAX_CHARS: usize = 2000;

/// The reason of a rejection (`POST …/reissue-requests/{id}/reject`, a [`super::RejectRequest`]),
/// trimmed: required, at most [`REQUEST_REASON_MAX_CHARS`].
pub fn request_reject_reason(reason: &str) -> Result<String, FieldErrors> {
    let reason = reason.trim();
    let mut errors = FieldErrors::default();
    if reason.is_empty() {
        errors.add("reason", text::REISSUE_REASON_REQUIRED());
    } else if reason.chars().count() > REQUEST_REASON_MAX_CHARS {
        errors.add("reason", text::REISSUE_REASON_TOO_LONG());
    }
    errors.into_result()?;
    Ok(reason.to_string())
}

/// What a request's 受付番号 begins with, so that a bureau can tell the kinds apart on the phone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestKind {
    /// 再発行の申請: `R`.
    Reissue,
    /// 利用開始届出: `S`.
    StartOfUse,
}

/// 受付番号: the kind's letter, the day in Japan the request was received and its sequence,
/// like an 到達番号.
pub fn reception_number(kind: RequestKind, received_at: OffsetDateTime, sequence: i64) -> String {
    let date = received_at.to_offset(crate::service_hours::JST).date();
    let letter = match kind {
        RequestKind::Reissue => 'R',
        RequestKind::StartOfUse => 'S',
    };
    format!(
        "{letter}{:04}{:02}{:02}-{sequence:06}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// A request's fields checked by the form engine against `def`: the normalised answers, the
/// first error of each field, and the code and class when they parse. A class that disagrees
/// with the code's class digit is reported on `fee_schedule_class`. A code whose check digit
/// does not match is not refused (the bureau compares it with the register).
pub(super) struct CheckedRequest {
    pub report: CheckReport,
    pub errors: FieldErrors,
    pub code: Option<InstitutionCode>,
    pub class: Option<FeeScheduleClass>,
}

impl CheckedRequest {
    pub(super) fn new(def: &FormDefinition, answers: &Answers) -> Self {
        let typed = |key: &str| answers.get(key).and_then(Value::as_str).unwrap_or_default();
        let code = InstitutionCode::parse(typed("institution_code")).ok();
        let class = FeeScheduleClass::parse(typed("fee_schedule_class"));
        // The code's own class digit, so that the engine's account-class message never appears;
        // a class that disagrees with the code is reported on the class below. No field is a
        // date, so the day does not matter.
        let ctx_class = code
            .as_ref()
            .map(InstitutionCode::class)
            .or(class)
            .unwrap_or(FeeScheduleClass::Medical);
        let ctx = CheckContext::new(ctx_class, date!(2024 - 04 - 01));
        let report = forms::check(def, answers, &ctx);
        let mut errors = FieldErrors::default();
        for issue in &report.issues {
            if issue.severity == Severity::Error && errors.get(&issue.path).is_none() {
                errors.add(&issue.path, issue.message.clone());
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
        Self {
            report,
            errors,
            code,
            class,
        }
    }

    /// The normalised, trimmed text of `key` (empty when absent).
    pub(super) fn value(&self, key: &str) -> String {
        self.report
            .normalised
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .trim()
            .to_string()
    }

    /// The code and class once every field passed; otherwise the errors. The guard arms say
    /// again what the engine has reported (the same parsers) rather than panicking.
    pub(super) fn into_parts(
        mut self,
    ) -> Result<(Self, InstitutionCode, FeeScheduleClass), FieldErrors> {
        self.errors.clone().into_result()?;
        match (self.code.clone(), self.class) {
            (Some(code), Some(class)) => Ok((self, code, class)),
            (None, _) => {
                let label = text::forms::INSTITUTION_CODE();
                self.errors
                    .add("institution_code", text::forms::required_input("", label));
                Err(self.errors)
            }
            (_, None) => {
                let label = text::HEADER_CLASS();
                self.errors.add(
                    "fee_schedule_class",
                    text::forms::required_choice("", label),
                );
                Err(self.errors)
            }
        }
    }
}

/// Answers for the engine from a request's fields, in order.
pub(super) fn answers_of(fields: &[&str], values: &[&String]) -> Answers {
    fields
        .iter()
        .zip(values)
        .map(|(k, v)| (k.to_string(), Value::String((*v).clone())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_received_requests_wait() {
        use RequestStatus::*;
        assert_eq!(waiting([Received, Accepted, Received, Rejected, Issued]), 2);
        assert_eq!(waiting([]), 0);
    }

    #[test]
    fn a_list_is_counted_from_its_statuses_whatever_else_its_records_hold() {
        let status = |s: RequestStatus| serde_json::to_value(s).unwrap();
        let list = serde_json::json!({ "requests": [
            { "id": 1, "status": status(RequestStatus::Received), "name": "テスト医院", "previous": null },
            { "id": 2, "status": status(RequestStatus::Issued), "contact": { "phone": "03" } },
            { "id": 3, "status": status(RequestStatus::Received) },
        ]});
        let read: RequestStatuses = serde_json::from_value(list).unwrap();
        assert_eq!(read.waiting(), 2);
        let notices: super::super::UnreadNotices =
            serde_json::from_value(serde_json::json!({ "unread": 3, "items": [{ "id": 9 }] }))
                .unwrap();
        assert_eq!(notices.unread, 3);
    }

    #[test]
    fn a_rejection_needs_a_reason() {
        assert!(
            request_reject_reason("  ")
                .unwrap_err()
                .get("reason")
                .is_some()
        );
        assert_eq!(request_reject_reason(" 登録なし ").unwrap(), "登録なし");
        let long = "あ".repeat(REQUEST_REASON_MAX_CHARS + 1);
        assert!(request_reject_reason(&long).is_err());
    }

    #[test]
    fn reception_numbers_look_like_arrival_numbers() {
        assert_eq!(
            reception_number(
                RequestKind::Reissue,
                time::macros::datetime!(2026-12-06 15:30 UTC),
                12
            ),
            "R20261207-000012"
        );
    }
}
