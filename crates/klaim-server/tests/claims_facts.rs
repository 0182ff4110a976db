//! What the claim journey reads before submitting: the registry's facts (one's own, or a deceased
//! family member's, found only by family) and the bank's account-name inquiry. Runs on SQLite,
//! and on PostgreSQL when KLAIM_TEST_POSTGRES_URL is set.

mod common;
#[path = "accounts/harness.rs"]
mod harness;
mod testdb;

use harness::{Harness, codes};
use klaim_core::claim::ClaimFacts;
use serde_json::json;

#[tokio::test]
async fn a_participant_reads_their_own_facts() {
    let h = Harness::new("facts_own").await;
    let yohanes = h.register(6).await;
    let reply = h
        .call("GET", "/api/v1/claims/facts", None, Some(&yohanes))
        .await;
    assert_eq!(reply.status, 200, "{:?}", reply.json());
    let facts: ClaimFacts = serde_json::from_slice(&reply.body).expect("klaim-core reads it");
    let person = h.persona(6);
    assert_eq!(facts.nik, person.nik);
    assert_eq!(facts.name, person.name);
    let kpjs: Vec<&str> = facts.memberships.iter().map(|m| m.kpj.as_str()).collect();
    assert_eq!(kpjs, ["99060000006", "99060000016", "99060000026"]);
    assert!(facts.past_claims.is_empty());
    assert!(facts.deceased_on.is_none());
}

#[tokio::test]
async fn the_facts_of_a_deceased_participant_are_given_to_family_only() {
    let h = Harness::new("facts_deceased").await;
    let hasnah = h.register(13).await;
    let ridwan = h.persona(10).clone();
    let nik = ridwan.nik.as_str().to_owned();
    let kpj = ridwan.kpjs[0].kpj.as_str().to_owned();
    let uri = |nik: &str, kpj: &str| {
        format!("/api/v1/claims/facts?deceased_nik={nik}&deceased_kpj={kpj}")
    };

    let reply = h.call("GET", &uri(&nik, &kpj), None, Some(&hasnah)).await;
    assert_eq!(reply.status, 200, "{:?}", reply.json());
    let facts: ClaimFacts = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(facts.nik, ridwan.nik);
    assert_eq!(facts.deceased_on, ridwan.deceased_on);
    assert!(
        facts
            .family
            .iter()
            .any(|f| f.nik == Some(h.persona(13).nik))
    );
    // Spaces and dots as people type them are fine.
    let typed = h
        .call(
            "GET",
            &uri("7371.1117.0875.9010", &kpj),
            None,
            Some(&hasnah),
        )
        .await;
    assert_eq!(typed.status, 200);

    // Every way it can fail gets the same answer.
    let rina = h.register(1).await;
    let agus = h.persona(2).clone();
    let failures = [
        (uri(&nik, &kpj), &rina, "not family"),
        (uri(&nik, "99990000099"), &hasnah, "another KPJ"),
        (
            uri(agus.nik.as_str(), agus.kpjs[0].kpj.as_str()),
            &hasnah,
            "alive",
        ),
        (uri("3374055205919999", &kpj), &hasnah, "unknown NIK"),
    ];
    let mut answers = Vec::new();
    for (uri, cookie, what) in &failures {
        let reply = h.call("GET", uri, None, Some(cookie)).await;
        assert_eq!(reply.status, 404, "{what}");
        assert_eq!(
            codes(&reply),
            ["deceased:claim.deceased_not_found"],
            "{what}"
        );
        answers.push(reply.body.clone());
    }
    assert!(answers.windows(2).all(|w| w[0] == w[1]));

    // The API document declares both parameters as optional strings: a number klaim-core's
    // parser refuses, or one without the other, is a rule broken with the parser's finding for
    // each (the missing one read as empty), in the one error shape.
    for (refused, expected) in [
        (
            format!("/api/v1/claims/facts?deceased_nik={nik}"),
            vec!["deceased_kpj:kpj.empty"],
        ),
        (
            format!("/api/v1/claims/facts?deceased_kpj={kpj}&deceased_nik="),
            vec!["deceased_nik:nik.empty"],
        ),
        (uri("12345", &kpj), vec!["deceased_nik:nik.length"]),
        (
            uri("12345", "12"),
            vec!["deceased_nik:nik.length", "deceased_kpj:kpj.too_short"],
        ),
    ] {
        let reply = h.call("GET", &refused, None, Some(&hasnah)).await;
        assert_eq!(reply.status, 422, "{refused}");
        assert_eq!(codes(&reply), expected, "{refused}");
    }
    // Empty values count as absent: the caller's own facts.
    let own = h
        .call(
            "GET",
            "/api/v1/claims/facts?deceased_nik=&deceased_kpj=",
            None,
            Some(&hasnah),
        )
        .await;
    assert_eq!(own.status, 200);
    for malformed in [
        format!("{}&deceased_nik={nik}", uri(&nik, &kpj)),
        "/api/v1/claims/facts?who=me".to_owned(),
    ] {
        let reply = h.call("GET", &malformed, None, Some(&hasnah)).await;
        assert_eq!(reply.status, 400, "{malformed}");
        assert_eq!(reply.error_code(), "api.malformed");
    }
    let officer = h.officer().await;
    assert_eq!(
        h.call("GET", &uri(&nik, &kpj), None, Some(&officer))
            .await
            .status,
        403
    );
    assert_eq!(
        h.call("GET", &uri(&nik, &kpj), None, None).await.status,
        401
    );
}

#[tokio::test]
async fn the_bank_inquiry_masks_the_holder_and_compares_names() {
    let h = Harness::new("bank_inquiry").await;
    let rina = h.register(1).await;
    let inquire = async |cookie: &str, bank: &str, number: &str| {
        h.call(
            "POST",
            "/api/v1/bank-inquiries",
            Some(json!({"bank_account": {"bank": bank, "number": number}})),
            Some(cookie),
        )
        .await
    };
    let own = inquire(&rina, "014", "8031234567").await;
    assert_eq!(own.status, 200, "{:?}", own.json());
    // The bank writes names in capitals: the same name, written differently.
    assert_eq!(
        own.json(),
        json!({"holder_masked": "R*** W********", "name_match": "equivalent"})
    );

    // Asep's wife's account: someone else's name, never shown in full.
    let asep = h.register(9).await;
    let wife = inquire(&asep, "009", "0987654321").await;
    assert_eq!(wife.json()["holder_masked"], "E*** K********");
    assert_eq!(wife.json()["name_match"], "different");
    assert!(!wife.body.windows(4).any(|w| w == b"EUIS"));

    let unknown = inquire(&rina, "014", "1111111111").await;
    assert_eq!(unknown.status, 422);
    assert_eq!(codes(&unknown), ["bank_account:bank.account_not_found"]);
    let message = unknown.json()["errors"][0]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        message.contains("BCA") && message.contains("periksa"),
        "{message}"
    );

    // An account number or bank code klaim-core refuses: its finding, not "malformed".
    for (account, code) in [
        (
            json!({"bank": "014", "number": "12ab"}),
            "bank_account:bank_account.not_digits",
        ),
        (
            json!({"bank": "999", "number": "1234567890"}),
            "bank_account:bank.unknown",
        ),
    ] {
        let refused = h
            .call(
                "POST",
                "/api/v1/bank-inquiries",
                Some(json!({ "bank_account": account })),
                Some(&rina),
            )
            .await;
        assert_eq!(refused.status, 422, "{account}");
        assert_eq!(codes(&refused), [code]);
    }
    let malformed = h
        .call(
            "POST",
            "/api/v1/bank-inquiries",
            Some(json!({"bank_account": {"bank": "014"}})),
            Some(&rina),
        )
        .await;
    assert_eq!(malformed.status, 400);
}

#[tokio::test]
async fn bank_inquiries_are_rate_limited_per_account() {
    let h = Harness::new("bank_limit").await;
    let rina = h.register(1).await;
    let body = json!({"bank_account": {"bank": "014", "number": "8031234567"}});
    let max = klaim_server::claims::bank::INQUIRIES_PER_ACCOUNT.max;
    for n in 0..max {
        let reply = h
            .call(
                "POST",
                "/api/v1/bank-inquiries",
                Some(body.clone()),
                Some(&rina),
            )
            .await;
        assert_eq!(reply.status, 200, "inquiry {n}");
    }
    let reply = h
        .call(
            "POST",
            "/api/v1/bank-inquiries",
            Some(body.clone()),
            Some(&rina),
        )
        .await;
    assert_eq!(reply.status, 429);
    assert_eq!(reply.error_code(), "api.rate_limited");
    let wait: i64 = reply.header("retry-after").parse().unwrap();
    assert!(wait > 0);
    // When the window has passed it answers again (the session kept alive meanwhile).
    h.clock.advance(wait / 2);
    assert_eq!(
        h.call("GET", "/api/v1/me", None, Some(&rina)).await.status,
        200
    );
    h.clock.advance(wait - wait / 2);
    let reply = h
        .call("POST", "/api/v1/bank-inquiries", Some(body), Some(&rina))
        .await;
    assert_eq!(reply.status, 200);
}
