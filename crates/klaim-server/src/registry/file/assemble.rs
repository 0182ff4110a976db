//! Typed rows to people: every reference resolved (a KPJ line needs its participant, a wage line
//! its KPJ), every duplicate found, and nothing before the person's birth.

use std::collections::{HashMap, HashSet};

use klaim_core::{Date, Kpj, Nik};

use super::Read;
use super::rows::{MonthsKind, Rows, problem};
use super::{BANK, EMPLOYMENT, FAMILY, JKP, JP, KPJ, Layout, PARTICIPANT, WAGE};
use crate::registry::model::{Month, Person};
use crate::registry::problem::{Problem, RegistryProblem, Twice};

/// Which list of months a line fills (wage amounts aside).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum MonthList {
    Wage,
    Jp,
    Jkp,
}

pub(super) fn assemble(rows: Rows, problems: &mut Vec<Problem>) -> Read {
    if !rows.any {
        problems.push(problem(1, None, &RegistryProblem::EmptyFile));
        return Read::default();
    }
    let mut people: Vec<Option<Person>> = Vec::new();
    let mut lines: Vec<u64> = Vec::new();
    // NIK → (line, index in `people`).
    let mut by_nik: HashMap<Nik, (u64, usize)> = HashMap::new();
    for row in rows.participants {
        if let Some(nik) = row.key {
            if let Some(&(first_line, _)) = by_nik.get(&nik) {
                let twice = RegistryProblem::Duplicate {
                    what: Twice::Nik,
                    first_line,
                };
                problems.push(problem(row.line, Some(PARTICIPANT.column("nik")), &twice));
                continue;
            }
            by_nik.insert(nik, (row.line, people.len()));
        }
        people.push(row.value);
        lines.push(row.line);
    }

    let person_of = |nik: Option<Nik>, line: u64, layout: &Layout, problems: &mut Vec<Problem>| {
        let nik = nik?;
        match by_nik.get(&nik) {
            Some(&(_, index)) => Some(index),
            None => {
                problems.push(problem(
                    line,
                    Some(layout.column("nik")),
                    &RegistryProblem::UnknownNik,
                ));
                None
            }
        }
    };

    // KPJ → (line, where its record is: person index and position among their KPJs).
    let mut by_kpj: HashMap<Kpj, (u64, Option<(usize, usize)>)> = HashMap::new();
    let mut with_kpj_line: HashSet<usize> = HashSet::new();
    for row in rows.kpjs {
        let (nik, kpj) = row.key.unwrap_or((None, None));
        let owner = person_of(nik, row.line, &KPJ, problems);
        if let Some(owner) = owner {
            with_kpj_line.insert(owner);
        }
        let Some(kpj) = kpj else { continue };
        if let Some(&(first_line, _)) = by_kpj.get(&kpj) {
            let twice = RegistryProblem::Duplicate {
                what: Twice::Kpj,
                first_line,
            };
            problems.push(problem(row.line, Some(KPJ.column("kpj")), &twice));
            continue;
        }
        let place = match (owner, row.value) {
            (Some(owner), Some(record)) => people[owner].as_mut().map(|person| {
                person.kpjs.push(record);
                (owner, person.kpjs.len() - 1)
            }),
            _ => None,
        };
        by_kpj.insert(kpj, (row.line, place));
    }

    let kpj_of = |kpj: Option<Kpj>, line: u64, layout: &Layout, problems: &mut Vec<Problem>| {
        let kpj = kpj?;
        match by_kpj.get(&kpj) {
            Some(&(_, place)) => place,
            None => {
                problems.push(problem(
                    line,
                    Some(layout.column("kpj")),
                    &RegistryProblem::UnknownKpj,
                ));
                None
            }
        }
    };
    let birth = |people: &[Option<Person>], owner: usize| {
        people[owner].as_ref().map_or(Date::MIN, |p| p.birth_date)
    };

    for row in rows.employments {
        let place = kpj_of(row.key, row.line, &EMPLOYMENT, problems);
        if let (Some((owner, k)), Some(employment)) = (place, row.value) {
            if employment.started_on < birth(&people, owner) {
                let column = Some(EMPLOYMENT.column("started_on"));
                problems.push(problem(row.line, column, &RegistryProblem::BeforeBirth));
            }
            if let Some(person) = people[owner].as_mut() {
                person.kpjs[k].employments.push(employment);
            }
        }
    }

    // (KPJ position, list) → month → first line.
    let mut seen: HashMap<((usize, usize), MonthList), HashMap<Month, u64>> = HashMap::new();
    for row in rows.months {
        let Some((kind, months)) = &row.value else {
            continue;
        };
        let (list, layout) = match kind {
            MonthsKind::Wage(_) => (MonthList::Wage, &WAGE),
            MonthsKind::Jp => (MonthList::Jp, &JP),
            MonthsKind::Jkp => (MonthList::Jkp, &JKP),
        };
        let Some((owner, k)) = kpj_of(row.key, row.line, layout, problems) else {
            continue;
        };
        let column = Some(layout.column("months"));
        let born = Month::of(birth(&people, owner));
        if months.iter().any(|m| *m < born) {
            problems.push(problem(row.line, column, &RegistryProblem::BeforeBirth));
        }
        let firsts = seen.entry(((owner, k), list)).or_default();
        for month in months {
            if let Some(&first_line) = firsts.get(month) {
                let twice = RegistryProblem::Duplicate {
                    what: Twice::Month,
                    first_line,
                };
                problems.push(problem(row.line, column, &twice));
                break;
            }
            firsts.insert(*month, row.line);
        }
        let Some(record) = people[owner].as_mut().map(|p| &mut p.kpjs[k]) else {
            continue;
        };
        match kind {
            MonthsKind::Wage(wage) => record.wages.extend(months.iter().map(|m| (*m, *wage))),
            MonthsKind::Jp => record.jp_months.extend(months),
            MonthsKind::Jkp => record.jkp_months.extend(months),
        }
    }

    let mut accounts: HashMap<(usize, klaim_core::BankAccount), u64> = HashMap::new();
    for row in rows.banks {
        let owner = person_of(row.key, row.line, &BANK, problems);
        if let (Some(owner), Some(record)) = (owner, row.value) {
            if let Some(&first_line) = accounts.get(&(owner, record.account.clone())) {
                let twice = RegistryProblem::Duplicate {
                    what: Twice::BankAccount,
                    first_line,
                };
                problems.push(problem(
                    row.line,
                    Some(BANK.column("account_number")),
                    &twice,
                ));
                continue;
            }
            accounts.insert((owner, record.account.clone()), row.line);
            if let Some(person) = people[owner].as_mut() {
                person.bank_accounts.push(record);
            }
        }
    }

    for row in rows.family {
        let owner = person_of(row.key, row.line, &FAMILY, problems);
        if let (Some(owner), Some(member)) = (owner, row.value)
            && let Some(person) = people[owner].as_mut()
        {
            person.family.push(member);
        }
    }

    // Only people whose NIK could be read: others have a problem reported already.
    let filed: HashSet<usize> = by_nik.values().map(|&(_, index)| index).collect();
    for (index, line) in lines.iter().enumerate() {
        if filed.contains(&index) && !with_kpj_line.contains(&index) {
            problems.push(problem(
                *line,
                Some(PARTICIPANT.column("nik")),
                &RegistryProblem::NoKpj,
            ));
        }
    }

    let mut people: Vec<Person> = people.into_iter().flatten().collect();
    for record in people.iter_mut().flat_map(|p| p.kpjs.iter_mut()) {
        record.wages.sort_by_key(|(m, _)| *m);
        record.jp_months.sort_unstable();
        record.jkp_months.sort_unstable();
    }
    Read {
        people,
        warnings: Vec::new(),
        nik_lines: by_nik
            .into_iter()
            .map(|(nik, (line, _))| (nik, line))
            .collect(),
        kpj_lines: by_kpj
            .into_iter()
            .map(|(kpj, (line, _))| (kpj, line))
            .collect(),
    }
}
