//! Small DOM effects the pages need: the document title and moving focus.

use crate::text as t;
use wasm_bindgen::JsCast;

/// Sets `<title>` to 「(エラー：)ページ名 | サービス名」 so screen-reader users hear where they
/// are and whether the page shows errors.
pub fn set_title(page: &str, has_errors: bool) {
    let prefix = if has_errors { t::ERROR_PREFIX() } else { "" };
    leptos::prelude::document().set_title(&format!("{prefix}{page} | {}", t::SERVICE_NAME()));
}

/// Focuses the element with `id` and scrolls it into view, on the next frame so that it exists.
pub fn focus_by_id(id: &str) {
    let id = id.to_string();
    leptos::prelude::request_animation_frame(move || {
        if let Some(el) = leptos::prelude::document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
            el.scroll_into_view_with_bool(true);
        }
    });
}

/// Whether the browser keeps a cookie for this site: a short-lived test cookie is written,
/// read back and removed.
pub fn cookies_work() -> bool {
    let Some(document) = leptos::prelude::document()
        .dyn_into::<web_sys::HtmlDocument>()
        .ok()
    else {
        return false;
    };
    let _ = document.set_cookie("todoke_check=1; Path=/; Max-Age=60; SameSite=Lax");
    let kept = document
        .cookie()
        .is_ok_and(|c| c.split(';').any(|p| p.trim() == "todoke_check=1"));
    let _ = document.set_cookie("todoke_check=; Path=/; Max-Age=0; SameSite=Lax");
    kept
}

/// Takes away index.html's loading message (which stays, saying what to do, in a browser
/// that cannot run the app).
pub fn remove_boot_message(host: &web_sys::HtmlElement) {
    if let Ok(Some(boot)) = host.query_selector("[data-todoke-boot]") {
        boot.remove();
    }
}

/// Replaces the app with a message after a crash (a Rust panic aborts the module), so the user
/// sees what to do instead of a blank page. The technical detail goes into a data attribute.
pub fn show_crash(detail: &str) {
    let document = leptos::prelude::document();
    let Ok(div) = document.create_element("div") else {
        return;
    };
    let _ = div.set_attribute("class", "todoke todoke-crash");
    let _ = div.set_attribute("role", "alert");
    let _ = div.set_attribute("data-detail", detail);
    div.set_text_content(Some(t::APP_CRASHED()));
    let host = document
        .query_selector("[data-todoke-app]")
        .ok()
        .flatten()
        .or_else(|| document.body().map(Into::into));
    if let Some(host) = host {
        let _ = host.append_child(&div);
    }
}
