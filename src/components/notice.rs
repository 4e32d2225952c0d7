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
