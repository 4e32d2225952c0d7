//! The JSON API client: one request function (`send`) under a thin generic one that encodes the
//! body and decodes the answer for the endpoints core defines, and one typed function per
//! endpoint.
//! Error bodies are parsed into the shared `ApiError`; anything else becomes a generic,
//! friendly error — raw server output is never shown to the user.

use gloo_net::http::{Method, RequestBuilder};
use serde::{Serialize, de::DeserializeOwned};
use std::cell::{Cell, RefCell};
use todoke_core::api::endpoints::{self, Endpoint};
use todoke_core::api::{
    AnnouncementInfo, ApiError, ErrorCode, FieldErrors, LoginRequest, PasswordChangeRequest,
    PasswordPolicyInfo, ServiceStatus, SessionInfo,
};

use crate::text as t;

thread_local! {
    static BASE: RefCell<String> = RefCell::new(endpoints::API_PREFIX.to_string());
    /// When the server last confirmed the session (ms since the epoch): the idle timer counts from here.
    static LAST_ACTIVITY: Cell<f64> = const { Cell::new(0.0) };
}

pub fn set_base(base: &str) {
    BASE.with(|b| *b.borrow_mut() = base.to_string());
}

pub fn last_activity_ms() -> f64 {
    LAST_ACTIVITY.with(Cell::get)
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// What went wrong with a request, in terms the pages can act on.
#[derive(Debug, Clone, PartialEq)]
pub enum ClientError {
    /// The server answered with the API's error shape.
    Api(ApiError),
    /// No answer (offline, server down).
    Network,
    /// An answer we could not read; shown as a generic message.
    Unexpected,
}

impl ClientError {
    pub fn message(&self) -> String {
        match self {
            Self::Api(e) => e.message.clone(),
            Self::Network => t::NETWORK_ERROR().to_string(),
            Self::Unexpected => t::UNEXPECTED_ERROR().to_string(),
        }
    }

    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            Self::Api(e) => Some(e.code),
            _ => None,
        }
    }

    pub fn fields(&self) -> Option<&FieldErrors> {
        match self {
            Self::Api(e) if !e.fields.is_empty() => Some(&e.fields),
            _ => None,
        }
    }
}

/// The endpoints the server answers without looking at the session: they do not slide its
/// idle timeout.
const SESSIONLESS: [&str; 4] = [
    endpoints::SERVICE_STATUS.path,
    endpoints::PASSWORD_POLICY.path,
    endpoints::ANNOUNCEMENT.path,
    endpoints::FILE_REISSUE_REQUEST.path,
];

/// Sends one request to `endpoint` (its `{…}` filled with `params`, `query` appended) under the
/// configured API base. `Ok(None)` for an empty answer (204).
///
/// Only the body's encoding and the answer's decoding depend on the types: the request itself
/// is [`send`], one copy for every endpoint, which keeps the wasm small (each endpoint would
/// otherwise get its own copy of the whole request, see docs/benchmarks.md).
async fn call<B: Serialize, T: DeserializeOwned>(
    endpoint: &Endpoint<B, T>,
    params: &[&dyn std::fmt::Display],
    query: &str,
    body: Option<&B>,
) -> Result<Option<T>, ClientError> {
    let body = match body {
        Some(b) => Some(serde_json::to_string(b).map_err(|_| ClientError::Unexpected)?),
        None => None,
    };
    let url = format!("{}{query}", under_base(&endpoint.at(params)));
    // Behind a `dyn` so that no caller gets the request inlined into its own state machine.
    let request: std::pin::Pin<Box<dyn Future<Output = _>>> =
        Box::pin(send(endpoint.method, endpoint.path, url, body));
    let answer = request.await?;
    match answer {
        Some(text) => serde_json::from_str(&text)
            .map(Some)
            .map_err(|_| ClientError::Unexpected),
        None => Ok(None),
    }
}

/// One request with its body already encoded: the answer's text on success (`None` for 204),
/// the API's error shape otherwise. `path` is the endpoint's pattern, `url` the address below
/// the API base.
async fn send(
    method: endpoints::Method,
    path: &'static str,
    url: String,
    body: Option<String>,
) -> Result<Option<String>, ClientError> {
    let url = format!("{}{url}", BASE.with(|b| b.borrow().clone()));
    let method = match method {
        endpoints::Method::Get => Method::GET,
        endpoints::Method::Post => Method::POST,
        endpoints::Method::Put => Method::PUT,
        endpoints::Method::Delete => Method::DELETE,
    };
    // The custom header is half of the CSRF defence: a cross-site form cannot send it.
    let builder = RequestBuilder::new(&url)
        .method(method)
        .header("X-Requested-With", "todoke")
        // The server answers in the language the user chose (`crate::language`).
        .header("Accept-Language", crate::language::current().tag());
    let req = match body {
        Some(b) => builder
            .header("Content-Type", "application/json")
            .body(b)
            .map_err(|_| ClientError::Unexpected)?,
        None => builder.build().map_err(|_| ClientError::Unexpected)?,
    };
    let resp = req.send().await.map_err(|_| ClientError::Network)?;
    let status = resp.status();
    let text = resp.text().await;
    if (200..300).contains(&status) {
        // Only requests that carry the session slide its idle timeout on the server.
        if !SESSIONLESS.contains(&path) {
            LAST_ACTIVITY.with(|c| c.set(now_ms()));
        }
        if status == 204 {
            return Ok(None);
        }
        return text.map(Some).map_err(|_| ClientError::Unexpected);
    }
    match text
        .ok()
        .and_then(|t| serde_json::from_str::<ApiError>(&t).ok())
    {
        Some(e) => Err(ClientError::Api(e)),
        None => Err(ClientError::Unexpected),
    }
}

/// `path` below the API prefix (`/api/v1/forms` → `/forms`): the base the page configured
/// (`data-api-base`, e.g. `/todoke/api/v1`) stands for the prefix.
fn under_base(path: &str) -> &str {
    path.strip_prefix(endpoints::API_PREFIX).unwrap_or(path)
}

/// [`call`] whose answer must have a body.
async fn fetch<B: Serialize, T: DeserializeOwned>(
    endpoint: &Endpoint<B, T>,
    params: &[&dyn std::fmt::Display],
    body: Option<&B>,
) -> Result<T, ClientError> {
    call(endpoint, params, "", body)
        .await?
        .ok_or(ClientError::Unexpected)
}

pub async fn service_status() -> Result<ServiceStatus, ClientError> {
    fetch(&endpoints::SERVICE_STATUS, &[], None).await
}

pub async fn announcement() -> Result<AnnouncementInfo, ClientError> {
    fetch(&endpoints::ANNOUNCEMENT, &[], None).await
}

pub async fn password_policy() -> Result<PasswordPolicyInfo, ClientError> {
    fetch(&endpoints::PASSWORD_POLICY, &[], None).await
}

pub async fn current_session() -> Result<SessionInfo, ClientError> {
    fetch(&endpoints::CURRENT_SESSION, &[], None).await
}

pub async fn login(req: &LoginRequest) -> Result<SessionInfo, ClientError> {
    fetch(&endpoints::SIGN_IN, &[], Some(req)).await
}

pub async fn extend_session() -> Result<SessionInfo, ClientError> {
    fetch(&endpoints::EXTEND_SESSION, &[], None).await
}

pub async fn logout() -> Result<(), ClientError> {
    call(&endpoints::SIGN_OUT, &[], "", None).await.map(|_| ())
}

pub async fn change_password(req: &PasswordChangeRequest) -> Result<SessionInfo, ClientError> {
    fetch(&endpoints::CHANGE_PASSWORD, &[], Some(req)).await
}

// ---- Forms, drafts, submissions ----------------------------------------------------------

use todoke_core::api::{
    CheckRequest, CommentRequest, Draft, DraftUpdate, FilingPage, FilingQuery, FormBundle,
    FormSummary, NewDraft, Submission, SubmitRequest,
};
use todoke_core::forms::{Answers, CheckReport};

pub async fn forms() -> Result<Vec<FormSummary>, ClientError> {
    fetch(&endpoints::FORMS, &[], None).await
}

pub async fn form_bundle(form_id: &str) -> Result<FormBundle, ClientError> {
    fetch(&endpoints::FORM, &[&form_id], None).await
}

/// The server's pre-submit check (its verdict is final); pages check locally as the user types.
pub async fn check(form_id: &str, answers: &Answers) -> Result<CheckReport, ClientError> {
    let body = CheckRequest {
        answers: answers.clone(),
    };
    fetch(&endpoints::CHECK_FORM, &[&form_id], Some(&body)).await
}

pub async fn create_draft(form_id: &str) -> Result<Draft, ClientError> {
    let body = NewDraft {
        form_id: form_id.to_string(),
        answers: Answers::new(),
    };
    fetch(&endpoints::CREATE_DRAFT, &[], Some(&body)).await
}

pub async fn draft(id: i64) -> Result<Draft, ClientError> {
    fetch(&endpoints::DRAFT, &[&id], None).await
}

pub async fn save_draft(id: i64, answers: &Answers, version: i64) -> Result<Draft, ClientError> {
    let body = DraftUpdate {
        answers: answers.clone(),
        version,
    };
    fetch(&endpoints::SAVE_DRAFT, &[&id], Some(&body)).await
}

pub async fn submit_draft(
    id: i64,
    version: i64,
    acknowledged_warnings: Vec<String>,
) -> Result<Submission, ClientError> {
    let body = SubmitRequest {
        version,
        acknowledged_warnings,
    };
    fetch(&endpoints::SUBMIT_DRAFT, &[&id], Some(&body)).await
}

pub async fn filings(query: &FilingQuery) -> Result<FilingPage, ClientError> {
    let query = crate::search::to_query_string(query);
    call(&endpoints::FILINGS, &[], &query, None)
        .await?
        .ok_or(ClientError::Unexpected)
}

pub async fn submission(id: i64) -> Result<Submission, ClientError> {
    fetch(&endpoints::SUBMISSION, &[&id], None).await
}

pub async fn withdraw(id: i64, comment: Option<String>) -> Result<Submission, ClientError> {
    fetch(
        &endpoints::WITHDRAW,
        &[&id],
        Some(&CommentRequest { comment }),
    )
    .await
}

pub async fn revise(id: i64) -> Result<Draft, ClientError> {
    fetch(&endpoints::REVISE, &[&id], None).await
}

pub async fn copy_to_new_draft(id: i64) -> Result<Draft, ClientError> {
    fetch(&endpoints::COPY, &[&id], None).await
}

// ---- Bureau review ------------------------------------------------------------------------

use todoke_core::api::{RejectRequest, ReturnRequest};
use todoke_core::lifecycle::Action;

pub async fn review_filings(query: &FilingQuery) -> Result<FilingPage, ClientError> {
    let query = crate::search::to_query_string(query);
    call(&endpoints::REVIEW_QUEUE, &[], &query, None)
        .await?
        .ok_or(ClientError::Unexpected)
}

/// The address of the queue as CSV (UTF-8 with BOM), for a plain download link.
pub fn review_csv_url(query: &FilingQuery) -> String {
    format!(
        "{}{}{}",
        BASE.with(|b| b.borrow().clone()),
        under_base(endpoints::REVIEW_QUEUE_CSV.path),
        crate::search::to_query_string(query)
    )
}

/// The address of a PDF for a plain download link, with the app's language (a link is sent
/// with the browser's own `Accept-Language`).
fn document_url(path: &str) -> String {
    format!(
        "{}{}?lang={}",
        BASE.with(|b| b.borrow().clone()),
        under_base(path),
        crate::language::current().tag()
    )
}

/// 到達確認書（控え） of submission `id`.
pub fn receipt_pdf_url(id: i64) -> String {
    document_url(&endpoints::RECEIPT_PDF.at(&[&id]))
}

/// 受理通知書 of submission `id` (accepted filings only).
pub fn acceptance_notice_pdf_url(id: i64) -> String {
    document_url(&endpoints::ACCEPTANCE_NOTICE_PDF.at(&[&id]))
}

/// The manual as a PDF.
pub fn manual_pdf_url() -> String {
    document_url(endpoints::MANUAL_PDF.path)
}

pub async fn review_filing(id: i64) -> Result<Submission, ClientError> {
    fetch(&endpoints::REVIEW_FILING, &[&id], None).await
}

/// Receive, start review or accept: the transitions that take only an optional comment. Other
/// actions have their own functions (their bodies differ) and answer `Unexpected` here.
pub async fn review_step(id: i64, action: Action) -> Result<Submission, ClientError> {
    let endpoint = match action {
        Action::Receive => &endpoints::RECEIVE,
        Action::StartReview => &endpoints::START_REVIEW,
        Action::Accept => &endpoints::ACCEPT,
        _ => return Err(ClientError::Unexpected),
    };
    fetch(endpoint, &[&id], Some(&CommentRequest { comment: None })).await
}

pub async fn review_return(id: i64, body: &ReturnRequest) -> Result<Submission, ClientError> {
    fetch(&endpoints::RETURN, &[&id], Some(body)).await
}

pub async fn review_reject(id: i64, reason: String) -> Result<Submission, ClientError> {
    fetch(&endpoints::REJECT, &[&id], Some(&RejectRequest { reason })).await
}

// ---- Notices of status changes ------------------------------------------------------------

use todoke_core::api::{NoticeList, UnreadNotices};

pub async fn notices() -> Result<NoticeList, ClientError> {
    fetch(&endpoints::NOTICES, &[], None).await
}

/// The header's count: the list read for its unread count only.
pub async fn unread_notices() -> Result<u64, ClientError> {
    fetch(
        &endpoints::NOTICES.answer_read_as::<UnreadNotices>(),
        &[],
        None,
    )
    .await
    .map(|n| n.unread)
}

pub async fn mark_notice_read(id: i64) -> Result<(), ClientError> {
    call(&endpoints::READ_NOTICE, &[&id], "", None)
        .await
        .map(|_| ())
}

/// Marks every unread notice about one submission read: the user has opened it.
pub async fn mark_submission_notices_read(submission_id: i64) -> Result<u64, ClientError> {
    let list = notices().await?;
    for n in list
        .items
        .iter()
        .filter(|n| n.submission_id == submission_id && !n.read)
    {
        mark_notice_read(n.id).await?;
    }
    Ok(notices().await?.unread)
}

// ---- Reissue requests (再発行の申請) ---------------------------------------------------------

use todoke_core::api::{
    ReissueRequestInput, ReissueRequestList, ReissueRequestRecord, RequestReceipt, RequestStatuses,
};

/// Filed without signing in.
pub async fn file_reissue_request(
    req: &ReissueRequestInput,
) -> Result<RequestReceipt, ClientError> {
    fetch(&endpoints::FILE_REISSUE_REQUEST, &[], Some(req)).await
}

pub async fn reissue_requests() -> Result<ReissueRequestList, ClientError> {
    fetch(&endpoints::REVIEW_REISSUE_REQUESTS, &[], None).await
}

/// The header's count of the requests in a bureau's `list` (reissue or start of use) that wait
/// for a decision, read from their statuses only.
pub async fn waiting_requests<List>(list: &Endpoint<(), List>) -> Result<u64, ClientError>
where
    RequestStatuses: todoke_core::api::endpoints::PartOf<List>,
{
    fetch(&list.answer_read_as::<RequestStatuses>(), &[], None)
        .await
        .map(|l| l.waiting())
}

pub async fn accept_reissue_request(id: i64) -> Result<ReissueRequestRecord, ClientError> {
    fetch(&endpoints::ACCEPT_REISSUE_REQUEST, &[&id], None).await
}

pub async fn reject_reissue_request(
    id: i64,
    reason: String,
) -> Result<ReissueRequestRecord, ClientError> {
    let body = RejectRequest { reason };
    fetch(&endpoints::REJECT_REISSUE_REQUEST, &[&id], Some(&body)).await
}

// ---- Start-of-use requests (利用開始届出) ------------------------------------------------------

use todoke_core::api::{StartOfUseRequestInput, StartOfUseRequestList, StartOfUseRequestRecord};

/// Filed without signing in.
pub async fn file_start_of_use_request(
    req: &StartOfUseRequestInput,
) -> Result<RequestReceipt, ClientError> {
    fetch(&endpoints::FILE_START_OF_USE_REQUEST, &[], Some(req)).await
}

pub async fn start_of_use_requests() -> Result<StartOfUseRequestList, ClientError> {
    fetch(&endpoints::REVIEW_START_OF_USE_REQUESTS, &[], None).await
}

pub async fn accept_start_of_use_request(id: i64) -> Result<StartOfUseRequestRecord, ClientError> {
    fetch(&endpoints::ACCEPT_START_OF_USE_REQUEST, &[&id], None).await
}

pub async fn reject_start_of_use_request(
    id: i64,
    reason: String,
) -> Result<StartOfUseRequestRecord, ClientError> {
    let body = RejectRequest { reason };
    fetch(&endpoints::REJECT_START_OF_USE_REQUEST, &[&id], Some(&body)).await
}
