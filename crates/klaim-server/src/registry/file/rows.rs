//! CSV lines to typed rows, one cell at a time: every bad cell becomes a [`Problem`] naming its
//! line and column, and the row keeps whatever keys (NIK, KPJ) did parse, so that one bad phone
//! number does not also make every later row of that person "unknown".

use csv::StringRecord;
use klaim_core::{
    Bank, BankAccount, BirthDateError, Date, Email, Explain, Finding, Kpj, Nik, PersonName,
    PhoneNumber, Rupiah, Sex,
};

use super::months::parse_months;
use super::{BANK, EMPLOYMENT, JKP, JP, KPJ, LAYOUTS, Layout, PARTICIPANT, WAGE};
use crate::registry::model::{
    BankAccountRecord, Choice, Employment, EndReason, FamilyMember, KpjRecord, Membership, Month,
    Nationality, Person, Relation,
};
use crate::registry::problem::{Problem, RegistryProblem};

/// Longest employer name accepted.
pub const MAX_EMPLOYER_CHARS: usize = 200;

pub(super) struct Row<K, T> {
    pub line: u64,
    /// The key the row is filed under (a NIK or a KPJ), when it parsed.
    pub key: Option<K>,
    /// The whole row, when every cell parsed.
    pub value: Option<T>,
}

/// Which list a `wage`, `jp` or `jkp` line adds months to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum MonthsKind {
    Wage(Rupiah),
    Jp,
    Jkp,
}

/// A `kpj` line's keys: the owner's NIK and the KPJ itself, each when it parsed.
pub(super) type KpjKey = (Option<Nik>, Option<Kpj>);

#[derive(Default)]
pub(super) struct Rows {
    pub participants: Vec<Row<Nik, Person>>,
    /// Filed under the owner's NIK and the KPJ itself (either may be missing).
    pub kpjs: Vec<Row<KpjKey, KpjRecord>>,
    pub employments: Vec<Row<Kpj, Employment>>,
    pub months: Vec<Row<Kpj, (MonthsKind, Vec<Month>)>>,
    pub banks: Vec<Row<Nik, BankAccountRecord>>,
    pub family: Vec<Row<Nik, FamilyMember>>,
    /// Any data line at all (an empty file is an error).
    pub any: bool,
}

pub(super) fn read(bytes: &[u8], today: Date, problems: &mut Vec<Problem>) -> Rows {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let mut rows = Rows::default();
    for result in reader.records() {
        let record = match result {
            Ok(record) => record,
            Err(err) => {
                // After broken quoting or bytes the reader cannot find the next line reliably.
                let line = err.position().map_or(1, |p| p.line());
                problems.push(problem(line, None, &RegistryProblem::Csv));
                break;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        rows.any = true;
        let kind = record.get(0).unwrap_or_default();
        let Some(layout) = LAYOUTS.iter().find(|l| l.record.eq_ignore_ascii_case(kind)) else {
            let known: Vec<&str> = LAYOUTS.iter().map(|l| l.record).collect();
            let unknown = RegistryProblem::UnknownRecord {
                known: known.join(", "),
            };
            problems.push(problem(line, Some((1, "record")), &unknown));
            continue;
        };
        let expected = layout.columns.len() + 1;
        if record.len() != expected {
            let count = RegistryProblem::FieldCount {
                expected,
                found: record.len(),
            };
            problems.push(problem(line, None, &count));
            continue;
        }
        let mut cells = Cells {
            record: &record,
            line,
            layout,
            today,
            problems,
        };
        match layout.record {
            r if r == PARTICIPANT.record => rows.participants.push(cells.participant()),
            r if r == KPJ.record => rows.kpjs.push(cells.kpj()),
            r if r == EMPLOYMENT.record => rows.employments.push(cells.employment()),
            r if r == WAGE.record || r == JP.record || r == JKP.record => {
                rows.months.push(cells.months_row())
            }
            r if r == BANK.record => rows.banks.push(cells.bank()),
            _ => rows.family.push(cells.family()),
        }
    }
    rows
}

pub(super) fn problem(
    line: u64,
    column: Option<(usize, &'static str)>,
    finding: &dyn Explain,
) -> Problem {
    Problem {
        line,
        column,
        finding: Finding::of(column.map(|c| c.1), finding),
    }
}

/// One line being read: parses named cells and files a problem for each bad one.
struct Cells<'a> {
    record: &'a StringRecord,
    line: u64,
    layout: &'static Layout,
    today: Date,
    problems: &'a mut Vec<Problem>,
}

impl Cells<'_> {
    fn text(&self, name: &str) -> &str {
        let (index, _) = self.layout.column(name);
        self.record.get(index - 1).unwrap_or_default()
    }

    fn report(&mut self, name: &str, finding: &dyn Explain) {
        let column = self.layout.column(name);
        self.problems
            .push(problem(self.line, Some(column), finding));
    }

    fn parse<T, E: Explain>(
        &mut self,
        name: &str,
        f: impl FnOnce(&str) -> Result<T, E>,
    ) -> Option<T> {
        match f(self.text(name)) {
            Ok(value) => Some(value),
            Err(err) => {
                self.report(name, &err);
                None
            }
        }
    }

    /// An empty cell is `Some(None)`; a bad one is `None`.
    fn optional<T, E: Explain>(
        &mut self,
        name: &str,
        f: impl FnOnce(&str) -> Result<T, E>,
    ) -> Option<Option<T>> {
        if self.text(name).is_empty() {
            Some(None)
        } else {
            self.parse(name, f).map(Some)
        }
    }

    fn choice<T: Choice>(&mut self, name: &str) -> Option<T> {
        self.parse(name, |s| {
            if s.is_empty() {
                Err(RegistryProblem::Required)
            } else {
                T::from_word(s).ok_or(RegistryProblem::Choice {
                    allowed: T::words(),
                })
            }
        })
    }

    /// A date of the past (or today).
    fn date(&mut self, name: &str) -> Option<Date> {
        let date = self.parse(name, Date::parse_iso)?;
        if date > self.today {
            self.report(name, &RegistryProblem::DateInFuture);
            return None;
        }
        Some(date)
    }

    fn optional_date(&mut self, name: &str) -> Option<Option<Date>> {
        if self.text(name).is_empty() {
            Some(None)
        } else {
            self.date(name).map(Some)
        }
    }

    fn participant(&mut self) -> Row<Nik, Person> {
        let nik = self.parse("nik", Nik::parse);
        let name = self.parse("full_name", PersonName::parse);
        let birth_date = self.date("birth_date");
        if let Some(date) = birth_date
            && date.year() < klaim_core::birth_date::EARLIEST_BIRTH_YEAR
        {
            self.report("birth_date", &BirthDateError::TooOld { year: date.year() });
        }
        let sex = self.choice::<Sex>("sex");
        let nationality = self.choice::<Nationality>("nationality");
        let deceased_on = self.optional_date("deceased_on");
        let phone = self.optional("phone", PhoneNumber::parse);
        let email = self.optional("email", Email::parse);
        let jkn_enrolled = self.choice::<bool>("jkn");
        if let (Some(nik), Some(birth_date), Some(sex)) = (nik, birth_date, sex) {
            for mismatch in nik.check_declared(birth_date, Some(sex), self.today) {
                let warning = RegistryProblem::DiffersFromNik {
                    code: mismatch.code(),
                };
                self.report("birth_date", &warning);
            }
        }
        if let (Some(birth), Some(Some(died))) = (birth_date, deceased_on)
            && died < birth
        {
            self.report("deceased_on", &RegistryProblem::BeforeBirth);
        }
        let value = (|| {
            Some(Person {
                nik: nik?,
                name: name?,
                birth_date: birth_date.filter(|d| d.year() >= 1900)?,
                sex: sex?,
                nationality: nationality?,
                deceased_on: deceased_on?,
                phone: phone?,
                email: email?,
                jkn_enrolled: jkn_enrolled?,
                kpjs: Vec::new(),
                bank_accounts: Vec::new(),
                family: Vec::new(),
            })
        })();
        self.row(nik, value)
    }

    fn kpj(&mut self) -> Row<KpjKey, KpjRecord> {
        let nik = self.parse("nik", Nik::parse);
        let kpj = self.parse("kpj", Kpj::parse);
        let key = (nik, kpj.clone());
        if let Some(kpj) = &kpj {
            for warning in kpj.warnings() {
                self.report("kpj", &warning);
            }
        }
        let jht_balance = self.parse("jht_balance", Rupiah::parse);
        let jht_balance_on = self.date("jht_balance_on");
        let value = (|| {
            Some(KpjRecord {
                kpj: kpj?,
                jht_balance: jht_balance?,
                jht_balance_on: jht_balance_on?,
                employments: Vec::new(),
                wages: Vec::new(),
                jp_months: Vec::new(),
                jkp_months: Vec::new(),
            })
        })();
        self.row(Some(key), value)
    }

    fn employment(&mut self) -> Row<Kpj, Employment> {
        let kpj = self.parse("kpj", Kpj::parse);
        let employer = self.parse("employer", |s| {
            let chars = s.chars().count();
            if s.is_empty() {
                Err(RegistryProblem::Required)
            } else if chars > MAX_EMPLOYER_CHARS || s.chars().any(char::is_control) {
                Err(RegistryProblem::Employer {
                    max: MAX_EMPLOYER_CHARS,
                })
            } else {
                Ok(s.split_whitespace().collect::<Vec<_>>().join(" "))
            }
        });
        let started_on = self.date("started_on");
        let ended_on = self.optional_date("ended_on");
        let end_reason = self.choice::<EndReason>("end_reason");
        let membership = self.choice::<Membership>("membership");
        let inconsistency = match (end_reason, started_on, ended_on) {
            (Some(EndReason::StillActive), _, Some(Some(_))) => {
                Some(RegistryProblem::EndDateWithStillActive)
            }
            (Some(reason), _, Some(None)) if reason != EndReason::StillActive => {
                Some(RegistryProblem::EndDateMissing)
            }
            (_, Some(start), Some(Some(end))) if end < start => {
                Some(RegistryProblem::EndedBeforeStarted)
            }
            _ => None,
        };
        if let Some(problem) = &inconsistency {
            self.report("ended_on", problem);
        }
        let consistent = inconsistency.is_none();
        let value = (|| {
            Some(Employment {
                employer: employer?,
                started_on: started_on?,
                ended_on: ended_on?,
                end_reason: end_reason?,
                membership: membership?,
            })
        })()
        .filter(|_| consistent);
        self.row(kpj, value)
    }

    fn months_row(&mut self) -> Row<Kpj, (MonthsKind, Vec<Month>)> {
        let kpj = self.parse("kpj", Kpj::parse);
        let today = Month::of(self.today);
        let months = self.parse("months", |s| parse_months(s, today));
        let kind = match self.layout.record {
            r if r == WAGE.record => self.parse("wage", Rupiah::parse).map(MonthsKind::Wage),
            r if r == JP.record => Some(MonthsKind::Jp),
            _ => Some(MonthsKind::Jkp),
        };
        let value = kind.zip(months);
        self.row(kpj, value)
    }

    fn bank(&mut self) -> Row<Nik, BankAccountRecord> {
        let nik = self.parse("nik", Nik::parse);
        let bank = self.parse("bank", |s| {
            if s.is_empty() {
                Err(RegistryProblem::Required)
            } else {
                let codes: Vec<String> = Bank::all()
                    .iter()
                    .map(|b| format!("{} ({})", b.code(), b.name()))
                    .collect();
                Bank::from_code(s).ok_or(RegistryProblem::Choice {
                    allowed: codes.join(", "),
                })
            }
        });
        let number = self.text("account_number").to_owned();
        let account = match bank {
            Some(bank) => self.parse("account_number", |_| BankAccount::parse(bank, &number)),
            None => None,
        };
        if let Some(account) = &account {
            for warning in account.warnings() {
                self.report("account_number", &warning);
            }
        }
        let holder = self.parse("holder_name", PersonName::parse);
        let value = account
            .zip(holder)
            .map(|(account, holder)| BankAccountRecord { account, holder });
        self.row(nik, value)
    }

    fn family(&mut self) -> Row<Nik, FamilyMember> {
        let nik = self.parse("nik", Nik::parse);
        let relation = self.choice::<Relation>("relation");
        let name = self.parse("full_name", PersonName::parse);
        let member_nik = self.optional("member_nik", Nik::parse);
        let birth_date = self.date("birth_date");
        let value = (|| {
            Some(FamilyMember {
                relation: relation?,
                name: name?,
                nik: member_nik?,
                birth_date: birth_date?,
            })
        })();
        self.row(nik, value)
    }

    fn row<K, T>(&self, key: Option<K>, value: Option<T>) -> Row<K, T> {
        Row {
            line: self.line,
            key,
            value,
        }
    }
}
