use leptos::prelude::*;

use crate::text as t;

/// Shown instead of the pages while the service is outside its hours: when it reopens, not a
/// broken page.
#[component]
pub fn ServiceClosed(message: String) -> impl IntoView {
    crate::dom::set_title(t::SERVICE_CLOSED_TITLE(), false);
    view! {
        <div class="todoke-page todoke-closed">
            <h1 id="todoke-closed-title" class="todoke-heading" tabindex="-1">
                {t::SERVICE_CLOSED_TITLE()}
            </h1>
            <p>{message}</p>
        </div>
    }
}
