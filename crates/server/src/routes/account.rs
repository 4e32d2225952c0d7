//! The signed-in account and its password.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use todoke_core::ApiError;
use todoke_core::FieldErrors;
use todoke_core::api::endpoints;
use todoke_core::api::{AccountSummary, PasswordChangeRequest, SessionInfo};
use todoke_core::password::field;
use todoke_core::text::current as text;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::responses::{CsrfHeader, JsonBodyErrors, SessionErrors};
use super::session::signed_in_response;
use super::tags;
use crate::AppState;
use crate::accounts;
use crate::auth::{AnySession, FullSession, lockout, password, session};
use crate::db;
use crate::error::AppError;
use crate::extract::AppJson;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(account))
        .routes(routes!(change_password))
}

/// The signed-in account
///
/// Like every endpoint outside `/api/v1/session*`, refused with 403 `password_change_required`
/// until the initial password has been changed.
#[utoipa::path(
    get,
    path = endpoints::ACCOUNT.path,
    tag = tags::ACCOUNT,
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "The account: institution for applicants, bureau for reviewers", body = AccountSummary),
        (status = 403, description = "The initial password must be changed first", body = ApiError),
        SessionErrors,
    )
)]
pub async fn account(FullSession(s): FullSession) -> Result<Json<AccountSummary>, AppError> {
    Ok(Json(s.account.summary()))
}

/// Change the password
///
/// Checks the new password against the policy (422 with messages per field), then the current
/// password (a wrong one counts toward the sign-in lock). On success every session of the
/// account ends, including this one, and a new session cookie is issued.
#[utoipa::path(
    put,
    path = endpoints::CHANGE_PASSWORD.path,
    tag = tags::ACCOUNT,
    security(("session_cookie" = [])),
    request_body = PasswordChangeRequest,
    params(("X-Requested-With" = inline(CsrfHeader), Header, description = "Must be `todoke` (CSRF defence)")),
    responses(
        (status = 200, description = "Changed; a new session cookie replaces the old one", body = SessionInfo,
            headers(("set-cookie" = String, description = "The new session cookie"))),
        (status = 403, description = "`csrf_rejected`", body = ApiError),
        (status = 422, description = "`validation_failed`: messages keyed `current_password` (empty or wrong) / `new_password` (against the policy: length, kinds of character, common words, the user ID, the same as the current one) / `new_password_confirmation` (empty or different); or the body is not a `PasswordChangeRequest` object", body = ApiError),
        (status = 429, description = "`account_locked`: too many wrong current passwords; locked for a while (`Retry-After`)", body = ApiError),
        SessionErrors,
        JsonBodyErrors,
    )
)]
pub async fn change_password(
    State(state): State<AppState>,
    s: AnySession,
    AppJson(request): AppJson<PasswordChangeRequest>,
) -> Result<Response, AppError> {
    let AnySession {
        mut account,
        session: old_session,
    } = s;
    state
        .config
        .password_policy
        .check_change(
            &account.user_id,
            &request.current_password,
            &request.new_password,
            &request.new_password_confirmation,
        )
        .map_err(AppError::Validation)?;

    let now = state.clock.now();
    let key = lockout::throttle_key(&account.user_id);
    let attempt = lockout::reserve_attempt(&state.pool, &key, now, &state.config).await?;
    let stored = accounts::password_hash(&state.pool, account.id).await?;
    if !password::verify(request.current_password, stored.0).await? {
        if let Some(locked) = attempt.failed(&state.pool, now, &state.config).await? {
            return Err(locked);
        }
        let mut fields = FieldErrors::default();
        fields.add(field::CURRENT, text::PASSWORD_CURRENT_WRONG());
        return Err(AppError::Validation(fields));
    }
    attempt.succeeded(&state.pool).await?;

    let new_hash = password::hash(request.new_password).await?;
    let mut tx = db::begin_write(&state.pool).await?;
    accounts::set_password(&mut tx, account.id, &new_hash, now).await?;
    session::revoke_all(&mut tx, account.id).await?;
    let (token, new_session) = session::create(
        &mut tx,
        account.id,
        old_session.previous_login_at,
        now,
        &state.config,
    )
    .await?;
    tx.commit().await?;
    tracing::info!(
        user_id = account.user_id,
        "password changed; other sessions ended"
    );

    account.must_change_password = false;
    signed_in_response(&state, &account, &token, &new_session)
}
