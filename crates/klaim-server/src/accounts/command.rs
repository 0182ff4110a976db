//! `klaim-server account add-staff`: officer and admin accounts, made by whoever runs the server.

use std::io::BufRead;

use klaim_core::Lang;
use klaim_core::api::account::Role;

use super::{AccountError, Accounts, Hasher, officers};
use crate::clock::Clock;
use crate::config::{AccountCommand, AddStaffArgs, CreateDirError, StaffRole};
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
    let storage = args.storage.resolve();
    storage.create_dirs()?;
    let db = Db::open(&storage.database_url).await?;
    let accounts = Accounts {
        db,
        clock: Clock::system(),
        hasher: Hasher::default(),
    };
    let role = match args.role {
        StaffRole::Officer => Role::Officer,
        StaffRole::Admin => Role::Admin,
    };
    match officers::create(&accounts, role, &args.email, &args.name, &password).await {
        Ok(id) => {
            println!(
                "{} account {id} created; it signs in with its e-mail address",
                role.as_str()
            );
            Ok(())
        }
        // Say which field and why, in English for the operator.
        Err(AccountError::Form(findings)) => Err(CommandError::Refused(
            findings
                .iter()
                .map(|f| format!("{}: {}", f.field.unwrap_or("-"), f.message(Lang::En)))
                .collect::<Vec<_>>()
                .join("; "),
        )),
        Err(e) => Err(e.into()),
    }
}
