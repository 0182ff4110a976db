//! "Periksa jawaban Anda" and the confirmation.

use thirtyfour::prelude::*;

use super::*;
use crate::Browser;
use crate::account_pages::Screen;

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
        coded_texts(self.screen.browser, "[data-testid=review-problem]").await
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
