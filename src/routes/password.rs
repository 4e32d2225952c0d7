use crate::router::use_navigate;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use todoke_core::api::PasswordChangeRequest;
use todoke_core::password::{PasswordPolicy, field};

use crate::api;
use crate::components::error_summary::ErrorSummary;
use crate::components::fields::PasswordField;
use crate::components::form::FormErrors;
use crate::components::page::PageHeading;
use crate::context::AppContext;
use crate::hooks::{SubmitOptions, fetch_quietly, use_submit};
use crate::session::{START_PATH, SessionState};
use crate::text as t;

const FIELDS: [&str; 3] = [field::CURRENT, field::NEW, field::CONFIRMATION];
const RULES_ID: &str = "todoke-password-rules";

/// 「パスワード変更」: forced after the first sign-in, available later from the header.
///
/// Long for its markup (three password fields around the rules checklist); the logic is the
/// core's `check_change` and one `use_submit`.
#[component]
pub fn PasswordPage() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let navigate = use_navigate();
    let policy = RwSignal::new(PasswordPolicy::default());
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let must_change = ctx
        .session
        .with_untracked(|s| s.info().is_some_and(|i| i.must_change_password));

    // The server's policy is authoritative; the default is the same rule unless a bureau changed it.
    fetch_quietly(api::password_policy(), move |p| {
        policy.set(PasswordPolicy {
            min_len: p.min_len,
            max_len: p.max_len,
        })
    });

    let send = move |()| {
        let user_id = ctx.session.with_untracked(|s| {
            s.info()
                .map(|i| i.account.user_id.clone())
                .unwrap_or_default()
        });
        let req = PasswordChangeRequest {
            current_password: current.get_untracked(),
            new_password: new.get_untracked(),
            new_password_confirmation: confirmation.get_untracked(),
        };
        if let Err(fields) = policy.with_untracked(|p| {
            p.check_change(
                &user_id,
                &req.current_password,
                &req.new_password,
                &req.new_password_confirmation,
            )
        }) {
            errors.set(FormErrors::from_fields(fields));
            return None;
        }
        Some(async move { api::change_password(&req).await })
    };
    let changed = move |info| {
        errors.set(FormErrors::default());
        ctx.flash
            .set(Some(t::PASSWORD_CHANGED_NOTICE().to_string()));
        ctx.session.set(SessionState::SignedIn(info));
        navigate(START_PATH, Default::default());
    };
    let change = use_submit(
        send,
        changed,
        SubmitOptions::default()
            .on_error(move |e| errors.set(FormErrors::from_client_error(&e, field::CURRENT))),
    );
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        change.run(());
    };
    let pending = change.pending;

    let error_for =
        move |name: &'static str| Signal::derive(move || errors.with(|e| e.first_for(name)));
    let has_errors = Signal::derive(move || !errors.with(FormErrors::is_empty));
    view! {
        <div class="todoke-page todoke-page--narrow">
            <ErrorSummary items=Signal::derive(move || errors.with(|e| e.summary(&FIELDS))) />
            <PageHeading text=t::PASSWORD_CHANGE_TITLE() has_errors />
            {must_change.then(|| view! { <p class="todoke-lead">{t::PASSWORD_CHANGE_LEAD()}</p> })}
            <form class="todoke-form" novalidate on:submit=on_submit>
                <PasswordField
                    name=field::CURRENT
                    label=t::CURRENT_PASSWORD_LABEL()
                    hint=t::CURRENT_PASSWORD_HINT()
                    value=current
                    error=error_for(field::CURRENT)
                    autocomplete="current-password"
                />
                <PasswordField
                    name=field::NEW
                    label=t::NEW_PASSWORD_LABEL()
                    value=new
                    error=error_for(field::NEW)
                    autocomplete="new-password"
                    described_by_extra=RULES_ID
                />
                <PasswordRules policy new />
                <PasswordField
                    name=field::CONFIRMATION
                    label=t::NEW_PASSWORD_CONFIRMATION_LABEL()
                    hint=t::NEW_PASSWORD_CONFIRMATION_HINT()
                    value=confirmation
                    error=error_for(field::CONFIRMATION)
                    autocomplete="new-password"
                />
                <button type="submit" class="todoke-button" aria-disabled=move || pending.get().then_some("true")>
                    {move || if pending.get() { t::PASSWORD_CHANGING() } else { t::PASSWORD_CHANGE_BUTTON() }}
                </button>
            </form>
        </div>
    }
}

/// The policy as a live checklist: each rule shows, in text and not by colour alone, whether
/// the new password meets it yet. Not a live region: it would talk over every keystroke.
#[component]
fn PasswordRules(policy: RwSignal<PasswordPolicy>, new: RwSignal<String>) -> impl IntoView {
    view! {
        <div id=RULES_ID class="todoke-rules">
            <p class="todoke-rules__title">{t::PASSWORD_RULES_HEADING()}</p>
            <ul class="todoke-rules__list">
                {move || {
                    let candidate = new.get();
                    policy
                        .with(|p| p.checklist(&candidate))
                        .into_iter()
                        .map(|(rule, met)| {
                            view! {
                                <li class="todoke-rules__item" class:todoke-rules__item--met=met>
                                    <span class="todoke-rules__mark" aria-hidden="true">
                                        {if met { "✓" } else { "・" }}
                                    </span>
                                    {rule.describe()}
                                    <span class="todoke-rules__state">
                                        {if met { t::RULE_MET() } else { t::RULE_NOT_MET() }}
                                    </span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <p class="todoke-hint">{t::PASSWORD_RULE_EXTRA()}</p>
        </div>
    }
}
