//! Accounts: issuing applicant accounts (one per institution code + fee-schedule class, as the
//! seed requires) and reviewer accounts, the demo data, and generation of user IDs and initial
//! passwords. Operator input arrives as raw text and is parsed here, so an account with a
//! mistyped code or a class that contradicts the code can never be written.

mod demo;
mod read;
mod secrets;

pub use demo::{DEMO_ACCOUNTS, DemoAccount, seed_demo};
pub use read::*;
pub use secrets::{generate_initial_password, generate_user_id};

use serde::Serialize;
use todoke_core::text::current as text;
use todoke_core::{
    FeeScheduleClass, InstitutionCode, InstitutionCodeError, Prefecture, RegionalBureau, UserId,
};

use crate::AppState;
use crate::auth::password;
use crate::db::{Conn, is_unique_violation, to_unix};
use crate::error::AppError;
use secrets::initial_password_for;

/// An applicant account as the operator typed it (CLI flags); parsed by [`create_applicant`].
#[derive(Debug, Clone, Default)]
pub struct NewApplicant {
    pub institution_code: String,
    /// 医科 / 歯科 / 調剤 (or medical / dental / pharmacy, or the 点数表 digit).
    pub class: String,
    pub institution_name: String,
    /// 広島県, 広島 or 34.
    pub prefecture: String,
}

/// What the ministry mails to the institution. Printed once; only the hash is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IssuedCredentials {
    pub user_id: String,
    pub initial_password: String,
}

/// Why an account was not issued. `Display` is the Japanese message for the operator.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("{0}")]
    InstitutionCode(InstitutionCodeError),
    #[error("{}", text::FEE_SCHEDULE_CLASS_UNKNOWN())]
    UnknownClass,
    #[error("{}", text::PREFECTURE_UNKNOWN())]
    UnknownPrefecture,
    #[error("{}", text::prefecture_mismatch(.code.name(), .given.name()))]
    PrefectureMismatch { code: Prefecture, given: Prefecture },
    #[error("{}", text::INSTITUTION_NAME_REQUIRED())]
    NameRequired,
    #[error("{}", text::INSTITUTION_NAME_TOO_LONG())]
    NameTooLong,
    #[error("{}", text::DISPLAY_NAME_REQUIRED())]
    DisplayNameRequired,
    #[error("{0}")]
    InvalidUserId(&'static str),
    #[error("{}", text::USER_ID_TAKEN())]
    UserIdTaken,
    #[error("{}", text::ACCOUNT_ALREADY_ISSUED())]
    AlreadyIssued,
    #[error("{}", text::initial_password_rejected(.0))]
    InitialPasswordRejected(Vec<String>),
    #[error("{}", text::account_storage_failed(&.0.to_string()))]
    Storage(AppError),
}

impl From<AppError> for AccountError {
    fn from(e: AppError) -> Self {
        Self::Storage(e)
    }
}

impl From<sqlx::Error> for AccountError {
    fn from(e: sqlx::Error) -> Self {
        Self::Storage(AppError::Database(e))
    }
}

/// An applicant's details once every check has passed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicantDetails {
    pub code: InstitutionCode,
    pub class: FeeScheduleClass,
    pub name: String,
    pub prefecture: Prefecture,
}

/// Longest institution name accepted (the longest real names are around 60 characters).
const NAME_MAX_CHARS: usize = 100;

impl ApplicantDetails {
    /// Parses the operator's input. The check digit is required (a typo must not become an
    /// account), the class must match the code's 点数表 digit and the prefecture its first two
    /// digits.
    pub fn parse(input: &NewApplicant) -> Result<Self, AccountError> {
        let code = InstitutionCode::parse_strict(&input.institution_code)
            .map_err(AccountError::InstitutionCode)?;
        let class = FeeScheduleClass::parse(&input.class).ok_or(AccountError::UnknownClass)?;
        code.verify_class(class)
            .map_err(AccountError::InstitutionCode)?;
        let prefecture =
            Prefecture::parse(&input.prefecture).ok_or(AccountError::UnknownPrefecture)?;
        if prefecture != code.prefecture() {
            return Err(AccountError::PrefectureMismatch {
                code: code.prefecture(),
                given: prefecture,
            });
        }
        let name = input.institution_name.trim();
        if name.is_empty() {
            return Err(AccountError::NameRequired);
        }
        if name.chars().count() > NAME_MAX_CHARS || name.chars().any(char::is_control) {
            return Err(AccountError::NameTooLong);
        }
        Ok(Self {
            code,
            class,
            name: name.to_string(),
            prefecture,
        })
    }
}

/// Issues an applicant account with a generated user ID and initial password.
pub async fn create_applicant(
    state: &AppState,
    input: NewApplicant,
) -> Result<IssuedCredentials, AccountError> {
    let details = ApplicantDetails::parse(&input)?;
    let active: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM accounts
         WHERE role = 'applicant' AND ended_at IS NULL AND institution_code = $1 AND fee_schedule_class = $2",
    )
    .bind(details.code.as_str())
    .bind(details.class.as_str())
    .fetch_one(&state.pool)
    .await?;
    if active > 0 {
        return Err(AccountError::AlreadyIssued);
    }
    // A generated ID colliding is rare; try a few before giving up.
    for _ in 0..5 {
        let user_id = generate_user_id();
        let initial_password = initial_password_for(&state.config.password_policy, &user_id);
        let hash = password::hash(initial_password.clone()).await?;
        let mut conn = state.pool.acquire().await?;
        match insert_applicant(&mut conn, &user_id, &hash, &details, state.clock.now()).await {
            Ok(_) => {
                tracing::info!(
                    user_id,
                    institution_code = details.code.as_str(),
                    "applicant account issued"
                );
                return Ok(IssuedCredentials {
                    user_id,
                    initial_password,
                });
            }
            Err(AccountError::UserIdTaken) => continue,
            Err(e) => return Err(e),
        }
    }
    Err(AccountError::UserIdTaken)
}

/// Issues a reviewer account for a regional bureau. Without `initial_password` one is generated;
/// a given one must satisfy the policy.
pub async fn create_reviewer(
    state: &AppState,
    user_id: &str,
    display_name: &str,
    bureau: RegionalBureau,
    initial_password: Option<&str>,
) -> Result<IssuedCredentials, AccountError> {
    let user_id = UserId::parse(user_id).map_err(AccountError::InvalidUserId)?;
    let display_name = display_name.trim();
    if display_name.is_empty() {
        return Err(AccountError::DisplayNameRequired);
    }
    if display_name.chars().count() > NAME_MAX_CHARS || display_name.chars().any(char::is_control) {
        return Err(AccountError::NameTooLong);
    }
    let policy = &state.config.password_policy;
    let initial_password = match initial_password {
        Some(p) => {
            let problems = policy.problems(p, user_id.as_str());
            if !problems.is_empty() {
                return Err(AccountError::InitialPasswordRejected(problems));
            }
            p.to_string()
        }
        None => initial_password_for(policy, user_id.as_str()),
    };
    let hash = password::hash(initial_password.clone()).await?;
    let mut conn = state.pool.acquire().await?;
    insert_reviewer(
        &mut conn,
        user_id.as_str(),
        &hash,
        display_name,
        bureau,
        state.clock.now(),
    )
    .await?;
    tracing::info!(
        user_id = user_id.as_str(),
        bureau = bureau.as_str(),
        "reviewer account issued"
    );
    Ok(IssuedCredentials {
        user_id: user_id.to_string(),
        initial_password,
    })
}

async fn insert_applicant(
    conn: &mut Conn,
    user_id: &str,
    password_hash: &str,
    d: &ApplicantDetails,
    now: time::OffsetDateTime,
) -> Result<i64, AccountError> {
    let row = ApplicantRow {
        institution_code: d.code.as_str(),
        fee_schedule_class: d.class.as_str(),
        institution_name: &d.name,
        prefecture: i64::from(d.prefecture.code()),
    };
    insert_applicant_row(conn, user_id, password_hash, &row, to_unix(now))
        .await
        .map_err(unique_to_account_error)
}

/// The columns of an applicant account besides its ID and password.
pub(crate) struct ApplicantRow<'a> {
    pub institution_code: &'a str,
    pub fee_schedule_class: &'a str,
    pub institution_name: &'a str,
    pub prefecture: i64,
}

/// The one `INSERT` of an applicant account (operator command and bulk issuance), with the
/// initial password to change. Returns the new account's id.
pub(crate) async fn insert_applicant_row(
    conn: &mut Conn,
    user_id: &str,
    password_hash: &str,
    row: &ApplicantRow<'_>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO accounts (user_id, role, password_hash, must_change_password, institution_code,
                               fee_schedule_class, institution_name, prefecture, created_at)
         VALUES ($1, 'applicant', $2, 1, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(user_id)
    .bind(password_hash)
    .bind(row.institution_code)
    .bind(row.fee_schedule_class)
    .bind(row.institution_name)
    .bind(row.prefecture)
    .bind(now)
    .fetch_one(&mut *conn)
    .await
}

async fn insert_reviewer(
    conn: &mut Conn,
    user_id: &str,
    password_hash: &str,
    display_name: &str,
    bureau: RegionalBureau,
    now: time::OffsetDateTime,
) -> Result<(), AccountError> {
    sqlx::query(
        "INSERT INTO accounts (user_id, role, password_hash, must_change_password, bureau, display_name, created_at)
         VALUES ($1, 'reviewer', $2, 1, $3, $4, $5)",
    )
    .bind(user_id)
    .bind(password_hash)
    .bind(bureau.as_str())
    .bind(display_name)
    .bind(to_unix(now))
    .execute(&mut *conn)
    .await
    .map_err(unique_to_account_error)?;
    Ok(())
}

fn unique_to_account_error(e: sqlx::Error) -> AccountError {
    if is_unique_violation(&e, "accounts.user_id") {
        AccountError::UserIdTaken
    } else if is_unique_violation(&e, "accounts.institution_code") {
        AccountError::AlreadyIssued
    } else {
        e.into()
    }
}

/// How many accounts exist (ended ones included).
pub async fn count(state: &AppState) -> Result<i64, AccountError> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM accounts")
        .fetch_one(&state.pool)
        .await?)
}

#[cfg(test)]
mod tests {
    use super::demo::DEMO_APPLICANTS;
    use super::*;
    use todoke_core::PasswordPolicy;

    fn applicant(code: &str, class: &str, name: &str, prefecture: &str) -> NewApplicant {
        NewApplicant {
            institution_code: code.into(),
            class: class.into(),
            institution_name: name.into(),
            prefecture: prefecture.into(),
        }
    }

    #[test]
    fn applicant_input_is_parsed_strictly() {
        let ok = ApplicantDetails::parse(&applicant("3410712362", "医科", " 広島内科 ", "広島県"))
            .unwrap();
        assert_eq!(ok.name, "広島内科");
        assert_eq!(ok.class, FeeScheduleClass::Medical);
        let cases: &[(NewApplicant, &str)] = &[
            (applicant("3410712360", "医科", "x", "広島県"), "検証番号"),
            (
                applicant("3410712362", "調剤", "x", "広島県"),
                "点数表番号は医科",
            ),
            (
                applicant("3410712362", "内科", "x", "広島県"),
                "点数表区分は",
            ),
            (applicant("3410712362", "医科", "x", "広島府"), "都道府県は"),
            (
                applicant("3410712362", "医科", "x", "東京都"),
                "広島県を示しています",
            ),
            (
                applicant("3410712362", "医科", "  ", "広島県"),
                "名称を入力",
            ),
        ];
        for (input, expected) in cases {
            let err = ApplicantDetails::parse(input).unwrap_err().to_string();
            assert!(err.contains(expected), "{input:?}: {err}");
        }
    }

    #[test]
    fn demo_codes_are_valid_and_match_their_class() {
        for (code, class, _) in DEMO_APPLICANTS {
            let code = InstitutionCode::parse_strict(code).unwrap();
            assert_eq!(code.class(), class);
            assert_eq!(code.prefecture().name(), "東京都");
        }
    }

    #[test]
    fn generated_user_ids_are_unambiguous() {
        for _ in 0..200 {
            let id = generate_user_id();
            assert_eq!(id.len(), 10);
            assert!(!id.contains(['0', 'O', '1', 'I', 'L']), "{id}");
            assert_eq!(UserId::parse(&id).unwrap().as_str(), id);
        }
    }

    #[test]
    fn generated_passwords_satisfy_the_policy() {
        let policy = PasswordPolicy::default();
        let mut seen = std::collections::HashSet::new();
        for _ in 0..200 {
            let p = generate_initial_password(&policy);
            assert_eq!(p.chars().count(), 12);
            assert!(policy.problems(&p, "ABCDEFGHJK").is_empty(), "{p}");
            assert!(!p.contains(['0', 'O', '1', 'l', 'I']), "{p}");
            seen.insert(p);
        }
        assert_eq!(seen.len(), 200, "passwords repeat");
    }

    #[test]
    fn generated_passwords_follow_a_stricter_policy() {
        let policy = PasswordPolicy {
            min_len: 16,
            max_len: 24,
        };
        let p = generate_initial_password(&policy);
        assert_eq!(p.chars().count(), 16);
        assert!(policy.problems(&p, "").is_empty());
    }
}
