//! The database: SQLite (the embedded default) or PostgreSQL (where one machine is not enough),
//! chosen by the URL (`sqlite://…` or `postgres://…`), through sqlx's `Any` driver so that one
//! set of queries serves both.
//!
//! The queries are written in the SQL both engines share: `$1` placeholders, `RETURNING`,
//! `ON CONFLICT`, integers as BIGINT (times are Unix seconds, flags 0/1), text as TEXT. What
//! differs lives here and only here:
//!
//! * the migrations, one set per engine with the same schema (`migrations/sqlite`,
//!   `migrations/postgres`, numbered alike);
//! * connection set-up (SQLite: WAL, foreign keys, a busy timeout);
//! * how a write transaction excludes other writers ([`begin_write`]).

use std::str::FromStr;
use std::time::Duration as StdDuration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{Any, AnyConnection, AnyPool, Connection, Executor};
use time::OffsetDateTime;

use crate::error::{AppError, ServerError};

/// The connection pool handlers share.
pub type Pool = AnyPool;
/// One connection, or a transaction borrowed as one (`&mut *tx`).
pub type Conn = AnyConnection;
/// A write transaction from [`begin_write`].
pub type WriteTx = sqlx::Transaction<'static, Any>;

/// Which database engine a URL or pool names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    pub fn of_url(url: &str) -> Result<Self, ServerError> {
        if url.starts_with("sqlite:") {
            Ok(Self::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Self::Postgres)
        } else {
            Err(ServerError::Internal(format!(
                "TODOKE_DATABASE_URL must start with sqlite:// or postgres:// (got {})",
                url.split(':').next().unwrap_or_default()
            )))
        }
    }

    pub fn of(pool: &Pool) -> Self {
        if pool.connect_options().database_url.scheme() == "sqlite" {
            Self::Sqlite
        } else {
            Self::Postgres
        }
    }
}

/// Opens the database named by `url` (creating a missing SQLite file) and applies every
/// pending migration of its engine.
pub async fn connect_and_migrate(url: &str) -> Result<Pool, ServerError> {
    let pool = connect(url).await?;
    match Engine::of(&pool) {
        Engine::Sqlite => sqlx::migrate!("./migrations/sqlite").run(&pool).await?,
        Engine::Postgres => sqlx::migrate!("./migrations/postgres").run(&pool).await?,
    }
    Ok(pool)
}

/// Opens a pool without migrating.
pub async fn connect(url: &str) -> Result<Pool, ServerError> {
    sqlx::any::install_default_drivers();
    match Engine::of_url(url)? {
        Engine::Sqlite => connect_sqlite(url).await,
        Engine::Postgres => Ok(AnyPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(StdDuration::from_secs(10))
            .connect(url)
            .await?),
    }
}

async fn connect_sqlite(url: &str) -> Result<Pool, ServerError> {
    let in_memory = url.contains(":memory:") || url.contains("mode=memory");
    // A missing file is created (the demo and tests start from nothing); WAL is a property of
    // the file, set once here, and lets readers proceed while a sign-in writes.
    let url = if in_memory || url.contains("mode=") {
        url.to_string()
    } else {
        let first = sqlx::sqlite::SqliteConnection::connect_with(
            &sqlx::sqlite::SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal),
        )
        .await?;
        first.close().await?;
        url.to_string()
    };
    let options = AnyConnectOptions::from_str(&url)?;
    let pool = AnyPoolOptions::new().after_connect(move |conn, _meta| {
        Box::pin(async move {
            // WAL again here (a no-op once set) so that a URL with its own `mode=` gets it too
            // before `synchronous = NORMAL`, which is only safe with WAL.
            let pragmas = if in_memory {
                "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;"
            } else {
                "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; \
                 PRAGMA synchronous = NORMAL;"
            };
            conn.execute(pragmas).await?;
            Ok(())
        })
    });
    let pool = if in_memory {
        // Every connection to `:memory:` is a database of its own: keep exactly one, forever.
        pool.max_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
    } else {
        pool.max_connections(8)
    };
    Ok(pool.connect_with(options).await?)
}

/// Times are stored as Unix seconds: integers compare correctly in both engines.
pub fn to_unix(t: OffsetDateTime) -> i64 {
    t.unix_timestamp()
}

pub fn from_unix(secs: i64) -> Result<OffsetDateTime, AppError> {
    OffsetDateTime::from_unix_timestamp(secs)
        .map_err(|e| AppError::Internal(format!("stored time {secs} out of range: {e}")))
}

/// True when `e` is a UNIQUE violation of `what`, written `table.column` (or `table.` for any
/// column of the table): SQLite names the columns in its message (`accounts.user_id`),
/// PostgreSQL the constraint or index, whose names here start `table_column`.
pub fn is_unique_violation(e: &sqlx::Error, what: &str) -> bool {
    match e {
        sqlx::Error::Database(db) => {
            let constraint = what.replace('.', "_");
            db.is_unique_violation()
                && (db.message().contains(what)
                    || db.constraint().is_some_and(|c| c.starts_with(&constraint)))
        }
        _ => false,
    }
}

/// The text of key `key` of the JSON object in column `column`, as an SQL expression.
pub fn json_text(engine: Engine, column: &str, key: &str) -> String {
    match engine {
        Engine::Sqlite => format!("json_extract({column}, '$.{key}')"),
        Engine::Postgres => format!("(({column})::jsonb ->> '{key}')"),
    }
}

/// Key of the transaction-scoped advisory lock every PostgreSQL write transaction takes.
const WRITE_LOCK: i64 = 0x746f_646f_6b65; // "todoke"

/// A transaction that excludes every other writer from its start, so that "read, decide,
/// write" (submit a draft once, take the next arrival number, act on a status) needs no retry:
///
/// * SQLite: `BEGIN IMMEDIATE` takes the database's write lock at once; a deferred transaction
///   that reads and then writes could fail with `SQLITE_BUSY` when another connection wrote in
///   between. Concurrent writers wait (up to the busy timeout).
/// * PostgreSQL: a transaction-scoped advisory lock gives the same one-writer-at-a-time rule
///   across every server process on the database; readers are never blocked. Writes here are
///   short (one filing, one session), so one lock is far from the bottleneck; finer keys can
///   come when measurements say so.
pub async fn begin_write(pool: &Pool) -> Result<WriteTx, sqlx::Error> {
    match Engine::of(pool) {
        Engine::Sqlite => pool.begin_with("BEGIN IMMEDIATE").await,
        Engine::Postgres => {
            // READ COMMITTED whatever the server's default: each statement after the lock
            // then sees what the previous writer committed.
            let mut tx = pool
                .begin_with("BEGIN ISOLATION LEVEL READ COMMITTED")
                .await?;
            sqlx::query("SELECT pg_advisory_xact_lock($1)")
                .bind(WRITE_LOCK)
                .execute(&mut *tx)
                .await?;
            Ok(tx)
        }
    }
}

/// Commits `tx` when `result` is `Ok`, else rolls it back at once: a transaction merely dropped
/// is rolled back only when its connection is next used, and until then it keeps PostgreSQL's
/// write lock (and SQLite's reserved lock) from every other writer, another process included.
pub async fn finish<T, E: From<sqlx::Error>>(tx: WriteTx, result: Result<T, E>) -> Result<T, E> {
    match result {
        Ok(value) => {
            tx.commit().await?;
            Ok(value)
        }
        Err(e) => {
            tx.rollback().await?;
            Err(e)
        }
    }
}

/// Builds a query whose placeholders are numbered as values are bound, for the few queries
/// whose shape depends on the request (search filters). sqlx's `QueryBuilder` writes `?` for
/// the `Any` driver, which PostgreSQL does not read; `$n` both engines do.
#[derive(Default)]
pub struct Sql {
    text: String,
    args: sqlx::any::AnyArguments<'static>,
    /// The first value that could not be bound: [`Sql::build`] refuses then, rather than
    /// shifting every later placeholder.
    error: Option<String>,
}

impl Sql {
    pub fn new(text: &str) -> Self {
        Self {
            text: text.to_string(),
            args: Default::default(),
            error: None,
        }
    }

    pub fn push(&mut self, text: &str) -> &mut Self {
        self.text.push_str(text);
        self
    }

    /// Appends `$n` and binds `value` to it.
    pub fn push_bind<T>(&mut self, value: T) -> &mut Self
    where
        T: 'static + Send + sqlx::Encode<'static, Any> + sqlx::Type<Any>,
    {
        use sqlx::Arguments;
        match self.args.add(value) {
            Ok(()) => self.text.push_str(&format!("${}", self.args.len())),
            Err(e) => {
                self.error.get_or_insert_with(|| e.to_string());
            }
        }
        self
    }

    pub fn sql(&self) -> &str {
        &self.text
    }

    /// The query and its arguments, for `sqlx::query_with` / `query_as_with` / `query_scalar_with`.
    pub fn build(self) -> Result<(String, sqlx::any::AnyArguments<'static>), AppError> {
        match self.error {
            Some(e) => Err(AppError::Internal(format!("query argument: {e}"))),
            None => Ok((self.text, self.args)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engines_by_url() {
        assert_eq!(
            Engine::of_url("sqlite://todoke.db").unwrap(),
            Engine::Sqlite
        );
        assert_eq!(Engine::of_url("sqlite::memory:").unwrap(), Engine::Sqlite);
        assert_eq!(
            Engine::of_url("postgres://u@localhost/todoke").unwrap(),
            Engine::Postgres
        );
        assert_eq!(
            Engine::of_url("postgresql://u@localhost/todoke").unwrap(),
            Engine::Postgres
        );
        assert!(Engine::of_url("mysql://x").is_err());
    }

    #[test]
    fn placeholders_are_numbered_as_bound() {
        let mut sql = Sql::new("SELECT 1 WHERE a = ");
        sql.push_bind(1_i64)
            .push(" AND b = ")
            .push_bind("x".to_string());
        assert_eq!(sql.sql(), "SELECT 1 WHERE a = $1 AND b = $2");
    }
}
