//! Who may claim for a participant who died, and the heir documents.

use super::super::figures::{JP_CHILD_AGE_LIMIT, MINOR_AGE};
use super::super::{Blocker, DocumentKind, FamilyFacts, Necessity, Relation};
use super::records::age;
use super::{Case, Draft};

/// Which order of heirs applies.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// JKM, JKK death, JHT death. PP 44/2015 jo. PP 82/2019 (JKM heirs); PP 46/2015 jo. PP
    /// 60/2015 (JHT to the heirs): widow/widower/child; else blood relatives up and down to the 2nd
    /// degree; else siblings; else parents-in-law. (The person named in a will is not on the
    /// family record: the branch handles that case.)
    Kin,
    /// JP survivors. PP 45/2015: the widow or widower, else up to 2 children under 23, else a
    /// parent.
    Pension,
}

/// The claimant's place in the order: lower claims first. `None`: not an heir under this order.
fn rank(order: Order, member: &FamilyFacts, case: &Case) -> Option<u8> {
    match order {
        Order::Kin => Some(match member.relation {
            Relation::Spouse | Relation::Child => 1,
            Relation::Parent | Relation::Grandparent | Relation::Grandchild => 2,
            Relation::Sibling => 3,
            Relation::ParentInLaw => 4,
        }),
        Order::Pension => match member.relation {
            Relation::Spouse => Some(1),
            Relation::Child if age(member.birth_date, case.today) < JP_CHILD_AGE_LIMIT => Some(2),
            Relation::Parent => Some(3),
            _ => None,
        },
    }
}

/// Blocks unless the participant died and the claimant is the first heir in `order` on the
/// family record. Returns the claimant's own entry when found.
pub fn check<'a>(case: &Case<'a>, draft: &mut Draft, order: Order) -> Option<&'a FamilyFacts> {
    if case.facts.deceased_on.is_none() {
        draft.block(Blocker::NotDeceased);
    }
    let family = &case.facts.family;
    let Some(own) = family
        .iter()
        .find(|m| m.nik.as_ref() == Some(&case.claimant.nik))
    else {
        draft.block(Blocker::NotAnHeir);
        return None;
    };
    let Some(own_rank) = rank(order, own, case) else {
        draft.block(Blocker::JpHeirNotEntitled);
        return Some(own);
    };
    let closer = family
        .iter()
        .filter_map(|m| Some((rank(order, m, case)?, m.relation)))
        .filter(|(r, _)| *r < own_rank)
        .min_by_key(|(r, _)| *r);
    if let Some((_, relation)) = closer {
        draft.block(Blocker::CloserHeirExists { relation });
    }
    Some(own)
}

/// The documents of a claim by an heir (domain.md §2, JKM / death by heirs): the heir's KTP and
/// bank book, the deceased's KTP and KPJ card, death certificate, family card, heir certificate;
/// the marriage book when the heir is the spouse; a guardianship letter when a child heir is a
/// minor (the adult heir claims on their behalf).
pub fn documents(case: &Case, draft: &mut Draft, own: Option<&FamilyFacts>) {
    draft.require(&[
        DocumentKind::Ktp,
        DocumentKind::DeceasedKtp,
        DocumentKind::KpjCard,
        DocumentKind::DeathCertificate,
        DocumentKind::FamilyCard,
        DocumentKind::HeirCertificate,
        DocumentKind::BankBook,
    ]);
    if own.is_some_and(|m| m.relation == Relation::Spouse) {
        draft.need(DocumentKind::MarriageBook, Necessity::Required);
    }
    let minor_child = case
        .facts
        .family
        .iter()
        .any(|m| m.relation == Relation::Child && age(m.birth_date, case.today) < MINOR_AGE);
    if minor_child {
        draft.need(DocumentKind::GuardianshipLetter, Necessity::Required);
    }
}
