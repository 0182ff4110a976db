//! The results of the eligibility check and the heirs' task list.

use thirtyfour::prelude::*;

use super::{attrs, coded_texts};
use crate::account_pages::Screen;

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
        attrs(
            self.screen.browser,
            "[data-testid=document-needed]",
            "data-kind",
        )
        .await
    }

    /// Why the claim cannot be made: (code, text with what to do) for each reason.
    pub async fn blockers(&self) -> Vec<(String, String)> {
        self.screen.wait("blockers").await;
        coded_texts(
            self.screen.browser,
            "[data-testid=blockers] [data-testid=blocker]",
        )
        .await
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
