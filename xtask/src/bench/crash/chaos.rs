//! The killer: a thread that SIGKILLs one of the servers at a random moment, waits a little and
//! starts it again on the same address, until told to stop; then hands the servers back running.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use anyhow::Context;

use super::super::claims::client::random_source;
use super::super::klaim::Klaim;

/// Between kills.
const GAP_MS: (u64, u64) = (200, 1500);
/// Before the first: early, so that even a short run sees its server die.
const FIRST_MS: (u64, u64) = (20, 150);
/// Between a kill and the start again (the start itself takes more: migrations, the sweep).
const DOWN_MS: (u64, u64) = (0, 300);

pub struct Chaos {
    stop: Arc<AtomicBool>,
    thread: JoinHandle<anyhow::Result<(Vec<Klaim>, Kills)>>,
}

/// What the killer did.
#[derive(Clone, Copy, Debug, Default)]
pub struct Kills {
    pub count: u64,
    /// From each kill until its server listened again.
    pub down: Duration,
}

impl Chaos {
    pub fn start(mut servers: Vec<Klaim>) -> Chaos {
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            let mut random = random_source();
            let mut kills = Kills::default();
            let mut gap = FIRST_MS;
            loop {
                if !sleep_unless(&stopping, between(&mut random, gap)) {
                    return Ok((servers, kills));
                }
                let which = (random() % servers.len() as u64) as usize;
                let server = &mut servers[which];
                let killed = std::time::Instant::now();
                server.kill()?;
                std::thread::sleep(between(&mut random, DOWN_MS));
                server
                    .start_again()
                    .context("starting the server again after SIGKILL")?;
                kills.count += 1;
                kills.down += killed.elapsed();
                gap = GAP_MS;
            }
        });
        Chaos { stop, thread }
    }

    /// Stops killing; the servers, all running, and what was done.
    pub fn stop(self) -> anyhow::Result<(Vec<Klaim>, Kills)> {
        self.stop.store(true, Ordering::Relaxed);
        self.thread
            .join()
            .map_err(|_| anyhow::anyhow!("the killer thread panicked"))?
    }
}

/// Sleeps `total` in short steps; `false` as soon as `stop` is set.
fn sleep_unless(stop: &AtomicBool, total: Duration) -> bool {
    let step = Duration::from_millis(50);
    let mut left = total;
    while !left.is_zero() {
        if stop.load(Ordering::Relaxed) {
            return false;
        }
        let now = left.min(step);
        std::thread::sleep(now);
        left -= now;
    }
    !stop.load(Ordering::Relaxed)
}

fn between(random: &mut impl FnMut() -> u64, (low, high): (u64, u64)) -> Duration {
    Duration::from_millis(low + random() % (high - low + 1))
}
