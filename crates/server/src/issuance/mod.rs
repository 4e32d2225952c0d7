//! Bulk issuance: importing the bureau's institution list, issuing user IDs and
//! initial passwords to the institutions with online claims in a month and no account yet,
//! printing the letters per mailing batch, reissue and end of use (利用終了).
//!
//! Passwords exist only in memory and in the letter PDFs; the database keeps argon2 hashes, the
//! manifest CSVs and stdout never contain them.

pub mod end_use;
mod error;
pub mod import;
pub mod letter;
mod reissue;
pub mod schedule;
pub mod start_use;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::db::Conn;
use serde::Serialize;
use todoke_core::{FeeScheduleClass, PasswordPolicy, Prefecture};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use crate::AppState;
use crate::accounts::{self, generate_initial_password, generate_user_id};
use crate::auth::password;
use crate::db::{self, is_unique_violation, to_unix};

pub use crate::pdf::{DEFAULT_FONT, DEFAULT_MONO_FONT, Fonts};
pub use end_use::{EndUseFilingsOutcome, EndUseOutcome, end_use, end_use_filings};
pub use letter::{DEFAULT_LOGIN_URL, Letter, LetterOptions};
pub(crate) use reissue::find_account;
pub use reissue::{
    ReissueOutcome, ReissueRequestsOutcome, RequestedReissue, reissue, reissue_requests,
};
pub use start_use::{StartUseRequestsOutcome, StartedUse, start_use_requests};

/// Options shared by the commands that print letters.
#[derive(Debug, Clone, clap::Args)]
pub struct LetterArgs {
    /// TrueType/OpenType font for the letters (only the glyphs used are embedded).
    #[arg(long, env = "TODOKE_LETTER_FONT", default_value = DEFAULT_FONT)]
    pub font: String,
    /// Monospaced font for the user ID and initial password (falls back to --font).
    #[arg(long, env = "TODOKE_LETTER_MONO_FONT", default_value = DEFAULT_MONO_FONT)]
    pub mono_font: String,
    /// The login URL printed in the first-login steps.
    #[arg(long, env = "TODOKE_LETTER_LOGIN_URL", default_value = DEFAULT_LOGIN_URL)]
    pub login_url: String,
}

pub use error::OperatorError;
pub(crate) use error::storage;

/// A letter or manifest that could not be written; `e` is the detail.
pub(crate) fn output(e: impl std::fmt::Display) -> OperatorError {
    OperatorError::LetterOutput(e.to_string())
}

pub(crate) fn password_for(policy: &PasswordPolicy, user_id: &str) -> String {
    loop {
        let p = generate_initial_password(policy);
        if policy.problems(&p, user_id).is_empty() {
            return p;
        }
    }
}

/// Hashes every password on a bounded pool: one argon2 at a time per core, on a dedicated
/// runtime whose blocking pool has exactly that many threads. (On the main runtime every
/// hash could land on a fresh blocking thread, and each thread's allocator arena kept its
/// 19 MiB argon2 block: hundreds of MiB for a large run.)
async fn hash_all(passwords: Vec<String>) -> Result<Vec<String>, OperatorError> {
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let (tx, rx) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let result = tokio::runtime::Builder::new_current_thread()
            .max_blocking_threads(workers)
            .build()
            .map_err(storage)
            .and_then(|rt| rt.block_on(hash_bounded(passwords, workers)));
        let _ = tx.send(result);
    });
    rx.await
        .map_err(|e| storage(format!("hashing thread: {e}")))?
}

async fn hash_bounded(
    passwords: Vec<String>,
    workers: usize,
) -> Result<Vec<String>, OperatorError> {
    let permits = Arc::new(Semaphore::new(workers));
    let mut set = JoinSet::new();
    let n = passwords.len();
    for (i, p) in passwords.into_iter().enumerate() {
        let permit = permits.clone().acquire_owned().await.map_err(storage)?;
        set.spawn(async move {
            let _permit = permit;
            (i, password::hash(p).await)
        });
    }
    let mut out = vec![String::new(); n];
    while let Some(joined) = set.join_next().await {
        let (i, hash) = joined.map_err(storage)?;
        out[i] = hash.map_err(storage)?;
    }
    Ok(out)
}

// ---- import-institutions -----------------------------------------------------------------------

#[derive(Debug, Serialize)]
pub struct ImportOutcome {
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    pub encoding: import::SourceEncoding,
}

/// Reads, checks and stores `file`. `Err` is the Japanese report (nothing written).
pub async fn import_file(state: &AppState, file: &Path) -> Result<ImportOutcome, OperatorError> {
    let bytes =
        std::fs::read(file).map_err(|e| OperatorError::ImportFileUnreadable(e.to_string()))?;
    let (rows, encoding) = import::parse(&bytes).map_err(OperatorError::ImportRejected)?;
    let summary = import::store(&state.pool, &rows, state.clock.now())
        .await
        .map_err(storage)?;
    Ok(ImportOutcome {
        rows: rows.len(),
        created: summary.created,
        updated: summary.updated,
        encoding,
    })
}

// ---- issue-credentials ---------------------------------------------------------------------------

#[derive(Debug, Serialize)]
pub struct BatchOutput {
    pub batch: u8,
    pub arrival: &'static str,
    pub letters: usize,
    /// The batch's letters, split into files of at most `--letters-per-pdf` letters, in order.
    pub pdfs: Vec<PathBuf>,
    pub manifest: PathBuf,
}

#[derive(Debug, Serialize)]
pub struct IssueOutcome {
    pub run: Option<i64>,
    pub claim_month: String,
    pub issued: usize,
    pub batches: Vec<BatchOutput>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct InstitutionRecord {
    id: i64,
    institution_code: String,
    fee_schedule_class: String,
    name: String,
    postal_code: String,
    address_line1: String,
    address_line2: Option<String>,
    prefecture: i64,
}

impl InstitutionRecord {
    pub(crate) fn letter(
        &self,
        user_id: String,
        initial_password: String,
    ) -> Result<Letter, OperatorError> {
        let prefecture = u8::try_from(self.prefecture)
            .ok()
            .and_then(Prefecture::from_code)
            .ok_or_else(|| storage("institutions.prefecture"))?;
        Ok(Letter {
            user_id,
            initial_password,
            institution_code: self.institution_code.clone(),
            class: FeeScheduleClass::parse(&self.fee_schedule_class)
                .ok_or_else(|| storage("institutions.fee_schedule_class"))?,
            name: self.name.clone(),
            postal_code: self.postal_code.clone(),
            address_line1: self.address_line1.clone(),
            address_line2: self.address_line2.clone(),
            prefecture,
            batch: schedule::batch_for(prefecture).number,
        })
    }
}

pub(crate) const INSTITUTION_COLUMNS: &str =
    "i.id, i.institution_code, i.fee_schedule_class, i.name, i.postal_code,
    i.address_line1, i.address_line2, i.prefecture";

/// Issues credentials to every institution with an online claim in `claim_month` and no
/// applicant account yet (ended accounts count as issued: a new code after 利用終了 is a new
/// institution row), writes per mailing batch a letters PDF and a manifest CSV into `out`.
///
/// One function over ~80 lines on purpose: select, generate and hash, render, store, rename
/// share the all-or-nothing bookkeeping (no account without its letter, no letter without its
/// account), which is easiest to check when the steps stand in one place in order.
pub async fn issue(
    state: &AppState,
    claim_month: &str,
    out: &Path,
    letter_args: &LetterArgs,
    letters_per_pdf: usize,
) -> Result<IssueOutcome, OperatorError> {
    let letters_per_pdf = letters_per_pdf.max(1);
    if !import::is_claim_month(claim_month) {
        return Err(OperatorError::ClaimMonthInvalid(claim_month.to_string()));
    }
    let font = Fonts::load(&letter_args.font, &letter_args.mono_font)?;
    let sql = format!(
        "SELECT {INSTITUTION_COLUMNS} FROM institutions i
         JOIN online_claims c ON c.institution_id = i.id AND c.claim_month = $1
         WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.role = 'applicant'
                           AND a.institution_code = i.institution_code
                           AND a.fee_schedule_class = i.fee_schedule_class)
         ORDER BY i.prefecture, i.institution_code, i.fee_schedule_class"
    );
    let targets: Vec<InstitutionRecord> = sqlx::query_as(&sql)
        .bind(claim_month)
        .fetch_all(&state.pool)
        .await
        .map_err(storage)?;
    let mut outcome = IssueOutcome {
        run: None,
        claim_month: claim_month.to_string(),
        issued: 0,
        batches: Vec::new(),
    };
    if targets.is_empty() {
        return Ok(outcome);
    }
    // User IDs unique among existing accounts and within the run, chosen before anything is
    // written, so the letters can be printed before the (short) write transaction.
    let policy = &state.config.password_policy;
    let mut taken: HashSet<String> = sqlx::query_scalar("SELECT user_id FROM accounts")
        .fetch_all(&state.pool)
        .await
        .map_err(storage)?
        .into_iter()
        .collect();
    let user_ids: Vec<String> = targets
        .iter()
        .map(|_| {
            loop {
                let id = generate_user_id();
                if taken.insert(id.clone()) {
                    break id;
                }
            }
        })
        .collect();
    let passwords: Vec<String> = user_ids.iter().map(|u| password_for(policy, u)).collect();
    let hashes = hash_all(passwords.clone()).await?;

    let now = to_unix(state.clock.now());
    let run: i64 = sqlx::query_scalar(
        "INSERT INTO issuance_runs (kind, claim_month, created_at) VALUES ('initial', $1, $2) RETURNING id",
    )
    .bind(claim_month)
    .bind(now)
    .fetch_one(&state.pool)
    .await
    .map_err(storage)?;
    // Mailing order: batch, then prefecture, code, class (targets are sorted by the latter).
    let mut order: Vec<usize> = (0..targets.len()).collect();
    let mut letters = Vec::with_capacity(targets.len());
    for (i, target) in targets.iter().enumerate() {
        letters.push(target.letter(user_ids[i].clone(), passwords[i].clone())?);
    }
    order.sort_by_key(|&i| letters[i].batch);
    let letters: Vec<Letter> = order.iter().map(|&i| letters[i].clone()).collect();
    let options = LetterOptions {
        login_url: &letter_args.login_url,
        reissue: false,
    };
    // Every file is written under a temporary name first; the accounts are committed only
    // when all are written, and the files renamed only after the commit, so a failure leaves
    // neither accounts without letters nor letters without accounts. The database is not
    // locked while the PDFs render.
    let batches =
        write_batches(out, run, &letters, &font, &options, letters_per_pdf).map_err(output)?;
    let discard = |batches: &[BatchOutput]| {
        for b in batches {
            for p in b.pdfs.iter().chain([&b.manifest]) {
                let _ = std::fs::remove_file(partial(p));
            }
        }
    };
    let stored = async {
        let mut tx = db::begin_write(&state.pool).await?;
        for &i in &order {
            let account =
                insert_account(&mut tx, &user_ids[i], &hashes[i], &targets[i], now).await?;
            let batch = schedule::batch_for(letters_prefecture(&targets[i])?).number;
            insert_letter(&mut tx, run, account, Some(targets[i].id), batch, now).await?;
        }
        tx.commit().await
    }
    .await;
    if let Err(e) = stored {
        discard(&batches);
        // Another run (or create-account) issued one of these institutions meanwhile, or took
        // one of the user IDs: nothing was written; running again issues the rest.
        if is_unique_violation(&e, "accounts.") {
            return Err(OperatorError::IssuanceConflict);
        }
        return Err(storage(e));
    }
    for b in &batches {
        for p in b.pdfs.iter().chain([&b.manifest]) {
            std::fs::rename(partial(p), p).map_err(output)?;
        }
    }
    tracing::info!(
        run,
        issued = letters.len(),
        claim_month,
        "credentials issued"
    );
    outcome.run = Some(run);
    outcome.issued = letters.len();
    outcome.batches = batches;
    Ok(outcome)
}

fn letters_prefecture(i: &InstitutionRecord) -> Result<Prefecture, sqlx::Error> {
    u8::try_from(i.prefecture)
        .ok()
        .and_then(Prefecture::from_code)
        .ok_or_else(|| sqlx::Error::Protocol("institutions.prefecture out of range".into()))
}

pub(crate) fn partial(p: &Path) -> PathBuf {
    let mut s = p.as_os_str().to_owned();
    s.push(".partial");
    PathBuf::from(s)
}

/// One batch's manifest: path, batch, arrival, (PDF file name, page) per letter, the letters.
type ManifestJob<'a> = (
    PathBuf,
    u8,
    &'static str,
    Vec<(String, usize)>,
    &'a [Letter],
);

/// One PDF file to render: a slice of one batch's letters.
struct PdfJob<'a> {
    path: PathBuf,
    letters: &'a [Letter],
}

fn write_batches(
    out: &Path,
    run: i64,
    letters: &[Letter],
    font: &Fonts,
    options: &LetterOptions,
    letters_per_pdf: usize,
) -> Result<Vec<BatchOutput>, OperatorError> {
    std::fs::create_dir_all(out).map_err(output)?;
    let mut outputs: Vec<BatchOutput> = Vec::new();
    let mut jobs: Vec<PdfJob> = Vec::new();
    let mut manifests: Vec<ManifestJob> = Vec::new();
    // `letters` is sorted by batch: each batch is one contiguous run.
    for batch in schedule::batches() {
        let first = letters.partition_point(|l| l.batch < batch.number);
        let last = letters.partition_point(|l| l.batch <= batch.number);
        let in_batch = &letters[first..last];
        if in_batch.is_empty() {
            continue;
        }
        let stem = format!("run{run:04}-batch{:02}", batch.number);
        let parts = in_batch.len().div_ceil(letters_per_pdf);
        let mut pdfs = Vec::new();
        let mut placement = Vec::new();
        for (part, chunk) in in_batch.chunks(letters_per_pdf).enumerate() {
            let path = if parts == 1 {
                out.join(format!("{stem}-letters.pdf"))
            } else {
                out.join(format!("{stem}-part{:03}-letters.pdf", part + 1))
            };
            let file = path
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default();
            placement.extend((0..chunk.len()).map(|i| (file.clone(), i * 2 + 1)));
            pdfs.push(path.clone());
            jobs.push(PdfJob {
                path,
                letters: chunk,
            });
        }
        let manifest = out.join(format!("{stem}-manifest.csv"));
        manifests.push((
            manifest.clone(),
            batch.number,
            batch.arrival,
            placement,
            in_batch,
        ));
        outputs.push(BatchOutput {
            batch: batch.number,
            arrival: batch.arrival,
            letters: in_batch.len(),
            pdfs,
            manifest,
        });
    }
    let mut result = render_all(&jobs, font, options);
    if result.is_ok() {
        for (path, batch, arrival, placement, in_batch) in &manifests {
            if let Err(e) = write_manifest(&partial(path), *batch, arrival, in_batch, placement) {
                result = Err(e);
                break;
            }
        }
    }
    if let Err(e) = result {
        for b in &outputs {
            for p in b.pdfs.iter().chain([&b.manifest]) {
                let _ = std::fs::remove_file(partial(p));
            }
        }
        return Err(e);
    }
    Ok(outputs)
}

/// Renders the PDFs on a bounded pool of threads (one per core); each file is written under
/// its temporary name.
fn render_all(jobs: &[PdfJob], font: &Fonts, options: &LetterOptions) -> Result<(), OperatorError> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(jobs.len().max(1));
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| -> Result<(), OperatorError> {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(job) = jobs.get(i) else {
                            return Ok(());
                        };
                        let bytes = letter::render(font, job.letters, options)?;
                        std::fs::write(partial(&job.path), bytes).map_err(output)?;
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(output("PDF worker panicked")))
            })
            .collect::<Result<Vec<()>, OperatorError>>()
            .map(|_| ())
    })
}

/// Manifest header (UTF-8 with BOM so that spreadsheet software reads it as UTF-8).
pub const MANIFEST_HEADER: [&str; 12] = [
    "便",
    "到着日途",
    "都道府県",
    "医療機関コード",
    "点数表区分",
    "名称",
    "郵便番号",
    "住所1",
    "住所2",
    "ユーザID",
    "PDF",
    "ページ",
];

fn write_manifest(
    path: &Path,
    batch: u8,
    arrival: &str,
    letters: &[Letter],
    placement: &[(String, usize)],
) -> Result<(), OperatorError> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut bytes);
        w.write_record(MANIFEST_HEADER).map_err(output)?;
        for (l, (file, page)) in letters.iter().zip(placement) {
            w.write_record([
                batch.to_string().as_str(),
                arrival,
                l.prefecture.name(),
                &l.institution_code,
                l.class.label(),
                &l.name,
                &l.postal_code,
                &l.address_line1,
                l.address_line2.as_deref().unwrap_or(""),
                &l.user_id,
                file,
                &page.to_string(),
            ])
            .map_err(output)?;
        }
        w.flush().map_err(output)?;
    }
    std::fs::write(path, bytes).map_err(output)
}

async fn insert_account(
    conn: &mut Conn,
    user_id: &str,
    hash: &str,
    i: &InstitutionRecord,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let row = accounts::ApplicantRow {
        institution_code: &i.institution_code,
        fee_schedule_class: &i.fee_schedule_class,
        institution_name: &i.name,
        prefecture: i.prefecture,
    };
    accounts::insert_applicant_row(conn, user_id, hash, &row, now).await
}

pub(crate) async fn insert_letter(
    conn: &mut Conn,
    run: i64,
    account: i64,
    institution: Option<i64>,
    batch: u8,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO letters (run_id, account_id, institution_id, mailing_batch, created_at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(run)
    .bind(account)
    .bind(institution)
    .bind(i64::from(batch))
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
