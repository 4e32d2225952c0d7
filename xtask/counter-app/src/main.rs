//! The yardstick for the SPA's first load (`cargo xtask bench client`): a bare Leptos 0.8
//! counter built with the same release settings, with a text field named like the login
//! page's user ID field, so that both are timed to the same event: that field enabled.

use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(Counter);
}

#[component]
fn Counter() -> impl IntoView {
    let count = RwSignal::new(0);
    view! {
        <main>
            <h1>"Counter"</h1>
            <label for="todoke-user_id">"ユーザID"</label>
            <input id="todoke-user_id" type="text" />
            <button type="button" on:click=move |_| count.update(|c| *c += 1)>
                {move || count.get()}
            </button>
        </main>
    }
}
