//! The views of a filing that the applicant's and the reviewer's pages share: its answers as
//! review rows (also 「入力内容の確認」 of a draft), the summary list lines, and the history.

use crate::router::Link;
use leptos::prelude::*;
use todoke_core::api::{FieldComment, Submission};
use todoke_core::era::format_date;
use todoke_core::forms::{CheckReport, FormDefinition, ReviewRow, definition, review_rows};
use todoke_core::service_hours::format_jst_datetime;

use crate::components::form::input_id;
use crate::config::app_href;
use crate::paths::page_path;
use crate::text as t;

/// Paths whose answer differs from the previous submission's, for 「前回の提出から変更」.
pub fn changed_paths(previous: &[ReviewRow], current: &[ReviewRow]) -> Vec<String> {
    let before: std::collections::HashMap<&str, &str> = previous
        .iter()
        .map(|r| (r.path.as_str(), r.value.as_str()))
        .collect();
    current
        .iter()
        .filter(|r| before.get(r.path.as_str()) != Some(&r.value.as_str()))
        .map(|r| r.path.clone())
        .collect()
}

/// A submission's form, its answers as review rows, and the paths changed since the previous
/// submission: what both the applicant's and the reviewer's page show.
#[derive(Clone)]
pub struct FilingContent {
    pub def: Option<FormDefinition>,
    pub rows: Vec<ReviewRow>,
    pub changed: Vec<String>,
}

impl FilingContent {
    pub fn of(s: &Submission) -> Self {
        let def = definition(&s.form_id);
        let rows = def
            .as_ref()
            .map(|d| review_rows(d, &s.answers))
            .unwrap_or_default();
        let changed = match (&def, &s.previous_answers) {
            (Some(d), Some(prev)) => changed_paths(&review_rows(d, prev), &rows),
            _ => Vec::new(),
        };
        Self { def, rows, changed }
    }
}

/// One key/value line of a summary list.
pub fn summary_row(key: &'static str, value: String) -> impl IntoView {
    view! {
        <div class="todoke-summary-list__row">
            <dt class="todoke-summary-list__key">{key}</dt>
            <dd class="todoke-summary-list__value">{value}</dd>
        </div>
    }
}

/// The summary lines both pages show, in this order: submitted at, status, who acts next, and
/// once decided the acceptance number and the effective date.
pub fn status_rows(s: &Submission) -> impl IntoView + use<> {
    let row = summary_row;
    view! {
        {row(t::SUBMITTED_AT(), format_jst_datetime(s.submitted_at))}
        {row(t::STATUS(), s.status.label().to_string())}
        {row(t::NEXT_ACTOR(), s.next_actor_label.clone())}
        {s.acceptance_number.clone().map(|n| row(t::ACCEPTANCE_NUMBER(), n))}
        {s.effective_date.map(|d| row(t::EFFECTIVE_DATE(), format_date(d)))}
    }
}

/// 「提出内容」 with the bureau's comments and the changes since the last submission, then the
/// history: the end of both the applicant's and the reviewer's page.
#[component]
pub fn SubmittedContent(submission: Submission, content: FilingContent) -> impl IntoView {
    let FilingContent { def, rows, changed } = content;
    view! {
        <h2 class="todoke-heading-m">{t::SUBMITTED_CONTENT()}</h2>
        {def.map(|d| view! {
            <ReviewTable def=d rows=Signal::stored(rows) comments=submission.field_comments.clone() changed />
        })}
        <History submission />
    }
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
    comments: Vec<FieldComment>,
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
                        <p class="todoke-error-message"><span class="todoke-visually-hidden">{t::ERROR_PREFIX()}</span>{t::INLINE_ERROR_MARK()}{m}</p>
                    }).collect_view()}
                    <dl class="todoke-summary-list">
                        {move || {
                            let page_id = page_id.clone();
                            rows.get()
                                .into_iter()
                                .filter(|r| r.page == page_id)
                                .map(|r| {
                                    let changed = changed.with_value(|c| c.contains(&r.path));
                                    let comments = comments.with_value(|cs| cs.iter().filter(|c| c.path == r.path).map(|c| c.comment.clone()).collect());
                                    review_row(r, changed, comments, draft_id)
                                })
                                .collect_view()
                        }}
                    </dl>
                </section>
            }
        })
        .collect_view()
}

/// One answer of [`ReviewTable`]: label, value (or 「未入力」), the changed mark, the bureau's
/// comments, and with a draft the 「変更」 link.
fn review_row(
    r: ReviewRow,
    changed: bool,
    comments: Vec<String>,
    draft_id: Option<i64>,
) -> impl IntoView {
    let label = r.full_label();
    let value = if r.value.is_empty() {
        t::NOT_ENTERED().to_string()
    } else {
        r.value.clone()
    };
    view! {
        <div class="todoke-summary-list__row">
            <dt class="todoke-summary-list__key">{label.clone()}</dt>
            <dd class="todoke-summary-list__value">
                {value}
                {changed.then(|| view! {
                    " " <span class="todoke-status todoke-status--changed">{t::CHANGED_SINCE_LAST()}</span>
                })}
                {comments.into_iter().map(|c| view! {
                    <span class="todoke-field-comment"><strong>{t::FIELD_COMMENT()}</strong>{c}</span>
                }).collect_view()}
            </dd>
            {draft_id.map(|id| view! {
                <dd class="todoke-summary-list__actions">
                    <Link
                        href=app_href(&format!("{}?return=review", page_path(id, &r.page)))
                        attr:id=input_id(&format!("change-{}", r.path))
                    >
                        {t::CHANGE()}
                        <span class="todoke-visually-hidden">{t::parenthetical("", &label)}</span>
                    </Link>
                </dd>
            })}
        </div>
    }
}

/// Every transition: when, who, what, and the comment.
#[component]
pub fn History(submission: Submission) -> impl IntoView {
    view! {
        // The heading names the table's scroll region, which is the landmark; the section is not.
        <section>
            <h2 id="todoke-history-title" class="todoke-heading-m">{t::HISTORY_HEADING()}</h2>
            <div class="todoke-table-wrap" role="region" aria-labelledby="todoke-history-title" tabindex="0">
                <table class="todoke-table">
                    <thead>
                        <tr>
                            <th scope="col">{t::HISTORY_AT()}</th>
                            <th scope="col">{t::HISTORY_ACTOR()}</th>
                            <th scope="col">{t::HISTORY_ACTION()}</th>
                            <th scope="col">{t::STATUS()}</th>
                            <th scope="col">{t::HISTORY_COMMENT()}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {submission.history.into_iter().map(|h| view! {
                            <tr>
                                <td>{format_jst_datetime(h.at)}</td>
                                <td>{h.actor_label}</td>
                                <td>{h.action_label}</td>
                                <td>{h.to_status.label()}</td>
                                <td>{h.comment.unwrap_or_default()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(path: &str, value: &str) -> ReviewRow {
        ReviewRow {
            page: "p".into(),
            path: path.into(),
            label: path.into(),
            row_heading: None,
            value: value.into(),
        }
    }

    #[test]
    fn changed_paths_lists_new_and_different_answers() {
        let prev = vec![row("a", "1"), row("b", "2")];
        let now = vec![row("a", "1"), row("b", "3"), row("c", "4")];
        assert_eq!(
            changed_paths(&prev, &now),
            vec!["b".to_string(), "c".to_string()]
        );
    }
}
