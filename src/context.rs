//! State every page shares, provided once by the app shell (`app::App`) and read with
//! `expect_context::<AppContext>()`.

use leptos::prelude::*;
use leptos::task::spawn_local;
use todoke_core::api::ErrorCode;

use crate::api::{self, ClientError};
use crate::session::SessionState;
use crate::text as t;

/// State every page shares. `Copy`, so closures can capture it freely.
#[derive(Clone, Copy)]
pub struct AppContext {
    pub session: RwSignal<SessionState>,
    /// A message for the next page to show once (e.g. 「ログアウトしました。」).
    pub flash: RwSignal<Option<String>>,
    /// Set while the service is outside its hours: the message to show instead of the pages.
    pub closed: RwSignal<Option<String>>,
    /// False until the first page has rendered; focus moves only on later navigations.
    pub navigated: StoredValue<bool>,
    /// Unread notices of status changes, counted in the header.
    pub unread: RwSignal<u64>,
    /// Reissue requests waiting for the reviewer's bureau, counted in the header.
    pub waiting_reissues: RwSignal<u64>,
    /// 利用開始届出 waiting for the bureau (reviewers only).
    pub waiting_start_of_use: RwSignal<u64>,
    /// What the page must do before the language switch reloads it (the wizard saves its
    /// draft): called with the reload, which it runs once its work succeeded.
    pub before_language_switch: StoredValue<Option<Callback<Callback<()>>>>,
}

impl AppContext {
    pub fn new() -> Self {
        Self {
            session: RwSignal::new(SessionState::Unknown),
            flash: RwSignal::new(None),
            closed: RwSignal::new(None),
            navigated: StoredValue::new(false),
            unread: RwSignal::new(0),
            waiting_reissues: RwSignal::new(0),
            waiting_start_of_use: RwSignal::new(0),
            before_language_switch: StoredValue::new(None),
        }
    }

    /// Takes the one-time message, if any.
    pub fn take_flash(&self) -> Option<String> {
        let m = self.flash.get_untracked();
        if m.is_some() {
            self.flash.set(None);
        }
        m
    }

    /// Handles the errors every page handles the same way: the service closing and the
    /// session ending. Returns true when it did; the page then shows nothing of its own.
    /// Page requests reach it through `crate::hooks`; the draft editor's saves call it directly.
    pub fn handle_common_error(&self, err: &ClientError) -> bool {
        match err.code() {
            Some(ErrorCode::ServiceClosed) => {
                self.closed.set(Some(err.message()));
                true
            }
            Some(ErrorCode::Unauthenticated) => {
                self.flash
                    .set(Some(t::SESSION_EXPIRED_NOTICE().to_string()));
                self.session.set(SessionState::Anonymous);
                true
            }
            _ => false,
        }
    }

    /// Switches the whole app to `lang`: the page saves what it holds first (the wizard's
    /// draft), then the same address loads again in the new language. A failed save shows its
    /// own message and the page stays as it is.
    pub fn switch_language(&self, lang: todoke_core::text::Lang, base_path: String) {
        let reload = Callback::new(move |_| crate::language::switch_to(lang, &base_path));
        match self.before_language_switch.get_value() {
            Some(prepare) => prepare.run(reload),
            None => reload.run(()),
        }
    }

    /// Signs out on the server (best effort), then locally with `notice` for the login page.
    pub fn sign_out(&self, notice: &'static str) {
        let ctx = *self;
        // Not a page request (`crate::hooks`): the local sign-out follows whatever the server answered.
        spawn_local(async move {
            let _ = api::logout().await;
            ctx.flash.set(Some(notice.to_string()));
            ctx.session.set(SessionState::Anonymous);
        });
    }
}
