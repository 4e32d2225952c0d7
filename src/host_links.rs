//! Leaves the host page's links to the browser. The router listens for clicks on the whole
//! window and takes every same-origin link that starts with the base path as a string, and every
//! fragment link; on a bureau's page that breaks links beside the app (`/todoke-news.html`) and
//! the bureau's own skip link. Before the click reaches the window, a listener on the document
//! marks each link [`AppConfig::routes_link`] says is not the app's with `target="_self"` (which
//! the browser treats as no target and the router leaves alone) until the click is over.

use crate::config::{AppConfig, LinkTarget};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// Installs the listener; call once, before the app (and its router) is mounted.
pub fn leave_host_links_to_the_browser(config: &AppConfig) {
    let config = config.clone();
    let listener = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        let Some(anchor) = clicked_anchor(&ev) else {
            return;
        };
        if !anchor.target().is_empty() || anchor.href().is_empty() {
            return;
        }
        let Some((page, link)) = page_and_link(&anchor) else {
            return;
        };
        if config.routes_link(&page, &link) {
            return;
        }
        let _ = anchor.set_attribute("target", "_self");
        // The browser reads the target when it follows the link, after every listener ran.
        let restore = Closure::once_into_js(move || {
            let _ = anchor.remove_attribute("target");
        });
        let _ = leptos::prelude::window().set_timeout_with_callback(restore.unchecked_ref());
    });
    let _ = leptos::prelude::document()
        .add_event_listener_with_callback("click", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// The outermost `<a>` on the event's path, as the router picks it.
fn clicked_anchor(ev: &web_sys::MouseEvent) -> Option<web_sys::HtmlAnchorElement> {
    let path = ev.composed_path();
    (0..path.length())
        .rev()
        .find_map(|i| path.get(i).dyn_into::<web_sys::HtmlAnchorElement>().ok())
}

/// The page's and the link's path, query and fragment, when the link is same-origin (the
/// router leaves other origins to the browser already).
fn page_and_link(anchor: &web_sys::HtmlAnchorElement) -> Option<(LinkTarget, LinkTarget)> {
    let location = leptos::prelude::window().location();
    if anchor.origin() != location.origin().ok()? {
        return None;
    }
    let page = LinkTarget {
        path: location.pathname().ok()?,
        search: location.search().ok()?,
        has_fragment: false,
    };
    let link = LinkTarget {
        path: anchor.pathname(),
        search: anchor.search(),
        has_fragment: anchor.href().contains('#'),
    };
    Some((page, link))
}
