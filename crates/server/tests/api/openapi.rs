//! The OpenAPI document is generated from the routes: a route cannot be missing from it.

use std::collections::BTreeSet;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::Value;

use super::helpers::spawn_app;

/// Every operation the API offers, from the one list in core that the SPA's client and the
/// routes also use: the document must hold exactly these.
fn expected() -> BTreeSet<(String, String)> {
    todoke_core::api::endpoints::ALL
        .iter()
        .map(|(method, path)| (method.as_str().to_ascii_lowercase(), path.to_string()))
        .collect()
}

fn operations(doc: &Value) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("path item").keys() {
            if [
                "get", "put", "post", "delete", "patch", "head", "options", "trace",
            ]
            .contains(&method.as_str())
            {
                out.insert((method.clone(), path.clone()));
            }
        }
    }
    out
}

#[tokio::test]
async fn the_document_lists_every_route_and_the_schemas() {
    let app = spawn_app().await;
    let response = app.get("/api/openapi.json", None).await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(
        response.header("content-type").as_deref(),
        Some("application/json")
    );
    let doc = response.json();
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        doc["openapi"]
    );
    assert_eq!(doc["info"]["title"], "Todoke API");

    assert_eq!(operations(&doc), expected());

    let schemas = doc["components"]["schemas"].as_object().expect("schemas");
    for name in [
        "ApiError",
        "ErrorCode",
        "FieldErrors",
        "LoginRequest",
        "SessionInfo",
        "AccountSummary",
        "InstitutionSummary",
        "PasswordChangeRequest",
        "PasswordPolicyInfo",
        "ServiceStatus",
        "Health",
        "FormSummary",
        "FormBundle",
        "FormDefinition",
        "CheckContext",
        "CheckRequest",
        "CheckReport",
        "Issue",
        "ComputedValue",
        "NewDraft",
        "DraftUpdate",
        "Draft",
        "SubmitRequest",
        "Submission",
        "FilingSummary",
        "FilingStatus",
        "FilingPage",
        "HistoryEntry",
        "FieldComment",
        "Action",
        "CommentRequest",
        "ReturnRequest",
        "RejectRequest",
        "NoticeList",
        "Notice",
    ] {
        assert!(schemas.contains_key(name), "schema {name} missing");
    }
    assert_eq!(
        doc["components"]["securitySchemes"]["session_cookie"]["in"],
        "cookie"
    );
    assert_eq!(
        serde_json::to_value(todoke_server::openapi::document()).unwrap(),
        doc
    );
}

#[tokio::test]
async fn every_documented_operation_is_served() {
    let app = spawn_app().await;
    let doc = serde_json::to_value(todoke_server::openapi::document()).unwrap();
    for (method, path) in operations(&doc) {
        let mut builder = Request::builder()
            .method(method.to_uppercase().as_str())
            .uri(&path)
            .header("x-requested-with", "todoke");
        let body = if method == "post" || method == "put" {
            builder = builder.header(header::CONTENT_TYPE, "application/json");
            Body::from("{}")
        } else {
            Body::empty()
        };
        let response = app.request(builder.body(body).unwrap()).await;
        assert_ne!(response.status, StatusCode::NOT_FOUND, "{method} {path}");
        assert_ne!(
            response.status,
            StatusCode::METHOD_NOT_ALLOWED,
            "{method} {path}"
        );
        assert!(
            !response.status.is_server_error(),
            "{method} {path}: {response:?}"
        );
    }
}

/// The statuses that the layers in front of every handler send (the service-hours gate, the
/// CSRF check, the body reader, the JSON extractor, the session extractors) are in the entry of
/// every operation they can reach. `cargo xtask test`'s contract fuzz checks the same against a
/// running server; this catches an entry that forgets them without one.
#[test]
fn every_operation_documents_what_the_shared_layers_send() {
    let doc = serde_json::to_value(todoke_server::openapi::document()).unwrap();
    let mut missing = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let responses = op["responses"].as_object().unwrap();
            let mut wanted: Vec<&str> = Vec::new();
            if path.starts_with("/api/v1/") && path != "/api/v1/service-status" {
                wanted.push("503");
            }
            if ["post", "put", "patch", "delete"].contains(&method.as_str()) {
                wanted.extend(["403", "413", "415"]);
            }
            if op.get("requestBody").is_some() {
                wanted.extend(["400", "413", "415", "422"]);
            }
            if op.get("security").is_some() {
                wanted.push("401");
            }
            for status in wanted {
                if !responses.contains_key(status) {
                    missing.push(format!("{method} {path}: {status}"));
                }
            }
        }
    }
    assert!(missing.is_empty(), "undocumented: {missing:#?}");
}
