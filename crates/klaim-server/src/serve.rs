//! `klaim-server serve`: check the setup, bind, announce the address, serve until SIGINT or
//! SIGTERM, then finish the requests in flight (for at most [`GRACE`]) and return.

use std::io::Write;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::oneshot;

use crate::accounts::{Accounts, Hasher};
use crate::app::{AppState, router};
use crate::clock::Clock;
use crate::config::{CreateDirError, ServeArgs};
use crate::db::{Db, DbError};
use crate::documents::{Documents, DocumentsError, ObjectStorage, StorageError, sweep};
use crate::instance::Instance;
use crate::notifications::{Channels, SetupError, outbox};
use crate::static_files::{Dist, DistMissing};

/// How long requests in flight may take to finish once a stop signal arrived.
pub const GRACE: Duration = Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    DistMissing(#[from] DistMissing),
    #[error(transparent)]
    DataDir(#[from] CreateDirError),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    Delivery(#[from] SetupError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("cannot register this server process or sweep what dead ones left: {0}")]
    Sweep(#[from] DocumentsError),
    #[error("cannot install the stop-signal handlers: {0}")]
    Signals(std::io::Error),
    #[error("the server stopped: {0}")]
    Io(#[from] std::io::Error),
}

pub async fn serve(args: ServeArgs) -> Result<(), ServeError> {
    let dist = Dist::open(&args.dist)?;
    let channels = Channels::from_args(&args.delivery)?;
    let storage = args.storage.resolve();
    storage.create_dirs()?;
    // Connected and migrated before the address is announced: a server that says it is
    // listening can serve every request.
    let db = Db::open(&storage.database_url).await?;
    let objects = ObjectStorage::open(&storage.documents)?;
    tracing::info!(
        database = %storage.database_url,
        backend = db.backend().name(),
        documents = %storage.documents,
        "storage ready"
    );
    let data_dir: &Path = &storage.data_dir;
    let clock = Clock::system();
    let documents = Documents {
        db: db.clone(),
        storage: objects,
        clock: clock.clone(),
        instance: Instance::new(),
    };
    // Registered before the address is announced: every reservation names this process.
    let instance = documents
        .instance
        .id(&db, clock.now())
        .await
        .map_err(DocumentsError::from)?;
    tracing::info!(instance, "server process registered");
    let sweeper = tokio::spawn(sweep_every(documents.clone()));
    let state = AppState {
        dist: dist.clone(),
        data_dir: data_dir.into(),
        accounts: Accounts {
            db: db.clone(),
            clock: clock.clone(),
            hasher: Hasher::default(),
        },
        documents: documents.clone(),
        cookie_secure: args.cookie_secure.resolve(args.listen),
        metrics_token: args.metrics_token.as_deref().map(Arc::from),
        auto_approve: args.auto_approve,
    };
    // Delivers codes and status notices from the outbox; stops with the runtime.
    let (mail, sms) = channels.describe();
    tracing::info!(%mail, %sms, "notification delivery");
    let outbox = tokio::spawn(outbox::run(db.clone(), clock, channels));

    // Before announcing the address, so that a signal sent right after it is never missed.
    let stop = signals::Stop::install().map_err(ServeError::Signals)?;
    let listener = TcpListener::bind(args.listen)
        .await
        .map_err(|source| ServeError::Bind {
            addr: args.listen,
            source,
        })?;
    let addr = listener.local_addr()?;
    announce(addr)?;
    tracing::info!(%addr, dist = %dist.root().display(), data_dir = %data_dir.display(), "serving");

    let (stopping_tx, stopping) = oneshot::channel::<()>();
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    let server = axum::serve(listener, app).with_graceful_shutdown(async move {
        stop.wait().await;
        tracing::info!("stop signal received; finishing requests in flight");
        let _ = stopping_tx.send(());
    });
    let mut server = std::pin::pin!(server.into_future());
    tokio::select! {
        result = &mut server => {
            outbox.abort();
            sweeper.abort();
            db.close().await;
            return Ok(result?);
        }
        _ = stopping => {}
    }
    match tokio::time::timeout(GRACE, server).await {
        Ok(result) => result?,
        Err(_) => tracing::warn!("requests still running after {GRACE:?}; stopping anyway"),
    }
    outbox.abort();
    sweeper.abort();
    // Requests have finished: sweep once more, so a server stopped on purpose leaves no dead
    // upload's leftovers behind (the last of several servers leaves none at all).
    if let Err(error) = sweep::run(&documents).await {
        tracing::warn!(%error, "storage sweep at stop failed");
    }
    db.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Sweeps at once and then every [`sweep::SWEEP_EVERY`]; a failed sweep is retried at the next.
async fn sweep_every(documents: Documents) {
    let mut every = tokio::time::interval(sweep::SWEEP_EVERY);
    loop {
        every.tick().await;
        match sweep::run(&documents).await {
            Ok(swept) if swept.is_empty() => {}
            Ok(swept) => tracing::info!(
                reservations = swept.reservations,
                objects = swept.objects,
                partial_files = swept.partial_files,
                "storage swept"
            ),
            Err(error) => tracing::warn!(%error, "storage sweep failed"),
        }
    }
}

/// The one line on stdout; xtask and the tests read the address from it.
fn announce(addr: SocketAddr) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "klaim-server listening on http://{addr}")?;
    stdout.flush()
}

mod signals {
    /// SIGINT (Ctrl-C) and SIGTERM (service managers, containers), registered at creation.
    pub struct Stop {
        #[cfg(unix)]
        interrupt: tokio::signal::unix::Signal,
        #[cfg(unix)]
        terminate: tokio::signal::unix::Signal,
    }

    impl Stop {
        #[cfg(unix)]
        pub fn install() -> std::io::Result<Stop> {
            use tokio::signal::unix::{SignalKind, signal};
            Ok(Stop {
                interrupt: signal(SignalKind::interrupt())?,
                terminate: signal(SignalKind::terminate())?,
            })
        }

        #[cfg(not(unix))]
        pub fn install() -> std::io::Result<Stop> {
            Ok(Stop {})
        }

        #[cfg(unix)]
        pub async fn wait(mut self) {
            tokio::select! {
                _ = self.interrupt.recv() => {}
                _ = self.terminate.recv() => {}
            }
        }

        #[cfg(not(unix))]
        pub async fn wait(self) {
            // Ctrl-C is the only stop signal elsewhere; if it cannot be watched, run until killed.
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
        }
    }
}
