//! The documents page: choosing, keeping and uploading each document, and its rows.

use std::path::Path;
use std::time::Duration;

use klaim_core::claim::DocumentKind;
use serde::Deserialize;
use thirtyfour::prelude::*;

use super::*;
use crate::account_pages::Screen;

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
        attrs(self.screen.browser, "[data-testid=document]", "data-kind").await
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
