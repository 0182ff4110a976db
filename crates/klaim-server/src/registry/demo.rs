//! `registry demo`: the demo personas found in the registry, with what each one can try. This is
//! output an operator asks for on their own terminal, about synthetic people, so it shows full
//! NIKs and birth dates; it never goes to the log.

use std::io::Write;

use klaim_core::{Lang, Nik};
use sqlx::AnyConnection;

use super::model::{Choice, EndReason, Person};
use super::personas::PERSONAS;
use super::store::{self, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot write the list: {0}")]
    Write(#[from] std::io::Error),
}

/// Prints every persona present; returns how many were.
pub async fn print(conn: &mut AnyConnection, out: &mut impl Write) -> Result<usize, DemoError> {
    let total = store::count(conn).await?;
    let mut shown = 0;
    writeln!(
        out,
        "Demo participants ({total} in the registry; synthetic people, register with NIK, KPJ, \
         birth date and full name):"
    )?;
    for persona in PERSONAS {
        let Ok(nik) = Nik::parse(persona.nik) else {
            continue;
        };
        let Some(person) = store::find_by_nik(conn, &nik).await? else {
            continue;
        };
        shown += 1;
        describe(out, &person)?;
        writeln!(out, "    {}", persona.situation)?;
        writeln!(out, "    try: {}", persona.try_this)?;
    }
    if shown > 0 {
        writeln!(out)?;
        writeln!(
            out,
            "To sign up as one of them: open the app's \"Daftar\" page (/daftar), type the name, \
             NIK, first KPJ and birth date shown, and choose a password. The one-time code is not \
             sent anywhere in development: the server prints it to its log, on a line with \
             \"one-time code\" and code=NNNNNN."
        )?;
    }
    if shown == 0 {
        writeln!(
            out,
            "  none: load them with `klaim-server registry generate` (the personas come first)"
        )?;
    }
    Ok(shown)
}

fn describe(out: &mut impl Write, p: &Person) -> std::io::Result<()> {
    let kpjs: Vec<&str> = p.kpjs.iter().map(|k| k.kpj.as_str()).collect();
    writeln!(out)?;
    writeln!(
        out,
        "  {} — NIK {}, KPJ {}, born {}",
        p.name.as_str(),
        p.nik.as_str(),
        kpjs.join(" + "),
        p.birth_date.to_iso()
    )?;
    let phone = p
        .phone
        .as_ref()
        .map(|ph| ph.national())
        .unwrap_or_else(|| "-".into());
    let email = p.email.as_ref().map(|e| e.as_str()).unwrap_or("-");
    writeln!(out, "    phone {phone}, e-mail {email}")?;
    let balance_on = p.kpjs.first().map(|k| k.jht_balance_on.format(Lang::En));
    write!(
        out,
        "    JHT {} (as of {})",
        p.jht_total(),
        balance_on.unwrap_or_default()
    )?;
    if let Some(last) = p.employments().max_by_key(|e| e.started_on) {
        match (last.end_reason, last.ended_on) {
            (EndReason::StillActive, _) | (_, None) => write!(
                out,
                "; works at {} since {}",
                last.employer,
                last.started_on.to_iso()
            )?,
            (reason, Some(ended)) => write!(
                out,
                "; {} at {} on {}",
                reason.word(),
                last.employer,
                ended.to_iso()
            )?,
        }
        write!(out, ", membership {}", last.membership.word())?;
    }
    let died_at_work = p.employments().any(|e| e.end_reason == EndReason::Died);
    if let Some(died) = p.deceased_on.filter(|_| !died_at_work) {
        write!(out, "; died {}", died.to_iso())?;
    }
    writeln!(out)
}
