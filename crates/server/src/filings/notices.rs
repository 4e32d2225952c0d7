//! Notices of status changes made by the bureau: the applicant's list, with the unread count the
//! header shows, and marking one read.

use std::collections::HashMap;
use time::OffsetDateTime;

use todoke_core::api::{FilingStatus, Notice, NoticeFieldComment, NoticeList};
use todoke_core::forms;
use todoke_core::service_hours::JST;
use todoke_core::text::current as text;
use todoke_core::text::{Lang, lang};

use super::detail::{field_comments, parse_date};
use super::forms::{shown_title, title_of};
use super::store::{self, NoticeRow, SubmissionRow};
use crate::db::{Conn, Pool, from_unix};
use crate::error::AppError;

/// How many notices the list shows.
const LATEST: i64 = 100;

/// The account's notices, newest first (the latest 100), and how many are unread.
pub async fn list(pool: &Pool, account_id: i64) -> Result<NoticeList, AppError> {
    let mut conn = pool.acquire().await?;
    let unread = store::unread_notices(&mut conn, account_id).await?;
    let items = store::latest_notices(&mut conn, account_id, LATEST)
        .await?
        .into_iter()
        .map(notice)
        .collect::<Result<_, AppError>>()?;
    Ok(NoticeList {
        unread: unread.max(0) as u64,
        items,
    })
}

/// One notice as the reader sees it: what happened, in the reader's language, and what the
/// bureau said with it (a return's comments and deadline, a rejection's reason, an
/// acceptance's 算定開始日).
fn notice(r: NoticeRow) -> Result<Notice, AppError> {
    let catalogued = (lang::current() != Lang::Ja).then(|| title_of(&r.form_id));
    let title = shown_title(Some(r.title.clone()), catalogued).unwrap_or_default();
    let (comment, field_comments, deadline, effective_date) = match r.status {
        FilingStatus::Returned => (
            r.comment.clone(),
            labelled_comments(&r)?,
            r.deadline.as_deref().and_then(parse_date),
            None,
        ),
        FilingStatus::Rejected => (r.rejection_reason.clone(), Vec::new(), None, None),
        FilingStatus::Accepted => (
            None,
            Vec::new(),
            None,
            r.effective_date.as_deref().and_then(parse_date),
        ),
        _ => (None, Vec::new(), None, None),
    };
    Ok(Notice {
        id: r.id,
        submission_id: r.submission_id,
        status: r.status,
        message: text::notice_status_changed(&title, &r.arrival_number, r.status.label()),
        at: from_unix(r.at)?.to_offset(JST),
        read: r.read_at.is_some(),
        comment,
        field_comments,
        deadline,
        effective_date,
    })
}

/// A return's field comments, each item named as the review page names it (its path when the
/// form no longer has it).
fn labelled_comments(r: &NoticeRow) -> Result<Vec<NoticeFieldComment>, AppError> {
    let comments = field_comments(r.field_comments.as_deref())?;
    if comments.is_empty() {
        return Ok(Vec::new());
    }
    let labels: HashMap<String, String> = match forms::definition(&r.form_id) {
        Some(def) => {
            let answers = serde_json::from_str(&r.answers).map_err(|e| {
                AppError::Internal(format!(
                    "submission {} has invalid answers: {e}",
                    r.submission_id
                ))
            })?;
            forms::review_rows(&def, &answers)
                .into_iter()
                .map(|row| (row.path.clone(), row.full_label()))
                .collect()
        }
        None => HashMap::new(),
    };
    Ok(comments
        .into_iter()
        .map(|c| NoticeFieldComment {
            label: labels.get(&c.path).cloned().unwrap_or(c.path),
            comment: c.comment,
        })
        .collect())
}

/// Marks the account's notice read (again is fine); 404 for another account's.
pub async fn mark_read(
    pool: &Pool,
    account_id: i64,
    id: i64,
    now: OffsetDateTime,
) -> Result<(), AppError> {
    let mut conn = pool.acquire().await?;
    if store::mark_notice_read(&mut conn, account_id, id, now).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// Tells the filing's applicant that it is now `to` (written with the change, in its
/// transaction).
pub(super) async fn notify(
    conn: &mut Conn,
    row: &SubmissionRow,
    event_id: i64,
    to: FilingStatus,
    now: OffsetDateTime,
) -> Result<(), AppError> {
    // The stored copy is the record's: Japanese, like the submission's title.
    let message = lang::in_lang(Lang::Ja, || {
        text::notice_status_changed(&row.title, &row.arrival_number, to.label())
    });
    store::insert_notice(conn, row.account_id, row.id, event_id, to, &message, now).await
}
