//! The vault in headless Chromium, against the real IndexedDB and WebCrypto: round trips, what is
//! really stored, the key, accounts kept apart, tampering, wiping, the rules tag.

use js_sys::{Reflect, Uint8Array};
use klaim_core::{Explain, Lang, RULES_VERSION};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

use super::idb::{self, Db};
use super::vault::{self, KEY_NAME, KEY_STORE, PREFIX, RECORDS, Vault, VaultError};

wasm_bindgen_test_configure!(run_in_browser);

const STORES: &[&str] = &[KEY_STORE, RECORDS];

/// The account's database opened directly, as anyone with the phone could.
async fn raw(account: &str) -> Db {
    let name = vault::database_name(account).await.unwrap();
    Db::open(&name, STORES).await.unwrap()
}

async fn raw_sealed(db: &Db, key: &str) -> Vec<u8> {
    let record = db.get(RECORDS, key).await.unwrap().expect("a record");
    Reflect::get(&record, &"sealed".into())
        .unwrap()
        .dyn_into::<Uint8Array>()
        .unwrap()
        .to_vec()
}

async fn replace_sealed(db: &Db, key: &str, sealed: &[u8]) {
    let record = db.get(RECORDS, key).await.unwrap().expect("a record");
    Reflect::set(&record, &"sealed".into(), &Uint8Array::from(sealed)).unwrap();
    db.put(RECORDS, key, &record).await.unwrap();
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A megabyte that is not all the same byte (a photo-like blob).
fn megabyte() -> Vec<u8> {
    (0..1_048_576u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect()
}

async fn vault_names() -> Vec<String> {
    idb::database_names()
        .await
        .expect("Chromium lists databases")
        .into_iter()
        .filter(|n| n.starts_with(PREFIX))
        .collect()
}

#[wasm_bindgen_test]
async fn text_and_a_megabyte_come_back_unchanged() {
    let vault = Vault::open("akun-round-trip").await.unwrap();
    let text = "Nama: Siti Rahayu; NIK 3174014101900003; rekening 1234567890";
    vault.put("answers", text.as_bytes()).await.unwrap();
    let blob = megabyte();
    vault.put("document/ktp", &blob).await.unwrap();

    assert_eq!(
        vault.get("answers").await.unwrap().as_deref(),
        Some(text.as_bytes())
    );
    assert_eq!(vault.get("document/ktp").await.unwrap(), Some(blob));
    assert_eq!(vault.get("nothing here").await.unwrap(), None);

    // Reopened (as after a reload), the same key reads the same records.
    drop(vault);
    let again = Vault::open("akun-round-trip").await.unwrap();
    assert_eq!(
        again.get("answers").await.unwrap().as_deref(),
        Some(text.as_bytes())
    );
    let mut keys = again.keys().await.unwrap();
    keys.sort();
    assert_eq!(keys, ["answers", "document/ktp"]);

    // Overwriting replaces; deleting removes.
    again.put("answers", b"baru").await.unwrap();
    assert_eq!(
        again.get("answers").await.unwrap().as_deref(),
        Some(&b"baru"[..])
    );
    again.delete("answers").await.unwrap();
    assert_eq!(again.get("answers").await.unwrap(), None);
    assert_eq!(again.keys().await.unwrap(), ["document/ktp"]);
}

#[wasm_bindgen_test]
async fn indexeddb_holds_no_plaintext() {
    let vault = Vault::open("akun-at-rest").await.unwrap();
    let text = b"NIK 3174014101900003 rahasia NIK 3174014101900003 rahasia";
    vault.put("answers", text).await.unwrap();
    let blob = megabyte();
    vault.put("photo", &blob).await.unwrap();

    let db = raw("akun-at-rest").await;
    let sealed = raw_sealed(&db, "answers").await;
    // IV + ciphertext (as long as the text) + 16-byte tag.
    assert_eq!(sealed.len(), 12 + text.len() + 16);
    assert!(!contains(&sealed, b"3174014101900003"));
    assert!(!contains(&sealed, b"rahasia"));
    let sealed_blob = raw_sealed(&db, "photo").await;
    assert!(!contains(&sealed_blob, &blob[5_000..5_016]));
    assert!(!contains(&sealed_blob, &blob[..16]));

    // A fresh IV each time: the same text saved twice is stored differently.
    vault.put("answers", text).await.unwrap();
    let again = raw_sealed(&db, "answers").await;
    assert_ne!(sealed[..12], again[..12]);
    assert_ne!(sealed, again);
}

#[wasm_bindgen_test]
async fn the_key_cannot_be_exported() {
    let _vault = Vault::open("akun-key").await.unwrap();
    let db = raw("akun-key").await;
    let key: web_sys::CryptoKey = db
        .get(KEY_STORE, KEY_NAME)
        .await
        .unwrap()
        .expect("a stored key")
        .dyn_into()
        .expect("a CryptoKey object, not bytes");
    assert!(!key.extractable());
    let subtle = web_sys::window().unwrap().crypto().unwrap().subtle();
    for format in ["raw", "jwk"] {
        let exported = match subtle.export_key(format, &key) {
            Ok(promise) => JsFuture::from(promise).await,
            Err(e) => Err(e),
        };
        let error = exported.expect_err("a non-extractable key is not exported");
        let name = Reflect::get(&error, &"name".into()).unwrap().as_string();
        assert_eq!(name.as_deref(), Some("InvalidAccessError"), "{format}");
    }
}

#[wasm_bindgen_test]
async fn two_accounts_are_kept_apart() {
    let a = Vault::open("akun-a").await.unwrap();
    let b = Vault::open("akun-b").await.unwrap();
    a.put("answers", b"milik A").await.unwrap();
    assert_eq!(b.get("answers").await.unwrap(), None);
    assert_ne!(
        vault::database_name("akun-a").await.unwrap(),
        vault::database_name("akun-b").await.unwrap()
    );

    // A's record copied into B's database cannot be read with B's key.
    let a_raw = raw("akun-a").await;
    let b_raw = raw("akun-b").await;
    let record = a_raw.get(RECORDS, "answers").await.unwrap().unwrap();
    b_raw.put(RECORDS, "answers", &record).await.unwrap();
    assert_eq!(b.get("answers").await, Err(VaultError::Unreadable));
    // A still reads its own.
    assert_eq!(
        a.get("answers").await.unwrap().as_deref(),
        Some(&b"milik A"[..])
    );
}

#[wasm_bindgen_test]
async fn tampered_records_are_unreadable_not_garbage() {
    let vault = Vault::open("akun-tamper").await.unwrap();
    vault.put("answers", b"Rp 1.250.000").await.unwrap();
    let db = raw("akun-tamper").await;
    let sealed = raw_sealed(&db, "answers").await;

    // One bit of the ciphertext.
    let mut changed = sealed.clone();
    changed[14] ^= 0x01;
    replace_sealed(&db, "answers", &changed).await;
    assert_eq!(vault.get("answers").await, Err(VaultError::Unreadable));

    // The IV.
    let mut changed = sealed.clone();
    changed[0] ^= 0x80;
    replace_sealed(&db, "answers", &changed).await;
    assert_eq!(vault.get("answers").await, Err(VaultError::Unreadable));

    // Cut short, and far too short.
    replace_sealed(&db, "answers", &sealed[..sealed.len() - 1]).await;
    assert_eq!(vault.get("answers").await, Err(VaultError::Unreadable));
    replace_sealed(&db, "answers", &sealed[..5]).await;
    assert_eq!(vault.get("answers").await, Err(VaultError::Unreadable));

    // Intact bytes moved to another record's name.
    replace_sealed(&db, "answers", &sealed).await;
    assert!(vault.get("answers").await.is_ok());
    let record = db.get(RECORDS, "answers").await.unwrap().unwrap();
    db.put(RECORDS, "bank", &record).await.unwrap();
    assert_eq!(vault.get("bank").await, Err(VaultError::Unreadable));

    // A changed rules tag (bound to the ciphertext).
    Reflect::set(&record, &"rules".into(), &"2020.1.1".into()).unwrap();
    db.put(RECORDS, "answers", &record).await.unwrap();
    assert_eq!(vault.get("answers").await, Err(VaultError::Unreadable));

    // Not a vault record at all.
    db.put(RECORDS, "answers", &"plain text".into())
        .await
        .unwrap();
    assert_eq!(vault.get("answers").await, Err(VaultError::Unreadable));
}

#[wasm_bindgen_test]
async fn every_record_carries_the_rules_version() {
    let vault = Vault::open("akun-rules").await.unwrap();
    vault.put("answers", b"{}").await.unwrap();
    let db = raw("akun-rules").await;
    let record = db.get(RECORDS, "answers").await.unwrap().unwrap();
    let rules = Reflect::get(&record, &"rules".into()).unwrap().as_string();
    assert_eq!(rules.as_deref(), Some(RULES_VERSION));
    let opened = vault.open_record("answers").await.unwrap().unwrap();
    assert_eq!(opened.rules_version, RULES_VERSION);
    assert_eq!(opened.bytes, b"{}");
}

#[wasm_bindgen_test]
async fn wipe_all_leaves_no_klaim_database() {
    let open_vault = Vault::open("akun-wipe-1").await.unwrap();
    open_vault.put("answers", b"satu").await.unwrap();
    {
        let other = Vault::open("akun-wipe-2").await.unwrap();
        other.put("answers", b"dua").await.unwrap();
    }
    // Something else of this origin's is left alone.
    let unrelated = Db::open("not-a-vault", &["things"]).await.unwrap();
    unrelated.put("things", "x", &"y".into()).await.unwrap();
    drop(unrelated);
    assert!(vault_names().await.len() >= 2);

    // With one vault still open: it closes itself instead of blocking the wipe.
    Vault::wipe_all().await.unwrap();
    assert_eq!(vault_names().await, Vec::<String>::new());
    let local = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    assert_eq!(local.get_item("klaim.vaults").unwrap(), None);
    assert!(open_vault.get("answers").await.is_err());
    let all = idb::database_names().await.unwrap();
    assert!(all.iter().any(|n| n == "not-a-vault"));
    idb::delete_database("not-a-vault").await.unwrap();

    // Opened again, the account starts empty with a new key.
    let fresh = Vault::open("akun-wipe-1").await.unwrap();
    assert_eq!(fresh.get("answers").await.unwrap(), None);
    drop(fresh);
    Vault::wipe_all().await.unwrap();
    assert!(vault_names().await.is_empty());
}

#[wasm_bindgen_test]
fn browser_errors_are_sorted_and_explained() {
    let named = |name: &str| -> JsValue {
        web_sys::DomException::new_with_message_and_name("", name)
            .unwrap()
            .into()
    };
    assert_eq!(
        VaultError::from_js(&named("QuotaExceededError")),
        VaultError::QuotaExceeded
    );
    assert_eq!(
        VaultError::from_js(&named("OperationError")),
        VaultError::Unreadable
    );
    assert_eq!(
        VaultError::from_js(&named("InvalidStateError")),
        VaultError::Unavailable {
            detail: "InvalidStateError".to_owned()
        }
    );
    assert!(matches!(
        VaultError::from_js(&JsValue::NULL),
        VaultError::Unavailable { .. }
    ));

    let full = VaultError::QuotaExceeded;
    assert_eq!(full.code(), "vault.quota_exceeded");
    assert!(
        full.message(Lang::Id)
            .starts_with("Penyimpanan ponsel penuh")
    );
    assert!(full.hint(Lang::Id).contains("Hapus foto"));
    assert!(full.message(Lang::En).contains("storage is full"));
    let unavailable = VaultError::Unavailable {
        detail: "x".to_owned(),
    };
    assert!(unavailable.hint(Lang::Id).contains("mode penyamaran"));
    assert!(VaultError::Unreadable.hint(Lang::Id).contains("175"));
    // Every message and hint exists in both languages.
    for e in [full, unavailable, VaultError::Unreadable] {
        for lang in [Lang::Id, Lang::En] {
            assert!(!e.message(lang).is_empty() && !e.hint(lang).is_empty());
        }
    }
}

/// The list used where `indexedDB.databases()` is missing is kept, and wiped with the vaults.
#[wasm_bindgen_test]
async fn opened_vaults_are_listed_for_older_browsers() {
    let _vault = Vault::open("akun-listed").await.unwrap();
    let local = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let listed = local.get_item("klaim.vaults").unwrap().unwrap_or_default();
    let name = vault::database_name("akun-listed").await.unwrap();
    assert!(listed.split(' ').any(|n| n == name));
    assert!(!listed.contains("akun-listed"), "names are digests");
}
