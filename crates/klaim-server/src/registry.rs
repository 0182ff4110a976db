//! The participant registry: the stand-in for BPJS Ketenagakerjaan's member data (who is a member,
//! KPJ numbers, employment, wages, contributions, balances, bank accounts, family). Loaded from CSV
//! (`registry import`, docs/registry-csv.md) or generated (`registry generate`); later work reads
//! it to check registrations and claims.
//!
//! Every way in goes through [`file::read`], so generated people pass the same checks as imported
//! ones, and an import is one transaction: a file with one bad line changes nothing.

pub mod command;
pub mod demo;
pub mod facts;
pub mod file;
pub mod generate;
pub mod model;
pub mod personas;
pub mod problem;
pub mod store;

use std::collections::HashMap;

use klaim_core::{Date, Finding};

use crate::db::Db;
use problem::{Problem, RegistryProblem, Twice};
use store::StoreError;

/// What an import added.
#[derive(Debug)]
pub struct Imported {
    pub people: usize,
    pub warnings: Vec<Problem>,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file has errors (every problem found, warnings included); nothing was written.
    #[error("the file was not imported: {} problem(s)", .0.iter().filter(|p| p.is_error()).count())]
    Rejected(Vec<Problem>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for ImportError {
    fn from(err: sqlx::Error) -> ImportError {
        ImportError::Store(StoreError::Db(err))
    }
}

/// Checks a registry file and adds its people, all or nothing.
pub async fn import(db: &Db, bytes: &[u8], today: Date) -> Result<Imported, ImportError> {
    let read = file::read(bytes, today).map_err(ImportError::Rejected)?;
    let mut tx = db.begin_write().await?;
    let niks: Vec<&str> = read.people.iter().map(|p| p.nik.as_str()).collect();
    let kpjs: Vec<&str> = read
        .people
        .iter()
        .flat_map(|p| p.kpjs.iter().map(|k| k.kpj.as_str()))
        .collect();
    let (niks, kpjs) = store::already_registered(&mut tx, &niks, &kpjs).await?;
    if !niks.is_empty() || !kpjs.is_empty() {
        // Nothing was written; the transaction ends when `tx` is dropped.
        let mut problems = Vec::new();
        let nik_lines: HashMap<&str, u64> = read
            .nik_lines
            .iter()
            .map(|(n, l)| (n.as_str(), *l))
            .collect();
        let kpj_lines: HashMap<&str, u64> = read
            .kpj_lines
            .iter()
            .map(|(k, l)| (k.as_str(), *l))
            .collect();
        for (found, line_of, what, layout, column) in [
            (niks, &nik_lines, Twice::Nik, &file::PARTICIPANT, "nik"),
            (kpjs, &kpj_lines, Twice::Kpj, &file::KPJ, "kpj"),
        ] {
            for value in found {
                let column = layout.column(column);
                problems.push(Problem {
                    line: line_of.get(value.as_str()).copied().unwrap_or(0),
                    column: Some(column),
                    finding: Finding::of(
                        Some(column.1),
                        &RegistryProblem::AlreadyRegistered { what },
                    ),
                });
            }
        }
        problems.extend(read.warnings);
        problems.sort_by_key(|p| (p.line, p.column.map(|c| c.0)));
        return Err(ImportError::Rejected(problems));
    }
    store::insert(&mut tx, &read.people).await?;
    tx.commit().await?;
    Ok(Imported {
        people: read.people.len(),
        warnings: read.warnings,
    })
}
