//! Every page of the app as an [`AppRoute`]: its path is written once here, and links and
//! navigation name the page instead of a string (the router's table in `app.rs` matches the
//! same paths).

/// A page of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppRoute {
    Login,
    PasswordChange,
    /// The list of the account's filings (the start page once signed in).
    Filings,
    Procedures,
    Notices,
    Manual,
    /// 「接続確認」: the connection self-check, before signing in.
    ConnectionCheck,
    /// 再発行の申請 of a lost letter, without signing in.
    ReissueRequest,
    /// The bureau's list of reissue requests.
    ReissueRequests,
    /// 利用開始届出 (様式1), without signing in.
    StartOfUseRequest,
    /// The bureau's list of start-of-use notifications.
    StartOfUseRequests,
    /// A draft: opens its first page.
    Draft(i64),
    /// One page of a draft's wizard.
    DraftPage {
        draft: i64,
        page: String,
    },
    /// 「入力内容の確認」 of a draft.
    DraftReview(i64),
    Submission(i64),
    /// A submission just sent: the page shows the receipt.
    SubmissionDone(i64),
    /// A filing as the bureau reviews it.
    Review(i64),
}

impl AppRoute {
    /// The path below the router's base (`config::app_href` adds the base for links).
    pub fn path(&self) -> String {
        match self {
            Self::Login => "/login".into(),
            Self::PasswordChange => "/password".into(),
            Self::Filings => "/submissions".into(),
            Self::Procedures => "/procedures".into(),
            Self::Notices => "/notices".into(),
            Self::Manual => "/manual".into(),
            Self::ConnectionCheck => "/check".into(),
            Self::ReissueRequest => "/reissue".into(),
            Self::ReissueRequests => "/reissue-requests".into(),
            Self::StartOfUseRequest => "/start-of-use".into(),
            Self::StartOfUseRequests => "/start-of-use-requests".into(),
            Self::Draft(id) => format!("/drafts/{id}"),
            Self::DraftPage { draft, page } => format!("/drafts/{draft}/page/{page}"),
            Self::DraftReview(id) => format!("/drafts/{id}/review"),
            Self::Submission(id) => format!("/submissions/{id}"),
            Self::SubmissionDone(id) => format!("/submissions/{id}?done=1"),
            Self::Review(id) => format!("/review/{id}"),
        }
    }

    /// The link for `<A href=…>`, with the router's base.
    pub fn href(&self) -> String {
        crate::config::app_href(&self.path())
    }
}

/// Where a wizard page lives.
pub fn page_path(draft_id: i64, page_id: &str) -> String {
    AppRoute::DraftPage {
        draft: draft_id,
        page: page_id.to_string(),
    }
    .path()
}

/// 「入力内容の確認」 of a draft.
pub fn review_path(draft_id: i64) -> String {
    AppRoute::DraftReview(draft_id).path()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_have_the_paths_the_router_matches() {
        assert_eq!(AppRoute::Filings.path(), "/submissions");
        assert_eq!(page_path(7, "staff"), "/drafts/7/page/staff");
        assert_eq!(review_path(7), "/drafts/7/review");
        assert_eq!(AppRoute::SubmissionDone(3).path(), "/submissions/3?done=1");
        assert_eq!(AppRoute::Review(9).path(), "/review/9");
    }

    #[test]
    fn the_guards_send_people_to_these_pages() {
        use crate::session::{LOGIN_PATH, MANUAL_PATH, PASSWORD_PATH, START_PATH};
        assert_eq!(AppRoute::Login.path(), LOGIN_PATH);
        assert_eq!(AppRoute::PasswordChange.path(), PASSWORD_PATH);
        assert_eq!(AppRoute::Filings.path(), START_PATH);
        assert_eq!(AppRoute::Manual.path(), MANUAL_PATH);
    }
}
