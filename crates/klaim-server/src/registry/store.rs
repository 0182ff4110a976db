//! The registry's tables: adding people and reading them back, on either database (portable SQL,
//! see `crate::db`). Functions take a connection so that callers choose the transaction.

use std::collections::HashMap;

use klaim_core::{Nik, PersonName, Rupiah};
use sqlx::AnyConnection;

use super::model::{Choice, Month, Person};
use crate::db::batch;

mod load;

pub use load::{find_by_nik, load_all};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    /// A stored value that klaim-core no longer accepts (the rules changed, or the table was
    /// edited by hand). Names the place, never the value.
    #[error("the registry holds a value that does not read back: {table}.{column}")]
    Corrupt {
        table: &'static str,
        column: &'static str,
    },
}

/// How many participants the registry has.
pub async fn count(conn: &mut AnyConnection) -> Result<i64, StoreError> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM registry_participants")
        .fetch_one(conn)
        .await?;
    Ok(n)
}

/// Which of these NIKs and KPJs the registry has already.
pub async fn already_registered(
    conn: &mut AnyConnection,
    niks: &[&str],
    kpjs: &[&str],
) -> Result<(Vec<String>, Vec<String>), StoreError> {
    let niks = present(conn, "registry_participants", "nik", niks).await?;
    let kpjs = present(conn, "registry_kpj_numbers", "kpj", kpjs).await?;
    Ok((niks, kpjs))
}

async fn present(
    conn: &mut AnyConnection,
    table: &'static str,
    column: &'static str,
    values: &[&str],
) -> Result<Vec<String>, StoreError> {
    let mut found = Vec::new();
    for chunk in values.chunks(500) {
        let placeholders: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT {column} FROM {table} WHERE {column} IN ({})",
            placeholders.join(", ")
        );
        let mut query = sqlx::query_scalar::<_, String>(sqlx::AssertSqlSafe(sql));
        for value in chunk {
            query = query.bind(*value);
        }
        found.extend(query.fetch_all(&mut *conn).await?);
    }
    Ok(found)
}

/// Adds the people with everything recorded about them. Run it in a transaction: on an error
/// part of them may be written.
pub async fn insert(conn: &mut AnyConnection, people: &[Person]) -> Result<(), StoreError> {
    let rows = people
        .iter()
        .map(|p| {
            vec![
                p.nik.as_str().into(),
                p.name.as_str().into(),
                p.birth_date.to_iso().into(),
                p.sex.word().into(),
                p.nationality.word().to_ascii_lowercase().into(),
                p.deceased_on.map(|d| d.to_iso()).into(),
                p.phone.as_ref().map(|ph| ph.e164()).into(),
                p.email.as_ref().map(|e| e.as_str().to_owned()).into(),
                i64::from(p.jkn_enrolled).into(),
            ]
        })
        .collect();
    let columns = [
        "nik",
        "full_name",
        "birth_date",
        "sex",
        "nationality",
        "deceased_on",
        "phone",
        "email",
        "jkn_enrolled",
    ];
    let ids = keyed_ids(
        batch::insert(
            conn,
            "registry_participants",
            &columns,
            rows,
            &["id", "nik"],
        )
        .await?,
        "nik",
    )?;
    let person_id = |p: &Person| ids.get(p.nik.as_str()).copied().unwrap_or_default();

    let mut rows = Vec::new();
    for p in people {
        for (seq, k) in (1i64..).zip(&p.kpjs) {
            rows.push(vec![
                person_id(p).into(),
                k.kpj.as_str().into(),
                seq.into(),
                amount(k.jht_balance).into(),
                k.jht_balance_on.to_iso().into(),
            ]);
        }
    }
    let columns = [
        "participant_id",
        "kpj",
        "seq",
        "jht_balance",
        "jht_balance_on",
    ];
    let kpj_ids = keyed_ids(
        batch::insert(conn, "registry_kpj_numbers", &columns, rows, &["id", "kpj"]).await?,
        "kpj",
    )?;

    let (mut employments, mut wages, mut contributions) = (Vec::new(), Vec::new(), Vec::new());
    for k in people.iter().flat_map(|p| &p.kpjs) {
        let kpj_id = kpj_ids.get(k.kpj.as_str()).copied().unwrap_or_default();
        for e in &k.employments {
            employments.push(vec![
                kpj_id.into(),
                e.employer.as_str().into(),
                e.started_on.to_iso().into(),
                e.ended_on.map(|d| d.to_iso()).into(),
                e.end_reason.word().into(),
                e.membership.word().into(),
            ]);
        }
        for (month, wage) in &k.wages {
            wages.push(vec![
                kpj_id.into(),
                month.to_string().into(),
                amount(*wage).into(),
            ]);
        }
        for (programme, months) in [("jp", &k.jp_months), ("jkp", &k.jkp_months)] {
            for month in months {
                contributions.push(vec![
                    kpj_id.into(),
                    programme.into(),
                    month.to_string().into(),
                ]);
            }
        }
    }
    let columns = [
        "kpj_id",
        "employer",
        "started_on",
        "ended_on",
        "end_reason",
        "membership",
    ];
    batch::insert(conn, "registry_employments", &columns, employments, &[]).await?;
    batch::insert(
        conn,
        "registry_wages",
        &["kpj_id", "month", "wage"],
        wages,
        &[],
    )
    .await?;
    let columns = ["kpj_id", "programme", "month"];
    batch::insert(conn, "registry_contributions", &columns, contributions, &[]).await?;

    let (mut banks, mut family) = (Vec::new(), Vec::new());
    for p in people {
        for b in &p.bank_accounts {
            banks.push(vec![
                person_id(p).into(),
                b.account.bank().code().into(),
                b.account.number().into(),
                b.holder.as_str().into(),
            ]);
        }
        for f in &p.family {
            family.push(vec![
                person_id(p).into(),
                f.relation.word().into(),
                f.name.as_str().into(),
                f.nik.as_ref().map(|n| n.as_str().to_owned()).into(),
                f.birth_date.to_iso().into(),
            ]);
        }
    }
    let columns = [
        "participant_id",
        "bank_code",
        "account_number",
        "holder_name",
    ];
    batch::insert(conn, "registry_bank_accounts", &columns, banks, &[]).await?;
    let columns = [
        "participant_id",
        "relation",
        "full_name",
        "nik",
        "birth_date",
    ];
    batch::insert(conn, "registry_family_members", &columns, family, &[]).await?;
    Ok(())
}

/// Amounts are stored as signed 64-bit integers; no rupiah amount comes near the limit.
fn amount(r: Rupiah) -> i64 {
    i64::try_from(r.amount()).unwrap_or(i64::MAX)
}

/// `RETURNING id, key` rows as key → id.
fn keyed_ids(
    rows: Vec<sqlx::any::AnyRow>,
    key: &'static str,
) -> Result<HashMap<String, i64>, StoreError> {
    use sqlx::Row;
    rows.iter()
        .map(|row| Ok((row.try_get::<String, _>(key)?, row.try_get::<i64, _>("id")?)))
        .collect()
}

/// Reads a stored name back through klaim-core.
fn name(text: String, table: &'static str, column: &'static str) -> Result<PersonName, StoreError> {
    PersonName::parse(&text).map_err(|_| StoreError::Corrupt { table, column })
}

fn month(text: &str, table: &'static str) -> Result<Month, StoreError> {
    Month::parse(text).ok_or(StoreError::Corrupt {
        table,
        column: "month",
    })
}

/// The participant's id by NIK.
pub async fn participant_id(
    conn: &mut AnyConnection,
    nik: &Nik,
) -> Result<Option<i64>, StoreError> {
    let id = sqlx::query_scalar("SELECT id FROM registry_participants WHERE nik = $1")
        .bind(nik.as_str())
        .fetch_optional(conn)
        .await?;
    Ok(id)
}
