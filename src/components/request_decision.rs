//! The bureau's decision on a request filed without signing in (再発行の申請, 利用開始届出):
//! accept, or reject with a reason checked as the server checks it; the server's refusal
//! (already decided, not acceptable yet) is shown beside the buttons.

use leptos::prelude::*;
use todoke_core::api::request_reject_reason;

use crate::api::ClientError;
use crate::components::fields::InlineError;
use crate::components::form::FormErrors;
use crate::components::notice::ErrorAlert;
use crate::hooks::{SubmitOptions, use_submit};
use crate::text as t;

/// Accept, or reject with a reason; the server's refusal (already decided, say) is shown here.
#[component]
pub fn RequestDecision<R, A, AF, J, JF>(
    /// The request's id, for the API and the element ids.
    id: i64,
    /// Prefix of the element ids (`{id_prefix}-{id}-accept`).
    id_prefix: &'static str,
    accept_label: &'static str,
    /// Whether the register allows accepting; otherwise only rejecting is offered.
    acceptable: bool,
    accept: A,
    reject: J,
    on_decided: Callback<R>,
) -> impl IntoView
where
    R: Send + Sync + 'static,
    A: Fn(i64) -> AF + Copy + 'static,
    AF: Future<Output = Result<R, ClientError>> + 'static,
    J: Fn(i64, String) -> JF + Copy + 'static,
    JF: Future<Output = Result<R, ClientError>> + 'static,
{
    let reason = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let error = RwSignal::new(None::<String>);
    // Accepting needs no reason; rejecting checks it first, as the server does.
    let send = use_submit(
        move |accepting: bool| {
            errors.set(FormErrors::default());
            let reason = if accepting {
                None
            } else {
                match request_reject_reason(&reason.get_untracked()) {
                    Ok(reason) => Some(reason),
                    Err(fields) => {
                        errors.set(FormErrors::from_fields(fields));
                        return None;
                    }
                }
            };
            Some(async move {
                match reason {
                    None => accept(id).await,
                    Some(reason) => reject(id, reason).await,
                }
            })
        },
        move |r| on_decided.run(r),
        SubmitOptions::default().error_into(error),
    );
    let field_id = format!("{id_prefix}-{id}-reason");
    let error_id = format!("{field_id}-error");
    let hint_id = format!("{field_id}-hint");
    let field_error = Signal::derive(move || errors.with(|e| e.first_for("reason")));
    let invalid = move || field_error.with(Option::is_some);
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            if invalid() {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    view! {
        <div class="todoke-form todoke-confirm">
            <ErrorAlert message=error />
            <div class="todoke-field" class:todoke-field--error=invalid>
                <label class="todoke-label" for=field_id.clone()>{t::REISSUE_REASON_LABEL()}</label>
                <p id=hint_id class="todoke-hint">{t::REISSUE_REASON_HINT()}</p>
                <InlineError id=error_id error=field_error />
                <textarea id=field_id class="todoke-textarea" rows="2"
                    aria-invalid=move || invalid().then_some("true")
                    aria-describedby=described
                    prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
            </div>
            <div class="todoke-button-group">
                {acceptable.then(|| view! {
                    <button id=format!("{id_prefix}-{id}-accept") type="button" class="todoke-button" on:click=move |_| send.run(true)>{accept_label}</button>
                })}
                <button id=format!("{id_prefix}-{id}-reject") type="button" class="todoke-button todoke-button--warning" on:click=move |_| send.run(false)>{t::REISSUE_REJECT()}</button>
            </div>
        </div>
    }
}
