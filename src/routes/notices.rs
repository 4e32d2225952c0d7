use leptos::prelude::*;
use leptos_router::components::A;
use todoke_core::api::NoticeList;
use todoke_core::service_hours::format_jst_datetime;

use crate::api;
use crate::components::notice::ErrorAlert;
use crate::components::page::PageHeading;
use crate::context::AppContext;
use crate::hooks::use_api;
use crate::paths::AppRoute;
use crate::text as t;

/// 「お知らせ」: status changes of the user's filings, newest first, unread marked in text.
/// A notice is read once its filing is opened.
#[component]
pub fn NoticesPage() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let list = RwSignal::new(None::<NoticeList>);
    let load = use_api(api::notices, move |l: NoticeList| {
        ctx.unread.set(l.unread);
        list.set(Some(l));
    });
    view! {
        <div class="todoke-page">
            <PageHeading text=t::NOTICES_TITLE() />
            <ErrorAlert message=load.error />
            {move || match list.get() {
                None => view! { <p class="todoke-loading">{t::LOADING()}</p> }.into_any(),
                Some(l) if l.items.is_empty() => view! { <div class="todoke-empty"><p>{t::NOTICES_EMPTY()}</p></div> }.into_any(),
                Some(l) => view! {
                    <ul class="todoke-notices">
                        {l.items.into_iter().map(|n| view! {
                            <li class="todoke-notices__item" class:todoke-notices__item--unread=!n.read>
                                <p>
                                    <span class="todoke-status">{if n.read { t::NOTICE_READ() } else { t::NOTICE_UNREAD() }}</span>
                                    " "{format_jst_datetime(n.at)}
                                </p>
                                <p>{n.message.clone()}</p>
                                <p><A href=AppRoute::Submission(n.submission_id).href()>{t::NOTICE_OPEN()}</A></p>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </div>
    }
}
