//! The async state of the requests pages send, in the style of leptos-use: a hook returns the
//! signals a page shows (`pending`, `error`) and a `run`. Spawning the request, refusing a second
//! one while the first is on its way, and routing the errors every page handles alike
//! ([`AppContext::handle_common_error`]: the service closed, the session ended) happen here, once.
//!
//! * [`use_submit`]: a request the user sends (sign in, withdraw, start a form…).
//! * [`use_api`]: a GET the page makes when it opens, and again on `run(())`.
//! * [`fetch_quietly`]: a request the page can do without; its failure shows nothing.
//!
//! [`SubmitOptions`] covers the pages that differ: a message slot shared with another request,
//! failures shown as field errors, buttons that never waited for the previous answer.
//!
//! Elsewhere `spawn_local` stays only where something else is going on: the start-up sequence
//! (`app`), signing out (`context`) and the draft editor's saves (`routes::wizard`).

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;

use crate::api::ClientError;
use crate::context::AppContext;
use crate::paths::Address;

type Handler<T> = Rc<dyn Fn(T)>;

/// A request a page sends: whether one is on its way, the message of the last failure, and
/// [`Request::run`]. `Copy`, so views and handlers capture it freely.
pub struct Request<I: 'static> {
    /// True while a request is on its way.
    pub pending: Signal<bool>,
    /// The Japanese message of the last failure the page shows itself (see [`SubmitOptions`]).
    pub error: Signal<Option<String>>,
    run: StoredValue<Handler<I>, LocalStorage>,
}

impl<I> Clone for Request<I> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I> Copy for Request<I> {}

impl<I: 'static> Request<I> {
    /// Sends the request for `input`, unless one is on its way (for an exclusive request) or the
    /// page's own check refused it. Nothing happens once the page that made it is gone.
    pub fn run(&self, input: I) {
        if let Some(run) = self.run.try_get_value() {
            run(input);
        }
    }
}

/// How a request differs from the usual: exclusive, common errors routed to the app, any
/// other failure's message in [`Request::error`].
#[derive(Default)]
pub struct SubmitOptions {
    error: Option<RwSignal<Option<String>>>,
    on_error: Option<Handler<ClientError>>,
    every_error: bool,
    concurrent: bool,
}

impl SubmitOptions {
    /// Failure messages go to `slot`, which the page shares with its other requests.
    pub fn error_into(mut self, slot: RwSignal<Option<String>>) -> Self {
        self.error = Some(slot);
        self
    }

    /// The page shows failures its own way (e.g. as field errors); the common errors still go
    /// to the app first.
    pub fn on_error(mut self, f: impl Fn(ClientError) + 'static) -> Self {
        self.on_error = Some(Rc::new(f));
        self
    }

    /// Every failure goes to `f`, the common errors included: for a page that has always shown
    /// them in its own error summary.
    pub fn on_every_error(mut self, f: impl Fn(ClientError) + 'static) -> Self {
        self.every_error = true;
        self.on_error(f)
    }

    /// A second run may start while one is on its way: for loaders, and for the buttons that
    /// never waited for the previous answer.
    pub fn concurrent(mut self) -> Self {
        self.concurrent = true;
        self
    }
}

/// A request the page sends on `run(input)`. `send` makes the request, or returns `None` when
/// the page's own check refuses (having shown why); `on_ok` takes the answer. A failure is a
/// common error (handled by the app, the page shows nothing), else the page's: its message
/// in `error` or `options`' handler.
pub fn use_submit<I, T, Fut>(
    send: impl Fn(I) -> Option<Fut> + 'static,
    on_ok: impl Fn(T) + 'static,
    options: SubmitOptions,
) -> Request<I>
where
    Fut: Future<Output = Result<T, ClientError>> + 'static,
    T: 'static,
{
    // The page's functions behind `dyn` from here on: the request's plumbing below is then
    // one copy per answer type, not one per page's closure (it is in every page's code).
    let send: Rc<dyn Fn(I) -> Option<Pending<T>>> =
        Rc::new(move |input| send(input).map(|f| Box::pin(f) as Pending<T>));
    submit(send, Rc::new(on_ok), options)
}

/// A request on its way, its type erased.
type Pending<T> = std::pin::Pin<Box<dyn Future<Output = Result<T, ClientError>>>>;

/// [`use_submit`] once the page's functions are behind `dyn`.
fn submit<I: 'static, T: 'static>(
    send: Rc<dyn Fn(I) -> Option<Pending<T>>>,
    on_ok: Handler<T>,
    options: SubmitOptions,
) -> Request<I> {
    let ctx = expect_context::<AppContext>();
    let in_flight = RwSignal::new(0_u32);
    let error = options.error.unwrap_or_else(|| RwSignal::new(None));
    let on_error = options
        .on_error
        .unwrap_or_else(|| Rc::new(move |e: ClientError| error.set(Some(e.message()))));
    let (every_error, concurrent) = (options.every_error, options.concurrent);
    let run: Handler<I> = Rc::new(move |input: I| {
        if !concurrent && in_flight.get_untracked() > 0 {
            return;
        }
        let Some(request) = send(input) else {
            return;
        };
        in_flight.update(|n| *n += 1);
        let (on_ok, on_error) = (on_ok.clone(), on_error.clone());
        spawn_local(async move {
            match request.await {
                Ok(value) => on_ok(value),
                Err(e) if !every_error && ctx.handle_common_error(&e) => {}
                Err(e) => on_error(e),
            }
            in_flight.update(|n| *n -= 1);
        });
    });
    Request {
        pending: Signal::derive(move || in_flight.get() > 0),
        error: error.into(),
        run: StoredValue::new_local(run),
    }
}

/// [`use_api_with_options`] with the usual options.
pub fn use_api<T, Fut>(
    fetch: impl Fn() -> Fut + 'static,
    on_ok: impl Fn(T) + 'static,
) -> Request<()>
where
    Fut: Future<Output = Result<T, ClientError>> + 'static,
    T: 'static,
{
    use_api_with_options(fetch, on_ok, SubmitOptions::default())
}

/// What the page loads as it opens (a GET, or two in a row), now and again on `run(())`;
/// errors as [`use_submit`]. Never exclusive: a reload does not wait for the first load.
pub fn use_api_with_options<T, Fut>(
    fetch: impl Fn() -> Fut + 'static,
    on_ok: impl Fn(T) + 'static,
    options: SubmitOptions,
) -> Request<()>
where
    Fut: Future<Output = Result<T, ClientError>> + 'static,
    T: 'static,
{
    let load = use_submit(move |()| Some(fetch()), on_ok, options.concurrent());
    load.run(());
    load
}

/// A request the page works without (the server's password policy, the unread count, the
/// server's pre-submit check…): `on_ok` takes the answer; a failure shows nothing, not even a
/// common error — the page's own requests report those.
pub fn fetch_quietly<T: 'static>(
    request: impl Future<Output = Result<T, ClientError>> + 'static,
    on_ok: impl FnOnce(T) + 'static,
) {
    quietly::<T>(Box::pin(request), Box::new(on_ok));
}

/// [`fetch_quietly`] with its arguments' types erased: one copy per answer type.
fn quietly<T: 'static>(request: Pending<T>, on_ok: Box<dyn FnOnce(T)>) {
    spawn_local(async move {
        if let Ok(value) = request.await {
            on_ok(value);
        }
    });
}

/// The address being shown, as the app's route table reads it (`crate::app` provides it).
#[derive(Clone, Copy)]
pub struct CurrentAddress(pub Memo<Address>);

/// The address being shown (see [`CurrentAddress`]).
pub fn use_address() -> Memo<Address> {
    expect_context::<CurrentAddress>().0
}

/// The id in the page's address (`/submissions/:id`, `/drafts/:id`…), 0 when there is none.
pub fn use_id_param() -> i64 {
    use_address().with_untracked(Address::id).unwrap_or(0)
}
