//! Reading people back: one query per table (never one per person), each value re-read through
//! klaim-core so that what leaves the database is as valid as what entered it.

use std::collections::HashMap;

use klaim_core::{Bank, BankAccount, Date, Email, Kpj, Nik, PhoneNumber, Rupiah, Sex};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::{StoreError, month, name};
use crate::registry::model::{
    BankAccountRecord, Choice, Employment, EndReason, FamilyMember, KpjRecord, Membership,
    Nationality, Person, Relation,
};

/// Everyone in the registry, ordered by NIK.
pub async fn load_all(conn: &mut AnyConnection) -> Result<Vec<Person>, StoreError> {
    load(conn, None).await
}

/// One participant with everything recorded about them.
pub async fn find_by_nik(
    conn: &mut AnyConnection,
    nik: &Nik,
) -> Result<Option<Person>, StoreError> {
    Ok(load(conn, Some(nik)).await?.pop())
}

// Each query takes the NIK as $1, or NULL for everyone.
const PARTICIPANTS: &str = "SELECT id, nik, full_name, birth_date, sex, nationality, deceased_on,
    phone, email, jkn_enrolled FROM registry_participants
    WHERE ($1 IS NULL OR nik = $1) ORDER BY nik";
const KPJS: &str = "SELECT k.id, k.participant_id, k.kpj, k.jht_balance, k.jht_balance_on
    FROM registry_kpj_numbers k JOIN registry_participants p ON p.id = k.participant_id
    WHERE ($1 IS NULL OR p.nik = $1) ORDER BY k.participant_id, k.seq";
const EMPLOYMENTS: &str = "SELECT e.kpj_id, e.employer, e.started_on, e.ended_on, e.end_reason,
    e.membership FROM registry_employments e
    JOIN registry_kpj_numbers k ON k.id = e.kpj_id
    JOIN registry_participants p ON p.id = k.participant_id
    WHERE ($1 IS NULL OR p.nik = $1) ORDER BY e.id";
const WAGES: &str = "SELECT w.kpj_id, w.month, w.wage FROM registry_wages w
    JOIN registry_kpj_numbers k ON k.id = w.kpj_id
    JOIN registry_participants p ON p.id = k.participant_id
    WHERE ($1 IS NULL OR p.nik = $1) ORDER BY w.kpj_id, w.month";
const CONTRIBUTIONS: &str = "SELECT c.kpj_id, c.programme, c.month FROM registry_contributions c
    JOIN registry_kpj_numbers k ON k.id = c.kpj_id
    JOIN registry_participants p ON p.id = k.participant_id
    WHERE ($1 IS NULL OR p.nik = $1) ORDER BY c.kpj_id, c.programme, c.month";
const BANK_ACCOUNTS: &str = "SELECT b.participant_id, b.bank_code, b.account_number,
    b.holder_name FROM registry_bank_accounts b
    JOIN registry_participants p ON p.id = b.participant_id
    WHERE ($1 IS NULL OR p.nik = $1) ORDER BY b.id";
const FAMILY: &str = "SELECT f.participant_id, f.relation, f.full_name, f.nik, f.birth_date
    FROM registry_family_members f JOIN registry_participants p ON p.id = f.participant_id
    WHERE ($1 IS NULL OR p.nik = $1) ORDER BY f.id";

async fn rows(
    conn: &mut AnyConnection,
    sql: &'static str,
    nik: Option<&Nik>,
) -> Result<Vec<AnyRow>, StoreError> {
    let rows = sqlx::query(sql)
        .bind(nik.map(|n| n.as_str().to_owned()))
        .fetch_all(conn)
        .await?;
    Ok(rows)
}

async fn load(conn: &mut AnyConnection, nik: Option<&Nik>) -> Result<Vec<Person>, StoreError> {
    let mut people: Vec<Person> = Vec::new();
    // participant id → index in `people`
    let mut by_id: HashMap<i64, usize> = HashMap::new();
    for row in rows(conn, PARTICIPANTS, nik).await? {
        let t = "registry_participants";
        by_id.insert(row.try_get("id")?, people.len());
        people.push(Person {
            nik: read(&row, t, "nik", |s| Nik::parse(s).ok())?,
            name: name(row.try_get("full_name")?, t, "full_name")?,
            birth_date: read(&row, t, "birth_date", date)?,
            sex: read(&row, t, "sex", Sex::from_word)?,
            nationality: read(&row, t, "nationality", Nationality::from_word)?,
            deceased_on: optional(&row, t, "deceased_on", date)?,
            phone: optional(&row, t, "phone", |s| PhoneNumber::parse(s).ok())?,
            email: optional(&row, t, "email", |s| Email::parse(s).ok())?,
            jkn_enrolled: row.try_get::<i64, _>("jkn_enrolled")? != 0,
            kpjs: Vec::new(),
            bank_accounts: Vec::new(),
            family: Vec::new(),
        });
    }

    // kpj id → (person index, position among their KPJs)
    let mut kpj_at: HashMap<i64, (usize, usize)> = HashMap::new();
    for row in rows(conn, KPJS, nik).await? {
        let t = "registry_kpj_numbers";
        let Some(&p) = by_id.get(&row.try_get::<i64, _>("participant_id")?) else {
            continue;
        };
        let record = KpjRecord {
            kpj: read(&row, t, "kpj", |s| Kpj::parse(s).ok())?,
            jht_balance: rupiah(&row, t, "jht_balance")?,
            jht_balance_on: read(&row, t, "jht_balance_on", date)?,
            employments: Vec::new(),
            wages: Vec::new(),
            jp_months: Vec::new(),
            jkp_months: Vec::new(),
        };
        people[p].kpjs.push(record);
        kpj_at.insert(row.try_get("id")?, (p, people[p].kpjs.len() - 1));
    }

    for row in rows(conn, EMPLOYMENTS, nik).await? {
        let t = "registry_employments";
        let employment = Employment {
            employer: row.try_get("employer")?,
            started_on: read(&row, t, "started_on", date)?,
            ended_on: optional(&row, t, "ended_on", date)?,
            end_reason: read(&row, t, "end_reason", EndReason::from_word)?,
            membership: read(&row, t, "membership", Membership::from_word)?,
        };
        if let Some(record) = kpj_of(&mut people, &kpj_at, &row)? {
            record.employments.push(employment);
        }
    }
    for row in rows(conn, WAGES, nik).await? {
        let entry = (
            month(&row.try_get::<String, _>("month")?, "registry_wages")?,
            rupiah(&row, "registry_wages", "wage")?,
        );
        if let Some(record) = kpj_of(&mut people, &kpj_at, &row)? {
            record.wages.push(entry);
        }
    }
    for row in rows(conn, CONTRIBUTIONS, nik).await? {
        let m = month(
            &row.try_get::<String, _>("month")?,
            "registry_contributions",
        )?;
        let programme: String = row.try_get("programme")?;
        if let Some(record) = kpj_of(&mut people, &kpj_at, &row)? {
            match programme.as_str() {
                "jp" => record.jp_months.push(m),
                _ => record.jkp_months.push(m),
            }
        }
    }

    for row in rows(conn, BANK_ACCOUNTS, nik).await? {
        let t = "registry_bank_accounts";
        let bank = read(&row, t, "bank_code", Bank::from_code)?;
        let number: String = row.try_get("account_number")?;
        let account = BankAccount::parse(bank, &number).map_err(|_| StoreError::Corrupt {
            table: t,
            column: "account_number",
        })?;
        let holder = name(row.try_get("holder_name")?, t, "holder_name")?;
        if let Some(&p) = by_id.get(&row.try_get::<i64, _>("participant_id")?) {
            people[p]
                .bank_accounts
                .push(BankAccountRecord { account, holder });
        }
    }
    for row in rows(conn, FAMILY, nik).await? {
        let t = "registry_family_members";
        let member = FamilyMember {
            relation: read(&row, t, "relation", Relation::from_word)?,
            name: name(row.try_get("full_name")?, t, "full_name")?,
            nik: optional(&row, t, "nik", |s| Nik::parse(s).ok())?,
            birth_date: read(&row, t, "birth_date", date)?,
        };
        if let Some(&p) = by_id.get(&row.try_get::<i64, _>("participant_id")?) {
            people[p].family.push(member);
        }
    }
    Ok(people)
}

/// The KPJ record a row's `kpj_id` names.
fn kpj_of<'a>(
    people: &'a mut [Person],
    kpj_at: &HashMap<i64, (usize, usize)>,
    row: &AnyRow,
) -> Result<Option<&'a mut KpjRecord>, StoreError> {
    let id: i64 = row.try_get("kpj_id")?;
    Ok(kpj_at.get(&id).map(|&(p, k)| &mut people[p].kpjs[k]))
}

fn date(text: &str) -> Option<Date> {
    Date::parse_iso(text).ok()
}

/// A text column read through `parse`.
fn read<T>(
    row: &AnyRow,
    table: &'static str,
    column: &'static str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> Result<T, StoreError> {
    let text: String = row.try_get(column)?;
    parse(&text).ok_or(StoreError::Corrupt { table, column })
}

fn optional<T>(
    row: &AnyRow,
    table: &'static str,
    column: &'static str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> Result<Option<T>, StoreError> {
    let text: Option<String> = row.try_get(column)?;
    text.map(|t| parse(&t).ok_or(StoreError::Corrupt { table, column }))
        .transpose()
}

fn rupiah(row: &AnyRow, table: &'static str, column: &'static str) -> Result<Rupiah, StoreError> {
    let amount: i64 = row.try_get(column)?;
    u64::try_from(amount)
        .map(Rupiah::from_u64)
        .map_err(|_| StoreError::Corrupt { table, column })
}
