//! The command line: `klaim-server [serve] [--listen …] [--data-dir …] [--dist …]`.
//!
//! Every flag also reads an environment variable, so containers configure the server without
//! arguments. New commands (e.g. `registry import`) become new [`Command`] variants; settings
//! they share with `serve`, such as the data directory, live in their own flattened structs.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "klaim-server",
    version,
    about = "Klaim's claims API and the server of the app"
)]
// `serve` is the default: its flags are accepted without the subcommand too.
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    serve: ServeArgs,
}

impl Cli {
    /// The command to run; `serve` when none was named.
    pub fn into_command(self) -> Command {
        self.command.unwrap_or(Command::Serve(self.serve))
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the API and the built app (the default).
    Serve(ServeArgs),
}

#[derive(Clone, Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on; port 0 picks a free port (the real one is printed).
    #[arg(long, env = "KLAIM_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// The built app: Trunk's output directory with index.html (`cargo xtask build` writes it).
    #[arg(long, env = "KLAIM_DIST_DIR", default_value = "./dist")]
    pub dist: PathBuf,
    #[command(flatten)]
    pub storage: StorageArgs,
}

/// Where the server keeps its data; shared by every command that touches storage.
#[derive(Clone, Debug, Args)]
pub struct StorageArgs {
    /// Directory for the server's data (created if missing).
    #[arg(long, env = "KLAIM_DATA_DIR", default_value = "./var")]
    pub data_dir: PathBuf,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Command {
        let argv = std::iter::once("klaim-server").chain(args.iter().copied());
        Cli::try_parse_from(argv)
            .expect("arguments parse")
            .into_command()
    }

    #[test]
    fn serve_is_the_default_and_takes_its_flags_with_or_without_the_subcommand() {
        for args in [
            &["--listen", "127.0.0.1:0", "--dist", "d", "--data-dir", "v"][..],
            &[
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--dist",
                "d",
                "--data-dir",
                "v",
            ][..],
        ] {
            let Command::Serve(serve) = parse(args);
            assert_eq!(serve.listen.port(), 0, "{args:?}");
            assert_eq!(serve.dist, PathBuf::from("d"), "{args:?}");
            assert_eq!(serve.storage.data_dir, PathBuf::from("v"), "{args:?}");
        }
    }

    #[test]
    fn clap_definition_is_consistent() {
        use clap::CommandFactory;
        <Cli as CommandFactory>::command().debug_assert();
    }
}
