//! 「利用開始届出」 for the bureau: each notification of its prefectures with the user ID it
//! replaces and that ID's 利用終了届出, accepted once the pair is complete (the operator's run
//! then ends the old ID and issues the new one) or rejected with a reason.

use crate::router::Link;
use leptos::prelude::*;
use todoke_core::api::{
    RequestStatus, StartOfUseRequestList, StartOfUseRequestRecord, start_of_use_blocker, waiting,
};
use todoke_core::service_hours::format_jst_datetime;

use crate::api;
use crate::components::filing::summary_row;
use crate::components::notice::ErrorAlert;
use crate::components::page::PageHeading;
use crate::components::request_decision::RequestDecision;
use crate::context::AppContext;
use crate::hooks::use_api;
use crate::paths::AppRoute;
use crate::text as t;

#[component]
pub fn StartOfUseRequestsPage() -> impl IntoView {
    let list = RwSignal::new(None::<Vec<StartOfUseRequestRecord>>);
    let flash = RwSignal::new(None::<&'static str>);
    let ctx = expect_context::<AppContext>();
    let load = use_api(
        api::start_of_use_requests,
        move |l: StartOfUseRequestList| list.set(Some(l.requests)),
    );
    // The header's count follows the decisions made here.
    Effect::new(move |_| {
        if let Some(l) = list.get() {
            ctx.waiting_start_of_use
                .set(waiting(l.iter().map(|r| r.status)));
        }
    });
    let on_decided = Callback::new(move |r: StartOfUseRequestRecord| {
        flash.set(Some(match r.status {
            RequestStatus::Rejected => t::REISSUE_REJECTED_FLASH(),
            _ => t::START_ACCEPTED_FLASH(),
        }));
        list.update(|l| {
            if let Some(slot) = l.iter_mut().flatten().find(|x| x.id == r.id) {
                *slot = r;
            }
        });
    });
    view! {
        <div class="todoke-page">
            <PageHeading text=t::START_REVIEW_TITLE() />
            <p class="todoke-lead">{t::START_REVIEW_LEAD()}</p>
            <div role="status">
                {move || flash.get().map(|m| view! { <div class="todoke-notice"><p>{m}</p></div> })}
            </div>
            <ErrorAlert message=load.error />
            {move || match list.get() {
                None => view! { <p class="todoke-loading">{t::LOADING()}</p> }.into_any(),
                Some(l) if l.is_empty() => view! { <div class="todoke-empty"><p>{t::START_REVIEW_EMPTY()}</p></div> }.into_any(),
                Some(l) => l.into_iter().map(|r| view! { <RequestCard request=r on_decided /> }).collect_view().into_any(),
            }}
        </div>
    }
}

/// The previous ID as registered: user ID, code and class, name, in use or ended.
fn previous_line(request: &StartOfUseRequestRecord) -> Option<String> {
    let typed = request.previous_user_id.clone()?;
    Some(match &request.previous {
        None => format!("{typed} {}", t::START_PREVIOUS_NOT_FOUND()),
        Some(p) => format!(
            "{} {} {} {}（{}）",
            p.user_id,
            p.institution_code,
            p.fee_schedule_class.label(),
            p.institution_name,
            if p.ended {
                t::START_PREVIOUS_ENDED()
            } else {
                t::START_PREVIOUS_IN_USE()
            }
        ),
    })
}

#[component]
fn RequestCard(
    request: StartOfUseRequestRecord,
    on_decided: Callback<StartOfUseRequestRecord>,
) -> impl IntoView {
    let heading_id = format!("todoke-start-of-use-{}", request.id);
    let labelled_by = heading_id.clone();
    let decidable = request.status == RequestStatus::Received;
    let blocker = start_of_use_blocker(&request).map(|f| f());
    let previous = previous_line(&request);
    // The pair's other half, linked to its review page.
    let end_of_use = request.reason.replaces_a_user_id().then(|| {
        match request.previous.as_ref().and_then(|p| p.end_of_use.clone()) {
            None => view! { <span>{t::START_END_OF_USE_NONE()}</span> }.into_any(),
            Some(f) => {
                let line = t::start_end_of_use_line(
                    &f.arrival_number,
                    f.status.label(),
                    f.last_day_of_use.as_deref().unwrap_or_default(),
                );
                view! { <Link href=AppRoute::Review(f.submission_id).href()>{line}</Link> }
                    .into_any()
            }
        }
    });
    view! {
        <section class="todoke-reissue" aria-labelledby=labelled_by>
            <h2 id=heading_id class="todoke-heading-m">
                {t::REISSUE_REQUEST_HEADING()}{t::LABEL_VALUE_SEPARATOR()}{request.reception_number.clone()}
            </h2>
            <dl class="todoke-summary-list">
                {summary_row(t::REISSUE_STATUS_LABEL(), request.status.label().to_string())}
                {summary_row(t::REISSUE_RECEIVED_AT_LABEL(), format_jst_datetime(request.received_at))}
                {summary_row(t::START_REASON(), request.reason.label().to_string())}
                {previous.map(|line| summary_row(t::START_PREVIOUS_LABEL(), line))}
                {end_of_use.map(|link| view! {
                    <div class="todoke-summary-list__row">
                        <dt class="todoke-summary-list__key">{t::START_END_OF_USE_LABEL()}</dt>
                        <dd class="todoke-summary-list__value">{link}</dd>
                    </div>
                })}
                {summary_row(
                    t::forms::INSTITUTION_CODE(),
                    format!("{} {}", request.institution_code, request.fee_schedule_class.label()),
                )}
                {summary_row(t::forms::INSTITUTION_NAME(), request.institution_name.clone())}
                {summary_row(
                    t::START_ADDRESS(),
                    format!("〒{} {}", request.postal_code, request.address),
                )}
                {summary_row(
                    t::REISSUE_CONTACT_LABEL(),
                    format!("{} {}", request.contact_name, request.contact_phone),
                )}
                {request.issued_user_id.clone().map(|u| summary_row(t::START_ISSUED_LABEL(), u))}
                {request.reject_reason.clone().map(|r| summary_row(t::REISSUE_REASON_LABEL(), r))}
            </dl>
            {decidable.then(|| blocker.map(|m| view! { <p class="todoke-warning-text">{m}</p> }))}
            {decidable.then(|| view! {
                <RequestDecision
                    id=request.id
                    id_prefix="todoke-start-of-use"
                    accept_label=t::START_ACCEPT()
                    acceptable=blocker.is_none()
                    accept=api::accept_start_of_use_request
                    reject=api::reject_start_of_use_request
                    on_decided
                />
            })}
        </section>
    }
}
