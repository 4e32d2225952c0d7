//! Filings: drafts (作成中), submissions with their arrival numbers (到達番号), their lifecycle
//! through the bureau's review, the audit log, notices and the searchable lists.
//!
//! * [`store`] holds every SQL statement on drafts, submissions, the audit log, notices, the
//!   number counters and end-of-use records, and decodes rows into domain types; nothing else
//!   in the server writes SQL about filings.
//! * [`lifecycle`] has one function per thing a user does to a filing (save a draft, submit,
//!   withdraw, revise, copy, receive, start review, return, accept, reject). Each owns its
//!   transaction, and each handler calls exactly one of them.
//! * [`detail`] builds a submission as a [`Scope`] sees it, with its history; [`forms`] says
//!   which forms an applicant may file and with which check context; [`notices`] and
//!   [`search`] (lists and CSV) read.
//!
//! Rules that hold throughout:
//! * A draft keeps the answers exactly as the browser sent them, so nothing typed is lost; its
//!   `version` rises with every save and a save based on an older version is refused
//!   ([`AppError::DraftConflict`](crate::error::AppError)) without overwriting anything.
//! * Submitting re-runs the shared check with the server's context on the stored answers; the
//!   server's verdict is final. A submission stores the **normalised** answers, the form id and
//!   version the check used, and the acknowledged warnings. Submission is idempotent: the draft
//!   row records its submission and a second submit answers with the first submission.
//! * Arrival numbers are `YYYYMMDD-NNNNNN` from a counter shared by all accounts, never issued
//!   twice (past 999,999 the sequence grows a seventh digit); 受理番号 `YYYY-A-NNNNNN` alike.
//! * Visibility is a [`Scope`]: an applicant sees its own filings, a reviewer those of
//!   institutions in its bureau's prefectures. Anything outside answers 404, exactly like an id
//!   that does not exist.
//! * Every status change goes through `todoke_core::lifecycle::transition` (a refusal is 409
//!   with the machine's Japanese message) and, in the same write transaction, appends one row
//!   to the append-only audit log and, for a change made by the bureau, an unread notice.

pub mod detail;
pub mod forms;
pub mod lifecycle;
pub mod notices;
pub mod search;
pub mod store;

use todoke_core::RegionalBureau;
use todoke_core::lifecycle::{Action, Actor};

use crate::auth::{ApplicantSession, ReviewerSession};

/// Which filings a caller may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// One applicant account's own.
    Applicant(i64),
    /// Every institution in the bureau's prefectures.
    Bureau(RegionalBureau),
}

impl Scope {
    /// A condition on `s` (submissions) / `a` (the filing account). Only integers are inlined.
    pub(crate) fn condition(self) -> String {
        match self {
            Self::Applicant(account_id) => format!("s.account_id = {account_id}"),
            Self::Bureau(bureau) => {
                let codes: Vec<String> =
                    bureau.prefectures().map(|p| p.code().to_string()).collect();
                format!("a.prefecture IN ({})", codes.join(", "))
            }
        }
    }

    pub fn actor(self) -> Actor {
        match self {
            Self::Applicant(_) => Actor::Applicant,
            Self::Bureau(_) => Actor::Reviewer,
        }
    }
}

/// Who acts, as the audit log records it.
#[derive(Debug, Clone)]
pub struct Acting {
    pub account_id: i64,
    pub scope: Scope,
    /// The institution's name or the reviewer's display name.
    pub label: String,
}

impl Acting {
    /// The applicant as the audit log records it: the institution's name.
    pub fn applicant(applicant: &ApplicantSession) -> Self {
        Self {
            account_id: applicant.account_id,
            scope: Scope::Applicant(applicant.account_id),
            label: applicant.institution_name.clone(),
        }
    }

    /// A bureau desk, by its display name.
    pub fn reviewer(reviewer: &ReviewerSession) -> Self {
        Self {
            account_id: reviewer.account_id,
            scope: Scope::Bureau(reviewer.bureau),
            label: reviewer.display_name.clone(),
        }
    }
}

/// What an audit-log row records: the first submission, a lifecycle action, or the operator's
/// processing of an accepted 利用終了届出. Stored by [`AuditAction::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    Submit,
    Lifecycle(Action),
    EndUse,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Submit => "submit",
            Self::Lifecycle(action) => action.as_str(),
            Self::EndUse => "end_use",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "submit" => Some(Self::Submit),
            "end_use" => Some(Self::EndUse),
            _ => Action::ALL
                .into_iter()
                .find(|a| a.as_str() == s)
                .map(Self::Lifecycle),
        }
    }

    /// The Japanese name shown in the history.
    pub fn label(self) -> &'static str {
        match self {
            Self::Submit => todoke_core::text::current::ACTION_SUBMIT(),
            Self::Lifecycle(action) => action.label(),
            Self::EndUse => todoke_core::text::current::ACTION_END_USE(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audit_actions_round_trip() {
        let all = [AuditAction::Submit, AuditAction::EndUse]
            .into_iter()
            .chain(Action::ALL.into_iter().map(AuditAction::Lifecycle));
        for a in all {
            assert_eq!(AuditAction::parse(a.as_str()), Some(a));
            assert!(!a.label().is_empty());
        }
        assert_eq!(AuditAction::parse("no_such"), None);
    }
}
