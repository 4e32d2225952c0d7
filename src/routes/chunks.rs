//! Which pages load on demand. The login and password pages and the shell around every page
//! are in the module the browser fetches first (the shell's parts for a signed-in user are not); each page below is cut, at its `#[wasm_split]`
//! function, into the wasm chunk it names by the build (`xtask/src/spa_wasm.rs`), and fetched the
//! first time a route shows it (`crate::components::page_chunk`). Code that several chunks use
//! goes into shared chunks, fetched with the first page that needs it.
//!
//! A build that does not split (e.g. `cargo check`, native unit tests) calls these functions
//! directly.

use leptos::prelude::*;

use crate::components::header::{AccountBanner, AccountLinks};
use crate::components::page_chunk::{ChunkFailed, PageLoader};
use crate::components::timeout_dialog::TimeoutDialog;
use crate::routes::{
    connection_check::ConnectionCheckPage, manual::ManualPage, notices::NoticesPage,
    procedures::ProceduresPage, reissue_request::ReissueRequestPage,
    reissue_review::ReissueRequestsPage, review::ReviewFilingPage,
    start_of_use_request::StartOfUseRequestPage, start_of_use_review::StartOfUseRequestsPage,
    submission::SubmissionPage, submissions::SubmissionsPage, wizard::DraftShell,
};

/// `chunk: fn_name => page;` makes a split function `fn_name` in wasm chunk `chunk` that builds
/// `page`, and a `PageLoader` constant of the same name in upper case. Pages that name the same
/// chunk share it.
macro_rules! page_chunks {
    ($($chunk:ident: $page_fn:ident, $loader:ident => $page:expr;)*) => {
        $(
            #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
            fn $page_fn() -> Result<AnyView, ChunkFailed> {
                Ok($page.into_any())
            }

            pub const $loader: PageLoader = || Box::pin($page_fn());
        )*
    };
}

page_chunks! {
    // An institution's pages and the wizard (the form engine's views): one journey, one chunk.
    applicant: filings_page, FILINGS => view! { <SubmissionsPage /> };
    applicant: procedures_page, PROCEDURES => view! { <ProceduresPage /> };
    applicant: filing_page, FILING => view! { <SubmissionPage /> };
    applicant: notices_page, NOTICES => view! { <NoticesPage /> };
    applicant: draft_shell, DRAFT_SHELL => view! { <DraftShell /> };
    // A bureau's pages.
    bureau: review_page, REVIEW => view! { <ReviewFilingPage /> };
    bureau: reissue_review_page, REISSUE_REVIEW => view! { <ReissueRequestsPage /> };
    bureau: start_of_use_review_page, START_OF_USE_REVIEW => view! { <StartOfUseRequestsPage /> };
    // The pages anyone opens without signing in: the two requests, the connection check and
    // the manual.
    public: reissue_request_page, REISSUE_REQUEST => view! { <ReissueRequestPage /> };
    public: start_of_use_request_page, START_OF_USE_REQUEST =>
        view! { <StartOfUseRequestPage /> };
    public: connection_check_page, CONNECTION_CHECK => view! { <ConnectionCheckPage /> };
    public: manual_page, MANUAL => view! { <ManualPage /> };
    // The shell's parts for a signed-in user (`crate::components::header`, the idle warning).
    signed_in: account_links, ACCOUNT_LINKS => view! { <AccountLinks /> };
    signed_in: account_banner, ACCOUNT_BANNER => view! { <AccountBanner /> };
    signed_in: timeout_dialog, TIMEOUT_DIALOG => view! { <TimeoutDialog /> };
}
