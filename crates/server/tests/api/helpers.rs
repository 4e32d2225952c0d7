//! `spawn_app()` and request helpers shared by the test modules.

use std::sync::Arc;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::Value;
use tempfile::TempDir;
use time::OffsetDateTime;
use time::macros::datetime;
use todoke_core::ApiError;
use todoke_core::api::endpoints::{self, Endpoint};
use todoke_core::api::{LoginRequest, PasswordChangeRequest};
use todoke_server::accounts::{self, IssuedCredentials, NewApplicant};
use todoke_server::{AppState, Config, ManualClock, app, build_state};
use tower::ServiceExt;

/// Wednesday, inside the default service hours.
pub const WEDNESDAY_MORNING: OffsetDateTime = datetime!(2026-11-25 10:00 +9);
/// A password that satisfies the default policy.
pub const NEW_PASSWORD: &str = "Kx7#mQ2!vRt9";

pub struct TestApp {
    pub router: Router,
    pub state: AppState,
    pub clock: Arc<ManualClock>,
    /// Keeps the database file alive for the test's duration.
    pub dir: TempDir,
}

/// The application on a fresh database, with the test defaults (no service-hours gate).
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// The environment variable that runs the API tests on PostgreSQL: the URL of a server where
/// the tests may create databases (`cargo xtask test` starts a throw-away cluster and runs the
/// tests once per engine). Unset: SQLite.
pub const POSTGRES_ENV: &str = "TODOKE_TEST_POSTGRES_URL";

/// A fresh, empty database for one test: a SQLite file in `dir`, or a new PostgreSQL database
/// on the server named by [`POSTGRES_ENV`] (tests run in parallel, so each gets its own).
pub async fn fresh_database_url(dir: &std::path::Path) -> String {
    match std::env::var(POSTGRES_ENV) {
        Ok(server) if !server.is_empty() => {
            use sqlx::Connection;
            static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
            let name = format!(
                "t{}_{}_{}",
                std::process::id(),
                NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
                OffsetDateTime::now_utc().unix_timestamp_nanos() % 1_000_000
            );
            let mut admin = sqlx::PgConnection::connect(&format!("{server}/postgres"))
                .await
                .expect("connect to the test PostgreSQL server");
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut admin)
                .await
                .expect("create a test database");
            format!("{server}/{name}")
        }
        _ => format!("sqlite://{}", dir.join("todoke.db").display()),
    }
}

/// Like [`spawn_app`], with the configuration adjusted first.
pub async fn spawn_app_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = fresh_database_url(dir.path()).await;
    let mut config = Config::for_tests(&url);
    adjust(&mut config);
    let clock = Arc::new(ManualClock::new(WEDNESDAY_MORNING));
    let state = build_state(config, clock.clone()).await.expect("state");
    TestApp {
        router: app(state.clone()),
        state,
        clock,
        dir,
    }
}

#[derive(Debug)]
pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl TestResponse {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    /// The body as the API's error shape; fails the test when it is not exactly that.
    pub fn api_error(&self) -> ApiError {
        assert_eq!(
            self.header("content-type").as_deref(),
            Some("application/json"),
            "{self:?}"
        );
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "not an ApiError ({e}): {}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .map(|v| v.to_str().expect("ASCII header").to_string())
    }

    /// The raw `Set-Cookie` header.
    pub fn set_cookie(&self) -> Option<String> {
        self.header("set-cookie")
    }

    /// `name=value` from `Set-Cookie`, ready for a `Cookie` header.
    pub fn cookie(&self) -> String {
        let set = self.set_cookie().expect("a Set-Cookie header");
        set.split(';').next().expect("name=value").to_string()
    }
}

impl TestApp {
    pub async fn request(&self, request: Request<Body>) -> TestResponse {
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("infallible");
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        TestResponse {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, path: &str, cookie: Option<&str>) -> TestResponse {
        let mut builder = Request::get(path);
        if let Some(cookie) = cookie {
            builder = builder.header(header::COOKIE, cookie);
        }
        self.request(builder.body(Body::empty()).unwrap()).await
    }

    /// A state-changing request as the SPA sends it: JSON body and the CSRF header.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
        cookie: Option<&str>,
    ) -> TestResponse {
        let mut builder = Request::builder()
            .method(method)
            .uri(path)
            .header(header::HOST, "127.0.0.1:8080")
            .header("x-requested-with", "todoke");
        if let Some(cookie) = cookie {
            builder = builder.header(header::COOKIE, cookie);
        }
        let body = match body {
            Some(value) => {
                builder = builder.header(header::CONTENT_TYPE, "application/json");
                Body::from(value.to_string())
            }
            None => Body::empty(),
        };
        self.request(builder.body(body).unwrap()).await
    }

    /// A typed request to `endpoint` as the SPA sends it, its `{…}` parameters filled in order;
    /// `body` is serialised as its JSON (none for `()` endpoints). The path and body are made
    /// before the future, which so holds no borrowed parameter and can be spawned.
    pub fn call<Req: serde::Serialize, Res>(
        &self,
        endpoint: &Endpoint<Req, Res>,
        params: &[&dyn std::fmt::Display],
        body: Option<&Req>,
        cookie: Option<&str>,
    ) -> impl std::future::Future<Output = TestResponse> + Send + '_ {
        let path = endpoint.at(params);
        let method = endpoint.method;
        let body = body.map(|b| serde_json::to_value(b).expect("a JSON body"));
        let cookie = cookie.map(str::to_string);
        async move {
            let method = match method {
                endpoints::Method::Get => return self.get(&path, cookie.as_deref()).await,
                endpoints::Method::Post => Method::POST,
                endpoints::Method::Put => Method::PUT,
                endpoints::Method::Delete => Method::DELETE,
            };
            self.send(method, &path, body, cookie.as_deref()).await
        }
    }

    /// [`Self::call`] that must succeed with `expected`, decoded as the endpoint's answer.
    pub async fn call_ok<Req: serde::Serialize, Res: serde::de::DeserializeOwned>(
        &self,
        endpoint: &Endpoint<Req, Res>,
        params: &[&dyn std::fmt::Display],
        body: Option<&Req>,
        cookie: Option<&str>,
        expected: StatusCode,
    ) -> Res {
        let response = self.call(endpoint, params, body, cookie).await;
        assert_eq!(response.status, expected, "{response:?}");
        serde_json::from_slice(&response.body).expect("the endpoint's answer type")
    }

    pub async fn login(&self, user_id: &str, password: &str) -> TestResponse {
        let request = LoginRequest {
            user_id: user_id.into(),
            password: password.into(),
        };
        self.call(&endpoints::SIGN_IN, &[], Some(&request), None)
            .await
    }

    pub async fn change_password(
        &self,
        cookie: &str,
        current: &str,
        new: &str,
        confirmation: &str,
    ) -> TestResponse {
        let request = PasswordChangeRequest {
            current_password: current.into(),
            new_password: new.into(),
            new_password_confirmation: confirmation.into(),
        };
        self.call(
            &endpoints::CHANGE_PASSWORD,
            &[],
            Some(&request),
            Some(cookie),
        )
        .await
    }

    /// Issues an applicant account the way the admin command does.
    pub async fn create_applicant(&self) -> IssuedCredentials {
        accounts::create_applicant(&self.state, hiroshima_clinic())
            .await
            .expect("account issued")
    }

    /// Issues `applicant`, signs in and changes the initial password to [`NEW_PASSWORD`]:
    /// (user ID, cookie of a full session).
    pub async fn signed_in_as(&self, applicant: NewApplicant) -> (String, String) {
        let creds = accounts::create_applicant(&self.state, applicant)
            .await
            .expect("account issued");
        self.full_session(creds).await
    }

    /// A reviewer of the Kanto-Shinetsu bureau with a changed password: (user ID, cookie).
    pub async fn signed_in_reviewer(&self) -> (String, String) {
        let creds = accounts::create_reviewer(
            &self.state,
            "REVIEWER01",
            "関東信越厚生局 審査担当",
            todoke_core::RegionalBureau::KantoShinetsu,
            None,
        )
        .await
        .expect("reviewer issued");
        self.full_session(creds).await
    }

    /// A reviewer of `bureau` with a changed password: (user ID, cookie).
    pub async fn signed_in_reviewer_of(
        &self,
        user_id: &str,
        bureau: todoke_core::RegionalBureau,
    ) -> (String, String) {
        let creds = accounts::create_reviewer(
            &self.state,
            user_id,
            &format!("{} 審査担当", bureau.name()),
            bureau,
            None,
        )
        .await
        .expect("reviewer issued");
        self.full_session(creds).await
    }

    /// Signs in with the initial password and changes it: (user ID, new cookie).
    async fn full_session(&self, creds: IssuedCredentials) -> (String, String) {
        let response = self.login(&creds.user_id, &creds.initial_password).await;
        assert_eq!(response.status, StatusCode::OK, "{response:?}");
        let response = self
            .change_password(
                &response.cookie(),
                &creds.initial_password,
                NEW_PASSWORD,
                NEW_PASSWORD,
            )
            .await;
        assert_eq!(response.status, StatusCode::OK, "{response:?}");
        (creds.user_id, response.cookie())
    }

    /// A new applicant, signed in with the initial password: (credentials, cookie).
    pub async fn signed_in_applicant(&self) -> (IssuedCredentials, String) {
        let creds = self.create_applicant().await;
        let response = self.login(&creds.user_id, &creds.initial_password).await;
        assert_eq!(response.status, StatusCode::OK, "{response:?}");
        (creds, response.cookie())
    }

    /// A new applicant whose password has been changed to [`NEW_PASSWORD`]: (user ID, cookie).
    pub async fn signed_in_with_changed_password(&self) -> (String, String) {
        let (creds, cookie) = self.signed_in_applicant().await;
        let response = self
            .change_password(&cookie, &creds.initial_password, NEW_PASSWORD, NEW_PASSWORD)
            .await;
        assert_eq!(response.status, StatusCode::OK, "{response:?}");
        (creds.user_id, response.cookie())
    }

    pub async fn count(&self, table: &str) -> i64 {
        sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&self.state.pool)
            .await
            .unwrap()
    }
}

/// A pharmacy in Tokyo (the demo pharmacy's code).
pub fn tokyo_pharmacy() -> NewApplicant {
    NewApplicant {
        institution_code: "1340100039".into(),
        class: "調剤".into(),
        institution_name: "とどけ薬局".into(),
        prefecture: "東京都".into(),
    }
}

/// Another clinic, in Tokyo (the demo clinic's code).
pub fn tokyo_clinic() -> NewApplicant {
    NewApplicant {
        institution_code: "1310100019".into(),
        class: "医科".into(),
        institution_name: "とどけ内科".into(),
        prefecture: "東京都".into(),
    }
}

/// A clinic in Osaka (近畿厚生局), with a code whose check digit is computed.
pub fn osaka_clinic() -> NewApplicant {
    let body = [2, 7, 1, 0, 1, 2, 3, 4, 5];
    let digit = todoke_core::institution::check_digit(&body);
    let code: String = body
        .iter()
        .chain(std::iter::once(&digit))
        .map(|d| char::from(b'0' + d))
        .collect();
    NewApplicant {
        institution_code: code,
        class: "医科".into(),
        institution_name: "なにわ内科".into(),
        prefecture: "大阪府".into(),
    }
}

/// The domain guide's example code: a clinic in Hiroshima.
pub fn hiroshima_clinic() -> NewApplicant {
    NewApplicant {
        institution_code: "3410712362".into(),
        class: "医科".into(),
        institution_name: "広島内科クリニック".into(),
        prefecture: "広島県".into(),
    }
}

/// The text of the PDF at `pdf`, read back with `pdftotext -layout` (Debian `poppler-utils`,
/// installed by `cargo xtask install`).
pub fn pdftotext(pdf: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (apt package poppler-utils) must be installed");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// The text of a PDF answered by the API.
pub fn pdf_text(bytes: &[u8]) -> String {
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("answer.pdf");
    std::fs::write(&path, bytes).unwrap();
    pdftotext(&path)
}
