use leptos::prelude::*;

use super::form::input_id;
use crate::text as t;

/// Label text with the 「※必須」/「※任意」 badge (DADS).
#[component]
pub fn LabelText(#[prop(into)] label: String, required: bool) -> impl IntoView {
    let (badge, class) = if required {
        (t::REQUIRED_BADGE(), "todoke-badge todoke-badge--required")
    } else {
        (t::OPTIONAL_BADGE(), "todoke-badge")
    };
    view! {
        <span class="todoke-label__text">{label}</span>
        " "
        <span class=class>{badge}</span>
    }
}

/// The inline error under a field: 「＊」 + message, with a hidden 「エラー：」 for screen readers.
#[component]
pub fn InlineError(id: String, error: Signal<Option<String>>) -> impl IntoView {
    view! {
        <Show when=move || error.with(Option::is_some)>
            <p id=id.clone() class="todoke-error-message">
                <span class="todoke-visually-hidden">{t::ERROR_PREFIX()}</span>
                {t::INLINE_ERROR_MARK()}
                {move || error.get().unwrap_or_default()}
            </p>
        </Show>
    }
}

/// `aria-describedby` for a field: its hint, then its error when there is one.
fn described_by(
    hint_id: Option<String>,
    error_id: String,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> {
    move || {
        let mut ids: Vec<String> = hint_id.iter().cloned().collect();
        if error.with(Option::is_some) {
            ids.push(error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// A labelled text input with hint, inline error, `aria-invalid` and `aria-describedby`.
#[component]
pub fn TextField(
    /// The API field name; the input id is derived from it.
    name: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = true)] required: bool,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
) -> impl IntoView {
    let id = input_id(name);
    let hint_id = hint.map(|_| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    view! {
        <div class="todoke-field" class:todoke-field--error=move || error.with(Option::is_some)>
            <label class="todoke-label" for=id.clone()>
                <LabelText label required />
            </label>
            {hint.map(|h| view! { <p id=hint_id.clone() class="todoke-hint">{h}</p> })}
            <InlineError id=error_id.clone() error />
            <input
                id=id.clone()
                name=name
                type="text"
                class="todoke-input"
                autocomplete=autocomplete
                inputmode=inputmode
                spellcheck="false"
                autocapitalize="none"
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described_by(hint_id.clone(), error_id.clone(), error)
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// A labelled group of radio buttons (`options`: value, label) with hint and inline error. The
/// first radio carries the field's input id, so that the error summary's link reaches the group.
#[component]
pub fn RadioField(
    name: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    options: Vec<(&'static str, &'static str)>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let id = input_id(name);
    let hint_id = hint.map(|_| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    let invalid = move || error.with(Option::is_some).then_some("true");
    view! {
        <div class="todoke-field" class:todoke-field--error=move || error.with(Option::is_some)>
            <fieldset class="todoke-fieldset" aria-describedby=described_by(hint_id.clone(), error_id.clone(), error)>
                <legend class="todoke-label">
                    <LabelText label required=true />
                </legend>
                {hint.map(|h| view! { <p id=hint_id.clone() class="todoke-hint">{h}</p> })}
                <InlineError id=error_id.clone() error />
                <div class="todoke-radios">
                    {options
                        .into_iter()
                        .enumerate()
                        .map(|(i, (v, l))| {
                            let radio_id = if i == 0 { id.clone() } else { format!("{id}-{i}") };
                            view! {
                                <div class="todoke-radio">
                                    <input
                                        id=radio_id.clone()
                                        type="radio"
                                        name=name
                                        class="todoke-radio__input"
                                        value=v
                                        aria-invalid=invalid
                                        prop:checked=move || value.get() == v
                                        on:change=move |_| value.set(v.to_string())
                                    />
                                    <label for=radio_id class="todoke-radio__label">{l}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        </div>
    }
}

/// A password input with a show/hide toggle. No `maxlength`: a too-long password gets a
/// message instead of being cut silently. Paste is allowed.
#[component]
pub fn PasswordField(
    name: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    autocomplete: &'static str,
    /// Extra element ids to describe the field with (e.g. the rules checklist).
    #[prop(optional)]
    described_by_extra: Option<&'static str>,
) -> impl IntoView {
    let id = input_id(name);
    let hint_id = hint.map(|_| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    let status_id = format!("{id}-status");
    let shown = RwSignal::new(false);
    // Announce the state only after the user toggles it, not on page load.
    let toggled = RwSignal::new(false);
    let describe = described_by(hint_id.clone(), error_id.clone(), error);
    view! {
        <div class="todoke-field" class:todoke-field--error=move || error.with(Option::is_some)>
            <label class="todoke-label" for=id.clone()>
                <LabelText label required=true />
            </label>
            {hint.map(|h| view! { <p id=hint_id.clone() class="todoke-hint">{h}</p> })}
            <InlineError id=error_id.clone() error />
            <div class="todoke-password">
                <input
                    id=id.clone()
                    name=name
                    type=move || if shown.get() { "text" } else { "password" }
                    class="todoke-input todoke-password__input"
                    autocomplete=autocomplete
                    spellcheck="false"
                    autocapitalize="none"
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby=move || {
                        let mut ids: Vec<String> = describe().into_iter().collect();
                        ids.extend(described_by_extra.map(str::to_string));
                        (!ids.is_empty()).then(|| ids.join(" "))
                    }
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
                <button
                    type="button"
                    class="todoke-button todoke-button--secondary todoke-password__toggle"
                    aria-controls=id.clone()
                    on:click=move |_| {
                        shown.update(|s| *s = !*s);
                        toggled.set(true);
                    }
                >
                    {move || if shown.get() { t::HIDE_PASSWORD() } else { t::SHOW_PASSWORD() }}
                </button>
            </div>
            <p id=status_id class="todoke-visually-hidden" aria-live="polite">
                {move || match (toggled.get(), shown.get()) {
                    (false, _) => "",
                    (true, true) => t::PASSWORD_SHOWN_STATUS(),
                    (true, false) => t::PASSWORD_HIDDEN_STATUS(),
                }}
            </p>
        </div>
    }
}
