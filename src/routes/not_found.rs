use crate::router::Link;
use leptos::prelude::*;

use crate::components::page::PageHeading;
use crate::config::app_href;
use crate::session::START_PATH;
use crate::text as t;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <div class="todoke-page">
            <PageHeading text=t::NOT_FOUND_TITLE() />
            <p>{t::NOT_FOUND_BODY()}</p>
            <p>
                <Link href=app_href(START_PATH)>{t::BACK_TO_TOP()}</Link>
            </p>
        </div>
    }
}
