use crate::router::Link;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use todoke_core::api::LoginRequest;

use crate::api;
use crate::components::error_summary::ErrorSummary;
use crate::components::fields::{PasswordField, TextField};
use crate::components::form::FormErrors;
use crate::components::notice::Notice;
use crate::components::page::PageHeading;
use crate::config::app_href;
use crate::context::AppContext;
use crate::hooks::{SubmitOptions, use_submit};
use crate::paths::AppRoute;
use crate::session::{MANUAL_PATH, SessionState};
use crate::text as t;

const FIELDS: [&str; 2] = ["user_id", "password"];

/// 「ログイン」: user ID and password from the mailed letter.
#[component]
pub fn LoginPage() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let user_id = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let notice = ctx.take_flash();

    let login = use_submit(
        move |()| {
            let req = LoginRequest {
                user_id: user_id.get_untracked(),
                password: password.get_untracked(),
            };
            // The same presence check the server makes; whether the ID and password match is the server's call.
            if let Err(fields) = req.check() {
                errors.set(FormErrors::from_fields(fields));
                return None;
            }
            Some(async move { api::login(&req).await })
        },
        // The page guard moves on to the password change or the start page.
        move |info| ctx.session.set(SessionState::SignedIn(info)),
        SubmitOptions::default()
            .on_error(move |e| errors.set(FormErrors::from_client_error(&e, "user_id"))),
    );
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        login.run(());
    };
    let pending = login.pending;

    let has_errors = Signal::derive(move || !errors.with(FormErrors::is_empty));
    view! {
        <div class="todoke-page todoke-page--narrow">
            <ErrorSummary items=Signal::derive(move || errors.with(|e| e.summary(&FIELDS))) />
            <Notice message=notice />
            <PageHeading text=t::LOGIN_TITLE() has_errors />
            <p class="todoke-lead">{t::LOGIN_LEAD()}</p>
            <form class="todoke-form" novalidate on:submit=on_submit>
                <TextField
                    name="user_id"
                    label=t::USER_ID_LABEL()
                    hint=t::USER_ID_HINT()
                    value=user_id
                    error=Signal::derive(move || errors.with(|e| e.first_for("user_id")))
                    autocomplete="username"
                />
                <PasswordField
                    name="password"
                    label=t::PASSWORD_LABEL()
                    value=password
                    error=Signal::derive(move || errors.with(|e| e.first_for("password")))
                    autocomplete="current-password"
                />
                <button type="submit" class="todoke-button" aria-disabled=move || pending.get().then_some("true")>
                    {move || if pending.get() { t::LOGGING_IN() } else { t::LOGIN_BUTTON() }}
                </button>
            </form>
            <section class="todoke-help" aria-labelledby="todoke-login-help">
                <h2 id="todoke-login-help" class="todoke-heading-m">{t::LOGIN_HELP_HEADING()}</h2>
                <p>{t::LOGIN_HELP_LOST()}</p>
                <p>
                    <Link href=AppRoute::ReissueRequest.href() attr:id="todoke-reissue-link">{t::REISSUE_LINK()}</Link>
                </p>
                <p>
                    <Link href=AppRoute::StartOfUseRequest.href() attr:id="todoke-start-of-use-link">{t::START_LINK()}</Link>
                </p>
                <p>
                    <Link href=app_href(MANUAL_PATH)>{t::MANUAL_LINK()}</Link>
                </p>
                <p>
                    <Link href=AppRoute::ConnectionCheck.href() attr:id="todoke-check-link">{t::CHECK_LINK()}</Link>
                </p>
            </section>
        </div>
    }
}
