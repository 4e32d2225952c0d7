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

/// Where a chunk's loading is, and its view once it has arrived (handed out once, to be
/// mounted): what both components below render from.
#[derive(Clone, Copy)]
struct ChunkView {
    state: RwSignal<Loading>,
    view: StoredValue<Option<AnyView>, LocalStorage>,
}

impl ChunkView {
    fn load(load: PageLoader) -> Self {
        let chunk = ChunkView {
            state: RwSignal::new(Loading::Pending),
            view: StoredValue::new_local(None),
        };
        chunk.reload(load);
        chunk
    }

    fn reload(self, load: PageLoader) {
        self.state.set(Loading::Pending);
        run_loader(load, move |result| match result {
            Ok(view) => {
                self.view.set_value(Some(view));
                self.state.set(Loading::Ready);
            }
            Err(ChunkFailed) => self.state.set(Loading::Failed),
        });
    }

    fn take(self) -> Option<AnyView> {
        self.view.try_update_value(Option::take).flatten()
    }
}

#[component]
pub fn PageChunk(load: PageLoader) -> impl IntoView {
    let chunk = ChunkView::load(load);
    move || match chunk.state.get() {
        Loading::Pending => view! {
            <p class="todoke-loading" role="status">{t::LOADING()}</p>
        }
        .into_any(),
        Loading::Ready => chunk.take().unwrap_or_else(|| ().into_any()),
        Loading::Failed => view! {
            <div class="todoke-page">
                <PageHeading text=t::PAGE_CHUNK_FAILED_TITLE() has_errors=true />
                <p role="alert">{t::PAGE_CHUNK_FAILED_BODY()}</p>
                <p>
                    <button
                        id="todoke-chunk-retry"
                        type="button"
                        class="todoke-button"
                        on:click=move |_| chunk.reload(load)
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
    let chunk = ChunkView::load(load);
    move || {
        (chunk.state.get() == Loading::Ready)
            .then(|| chunk.take())
            .flatten()
    }
}
