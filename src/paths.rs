//! Every page of the app as an [`AppRoute`]: its path is written once here, and links and
//! navigation name the page instead of a string. [`Address::parse`] reads a path back into the
//! page it shows: the app's route table (`app.rs` matches on it, one plain `match` instead of
//! the router's generic route tree, a copy of the matching code per route).

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

    /// The link for `<Link href=…>`, with the router's base.
    pub fn href(&self) -> String {
        crate::config::app_href(&self.path())
    }
}

/// What the address bar shows, read by [`Address::parse`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Address {
    /// `/`: sends each user to their start page.
    Root,
    Page(AppRoute),
    /// A path that is no page of the app.
    Unknown,
}

impl Address {
    /// The page at `path`, a URL path below the router's base (the query and fragment left
    /// out); the inverse of [`AppRoute::path`]. A trailing slash is ignored, as the router did;
    /// an id that is not a number is no page.
    pub fn parse(path: &str) -> Self {
        let path = path.trim_end_matches('/');
        if path.is_empty() {
            return Self::Root;
        }
        let Some(rest) = path.strip_prefix('/') else {
            return Self::Unknown;
        };
        let segments: Vec<&str> = rest.split('/').collect();
        let id = |s: &str| s.parse::<i64>().ok();
        let page = match segments.as_slice() {
            ["login"] => Some(AppRoute::Login),
            ["password"] => Some(AppRoute::PasswordChange),
            ["submissions"] => Some(AppRoute::Filings),
            ["procedures"] => Some(AppRoute::Procedures),
            ["notices"] => Some(AppRoute::Notices),
            ["manual"] => Some(AppRoute::Manual),
            ["check"] => Some(AppRoute::ConnectionCheck),
            ["reissue"] => Some(AppRoute::ReissueRequest),
            ["reissue-requests"] => Some(AppRoute::ReissueRequests),
            ["start-of-use"] => Some(AppRoute::StartOfUseRequest),
            ["start-of-use-requests"] => Some(AppRoute::StartOfUseRequests),
            ["drafts", d] => id(d).map(AppRoute::Draft),
            ["drafts", d, "page", page] if !page.is_empty() => {
                id(d).map(|draft| AppRoute::DraftPage {
                    draft,
                    page: (*page).to_string(),
                })
            }
            ["drafts", d, "review"] => id(d).map(AppRoute::DraftReview),
            ["submissions", s] => id(s).map(AppRoute::Submission),
            ["review", r] => id(r).map(AppRoute::Review),
            _ => None,
        };
        page.map_or(Self::Unknown, Self::Page)
    }

    /// The screen that stays mounted while the address changes within it: a draft's wizard
    /// (its shell keeps the answers while the user moves between its pages); every other page
    /// is its own.
    pub fn screen(&self) -> Self {
        match self {
            Self::Page(AppRoute::DraftPage { draft: id, .. } | AppRoute::DraftReview(id)) => {
                Self::Page(AppRoute::Draft(*id))
            }
            other => other.clone(),
        }
    }

    /// The id in the address (a draft's, a submission's, a reviewed filing's).
    pub fn id(&self) -> Option<i64> {
        match self {
            Self::Page(
                AppRoute::Draft(id)
                | AppRoute::DraftPage { draft: id, .. }
                | AppRoute::DraftReview(id)
                | AppRoute::Submission(id)
                | AppRoute::SubmissionDone(id)
                | AppRoute::Review(id),
            ) => Some(*id),
            _ => None,
        }
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
    fn every_page_reads_back_from_its_path() {
        let pages = [
            AppRoute::Login,
            AppRoute::PasswordChange,
            AppRoute::Filings,
            AppRoute::Procedures,
            AppRoute::Notices,
            AppRoute::Manual,
            AppRoute::ConnectionCheck,
            AppRoute::ReissueRequest,
            AppRoute::ReissueRequests,
            AppRoute::StartOfUseRequest,
            AppRoute::StartOfUseRequests,
            AppRoute::Draft(12),
            AppRoute::DraftPage {
                draft: 12,
                page: "staff".into(),
            },
            AppRoute::DraftReview(12),
            AppRoute::Submission(3),
            AppRoute::Review(9),
        ];
        for page in pages {
            assert_eq!(
                Address::parse(&page.path()),
                Address::Page(page.clone()),
                "{page:?}"
            );
            assert_eq!(
                Address::parse(&format!("{}/", page.path())),
                Address::Page(page)
            );
        }
    }

    #[test]
    fn other_paths_are_the_root_or_no_page() {
        assert_eq!(Address::parse(""), Address::Root);
        assert_eq!(Address::parse("/"), Address::Root);
        for path in [
            "/nowhere",
            "/submissions/abc",
            "/review/",
            "/drafts/1/page",
            "/drafts/x/review",
            "/login/extra",
            "login",
            "/Submissions",
        ] {
            assert_eq!(Address::parse(path), Address::Unknown, "{path}");
        }
    }

    #[test]
    fn a_drafts_pages_share_its_screen() {
        let page = Address::parse("/drafts/5/page/staff");
        assert_eq!(page.screen(), Address::Page(AppRoute::Draft(5)));
        assert_eq!(Address::parse("/drafts/5/review").screen(), page.screen());
        assert_eq!(page.id(), Some(5));
        assert_eq!(
            Address::parse("/review/9").screen(),
            Address::Page(AppRoute::Review(9))
        );
        assert_eq!(Address::parse("/submissions").id(), None);
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
