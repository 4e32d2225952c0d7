//! 「通知書の再発行の申請」 for the bureau: each request of its prefectures beside what the
//! register holds, accepted (the operator's run posts a new letter) or rejected with a reason.

use leptos::prelude::*;
use todoke_core::api::{ReissueRequestList, ReissueRequestRecord, RequestStatus, waiting};
use todoke_core::service_hours::format_jst_datetime;

use crate::api;
use crate::components::filing::summary_row;
use crate::components::notice::ErrorAlert;
use crate::components::page::PageHeading;
use crate::components::request_decision::RequestDecision;
use crate::context::AppContext;
use crate::hooks::use_api;
use crate::text as t;

#[component]
pub fn ReissueRequestsPage() -> impl IntoView {
    let list = RwSignal::new(None::<Vec<ReissueRequestRecord>>);
    let flash = RwSignal::new(None::<&'static str>);
    let ctx = expect_context::<AppContext>();
    let load = use_api(api::reissue_requests, move |l: ReissueRequestList| {
        list.set(Some(l.requests))
    });
    // The header's count follows the decisions made here.
    Effect::new(move |_| {
        if let Some(l) = list.get() {
            ctx.waiting_reissues
                .set(waiting(l.iter().map(|r| r.status)));
        }
    });
    let on_decided = Callback::new(move |r: ReissueRequestRecord| {
        flash.set(Some(match r.status {
            RequestStatus::Rejected => t::REISSUE_REJECTED_FLASH(),
            _ => t::REISSUE_ACCEPTED_FLASH(),
        }));
        list.update(|l| {
            if let Some(slot) = l.iter_mut().flatten().find(|x| x.id == r.id) {
                *slot = r;
            }
        });
    });
    view! {
        <div class="todoke-page">
            <PageHeading text=t::REISSUE_REVIEW_TITLE() />
            <p class="todoke-lead">{t::REISSUE_REVIEW_LEAD()}</p>
            <div role="status">
                {move || flash.get().map(|m| view! { <div class="todoke-notice"><p>{m}</p></div> })}
            </div>
            <ErrorAlert message=load.error />
            {move || match list.get() {
                None => view! { <p class="todoke-loading">{t::LOADING()}</p> }.into_any(),
                Some(l) if l.is_empty() => view! { <div class="todoke-empty"><p>{t::REISSUE_REVIEW_EMPTY()}</p></div> }.into_any(),
                Some(l) => l.into_iter().map(|r| view! { <RequestCard request=r on_decided /> }).collect_view().into_any(),
            }}
        </div>
    }
}

/// `typed`, marked when the register says otherwise (ignoring spaces, so that 「とどけ 内科」
/// and 「とどけ内科」 are the same name).
fn compared(typed: &str, registered: Option<&str>) -> String {
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    match registered {
        Some(r) if squash(r) != squash(typed) => format!("{typed}{}", t::REISSUE_DIFFERS()),
        _ => typed.to_string(),
    }
}

#[component]
fn RequestCard(
    request: ReissueRequestRecord,
    on_decided: Callback<ReissueRequestRecord>,
) -> impl IntoView {
    let heading_id = format!("todoke-reissue-{}", request.id);
    let labelled_by = heading_id.clone();
    let caption_id = format!("{heading_id}-caption");
    let region_label = caption_id.clone();
    let reg = request.registered.clone();
    let reg_name = reg.as_ref().map(|r| r.name.clone());
    let reg_postal = reg.as_ref().and_then(|r| r.postal_code.clone());
    let dash = || t::NOT_ENTERED().to_string();
    let rows = [
        (
            t::forms::INSTITUTION_NAME(),
            compared(&request.institution_name, reg_name.as_deref()),
            reg_name.clone().unwrap_or_else(dash),
        ),
        (
            t::forms::POSTAL_CODE(),
            compared(&request.postal_code, reg_postal.as_deref()),
            reg_postal.clone().unwrap_or_else(dash),
        ),
        (
            t::REISSUE_ADDRESS_LABEL(),
            t::REISSUE_NOT_ASKED().to_string(),
            reg.as_ref()
                .and_then(|r| r.address.clone())
                .unwrap_or_else(dash),
        ),
        (
            t::REISSUE_USER_ID_LABEL(),
            t::REISSUE_NOT_ASKED().to_string(),
            reg.as_ref().map(|r| r.user_id.clone()).unwrap_or_else(dash),
        ),
    ];
    let decidable = request.status == RequestStatus::Received;
    let acceptable = reg.as_ref().is_some_and(|r| r.address.is_some());
    view! {
        <section class="todoke-reissue" aria-labelledby=labelled_by>
            <h2 id=heading_id class="todoke-heading-m">
                {t::REISSUE_REQUEST_HEADING()}{t::LABEL_VALUE_SEPARATOR()}{request.reception_number.clone()}
            </h2>
            <dl class="todoke-summary-list">
                {summary_row(t::REISSUE_STATUS_LABEL(), request.status.label().to_string())}
                {summary_row(t::REISSUE_RECEIVED_AT_LABEL(), format_jst_datetime(request.received_at))}
                {summary_row(
                    t::forms::INSTITUTION_CODE(),
                    format!("{} {}", request.institution_code, request.fee_schedule_class.label()),
                )}
                {summary_row(
                    t::REISSUE_CONTACT_LABEL(),
                    format!("{} {}", request.contact_name, request.contact_phone),
                )}
                {request.reject_reason.clone().map(|r| summary_row(t::REISSUE_REASON_LABEL(), r))}
            </dl>
            {match reg {
                None => view! { <p class="todoke-warning-text">{t::REISSUE_NOT_REGISTERED()}</p> }.into_any(),
                Some(_) => view! {
                    <div class="todoke-table-wrap" role="region" aria-labelledby=region_label tabindex="0">
                        <table class="todoke-table">
                            <caption id=caption_id class="todoke-table__caption">{t::REISSUE_COMPARE_CAPTION()}</caption>
                            <thead>
                                <tr>
                                    <td></td>
                                    <th scope="col">{t::REISSUE_TYPED_LABEL()}</th>
                                    <th scope="col">{t::REISSUE_REGISTERED_LABEL()}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows.into_iter().map(|(label, typed, registered)| view! {
                                    <tr><th scope="row">{label}</th><td>{typed}</td><td>{registered}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any(),
            }}
            {decidable.then(|| view! {
                <RequestDecision
                    id=request.id
                    id_prefix="todoke-reissue"
                    accept_label=t::REISSUE_ACCEPT()
                    acceptable
                    accept=api::accept_reissue_request
                    reject=api::reject_reissue_request
                    on_decided
                />
            })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_that_differs_only_in_spaces_is_the_same() {
        assert_eq!(compared("とどけ 内科", Some("とどけ内科")), "とどけ 内科");
        assert_eq!(
            compared("とどけ外科", Some("とどけ内科")),
            format!("とどけ外科{}", t::REISSUE_DIFFERS())
        );
        assert_eq!(compared("とどけ外科", None), "とどけ外科");
    }
}
