//! HTTP routes, one module per resource. Each exposes `router()`, an [`OpenApiRouter`] whose
//! handlers carry their OpenAPI description, merged in [`crate::openapi::router`].
//!
//! [`OpenApiRouter`]: utoipa_axum::router::OpenApiRouter

pub mod account;
pub mod documents;
pub mod drafts;
pub mod filings;
pub mod forms;
pub mod health;
pub mod notices;
pub mod reissue_requests;
pub mod responses;
pub mod review;
pub mod service;
pub mod session;
pub mod start_of_use_requests;

use axum::response::{IntoResponse, Response};

use crate::error::AppError;

/// Tag names used to group the OpenAPI operations.
pub mod tags {
    pub const SESSION: &str = "session";
    pub const ACCOUNT: &str = "account";
    pub const SERVICE: &str = "service";
    pub const OPERATIONS: &str = "operations";
    pub const FORMS: &str = "forms";
    pub const FILINGS: &str = "filings";
    pub const REVIEW: &str = "review";
}

/// A known path with a method it does not support.
pub async fn method_not_allowed() -> Response {
    AppError::MethodNotAllowed.into_response()
}
