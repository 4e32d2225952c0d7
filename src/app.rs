//! The application shell: the layout, routing and page guards. Shared state is `crate::context`.

use leptos::prelude::*;
use leptos::task::spawn_local;
use todoke_core::api::ErrorCode;

use crate::api;
use crate::components::header::SiteHeader;
use crate::components::page_chunk::{PageChunk, PageLoader, PartChunk};
use crate::config::AppConfig;
use crate::context::AppContext;
use crate::hooks::CurrentAddress;
use crate::paths::{Address, AppRoute};
use crate::router::{NavigateOptions, use_navigate, use_url};
use crate::routes::{
    chunks, login::LoginPage, not_found::NotFound, password::PasswordPage,
    service_closed::ServiceClosed,
};
use crate::session::{PageAccess, SessionState, redirect_for};
use crate::text as t;

#[component]
pub fn App(config: AppConfig) -> impl IntoView {
    let ctx = AppContext::new();
    provide_context(ctx);
    provide_context(config.clone());
    crate::router::start(&config);

    // The start-up sequence, not a page request (`crate::hooks`): the service status and the
    // session, asked at once (one round trip before the login form, not two) and applied in
    // that order, so that a closed service never shows the login page first.
    spawn_local(async move {
        let (status, session) =
            futures_util::future::join(api::service_status(), api::current_session()).await;
        if let Ok(status) = status
            && !status.open
        {
            ctx.closed.set(status.message);
        }
        let state = match session {
            Ok(info) => SessionState::SignedIn(info),
            Err(e) => {
                // No session yet is the normal start, not an expiry: only a closed service needs saying.
                if e.code() == Some(ErrorCode::ServiceClosed) {
                    ctx.handle_common_error(&e);
                }
                SessionState::Anonymous
            }
        };
        ctx.session.set(state);
    });

    view! {
        <div class="todoke" lang=crate::language::current().tag()>
            <Layout embedded=config.embedded />
        </div>
    }
}

#[component]
fn Layout(embedded: bool) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let signed_in = move || ctx.session.with(|s| s.info().is_some());

    let content = view! {
        <a
            id="todoke-skip-link"
            class="todoke-skip-link"
            href="#todoke-main"
            on:click=|ev| {
                ev.prevent_default();
                crate::dom::focus_by_id("todoke-main");
            }
        >
            {t::SKIP_TO_MAIN()}
        </a>
        {if embedded {
            view! {
                <div class="todoke-header" role="region" aria-label=t::HEADER_REGION_LABEL()>
                    <SiteHeader />
                </div>
            }
                .into_any()
        } else {
            view! {
                <header class="todoke-header">
                    <SiteHeader />
                </header>
            }
                .into_any()
        }}
        <Main embedded />
        <Show when=signed_in>
            <PartChunk load=chunks::TIMEOUT_DIALOG />
        </Show>
    };
    content
}

#[component]
fn Main(embedded: bool) -> impl IntoView {
    let routes = view! { <Pages /> };
    // The closed page sits inside the main landmark, so the skip link and `main` always have a
    // target; the pages stay mounted (hidden) so that nothing typed is lost while closed.
    let ctx = expect_context::<AppContext>();
    let content = view! {
        <Show when=move || ctx.closed.with(Option::is_some)>
            <ServiceClosed message=ctx.closed.get_untracked().unwrap_or_default() />
        </Show>
        <div class="todoke-main-wrap" hidden=move || ctx.closed.with(Option::is_some)>
            {routes}
        </div>
    };
    if embedded {
        view! { <div id="todoke-main" class="todoke-main" role="region" aria-label=t::SERVICE_SHORT() tabindex="-1">{content}</div> }.into_any()
    } else {
        view! { <main id="todoke-main" class="todoke-main" tabindex="-1">{content}</main> }
            .into_any()
    }
}

/// The page the address shows. A page is built anew when its screen changes
/// (`Address::screen`: another page, another id), not when only its query does.
#[component]
fn Pages() -> impl IntoView {
    let config = expect_context::<AppConfig>();
    let url = use_url();
    let address = Memo::new(move |_| {
        url.with(|u| {
            config
                .below_base(&u.path)
                .map_or(Address::Unknown, Address::parse)
        })
    });
    provide_context(CurrentAddress(address));
    let screen = Memo::new(move |_| address.with(Address::screen));
    move || page(screen.get())
}

/// The route table: each page behind its guard, from its chunk unless it is in the first download.
fn page(screen: Address) -> AnyView {
    use PageAccess::{Public, SignedIn};
    let route = match screen {
        Address::Root => return view! { <RootRedirect /> }.into_any(),
        Address::Unknown => {
            return view! { <Guard access=Public><NotFound /></Guard> }.into_any();
        }
        Address::Page(route) => route,
    };
    match route {
        AppRoute::Login => {
            view! { <Guard access=PageAccess::SignedOutOnly><LoginPage /></Guard> }.into_any()
        }
        AppRoute::PasswordChange => {
            view! { <Guard access=PageAccess::PasswordChange><PasswordPage /></Guard> }.into_any()
        }
        AppRoute::Filings => guarded(SignedIn, chunks::FILINGS),
        AppRoute::Procedures => guarded(SignedIn, chunks::PROCEDURES),
        AppRoute::Notices => guarded(SignedIn, chunks::NOTICES),
        AppRoute::Draft(_) | AppRoute::DraftPage { .. } | AppRoute::DraftReview(_) => {
            guarded(SignedIn, chunks::DRAFT_SHELL)
        }
        AppRoute::Submission(_) | AppRoute::SubmissionDone(_) => guarded(SignedIn, chunks::FILING),
        // A new page for every id (the screen includes it), so that a link from one filing to
        // another (the institution's other user IDs) loads the other.
        AppRoute::Review(_) => guarded(SignedIn, chunks::REVIEW),
        AppRoute::ReissueRequests => guarded(SignedIn, chunks::REISSUE_REVIEW),
        AppRoute::StartOfUseRequests => guarded(SignedIn, chunks::START_OF_USE_REVIEW),
        AppRoute::ReissueRequest => guarded(Public, chunks::REISSUE_REQUEST),
        AppRoute::StartOfUseRequest => guarded(Public, chunks::START_OF_USE_REQUEST),
        AppRoute::ConnectionCheck => guarded(Public, chunks::CONNECTION_CHECK),
        AppRoute::Manual => guarded(Public, chunks::MANUAL),
    }
}

/// A page from its chunk behind its guard: one function for every such page, so that the route
/// table does not build the guard's view once per page.
fn guarded(access: PageAccess, load: PageLoader) -> AnyView {
    view! { <Guard access><PageChunk load /></Guard> }.into_any()
}

/// Shows its page only to the states `access` allows, and sends everyone else where they
/// belong (`session::redirect_for`).
#[component]
fn Guard(access: PageAccess, children: ChildrenFn) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let navigate = use_navigate();
    let allowed = Memo::new(move |_| {
        ctx.session.with(|s| {
            let known = !matches!(s, SessionState::Unknown) || access == PageAccess::Public;
            known && redirect_for(access, s).is_none()
        })
    });
    Effect::new(move |_| {
        if let Some(to) = ctx.session.with(|s| redirect_for(access, s)) {
            navigate(
                to,
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
    view! {
        <Show when=move || allowed.get() fallback=|| view! { <p class="todoke-loading">{t::LOADING()}</p> }>
            {children()}
        </Show>
    }
}

/// `/`: the start page for signed-in users, the login page for everyone else.
#[component]
fn RootRedirect() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let to = match ctx.session.get() {
            SessionState::Unknown => return,
            SessionState::Anonymous => AppRoute::Login,
            SessionState::SignedIn(_) => AppRoute::Filings,
        };
        navigate(
            &to.path(),
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    });
    view! { <p class="todoke-loading">{t::LOADING()}</p> }
}
