//! `todoke-server admin …`: operator commands. They read `TODOKE_DATABASE_URL` like the server,
//! migrate the database, and print exactly one JSON object on success so scripts can issue
//! accounts in bulk; failures print one Japanese message and write nothing.

use std::path::PathBuf;
use std::sync::Arc;

use todoke_core::RegionalBureau;
use todoke_core::announcement::Announcement;

use crate::accounts::{self, IssuedCredentials, NewApplicant};
use crate::announcement;
use crate::{Config, SystemClock, build_state};
pub use issuance::OperatorError;
use issuance::storage;

/// Bulk issuance; lives in `src/issuance/`.
#[path = "issuance/mod.rs"]
pub mod issuance;

#[derive(Debug, Clone, clap::Subcommand)]
pub enum AdminCommand {
    /// Issue an applicant account (one per institution code and class) and print
    /// {"user_id": …, "initial_password": …}.
    CreateAccount {
        /// 医療機関コード / 薬局コード, 10 digits with a valid check digit.
        #[arg(long)]
        institution_code: String,
        /// 点数表区分: 医科, 歯科 or 調剤 (medical / dental / pharmacy); must match the code.
        #[arg(long)]
        class: String,
        /// The institution's name, as on the mailed letter.
        #[arg(long)]
        name: String,
        /// Prefecture (広島県, 広島 or 34); must match the code's first two digits.
        #[arg(long)]
        prefecture: String,
    },
    /// Issue a reviewer account for a regional bureau and print
    /// {"user_id": …, "initial_password": …}.
    CreateReviewer {
        /// The user ID to issue (4–32 letters, digits and hyphens).
        #[arg(long)]
        user_id: String,
        /// Display name, e.g. 「関東信越厚生局 審査担当」.
        #[arg(long)]
        name: String,
        /// Bureau: hokkaido, tohoku, kanto_shinetsu, tokai_hokuriku, kinki, chugoku_shikoku,
        /// shikoku or kyushu (or the Japanese name).
        #[arg(long)]
        bureau: String,
    },
    /// Import (upsert) the bureau's institution list from a CSV file (UTF-8 or Shift_JIS/CP932).
    /// All-or-nothing: any bad row writes nothing and prints a report of every bad row.
    /// Columns (header row): 医療機関コード, 点数表区分, 名称, 郵便番号, 住所1, 住所2 (optional),
    /// 都道府県, オンライン請求月 (e.g. `2024-09;2024-10`); English names institution_code, class,
    /// name, postal_code, address_line1, address_line2, prefecture, claim_months also work.
    ImportInstitutions {
        /// The CSV file.
        file: PathBuf,
    },
    /// Issue user IDs and initial passwords to every institution with an online claim in the
    /// month and no account yet; write per mailing batch a letters PDF and a manifest CSV
    /// (without passwords) into --out. Running it again issues nothing twice.
    IssueCredentials {
        /// Claim month (請求月), YYYY-MM, e.g. 2024-10.
        #[arg(long)]
        claim_month: String,
        /// Output directory for the PDFs and manifests (created if missing).
        #[arg(long)]
        out: PathBuf,
        /// At most this many letters (two pages each) per PDF file; a larger batch is split
        /// into numbered parts. Bounds memory and suits print shops.
        #[arg(long, default_value_t = 250)]
        letters_per_pdf: usize,
        #[command(flatten)]
        letter: issuance::LetterArgs,
    },
    /// New initial password for an applicant: the old password stops working at once, its
    /// sessions end, the change is forced again; writes a single-letter PDF. `reissue USER_ID`
    /// for one account; `reissue --requests` for every reissue request the bureau has accepted
    /// (run it daily).
    Reissue {
        /// The user ID.
        user_id: Option<String>,
        /// Issue the accepted reissue requests instead of one user ID.
        #[arg(long)]
        requests: bool,
        /// With --requests: report what would be issued and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Output directory for the PDF.
        #[arg(long, default_value = ".")]
        out: PathBuf,
        #[command(flatten)]
        letter: issuance::LetterArgs,
    },
    /// 利用開始: a user ID and its letter for every 利用開始届出 the bureau has accepted (run it
    /// daily). A change of code, class or address waits for the previous ID's accepted
    /// 利用終了届出 to pass its last day of use; then the previous ID ends and the new one is
    /// issued together. Letters go to the address the request gives.
    StartUse {
        /// Report what would be issued and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Output directory for the PDFs.
        #[arg(long, default_value = ".")]
        out: PathBuf,
        #[command(flatten)]
        letter: issuance::LetterArgs,
    },
    /// The list page's announcement (運営からのお知らせ): plain text and at most one link, e.g.
    /// a survey. Replaces the one before; `--clear` removes it. Prints what is now shown.
    Announce {
        /// The text (Japanese); line breaks are kept.
        #[arg(long)]
        text: Option<String>,
        /// The text for English readers (optional; they read the Japanese one otherwise).
        #[arg(long)]
        text_en: Option<String>,
        /// The link's text.
        #[arg(long)]
        link_text: Option<String>,
        /// The link's text for English readers (optional).
        #[arg(long)]
        link_text_en: Option<String>,
        /// The link's address: https://…, http://… or a path on this site.
        #[arg(long)]
        link_url: Option<String>,
        /// Remove the announcement.
        #[arg(long)]
        clear: bool,
    },
    /// 利用終了: the account can no longer sign in and its sessions end; filings stay.
    /// `end-use USER_ID` ends one account; `end-use --filings` processes every 利用終了届出 the
    /// bureau has accepted whose last day of use has passed (run it daily).
    EndUse {
        /// The user ID.
        user_id: Option<String>,
        /// Process the accepted 利用終了届出 instead of one user ID.
        #[arg(long)]
        filings: bool,
        /// With --filings: report what would be processed and write nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

/// Runs an admin command. `Ok` is the JSON line for stdout; `Err` displays as the Japanese
/// message for stderr.
pub async fn run(command: AdminCommand, config: Config) -> Result<String, OperatorError> {
    match command {
        AdminCommand::CreateAccount { .. } | AdminCommand::CreateReviewer { .. } => {
            run_accounts(command, config).await
        }
        other => run_issuance(other, config).await,
    }
}

async fn run_issuance(command: AdminCommand, config: Config) -> Result<String, OperatorError> {
    let state = build_state(config, Arc::new(SystemClock))
        .await
        .map_err(storage)?;
    let json = match command {
        AdminCommand::ImportInstitutions { file } => {
            serde_json::to_value(issuance::import_file(&state, &file).await?)
        }
        AdminCommand::IssueCredentials {
            claim_month,
            out,
            letters_per_pdf,
            letter,
        } => serde_json::to_value(
            issuance::issue(&state, &claim_month, &out, &letter, letters_per_pdf).await?,
        ),
        AdminCommand::Reissue {
            user_id: None,
            requests: true,
            dry_run,
            out,
            letter,
        } => {
            serde_json::to_value(issuance::reissue_requests(&state, &out, &letter, dry_run).await?)
        }
        AdminCommand::Reissue {
            user_id: Some(user_id),
            requests: false,
            dry_run: false,
            out,
            letter,
        } => serde_json::to_value(issuance::reissue(&state, &user_id, &out, &letter).await?),
        AdminCommand::Reissue { .. } => return Err(OperatorError::ReissueTargetMissing),
        AdminCommand::StartUse {
            dry_run,
            out,
            letter,
        } => serde_json::to_value(
            issuance::start_use_requests(&state, &out, &letter, dry_run).await?,
        ),
        // Checked here rather than by clap, so that the operator reads the message in Japanese.
        AdminCommand::EndUse {
            user_id: None,
            filings: true,
            dry_run,
        } => serde_json::to_value(issuance::end_use_filings(&state, dry_run).await?),
        AdminCommand::EndUse {
            user_id: Some(user_id),
            filings: false,
            dry_run: false,
        } => serde_json::to_value(issuance::end_use(&state, &user_id).await?),
        AdminCommand::EndUse { .. } => return Err(OperatorError::EndUseTargetMissing),
        AdminCommand::Announce {
            text,
            text_en,
            link_text,
            link_text_en,
            link_url,
            clear,
        } => {
            let printed = if clear {
                if text.is_some() || text_en.is_some() {
                    return Err(OperatorError::AnnouncementClearWithText);
                }
                serde_json::json!({"cleared": announcement::clear(&state.pool).await?})
            } else {
                let url = link_url.as_deref();
                let ja =
                    Announcement::parse(text.as_deref().unwrap_or(""), link_text.as_deref(), url)?;
                let en = text_en
                    .as_deref()
                    .map(|t| {
                        Announcement::parse(
                            t,
                            link_text_en.as_deref().or(link_text.as_deref()),
                            url,
                        )
                    })
                    .transpose()?;
                announcement::set(&state.pool, &ja, en.as_ref(), state.clock.now()).await?;
                serde_json::json!({"announcement": ja, "announcement_en": en})
            };
            Ok(printed)
        }
        AdminCommand::CreateAccount { .. } | AdminCommand::CreateReviewer { .. } => {
            return Err(storage("unreachable"));
        }
    };
    state.pool.close().await;
    json.map(|v| v.to_string()).map_err(storage)
}

async fn run_accounts(command: AdminCommand, config: Config) -> Result<String, OperatorError> {
    // Refuse what can be refused before touching the database.
    if let AdminCommand::CreateAccount {
        institution_code,
        class,
        name,
        prefecture,
    } = &command
    {
        let input = applicant(institution_code, class, name, prefecture);
        accounts::ApplicantDetails::parse(&input)?;
    }
    let bureau = match &command {
        AdminCommand::CreateReviewer { bureau, .. } => {
            Some(RegionalBureau::parse(bureau).ok_or(OperatorError::BureauUnknown)?)
        }
        _ => None,
    };
    let state = build_state(config, Arc::new(SystemClock))
        .await
        .map_err(storage)?;
    let issued: IssuedCredentials = match (command, bureau) {
        (
            AdminCommand::CreateAccount {
                institution_code,
                class,
                name,
                prefecture,
            },
            _,
        ) => {
            accounts::create_applicant(
                &state,
                applicant(&institution_code, &class, &name, &prefecture),
            )
            .await
        }
        (AdminCommand::CreateReviewer { user_id, name, .. }, Some(bureau)) => {
            accounts::create_reviewer(&state, &user_id, &name, bureau, None).await
        }
        (AdminCommand::CreateReviewer { .. }, None) => return Err(OperatorError::BureauUnknown),
        _ => return Err(storage("unreachable")),
    }?;
    state.pool.close().await;
    serde_json::to_string(&issued).map_err(storage)
}

fn applicant(code: &str, class: &str, name: &str, prefecture: &str) -> NewApplicant {
    NewApplicant {
        institution_code: code.to_string(),
        class: class.to_string(),
        institution_name: name.to_string(),
        prefecture: prefecture.to_string(),
    }
}
