//! The JSON contract between the browser app and the server. Both sides compile these types, so
//! a field renamed on one side cannot be missed on the other; the server also publishes them as
//! OpenAPI schemas (feature `openapi`) for bureaus that build their own clients or servers.

mod drafts;
pub mod endpoints;
mod errors;
mod filings;
mod json_integer;
mod reissue;
mod requests;
mod review;
mod session;
mod start_of_use;

pub use drafts::*;
pub use errors::*;
pub use filings::*;
pub use reissue::*;
pub use requests::{
    REQUEST_REASON_MAX_CHARS, RequestKind, RequestReceipt, RequestStatus, RequestStatuses,
    StatusOf, reception_number, request_reject_reason, waiting,
};
pub use review::*;
pub use session::*;
pub use start_of_use::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::current as text;

    #[test]
    fn login_request_reports_missing_fields() {
        let err = LoginRequest::default().check().unwrap_err();
        assert_eq!(
            err.get("user_id").unwrap(),
            &[text::USER_ID_REQUIRED().to_string()]
        );
        assert_eq!(
            err.get("password").unwrap(),
            &[text::PASSWORD_REQUIRED().to_string()]
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
            &[text::USER_ID_SHAPE().to_string()]
        );
        assert_eq!(
            err.get("password").unwrap(),
            &[text::PASSWORD_TOO_LONG_FOR_LOGIN().to_string()]
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
