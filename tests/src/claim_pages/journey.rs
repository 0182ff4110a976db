//! The journey itself: choosing a programme and a reason, then each question page, answered
//! as a person would.

use std::time::Duration;

use klaim_core::claim::{ClaimReason, Programme};
use klaim_core::{Bank, Date};
use thirtyfour::prelude::*;

use super::*;
use crate::Browser;
use crate::account_pages::Screen;

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
