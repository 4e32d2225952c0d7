//! Every endpoint of the API, defined once: method, path, request body and answer. The SPA's
//! client, the server's routes (their OpenAPI operations name these paths) and the API tests'
//! typed client all take them from here, so a path cannot differ between them; a server test
//! checks that each one is in the published OpenAPI document.

use std::marker::PhantomData;

use super::{
    AccountSummary, AnnouncementInfo, CheckRequest, CommentRequest, Draft, DraftUpdate, FilingPage,
    FormBundle, FormSummary, Health, LoginRequest, NewDraft, NoticeList, PasswordChangeRequest,
    PasswordPolicyInfo, ReissueRequestInput, ReissueRequestList, ReissueRequestRecord,
    RejectRequest, RequestReceipt, ReturnRequest, ServiceStatus, SessionInfo,
    StartOfUseRequestInput, StartOfUseRequestList, StartOfUseRequestRecord, Submission,
    SubmitRequest,
};
use crate::forms::CheckReport;
use crate::lifecycle::Action;

/// Where the JSON API lives; an embedding page may serve it under another base (the SPA's
/// `data-api-base`), which then stands for this prefix.
pub const API_PREFIX: &str = "/api/v1";

/// The HTTP methods the API uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Delete => "DELETE",
        }
    }
}

/// One operation: `Req` is its JSON body (`()` for none), `Res` what a success carries (`()`
/// for an empty 204, `String` for text, `Vec<u8>` for a file such as a PDF).
pub struct Endpoint<Req, Res> {
    pub method: Method,
    /// The OpenAPI path, with `{name}` where a parameter goes.
    pub path: &'static str,
    types: PhantomData<fn(Req) -> Res>,
}

impl<Req, Res> Endpoint<Req, Res> {
    const fn new(method: Method, path: &'static str) -> Self {
        Self {
            method,
            path,
            types: PhantomData,
        }
    }

    /// The path with its `{…}` parameters filled in order: `SUBMISSION.at(&[&42])`.
    pub fn at(&self, params: &[&dyn std::fmt::Display]) -> String {
        fill(self.path, params)
    }

    /// The same operation with its answer read as `Part`, a few of `Res`'s fields (what a
    /// header's count needs, without the code that decodes every record).
    pub const fn answer_read_as<Part: PartOf<Res>>(&self) -> Endpoint<Req, Part> {
        Endpoint::new(self.method, self.path)
    }
}

/// `Self` decodes from the JSON of `Whole`, keeping only some of its fields.
pub trait PartOf<Whole> {}

/// `template` with each `{…}` replaced by the next of `params` (a missing one leaves the
/// placeholder, which no route matches).
fn fill(template: &str, params: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::with_capacity(template.len() + 8);
    let mut rest = template;
    let mut params = params.iter();
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        out.push_str(&rest[..open]);
        match params.next() {
            Some(p) => out.push_str(&p.to_string()),
            None => out.push_str(&rest[open..open + close + 1]),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

use Method::{Delete, Get, Post, Put};

// ---- Session and account -----------------------------------------------------------------------
pub const SIGN_IN: Endpoint<LoginRequest, SessionInfo> = Endpoint::new(Post, "/api/v1/session");
pub const CURRENT_SESSION: Endpoint<(), SessionInfo> = Endpoint::new(Get, "/api/v1/session");
pub const SIGN_OUT: Endpoint<(), ()> = Endpoint::new(Delete, "/api/v1/session");
pub const EXTEND_SESSION: Endpoint<(), SessionInfo> = Endpoint::new(Post, "/api/v1/session/extend");
pub const ACCOUNT: Endpoint<(), AccountSummary> = Endpoint::new(Get, "/api/v1/account");
pub const CHANGE_PASSWORD: Endpoint<PasswordChangeRequest, SessionInfo> =
    Endpoint::new(Put, "/api/v1/account/password");

// ---- The service -------------------------------------------------------------------------------
pub const SERVICE_STATUS: Endpoint<(), ServiceStatus> =
    Endpoint::new(Get, "/api/v1/service-status");
pub const PASSWORD_POLICY: Endpoint<(), PasswordPolicyInfo> =
    Endpoint::new(Get, "/api/v1/password-policy");
pub const ANNOUNCEMENT: Endpoint<(), AnnouncementInfo> = Endpoint::new(Get, "/api/v1/announcement");
/// The manual as a tagged PDF, in the request's language; answers at any hour, like the HTML
/// manual.
pub const MANUAL_PDF: Endpoint<(), Vec<u8>> = Endpoint::new(Get, "/api/v1/manual.pdf");
pub const OPENAPI: Endpoint<(), String> = Endpoint::new(Get, "/api/openapi.json");
pub const HEALTH: Endpoint<(), Health> = Endpoint::new(Get, "/healthz");
pub const READY: Endpoint<(), Health> = Endpoint::new(Get, "/readyz");

// ---- Forms and drafts --------------------------------------------------------------------------
pub const FORMS: Endpoint<(), Vec<FormSummary>> = Endpoint::new(Get, "/api/v1/forms");
pub const FORM: Endpoint<(), FormBundle> = Endpoint::new(Get, "/api/v1/forms/{form_id}");
pub const CHECK_FORM: Endpoint<CheckRequest, CheckReport> =
    Endpoint::new(Post, "/api/v1/forms/{form_id}/check");
pub const CREATE_DRAFT: Endpoint<NewDraft, Draft> = Endpoint::new(Post, "/api/v1/drafts");
pub const DRAFT: Endpoint<(), Draft> = Endpoint::new(Get, "/api/v1/drafts/{id}");
pub const SAVE_DRAFT: Endpoint<DraftUpdate, Draft> = Endpoint::new(Put, "/api/v1/drafts/{id}");
pub const DELETE_DRAFT: Endpoint<(), ()> = Endpoint::new(Delete, "/api/v1/drafts/{id}");
pub const SUBMIT_DRAFT: Endpoint<SubmitRequest, Submission> =
    Endpoint::new(Post, "/api/v1/drafts/{id}/submit");

// ---- The applicant's filings -------------------------------------------------------------------
/// With a [`super::FilingQuery`] as the query string.
pub const FILINGS: Endpoint<(), FilingPage> = Endpoint::new(Get, "/api/v1/filings");
pub const SUBMISSION: Endpoint<(), Submission> = Endpoint::new(Get, "/api/v1/submissions/{id}");
pub const WITHDRAW: Endpoint<CommentRequest, Submission> =
    Endpoint::new(Post, "/api/v1/submissions/{id}/withdraw");
pub const REVISE: Endpoint<(), Draft> = Endpoint::new(Post, "/api/v1/submissions/{id}/revise");
pub const COPY: Endpoint<(), Draft> = Endpoint::new(Post, "/api/v1/submissions/{id}/copy");
/// 到達確認書（控え） as a tagged PDF.
pub const RECEIPT_PDF: Endpoint<(), Vec<u8>> =
    Endpoint::new(Get, "/api/v1/submissions/{id}/receipt.pdf");
/// 受理通知書 as a tagged PDF, once accepted.
pub const ACCEPTANCE_NOTICE_PDF: Endpoint<(), Vec<u8>> =
    Endpoint::new(Get, "/api/v1/submissions/{id}/acceptance-notice.pdf");
pub const NOTICES: Endpoint<(), NoticeList> = Endpoint::new(Get, "/api/v1/notices");
pub const READ_NOTICE: Endpoint<(), ()> = Endpoint::new(Post, "/api/v1/notices/{id}/read");

// ---- The bureau --------------------------------------------------------------------------------
/// With a [`super::FilingQuery`] as the query string.
pub const REVIEW_QUEUE: Endpoint<(), FilingPage> = Endpoint::new(Get, "/api/v1/review/filings");
pub const REVIEW_QUEUE_CSV: Endpoint<(), String> = Endpoint::new(Get, "/api/v1/review/filings.csv");
pub const REVIEW_FILING: Endpoint<(), Submission> =
    Endpoint::new(Get, "/api/v1/review/filings/{id}");
pub const RECEIVE: Endpoint<CommentRequest, Submission> =
    Endpoint::new(Post, "/api/v1/review/filings/{id}/receive");
pub const START_REVIEW: Endpoint<CommentRequest, Submission> =
    Endpoint::new(Post, "/api/v1/review/filings/{id}/start-review");
pub const RETURN: Endpoint<ReturnRequest, Submission> =
    Endpoint::new(Post, "/api/v1/review/filings/{id}/return");
pub const ACCEPT: Endpoint<CommentRequest, Submission> =
    Endpoint::new(Post, "/api/v1/review/filings/{id}/accept");
pub const REJECT: Endpoint<RejectRequest, Submission> =
    Endpoint::new(Post, "/api/v1/review/filings/{id}/reject");

// ---- Reissue requests (再発行の申請) -------------------------------------------------------------
/// Filed without signing in.
pub const FILE_REISSUE_REQUEST: Endpoint<ReissueRequestInput, RequestReceipt> =
    Endpoint::new(Post, "/api/v1/reissue-requests");
pub const REVIEW_REISSUE_REQUESTS: Endpoint<(), ReissueRequestList> =
    Endpoint::new(Get, "/api/v1/review/reissue-requests");
pub const ACCEPT_REISSUE_REQUEST: Endpoint<(), ReissueRequestRecord> =
    Endpoint::new(Post, "/api/v1/review/reissue-requests/{id}/accept");
pub const REJECT_REISSUE_REQUEST: Endpoint<RejectRequest, ReissueRequestRecord> =
    Endpoint::new(Post, "/api/v1/review/reissue-requests/{id}/reject");

// ---- Start-of-use requests (利用開始届出) ----------------------------------------------------------
/// Filed without signing in.
pub const FILE_START_OF_USE_REQUEST: Endpoint<StartOfUseRequestInput, RequestReceipt> =
    Endpoint::new(Post, "/api/v1/start-of-use-requests");
pub const REVIEW_START_OF_USE_REQUESTS: Endpoint<(), StartOfUseRequestList> =
    Endpoint::new(Get, "/api/v1/review/start-of-use-requests");
pub const ACCEPT_START_OF_USE_REQUEST: Endpoint<(), StartOfUseRequestRecord> =
    Endpoint::new(Post, "/api/v1/review/start-of-use-requests/{id}/accept");
pub const REJECT_START_OF_USE_REQUEST: Endpoint<RejectRequest, StartOfUseRequestRecord> =
    Endpoint::new(Post, "/api/v1/review/start-of-use-requests/{id}/reject");

/// The path of the endpoint that takes `action` (each lifecycle action has exactly one).
pub const fn action_path(action: Action) -> &'static str {
    match action {
        Action::Withdraw => WITHDRAW.path,
        Action::Resubmit => REVISE.path,
        Action::CopyToNewDraft => COPY.path,
        Action::Receive => RECEIVE.path,
        Action::StartReview => START_REVIEW.path,
        Action::Return => RETURN.path,
        Action::Accept => ACCEPT.path,
        Action::Reject => REJECT.path,
    }
}

/// Every operation, as (method, path): what the OpenAPI document must list.
pub const ALL: [(Method, &str); 46] = [
    (SIGN_IN.method, SIGN_IN.path),
    (CURRENT_SESSION.method, CURRENT_SESSION.path),
    (SIGN_OUT.method, SIGN_OUT.path),
    (EXTEND_SESSION.method, EXTEND_SESSION.path),
    (ACCOUNT.method, ACCOUNT.path),
    (CHANGE_PASSWORD.method, CHANGE_PASSWORD.path),
    (SERVICE_STATUS.method, SERVICE_STATUS.path),
    (PASSWORD_POLICY.method, PASSWORD_POLICY.path),
    (ANNOUNCEMENT.method, ANNOUNCEMENT.path),
    (MANUAL_PDF.method, MANUAL_PDF.path),
    (OPENAPI.method, OPENAPI.path),
    (HEALTH.method, HEALTH.path),
    (READY.method, READY.path),
    (FORMS.method, FORMS.path),
    (FORM.method, FORM.path),
    (CHECK_FORM.method, CHECK_FORM.path),
    (CREATE_DRAFT.method, CREATE_DRAFT.path),
    (DRAFT.method, DRAFT.path),
    (SAVE_DRAFT.method, SAVE_DRAFT.path),
    (DELETE_DRAFT.method, DELETE_DRAFT.path),
    (SUBMIT_DRAFT.method, SUBMIT_DRAFT.path),
    (FILINGS.method, FILINGS.path),
    (SUBMISSION.method, SUBMISSION.path),
    (WITHDRAW.method, WITHDRAW.path),
    (REVISE.method, REVISE.path),
    (COPY.method, COPY.path),
    (RECEIPT_PDF.method, RECEIPT_PDF.path),
    (ACCEPTANCE_NOTICE_PDF.method, ACCEPTANCE_NOTICE_PDF.path),
    (NOTICES.method, NOTICES.path),
    (READ_NOTICE.method, READ_NOTICE.path),
    (REVIEW_QUEUE.method, REVIEW_QUEUE.path),
    (REVIEW_QUEUE_CSV.method, REVIEW_QUEUE_CSV.path),
    (REVIEW_FILING.method, REVIEW_FILING.path),
    (RECEIVE.method, RECEIVE.path),
    (START_REVIEW.method, START_REVIEW.path),
    (RETURN.method, RETURN.path),
    (ACCEPT.method, ACCEPT.path),
    (REJECT.method, REJECT.path),
    (FILE_REISSUE_REQUEST.method, FILE_REISSUE_REQUEST.path),
    (REVIEW_REISSUE_REQUESTS.method, REVIEW_REISSUE_REQUESTS.path),
    (ACCEPT_REISSUE_REQUEST.method, ACCEPT_REISSUE_REQUEST.path),
    (REJECT_REISSUE_REQUEST.method, REJECT_REISSUE_REQUEST.path),
    (
        FILE_START_OF_USE_REQUEST.method,
        FILE_START_OF_USE_REQUEST.path,
    ),
    (
        REVIEW_START_OF_USE_REQUESTS.method,
        REVIEW_START_OF_USE_REQUESTS.path,
    ),
    (
        ACCEPT_START_OF_USE_REQUEST.method,
        ACCEPT_START_OF_USE_REQUEST.path,
    ),
    (
        REJECT_START_OF_USE_REQUEST.method,
        REJECT_START_OF_USE_REQUEST.path,
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_fill_the_path_in_order() {
        assert_eq!(SUBMISSION.at(&[&42]), "/api/v1/submissions/42");
        assert_eq!(
            CHECK_FORM.at(&[&"staff-change"]),
            "/api/v1/forms/staff-change/check"
        );
        assert_eq!(SIGN_IN.at(&[]), "/api/v1/session");
        assert_eq!(DRAFT.at(&[]), "/api/v1/drafts/{id}");
    }

    #[test]
    fn every_action_has_its_own_endpoint() {
        let mut paths: Vec<&str> = Action::ALL.into_iter().map(action_path).collect();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), Action::ALL.len());
        assert!(ALL.iter().all(|(_, p)| p.starts_with('/')));
    }
}
