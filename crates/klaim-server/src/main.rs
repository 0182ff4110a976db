use std::process::ExitCode;

use clap::Parser;
use klaim_server::Cli;

#[tokio::main]
async fn main() -> ExitCode {
    keep_large_blocks_out_of_arenas();
    let cli = Cli::parse();
    klaim_server::telemetry::init();
    match klaim_server::run(cli.into_command()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("klaim-server: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Argon2id needs a 19 MiB block per password hashed. glibc raises its mmap threshold after the
/// first such block is freed, so later ones come from per-thread arenas that never give memory
/// back: `cargo xtask soak` measured about 800 MiB resident after a few hundred sign-ins. A fixed
/// threshold keeps blocks of 1 MiB and more in their own mappings, returned when freed.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn keep_large_blocks_out_of_arenas() {
    // SAFETY: mallopt only changes allocator settings; called first, before other threads run.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1024 * 1024);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn keep_large_blocks_out_of_arenas() {}
