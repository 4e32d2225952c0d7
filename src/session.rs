//! Who is signed in, and which page each state may see. Plain logic, unit-tested; the
//! components only wire it to signals.

use todoke_core::api::SessionInfo;

/// What the app knows about the session.
#[derive(Debug, Clone, PartialEq)]
pub enum SessionState {
    /// Still asking the server (first load).
    Unknown,
    Anonymous,
    SignedIn(SessionInfo),
}

impl SessionState {
    pub fn info(&self) -> Option<&SessionInfo> {
        match self {
            Self::SignedIn(info) => Some(info),
            _ => None,
        }
    }
}

/// Who may see a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageAccess {
    /// Anyone (manual, not-found).
    Public,
    /// Only signed-out users (login); signed-in users go on to their start page.
    SignedOutOnly,
    /// Signed-in users, including those who must still change the initial password.
    PasswordChange,
    /// Signed-in users who have changed their initial password.
    SignedIn,
}

// The pages the guards send people to, as constants for `redirect_for`'s answers; each is the
// path of its `AppRoute` (a test checks that they agree).
pub const LOGIN_PATH: &str = "/login";
pub const PASSWORD_PATH: &str = "/password";
pub const START_PATH: &str = "/submissions";
pub const MANUAL_PATH: &str = "/manual";

/// Where to send the user instead of `page`, if anywhere. `None` while the state is unknown:
/// the page waits rather than flashing a redirect.
pub fn redirect_for(page: PageAccess, state: &SessionState) -> Option<&'static str> {
    let must_change = match state {
        SessionState::Unknown => return None,
        SessionState::Anonymous => None,
        SessionState::SignedIn(info) => Some(info.must_change_password),
    };
    match (page, must_change) {
        (PageAccess::Public, _) => None,
        (PageAccess::SignedOutOnly, None) => None,
        (PageAccess::SignedOutOnly, Some(true)) => Some(PASSWORD_PATH),
        (PageAccess::SignedOutOnly, Some(false)) => Some(START_PATH),
        (PageAccess::PasswordChange | PageAccess::SignedIn, None) => Some(LOGIN_PATH),
        (PageAccess::PasswordChange, Some(_)) => None,
        (PageAccess::SignedIn, Some(true)) => Some(PASSWORD_PATH),
        (PageAccess::SignedIn, Some(false)) => None,
    }
}

/// Seconds before the idle timeout at which the warning dialog opens (WCAG 2.2.1 asks for
/// at least 20 s; government guidance for 2 minutes). Shorter sessions warn at half-time.
pub fn warning_lead_secs(idle_timeout_secs: u64) -> u64 {
    120.min(idle_timeout_secs / 2)
}

/// What the idle timer should show, given the time since the server last saw us.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdlePhase {
    Active,
    /// Warn; seconds left until sign-out.
    Warning(u64),
    Expired,
}

/// We sign out a few seconds before the server would, so the user never acts on a dead session.
const SAFETY_MARGIN_SECS: u64 = 3;

pub fn idle_phase(idle_timeout_secs: u64, elapsed_ms: f64) -> IdlePhase {
    let elapsed = (elapsed_ms.max(0.0) / 1000.0) as u64;
    let left = idle_timeout_secs.saturating_sub(elapsed);
    if left <= SAFETY_MARGIN_SECS {
        IdlePhase::Expired
    } else if left <= warning_lead_secs(idle_timeout_secs) {
        IdlePhase::Warning(left)
    } else {
        IdlePhase::Active
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;
    use todoke_core::api::{AccountSummary, Role};

    fn signed_in(must_change: bool) -> SessionState {
        SessionState::SignedIn(SessionInfo {
            account: AccountSummary {
                user_id: "DEMO-MED".into(),
                role: Role::Applicant,
                institution: None,
                bureau: None,
                display_name: None,
            },
            must_change_password: must_change,
            idle_timeout_secs: 1800,
            expires_at: datetime!(2026-11-25 12:00 UTC),
            previous_login_at: None,
        })
    }

    #[test]
    fn routes_each_state_to_the_right_page() {
        use PageAccess::*;
        let anon = SessionState::Anonymous;
        assert_eq!(redirect_for(SignedIn, &anon), Some(LOGIN_PATH));
        assert_eq!(redirect_for(PasswordChange, &anon), Some(LOGIN_PATH));
        assert_eq!(redirect_for(SignedOutOnly, &anon), None);
        assert_eq!(redirect_for(Public, &anon), None);

        let first = signed_in(true);
        assert_eq!(redirect_for(SignedIn, &first), Some(PASSWORD_PATH));
        assert_eq!(redirect_for(SignedOutOnly, &first), Some(PASSWORD_PATH));
        assert_eq!(redirect_for(PasswordChange, &first), None);
        assert_eq!(redirect_for(Public, &first), None);

        let later = signed_in(false);
        assert_eq!(redirect_for(SignedIn, &later), None);
        assert_eq!(redirect_for(SignedOutOnly, &later), Some(START_PATH));
        assert_eq!(redirect_for(PasswordChange, &later), None);

        assert_eq!(redirect_for(SignedIn, &SessionState::Unknown), None);
    }

    #[test]
    fn idle_timer_warns_two_minutes_before_and_expires_early() {
        assert_eq!(idle_phase(1800, 0.0), IdlePhase::Active);
        assert_eq!(idle_phase(1800, 1_679_000.0), IdlePhase::Active);
        assert_eq!(idle_phase(1800, 1_680_000.0), IdlePhase::Warning(120));
        assert_eq!(idle_phase(1800, 1_796_000.0), IdlePhase::Warning(4));
        assert_eq!(idle_phase(1800, 1_797_000.0), IdlePhase::Expired);
        // A 60-second session warns at 30 s.
        assert_eq!(idle_phase(60, 29_000.0), IdlePhase::Active);
        assert_eq!(idle_phase(60, 30_000.0), IdlePhase::Warning(30));
    }
}
