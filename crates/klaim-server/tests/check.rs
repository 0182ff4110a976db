//! `klaim-server check`: a sound database that agrees with storage passes; a missing object, an
//! orphan object and a dead upload's partial file are each reported and fail the check. Runs on
//! SQLite, and on PostgreSQL (amcheck) when KLAIM_TEST_POSTGRES_URL is set.

mod common;
#[path = "accounts/harness.rs"]
mod harness;
#[path = "claims/support.rs"]
mod support;
mod testdb;

use harness::Harness;
use klaim_server::check::check;
use klaim_server::config::StorageUrl;
use klaim_server::documents::ObjectStorage;
use support::{new_id, photo, stored};

#[tokio::test]
async fn the_check_passes_a_sound_store_and_names_each_disagreement() {
    let h = Harness::new("check").await;
    let rina = h.register(1).await;
    let dir = h.documents_dir();
    let objects = ObjectStorage::open(&StorageUrl::Directory(dir.clone())).unwrap();
    let kept = stored(&h, &rina, "ktp", photo()).await;
    let lost = stored(&h, &rina, "family_card", support::other_photo()).await;

    let sound = check(&h.db.db, &objects).await.unwrap();
    assert!(sound.ok, "{sound:?}");
    assert_eq!(sound.integrity, ["ok"]);
    assert!(sound.integrity_checked);
    assert_eq!(
        (sound.documents_stored, sound.documents_in_no_claim),
        (2, 2)
    );

    std::fs::remove_file(dir.join(&lost)).unwrap();
    let orphan = new_id();
    std::fs::write(dir.join(&orphan), b"no row names me").unwrap();
    std::fs::write(dir.join(format!("{}#3", new_id())), b"half").unwrap();
    let broken = check(&h.db.db, &objects).await.unwrap();
    assert!(!broken.ok);
    assert_eq!(broken.missing_objects, [lost]);
    assert_eq!(broken.orphan_objects, [orphan]);
    assert_eq!(broken.partial_files, 1);
    assert_eq!(broken.integrity, ["ok"], "the database itself is sound");
    assert!(!broken.orphan_objects.contains(&kept));
}
