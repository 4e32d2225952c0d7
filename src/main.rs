//! Todoke single-page app: the browser side of the online application and notification system.
//!
//! It mounts into the host element the page marks with `data-todoke-app` (falling back to
//! `<body>`), reads its base path and API base from that element, and renders everything under
//! one `.todoke` root so that a bureau can embed it in its own pages.

mod api;
mod app;
mod components;
mod config;
mod context;
mod date_parts;
mod dom;
mod hooks;
mod language;
mod paths;
mod router;
mod routes;
mod search;
mod session;
mod text;

// Native builds exist only so the unit tests run with `cargo test`; the app runs in the browser.
fn main() {
    // A crash must not leave a blank page: say so in Japanese, keep the details for support.
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        dom::show_crash(&info.to_string());
    }));
    let (host, config) = config::AppConfig::from_host_element();
    dom::remove_boot_message(&host);
    language::start(config.embedded);
    api::set_base(&config.api_base);
    leptos::mount::mount_to(host, move || app::App(app::AppProps { config })).forget();
}
