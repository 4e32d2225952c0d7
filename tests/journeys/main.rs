//! Browser journeys: the release build of the SPA, served by the real server on a fresh SQLite
//! database, driven over WebDriver in headless Chromium (Edge's engine), headless Firefox
//! (firefox-esr, through geckodriver) and WebKitGTK (Safari's engine). Every page and error
//! state is checked with axe-core (WCAG 2.x A/AA), and the journeys use the keyboard: typing,
//! Tab and Enter.
#![cfg(not(target_arch = "wasm32"))]

/// Runs each journey once in Chromium, once in WebKitGTK and once in Firefox.
macro_rules! in_every_browser {
    ($($journey:ident),* $(,)?) => {
        mod chromium {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)] async fn $journey() { super::$journey(super::Browser::Chromium).await })*
        }
        mod webkit {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)] async fn $journey() { super::$journey(super::Browser::WebKit).await })*
        }
        mod firefox {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)] async fn $journey() { super::$journey(super::Browser::Firefox).await })*
        }
    };
}

mod embedding;
mod filing;
mod forced_colours;
mod harness;
mod host_resets;
mod language;
mod page_chunks;
mod reissue;
mod sign_in;
mod start_of_use;
mod tracking;
