//! A page whose code is in a wasm chunk of its own (`crate::routes::chunks`): it says that it is
//! loading while the chunk is fetched, and if the fetch fails (a dropped connection, a release
//! replaced meanwhile) it says so with a way to try again, instead of leaving a blank page.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;
use leptos::task::spawn_local_scoped;

use crate::components::page::PageHeading;
use crate::text as t;

/// The chunk holding a page could not be fetched or instantiated (the browser's console has the
/// reason). Not cached: loading again starts a new fetch.
#[derive(Debug, Clone, Copy)]
pub struct ChunkFailed;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkFailed
    }
}

/// Loads a page's chunk and builds the page (a `#[wasm_split]` function, boxed).
pub type PageLoader = fn() -> Pin<Box<dyn Future<Output = Result<AnyView, ChunkFailed>>>>;

/// Runs `load` and hands its result to `done`: at once when the chunk is already there (its
/// future is ready on the first poll, so moving between pages of one chunk shows no loading
/// line), otherwise when it arrives. Either way the page is built under the calling component's
/// owner (the task is scoped), so it finds the app's context and is cleaned up with the route.
fn run_loader(load: PageLoader, done: impl FnOnce(Result<AnyView, ChunkFailed>) + 'static) {
    let mut future = load();
    let mut first_poll = Context::from_waker(Waker::noop());
    match future.as_mut().poll(&mut first_poll) {
        Poll::Ready(result) => done(result),
        // The task polls again with a real waker before anything can complete.
        Poll::Pending => spawn_local_scoped(async move { done(future.await) }),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Loading {
    Pending,
    Ready,
    Failed,
}

#[component]
pub fn PageChunk(load: PageLoader) -> impl IntoView {
    let state = RwSignal::new(Loading::Pending);
    let page = StoredValue::new_local(None::<AnyView>);
    let fetch = move || {
        state.set(Loading::Pending);
        run_loader(load, move |result| match result {
            Ok(view) => {
                page.set_value(Some(view));
                state.set(Loading::Ready);
            }
            Err(ChunkFailed) => state.set(Loading::Failed),
        });
    };
    fetch();
    move || match state.get() {
        Loading::Pending => view! {
            <p class="todoke-loading" role="status">{t::LOADING()}</p>
        }
        .into_any(),
        Loading::Ready => page
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or_else(|| ().into_any()),
        Loading::Failed => view! {
            <div class="todoke-page">
                <PageHeading text=t::PAGE_CHUNK_FAILED_TITLE() has_errors=true />
                <p role="alert">{t::PAGE_CHUNK_FAILED_BODY()}</p>
                <p>
                    <button
                        id="todoke-chunk-retry"
                        type="button"
                        class="todoke-button"
                        on:click=move |_| fetch()
                    >
                        {t::PAGE_CHUNK_RETRY()}
                    </button>
                </p>
            </div>
        }
        .into_any(),
    }
}

/// A part of the shell from its chunk (the signed-in header items, the idle warning): nothing
/// while it loads. If its chunk fails, it stays away; the page itself says what failed, since
/// a page needs the same connection.
#[component]
pub fn PartChunk(load: PageLoader) -> impl IntoView {
    let ready = RwSignal::new(false);
    let part = StoredValue::new_local(None::<AnyView>);
    run_loader(load, move |result| {
        if let Ok(view) = result {
            part.set_value(Some(view));
            ready.set(true);
        }
    });
    move || {
        ready
            .get()
            .then(|| part.try_update_value(Option::take).flatten())
            .flatten()
    }
}
