//! The registry facts a claim's rules read, fetched once per journey: the signed-in person's own,
//! and on a death claim the deceased participant's (after the heir said who died).

use klaim_core::Lang;
use klaim_core::claim::{ClaimFacts, Claimant};
use leptos::prelude::*;

use super::ClaimDraft;
use crate::api::{self, Failure};

/// What a journey page needs before the rules can run.
#[derive(Clone, Debug)]
pub enum Loaded {
    Ready {
        facts: ClaimFacts,
        claimant: Claimant,
    },
    /// A death claim whose deceased participant is not named yet.
    NeedsDeceased,
}

/// The facts from the draft, fetched when missing.
pub async fn load(draft: ClaimDraft, lang: Lang, by_heirs: bool) -> Result<Loaded, Failure> {
    let own = match draft.own_facts.get_untracked() {
        Some(facts) => facts,
        None => {
            let facts = api::own_claim_facts(lang).await?;
            draft.own_facts.set(Some(facts.clone()));
            facts
        }
    };
    let claimant = Claimant {
        name: own.name.clone(),
        nik: own.nik,
        birth_date: own.birth_date,
    };
    if !by_heirs {
        return Ok(Loaded::Ready {
            facts: own,
            claimant,
        });
    }
    if let Some(facts) = draft.deceased_facts.get_untracked() {
        return Ok(Loaded::Ready { facts, claimant });
    }
    let deceased = draft
        .answers
        .with_untracked(|a| a.as_ref().and_then(|a| a.deceased.clone()));
    let Some(deceased) = deceased else {
        return Ok(Loaded::NeedsDeceased);
    };
    let facts = api::deceased_claim_facts(lang, &deceased.nik, &deceased.kpj).await?;
    draft.deceased_facts.set(Some(facts.clone()));
    Ok(Loaded::Ready { facts, claimant })
}
