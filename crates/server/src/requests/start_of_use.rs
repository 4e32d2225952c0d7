//! 利用開始届出 (様式1, FAQ A9), the server's side: a request filed without signing in, the
//! bureau's list and decision, and what the operator's `admin start-use --requests` reads and
//! records.
//!
//! Like a reissue request, every well-formed request gets the same answer; only the bureau sees
//! whether the previous user ID exists. A change (code, class, relocation) is accepted only
//! once the previous ID's 利用終了届出 is accepted ([`start_of_use_blocker`]), and the
//! acceptance records that pair for the operator's run.

use time::OffsetDateTime;
use todoke_core::api::{
    EndOfUseFiling, PreviousAccount, RequestKind, RequestReceipt, RequestStatus, StartOfUseReason,
    StartOfUseRequest, StartOfUseRequestRecord, reception_number, start_of_use_blocker,
};
use todoke_core::forms::FORM_END_OF_USE;
use todoke_core::{FeeScheduleClass, RegionalBureau};

use super::reissue::Decision;
use super::{Table, check_limits};
use crate::auth::ReviewerSession;
use crate::db::{self, Engine, Pool, from_unix, to_unix};
use crate::error::AppError;
use crate::filings::store;
use todoke_core::text::current as text;

/// Stores `request` unless a limit is reached; the receipt says nothing about the user ID.
pub async fn file(
    pool: &Pool,
    request: &StartOfUseRequest,
    requester: &str,
    now: OffsetDateTime,
) -> Result<RequestReceipt, AppError> {
    let at = to_unix(now);
    let mut tx = db::begin_write(pool).await?;
    let bureau = request.institution_code.prefecture().bureau();
    let stored: Result<i64, AppError> = async {
        check_limits(
            &mut tx,
            Table::StartOfUse,
            &request.institution_code,
            requester,
            at,
        )
        .await?;
        Ok(sqlx::query_scalar::<_, i64>(
            "INSERT INTO start_of_use_requests (received_at, bureau, reason, previous_user_id,
                 institution_code, fee_schedule_class, institution_name, postal_code, address,
                 contact_name, contact_phone, requester)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
        )
        .bind(at)
        .bind(bureau.as_str())
        .bind(request.reason.as_str())
        .bind(request.previous_user_id.as_ref().map(|u| u.as_str()))
        .bind(request.institution_code.as_str())
        .bind(request.class.as_str())
        .bind(&request.institution_name)
        .bind(&request.postal_code)
        .bind(&request.address)
        .bind(&request.contact_name)
        .bind(&request.contact_phone)
        .bind(requester)
        .fetch_one(&mut *tx)
        .await?)
    }
    .await;
    let id = db::finish(tx, stored).await?;
    let number = reception_number(RequestKind::StartOfUse, now, id);
    tracing::info!(
        reception_number = number,
        bureau = bureau.as_str(),
        "start-of-use request received"
    );
    Ok(RequestReceipt {
        reception_number: number,
        received_at: now,
    })
}

/// A request with its previous account (by the ID recorded on acceptance, else by the typed
/// user ID), the account in use for its code and class, and the account issued.
#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    received_at: i64,
    status: String,
    reason: String,
    previous_user_id: Option<String>,
    institution_code: String,
    fee_schedule_class: String,
    institution_name: String,
    postal_code: String,
    address: String,
    contact_name: String,
    contact_phone: String,
    reject_reason: Option<String>,
    previous_id: Option<i64>,
    previous_found_user_id: Option<String>,
    previous_code: Option<String>,
    previous_class: Option<String>,
    previous_name: Option<String>,
    previous_ended_at: Option<i64>,
    in_use_user_id: Option<String>,
    issued_user_id: Option<String>,
}

const SELECT: &str = "SELECT r.id, r.received_at, r.status, r.reason, r.previous_user_id,
        r.institution_code, r.fee_schedule_class, r.institution_name, r.postal_code, r.address,
        r.contact_name, r.contact_phone, r.reject_reason,
        p.id AS previous_id, p.user_id AS previous_found_user_id,
        p.institution_code AS previous_code, p.fee_schedule_class AS previous_class,
        p.institution_name AS previous_name, p.ended_at AS previous_ended_at,
        (SELECT x.user_id FROM accounts x WHERE x.role = 'applicant' AND x.ended_at IS NULL
            AND x.institution_code = r.institution_code
            AND x.fee_schedule_class = r.fee_schedule_class) AS in_use_user_id,
        n.user_id AS issued_user_id
    FROM start_of_use_requests r
    LEFT JOIN accounts p ON p.id = COALESCE(r.previous_account_id, (
        SELECT x.id FROM accounts x WHERE x.role = 'applicant'
            AND x.user_id = r.previous_user_id))
    LEFT JOIN accounts n ON n.id = r.account_id";

fn corrupt(what: &str, value: &str) -> AppError {
    AppError::Internal(format!("stored {what} {value}"))
}

impl Row {
    async fn into_record(
        self,
        conn: &mut db::Conn,
        engine: Engine,
    ) -> Result<StartOfUseRequestRecord, AppError> {
        let received_at = from_unix(self.received_at)?;
        let status =
            RequestStatus::parse(&self.status).ok_or_else(|| corrupt("status", &self.status))?;
        let class = |c: &str| FeeScheduleClass::parse(c).ok_or_else(|| corrupt("class", c));
        let previous = match (self.previous_id, self.previous_found_user_id) {
            (Some(account_id), Some(user_id)) => {
                let end_of_use =
                    store::latest_end_of_use(conn, engine, account_id, FORM_END_OF_USE)
                        .await?
                        .map(|(submission_id, arrival_number, status, last_day_of_use)| {
                            EndOfUseFiling {
                                submission_id,
                                arrival_number,
                                status,
                                last_day_of_use,
                            }
                        });
                Some(PreviousAccount {
                    user_id,
                    institution_code: self.previous_code.unwrap_or_default(),
                    fee_schedule_class: class(self.previous_class.as_deref().unwrap_or(""))?,
                    institution_name: self.previous_name.unwrap_or_default(),
                    ended: self.previous_ended_at.is_some(),
                    end_of_use,
                })
            }
            _ => None,
        };
        Ok(StartOfUseRequestRecord {
            id: self.id,
            reception_number: reception_number(RequestKind::StartOfUse, received_at, self.id),
            received_at,
            status,
            reason: StartOfUseReason::parse(&self.reason)
                .ok_or_else(|| corrupt("reason", &self.reason))?,
            previous_user_id: self.previous_user_id,
            institution_code: self.institution_code,
            fee_schedule_class: class(&self.fee_schedule_class)?,
            institution_name: self.institution_name,
            postal_code: self.postal_code,
            address: self.address,
            contact_name: self.contact_name,
            contact_phone: self.contact_phone,
            previous,
            // Once issued, the account in use is the one issued.
            in_use_user_id: self
                .in_use_user_id
                .filter(|_| status != RequestStatus::Issued),
            issued_user_id: self.issued_user_id,
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
) -> Result<Vec<StartOfUseRequestRecord>, AppError> {
    let sql = format!(
        "{SELECT} WHERE r.bureau = $1
         ORDER BY CASE WHEN r.status = 'received' THEN 0 ELSE 1 END, r.received_at DESC, r.id DESC
         LIMIT $2"
    );
    let mut conn = pool.acquire().await?;
    let rows: Vec<Row> = sqlx::query_as(&sql)
        .bind(bureau.as_str())
        .bind(LIST_LIMIT)
        .fetch_all(&mut *conn)
        .await?;
    let mut records = Vec::with_capacity(rows.len());
    for row in rows {
        records.push(row.into_record(&mut conn, Engine::of(pool)).await?);
    }
    Ok(records)
}

async fn one(
    conn: &mut db::Conn,
    engine: Engine,
    bureau: RegionalBureau,
    id: i64,
) -> Result<StartOfUseRequestRecord, AppError> {
    let sql = format!("{SELECT} WHERE r.id = $1 AND r.bureau = $2");
    let row: Option<Row> = sqlx::query_as(&sql)
        .bind(id)
        .bind(bureau.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    row.ok_or(AppError::NotFound)?
        .into_record(conn, engine)
        .await
}

/// The bureau's decision on a waiting request: accept (the previous account and its accepted
/// 利用終了届出 are recorded for the operator's run) or reject with its reason. Another
/// bureau's request is 404; an acceptance [`start_of_use_blocker`] refuses is 409.
pub async fn decide(
    pool: &Pool,
    reviewer: &ReviewerSession,
    id: i64,
    decision: Decision,
    now: OffsetDateTime,
) -> Result<StartOfUseRequestRecord, AppError> {
    let engine = Engine::of(pool);
    let mut tx = db::begin_write(pool).await?;
    let decided: Result<_, AppError> = async {
        let current = one(&mut tx, engine, reviewer.bureau, id).await?;
        if current.status != RequestStatus::Received {
            return Err(AppError::RequestRefused(text::REISSUE_ALREADY_DECIDED));
        }
        match &decision {
            Decision::Reject(reason) => {
                sqlx::query(
                    "UPDATE start_of_use_requests SET status = 'rejected', decided_by = $1,
                         decided_at = $2, reject_reason = $3
                     WHERE id = $4",
                )
                .bind(reviewer.account_id)
                .bind(to_unix(now))
                .bind(reason)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            }
            Decision::Accept => {
                if let Some(message) = start_of_use_blocker(&current) {
                    return Err(AppError::RequestRefused(message));
                }
                let previous = current
                    .previous
                    .as_ref()
                    .filter(|_| current.reason.replaces_a_user_id());
                sqlx::query(
                    "UPDATE start_of_use_requests SET status = 'accepted', decided_by = $1,
                         decided_at = $2,
                         previous_account_id = (SELECT id FROM accounts WHERE user_id = $3),
                         end_of_use_submission_id = $4
                     WHERE id = $5",
                )
                .bind(reviewer.account_id)
                .bind(to_unix(now))
                .bind(previous.map(|p| p.user_id.as_str()))
                .bind(
                    previous
                        .and_then(|p| p.end_of_use.as_ref())
                        .map(|f| f.submission_id),
                )
                .bind(id)
                .execute(&mut *tx)
                .await?;
            }
        }
        let decided = one(&mut tx, engine, reviewer.bureau, id).await?;
        Ok(decided)
    }
    .await;
    let decided = db::finish(tx, decided).await?;
    tracing::info!(
        reception_number = decided.reception_number,
        status = decided.status.as_str(),
        "start-of-use request decided"
    );
    Ok(decided)
}

/// An accepted request, as the operator's run reads it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub(crate) struct AcceptedRequest {
    pub id: i64,
    pub received_at: i64,
    pub institution_code: String,
    pub fee_schedule_class: String,
    pub institution_name: String,
    pub postal_code: String,
    pub address: String,
    pub previous_account_id: Option<i64>,
    pub previous_user_id: Option<String>,
    pub previous_ended_at: Option<i64>,
    pub end_of_use_submission_id: Option<i64>,
    pub end_of_use_arrival_number: Option<String>,
    pub last_day_of_use: Option<String>,
    /// 1 when the end-of-use filing was processed already (by `end-use --filings`).
    pub end_of_use_processed: i64,
}

impl AcceptedRequest {
    pub fn reception_number(&self) -> Result<String, AppError> {
        Ok(reception_number(
            RequestKind::StartOfUse,
            from_unix(self.received_at)?,
            self.id,
        ))
    }
}

/// Every accepted request not yet issued, oldest first.
pub(crate) async fn accepted(
    conn: &mut db::Conn,
    engine: Engine,
) -> Result<Vec<AcceptedRequest>, AppError> {
    let sql = format!(
        "SELECT r.id, r.received_at, r.institution_code, r.fee_schedule_class,
             r.institution_name, r.postal_code, r.address, r.previous_account_id,
             p.user_id AS previous_user_id, p.ended_at AS previous_ended_at,
             r.end_of_use_submission_id, s.arrival_number AS end_of_use_arrival_number,
             {} AS last_day_of_use,
             CASE WHEN e.submission_id IS NULL THEN 0 ELSE 1 END AS end_of_use_processed
         FROM start_of_use_requests r
         LEFT JOIN accounts p ON p.id = r.previous_account_id
         LEFT JOIN submissions s ON s.id = r.end_of_use_submission_id
         LEFT JOIN end_of_use_records e ON e.submission_id = r.end_of_use_submission_id
         WHERE r.status = 'accepted' ORDER BY r.id",
        db::json_text(engine, "s.answers", "last_day_of_use")
    );
    Ok(sqlx::query_as(&sql).fetch_all(&mut *conn).await?)
}

/// Records that request `id` issued `account_id`, whose letter is `letter_file`.
pub(crate) async fn mark_issued(
    conn: &mut db::Conn,
    id: i64,
    account_id: i64,
    letter_file: &str,
    now: OffsetDateTime,
) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE start_of_use_requests SET status = 'issued', issued_at = $1, account_id = $2,
             letter_file = $3
         WHERE id = $4 AND status = 'accepted'",
    )
    .bind(to_unix(now))
    .bind(account_id)
    .bind(letter_file)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
