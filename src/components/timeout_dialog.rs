use leptos::prelude::*;
use std::time::Duration;

use crate::api;
use crate::context::AppContext;
use crate::hooks::fetch_quietly;
use crate::session::{IdlePhase, idle_phase};
use crate::text as t;

/// Warns before the idle timeout (WCAG 2.2.1) in a modal dialog that offers
/// 「ログインを延長する」; signs out when the time is up.
///
/// A little long: the idle tick, the effect that opens and closes the dialog, and its markup
/// belong together (the timing rule itself is `session::idle_phase`).
#[component]
pub fn TimeoutDialog() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let phase = RwSignal::new(IdlePhase::Active);

    if let Ok(handle) = set_interval_with_handle(
        move || {
            let Some(idle) = ctx
                .session
                .with_untracked(|s| s.info().map(|i| i.idle_timeout_secs))
            else {
                return;
            };
            phase.set(idle_phase(idle, api::now_ms() - api::last_activity_ms()));
        },
        Duration::from_secs(1),
    ) {
        on_cleanup(move || handle.clear());
    }

    Effect::new(move |_| {
        let Some(d) = dialog.get() else { return };
        match phase.get() {
            IdlePhase::Warning(_) if !d.open() => {
                let _ = d.show_modal();
            }
            IdlePhase::Active if d.open() => d.close(),
            IdlePhase::Expired => {
                if d.open() {
                    d.close();
                }
                ctx.sign_out(t::SESSION_EXPIRED_NOTICE());
            }
            _ => {}
        }
    });

    let extend = move || {
        // Success refreshes the activity clock in `api`; the next tick closes the dialog.
        fetch_quietly(api::extend_session(), move |info| {
            ctx.session
                .set(crate::session::SessionState::SignedIn(info));
            phase.set(IdlePhase::Active);
        });
    };

    view! {
        <dialog
            node_ref=dialog
            class="todoke-dialog"
            aria-labelledby="todoke-timeout-title"
            aria-describedby="todoke-timeout-body"
            on:cancel=move |ev: leptos::ev::Event| {
                // Esc means the user is here: treat it as extending, not as ignoring the warning.
                ev.prevent_default();
                extend();
            }
        >
            <h2 id="todoke-timeout-title" class="todoke-dialog__title">
                {t::TIMEOUT_DIALOG_TITLE()}
            </h2>
            <p id="todoke-timeout-body">
                {move || match phase.get() {
                    IdlePhase::Warning(left) => t::timeout_dialog_body(left),
                    _ => String::new(),
                }}
            </p>
            <div class="todoke-button-group">
                <button id="todoke-timeout-extend" type="button" class="todoke-button" on:click=move |_| extend()>
                    {t::TIMEOUT_EXTEND()}
                </button>
                <button
                    type="button"
                    class="todoke-button todoke-button--secondary"
                    on:click=move |_| ctx.sign_out(t::LOGGED_OUT_NOTICE())
                >
                    {t::TIMEOUT_LOGOUT_NOW()}
                </button>
            </div>
        </dialog>
    }
}
