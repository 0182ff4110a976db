//! The outbox on "Klaim saya": claims kept on the phone until the server has them.

use std::time::Duration;

use thirtyfour::prelude::*;

use crate::account_pages::Screen;
use crate::browser::Browser;
use crate::claim_pages::{attr, poll};

/// One row of "Belum terkirim".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueuedRow {
    pub id: String,
    /// `waiting`, `sending` or `refused`.
    pub status: String,
    /// The codes of the server's reasons, when refused.
    pub reasons: Vec<String>,
    pub text: String,
}

pub struct OutboxPage<'a> {
    pub screen: Screen<'a>,
}

impl<'a> OutboxPage<'a> {
    /// "Klaim saya" showing the outbox.
    pub async fn wait(browser: &'a Browser) -> OutboxPage<'a> {
        let screen = Screen::new(browser);
        screen.wait_path("/klaim-saya").await;
        screen.wait("outbox").await;
        OutboxPage { screen }
    }

    /// The rows as they are now, read in one go (the list redraws while it delivers).
    pub async fn rows(&self) -> Vec<QueuedRow> {
        let rows: Vec<(String, String, Vec<String>, String)> = self
            .screen
            .browser
            .script(
                "return [...document.querySelectorAll('[data-testid=queued-claim]')].map(r => [\
                   r.dataset.id, r.dataset.status, \
                   [...r.querySelectorAll('[data-testid=queued-reason]')].map(e => e.dataset.code), \
                   r.innerText])",
            )
            .await;
        rows.into_iter()
            .map(|(id, status, reasons, text)| QueuedRow {
                id,
                status,
                reasons,
                text,
            })
            .collect()
    }

    /// Waits until the outbox has no row left waiting or being sent (delivered or refused),
    /// with no action on the page.
    pub async fn wait_until_settled(&self, limit: Duration) -> Vec<QueuedRow> {
        poll(limit, "the outbox to deliver", || async {
            let rows = self.rows().await;
            rows.iter().all(|r| r.status == "refused").then_some(rows)
        })
        .await
    }

    /// The claim ids announced as delivered ("Klaim JHT Anda sudah diterima").
    pub async fn delivered(&self) -> Vec<String> {
        let mut ids = Vec::new();
        for el in self
            .screen
            .browser
            .driver
            .find_all(By::Css("[data-testid=delivered]"))
            .await
            .expect("query")
        {
            ids.push(attr(&el, "data-id").await);
        }
        ids
    }

    /// "Hapus" on the row, then "Ya, hapus" in the confirmation.
    pub async fn delete(&self, id: &str) {
        self.answer_delete(id, "delete-yes").await;
    }

    /// "Hapus" on the row, then "Batal" in the confirmation.
    pub async fn cancel_delete(&self, id: &str) {
        self.answer_delete(id, "delete-no").await;
    }

    async fn answer_delete(&self, id: &str, answer: &str) {
        let driver = &self.screen.browser.driver;
        let row = format!("[data-testid=queued-claim][data-id='{id}']");
        driver
            .find(By::Css(format!("{row} [data-testid=queued-delete]")))
            .await
            .expect("Hapus")
            .click()
            .await
            .expect("press Hapus");
        let confirm = driver
            .query(By::Css(format!("{row} [data-testid=delete-confirm]")))
            .first()
            .await
            .expect("the confirmation");
        let said = confirm.text().await.expect("text");
        assert!(said.contains("Hapus klaim ini dari perangkat?"), "{said}");
        confirm
            .find(By::Css(format!("[data-testid={answer}]")))
            .await
            .expect("the answer's button")
            .click()
            .await
            .expect("press it");
    }
}
