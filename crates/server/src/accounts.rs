//! Accounts: issuing applicant accounts (one per institution code + fee-schedule class, as the
//! seed requires) and reviewer accounts, the demo data, and generation of user IDs and initial
//! passwords. Operator input arrives as raw text and is parsed here, so an account with a
//! mistyped code or a class that contradicts the code can never be written.

use crate::db::{Conn, Pool};
use rand::Rng;
use rand::rngs::OsRng;
use rand::seq::SliceRandom;
use serde::Serialize;
use todoke_core::api::{AccountSummary, InstitutionSummary, Role};
use todoke_core::text::ja;
use todoke_core::{
    FeeScheduleClass, InstitutionCode, InstitutionCodeError, PasswordPolicy, Prefecture,
    RegionalBureau, UserId,
};

use crate::AppState;
use crate::auth::password;
use crate::db::{self, is_unique_violation, to_unix};
use crate::error::AppError;

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
    #[error("{}", ja::FEE_SCHEDULE_CLASS_UNKNOWN)]
    UnknownClass,
    #[error("{}", ja::PREFECTURE_UNKNOWN)]
    UnknownPrefecture,
    #[error("{}", ja::prefecture_mismatch(.code.name(), .given.name()))]
    PrefectureMismatch { code: Prefecture, given: Prefecture },
    #[error("{}", ja::INSTITUTION_NAME_REQUIRED)]
    NameRequired,
    #[error("{}", ja::INSTITUTION_NAME_TOO_LONG)]
    NameTooLong,
    #[error("{}", ja::DISPLAY_NAME_REQUIRED)]
    DisplayNameRequired,
    #[error("{0}")]
    InvalidUserId(&'static str),
    #[error("{}", ja::USER_ID_TAKEN)]
    UserIdTaken,
    #[error("{}", ja::ACCOUNT_ALREADY_ISSUED)]
    AlreadyIssued,
    #[error("{}", ja::initial_password_rejected(.0))]
    InitialPasswordRejected(Vec<String>),
    #[error("{}", ja::account_storage_failed(&.0.to_string()))]
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

// ---- Demo data -------------------------------------------------------------------------------

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
const DEMO_APPLICANTS: [(&str, FeeScheduleClass, &str); 3] = [
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

// ---- Generated secrets ---------------------------------------------------------------------

/// Letters and digits that cannot be confused on a printed letter: no 0/O, 1/I/L.
const USER_ID_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const USER_ID_LEN: usize = 10;

/// Password character classes without 0/O, 1/l/I, so that the mailed password is typed right.
const UPPER: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
const LOWER: &[u8] = b"abcdefghijkmnopqrstuvwxyz";
const DIGITS: &[u8] = b"23456789";
/// Symbols that are easy to read and type on a Japanese keyboard.
const SYMBOLS: &[u8] = b"#$%&*+-=?@";
const INITIAL_PASSWORD_LEN: usize = 12;

/// A 10-character user ID from the unambiguous alphabet. Uniqueness is enforced by the database.
pub fn generate_user_id() -> String {
    (0..USER_ID_LEN).map(|_| pick(USER_ID_ALPHABET)).collect()
}

/// A random initial password (12 characters, or the policy's bounds if they exclude 12) with at
/// least one upper-case letter, lower-case letter, digit and symbol, drawn from the OS CSPRNG,
/// that the policy accepts.
pub fn generate_initial_password(policy: &PasswordPolicy) -> String {
    initial_password_for(policy, "")
}

/// Like [`generate_initial_password`], also refusing passwords that contain `user_id`.
fn initial_password_for(policy: &PasswordPolicy, user_id: &str) -> String {
    let len = INITIAL_PASSWORD_LEN.clamp(policy.min_len.max(4), policy.max_len.max(4));
    loop {
        let mut chars: Vec<char> = [UPPER, LOWER, DIGITS, SYMBOLS]
            .iter()
            .map(|set| pick(set))
            .collect();
        let all: Vec<u8> = [UPPER, LOWER, DIGITS, SYMBOLS].concat();
        chars.extend((chars.len()..len).map(|_| pick(&all)));
        chars.shuffle(&mut OsRng);
        let candidate: String = chars.into_iter().collect();
        if policy.problems(&candidate, user_id).is_empty() {
            return candidate;
        }
    }
}

fn pick(set: &[u8]) -> char {
    char::from(set[OsRng.gen_range(0..set.len())])
}

// ---- Reading accounts ------------------------------------------------------------------------

/// Who an account is: an institution that files, or a bureau desk that reviews.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountKind {
    Applicant(InstitutionSummary),
    Reviewer {
        bureau: RegionalBureau,
        display_name: Option<String>,
    },
}

/// An account as the session code needs it, decoded from its row into domain types at the
/// edge. The password hash is not part of it: only sign-in and password change read that
/// ([`find_for_sign_in`], [`password_hash`]).
#[derive(Debug, Clone)]
pub struct Account {
    pub id: i64,
    pub user_id: String,
    pub kind: AccountKind,
    pub must_change_password: bool,
    pub last_login_at: Option<i64>,
    pub ended_at: Option<i64>,
}

/// A stored argon2 hash. Its `Debug` says nothing, so it cannot leak into a log line.
#[derive(Clone)]
pub struct PasswordHash(pub String);

impl std::fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordHash(…)")
    }
}

// Written out: the role decides which columns must hold what, and the flag is a 0/1 integer
// in both engines. A row that does not parse is a decode error (the database only ever
// receives parsed values).
impl<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> for Account {
    fn from_row(row: &'r sqlx::any::AnyRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        let id: i64 = row.try_get("id")?;
        let corrupt =
            |what: &str| sqlx::Error::Decode(format!("account {id}: invalid {what}").into());
        let role: String = row.try_get("role")?;
        let kind = match role.as_str() {
            "applicant" => {
                let code: Option<String> = row.try_get("institution_code")?;
                let class: Option<String> = row.try_get("fee_schedule_class")?;
                let prefecture: Option<i64> = row.try_get("prefecture")?;
                AccountKind::Applicant(InstitutionSummary {
                    code: code
                        .as_deref()
                        .and_then(|c| InstitutionCode::parse(c).ok())
                        .ok_or_else(|| corrupt("institution code"))?,
                    name: row
                        .try_get::<Option<String>, _>("institution_name")?
                        .ok_or_else(|| corrupt("institution name"))?,
                    class: class
                        .as_deref()
                        .and_then(FeeScheduleClass::parse)
                        .ok_or_else(|| corrupt("class"))?,
                    prefecture: prefecture
                        .and_then(|p| u8::try_from(p).ok())
                        .and_then(Prefecture::from_code)
                        .ok_or_else(|| corrupt("prefecture"))?,
                })
            }
            "reviewer" => AccountKind::Reviewer {
                bureau: row
                    .try_get::<Option<String>, _>("bureau")?
                    .as_deref()
                    .and_then(RegionalBureau::parse)
                    .ok_or_else(|| corrupt("bureau"))?,
                display_name: row.try_get("display_name")?,
            },
            _ => return Err(corrupt("role")),
        };
        Ok(Self {
            id,
            user_id: row.try_get("user_id")?,
            kind,
            must_change_password: row.try_get::<i64, _>("must_change_password")? != 0,
            last_login_at: row.try_get("last_login_at")?,
            ended_at: row.try_get("ended_at")?,
        })
    }
}

const ACCOUNT_COLUMNS: &str = "id, user_id, role, must_change_password, institution_code,
    fee_schedule_class, institution_name, prefecture, bureau, display_name, last_login_at, ended_at";

pub async fn find_by_user_id(pool: &Pool, user_id: &UserId) -> Result<Option<Account>, AppError> {
    let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE user_id = $1");
    Ok(sqlx::query_as(&sql)
        .bind(user_id.as_str())
        .fetch_optional(pool)
        .await?)
}

/// The account and its password hash, for sign-in.
pub async fn find_for_sign_in(
    pool: &Pool,
    user_id: &UserId,
) -> Result<Option<(Account, PasswordHash)>, AppError> {
    let Some(account) = find_by_user_id(pool, user_id).await? else {
        return Ok(None);
    };
    let hash = password_hash(pool, account.id).await?;
    Ok(Some((account, hash)))
}

/// The stored hash of account `id`, for checking the current password.
pub async fn password_hash(pool: &Pool, id: i64) -> Result<PasswordHash, AppError> {
    let hash: String = sqlx::query_scalar("SELECT password_hash FROM accounts WHERE id = $1")
        .bind(id)
        .fetch_one(pool)
        .await?;
    Ok(PasswordHash(hash))
}

pub async fn find_by_id(pool: &Pool, id: i64) -> Result<Option<Account>, AppError> {
    let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = $1");
    Ok(sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?)
}

/// Records a successful sign-in and returns the one before it.
pub async fn record_login(
    conn: &mut Conn,
    account_id: i64,
    now: time::OffsetDateTime,
) -> Result<Option<i64>, AppError> {
    let previous: Option<i64> =
        sqlx::query_scalar("SELECT last_login_at FROM accounts WHERE id = $1")
            .bind(account_id)
            .fetch_one(&mut *conn)
            .await?;
    sqlx::query("UPDATE accounts SET last_login_at = $1 WHERE id = $2")
        .bind(to_unix(now))
        .bind(account_id)
        .execute(&mut *conn)
        .await?;
    Ok(previous)
}

/// Stores a new password hash and lifts the forced change.
pub async fn set_password(
    conn: &mut Conn,
    account_id: i64,
    password_hash: &str,
    now: time::OffsetDateTime,
) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE accounts SET password_hash = $1, must_change_password = 0, password_changed_at = $2 WHERE id = $3",
    )
    .bind(password_hash)
    .bind(to_unix(now))
    .bind(account_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

impl Account {
    pub fn role(&self) -> Role {
        match self.kind {
            AccountKind::Applicant(_) => Role::Applicant,
            AccountKind::Reviewer { .. } => Role::Reviewer,
        }
    }

    /// The account as the API shows it.
    pub fn summary(&self) -> AccountSummary {
        let (institution, bureau, display_name) = match &self.kind {
            AccountKind::Applicant(i) => (Some(i.clone()), None, None),
            AccountKind::Reviewer {
                bureau,
                display_name,
            } => (None, Some(*bureau), display_name.clone()),
        };
        AccountSummary {
            user_id: self.user_id.clone(),
            role: self.role(),
            institution,
            bureau,
            display_name,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
