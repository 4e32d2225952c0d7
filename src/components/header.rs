use leptos::prelude::*;
use leptos_router::components::A;
use todoke_core::api::{Role, SessionInfo};
use todoke_core::service_hours::format_jst_datetime;
use todoke_core::text::Lang;

use todoke_core::api::waiting;

use crate::context::AppContext;
use crate::hooks::fetch_quietly;
use crate::paths::AppRoute;
use crate::text as t;

/// The service header: name, the signed-in institution, the manual link at top right, and
/// sign-out.
#[component]
pub fn SiteHeader(#[prop(into)] on_logout: Callback<()>) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let info = move || ctx.session.with(|s| s.info().cloned());
    let is_applicant =
        move || info().is_some_and(|i| !i.must_change_password && i.account.institution.is_some());
    let is_reviewer =
        move || info().is_some_and(|i| !i.must_change_password && i.account.role == Role::Reviewer);
    // The unread count follows every page change, so a status change shows up without a reload.
    let location = leptos_router::hooks::use_location();
    Effect::new(move |_| {
        location.pathname.track();
        if is_applicant() {
            fetch_quietly(crate::api::notices(), move |list| {
                ctx.unread.set(list.unread)
            });
        } else if is_reviewer() {
            fetch_quietly(crate::api::reissue_requests(), move |list| {
                ctx.waiting_reissues
                    .set(waiting(list.requests.iter().map(|r| r.status)))
            });
            fetch_quietly(crate::api::start_of_use_requests(), move |list| {
                ctx.waiting_start_of_use
                    .set(waiting(list.requests.iter().map(|r| r.status)))
            });
        }
    });
    view! {
        <div class="todoke-header__bar">
            <p class="todoke-header__service">
                <A href=AppRoute::Filings.href()>{t::SERVICE_NAME()}</A>
            </p>
            <nav class="todoke-header__nav" aria-label=t::NAV_LABEL()>
                <ul>
                    <li>
                        <LanguageSwitch />
                    </li>
                    <li>
                        <A href=AppRoute::Manual.href()>{t::MANUAL_LINK()}</A>
                    </li>
                    <Show when=is_applicant>
                        <li>
                            <A href=AppRoute::Notices.href() attr:id="todoke-notices-link">{move || t::notices_link(ctx.unread.get())}</A>
                        </li>
                    </Show>
                    <Show when=is_reviewer>
                        <li>
                            <A href=AppRoute::ReissueRequests.href() attr:id="todoke-reissue-requests-link">{move || t::reissue_review_nav(ctx.waiting_reissues.get())}</A>
                        </li>
                        <li>
                            <A href=AppRoute::StartOfUseRequests.href() attr:id="todoke-start-of-use-requests-link">{move || t::start_review_nav(ctx.waiting_start_of_use.get())}</A>
                        </li>
                    </Show>
                    <Show when=move || info().is_some_and(|i| !i.must_change_password)>
                        <li>
                            <A href=AppRoute::PasswordChange.href()>{t::PASSWORD_CHANGE_TITLE()}</A>
                        </li>
                    </Show>
                    <Show when=move || info().is_some()>
                        <li>
                            <button
                                id="todoke-logout"
                                type="button"
                                class="todoke-button todoke-button--secondary todoke-button--small"
                                on:click=move |_| on_logout.run(())
                            >
                                {t::LOGOUT()}
                            </button>
                        </li>
                    </Show>
                </ul>
            </nav>
        </div>
        {move || info().map(|i| view! { <AccountBanner info=i /> })}
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

#[component]
fn AccountBanner(info: SessionInfo) -> impl IntoView {
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
