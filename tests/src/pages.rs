//! Page objects: what a person sees and does on each screen, by stable ids and `data-testid`s.

use thirtyfour::prelude::*;

use crate::Browser;

/// The answers of the "Cek data kepesertaan" form, as a person would type them.
#[derive(Clone, Debug, Default)]
pub struct MembershipAnswers {
    pub full_name: &'static str,
    pub nik: &'static str,
    pub kpj: &'static str,
    pub birth_day: &'static str,
    pub birth_month: &'static str,
    pub birth_year: &'static str,
    pub phone: &'static str,
}

impl MembershipAnswers {
    /// Pairs of input id and value, in form order.
    pub fn fields(&self) -> [(&'static str, &'static str); 7] {
        [
            ("full_name", self.full_name),
            ("nik", self.nik),
            ("kpj", self.kpj),
            ("birth_date", self.birth_day),
            ("birth_date_month", self.birth_month),
            ("birth_date_year", self.birth_year),
            ("phone", self.phone),
        ]
    }
}

pub struct CheckPage<'a> {
    pub browser: &'a Browser,
}

impl<'a> CheckPage<'a> {
    /// Opens the start page and waits for the app to render it.
    pub async fn open(browser: &'a Browser) -> CheckPage<'a> {
        browser.open("/").await;
        let page = CheckPage { browser };
        page.wait_ready().await;
        page
    }

    pub async fn wait_ready(&self) {
        self.driver()
            .query(By::Css("[data-testid=membership-form]"))
            .first()
            .await
            .expect("the form renders");
    }

    fn driver(&self) -> &WebDriver {
        &self.browser.driver
    }

    pub async fn fill(&self, answers: &MembershipAnswers) {
        for (id, value) in answers.fields() {
            let input = self.driver().find(By::Id(id)).await.expect("input");
            input.clear().await.expect("clear");
            if !value.is_empty() {
                input.send_keys(value).await.expect("type");
            }
        }
    }

    pub async fn press_continue(&self) {
        self.driver()
            .find(By::Css("[data-testid=continue]"))
            .await
            .expect("button")
            .click()
            .await
            .expect("click");
    }

    pub async fn heading(&self) -> String {
        self.driver()
            .find(By::Tag("h1"))
            .await
            .expect("h1")
            .text()
            .await
            .expect("text")
    }

    pub async fn title(&self) -> String {
        self.driver().title().await.expect("title")
    }

    /// The error summary's links as (target id, text); waits for it to appear.
    pub async fn error_summary(&self) -> Vec<(String, String)> {
        error_summary(self.browser).await
    }

    /// Clicks the summary link that leads to `target`.
    pub async fn follow_summary_link(&self, target: &str) {
        let link = self
            .driver()
            .find(By::Css(format!(
                "[data-testid=error-summary] a[href='#{target}']"
            )))
            .await
            .expect("link");
        link.click().await.expect("click");
    }

    /// The inline message under a field, without its screen-reader prefix.
    pub async fn inline_error(&self, field: &str) -> Option<String> {
        inline_error(self.browser, field).await
    }

    pub async fn value(&self, id: &str) -> String {
        input_value(self.browser, id).await
    }

    pub async fn switch_language(&self) {
        self.driver()
            .find(By::Css("[data-testid=lang-switch]"))
            .await
            .expect("switch")
            .click()
            .await
            .expect("click");
    }

    pub async fn html_lang(&self) -> String {
        let html = self.driver().find(By::Tag("html")).await.expect("html");
        html.attr("lang").await.expect("lang").unwrap_or_default()
    }
}

pub struct ResultPage<'a> {
    pub browser: &'a Browser,
}

impl<'a> ResultPage<'a> {
    pub async fn wait(browser: &'a Browser) -> ResultPage<'a> {
        browser
            .driver
            .query(By::Css("[data-testid=nik-details]"))
            .first()
            .await
            .expect("the result page");
        ResultPage { browser }
    }

    pub async fn text_of(&self, testid: &str) -> String {
        let el = self
            .browser
            .driver
            .find(By::Css(format!("[data-testid={testid}]")))
            .await
            .expect(testid);
        el.text().await.expect("text")
    }

    pub async fn warnings(&self) -> Option<String> {
        let found = self
            .browser
            .driver
            .find_all(By::Css("[data-testid=warnings]"))
            .await
            .expect("query");
        match found.into_iter().next() {
            Some(el) => Some(el.text().await.expect("text")),
            None => None,
        }
    }

    pub async fn change_answers(&self) {
        let link = self
            .browser
            .driver
            .find(By::Css("[data-testid=change-answers]"))
            .await
            .expect("link");
        link.click().await.expect("click");
    }
}

/// The error summary's links as (target id, text); waits for it to appear.
pub async fn error_summary(browser: &Browser) -> Vec<(String, String)> {
    let summary = browser
        .driver
        .query(By::Css("[data-testid=error-summary]"))
        .first()
        .await
        .expect("error summary");
    let mut items = Vec::new();
    for link in summary.find_all(By::Css("li a")).await.expect("links") {
        let href = link.attr("href").await.expect("href").unwrap_or_default();
        items.push((
            href.trim_start_matches('#').to_owned(),
            link.text().await.expect("text"),
        ));
    }
    items
}

/// The inline message under a field. Screen readers hear it after a visually hidden
/// "Kesalahan:" / "Error:" prefix, which must be there; the message is returned without it.
pub async fn inline_error(browser: &Browser, field: &str) -> Option<String> {
    let found = browser
        .driver
        .find_all(By::Id(format!("{field}-error")))
        .await
        .expect("query");
    let text = found.into_iter().next()?.text().await.expect("text");
    let message = ["Kesalahan:", "Error:"]
        .iter()
        .find_map(|prefix| text.trim().strip_prefix(prefix));
    let message =
        message.unwrap_or_else(|| panic!("no error prefix for screen readers in {text:?}"));
    Some(message.trim().to_owned())
}

/// What an input holds now.
pub async fn input_value(browser: &Browser, id: &str) -> String {
    let input = browser.driver.find(By::Id(id)).await.expect("input");
    input
        .prop("value")
        .await
        .expect("value")
        .unwrap_or_default()
}
