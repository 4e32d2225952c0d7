//! 再発行の申請 (FAQ A6), the server's side: a request filed without signing in, the bureau's
//! list and decision, and what the operator's `admin reissue --requests` reads and records.
//!
//! Every well-formed request is stored and answered alike, known code or not; only the bureau
//! sees whether an account in use matches. The limits of [`super`] keep the public form from
//! flooding a bureau or probing codes.

use time::OffsetDateTime;
use todoke_core::api::{
    RegisteredInstitution, ReissueRequest, ReissueRequestRecord, RequestKind, RequestReceipt,
    RequestStatus, reception_number,
};
use todoke_core::{FeeScheduleClass, RegionalBureau};

use super::{Table, check_limits};
use crate::auth::ReviewerSession;
use crate::db::{self, Pool, from_unix, to_unix};
use crate::error::AppError;
use todoke_core::text::current as text;

/// Stores `request` unless a limit is reached; the receipt says nothing about the code.
pub async fn file(
    pool: &Pool,
    request: &ReissueRequest,
    requester: &str,
    now: OffsetDateTime,
) -> Result<RequestReceipt, AppError> {
    let at = to_unix(now);
    let mut tx = db::begin_write(pool).await?;
    let bureau = request.institution_code.prefecture().bureau();
    let stored: Result<i64, AppError> = async {
        check_limits(
            &mut tx,
            Table::Reissue,
            &request.institution_code,
            requester,
            at,
        )
        .await?;
        Ok(sqlx::query_scalar::<_, i64>(
            "INSERT INTO reissue_requests (received_at, bureau, institution_code, fee_schedule_class,
                 institution_name, postal_code, contact_name, contact_phone, requester)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(at)
        .bind(bureau.as_str())
        .bind(request.institution_code.as_str())
        .bind(request.class.as_str())
        .bind(&request.institution_name)
        .bind(&request.postal_code)
        .bind(&request.contact_name)
        .bind(&request.contact_phone)
        .bind(requester)
        .fetch_one(&mut *tx)
        .await?)
    }
    .await;
    let id = db::finish(tx, stored).await?;
    let number = reception_number(RequestKind::Reissue, now, id);
    tracing::info!(
        reception_number = number,
        bureau = bureau.as_str(),
        "reissue request received"
    );
    Ok(RequestReceipt {
        reception_number: number,
        received_at: now,
    })
}

/// A request with what the register holds for its code and class (the account in use and the
/// imported institution), one row of the queries below.
#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    received_at: i64,
    status: String,
    institution_code: String,
    fee_schedule_class: String,
    institution_name: String,
    postal_code: String,
    contact_name: String,
    contact_phone: String,
    reject_reason: Option<String>,
    user_id: Option<String>,
    account_name: Option<String>,
    registered_name: Option<String>,
    registered_postal_code: Option<String>,
    address_line1: Option<String>,
    address_line2: Option<String>,
}

const SELECT: &str = "SELECT r.id, r.received_at, r.status, r.institution_code,
        r.fee_schedule_class, r.institution_name, r.postal_code, r.contact_name, r.contact_phone,
        r.reject_reason, a.user_id, a.institution_name AS account_name,
        i.name AS registered_name, i.postal_code AS registered_postal_code,
        i.address_line1, i.address_line2
    FROM reissue_requests r
    LEFT JOIN accounts a ON a.id = COALESCE(r.account_id, (
        SELECT x.id FROM accounts x WHERE x.role = 'applicant' AND x.ended_at IS NULL
            AND x.institution_code = r.institution_code
            AND x.fee_schedule_class = r.fee_schedule_class))
    LEFT JOIN institutions i ON i.institution_code = r.institution_code
        AND i.fee_schedule_class = r.fee_schedule_class";

impl Row {
    fn into_record(self) -> Result<ReissueRequestRecord, AppError> {
        let received_at = from_unix(self.received_at)?;
        let status = RequestStatus::parse(&self.status)
            .ok_or_else(|| AppError::Internal(format!("stored status {}", self.status)))?;
        let class = FeeScheduleClass::parse(&self.fee_schedule_class).ok_or_else(|| {
            AppError::Internal(format!("stored class {}", self.fee_schedule_class))
        })?;
        let registered = self.user_id.map(|user_id| RegisteredInstitution {
            user_id,
            name: self
                .registered_name
                .or(self.account_name)
                .unwrap_or_default(),
            postal_code: self
                .registered_postal_code
                .map(|p| match (p.get(..3), p.get(3..)) {
                    (Some(a), Some(b)) if p.len() == 7 => format!("{a}-{b}"),
                    _ => p,
                }),
            address: self.address_line1.map(|line1| match self.address_line2 {
                Some(line2) if !line2.is_empty() => format!("{line1} {line2}"),
                _ => line1,
            }),
        });
        Ok(ReissueRequestRecord {
            id: self.id,
            reception_number: reception_number(RequestKind::Reissue, received_at, self.id),
            received_at,
            status,
            institution_code: self.institution_code,
            fee_schedule_class: class,
            institution_name: self.institution_name,
            postal_code: self.postal_code,
            contact_name: self.contact_name,
            contact_phone: self.contact_phone,
            registered,
            reject_reason: self.reject_reason,
        })
    }
}

/// The most requests the bureau's page lists (waiting ones first, then the latest decided).
const LIST_LIMIT: i64 = 200;

/// The requests for `bureau`'s prefectures: waiting ones first, newest first within each.
pub async fn list(
    pool: &Pool,
    bureau: RegionalBureau,
) -> Result<Vec<ReissueRequestRecord>, AppError> {
    let sql = format!(
        "{SELECT} WHERE r.bureau = $1
         ORDER BY CASE WHEN r.status = 'received' THEN 0 ELSE 1 END, r.received_at DESC, r.id DESC
         LIMIT $2"
    );
    let rows: Vec<Row> = sqlx::query_as(&sql)
        .bind(bureau.as_str())
        .bind(LIST_LIMIT)
        .fetch_all(pool)
        .await?;
    rows.into_iter().map(Row::into_record).collect()
}

async fn one(
    conn: &mut db::Conn,
    bureau: RegionalBureau,
    id: i64,
) -> Result<ReissueRequestRecord, AppError> {
    let sql = format!("{SELECT} WHERE r.id = $1 AND r.bureau = $2");
    let row: Option<Row> = sqlx::query_as(&sql)
        .bind(id)
        .bind(bureau.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    row.ok_or(AppError::NotFound)?.into_record()
}

/// What the bureau decides on a waiting request.
pub enum Decision {
    Accept,
    /// With the reason, checked ([`todoke_core::api::request_reject_reason`]).
    Reject(String),
}

/// The bureau's decision on a waiting request: accept (the account in use is recorded for the
/// operator's run) or reject with its reason. Another bureau's request is 404.
pub async fn decide(
    pool: &Pool,
    reviewer: &ReviewerSession,
    id: i64,
    decision: Decision,
    now: OffsetDateTime,
) -> Result<ReissueRequestRecord, AppError> {
    let (bureau, reviewer_account) = (reviewer.bureau, reviewer.account_id);
    let mut tx = db::begin_write(pool).await?;
    let decided: Result<_, AppError> = async {
        let current = one(&mut tx, bureau, id).await?;
        if current.status != RequestStatus::Received {
            return Err(AppError::RequestRefused(text::REISSUE_ALREADY_DECIDED));
        }
        match &decision {
            Decision::Reject(reason) => {
                sqlx::query(
                    "UPDATE reissue_requests SET status = 'rejected', decided_by = $1, decided_at = $2,
                     reject_reason = $3
                 WHERE id = $4",
                )
                .bind(reviewer_account)
                .bind(to_unix(now))
                .bind(reason)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            }
            Decision::Accept => {
                let registered = current
                    .registered
                    .as_ref()
                    .ok_or(AppError::RequestRefused(text::REISSUE_NO_ACCOUNT))?;
                if registered.address.is_none() {
                    return Err(AppError::RequestRefused(text::REISSUE_NO_ADDRESS));
                }
                sqlx::query(
                    "UPDATE reissue_requests SET status = 'accepted', decided_by = $1, decided_at = $2,
                     account_id = (SELECT id FROM accounts WHERE user_id = $3)
                 WHERE id = $4",
                )
                .bind(reviewer_account)
                .bind(to_unix(now))
                .bind(&registered.user_id)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            }
        }
        let decided = one(&mut tx, bureau, id).await?;
        Ok(decided)
    }
    .await;
    let decided = db::finish(tx, decided).await?;
    tracing::info!(
        reception_number = decided.reception_number,
        status = decided.status.as_str(),
        "reissue request decided"
    );
    Ok(decided)
}

/// An accepted request waiting for its letter: (id, reception number, user ID).
pub(crate) async fn accepted(pool: &Pool) -> Result<Vec<(i64, String, String)>, AppError> {
    let rows: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT r.id, r.received_at, a.user_id FROM reissue_requests r
         JOIN accounts a ON a.id = r.account_id
         WHERE r.status = 'accepted' ORDER BY r.id",
    )
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(id, received_at, user_id)| {
            Ok((
                id,
                reception_number(RequestKind::Reissue, from_unix(received_at)?, id),
                user_id,
            ))
        })
        .collect()
}

/// Records that the letter of request `id` was written to `letter_file`.
pub(crate) async fn mark_issued(
    pool: &Pool,
    id: i64,
    letter_file: &str,
    now: OffsetDateTime,
) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE reissue_requests SET status = 'issued', issued_at = $1, letter_file = $2
         WHERE id = $3 AND status = 'accepted'",
    )
    .bind(to_unix(now))
    .bind(letter_file)
    .bind(id)
    .execute(pool)
    .await?;
    Ok(())
}
