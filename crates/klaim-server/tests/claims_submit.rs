//! Submitting claims: the server runs klaim-core's gate again on the registry's facts, issues a
//! reference, and stores a claim once — retries, a double click and a second claim for the same
//! thing included. Runs on SQLite, and on PostgreSQL when KLAIM_TEST_POSTGRES_URL is set.

mod common;
#[path = "accounts/harness.rs"]
mod harness;
#[path = "claims/support.rs"]
mod support;
mod testdb;

use harness::{Harness, codes};
use klaim_core::claim::{Estimate, Programme, Reference, decision_due};
use klaim_core::{Date, Rupiah};
use serde_json::{Value, json};
use support::{answers, attach, claim_rows, pairs, put_claim, submission};

/// What a JHT claim after resignation needs (domain.md §2).
const JHT_RESIGNED: [&str; 3] = ["ktp", "kpj_card", "bank_book"];

#[tokio::test]
async fn a_jht_claim_after_resignation_is_submitted_with_a_reference() {
    let h = Harness::new("claim_jht").await;
    let rina = h.register(1).await;
    let docs = attach(&h, &rina, &JHT_RESIGNED).await;
    let body = submission(answers(h.persona(1), "jht", "resigned"), &pairs(&docs));
    let id = support::new_id();
    let reply = put_claim(&h, &rina, &id, body.clone()).await;
    assert_eq!(reply.status, 201, "{:?}", reply.json());
    let view = reply.json();
    assert_eq!(view["id"], id.as_str());
    assert_eq!(view["status"], "submitted");
    assert_eq!(
        (view["programme"].as_str(), view["reason"].as_str()),
        (Some("jht"), Some("resigned"))
    );
    assert_eq!(view["submitted_at"], h.clock.now());
    let reference = view["reference"].as_str().unwrap();
    let parsed = Reference::parse(reference).expect("a valid reference");
    assert_eq!(parsed.as_str(), reference);
    assert!(reference.starts_with("KLM-26-"), "{reference}");
    assert_eq!(reference.len(), "KLM-26-7QX4-M2PA".len());
    // The estimate is the server's, from the registry's balance, and the decision date follows.
    assert_eq!(view["estimate"]["lump_sum"], 12_350_000);
    let estimate = Estimate {
        lump_sum: Rupiah::from_u64(12_350_000),
        monthly: None,
        months: None,
        total: None,
        tax: Rupiah::ZERO,
        explanation_id: String::new(),
        explanation_en: String::new(),
    };
    let due = decision_due(Programme::Jht, &estimate, h.clock.today());
    assert_eq!(view["decision_due_on"], due.to_iso());
    assert!(Date::parse_iso(view["decision_due_on"].as_str().unwrap()).unwrap() > h.clock.today());
    let attached: Vec<&str> = view["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    assert_eq!(attached, JHT_RESIGNED);
    assert!(
        view["documents"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["in_claims"] == 1)
    );
    assert_eq!(view["answers"], body["answers"]);

    // Read back: the list and the claim.
    let list = h.call("GET", "/api/v1/claims", None, Some(&rina)).await;
    assert_eq!(list.status, 200);
    let summary = &list.json()["claims"][0];
    assert_eq!(summary["reference"], reference);
    assert_eq!(summary["status"], "submitted");
    let again = h
        .call("GET", &format!("/api/v1/claims/{id}"), None, Some(&rina))
        .await;
    assert_eq!(again.json(), view);

    // One status row: submitted, by this account.
    let history: Vec<(String, Option<i64>)> =
        sqlx::query_as("SELECT status, by_account FROM claim_status_history WHERE claim_id = $1")
            .bind(&id)
            .fetch_all(h.db.db.pool())
            .await
            .unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].0, "submitted");
    assert!(history[0].1.is_some());

    // The facts now show the open claim, so the app explains why a second one must wait.
    let facts = h
        .call("GET", "/api/v1/claims/facts", None, Some(&rina))
        .await;
    let past = &facts.json()["past_claims"];
    assert_eq!(past[0]["programme"], "jht");
    assert_eq!(past[0]["open"], true);
}

#[tokio::test]
async fn a_retry_returns_the_same_claim_and_other_content_under_the_id_is_refused() {
    let h = Harness::new("claim_retry").await;
    let rina = h.register(1).await;
    let docs = attach(&h, &rina, &JHT_RESIGNED).await;
    let body = submission(answers(h.persona(1), "jht", "resigned"), &pairs(&docs));
    let id = support::new_id();
    let first = put_claim(&h, &rina, &id, body.clone()).await;
    assert_eq!(first.status, 201);
    h.clock.advance(30);
    // The same content with the attachments in another order is the same claim.
    let mut reordered = body.clone();
    reordered["documents"].as_array_mut().unwrap().reverse();
    let retry = put_claim(&h, &rina, &id, reordered).await;
    assert_eq!(retry.status, 200, "{:?}", retry.json());
    assert_eq!(retry.json(), first.json());

    let mut other = body.clone();
    other["answers"]["event_on"] = json!(h.clock.today().add_days(-40).unwrap().to_iso());
    let conflict = put_claim(&h, &rina, &id, other).await;
    assert_eq!(conflict.status, 409);
    assert_eq!(conflict.error_code(), "claim.id_conflict");

    // Another account naming the id gets the same answer and sees nothing.
    let agus = h.register(2).await;
    let theirs = put_claim(&h, &agus, &id, body.clone()).await;
    assert_eq!(theirs.status, 409);
    assert_eq!(theirs.json(), conflict.json());

    // The same claim under a new id: one open JHT claim for resignation at a time.
    let second = put_claim(&h, &rina, &support::new_id(), body).await;
    assert_eq!(second.status, 409, "{:?}", second.json());
    assert_eq!(second.error_code(), "claim.already_open");
    let reference = first.json()["reference"].as_str().unwrap().to_owned();
    let message = second.json()["errors"][0]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(message.contains(&reference), "{message}");
    assert_eq!(claim_rows(&h).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_double_click_makes_one_claim() {
    let h = Harness::new("claim_double").await;
    let rina = h.register(1).await;
    let docs = attach(&h, &rina, &JHT_RESIGNED).await;
    let body = submission(answers(h.persona(1), "jht", "resigned"), &pairs(&docs));
    for round in 1..=3 {
        let id = support::new_id();
        let sends = (0..2).map(|_| {
            let app = h.app.clone();
            let request = support::claim_request(&rina, &id, &body);
            tokio::spawn(async move { common::send(&app, request).await })
        });
        let mut replies = Vec::new();
        for send in sends.collect::<Vec<_>>() {
            replies.push(send.await.unwrap());
        }
        let mut statuses: Vec<u16> = replies.iter().map(|r| r.status.as_u16()).collect();
        statuses.sort();
        assert_eq!(
            statuses,
            [200, 201],
            "{:?}",
            replies.iter().map(|r| r.json()).collect::<Vec<_>>()
        );
        assert_eq!(
            replies[0].json()["reference"],
            replies[1].json()["reference"]
        );
        assert_eq!(claim_rows(&h).await, round);
        // Free the open-claim slot for the next round, as a decision would (the status history
        // is append-only, so the claim stays).
        sqlx::query("UPDATE claims SET status = 'rejected', open_key = NULL")
            .execute(h.db.db.pool())
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn rules_not_met_are_refused_with_every_problem_and_its_field() {
    let h = Harness::new("claim_rules").await;
    // Agus resigned six days ago and his employer has not deactivated the membership.
    let agus = h.register(2).await;
    let docs = attach(&h, &agus, &JHT_RESIGNED).await;
    let body = submission(answers(h.persona(2), "jht", "resigned"), &pairs(&docs));
    let reply = put_claim(&h, &agus, &support::new_id(), body).await;
    assert_eq!(reply.status, 422);
    let found = codes(&reply);
    assert!(
        found.contains(&"-:claim.membership_active".to_owned()),
        "{found:?}"
    );
    assert!(
        found.contains(&"-:claim.waiting_period".to_owned()),
        "{found:?}"
    );

    // JKP after a resignation (Rina): never.
    let rina = h.register(1).await;
    let body = submission(answers(h.persona(1), "jkp", "resigned"), &[]);
    let reply = put_claim(&h, &rina, &support::new_id(), body).await;
    assert_eq!(reply.status, 422);
    assert!(
        codes(&reply).contains(&"-:claim.jkp_only_after_dismissal".to_owned()),
        "{:?}",
        codes(&reply)
    );

    // Missing documents and an unanswered question name their page.
    let mut no_date = answers(h.persona(1), "jht", "resigned");
    no_date["event_on"] = Value::Null;
    let reply = put_claim(&h, &rina, &support::new_id(), submission(no_date, &[])).await;
    assert_eq!(reply.status, 422);
    let found = codes(&reply);
    assert!(
        found.contains(&"event_date:claim.unanswered".to_owned()),
        "{found:?}"
    );
    assert!(
        found.contains(&"documents:claim.document_missing".to_owned()),
        "{found:?}"
    );
    assert_eq!(claim_rows(&h).await, 0);
}

#[tokio::test]
async fn a_bank_account_in_someone_elses_name_is_refused() {
    let h = Harness::new("claim_bank").await;
    // Asep's only account is his wife's.
    let asep = h.register(9).await;
    let docs = attach(&h, &asep, &JHT_RESIGNED).await;
    let body = submission(answers(h.persona(9), "jht", "resigned"), &pairs(&docs));
    let reply = put_claim(&h, &asep, &support::new_id(), body.clone()).await;
    assert_eq!(reply.status, 422);
    assert_eq!(codes(&reply), ["bank_account:claim.bank_holder_differs"]);

    // An account the bank does not know is said as such.
    let mut unknown = body;
    unknown["answers"]["bank_account"] = json!({"bank": "009", "number": "1111111111"});
    let reply = put_claim(&h, &asep, &support::new_id(), unknown).await;
    assert_eq!(codes(&reply), ["bank_account:bank.account_not_found"]);
    assert_eq!(claim_rows(&h).await, 0);
}

#[tokio::test]
async fn an_heir_claims_jkm_for_the_deceased() {
    let h = Harness::new("claim_heir").await;
    let hasnah = h.register(13).await;
    let ridwan = h.persona(10).clone();
    let deceased = json!({
        "nik": ridwan.nik.as_str(),
        "kpj": ridwan.kpjs[0].kpj.as_str(),
        "birth_date": ridwan.birth_date.to_iso(),
    });
    let mut answers = answers(h.persona(13), "jkm", "death");
    answers["kpj"] = json!(ridwan.kpjs[0].kpj.as_str());
    answers["event_on"] = json!(ridwan.deceased_on.unwrap().to_iso());
    answers["deceased"] = deceased;
    // Find out what the rules ask for, then attach it.
    let id = support::new_id();
    let first = put_claim(&h, &hasnah, &id, submission(answers.clone(), &[])).await;
    assert_eq!(first.status, 422, "{:?}", first.json());
    let missing: Vec<&'static str> = first.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["code"] == "claim.document_missing")
        .map(|e| kind_named(e["message"].as_str().unwrap()))
        .collect();
    assert!(missing.contains(&"death_certificate"), "{missing:?}");
    assert!(
        codes(&first)
            .iter()
            .all(|c| c == "documents:claim.document_missing"),
        "{:?}",
        codes(&first)
    );
    let docs = attach(&h, &hasnah, &missing).await;
    let reply = put_claim(&h, &hasnah, &id, submission(answers.clone(), &pairs(&docs))).await;
    assert_eq!(reply.status, 201, "{:?}", reply.json());
    assert_eq!(reply.json()["programme"], "jkm");
    assert!(reply.json()["estimate"]["lump_sum"].as_u64().unwrap() >= 42_000_000);
    // The claim is about Ridwan: a second JKM claim for him waits for this one.
    let again = put_claim(
        &h,
        &hasnah,
        &support::new_id(),
        submission(answers.clone(), &[]),
    )
    .await;
    assert_eq!(again.error_code(), "claim.already_open");

    // Someone outside the family cannot claim for him, and learns nothing more.
    let rina = h.register(1).await;
    let reply = put_claim(&h, &rina, &support::new_id(), submission(answers, &[])).await;
    assert_eq!(reply.status, 404);
    assert_eq!(codes(&reply), ["deceased:claim.deceased_not_found"]);
}

/// The document kind whose Indonesian name a `claim.document_missing` message carries.
fn kind_named(message: &str) -> &'static str {
    use klaim_core::Lang;
    use klaim_core::claim::DocumentKind;
    DocumentKind::ALL
        .iter()
        .filter(|k| message.contains(k.name(Lang::Id)))
        .max_by_key(|k| k.name(Lang::Id).len())
        .map(|k| k.as_str())
        .unwrap_or_else(|| panic!("no document named in {message}"))
}

#[tokio::test]
async fn the_rules_version_must_be_the_servers() {
    let h = Harness::new("claim_version").await;
    let rina = h.register(1).await;
    let mut body = submission(answers(h.persona(1), "jht", "resigned"), &[]);
    body["rules_version"] = json!("2020.1.1");
    let reply = put_claim(&h, &rina, &support::new_id(), body).await;
    assert_eq!(reply.status, 409);
    assert_eq!(reply.error_code(), "claim.rules_changed");
}

#[tokio::test]
async fn attachments_must_be_the_callers_own_documents() {
    let h = Harness::new("claim_docs").await;
    let rina = h.register(1).await;
    let agus = h.register(2).await;
    let mine = attach(&h, &rina, &JHT_RESIGNED).await;
    let theirs = attach(&h, &agus, &["ktp"]).await;
    let person = h.persona(1).clone();
    let send = async |documents: Vec<(&str, &str)>| {
        let body = submission(answers(&person, "jht", "resigned"), &documents);
        put_claim(&h, &rina, &support::new_id(), body).await
    };
    let (kpj_card, bank_book) = (mine[1].1.as_str(), mine[2].1.as_str());

    let reply = send(vec![
        ("ktp", &theirs[0].1),
        ("kpj_card", kpj_card),
        ("bank_book", bank_book),
    ])
    .await;
    assert_eq!(reply.status, 404);
    assert_eq!(codes(&reply), ["documents:document.not_found"]);
    let unknown = support::new_id();
    let reply = send(vec![
        ("ktp", &unknown),
        ("kpj_card", kpj_card),
        ("bank_book", bank_book),
    ])
    .await;
    assert_eq!(codes(&reply), ["documents:document.not_found"]);
    let reply = send(vec![("ktp", "not-a-uuid")]).await;
    assert_eq!(codes(&reply), ["documents:document.not_found"]);

    let reply = send(vec![("ktp", kpj_card), ("bank_book", bank_book)]).await;
    assert_eq!(reply.status, 422);
    assert_eq!(codes(&reply), ["documents:claim.document_kind_differs"]);
    let reply = send(vec![("kpj_card", kpj_card), ("kpj_card", kpj_card)]).await;
    assert_eq!(codes(&reply), ["documents:claim.document_repeated"]);
    assert_eq!(claim_rows(&h).await, 0);
}

#[tokio::test]
async fn malformed_submissions_are_400_and_store_nothing() {
    let h = Harness::new("claim_bad_json").await;
    let rina = h.register(1).await;
    let good = submission(answers(h.persona(1), "jht", "resigned"), &[]);
    let mut cases: Vec<Value> = Vec::new();
    let mut extra = good.clone();
    extra["answers"]["favourite_colour"] = json!("blue");
    cases.push(extra);
    let mut extra_top = good.clone();
    extra_top["priority"] = json!("high");
    cases.push(extra_top);
    let mut wrong_type = good.clone();
    wrong_type["answers"]["event_on"] = json!(20260101);
    cases.push(wrong_type);
    let mut unknown_programme = good.clone();
    unknown_programme["answers"]["programme"] = json!("bonus");
    cases.push(unknown_programme);
    let mut no_version = good.clone();
    no_version.as_object_mut().unwrap().remove("rules_version");
    cases.push(no_version);
    cases.push(json!([1, 2, 3]));
    for body in cases {
        let reply = put_claim(&h, &rina, &support::new_id(), body.clone()).await;
        assert_eq!(reply.status, 400, "{body}: {:?}", reply.json());
        assert_eq!(reply.error_code(), "api.malformed", "{body}");
    }
    // Not JSON at all, and a non-UUID claim id.
    let request = axum::http::Request::put(format!("/api/v1/claims/{}", support::new_id()))
        .header("x-klaim-request", "1")
        .header("content-type", "application/json")
        .header("cookie", &rina)
        .body(axum::body::Body::from("{\"rules_version\": "))
        .unwrap();
    assert_eq!(common::send(&h.app, request).await.status, 400);
    let reply = put_claim(&h, &rina, "claim-1", good.clone()).await;
    assert_eq!(reply.status, 400);

    // The right shape, but an answer klaim-core's parser refuses: the parser's finding, with the
    // answer's place as its field (the API document can only call these "a string").
    let mut refused: Vec<(Value, &str, &str)> = Vec::new();
    let mut bad_date = good.clone();
    bad_date["answers"]["event_on"] = json!("2026-02-30");
    refused.push((bad_date, "answers.event_on", "date."));
    let mut bad_kpj = good.clone();
    bad_kpj["answers"]["kpj"] = json!("12");
    refused.push((bad_kpj, "answers.kpj", "kpj.too_short"));
    let mut unknown_bank = good.clone();
    unknown_bank["answers"]["bank_account"] = json!({"bank": "999", "number": "1234567890"});
    refused.push((unknown_bank, "answers.bank_account", "bank.unknown"));
    for (body, field, code) in refused {
        let reply = put_claim(&h, &rina, &support::new_id(), body.clone()).await;
        assert_eq!(reply.status, 422, "{body}: {:?}", reply.json());
        let error = &reply.json()["errors"][0];
        assert_eq!(error["field"], field, "{body}");
        assert!(error["code"].as_str().unwrap().starts_with(code), "{error}");
        assert!(!error["message"].as_str().unwrap().is_empty());
    }
    assert_eq!(claim_rows(&h).await, 0);
}

#[tokio::test]
async fn claims_are_seen_by_their_owner_only_and_staff_get_403() {
    let h = Harness::new("claim_authz").await;
    let rina = h.register(1).await;
    let agus = h.register(2).await;
    let officer = h.officer().await;
    let docs = attach(&h, &rina, &JHT_RESIGNED).await;
    let body = submission(answers(h.persona(1), "jht", "resigned"), &pairs(&docs));
    let id = support::new_id();
    assert_eq!(put_claim(&h, &rina, &id, body.clone()).await.status, 201);
    let one = format!("/api/v1/claims/{id}");

    let other = h.call("GET", &one, None, Some(&agus)).await;
    assert_eq!(other.status, 404);
    assert_eq!(other.error_code(), "claim.not_found");
    let theirs = h.call("GET", "/api/v1/claims", None, Some(&agus)).await;
    assert_eq!(theirs.json()["claims"], json!([]));
    assert_eq!(
        h.call("GET", "/api/v1/claims/nope", None, Some(&rina))
            .await
            .status,
        404
    );

    for (method, uri, body) in [
        ("GET", "/api/v1/claims", None),
        ("GET", one.as_str(), None),
        ("PUT", one.as_str(), Some(body.clone())),
        ("GET", "/api/v1/claims/facts", None),
        (
            "POST",
            "/api/v1/bank-inquiries",
            Some(json!({"bank_account": {"bank": "014", "number": "8031234567"}})),
        ),
    ] {
        let anonymous = h.call(method, uri, body.clone(), None).await;
        assert_eq!(anonymous.status, 401, "{method} {uri}");
        assert_eq!(anonymous.error_code(), "api.unauthenticated");
        let staff = h.call(method, uri, body.clone(), Some(&officer)).await;
        assert_eq!(staff.status, 403, "{method} {uri}");
        assert_eq!(staff.error_code(), "api.forbidden");
        if method != "GET" {
            let request = axum::http::Request::builder()
                .method(method)
                .uri(uri)
                .header("content-type", "application/json")
                .header("cookie", &rina)
                .body(axum::body::Body::from(body.unwrap().to_string()))
                .unwrap();
            let unmarked = common::send(&h.app, request).await;
            assert_eq!(unmarked.status, 403, "{method} {uri}");
            assert_eq!(unmarked.error_code(), "api.request_header_missing");
        }
    }
    assert_eq!(claim_rows(&h).await, 1);
}
