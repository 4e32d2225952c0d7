use crate::router::Link;
use leptos::prelude::*;
use todoke_core::api::{FilingStatus, Notice, NoticeList};
use todoke_core::era::format_date;
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
                                <NoticeContent notice=n.clone() />
                                <p><Link href=AppRoute::Submission(n.submission_id).href()>{t::NOTICE_OPEN()}</Link></p>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </div>
    }
}

/// What the bureau said with the change: a return's comment, the items it commented on and its
/// deadline; a rejection's reason; an acceptance's 算定開始日.
#[component]
fn NoticeContent(notice: Notice) -> impl IntoView {
    let comment_label = match notice.status {
        FilingStatus::Rejected => t::REJECTION_REASON(),
        _ => t::NOTICE_COMMENT(),
    };
    let rows = [
        notice.comment.map(|c| (comment_label, c)),
        notice
            .deadline
            .map(|d| (t::RETURN_DEADLINE(), format_date(d))),
        notice
            .effective_date
            .map(|d| (t::EFFECTIVE_DATE(), format_date(d))),
    ];
    let fields = notice.field_comments;
    let has_any = rows.iter().any(Option::is_some) || !fields.is_empty();
    has_any.then(|| {
        view! {
            <dl class="todoke-notices__content">
                {rows.into_iter().flatten().map(|(k, v)| view! {
                    <div><dt>{k}</dt><dd class="todoke-notices__text">{v}</dd></div>
                }).collect_view()}
                {(!fields.is_empty()).then(|| view! {
                    <div>
                        <dt>{t::NOTICE_FIELD_COMMENTS()}</dt>
                        <dd>
                            <ul class="todoke-notices__fields">
                                {fields.into_iter().map(|f| view! {
                                    <li><strong>{f.label}</strong>{t::LABEL_VALUE_SEPARATOR()}{f.comment}</li>
                                }).collect_view()}
                            </ul>
                        </dd>
                    </div>
                })}
            </dl>
        }
    })
}
