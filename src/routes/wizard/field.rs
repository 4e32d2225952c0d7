//! One answer field, rendered from its definition: text-like inputs, numbers with units, dates
//! as year / month / day with the era, choices as radios or a select, declarations as a checkbox.

use leptos::prelude::*;
use serde_json::Value;
use todoke_core::era::era_year;
use todoke_core::forms::{FieldDefinition, FieldKind};

use super::DraftEditor;
use super::answers::{path_id, set_at, text_at};
use crate::components::fields::{InlineError, LabelText};
use crate::components::form::FormErrors;
use crate::date_parts::{date_from_parts, date_parts, join_date};
use crate::text as t;

/// The errors the current page shows after 「次へ」.
#[derive(Clone, Copy)]
pub struct PageErrors(pub RwSignal<FormErrors>);

/// The input attributes that suit a kind: `inputmode` for numbers and codes, `autocomplete`.
fn input_mode(kind: &FieldKind) -> Option<&'static str> {
    match kind {
        FieldKind::Integer { .. } | FieldKind::InstitutionCode | FieldKind::PostalCode => {
            Some("numeric")
        }
        FieldKind::Decimal { .. } | FieldKind::WeeklyHours => Some("decimal"),
        FieldKind::Phone => Some("tel"),
        _ => None,
    }
}

fn unit(kind: &FieldKind) -> Option<String> {
    match kind {
        FieldKind::Integer { unit, .. } | FieldKind::Decimal { unit, .. } => unit.clone(),
        FieldKind::WeeklyHours => Some(t::forms::UNIT_HOURS().to_string()),
        _ => None,
    }
}

/// A field of the form at `path` (a field id, or `group[i].field` inside a row).
///
/// Long on purpose: one `match` arm per field kind, each that kind's markup, all sharing the
/// same ids, hint, inline error and `aria-*` wiring built above it.
#[component]
pub fn AnswerField(field: FieldDefinition, path: String) -> impl IntoView {
    let editor = expect_context::<DraftEditor>();
    let errors = expect_context::<PageErrors>().0;
    let id = path_id(&path);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let error = {
        let path = path.clone();
        Signal::derive(move || errors.with(|e| e.first_for(&path)))
    };
    let value = {
        let path = path.clone();
        Memo::new(move |_| editor.answers.with(|a| text_at(a, &path)))
    };
    let set = {
        let path = path.clone();
        move |v: Value| editor.edit(|a| set_at(a, &path, v))
    };
    let has_hint = field.hint.is_some() || matches!(field.kind, FieldKind::Date { .. });
    let hint_text = field.hint.clone().or_else(|| {
        matches!(field.kind, FieldKind::Date { .. }).then(|| t::DATE_HINT().to_string())
    });
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || error.with(Option::is_some).then_some("true");
    let hint = hint_text.map(|h| view! { <p id=hint_id.clone() class="todoke-hint">{h}</p> });
    let inline_error = view! { <InlineError id=error_id.clone() error /> };
    let wrapper_class = move || {
        if error.with(Option::is_some) {
            "todoke-field todoke-field--error"
        } else {
            "todoke-field"
        }
    };

    match field.kind.clone() {
        FieldKind::Declaration { statement } => view! {
            <div class=wrapper_class>
                {hint}
                {inline_error}
                <div class="todoke-checkbox">
                    <input
                        id=id.clone()
                        type="checkbox"
                        class="todoke-checkbox__input"
                        aria-invalid=invalid
                        aria-describedby=described_by
                        prop:checked=move || value.get() == "true"
                        on:change=move |ev| set(if event_target_checked(&ev) { Value::Bool(true) } else { Value::Null })
                    />
                    <label for=id.clone() class="todoke-checkbox__label">
                        <LabelText label=field.label.clone() required=field.required />
                        <span class="todoke-checkbox__statement">{statement}</span>
                    </label>
                </div>
            </div>
        }
        .into_any(),
        FieldKind::Choice { options } if options.len() <= 5 => {
            let name = id.clone();
            view! {
                <div class=wrapper_class>
                    <fieldset class="todoke-fieldset" aria-describedby=described_by id=format!("{id}-group")>
                        <legend class="todoke-label">
                            <LabelText label=field.label.clone() required=field.required />
                        </legend>
                        {hint}
                        {inline_error}
                        <div class="todoke-radios">
                            {options
                                .into_iter()
                                .enumerate()
                                .map(|(i, o)| {
                                    // The first radio carries the field's id so that error links reach the group.
                                    let radio_id = if i == 0 { id.clone() } else { format!("{id}-{i}") };
                                    let v = o.value.clone();
                                    let v2 = o.value.clone();
                                    let set = set.clone();
                                    view! {
                                        <div class="todoke-radio">
                                            <input
                                                id=radio_id.clone()
                                                type="radio"
                                                name=name.clone()
                                                class="todoke-radio__input"
                                                value=o.value.clone()
                                                aria-invalid=invalid
                                                prop:checked=move || value.get() == v
                                                on:change=move |_| set(Value::String(v2.clone()))
                                            />
                                            <label for=radio_id class="todoke-radio__label">{o.label}</label>
                                        </div>
                                    }
                                })
                                .collect_view()}
                        </div>
                    </fieldset>
                </div>
            }
            .into_any()
        }
        FieldKind::Choice { options } => view! {
            <div class=wrapper_class>
                <label class="todoke-label" for=id.clone()>
                    <LabelText label=field.label.clone() required=field.required />
                </label>
                {hint}
                {inline_error}
                <select
                    id=id.clone()
                    class="todoke-select"
                    aria-invalid=invalid
                    aria-describedby=described_by
                    prop:value=move || value.get()
                    on:change=move |ev| set(Value::String(event_target_value(&ev)))
                >
                    <option value="">{t::SELECT_PLACEHOLDER()}</option>
                    {options.into_iter().map(|o| view! { <option value=o.value>{o.label}</option> }).collect_view()}
                </select>
            </div>
        }
        .into_any(),
        FieldKind::Date { .. } => {
            let part_ids = [id.clone(), format!("{id}-month"), format!("{id}-day")];
            let era = move || {
                date_from_parts(&date_parts(&value.get())).and_then(era_year).map(|e| t::era_aside(&e)).unwrap_or_default()
            };
            let parts_inputs = [t::YEAR(), t::MONTH(), t::DAY()]
                .into_iter()
                .enumerate()
                .map(|(i, unit_label)| {
                    let set = set.clone();
                    let width = if i == 0 { "todoke-input todoke-input--year" } else { "todoke-input todoke-input--2" };
                    view! {
                        <div class="todoke-date__part">
                            <input
                                id=part_ids[i].clone()
                                type="text"
                                inputmode="numeric"
                                class=width
                                aria-invalid=invalid
                                aria-label=t::parenthetical(&field.label, unit_label)
                                prop:value=move || date_parts(&value.get())[i].clone()
                                on:input=move |ev| {
                                    let mut parts = date_parts(&value.get_untracked());
                                    parts[i] = event_target_value(&ev);
                                    set(Value::String(join_date(&parts)));
                                }
                            />
                            <span class="todoke-date__unit" aria-hidden="true">{unit_label}</span>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <div class=wrapper_class>
                    <fieldset class="todoke-fieldset" aria-describedby=described_by>
                        <legend class="todoke-label">
                            <LabelText label=field.label.clone() required=field.required />
                        </legend>
                        {hint}
                        {inline_error}
                        <div class="todoke-date">
                            {parts_inputs}
                            <span class="todoke-date__era">{era}</span>
                        </div>
                    </fieldset>
                </div>
            }
            .into_any()
        }
        kind => {
            let unit = unit(&kind);
            let narrow = matches!(
                kind,
                FieldKind::Integer { .. } | FieldKind::Decimal { .. } | FieldKind::WeeklyHours | FieldKind::PostalCode
            );
            view! {
                <div class=wrapper_class>
                    <label class="todoke-label" for=id.clone()>
                        <LabelText label=field.label.clone() required=field.required />
                    </label>
                    {hint}
                    {inline_error}
                    <div class="todoke-input-with-unit">
                        <input
                            id=id.clone()
                            type="text"
                            class=if narrow { "todoke-input todoke-input--narrow" } else { "todoke-input" }
                            inputmode=input_mode(&kind)
                            autocomplete="off"
                            aria-invalid=invalid
                            aria-describedby=described_by
                            prop:value=move || value.get()
                            on:input=move |ev| set(Value::String(event_target_value(&ev)))
                        />
                        {unit.map(|u| view! { <span class="todoke-unit">{u}</span> })}
                    </div>
                </div>
            }
            .into_any()
        }
    }
}
