//! `AppJson`: axum's `Json` extractor with every rejection mapped to our error shape, so a
//! malformed or oversized body gets a Japanese message instead of axum's plain-text one.
//! `AppPath`: axum's `Path` whose rejection (`/drafts/abc`) is a 404, like any id that does not
//! exist.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::error::AppError;

/// A JSON request body of type `T`.
#[derive(Debug, Clone, Copy, Default)]
pub struct AppJson<T>(pub T);

impl<T, S> FromRequest<S> for AppJson<T>
where
    Json<T>: FromRequest<S, Rejection = JsonRejection>,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(value)) => Ok(AppJson(value)),
            Err(rejection) => Err(rejection_to_error(&rejection)),
        }
    }
}

/// Syntax errors are 400, well-formed JSON with the wrong fields 422, a missing JSON content type
/// 415, a body over the limit 413.
fn rejection_to_error(rejection: &JsonRejection) -> AppError {
    match rejection {
        JsonRejection::JsonDataError(_) => AppError::BodyShape,
        JsonRejection::JsonSyntaxError(_) => AppError::MalformedJson,
        JsonRejection::MissingJsonContentType(_) => AppError::UnsupportedMediaType,
        other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => AppError::PayloadTooLarge,
        _ => AppError::MalformedJson,
    }
}

/// Path parameters of type `T`. A value that does not parse (a non-numeric id) names nothing
/// that exists: 404 `not_found`.
#[derive(Debug, Clone, Copy, Default)]
pub struct AppPath<T>(pub T);

impl<T, S> FromRequestParts<S> for AppPath<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(value)) => Ok(AppPath(value)),
            Err(_) => Err(AppError::NotFound),
        }
    }
}
