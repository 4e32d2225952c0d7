//! The submission lifecycle (docs/domain.md, "The filing lifecycle") as one state machine: which [`Action`] each
//! [`Actor`] may take in which [`FilingStatus`], and where it leads. The browser shows only the
//! actions [`allowed_actions`] lists; the server runs every change through [`transition`], so
//! the two can never disagree.
//!
//! | from | applicant | reviewer |
//! |---|---|---|
//! | 作成中 | (edit, submit: the draft endpoints) | — |
//! | 提出済 | 取下げ | 受付 |
//! | 受付済 | 取下げ | 審査開始, 差戻し, 受理, 不受理 |
//! | 審査中 | 取下げ | 差戻し, 受理, 不受理 |
//! | 差戻し | 再提出, 取下げ | — |
//! | 受理 | — | — |
//! | 不受理 | 複写して新規作成 | — |
//! | 取下げ | 複写して新規作成 | — |
//!
//! Copying into a new draft leaves the filing where it is (its status does not change).

use serde::{Deserialize, Serialize};

use crate::api::FilingStatus;
use crate::text::current as text;

/// Something done to a submitted filing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// 取下げ (applicant)
    Withdraw,
    /// 再提出 after a return (applicant)
    Resubmit,
    /// 複写して新規作成 (applicant)
    CopyToNewDraft,
    /// 受付 (reviewer)
    Receive,
    /// 審査開始 (reviewer)
    StartReview,
    /// 差戻し (reviewer)
    Return,
    /// 受理 (reviewer)
    Accept,
    /// 不受理 (reviewer)
    Reject,
}

impl Action {
    pub const ALL: [Action; 8] = [
        Action::Withdraw,
        Action::Resubmit,
        Action::CopyToNewDraft,
        Action::Receive,
        Action::StartReview,
        Action::Return,
        Action::Accept,
        Action::Reject,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Withdraw => text::ACTION_WITHDRAW(),
            Self::Resubmit => text::ACTION_RESUBMIT(),
            Self::CopyToNewDraft => text::ACTION_COPY_TO_NEW_DRAFT(),
            Self::Receive => text::ACTION_RECEIVE(),
            Self::StartReview => text::ACTION_START_REVIEW(),
            Self::Return => text::ACTION_RETURN(),
            Self::Accept => text::ACTION_ACCEPT(),
            Self::Reject => text::ACTION_REJECT(),
        }
    }

    /// `snake_case`, as in JSON and the audit log.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Withdraw => "withdraw",
            Self::Resubmit => "resubmit",
            Self::CopyToNewDraft => "copy_to_new_draft",
            Self::Receive => "receive",
            Self::StartReview => "start_review",
            Self::Return => "return",
            Self::Accept => "accept",
            Self::Reject => "reject",
        }
    }

    /// Who may take this action at all.
    pub fn actor(self) -> Actor {
        match self {
            Self::Withdraw | Self::Resubmit | Self::CopyToNewDraft => Actor::Applicant,
            _ => Actor::Reviewer,
        }
    }

    /// The statuses this action may start from (for its actor).
    pub fn from_statuses(self) -> &'static [FilingStatus] {
        use FilingStatus::*;
        match self {
            Self::Withdraw => &[Submitted, Received, UnderReview, Returned],
            Self::Resubmit => &[Returned],
            Self::CopyToNewDraft => &[Rejected, Withdrawn],
            Self::Receive => &[Submitted],
            Self::StartReview => &[Received],
            Self::Return | Self::Accept | Self::Reject => &[Received, UnderReview],
        }
    }

    /// Where the action leads from `from` (assuming it is allowed).
    fn target(self, from: FilingStatus) -> FilingStatus {
        match self {
            Self::Withdraw => FilingStatus::Withdrawn,
            Self::Resubmit => FilingStatus::Submitted,
            Self::CopyToNewDraft => from,
            Self::Receive => FilingStatus::Received,
            Self::StartReview => FilingStatus::UnderReview,
            Self::Return => FilingStatus::Returned,
            Self::Accept => FilingStatus::Accepted,
            Self::Reject => FilingStatus::Rejected,
        }
    }
}

/// Who acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// 保険医療機関等
    Applicant,
    /// 地方厚生(支)局の審査担当者
    Reviewer,
}

impl Actor {
    pub fn label(self) -> &'static str {
        match self {
            Self::Applicant => text::ACTOR_APPLICANT(),
            Self::Reviewer => text::ACTOR_REVIEWER(),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Applicant => "applicant",
            Self::Reviewer => "reviewer",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "applicant" => Some(Self::Applicant),
            "reviewer" => Some(Self::Reviewer),
            _ => None,
        }
    }
}

impl FilingStatus {
    pub const ALL: [FilingStatus; 8] = [
        FilingStatus::Draft,
        FilingStatus::Submitted,
        FilingStatus::Received,
        FilingStatus::UnderReview,
        FilingStatus::Returned,
        FilingStatus::Accepted,
        FilingStatus::Rejected,
        FilingStatus::Withdrawn,
    ];

    /// 受理, 不受理, 取下げ: nothing more happens to the filing itself.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Accepted | Self::Rejected | Self::Withdrawn)
    }

    /// Who must act next, or `None` once final.
    pub fn next_actor(self) -> Option<Actor> {
        match self {
            Self::Draft | Self::Returned => Some(Actor::Applicant),
            Self::Submitted | Self::Received | Self::UnderReview => Some(Actor::Reviewer),
            Self::Accepted | Self::Rejected | Self::Withdrawn => None,
        }
    }

    /// `snake_case`, as in JSON and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Submitted => "submitted",
            Self::Received => "received",
            Self::UnderReview => "under_review",
            Self::Returned => "returned",
            Self::Accepted => "accepted",
            Self::Rejected => "rejected",
            Self::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// Who must act next, in Japanese (「地方厚生（支）局」, 「申請者（保険医療機関等）」), or
/// 「（なし：手続は終了しています）」 once final.
pub fn next_actor_label(status: FilingStatus) -> &'static str {
    match status.next_actor() {
        Some(actor) => actor.label(),
        None => text::NEXT_ACTOR_NONE(),
    }
}

/// A refused transition; `Display` is the Japanese message saying why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message())]
pub struct TransitionError {
    pub status: FilingStatus,
    pub action: Action,
    pub actor: Actor,
}

impl TransitionError {
    pub fn message(&self) -> String {
        if self.action.actor() != self.actor {
            text::transition_wrong_actor(self.action.label(), self.action.actor().label())
        } else if self.status.is_final() {
            text::transition_final(self.status.label(), self.action.label())
        } else {
            let from: Vec<&str> = self
                .action
                .from_statuses()
                .iter()
                .map(|s| s.label())
                .collect();
            text::transition_wrong_status(self.status.label(), self.action.label(), &from)
        }
    }
}

/// The actions `actor` may take on a filing in `status`, in [`Action::ALL`] order.
pub fn allowed_actions(status: FilingStatus, actor: Actor) -> Vec<Action> {
    Action::ALL
        .into_iter()
        .filter(|a| transition(status, *a, actor).is_ok())
        .collect()
}

/// The status after `actor` takes `action` on a filing in `status`, or why that is refused.
pub fn transition(
    status: FilingStatus,
    action: Action,
    actor: Actor,
) -> Result<FilingStatus, TransitionError> {
    if action.actor() == actor && action.from_statuses().contains(&status) {
        Ok(action.target(status))
    } else {
        Err(TransitionError {
            status,
            action,
            actor,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Action::*;
    use FilingStatus::*;

    /// Every allowed (status, action, actor) and where it leads; everything else is refused.
    const ALLOWED: &[(FilingStatus, Action, Actor, FilingStatus)] = &[
        (Submitted, Withdraw, Actor::Applicant, Withdrawn),
        (Received, Withdraw, Actor::Applicant, Withdrawn),
        (UnderReview, Withdraw, Actor::Applicant, Withdrawn),
        (Returned, Withdraw, Actor::Applicant, Withdrawn),
        (Returned, Resubmit, Actor::Applicant, Submitted),
        (Rejected, CopyToNewDraft, Actor::Applicant, Rejected),
        (Withdrawn, CopyToNewDraft, Actor::Applicant, Withdrawn),
        (Submitted, Receive, Actor::Reviewer, Received),
        (Received, StartReview, Actor::Reviewer, UnderReview),
        (Received, Return, Actor::Reviewer, Returned),
        (Received, Accept, Actor::Reviewer, Accepted),
        (Received, Reject, Actor::Reviewer, Rejected),
        (UnderReview, Return, Actor::Reviewer, Returned),
        (UnderReview, Accept, Actor::Reviewer, Accepted),
        (UnderReview, Reject, Actor::Reviewer, Rejected),
    ];

    #[test]
    fn every_status_action_and_actor() {
        let mut allowed = 0;
        for status in FilingStatus::ALL {
            for action in Action::ALL {
                for actor in [Actor::Applicant, Actor::Reviewer] {
                    let expected = ALLOWED
                        .iter()
                        .find(|(s, a, r, _)| *s == status && *a == action && *r == actor)
                        .map(|row| row.3);
                    let got = transition(status, action, actor);
                    match expected {
                        Some(to) => {
                            allowed += 1;
                            assert_eq!(got, Ok(to), "{status:?} {action:?} {actor:?}");
                            assert!(allowed_actions(status, actor).contains(&action));
                        }
                        None => {
                            let err = got.expect_err(&format!("{status:?} {action:?} {actor:?}"));
                            assert_eq!(
                                (err.status, err.action, err.actor),
                                (status, action, actor)
                            );
                            let message = err.to_string();
                            assert!(message.contains(action.label()), "{message}");
                            assert!(!allowed_actions(status, actor).contains(&action));
                        }
                    }
                }
            }
        }
        assert_eq!(allowed, ALLOWED.len());
        assert_eq!(FilingStatus::ALL.len() * Action::ALL.len() * 2, 128);
    }

    #[test]
    fn final_states_and_drafts_allow_no_reviewer_action() {
        for s in [Draft, Accepted, Rejected, Withdrawn, Returned] {
            assert!(allowed_actions(s, Actor::Reviewer).is_empty(), "{s:?}");
        }
        assert!(allowed_actions(Accepted, Actor::Applicant).is_empty());
        assert!(allowed_actions(Draft, Actor::Applicant).is_empty());
        assert_eq!(
            allowed_actions(Returned, Actor::Applicant),
            [Withdraw, Resubmit]
        );
    }

    #[test]
    fn refusals_say_why_in_japanese() {
        let e = transition(Accepted, Withdraw, Actor::Applicant).unwrap_err();
        assert_eq!(e.to_string(), text::transition_final("受理", "取下げ"));
        assert!(e.to_string().contains("受理"));
        let e = transition(Submitted, Accept, Actor::Applicant).unwrap_err();
        assert!(e.to_string().contains(text::ACTOR_REVIEWER()), "{e}");
        let e = transition(Submitted, StartReview, Actor::Reviewer).unwrap_err();
        assert!(e.to_string().contains("提出済"), "{e}");
        assert!(e.to_string().contains("受付済"), "{e}");
    }

    #[test]
    fn statuses_labels_and_next_actor() {
        let labels: Vec<&str> = FilingStatus::ALL.iter().map(|s| s.label()).collect();
        assert_eq!(
            labels,
            [
                "作成中",
                "提出済",
                "受付済",
                "審査中",
                "差戻し",
                "受理",
                "不受理",
                "取下げ"
            ]
        );
        for s in FilingStatus::ALL {
            assert_eq!(FilingStatus::parse(s.as_str()), Some(s));
            assert_eq!(
                serde_json::to_value(s).unwrap(),
                serde_json::Value::String(s.as_str().into())
            );
        }
        assert_eq!(Returned.next_actor(), Some(Actor::Applicant));
        assert_eq!(UnderReview.next_actor(), Some(Actor::Reviewer));
        assert_eq!(Accepted.next_actor(), None);
        assert_eq!(next_actor_label(Accepted), text::NEXT_ACTOR_NONE());
        assert_eq!(
            serde_json::to_value(CopyToNewDraft).unwrap(),
            "copy_to_new_draft"
        );
        for a in Action::ALL {
            assert_eq!(serde_json::to_value(a).unwrap(), a.as_str());
        }
    }
}
