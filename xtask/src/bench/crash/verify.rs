//! After the crashes: what the clients were told against what the server keeps.

use std::path::Path;
use std::process::Command;

use anyhow::Context;
use klaim_core::api::claim::{ClaimList, ClaimView};
use serde_json::Value;

use super::super::claims::client::Client;
use super::super::claims::parallel;
use super::super::klaim::{Klaim, Storage};
use super::clients::Confirmed;

pub struct Seen {
    pub checked: usize,
    pub problems: Vec<String>,
}

/// Each confirmed claim, read back by its owner: there, once, under the reference they were
/// given, with the documents they named.
pub fn as_clients_see(server: &Klaim, confirmed: &[Confirmed]) -> Seen {
    let problems: Vec<String> = parallel(confirmed, 8, |c| {
        let client = Client::new(&server.base);
        read_back(&client, c).err()
    })
    .into_iter()
    .flatten()
    .collect();
    Seen {
        checked: confirmed.len(),
        problems,
    }
}

fn read_back(client: &Client, c: &Confirmed) -> Result<(), String> {
    let id = &c.claim_id;
    let one = client
        .get(&format!("/api/v1/claims/{id}"), &c.cookie)
        .map_err(|e| format!("{id}: {e:#}"))?;
    if one.status != 200 {
        return Err(format!("{id}: GET answered {}", one.status));
    }
    let view: ClaimView =
        serde_json::from_slice(&one.body).map_err(|e| format!("{id}: not a ClaimView: {e}"))?;
    if view.summary.reference != c.reference {
        return Err(format!(
            "{id}: reference {} kept, {} confirmed",
            view.summary.reference, c.reference
        ));
    }
    let mut kept: Vec<String> = view.documents.iter().map(|d| d.id.clone()).collect();
    let mut named = c.document_ids.clone();
    kept.sort();
    named.sort();
    if kept != named {
        return Err(format!("{id}: documents {kept:?} kept, {named:?} sent"));
    }
    let list = client
        .get("/api/v1/claims", &c.cookie)
        .map_err(|e| format!("{id}: {e:#}"))?;
    let list: ClaimList =
        serde_json::from_slice(&list.body).map_err(|e| format!("{id}: not a ClaimList: {e}"))?;
    let ids: Vec<&str> = list.claims.iter().map(|s| s.id.as_str()).collect();
    if ids != [id.as_str()] {
        return Err(format!("{id}: the owner's claims are {ids:?}"));
    }
    Ok(())
}

/// `klaim-server check` on the storage, servers stopped: its JSON report.
pub fn check(server: &Path, storage: &Storage) -> anyhow::Result<Value> {
    let mut cmd = Command::new(server);
    cmd.arg("check").arg("--data-dir").arg(storage.data_dir);
    match storage.database_url {
        Some(url) => cmd.env("DATABASE_URL", url),
        None => cmd.env_remove("DATABASE_URL"),
    };
    cmd.env_remove("KLAIM_STORAGE_URL");
    let output = cmd.output().context("run klaim-server check")?;
    // It fails (exit 1) when it finds a problem, and prints the report either way.
    serde_json::from_slice(&output.stdout).with_context(|| {
        format!(
            "klaim-server check printed no report: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    })
}
