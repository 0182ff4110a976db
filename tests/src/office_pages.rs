//! Page objects for the back office (`/petugas`): the queue with its filters, one claim with
//! the registry, the automated checks, the documents shown inline and the officer's steps, and
//! the audit trail. Also the staff accounts the office tests create, and a JHT claim by Rina
//! (with a photo of her KTP) for an officer to decide.
//!
//! Ids and `data-testid`s: the queue rows are `queue-row` (`data-id`, `data-status`,
//! `data-overdue`, `data-own`); the claim page's status is `office-status` (`data-status`);
//! checks are `check` (`data-check`, `data-passed`); documents `office-document` (`data-kind`,
//! `data-type`) with `document-image` or `document-pdf`; the step buttons are
//! `take-{transition}` (`take-start_verification`, `take-approve`, …); the choice between steps
//! is radios `action-{transition}`; the request form's selects are `reason-{target}` (target
//! `document-bank_book`, `answer-bank_account`, `outside`); the rejection's boxes
//! `reject-{reason}`.

use std::path::Path;
use std::time::Duration;

use klaim_core::claim::{ClaimReason, DocumentKind, Programme};
use klaim_core::{Bank, Date};
use thirtyfour::prelude::*;

use crate::account_pages::{Screen, SignInPage};
use crate::claim_pages::{Journey, RINA, Sent, attr, poll, sign_up};

/// How long the back office may take to show what a test waits for.
const WAIT: Duration = Duration::from_secs(15);
use crate::fixtures::{document_photo, write};
use crate::server::Staff;
use crate::{Browser, Session, wib_today};

/// An officer with no claim of their own.
pub const OFFICER: Staff<'static> = Staff {
    role: "officer",
    email: "dewi.petugas@bpjsketenagakerjaan.test",
    name: "Dewi Lestari",
    password: "meja kayu jendela hijau",
    nik: None,
};

/// A second officer, who happens to be Rina (her NIK): Rina's claims are hers to see, never to
/// decide.
pub const RINA_AS_OFFICER: Staff<'static> = Staff {
    role: "officer",
    email: "rina.petugas@bpjsketenagakerjaan.test",
    name: "Rina Wulandari",
    password: "meja kayu jendela hijau",
    nik: Some("3374055205919001"),
};

pub const ADMIN: Staff<'static> = Staff {
    role: "admin",
    email: "admin@bpjsketenagakerjaan.test",
    name: "Admin Klaim",
    password: "lampu taman pagi cerah",
    nik: None,
};

/// Signs a staff account in at "Masuk" by e-mail; officers land on the queue, admins on the
/// audit trail.
pub async fn staff_signs_in(browser: &Browser, staff: &Staff<'_>) {
    let page = SignInPage::open(browser).await;
    page.sign_in(staff.email, staff.password).await;
    let landing = if staff.role == "admin" {
        "/petugas/audit"
    } else {
        "/petugas"
    };
    page.screen.wait_path(landing).await;
}

/// Rina signs up and sends a JHT claim after her resignation: a photo of her KTP (shown inline
/// to the officer as an image), PDFs of her KPJ card and bank book. Returns the confirmation's
/// reference; the browser ends on the confirmation page.
pub async fn rina_sends_a_jht_claim(s: &Session, dir: &Path) -> String {
    sign_up(s, &RINA).await;
    rina_sends_her_jht_claim(&s.browser, dir).await
}

/// [`rina_sends_a_jht_claim`] for a Rina already signed in.
pub async fn rina_sends_her_jht_claim(browser: &Browser, dir: &Path) -> String {
    let claim = Journey::start(browser, Programme::Jht, ClaimReason::Resigned).await;
    let results = claim.results().await;
    assert!(results.eligible().await, "{}", results.title().await);
    results.proceed().await;
    let resigned_on = wib_today().add_days(-95).expect("a date");
    claim.answer_event_date(resigned_on).await;
    claim.answer_bank(Bank::Bca, "8031234567").await;
    let documents = claim.documents().await;
    let ktp = write(dir, "ktp.jpg", &document_photo(1200, 800, 7));
    documents.upload(DocumentKind::Ktp, &ktp).await;
    documents
        .upload_letters(dir, &[DocumentKind::KpjCard, DocumentKind::BankBook])
        .await;
    documents.proceed().await;
    let review = claim.review().await;
    review.submit().await;
    Sent::wait(browser).await.reference().await
}

/// Types into inputs by id, replacing what was there, as a person does (select all, delete,
/// type): WebDriver's own clear sends no input event, so an emptied box would keep its value
/// in the app.
pub async fn type_into(browser: &Browser, fields: &[(&str, &str)]) {
    for (id, text) in fields {
        let input = browser
            .driver
            .find(By::Id(*id))
            .await
            .unwrap_or_else(|e| panic!("no #{id}: {e}"));
        input.send_keys(Key::Control + "a").await.expect("select");
        input.send_keys(Key::Backspace).await.expect("delete");
        if !text.is_empty() {
            input.send_keys(*text).await.expect("type");
        }
    }
}

/// "Halaman ini hanya untuk petugas" (or "… hanya untuk admin"): the page an account without
/// the role sees; returns its heading.
pub async fn refused(browser: &Browser) -> String {
    let screen = Screen::new(browser);
    screen.wait("office-refused").await;
    screen.heading().await
}

/// One line of the queue.
#[derive(Clone, Debug)]
pub struct QueueRow {
    pub id: String,
    pub reference: String,
    /// The status's wire word (`submitted`, `verifying`, …).
    pub status: String,
    pub overdue: bool,
    pub own: bool,
    /// "Rp 12.350.000".
    pub amount: String,
    /// The decision due date as shown, with "Terlambat" when overdue.
    pub due: String,
    /// Everything the row says.
    pub text: String,
}

/// `/petugas`: the queue.
pub struct QueuePage<'a> {
    pub screen: Screen<'a>,
}

impl<'a> QueuePage<'a> {
    /// Opens `/petugas` (or `/petugas?…`) and waits for the queue.
    pub async fn open(browser: &'a Browser, path: &str) -> QueuePage<'a> {
        let screen = Screen::new(browser);
        screen.open(path, "office-queue").await;
        QueuePage { screen }
    }

    /// When the app brought the officer here (after signing in).
    pub async fn wait(browser: &'a Browser) -> QueuePage<'a> {
        let screen = Screen::new(browser);
        screen.wait("office-queue").await;
        QueuePage { screen }
    }

    pub async fn rows(&self) -> Vec<QueueRow> {
        let found = self
            .screen
            .browser
            .driver
            .find_all(By::Css("[data-testid=queue-row]"))
            .await
            .expect("query");
        let mut out = Vec::new();
        for el in found {
            let text_of = async |testid: &str| {
                el.find(By::Css(format!("[data-testid={testid}]")))
                    .await
                    .expect(testid)
                    .text()
                    .await
                    .expect("text")
            };
            out.push(QueueRow {
                id: attr(&el, "data-id").await,
                reference: text_of("queue-reference").await,
                status: attr(&el, "data-status").await,
                overdue: attr(&el, "data-overdue").await == "true",
                own: attr(&el, "data-own").await == "true",
                amount: text_of("queue-amount").await,
                due: text_of("queue-due").await,
                text: el.text().await.expect("text"),
            });
        }
        out
    }

    /// Waits for the row of the claim with `reference`.
    pub async fn row(&self, reference: &str) -> QueueRow {
        poll(WAIT, &format!("{reference} in the queue"), || async {
            self.rows()
                .await
                .into_iter()
                .find(|r| r.reference == reference)
        })
        .await
    }

    /// "Tidak ada klaim yang cocok…", when the queue is empty.
    pub async fn is_empty(&self) -> bool {
        self.screen.has("queue-empty").await
    }

    /// Chooses the filters (`None`: "Semua"), types the age, presses "Terapkan saringan".
    pub async fn filter(&self, programme: Option<&str>, status: Option<&str>, older_than: &str) {
        for (id, word) in [("programme", programme), ("status", status)] {
            let css = format!("#{id} option[value='{}']", word.unwrap_or_default());
            self.screen
                .browser
                .driver
                .find(By::Css(css))
                .await
                .expect("the choice is offered")
                .click()
                .await
                .expect("choose");
        }
        type_into(self.screen.browser, &[("older_than_days", older_than)]).await;
        self.screen.press("apply-filter").await;
    }

    /// The address with its query, e.g. `/petugas?status=submitted`.
    pub async fn address(&self) -> String {
        let url = self.screen.browser.driver.current_url().await.expect("url");
        match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_owned(),
        }
    }

    /// Follows the reference of a claim in the queue to its page.
    pub async fn open_claim(&self, reference: &str) -> OfficeClaimPage<'a> {
        let row = self.row(reference).await;
        self.screen
            .browser
            .driver
            .find(By::Css(format!(
                "[data-testid=queue-row][data-id='{}'] [data-testid=queue-reference]",
                row.id
            )))
            .await
            .expect("the reference links to the claim")
            .click()
            .await
            .expect("click");
        OfficeClaimPage::wait(self.screen.browser).await
    }
}

/// One automated check as shown.
#[derive(Clone, Debug)]
pub struct ShownCheck {
    /// `identity_matches`, `membership_inactive`, …
    pub check: String,
    pub passed: bool,
    /// "✓ Identitas cocok: Lolos …".
    pub text: String,
}

/// One document as shown on the claim page.
#[derive(Clone, Debug)]
pub struct ShownDocument {
    pub kind: String,
    /// `jpeg`, `png`, `pdf`.
    pub file_type: String,
    /// `image` or `pdf`: how it is shown inline.
    pub shown_as: String,
    /// The address the browser loads it from (also the "open in a new tab" link).
    pub src: String,
}

/// `/petugas/klaim/:id`: one claim and the officer's steps.
pub struct OfficeClaimPage<'a> {
    pub screen: Screen<'a>,
}

impl<'a> OfficeClaimPage<'a> {
    pub async fn open(browser: &'a Browser, claim_id: &str) -> OfficeClaimPage<'a> {
        let screen = Screen::new(browser);
        screen
            .open(&format!("/petugas/klaim/{claim_id}"), "office-claim")
            .await;
        OfficeClaimPage { screen }
    }

    pub async fn wait(browser: &'a Browser) -> OfficeClaimPage<'a> {
        let screen = Screen::new(browser);
        screen.wait("office-claim").await;
        OfficeClaimPage { screen }
    }

    pub async fn claim_id(&self) -> String {
        attr(&self.screen.wait("office-claim").await, "data-id").await
    }

    pub async fn reference(&self) -> String {
        self.screen.text("office-reference").await
    }

    /// The status's wire word.
    pub async fn status(&self) -> String {
        attr(&self.screen.wait("office-status").await, "data-status").await
    }

    /// The status in words ("Sedang diperiksa").
    pub async fn status_words(&self) -> String {
        self.screen.text("office-status").await
    }

    /// Waits until the claim shows `status` (after a step, or a reload).
    pub async fn wait_status(&self, status: &str) {
        poll(WAIT, &format!("the claim to be {status}"), || async {
            let now = match self.screen.has("office-status").await {
                true => self.status().await,
                false => String::new(),
            };
            (now == status).then_some(())
        })
        .await
    }

    /// The registry's record of the participant, as text.
    pub async fn registry(&self) -> String {
        self.screen.text("registry-participant").await
    }

    /// What was submitted, as text.
    pub async fn submitted(&self) -> String {
        self.screen.text("submitted").await
    }

    pub async fn checks(&self) -> Vec<ShownCheck> {
        self.screen.wait("checks").await;
        let found = self
            .screen
            .browser
            .driver
            .find_all(By::Css("[data-testid=check]"))
            .await
            .expect("query");
        let mut out = Vec::new();
        for el in found {
            out.push(ShownCheck {
                check: attr(&el, "data-check").await,
                passed: attr(&el, "data-passed").await == "true",
                text: el.text().await.expect("text"),
            });
        }
        out
    }

    pub async fn documents(&self) -> Vec<ShownDocument> {
        self.screen.wait("office-documents").await;
        let found = self
            .screen
            .browser
            .driver
            .find_all(By::Css("[data-testid=office-document]"))
            .await
            .expect("query");
        let mut out = Vec::new();
        for el in found {
            let (shown_as, shown) = match el.find(By::Css("[data-testid=document-image]")).await {
                Ok(img) => ("image", img),
                Err(_) => (
                    "pdf",
                    el.find(By::Css("[data-testid=document-pdf]"))
                        .await
                        .expect("an image or a PDF frame"),
                ),
            };
            out.push(ShownDocument {
                kind: attr(&el, "data-kind").await,
                file_type: attr(&el, "data-type").await,
                shown_as: shown_as.to_owned(),
                src: attr(&shown, "src").await,
            });
        }
        out
    }

    /// The size (natural width × height) of the inline image of `kind` once the browser has
    /// loaded and decoded it: proof the bytes came through as a picture. Images load lazily,
    /// as the officer scrolls to them: this scrolls there first.
    pub async fn image_loaded(&self, kind: DocumentKind) -> (u32, u32) {
        let script = format!(
            "const img = document.querySelector(\
               '[data-testid=office-document][data-kind={}] [data-testid=document-image]'); \
             if (!img) return [0, 0]; \
             img.scrollIntoView(); \
             return img.complete ? [img.naturalWidth, img.naturalHeight] : [0, 0];",
            kind.as_str()
        );
        poll(WAIT, "the image to load", || async {
            let (w, h): (u32, u32) = self.screen.browser.script(&script).await;
            (w > 0 && h > 0).then_some((w, h))
        })
        .await
    }

    /// The statuses of the history, oldest first (wire words).
    pub async fn history(&self) -> Vec<String> {
        self.screen.wait("history").await;
        let mut out = Vec::new();
        for el in self
            .screen
            .browser
            .driver
            .find_all(By::Css("[data-testid=history-event]"))
            .await
            .expect("query")
        {
            out.push(attr(&el, "data-status").await);
        }
        out
    }

    /// The reopened items as (target, reason), e.g. `("document-bank_book", "bank_name_differs")`.
    pub async fn open_items(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for el in self
            .screen
            .browser
            .driver
            .find_all(By::Css("[data-testid=open-item]"))
            .await
            .expect("query")
        {
            out.push((
                attr(&el, "data-target").await,
                attr(&el, "data-reason").await,
            ));
        }
        out
    }

    /// The decision as text ("Belum ada keputusan." before one).
    pub async fn outcome(&self) -> String {
        let found = self
            .screen
            .browser
            .driver
            .query(By::Css("[data-testid=outcome], [data-testid=outcome-none]"))
            .first()
            .await
            .expect("the decision section");
        found.text().await.expect("text")
    }

    /// On the officer's own claim: the explanation instead of any step.
    pub async fn own_claim_explained(&self) -> Option<String> {
        if self.screen.has("own-no-actions").await {
            Some(self.screen.text("own-no-actions").await)
        } else {
            None
        }
    }

    /// "Tidak ada tindakan yang dapat diambil pada status ini." (a decided or paid claim).
    pub async fn no_steps(&self) -> bool {
        self.screen.wait("office-actions").await;
        self.screen.has("no-actions").await
    }

    /// The steps offered now (wire words), from the radios or the one open form.
    pub async fn steps_offered(&self) -> Vec<String> {
        self.screen.wait("office-actions").await;
        let driver = &self.screen.browser.driver;
        let radios = driver
            .find_all(By::Css("input[name=action]"))
            .await
            .expect("query");
        let mut out = Vec::new();
        if radios.is_empty() {
            for button in driver
                .find_all(By::Css("[data-testid^=take-]"))
                .await
                .expect("query")
            {
                let id = attr(&button, "data-testid").await;
                out.push(id.trim_start_matches("take-").to_owned());
            }
        } else {
            for radio in radios {
                out.push(radio.value().await.expect("value").unwrap_or_default());
            }
        }
        out
    }

    /// Opens the form of a step: picks its radio when there is a choice.
    pub async fn choose(&self, step: &str) {
        let radio = format!("action-{step}");
        if self.screen.has(&radio).await {
            let el = self.screen.wait(&radio).await;
            if !el.is_selected().await.expect("selected") {
                el.click().await.expect("choose the step");
            }
        }
        self.screen.wait(&format!("take-{step}")).await;
    }

    /// The words on a step's button ("Setujui Rp 12.350.000").
    pub async fn button_words(&self, step: &str) -> String {
        self.choose(step).await;
        self.screen.text(&format!("take-{step}")).await
    }

    /// Presses a step's button (the form already filled).
    pub async fn take(&self, step: &str) {
        self.choose(step).await;
        self.screen.press(&format!("take-{step}")).await;
    }

    /// "Mulai verifikasi", then waits for "Sedang diperiksa".
    pub async fn start_verification(&self) {
        self.take("start_verification").await;
        self.wait_status("verifying").await;
    }

    /// "Minta perbaikan": a reason for each item as (target, reason), e.g.
    /// `("document-bank_book", "bank_name_differs")`, and the note. Does not wait.
    pub async fn request_fix(&self, items: &[(&str, &str)], note: &str) {
        self.choose("request_action").await;
        for (target, reason) in items {
            self.screen
                .browser
                .driver
                .find(By::Css(format!(
                    "[data-testid=reason-{target}] option[value='{reason}']"
                )))
                .await
                .unwrap_or_else(|e| panic!("{reason} is offered for {target}: {e}"))
                .click()
                .await
                .expect("choose the reason");
        }
        type_into(self.screen.browser, &[("note", note)]).await;
        self.screen.press("take-request_action").await;
    }

    /// What the request form shows the participant will read for `target` (after choosing).
    pub async fn preview(&self, target: &str) -> String {
        let css = format!("[data-testid=request-item][data-target={target}] [data-testid=preview]");
        self.screen
            .browser
            .driver
            .query(By::Css(css))
            .first()
            .await
            .expect("a preview")
            .text()
            .await
            .expect("text")
    }

    /// "Setujui": the amount typed (empty: the computed one) and the justification. Does not
    /// wait.
    pub async fn approve(&self, amount: &str, justification: &str) {
        self.choose("approve").await;
        type_into(
            self.screen.browser,
            &[("amount", amount), ("justification", justification)],
        )
        .await;
        self.screen.press("take-approve").await;
    }

    /// "Tolak klaim": ticks the reasons (wire words), the date for `not_eligible_until`, the
    /// note. Does not wait.
    pub async fn reject(&self, reasons: &[&str], until: Option<Date>, note: &str) {
        self.choose("reject").await;
        for reason in reasons {
            let checkbox = self.screen.wait(&format!("reject-{reason}")).await;
            if !checkbox.is_selected().await.expect("selected") {
                checkbox.click().await.expect("tick");
            }
        }
        if let Some(date) = until {
            let (d, m, y) = (
                date.day().to_string(),
                date.month().to_string(),
                date.year().to_string(),
            );
            type_into(
                self.screen.browser,
                &[("until", &d), ("until_month", &m), ("until_year", &y)],
            )
            .await;
        }
        type_into(self.screen.browser, &[("note", note)]).await;
        self.screen.press("take-reject").await;
    }

    /// "Konfirmasi pembayaran" with the bank's reference. Does not wait.
    pub async fn confirm_payment(&self, transfer_reference: &str) {
        self.choose("confirm_payment").await;
        type_into(
            self.screen.browser,
            &[("transfer_reference", transfer_reference)],
        )
        .await;
        self.screen.press("take-confirm_payment").await;
    }

    /// "Tersimpan. Status klaim sekarang: …" after a step.
    pub async fn step_done(&self) -> String {
        self.screen.text("step-done").await
    }

    /// "Petugas lain sudah bertindak lebih dulu…" after a 409.
    pub async fn conflict(&self) -> String {
        self.screen.text("step-conflict").await
    }

    /// The error summary's links as (target id, text); waits for it.
    pub async fn error_summary(&self) -> Vec<(String, String)> {
        self.screen.error_summary().await
    }
}

/// One line of the audit trail.
#[derive(Clone, Debug)]
pub struct AuditRow {
    /// `viewed_claim`, `viewed_document`, `transition`.
    pub action: String,
    pub text: String,
}

/// `/petugas/audit` (admins).
pub struct AuditPage<'a> {
    pub screen: Screen<'a>,
}

impl<'a> AuditPage<'a> {
    /// Opens the trail, of one claim when `claim_id` is given.
    pub async fn open(browser: &'a Browser, claim_id: Option<&str>) -> AuditPage<'a> {
        let screen = Screen::new(browser);
        let path = match claim_id {
            Some(id) => format!("/petugas/audit?claim_id={id}"),
            None => "/petugas/audit".to_owned(),
        };
        screen.open(&path, "office-audit").await;
        AuditPage { screen }
    }

    pub async fn rows(&self) -> Vec<AuditRow> {
        self.screen.wait("office-audit").await;
        let mut out = Vec::new();
        for el in self
            .screen
            .browser
            .driver
            .find_all(By::Css("[data-testid=audit-row]"))
            .await
            .expect("query")
        {
            out.push(AuditRow {
                action: attr(&el, "data-action").await,
                text: el.text().await.expect("text"),
            });
        }
        out
    }
}
