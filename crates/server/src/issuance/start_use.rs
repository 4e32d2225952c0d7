//! 利用開始 (start of use) for every 利用開始届出 the bureau has accepted: a new user ID with its
//! letter, posted to the address the request gives. A change (code, class, relocation) is
//! processed as a pair with the previous ID's accepted 利用終了届出: once its last day of use
//! has passed, one transaction ends the previous account (recording the end-of-use filing as
//! processed, unless `end-use --filings` did already) and issues the new one, and the request
//! records both, which links the institution's history across the two IDs. Run it daily,
//! beside `end-use --filings` and `reissue --requests`.

use std::path::{Path, PathBuf};

use serde::Serialize;
use time::Date;
use todoke_core::service_hours::JST;
use todoke_core::{InstitutionCode, UserId};

use super::end_use::{end_account, is_due};
use super::{
    Fonts, INSTITUTION_COLUMNS, InstitutionRecord, LetterArgs, LetterOptions, OperatorError,
    insert_letter, letter, output, partial, password_for, storage,
};
use crate::AppState;
use crate::accounts::{self, generate_user_id};
use crate::auth::password;
use crate::db::{self, Conn, to_unix};
use crate::filings::store::{self, EndOfUseOutcome};
use crate::requests::start_of_use::{self as requests, AcceptedRequest};

/// One accepted request, as `start-use --requests` reports it.
#[derive(Debug, Serialize)]
pub struct StartedUse {
    pub reception_number: String,
    pub institution_code: String,
    pub institution_name: String,
    /// The user ID this one replaces, for a change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_user_id: Option<String>,
    /// The previous ID's 利用終了届出 and its last day of use, for a change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_of_use_arrival_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_day_of_use: Option<String>,
    /// The user ID issued; absent with `--dry-run`, while waiting, or when it failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pdf: Option<PathBuf>,
    /// Why nothing was issued; the request stays accepted and a later run tries again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failed: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct StartUseRequestsOutcome {
    pub dry_run: bool,
    /// Today in Japan, the date the last days of use were compared with.
    pub today: String,
    /// Issued by this run (or, with `--dry-run`, what a real run would issue), and failures.
    pub processed: Vec<StartedUse>,
    /// Changes whose previous ID's last day of use is today or later.
    pub waiting: Vec<StartedUse>,
}

/// Issues a user ID for every accepted 利用開始届出 that is due (see the module documentation).
/// Running it again issues nothing twice.
pub async fn start_use_requests(
    state: &AppState,
    out: &Path,
    letter_args: &LetterArgs,
    dry_run: bool,
) -> Result<StartUseRequestsOutcome, OperatorError> {
    let now = state.clock.now();
    let today = now.to_offset(JST).date();
    let engine = db::Engine::of(&state.pool);
    let accepted = {
        let mut conn = state.pool.acquire().await.map_err(storage)?;
        requests::accepted(&mut conn, engine)
            .await
            .map_err(storage)?
    };
    let font = if dry_run || accepted.is_empty() {
        None
    } else {
        Some(Fonts::load(&letter_args.font, &letter_args.mono_font)?)
    };
    let mut outcome = StartUseRequestsOutcome {
        dry_run,
        today: today.to_string(),
        processed: Vec::new(),
        waiting: Vec::new(),
    };
    for request in accepted {
        let mut report = StartedUse {
            reception_number: request.reception_number().map_err(storage)?,
            institution_code: request.institution_code.clone(),
            institution_name: request.institution_name.clone(),
            previous_user_id: request.previous_user_id.clone(),
            end_of_use_arrival_number: request.end_of_use_arrival_number.clone(),
            last_day_of_use: request.last_day_of_use.clone(),
            user_id: None,
            pdf: None,
            failed: None,
        };
        if !is_ready(&request, today)? {
            outcome.waiting.push(report);
            continue;
        }
        if let Some(font) = &font {
            match issue_one(state, &request, out, letter_args, font).await {
                Ok((user_id, pdf)) => {
                    report.user_id = Some(user_id);
                    report.pdf = Some(pdf);
                }
                // A font, output or storage problem stops the run: every letter would fail alike.
                Err(
                    e @ (OperatorError::LetterFontUnreadable { .. }
                    | OperatorError::LetterOutput(_)
                    | OperatorError::Storage(_)),
                ) => return Err(e),
                Err(e) => report.failed = Some(e.to_string()),
            }
        }
        outcome.processed.push(report);
    }
    Ok(outcome)
}

/// A new institution is ready at once; a change once the previous account has ended or its
/// accepted 利用終了届出's last day of use has passed.
fn is_ready(request: &AcceptedRequest, today: Date) -> Result<bool, OperatorError> {
    if request.previous_account_id.is_none() || request.previous_ended_at.is_some() {
        return Ok(true);
    }
    let number = request
        .end_of_use_arrival_number
        .clone()
        .unwrap_or_default();
    let text = request
        .last_day_of_use
        .as_deref()
        .ok_or_else(|| OperatorError::EndOfUseWithoutDate(number.clone()))?;
    let last_day = Date::parse(text, &time::format_description::well_known::Iso8601::DATE)
        .map_err(|_| OperatorError::EndOfUseWithoutDate(number))?;
    Ok(is_due(last_day, today))
}

/// The pair in one transaction: the previous account ended (and its filing recorded), the
/// institution's register row set to the request's name and address, the new account and its
/// letter; the PDF is renamed into place only after the commit.
async fn issue_one(
    state: &AppState,
    request: &AcceptedRequest,
    out: &Path,
    letter_args: &LetterArgs,
    font: &Fonts,
) -> Result<(String, PathBuf), OperatorError> {
    let code = InstitutionCode::parse(&request.institution_code)
        .map_err(|_| storage("start_of_use_requests.institution_code"))?;
    let now = state.clock.now();
    let at = to_unix(now);
    let mut tx = db::begin_write(&state.pool).await.map_err(storage)?;
    if let Some(previous) = request.previous_account_id {
        let ended = end_account(&mut tx, previous, at).await?;
        if let (Some(submission), 0) = (
            request.end_of_use_submission_id,
            request.end_of_use_processed,
        ) {
            let kind = if ended {
                EndOfUseOutcome::Ended
            } else {
                EndOfUseOutcome::AlreadyEnded
            };
            store::record_end_of_use(&mut tx, submission, previous, kind, now)
                .await
                .map_err(storage)?;
        }
    }
    if let Some(user_id) = in_use(&mut tx, request).await? {
        // At once, not on drop: the write lock would otherwise outlive the refusal.
        tx.rollback().await.map_err(storage)?;
        return Err(OperatorError::StartOfUseInUse {
            code: request.institution_code.clone(),
            user_id,
        });
    }
    let institution = register(&mut tx, request, &code, at).await?;
    let user_id = unused_user_id(&mut tx).await?;
    let initial_password = password_for(&state.config.password_policy, &user_id);
    let hash = password::hash(initial_password.clone())
        .await
        .map_err(storage)?;
    let row = accounts::ApplicantRow {
        institution_code: code.as_str(),
        fee_schedule_class: &request.fee_schedule_class,
        institution_name: &request.institution_name,
        prefecture: i64::from(code.prefecture().code()),
    };
    let account = accounts::insert_applicant_row(&mut tx, &user_id, &hash, &row, at)
        .await
        .map_err(storage)?;
    let run: i64 = sqlx::query_scalar(
        "INSERT INTO issuance_runs (kind, claim_month, created_at) VALUES ('initial', NULL, $1) RETURNING id",
    )
    .bind(at)
    .fetch_one(&mut *tx)
    .await
    .map_err(storage)?;
    let letter = institution.letter(user_id.clone(), initial_password)?;
    insert_letter(
        &mut tx,
        run,
        account,
        Some(institution.id),
        letter.batch,
        at,
    )
    .await
    .map_err(storage)?;
    std::fs::create_dir_all(out).map_err(output)?;
    let pdf = out.join(format!("start-of-use-run{run:04}-{user_id}.pdf"));
    let options = LetterOptions {
        login_url: &letter_args.login_url,
        reissue: false,
    };
    let bytes = letter::render(font, std::slice::from_ref(&letter), &options).map_err(output)?;
    std::fs::write(partial(&pdf), bytes).map_err(output)?;
    let file = pdf.display().to_string();
    let committed = async {
        requests::mark_issued(&mut tx, request.id, account, &file, now).await?;
        tx.commit().await.map_err(crate::error::AppError::from)
    }
    .await;
    if let Err(e) = committed {
        let _ = std::fs::remove_file(partial(&pdf));
        return Err(storage(e));
    }
    std::fs::rename(partial(&pdf), &pdf).map_err(output)?;
    tracing::info!(
        user_id,
        previous = request.previous_user_id,
        "user ID issued for a 利用開始届出"
    );
    Ok((user_id, pdf))
}

/// A user ID in use for the request's code and class (after the previous one has ended).
async fn in_use(
    conn: &mut Conn,
    request: &AcceptedRequest,
) -> Result<Option<String>, OperatorError> {
    sqlx::query_scalar(
        "SELECT user_id FROM accounts WHERE role = 'applicant' AND ended_at IS NULL
             AND institution_code = $1 AND fee_schedule_class = $2",
    )
    .bind(&request.institution_code)
    .bind(&request.fee_schedule_class)
    .fetch_optional(&mut *conn)
    .await
    .map_err(storage)
}

/// The register row of the request's code and class, set to the name and address the bureau
/// accepted (a relocation keeping its code moves the row).
async fn register(
    conn: &mut Conn,
    request: &AcceptedRequest,
    code: &InstitutionCode,
    at: i64,
) -> Result<InstitutionRecord, OperatorError> {
    let postal: String = request
        .postal_code
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    sqlx::query(
        "INSERT INTO institutions (institution_code, fee_schedule_class, name, postal_code,
             address_line1, address_line2, prefecture, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, NULL, $6, $7, $7)
         ON CONFLICT (institution_code, fee_schedule_class) DO UPDATE SET
             name = excluded.name, postal_code = excluded.postal_code,
             address_line1 = excluded.address_line1, address_line2 = NULL,
             updated_at = excluded.updated_at",
    )
    .bind(code.as_str())
    .bind(&request.fee_schedule_class)
    .bind(&request.institution_name)
    .bind(&postal)
    .bind(&request.address)
    .bind(i64::from(code.prefecture().code()))
    .bind(at)
    .execute(&mut *conn)
    .await
    .map_err(storage)?;
    let sql = format!(
        "SELECT {INSTITUTION_COLUMNS} FROM institutions i
         WHERE i.institution_code = $1 AND i.fee_schedule_class = $2"
    );
    sqlx::query_as(&sql)
        .bind(code.as_str())
        .bind(&request.fee_schedule_class)
        .fetch_one(&mut *conn)
        .await
        .map_err(storage)
}

/// A generated user ID no account has.
async fn unused_user_id(conn: &mut Conn) -> Result<String, OperatorError> {
    loop {
        let candidate = generate_user_id();
        let normalised = UserId::parse(&candidate).map_err(storage)?;
        let taken: Option<i64> = sqlx::query_scalar("SELECT id FROM accounts WHERE user_id = $1")
            .bind(normalised.as_str())
            .fetch_optional(&mut *conn)
            .await
            .map_err(storage)?;
        if taken.is_none() {
            return Ok(candidate);
        }
    }
}
