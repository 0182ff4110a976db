//! The registry's CSV format (docs/registry-csv.md): one file, one record per line, the first
//! column naming the kind of record and fixing the columns after it. Lines starting with `#`
//! are comments. Records may come in any order; they refer to each other by NIK and KPJ.
//!
//! [`read`] checks every cell with klaim-core's parsers and every reference, and returns either
//! the people or every problem found (it never stops at the first); [`write`] produces what
//! [`read`] accepts.

use std::collections::HashMap;

use klaim_core::{Date, Kpj, Nik};

use super::model::Person;
use super::problem::Problem;

mod assemble;
mod months;
mod rows;
mod write;

pub use write::write;

/// The columns of one kind of record, after the first column (the kind itself).
#[derive(Debug)]
pub struct Layout {
    pub record: &'static str,
    pub columns: &'static [&'static str],
}

impl Layout {
    /// The 1-based column number of a named column (the kind is column 1).
    pub fn column(&self, name: &str) -> (usize, &'static str) {
        let index = self
            .columns
            .iter()
            .position(|c| *c == name)
            .unwrap_or_else(|| panic!("{} has no column {name}", self.record));
        (index + 2, self.columns[index])
    }
}

pub const PARTICIPANT: Layout = Layout {
    record: "participant",
    columns: &[
        "nik",
        "full_name",
        "birth_date",
        "sex",
        "nationality",
        "deceased_on",
        "phone",
        "email",
        "jkn",
    ],
};
pub const KPJ: Layout = Layout {
    record: "kpj",
    columns: &["nik", "kpj", "jht_balance", "jht_balance_on"],
};
pub const EMPLOYMENT: Layout = Layout {
    record: "employment",
    columns: &[
        "kpj",
        "employer",
        "started_on",
        "ended_on",
        "end_reason",
        "membership",
    ],
};
pub const WAGE: Layout = Layout {
    record: "wage",
    columns: &["kpj", "months", "wage"],
};
pub const JP: Layout = Layout {
    record: "jp",
    columns: &["kpj", "months"],
};
pub const JKP: Layout = Layout {
    record: "jkp",
    columns: &["kpj", "months"],
};
pub const BANK: Layout = Layout {
    record: "bank",
    columns: &["nik", "bank", "account_number", "holder_name"],
};
pub const FAMILY: Layout = Layout {
    record: "family",
    columns: &["nik", "relation", "full_name", "member_nik", "birth_date"],
};

pub const LAYOUTS: [&Layout; 8] = [
    &PARTICIPANT,
    &KPJ,
    &EMPLOYMENT,
    &WAGE,
    &JP,
    &JKP,
    &BANK,
    &FAMILY,
];

/// What a file that reads cleanly holds: the people, in the order of their `participant` lines,
/// the warnings (accepted, but worth a look), and the line of each NIK and KPJ (for reporting
/// those the database already has).
#[derive(Debug, Default)]
pub struct Read {
    pub people: Vec<Person>,
    pub warnings: Vec<Problem>,
    pub nik_lines: HashMap<Nik, u64>,
    pub kpj_lines: HashMap<Kpj, u64>,
}

/// Reads and checks a whole file. `today` bounds the dates. On any error, every problem found
/// (errors and warnings, in line order) is returned instead.
pub fn read(bytes: &[u8], today: Date) -> Result<Read, Vec<Problem>> {
    let mut problems = Vec::new();
    let rows = rows::read(bytes, today, &mut problems);
    let mut read = assemble::assemble(rows, &mut problems);
    problems.sort_by_key(|p| (p.line, p.column.map(|c| c.0)));
    if problems.iter().any(Problem::is_error) {
        Err(problems)
    } else {
        read.warnings = problems;
        Ok(read)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_numbered_after_the_record_kind() {
        assert_eq!(KPJ.column("nik"), (2, "nik"));
        assert_eq!(PARTICIPANT.column("jkn"), (10, "jkn"));
        let mut kinds: Vec<&str> = LAYOUTS.iter().map(|l| l.record).collect();
        kinds.sort_unstable();
        kinds.dedup();
        assert_eq!(kinds.len(), LAYOUTS.len(), "record kinds are unique");
    }
}
