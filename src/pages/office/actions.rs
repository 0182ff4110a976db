//! The officer's actions on a claim: only the steps the server offers (`available`), none on
//! the officer's own claim. One form at a time; everything typed lives on the page (not in the
//! form), so it survives a refusal, a reload after someone else acted, and a language switch.
//! Each step is checked by klaim-core's `Decision::parse` before it is sent; the server's 422
//! lands in the same error summary, a 409 says someone acted first and reloads the claim.

use klaim_core::api::claim::ClaimStatus;
use klaim_core::api::office::{OfficeClaim, OfficerStep};
use klaim_core::claim::{ItemTarget, OfficerReason, Transition};
use klaim_core::message::Finding;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::model::{checked, field};
use super::{approve, reject, request, simple_steps};
use crate::api::{self, Failure};
use crate::claim::{DateParts, date_input_id};
use crate::components::{ErrorSummary, Radios, RequestTrouble};
use crate::form::FormState;
use crate::i18n::{I18n, OfficeTexts, tr_office, use_i18n};

/// What the officer typed and chose in the action forms.
#[derive(Clone, Copy)]
pub struct Drafts {
    /// The open form: a transition's wire word.
    pub chosen: RwSignal<String>,
    /// The request form: each target with the reason word chosen for it.
    pub request: RwSignal<Vec<(ItemTarget, String)>>,
    pub request_note: RwSignal<String>,
    pub amount: RwSignal<String>,
    pub justification: RwSignal<String>,
    pub reject: RwSignal<Vec<OfficerReason>>,
    pub until: DateParts,
    pub reject_note: RwSignal<String>,
    pub transfer_reference: RwSignal<String>,
}

impl Drafts {
    fn new() -> Drafts {
        Drafts {
            chosen: RwSignal::default(),
            request: RwSignal::default(),
            request_note: RwSignal::default(),
            amount: RwSignal::default(),
            justification: RwSignal::default(),
            reject: RwSignal::default(),
            until: DateParts::default(),
            reject_note: RwSignal::default(),
            transfer_reference: RwSignal::default(),
        }
    }

    /// After a step was taken: the next step starts from empty forms.
    fn clear(&self) {
        self.chosen.set(String::new());
        self.request.set(Vec::new());
        self.reject.set(Vec::new());
        for text in [
            self.request_note,
            self.amount,
            self.justification,
            self.reject_note,
            self.transfer_reference,
            self.until.day,
            self.until.month,
            self.until.year,
        ] {
            text.set(String::new());
        }
    }
}

/// What the page says after a step.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DeskNotice {
    /// Taken; the claim is now in this status.
    Done(ClaimStatus),
    /// Someone acted first (409): the claim was reloaded.
    Conflict,
}

/// The officer's desk for one claim: its id, the drafts, the form state and the claim as last
/// fetched (replaced by the server's answer after each step).
#[derive(Clone, Copy)]
pub struct Desk {
    claim_id: StoredValue<String>,
    i18n: I18n,
    pub drafts: Drafts,
    pub form: FormState,
    pub notice: RwSignal<Option<DeskNotice>>,
    claim: LocalResource<Result<OfficeClaim, Failure>>,
}

impl Desk {
    pub fn new(claim_id: String, claim: LocalResource<Result<OfficeClaim, Failure>>) -> Desk {
        Desk {
            claim_id: StoredValue::new(claim_id),
            i18n: use_i18n(),
            drafts: Drafts::new(),
            form: FormState::new(),
            notice: RwSignal::new(None),
            claim,
        }
    }

    /// Checks a step as the server will, then sends it; `computed` is the amount klaim-core
    /// computed for the claim.
    pub fn send(self, step: Result<OfficerStep, Vec<Finding>>, computed: u64) {
        if self.form.busy.get_untracked() {
            return;
        }
        let step = match step.and_then(|s| checked(s, computed)) {
            Ok(step) => step,
            Err(found) => {
                self.notice.set(None);
                self.form.refuse(found);
                return;
            }
        };
        if !self.form.begin() {
            return;
        }
        self.notice.set(None);
        let id = self.claim_id.get_value();
        let lang = self.i18n.lang_untracked();
        spawn_local(async move {
            match api::office::take_step(lang, &id, &step).await {
                Ok(now) => {
                    self.form.succeed();
                    self.drafts.clear();
                    self.notice
                        .set(Some(DeskNotice::Done(now.claim.summary.status)));
                    self.claim.set(Some(Ok(now)));
                }
                Err(Failure::Api { status: 409, .. }) => {
                    self.form.succeed();
                    self.notice.set(Some(DeskNotice::Conflict));
                    self.claim.refetch();
                }
                Err(failure) => self.form.fail(failure, &field::ALL),
            }
        });
    }
}

/// "Tersimpan…" or "Petugas lain sudah bertindak lebih dulu…", focused so it is read out and
/// scrolled into view.
pub fn notice_view(notice: RwSignal<Option<DeskNotice>>) -> impl IntoView {
    let i18n = use_i18n();
    let node = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        if notice.with(Option::is_some)
            && let Some(el) = node.get()
        {
            let _ = el.focus();
        }
    });
    view! {
        <div node_ref=node tabindex="-1" class="office-notice-anchor">
            {move || {
                let o = i18n.office();
                let t = i18n.t();
                notice
                    .get()
                    .map(|n| match n {
                        DeskNotice::Done(status) => {
                            view! {
                                <p class="notice" role="status" data-testid="step-done">
                                    {(o.step_done)(crate::claim::words::status_words(t, status))}
                                </p>
                            }
                                .into_any()
                        }
                        DeskNotice::Conflict => {
                            view! {
                                <p class="server-trouble" role="alert" data-testid="step-conflict">
                                    {o.conflict}
                                </p>
                            }
                                .into_any()
                        }
                    })
            }}
        </div>
    }
}

/// The action's name, as its button and choice say it.
pub fn action_words(o: &'static OfficeTexts, step: Transition) -> &'static str {
    match step {
        Transition::StartVerification => o.action_start_verification,
        Transition::RequestAction => o.action_request,
        Transition::Approve => o.action_approve,
        Transition::Reject => o.action_reject,
        Transition::StartPayment => o.action_start_payment,
        Transition::ConfirmPayment => o.action_confirm_payment,
        // Never offered to an officer.
        Transition::Resubmit => "",
    }
}

/// The input an error summary link leads to.
fn input_id(finding: &Finding) -> String {
    match finding.field {
        Some(field::UNTIL) => date_input_id(field::UNTIL, finding.code),
        Some(field) => field.to_owned(),
        None => "actions".to_owned(),
    }
}

pub fn actions_view(c: &OfficeClaim, desk: Desk) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let o = i18n.office();
    let body = if c.own {
        view! { <p class="notice" data-testid="own-no-actions">{o.own_no_actions}</p> }.into_any()
    } else {
        let available: Vec<Transition> = c
            .available
            .iter()
            .copied()
            .filter(|t| *t != Transition::Resubmit)
            .collect();
        if available.is_empty() {
            view! { <p data-testid="no-actions">{o.no_actions}</p> }.into_any()
        } else {
            choose_and_act(c.clone(), available, desk).into_any()
        }
    };
    view! {
        <section class="office-actions" aria-labelledby="actions" data-testid="office-actions">
            <h2 id="actions" tabindex="-1">
                {tr_office(|t| t.actions_heading)}
            </h2>
            <ErrorSummary errors=desk.form.errors target=input_id />
            {body}
        </section>
    }
}

/// With more than one step possible, radios choose which form shows; with one, its form shows.
fn choose_and_act(c: OfficeClaim, available: Vec<Transition>, desk: Desk) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = desk.drafts.chosen;
    let still_possible = available
        .iter()
        .any(|t| chosen.with_untracked(|c| c == t.as_str()));
    if !still_possible {
        chosen.set(if available.len() == 1 {
            available[0].as_str().to_owned()
        } else {
            String::new()
        });
    }
    // A new choice starts without the last form's errors (what was typed stays).
    let form = desk.form;
    Effect::new(move |previous: Option<String>| {
        let now = chosen.get();
        if previous.is_some_and(|p| p != now) {
            form.errors.set(Vec::new());
        }
        now
    });
    let chooser = (available.len() > 1).then(|| {
        let choices = available.clone();
        view! {
            <Radios
                id="action"
                legend=Signal::derive(move || i18n.office().choose_action.to_owned())
                error=Signal::derive(|| None)
                choices=Signal::derive(move || {
                    let o = i18n.office();
                    choices
                        .iter()
                        .map(|t| (t.as_str().to_owned(), action_words(o, *t).to_owned()))
                        .collect::<Vec<_>>()
                })
                selected=chosen
            />
        }
    });
    let open_form = move || {
        let step = Transition::from_wire(&chosen.get())?;
        let c = c.clone();
        Some(match step {
            Transition::StartVerification | Transition::StartPayment => {
                simple_steps::one_press_form(step, &c, desk).into_any()
            }
            Transition::ConfirmPayment => simple_steps::confirm_payment_form(&c, desk).into_any(),
            Transition::RequestAction => request::request_form(&c, desk).into_any(),
            Transition::Approve => approve::approve_form(&c, desk).into_any(),
            Transition::Reject => reject::reject_form(&c, desk).into_any(),
            Transition::Resubmit => return None,
        })
    };
    view! {
        {chooser}
        {open_form}
        <RequestTrouble trouble=desk.form.trouble />
    }
}
