//! Notices of status changes made by the bureau: the applicant's list, with the unread count the
//! header shows, and marking one read.

use time::OffsetDateTime;
use todoke_core::api::{FilingStatus, Notice, NoticeList};
use todoke_core::service_hours::JST;
use todoke_core::text::ja;

use super::store::{self, SubmissionRow};
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
        .map(|r| {
            Ok(Notice {
                id: r.id,
                submission_id: r.submission_id,
                status: r.status,
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
    let message = ja::notice_status_changed(&row.title, &row.arrival_number, to.label());
    store::insert_notice(conn, row.account_id, row.id, event_id, to, &message, now).await
}
