//! 「ユーザID・初期パスワード通知の再発行の申請」 (FAQ A6), without signing in: the institution's
//! code, class, name, postal code and a contact; the same check as the server's before sending;
//! then the reception number and what happens next. No password is ever shown.

use crate::router::Link;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use todoke_core::FeeScheduleClass;
use todoke_core::api::{REISSUE_REQUEST_FIELDS, ReissueRequestInput, RequestReceipt};

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
pub fn ReissueRequestPage() -> impl IntoView {
    let receipt = RwSignal::new(None::<RequestReceipt>);
    move || {
        match receipt.get() {
        None => view! { <RequestForm receipt /> }.into_any(),
        Some(r) => view! { <RequestReceived receipt=r title=t::REISSUE_DONE_TITLE() body=t::REISSUE_DONE_BODY() /> }.into_any(),
    }
    }
}

#[component]
fn RequestForm(receipt: RwSignal<Option<RequestReceipt>>) -> impl IntoView {
    let [code, class, name, postal_code, contact_name, contact_phone] =
        std::array::from_fn(|_| RwSignal::new(String::new()));
    let errors = RwSignal::new(FormErrors::default());
    let input = move || ReissueRequestInput {
        institution_code: code.get_untracked(),
        fee_schedule_class: class.get_untracked(),
        institution_name: name.get_untracked(),
        postal_code: postal_code.get_untracked(),
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
            Some(async move { api::file_reissue_request(&req).await })
        },
        move |r| receipt.set(Some(r)),
        SubmitOptions::default().on_every_error(move |e| {
            errors.set(FormErrors::from_client_error(&e, "institution_code"))
        }),
    );
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        send.run(());
    };
    let pending = send.pending;
    let error_for = move |f: &'static str| Signal::derive(move || errors.with(|e| e.first_for(f)));
    let has_errors = Signal::derive(move || !errors.with(FormErrors::is_empty));
    let classes = FeeScheduleClass::ALL
        .iter()
        .map(|c| (c.as_str(), c.label()))
        .collect::<Vec<_>>();
    view! {
        <div class="todoke-page todoke-page--narrow">
            <ErrorSummary items=Signal::derive(move || errors.with(|e| e.summary(&REISSUE_REQUEST_FIELDS))) />
            <PageHeading text=t::REISSUE_TITLE() has_errors />
            <p class="todoke-lead">{t::REISSUE_LEAD()}</p>
            <p>{t::REISSUE_HOW()}</p>
            <form class="todoke-form" novalidate on:submit=on_submit>
                <TextField
                    name="institution_code"
                    label=t::forms::INSTITUTION_CODE()
                    hint=t::REISSUE_CODE_HINT()
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
                    hint=t::REISSUE_POSTAL_HINT()
                    value=postal_code
                    error=error_for("postal_code")
                    inputmode="numeric"
                    autocomplete="postal-code"
                />
                <ContactFields contact_name contact_phone errors />
                <button id="todoke-reissue-submit" type="submit" class="todoke-button" aria-disabled=move || pending.get().then_some("true")>
                    {move || if pending.get() { t::REISSUE_SENDING() } else { t::REISSUE_SUBMIT() }}
                </button>
            </form>
            <p><Link href=AppRoute::Login.href()>{t::REISSUE_BACK_TO_LOGIN()}</Link></p>
        </div>
    }
}
