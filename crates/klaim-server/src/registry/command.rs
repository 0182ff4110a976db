//! `klaim-server registry import | generate | demo`. Problems with a file go to stderr, one line
//! each, and make the command fail; stdout gets one summary line (or the demo list).

use std::io::Write;
use std::path::PathBuf;

use klaim_core::Date;

use super::generate::{self, CountTooSmall};
use super::{ImportError, Imported, demo, file, store};
use crate::clock;
use crate::config::{
    CreateDirError, DemoArgs, GenerateArgs, ImportArgs, RegistryCommand, StorageArgs,
};
use crate::db::{Db, DbError};

#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error(transparent)]
    Dir(#[from] CreateDirError),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("cannot read {}: {source}", .path.display())]
    ReadFile {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {}: {source}", .path.display())]
    WriteFile {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error(transparent)]
    Count(#[from] CountTooSmall),
    #[error("--today must be a date written YYYY-MM-DD")]
    Today,
    #[error(transparent)]
    Store(#[from] store::StoreError),
    #[error(transparent)]
    Demo(#[from] demo::DemoError),
}

pub async fn run(command: RegistryCommand) -> Result<(), CommandError> {
    match command {
        RegistryCommand::Import(args) => import(args).await,
        RegistryCommand::Generate(args) => generate(args).await,
        RegistryCommand::Demo(args) => demo(args).await,
    }
}

async fn open(args: &StorageArgs) -> Result<Db, CommandError> {
    let storage = args.resolve();
    storage.create_dirs()?;
    Ok(Db::open(&storage.database_url).await?)
}

async fn import(args: ImportArgs) -> Result<(), CommandError> {
    let bytes = std::fs::read(&args.file).map_err(|source| CommandError::ReadFile {
        path: args.file.clone(),
        source,
    })?;
    let db = open(&args.storage).await?;
    let result = super::import(&db, &bytes, clock::today()).await;
    db.close().await;
    report(result)
}

async fn generate(args: GenerateArgs) -> Result<(), CommandError> {
    let today = match &args.today {
        Some(text) => Date::parse_iso(text).map_err(|_| CommandError::Today)?,
        None => clock::today(),
    };
    let people = generate::population(args.count, args.seed, today)?;
    let mut csv = Vec::new();
    file::write(&people, &mut csv).map_err(|source| CommandError::WriteFile {
        path: PathBuf::from("(memory)"),
        source,
    })?;
    if let Some(path) = &args.csv {
        std::fs::write(path, &csv).map_err(|source| CommandError::WriteFile {
            path: path.clone(),
            source,
        })?;
        println!("wrote {} participants to {}", people.len(), path.display());
        return Ok(());
    }
    let db = open(&args.storage).await?;
    if args.if_empty {
        let mut conn = db.pool().acquire().await.map_err(store::StoreError::from)?;
        let present = store::count(&mut conn).await?;
        if present > 0 {
            drop(conn);
            db.close().await;
            println!("the registry has {present} participants already; nothing generated");
            return Ok(());
        }
    }
    // The same path as an import of the CSV: generated people pass the same checks.
    let result = super::import(&db, &csv, today).await;
    db.close().await;
    report(result)
}

async fn demo(args: DemoArgs) -> Result<(), CommandError> {
    let db = open(&args.storage).await?;
    let mut conn = db.pool().acquire().await.map_err(store::StoreError::from)?;
    let mut stdout = std::io::stdout().lock();
    let printed = demo::print(&mut conn, &mut stdout).await;
    let flushed = stdout.flush();
    drop(conn);
    db.close().await;
    printed?;
    flushed.map_err(demo::DemoError::from)?;
    Ok(())
}

/// Warnings and problems to stderr, the count to stdout.
fn report(result: Result<Imported, ImportError>) -> Result<(), CommandError> {
    let mut stderr = std::io::stderr().lock();
    match result {
        Ok(imported) => {
            for warning in &imported.warnings {
                let _ = writeln!(stderr, "{warning}");
            }
            println!("imported {} participants", imported.people);
            Ok(())
        }
        Err(ImportError::Rejected(problems)) => {
            for problem in &problems {
                let _ = writeln!(stderr, "{problem}");
            }
            Err(ImportError::Rejected(problems).into())
        }
        Err(err) => Err(err.into()),
    }
}
