//! What the SMTP sink and the webhook receiver share: a listener on a free loopback port that
//! serves each connection on its own task (stopped when dropped), and the record of what arrived,
//! with failures on demand.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// What arrived, oldest first, and how many of the next deliveries to refuse.
pub(crate) struct Record<T> {
    items: Mutex<Vec<T>>,
    fail_next: AtomicU32,
    refused: AtomicU32,
}

impl<T: Clone> Record<T> {
    pub(crate) fn push(&self, item: T) {
        self.items.lock().expect("record lock").push(item);
    }

    pub(crate) fn items(&self) -> Vec<T> {
        self.items.lock().expect("record lock").clone()
    }

    pub(crate) fn fail_next(&self, n: u32) {
        self.fail_next.store(n, Ordering::SeqCst);
    }

    pub(crate) fn refused(&self) -> u32 {
        self.refused.load(Ordering::SeqCst)
    }

    /// Whether this delivery is one of those told to fail (and counts it as refused).
    pub(crate) fn take_failure(&self) -> bool {
        let took = self
            .fail_next
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok();
        if took {
            self.refused.fetch_add(1, Ordering::SeqCst);
        }
        took
    }

    /// The items once there are at least `count`, or whatever arrived when `timeout` passed.
    pub(crate) async fn wait_for(&self, count: usize, timeout: Duration) -> Vec<T> {
        crate::wait::until(timeout, || {
            let items = self.items();
            (items.len() >= count).then_some(items)
        })
        .await
        .unwrap_or_else(|| self.items())
    }
}

impl<T> Default for Record<T> {
    fn default() -> Self {
        Record {
            items: Mutex::new(Vec::new()),
            fail_next: AtomicU32::new(0),
            refused: AtomicU32::new(0),
        }
    }
}

/// Accepts connections on `127.0.0.1:<free port>` until dropped.
pub(crate) struct Listener {
    addr: SocketAddr,
    task: JoinHandle<()>,
}

impl Listener {
    /// Serves each connection with `serve`; a client that hangs up mid-conversation ends only
    /// its own connection.
    pub(crate) async fn start<T, S, F>(record: &Arc<Record<T>>, serve: S) -> std::io::Result<Self>
    where
        T: Send + 'static,
        S: Fn(TcpStream, Arc<Record<T>>) -> F + Send + Sync + 'static,
        F: Future<Output = std::io::Result<()>> + Send + 'static,
    {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let record = Arc::clone(record);
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(serve(stream, Arc::clone(&record)));
            }
        });
        Ok(Listener { addr, task })
    }

    pub(crate) fn addr(&self) -> SocketAddr {
        self.addr
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.task.abort();
    }
}
