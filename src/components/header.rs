use crate::router::Link;
use leptos::prelude::*;
use todoke_core::api::{Role, SessionInfo};
use todoke_core::service_hours::format_jst_datetime;
use todoke_core::text::Lang;

use crate::components::page_chunk::PartChunk;
use crate::context::AppContext;
use crate::hooks::fetch_quietly;
use crate::paths::AppRoute;
use crate::routes::chunks;
use crate::text as t;

/// The service header: name, the manual link at top right, and sign-out; for a signed-in user
/// also [`AccountLinks`] and [`AccountBanner`], which load with the pages that need a session
/// (`crate::routes::chunks`), not with the login page.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let signed_in = move || ctx.session.with(|s| s.info().is_some());
    view! {
        <div class="todoke-header__bar">
            <p class="todoke-header__service">
                <Link href=AppRoute::Filings.href()>{t::SERVICE_NAME()}</Link>
            </p>
            <nav class="todoke-header__nav" aria-label=t::NAV_LABEL()>
                <ul>
                    <li>
                        <LanguageSwitch />
                    </li>
                    <li>
                        <Link href=AppRoute::Manual.href() attr:id="todoke-manual-link">{t::MANUAL_LINK()}</Link>
                    </li>
                    <Show when=signed_in>
                        <PartChunk load=chunks::ACCOUNT_LINKS />
                    </Show>
                    <Show when=signed_in>
                        <li>
                            <button
                                id="todoke-logout"
                                type="button"
                                class="todoke-button todoke-button--secondary todoke-button--small"
                                on:click=move |_| ctx.sign_out(t::LOGGED_OUT_NOTICE())
                            >
                                {t::LOGOUT()}
                            </button>
                        </li>
                    </Show>
                </ul>
            </nav>
        </div>
        <Show when=signed_in>
            <PartChunk load=chunks::ACCOUNT_BANNER />
        </Show>
    }
}

/// The header's items for a signed-in user: notices with the unread count (applicants), the
/// requests waiting for a decision (bureaus), the password change. The counts follow every
/// page change, so a status change shows up without a reload.
#[component]
pub fn AccountLinks() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let info = move || ctx.session.with(|s| s.info().cloned());
    let is_applicant =
        move || info().is_some_and(|i| !i.must_change_password && i.account.institution.is_some());
    let is_reviewer =
        move || info().is_some_and(|i| !i.must_change_password && i.account.role == Role::Reviewer);
    let url = crate::router::use_url();
    let path = Memo::new(move |_| url.with(|u| u.path.clone()));
    Effect::new(move |_| {
        path.track();
        if is_applicant() {
            fetch_quietly(crate::api::unread_notices(), move |n| ctx.unread.set(n));
        } else if is_reviewer() {
            use todoke_core::api::endpoints::{
                REVIEW_REISSUE_REQUESTS, REVIEW_START_OF_USE_REQUESTS,
            };
            fetch_quietly(
                crate::api::waiting_requests(&REVIEW_REISSUE_REQUESTS),
                move |n| ctx.waiting_reissues.set(n),
            );
            fetch_quietly(
                crate::api::waiting_requests(&REVIEW_START_OF_USE_REQUESTS),
                move |n| ctx.waiting_start_of_use.set(n),
            );
        }
    });
    view! {
        <Show when=is_applicant>
            <li>
                <Link href=AppRoute::Notices.href() attr:id="todoke-notices-link">{move || t::notices_link(ctx.unread.get())}</Link>
            </li>
        </Show>
        <Show when=is_reviewer>
            <li>
                <Link href=AppRoute::ReissueRequests.href() attr:id="todoke-reissue-requests-link">{move || t::reissue_review_nav(ctx.waiting_reissues.get())}</Link>
            </li>
            <li>
                <Link href=AppRoute::StartOfUseRequests.href() attr:id="todoke-start-of-use-requests-link">{move || t::start_review_nav(ctx.waiting_start_of_use.get())}</Link>
            </li>
        </Show>
        <Show when=move || info().is_some_and(|i| !i.must_change_password)>
            <li>
                <Link href=AppRoute::PasswordChange.href()>{t::PASSWORD_CHANGE_TITLE()}</Link>
            </li>
        </Show>
    }
}

/// Offers the other language, named in itself (「English」 on the Japanese pages, 「日本語」 on
/// the English ones). The page saves what it holds, then loads again in that language.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let config = expect_context::<crate::config::AppConfig>();
    let other = match crate::language::current() {
        Lang::Ja => Lang::En,
        Lang::En => Lang::Ja,
    };
    view! {
        <button
            id="todoke-language-switch"
            type="button"
            class="todoke-button todoke-button--secondary todoke-button--small"
            lang=other.tag()
            on:click=move |_| ctx.switch_language(other, config.base_path.clone())
        >
            {other.endonym()}
        </button>
    }
}

/// Who is signed in: the institution (or bureau), the user ID and the last sign-in.
#[component]
pub fn AccountBanner() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    move || {
        ctx.session
            .with(|s| s.info().cloned())
            .map(|info| view! { <AccountDetails info /> })
    }
}

#[component]
fn AccountDetails(info: SessionInfo) -> impl IntoView {
    let last_login = info
        .previous_login_at
        .map(format_jst_datetime)
        .unwrap_or_else(|| t::HEADER_FIRST_LOGIN().to_string());
    let who = match (&info.account.institution, info.account.role) {
        (Some(inst), _) => view! {
            <div>
                <dt class="todoke-visually-hidden">{t::HEADER_INSTITUTION_NAME()}</dt>
                <dd class="todoke-account__name">{inst.name.clone()}</dd>
            </div>
            <div>
                <dt>{t::HEADER_INSTITUTION_CODE()}</dt>
                <dd>{inst.code.to_string()}</dd>
            </div>
            <div>
                <dt>{t::HEADER_CLASS()}</dt>
                <dd>{inst.class.label()}</dd>
            </div>
        }
        .into_any(),
        (None, Role::Reviewer) => view! {
            <div>
                <dt class="todoke-visually-hidden">{t::HEADER_BUREAU()}</dt>
                <dd class="todoke-account__name">
                    {info.account.display_name.clone().unwrap_or_default()}
                </dd>
            </div>
        }
        .into_any(),
        (None, _) => ().into_any(),
    };
    view! {
        <section class="todoke-account" aria-label=t::ACCOUNT_INFO_LABEL()>
            <dl class="todoke-account__list">
                {who}
                <div>
                    <dt>{t::USER_ID_LABEL()}</dt>
                    <dd>{info.account.user_id.clone()}</dd>
                </div>
                <div>
                    <dt>{t::HEADER_LAST_LOGIN()}</dt>
                    <dd>{last_login}</dd>
                </div>
            </dl>
        </section>
    }
}
