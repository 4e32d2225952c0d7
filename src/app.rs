//! The application shell: the layout, routing and page guards. Shared state is `crate::context`.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::hooks::use_navigate;
use leptos_router::{NavigateOptions, path};
use todoke_core::api::ErrorCode;

use crate::api;
use crate::components::header::SiteHeader;
use crate::components::page_chunk::{PageChunk, PageLoader, PartChunk};
use crate::config::AppConfig;
use crate::context::AppContext;
use crate::paths::AppRoute;
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

    // The start-up sequence, not a page request (`crate::hooks`): the service status, then the
    // session, in that order.
    spawn_local(async move {
        if let Ok(status) = api::service_status().await
            && !status.open
        {
            ctx.closed.set(status.message);
        }
        let state = match api::current_session().await {
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
            <Router base=config.base_path.clone()>
                <Layout embedded=config.embedded />
            </Router>
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
    let routes = view! {
        <Routes fallback=|| view! { <Guard access=PageAccess::Public><NotFound /></Guard> }>
            <Route path=path!("/") view=RootRedirect />
            <Route
                path=path!("/login")
                view=|| view! { <Guard access=PageAccess::SignedOutOnly><LoginPage /></Guard> }
            />
            <Route
                path=path!("/password")
                view=|| view! { <Guard access=PageAccess::PasswordChange><PasswordPage /></Guard> }
            />
            <Route
                path=path!("/submissions")
                view=|| guarded(PageAccess::SignedIn, chunks::FILINGS)
            />
            <Route
                path=path!("/procedures")
                view=|| guarded(PageAccess::SignedIn, chunks::PROCEDURES)
            />
            <ParentRoute
                path=path!("/drafts/:id")
                view=|| guarded(PageAccess::SignedIn, chunks::DRAFT_SHELL)
            >
                <Route path=path!("") view=|| view! { <PageChunk load=chunks::DRAFT_START /> } />
                <Route path=path!("page/:page") view=|| view! { <PageChunk load=chunks::WIZARD_PAGE /> } />
                <Route path=path!("review") view=|| view! { <PageChunk load=chunks::WIZARD_REVIEW /> } />
            </ParentRoute>
            <Route
                path=path!("/submissions/:id")
                view=|| guarded(PageAccess::SignedIn, chunks::FILING)
            />
            <Route
                path=path!("/notices")
                view=|| guarded(PageAccess::SignedIn, chunks::NOTICES)
            />
            <Route
                path=path!("/review/:id")
                view=|| {
                    // A new page for every id, so that a link from one filing to another (the
                    // institution's other user IDs) loads the other.
                    let params = leptos_router::hooks::use_params_map();
                    view! {
                        <Guard access=PageAccess::SignedIn>
                            {move || params.with(|p| p.get("id")).map(|_| view! { <PageChunk load=chunks::REVIEW /> })}
                        </Guard>
                    }
                }
            />
            <Route
                path=path!("/reissue")
                view=|| guarded(PageAccess::Public, chunks::REISSUE_REQUEST)
            />
            <Route
                path=path!("/reissue-requests")
                view=|| guarded(PageAccess::SignedIn, chunks::REISSUE_REVIEW)
            />
            <Route
                path=path!("/start-of-use")
                view=|| guarded(PageAccess::Public, chunks::START_OF_USE_REQUEST)
            />
            <Route
                path=path!("/start-of-use-requests")
                view=|| guarded(PageAccess::SignedIn, chunks::START_OF_USE_REVIEW)
            />
            <Route
                path=path!("/check")
                view=|| guarded(PageAccess::Public, chunks::CONNECTION_CHECK)
            />
            <Route
                path=path!("/manual")
                view=|| guarded(PageAccess::Public, chunks::MANUAL)
            />
        </Routes>
    };
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

/// A page from its chunk behind its guard: one function for every such route, so that the route
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
