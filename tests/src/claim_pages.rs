//! Page objects for the claim journey: choosing a programme and a reason, the results of the
//! eligibility check, the question pages, the task list, documents and their upload rows,
//! "Periksa jawaban Anda", the confirmation and "Klaim saya". Also the demo personas the claim
//! tests sign up as (crates/klaim-server/src/registry/personas), and signing up.
//!
//! The app keeps a claim in memory, so after the first page everything is reached by pressing
//! what a person would press: loading a page again would start the claim over.

use std::path::Path;
use std::time::{Duration, Instant};

use klaim_core::claim::{ClaimReason, DocumentKind, Programme};
use klaim_core::{Bank, Date};
use serde::Deserialize;
use thirtyfour::prelude::*;

use crate::account_pages::{RegisterFlow, Registration, Screen};
use crate::{Browser, Session};

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

/// The texts of every element matching `css`, in page order (no waiting).
pub async fn texts(browser: &Browser, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for el in browser.driver.find_all(By::Css(css)).await.expect("query") {
        out.push(el.text().await.expect("text"));
    }
    out
}

/// One claim journey, from the programme chosen to the confirmation.
pub struct Journey<'a> {
    pub screen: Screen<'a>,
    pub programme: Programme,
    pub reason: ClaimReason,
}

impl<'a> Journey<'a> {
    /// Opens "Klaim apa yang ingin Anda ajukan?" (a page load: the claim starts empty), chooses
    /// the programme, then the reason, and presses Lanjutkan.
    pub async fn start(browser: &'a Browser, programme: Programme, reason: ClaimReason) -> Self {
        let screen = Screen::new(browser);
        screen.open("/klaim", "programmes").await;
        Journey::choose(screen, programme, reason).await
    }

    /// As [`Journey::start`], following a link inside the app (works while the server is gone).
    pub async fn start_within_app(
        browser: &'a Browser,
        programme: Programme,
        reason: ClaimReason,
    ) -> Self {
        let screen = Screen::new(browser);
        screen.go_within_app("/klaim", "programmes").await;
        Journey::choose(screen, programme, reason).await
    }

    async fn choose(screen: Screen<'a>, programme: Programme, reason: ClaimReason) -> Self {
        screen
            .press(&format!("programme-{}", programme.as_str()))
            .await;
        screen.wait("reason-form").await;
        let radio = screen.wait(&format!("reason-{}", reason.as_str())).await;
        if !radio.is_selected().await.expect("selected") {
            radio.click().await.expect("choose the reason");
        }
        screen.press("continue").await;
        Journey {
            screen,
            programme,
            reason,
        }
    }

    pub fn browser(&self) -> &'a Browser {
        self.screen.browser
    }

    /// `/klaim/jht/resigned/{word}`.
    pub fn path(&self, word: &str) -> String {
        format!(
            "/klaim/{}/{}/{word}",
            self.programme.as_str(),
            self.reason.as_str()
        )
    }

    /// Waits for the page `word` of this journey with the element `testid`.
    async fn at(&self, word: &str, testid: &str) {
        self.screen.wait_path(&self.path(word)).await;
        self.screen.wait(testid).await;
    }

    pub async fn results(&self) -> Results<'a> {
        self.at("hasil", "eligibility").await;
        Results {
            screen: self.screen,
        }
    }

    /// "Tanggal surat pengunduran diri" (or the reason's own words): types the date, Lanjutkan.
    pub async fn answer_event_date(&self, date: Date) {
        self.at("tanggal", "event-date-form").await;
        let (day, month, year) = (
            date.day().to_string(),
            date.month().to_string(),
            date.year().to_string(),
        );
        self.screen
            .fill(&[
                ("event_date", &day),
                ("event_date_month", &month),
                ("event_date_year", &year),
            ])
            .await;
        self.screen.press("continue").await;
    }

    /// "Data peserta yang meninggal": NIK, KPJ and birth date, Lanjutkan.
    pub async fn answer_deceased(&self, who: &Deceased) {
        self.at("almarhum", "deceased-form").await;
        self.screen
            .fill(&[
                ("deceased_nik", who.nik),
                ("deceased_kpj", who.kpj),
                ("deceased_birth_date", who.birth_day),
                ("deceased_birth_date_month", who.birth_month),
                ("deceased_birth_date_year", who.birth_year),
            ])
            .await;
        self.screen.press("continue").await;
    }

    /// "Tentang kecelakaan kerja": types the date and amounts, picks the radios, Lanjutkan.
    pub async fn answer_accident(&self, typed: &AccidentTyped<'_>) {
        self.at("kecelakaan", "accident-form").await;
        let date = typed.happened_on;
        let (day, month, year) = (
            date.day().to_string(),
            date.month().to_string(),
            date.year().to_string(),
        );
        self.screen
            .fill(&[
                ("accident_on", &day),
                ("accident_on_month", &month),
                ("accident_on_year", &year),
                ("days", typed.days),
                ("medical", typed.medical),
            ])
            .await;
        for (group, word) in [
            ("place", typed.place),
            ("outcome", typed.outcome),
            ("transport", typed.transport),
        ] {
            let radio = self.screen.wait(&format!("{group}-{word}")).await;
            if !radio.is_selected().await.expect("selected") {
                radio.click().await.expect("choose");
            }
        }
        if typed.transport != "none" {
            self.screen
                .fill(&[("transport_cost", typed.transport_cost)])
                .await;
        }
        self.screen.press("continue").await;
    }

    /// "Rekening bank untuk pembayaran": chooses the bank, types the number, Lanjutkan.
    pub async fn answer_bank(&self, bank: Bank, number: &str) {
        self.at("rekening", "bank-form").await;
        self.screen
            .browser
            .driver
            .find(By::Css(format!("#bank option[value='{}']", bank.code())))
            .await
            .expect("the bank is offered")
            .click()
            .await
            .expect("choose the bank");
        self.screen.fill(&[("account_number", number)]).await;
        self.screen.press("continue").await;
    }

    /// "NPWP": types it (or leaves it empty, as a person without one does), Lanjutkan.
    pub async fn answer_npwp(&self, npwp: &str) {
        self.at("npwp", "npwp-form").await;
        if !npwp.is_empty() {
            self.screen.fill(&[("npwp", npwp)]).await;
        }
        self.screen.press("continue").await;
    }

    /// The explanation of an account in someone else's name, once the bank has answered.
    pub async fn bank_mismatch(&self) -> String {
        let panel = self.screen.wait("bank-mismatch").await;
        poll(
            Duration::from_secs(15),
            "the holder's name explained",
            || {
                let panel = panel.clone();
                async move {
                    let shown = panel.is_displayed().await.expect("displayed");
                    let text = panel.text().await.expect("text");
                    (shown && !text.is_empty()).then_some(text)
                }
            },
        )
        .await
    }

    pub async fn tasks(&self) -> Tasks<'a> {
        self.at("tugas", "task-list").await;
        Tasks {
            screen: self.screen,
        }
    }

    pub async fn documents(&self) -> Documents<'a> {
        self.at("dokumen", "documents-form").await;
        Documents {
            screen: self.screen,
        }
    }

    pub async fn review(&self) -> Review<'a> {
        self.at("periksa", "submit-form").await;
        Review {
            screen: self.screen,
        }
    }
}

/// The results of the eligibility check (`…/hasil`).
pub struct Results<'a> {
    pub screen: Screen<'a>,
}

impl Results<'_> {
    pub async fn eligible(&self) -> bool {
        let panel = self.screen.wait("eligibility").await;
        panel.attr("data-eligible").await.expect("attr").as_deref() == Some("true")
    }

    pub async fn title(&self) -> String {
        self.screen.text("results-title").await
    }

    pub async fn lump_sum(&self) -> String {
        self.screen.text("estimate-lump-sum").await
    }

    /// The kinds listed under "Dokumen yang diperlukan" (`phk_proof` for the proofs of PHK).
    pub async fn documents_needed(&self) -> Vec<String> {
        let found = self
            .screen
            .browser
            .driver
            .find_all(By::Css("[data-testid=document-needed]"))
            .await
            .expect("query");
        let mut kinds = Vec::new();
        for el in found {
            kinds.push(
                el.attr("data-kind")
                    .await
                    .expect("attr")
                    .unwrap_or_default(),
            );
        }
        kinds
    }

    /// Why the claim cannot be made: (code, text with what to do) for each reason.
    pub async fn blockers(&self) -> Vec<(String, String)> {
        self.screen.wait("blockers").await;
        let found = self
            .screen
            .browser
            .driver
            .find_all(By::Css("[data-testid=blockers] [data-testid=blocker]"))
            .await
            .expect("query");
        let mut out = Vec::new();
        for el in found {
            let code = el
                .attr("data-code")
                .await
                .expect("attr")
                .unwrap_or_default();
            out.push((code, el.text().await.expect("text")));
        }
        out
    }

    /// Lanjutkan (only there when the claim can be made now).
    pub async fn proceed(&self) {
        self.screen.press("continue").await;
    }
}

/// A part of a multi-part claim on its task list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Task {
    /// `deceased`, `bank_account`, `documents`, `review`.
    pub key: String,
    /// `done`, `todo`, `cannot_start`, `problem`.
    pub status: String,
    /// The status as read: "Selesai", "Belum selesai", …
    pub words: String,
}

/// The task list (`…/tugas`).
pub struct Tasks<'a> {
    pub screen: Screen<'a>,
}

impl Tasks<'_> {
    pub async fn all(&self) -> Vec<Task> {
        let found = self
            .screen
            .browser
            .driver
            .find_all(By::Css("[data-testid=task]"))
            .await
            .expect("query");
        let mut out = Vec::new();
        for el in found {
            let key = el
                .attr("data-task")
                .await
                .expect("attr")
                .unwrap_or_default();
            let status = el
                .find(By::Css("[data-testid=task-status]"))
                .await
                .expect("status");
            out.push(Task {
                key,
                status: status
                    .attr("data-status")
                    .await
                    .expect("attr")
                    .unwrap_or_default(),
                words: status.text().await.expect("text"),
            });
        }
        out
    }

    /// (key, words) of every part, e.g. `("bank_account", "Belum selesai")`.
    pub async fn statuses(&self) -> Vec<(String, String)> {
        self.all()
            .await
            .into_iter()
            .map(|t| (t.key, t.words))
            .collect()
    }

    /// Follows the link of a part (there is none while it cannot start).
    pub async fn open(&self, key: &str) {
        self.screen
            .browser
            .driver
            .find(By::Css(format!("[data-testid=task][data-task={key}] a")))
            .await
            .unwrap_or_else(|e| panic!("no link for the task {key}: {e}"))
            .click()
            .await
            .expect("click");
    }
}

/// What the page showed of one upload row over time (recorded in the page, see
/// [`Documents::watch`]).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct UploadSeen {
    /// Each `data-state` the row had, in order: `empty`, `checking`, `uploading`, `done`, …
    pub states: Vec<String>,
    /// `performance.now()` in ms when each state appeared.
    pub at: Vec<f64>,
    /// Each value the progress bar showed, in order.
    pub progress: Vec<f64>,
}

impl UploadSeen {
    /// Milliseconds from the first `from` state to the first `to` state after it.
    pub fn ms_between(&self, from: &str, to: &str) -> Option<f64> {
        let start = self.states.iter().position(|s| s == from)?;
        let end = start + self.states[start..].iter().position(|s| s == to)?;
        Some(self.at[end] - self.at[start])
    }
}

/// One document's row as it stands.
#[derive(Clone, Debug)]
pub struct UploadRow {
    pub state: String,
    /// "JPEG · Ukuran yang dikirim: 412 KB".
    pub size: Option<String>,
    pub thumbnail: bool,
    /// The inline message, without its screen-reader prefix.
    pub error: Option<String>,
    /// Everything the row says.
    pub text: String,
}

/// "Unggah dokumen" (`…/dokumen`).
pub struct Documents<'a> {
    pub screen: Screen<'a>,
}

impl Documents<'_> {
    fn row_css(kind: DocumentKind) -> String {
        format!("[data-testid=document][data-kind={}]", kind.as_str())
    }

    /// The kinds asked for on the page, in page order.
    pub async fn kinds(&self) -> Vec<String> {
        let found = self
            .screen
            .browser
            .driver
            .find_all(By::Css("[data-testid=document]"))
            .await
            .expect("query");
        let mut kinds = Vec::new();
        for el in found {
            kinds.push(
                el.attr("data-kind")
                    .await
                    .expect("attr")
                    .unwrap_or_default(),
            );
        }
        kinds
    }

    /// The kinds asked for on the page, in page order, read as klaim-core's kinds.
    pub async fn asked(&self) -> Vec<DocumentKind> {
        self.kinds()
            .await
            .iter()
            .map(|word| {
                DocumentKind::from_wire(word).unwrap_or_else(|| panic!("unknown kind {word}"))
            })
            .collect()
    }

    /// Uploads a one-page letter (`letter`) for each of `kinds`.
    pub async fn upload_letters(&self, dir: &Path, kinds: &[DocumentKind]) {
        for &kind in kinds {
            self.upload(kind, &letter(dir, kind)).await;
        }
    }

    /// Starts recording, inside the page, every state and progress value of every upload row
    /// with its time: states that last a few milliseconds are caught too, which polling from
    /// here would miss.
    pub async fn watch(&self) {
        let _: () = self
            .screen
            .browser
            .script(
                "if (!window.__klaimUploads) {
                   const seen = window.__klaimUploads = {};
                   const scan = () => {
                     const now = performance.now();
                     document.querySelectorAll('[data-testid=document]').forEach(row => {
                       const kind = row.dataset.kind;
                       const rec = seen[kind] || (seen[kind] = { states: [], at: [], progress: [] });
                       const state = row.dataset.state;
                       if (rec.states[rec.states.length - 1] !== state) {
                         rec.states.push(state);
                         rec.at.push(now);
                       }
                       const bar = row.querySelector('progress');
                       if (bar) {
                         const value = Number(bar.getAttribute('value') ?? bar.value);
                         if (rec.progress[rec.progress.length - 1] !== value) rec.progress.push(value);
                       }
                     });
                   };
                   new MutationObserver(scan).observe(document.body, {
                     subtree: true, childList: true, attributes: true,
                     attributeFilter: ['data-state', 'value'],
                   });
                   scan();
                 }
                 return null;",
            )
            .await;
    }

    /// What [`Documents::watch`] recorded for one row.
    pub async fn seen(&self, kind: DocumentKind) -> UploadSeen {
        let ret = self
            .screen
            .browser
            .driver
            .execute(
                format!(
                    "const all = window.__klaimUploads || {{}}; return all[{:?}] || null;",
                    kind.as_str()
                ),
                Vec::new(),
            )
            .await
            .expect("script");
        ret.convert::<Option<UploadSeen>>()
            .expect("recorded states")
            .unwrap_or_default()
    }

    /// Clears what [`Documents::watch`] recorded for one row (before choosing its next file).
    pub async fn forget(&self, kind: DocumentKind) {
        let _: () = self
            .screen
            .browser
            .script(&format!(
                "const r = (window.__klaimUploads || {{}})[{:?}]; \
                 if (r) {{ r.states.length = 0; r.at.length = 0; r.progress.length = 0; }} \
                 return null;",
                kind.as_str()
            ))
            .await;
    }

    /// Gives the row's file input a file (as choosing it in the file picker does).
    pub async fn choose(&self, kind: DocumentKind, file: &Path) {
        let input = self
            .screen
            .browser
            .driver
            .query(By::Css(format!(
                "{} [data-testid=upload-input]",
                Self::row_css(kind)
            )))
            .first()
            .await
            .unwrap_or_else(|e| panic!("no upload for {}: {e}", kind.as_str()));
        input
            .send_keys(file.to_str().expect("a UTF-8 path"))
            .await
            .expect("choose the file");
    }

    /// Waits (up to 60 s) until the row has finished with its file: `done`, `kept` (on the
    /// phone, waiting for the outbox), `refused` or `failed`.
    pub async fn settled(&self, kind: DocumentKind) -> UploadRow {
        poll(
            Duration::from_secs(60),
            &format!("the {} upload to finish", kind.as_str()),
            || async {
                let row = self.row(kind).await;
                matches!(row.state.as_str(), "done" | "kept" | "refused" | "failed").then_some(row)
            },
        )
        .await
    }

    /// Chooses `file` for `kind` and waits until it is uploaded.
    pub async fn upload(&self, kind: DocumentKind, file: &Path) -> UploadRow {
        self.settle_as(kind, file, "done").await
    }

    /// Chooses `file` for `kind` while the server is gone and waits until it is kept on the
    /// phone for the outbox.
    pub async fn keep(&self, kind: DocumentKind, file: &Path) -> UploadRow {
        self.settle_as(kind, file, "kept").await
    }

    async fn settle_as(&self, kind: DocumentKind, file: &Path, state: &str) -> UploadRow {
        self.choose(kind, file).await;
        let row = self.settled(kind).await;
        assert_eq!(row.state, state, "{}: {}", kind.as_str(), row.text);
        row
    }

    pub async fn row(&self, kind: DocumentKind) -> UploadRow {
        let row = self
            .screen
            .browser
            .driver
            .query(By::Css(Self::row_css(kind)))
            .first()
            .await
            .unwrap_or_else(|e| panic!("no row for {}: {e}", kind.as_str()));
        let state = row
            .attr("data-state")
            .await
            .expect("attr")
            .unwrap_or_default();
        let size = match row.find_all(By::Css("[data-testid=upload-size]")).await {
            Ok(found) => match found.first() {
                Some(el) => Some(el.text().await.expect("text")),
                None => None,
            },
            Err(_) => None,
        };
        let thumbnail = !row
            .find_all(By::Css("[data-testid=upload-thumbnail]"))
            .await
            .expect("query")
            .is_empty();
        let error = crate::pages::inline_error(self.screen.browser, kind.as_str()).await;
        UploadRow {
            state,
            size,
            thumbnail,
            error,
            text: row.text().await.expect("text"),
        }
    }

    /// The thumbnail's image as decoded by the browser: (natural width, natural height).
    pub async fn thumbnail_size(&self, kind: DocumentKind) -> (u32, u32) {
        let css = format!("{} [data-testid=upload-thumbnail]", Self::row_css(kind));
        let img = self
            .screen
            .browser
            .driver
            .query(By::Css(css.clone()))
            .first()
            .await
            .expect("a thumbnail");
        poll(Duration::from_secs(10), "the thumbnail decoded", || {
            let img = img.clone();
            async move {
                let w = img.prop("naturalWidth").await.ok().flatten()?;
                let h = img.prop("naturalHeight").await.ok().flatten()?;
                let (w, h) = (w.parse::<u32>().ok()?, h.parse::<u32>().ok()?);
                (w > 0 && h > 0).then_some((w, h))
            }
        })
        .await
    }

    pub async fn proceed(&self) {
        self.screen.press("continue").await;
    }
}

/// One row of "Periksa jawaban Anda".
#[derive(Clone, Debug)]
pub struct ReviewRow {
    /// `answer-programme`, `answer-reason`, `answer`, `answer-document`.
    pub testid: String,
    pub label: String,
    pub value: String,
    /// Where its "Ubah" leads, when it has one.
    pub change: Option<String>,
    /// What "Ubah" says, screen-reader text included ("Ubah Rekening bank …").
    pub change_text: Option<String>,
}

/// "Periksa jawaban Anda" (`…/periksa`).
pub struct Review<'a> {
    pub screen: Screen<'a>,
}

impl Review<'_> {
    pub async fn rows(&self) -> Vec<ReviewRow> {
        let found = self
            .screen
            .browser
            .driver
            .find_all(By::Css(".summary-list__row[data-testid^=answer]"))
            .await
            .expect("query");
        let mut out = Vec::new();
        for el in found {
            let testid = el
                .attr("data-testid")
                .await
                .expect("attr")
                .unwrap_or_default();
            let label = el.find(By::Tag("dt")).await.expect("dt").text().await;
            let value = el
                .find(By::Css("[data-testid=value]"))
                .await
                .expect("value")
                .text()
                .await;
            let links = el
                .find_all(By::Css("[data-testid=change]"))
                .await
                .expect("query");
            let (change, change_text) = match links.first() {
                Some(a) => (
                    a.attr("href").await.expect("href"),
                    Some(
                        a.prop("textContent")
                            .await
                            .expect("text")
                            .unwrap_or_default(),
                    ),
                ),
                None => (None, None),
            };
            out.push(ReviewRow {
                testid,
                label: label.expect("text"),
                value: value.expect("text"),
                change,
                change_text,
            });
        }
        out
    }

    /// The problems listed before sending, as (code, text); waits for the list.
    pub async fn problems(&self) -> Vec<(String, String)> {
        self.screen.wait("review-problems").await;
        let found = self
            .screen
            .browser
            .driver
            .find_all(By::Css("[data-testid=review-problem]"))
            .await
            .expect("query");
        let mut out = Vec::new();
        for el in found {
            let code = el
                .attr("data-code")
                .await
                .expect("attr")
                .unwrap_or_default();
            out.push((code, el.text().await.expect("text")));
        }
        out
    }

    pub async fn submit_label(&self) -> String {
        self.screen.text("submit-claim").await
    }

    pub async fn submit(&self) {
        self.screen.press("submit-claim").await;
    }

    /// Starts noting, inside the page, the method and address of every request the app makes
    /// through `fetch` (the API client's way to send a claim).
    pub async fn record_requests(&self) {
        let _: () = self
            .screen
            .browser
            .script(
                "if (!window.__klaimRequests) {
                   const seen = window.__klaimRequests = [];
                   const original = window.fetch;
                   window.fetch = function (input, init) {
                     const url = typeof input === 'string' ? input : input.url;
                     const method = (init && init.method) || (input && input.method) || 'GET';
                     seen.push(method.toUpperCase() + ' ' + new URL(url, location.href).pathname);
                     return original.apply(this, arguments);
                   };
                 }
                 return null;",
            )
            .await;
    }

    /// What [`Review::record_requests`] noted: `"PUT /api/v1/claims/…"`, …
    pub async fn requests(&self) -> Vec<String> {
        self.screen
            .browser
            .script("return window.__klaimRequests || []")
            .await
    }

    /// Two clicks on "Kirim klaim" in the same instant, as an impatient thumb does: the second
    /// lands before the page could react to the first.
    pub async fn submit_twice(&self) {
        let _: () = self
            .screen
            .browser
            .script(
                "const button = document.querySelector('[data-testid=submit-claim]'); \
                 button.click(); button.click(); return null;",
            )
            .await;
    }
}

/// The confirmation (`/klaim/terkirim/:id`).
pub struct Sent<'a> {
    pub screen: Screen<'a>,
}

impl<'a> Sent<'a> {
    pub async fn wait(browser: &'a Browser) -> Sent<'a> {
        let screen = Screen::new(browser);
        screen.wait("sent").await;
        Sent { screen }
    }

    pub async fn reference(&self) -> String {
        self.screen.text("sent-reference").await
    }

    /// Every reference the confirmation shows (the large one, and the record's).
    pub async fn references(&self) -> Vec<String> {
        texts(
            self.screen.browser,
            "[data-testid=sent-reference], [data-testid=claim-reference]",
        )
        .await
    }

    /// The font the reference is drawn in, as the browser resolved it.
    pub async fn reference_font(&self) -> String {
        self.screen
            .browser
            .script(
                "return getComputedStyle(document.querySelector('[data-testid=sent-reference]')).fontFamily",
            )
            .await
    }

    pub async fn due(&self) -> String {
        self.screen.text("sent-due").await
    }

    pub async fn to_my_claims(&self) -> MyClaims<'a> {
        self.screen.press("to-my-claims").await;
        MyClaims::wait(self.screen.browser).await
    }
}

/// A line of "Klaim saya".
#[derive(Clone, Debug)]
pub struct ClaimLine {
    pub title: String,
    pub reference: String,
    /// `submitted`, …
    pub status: String,
    /// "Diterima", …
    pub status_words: String,
}

/// "Klaim saya" (`/klaim-saya`).
pub struct MyClaims<'a> {
    pub screen: Screen<'a>,
}

impl<'a> MyClaims<'a> {
    pub async fn wait(browser: &'a Browser) -> MyClaims<'a> {
        let screen = Screen::new(browser);
        screen.wait_path("/klaim-saya").await;
        screen.wait("make-claim").await;
        MyClaims { screen }
    }

    /// The claims listed, once the list has loaded.
    pub async fn lines(&self) -> Vec<ClaimLine> {
        let driver = &self.screen.browser.driver;
        driver
            .query(By::Css("[data-testid=claim-list], [data-testid=no-claims]"))
            .first()
            .await
            .expect("the list loads");
        let mut out = Vec::new();
        for row in driver
            .find_all(By::Css("[data-testid=claim-row]"))
            .await
            .expect("query")
        {
            let text_of = |css: &'static str| {
                let row = row.clone();
                async move {
                    row.find(By::Css(css))
                        .await
                        .expect(css)
                        .text()
                        .await
                        .expect("text")
                }
            };
            let status = row
                .find(By::Css("[data-testid=claim-status]"))
                .await
                .expect("status");
            out.push(ClaimLine {
                title: text_of("[data-testid=claim-link]").await,
                reference: text_of("[data-testid=claim-reference]").await,
                status: status
                    .attr("data-status")
                    .await
                    .expect("attr")
                    .unwrap_or_default(),
                status_words: status.text().await.expect("text"),
            });
        }
        out
    }
}

/// Whether `text` has the shape of a claim reference: `KLM-` two digits `-` four `-` four, the
/// groups of digits and capital letters (`KLM-26-7QX4-M2PA`).
pub fn looks_like_reference(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    let alnum = |g: &str| {
        g.len() == 4
            && g.chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
    };
    matches!(groups.as_slice(), ["KLM", year, a, b]
        if year.len() == 2 && year.chars().all(|c| c.is_ascii_digit()) && alnum(a) && alnum(b))
}

#[cfg(test)]
mod tests {
    use super::looks_like_reference;

    #[test]
    fn reference_shape() {
        assert!(looks_like_reference("KLM-26-7QX4-M2PA"));
        for bad in [
            "KLM-26-7QX4-M2P",
            "KLM-2A-7QX4-M2PA",
            "KLM-26-7qx4-M2PA",
            "KLM-26-7QX4-M2PA-",
            "XLM-26-7QX4-M2PA",
            " KLM-26-7QX4-M2PA",
        ] {
            assert!(!looks_like_reference(bad), "{bad}");
        }
    }
}
