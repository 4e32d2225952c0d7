//! `todoke-server admin …`: operator commands. They read `TODOKE_DATABASE_URL` like the server,
//! migrate the database, and print exactly one JSON object on success so scripts can issue
//! accounts in bulk; failures print one Japanese message and write nothing.

use std::sync::Arc;

use todoke_core::RegionalBureau;
use todoke_core::text::ja;

use crate::accounts::{self, IssuedCredentials, NewApplicant};
use crate::{Config, SystemClock, build_state};

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
}

/// Runs an admin command. `Ok` is the JSON line for stdout; `Err` the Japanese message for stderr.
pub async fn run(command: AdminCommand, config: Config) -> Result<String, String> {
    // Refuse what can be refused before touching the database.
    if let AdminCommand::CreateAccount {
        institution_code,
        class,
        name,
        prefecture,
    } = &command
    {
        let input = applicant(institution_code, class, name, prefecture);
        accounts::ApplicantDetails::parse(&input).map_err(|e| e.to_string())?;
    }
    let bureau = match &command {
        AdminCommand::CreateReviewer { bureau, .. } => {
            Some(RegionalBureau::parse(bureau).ok_or_else(|| ja::BUREAU_UNKNOWN.to_string())?)
        }
        AdminCommand::CreateAccount { .. } => None,
    };
    let state = build_state(config, Arc::new(SystemClock))
        .await
        .map_err(|e| ja::account_storage_failed(&e.to_string()))?;
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
        (AdminCommand::CreateReviewer { .. }, None) => return Err(ja::BUREAU_UNKNOWN.to_string()),
    }
    .map_err(|e| e.to_string())?;
    state.pool.close().await;
    serde_json::to_string(&issued).map_err(|e| ja::account_storage_failed(&e.to_string()))
}

fn applicant(code: &str, class: &str, name: &str, prefecture: &str) -> NewApplicant {
    NewApplicant {
        institution_code: code.to_string(),
        class: class.to_string(),
        institution_name: name.to_string(),
        prefecture: prefecture.to_string(),
    }
}
