//! 「利用開始届出（様式1）」 (FAQ A9), without signing in: why a user ID is needed, the previous
//! one for a change, the institution's (new) code, class, name and address, and a contact; the
//! same check as the server's before sending; then the reception number and what happens next.

use crate::router::Link;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use todoke_core::FeeScheduleClass;
use todoke_core::api::{
    RequestReceipt, START_OF_USE_REQUEST_FIELDS, StartOfUseReason, StartOfUseRequestInput,
};

use crate::api;
use crate::components::error_summary::ErrorSummary;
use crate::components::fields::{RadioField, TextField};
use crate::components::form::FormErrors;
use crate::components::page::PageHeading;
use crate::components::public_request::{ContactFields, RequestReceived};
use crate::hooks::{SubmitOptions, use_submit};
use crate::paths::AppRoute;
use crate::text as t;

#[component]
pub fn StartOfUseRequestPage() -> impl IntoView {
    let receipt = RwSignal::new(None::<RequestReceipt>);
    move || {
        match receipt.get() {
        None => view! { <RequestForm receipt /> }.into_any(),
        Some(r) => view! { <RequestReceived receipt=r title=t::START_DONE_TITLE() body=t::START_DONE_BODY() /> }.into_any(),
    }
    }
}

#[component]
fn RequestForm(receipt: RwSignal<Option<RequestReceipt>>) -> impl IntoView {
    let [
        reason,
        previous,
        code,
        class,
        name,
        postal_code,
        address,
        contact_name,
        contact_phone,
    ] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let errors = RwSignal::new(FormErrors::default());
    let input = move || StartOfUseRequestInput {
        reason: reason.get_untracked(),
        previous_user_id: previous.get_untracked(),
        institution_code: code.get_untracked(),
        fee_schedule_class: class.get_untracked(),
        institution_name: name.get_untracked(),
        postal_code: postal_code.get_untracked(),
        address: address.get_untracked(),
        contact_name: contact_name.get_untracked(),
        contact_phone: contact_phone.get_untracked(),
    };
    let send = use_submit(
        move |()| {
            let req = input();
            // The server's own check, so that nothing malformed is sent; it checks again.
            if let Err(fields) = req.check() {
                errors.set(FormErrors::from_fields(fields));
                return None;
            }
            errors.set(FormErrors::default());
            Some(async move { api::file_start_of_use_request(&req).await })
        },
        move |r| receipt.set(Some(r)),
        SubmitOptions::default()
            .on_every_error(move |e| errors.set(FormErrors::from_client_error(&e, "reason"))),
    );
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        send.run(());
    };
    let pending = send.pending;
    let error_for = move |f: &'static str| Signal::derive(move || errors.with(|e| e.first_for(f)));
    let has_errors = Signal::derive(move || !errors.with(FormErrors::is_empty));
    let reasons = StartOfUseReason::ALL
        .iter()
        .map(|r| (r.as_str(), r.label()))
        .collect::<Vec<_>>();
    let classes = FeeScheduleClass::ALL
        .iter()
        .map(|c| (c.as_str(), c.label()))
        .collect::<Vec<_>>();
    view! {
        <div class="todoke-page todoke-page--narrow">
            <ErrorSummary items=Signal::derive(move || errors.with(|e| e.summary(&START_OF_USE_REQUEST_FIELDS))) />
            <PageHeading text=t::START_TITLE() has_errors />
            <p class="todoke-lead">{t::START_LEAD()}</p>
            <p>{t::START_HOW()}</p>
            <form class="todoke-form" novalidate on:submit=on_submit>
                <RadioField
                    name="reason"
                    label=t::START_REASON()
                    options=reasons
                    value=reason
                    error=error_for("reason")
                />
                <TextField
                    name="previous_user_id"
                    label=t::START_PREVIOUS_USER_ID()
                    hint=t::START_PREVIOUS_HINT()
                    value=previous
                    error=error_for("previous_user_id")
                    autocomplete="off"
                />
                <TextField
                    name="institution_code"
                    label=t::forms::INSTITUTION_CODE()
                    hint=t::START_CODE_HINT()
                    value=code
                    error=error_for("institution_code")
                    inputmode="numeric"
                    autocomplete="off"
                />
                <RadioField
                    name="fee_schedule_class"
                    label=t::HEADER_CLASS()
                    hint=t::REISSUE_CLASS_HINT()
                    options=classes
                    value=class
                    error=error_for("fee_schedule_class")
                />
                <TextField
                    name="institution_name"
                    label=t::forms::INSTITUTION_NAME()
                    hint=t::REISSUE_NAME_HINT()
                    value=name
                    error=error_for("institution_name")
                    autocomplete="organization"
                />
                <TextField
                    name="postal_code"
                    label=t::forms::POSTAL_CODE()
                    hint=t::START_POSTAL_HINT()
                    value=postal_code
                    error=error_for("postal_code")
                    inputmode="numeric"
                    autocomplete="postal-code"
                />
                <TextField
                    name="address"
                    label=t::START_ADDRESS()
                    hint=t::START_ADDRESS_HINT()
                    value=address
                    error=error_for("address")
                    autocomplete="street-address"
                />
                <ContactFields contact_name contact_phone errors />
                <button id="todoke-start-of-use-submit" type="submit" class="todoke-button" aria-disabled=move || pending.get().then_some("true")>
                    {move || if pending.get() { t::REISSUE_SENDING() } else { t::START_SUBMIT() }}
                </button>
            </form>
            <p><Link href=AppRoute::Login.href()>{t::REISSUE_BACK_TO_LOGIN()}</Link></p>
        </div>
    }
}
