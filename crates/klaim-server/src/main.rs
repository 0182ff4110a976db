use std::process::ExitCode;

use clap::Parser;
use klaim_server::Cli;

#[tokio::main]
async fn main() -> ExitCode {
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
