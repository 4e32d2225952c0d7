//! The searchable lists: an applicant's drafts and submissions, a bureau's queue, and the
//! queue as CSV. Filtering, sorting and paging happen in SQL; this module builds the one query
//! whose shape depends on the request (the other statements are in [`super::store`]).

use std::collections::HashMap;

use time::{Date, Duration, Time};
use todoke_core::FieldErrors;
use todoke_core::api::{FilingPage, FilingQuery, FilingStatus, FilingSummary};
use todoke_core::forms;
use todoke_core::lifecycle;
use todoke_core::service_hours::JST;
use todoke_core::text::current as text;

use super::Scope;
use super::detail::parse_date;
use super::store::format_date;
use crate::accounts::institution_of;
use crate::db::{Pool, Sql, from_unix, to_unix};
use crate::error::AppError;

/// Sort orders of the lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    NewestFirst,
    OldestFirst,
    ArrivalNumber,
}

/// A [`FilingQuery`] once parsed.
#[derive(Debug, Clone)]
pub struct Search {
    pub procedure: Option<String>,
    pub status: Option<FilingStatus>,
    pub from: Option<i64>,
    pub until: Option<i64>,
    pub arrival_number: Option<String>,
    pub sort: Sort,
    pub page: u32,
    pub per_page: u32,
}

pub const DEFAULT_PER_PAGE: u32 = 20;
pub const MAX_PER_PAGE: u32 = 100;

/// Midnight at the start of `d` in Japan, as Unix seconds.
fn jst_midnight(d: Date) -> i64 {
    to_unix(d.with_time(Time::MIDNIGHT).assume_offset(JST))
}

impl Search {
    /// Parses the query; problems are keyed by parameter name.
    pub fn parse(q: &FilingQuery) -> Result<Self, AppError> {
        let mut errors = FieldErrors::default();
        // NUL dropped: nobody types it, and PostgreSQL refuses it in a parameter.
        let some = |s: &Option<String>| {
            s.as_deref()
                .map(|s| s.replace('\0', ""))
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        let status = match some(&q.status) {
            None => None,
            Some(s) => {
                let parsed = FilingStatus::parse(&s);
                if parsed.is_none() {
                    errors.add("status", text::SEARCH_STATUS_UNKNOWN());
                }
                parsed
            }
        };
        let mut date = |name: &str, v: &Option<String>| match some(v) {
            None => None,
            Some(s) => {
                // Typed into one box on the list page: the same lenient parse as the browser.
                let parsed = forms::parse_typed_date(&s);
                if parsed.is_none() {
                    errors.add(name, text::SEARCH_DATE_INVALID());
                }
                parsed
            }
        };
        let from = date("submitted_from", &q.submitted_from).map(jst_midnight);
        let until = date("submitted_to", &q.submitted_to)
            .map(|d| jst_midnight(d) + Duration::DAY.whole_seconds());
        let sort = match some(&q.sort).as_deref() {
            None | Some("-submitted_at") => Sort::NewestFirst,
            Some("submitted_at") => Sort::OldestFirst,
            Some("arrival_number") => Sort::ArrivalNumber,
            Some(_) => {
                errors.add("sort", text::SEARCH_SORT_UNKNOWN());
                Sort::NewestFirst
            }
        };
        let mut number = |name: &str, v: &Option<String>, default: u32, max: u32| match some(v) {
            None => default,
            Some(s) => match s.parse::<u32>() {
                Ok(n) if (1..=max).contains(&n) => n,
                _ => {
                    errors.add(name, text::SEARCH_PAGE_INVALID());
                    default
                }
            },
        };
        let page = number("page", &q.page, 1, 1_000_000);
        let per_page = number("per_page", &q.per_page, DEFAULT_PER_PAGE, MAX_PER_PAGE);
        errors.into_result().map_err(AppError::Validation)?;
        Ok(Search {
            procedure: some(&q.procedure),
            status,
            from,
            until,
            arrival_number: some(&q.arrival_number),
            sort,
            page,
            per_page,
        })
    }
}

#[derive(Debug, sqlx::FromRow)]
struct ListRow {
    #[sqlx(try_from = "String")]
    status: FilingStatus,
    id: i64,
    form_id: String,
    title: Option<String>,
    arrival_number: Option<String>,
    at: i64,
    acceptance_number: Option<String>,
    effective_date: Option<String>,
    institution_code: Option<String>,
    fee_schedule_class: Option<String>,
    institution_name: Option<String>,
    prefecture: Option<i64>,
}

/// How the arrival-number filter finds its rows. The match is a substring match on every path
/// (`%`, `_` and `\` typed by the user match themselves); the paths differ only in the index
/// that finds the candidates.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ArrivalMatch {
    /// A whole arrival number (`YYYYMMDD-NNNNNN`) that can only be contained in itself: equality
    /// on the unique index. Its hyphen must sit at the ninth character of any number containing
    /// it, so a match starts with it, and one longer than it would need a sequence number beyond
    /// any the counter has issued (checked in [`arrival_match`]).
    Exact(String),
    /// At least three digits or hyphens found in at most [`TRIGRAM_CANDIDATES_MAX`] numbers:
    /// candidates from the trigram index `submissions_arrival_trigram` (SQLite: an FTS5 trigram
    /// table; PostgreSQL: a view over `submissions` with a pg_trgm GIN index), then the LIKE
    /// itself.
    Trigram(String),
    /// Anything else: one or two characters, characters no arrival number holds, or text in so
    /// many numbers (`2026`, the year) that reading them all from the index costs more than
    /// walking the list in its order, checking the LIKE, and stopping after the page.
    Scan(String),
}

/// The most arrival numbers a search text may be found in (trigram candidates, before the LIKE)
/// for [`ArrivalMatch::Trigram`].
const TRIGRAM_CANDIDATES_MAX: i64 = 2_000;

/// `%typed%` for LIKE … ESCAPE '\'.
fn like_pattern(typed: &str) -> String {
    let escaped: String = typed
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    format!("%{escaped}%")
}

/// The path for `typed`; a whole number asks the counter for the highest sequence issued, other
/// digits and hyphens the trigram index how many numbers hold them.
async fn arrival_match(pool: &Pool, typed: &str) -> Result<ArrivalMatch, AppError> {
    let bytes = typed.as_bytes();
    let whole = bytes.len() >= 15
        && bytes[8] == b'-'
        && bytes[..8].iter().all(u8::is_ascii_digit)
        && bytes[9..].iter().all(u8::is_ascii_digit);
    if whole {
        // A longer number starting with `typed` has a sequence of more digits than typed, so
        // at least 10^digits; every sequence comes from arrival_counter.
        let digits = (bytes.len() - 9) as u32;
        let highest: Option<i64> = sqlx::query_scalar("SELECT MAX(id) FROM arrival_counter")
            .fetch_one(pool)
            .await?;
        let longer_possible = digits < 18 && highest.unwrap_or(0) >= 10_i64.pow(digits);
        if !longer_possible {
            return Ok(ArrivalMatch::Exact(typed.to_string()));
        }
    }
    if typed.chars().count() >= 3 && typed.chars().all(|c| c.is_ascii_digit() || c == '-') {
        // How selective the text is, read from the index and cut off just past the limit.
        let candidates: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM (SELECT rowid FROM submissions_arrival_trigram
                                   WHERE arrival_number LIKE $1 LIMIT $2) c",
        )
        .bind(format!("%{typed}%"))
        .bind(TRIGRAM_CANDIDATES_MAX + 1)
        .fetch_one(pool)
        .await?;
        if candidates <= TRIGRAM_CANDIDATES_MAX {
            return Ok(ArrivalMatch::Trigram(typed.to_string()));
        }
    }
    Ok(ArrivalMatch::Scan(typed.to_string()))
}

/// A search once its arrival-number path is known, and which halves of the list it can reach.
struct Plan<'a> {
    scope: Scope,
    search: &'a Search,
    arrival: Option<ArrivalMatch>,
    /// Whether unsent drafts can match: only applicants have them, and a draft has no
    /// submission date, arrival number or status other than `draft`.
    drafts: bool,
}

impl<'a> Plan<'a> {
    async fn new(pool: &Pool, scope: Scope, search: &'a Search) -> Result<Plan<'a>, AppError> {
        let arrival = match &search.arrival_number {
            Some(typed) => Some(arrival_match(pool, typed).await?),
            None => None,
        };
        let drafts = matches!(scope, Scope::Applicant(_))
            && search.from.is_none()
            && search.until.is_none()
            && search.arrival_number.is_none()
            && search.status.is_none_or(|s| s == FilingStatus::Draft);
        Ok(Plan {
            scope,
            search,
            arrival,
            drafts,
        })
    }
}

/// The list's columns, named as [`ListRow`]; applicants get no institution columns.
fn submission_columns(scope: Scope) -> &'static str {
    match scope {
        Scope::Applicant(_) => {
            "s.status AS status, s.id AS id, s.form_id AS form_id, s.title AS title,
             s.arrival_number AS arrival_number, s.submitted_at AS at,
             s.acceptance_number AS acceptance_number, s.effective_date AS effective_date,
             CAST(NULL AS TEXT) AS institution_code, CAST(NULL AS TEXT) AS fee_schedule_class,
             CAST(NULL AS TEXT) AS institution_name, CAST(NULL AS BIGINT) AS prefecture"
        }
        Scope::Bureau(_) => {
            "s.status AS status, s.id AS id, s.form_id AS form_id, s.title AS title,
             s.arrival_number AS arrival_number, s.submitted_at AS at,
             s.acceptance_number AS acceptance_number, s.effective_date AS effective_date,
             a.institution_code AS institution_code, a.fee_schedule_class AS fee_schedule_class,
             a.institution_name AS institution_name, a.prefecture AS prefecture"
        }
    }
}

const DRAFT_COLUMNS: &str = "'draft' AS status, d.id AS id, d.form_id AS form_id,
     CAST(NULL AS TEXT) AS title, CAST(NULL AS TEXT) AS arrival_number, d.updated_at AS at,
     CAST(NULL AS TEXT) AS acceptance_number, CAST(NULL AS TEXT) AS effective_date,
     CAST(NULL AS TEXT) AS institution_code, CAST(NULL AS TEXT) AS fee_schedule_class,
     CAST(NULL AS TEXT) AS institution_name, CAST(NULL AS BIGINT) AS prefecture";

/// `SELECT columns FROM submissions s …` restricted to what the scope may see and filtered.
/// The bureau's scope needs the account (its prefecture); an applicant's does not.
fn push_source(qb: &mut Sql, plan: &Plan, columns: &str) {
    qb.push("SELECT ").push(columns).push(" FROM submissions s");
    if let Scope::Bureau(_) = plan.scope {
        qb.push(" JOIN accounts a ON a.id = s.account_id");
    }
    qb.push(" WHERE ").push(&plan.scope.condition());
    push_filters(qb, plan);
}

/// `SELECT columns FROM drafts d …`: the applicant's unsent drafts, filtered (only by procedure
/// and status can a draft match; [`Plan::drafts`] leaves the half out otherwise).
fn push_drafts(qb: &mut Sql, account_id: i64, plan: &Plan, columns: &str) {
    qb.push("SELECT ")
        .push(columns)
        .push(" FROM drafts d WHERE d.submitted_at IS NULL AND d.account_id = ")
        .push_bind(account_id);
    if let Some(p) = &plan.search.procedure {
        qb.push(" AND d.form_id = ").push_bind(p.clone());
    }
}

/// The filters, on the submission `s`.
fn push_filters(qb: &mut Sql, plan: &Plan) {
    let search = plan.search;
    if let Some(p) = &search.procedure {
        qb.push(" AND s.form_id = ").push_bind(p.clone());
    }
    if let Some(s) = search.status {
        qb.push(" AND s.status = ")
            .push_bind(s.as_str().to_string());
    }
    if let Some(from) = search.from {
        qb.push(" AND s.submitted_at >= ").push_bind(from);
    }
    if let Some(until) = search.until {
        qb.push(" AND s.submitted_at < ").push_bind(until);
    }
    match &plan.arrival {
        None => {}
        Some(ArrivalMatch::Exact(number)) => {
            qb.push(" AND s.arrival_number = ")
                .push_bind(number.clone());
        }
        Some(ArrivalMatch::Trigram(typed)) => {
            // No wildcard or escape in `typed` (digits and hyphens), so the plain two-argument
            // LIKE, the one FTS5 can answer from its index.
            qb.push(" AND s.id IN (SELECT rowid FROM submissions_arrival_trigram WHERE arrival_number LIKE ")
                .push_bind(format!("%{typed}%"))
                .push(") AND s.arrival_number LIKE ")
                .push_bind(like_pattern(typed))
                .push(" ESCAPE '\\'");
        }
        Some(ArrivalMatch::Scan(typed)) => {
            qb.push(" AND s.arrival_number LIKE ")
                .push_bind(like_pattern(typed))
                .push(" ESCAPE '\\'");
        }
    }
}

/// The order of the whole list, on the merged rows `f` (drafts have no arrival number and
/// come after every submission when sorting by it).
fn push_order(qb: &mut Sql, sort: Sort) {
    qb.push(match sort {
        Sort::NewestFirst => " ORDER BY f.at DESC, f.id DESC",
        Sort::OldestFirst => " ORDER BY f.at ASC, f.id ASC",
        Sort::ArrivalNumber => {
            " ORDER BY f.arrival_number IS NULL, f.arrival_number ASC, f.at DESC, f.id DESC"
        }
    });
}

/// The same order within one half, on its own columns, so that each half can walk an index
/// (`submissions_account_submitted`, `submissions_submitted`, the unique arrival number,
/// `drafts_unsent_account_updated`) and stop after its first rows. Arrival numbers are unique
/// and never NULL on a submission, and always NULL on a draft.
fn push_half_order(qb: &mut Sql, sort: Sort, drafts: bool) {
    let (at, id) = if drafts {
        ("d.updated_at", "d.id")
    } else {
        ("s.submitted_at", "s.id")
    };
    match sort {
        Sort::NewestFirst => qb.push(&format!(" ORDER BY {at} DESC, {id} DESC")),
        Sort::OldestFirst => qb.push(&format!(" ORDER BY {at} ASC, {id} ASC")),
        Sort::ArrivalNumber if drafts => qb.push(&format!(" ORDER BY {at} DESC, {id} DESC")),
        Sort::ArrivalNumber => qb.push(" ORDER BY s.arrival_number ASC"),
    };
}

/// The rows of `plan`, one page of them when `limit` is `(page, per_page)`.
///
/// An applicant's list is their submissions and their unsent drafts. Each half is sorted and
/// cut to `offset + per_page` rows on its own before the two are merged, so a page reads at
/// most that many rows of each, along their indexes, however many filings the institution has.
fn push_rows(qb: &mut Sql, plan: &Plan, limit: Option<(u32, u32)>) {
    let sort = plan.search.sort;
    let page_rows = limit.map(|(page, per_page)| {
        let offset = i64::from(page - 1) * i64::from(per_page);
        (offset, i64::from(per_page))
    });
    let columns = submission_columns(plan.scope);
    match (plan.scope, plan.drafts) {
        (Scope::Applicant(account_id), true) => {
            qb.push("SELECT * FROM (SELECT * FROM (");
            push_source(qb, plan, columns);
            if let Some((offset, per_page)) = page_rows {
                push_half_order(qb, sort, false);
                qb.push(" LIMIT ").push_bind(offset + per_page);
            }
            qb.push(") f1 UNION ALL SELECT * FROM (");
            push_drafts(qb, account_id, plan, DRAFT_COLUMNS);
            if let Some((offset, per_page)) = page_rows {
                push_half_order(qb, sort, true);
                qb.push(" LIMIT ").push_bind(offset + per_page);
            }
            qb.push(") f2) f");
            push_order(qb, sort);
        }
        _ => {
            push_source(qb, plan, columns);
            push_half_order(qb, sort, false);
        }
    }
    if let Some((offset, per_page)) = page_rows {
        qb.push(" LIMIT ")
            .push_bind(per_page)
            .push(" OFFSET ")
            .push_bind(offset);
    }
}

/// How many rows `plan` matches: a count per half, without the account unless the scope
/// needs it.
fn push_count(qb: &mut Sql, plan: &Plan) {
    qb.push("SELECT (SELECT COUNT(*) FROM (");
    push_source(qb, plan, "1 AS one");
    qb.push(") c1)");
    if let (Scope::Applicant(account_id), true) = (plan.scope, plan.drafts) {
        qb.push(" + (SELECT COUNT(*) FROM (");
        push_drafts(qb, account_id, plan, "1 AS one");
        qb.push(") c2)");
    }
}

async fn rows(
    pool: &Pool,
    plan: &Plan<'_>,
    limit: Option<(u32, u32)>,
) -> Result<Vec<FilingSummary>, AppError> {
    let scope = plan.scope;
    let mut qb = Sql::new("");
    push_rows(&mut qb, plan, limit);
    let (sql, args) = qb.build()?;
    let rows: Vec<ListRow> = sqlx::query_as_with(&sql, args).fetch_all(pool).await?;
    let titles: HashMap<String, String> = forms::catalogue()
        .into_iter()
        .map(|d| (d.id, d.title))
        .collect();
    rows.into_iter()
        .map(|r| {
            let status = r.status;
            let title = super::forms::shown_title(r.title, titles.get(&r.form_id).cloned())
                .unwrap_or_else(|| r.form_id.clone());
            Ok(FilingSummary {
                id: r.id,
                status,
                form_id: r.form_id,
                title,
                arrival_number: r.arrival_number,
                updated_at: from_unix(r.at)?.to_offset(JST),
                acceptance_number: r.acceptance_number,
                effective_date: r.effective_date.as_deref().and_then(parse_date),
                next_actor_label: lifecycle::next_actor_label(status).to_string(),
                institution: match scope {
                    Scope::Applicant(_) => None,
                    Scope::Bureau(_) => institution_of(
                        r.institution_code.as_deref(),
                        r.fee_schedule_class.as_deref(),
                        r.institution_name.as_deref(),
                        r.prefecture,
                    ),
                },
            })
        })
        .collect()
}

/// One page of what `scope` may see, filtered and sorted in SQL.
pub async fn search(pool: &Pool, scope: Scope, search: &Search) -> Result<FilingPage, AppError> {
    let plan = Plan::new(pool, scope, search).await?;
    let mut qb = Sql::new("");
    push_count(&mut qb, &plan);
    let (sql, args) = qb.build()?;
    let total: i64 = sqlx::query_scalar_with(&sql, args).fetch_one(pool).await?;
    let items = rows(pool, &plan, Some((search.page, search.per_page))).await?;
    Ok(FilingPage {
        items,
        total: total.max(0) as u64,
        page: search.page,
        per_page: search.per_page,
    })
}

/// Every match (no paging) as CSV: UTF-8 with a byte-order mark (so that Excel reads it as
/// UTF-8), a Japanese header row, CRLF line ends, every field quoted.
pub async fn csv(pool: &Pool, scope: Scope, search: &Search) -> Result<String, AppError> {
    let plan = Plan::new(pool, scope, search).await?;
    let items = rows(pool, &plan, None).await?;
    let mut out = String::from("\u{feff}");
    let mut line = |fields: &[&str]| {
        let quoted: Vec<String> = fields
            .iter()
            .map(|f| format!("\"{}\"", f.replace('"', "\"\"")))
            .collect();
        out.push_str(&quoted.join(","));
        out.push_str("\r\n");
    };
    line(text::CSV_HEADER());
    for f in &items {
        let at = f.updated_at;
        let submitted = format!(
            "{:04}-{:02}-{:02} {:02}:{:02}",
            at.year(),
            u8::from(at.month()),
            at.day(),
            at.hour(),
            at.minute()
        );
        let inst = f.institution.as_ref();
        line(&[
            f.arrival_number.as_deref().unwrap_or(""),
            &submitted,
            &f.title,
            f.status.label(),
            inst.map(|i| i.code.as_str()).unwrap_or(""),
            inst.map(|i| i.name.as_str()).unwrap_or(""),
            inst.map(|i| i.prefecture.name()).unwrap_or(""),
            f.acceptance_number.as_deref().unwrap_or(""),
            &f.effective_date.map(format_date).unwrap_or_default(),
            &f.next_actor_label,
        ]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_parameters_are_checked() {
        let q = FilingQuery {
            status: Some("lost".into()),
            submitted_from: Some("2026/13/01".into()),
            sort: Some("title".into()),
            per_page: Some("101".into()),
            ..FilingQuery::default()
        };
        let Err(AppError::Validation(fields)) = Search::parse(&q) else {
            panic!("accepted")
        };
        for name in ["status", "submitted_from", "sort", "per_page"] {
            assert!(fields.get(name).is_some(), "{name}");
        }
        let ok = Search::parse(&FilingQuery::default()).unwrap();
        assert_eq!((ok.page, ok.per_page, ok.sort), (1, 20, Sort::NewestFirst));
    }
}
