//! A fresh, migrated database for one test: an SQLite file in a temporary directory, or — when
//! `KLAIM_TEST_POSTGRES_URL` names a PostgreSQL server (an account that may create databases) —
//! a new database there, dropped again afterwards. `cargo xtask test` runs the suites both ways.
// Each test crate uses only part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use klaim_server::config::DatabaseUrl;
use klaim_server::db::{Backend, Db};

pub const POSTGRES_ENV: &str = "KLAIM_TEST_POSTGRES_URL";

pub struct TestDb {
    pub db: Db,
    pub url: DatabaseUrl,
    /// Scratch space for files a test writes (CSV files, the SQLite database).
    pub dir: PathBuf,
    postgres: Option<(DatabaseUrl, String)>,
}

impl TestDb {
    pub async fn new(tag: &str) -> TestDb {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let unique = format!("{tag}_{}_{n}", std::process::id());
        let dir = std::env::temp_dir().join(format!("klaim-db-{unique}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        let (url, postgres) = match std::env::var(POSTGRES_ENV) {
            Ok(admin) if !admin.trim().is_empty() => {
                let admin: DatabaseUrl = admin.parse().expect("KLAIM_TEST_POSTGRES_URL parses");
                let name = format!("klaim_test_{unique}").to_lowercase();
                run_admin(&admin, &format!("CREATE DATABASE {name}")).await;
                (with_database(&admin, &name), Some((admin, name)))
            }
            _ => (DatabaseUrl::sqlite_file(&dir.join("klaim.db")), None),
        };
        let db = Db::open(&url)
            .await
            .expect("open and migrate the test database");
        TestDb {
            db,
            url,
            dir,
            postgres,
        }
    }

    pub fn backend(&self) -> Backend {
        self.db.backend()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A connection for repository calls.
    pub async fn conn(&self) -> sqlx::pool::PoolConnection<sqlx::Any> {
        self.db.pool().acquire().await.expect("a connection")
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
        if let Some((admin, name)) = self.postgres.take() {
            // Drop runs outside async code: a short-lived runtime on its own thread drops the
            // database (FORCE ends the pool's connections).
            let _ = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("runtime");
                runtime.block_on(run_admin(
                    &admin,
                    &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
                ));
            })
            .join();
        }
    }
}

/// The database to run the suite on, for test output.
pub fn target() -> &'static str {
    match std::env::var(POSTGRES_ENV) {
        Ok(url) if !url.trim().is_empty() => "PostgreSQL",
        _ => "SQLite",
    }
}

async fn run_admin(admin: &DatabaseUrl, sql: &str) {
    let db = Db::connect(admin)
        .await
        .expect("connect to the PostgreSQL admin URL");
    sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_owned()))
        .execute(db.pool())
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    db.close().await;
}

/// The admin URL with another database name (query parameters kept).
fn with_database(admin: &DatabaseUrl, name: &str) -> DatabaseUrl {
    let url = admin.expose();
    let (base, query) = url.split_once('?').unwrap_or((url, ""));
    let after_scheme = base.find("://").map_or(0, |i| i + 3);
    let host_end = base[after_scheme..]
        .find('/')
        .map_or(base.len(), |i| after_scheme + i);
    let mut out = format!("{}/{name}", &base[..host_end]);
    if !query.is_empty() {
        out.push('?');
        out.push_str(query);
    }
    out.parse().expect("a PostgreSQL URL")
}
