//! What can be wrong with a registry file beyond what klaim-core's parsers check, and how each
//! finding is reported: `line N, column C (name): code — message`, in Indonesian.
//!
//! No message quotes the value in the cell: an operator's terminal output ends up in tickets and
//! chat, and the values are NIKs, names and birth dates.

use std::fmt;

use klaim_core::{Explain, Finding, Lang};

/// A finding about one line (and usually one cell) of an import file.
#[derive(Clone, Debug)]
pub struct Problem {
    pub line: u64,
    /// 1-based column and its name in the record's layout.
    pub column: Option<(usize, &'static str)>,
    pub finding: Finding,
}

impl Problem {
    pub fn is_error(&self) -> bool {
        self.finding.is_error()
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.is_error() {
            f.write_str("warning: ")?;
        }
        write!(f, "line {}", self.line)?;
        if let Some((index, name)) = self.column {
            write!(f, ", column {index} ({name})")?;
        }
        write!(
            f,
            ": {} — {}",
            self.finding.code,
            self.finding.message(Lang::Id)
        )
    }
}

/// Which kind of value appears twice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Twice {
    Nik,
    Kpj,
    Month,
    BankAccount,
}

/// Findings of the registry import that no klaim-core type covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegistryProblem {
    /// The file is not readable CSV (broken quotes, not UTF-8).
    Csv,
    /// Nothing but comments and blank lines.
    EmptyFile,
    /// The first cell is not a known record kind.
    UnknownRecord {
        known: String,
    },
    FieldCount {
        expected: usize,
        found: usize,
    },
    Required,
    /// Not one of a fixed set of words.
    Choice {
        allowed: String,
    },
    /// Not `YYYY-MM` or `YYYY-MM..YYYY-MM`.
    Month,
    /// A range whose end comes before its start.
    MonthRange,
    /// Employer names: at most this many characters, no control characters.
    Employer {
        max: usize,
    },
    Duplicate {
        what: Twice,
        first_line: u64,
    },
    /// A row refers to a NIK that has no `participant` row in the file.
    UnknownNik,
    /// A row refers to a KPJ that has no `kpj` row in the file.
    UnknownKpj,
    /// A participant without a `kpj` row: every member has at least one KPJ.
    NoKpj,
    /// The NIK or KPJ is in the registry already (imports add people; they never overwrite).
    AlreadyRegistered {
        what: Twice,
    },
    DateInFuture,
    BeforeBirth,
    EndedBeforeStarted,
    EndDateMissing,
    EndDateWithStillActive,
    /// Birth date or sex disagree with the NIK (a warning: the civil registry may have corrected
    /// the date without changing the NIK). Carries klaim-core's code.
    DiffersFromNik {
        code: &'static str,
    },
}

impl Explain for RegistryProblem {
    fn code(&self) -> &'static str {
        match self {
            RegistryProblem::Csv => "registry.csv",
            RegistryProblem::EmptyFile => "registry.empty_file",
            RegistryProblem::UnknownRecord { .. } => "registry.unknown_record",
            RegistryProblem::FieldCount { .. } => "registry.field_count",
            RegistryProblem::Required => "registry.required",
            RegistryProblem::Choice { .. } => "registry.choice",
            RegistryProblem::Month => "registry.month",
            RegistryProblem::MonthRange => "registry.month_range",
            RegistryProblem::Employer { .. } => "registry.employer",
            RegistryProblem::Duplicate { what, .. } => match what {
                Twice::Nik => "registry.duplicate_nik",
                Twice::Kpj => "registry.duplicate_kpj",
                Twice::Month => "registry.duplicate_month",
                Twice::BankAccount => "registry.duplicate_bank_account",
            },
            RegistryProblem::UnknownNik => "registry.unknown_nik",
            RegistryProblem::UnknownKpj => "registry.unknown_kpj",
            RegistryProblem::NoKpj => "registry.no_kpj",
            RegistryProblem::AlreadyRegistered { what } => match what {
                Twice::Kpj => "registry.kpj_already_registered",
                _ => "registry.nik_already_registered",
            },
            RegistryProblem::DateInFuture => "registry.date_in_future",
            RegistryProblem::BeforeBirth => "registry.before_birth",
            RegistryProblem::EndedBeforeStarted => "registry.ended_before_started",
            RegistryProblem::EndDateMissing => "registry.end_date_missing",
            RegistryProblem::EndDateWithStillActive => "registry.end_date_with_still_active",
            RegistryProblem::DiffersFromNik { code } => code,
        }
    }

    fn severity(&self) -> klaim_core::Severity {
        match self {
            RegistryProblem::DiffersFromNik { .. } => klaim_core::Severity::Warning,
            _ => klaim_core::Severity::Error,
        }
    }

    fn message(&self, lang: Lang) -> String {
        let text = |id: &str, en: &str| lang.pick(id, en).to_owned();
        match self {
            RegistryProblem::Csv => text(
                "Baris ini bukan CSV yang bisa dibaca (tanda kutip tidak ditutup atau bukan UTF-8)",
                "This line is not readable CSV (an unclosed quote, or not UTF-8)",
            ),
            RegistryProblem::EmptyFile => text(
                "Berkas tidak berisi satu baris data pun",
                "The file holds no data line",
            ),
            RegistryProblem::UnknownRecord { known } => lang.pick(
                format!("Kolom pertama harus salah satu jenis baris: {known}"),
                format!("The first column must be one of the record kinds: {known}"),
            ),
            RegistryProblem::FieldCount { expected, found } => lang.pick(
                format!("Baris jenis ini harus {expected} kolom; yang ada {found}"),
                format!("This kind of line has {expected} columns; this one has {found}"),
            ),
            RegistryProblem::Required => text("Kolom ini wajib diisi", "This column is required"),
            RegistryProblem::Choice { allowed } => lang.pick(
                format!("Isi dengan salah satu: {allowed}"),
                format!("Use one of: {allowed}"),
            ),
            RegistryProblem::Month => text(
                "Bulan ditulis TTTT-BB (2024-11), atau rentang 2024-01..2024-12, dipisah spasi",
                "Months are written YYYY-MM (2024-11), or as a range 2024-01..2024-12, space-separated",
            ),
            RegistryProblem::MonthRange => text(
                "Akhir rentang bulan sebelum awalnya",
                "The range of months ends before it starts",
            ),
            RegistryProblem::Employer { max } => lang.pick(
                format!("Nama pemberi kerja paling panjang {max} huruf, tanpa karakter kendali"),
                format!("Employer names have at most {max} characters and no control characters"),
            ),
            RegistryProblem::Duplicate { what, first_line } => {
                let (id, en) = twice_words(*what);
                lang.pick(
                    format!("{id} ini sudah ada di baris {first_line}"),
                    format!("This {en} already appears on line {first_line}"),
                )
            }
            RegistryProblem::UnknownNik => text(
                "Tidak ada baris participant dengan NIK ini di berkas",
                "No participant line in the file has this NIK",
            ),
            RegistryProblem::UnknownKpj => text(
                "Tidak ada baris kpj dengan nomor KPJ ini di berkas",
                "No kpj line in the file has this KPJ number",
            ),
            RegistryProblem::NoKpj => text(
                "Peserta ini tidak punya baris kpj; setiap peserta punya paling sedikit satu KPJ",
                "This participant has no kpj line; every participant has at least one KPJ",
            ),
            RegistryProblem::AlreadyRegistered { what } => {
                let (id, en) = twice_words(*what);
                lang.pick(
                    format!("{id} ini sudah ada di registri; impor hanya menambah, tidak menimpa"),
                    format!("This {en} is in the registry already; imports add, never overwrite"),
                )
            }
            RegistryProblem::DateInFuture => {
                text("Tanggal ini setelah hari ini", "This date is after today")
            }
            RegistryProblem::BeforeBirth => text(
                "Tanggal ini sebelum tanggal lahir peserta",
                "This date is before the participant's birth date",
            ),
            RegistryProblem::EndedBeforeStarted => text(
                "Tanggal berhenti bekerja sebelum tanggal mulai",
                "The employment ends before it starts",
            ),
            RegistryProblem::EndDateMissing => text(
                "Alasan berhenti diisi, tetapi tanggal berhenti kosong",
                "An end reason is given but the end date is empty",
            ),
            RegistryProblem::EndDateWithStillActive => text(
                "Masih bekerja (still_active) tidak punya tanggal berhenti",
                "A still_active employment has no end date",
            ),
            RegistryProblem::DiffersFromNik { code } => {
                if code.contains("sex") {
                    text(
                        "Jenis kelamin tidak cocok dengan NIK (tanggal lahir perempuan + 40)",
                        "The sex does not match the NIK (women's day of birth + 40)",
                    )
                } else {
                    text(
                        "Tanggal lahir tidak cocok dengan tanggal di NIK",
                        "The birth date does not match the date in the NIK",
                    )
                }
            }
        }
    }

    fn hint(&self, lang: Lang) -> String {
        lang.pick(
            "Lihat docs/registry-csv.md untuk susunan kolom setiap jenis baris",
            "See docs/registry-csv.md for the columns of each kind of line",
        )
        .to_owned()
    }
}

fn twice_words(what: Twice) -> (&'static str, &'static str) {
    match what {
        Twice::Nik => ("NIK", "NIK"),
        Twice::Kpj => ("Nomor KPJ", "KPJ number"),
        Twice::Month => ("Bulan", "month"),
        Twice::BankAccount => ("Rekening", "bank account"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_line_column_code_and_indonesian_message() {
        let problem = Problem {
            line: 12,
            column: Some((3, "kpj")),
            finding: Finding::of(None, &RegistryProblem::UnknownKpj),
        };
        assert_eq!(
            problem.to_string(),
            "line 12, column 3 (kpj): registry.unknown_kpj — Tidak ada baris kpj dengan nomor KPJ ini di berkas"
        );
        let warning = Problem {
            line: 2,
            column: None,
            finding: Finding::of(
                None,
                &RegistryProblem::DiffersFromNik {
                    code: "nik.sex_differs",
                },
            ),
        };
        assert!(
            warning
                .to_string()
                .starts_with("warning: line 2: nik.sex_differs — ")
        );
    }
}
