//! Authentication: password hashing, the sign-in throttle, server-side sessions, and the two
//! extractors that handlers use to require a session.
//!
//! * [`AnySession`]: any valid session, also one that must still change its initial password.
//!   Used by the session routes and the password change itself.
//! * [`FullSession`]: a session whose password has been changed. Everything else uses this, so
//!   "until the password is changed, every other API call is refused" holds by construction.
//! * [`ApplicantSession`]: a [`FullSession`] of an applicant (an institution), with its class and
//!   code parsed. Forms, drafts, submissions and filings use it; a reviewer gets 403.

pub mod lockout;
pub mod password;
pub mod session;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use todoke_core::api::SessionInfo;
use todoke_core::service_hours::JST;
use todoke_core::{FeeScheduleClass, InstitutionCode, RegionalBureau};

use crate::AppState;
use crate::accounts::{self, Account, AccountKind};
use crate::config::Config;
use crate::db::from_unix;
use crate::error::AppError;
use session::Session;

/// A valid session and its account; the password may still need changing.
#[derive(Debug, Clone)]
pub struct AnySession {
    pub session: Session,
    pub account: Account,
}

/// A valid session of an account whose initial password has been changed.
#[derive(Debug, Clone)]
pub struct FullSession(pub AnySession);

impl FromRequestParts<AppState> for AnySession {
    type Rejection = AppError;

    /// Finds the session behind the cookie, refuses expired ones and restarts the idle timer.
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let token = session::token_from_headers(&parts.headers, &state.config)
            .ok_or(AppError::Unauthenticated)?;
        let now = state.clock.now();
        let session = session::find_and_touch(&state.pool, token, now, &state.config)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        let account = accounts::find_by_id(&state.pool, session.account_id)
            .await?
            .filter(|a| a.ended_at.is_none())
            .ok_or(AppError::Unauthenticated)?;
        Ok(AnySession { session, account })
    }
}

impl FromRequestParts<AppState> for FullSession {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let any = AnySession::from_request_parts(parts, state).await?;
        if any.account.must_change_password {
            return Err(AppError::PasswordChangeRequired);
        }
        Ok(FullSession(any))
    }
}

/// A full session of an applicant account: the institution that files forms.
#[derive(Debug, Clone)]
pub struct ApplicantSession {
    pub account_id: i64,
    pub class: FeeScheduleClass,
    pub institution_code: InstitutionCode,
    /// The institution's name, as the audit log records the applicant.
    pub institution_name: String,
    pub session: AnySession,
}

impl FromRequestParts<AppState> for ApplicantSession {
    type Rejection = AppError;

    /// 401 without a session, 403 `password_change_required` before the password change, 403
    /// `forbidden` for reviewers.
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let FullSession(session) = FullSession::from_request_parts(parts, state).await?;
        let AccountKind::Applicant(institution) = session.account.kind.clone() else {
            return Err(AppError::Forbidden);
        };
        Ok(ApplicantSession {
            account_id: session.account.id,
            class: institution.class,
            institution_code: institution.code,
            institution_name: institution.name,
            session,
        })
    }
}

/// A full session of a reviewer account: bureau staff, who see only filings from the
/// prefectures of their bureau.
#[derive(Debug, Clone)]
pub struct ReviewerSession {
    pub account_id: i64,
    pub bureau: RegionalBureau,
    /// The display name, recorded in the audit log.
    pub display_name: String,
    pub session: AnySession,
}

impl FromRequestParts<AppState> for ReviewerSession {
    type Rejection = AppError;

    /// 401 without a session, 403 `password_change_required` before the password change, 403
    /// `forbidden` for applicants.
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let FullSession(session) = FullSession::from_request_parts(parts, state).await?;
        let AccountKind::Reviewer {
            bureau,
            display_name,
        } = session.account.kind.clone()
        else {
            return Err(AppError::Forbidden);
        };
        Ok(ReviewerSession {
            account_id: session.account.id,
            bureau,
            display_name: display_name.unwrap_or_else(|| bureau.name().to_string()),
            session,
        })
    }
}

/// The API's view of a session. Times are given in Japan time, which is what users read.
pub fn session_info(
    account: &Account,
    session: &Session,
    config: &Config,
) -> Result<SessionInfo, AppError> {
    Ok(SessionInfo {
        account: account.summary(),
        must_change_password: account.must_change_password,
        idle_timeout_secs: config.session_idle.whole_seconds().max(0) as u64,
        expires_at: from_unix(session.expires_at)?.to_offset(JST),
        previous_login_at: session
            .previous_login_at
            .map(from_unix)
            .transpose()?
            .map(|t| t.to_offset(JST)),
    })
}
