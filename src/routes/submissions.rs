use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use todoke_core::api::{FilingStatus, FilingSummary};
use todoke_core::service_hours::format_jst_datetime;

use crate::api;
use crate::app::AppContext;
use crate::components::notice::Notice;
use crate::components::page::PageHeading;
use crate::text as t;

/// 「届書・申請書検索一覧」: the first page after sign-in. Drafts and submissions together,
/// status in text; drafts continue where they were left.
#[component]
pub fn SubmissionsPage() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let notice = ctx.take_flash();
    let filings = RwSignal::new(None::<Vec<FilingSummary>>);
    let error = RwSignal::new(None::<String>);
    let is_applicant = ctx
        .session
        .with_untracked(|s| s.info().is_some_and(|i| i.account.institution.is_some()));
    if is_applicant {
        spawn_local(async move {
            match api::filings().await {
                Ok(f) => filings.set(Some(f)),
                Err(e) if ctx.handle_common_error(&e) => {}
                Err(e) => error.set(Some(e.message())),
            }
        });
    } else {
        filings.set(Some(Vec::new()));
    }
    view! {
        <div class="todoke-page">
            <Notice message=notice />
            <PageHeading text=t::SUBMISSIONS_TITLE />
            {is_applicant.then(|| view! {
                <p><A href="/procedures" attr:id="todoke-new-filing">{t::NEW_FILING_LINK}</A></p>
            })}
            {move || error.get().map(|m| view! { <div class="todoke-warning-text" role="alert"><p>{m}</p></div> })}
            {move || match filings.get() {
                None => view! { <p class="todoke-loading">{t::LOADING}</p> }.into_any(),
                Some(list) if list.is_empty() => view! {
                    <div class="todoke-empty">
                        <p class="todoke-empty__title">{t::SUBMISSIONS_EMPTY}</p>
                        <p>{t::SUBMISSIONS_EMPTY_HINT}</p>
                    </div>
                }.into_any(),
                Some(list) => view! { <FilingsTable list /> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn FilingsTable(list: Vec<FilingSummary>) -> impl IntoView {
    view! {
        <div class="todoke-table-wrap">
            <table class="todoke-table">
                <caption class="todoke-table__caption">{t::FILINGS_CAPTION}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t::PROCEDURE}</th>
                        <th scope="col">{t::STATUS}</th>
                        <th scope="col">{t::ARRIVAL_NUMBER}</th>
                        <th scope="col">{t::UPDATED_AT}</th>
                        <th scope="col">{t::ACTIONS}</th>
                    </tr>
                </thead>
                <tbody>
                    {list.into_iter().map(|f| {
                        let (href, label) = match f.status {
                            FilingStatus::Draft => (format!("/drafts/{}", f.id), t::continue_draft(&f.title)),
                            _ => (format!("/submissions/{}", f.id), format!("{}（{}）", t::VIEW_SUBMISSION, f.title)),
                        };
                        let link_text = match f.status { FilingStatus::Draft => t::CONTINUE_DRAFT, _ => t::VIEW_SUBMISSION };
                        view! {
                            <tr>
                                <td>{f.title.clone()}</td>
                                <td><span class="todoke-status">{f.status.label()}</span></td>
                                <td>{f.arrival_number.clone().unwrap_or_else(|| "—".to_string())}</td>
                                <td>{format_jst_datetime(f.updated_at)}</td>
                                <td><A href=href attr:aria-label=label>{link_text}</A></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
