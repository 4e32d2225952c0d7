use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use std::collections::BTreeSet;
use todoke_core::forms::{CheckReport, FormDefinition, ReviewRow, review_rows};

use super::DraftEditor;
use super::page::page_path;
use crate::api;
use crate::components::error_summary::ErrorSummary;
use crate::components::form::SummaryItem;
use crate::components::page::PageHeading;
use crate::config::app_href;
use crate::text as t;

/// `/drafts/:id/review`: 「入力内容の確認」 with 「変更」 links, warnings to acknowledge, and 「提出する」.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let editor = expect_context::<DraftEditor>();
    let navigate = use_navigate();
    let def = editor
        .bundle
        .with_untracked(|b| b.as_ref().map(|b| b.definition.clone()))
        .expect("loaded");
    // The server's pre-submit check is final; until it answers, the browser's identical check shows.
    let server_report = RwSignal::new(None::<CheckReport>);
    {
        let form_id = def.id.clone();
        let answers = editor.answers.get_untracked();
        spawn_local(async move {
            if let Ok(r) = api::check(&form_id, &answers).await {
                server_report.set(Some(r));
            }
        });
    }
    let report = Memo::new(move |_| server_report.get().or_else(|| editor.report.get()));
    let acknowledged = RwSignal::new(BTreeSet::<String>::new());
    let summary = RwSignal::new(Vec::<SummaryItem>::new());
    let pending = RwSignal::new(false);
    let draft_id = editor.id;

    let submit = move |_| {
        if pending.get_untracked() {
            return;
        }
        let Some(r) = report.get_untracked() else {
            return;
        };
        let errors: Vec<SummaryItem> = r
            .errors()
            .map(|i| SummaryItem {
                target: format!("todoke-review-{}", i.page),
                message: i.message.clone(),
            })
            .collect();
        let acked: Vec<String> = acknowledged.get_untracked().into_iter().collect();
        let unacked: Vec<SummaryItem> = r
            .unacknowledged_warnings(&acked)
            .into_iter()
            .map(|w| SummaryItem {
                target: ack_id(&w.key()),
                message: t::WARNING_ACK_REQUIRED.to_string(),
            })
            .collect();
        if !errors.is_empty() || !unacked.is_empty() {
            summary.set(errors.into_iter().chain(unacked).collect());
            return;
        }
        summary.set(Vec::new());
        pending.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            if editor.save().await {
                match api::submit_draft(draft_id, editor.version.get_untracked(), acked).await {
                    Ok(s) => {
                        navigate(
                            &format!("/submissions/{}?done=1", s.id),
                            NavigateOptions {
                                replace: true,
                                ..Default::default()
                            },
                        );
                    }
                    Err(e) => {
                        let items = match e.fields() {
                            Some(f) => {
                                f.0.iter()
                                    .flat_map(|(_, msgs)| {
                                        msgs.iter().map(|m| SummaryItem {
                                            target: "todoke-review-rows".into(),
                                            message: m.clone(),
                                        })
                                    })
                                    .collect()
                            }
                            None => vec![SummaryItem {
                                target: "todoke-review-rows".into(),
                                message: e.message(),
                            }],
                        };
                        summary.set(items);
                    }
                }
            }
            pending.set(false);
        });
    };

    let rows = {
        let def = def.clone();
        Memo::new(move |_| {
            report.with(|r| {
                r.as_ref()
                    .map(|r| review_rows(&def, &r.normalised))
                    .unwrap_or_default()
            })
        })
    };
    let has_errors = Signal::derive(move || !summary.with(Vec::is_empty));
    let title = def.title.clone();
    view! {
        <div class="todoke-page">
            <ErrorSummary items=summary />
            <p class="todoke-caption">{title}</p>
            <PageHeading text=t::REVIEW_TITLE has_errors />
            <p class="todoke-lead">{t::REVIEW_LEAD}</p>
            {move || report.with(|r| r.as_ref().is_some_and(CheckReport::has_errors)).then(|| view! {
                <div class="todoke-warning-text"><p><strong>{t::REVIEW_HAS_ERRORS}</strong></p></div>
            })}
            <div id="todoke-review-rows" tabindex="-1">
                <ReviewTable def=def.clone() rows draft_id report />
            </div>
            <Warnings report acknowledged />
            <div class="todoke-button-group">
                <button id="todoke-submit" type="button" class="todoke-button" aria-disabled=move || pending.get().then_some("true") on:click=submit>
                    {move || if pending.get() { t::SUBMITTING } else { t::SUBMIT }}
                </button>
            </div>
            <super::SaveStatus />
        </div>
    }
}

fn ack_id(key: &str) -> String {
    crate::components::form::input_id(&format!("ack-{}", key.replace(['@', '[', ']', '.'], "-")))
}

/// Every answer, page by page, each with a 「変更」 link back to its page.
#[component]
pub fn ReviewTable(
    def: FormDefinition,
    #[prop(into)] rows: Signal<Vec<ReviewRow>>,
    /// With a draft id the rows get 「変更」 links; without, the table is read-only (a receipt).
    #[prop(optional)]
    draft_id: Option<i64>,
    #[prop(optional, into)] report: Option<Signal<Option<CheckReport>>>,
    /// The bureau's comments on a return, shown beside the fields they concern.
    #[prop(optional)]
    comments: Vec<todoke_core::api::FieldComment>,
    /// Paths changed since the previous submission.
    #[prop(optional)]
    changed: Vec<String>,
) -> impl IntoView {
    let comments = StoredValue::new(comments);
    let changed = StoredValue::new(changed);
    def.pages
        .iter()
        .map(|page| {
            let page_id = page.id.clone();
            let heading_id = format!("todoke-review-{}", page.id);
            let labelled_by = heading_id.clone();
            let page_errors = {
                let page_id = page_id.clone();
                move || report.map(|r| r.with(|r| r.as_ref().map(|r| r.issues_on_page(&page_id).iter().filter(|i| i.is_error()).map(|i| i.message.clone()).collect::<Vec<_>>()).unwrap_or_default())).unwrap_or_default()
            };
            view! {
                <section class="todoke-review" aria-labelledby=labelled_by>
                    <h2 id=heading_id class="todoke-heading-m" tabindex="-1">{page.title.clone()}</h2>
                    {move || page_errors().into_iter().map(|m| view! {
                        <p class="todoke-error-message"><span class="todoke-visually-hidden">{t::ERROR_PREFIX}</span>{t::INLINE_ERROR_MARK}{m}</p>
                    }).collect_view()}
                    <dl class="todoke-summary-list">
                        {move || {
                            let page_id = page_id.clone();
                            rows.get()
                                .into_iter()
                                .filter(|r| r.page == page_id)
                                .map(|r| {
                                    let label = match &r.row_heading {
                                        Some(h) => format!("{h}　{}", r.label),
                                        None => r.label.clone(),
                                    };
                                    let value = if r.value.is_empty() { t::NOT_ENTERED.to_string() } else { r.value.clone() };
                                    view! {
                                        <div class="todoke-summary-list__row">
                                            <dt class="todoke-summary-list__key">{label.clone()}</dt>
                                            <dd class="todoke-summary-list__value">
                                                {value}
                                                {changed.with_value(|c| c.contains(&r.path)).then(|| view! {
                                                    " " <span class="todoke-status todoke-status--changed">{t::CHANGED_SINCE_LAST}</span>
                                                })}
                                                {comments.with_value(|cs| cs.iter().filter(|c| c.path == r.path).map(|c| c.comment.clone()).collect::<Vec<_>>()).into_iter().map(|c| view! {
                                                    <span class="todoke-field-comment"><strong>{t::FIELD_COMMENT}</strong>{c}</span>
                                                }).collect_view()}
                                            </dd>
                                            {draft_id.map(|id| view! {
                                                <dd class="todoke-summary-list__actions">
                                                    <A
                                                        href=app_href(&format!("{}?return=review", page_path(id, &r.page)))
                                                        attr:id=crate::components::form::input_id(&format!("change-{}", r.path))
                                                    >
                                                        {t::CHANGE}
                                                        <span class="todoke-visually-hidden">{format!("（{label}）")}</span>
                                                    </A>
                                                </dd>
                                            })}
                                        </div>
                                    }
                                })
                                .collect_view()
                        }}
                    </dl>
                </section>
            }
        })
        .collect_view()
}

/// Warnings do not block, but each must be acknowledged before 「提出する」.
#[component]
fn Warnings(
    report: Memo<Option<CheckReport>>,
    acknowledged: RwSignal<BTreeSet<String>>,
) -> impl IntoView {
    let warnings = Memo::new(move |_| {
        report.with(|r| {
            r.as_ref()
                .map(|r| r.warnings().cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    view! {
        <Show when=move || !warnings.with(Vec::is_empty)>
            <section class="todoke-warnings" aria-labelledby="todoke-warnings-title">
                <h2 id="todoke-warnings-title" class="todoke-heading-m">{t::WARNINGS_HEADING}</h2>
                <p>{t::WARNINGS_LEAD}</p>
                <ul class="todoke-warnings__list">
                    {move || warnings.get().into_iter().map(|w| {
                        let key = w.key();
                        let id = ack_id(&key);
                        let k1 = key.clone();
                        view! {
                            <li class="todoke-warnings__item">
                                <p class="todoke-warnings__message">{w.message.clone()}</p>
                                <div class="todoke-checkbox">
                                    <input
                                        id=id.clone()
                                        type="checkbox"
                                        class="todoke-checkbox__input"
                                        prop:checked=move || acknowledged.with(|a| a.contains(&k1))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            acknowledged.update(|a| {
                                                if on { a.insert(key.clone()); } else { a.remove(&key); }
                                            });
                                        }
                                    />
                                    <label for=id class="todoke-checkbox__label">{t::WARNING_ACK}</label>
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
