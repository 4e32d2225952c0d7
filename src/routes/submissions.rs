use leptos::prelude::*;

use crate::app::AppContext;
use crate::components::notice::Notice;
use crate::components::page::PageHeading;
use crate::text as t;

/// 「届書・申請書検索一覧」: the first page after sign-in. Filings arrive with the form and
/// tracking features; until then it says honestly that there is nothing yet.
#[component]
pub fn SubmissionsPage() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let notice = ctx.take_flash();
    view! {
        <div class="todoke-page">
            <Notice message=notice />
            <PageHeading text=t::SUBMISSIONS_TITLE />
            <div class="todoke-empty">
                <p class="todoke-empty__title">{t::SUBMISSIONS_EMPTY}</p>
                <p>{t::SUBMISSIONS_EMPTY_HINT}</p>
            </div>
        </div>
    }
}
