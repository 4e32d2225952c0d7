use crate::router::NavigateOptions;
use crate::router::use_navigate;
use leptos::prelude::*;
use std::collections::BTreeSet;
use todoke_core::api::Submission;
use todoke_core::forms::{CheckReport, review_rows};

use super::DraftEditor;
use crate::api::{self, ClientError};
use crate::components::error_summary::ErrorSummary;
use crate::components::filing::ReviewTable;
use crate::components::form::SummaryItem;
use crate::components::page::PageHeading;
use crate::hooks::{Request, SubmitOptions, fetch_quietly, use_submit};
use crate::paths::AppRoute;
use crate::text as t;

/// `/drafts/:id/review`: 「入力内容の確認」 with 「変更」 links, warnings to acknowledge, and 「提出する」.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let editor = expect_context::<DraftEditor>();
    let def = editor
        .bundle
        .with_untracked(|b| b.as_ref().map(|b| b.definition.clone()))
        .expect("loaded");
    // The server's pre-submit check is final; until it answers, the browser's identical check shows.
    let server_report = RwSignal::new(None::<CheckReport>);
    {
        let form_id = def.id.clone();
        let answers = editor.answers.get_untracked();
        fetch_quietly(
            async move { api::check(&form_id, &answers).await },
            move |r| server_report.set(Some(r)),
        );
    }
    let report = Memo::new(move |_| server_report.get().or_else(|| editor.report.get()));
    let acknowledged = RwSignal::new(BTreeSet::<String>::new());
    let summary = RwSignal::new(Vec::<SummaryItem>::new());
    let draft_id = editor.id;

    let submit = use_review_submit(editor, report, acknowledged, summary);
    let pending = submit.pending;

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
            <PageHeading text=t::REVIEW_TITLE() has_errors />
            <p class="todoke-lead">{t::REVIEW_LEAD()}</p>
            {move || report.with(|r| r.as_ref().is_some_and(CheckReport::has_errors)).then(|| view! {
                <div class="todoke-warning-text"><p><strong>{t::REVIEW_HAS_ERRORS()}</strong></p></div>
            })}
            <div id="todoke-review-rows" tabindex="-1">
                <ReviewTable def=def.clone() rows draft_id report />
            </div>
            <Warnings report acknowledged />
            <div class="todoke-button-group">
                <button id="todoke-submit" type="button" class="todoke-button" aria-disabled=move || pending.get().then_some("true") on:click=move |_| submit.run(())>
                    {move || if pending.get() { t::SUBMITTING() } else { t::SUBMIT() }}
                </button>
            </div>
            <super::SaveStatus />
        </div>
    }
}

/// 「提出する」: checks that nothing blocks, saves, then submits and opens the receipt. Every
/// failure (the common ones included: this page has always listed them all) goes to `summary`.
fn use_review_submit(
    editor: DraftEditor,
    report: Memo<Option<CheckReport>>,
    acknowledged: RwSignal<BTreeSet<String>>,
    summary: RwSignal<Vec<SummaryItem>>,
) -> Request<()> {
    let navigate = use_navigate();
    let draft_id = editor.id;
    use_submit(
        move |()| {
            let r = report.get_untracked()?;
            let acked: Vec<String> = acknowledged.get_untracked().into_iter().collect();
            let blocking = blocking_items(&r, &acked);
            if !blocking.is_empty() {
                summary.set(blocking);
                return None;
            }
            summary.set(Vec::new());
            Some(async move {
                if !editor.save().await {
                    return Ok(None);
                }
                api::submit_draft(draft_id, editor.version.get_untracked(), acked)
                    .await
                    .map(Some)
            })
        },
        move |submitted: Option<Submission>| {
            if let Some(s) = submitted {
                navigate(
                    &AppRoute::SubmissionDone(s.id).path(),
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                );
            }
        },
        SubmitOptions::default().on_every_error(move |e| summary.set(submit_error_items(&e))),
    )
}

/// What keeps 「提出する」 from sending: the check's errors, each linked to its page's
/// heading, then every warning not yet acknowledged, linked to its checkbox.
fn blocking_items(r: &CheckReport, acked: &[String]) -> Vec<SummaryItem> {
    let errors = r.errors().map(|i| SummaryItem {
        target: format!("todoke-review-{}", i.page),
        message: i.message.clone(),
    });
    let unacked = r
        .unacknowledged_warnings(acked)
        .into_iter()
        .map(|w| SummaryItem {
            target: ack_id(&w.key()),
            message: t::WARNING_ACK_REQUIRED().to_string(),
        });
    errors.chain(unacked).collect()
}

/// The server's refusal of a submission, as error summary lines that lead to the answers.
fn submit_error_items(e: &ClientError) -> Vec<SummaryItem> {
    let item = |message: String| SummaryItem {
        target: "todoke-review-rows".into(),
        message,
    };
    match e.fields() {
        Some(f) => {
            f.0.values()
                .flat_map(|msgs| msgs.iter().cloned().map(item))
                .collect()
        }
        None => vec![item(e.message())],
    }
}

fn ack_id(key: &str) -> String {
    crate::components::form::input_id(&format!("ack-{}", key.replace(['@', '[', ']', '.'], "-")))
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
                <h2 id="todoke-warnings-title" class="todoke-heading-m">{t::WARNINGS_HEADING()}</h2>
                <p>{t::WARNINGS_LEAD()}</p>
                <ul class="todoke-warnings__list">
                    {move || warnings.get().into_iter().map(|w| {
                        let key = w.key();
                        let id = ack_id(&key);
                        let k1 = key.clone();
                        view! {
                            <li class="todoke-warnings__item">
                                <p class="todoke-warnings__message">{w.message.clone()}</p>
                                {(!w.details.is_empty()).then(|| view! {
                                    <ul class="todoke-warnings__details">
                                        {w.details.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}
                                    </ul>
                                })}
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
                                    <label for=id class="todoke-checkbox__label">{t::WARNING_ACK()}</label>
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
