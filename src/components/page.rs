use leptos::prelude::*;

use crate::context::AppContext;
use crate::dom;

/// The page's `<h1>`. It sets the document title (prefixed 「エラー：」 while the page shows
/// errors) and takes focus after every route change, so screen readers announce the new page.
#[component]
pub fn PageHeading(
    #[prop(into)] text: String,
    #[prop(into, default = Signal::stored(false))] has_errors: Signal<bool>,
) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let title = text.clone();
    Effect::new(move |_| dom::set_title(&title, has_errors.get()));
    // The first page of a visit keeps the browser's own focus; later pages move it here.
    if ctx.navigated.get_value() {
        dom::focus_by_id("todoke-page-heading");
    }
    ctx.navigated.set_value(true);
    view! {
        <h1 id="todoke-page-heading" class="todoke-heading" tabindex="-1">
            {text}
        </h1>
    }
}
