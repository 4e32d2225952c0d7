use crate::router::Link;
use crate::router::{use_navigate, use_query_map};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use todoke_core::announcement::Announcement;
use todoke_core::api::{FilingPage, FilingQuery, FilingStatus, FilingSummary, FormSummary};
use todoke_core::forms::parse_typed_date;
use todoke_core::service_hours::format_jst_datetime;

use crate::api;
use crate::components::fields::InlineError;
use crate::components::notice::{ErrorAlert, Notice};
use crate::components::page::PageHeading;
use crate::config::app_href;
use crate::context::AppContext;
use crate::hooks::{SubmitOptions, fetch_quietly, use_submit};
use crate::paths::AppRoute;
use crate::search::{from_params, range_text, to_query_string, with_page};
use crate::text as t;

pub const LIST_PATH: &str = "/submissions";
const FROM_ID: &str = "todoke-search-from";
const TO_ID: &str = "todoke-search-to";

/// 「届書・申請書検索一覧」: the first page after sign-in. Drafts and submissions together,
/// searchable by procedure, status, submission dates and arrival number; the conditions live in
/// the URL so that Back, reload and bookmarks keep them.
#[component]
pub fn SubmissionsPage() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let notice = ctx.take_flash();
    let is_applicant = ctx
        .session
        .with_untracked(|s| s.info().is_some_and(|i| i.account.institution.is_some()));
    let query_map = use_query_map();
    let query = Memo::new(move |_| query_map.with(|q| from_params(|k| q.get(k))));
    let page = RwSignal::new(None::<FilingPage>);
    let error = RwSignal::new(None::<String>);
    let forms = RwSignal::new(Vec::<FormSummary>::new());
    let announcement = RwSignal::new(None::<Announcement>);
    // The operator's announcement is extra: when it cannot be fetched the page goes without.
    fetch_quietly(api::announcement(), move |a| {
        announcement.set(a.announcement)
    });

    if is_applicant {
        fetch_quietly(api::forms(), move |f| forms.set(f));
    } else {
        forms.set(
            todoke_core::forms::catalogue()
                .into_iter()
                .map(FormSummary::from)
                .collect(),
        );
    }
    // Every change of the URL's conditions asks again, without waiting for the previous answer.
    let search = use_submit(
        move |q: FilingQuery| {
            Some(async move {
                if is_applicant {
                    api::filings(&q).await
                } else {
                    api::review_filings(&q).await
                }
            })
        },
        move |p| {
            error.set(None);
            page.set(Some(p));
        },
        SubmitOptions::default().error_into(error).concurrent(),
    );
    Effect::new(move |_| search.run(query.get()));

    view! {
        <div class="todoke-page">
            <Notice message=notice />
            <PageHeading text=t::SUBMISSIONS_TITLE() />
            {move || announcement.get().map(|a| view! { <AnnouncementPanel announcement=a /> })}
            {is_applicant.then(|| view! {
                <p>
                    <Link href=AppRoute::Procedures.href() attr:id="todoke-new-filing">{t::NEW_FILING_LINK()}</Link>
                </p>
            })}
            <SearchForm query forms />
            {(!is_applicant).then(|| view! {
                <p>
                    <a id="todoke-csv" href=move || api::review_csv_url(&query.get()) download="filings.csv">{t::CSV_DOWNLOAD()}</a>
                </p>
            })}
            <ErrorAlert message=error />
            {move || match page.get() {
                None => view! { <p class="todoke-loading">{t::LOADING()}</p> }.into_any(),
                Some(p) if p.total == 0 && query.with(|q| *q == FilingQuery::default()) => view! {
                    <div class="todoke-empty">
                        <p class="todoke-empty__title">{t::SUBMISSIONS_EMPTY()}</p>
                        <p>{t::SUBMISSIONS_EMPTY_HINT()}</p>
                    </div>
                }.into_any(),
                Some(p) if p.items.is_empty() => view! {
                    <div class="todoke-empty" role="status"><p class="todoke-empty__title">{t::NO_MATCH()}</p></div>
                }.into_any(),
                Some(p) => view! { <Results page=p query=query.get_untracked() reviewer=!is_applicant /> }.into_any(),
            }}
        </div>
    }
}

/// The search conditions. Submitting puts them in the URL; the list follows the URL. A little
/// over the usual length: it is one form's markup, each condition with its label and error.
#[component]
fn SearchForm(query: Memo<FilingQuery>, forms: RwSignal<Vec<FormSummary>>) -> impl IntoView {
    let navigate = use_navigate();
    let initial = query.get_untracked();
    let field = |v: Option<String>| RwSignal::new(v.unwrap_or_default());
    let procedure = field(initial.procedure.clone());
    let status = field(initial.status.clone());
    let from = field(initial.submitted_from.clone());
    let to = field(initial.submitted_to.clone());
    let arrival = field(initial.arrival_number.clone());
    let sort = field(initial.sort.clone());
    // Dates are typed into one box each; the server parses them with the same function.
    let date_errors = RwSignal::new(Vec::<&'static str>::new());
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let invalid: Vec<&'static str> = [(FROM_ID, from), (TO_ID, to)]
            .into_iter()
            .filter(|(_, v)| {
                v.with_untracked(|v| !v.trim().is_empty() && parse_typed_date(v).is_none())
            })
            .map(|(id, _)| id)
            .collect();
        date_errors.set(invalid.clone());
        if let Some(first) = invalid.first() {
            crate::dom::focus_by_id(first);
            return;
        }
        let some = |s: RwSignal<String>| Some(s.get_untracked()).filter(|v| !v.trim().is_empty());
        let q = FilingQuery {
            procedure: some(procedure),
            status: some(status),
            submitted_from: some(from),
            submitted_to: some(to),
            arrival_number: some(arrival),
            sort: some(sort),
            page: None,
            per_page: None,
        };
        navigate(
            &format!("{LIST_PATH}{}", to_query_string(&q)),
            Default::default(),
        );
    };
    let invalid =
        move |id: &'static str| Signal::derive(move || date_errors.with(|e| e.contains(&id)));
    let procedure_options = Signal::derive(move || {
        std::iter::once((String::new(), t::ALL_OPTION().to_string()))
            .chain(forms.get().into_iter().map(|f| (f.id, f.title)))
            .collect()
    });
    let status_options = Signal::stored(
        std::iter::once((String::new(), t::ALL_OPTION().to_string()))
            .chain(
                FilingStatus::ALL
                    .iter()
                    .map(|s| (s.as_str().to_string(), s.label().to_string())),
            )
            .collect::<Vec<_>>(),
    );
    let sort_options = Signal::stored(vec![
        (String::new(), t::SORT_NEWEST().to_string()),
        ("submitted_at".to_string(), t::SORT_OLDEST().to_string()),
        ("arrival_number".to_string(), t::SORT_ARRIVAL().to_string()),
    ]);
    view! {
        <form class="todoke-search" role="search" aria-labelledby="todoke-search-title" novalidate on:submit=on_submit>
            <h2 id="todoke-search-title" class="todoke-heading-m">{t::SEARCH_HEADING()}</h2>
            <div class="todoke-search__grid">
                {select("todoke-search-procedure", t::PROCEDURE(), procedure, procedure_options)}
                {select("todoke-search-status", t::STATUS(), status, status_options)}
                {text(FROM_ID, t::SUBMITTED_FROM(), from, Some(t::SEARCH_DATE_HINT()), invalid(FROM_ID))}
                {text(TO_ID, t::SUBMITTED_TO(), to, Some(t::SEARCH_DATE_HINT()), invalid(TO_ID))}
                {text("todoke-search-arrival", t::ARRIVAL_NUMBER(), arrival, None, invalid("todoke-search-arrival"))}
                {select("todoke-search-sort", t::SORT_LABEL(), sort, sort_options)}
            </div>
            <div class="todoke-button-group">
                <button id="todoke-search-submit" type="submit" class="todoke-button">{t::SEARCH_BUTTON()}</button>
                <Link href=app_href(LIST_PATH)>{t::SEARCH_CLEAR()}</Link>
            </div>
        </form>
    }
}

/// One choice of the search form.
fn select(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    options: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    view! {
        <div class="todoke-search__field">
            <label class="todoke-label" for=id>{label}</label>
            <select id=id class="todoke-select" prop:value=move || value.get() on:change=move |ev| value.set(event_target_value(&ev))>
                {move || options.get().into_iter().map(|(v, l)| {
                    let selected = value.get_untracked() == v;
                    view! { <option value=v selected=selected>{l}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// One text box of the search form; `invalid` while it holds a date the list cannot read.
fn text(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    hint: Option<&'static str>,
    invalid: Signal<bool>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let ids: Vec<&str> = hint
                .map(|_| hint_id.as_str())
                .into_iter()
                .chain(invalid.get().then_some(error_id.as_str()))
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="todoke-search__field">
            <label class="todoke-label" for=id>{label}</label>
            {hint.map(|h| view! { <p id=hint_id.clone() class="todoke-hint">{h}</p> })}
            <InlineError id=error_id.clone() error=Signal::derive(move || invalid.get().then(|| t::SEARCH_DATE_INVALID().to_string())) />
            <input id=id type="text" autocomplete="off" class="todoke-input todoke-input--narrow"
                aria-invalid=move || invalid.get().then_some("true")
                aria-describedby=described_by
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
        </div>
    }
}

#[component]
fn Results(page: FilingPage, query: FilingQuery, reviewer: bool) -> impl IntoView {
    let pages = page.total.div_ceil(u64::from(page.per_page.max(1))) as u32;
    let range = range_text(page.total, page.page, page.per_page)
        .map(|(first, last)| t::result_range(page.total, first, last))
        .unwrap_or_default();
    let link = move |p: u32| format!("{LIST_PATH}{}", to_query_string(&with_page(&query, p)));
    view! {
        <p class="todoke-results-count" role="status">{range}</p>
        <FilingsTable list=page.items reviewer />
        {(pages > 1).then(|| view! {
            <nav class="todoke-pagination" aria-label=t::PAGINATION_LABEL()>
                <ul>
                    {(page.page > 1).then(|| view! { <li><Link href=app_href(&link(page.page - 1)) attr:rel="prev" attr:id="todoke-prev-page">{t::PREV_PAGE()}</Link></li> })}
                    <li aria-current="page">{t::progress(page.page as usize, pages as usize)}</li>
                    {(page.page < pages).then(|| view! { <li><Link href=app_href(&link(page.page + 1)) attr:rel="next" attr:id="todoke-next-page">{t::NEXT_PAGE()}</Link></li> })}
                </ul>
            </nav>
        })}
    }
}

#[component]
fn FilingsTable(list: Vec<FilingSummary>, reviewer: bool) -> impl IntoView {
    view! {
        // A narrow screen scrolls the table inside a region the keyboard can reach (WCAG 1.4.10).
        <div class="todoke-table-wrap" role="region" aria-labelledby="todoke-filings-caption" tabindex="0">
            <table class="todoke-table">
                <caption id="todoke-filings-caption" class="todoke-table__caption">{t::FILINGS_CAPTION()}</caption>
                <thead>
                    <tr>
                        {reviewer.then(|| view! { <th scope="col">{t::HEADER_INSTITUTION_NAME()}</th> })}
                        <th scope="col">{t::PROCEDURE()}</th>
                        <th scope="col">{t::STATUS()}</th>
                        <th scope="col">{t::NEXT_ACTOR()}</th>
                        <th scope="col">{t::ARRIVAL_NUMBER()}</th>
                        <th scope="col">{t::UPDATED_AT()}</th>
                        <th scope="col">{t::ACTIONS()}</th>
                    </tr>
                </thead>
                <tbody>
                    {list.into_iter().map(|f| {
                        // Drafts and submissions are numbered apart: their ids may coincide.
                        let link_id = match f.status {
                            FilingStatus::Draft => format!("todoke-open-draft-{}", f.id),
                            _ => format!("todoke-open-{}", f.id),
                        };
                        let (href, label, link_text) = match f.status {
                            FilingStatus::Draft => (AppRoute::Draft(f.id).path(), t::continue_draft(&f.title), t::CONTINUE_DRAFT()),
                            _ if reviewer => (AppRoute::Review(f.id).path(), t::parenthetical(t::VIEW_SUBMISSION(), &f.arrival_number.clone().unwrap_or_default()), t::VIEW_SUBMISSION()),
                            _ => (AppRoute::Submission(f.id).path(), t::parenthetical(t::VIEW_SUBMISSION(), &f.title), t::VIEW_SUBMISSION()),
                        };
                        view! {
                            <tr>
                                {reviewer.then(|| view! { <td>{f.institution.as_ref().map(|i| t::parenthetical(&i.name, &i.code.to_string())).unwrap_or_default()}</td> })}
                                <td>{f.title.clone()}</td>
                                <td><span class="todoke-status">{f.status.label()}</span></td>
                                <td>{f.next_actor_label.clone()}</td>
                                <td>{f.arrival_number.clone().unwrap_or_else(|| "—".to_string())}</td>
                                <td>{format_jst_datetime(f.updated_at)}</td>
                                <td><Link href=app_href(&href) attr:id=link_id attr:aria-label=label>{link_text}</Link></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The operator's announcement (e.g. a survey): plain text, line breaks kept, and one link.
#[component]
fn AnnouncementPanel(announcement: Announcement) -> impl IntoView {
    view! {
        <section class="todoke-announcement" aria-labelledby="todoke-announcement-title">
            <h2 id="todoke-announcement-title" class="todoke-heading-m">{t::ANNOUNCEMENT_HEADING()}</h2>
            <p class="todoke-announcement__text">{announcement.text}</p>
            {announcement.link.map(|l| view! {
                <p><a id="todoke-announcement-link" href=l.url>{l.text}</a></p>
            })}
        </section>
    }
}
