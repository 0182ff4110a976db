//! `klaim-server account add-staff`: officer and admin accounts, made by whoever runs the server;
//! `account demo-staff`: the demo officer and admin of `cargo xtask run`, with printed passwords.

use std::io::BufRead;

use klaim_core::Lang;
use klaim_core::api::account::Role;

use super::officers::{self, NewStaff};
use super::{AccountError, Accounts, Hasher};
use crate::clock::Clock;
use crate::config::{
    AccountCommand, AddStaffArgs, CreateDirError, DemoStaffArgs, StaffRole, StorageArgs,
};
use crate::db::{Db, DbError};

#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error(transparent)]
    Dir(#[from] CreateDirError),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("cannot read the password from standard input: {0}")]
    Stdin(std::io::Error),
    #[error("{0}")]
    Refused(String),
    #[error(transparent)]
    Account(#[from] AccountError),
}

pub async fn run(command: AccountCommand) -> Result<(), CommandError> {
    match command {
        AccountCommand::AddStaff(args) => add_staff(args).await,
        AccountCommand::DemoStaff(args) => demo_staff(args).await,
    }
}

async fn accounts(storage: &StorageArgs) -> Result<Accounts, CommandError> {
    let storage = storage.resolve();
    storage.create_dirs()?;
    let db = Db::open(&storage.database_url).await?;
    Ok(Accounts {
        db,
        clock: Clock::system(),
        hasher: Hasher::default(),
    })
}

/// Says which field and why, in English for the operator.
fn refused(e: AccountError) -> CommandError {
    match e {
        AccountError::Form(findings) => CommandError::Refused(
            findings
                .iter()
                .map(|f| format!("{}: {}", f.field.unwrap_or("-"), f.message(Lang::En)))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        e => e.into(),
    }
}

async fn add_staff(args: AddStaffArgs) -> Result<(), CommandError> {
    let password = match std::env::var("KLAIM_NEW_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            let mut line = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .map_err(CommandError::Stdin)?;
            line.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    let accounts = accounts(&args.storage).await?;
    let role = match args.role {
        StaffRole::Officer => Role::Officer,
        StaffRole::Admin => Role::Admin,
    };
    let staff = NewStaff {
        role,
        email: &args.email,
        name: &args.name,
        password: &password,
        nik: args.nik.as_deref(),
    };
    let id = officers::create_staff(&accounts, &staff)
        .await
        .map_err(refused)?;
    println!(
        "{} account {id} created; it signs in with its e-mail address",
        role.as_str()
    );
    Ok(())
}

/// The demo staff: fixed, printed passwords, for a development server only.
pub const DEMO_STAFF: [(Role, &str, &str, &str); 2] = [
    (
        Role::Officer,
        "petugas@klaim.test",
        "Dewi Anggraini",
        "periksa klaim 2026",
    ),
    (
        Role::Admin,
        "admin@klaim.test",
        "Bambang Wijaya",
        "jejak audit 2026",
    ),
];

/// Creates the demo officer and admin when missing (idempotent) and prints how to sign in.
async fn demo_staff(args: DemoStaffArgs) -> Result<(), CommandError> {
    let accounts = accounts(&args.storage).await?;
    println!("Demo staff (development only; sign in at /masuk with the e-mail and password):");
    for (role, email, name, password) in DEMO_STAFF {
        if officers::find(&accounts, email).await?.is_none() {
            let staff = NewStaff {
                role,
                email,
                name,
                password,
                nik: None,
            };
            officers::create_staff(&accounts, &staff)
                .await
                .map_err(refused)?;
        }
        let what = match role {
            Role::Officer => "officer (back office at /petugas)",
            _ => "admin (the audit trail)",
        };
        println!("  {email}  password \"{password}\"  — {name}, {what}");
    }
    Ok(())
}
