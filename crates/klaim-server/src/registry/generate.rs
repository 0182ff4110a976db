//! `registry generate`: a synthetic population for demos and tests. The same seed and date always
//! give the same people (a fixed generator, no clock, no hash-map order). The demo personas come
//! first, then random people from every province with names of the region, and every identifier
//! passes klaim-core's parser (NIKs also agree with their birth date and sex).

use std::collections::HashSet;

use klaim_core::{Date, Kpj, Nik, PersonName, Sex};

use super::model::{EndReason, FamilyMember, Membership, Nationality, Person, Relation};
use super::personas;

mod career;
mod contact;
mod names;
mod rng;

pub use career::{Job, KpjPlan, records};
use contact::{email, employer, own_account, phone};
use names::{TRADITIONS, Tradition};
use rng::Rng;

#[derive(Debug, thiserror::Error)]
#[error("--count must be at least {min}: the demo personas alone are {min} people")]
pub struct CountTooSmall {
    pub min: usize,
}

/// `count` people (the personas included) as of `today`.
pub fn population(count: u32, seed: u64, today: Date) -> Result<Vec<Person>, CountTooSmall> {
    let mut people = personas::people(today);
    let count = usize::try_from(count).unwrap_or(usize::MAX);
    if count < people.len() {
        return Err(CountTooSmall { min: people.len() });
    }
    let mut used = Used::default();
    for p in &people {
        used.niks.insert(p.nik);
        used.niks.extend(p.family.iter().filter_map(|f| f.nik));
        used.kpjs.extend(p.kpjs.iter().map(|k| k.kpj.clone()));
    }
    let mut rng = Rng::new(seed);
    while people.len() < count {
        people.push(random_person(&mut rng, today, &mut used));
    }
    Ok(people)
}

/// Identifiers handed out so far: each NIK and KPJ belongs to one person only.
#[derive(Default)]
struct Used {
    niks: HashSet<Nik>,
    kpjs: HashSet<Kpj>,
}

/// Where a NIK was issued: province, regency or city, district.
#[derive(Clone, Copy)]
struct Place(u8, u8, u8);

fn random_person(rng: &mut Rng, today: Date, used: &mut Used) -> Person {
    let tradition = rng.weighted(TRADITIONS, |t| t.weight);
    let province = *rng.pick(tradition.provinces);
    let regency = if rng.chance(30) {
        rng.between(71, 75)
    } else {
        rng.between(1, 20)
    };
    let place = Place(province, small(regency), small(rng.between(1, 25)));
    let sex = any_sex(rng);
    let birth = days_before(today, rng.between(19 * 365, 62 * 365));
    let nik = unique_nik(rng, place, birth, sex, today, used);
    let name = person_name(rng, tradition, sex);
    let deceased_on = rng
        .chance(1)
        .then(|| days_before(today, rng.between(20, 300)));
    let jkn_enrolled = rng.chance(85);
    let horizon = deceased_on.unwrap_or(today);
    let (kpjs, jobs) = plan_career(rng, place, birth, horizon, deceased_on.is_some(), used);
    let jobs: Vec<Job> = jobs
        .into_iter()
        .map(|mut job| {
            job.jkp = jkn_enrolled && Date::years_between(birth, job.start) < 54;
            job
        })
        .collect();
    let kpjs = records(kpjs, &jobs, today);
    let phone = rng.chance(90).then(|| phone(rng));
    let email = rng.chance(60).then(|| email(rng, &name));
    let mut bank_accounts = vec![own_account(rng, &name)];
    if rng.chance(10) {
        bank_accounts.push(own_account(rng, &name));
        bank_accounts.dedup_by(|a, b| a.account == b.account);
    }
    let mut family = Vec::new();
    let age = Date::years_between(birth, today);
    if age >= 24 && (rng.chance(65) || deceased_on.is_some()) {
        let other = if sex == Sex::Male {
            Sex::Female
        } else {
            Sex::Male
        };
        let spouse_birth = days_before(birth, rng.between(-5 * 365, 5 * 365)).min(today);
        family.push(relative(
            rng,
            tradition,
            place,
            Relation::Spouse,
            other,
            spouse_birth,
            today,
            used,
        ));
        for _ in 0..rng.between(0, 3) {
            let born = birth.add_months(12 * rng.between(22, 40) as u32);
            if let Some(born) = born.filter(|d| *d < days_before(today, 365)) {
                let sex = any_sex(rng);
                family.push(relative(
                    rng,
                    tradition,
                    place,
                    Relation::Child,
                    sex,
                    born,
                    today,
                    used,
                ));
            }
        }
    }
    if deceased_on.is_some() && family.is_empty() {
        // Someone must be able to claim for the deceased: a parent.
        let born = days_before(birth, rng.between(20 * 365, 35 * 365));
        let sex = any_sex(rng);
        family.push(relative(
            rng,
            tradition,
            place,
            Relation::Parent,
            sex,
            born,
            today,
            used,
        ));
    }
    Person {
        nik,
        name,
        birth_date: birth,
        sex,
        nationality: Nationality::Wni,
        deceased_on,
        phone,
        email,
        jkn_enrolled,
        kpjs,
        bank_accounts,
        family,
    }
}

/// One to three jobs from the first at 18–24 up to `horizon`; the last one may still go on.
fn plan_career(
    rng: &mut Rng,
    place: Place,
    birth: Date,
    horizon: Date,
    died: bool,
    used: &mut Used,
) -> (Vec<KpjPlan>, Vec<Job>) {
    let earliest = birth.add_months(12 * 18).unwrap_or(birth);
    let mut start = birth
        .add_months(12 * rng.between(18, 24) as u32)
        .unwrap_or(earliest)
        .min(days_before(horizon, rng.between(120, 700)))
        .max(earliest);
    let wage_base: i64 = match place.0 {
        31 => 5_400_000,
        32 | 36 => 4_300_000,
        33 | 34 => 2_500_000,
        35 => 3_000_000,
        _ => 3_300_000,
    };
    let wage = wage_base * rng.between(100, 250) / 100 / 10_000 * 10_000;
    let planned = rng.between(1, 3);
    let mut kpjs = vec![KpjPlan {
        kpj: unique_kpj(rng, start, used),
        balance: None,
    }];
    let mut jobs = Vec::new();
    for n in 1..=planned {
        let kpj = if n > 1 && rng.chance(30) {
            kpjs.push(KpjPlan {
                kpj: unique_kpj(rng, start, used),
                balance: None,
            });
            kpjs.len() - 1
        } else {
            kpjs.len() - 1
        };
        let until = start
            .add_months(rng.between(12, 96) as u32)
            .unwrap_or(horizon);
        let last = n == planned || until >= days_before(horizon, 400);
        let end = if last {
            last_job_end(rng, birth, start, horizon, died)
        } else {
            let why = if rng.chance(60) {
                EndReason::Resigned
            } else {
                EndReason::ContractEnded
            };
            Some((until, why))
        };
        // The employer has not always deactivated the membership yet (a common reason claims fail).
        let membership = match end {
            None => Membership::Active,
            Some((_, EndReason::Resigned | EndReason::Dismissed)) if last && rng.chance(20) => {
                Membership::Active
            }
            Some(_) => Membership::NonActive,
        };
        let scale = 100 - 15 * (planned - n);
        jobs.push(Job {
            kpj,
            employer: employer(rng),
            start,
            end,
            membership,
            wage: u64::try_from(wage * scale / 100 / 1000 * 1000).unwrap_or(0),
            jkp: false,
        });
        if last {
            break;
        }
        start = until.add_days(rng.between(1, 90) as i32).unwrap_or(until);
    }
    (kpjs, jobs)
}

fn last_job_end(
    rng: &mut Rng,
    birth: Date,
    start: Date,
    horizon: Date,
    died: bool,
) -> Option<(Date, EndReason)> {
    if died {
        return Some((horizon.max(start), EndReason::Died));
    }
    let end = days_before(horizon, rng.between(7, 900));
    if end <= start.add_days(60).unwrap_or(start) {
        return None;
    }
    if Date::years_between(birth, end) >= 56 && rng.chance(60) {
        return Some((end, EndReason::Retired));
    }
    let roll = rng.below(100);
    let why = match roll {
        0..45 => return None,
        45..67 => EndReason::Resigned,
        67..79 => EndReason::Dismissed,
        _ => EndReason::ContractEnded,
    };
    Some((end, why))
}

/// `PP KK CC DDMMYY SSSS`, women's day + 40; the serial keeps 9000–9999 free for the personas.
fn unique_nik(
    rng: &mut Rng,
    place: Place,
    birth: Date,
    sex: Sex,
    today: Date,
    used: &mut Used,
) -> Nik {
    let day = birth.day() + if sex == Sex::Female { 40 } else { 0 };
    loop {
        let text = format!(
            "{:02}{:02}{:02}{:02}{:02}{:02}{:04}",
            place.0,
            place.1,
            place.2,
            day,
            birth.month(),
            birth.year() % 100,
            rng.between(1, 8999)
        );
        if let Ok(nik) = Nik::parse(&text)
            && nik.check_declared(birth, Some(sex), today).is_empty()
            && used.niks.insert(nik)
        {
            return nik;
        }
    }
}

/// Eleven digits, the first two the year of registration.
fn unique_kpj(rng: &mut Rng, registered: Date, used: &mut Used) -> Kpj {
    loop {
        let text = format!(
            "{:02}{:09}",
            registered.year() % 100,
            rng.below(1_000_000_000)
        );
        if let Ok(kpj) = Kpj::parse(&text)
            && used.kpjs.insert(kpj.clone())
        {
            return kpj;
        }
    }
}

fn person_name(rng: &mut Rng, t: &Tradition, sex: Sex) -> PersonName {
    let (given, last) = match sex {
        Sex::Male => (t.male, t.male_last),
        Sex::Female => (t.female, t.female_last),
    };
    let mut words: Vec<&str> = Vec::new();
    if t.balinese {
        words.push(if sex == Sex::Male { "I" } else { "Ni" });
    }
    words.push(*rng.pick(given));
    if !t.balinese && rng.chance(20) {
        let second = *rng.pick(given);
        if !words.contains(&second) {
            words.push(second);
        }
    }
    if t.family_name || rng.chance(80) {
        let family = *rng.pick(last);
        if !words.contains(&family) {
            words.push(family);
        }
    }
    PersonName::parse(&words.join(" ")).unwrap_or_else(|_| fallback_name())
}

/// Never used: every listed name parses (a test checks); it keeps the generator total.
fn fallback_name() -> PersonName {
    PersonName::parse("Peserta").unwrap_or_else(|_| unreachable!("a plain word is a name"))
}

#[allow(clippy::too_many_arguments)]
fn relative(
    rng: &mut Rng,
    t: &Tradition,
    place: Place,
    relation: Relation,
    sex: Sex,
    birth: Date,
    today: Date,
    used: &mut Used,
) -> FamilyMember {
    FamilyMember {
        relation,
        name: person_name(rng, t, sex),
        nik: Some(unique_nik(rng, place, birth, sex, today, used)),
        birth_date: birth,
    }
}

fn days_before(date: Date, days: i64) -> Date {
    date.add_days(-i32::try_from(days).unwrap_or(0))
        .unwrap_or(date)
}

fn small(n: i64) -> u8 {
    u8::try_from(n).unwrap_or(1)
}

/// Men and women equally often.
fn any_sex(rng: &mut Rng) -> Sex {
    if rng.chance(50) {
        Sex::Male
    } else {
        Sex::Female
    }
}
