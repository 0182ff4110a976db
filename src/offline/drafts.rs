//! The claim draft kept in the signed-in account's vault: opened once the account is known,
//! restored into memory before the journey's pages read it, saved about 300 ms after any change,
//! closed and wiped on sign-out. When the vault cannot keep anything (private mode, a full phone)
//! a calm notice says so once and the journey goes on in memory.

use std::rc::Rc;

use klaim_core::api::account::Me;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;

use super::outbox::Outbox;
use super::queued::document_key;
use super::vault::{Vault, VaultError};
use crate::claim::{ClaimDraft, SavedDraft};
use crate::follow::fix_snapshot::FixSnapshot;
use crate::format::now_unix_seconds;
use crate::state::FixDraft;

/// The vault record holding the claim journey.
pub const CLAIM_DRAFT: &str = "claim-draft";
/// The vault record holding a fix under way (`/klaim-saya/:id/perbaiki`).
pub const FIX_DRAFT: &str = "fix-draft";
/// How long after the last change the draft is saved.
const DEBOUNCE_MS: i32 = 300;

/// The drafts kept on this phone for the signed-in account (shared as context).
#[derive(Clone, Copy)]
pub struct Drafts {
    vault: RwSignal<Option<Rc<Vault>>, LocalStorage>,
    /// The account whose vault is open (or opening).
    account: StoredValue<Option<String>>,
    /// `false` while the saved draft is being read (at start, after a sign-in): journey pages
    /// wait for it.
    pub ready: RwSignal<bool>,
    /// When the draft was last saved on this phone (Unix seconds).
    pub saved_at: RwSignal<Option<i64>>,
    /// The draft was saved under other rules: its checked answers were dropped.
    pub migrated: RwSignal<bool>,
    /// Why the phone cannot keep the draft, shown once.
    pub trouble: RwSignal<Option<VaultError>>,
    trouble_shown: StoredValue<bool>,
    /// The journey as last saved (JSON), so an unchanged draft is not saved again.
    last: StoredValue<Option<String>>,
    /// Raised by every change and by sign-out: a pending save of an older change gives way.
    generation: StoredValue<u64>,
    /// The fix as last saved (JSON), and its own count of changes for the debounce.
    fix_last: StoredValue<Option<String>>,
    fix_changes: StoredValue<u64>,
    claim: ClaimDraft,
    fix: FixDraft,
    outbox: Outbox,
}

impl Drafts {
    /// Shares the drafts with every component and starts saving `claim` on change.
    pub fn provide(claim: ClaimDraft, fix: FixDraft, outbox: Outbox) -> Drafts {
        let drafts = Drafts {
            vault: RwSignal::new_local(None),
            account: StoredValue::new(None),
            ready: RwSignal::new(true),
            saved_at: RwSignal::new(None),
            migrated: RwSignal::new(false),
            trouble: RwSignal::new(None),
            trouble_shown: StoredValue::new(false),
            last: StoredValue::new(None),
            generation: StoredValue::new(0),
            fix_last: StoredValue::new(None),
            fix_changes: StoredValue::new(0),
            claim,
            fix,
            outbox,
        };
        provide_context(drafts);
        Effect::new(move |_| {
            let snapshot = claim.snapshot();
            let Some(vault) = drafts.vault.get() else {
                return;
            };
            let json = snapshot.as_ref().map(|s| s.to_json());
            if drafts.last.with_value(|last| *last == json) {
                return;
            }
            let generation = drafts.bump();
            let save = move || {
                if drafts.generation.get_value() != generation {
                    return;
                }
                spawn_local(async move {
                    drafts.save(&vault, snapshot, json, generation).await;
                });
            };
            later(DEBOUNCE_MS, save);
        });
        Effect::new(move |_| {
            let json = fix
                .snapshot()
                .map(|s| serde_json::to_string(&s).unwrap_or_default());
            let Some(vault) = drafts.vault.get() else {
                return;
            };
            if drafts.fix_last.with_value(|last| *last == json) {
                return;
            }
            drafts.fix_changes.update_value(|c| *c += 1);
            let change = drafts.fix_changes.get_value();
            later(DEBOUNCE_MS, move || {
                // A newer change saves instead; a closed vault (sign-out) saves nothing.
                let open = drafts.vault.try_get_untracked().flatten();
                if drafts.fix_changes.try_get_value() != Some(change)
                    || !open.is_some_and(|v| Rc::ptr_eq(&v, &vault))
                {
                    return;
                }
                spawn_local(async move {
                    let saved = match &json {
                        Some(json) => vault.put(FIX_DRAFT, json.as_bytes()).await,
                        None => vault.delete(FIX_DRAFT).await,
                    };
                    match saved {
                        Ok(()) => drafts.fix_last.set_value(json),
                        Err(error) => drafts.show_once(error),
                    }
                });
            });
        });
        drafts
    }

    fn bump(&self) -> u64 {
        self.generation.update_value(|g| *g += 1);
        self.generation.get_value()
    }

    async fn save(
        &self,
        vault: &Vault,
        snapshot: Option<crate::claim::DraftSnapshot>,
        json: Option<String>,
        generation: u64,
    ) {
        let result = match snapshot {
            Some(draft) => {
                let saved_at = now_unix_seconds();
                let record = SavedDraft { saved_at, draft };
                let bytes = serde_json::to_vec(&record).unwrap_or_default();
                vault
                    .put(CLAIM_DRAFT, &bytes)
                    .await
                    .map(|()| Some(saved_at))
            }
            // No journey (submitted, or none started): nothing is kept.
            None => vault.delete(CLAIM_DRAFT).await.map(|()| None),
        };
        // Signed out (or another change saved) meanwhile: that one's result counts.
        if self.generation.try_get_value() != Some(generation) {
            return;
        }
        match result {
            Ok(saved_at) => {
                self.last.set_value(json);
                self.saved_at.set(saved_at);
            }
            Err(error) => self.show_once(error),
        }
    }

    /// Keeps a chosen document's bytes in the vault until the server has them; `false` when
    /// this phone keeps nothing (no vault, or storage full: the upload must then succeed).
    pub async fn keep_document(&self, document_id: &str, bytes: &[u8]) -> bool {
        let Some(vault) = self.vault.try_get_untracked().flatten() else {
            return false;
        };
        match vault.put(&document_key(document_id), bytes).await {
            Ok(()) => true,
            Err(error) => {
                self.show_once(error);
                false
            }
        }
    }

    /// A kept document's bytes (for a restored thumbnail).
    pub async fn kept_document(&self, document_id: &str) -> Option<Vec<u8>> {
        let vault = self.vault.try_get_untracked().flatten()?;
        vault.get(&document_key(document_id)).await.ok().flatten()
    }

    fn show_once(&self, error: VaultError) {
        if !self.trouble_shown.get_value() {
            self.trouble_shown.set_value(true);
            self.trouble.set(Some(error));
        }
    }

    /// The app has just started and asks who is signed in: journey pages wait for the answer
    /// (then [`Drafts::signed_in`] or [`Drafts::none`]).
    pub fn asking(&self) {
        self.ready.set(false);
    }

    /// Nobody is signed in, as far as this tab can tell: journey pages need not wait.
    pub fn none(&self) {
        self.ready.set(true);
    }

    /// `me` is signed in: opens the account's vault and, when no journey (or fix) is under way
    /// in memory, restores the saved one (a journey fitted to today's rules).
    pub fn signed_in(&self, me: &Me) {
        let drafts = *self;
        let (claim, fix) = (self.claim, self.fix);
        let account = me.vault_id.clone();
        if account.is_empty() || self.account.get_value().as_deref() == Some(account.as_str()) {
            drafts.ready.set(true);
            // Signed in again after the session ended: what waits can go now.
            self.outbox.deliver_soon();
            return;
        }
        self.account.set_value(Some(account.clone()));
        self.vault.set(None);
        // Journey pages drawn from now on wait for the saved draft.
        self.ready.set(false);
        let generation = self.bump();
        spawn_local(async move {
            let opened = match Vault::open(&account).await {
                Ok(vault) => vault,
                Err(error) => {
                    drafts.show_once(error);
                    drafts.ready.set(true);
                    return;
                }
            };
            if drafts.generation.try_get_value() != Some(generation) {
                return;
            }
            match opened.open_record(CLAIM_DRAFT).await {
                Ok(Some(record)) if claim.answers.with_untracked(Option::is_none) => {
                    if let Ok(saved) = serde_json::from_slice::<SavedDraft>(&record.bytes) {
                        let (draft, migrated) = saved.draft.migrate(&record.rules_version);
                        claim.restore(draft);
                        drafts.migrated.set(migrated);
                        drafts.saved_at.set(Some(saved.saved_at));
                        // What is in memory now is what is saved (unless the rules changed it).
                        let now = untrack(|| claim.snapshot()).map(|s| s.to_json());
                        if !migrated {
                            drafts.last.set_value(now);
                        }
                    }
                }
                Ok(_) => {}
                Err(error) => drafts.show_once(error),
            }
            if fix.claim_id.with_untracked(String::is_empty)
                && let Ok(Some(bytes)) = opened.get(FIX_DRAFT).await
                && let Ok(saved) = serde_json::from_slice::<FixSnapshot>(&bytes)
            {
                drafts
                    .fix_last
                    .set_value(serde_json::to_string(&saved).ok());
                fix.restore(saved);
            }
            if drafts.generation.try_get_value() != Some(generation) {
                return;
            }
            let vault = Rc::new(opened);
            drafts.vault.set(Some(vault.clone()));
            drafts.ready.set(true);
            // Queued claims next: read, then delivered when possible.
            drafts.outbox.open(vault.clone()).await;
            let in_draft: Vec<String> = [claim, fix.draft]
                .iter()
                .flat_map(|draft| {
                    draft
                        .documents
                        .with_untracked(|d| d.iter().map(|a| a.info.id.clone()).collect::<Vec<_>>())
                })
                .collect();
            drafts.outbox.sweep(&vault, &in_draft).await;
        });
    }

    /// Signed out (or found signed out): the vault is closed and forgotten; on an explicit
    /// sign-out every vault on this phone is deleted too.
    pub fn forget(&self, wipe: bool) {
        self.bump();
        self.outbox.forget();
        self.vault.set(None);
        self.account.set_value(None);
        self.saved_at.set(None);
        self.migrated.set(false);
        self.trouble.set(None);
        self.last.set_value(None);
        self.fix_last.set_value(None);
        self.ready.set(true);
        if wipe {
            spawn_local(async {
                let _ = Vault::wipe_all().await;
            });
        }
    }
}

/// Runs `f` after `ms` milliseconds.
fn later(ms: i32, f: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(f);
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms);
    }
}
