//! Reading accounts: rows decoded into [`Account`] at the edge, the password hash only where
//! sign-in and the password change need it, and the writes those two make.

use todoke_core::api::{AccountSummary, InstitutionSummary, Role};
use todoke_core::{FeeScheduleClass, InstitutionCode, Prefecture, RegionalBureau, UserId};

use crate::db::{Conn, Pool, to_unix};
use crate::error::AppError;

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

/// The institution an applicant account's columns describe, when every one of them parses
/// (also what a filing's row carries of its account).
pub fn institution_of(
    code: Option<&str>,
    class: Option<&str>,
    name: Option<&str>,
    prefecture: Option<i64>,
) -> Option<InstitutionSummary> {
    Some(InstitutionSummary {
        code: InstitutionCode::parse(code?).ok()?,
        name: name?.to_string(),
        class: FeeScheduleClass::parse(class?)?,
        prefecture: Prefecture::from_code(u8::try_from(prefecture?).ok()?)?,
    })
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
                let name: Option<String> = row.try_get("institution_name")?;
                let prefecture: Option<i64> = row.try_get("prefecture")?;
                AccountKind::Applicant(
                    institution_of(
                        code.as_deref(),
                        class.as_deref(),
                        name.as_deref(),
                        prefecture,
                    )
                    .ok_or_else(|| corrupt("institution"))?,
                )
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
