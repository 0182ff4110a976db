//! Page objects for following a claim: a claim's page in "Klaim saya" (status, timeline, what
//! to fix, the decision, the receipt, the last known status when offline), the fix page,
//! "Notifikasi" and the header's unread count; and an officer's steps sent through the API from
//! a signed-in officer's browser.

use std::time::Duration;

use klaim_core::api::office::OfficerStep;
use klaim_core::{Bank, Date};
use thirtyfour::prelude::*;

use crate::Browser;
use crate::account_pages::{Screen, SignInPage};
use crate::claim_pages::{Documents, attr, poll};

/// The text of the first `css` inside `el`, if there is one.
async fn text_in(el: &WebElement, css: &str) -> Option<String> {
    let found = el.find_all(By::Css(css)).await.expect("query");
    match found.first() {
        Some(e) => Some(e.text().await.expect("text")),
        None => None,
    }
}

async fn texts_in(el: &WebElement, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for e in el.find_all(By::Css(css)).await.expect("query") {
        out.push(e.text().await.expect("text"));
    }
    out
}

/// One step of the timeline as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineStep {
    /// A status's wire word (`submitted`, …) or `decision` for the decision ahead.
    pub step: String,
    /// `done`, `current`, `upcoming`.
    pub state: String,
    /// "Diterima", "Sedang diperiksa", …
    pub title: String,
    /// The date taken, or the deadline of the decision ahead.
    pub when: Option<String>,
}

/// One item of "Perlu tindakan" (or a reason of a rejection) as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReasonSeen {
    /// The reason's code, from `data-code` (never shown as text).
    pub code: String,
    /// `document:bank_book`, `answer:bank_account`, `outside` (empty for a rejection).
    pub target: String,
    /// Which document or answer, in words (empty for a rejection).
    pub what: String,
    /// "Apa yang salah: …".
    pub message: String,
    /// "Siapa yang dapat memperbaikinya: Bank Anda", when someone can.
    pub fixer: Option<String>,
    pub steps: Vec<String>,
}

async fn reason_seen(el: &WebElement) -> ReasonSeen {
    ReasonSeen {
        code: attr(el, "data-code").await,
        target: attr(el, "data-target").await,
        what: text_in(el, "[data-testid=action-target]")
            .await
            .unwrap_or_default(),
        message: text_in(el, "[data-testid=reason-message]")
            .await
            .unwrap_or_default(),
        fixer: text_in(el, "[data-testid=reason-fixer]").await,
        steps: texts_in(el, "[data-testid=reason-step]").await,
    }
}

/// A claim's page (`/klaim-saya/:id`).
pub struct ClaimPage<'a> {
    pub screen: Screen<'a>,
}

impl<'a> ClaimPage<'a> {
    /// Loads `/klaim-saya/{id}` and waits for the claim (or its last known status).
    pub async fn open(browser: &'a Browser, claim_id: &str) -> ClaimPage<'a> {
        browser.open(&format!("/klaim-saya/{claim_id}")).await;
        ClaimPage::wait(browser).await
    }

    /// Waits for the claim to be drawn.
    pub async fn wait(browser: &'a Browser) -> ClaimPage<'a> {
        let screen = Screen::new(browser);
        screen.wait("status-panel").await;
        ClaimPage { screen }
    }

    fn driver(&self) -> &WebDriver {
        &self.screen.browser.driver
    }

    /// The status's wire word (`data-status` of the status panel).
    pub async fn status(&self) -> String {
        attr(&self.screen.wait("status-panel").await, "data-status").await
    }

    /// The status in words ("Sedang diperiksa").
    pub async fn status_title(&self) -> String {
        self.screen.text("status-title").await
    }

    /// What the status means and what happens next.
    pub async fn next_step(&self) -> String {
        self.screen.text("next-step").await
    }

    /// "Keputusan paling lambat …", while undecided.
    pub async fn decision_due(&self) -> Option<String> {
        match self.screen.has("decision-due").await {
            true => Some(self.screen.text("decision-due").await),
            false => None,
        }
    }

    /// Waits until the page shows `status` (it refreshes itself every 30 s while visible).
    pub async fn wait_status(&self, status: &str, limit: Duration) {
        poll(
            limit,
            &format!("the claim's page showing {status}"),
            || async {
                let panels = self
                    .driver()
                    .find_all(By::Css("[data-testid=status-panel]"))
                    .await
                    .expect("query");
                let now = match panels.first() {
                    Some(p) => attr(p, "data-status").await,
                    None => String::new(),
                };
                (now == status).then_some(())
            },
        )
        .await;
    }

    pub async fn timeline(&self) -> Vec<TimelineStep> {
        self.screen.wait("timeline").await;
        let mut out = Vec::new();
        for el in self
            .driver()
            .find_all(By::Css("[data-testid=timeline-step]"))
            .await
            .expect("query")
        {
            out.push(TimelineStep {
                step: attr(&el, "data-step").await,
                state: attr(&el, "data-state").await,
                title: text_in(&el, "[data-testid=timeline-title]")
                    .await
                    .unwrap_or_default(),
                when: text_in(&el, "[data-testid=timeline-when]").await,
            });
        }
        out
    }

    /// The items of "Perlu tindakan" (empty when the section is not there).
    pub async fn needs_action(&self) -> Vec<ReasonSeen> {
        let mut out = Vec::new();
        for el in self
            .driver()
            .find_all(By::Css(
                "[data-testid=needs-action] [data-testid=action-item]",
            ))
            .await
            .expect("query")
        {
            out.push(reason_seen(&el).await);
        }
        out
    }

    /// The reasons of a rejection.
    pub async fn rejection(&self) -> Vec<ReasonSeen> {
        let mut out = Vec::new();
        for el in self
            .driver()
            .find_all(By::Css("[data-testid=rejection-reason]"))
            .await
            .expect("query")
        {
            out.push(reason_seen(&el).await);
        }
        out
    }

    pub async fn officer_note(&self) -> Option<String> {
        let found = self
            .driver()
            .find_all(By::Css("[data-testid=officer-note] .officer-note__text"))
            .await
            .expect("query");
        match found.first() {
            Some(el) => Some(el.text().await.expect("text")),
            None => None,
        }
    }

    /// "Rp 12.350.000", once approved.
    pub async fn approved_amount(&self) -> Option<String> {
        self.optional_text("approved-amount").await
    }

    /// The bank's reference, once paid.
    pub async fn transfer_reference(&self) -> Option<String> {
        self.optional_text("transfer-reference").await
    }

    async fn optional_text(&self, testid: &str) -> Option<String> {
        match self.screen.has(testid).await {
            true => Some(self.screen.text(testid).await),
            false => None,
        }
    }

    /// Where "Unduh tanda terima (PDF)" leads.
    pub async fn receipt_href(&self) -> String {
        receipt_href(self.screen.browser).await
    }

    /// What the page read out to screen readers when the status changed while it was open.
    pub async fn announcement(&self) -> String {
        let el = self.screen.wait("status-announcement").await;
        el.prop("textContent")
            .await
            .expect("text")
            .unwrap_or_default()
    }

    /// "Perbaikan Anda sudah dikirim" is shown.
    pub async fn resubmitted(&self) -> bool {
        self.screen.has("resubmitted").await
    }

    /// Offline: "Terakhir diperbarui: …" when the page shows the last known status.
    pub async fn last_updated(&self) -> Option<String> {
        self.optional_text("last-updated").await
    }

    /// Whether the claim is drawn grey, as the last known status.
    pub async fn is_stale(&self) -> bool {
        let el = self.screen.wait("claim-follow").await;
        attr(&el, "data-offline").await == "true"
    }

    /// "Perbaiki klaim".
    pub async fn start_fix(&self) -> FixPage<'a> {
        self.screen.press("start-fix").await;
        FixPage::wait(self.screen.browser).await
    }
}

/// Where the page's "Unduh tanda terima (PDF)" leads (the confirmation and the claim's page).
pub async fn receipt_href(browser: &Browser) -> String {
    let link = Screen::new(browser).wait("receipt-link").await;
    link.attr("href")
        .await
        .expect("href")
        .expect("the receipt link has an address")
}

/// What `GET {path}` answers with the page's session: (status, Content-Type, the first bytes as
/// text), e.g. `(200, "application/pdf", "%PDF-")`.
pub async fn fetch_head(browser: &Browser, path: &str) -> (u16, String, String) {
    let script = format!(
        "const done = arguments[arguments.length - 1]; \
         fetch({path:?}, {{ credentials: 'same-origin' }}) \
           .then(r => r.arrayBuffer().then(b => done([r.status, r.headers.get('content-type') || '', \
             String.fromCharCode(...new Uint8Array(b.slice(0, 5)))]))) \
           .catch(e => done([0, '', String(e)]));"
    );
    let ret = browser
        .driver
        .execute_async(script, Vec::new())
        .await
        .expect("fetch from the page");
    ret.convert().expect("[status, type, start]")
}

/// "Perbaiki klaim Anda" (`/klaim-saya/:id/perbaiki`).
pub struct FixPage<'a> {
    pub screen: Screen<'a>,
}

impl<'a> FixPage<'a> {
    pub async fn wait(browser: &'a Browser) -> FixPage<'a> {
        let screen = Screen::new(browser);
        screen.wait("fix-form").await;
        FixPage { screen }
    }

    pub async fn open(browser: &'a Browser, claim_id: &str) -> FixPage<'a> {
        browser
            .open(&format!("/klaim-saya/{claim_id}/perbaiki"))
            .await;
        FixPage::wait(browser).await
    }

    /// The reopened items as (reason code, target): `("document_unreadable",
    /// "document:bank_book")`.
    pub async fn items(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for el in self
            .screen
            .browser
            .driver
            .find_all(By::Css("[data-testid=fix-item]"))
            .await
            .expect("query")
        {
            out.push((attr(&el, "data-code").await, attr(&el, "data-target").await));
        }
        out
    }

    /// The upload rows of the reopened documents (the journey's own rows).
    pub fn documents(&self) -> Documents<'a> {
        Documents {
            screen: Screen::new(self.screen.browser),
        }
    }

    /// The kinds that can be uploaded here.
    pub async fn upload_kinds(&self) -> Vec<String> {
        self.documents().kinds().await
    }

    /// Whether an input with this id is on the page (an answer that can change).
    pub async fn has_input(&self, id: &str) -> bool {
        !self
            .screen
            .browser
            .driver
            .find_all(By::Id(id))
            .await
            .expect("query")
            .is_empty()
    }

    /// A reopened bank account: the bank and the number, as typed.
    pub async fn change_bank(&self, bank: Bank, number: &str) {
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
    }

    /// A reopened event date, in its three boxes.
    pub async fn change_event_date(&self, date: Date) {
        let (d, m, y) = (
            date.day().to_string(),
            date.month().to_string(),
            date.year().to_string(),
        );
        self.screen
            .fill(&[
                ("event_date", &d),
                ("event_date_month", &m),
                ("event_date_year", &y),
            ])
            .await;
    }

    /// Types into a field by id (bad input tests).
    pub async fn type_into(&self, id: &str, text: &str) {
        self.screen.fill(&[(id, text)]).await;
    }

    /// "Hal di atas sudah diurus".
    pub async fn confirm_outside(&self) {
        self.screen.press("outside-done").await;
    }

    /// The rest of the claim, read-only, as (label, value).
    pub async fn unchanged(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for el in self
            .screen
            .browser
            .driver
            .find_all(By::Css("[data-testid=fix-unchanged]"))
            .await
            .expect("query")
        {
            let label = text_in(&el, "dt").await.unwrap_or_default();
            let value = text_in(&el, "[data-testid=value]")
                .await
                .unwrap_or_default();
            out.push((label, value));
        }
        out
    }

    /// "Kirim perbaikan".
    pub async fn send(&self) {
        self.screen.press("send-fix").await;
    }

    /// Sends and waits for the claim's page.
    pub async fn send_and_return(&self) -> ClaimPage<'a> {
        self.send().await;
        poll(
            Duration::from_secs(20),
            "back on the claim's page",
            || async {
                let path = self.screen.path().await;
                (path.starts_with("/klaim-saya/") && !path.ends_with("/perbaiki")).then_some(())
            },
        )
        .await;
        ClaimPage::wait(self.screen.browser).await
    }
}

/// One row of "Notifikasi".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotificationSeen {
    pub id: String,
    pub claim_id: String,
    /// The status the claim moved to (wire word).
    pub status: String,
    /// "Status klaim KLM-… berubah: Dibayar".
    pub text: String,
    pub when: String,
    /// Shown with its "Baru" tag (unread when the page opened).
    pub new: bool,
}

/// "Notifikasi" (`/notifikasi`).
pub struct NotificationsPage<'a> {
    pub screen: Screen<'a>,
}

impl<'a> NotificationsPage<'a> {
    pub async fn open(browser: &'a Browser) -> NotificationsPage<'a> {
        browser.open("/notifikasi").await;
        NotificationsPage::wait(browser).await
    }

    /// Through the header's link, without loading the page again.
    pub async fn from_header(browser: &'a Browser) -> NotificationsPage<'a> {
        Screen::new(browser).press("header-notifications").await;
        NotificationsPage::wait(browser).await
    }

    pub async fn wait(browser: &'a Browser) -> NotificationsPage<'a> {
        let screen = Screen::new(browser);
        screen.wait_path("/notifikasi").await;
        browser
            .driver
            .query(By::Css(
                "[data-testid=notifications], [data-testid=no-notifications]",
            ))
            .first()
            .await
            .expect("the notifications load");
        NotificationsPage { screen }
    }

    /// Newest first, as shown.
    pub async fn items(&self) -> Vec<NotificationSeen> {
        let mut out = Vec::new();
        for el in self
            .screen
            .browser
            .driver
            .find_all(By::Css("[data-testid=notification]"))
            .await
            .expect("query")
        {
            out.push(NotificationSeen {
                id: attr(&el, "data-id").await,
                claim_id: attr(&el, "data-claim").await,
                status: attr(&el, "data-status").await,
                text: text_in(&el, "[data-testid=notification-link]")
                    .await
                    .unwrap_or_default(),
                when: text_in(&el, "[data-testid=notification-when]")
                    .await
                    .unwrap_or_default(),
                new: text_in(&el, "[data-testid=notification-new]")
                    .await
                    .is_some(),
            });
        }
        out
    }

    /// Follows the first notification about `claim_id` to the claim's page.
    pub async fn open_claim(&self, claim_id: &str) -> ClaimPage<'a> {
        self.screen
            .browser
            .driver
            .find(By::Css(format!(
                "[data-testid=notification][data-claim='{claim_id}'] a"
            )))
            .await
            .expect("a notification about the claim")
            .click()
            .await
            .expect("click");
        ClaimPage::wait(self.screen.browser).await
    }
}

/// The header's link to the notifications, as shown now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Badge {
    pub unread: u32,
    /// The number drawn on it, when there is one.
    pub count: Option<String>,
    /// What a screen reader hears: "Notifikasi 2 belum dibaca" (the visible "Notifikasi 2" first).
    pub label: String,
}

/// The header's notifications link, if it is there now (no waiting).
pub async fn badge(browser: &Browser) -> Option<Badge> {
    let found = browser
        .driver
        .find_all(By::Css("[data-testid=header-notifications]"))
        .await
        .expect("query");
    let link = found.first()?;
    Some(Badge {
        unread: attr(link, "data-unread").await.parse().unwrap_or(0),
        count: text_in(link, "[data-testid=notification-count]").await,
        label: attr(link, "aria-label").await,
    })
}

/// Waits until the header says `unread` unread notifications (it asks on every navigation and
/// every minute while visible).
pub async fn wait_badge(browser: &Browser, unread: u32, limit: Duration) -> Badge {
    poll(limit, &format!("{unread} unread in the header"), || async {
        badge(browser).await.filter(|b| b.unread == unread)
    })
    .await
}

/// An officer at work in their own browser: signed in by e-mail, taking steps through the API
/// with the browser's session (as the back office does).
pub struct Officer<'a> {
    pub browser: &'a Browser,
}

impl<'a> Officer<'a> {
    /// Signs the officer in on `/masuk`; they land in the back office.
    pub async fn sign_in(browser: &'a Browser, email: &str, password: &str) -> Officer<'a> {
        let page = SignInPage::open(browser).await;
        page.sign_in(email, password).await;
        page.screen.wait_path("/petugas").await;
        Officer { browser }
    }

    /// `POST /api/v1/office/claims/{id}/steps`: (status, body).
    pub async fn step(&self, claim_id: &str, step: &OfficerStep) -> (u16, String) {
        let body = serde_json::to_string(step).expect("a step as JSON");
        api_post(
            self.browser,
            &format!("/api/v1/office/claims/{claim_id}/steps"),
            &body,
        )
        .await
    }

    /// Takes `step` and insists it was accepted.
    pub async fn take(&self, claim_id: &str, step: &OfficerStep) {
        let (status, body) = self.step(claim_id, step).await;
        assert_eq!(status, 200, "{step:?} answered {status}: {body}");
    }
}

/// `POST {path}` with a JSON body from the page, with its session and `X-Klaim-Request`.
pub async fn api_post(browser: &Browser, path: &str, json: &str) -> (u16, String) {
    let script = format!(
        "const done = arguments[arguments.length - 1]; \
         fetch({path:?}, {{ method: 'POST', credentials: 'same-origin', body: {json:?}, headers: \
           {{ 'Accept': 'application/json', 'Content-Type': 'application/json', \
              'X-Klaim-Request': '1' }} }}) \
           .then(r => r.text().then(body => done([r.status, body]))) \
           .catch(e => done([0, String(e)]));"
    );
    let ret = browser
        .driver
        .execute_async(script, Vec::new())
        .await
        .expect("fetch from the page");
    ret.convert().expect("[status, body]")
}
