//! The user's language: chosen with the switch in the header, remembered in a first-party
//! cookie (`todoke_lang`, under the app's base path), read once at start. Every request says it
//! in `Accept-Language`, so the server's messages come in the same language.
//!
//! A switch saves what the page holds on the server first (the wizard's draft), then reloads
//! the same address: every string is read again in the new language and the answers come back
//! from the draft.
// Native builds run only the unit tests; the cookie is read and written in the browser.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use todoke_core::text::Lang;
use todoke_core::text::lang;

/// The cookie that remembers the choice.
const COOKIE: &str = "todoke_lang";
/// A year, renewed at every switch. (Safari may cap script-set cookies at seven days; the app
/// then starts in Japanese again, and nothing else is lost.)
const MAX_AGE_SECONDS: u32 = 365 * 24 * 60 * 60;

/// The language a `document.cookie` string remembers, if any.
pub fn from_cookies(cookies: &str) -> Option<Lang> {
    cookies
        .split(';')
        .filter_map(|c| c.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .and_then(|(_, value)| Lang::parse(value))
}

/// The `document.cookie` assignment that remembers `lang` for the app under `base_path`.
pub fn cookie_for(lang: Lang, base_path: &str, secure: bool) -> String {
    let path = if base_path.is_empty() { "/" } else { base_path };
    let secure = if secure { "; Secure" } else { "" };
    format!(
        "{COOKIE}={}; Path={path}; Max-Age={MAX_AGE_SECONDS}; SameSite=Lax{secure}",
        lang.tag()
    )
}

/// The language the catalogue answers in now.
pub fn current() -> Lang {
    lang::current()
}

/// Reads the remembered choice and makes it the catalogue's language. A page of its own (not
/// embedded) also says it on `<html>`; an embedded app says it on its root only.
#[cfg(target_arch = "wasm32")]
pub fn start(embedded: bool) {
    use wasm_bindgen::JsCast;
    let document = leptos::prelude::document();
    let cookies = document
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|d| d.cookie().ok())
        .unwrap_or_default();
    let chosen = from_cookies(&cookies).unwrap_or_default();
    lang::set_default(chosen);
    if !embedded && let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", chosen.tag());
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn start(_embedded: bool) {}

/// Remembers `lang` and reloads the page at the same address.
#[cfg(target_arch = "wasm32")]
pub fn switch_to(lang: Lang, base_path: &str) {
    use wasm_bindgen::JsCast;
    let window = leptos::prelude::window();
    let secure = window.location().protocol().is_ok_and(|p| p == "https:");
    if let Some(d) = leptos::prelude::document().dyn_ref::<web_sys::HtmlDocument>() {
        let _ = d.set_cookie(&cookie_for(lang, base_path, secure));
    }
    let _ = window.location().reload();
}

#[cfg(not(target_arch = "wasm32"))]
pub fn switch_to(_lang: Lang, _base_path: &str) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_is_found_among_others() {
        assert_eq!(from_cookies("a=1; todoke_lang=en; b=2"), Some(Lang::En));
        assert_eq!(from_cookies("todoke_lang=ja"), Some(Lang::Ja));
        assert_eq!(from_cookies("todoke_lang=fr"), None);
        assert_eq!(from_cookies("xtodoke_lang=en"), None);
        assert_eq!(from_cookies(""), None);
    }

    #[test]
    fn the_cookie_lives_under_the_base_path() {
        assert_eq!(
            cookie_for(Lang::En, "/todoke", false),
            "todoke_lang=en; Path=/todoke; Max-Age=31536000; SameSite=Lax"
        );
        assert!(cookie_for(Lang::Ja, "", true).contains("Path=/;"));
        assert!(cookie_for(Lang::Ja, "", true).ends_with("; Secure"));
        for l in Lang::ALL {
            let c = cookie_for(l, "/x", false);
            assert_eq!(from_cookies(c.split(';').next().unwrap()), Some(l));
        }
    }
}
