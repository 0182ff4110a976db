//! The command line: `klaim-server [serve] [--listen …] [--data-dir …] [--dist …]` and
//! `klaim-server registry import|generate|demo`.
//!
//! Every flag also reads an environment variable, so containers configure the server without
//! arguments. Settings several commands share, such as storage, live in flattened structs.

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::str::FromStr;

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
    /// The participant registry: the stand-in for BPJS Ketenagakerjaan's member data.
    #[command(subcommand)]
    Registry(RegistryCommand),
    /// Staff accounts (officers who decide claims, admins who manage officers).
    #[command(subcommand)]
    Account(AccountCommand),
    /// Check the database's integrity and that it agrees with document storage; prints a JSON
    /// report and exits non-zero on a problem (run it after a crash or a restore).
    Check(CheckArgs),
}

#[derive(Clone, Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub storage: StorageArgs,
}

#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// Create an officer or admin account. The password is read from `KLAIM_NEW_PASSWORD`, or
    /// else from the first line of standard input, so that it never sits in the shell history.
    AddStaff(AddStaffArgs),
    /// Create the demo officer (petugas@klaim.test) and admin (admin@klaim.test) when missing,
    /// with fixed passwords printed on stdout: for a development server only (`cargo xtask run`).
    DemoStaff(DemoStaffArgs),
}

#[derive(Clone, Debug, Args)]
pub struct DemoStaffArgs {
    #[command(flatten)]
    pub storage: StorageArgs,
}

#[derive(Clone, Debug, Args)]
pub struct AddStaffArgs {
    /// The work e-mail address the officer signs in with.
    #[arg(long)]
    pub email: String,
    /// The officer's name as shown in the back office and the audit trail.
    #[arg(long)]
    pub name: String,
    #[arg(long, value_enum, default_value = "officer")]
    pub role: StaffRole,
    /// The staff member's own NIK, when they are a member too: claims by or about them are shown
    /// to them but never theirs to decide.
    #[arg(long)]
    pub nik: Option<String>,
    #[command(flatten)]
    pub storage: StorageArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum StaffRole {
    Officer,
    Admin,
}

#[derive(Debug, Subcommand)]
pub enum RegistryCommand {
    /// Add the participants of a CSV file (docs/registry-csv.md): every row checked, all or nothing.
    Import(ImportArgs),
    /// Make a deterministic synthetic population (with the demo personas); load it or write CSV.
    Generate(GenerateArgs),
    /// Print the demo participants found in the registry and what each one can try.
    Demo(DemoArgs),
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
    /// Whether cookies get `Secure` (and responses HSTS): `auto` means yes unless listening on a
    /// loopback address (local development over plain HTTP).
    #[arg(long, env = "KLAIM_COOKIE_SECURE", value_enum, default_value = "auto")]
    pub cookie_secure: CookieSecure,
    /// How one-time codes and status notices leave the server: SMTP for e-mail, a webhook for
    /// SMS; a channel without one is printed to the log (development).
    #[command(flatten)]
    pub delivery: crate::notifications::DeliveryArgs,
    /// Bearer token that lets clients other than loopback read `/metrics`.
    #[arg(long, env = "KLAIM_METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<String>,
    /// Rule-based approval: a JHT claim whose automated checks all pass, with a balance at or
    /// below the dated ceiling (Rp 15 jt), is approved by the system right after submission.
    #[arg(long, env = "KLAIM_AUTO_APPROVE", value_enum, default_value = "on")]
    pub auto_approve: crate::office::auto_approve::AutoApprove,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CookieSecure {
    Auto,
    Always,
    Never,
}

impl CookieSecure {
    pub fn resolve(self, listen: SocketAddr) -> bool {
        match self {
            CookieSecure::Auto => !listen.ip().is_loopback(),
            CookieSecure::Always => true,
            CookieSecure::Never => false,
        }
    }
}

#[derive(Clone, Debug, Args)]
pub struct ImportArgs {
    /// The CSV file to import.
    pub file: PathBuf,
    #[command(flatten)]
    pub storage: StorageArgs,
}

#[derive(Clone, Debug, Args)]
pub struct GenerateArgs {
    /// How many participants in total, the demo personas included.
    #[arg(long, default_value_t = 200)]
    pub count: u32,
    /// Seed of the generator: the same seed and date give the same population.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The date the population is made for (YYYY-MM-DD); default: today.
    #[arg(long)]
    pub today: Option<String>,
    /// Write the CSV that `registry import` reads to this file instead of loading the database.
    #[arg(long)]
    pub csv: Option<PathBuf>,
    /// Load only when the registry is still empty (for `cargo xtask run`'s first start).
    #[arg(long, conflicts_with = "csv")]
    pub if_empty: bool,
    #[command(flatten)]
    pub storage: StorageArgs,
}

#[derive(Clone, Debug, Args)]
pub struct DemoArgs {
    #[command(flatten)]
    pub storage: StorageArgs,
}

/// Where the server keeps its data; shared by every command that touches storage.
#[derive(Clone, Debug, Args)]
pub struct StorageArgs {
    /// Directory for the server's data (created if missing).
    #[arg(long, env = "KLAIM_DATA_DIR", default_value = "./var")]
    pub data_dir: PathBuf,
    /// `sqlite://FILE` or `postgres://USER:PASSWORD@HOST/DB`; default: the SQLite file
    /// `<data-dir>/klaim.db`, created if missing.
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<DatabaseUrl>,
    /// Where uploaded documents go: a directory (created if missing; also `file:///DIR`) or
    /// `s3://BUCKET/PREFIX` (S3-compatible; credentials, region and endpoint from the usual
    /// `AWS_*` variables). Default: the directory `<data-dir>/documents`.
    #[arg(long, env = "KLAIM_STORAGE_URL")]
    pub storage: Option<StorageUrl>,
}

impl StorageArgs {
    /// Absolute locations with the defaults filled in. Creates nothing.
    pub fn resolve(&self) -> Storage {
        let data_dir =
            std::path::absolute(&self.data_dir).unwrap_or_else(|_| self.data_dir.clone());
        let database_url = self
            .database_url
            .clone()
            .unwrap_or_else(|| DatabaseUrl::sqlite_file(&data_dir.join("klaim.db")));
        let documents = match &self.storage {
            Some(StorageUrl::Directory(dir)) => {
                StorageUrl::Directory(std::path::absolute(dir).unwrap_or_else(|_| dir.clone()))
            }
            Some(url) => url.clone(),
            None => StorageUrl::Directory(data_dir.join("documents")),
        };
        Storage {
            data_dir,
            database_url,
            documents,
        }
    }
}

/// Storage settings with the defaults applied.
#[derive(Clone, Debug)]
pub struct Storage {
    pub data_dir: PathBuf,
    pub database_url: DatabaseUrl,
    pub documents: StorageUrl,
}

impl Storage {
    /// Creates the data and documents directories (and the SQLite file's directory).
    pub fn create_dirs(&self) -> Result<(), CreateDirError> {
        let sqlite = self.database_url.sqlite_path();
        let mut dirs = vec![self.data_dir.as_path()];
        if let StorageUrl::Directory(dir) = &self.documents {
            dirs.push(dir);
        }
        dirs.extend(sqlite.as_deref().and_then(Path::parent));
        for dir in dirs.into_iter().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| CreateDirError {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("cannot create the directory {}: {source}", .path.display())]
pub struct CreateDirError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

/// Where documents are stored: a local directory, or a bucket (and key prefix) of S3-compatible
/// storage. It never holds credentials, so it can be logged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageUrl {
    Directory(PathBuf),
    S3 { bucket: String, prefix: String },
}

impl FromStr for StorageUrl {
    type Err = String;

    fn from_str(s: &str) -> Result<StorageUrl, String> {
        let s = s.trim();
        if let Some(rest) = s.strip_prefix("s3://") {
            let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
            let ok = !bucket.is_empty()
                && bucket
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-.".contains(&b));
            if !ok {
                return Err("expected s3://BUCKET/PREFIX with a bucket name in lower case".into());
            }
            let prefix = prefix.trim_matches('/').to_owned();
            return Ok(StorageUrl::S3 {
                bucket: bucket.to_owned(),
                prefix,
            });
        }
        if let Some(path) = s.strip_prefix("file://") {
            let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
            return Ok(StorageUrl::Directory(PathBuf::from(decoded.into_owned())));
        }
        if s.is_empty() || s.contains("://") {
            return Err("expected a directory, file:///DIRECTORY or s3://BUCKET/PREFIX".into());
        }
        Ok(StorageUrl::Directory(PathBuf::from(s)))
    }
}

impl fmt::Display for StorageUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageUrl::Directory(dir) => write!(f, "{}", dir.display()),
            StorageUrl::S3 { bucket, prefix } => write!(f, "s3://{bucket}/{prefix}"),
        }
    }
}

/// A database URL. Its `Debug` and `Display` hide the user name and password, so it can be logged.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl(String);

impl DatabaseUrl {
    /// `sqlite://` + the path (characters URLs give a meaning to are percent-encoded) + `?mode=rwc`
    /// (create the file when missing).
    pub fn sqlite_file(path: &Path) -> DatabaseUrl {
        const RESERVED: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
            .add(b' ')
            .add(b'%')
            .add(b'?')
            .add(b'#');
        let path = path.to_string_lossy();
        let encoded = percent_encoding::utf8_percent_encode(&path, RESERVED);
        DatabaseUrl(format!("sqlite://{encoded}?mode=rwc"))
    }

    /// The URL itself, with any password in it: for connecting only, never for logs.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_sqlite(&self) -> bool {
        self.0.starts_with("sqlite:")
    }

    pub fn is_postgres(&self) -> bool {
        self.0.starts_with("postgres://") || self.0.starts_with("postgresql://")
    }

    /// The file of an SQLite URL (`None` for in-memory databases and other backends).
    pub fn sqlite_path(&self) -> Option<PathBuf> {
        let rest = self.0.strip_prefix("sqlite:")?;
        let rest = rest.strip_prefix("//").unwrap_or(rest);
        let path = rest.split('?').next().unwrap_or_default();
        if path.is_empty() || path == ":memory:" {
            return None;
        }
        let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
        Some(PathBuf::from(decoded.into_owned()))
    }
}

impl FromStr for DatabaseUrl {
    type Err = String;

    fn from_str(s: &str) -> Result<DatabaseUrl, String> {
        let mut url = DatabaseUrl(s.trim().to_owned());
        // An SQLite file is created when missing unless the URL says otherwise (`mode=ro`, `rw`).
        if url.sqlite_path().is_some() && !url.0.contains("mode=") {
            url.0.push(if url.0.contains('?') { '&' } else { '?' });
            url.0.push_str("mode=rwc");
        }
        if url.is_sqlite() || url.is_postgres() {
            Ok(url)
        } else {
            Err("expected sqlite://FILE or postgres://USER:PASSWORD@HOST/DATABASE".into())
        }
    }
}

impl fmt::Display for DatabaseUrl {
    /// Scheme, host and path; the user and password (before the last `@`) are left out.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.split_once("://") {
            Some((scheme, rest)) => {
                let authority_end = rest.find('/').unwrap_or(rest.len());
                let (authority, tail) = rest.split_at(authority_end);
                let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
                let tail = tail.split('?').next().unwrap_or_default();
                write!(f, "{scheme}://{host}{tail}")
            }
            None => f.write_str(self.0.split('?').next().unwrap_or_default()),
        }
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DatabaseUrl({self})")
    }
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
            let Command::Serve(serve) = parse(args) else {
                panic!("not serve: {args:?}");
            };
            assert_eq!(serve.listen.port(), 0, "{args:?}");
            assert_eq!(serve.dist, PathBuf::from("d"), "{args:?}");
            assert_eq!(serve.storage.data_dir, PathBuf::from("v"), "{args:?}");
        }
    }

    #[test]
    fn storage_defaults_live_in_the_data_dir() {
        let Command::Serve(serve) = parse(&["--data-dir", "/srv/klaim"]) else {
            panic!("not serve");
        };
        let storage = serve.storage.resolve();
        assert_eq!(
            storage.documents,
            StorageUrl::Directory(PathBuf::from("/srv/klaim/documents"))
        );
        assert_eq!(
            storage.database_url.expose(),
            "sqlite:///srv/klaim/klaim.db?mode=rwc"
        );
        assert_eq!(
            storage.database_url.sqlite_path(),
            Some(PathBuf::from("/srv/klaim/klaim.db"))
        );
    }

    #[test]
    fn storage_flags_override_the_defaults() {
        let Command::Registry(RegistryCommand::Import(import)) = parse(&[
            "registry",
            "import",
            "people.csv",
            "--database-url",
            "postgres://klaim:secret@db.internal:5432/klaim",
            "--storage",
            "/mnt/docs",
        ]) else {
            panic!("not registry import");
        };
        assert_eq!(import.file, PathBuf::from("people.csv"));
        let storage = import.storage.resolve();
        assert!(storage.database_url.is_postgres());
        assert_eq!(
            storage.documents,
            StorageUrl::Directory(PathBuf::from("/mnt/docs"))
        );
        assert_eq!(storage.database_url.sqlite_path(), None);
    }

    #[test]
    fn storage_urls_name_a_directory_or_a_bucket() {
        let read = |s: &str| s.parse::<StorageUrl>();
        assert_eq!(
            read("s3://klaim-docs/prod/documents/"),
            Ok(StorageUrl::S3 {
                bucket: "klaim-docs".into(),
                prefix: "prod/documents".into()
            })
        );
        assert_eq!(
            read("s3://klaim-docs"),
            Ok(StorageUrl::S3 {
                bucket: "klaim-docs".into(),
                prefix: String::new()
            })
        );
        assert_eq!(
            read("file:///srv/a%20b"),
            Ok(StorageUrl::Directory(PathBuf::from("/srv/a b")))
        );
        assert_eq!(
            read("var/docs"),
            Ok(StorageUrl::Directory(PathBuf::from("var/docs")))
        );
        for bad in ["s3://", "s3://Upper/x", "gs://bucket", ""] {
            assert!(read(bad).is_err(), "{bad}");
        }
        assert_eq!(read("s3://b/p").unwrap().to_string(), "s3://b/p");
    }

    #[test]
    fn database_urls_print_without_credentials() {
        let url: DatabaseUrl = "postgres://klaim:s3cr@t@db:5432/klaim?sslmode=require"
            .parse()
            .unwrap();
        assert_eq!(url.to_string(), "postgres://db:5432/klaim");
        assert!(!format!("{url:?}").contains("s3cr"));
        assert!("mysql://x".parse::<DatabaseUrl>().is_err());
        let file: DatabaseUrl = "sqlite://data/k.db".parse().unwrap();
        assert_eq!(file.expose(), "sqlite://data/k.db?mode=rwc");
        let read_only: DatabaseUrl = "sqlite://k.db?mode=ro".parse().unwrap();
        assert_eq!(read_only.expose(), "sqlite://k.db?mode=ro");
        let odd = DatabaseUrl::sqlite_file(Path::new("/tmp/a b?#%/k.db"));
        assert_eq!(odd.sqlite_path(), Some(PathBuf::from("/tmp/a b?#%/k.db")));
    }

    #[test]
    fn generate_takes_its_options() {
        let Command::Registry(RegistryCommand::Generate(generate)) = parse(&[
            "registry",
            "generate",
            "--count",
            "50",
            "--seed",
            "7",
            "--today",
            "2026-11-24",
            "--csv",
            "out.csv",
        ]) else {
            panic!("not registry generate");
        };
        assert_eq!((generate.count, generate.seed), (50, 7));
        assert_eq!(generate.today.as_deref(), Some("2026-11-24"));
        assert_eq!(generate.csv, Some(PathBuf::from("out.csv")));
    }

    #[test]
    fn clap_definition_is_consistent() {
        use clap::CommandFactory;
        <Cli as CommandFactory>::command().debug_assert();
    }
}
