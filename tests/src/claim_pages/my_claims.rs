//! "Klaim saya" and claim references.

use thirtyfour::prelude::*;

use crate::Browser;
use crate::account_pages::Screen;

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
