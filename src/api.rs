//! The JSON API client: one generic request function and one typed function per endpoint.
//! Error bodies are parsed into the shared `ApiError`; anything else becomes a generic,
//! friendly error — raw server output is never shown to the user.

use gloo_net::http::{Method, RequestBuilder};
use serde::{Serialize, de::DeserializeOwned};
use std::cell::{Cell, RefCell};
use todoke_core::api::{
    ApiError, ErrorCode, FieldErrors, LoginRequest, PasswordChangeRequest, PasswordPolicyInfo,
    ServiceStatus, SessionInfo,
};

use crate::text as t;

thread_local! {
    static BASE: RefCell<String> = RefCell::new("/api/v1".to_string());
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
            Self::Network => t::NETWORK_ERROR.to_string(),
            Self::Unexpected => t::UNEXPECTED_ERROR.to_string(),
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

/// Endpoints the server answers without looking at the session.
const SESSIONLESS_PATHS: [&str; 2] = ["/service-status", "/password-policy"];

async fn request<B: Serialize, T: DeserializeOwned>(
    method: Method,
    path: &str,
    body: Option<&B>,
) -> Result<Option<T>, ClientError> {
    let url = format!("{}{}", BASE.with(|b| b.borrow().clone()), path);
    // The custom header is half of the CSRF defence: a cross-site form cannot send it.
    let builder = RequestBuilder::new(&url)
        .method(method)
        .header("X-Requested-With", "todoke");
    let req = match body {
        Some(b) => builder.json(b).map_err(|_| ClientError::Unexpected)?,
        None => builder.build().map_err(|_| ClientError::Unexpected)?,
    };
    let resp = req.send().await.map_err(|_| ClientError::Network)?;
    let status = resp.status();
    if (200..300).contains(&status) {
        // Only requests that carry the session slide its idle timeout on the server.
        if !SESSIONLESS_PATHS.contains(&path) {
            LAST_ACTIVITY.with(|c| c.set(now_ms()));
        }
        if status == 204 {
            return Ok(None);
        }
        return resp
            .json::<T>()
            .await
            .map(Some)
            .map_err(|_| ClientError::Unexpected);
    }
    match resp.json::<ApiError>().await {
        Ok(e) => Err(ClientError::Api(e)),
        Err(_) => Err(ClientError::Unexpected),
    }
}

async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ClientError> {
    request::<(), T>(Method::GET, path, None)
        .await?
        .ok_or(ClientError::Unexpected)
}

async fn send<B: Serialize, T: DeserializeOwned>(
    method: Method,
    path: &str,
    body: &B,
) -> Result<T, ClientError> {
    request::<B, T>(method, path, Some(body))
        .await?
        .ok_or(ClientError::Unexpected)
}

pub async fn service_status() -> Result<ServiceStatus, ClientError> {
    get("/service-status").await
}

pub async fn password_policy() -> Result<PasswordPolicyInfo, ClientError> {
    get("/password-policy").await
}

pub async fn current_session() -> Result<SessionInfo, ClientError> {
    get("/session").await
}

pub async fn login(req: &LoginRequest) -> Result<SessionInfo, ClientError> {
    send(Method::POST, "/session", req).await
}

pub async fn extend_session() -> Result<SessionInfo, ClientError> {
    request::<(), SessionInfo>(Method::POST, "/session/extend", None)
        .await?
        .ok_or(ClientError::Unexpected)
}

pub async fn logout() -> Result<(), ClientError> {
    request::<(), serde_json::Value>(Method::DELETE, "/session", None)
        .await
        .map(|_| ())
}

pub async fn change_password(req: &PasswordChangeRequest) -> Result<SessionInfo, ClientError> {
    send(Method::PUT, "/account/password", req).await
}

// ---- Forms, drafts, submissions ----------------------------------------------------------

use todoke_core::api::{
    CheckRequest, CommentRequest, Draft, DraftUpdate, FilingPage, FilingQuery, FormBundle,
    FormSummary, NewDraft, Submission, SubmitRequest,
};
use todoke_core::forms::{Answers, CheckReport};

pub async fn forms() -> Result<Vec<FormSummary>, ClientError> {
    get("/forms").await
}

pub async fn form_bundle(form_id: &str) -> Result<FormBundle, ClientError> {
    get(&format!("/forms/{form_id}")).await
}

/// The server's pre-submit check (its verdict is final); pages check locally as the user types.
pub async fn check(form_id: &str, answers: &Answers) -> Result<CheckReport, ClientError> {
    send(
        Method::POST,
        &format!("/forms/{form_id}/check"),
        &CheckRequest {
            answers: answers.clone(),
        },
    )
    .await
}

pub async fn create_draft(form_id: &str) -> Result<Draft, ClientError> {
    send(
        Method::POST,
        "/drafts",
        &NewDraft {
            form_id: form_id.to_string(),
            answers: Answers::new(),
        },
    )
    .await
}

pub async fn draft(id: i64) -> Result<Draft, ClientError> {
    get(&format!("/drafts/{id}")).await
}

pub async fn save_draft(id: i64, answers: &Answers, version: i64) -> Result<Draft, ClientError> {
    send(
        Method::PUT,
        &format!("/drafts/{id}"),
        &DraftUpdate {
            answers: answers.clone(),
            version,
        },
    )
    .await
}

pub async fn submit_draft(
    id: i64,
    version: i64,
    acknowledged_warnings: Vec<String>,
) -> Result<Submission, ClientError> {
    send(
        Method::POST,
        &format!("/drafts/{id}/submit"),
        &SubmitRequest {
            version,
            acknowledged_warnings,
        },
    )
    .await
}

pub async fn filings(query: &FilingQuery) -> Result<FilingPage, ClientError> {
    get(&format!(
        "/filings{}",
        crate::search::to_query_string(query)
    ))
    .await
}

pub async fn submission(id: i64) -> Result<Submission, ClientError> {
    get(&format!("/submissions/{id}")).await
}

pub async fn withdraw(id: i64, comment: Option<String>) -> Result<Submission, ClientError> {
    send(
        Method::POST,
        &format!("/submissions/{id}/withdraw"),
        &CommentRequest { comment },
    )
    .await
}

pub async fn revise(id: i64) -> Result<Draft, ClientError> {
    request::<(), Draft>(Method::POST, &format!("/submissions/{id}/revise"), None)
        .await?
        .ok_or(ClientError::Unexpected)
}

pub async fn copy_to_new_draft(id: i64) -> Result<Draft, ClientError> {
    request::<(), Draft>(Method::POST, &format!("/submissions/{id}/copy"), None)
        .await?
        .ok_or(ClientError::Unexpected)
}

// ---- Bureau review ------------------------------------------------------------------------

use todoke_core::api::{RejectRequest, ReturnRequest};

pub async fn review_filings(query: &FilingQuery) -> Result<FilingPage, ClientError> {
    get(&format!(
        "/review/filings{}",
        crate::search::to_query_string(query)
    ))
    .await
}

/// The address of the queue as CSV (UTF-8 with BOM), for a plain download link.
pub fn review_csv_url(query: &FilingQuery) -> String {
    format!(
        "{}/review/filings.csv{}",
        BASE.with(|b| b.borrow().clone()),
        crate::search::to_query_string(query)
    )
}

pub async fn review_filing(id: i64) -> Result<Submission, ClientError> {
    get(&format!("/review/filings/{id}")).await
}

/// Receive, start review or accept: the transitions that take only an optional comment.
pub async fn review_step(id: i64, step: &str) -> Result<Submission, ClientError> {
    send(
        Method::POST,
        &format!("/review/filings/{id}/{step}"),
        &CommentRequest { comment: None },
    )
    .await
}

pub async fn review_return(id: i64, body: &ReturnRequest) -> Result<Submission, ClientError> {
    send(Method::POST, &format!("/review/filings/{id}/return"), body).await
}

pub async fn review_reject(id: i64, reason: String) -> Result<Submission, ClientError> {
    send(
        Method::POST,
        &format!("/review/filings/{id}/reject"),
        &RejectRequest { reason },
    )
    .await
}

// ---- Notices of status changes ------------------------------------------------------------

use todoke_core::api::NoticeList;

pub async fn notices() -> Result<NoticeList, ClientError> {
    get("/notices").await
}

pub async fn mark_notice_read(id: i64) -> Result<(), ClientError> {
    request::<(), serde_json::Value>(Method::POST, &format!("/notices/{id}/read"), None)
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
