//! Jobs as the generator plans them, turned into what the registry records: employments, wage
//! history, JP and JKP contribution months and a JHT balance per KPJ.

use klaim_core::{Date, Kpj, Rupiah};

use crate::registry::model::{Employment, EndReason, KpjRecord, Membership, Month};

/// JP (pension) contributions started in July 2015 (PP 45/2015).
pub const JP_START: (u16, u8) = (2015, 7);
/// JKP (job-loss) contributions started in February 2021 (PP 37/2021).
pub const JKP_START: (u16, u8) = (2021, 2);
/// Wage history kept per job: the last two years, what the JKP and JP rules look at first.
const WAGE_MONTHS: usize = 24;

/// One job. `kpj` indexes the person's KPJ list: several jobs may share a KPJ.
pub struct Job {
    pub kpj: usize,
    pub employer: String,
    pub start: Date,
    pub end: Option<(Date, EndReason)>,
    pub membership: Membership,
    /// The last monthly wage; earlier months are scaled down about 5 % a year.
    pub wage: u64,
    /// Whether JKP contributions were paid (an Indonesian under 54 enrolled in JKN).
    pub jkp: bool,
}

/// A KPJ number, with a balance to record instead of the estimate (personas use round figures).
pub struct KpjPlan {
    pub kpj: Kpj,
    pub balance: Option<u64>,
}

/// The registry's records for these KPJs and jobs, as of `today`.
pub fn records(kpjs: Vec<KpjPlan>, jobs: &[Job], today: Date) -> Vec<KpjRecord> {
    let last_paid = Month::of(today.sub_months(1).unwrap_or(today));
    let balance_on = today.add_days(-i32::from(today.day())).unwrap_or(today);
    kpjs.into_iter()
        .enumerate()
        .map(|(index, plan)| {
            let mut record = KpjRecord {
                kpj: plan.kpj,
                jht_balance: Rupiah::ZERO,
                jht_balance_on: balance_on,
                employments: Vec::new(),
                wages: Vec::new(),
                jp_months: Vec::new(),
                jkp_months: Vec::new(),
            };
            let mut estimate = 0u64;
            for job in jobs.iter().filter(|j| j.kpj == index) {
                let first = Month::of(job.start);
                let last = job
                    .end
                    .map_or(last_paid, |(end, _)| Month::of(end).min(last_paid));
                let months: Vec<Month> = first.through(last).collect();
                let wage_of = |m: Month| wage_in(job.wage, m, last);
                estimate += months.iter().map(|m| wage_of(*m) * 57 / 1000).sum::<u64>();
                let recent = months.len().saturating_sub(WAGE_MONTHS);
                record.wages.extend(
                    months[recent..]
                        .iter()
                        .map(|m| (*m, Rupiah::from_u64(wage_of(*m)))),
                );
                let since = |(y, m)| Month::new(y, m).unwrap_or(first);
                record
                    .jp_months
                    .extend(months.iter().filter(|m| **m >= since(JP_START)));
                if job.jkp {
                    record
                        .jkp_months
                        .extend(months.iter().filter(|m| **m >= since(JKP_START)));
                }
                record.employments.push(Employment {
                    employer: job.employer.clone(),
                    started_on: job.start,
                    ended_on: job.end.map(|(date, _)| date),
                    end_reason: job.end.map_or(EndReason::StillActive, |(_, why)| why),
                    membership: job.membership,
                });
            }
            // Contributions plus about 15 % of development returns, to the thousand.
            let balance = plan.balance.unwrap_or(estimate * 115 / 100 / 1000 * 1000);
            record.jht_balance = Rupiah::from_u64(balance);
            record.wages.sort_by_key(|(m, _)| *m);
            record.wages.dedup_by_key(|(m, _)| *m);
            record.jp_months.sort_unstable();
            record.jp_months.dedup();
            record.jkp_months.sort_unstable();
            record.jkp_months.dedup();
            record
        })
        .collect()
}

/// The wage in `month`: `latest` in the job's last month, about 5 % less for every year before,
/// changing each January as wage rises usually do; to the thousand rupiah.
fn wage_in(latest: u64, month: Month, last: Month) -> u64 {
    let years_back = u32::from(last.year().saturating_sub(month.year()));
    let mut wage = latest;
    for _ in 0..years_back {
        wage = wage * 95 / 100;
    }
    wage / 1000 * 1000
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn a_job_gives_months_wages_and_a_balance() {
        let today = d("2026-11-24");
        let kpj = KpjPlan {
            kpj: Kpj::parse("15012345678").unwrap(),
            balance: None,
        };
        let job = Job {
            kpj: 0,
            employer: "PT Contoh".into(),
            start: d("2020-03-02"),
            end: Some((d("2026-06-30"), EndReason::Dismissed)),
            membership: Membership::NonActive,
            wage: 6_000_000,
            jkp: true,
        };
        let records = records(vec![kpj], &[job], today);
        let r = &records[0];
        assert_eq!(r.jht_balance_on, d("2026-10-31"));
        assert_eq!(r.wages.len(), 24);
        assert_eq!(r.wages.last().unwrap().0.to_string(), "2026-06");
        assert_eq!(r.wages.last().unwrap().1, Rupiah::from_u64(6_000_000));
        assert_eq!(
            r.wages[0].1,
            Rupiah::from_u64(5_415_000),
            "2024-07: two raises before"
        );
        assert_eq!(r.jp_months.first().unwrap().to_string(), "2020-03");
        assert_eq!(r.jkp_months.first().unwrap().to_string(), "2021-02");
        assert_eq!(r.jkp_months.len(), 65);
        assert!(r.jht_balance > Rupiah::from_u64(20_000_000));
        assert_eq!(r.employments[0].end_reason, EndReason::Dismissed);
    }
}
