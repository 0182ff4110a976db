//! The claim receipt: a PDF the participant keeps (ux.md "After submitting"), generated on the
//! server from the claim as stored — title block, reference, dates, status, programme and
//! reason, the answers in words, the documents, the amounts — with every identifier masked to
//! its last four digits (NIK, KPJ, bank account, NPWP), because a receipt gets printed, shared
//! and left on shared phones.
//!
//! [`content`] decides what the receipt says (plain data, testable without a PDF); [`pdf`] lays
//! it out on A4 pages in the base-14 Helvetica (WinAnsi encoding covers Indonesian), with
//! uncompressed content streams, so nothing is embedded and the text stays searchable.

pub mod content;
mod helvetica;
pub mod pdf;

use klaim_core::{Lang, Nik};
use sqlx::AnyConnection;

use crate::claims::records;
use crate::documents::ClientId;

/// A generated receipt.
pub struct Receipt {
    pub reference: String,
    pub pdf: Vec<u8>,
}

impl Receipt {
    /// `klaim-KLM-26-7QX4-M2PA.pdf`.
    pub fn file_name(&self) -> String {
        format!("klaim-{}.pdf", self.reference)
    }
}

/// The receipt of one of the account's claims; `None` when the claim is not the account's.
pub async fn for_claim(
    conn: &mut AnyConnection,
    account_id: i64,
    id: &ClientId,
    lang: Lang,
    now: i64,
) -> Result<Option<Receipt>, sqlx::Error> {
    let Some(view) = records::view(&mut *conn, account_id, id).await? else {
        return Ok(None);
    };
    let nik: String = sqlx::query_scalar(
        "SELECT p.nik FROM claims c JOIN registry_participants p ON p.id = c.claimant_participant_id
         WHERE c.id = $1 AND c.account_id = $2",
    )
    .bind(id.as_str())
    .bind(account_id)
    .fetch_one(&mut *conn)
    .await?;
    let nik =
        Nik::parse(&nik).map_err(|_| sqlx::Error::Decode("registry NIK does not parse".into()))?;
    let sheet = content::sheet(&view, &nik, lang, now);
    Ok(Some(Receipt {
        reference: view.summary.reference.clone(),
        pdf: pdf::render(&sheet),
    }))
}
