//! The outbox: claims sent while the server could not be reached wait here ("Belum terkirim")
//! and are delivered when possible — when the account's vault opens (app start, sign-in), on the
//! browser's `online` event, on a timer with capped back-off, when the service worker's
//! Background Sync wakes the app, and by "Kirim sekarang". Documents go first, then the claim;
//! every request is idempotent (the ids were made on the phone), so a delivery cut off anywhere
//! is simply done again and the server keeps exactly one claim. Only the server's confirmation
//! removes a claim from here. A claim the server refuses for good keeps its reasons, never holds
//! up the others, and is removed only by the person (or changed and sent again).

use std::rc::Rc;

use klaim_core::Lang;
use klaim_core::api::ApiError;
use klaim_core::api::claim::ClaimView;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use super::queued::{
    DOCUMENT_PREFIX, QUEUED_PREFIX, QueuedClaim, QueuedDocument, document_key, queued_key,
};
use super::vault::{Vault, VaultError};
use crate::api::{self, Failure};
use crate::i18n::{I18n, OutboxTexts};
use crate::upload::Prepared;

/// Waits between delivery rounds that could not reach the server, in seconds; the last repeats.
const BACK_OFF_SECONDS: [i32; 6] = [5, 15, 30, 60, 120, 300];

/// How one delivery attempt of one claim ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Delivery {
    /// The server confirmed the claim (201 for a new one, 200 for one it already had).
    Delivered(Box<ClaimView>),
    /// Refused for good: sending the same again cannot help.
    Refused(Vec<ApiError>),
    /// No answer, or a passing trouble (the server busy or failing): try again later.
    Later,
    /// The session ended: delivery waits for the person to sign in again.
    SignIn,
}

#[derive(Clone, Copy)]
pub struct Outbox {
    vault: RwSignal<Option<Rc<Vault>>, LocalStorage>,
    /// Queued claims, oldest first.
    pub items: RwSignal<Vec<QueuedClaim>>,
    /// The claim being delivered now.
    pub sending: RwSignal<Option<String>>,
    /// Claims delivered from here since the app started, newest last (pages refresh on it).
    pub delivered: RwSignal<Vec<ClaimView>>,
    /// The last round found the session ended.
    pub needs_sign_in: RwSignal<bool>,
    /// When the next automatic round is due (Unix seconds), while something waits.
    pub next_round_at: RwSignal<Option<i64>>,
    /// A claim was just queued from the review page ("Klaim saya" says what that means).
    pub just_queued: RwSignal<bool>,
    i18n: StoredValue<Option<I18n>>,
    running: StoredValue<bool>,
    again: StoredValue<bool>,
    failed_rounds: StoredValue<usize>,
    timer: StoredValue<Option<i32>>,
    /// Raised when the account's vault closes: rounds of the earlier account stop.
    generation: StoredValue<u64>,
}

impl Outbox {
    pub fn provide() -> Outbox {
        let outbox = Outbox {
            vault: RwSignal::new_local(None),
            items: RwSignal::new(Vec::new()),
            sending: RwSignal::new(None),
            delivered: RwSignal::new(Vec::new()),
            needs_sign_in: RwSignal::new(false),
            next_round_at: RwSignal::new(None),
            just_queued: RwSignal::new(false),
            i18n: StoredValue::new(use_context::<I18n>()),
            running: StoredValue::new(false),
            again: StoredValue::new(false),
            failed_rounds: StoredValue::new(0),
            timer: StoredValue::new(None),
            generation: StoredValue::new(0),
        };
        provide_context(outbox);
        // `navigator.onLine` alone is not trusted, but its coming back is a good moment to try.
        let online = window_event_listener_untyped("online", move |_| outbox.deliver_soon());
        on_cleanup(move || {
            online.remove();
            outbox.stop_timer();
        });
        outbox
    }

    fn lang(&self) -> Lang {
        self.i18n
            .get_value()
            .map(|i| i.lang_untracked())
            .unwrap_or(Lang::Id)
    }

    /// Claims waiting to be sent (not refused).
    pub fn waiting(&self) -> usize {
        self.items
            .with(|all| all.iter().filter(|q| q.waiting()).count())
    }

    /// The account's vault is open: its queued claims are read and delivery starts.
    pub async fn open(&self, vault: Rc<Vault>) {
        let generation = self.generation.get_value();
        let mut found = Vec::new();
        for key in vault.keys().await.unwrap_or_default() {
            if !key.starts_with(QUEUED_PREFIX) {
                continue;
            }
            if let Ok(Some(bytes)) = vault.get(&key).await
                && let Ok(queued) = serde_json::from_slice::<QueuedClaim>(&bytes)
            {
                found.push(queued);
            }
        }
        if self.generation.try_get_value() != Some(generation) {
            return;
        }
        found.sort_by_key(|q| q.queued_at);
        self.items.set(found);
        self.vault.set(Some(vault));
        self.deliver_soon();
    }

    /// Signed out or the session ended: forgotten in memory (the vault holds them, or was wiped).
    pub fn forget(&self) {
        self.generation.update_value(|g| *g += 1);
        self.stop_timer();
        self.vault.set(None);
        self.items.set(Vec::new());
        self.sending.set(None);
        self.delivered.set(Vec::new());
        self.needs_sign_in.set(false);
        self.failed_rounds.set_value(0);
    }

    /// Keeps `queued` in the vault (before anything is sent, so closing the page now loses
    /// nothing) and tries to deliver it at once. A refusal on this first try takes it out again:
    /// the journey is still on screen to fix it.
    pub async fn send(&self, queued: QueuedClaim) -> Delivery {
        let id = queued.claim_id.clone();
        self.keep(&queued).await;
        self.items.update(|all| {
            all.retain(|q| q.claim_id != id);
            all.push(queued);
        });
        let outcome = self.deliver_one(&id).await;
        match &outcome {
            Delivery::Refused(_) => self.remove(&id).await,
            Delivery::Later | Delivery::SignIn => {
                self.just_queued.set(true);
                self.schedule(true);
            }
            Delivery::Delivered(_) => {}
        }
        outcome
    }

    /// Starts a delivery round now (a round under way runs once more instead).
    pub fn deliver_soon(&self) {
        let outbox = *self;
        // Not tied to any component (or reactive owner): straight on the browser's task queue.
        wasm_bindgen_futures::spawn_local(async move { outbox.deliver_all().await });
    }

    async fn deliver_all(&self) {
        match self.running.try_get_value() {
            // The app (or the test) that owned this outbox is gone.
            None => return,
            Some(true) => {
                self.again.set_value(true);
                return;
            }
            Some(false) => {}
        }
        let generation = self.generation.get_value();
        self.running.set_value(true);
        loop {
            self.again.set_value(false);
            let ids: Vec<String> = self.items.with_untracked(|all| {
                all.iter()
                    .filter(|q| q.waiting())
                    .map(|q| q.claim_id.clone())
                    .collect()
            });
            let mut later = false;
            for id in ids {
                if self.generation.try_get_value() != Some(generation) {
                    self.running.set_value(false);
                    return;
                }
                // Each claim on its own: one that fails never keeps the next from going.
                later |= matches!(
                    self.deliver_one(&id).await,
                    Delivery::Later | Delivery::SignIn
                );
            }
            if !self.again.get_value() {
                self.schedule(later);
                break;
            }
        }
        let _ = self.running.try_set_value(false);
    }

    /// One attempt for one claim: its unsent documents, then the claim.
    async fn deliver_one(&self, claim_id: &str) -> Delivery {
        let Some(queued) = self
            .items
            .with_untracked(|all| all.iter().find(|q| q.claim_id == claim_id).cloned())
        else {
            return Delivery::Later;
        };
        let lang = self.lang();
        let _ = self.sending.try_set(Some(claim_id.to_owned()));
        let outcome = 'attempt: {
            for document in queued.unsent() {
                if let Err(outcome) = self.send_document(lang, document).await {
                    break 'attempt outcome;
                }
                self.mark_sent(claim_id, &document.id).await;
            }
            match api::submit_claim(lang, claim_id, &queued.submission).await {
                Ok(view) => Delivery::Delivered(Box::new(view)),
                Err(failure) => judge(failure),
            }
        };
        let _ = self.sending.try_set(None);
        match &outcome {
            Delivery::Delivered(view) => {
                // Announced first: the row goes once its claim number is there to read.
                let view = (**view).clone();
                let _ = self.delivered.try_update(|all| all.push(view));
                let _ = self.needs_sign_in.try_set(false);
                self.remove(claim_id).await;
            }
            Delivery::Refused(errors) => self.refuse(claim_id, errors.clone()).await,
            Delivery::SignIn => {
                let _ = self.needs_sign_in.try_set(true);
            }
            Delivery::Later => {}
        }
        outcome
    }

    /// Sends one document kept on the phone (its bytes in the vault) under its own id; the error
    /// says what the failure means for delivery.
    pub async fn send_document(
        &self,
        lang: Lang,
        document: &QueuedDocument,
    ) -> Result<(), Delivery> {
        let bytes = match self.vault.get_untracked() {
            Some(vault) => vault.get(&document_key(&document.id)).await,
            None => Ok(None),
        };
        let bytes = match bytes {
            Ok(Some(bytes)) => bytes,
            // Gone from the phone (storage cleared by the browser): only a new file helps.
            Ok(None) | Err(VaultError::Unreadable) => {
                return Err(Delivery::Refused(vec![document_missing(lang, document)]));
            }
            Err(_) => return Err(Delivery::Later),
        };
        let prepared = Prepared {
            original_bytes: bytes.len() as u64,
            bytes,
            file_type: document.file_type,
            sha256: document.sha256.clone(),
        };
        api::upload_document(lang, &document.id, document.kind, &prepared, |_| {})
            .await
            .map(drop)
            .map_err(judge)
    }

    async fn mark_sent(&self, claim_id: &str, document_id: &str) {
        self.change(claim_id, |q| q.mark_sent(document_id)).await;
    }

    async fn refuse(&self, claim_id: &str, errors: Vec<ApiError>) {
        self.change(claim_id, |q| q.refused = errors).await;
    }

    /// Changes a queued claim in memory and in the vault.
    async fn change(&self, claim_id: &str, change: impl FnOnce(&mut QueuedClaim)) {
        let mut changed = None;
        let _ = self.items.try_update(|all| {
            if let Some(q) = all.iter_mut().find(|q| q.claim_id == claim_id) {
                change(q);
                changed = Some(q.clone());
            }
        });
        if let Some(queued) = changed {
            self.keep(&queued).await;
        }
    }

    /// Takes a refused claim back to change it: out of the outbox, its documents' bytes kept
    /// for the journey it returns to. `None` while it is being sent.
    pub async fn take_back(&self, claim_id: &str) -> Option<QueuedClaim> {
        if self.sending.get_untracked().as_deref() == Some(claim_id) {
            return None;
        }
        self.take(claim_id).await
    }

    /// Takes a claim out of the outbox with its documents' bytes (delivered, or deleted by the
    /// person).
    pub async fn remove(&self, claim_id: &str) {
        let Some(gone) = self.take(claim_id).await else {
            return;
        };
        if let Some(vault) = self.vault.try_get_untracked().flatten() {
            for id in gone.document_ids() {
                let _ = vault.delete(&document_key(id)).await;
            }
        }
    }

    /// Out of the list and out of the vault.
    async fn take(&self, claim_id: &str) -> Option<QueuedClaim> {
        let mut taken = None;
        let _ = self.items.try_update(|all| {
            if let Some(at) = all.iter().position(|q| q.claim_id == claim_id) {
                taken = Some(all.remove(at));
            }
        });
        if let Some(vault) = self.vault.try_get_untracked().flatten() {
            let _ = vault.delete(&queued_key(claim_id)).await;
        }
        taken
    }

    async fn keep(&self, queued: &QueuedClaim) {
        let Some(vault) = self.vault.try_get_untracked().flatten() else {
            return;
        };
        let bytes = serde_json::to_vec(queued).unwrap_or_default();
        let _ = vault.put(&queued_key(&queued.claim_id), &bytes).await;
    }

    /// After a round: while something waits, the next one in a while, each wait longer than the
    /// last up to five minutes; when nothing waits, the timer stops and the waits start over.
    fn schedule(&self, later: bool) {
        self.stop_timer();
        if !later {
            self.failed_rounds.set_value(0);
            let _ = self.next_round_at.try_set(None);
            return;
        }
        let rounds = self.failed_rounds.get_value();
        self.failed_rounds.set_value(rounds + 1);
        let seconds = BACK_OFF_SECONDS[rounds.min(BACK_OFF_SECONDS.len() - 1)];
        let outbox = *self;
        let callback = Closure::once_into_js(move || {
            let _ = outbox.timer.try_set_value(None);
            outbox.deliver_soon();
        });
        let id = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.unchecked_ref(),
                seconds * 1000,
            )
            .ok()
        });
        self.timer.set_value(id);
        let at = crate::format::now_unix_seconds() + i64::from(seconds);
        let _ = self.next_round_at.try_set(Some(at));
    }

    fn stop_timer(&self) {
        if let Some(id) = self.timer.try_get_value().flatten()
            && let Some(window) = web_sys::window()
        {
            window.clear_timeout_with_handle(id);
        }
        let _ = self.timer.try_set_value(None);
    }

    /// Deletes the vault's document records that neither the draft (`keep`) nor a queued claim
    /// refers to: files replaced or dropped in a journey.
    pub async fn sweep(&self, vault: &Vault, keep: &[String]) {
        let queued: Vec<String> = self.items.with_untracked(|all| {
            all.iter()
                .flat_map(|q| q.document_ids().map(str::to_owned))
                .collect()
        });
        for key in vault.keys().await.unwrap_or_default() {
            let Some(id) = key.strip_prefix(DOCUMENT_PREFIX) else {
                continue;
            };
            if !keep.iter().any(|k| k == id) && !queued.iter().any(|k| k == id) {
                let _ = vault.delete(&key).await;
            }
        }
    }
}

/// What a failed request means for delivery. Sending again helps after no answer, a passing
/// server trouble, too many requests, an upload still being stored, or bytes damaged on the way;
/// any other refusal is for good.
pub fn judge(failure: Failure) -> Delivery {
    match failure {
        Failure::Offline | Failure::Unexpected(_) => Delivery::Later,
        Failure::Api { status: 401, .. } => Delivery::SignIn,
        Failure::Api { status, errors } if passing(status, &errors) => Delivery::Later,
        Failure::Api { errors, .. } => Delivery::Refused(errors),
    }
}

/// A refusal worth the same request again later.
pub fn passing(status: u16, errors: &[ApiError]) -> bool {
    let retry = errors.iter().any(|e| {
        matches!(
            e.code.as_str(),
            "document.upload_in_progress" | "upload.size_mismatch" | "upload.hash_mismatch"
        )
    });
    retry || matches!(status, 408 | 429) || status >= 500
}

fn document_missing(lang: Lang, document: &QueuedDocument) -> ApiError {
    ApiError {
        code: "outbox.document_missing".to_owned(),
        field: Some(crate::claim::steps::DOCUMENTS_FIELD.to_owned()),
        message: (OutboxTexts::of(lang).document_missing)(document.kind.name(lang)),
    }
}
