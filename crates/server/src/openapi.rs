//! The OpenAPI 3.1 document, generated from the handlers' `#[utoipa::path]` attributes by
//! registering every route through one [`OpenApiRouter`]: a route cannot be served without
//! being documented.

use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;

use crate::AppState;
use crate::routes::{self, tags};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Todoke API",
        description = "Reference JSON API of Todoke, an open implementation of the online application and \
notification system for insurance medical institutions (保険医療機関等電子申請・届出等システム).\n\n\
All errors share one shape (`ApiError`: `code`, `message`, optional per-field `fields`, \
`resumes_at` when outside service hours). Messages, form definitions, notices and titles come in the \
language `Accept-Language` prefers among `ja` (the default) and `en`; API answers carry \
`Vary: Accept-Language`. State-changing requests (POST, PUT, PATCH, DELETE) must carry \
`X-Requested-With: todoke`, send JSON bodies as `application/json`, and come from the site's own origin \
(checked with `Origin` and `Sec-Fetch-Site`). Outside service hours every `/api/v1` route except \
`/api/v1/service-status` answers 503 with `Retry-After`.",
        license(name = "MIT OR Apache-2.0"),
    ),
    modifiers(&SessionCookie),
    tags(
        (name = tags::SESSION, description = "Sign-in, session and sign-out"),
        (name = tags::ACCOUNT, description = "The signed-in account"),
        (name = tags::SERVICE, description = "Service hours and policies, answered before sign-in"),
        (name = tags::FORMS, description = "Form definitions and the online 形式チェック, for applicants"),
        (name = tags::FILINGS, description = "Drafts, submission with arrival number, and the filings list, for applicants"),
        (name = tags::REVIEW, description = "The bureau's review queue and transitions (受付, 審査開始, 差戻し, 受理, 不受理), for reviewers"),
        (name = tags::OPERATIONS, description = "Health and the contract itself"),
    ),
    components(schemas(todoke_core::ApiError, todoke_core::ErrorCode, todoke_core::FieldErrors))
)]
pub struct ApiDoc;

/// Declares the session cookie as the API's authentication scheme.
struct SessionCookie;

impl Modify for SessionCookie {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let cookie = ApiKeyValue::with_description(
            "todoke_session",
            "Session cookie set by POST /api/v1/session (named __Host-todoke_session when served over HTTPS)",
        );
        components.add_security_scheme(
            "session_cookie",
            SecurityScheme::ApiKey(ApiKey::Cookie(cookie)),
        );
    }
}

/// Every route of the application, documented.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(routes::health::router())
        .merge(routes::service::router())
        .merge(routes::session::router())
        .merge(routes::account::router())
        .merge(routes::forms::router())
        .merge(routes::drafts::router())
        .merge(routes::filings::router())
        .merge(routes::documents::router())
        .merge(routes::notices::router())
        .merge(routes::review::router())
        .merge(routes::reissue_requests::router())
        .merge(routes::start_of_use_requests::router())
}

/// The document alone (for tests and for writing it to a file).
pub fn document() -> utoipa::openapi::OpenApi {
    router().into_openapi()
}
