use leptos::prelude::*;

/// A one-time notice (e.g. 「ログアウトしました。」), announced politely.
#[component]
pub fn Notice(message: Option<String>) -> impl IntoView {
    message.map(|m| {
        view! {
            <div class="todoke-notice" role="status">
                <p>{m}</p>
            </div>
        }
    })
}

/// A failure the page reports above its content (a request's message), announced at once.
#[component]
pub fn ErrorAlert(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    move || {
        message
            .get()
            .map(|m| view! { <div class="todoke-warning-text" role="alert"><p>{m}</p></div> })
    }
}
