//! The action forms as data: what the officer chose and typed, made into an `OfficerStep`, then
//! checked by klaim-core's `Decision::parse` (the same parse the server runs) before anything is
//! sent. Pure functions, so the wasm tests can hold them to their word.

use klaim_core::api::claim::ClaimView;
use klaim_core::api::office::OfficerStep;
use klaim_core::claim::{Decision, ItemTarget, OfficerReason, Question, StatedReason};
use klaim_core::message::Finding;
use klaim_core::{Date, Explain, Lang, Rupiah};

use crate::i18n::OfficeTexts;

/// Input ids of the action forms, named as `DecisionProblem::field` names them, so the server's
/// findings land on the same inputs.
pub mod field {
    pub const ITEMS: &str = "items";
    pub const REASONS: &str = "reasons";
    pub const UNTIL: &str = "until";
    pub const AMOUNT: &str = "amount";
    pub const JUSTIFICATION: &str = "justification";
    pub const NOTE: &str = "note";
    pub const TRANSFER_REFERENCE: &str = "transfer_reference";
    pub const ALL: [&str; 7] = [
        ITEMS,
        REASONS,
        UNTIL,
        AMOUNT,
        JUSTIFICATION,
        NOTE,
        TRANSFER_REFERENCE,
    ];
}

/// A finding the back office makes itself (klaim-core has no parser for a filter box): its
/// code and which office texts are its message and hint.
pub struct OfficeSaid {
    pub code: &'static str,
    pub message: fn(&'static OfficeTexts) -> &'static str,
    pub hint: fn(&'static OfficeTexts) -> &'static str,
}

impl OfficeSaid {
    pub fn about(self, field: &'static str) -> Finding {
        Finding::of(Some(field), &self)
    }
}

impl Explain for OfficeSaid {
    fn code(&self) -> &'static str {
        self.code
    }

    fn message(&self, lang: Lang) -> String {
        (self.message)(OfficeTexts::of(lang)).to_owned()
    }

    fn hint(&self, lang: Lang) -> String {
        (self.hint)(OfficeTexts::of(lang)).to_owned()
    }
}

/// What a request for a fix can reopen on this claim: each attached document, each answer page
/// a request reason fits (and the NPWP page, which a claim may lack until asked), and
/// "outside Klaim". Targets no request reason fits are left out.
pub fn request_targets(claim: &ClaimView) -> Vec<ItemTarget> {
    let mut targets = Vec::new();
    for d in &claim.documents {
        let target = ItemTarget::Document(d.kind);
        if !targets.contains(&target) {
            targets.push(target);
        }
    }
    for q in Question::ALL {
        if q.answered(&claim.answers) || q == Question::Npwp {
            targets.push(ItemTarget::Answer(q));
        }
    }
    targets.push(ItemTarget::Outside);
    targets.retain(|t| !request_reasons(*t).is_empty());
    targets
}

/// The catalogue's reasons an officer can give for reopening `target`.
pub fn request_reasons(target: ItemTarget) -> Vec<OfficerReason> {
    OfficerReason::ALL
        .into_iter()
        .filter(|r| r.for_request() && r.fits(target))
        .collect()
}

/// The catalogue's reasons for a rejection.
pub fn rejection_reasons() -> Vec<OfficerReason> {
    OfficerReason::ALL
        .into_iter()
        .filter(|r| r.for_rejection())
        .collect()
}

/// A target as a word safe in an id and a CSS selector: `document-bank_book`,
/// `answer-bank_account`, `outside`.
pub fn target_key(target: ItemTarget) -> String {
    match target {
        ItemTarget::Document(kind) => format!("document-{}", kind.as_str()),
        ItemTarget::Answer(q) => format!("answer-{}", q.as_str()),
        ItemTarget::Outside => "outside".to_owned(),
    }
}

/// The request form: each target with the reason word chosen for it (empty: nothing to fix),
/// in page order, and the note as typed.
pub fn request_step(rows: &[(ItemTarget, String)], note: &str) -> OfficerStep {
    let items = rows
        .iter()
        .filter_map(|(target, word)| {
            let reason = OfficerReason::from_wire(word)?;
            Some(klaim_core::claim::ActionItem {
                reason,
                target: *target,
            })
        })
        .collect();
    OfficerStep::RequestAction {
        items,
        note: optional(note),
    }
}

/// The approval form: an empty amount approves the computed one.
pub fn approve_step(amount: &str, justification: &str) -> Result<OfficerStep, Vec<Finding>> {
    let amount = match amount.trim() {
        "" => None,
        typed => Some(
            Rupiah::parse(typed)
                .map_err(|e| vec![Finding::of(Some(field::AMOUNT), &e)])?
                .amount(),
        ),
    };
    Ok(OfficerStep::Approve {
        amount,
        justification: optional(justification),
    })
}

/// The amount an approval would pay: the one typed when it reads as rupiah, else the computed.
pub fn approved_amount(typed: &str, computed: u64) -> u64 {
    match typed.trim() {
        "" => computed,
        typed => Rupiah::parse(typed).map_or(computed, Rupiah::amount),
    }
}

/// The rejection form: the reasons ticked, in catalogue order; `until` goes with "not eligible
/// until a date" only.
pub fn reject_step(reasons: &[OfficerReason], until: Option<Date>, note: &str) -> OfficerStep {
    let reasons = OfficerReason::ALL
        .into_iter()
        .filter(|r| reasons.contains(r))
        .map(|reason| StatedReason {
            reason,
            until: if reason.needs_date() { until } else { None },
        })
        .collect();
    OfficerStep::Reject {
        reasons,
        note: optional(note),
    }
}

/// The rejection form checked whole: `date` is the date boxes read (when "not eligible until"
/// is ticked). A date that does not read is reported with every other problem of the form,
/// instead of klaim-core's "date needed".
pub fn reject_input(
    reasons: &[OfficerReason],
    date: Option<Result<Date, Finding>>,
    note: &str,
    computed: u64,
) -> Result<OfficerStep, Vec<Finding>> {
    let (until, date_problem) = match date {
        Some(Ok(d)) => (Some(d), None),
        Some(Err(finding)) => (None, Some(finding)),
        None => (None, None),
    };
    let step = reject_step(reasons, until, note);
    let Some(date_problem) = date_problem else {
        return checked(step, computed);
    };
    let mut found = vec![date_problem];
    if let Err(others) = checked(step, computed) {
        found.extend(
            others
                .into_iter()
                .filter(|f| f.code != "decision.date_needed"),
        );
    }
    Err(found)
}

/// klaim-core's parse, the server's own, run before sending: its problems as findings on the
/// form's inputs.
pub fn checked(step: OfficerStep, computed: u64) -> Result<OfficerStep, Vec<Finding>> {
    match Decision::parse(&step, Rupiah::from_u64(computed)) {
        Ok(_) => Ok(step),
        Err(problems) => Err(problems
            .iter()
            .map(|p| Finding::of(Some(p.field()), p))
            .collect()),
    }
}

fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}
