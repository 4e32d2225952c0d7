//! The demo accounts `serve --demo` seeds. DEMO ONLY: their passwords are public.

use serde::Serialize;
use todoke_core::text::ja;
use todoke_core::{FeeScheduleClass, InstitutionCode, RegionalBureau};

use super::{AccountError, ApplicantDetails, count, insert_applicant, insert_reviewer};
use crate::AppState;
use crate::auth::password;
use crate::db;

/// A fixed demo account. DEMO ONLY: the passwords are public; never seed them in production.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DemoAccount {
    pub user_id: &'static str,
    pub initial_password: &'static str,
    pub description: &'static str,
}

/// The demo accounts: one applicant per class with valid codes in Tokyo, and one reviewer of
/// the bureau that covers Tokyo.
pub const DEMO_ACCOUNTS: [DemoAccount; 4] = [
    DemoAccount {
        user_id: "DEMO-MED",
        initial_password: "Demo#Med0001",
        description: ja::DEMO_MEDICAL_DESCRIPTION,
    },
    DemoAccount {
        user_id: "DEMO-DENT",
        initial_password: "Demo#Dent0001",
        description: ja::DEMO_DENTAL_DESCRIPTION,
    },
    DemoAccount {
        user_id: "DEMO-PHARM",
        initial_password: "Demo#Phar0001",
        description: ja::DEMO_PHARMACY_DESCRIPTION,
    },
    DemoAccount {
        user_id: "DEMO-REVIEW",
        initial_password: "Demo#Rev0001",
        description: ja::DEMO_REVIEWER_DESCRIPTION,
    },
];

/// Code, class and name of the three demo applicants, in [`DEMO_ACCOUNTS`] order.
pub(super) const DEMO_APPLICANTS: [(&str, FeeScheduleClass, &str); 3] = [
    (
        "1310100019",
        FeeScheduleClass::Medical,
        ja::DEMO_MEDICAL_NAME,
    ),
    ("1330100023", FeeScheduleClass::Dental, ja::DEMO_DENTAL_NAME),
    (
        "1340100039",
        FeeScheduleClass::Pharmacy,
        ja::DEMO_PHARMACY_NAME,
    ),
];

/// The address the demo institutions are registered at (7 digits, as imported).
pub const DEMO_POSTAL_CODE: &str = "1000013";
const DEMO_ADDRESS: &str = "東京都千代田区霞が関1-2-2";

/// Seeds the demo accounts when the database has no account at all (so a real installation
/// is never touched), all with `must_change_password`. Returns the demo list either way.
pub async fn seed_demo(state: &AppState) -> Result<Vec<DemoAccount>, AccountError> {
    if count(state).await? > 0 {
        return Ok(DEMO_ACCOUNTS.to_vec());
    }
    let now = state.clock.now();
    let mut hashes = Vec::with_capacity(DEMO_ACCOUNTS.len());
    for demo in DEMO_ACCOUNTS {
        hashes.push(password::hash(demo.initial_password.to_string()).await?);
    }
    let mut tx = db::begin_write(&state.pool).await?;
    for ((demo, hash), (code, class, name)) in
        DEMO_ACCOUNTS.iter().zip(&hashes).zip(DEMO_APPLICANTS)
    {
        let code = InstitutionCode::parse_strict(code).map_err(AccountError::InstitutionCode)?;
        let details = ApplicantDetails {
            prefecture: code.prefecture(),
            code,
            class,
            name: name.to_string(),
        };
        insert_applicant(&mut tx, demo.user_id, hash, &details, now).await?;
        // The registered address, so that a reissue request can be accepted and posted.
        sqlx::query(
            "INSERT INTO institutions (institution_code, fee_schedule_class, name, postal_code,
                 address_line1, address_line2, prefecture, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, NULL, $6, $7, $7)",
        )
        .bind(details.code.as_str())
        .bind(class.as_str())
        .bind(name)
        .bind(DEMO_POSTAL_CODE)
        .bind(DEMO_ADDRESS)
        .bind(i64::from(details.prefecture.code()))
        .bind(db::to_unix(now))
        .execute(&mut *tx)
        .await?;
    }
    let reviewer = &DEMO_ACCOUNTS[3];
    insert_reviewer(
        &mut tx,
        reviewer.user_id,
        &hashes[3],
        ja::DEMO_REVIEWER_NAME,
        RegionalBureau::KantoShinetsu,
        now,
    )
    .await?;
    tx.commit().await?;
    tracing::info!("demo accounts seeded");
    Ok(DEMO_ACCOUNTS.to_vec())
}
