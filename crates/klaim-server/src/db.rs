//! Storage: one connection pool over SQLite or PostgreSQL, with the migrations embedded in the binary.
//!
//! **Why `sqlx::Any`.** Klaim must run on SQLite (one file, the default) and on PostgreSQL (several
//! server processes), with the same tests on both. `Any` gives one pool, one transaction and one
//! row type for both, so every repository function exists once and is tested once; the
//! alternative (an enum over `SqlitePool`/`PgPool`) would need every query dispatched twice. The
//! price is that `Any` carries only integers, floats, text and bytes, so the SQL stays portable:
//!
//! - placeholders are `$1, $2, …` (PostgreSQL's; SQLite reads `$N` as parameter N too);
//! - dates are ISO text `YYYY-MM-DD`, months `YYYY-MM` (both sort chronologically); rupiah are
//!   integers; yes/no flags are 0/1 integers; fixed choices are text with a `CHECK`;
//! - no `BOOLEAN`, `DATE` or `NUMERIC` results: cast aggregates (`CAST(SUM(x) AS BIGINT)`);
//! - `INSERT … RETURNING`, `ON CONFLICT`, multi-row `VALUES` and `||` work on both.
//!
//! The migrations differ only in column types (`INTEGER PRIMARY KEY` against
//! `BIGINT GENERATED … AS IDENTITY`), so there are two folders, `migrations/sqlite` and
//! `migrations/postgres`; a test checks that both make the same tables and columns.
//!
//! SQLite runs with WAL (readers never wait for the writer), `synchronous = FULL` (a committed
//! claim survives a power cut), foreign keys on and a busy timeout, set on every new connection.
//! Nothing lives in process memory: several servers over one PostgreSQL database share everything.

use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::{Any, AnyPool, Executor, Transaction};

use crate::config::DatabaseUrl;

pub mod batch;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

/// How long an SQLite connection waits for another writer before giving up.
pub const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot open the database {url}: {source}")]
    Connect {
        url: DatabaseUrl,
        source: sqlx::Error,
    },
    #[error("cannot migrate the database {url}: {source}")]
    Migrate {
        url: DatabaseUrl,
        source: sqlx::migrate::MigrateError,
    },
    #[error("{0} is neither an SQLite nor a PostgreSQL URL")]
    Scheme(DatabaseUrl),
}

/// The pool and which database is behind it. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
}

impl Db {
    /// Connects and brings the schema up to date (safe when several servers start at once:
    /// the migrator takes a lock).
    pub async fn open(url: &DatabaseUrl) -> Result<Db, DbError> {
        let db = Db::connect(url).await?;
        db.migrate(url).await?;
        Ok(db)
    }

    /// Connects without migrating.
    pub async fn connect(url: &DatabaseUrl) -> Result<Db, DbError> {
        sqlx::any::install_default_drivers();
        let backend = if url.is_sqlite() {
            Backend::Sqlite
        } else if url.is_postgres() {
            Backend::Postgres
        } else {
            return Err(DbError::Scheme(url.clone()));
        };
        let connect_error = |source| DbError::Connect {
            url: url.clone(),
            source,
        };
        let options: AnyConnectOptions = url.expose().parse().map_err(connect_error)?;
        let pool = AnyPoolOptions::new()
            .max_connections(8)
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        for pragma in SQLITE_PRAGMAS {
                            conn.execute(*pragma).await?;
                        }
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await
            .map_err(connect_error)?;
        Ok(Db { pool, backend })
    }

    async fn migrate(&self, url: &DatabaseUrl) -> Result<(), DbError> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator
            .run(&self.pool)
            .await
            .map_err(|source| DbError::Migrate {
                url: url.clone(),
                source,
            })
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// A transaction that will write. On SQLite it takes the write lock at once (`BEGIN
    /// IMMEDIATE`), so it waits its turn (busy timeout) instead of failing halfway.
    pub async fn begin_write(&self) -> Result<Transaction<'static, Any>, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }

    /// Waits for the connections to close (at shutdown, so SQLite checkpoints its WAL).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Set on every new SQLite connection; `busy_timeout` matches [`SQLITE_BUSY_TIMEOUT`].
const SQLITE_PRAGMAS: &[&str] = &[
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 5000",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn busy_timeout_pragma_matches_the_constant() {
        let ms = SQLITE_BUSY_TIMEOUT.as_millis();
        assert!(SQLITE_PRAGMAS.contains(&format!("PRAGMA busy_timeout = {ms}").as_str()));
    }
}
