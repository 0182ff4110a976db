#![no_main]
//! A participant's fix against the items an officer reopened: answers and attachments before and
//! after, built byte by byte from small pools so that equal and unequal values both turn up
//! often. Whatever comes in, `check_resubmission` must not panic and must keep its promises:
//! sending the claim back unchanged only ever misses the reopened documents, and an accepted fix
//! changed nothing the officer did not reopen.

use klaim_core::api::claim::AttachedDocument;
use klaim_core::claim::*;
use klaim_core::*;
use libfuzzer_sys::fuzz_target;

#[path = "common/bytes.rs"]
mod bytes;
use bytes::Bytes;

fuzz_target!(|data: &[u8]| {
    let b = &mut Bytes(data);
    let items: Vec<ActionItem> = (0..b.count(4))
        .map(|_| ActionItem {
            reason: b.pick(&OfficerReason::ALL),
            target: match b.u8() % 3 {
                0 => ItemTarget::Document(b.pick(&DocumentKind::ALL)),
                1 => ItemTarget::Answer(b.pick(&Question::ALL)),
                _ => ItemTarget::Outside,
            },
        })
        .collect();
    let before = answers(b);
    let after = if b.bool() { before.clone() } else { answers(b) };
    let before_docs = documents(b);
    let after_docs = if b.bool() {
        before_docs.clone()
    } else {
        documents(b)
    };

    let result = check_resubmission(&items, &before, &after, &before_docs, &after_docs);
    assert_eq!(
        result,
        check_resubmission(&items, &before, &after, &before_docs, &after_docs)
    );
    match &result {
        Ok(()) => {
            assert_eq!(
                (before.programme, before.reason),
                (after.programme, after.reason)
            );
            for item in &items {
                if let ItemTarget::Document(kind) = item.target {
                    assert!(after_docs.iter().any(|d| d.kind == kind));
                }
            }
        }
        Err(problems) => {
            assert!(!problems.is_empty());
            for p in problems {
                let _ = (p.field(), p.message(Lang::Id), p.hint(Lang::En));
            }
        }
    }

    // The claim sent back as it was: only reopened documents can be missing.
    let unchanged = check_resubmission(&items, &before, &before, &before_docs, &before_docs);
    for p in unchanged.err().unwrap_or_default() {
        let ResubmissionProblem::DocumentNotReplaced(kind) = p else {
            panic!("unchanged claim refused for {p:?}");
        };
        assert!(items.iter().any(|i| i.target == ItemTarget::Document(kind)));
    }
});

impl Bytes<'_> {
    fn date(&mut self) -> Date {
        Date::new(2020 + u16::from(self.u8() % 3), 1 + self.u8() % 2, 1).unwrap()
    }
}

/// Ids differ only in case now and then: the rules compare them without case.
fn documents(b: &mut Bytes) -> Vec<AttachedDocument> {
    const IDS: [&str; 4] = [
        "0b7c8e9a-1111-4a5b-8c9d-000000000001",
        "0B7C8E9A-1111-4A5B-8C9D-000000000001",
        "0b7c8e9a-1111-4a5b-8c9d-000000000002",
        "0b7c8e9a-1111-4a5b-8c9d-000000000003",
    ];
    (0..b.count(5))
        .map(|_| AttachedDocument {
            kind: b.pick(&DocumentKind::ALL[..6]),
            document_id: b.pick(&IDS).to_owned(),
        })
        .collect()
}

fn answers(b: &mut Bytes) -> ClaimAnswers {
    let mut a = ClaimAnswers::new(b.pick(&Programme::ALL[..2]), b.pick(&ClaimReason::ALL[..2]));
    a.kpj = b
        .bool()
        .then(|| Kpj::parse(["12345678901", "12345678902"][usize::from(b.bool())]).unwrap());
    a.event_on = b.bool().then(|| b.date());
    if b.bool() {
        a.bank_account = Some(BankAccount::parse(Bank::Bri, "123456789012345").unwrap());
    }
    if b.bool() {
        a.npwp = Some(Npwp::parse("3171011203900001").unwrap());
    }
    a
}
