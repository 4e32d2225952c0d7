//! The SQLite database: connection and migrations (numbered SQL files in `migrations/`, embedded
//! into the binary so a fresh machine needs nothing besides it).

use std::str::FromStr;
use std::time::Duration as StdDuration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use time::OffsetDateTime;

use crate::error::{AppError, ServerError};

/// Opens the database named by `url`, creating the file when it is missing, and applies every
/// pending migration.
pub async fn connect_and_migrate(url: &str) -> Result<SqlitePool, ServerError> {
    let pool = connect(url).await?;
    sqlx::migrate!("./migrations").run(&pool).await?;
    Ok(pool)
}

async fn connect(url: &str) -> Result<SqlitePool, ServerError> {
    let in_memory = url.contains(":memory:") || url.contains("mode=memory");
    let options = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .foreign_keys(true)
        .busy_timeout(StdDuration::from_secs(5));
    let (options, pool) = if in_memory {
        // Every connection to `:memory:` is a database of its own: keep exactly one, forever.
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .idle_timeout(None)
            .max_lifetime(None);
        (options, pool)
    } else {
        // WAL lets readers proceed while a sign-in writes.
        let options = options
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal);
        (options, SqlitePoolOptions::new().max_connections(8))
    };
    Ok(pool.connect_with(options).await?)
}

/// Times are stored as Unix seconds: SQLite has no time type, and integers compare correctly.
pub fn to_unix(t: OffsetDateTime) -> i64 {
    t.unix_timestamp()
}

pub fn from_unix(secs: i64) -> Result<OffsetDateTime, AppError> {
    OffsetDateTime::from_unix_timestamp(secs)
        .map_err(|e| AppError::Internal(format!("stored time {secs} out of range: {e}")))
}

/// True when `e` is a UNIQUE violation mentioning `what` (a column or index name).
pub fn is_unique_violation(e: &sqlx::Error, what: &str) -> bool {
    match e {
        sqlx::Error::Database(db) => db.is_unique_violation() && db.message().contains(what),
        _ => false,
    }
}

/// A transaction that takes SQLite's write lock at once. A deferred transaction that reads and
/// then writes can fail with `SQLITE_BUSY` when another connection wrote in between; taking the
/// lock first makes concurrent writers wait (up to the busy timeout) instead.
pub async fn begin_write(
    pool: &SqlitePool,
) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error> {
    pool.begin_with("BEGIN IMMEDIATE").await
}
