//! Reissue (再発行) of a lost letter: a new initial password for one user ID, the old one and
//! every session ended, the change forced again, and a one-letter PDF.

use std::path::{Path, PathBuf};

use serde::Serialize;
use todoke_core::UserId;

use super::{
    Fonts, INSTITUTION_COLUMNS, InstitutionRecord, LetterArgs, LetterOptions, OperatorError,
    insert_letter, letter, output, partial, password_for, storage,
};
use crate::AppState;
use crate::accounts;
use crate::auth::{lockout, password, session};
use crate::db::{self, to_unix};

#[derive(Debug, Serialize)]
pub struct ReissueOutcome {
    pub user_id: String,
    pub pdf: PathBuf,
}

/// The account of `typed` (a user ID as typed), refused when unknown or already ended:
/// (normalised user ID, account).
pub(crate) async fn find_account(
    state: &AppState,
    typed: &str,
) -> Result<(String, accounts::Account), OperatorError> {
    let user_id =
        UserId::parse(typed).map_err(|_| OperatorError::AccountNotFound(typed.to_string()))?;
    let account = accounts::find_by_user_id(&state.pool, &user_id)
        .await
        .map_err(storage)?
        .ok_or_else(|| OperatorError::AccountNotFound(typed.to_string()))?;
    if account.ended_at.is_some() {
        return Err(OperatorError::AccountAlreadyEnded(
            user_id.as_str().to_string(),
        ));
    }
    Ok((user_id.as_str().to_string(), account))
}

/// A new initial password for `user_id`: the old password stops working at once, every session
/// ends, the change is forced again, any sign-in lock-out is lifted, and a single-letter PDF is
/// written into `out`.
pub async fn reissue(
    state: &AppState,
    typed_user_id: &str,
    out: &Path,
    letter_args: &LetterArgs,
) -> Result<ReissueOutcome, OperatorError> {
    let (user_id, account) = find_account(state, typed_user_id).await?;
    let accounts::AccountKind::Applicant(applicant) = &account.kind else {
        return Err(OperatorError::NotAnApplicant(user_id.clone()));
    };
    let code = applicant.code.as_str().to_string();
    let sql = format!(
        "SELECT {INSTITUTION_COLUMNS} FROM institutions i
         WHERE i.institution_code = $1 AND i.fee_schedule_class = $2"
    );
    let institution: InstitutionRecord = sqlx::query_as(&sql)
        .bind(&code)
        .bind(applicant.class.as_str())
        .fetch_optional(&state.pool)
        .await
        .map_err(storage)?
        .ok_or_else(|| OperatorError::InstitutionAddressMissing(code.clone()))?;
    let font = Fonts::load(&letter_args.font, &letter_args.mono_font)?;
    let new_password = password_for(&state.config.password_policy, &user_id);
    let hash = password::hash(new_password.clone())
        .await
        .map_err(storage)?;
    let letter = institution.letter(user_id.clone(), new_password)?;
    let now = to_unix(state.clock.now());

    let mut tx = db::begin_write(&state.pool).await.map_err(storage)?;
    sqlx::query(
        "UPDATE accounts SET password_hash = $1, must_change_password = 1, password_changed_at = NULL
         WHERE id = $2",
    )
    .bind(&hash)
    .bind(account.id)
    .execute(&mut *tx)
    .await
    .map_err(storage)?;
    session::revoke_all(&mut tx, account.id)
        .await
        .map_err(storage)?;
    let run: i64 = sqlx::query_scalar(
        "INSERT INTO issuance_runs (kind, claim_month, created_at) VALUES ('reissue', NULL, $1) RETURNING id",
    )
    .bind(now)
    .fetch_one(&mut *tx)
    .await
    .map_err(storage)?;
    insert_letter(
        &mut tx,
        run,
        account.id,
        Some(institution.id),
        letter.batch,
        now,
    )
    .await
    .map_err(storage)?;
    let options = LetterOptions {
        login_url: &letter_args.login_url,
        reissue: true,
    };
    std::fs::create_dir_all(out).map_err(output)?;
    let pdf = out.join(format!("reissue-run{run:04}-{user_id}.pdf"));
    let bytes = letter::render(&font, std::slice::from_ref(&letter), &options).map_err(output)?;
    std::fs::write(partial(&pdf), bytes).map_err(output)?;
    if let Err(e) = tx.commit().await {
        let _ = std::fs::remove_file(partial(&pdf));
        return Err(storage(e));
    }
    std::fs::rename(partial(&pdf), &pdf).map_err(output)?;
    // A lock-out from failed attempts with the lost password must not block the new letter.
    lockout::clear(&state.pool, &lockout::throttle_key(&user_id))
        .await
        .map_err(storage)?;
    tracing::info!(user_id, "initial password reissued");
    Ok(ReissueOutcome { user_id, pdf })
}

/// One accepted reissue request, as `reissue --requests` reports it.
#[derive(Debug, Serialize)]
pub struct RequestedReissue {
    pub reception_number: String,
    pub user_id: String,
    /// The letter written; absent with `--dry-run` or when it failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pdf: Option<PathBuf>,
    /// Why no letter was written (the account ended since acceptance, say); the request stays
    /// accepted, so a later run tries again once the cause is fixed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failed: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ReissueRequestsOutcome {
    pub dry_run: bool,
    pub requests: Vec<RequestedReissue>,
}

/// Issues a letter for every reissue request the bureau has accepted (run it daily, beside
/// `end-use --filings`): each is [`reissue`] of the account recorded on acceptance, then the
/// request is marked issued. Running it again issues nothing twice.
pub async fn reissue_requests(
    state: &AppState,
    out: &Path,
    letter_args: &LetterArgs,
    dry_run: bool,
) -> Result<ReissueRequestsOutcome, OperatorError> {
    let accepted = crate::requests::reissue::accepted(&state.pool)
        .await
        .map_err(storage)?;
    let mut requests = Vec::with_capacity(accepted.len());
    for (id, reception_number, user_id) in accepted {
        let mut report = RequestedReissue {
            reception_number,
            user_id,
            pdf: None,
            failed: None,
        };
        if !dry_run {
            match reissue(state, &report.user_id, out, letter_args).await {
                Ok(done) => {
                    let file = done.pdf.display().to_string();
                    crate::requests::reissue::mark_issued(
                        &state.pool,
                        id,
                        &file,
                        state.clock.now(),
                    )
                    .await
                    .map_err(storage)?;
                    report.pdf = Some(done.pdf);
                }
                // A font or output problem stops the run: every letter would fail alike.
                Err(
                    e @ (OperatorError::LetterFontUnreadable { .. }
                    | OperatorError::LetterOutput(_)
                    | OperatorError::Storage(_)),
                ) => return Err(e),
                Err(e) => report.failed = Some(e.to_string()),
            }
        }
        requests.push(report);
    }
    Ok(ReissueRequestsOutcome { dry_run, requests })
}
