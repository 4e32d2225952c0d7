//! The filing wizard: one topic per page, 「次へ」 checks the page with the shared engine, every
//! page change saves the draft on the server, then 「入力内容の確認」 and 「提出する」.
//!
//! `DraftShell` (route `/drafts/:id`) loads the draft and the form once and provides a
//! [`DraftEditor`] to its child pages, so moving between pages keeps every value.

pub mod answers;
mod field;
pub mod page;
pub mod review;

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;
use todoke_core::api::{Draft, ErrorCode, FormBundle};
use todoke_core::forms::{Answers, CheckReport, check};
use todoke_core::service_hours::format_jst_minute;

/// How long after the last keystroke a draft saves itself.
const AUTOSAVE_AFTER: Duration = Duration::from_secs(8);

use crate::api::{self, ClientError};
use crate::context::AppContext;
use crate::hooks::{use_address, use_api, use_id_param};
use crate::paths::{Address, AppRoute, page_path};
use crate::text as t;

/// What the pages of one draft share.
#[derive(Clone, Copy)]
pub struct DraftEditor {
    pub id: i64,
    pub bundle: RwSignal<Option<FormBundle>>,
    pub answers: RwSignal<Answers>,
    /// The server's version of the draft this copy is based on.
    pub version: RwSignal<i64>,
    /// The shared check of the current answers, recomputed as the user types.
    pub report: Memo<Option<CheckReport>>,
    /// The outcome of the last save, for the status line.
    pub save_state: RwSignal<SaveState>,
    /// A notice for the next page (e.g. that full-width input was normalised).
    pub notice: RwSignal<Option<String>>,
    /// The pending autosave, restarted by every edit.
    autosave: StoredValue<Option<TimeoutHandle>>,
    /// True while a save is on its way: saves go one at a time, so two never race on a version.
    in_flight: StoredValue<bool>,
    app: AppContext,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    Idle,
    Saving,
    Saved(String),
    Conflict,
    Failed(String),
}

impl DraftEditor {
    fn new(id: i64, app: AppContext) -> Self {
        let bundle = RwSignal::new(None::<FormBundle>);
        let answers = RwSignal::new(Answers::new());
        let report = Memo::new(move |_| {
            bundle.with(|b| {
                b.as_ref()
                    .map(|b| answers.with(|a| check(&b.definition, a, &b.context)))
            })
        });
        Self {
            id,
            bundle,
            answers,
            version: RwSignal::new(0),
            report,
            save_state: RwSignal::new(SaveState::Idle),
            notice: RwSignal::new(None),
            autosave: StoredValue::new(None),
            in_flight: StoredValue::new(false),
            app,
        }
    }

    fn apply(&self, draft: &Draft) {
        self.version.set(draft.version);
        self.save_state
            .set(SaveState::Saved(format_jst_minute(draft.updated_at)));
    }

    /// Changes the answers as the user typed, and saves them on the server a few seconds after
    /// the last edit, so that a long page is never lost to a timeout or a closed tab (and the
    /// save keeps the session alive while the user works).
    pub fn edit(&self, f: impl FnOnce(&mut Answers)) {
        self.answers.update(f);
        if let Some(handle) = self.autosave.get_value() {
            handle.clear();
        }
        let editor = *self;
        let handle = set_timeout_with_handle(move || editor.save_then(|| ()), AUTOSAVE_AFTER).ok();
        self.autosave.set_value(handle);
    }

    /// Saves in the background, then runs `then` once the server has the answers (「次へ」,
    /// 「戻る」, 「一時保存」, the autosave timer).
    pub fn save_then(&self, then: impl FnOnce() + 'static) {
        let editor = *self;
        in_background(async move { editor.save().await }, then);
    }

    /// After a conflict, the user chose to keep this screen's answers: take the server's
    /// current version number and save over it, in the background.
    pub fn overwrite(&self) {
        let editor = *self;
        in_background(async move { editor.overwrite_now().await }, || ());
    }

    /// Saves the answers; true when the server has them. A stale version (another tab saved
    /// meanwhile) is reported as a conflict and the answers on this screen are kept.
    pub async fn save(&self) -> bool {
        while self.in_flight.get_value() {
            gloo_timers::future::TimeoutFuture::new(50).await;
        }
        self.in_flight.set_value(true);
        let saved = self.save_now().await;
        self.in_flight.set_value(false);
        saved
    }

    async fn save_now(&self) -> bool {
        self.save_state.set(SaveState::Saving);
        let answers = self.answers.get_untracked();
        match api::save_draft(self.id, &answers, self.version.get_untracked()).await {
            Ok(draft) => {
                self.apply(&draft);
                true
            }
            Err(e) => {
                self.report_save_error(&e);
                false
            }
        }
    }

    async fn overwrite_now(&self) -> bool {
        match api::draft(self.id).await {
            Ok(latest) => {
                self.version.set(latest.version);
                self.save().await
            }
            Err(e) => {
                self.report_save_error(&e);
                false
            }
        }
    }

    fn report_save_error(&self, e: &ClientError) {
        if self.app.handle_common_error(e) {
            return;
        }
        self.save_state
            .set(if e.code() == Some(ErrorCode::DraftConflict) {
                SaveState::Conflict
            } else {
                SaveState::Failed(e.message())
            });
    }
}

/// Runs a save, then `then` if it succeeded. Saves are the editor's own machinery, not page
/// requests (`crate::hooks`): one at a time, timed by the autosave, their outcome (a conflict
/// included) reported in the status line through `save_state`.
fn in_background(save: impl Future<Output = bool> + 'static, then: impl FnOnce() + 'static) {
    spawn_local(async move {
        if save.await {
            then();
        }
    });
}

/// `/drafts/:id`: loads the draft and its form, then shows the child page.
#[component]
pub fn DraftShell() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let id = use_id_param();
    let editor = DraftEditor::new(id, ctx);
    provide_context(editor);
    // A language switch reloads the page: save the answers first (once they have loaded, so
    // an empty screen never overwrites the draft), and stay if the save fails.
    ctx.before_language_switch
        .set_value(Some(Callback::new(move |reload: Callback<()>| {
            if editor.bundle.with_untracked(Option::is_some) {
                editor.save_then(move || reload.run(()));
            } else {
                reload.run(());
            }
        })));
    on_cleanup(move || {
        if let Some(handle) = editor.autosave.try_get_value().flatten() {
            handle.clear();
        }
        ctx.before_language_switch.try_set_value(None);
    });

    let load = use_api(
        move || async move {
            let draft = api::draft(id).await?;
            let bundle = api::form_bundle(&draft.form_id).await?;
            Ok::<_, ClientError>((draft, bundle))
        },
        move |(draft, bundle): (Draft, FormBundle)| {
            let mut answers = draft.answers.clone();
            // The account's own code, filled in for the user (the check would use it anyway).
            if let Some(code) = &bundle.context.institution_code {
                answers
                    .entry("institution_code")
                    .or_insert_with(|| serde_json::Value::String(code.to_string()));
            }
            editor.answers.set(answers);
            editor.version.set(draft.version);
            editor.bundle.set(Some(bundle));
        },
    );
    let load_error = load.error;

    view! {
        {move || load_error.get().map(|m| view! {
            <div class="todoke-page">
                <h1 class="todoke-heading">{t::NOT_FOUND_TITLE()}</h1>
                <p>{m}</p>
            </div>
        })}
        <Show
            when=move || editor.bundle.with(Option::is_some)
            fallback=move || view! { <p class="todoke-loading" hidden=move || load_error.with(Option::is_some)>{t::LOADING()}</p> }
        >
            <DraftChild />
        </Show>
    }
}

/// Which of a draft's screens its address shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum DraftScreen {
    Start,
    Page,
    Review,
}

/// The draft's screen inside its shell: built anew when the user moves between the start, a
/// page and the review, not when moving from page to page (the page follows its address).
#[component]
fn DraftChild() -> impl IntoView {
    let address = use_address();
    let screen = Memo::new(move |_| {
        address.with(|a| match a {
            Address::Page(AppRoute::DraftPage { .. }) => DraftScreen::Page,
            Address::Page(AppRoute::DraftReview(_)) => DraftScreen::Review,
            _ => DraftScreen::Start,
        })
    });
    move || match screen.get() {
        DraftScreen::Start => view! { <DraftStart /> }.into_any(),
        DraftScreen::Page => view! { <page::WizardPage /> }.into_any(),
        DraftScreen::Review => view! { <review::ReviewPage /> }.into_any(),
    }
}

/// `/drafts/:id`: continues a draft from its first page (links from the list land here).
#[component]
pub fn DraftStart() -> impl IntoView {
    let editor = expect_context::<DraftEditor>();
    let navigate = crate::router::use_navigate();
    Effect::new(move |_| {
        if let Some(first) = editor.bundle.with(|b| {
            b.as_ref()
                .and_then(|b| b.definition.pages.first().map(|p| p.id.clone()))
        }) {
            navigate(
                &page_path(editor.id, &first),
                crate::router::NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
    view! { <p class="todoke-loading">{t::LOADING()}</p> }
}

/// The save status line under the buttons, announced politely.
#[component]
pub fn SaveStatus() -> impl IntoView {
    let editor = expect_context::<DraftEditor>();
    let overwrite = move |_| editor.overwrite();
    view! {
        <div class="todoke-save-status" role="status">
            {move || match editor.save_state.get() {
                SaveState::Idle => ().into_any(),
                SaveState::Saving => view! { <p>{t::SAVING()}</p> }.into_any(),
                SaveState::Saved(at) => view! { <p>{t::saved_at(&at)}</p> }.into_any(),
                SaveState::Failed(m) => view! { <p class="todoke-error-message">{m}</p> }.into_any(),
                SaveState::Conflict => view! {
                    <div class="todoke-conflict">
                        <p class="todoke-error-message">{t::DRAFT_CONFLICT()}</p>
                        <button id="todoke-overwrite" type="button" class="todoke-button todoke-button--secondary" on:click=overwrite>
                            {t::CONFLICT_OVERWRITE()}
                        </button>
                    </div>
                }.into_any(),
            }}
        </div>
    }
}
