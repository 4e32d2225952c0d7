//! Sign-in, the current session, extending it, and sign-out.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use todoke_core::ApiError;
use todoke_core::UserId;
use todoke_core::api::endpoints;
use todoke_core::api::{LoginRequest, SessionInfo};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::responses::{CsrfHeader, JsonBodyErrors, NoBodyErrors};
use super::tags;
use crate::AppState;
use crate::accounts::{self, Account};
use crate::auth::{AnySession, lockout, password, session, session_info};
use crate::db;
use crate::error::AppError;
use crate::extract::AppJson;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(login, current_session, logout))
        .routes(routes!(extend_session))
}

/// Sign in
///
/// Checks the user ID and password and starts a session (cookie `todoke_session`, or
/// `__Host-todoke_session` over HTTPS). The same 401 answers an unknown ID, a wrong password and
/// an ended account. After `TODOKE_LOCKOUT_THRESHOLD` consecutive failures for one user ID
/// (known or not) sign-in with that ID is refused with 429 for `TODOKE_LOCKOUT_MINUTES`.
#[utoipa::path(
    post,
    path = endpoints::SIGN_IN.path,
    tag = tags::SESSION,
    request_body = LoginRequest,
    params(("X-Requested-With" = inline(CsrfHeader), Header, description = "Must be `todoke` (CSRF defence)")),
    responses(
        (status = 200, description = "Signed in", body = SessionInfo,
            headers(("set-cookie" = String, description = "The new session cookie"))),
        (status = 401, description = "`invalid_credentials`: wrong user ID or password, or an ended account", body = ApiError),
        (status = 403, description = "`csrf_rejected`", body = ApiError),
        (status = 422, description = "`validation_failed`: a field is empty or too long (keyed `user_id` / `password`), or the body is not a `LoginRequest` object", body = ApiError),
        (status = 429, description = "`account_locked`: sign-in with this user ID is locked for a while (`Retry-After`)", body = ApiError),
        (status = 503, description = "`service_closed`: outside service hours", body = ApiError),
        JsonBodyErrors,
    )
)]
pub async fn login(
    State(state): State<AppState>,
    headers: HeaderMap,
    AppJson(request): AppJson<LoginRequest>,
) -> Result<Response, AppError> {
    request.check().map_err(AppError::Validation)?;
    let now = state.clock.now();
    let key = lockout::throttle_key(&request.user_id);
    let attempt = lockout::reserve_attempt(&state.pool, &key, now, &state.config).await?;

    let (account, stored_hash) = match UserId::parse(&request.user_id) {
        Ok(user_id) => match accounts::find_for_sign_in(&state.pool, &user_id).await? {
            Some((account, hash)) => (Some(account), hash.0),
            None => (None, state.dummy_hash.to_string()),
        },
        // Unknown IDs are checked against a dummy hash so that they take as long as known ones.
        Err(_) => (None, state.dummy_hash.to_string()),
    };
    let password_matches = password::verify(request.password, stored_hash).await?;
    let account = match account {
        Some(account) if password_matches && account.ended_at.is_none() => account,
        _ => {
            let locked = attempt.failed(&state.pool, now, &state.config).await?;
            return Err(locked.unwrap_or(AppError::InvalidCredentials));
        }
    };
    attempt.succeeded(&state.pool).await?;

    // A fresh token at every sign-in; a session the browser still held is ended.
    if let Some(old) = session::token_from_headers(&headers, &state.config) {
        session::revoke(&state.pool, old).await?;
    }
    session::purge_expired(&state.pool, now, &state.config).await?;
    let mut tx = db::begin_write(&state.pool).await?;
    let previous_login_at = accounts::record_login(&mut tx, account.id, now).await?;
    let (token, new_session) =
        session::create(&mut tx, account.id, previous_login_at, now, &state.config).await?;
    tx.commit().await?;
    tracing::info!(user_id = account.user_id, "signed in");
    signed_in_response(&state, &account, &token, &new_session)
}

/// The current session
///
/// Also answers while the initial password must still be changed (`must_change_password`).
/// Every authenticated request restarts the idle timer.
#[utoipa::path(
    get,
    path = endpoints::CURRENT_SESSION.path,
    tag = tags::SESSION,
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "Signed in", body = SessionInfo),
        (status = 401, description = "Not signed in, or the session expired or was ended", body = ApiError),
        (status = 503, description = "Outside service hours", body = ApiError),
    )
)]
pub async fn current_session(
    State(state): State<AppState>,
    s: AnySession,
) -> Result<Json<SessionInfo>, AppError> {
    Ok(Json(session_info(&s.account, &s.session, &state.config)?))
}

/// Extend the session
///
/// What 「ログインを延長する」 calls: restarts the idle timer (not the absolute lifetime).
#[utoipa::path(
    post,
    path = endpoints::EXTEND_SESSION.path,
    tag = tags::SESSION,
    security(("session_cookie" = [])),
    params(("X-Requested-With" = inline(CsrfHeader), Header, description = "Must be `todoke` (CSRF defence)")),
    responses(
        (status = 200, description = "The session, with its idle timer restarted", body = SessionInfo),
        (status = 401, description = "`unauthenticated`: not signed in, or the session already expired", body = ApiError),
        (status = 403, description = "`csrf_rejected`", body = ApiError),
        (status = 503, description = "`service_closed`: outside service hours", body = ApiError),
        NoBodyErrors,
    )
)]
pub async fn extend_session(
    State(state): State<AppState>,
    s: AnySession,
) -> Result<Json<SessionInfo>, AppError> {
    Ok(Json(session_info(&s.account, &s.session, &state.config)?))
}

/// Sign out
///
/// Ends the session on the server and clears the cookie. Answers 204 even without a session,
/// so signing out twice is harmless.
#[utoipa::path(
    delete,
    path = endpoints::SIGN_OUT.path,
    tag = tags::SESSION,
    params(("X-Requested-With" = inline(CsrfHeader), Header, description = "Must be `todoke` (CSRF defence)")),
    responses(
        (status = 204, description = "Signed out", headers(("set-cookie" = String, description = "Clears the cookie (Max-Age=0)"))),
        (status = 403, description = "`csrf_rejected`", body = ApiError),
        (status = 503, description = "`service_closed`: outside service hours", body = ApiError),
        NoBodyErrors,
    )
)]
pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    if let Some(token) = session::token_from_headers(&headers, &state.config) {
        session::revoke(&state.pool, token).await?;
    }
    Ok((
        StatusCode::NO_CONTENT,
        [(header::SET_COOKIE, session::clear_cookie(&state.config)?)],
    )
        .into_response())
}

/// 200 with the session and the cookie that carries its token.
pub(crate) fn signed_in_response(
    state: &AppState,
    account: &Account,
    token: &session::SessionToken,
    new_session: &session::Session,
) -> Result<Response, AppError> {
    let info = session_info(account, new_session, &state.config)?;
    Ok((
        [(
            header::SET_COOKIE,
            session::set_cookie(&state.config, token)?,
        )],
        Json(info),
    )
        .into_response())
}
