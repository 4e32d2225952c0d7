use crate::router::NavigateOptions;
use crate::router::{use_navigate, use_query_map};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use todoke_core::api::FieldErrors;
use todoke_core::forms::{
    CheckReport, ComputedDefinition, FormDefinition, GroupDefinition, Item, PageDefinition,
    Severity,
};

use super::answers::{add_row, path_id, remove_row, row_count, set_at, text_at};
use super::field::{AnswerField, PageErrors};
use super::{DraftEditor, SaveStatus};
use crate::components::error_summary::ErrorSummary;
use crate::components::fields::InlineError;
use crate::components::form::{FormErrors, SummaryItem};
use crate::components::notice::Notice;
use crate::components::page::PageHeading;
use crate::dom;
use crate::hooks::use_address;
use crate::paths::{Address, AppRoute, page_path, review_path};
use crate::text as t;

/// `/drafts/:id/page/:page`: one page of the form.
#[component]
pub fn WizardPage() -> impl IntoView {
    let editor = expect_context::<DraftEditor>();
    let address = use_address();
    let page_id = Memo::new(move |_| {
        address.with(|a| match a {
            Address::Page(AppRoute::DraftPage { page, .. }) => page.clone(),
            _ => String::new(),
        })
    });
    move || {
        let def = editor
            .bundle
            .with_untracked(|b| b.as_ref().map(|b| b.definition.clone()))?;
        let id = page_id.get();
        let index = def.pages.iter().position(|p| p.id == id)?;
        Some(view! { <PageView def index /> })
    }
}

/// One page of the form with 「次へ」 (check, normalise, save, go on), 「一時保存」 and 「戻る」.
///
/// Long for those three handlers and the page's markup; what they do is in the functions below
/// and in [`DraftEditor`].
#[component]
fn PageView(def: FormDefinition, index: usize) -> impl IntoView {
    let editor = expect_context::<DraftEditor>();
    let navigate = use_navigate();
    let query = use_query_map();
    let page: PageDefinition = def.pages[index].clone();
    let class = editor
        .bundle
        .with_untracked(|b| b.as_ref().map(|b| b.context.class))
        .expect("loaded");
    let errors = RwSignal::new(FormErrors::default());
    let summary = RwSignal::new(Vec::<SummaryItem>::new());
    provide_context(PageErrors(errors));
    let notice = editor.notice.get_untracked();
    editor.notice.set(None);

    add_required_rows(editor, &page);

    let total = def.pages.len();
    let back_to_review = query.with_untracked(|q| q.get("return").as_deref() == Some("review"));
    let next_target = if back_to_review || index + 1 == total {
        review_path(editor.id)
    } else {
        page_path(editor.id, &def.pages[index + 1].id)
    };
    let previous_target = (index > 0).then(|| page_path(editor.id, &def.pages[index - 1].id));
    let page_id = page.id.clone();

    let on_next = {
        let navigate = navigate.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let Some(report) = editor.report.get_untracked() else {
                return;
            };
            // Errors on this page block 「次へ」; warnings are listed on the review page.
            let (fields, items) = blocking_errors(&report, &page_id);
            errors.set(FormErrors::from_fields(fields));
            summary.set(items);
            if !summary.with_untracked(Vec::is_empty) {
                return;
            }
            take_normalised(editor, &report);
            let navigate = navigate.clone();
            let target = next_target.clone();
            editor.save_then(move || navigate(&target, NavigateOptions::default()));
        }
    };
    let on_back = {
        let navigate = navigate.clone();
        let target = previous_target.clone();
        move |_| {
            let navigate = navigate.clone();
            let target = target
                .clone()
                .unwrap_or_else(|| crate::session::START_PATH.to_string());
            // Going back saves without checking: nothing typed is lost.
            editor.save_then(move || navigate(&target, NavigateOptions::default()));
        }
    };
    let on_save = move |_| editor.save_then(|| ());

    let has_errors = Signal::derive(move || !summary.with(Vec::is_empty));
    let items = page
        .items
        .iter()
        .map(|item| match item {
            Item::Field(f) if f.applies_to(class) => {
                view! { <AnswerField field=f.clone() path=f.id.clone() /> }.into_any()
            }
            Item::Field(_) => ().into_any(),
            Item::Group(g) => view! { <GroupView group=g.clone() class /> }.into_any(),
            Item::Computed(c) => view! { <ComputedView section=c.clone() /> }.into_any(),
        })
        .collect_view();

    view! {
        <div class="todoke-page">
            <ErrorSummary items=summary />
            <Notice message=notice />
            <p class="todoke-caption">
                {def.title.clone()}
                <span class="todoke-caption__progress">{t::progress(index + 1, total)}</span>
            </p>
            <PageHeading text=page.title.clone() has_errors />
            {page.intro.clone().map(|i| view! { <p class="todoke-lead">{i}</p> })}
            <form class="todoke-form" novalidate on:submit=on_next>
                {items}
                <div class="todoke-button-group">
                    <button id="todoke-next" type="submit" class="todoke-button">
                        {if back_to_review || index + 1 == total { t::TO_REVIEW() } else { t::NEXT() }}
                    </button>
                    <button id="todoke-save-draft" type="button" class="todoke-button todoke-button--secondary" on:click=on_save>
                        {t::SAVE_DRAFT()}
                    </button>
                    <button type="button" class="todoke-button todoke-button--secondary" on:click=on_back>
                        {t::BACK()}
                    </button>
                </div>
                <SaveStatus />
            </form>
        </div>
    }
}

/// Rows a group must have are there from the start.
fn add_required_rows(editor: DraftEditor, page: &PageDefinition) {
    for item in &page.items {
        if let Item::Group(g) = item {
            editor.answers.update(|a| {
                while row_count(a, &g.id) < g.min_rows.max(1) {
                    add_row(a, &g.id);
                }
            });
        }
    }
}

/// The errors on page `page_id` that block 「次へ」: by field, and as error summary lines.
fn blocking_errors(report: &CheckReport, page_id: &str) -> (FieldErrors, Vec<SummaryItem>) {
    let mut fields = FieldErrors::default();
    let mut items = Vec::new();
    for issue in report
        .issues_on_page(page_id)
        .into_iter()
        .filter(|i| i.severity == Severity::Error)
    {
        fields.add(&issue.path, issue.message.clone());
        items.push(SummaryItem {
            target: path_id(&issue.path),
            message: issue.message.clone(),
        });
    }
    (fields, items)
}

/// Puts what the check normalised (e.g. full-width digits) into the answers, and tells the
/// next page so.
fn take_normalised(editor: DraftEditor, report: &CheckReport) {
    let answers = editor.answers.get_untracked();
    let changed = report.changed_by_normalisation(&answers);
    if !changed.is_empty() {
        editor.answers.update(|a| {
            for path in &changed {
                let value = text_at(&report.normalised, path);
                set_at(a, path, serde_json::Value::String(value));
            }
        });
        editor.notice.set(Some(t::NORMALISED_NOTICE().to_string()));
    }
}

/// Repeatable rows (e.g. one row per doctor), with add and remove buttons.
#[component]
fn GroupView(group: GroupDefinition, class: todoke_core::FeeScheduleClass) -> impl IntoView {
    let editor = expect_context::<DraftEditor>();
    let errors = expect_context::<PageErrors>().0;
    let count = {
        let id = group.id.clone();
        Memo::new(move |_| editor.answers.with(|a| row_count(a, &id)))
    };
    let group_error = {
        let id = group.id.clone();
        move || errors.with(|e| e.first_for(&id))
    };
    let add_id = path_id(&group.id);
    let g = StoredValue::new(group.clone());
    let add = move |_: leptos::ev::MouseEvent| {
        let (id, first) = g.with_value(|g| (g.id.clone(), g.fields.first().map(|f| f.id.clone())));
        let n = count.get_untracked();
        editor.edit(|a| add_row(a, &id));
        if let Some(first) = first {
            dom::focus_by_id(&path_id(&format!("{id}[{n}].{first}")));
        }
    };
    view! {
            <section class="todoke-group" aria-labelledby=format!("{add_id}-title")>
                <h2 id=format!("{add_id}-title") class="todoke-heading-m">{group.label.clone()}</h2>
    <InlineError id=format!("{add_id}-error") error=Signal::derive(group_error) />
                {move || {
                    let n = count.get();
                    (0..n)
                        .map(|i| {
                            let (gid, row_label, fields, min_rows) =
                                g.with_value(|g| (g.id.clone(), g.row_label.clone(), g.fields.clone(), g.min_rows));
                            let remove_label = t::remove_row(&row_label, i + 1);
                            let focus_after = path_id(&gid);
                            let gid2 = gid.clone();
                            view! {
                                <fieldset class="todoke-row">
                                    <legend class="todoke-row__legend">{t::row_heading(&row_label, i + 1)}</legend>
                                    {fields
                                        .into_iter()
                                        .filter(|f| f.applies_to(class))
                                        .map(|f| view! { <AnswerField path=format!("{gid}[{i}].{}", f.id) field=f /> })
                                        .collect_view()}
                                    {(n > min_rows).then(|| view! {
                                        <button
                                            type="button"
                                            class="todoke-button todoke-button--secondary todoke-button--small"
                                            on:click=move |_| {
                                                editor.edit(|a| remove_row(a, &gid2, i));
                                                dom::focus_by_id(&focus_after);
                                            }
                                        >
                                            {remove_label}
                                        </button>
                                    })}
                                </fieldset>
                            }
                        })
                        .collect_view()
                }}
                <button
                    id=add_id.clone()
                    type="button"
                    class="todoke-button todoke-button--secondary"
                    on:click=add
                    disabled={move || count.get() >= g.with_value(|g| g.max_rows)}
                >
                    {t::add_row(&group.row_label)}
                </button>
            </section>
        }
}

/// Computed values (totals, per-10,000 figures, FTEs) that update as the user types; each shows
/// its formula, the inputs it used, the result, the threshold and whether it is met, in text.
#[component]
fn ComputedView(section: ComputedDefinition) -> impl IntoView {
    let editor = expect_context::<DraftEditor>();
    let id = section.id.clone();
    let values = Memo::new(move |_| {
        editor
            .report
            .with(|r| {
                r.as_ref().map(|r| {
                    r.computed
                        .iter()
                        .filter(|c| c.section == id)
                        .cloned()
                        .collect::<Vec<_>>()
                })
            })
            .unwrap_or_default()
    });
    let heading_id = format!("todoke-computed-{}", section.id);
    let labelled_by = heading_id.clone();
    view! {
        <section class="todoke-computed" aria-labelledby=labelled_by>
            <h2 id=heading_id class="todoke-heading-m">{section.label.clone()}</h2>
            <ul class="todoke-computed__list">
                {move || {
                    values
                        .get()
                        .into_iter()
                        .map(|v| {
                            let met = v.met.map(|m| if m { t::COMPUTED_MET() } else { t::COMPUTED_NOT_MET() });
                            let inputs = v
                                .inputs
                                .iter()
                                .map(|n| t::label_value(&n.label, &n.value))
                                .collect::<Vec<_>>()
                                .join(t::LIST_SEPARATOR());
                            view! {
                                <li class="todoke-computed__item" class:todoke-computed__item--unmet=v.met == Some(false)>
                                    <p class="todoke-computed__label">
                                        {v.label.clone()} {t::LABEL_VALUE_SEPARATOR()}
                                        <output class="todoke-computed__result">{v.result.clone()}</output>
                                        {v.threshold.clone().map(|th| view! { <span class="todoke-computed__threshold">{t::parenthetical("", &t::label_value(t::COMPUTED_THRESHOLD(), &th))}</span> })}
                                        {met.map(|m| view! { <strong class="todoke-computed__met">{m}</strong> })}
                                    </p>
                                    <p class="todoke-computed__formula">{t::label_value(t::COMPUTED_FORMULA(), &v.formula)}</p>
                                    {(!inputs.is_empty()).then(|| view! { <p class="todoke-computed__inputs">{t::label_value(t::COMPUTED_INPUTS(), &inputs)}</p> })}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
}
