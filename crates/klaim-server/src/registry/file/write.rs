//! People to the CSV that [`super::read`] accepts: each person's lines together, months written
//! as ranges (`2021-02..2024-06`) so a population of thousands stays a small file.

use std::io::Write;

use klaim_core::{Date, Rupiah};

use super::{BANK, EMPLOYMENT, FAMILY, JKP, JP, KPJ, LAYOUTS, PARTICIPANT, WAGE};
use crate::registry::model::{Choice, Month, Person};

/// Writes the people with a comment header naming each record's columns.
pub fn write(people: &[Person], out: impl Write) -> std::io::Result<()> {
    let mut out = out;
    writeln!(
        out,
        "# Klaim participant registry (docs/registry-csv.md). Columns of each kind of line:"
    )?;
    for layout in LAYOUTS {
        writeln!(out, "# {},{}", layout.record, layout.columns.join(","))?;
    }
    let mut csv = csv::WriterBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_writer(out);
    for person in people {
        write_person(&mut csv, person)?;
    }
    csv.flush()
}

fn write_person<W: Write>(csv: &mut csv::Writer<W>, p: &Person) -> std::io::Result<()> {
    let nik = p.nik.as_str();
    csv.write_record([
        PARTICIPANT.record,
        nik,
        p.name.as_str(),
        &p.birth_date.to_iso(),
        p.sex.word(),
        p.nationality.word(),
        &p.deceased_on.map(Date::to_iso).unwrap_or_default(),
        &p.phone.as_ref().map(|ph| ph.e164()).unwrap_or_default(),
        p.email.as_ref().map(|e| e.as_str()).unwrap_or_default(),
        p.jkn_enrolled.word(),
    ])?;
    for k in &p.kpjs {
        let kpj = k.kpj.as_str();
        csv.write_record([
            KPJ.record,
            nik,
            kpj,
            &k.jht_balance.amount().to_string(),
            &k.jht_balance_on.to_iso(),
        ])?;
        for e in &k.employments {
            csv.write_record([
                EMPLOYMENT.record,
                kpj,
                &e.employer,
                &e.started_on.to_iso(),
                &e.ended_on.map(Date::to_iso).unwrap_or_default(),
                e.end_reason.word(),
                e.membership.word(),
            ])?;
        }
        for (months, wage) in wage_runs(&k.wages) {
            csv.write_record([WAGE.record, kpj, &months, &wage.amount().to_string()])?;
        }
        if !k.jp_months.is_empty() {
            csv.write_record([JP.record, kpj, &ranges(&k.jp_months)])?;
        }
        if !k.jkp_months.is_empty() {
            csv.write_record([JKP.record, kpj, &ranges(&k.jkp_months)])?;
        }
    }
    for b in &p.bank_accounts {
        csv.write_record([
            BANK.record,
            nik,
            b.account.bank().code(),
            b.account.number(),
            b.holder.as_str(),
        ])?;
    }
    for f in &p.family {
        csv.write_record([
            FAMILY.record,
            nik,
            f.relation.word(),
            f.name.as_str(),
            f.nik.as_ref().map(|n| n.as_str()).unwrap_or_default(),
            &f.birth_date.to_iso(),
        ])?;
    }
    Ok(())
}

/// Sorted months as `A..B` runs of consecutive months and single months, space-separated.
pub fn ranges(months: &[Month]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < months.len() {
        let start = months[i];
        let mut end = start;
        while i + 1 < months.len() && months[i + 1] == end.next() && end.next() != end {
            end = months[i + 1];
            i += 1;
        }
        out.push(if start == end {
            start.to_string()
        } else {
            format!("{start}..{end}")
        });
        i += 1;
    }
    out.join(" ")
}

/// Consecutive months with the same wage, one line each.
fn wage_runs(wages: &[(Month, Rupiah)]) -> Vec<(String, Rupiah)> {
    let mut runs: Vec<(Vec<Month>, Rupiah)> = Vec::new();
    for &(month, wage) in wages {
        match runs.last_mut() {
            Some((months, w))
                if *w == wage && months.last().is_some_and(|last| last.next() == month) =>
            {
                months.push(month)
            }
            _ => runs.push((vec![month], wage)),
        }
    }
    runs.into_iter()
        .map(|(months, wage)| (ranges(&months), wage))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn months(list: &[&str]) -> Vec<Month> {
        list.iter().map(|m| Month::parse(m).unwrap()).collect()
    }

    #[test]
    fn consecutive_months_become_ranges() {
        let list = months(&[
            "2024-11", "2024-12", "2025-01", "2025-03", "2025-05", "2025-06",
        ]);
        assert_eq!(ranges(&list), "2024-11..2025-01 2025-03 2025-05..2025-06");
        assert_eq!(ranges(&[]), "");
    }

    #[test]
    fn wage_runs_split_where_the_wage_changes() {
        let w = |n| Rupiah::from_u64(n);
        let list = months(&["2024-01", "2024-02", "2024-03", "2024-05"]);
        let wages = vec![
            (list[0], w(5)),
            (list[1], w(5)),
            (list[2], w(6)),
            (list[3], w(6)),
        ];
        let runs = wage_runs(&wages);
        assert_eq!(
            runs,
            vec![
                ("2024-01..2024-02".to_owned(), w(5)),
                ("2024-03".to_owned(), w(6)),
                ("2024-05".to_owned(), w(6)),
            ]
        );
    }
}
