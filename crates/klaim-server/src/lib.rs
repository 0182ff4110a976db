//! Klaim's server: the claims API under `/api/v1` and the built app (Trunk's `dist/`) for everything
//! else. `main.rs` only parses the command line and calls [`run`].
//!
//! Invariants kept here: every error is the API's one shape (see [`error`]); logs carry method,
//! path and status, never bodies or query strings (see [`telemetry`]).

pub mod accounts;
pub mod api;
pub mod app;
pub mod auth;
pub mod check;
pub mod claims;
pub mod clock;
pub mod config;
pub mod db;
pub mod documents;
pub mod error;
mod header_list;
pub mod instance;
pub mod lang;
pub mod metrics;
pub mod notifications;
pub mod office;
pub mod receipt;
pub mod registry;
pub mod security;
pub mod serve;
pub mod static_files;
pub mod telemetry;

pub use app::{AppState, router};
pub use config::{Cli, Command};

/// Why a command of the binary failed; printed to stderr by `main`.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error(transparent)]
    Serve(#[from] serve::ServeError),
    #[error(transparent)]
    Registry(#[from] registry::command::CommandError),
    #[error(transparent)]
    Account(#[from] accounts::command::CommandError),
    #[error(transparent)]
    Check(#[from] check::CheckError),
}

/// Runs one command of the binary to completion.
pub async fn run(command: Command) -> Result<(), RunError> {
    match command {
        Command::Serve(args) => serve::serve(args).await?,
        Command::Registry(command) => registry::command::run(command).await?,
        Command::Account(command) => accounts::command::run(command).await?,
        Command::Check(args) => check::run(args).await?,
    }
    Ok(())
}
