//! Uploads cut off by a dying server: a retry takes the reservation over as soon as its server
//! is known dead (never while it lives), and the sweep removes what dead uploads left in the
//! database and in storage while keeping what is stored or under way. Runs on SQLite, and on
//! PostgreSQL (where "dead" is a released advisory lock) when KLAIM_TEST_POSTGRES_URL is set.

mod common;
#[path = "accounts/harness.rs"]
mod harness;
#[path = "claims/support.rs"]
mod support;
mod testdb;

use std::time::Duration;

use harness::Harness;
use klaim_core::claim::DocumentKind;
use klaim_server::config::StorageUrl;
use klaim_server::db::Backend;
use klaim_server::documents::records::{self, Reservation};
use klaim_server::documents::sweep::{self, Swept};
use klaim_server::documents::{ClientId, Documents, ObjectStorage};
use klaim_server::instance::Instance;
use support::{Upload, new_id, photo, put_document, stored, stored_files};

/// The newest account's id: the participant just registered.
async fn newest_account(h: &Harness) -> i64 {
    sqlx::query_scalar("SELECT MAX(id) FROM accounts")
        .fetch_one(h.db.db.pool())
        .await
        .unwrap()
}

/// Reserves `id` as `instance` would when an upload starts.
async fn reserve(h: &Harness, instance: &Instance, account_id: i64, id: &str) {
    let now = h.clock.now();
    let id = ClientId::parse(id).unwrap();
    let reservation = Reservation {
        id: &id,
        account_id,
        kind: DocumentKind::Ktp,
        sha256: &"0".repeat(64),
        instance_id: instance.id(&h.db.db, now).await.unwrap(),
    };
    assert!(
        records::reserve(&h.db.db, &reservation, now)
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn an_upload_cut_off_with_its_server_is_taken_over_once_that_server_is_gone() {
    let h = Harness::new("sweep_takeover").await;
    let rina = h.register(1).await;
    let account = newest_account(&h).await;
    let upload = Upload::jpeg("ktp", photo());
    let other_server = Instance::new();
    reserve(&h, &other_server, account, &upload.id).await;

    if h.db.backend() == Backend::Postgres {
        // Another process still holds it: its upload may yet finish.
        let busy = put_document(&h, Some(&rina), &upload).await;
        assert_eq!(busy.status, 409);
        assert_eq!(busy.error_code(), "document.upload_in_progress");
    }
    // The process dies: its lock connection goes with it.
    drop(other_server);
    let mut answer = put_document(&h, Some(&rina), &upload).await;
    for _ in 0..50 {
        if answer.status != 409 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        answer = put_document(&h, Some(&rina), &upload).await;
    }
    assert_eq!(answer.status, 201, "{:?}", answer.json());
    assert_eq!(stored_files(&h), vec![upload.id.clone()]);
}

#[tokio::test]
async fn a_sweep_removes_what_dead_uploads_left_and_keeps_what_is_stored_or_under_way() {
    let h = Harness::new("sweep_leftovers").await;
    let rina = h.register(1).await;
    let account = newest_account(&h).await;
    let dir = h.documents_dir();
    let kept = stored(&h, &rina, "ktp", photo()).await;

    // A dead server's upload: its reservation, the object it published and a partial file.
    let dead_server = Instance::new();
    let dead = new_id();
    reserve(&h, &dead_server, account, &dead).await;
    std::fs::write(dir.join(&dead), b"published, never recorded").unwrap();
    std::fs::write(dir.join(format!("{dead}#0")), b"half").unwrap();
    drop(dead_server);
    // An object no row names (its reservation was released after a crash).
    let unnamed = new_id();
    std::fs::write(dir.join(&unnamed), b"orphan").unwrap();
    // The sweeping server's own upload under way, and a file that is not a document.
    let documents = Documents {
        db: h.db.db.clone(),
        storage: ObjectStorage::open(&StorageUrl::Directory(dir.clone())).unwrap(),
        clock: h.clock.clone(),
        instance: Instance::new(),
    };
    let live = new_id();
    reserve(&h, &documents.instance, account, &live).await;
    std::fs::write(dir.join(format!("{live}#1")), b"arriving").unwrap();
    std::fs::write(dir.join("notes.txt"), b"not Klaim's").unwrap();

    // PostgreSQL drops the dead server's lock when its connection closes: wait for that.
    let mut swept = sweep::run(&documents).await.unwrap();
    for _ in 0..50 {
        if swept.reservations > 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        let again = sweep::run(&documents).await.unwrap();
        swept.reservations += again.reservations;
        swept.objects += again.objects;
        swept.partial_files += again.partial_files;
    }
    assert_eq!(
        swept,
        Swept {
            reservations: 1,
            objects: 2,
            partial_files: 1
        }
    );
    let mut left = stored_files(&h);
    left.sort();
    let mut expected = vec![kept.clone(), format!("{live}#1"), "notes.txt".to_owned()];
    expected.sort();
    assert_eq!(left, expected);
    let states = records::states_of(&h.db.db, &[dead.clone(), live.clone(), kept.clone()])
        .await
        .unwrap();
    assert_eq!(states.get(&dead), None);
    assert_eq!(states.get(&live), Some(&false));
    assert_eq!(states.get(&kept), Some(&true));

    // Nothing more to do; the stored document still reads back.
    assert!(sweep::run(&documents).await.unwrap().is_empty());
    let content = h
        .call(
            "GET",
            &format!("/api/v1/documents/{kept}/content"),
            None,
            Some(&rina),
        )
        .await;
    assert_eq!(content.body.as_ref(), photo().as_slice());
}
