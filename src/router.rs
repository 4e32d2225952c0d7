//! The app's router: the address bar, the history and in-app links. Which page an address shows
//! is `paths::Address`, matched in `app.rs`; this module only keeps the address in a signal.
//!
//! It replaces leptos_router, whose generic route matching, nested route views and link
//! handling were a fifth of the first download (the main module went from 179 to 144 KB brotli,
//! docs/benchmarks.md) for what the app uses of it: what is here. It also takes
//! only the app's own links: a click on a same-origin link is routed when
//! [`AppConfig::routes_link`] says so, so a bureau's links beside the app (`/todoke-news.html`)
//! and its skip link stay the browser's.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::config::{AppConfig, LinkTarget};

/// The address shown: its path (with the base path) and its query (without the `?`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Url {
    pub path: String,
    pub search: String,
}

/// The address in a signal, provided by [`start`].
#[derive(Clone, Copy)]
struct Router {
    url: RwSignal<Url>,
}

/// How [`use_navigate`]'s function moves.
#[derive(Debug, Clone, Copy)]
pub struct NavigateOptions {
    /// Replace the current history entry instead of adding one (redirects).
    pub replace: bool,
    /// Scroll to the top, or to the fragment's element (as following a link does).
    pub scroll: bool,
}

impl Default for NavigateOptions {
    fn default() -> Self {
        Self {
            replace: false,
            scroll: true,
        }
    }
}

/// Starts the router for the app under `config`: the address now, Back and Forward, and clicks
/// on the app's links. Call once, inside the app's owner.
pub fn start(config: &AppConfig) {
    let url = RwSignal::new(current_url());
    provide_context(Router { url });
    let history = window_event_listener(ev::popstate, move |_| url.set(current_url()));
    let config = config.clone();
    let links = window_event_listener(ev::click, move |ev| {
        if let Some(href) = routed_href(&ev, &config) {
            ev.prevent_default();
            go(url, &href, NavigateOptions::default());
        }
    });
    on_cleanup(move || {
        history.remove();
        links.remove();
    });
}

/// The address shown.
pub fn use_url() -> ReadSignal<Url> {
    expect_context::<Router>().url.read_only()
}

/// The query's parameters.
pub fn use_query_map() -> Memo<QueryMap> {
    let url = expect_context::<Router>().url;
    Memo::new(move |_| url.with(|u| QueryMap::parse(&u.search)))
}

/// A function that moves to an app path ("/submissions?page=2", below the base path).
pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone {
    let url = expect_context::<Router>().url;
    let config = expect_context::<AppConfig>();
    move |path: &str, options: NavigateOptions| go(url, &config.href(path), options)
}

/// A link within the app (`href` with the base path, as `AppRoute::href` gives it); marked
/// `aria-current="page"` while the address is the link's. Attributes given with `attr:` go on
/// the `<a>`.
#[component]
pub fn Link(#[prop(into)] href: String, children: Children) -> impl IntoView {
    let url = use_url();
    let target = link_url(&href);
    let current = move || url.with(|u| same_page(u, &target)).then_some("page");
    view! { <a href=href aria-current=current>{children()}</a> }
}

/// The path and query of an app link's `href` (its fragment left out).
fn link_url(href: &str) -> Url {
    let href = href.split('#').next().unwrap_or_default();
    let (path, search) = href.split_once('?').unwrap_or((href, ""));
    Url {
        path: path.to_string(),
        search: search.to_string(),
    }
}

/// Whether the address shown is `link`'s page: the same path (a trailing slash aside) and the
/// same query (the list's 「次のページ」 is not the page being shown).
fn same_page(shown: &Url, link: &Url) -> bool {
    shown.path.trim_end_matches('/') == link.path.trim_end_matches('/')
        && shown.search == link.search
}

/// Moves to `href` (a path with the base path, query and fragment as the page has them).
fn go(url: RwSignal<Url>, href: &str, options: NavigateOptions) {
    let window = window();
    let Ok(history) = window.history() else {
        return;
    };
    let here = window.location().href().unwrap_or_default();
    let pushed = if options.replace || absolute(href) == here {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
    } else {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
    };
    if pushed.is_err() {
        // An address the history refuses (another origin): let the browser go there.
        let _ = window.location().set_href(href);
        return;
    }
    url.set(current_url());
    if options.scroll {
        window.scroll_to_with_x_and_y(0.0, 0.0);
        // A fragment's element is on the new page, built after this: look for it a frame later.
        let fragment = window.location().hash().unwrap_or_default();
        if let Some(id) = fragment.strip_prefix('#').map(decode) {
            request_animation_frame(move || {
                if let Some(element) = document().get_element_by_id(&id) {
                    element.scroll_into_view();
                }
            });
        }
    }
}

/// `href` as the browser resolves it against the page's address.
fn absolute(href: &str) -> String {
    let base = window().location().href().unwrap_or_default();
    web_sys::Url::new_with_base(href, &base)
        .map(|u| u.href())
        .unwrap_or_default()
}

fn current_url() -> Url {
    let location = window().location();
    Url {
        path: location.pathname().unwrap_or_default(),
        search: location
            .search()
            .unwrap_or_default()
            .trim_start_matches('?')
            .to_string(),
    }
}

/// The address a click should move the app to: a plain left click on a same-origin link that
/// is the app's ([`AppConfig::routes_link`]), without `download` and with no target but
/// `_self`.
fn routed_href(ev: &web_sys::MouseEvent, config: &AppConfig) -> Option<String> {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.alt_key()
        || ev.ctrl_key()
        || ev.shift_key()
    {
        return None;
    }
    let anchor = clicked_anchor(ev)?;
    let target = anchor.target();
    if !(target.is_empty() || target == "_self")
        || anchor.has_attribute("download")
        || anchor.rel().split_whitespace().any(|r| r == "external")
    {
        return None;
    }
    let location = window().location();
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
    config
        .routes_link(&page, &link)
        .then(|| format!("{}{}{}", link.path, link.search, anchor.hash()))
}

/// The innermost `<a>` on the event's path (the link the user clicked).
fn clicked_anchor(ev: &web_sys::MouseEvent) -> Option<web_sys::HtmlAnchorElement> {
    let path = ev.composed_path();
    (0..path.length()).find_map(|i| path.get(i).dyn_into::<web_sys::HtmlAnchorElement>().ok())
}

/// A query's parameters, decoded (`+` and `%XX` as forms and `URLSearchParams` write them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryMap(Vec<(String, String)>);

impl QueryMap {
    /// Reads `search` (`a=1&b=%E6%97%A5`, with or without the leading `?`).
    pub fn parse(search: &str) -> Self {
        let pairs = search
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (decode(k), decode(v))
            })
            .collect();
        Self(pairs)
    }

    /// The value of `name`; the last one when the query repeats it (as leptos_router read it).
    pub fn get(&self, name: &str) -> Option<String> {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    }
}

fn decode(s: &str) -> String {
    let hex = |b: u8| (b as char).to_digit(16);
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = match bytes.get(i..i + 3) {
            Some([b'%', hi, lo]) => hex(*hi).zip(hex(*lo)).map(|(h, l)| (h * 16 + l) as u8),
            _ => None,
        };
        match (escaped, bytes[i]) {
            (Some(b), _) => {
                out.push(b);
                i += 3;
            }
            (None, b'+') => {
                out.push(b' ');
                i += 1;
            }
            (None, b) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_decode_as_forms_write_them() {
        let q = QueryMap::parse("?status=submitted&arrival_number=A%2D1+2&name=%E6%97%A5%E6%9C%AC");
        assert_eq!(q.get("status").as_deref(), Some("submitted"));
        assert_eq!(q.get("arrival_number").as_deref(), Some("A-1 2"));
        assert_eq!(q.get("name").as_deref(), Some("日本"));
        assert_eq!(q.get("missing"), None);
    }

    #[test]
    fn odd_queries_keep_what_they_can() {
        let q = QueryMap::parse("done&done=2&bad=%zz&cut=%4&=x&wide=%日");
        assert_eq!(q.get("done").as_deref(), Some("2"), "the last value wins");
        assert_eq!(q.get("bad").as_deref(), Some("%zz"));
        assert_eq!(q.get("cut").as_deref(), Some("%4"));
        assert_eq!(q.get("").as_deref(), Some("x"));
        assert_eq!(q.get("wide").as_deref(), Some("%日"));
        assert_eq!(QueryMap::parse(""), QueryMap::default());
    }

    #[test]
    fn a_link_is_current_on_its_own_page_only() {
        let shown = Url {
            path: "/todoke/submissions".into(),
            search: "page=2".into(),
        };
        assert!(same_page(&shown, &link_url("/todoke/submissions?page=2")));
        assert!(same_page(
            &shown,
            &link_url("/todoke/submissions/?page=2#results")
        ));
        assert!(!same_page(&shown, &link_url("/todoke/submissions?page=3")));
        assert!(!same_page(&shown, &link_url("/todoke/submissions")));
        assert!(!same_page(
            &shown,
            &link_url("/todoke/submissions/3?page=2")
        ));
    }

    #[test]
    fn the_query_map_reads_what_the_search_module_writes() {
        use todoke_core::api::FilingQuery;
        let query = FilingQuery {
            arrival_number: Some("日本 & 2026/12".into()),
            page: Some("2".into()),
            ..Default::default()
        };
        let map = QueryMap::parse(&crate::search::to_query_string(&query));
        assert_eq!(crate::search::from_params(|k| map.get(k)), query);
    }
}
