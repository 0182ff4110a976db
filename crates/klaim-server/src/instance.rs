//! This server process among those sharing a database. An upload's reservation names the process
//! that made it; when a process dies (SIGKILL, a power cut), another one must know at once that
//! those uploads will never finish, so a retry of the same id is taken and what they left in
//! storage is swept, instead of waiting out a timeout.
//!
//! How a process is known to be alive:
//! - PostgreSQL: it holds a session advisory lock `(LOCK_CLASS, id)` on a connection of its own
//!   for as long as it runs. The database drops the lock the moment that connection goes, so any
//!   other process that can take the lock knows the owner is gone.
//! - SQLite: one server process uses a database file (DESIGN.md), so every other instance is a
//!   previous run.
//!
//! Registered on first use (`id`), so building the state stays synchronous; `serve` registers
//! before it listens.

use std::sync::{Arc, Mutex};

use sqlx::AnyConnection;
use tokio::sync::OnceCell;

use crate::db::{Backend, Db};

/// The advisory-lock class of server instances ("KL"), so no other lock user can collide.
const LOCK_CLASS: i32 = 0x4B4C;

/// This process's registration. Cheap to clone.
#[derive(Clone, Debug, Default)]
pub struct Instance(Arc<OnceCell<Registered>>);

#[derive(Debug)]
struct Registered {
    id: i64,
    /// PostgreSQL: the connection holding the lock, kept open for the life of the process.
    _lock: Mutex<Option<AnyConnection>>,
}

impl Instance {
    pub fn new() -> Instance {
        Instance::default()
    }

    /// This process's id, registering it (and on PostgreSQL taking its lock) on first use.
    pub async fn id(&self, db: &Db, now: i64) -> Result<i64, sqlx::Error> {
        let registered = self.0.get_or_try_init(|| register(db, now)).await?;
        Ok(registered.id)
    }

    /// Whether the process that made a reservation may still finish it. `None` (a reservation
    /// older than instances) is dead.
    pub async fn is_alive(
        &self,
        db: &Db,
        now: i64,
        other: Option<i64>,
    ) -> Result<bool, sqlx::Error> {
        let Some(other) = other else {
            return Ok(false);
        };
        if other == self.id(db, now).await? {
            return Ok(true);
        }
        match db.backend() {
            Backend::Sqlite => Ok(false),
            Backend::Postgres => {
                // Taken inside a transaction, the lock is released at its end: probing never
                // holds another process's lock.
                let mut tx = db.pool().begin().await?;
                let free: bool = sqlx::query_scalar(
                    "SELECT pg_try_advisory_xact_lock(CAST($1 AS INTEGER), CAST($2 AS INTEGER))",
                )
                .bind(LOCK_CLASS)
                .bind(other)
                .fetch_one(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(!free)
            }
        }
    }
}

async fn register(db: &Db, now: i64) -> Result<Registered, sqlx::Error> {
    let id: i64 =
        sqlx::query_scalar("INSERT INTO server_instances (started_at) VALUES ($1) RETURNING id")
            .bind(now)
            .fetch_one(db.pool())
            .await?;
    let lock = match db.backend() {
        Backend::Sqlite => None,
        Backend::Postgres => {
            let mut conn = db.pool().acquire().await?.detach();
            sqlx::query("SELECT pg_advisory_lock(CAST($1 AS INTEGER), CAST($2 AS INTEGER))")
                .bind(LOCK_CLASS)
                .bind(id)
                .execute(&mut conn)
                .await?;
            Some(conn)
        }
    };
    Ok(Registered {
        id,
        _lock: Mutex::new(lock),
    })
}
