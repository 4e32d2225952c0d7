//! `AppJson`: a JSON request body with every rejection mapped to our error shape, so a
//! malformed or oversized body gets a Japanese message instead of axum's plain-text one.
//! `AppPath`: axum's `Path` whose rejection (`/drafts/abc`) is a 404, like any id that does not
//! exist.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::error::AppError;
use crate::middleware::is_json;

/// A JSON request body of type `T`: always a JSON *object*, as the OpenAPI document says.
/// serde would also read a struct from an array (`["id", "password"]`), which no client of
/// the contract sends; such bodies are refused before anything is decoded.
#[derive(Debug, Clone, Copy, Default)]
pub struct AppJson<T>(pub T);

impl<T, S> FromRequest<S> for AppJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        if !is_json(req.headers()) {
            return Err(AppError::UnsupportedMediaType);
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                AppError::PayloadTooLarge
            } else {
                AppError::MalformedJson
            }
        })?;
        decode_object(&bytes).map(AppJson)
    }
}

/// Decodes `bytes` as `T` when they hold a JSON object. Syntax errors are 400, well-formed JSON
/// of another shape (an array, a string, wrong or missing fields) 422.
pub fn decode_object<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => {}
        // Empty bodies and bare words are not JSON at all.
        None => return Err(AppError::MalformedJson),
        Some(_) => {
            return Err(
                match serde_json::from_slice::<serde::de::IgnoredAny>(bytes) {
                    Ok(_) => AppError::BodyShape,
                    Err(_) => AppError::MalformedJson,
                },
            );
        }
    }
    // JSON can carry U+0000 (`\u0000`), which nobody types and PostgreSQL's text cannot hold:
    // such a body is read with every NUL dropped, as the character would be on paper.
    if bytes.windows(6).any(|w| w == b"\\u0000") {
        let mut value: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|_| AppError::MalformedJson)?;
        drop_nul(&mut value);
        return serde_json::from_value(value).map_err(|_| AppError::BodyShape);
    }
    Json::<T>::from_bytes(bytes)
        .map(|Json(value)| value)
        .map_err(|rejection| rejection_to_error(&rejection))
}

/// Removes U+0000 from every string and key of `value`.
fn drop_nul(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::String(s) if s.contains('\0') => s.retain(|c| c != '\0'),
        Value::Array(items) => items.iter_mut().for_each(drop_nul),
        Value::Object(map) if map.keys().any(|k| k.contains('\0')) => {
            let old = std::mem::take(map);
            for (mut k, mut v) in old {
                k.retain(|c| c != '\0');
                drop_nul(&mut v);
                map.insert(k, v);
            }
        }
        Value::Object(map) => map.values_mut().for_each(drop_nul),
        _ => {}
    }
}

fn rejection_to_error(rejection: &JsonRejection) -> AppError {
    match rejection {
        JsonRejection::JsonDataError(_) => AppError::BodyShape,
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Login {
        user_id: String,
        password: String,
    }

    #[derive(Debug, Deserialize)]
    struct Nothing {}

    #[test]
    fn only_objects_are_bodies() {
        assert!(decode_object::<Login>(br#" {"user_id":"A","password":"b"}"#).is_ok());
        assert!(decode_object::<Nothing>(b"{}").is_ok());
        for shape in [
            &br#"["A","b"]"#[..],
            b"[]",
            b"\"x\"",
            b"1",
            b"null",
            b"true",
        ] {
            assert!(
                matches!(decode_object::<Login>(shape), Err(AppError::BodyShape)),
                "{}",
                String::from_utf8_lossy(shape)
            );
            assert!(matches!(
                decode_object::<Nothing>(shape),
                Err(AppError::BodyShape)
            ));
        }
        for broken in [&b""[..], b"  ", b"[1,", b"{", b"nope"] {
            assert!(
                matches!(decode_object::<Login>(broken), Err(AppError::MalformedJson)),
                "{}",
                String::from_utf8_lossy(broken)
            );
        }
        assert!(matches!(
            decode_object::<Login>(br#"{"user_id":1}"#),
            Err(AppError::BodyShape)
        ));
    }
}
