//! What requests filed without signing in (再発行の申請, 利用開始届出) show alike: the contact
//! fields at the end of the form, and the page that says the request was received.

use crate::router::Link;
use leptos::prelude::*;
use todoke_core::api::RequestReceipt;
use todoke_core::service_hours::format_jst_datetime;

use crate::components::fields::TextField;
use crate::components::form::FormErrors;
use crate::components::page::PageHeading;
use crate::paths::AppRoute;
use crate::text as t;

/// The person the bureau may call about the request.
#[component]
pub fn ContactFields(
    contact_name: RwSignal<String>,
    contact_phone: RwSignal<String>,
    errors: RwSignal<FormErrors>,
) -> impl IntoView {
    let error_for = move |f: &'static str| Signal::derive(move || errors.with(|e| e.first_for(f)));
    view! {
        <TextField
            name="contact_name"
            label=t::forms::CONTACT_NAME()
            hint=t::REISSUE_CONTACT_HINT()
            value=contact_name
            error=error_for("contact_name")
            autocomplete="name"
        />
        <TextField
            name="contact_phone"
            label=t::forms::CONTACT_PHONE()
            hint=t::forms::PHONE_HINT()
            value=contact_phone
            error=error_for("contact_phone")
            inputmode="tel"
            autocomplete="tel"
        />
    }
}

/// The reception number and time, what happens next (`body`), and the way back to the login.
#[component]
pub fn RequestReceived(
    receipt: RequestReceipt,
    title: &'static str,
    body: &'static str,
) -> impl IntoView {
    view! {
        <div class="todoke-page todoke-page--narrow">
            <PageHeading text=title />
            <div class="todoke-panel">
                <p class="todoke-panel__label">{t::REISSUE_NUMBER_LABEL()}</p>
                <p id="todoke-reception-number" class="todoke-panel__number">{receipt.reception_number}</p>
                <p>{t::REISSUE_RECEIVED_AT_LABEL()}{t::LABEL_VALUE_SEPARATOR()}{format_jst_datetime(receipt.received_at)}</p>
            </div>
            <p>{body}</p>
            <p>{t::REISSUE_DONE_CONTACT()}</p>
            <p><Link href=AppRoute::Login.href()>{t::REISSUE_BACK_TO_LOGIN()}</Link></p>
        </div>
    }
}
