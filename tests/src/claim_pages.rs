//! Page objects for the claim journey: choosing a programme and a reason, the results of the
//! eligibility check, the question pages, the task list, documents and their upload rows,
//! "Periksa jawaban Anda", the confirmation and "Klaim saya". Also the demo personas the claim
//! tests sign up as (crates/klaim-server/src/registry/personas), and signing up.
//!
//! The app keeps a claim in memory, so after the first page everything is reached by pressing
//! what a person would press: loading a page again would start the claim over.

use std::path::Path;
use std::time::{Duration, Instant};

use klaim_core::Date;
use klaim_core::claim::DocumentKind;
use thirtyfour::prelude::*;

use crate::account_pages::{RegisterFlow, Registration, Screen};
use crate::{Browser, Session};

mod documents;
mod journey;
mod my_claims;
mod results;
mod review;

pub use documents::*;
pub use journey::*;
pub use my_claims::*;
pub use results::*;
pub use review::*;

const PASSWORD: &str = "kopi hujan sepeda biru";

/// Persona 1: resigned about 95 days ago, JHT Rp 12.350.000, BCA 8031234567 in her own name.
pub const RINA: Registration = Registration {
    full_name: "Rina Wulandari",
    nik: "3374 0552 0591 9001",
    kpj: "99010000001",
    birth_day: "12",
    birth_month: "5",
    birth_year: "1991",
    password: PASSWORD,
};

/// Persona 9: resigned about two months ago; his only bank account (BNI 0987654321) is in his
/// wife's name. No e-mail address on file.
pub const ASEP: Registration = Registration {
    full_name: "Asep Sunarya",
    nik: "3205082506879009",
    kpj: "99090000009",
    birth_day: "25",
    birth_month: "6",
    birth_year: "1987",
    password: PASSWORD,
};

/// Persona 13: Muhammad Ridwan's widow, a participant of her own (BRI 002501009101507).
pub const HASNAH: Registration = Registration {
    full_name: "Hasnah",
    nik: "7371114504789101",
    kpj: "99130000013",
    birth_day: "5",
    birth_month: "4",
    birth_year: "1978",
    password: PASSWORD,
};

/// Persona 5: aged 60, retired two months ago; JP contributions since July 2015 (fewer than
/// 180 months, so a lump sum), BNI 0123456789 in his own name.
pub const BAMBANG: Registration = Registration {
    full_name: "Bambang Suryono",
    nik: "3471030204669005",
    kpj: "99050000005",
    birth_day: "2",
    birth_month: "4",
    birth_year: "1966",
    password: PASSWORD,
};

/// Persona 7: employed since 2012 at Rp 7.200.000, membership active; BSI 7123456789 in his own
/// name.
pub const MADE: Registration = Registration {
    full_name: "I Made Suardana",
    nik: "5171023012829007",
    kpj: "99070000007",
    birth_day: "30",
    birth_month: "12",
    birth_year: "1982",
    password: PASSWORD,
};

/// "Tentang kecelakaan kerja" as a person fills it in: radio choices by their wire words
/// (`at_work`, `recovered`, `none`, …) and amounts as typed.
pub struct AccidentTyped<'a> {
    pub happened_on: Date,
    pub place: &'a str,
    pub outcome: &'a str,
    pub days: &'a str,
    pub medical: &'a str,
    /// `none`, `land`, `sea`, `air`.
    pub transport: &'a str,
    /// Typed only when a transport was chosen.
    pub transport_cost: &'a str,
}

/// Who died, as an heir types it on "Data peserta yang meninggal".
pub struct Deceased {
    pub nik: &'static str,
    pub kpj: &'static str,
    pub birth_day: &'static str,
    pub birth_month: &'static str,
    pub birth_year: &'static str,
}

/// Persona 10: died 20 days before the registry was made; widow, two children (one a minor).
pub const RIDWAN: Deceased = Deceased {
    nik: "7371111708759010",
    kpj: "99100000010",
    birth_day: "17",
    birth_month: "8",
    birth_year: "1975",
};

/// Signs `who` up through the pages with the code from the server's log; ends on "Akun saya".
pub async fn sign_up<'a>(s: &'a Session, who: &Registration) -> Screen<'a> {
    let flow = RegisterFlow::open(&s.browser).await;
    flow.submit(who).await;
    let before = s.server.codes_printed();
    flow.send_code().await;
    let code = s.server.next_code(before).await;
    flow.enter_code(&code).await;
    flow.screen.wait_path("/akun").await;
    flow.screen.wait("account-name").await;
    flow.screen
}

/// A one-page PDF letter for `kind` ("Dokumen ktp"), written to `dir`.
pub fn letter(dir: &Path, kind: DocumentKind) -> std::path::PathBuf {
    crate::fixtures::write(
        dir,
        &format!("{}.pdf", kind.as_str()),
        &crate::fixtures::letter_pdf(&format!("Dokumen {}", kind.as_str())),
    )
}

/// Waits up to `limit` for `check` to give something.
pub async fn poll<T, F, Fut>(limit: Duration, what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = Instant::now() + limit;
    loop {
        if let Some(found) = check().await {
            return found;
        }
        assert!(Instant::now() < deadline, "{what} within {limit:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// An attribute's value, empty when it is not there.
pub async fn attr(el: &WebElement, name: &str) -> String {
    el.attr(name).await.expect("attr").unwrap_or_default()
}

/// The attribute `name` of every element matching `css`, in page order (no waiting).
pub async fn attrs(browser: &Browser, css: &str, name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for el in browser.driver.find_all(By::Css(css)).await.expect("query") {
        out.push(attr(&el, name).await);
    }
    out
}

/// Every element matching `css` as (its `data-code`, its text), in page order (no waiting).
pub async fn coded_texts(browser: &Browser, css: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for el in browser.driver.find_all(By::Css(css)).await.expect("query") {
        out.push((attr(&el, "data-code").await, el.text().await.expect("text")));
    }
    out
}

/// The texts of every element matching `css`, in page order (no waiting).
pub async fn texts(browser: &Browser, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for el in browser.driver.find_all(By::Css(css)).await.expect("query") {
        out.push(el.text().await.expect("text"));
    }
    out
}
