//! A per-account vault: what a person prepares on the phone, encrypted at rest.
//!
//! Each account has its own IndexedDB database, named by a digest of the account key (so the name
//! does not tell who uses the phone). Its `key` store holds one AES-GCM 256 key made by WebCrypto as
//! non-extractable: IndexedDB keeps the `CryptoKey` object itself (structured clone keeps it
//! non-extractable), so no script, not even ours, can read the key's bytes. Its `records` store
//! holds, per record, `{ rules, sealed }`: klaim-core's `RULES_VERSION` the record was saved under,
//! and a fresh random 12-byte IV followed by the ciphertext. The record's name and its rules tag are
//! bound to the ciphertext as additional data, so a record moved to another name, a changed tag or
//! a changed byte is refused as unreadable, never decrypted into garbage.

use js_sys::{Array, Object, Reflect, Uint8Array};
use klaim_core::{Explain, Lang, RULES_VERSION};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesGcmParams, AesKeyGenParams, CryptoKey, SubtleCrypto};

use super::idb::{self, Db};
use crate::i18n::Texts;

/// Every vault database's name starts with this.
pub(crate) const PREFIX: &str = "klaim-vault-";
/// localStorage: the vault databases this browser opened, for browsers without
/// `indexedDB.databases()` (no personal data: names are digests).
const OPENED_KEY: &str = "klaim.vaults";
pub(crate) const KEY_STORE: &str = "key";
pub(crate) const RECORDS: &str = "records";
pub(crate) const KEY_NAME: &str = "aes-gcm";
const STORES: &[&str] = &[KEY_STORE, RECORDS];
const IV_BYTES: usize = 12;
/// AES-GCM's authentication tag.
const TAG_BYTES: usize = 16;

/// Why the vault could not keep or give back data. What a person sees comes from [`Explain`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum VaultError {
    /// No IndexedDB or WebCrypto, or the browser refuses them (private mode, an insecure page,
    /// storage turned off). `detail` is the browser's error name, for developers.
    #[error("storage unavailable ({detail})")]
    Unavailable { detail: String },
    /// The phone's (or the browser's share of) storage is full.
    #[error("storage quota exceeded")]
    QuotaExceeded,
    /// What is stored cannot be decrypted or is not a vault record: damaged, changed, or not
    /// this account's.
    #[error("stored data unreadable")]
    Unreadable,
}

impl VaultError {
    /// Sorts a browser error: a full disk, a refused decryption, or anything else (unavailable).
    pub(crate) fn from_js(error: &JsValue) -> VaultError {
        let name = error
            .dyn_ref::<web_sys::DomException>()
            .map(|e| e.name())
            .or_else(|| {
                Reflect::get(error, &JsValue::from_str("name"))
                    .ok()
                    .and_then(|n| n.as_string())
            })
            .unwrap_or_default();
        match name.as_str() {
            "QuotaExceededError" => VaultError::QuotaExceeded,
            "OperationError" => VaultError::Unreadable,
            "" => VaultError::Unavailable {
                detail: "unknown".to_owned(),
            },
            _ => VaultError::Unavailable { detail: name },
        }
    }
}

impl From<JsValue> for VaultError {
    fn from(error: JsValue) -> VaultError {
        VaultError::from_js(&error)
    }
}

impl Explain for VaultError {
    fn code(&self) -> &'static str {
        match self {
            VaultError::Unavailable { .. } => "vault.unavailable",
            VaultError::QuotaExceeded => "vault.quota_exceeded",
            VaultError::Unreadable => "vault.unreadable",
        }
    }

    fn message(&self, lang: Lang) -> String {
        let t = Texts::of(lang);
        match self {
            VaultError::Unavailable { .. } => t.vault_unavailable,
            VaultError::QuotaExceeded => t.vault_full,
            VaultError::Unreadable => t.vault_unreadable,
        }
        .to_owned()
    }

    fn hint(&self, lang: Lang) -> String {
        let t = Texts::of(lang);
        match self {
            VaultError::Unavailable { .. } => t.vault_unavailable_hint,
            VaultError::QuotaExceeded => t.vault_full_hint,
            VaultError::Unreadable => t.vault_unreadable_hint,
        }
        .to_owned()
    }
}

/// A record as it was saved: the bytes and the rule set (`RULES_VERSION`) it was saved under, so a
/// newer app can migrate an old draft instead of stranding it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opened {
    pub bytes: Vec<u8>,
    pub rules_version: String,
}

/// One account's encrypted records on this phone.
pub struct Vault {
    db: Db,
    key: CryptoKey,
}

impl Vault {
    /// Opens the account's vault, making its database and key the first time.
    pub async fn open(account_key: &str) -> Result<Vault, VaultError> {
        let name = database_name(account_key).await?;
        remember(&name);
        let db = Db::open(&name, STORES).await?;
        let key = match stored_key(&db).await? {
            Some(key) => key,
            None => {
                let made = generate_key().await?;
                // `add`, not `put`: when two tabs open the vault at once, the first key stays and
                // the other tab reads it back.
                if db.add(KEY_STORE, KEY_NAME, &made).await? {
                    made
                } else {
                    stored_key(&db).await?.ok_or(VaultError::Unreadable)?
                }
            }
        };
        Ok(Vault { db, key })
    }

    /// Encrypts and stores `bytes` under `key`, tagged with this app's `RULES_VERSION`.
    pub async fn put(&self, key: &str, bytes: &[u8]) -> Result<(), VaultError> {
        let subtle = subtle()?;
        let mut iv = [0u8; IV_BYTES];
        web_sys::window()
            .ok_or(JsValue::NULL)?
            .crypto()?
            .get_random_values_with_u8_array(&mut iv)?;
        let params = gcm_params(&iv, key, RULES_VERSION);
        let sealed =
            JsFuture::from(subtle.encrypt_with_object_and_u8_array(&params, &self.key, bytes)?)
                .await?;
        let sealed = Uint8Array::new(&sealed);
        let record_bytes = Uint8Array::new_with_length((IV_BYTES as u32) + sealed.length());
        record_bytes.set(&Uint8Array::from(&iv[..]), 0);
        record_bytes.set(&sealed, IV_BYTES as u32);
        let record = Object::new();
        Reflect::set(&record, &"rules".into(), &RULES_VERSION.into())?;
        Reflect::set(&record, &"sealed".into(), &record_bytes)?;
        self.db.put(RECORDS, key, &record).await?;
        Ok(())
    }

    /// The bytes stored under `key`, `None` when there are none.
    pub async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, VaultError> {
        Ok(self.open_record(key).await?.map(|o| o.bytes))
    }

    /// The bytes stored under `key` with the rule set they were saved under.
    pub async fn open_record(&self, key: &str) -> Result<Option<Opened>, VaultError> {
        let Some(record) = self.db.get(RECORDS, key).await? else {
            return Ok(None);
        };
        let rules_version = Reflect::get(&record, &"rules".into())
            .ok()
            .and_then(|r| r.as_string())
            .ok_or(VaultError::Unreadable)?;
        let sealed: Uint8Array = Reflect::get(&record, &"sealed".into())
            .ok()
            .and_then(|s| s.dyn_into().ok())
            .ok_or(VaultError::Unreadable)?;
        if (sealed.length() as usize) < IV_BYTES + TAG_BYTES {
            return Err(VaultError::Unreadable);
        }
        let mut iv = [0u8; IV_BYTES];
        sealed.subarray(0, IV_BYTES as u32).copy_to(&mut iv);
        let ciphertext = sealed.subarray(IV_BYTES as u32, sealed.length()).to_vec();
        let params = gcm_params(&iv, key, &rules_version);
        let plain = subtle()?
            .decrypt_with_object_and_u8_array(&params, &self.key, &ciphertext)
            .map_err(|_| VaultError::Unreadable)?;
        // Any refusal here (a wrong tag, another account's key) is unreadable data.
        let plain = JsFuture::from(plain)
            .await
            .map_err(|_| VaultError::Unreadable)?;
        Ok(Some(Opened {
            bytes: Uint8Array::new(&plain).to_vec(),
            rules_version,
        }))
    }

    /// The names of every stored record.
    pub async fn keys(&self) -> Result<Vec<String>, VaultError> {
        Ok(self.db.keys(RECORDS).await?)
    }

    /// Removes the record under `key`.
    pub async fn delete(&self, key: &str) -> Result<(), VaultError> {
        Ok(self.db.delete(RECORDS, key).await?)
    }

    /// Deletes every Klaim vault on this phone, keys included (for sign-out). Open vaults close
    /// themselves and fail from then on.
    pub async fn wipe_all() -> Result<(), VaultError> {
        let mut names = opened();
        if let Some(listed) = idb::database_names().await {
            names.extend(listed.into_iter().filter(|n| n.starts_with(PREFIX)));
        }
        names.sort();
        names.dedup();
        for name in &names {
            idb::delete_database(name).await?;
        }
        if let Some(storage) = local_storage() {
            let _ = storage.remove_item(OPENED_KEY);
        }
        Ok(())
    }
}

fn subtle() -> Result<SubtleCrypto, VaultError> {
    Ok(web_sys::window().ok_or(JsValue::NULL)?.crypto()?.subtle())
}

/// AES-GCM with `iv`, binding the record's name and rules tag as additional data.
fn gcm_params(iv: &[u8; IV_BYTES], key: &str, rules_version: &str) -> AesGcmParams {
    let params = AesGcmParams::new_with_u8_array("AES-GCM", &Uint8Array::from(&iv[..]));
    let bound = format!("klaim-vault/1\u{0}{rules_version}\u{0}{key}");
    params.set_additional_data_u8_array(&Uint8Array::from(bound.as_bytes()));
    params
}

async fn generate_key() -> Result<CryptoKey, VaultError> {
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let made = JsFuture::from(subtle()?.generate_key_with_object(
        &AesKeyGenParams::new("AES-GCM", 256),
        false,
        &usages,
    )?)
    .await?;
    made.dyn_into().map_err(|_| VaultError::Unavailable {
        detail: "no CryptoKey".to_owned(),
    })
}

async fn stored_key(db: &Db) -> Result<Option<CryptoKey>, VaultError> {
    match db.get(KEY_STORE, KEY_NAME).await? {
        None => Ok(None),
        Some(key) => key.dyn_into().map(Some).map_err(|_| VaultError::Unreadable),
    }
}

/// `klaim-vault-` and 32 hex digits of the SHA-256 of the account key.
pub(crate) async fn database_name(account_key: &str) -> Result<String, VaultError> {
    let input = format!("klaim-vault:{account_key}");
    let digest =
        JsFuture::from(subtle()?.digest_with_str_and_u8_array("SHA-256", input.as_bytes())?)
            .await?;
    let digest = Uint8Array::new(&digest).to_vec();
    let mut name = String::with_capacity(PREFIX.len() + 32);
    name.push_str(PREFIX);
    for b in &digest[..16] {
        name.push_str(&format!("{b:02x}"));
    }
    Ok(name)
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Whether a vault was opened in this browser and not wiped by a sign-out since: someone may
/// come back to a draft or a queued claim here, also offline after the browser was closed.
pub fn any_on_this_device() -> bool {
    !opened().is_empty()
}

/// The vault databases listed in localStorage.
fn opened() -> Vec<String> {
    local_storage()
        .and_then(|s| s.get_item(OPENED_KEY).ok().flatten())
        .map(|list| {
            list.split(' ')
                .filter(|n| n.starts_with(PREFIX))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// Adds `name` to the localStorage list (best effort: private modes may refuse).
fn remember(name: &str) {
    let mut names = opened();
    if names.iter().any(|n| n == name) {
        return;
    }
    names.push(name.to_owned());
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(OPENED_KEY, &names.join(" "));
    }
}
