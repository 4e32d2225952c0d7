//! Tracking and review (issue 4): where a submission stands in the lifecycle, who may see it,
//! the audit log, the bureau's transitions, the searchable lists, the CSV export and notices.
//!
//! * Visibility is a [`Scope`]: an applicant account sees its own submissions, a reviewer those
//!   of institutions in the prefectures of its bureau. Anything outside the scope answers 404,
//!   exactly like an id that does not exist.
//! * Every status change goes through [`lifecycle::transition`] (a refusal is 409
//!   `transition_not_allowed` with the machine's Japanese message) and, in the same write
//!   transaction, appends one row to `filing_events` (the audit log, which nothing updates or
//!   deletes) and, for a change made by the bureau, an unread notice for the applicant.
//! * Searching and paging happen in SQL.

use std::collections::HashMap;

use sha2::{Digest, Sha256};
use crate::db::{Conn, Pool, Sql};
use time::{Date, Duration, OffsetDateTime, Time};
use todoke_core::api::{
    FieldComment, FilingPage, FilingQuery, FilingStatus, FilingSummary, HistoryEntry,
    InstitutionSummary, Notice, NoticeList, Submission,
};
use todoke_core::calendar;
use todoke_core::forms::{self, Answers};
use todoke_core::lifecycle::{self, Action, Actor};
use todoke_core::service_hours::JST;
use todoke_core::text::ja;
use todoke_core::{FeeScheduleClass, FieldErrors, InstitutionCode, Prefecture, RegionalBureau};

use crate::AppState;
use crate::db::{self, from_unix, to_unix};
use crate::error::AppError;

/// Which submissions a caller may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// One applicant account's own.
    Applicant(i64),
    /// Every institution in the bureau's prefectures.
    Bureau(RegionalBureau),
}

impl Scope {
    /// A condition on `s` (submissions) / `a` (the filing account). Only integers are inlined.
    fn condition(self) -> String {
        match self {
            Self::Applicant(account_id) => format!("s.account_id = {account_id}"),
            Self::Bureau(bureau) => {
                let codes: Vec<String> =
                    bureau.prefectures().map(|p| p.code().to_string()).collect();
                format!("a.prefecture IN ({})", codes.join(", "))
            }
        }
    }

    pub fn actor(self) -> Actor {
        match self {
            Self::Applicant(_) => Actor::Applicant,
            Self::Bureau(_) => Actor::Reviewer,
        }
    }
}

/// Who acts, as the audit log records it.
#[derive(Debug, Clone)]
pub struct Acting {
    pub account_id: i64,
    pub scope: Scope,
    /// The institution's name or the reviewer's display name.
    pub label: String,
}

/// Hex SHA-256 of the answers as stored.
pub fn content_sha256(stored_answers: &str) -> String {
    hex::encode(Sha256::digest(stored_answers.as_bytes()))
}

fn json_text<T: serde::Serialize>(value: &T) -> Result<String, AppError> {
    serde_json::to_string(value).map_err(|e| AppError::Internal(format!("json: {e}")))
}

pub fn parse_status(status: &str) -> Result<FilingStatus, AppError> {
    FilingStatus::parse(status)
        .ok_or_else(|| AppError::Internal(format!("unknown filing status {status:?}")))
}

fn parse_date(s: &str) -> Option<Date> {
    forms::parse_iso_date(s)
}

fn format_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

fn institution(
    code: Option<&str>,
    class: Option<&str>,
    name: Option<&str>,
    prefecture: Option<i64>,
) -> Option<InstitutionSummary> {
    Some(InstitutionSummary {
        code: InstitutionCode::parse(code?).ok()?,
        name: name?.to_string(),
        class: FeeScheduleClass::parse(class?)?,
        prefecture: Prefecture::from_code(u8::try_from(prefecture?).ok()?)?,
    })
}

// ---- One submission --------------------------------------------------------------------------

const SUBMISSION_COLUMNS: &str = "s.id, s.account_id, s.arrival_number, s.form_id, s.form_version, \
     s.title, s.status, s.answers, s.acknowledged_warnings, s.submitted_at, s.content_sha256, \
     s.previous_answers, s.return_comment, s.field_comments, s.return_deadline, \
     s.acceptance_number, s.effective_date, s.rejection_reason, a.institution_code, \
     a.fee_schedule_class, a.institution_name, a.prefecture";

/// A row of `submissions` with its account's institution.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SubmissionRow {
    pub id: i64,
    pub account_id: i64,
    pub arrival_number: String,
    pub form_id: String,
    pub form_version: String,
    pub title: String,
    pub status: String,
    pub answers: String,
    pub acknowledged_warnings: String,
    pub submitted_at: i64,
    pub content_sha256: Option<String>,
    pub previous_answers: Option<String>,
    pub return_comment: Option<String>,
    pub field_comments: Option<String>,
    pub return_deadline: Option<String>,
    pub acceptance_number: Option<String>,
    pub effective_date: Option<String>,
    pub rejection_reason: Option<String>,
    pub institution_code: Option<String>,
    pub fee_schedule_class: Option<String>,
    pub institution_name: Option<String>,
    pub prefecture: Option<i64>,
}

impl SubmissionRow {
    pub fn status(&self) -> Result<FilingStatus, AppError> {
        parse_status(&self.status)
    }

    pub fn answers(&self) -> Result<Answers, AppError> {
        serde_json::from_str(&self.answers).map_err(|e| {
            AppError::Internal(format!("submission {} has invalid answers: {e}", self.id))
        })
    }
}

/// The submission `id` if `scope` may see it.
pub async fn find_row(
    conn: &mut Conn,
    scope: Scope,
    id: i64,
) -> Result<Option<SubmissionRow>, AppError> {
    let sql = format!(
        "SELECT {SUBMISSION_COLUMNS} FROM submissions s JOIN accounts a ON a.id = s.account_id
         WHERE s.id = $1 AND {}",
        scope.condition()
    );
    Ok(sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?)
}

#[derive(Debug, sqlx::FromRow)]
struct EventRow {
    at: i64,
    actor_label: String,
    action: String,
    from_status: Option<String>,
    to_status: String,
    comment: Option<String>,
    field_comments: Option<String>,
    deadline: Option<String>,
}

fn field_comments(text: Option<&str>) -> Result<Vec<FieldComment>, AppError> {
    text.map(|t| {
        serde_json::from_str(t).map_err(|e| AppError::Internal(format!("field comments: {e}")))
    })
    .transpose()
    .map(Option::unwrap_or_default)
}

fn action_label(action: &str) -> String {
    if action == "submit" {
        return ja::ACTION_SUBMIT.to_string();
    }
    lifecycle::Action::ALL
        .into_iter()
        .find(|a| a.as_str() == action)
        .map_or_else(|| action.to_string(), |a| a.label().to_string())
}

/// The submission as `scope` sees it: content, status, history and what may be done next.
pub async fn detail(
    conn: &mut Conn,
    scope: Scope,
    id: i64,
) -> Result<Option<Submission>, AppError> {
    let Some(row) = find_row(conn, scope, id).await? else {
        return Ok(None);
    };
    let events: Vec<EventRow> = sqlx::query_as(
        "SELECT at, actor_label, action, from_status, to_status, comment, field_comments, deadline
         FROM filing_events WHERE submission_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let mut history = Vec::with_capacity(events.len());
    for e in events {
        history.push(HistoryEntry {
            at: from_unix(e.at)?.to_offset(JST),
            actor_label: e.actor_label,
            action_label: action_label(&e.action),
            action: e.action,
            from_status: e.from_status.as_deref().map(parse_status).transpose()?,
            to_status: parse_status(&e.to_status)?,
            comment: e.comment,
            field_comments: field_comments(e.field_comments.as_deref())?,
            deadline: e.deadline.as_deref().and_then(parse_date),
        });
    }
    let status = row.status()?;
    if let Some(entry) = end_of_use_entry(conn, id, status).await? {
        history.push(entry);
    }
    let corrupt = |what: &str, e: serde_json::Error| {
        AppError::Internal(format!("submission {} has an invalid {what}: {e}", row.id))
    };
    Ok(Some(Submission {
        id: row.id,
        arrival_number: row.arrival_number.clone(),
        form_id: row.form_id.clone(),
        form_version: row.form_version.clone(),
        title: row.title.clone(),
        status,
        answers: row.answers()?,
        acknowledged_warnings: serde_json::from_str(&row.acknowledged_warnings)
            .map_err(|e| corrupt("acknowledged_warnings", e))?,
        submitted_at: from_unix(row.submitted_at)?.to_offset(JST),
        history,
        allowed_actions: lifecycle::allowed_actions(status, scope.actor()),
        field_comments: field_comments(row.field_comments.as_deref())?,
        return_comment: row.return_comment.clone(),
        return_deadline: row.return_deadline.as_deref().and_then(parse_date),
        acceptance_number: row.acceptance_number.clone(),
        effective_date: row.effective_date.as_deref().and_then(parse_date),
        rejection_reason: row.rejection_reason.clone(),
        content_sha256: row
            .content_sha256
            .clone()
            .unwrap_or_else(|| content_sha256(&row.answers)),
        previous_answers: row
            .previous_answers
            .as_deref()
            .map(serde_json::from_str)
            .transpose()
            .map_err(|e| corrupt("previous_answers", e))?,
        next_actor_label: lifecycle::next_actor_label(status).to_string(),
        institution: match scope {
            Scope::Applicant(_) => None,
            Scope::Bureau(_) => institution(
                row.institution_code.as_deref(),
                row.fee_schedule_class.as_deref(),
                row.institution_name.as_deref(),
                row.prefecture,
            ),
        },
    }))
}

/// The operator's processing of an accepted 利用終了届出, shown as the last history entry.
async fn end_of_use_entry(
    conn: &mut Conn,
    submission_id: i64,
    status: FilingStatus,
) -> Result<Option<HistoryEntry>, AppError> {
    let record: Option<(i64, String)> = sqlx::query_as(
        "SELECT processed_at, outcome FROM end_of_use_records WHERE submission_id = $1",
    )
    .bind(submission_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((at, outcome)) = record else {
        return Ok(None);
    };
    Ok(Some(HistoryEntry {
        at: from_unix(at)?.to_offset(JST),
        actor_label: ja::OPERATOR_LABEL.to_string(),
        action_label: ja::ACTION_END_USE.to_string(),
        action: "end_use".to_string(),
        from_status: Some(status),
        to_status: status,
        comment: Some(
            if outcome == "ended" {
                ja::END_USE_DONE
            } else {
                ja::END_USE_ALREADY_DONE
            }
            .to_string(),
        ),
        field_comments: Vec::new(),
        deadline: None,
    }))
}

// ---- The audit log and notices ---------------------------------------------------------------

/// One row for `filing_events`.
#[derive(Debug, Clone, Default)]
pub struct Event<'a> {
    pub submission_id: i64,
    pub action: &'a str,
    pub from_status: Option<FilingStatus>,
    pub to_status: Option<FilingStatus>,
    pub comment: Option<&'a str>,
    pub field_comments: Option<&'a [FieldComment]>,
    pub deadline: Option<Date>,
}

/// Appends to the audit log (the only statement that touches `filing_events`).
pub async fn append_event(
    conn: &mut Conn,
    by: &Acting,
    event: &Event<'_>,
    now: OffsetDateTime,
) -> Result<i64, AppError> {
    let to = event
        .to_status
        .ok_or_else(|| AppError::Internal("event without a status".into()))?;
    let field_comments = match event.field_comments {
        Some(c) if !c.is_empty() => Some(json_text(&c)?),
        _ => None,
    };
    Ok(sqlx::query_scalar(
        "INSERT INTO filing_events (submission_id, at, actor_account_id, actor_role, actor_label,
                                    action, from_status, to_status, comment, field_comments, deadline)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         RETURNING id",
    )
    .bind(event.submission_id)
    .bind(to_unix(now))
    .bind(by.account_id)
    .bind(by.scope.actor().as_str())
    .bind(&by.label)
    .bind(event.action)
    .bind(event.from_status.map(FilingStatus::as_str))
    .bind(to.as_str())
    .bind(event.comment)
    .bind(field_comments)
    .bind(event.deadline.map(format_date))
    .fetch_one(&mut *conn)
    .await?)
}

// ---- Transitions -----------------------------------------------------------------------------

/// What comes with an action.
#[derive(Debug, Clone, Default)]
pub struct ActionInput {
    pub comment: Option<String>,
    pub field_comments: Vec<FieldComment>,
    pub deadline: Option<Date>,
    pub reason: Option<String>,
}

const COMMENT_MAX_CHARS: usize = 2000;

fn trimmed(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The input's problems for `action`, keyed by request field. `commentable` are the paths a
/// field comment may name: the rows of the filing's content as both pages show it.
fn check_input(
    action: Action,
    input: &ActionInput,
    today: Date,
    commentable: &[String],
) -> FieldErrors {
    let mut errors = FieldErrors::default();
    let too_long = |s: &Option<String>| {
        s.as_deref()
            .is_some_and(|s| s.chars().count() > COMMENT_MAX_CHARS)
    };
    if too_long(&input.comment) {
        errors.add("comment", ja::COMMENT_TOO_LONG);
    }
    match action {
        Action::Return => {
            if trimmed(&input.comment).is_none() {
                errors.add("comment", ja::RETURN_COMMENT_REQUIRED);
            }
            for (i, c) in input.field_comments.iter().enumerate() {
                if c.path.trim().is_empty() || c.comment.trim().is_empty() {
                    errors.add(
                        &format!("field_comments[{i}]"),
                        ja::FIELD_COMMENT_INCOMPLETE,
                    );
                } else if c.comment.chars().count() > COMMENT_MAX_CHARS {
                    errors.add(&format!("field_comments[{i}]"), ja::COMMENT_TOO_LONG);
                } else if !commentable.iter().any(|p| *p == c.path.trim()) {
                    errors.add(
                        &format!("field_comments[{i}]"),
                        ja::FIELD_COMMENT_NO_SUCH_ITEM,
                    );
                }
            }
            if input.deadline.is_some_and(|d| d < today) {
                errors.add("deadline", ja::RETURN_DEADLINE_PAST);
            }
        }
        Action::Reject => {
            if trimmed(&input.reason).is_none() {
                errors.add("reason", ja::REJECTION_REASON_REQUIRED);
            } else if too_long(&input.reason) {
                errors.add("reason", ja::COMMENT_TOO_LONG);
            }
        }
        _ => {}
    }
    errors
}

/// The paths of `row`'s content that a bureau may comment on: the fields, and the fields of each
/// row it has, of its form ([`forms::review_rows`], what the review page offers).
fn commentable_paths(row: &SubmissionRow) -> Result<Vec<String>, AppError> {
    let Some(def) = forms::definition(&row.form_id) else {
        return Ok(Vec::new());
    };
    Ok(forms::review_rows(&def, &row.answers()?)
        .into_iter()
        .map(|r| r.path)
        .collect())
}

/// 受理番号: `YYYY-A-NNNNNN`, the year of acceptance in Japan and a never-reused sequence.
fn acceptance_number(year: i32, sequence: i64) -> String {
    format!("{year:04}-A-{sequence:06}")
}

/// Takes `action` on submission `id` as `by`, in one write transaction: the lifecycle decides,
/// the submission changes, the audit log grows by one row and, for the bureau's actions, the
/// applicant gets a notice. Answers the submission as `by` now sees it.
///
/// Not for [`Action::Resubmit`] (that is the draft submit) or [`Action::CopyToNewDraft`].
pub async fn act(
    state: &AppState,
    by: &Acting,
    id: i64,
    action: Action,
    input: ActionInput,
) -> Result<Submission, AppError> {
    let now = state.clock.now();
    let today = now.to_offset(JST).date();
    let mut tx = db::begin_write(&state.pool).await?;
    let (row, to) = find_for(&mut tx, by.scope, id, action).await?;
    let from = row.status()?;
    let commentable = if input.field_comments.is_empty() {
        Vec::new()
    } else {
        commentable_paths(&row)?
    };
    let problems = check_input(action, &input, today, &commentable);
    if !problems.is_empty() {
        return Err(AppError::Validation(problems));
    }
    let comment = trimmed(&input.comment);
    let mut event = Event {
        submission_id: id,
        action: action.as_str(),
        from_status: Some(from),
        to_status: Some(to),
        comment: comment.as_deref(),
        ..Event::default()
    };
    match action {
        Action::Return => {
            let comments = if input.field_comments.is_empty() {
                None
            } else {
                Some(json_text(&input.field_comments)?)
            };
            sqlx::query(
                "UPDATE submissions SET status = $1, return_comment = $2, field_comments = $3,
                        return_deadline = $4 WHERE id = $5",
            )
            .bind(to.as_str())
            .bind(comment.as_deref())
            .bind(comments)
            .bind(input.deadline.map(format_date))
            .bind(id)
            .execute(&mut *tx)
            .await?;
            event.field_comments = Some(&input.field_comments);
            event.deadline = input.deadline;
        }
        Action::Accept => {
            let sequence: i64 = sqlx::query_scalar(
                "INSERT INTO acceptance_counter (issued_at) VALUES ($1) RETURNING id",
            )
            .bind(to_unix(now))
            .fetch_one(&mut *tx)
            .await?;
            let number = acceptance_number(today.year(), sequence);
            sqlx::query(
                "UPDATE submissions SET status = $1, acceptance_number = $2, accepted_at = $3,
                        effective_date = $4 WHERE id = $5",
            )
            .bind(to.as_str())
            .bind(&number)
            .bind(to_unix(now))
            .bind(format_date(calendar::effective_date(today)))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        Action::Reject => {
            sqlx::query("UPDATE submissions SET status = $1, rejection_reason = $2 WHERE id = $3")
                .bind(to.as_str())
                .bind(trimmed(&input.reason))
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        Action::Resubmit | Action::CopyToNewDraft => {
            return Err(AppError::Internal(format!(
                "{action:?} is not taken through tracking::act"
            )));
        }
        Action::Withdraw | Action::Receive | Action::StartReview => {
            sqlx::query("UPDATE submissions SET status = $1 WHERE id = $2")
                .bind(to.as_str())
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
    }
    let event_id = append_event(&mut tx, by, &event, now).await?;
    if by.scope.actor() == Actor::Reviewer {
        notify(&mut tx, &row, event_id, to, now).await?;
    }
    let submission = detail(&mut tx, by.scope, id)
        .await?
        .ok_or_else(|| AppError::Internal("the submission is no longer readable".into()))?;
    tx.commit().await?;
    tracing::info!(
        submission_id = id,
        action = action.as_str(),
        from = from.as_str(),
        to = to.as_str(),
        actor_account_id = by.account_id,
        "filing transition"
    );
    Ok(submission)
}

/// An unread notice for the filing's applicant.
async fn notify(
    conn: &mut Conn,
    row: &SubmissionRow,
    event_id: i64,
    to: FilingStatus,
    now: OffsetDateTime,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO notices (account_id, submission_id, event_id, status, message, at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(row.account_id)
    .bind(row.id)
    .bind(event_id)
    .bind(to.as_str())
    .bind(ja::notice_status_changed(
        &row.title,
        &row.arrival_number,
        to.label(),
    ))
    .bind(to_unix(now))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Submission `id` as `scope` sees it, if `action` by `scope` is allowed in its status, with
/// the status the action leads to; 404 when `scope` cannot see it, 409 when the lifecycle
/// refuses. Changes nothing: every action (transitions, revise, copy) starts here.
pub async fn find_for(
    conn: &mut Conn,
    scope: Scope,
    id: i64,
    action: Action,
) -> Result<(SubmissionRow, FilingStatus), AppError> {
    let row = find_row(conn, scope, id).await?.ok_or(AppError::NotFound)?;
    let to = lifecycle::transition(row.status()?, action, scope.actor())
        .map_err(AppError::Transition)?;
    Ok((row, to))
}

// ---- Notices ---------------------------------------------------------------------------------

#[derive(Debug, sqlx::FromRow)]
struct NoticeRow {
    id: i64,
    submission_id: i64,
    status: String,
    message: String,
    at: i64,
    read_at: Option<i64>,
}

/// The account's notices, newest first (the latest 100), and how many are unread.
pub async fn notices(pool: &Pool, account_id: i64) -> Result<NoticeList, AppError> {
    let unread: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM notices WHERE account_id = $1 AND read_at IS NULL",
    )
    .bind(account_id)
    .fetch_one(pool)
    .await?;
    let rows: Vec<NoticeRow> = sqlx::query_as(
        "SELECT id, submission_id, status, message, at, read_at FROM notices
         WHERE account_id = $1 ORDER BY id DESC LIMIT 100",
    )
    .bind(account_id)
    .fetch_all(pool)
    .await?;
    let items = rows
        .into_iter()
        .map(|r| {
            Ok(Notice {
                id: r.id,
                submission_id: r.submission_id,
                status: parse_status(&r.status)?,
                message: r.message,
                at: from_unix(r.at)?.to_offset(JST),
                read: r.read_at.is_some(),
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(NoticeList {
        unread: unread.max(0) as u64,
        items,
    })
}

/// Marks the account's notice read (again is fine); 404 for another account's.
pub async fn mark_read(
    pool: &Pool,
    account_id: i64,
    id: i64,
    now: OffsetDateTime,
) -> Result<(), AppError> {
    let done = sqlx::query(
        "UPDATE notices SET read_at = COALESCE(read_at, $1) WHERE id = $2 AND account_id = $3",
    )
    .bind(to_unix(now))
    .bind(id)
    .bind(account_id)
    .execute(pool)
    .await?;
    if done.rows_affected() == 1 {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

// ---- Search ----------------------------------------------------------------------------------

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
        let some = |s: &Option<String>| {
            s.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let status = match some(&q.status) {
            None => None,
            Some(s) => {
                let parsed = FilingStatus::parse(&s);
                if parsed.is_none() {
                    errors.add("status", ja::SEARCH_STATUS_UNKNOWN);
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
                    errors.add(name, ja::SEARCH_DATE_INVALID);
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
                errors.add("sort", ja::SEARCH_SORT_UNKNOWN);
                Sort::NewestFirst
            }
        };
        let mut number = |name: &str, v: &Option<String>, default: u32, max: u32| match some(v) {
            None => default,
            Some(s) => match s.parse::<u32>() {
                Ok(n) if (1..=max).contains(&n) => n,
                _ => {
                    errors.add(name, ja::SEARCH_PAGE_INVALID);
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
    status: String,
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

/// The rows `scope` may see (applicants: their unsent drafts too), as `f` with the account `a`.
fn push_source(qb: &mut Sql, scope: Scope) {
    qb.push(
        "FROM (SELECT s.status AS status, s.id AS id, s.form_id AS form_id, s.title AS title,
                      s.arrival_number AS arrival_number, s.submitted_at AS at,
                      s.submitted_at AS submitted_at, s.acceptance_number AS acceptance_number,
                      s.effective_date AS effective_date, s.account_id AS account_id
               FROM submissions s JOIN accounts a ON a.id = s.account_id WHERE ",
    );
    qb.push(&scope.condition());
    if let Scope::Applicant(account_id) = scope {
        qb.push(
            " UNION ALL
              SELECT 'draft', d.id, d.form_id, NULL, NULL, d.updated_at, NULL, NULL, NULL,
                     d.account_id
              FROM drafts d WHERE d.submitted_at IS NULL AND d.account_id = ",
        );
        qb.push_bind(account_id);
    }
    qb.push(") f JOIN accounts a ON a.id = f.account_id WHERE 1 = 1");
}

fn push_filters(qb: &mut Sql, search: &Search) {
    if let Some(p) = &search.procedure {
        qb.push(" AND f.form_id = ").push_bind(p.as_str().to_string());
    }
    if let Some(s) = search.status {
        qb.push(" AND f.status = ").push_bind(s.as_str().to_string());
    }
    if let Some(from) = search.from {
        qb.push(" AND f.submitted_at >= ").push_bind(from);
    }
    if let Some(until) = search.until {
        qb.push(" AND f.submitted_at < ").push_bind(until);
    }
    if let Some(n) = &search.arrival_number {
        // A substring match; `%`, `_` and `\` typed by the user match themselves.
        let escaped: String = n
            .as_str()
            .chars()
            .flat_map(|c| match c {
                '%' | '_' | '\\' => vec!['\\', c],
                c => vec![c],
            })
            .collect();
        qb.push(" AND f.arrival_number LIKE ")
            .push_bind(format!("%{escaped}%"))
            .push(" ESCAPE '\\'");
    }
}

fn push_order(qb: &mut Sql, sort: Sort) {
    qb.push(match sort {
        Sort::NewestFirst => " ORDER BY f.at DESC, f.id DESC",
        Sort::OldestFirst => " ORDER BY f.at ASC, f.id ASC",
        Sort::ArrivalNumber => {
            " ORDER BY f.arrival_number IS NULL, f.arrival_number ASC, f.at DESC, f.id DESC"
        }
    });
}

async fn rows(
    pool: &Pool,
    scope: Scope,
    search: &Search,
    limit: Option<(u32, u32)>,
) -> Result<Vec<FilingSummary>, AppError> {
    let mut qb = Sql::new(
        "SELECT f.status, f.id, f.form_id, f.title, f.arrival_number, f.at, f.acceptance_number,
                f.effective_date, a.institution_code, a.fee_schedule_class, a.institution_name,
                a.prefecture ",
    );
    push_source(&mut qb, scope);
    push_filters(&mut qb, search);
    push_order(&mut qb, search.sort);
    if let Some((page, per_page)) = limit {
        qb.push(" LIMIT ")
            .push_bind(i64::from(per_page))
            .push(" OFFSET ")
            .push_bind(i64::from(page - 1) * i64::from(per_page));
    }
    let (sql, args) = qb.build();
    let rows: Vec<ListRow> = sqlx::query_as_with(&sql, args).fetch_all(pool).await?;
    let titles: HashMap<String, String> = forms::catalogue()
        .into_iter()
        .map(|d| (d.id, d.title))
        .collect();
    rows.into_iter()
        .map(|r| {
            let status = parse_status(&r.status)?;
            let title = r
                .title
                .or_else(|| titles.get(&r.form_id).cloned())
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
                    Scope::Bureau(_) => institution(
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
pub async fn search(
    pool: &Pool,
    scope: Scope,
    search: &Search,
) -> Result<FilingPage, AppError> {
    let mut qb = Sql::new("SELECT COUNT(*) ");
    push_source(&mut qb, scope);
    push_filters(&mut qb, search);
    let (sql, args) = qb.build();
    let total: i64 = sqlx::query_scalar_with(&sql, args).fetch_one(pool).await?;
    let items = rows(pool, scope, search, Some((search.page, search.per_page))).await?;
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
    let items = rows(pool, scope, search, None).await?;
    let mut out = String::from("\u{feff}");
    let mut line = |fields: &[&str]| {
        let quoted: Vec<String> = fields
            .iter()
            .map(|f| format!("\"{}\"", f.replace('"', "\"\"")))
            .collect();
        out.push_str(&quoted.join(","));
        out.push_str("\r\n");
    };
    line(&ja::CSV_HEADER);
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
    fn acceptance_numbers() {
        assert_eq!(acceptance_number(2026, 7), "2026-A-000007");
    }

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
