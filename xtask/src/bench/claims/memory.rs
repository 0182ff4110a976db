//! The server's memory as Linux reports it in /proc/<pid>/status: VmRSS (resident now) and
//! VmHWM (the highest resident size since the process started), read before, during (from a
//! thread, every few milliseconds) and after a load.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use anyhow::Context;

/// Kibibytes, as /proc writes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Memory {
    pub rss_kib: u64,
    pub hwm_kib: u64,
}

pub fn read(pid: u32) -> anyhow::Result<Memory> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .with_context(|| format!("read /proc/{pid}/status"))?;
    parse(&status).context("no VmRSS or VmHWM line in /proc/<pid>/status")
}

fn parse(status: &str) -> Option<Memory> {
    let field = |name: &str| -> Option<u64> {
        let line = status.lines().find(|l| l.starts_with(name))?;
        line[name.len()..].split_whitespace().next()?.parse().ok()
    };
    Some(Memory {
        rss_kib: field("VmRSS:")?,
        hwm_kib: field("VmHWM:")?,
    })
}

/// A thread reading the resident size every `every` until stopped.
pub struct Sampler {
    stop: Arc<AtomicBool>,
    thread: JoinHandle<Peak>,
}

/// The largest resident size seen, and how many readings it was taken from.
#[derive(Clone, Copy, Debug)]
pub struct Peak {
    pub rss_kib: u64,
    pub samples: u64,
}

impl Sampler {
    pub fn start(pid: u32, every: Duration) -> Sampler {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            let mut peak = Peak {
                rss_kib: 0,
                samples: 0,
            };
            while !flag.load(Ordering::Relaxed) {
                if let Ok(memory) = read(pid) {
                    peak.rss_kib = peak.rss_kib.max(memory.rss_kib);
                    peak.samples += 1;
                }
                std::thread::sleep(every);
            }
            peak
        });
        Sampler { stop, thread }
    }

    pub fn stop(self) -> Peak {
        self.stop.store(true, Ordering::Relaxed);
        self.thread.join().unwrap_or(Peak {
            rss_kib: 0,
            samples: 0,
        })
    }
}

pub fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rss_and_high_water_mark() {
        let status =
            "Name:\tklaim-server\nVmPeak:\t  812345 kB\nVmHWM:\t   40960 kB\nVmRSS:\t   30720 kB\n";
        assert_eq!(
            parse(status),
            Some(Memory {
                rss_kib: 30720,
                hwm_kib: 40960
            })
        );
        assert_eq!(parse("Name:\tx\n"), None);
    }

    #[test]
    fn reads_its_own_process() {
        let me = read(std::process::id()).unwrap();
        assert!(me.rss_kib > 0 && me.hwm_kib >= me.rss_kib);
        let sampler = Sampler::start(std::process::id(), Duration::from_millis(1));
        std::thread::sleep(Duration::from_millis(20));
        let peak = sampler.stop();
        assert!(peak.samples > 0 && peak.rss_kib > 0);
    }
}
