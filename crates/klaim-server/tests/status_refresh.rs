//! Refreshing a claim's status cheaply: `GET /claims` and `GET /claims/{id}` carry an ETag that
//! changes with every step, `Cache-Control: no-cache, private`, and answer `304` to a matching
//! `If-None-Match` — only for the claim's owner. Runs on SQLite, and on PostgreSQL when
//! KLAIM_TEST_POSTGRES_URL is set.

mod common;
#[path = "follow/support.rs"]
mod follow;
#[path = "accounts/harness.rs"]
mod harness;
#[path = "claims/support.rs"]
mod support;
mod testdb;

use follow::{change_status, submitted};
use harness::Harness;
use klaim_core::claim::ClaimStatus;

use crate::common::Reply;

async fn get(h: &Harness, uri: &str, cookie: Option<&str>, tag: Option<&str>) -> Reply {
    let mut headers = vec![];
    if let Some(cookie) = cookie {
        headers.push(("cookie", cookie));
    }
    if let Some(tag) = tag {
        headers.push(("if-none-match", tag));
    }
    common::get(&h.app, uri, &headers).await
}

#[tokio::test]
async fn a_claim_answers_304_while_unchanged_and_200_with_a_new_tag_after_a_step() {
    let h = Harness::new("refresh_claim").await;
    let claim = submitted(&h, 1).await;
    let uri = format!("/api/v1/claims/{}", claim.id);

    let first = get(&h, &uri, Some(&claim.cookie), None).await;
    assert_eq!(first.status, 200);
    assert_eq!(first.header("cache-control"), "no-cache, private");
    let tag = first.header("etag").to_owned();
    assert!(tag.starts_with('"') && tag.ends_with('"'), "{tag}");
    assert_eq!(first.json()["status"], "submitted");

    let unchanged = get(&h, &uri, Some(&claim.cookie), Some(&tag)).await;
    assert_eq!(unchanged.status, 304);
    assert!(unchanged.body.is_empty());
    assert_eq!(unchanged.header("etag"), tag);
    assert_eq!(unchanged.header("cache-control"), "no-cache, private");
    // A weak form of the tag, or one among others, matches too.
    let listed = format!("\"stale\", W/{tag}");
    assert_eq!(
        get(&h, &uri, Some(&claim.cookie), Some(&listed))
            .await
            .status,
        304
    );
    // Another tag gets the full answer.
    let other = get(&h, &uri, Some(&claim.cookie), Some("\"stale\"")).await;
    assert_eq!(other.status, 200);
    assert_eq!(other.header("etag"), tag);

    change_status(&h, &claim.id, ClaimStatus::Verifying).await;
    let changed = get(&h, &uri, Some(&claim.cookie), Some(&tag)).await;
    assert_eq!(changed.status, 200);
    assert_eq!(changed.json()["status"], "verifying");
    let new_tag = changed.header("etag").to_owned();
    assert_ne!(new_tag, tag);
    assert_eq!(
        get(&h, &uri, Some(&claim.cookie), Some(&new_tag))
            .await
            .status,
        304
    );
}

#[tokio::test]
async fn the_list_answers_304_while_no_claim_changed() {
    let h = Harness::new("refresh_list").await;
    let claim = submitted(&h, 1).await;
    let uri = "/api/v1/claims";

    let first = get(&h, uri, Some(&claim.cookie), None).await;
    assert_eq!(first.status, 200);
    assert_eq!(first.header("cache-control"), "no-cache, private");
    let tag = first.header("etag").to_owned();
    let unchanged = get(&h, uri, Some(&claim.cookie), Some(&tag)).await;
    assert_eq!((unchanged.status.as_u16(), unchanged.body.len()), (304, 0));

    change_status(&h, &claim.id, ClaimStatus::NeedsAction).await;
    let changed = get(&h, uri, Some(&claim.cookie), Some(&tag)).await;
    assert_eq!(changed.status, 200);
    assert_eq!(changed.json()["claims"][0]["status"], "needs_action");
    let new_tag = changed.header("etag").to_owned();
    assert_ne!(new_tag, tag);

    // Another participant's (empty) list has its own tag: a tag never crosses accounts.
    let other = h.register(3).await;
    let theirs = get(&h, uri, Some(&other), Some(&new_tag)).await;
    assert_eq!(theirs.status, 200);
    assert_eq!(theirs.json()["claims"], serde_json::json!([]));
    assert_ne!(theirs.header("etag"), new_tag);
}

#[tokio::test]
async fn only_the_owner_gets_a_tag_or_a_304() {
    let h = Harness::new("refresh_owner").await;
    let claim = submitted(&h, 1).await;
    let uri = format!("/api/v1/claims/{}", claim.id);
    let tag = get(&h, &uri, Some(&claim.cookie), None)
        .await
        .header("etag")
        .to_owned();

    // Another participant with the right tag: not found, never "not modified".
    let other = h.register(3).await;
    let theirs = get(&h, &uri, Some(&other), Some(&tag)).await;
    assert_eq!(theirs.status, 404);
    assert_eq!(theirs.error_code(), "claim.not_found");
    assert!(theirs.headers.get("etag").is_none());
    assert_eq!(theirs.header("cache-control"), "no-store");
    // Staff and the signed-out.
    let officer = h.officer().await;
    let staff = get(&h, &uri, Some(&officer), Some(&tag)).await;
    assert_eq!(staff.status, 403);
    let signed_out = get(&h, &uri, None, Some(&tag)).await;
    assert_eq!(signed_out.status, 401);
    let list_signed_out = get(&h, "/api/v1/claims", None, Some("*")).await;
    assert_eq!(list_signed_out.status, 401);
    // An unknown claim with `*`: still 404.
    let unknown = format!("/api/v1/claims/{}", support::new_id());
    assert_eq!(
        get(&h, &unknown, Some(&claim.cookie), Some("*"))
            .await
            .status,
        404
    );
}
