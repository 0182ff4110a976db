//! The answers an officer can reopen, as fields on the fix page: the bank account, the event
//! date, the NPWP. Each starts from the answer sent before and is read through klaim-core's
//! parser when the fix is sent; a bad input gets the parser's message (the same as on the
//! question pages) and everything typed stays.

use klaim_core::claim::{ClaimAnswers, ClaimReason, Question, event_date_label};
use klaim_core::message::Finding;
use klaim_core::{Bank, BankAccount, Npwp};
use leptos::prelude::*;

use crate::claim::words::answer_words;
use crate::claim::{Said, Typed, parse_date};
use crate::components::{DateField, TextField, bank_select, field_error};
use crate::i18n::{tr_signal, use_i18n};

pub use crate::components::BANK;
pub const ACCOUNT: &str = "account_number";
pub const EVENT: &str = "event_date";
pub const NPWP: &str = "npwp";
/// The field the API names for the bank account (`bank_account`): here the number's field.
pub const API_BANK_FIELD: &str = "bank_account";

/// Puts the answers sent before into the fields (a fix starts from what was sent).
pub fn prefill(typed: Typed, answers: &ClaimAnswers) {
    if let Some(account) = &answers.bank_account {
        typed.bank.set(account.bank().code().to_owned());
        typed.account.set(account.number().to_owned());
    }
    if let Some(date) = answers.event_on {
        typed.event.day.set(date.day().to_string());
        typed.event.month.set(date.month().to_string());
        typed.event.year.set(date.year().to_string());
    }
    if let Some(npwp) = &answers.npwp {
        typed.npwp.set(npwp.formatted());
    }
}

/// Reads the field of `question` into `answers`, or says what is wrong with it.
pub fn read(
    question: Question,
    typed: Typed,
    answers: &mut ClaimAnswers,
) -> Result<(), Vec<Finding>> {
    match question {
        Question::BankAccount => {
            answers.bank_account = Some(bank_account(typed)?);
        }
        Question::EventDate => {
            answers.event_on = Some(parse_date(typed.event, EVENT, None).map_err(|f| vec![f])?);
        }
        Question::Npwp => {
            let npwp = Npwp::parse(&typed.npwp.get_untracked())
                .map_err(|e| vec![Finding::of(Some(NPWP), &e)])?;
            answers.npwp = Some(npwp);
        }
        // Never reopened (klaim-core's reasons do not fit them): shown as they are.
        Question::Kpj | Question::Deceased | Question::Accident => {}
    }
    Ok(())
}

/// The bank chosen and the number through klaim-core's parser; both problems at once.
fn bank_account(typed: Typed) -> Result<BankAccount, Vec<Finding>> {
    let number = typed.account.get_untracked();
    match Bank::from_code(&typed.bank.get_untracked()) {
        Some(bank) => {
            BankAccount::parse(bank, &number).map_err(|e| vec![Finding::of(Some(ACCOUNT), &e)])
        }
        None => {
            let mut found = vec![
                Said {
                    code: "claim.bank_missing",
                    message: |t| t.bank_missing,
                    hint: |t| t.bank_missing_hint,
                }
                .about(BANK),
            ];
            // Any bank's rules will do to check the number too.
            if let Err(e) = BankAccount::parse(Bank::Bri, &number) {
                found.push(Finding::of(Some(ACCOUNT), &e));
            }
            Err(found)
        }
    }
}

/// The field (or fields) of a reopened answer, with the answer sent before under it.
pub fn answer_fields(
    question: Question,
    reason: ClaimReason,
    sent: &ClaimAnswers,
    typed: Typed,
    errors: RwSignal<Vec<Finding>>,
) -> AnyView {
    let i18n = use_i18n();
    let before = {
        let sent = sent.clone();
        move || {
            answer_words(question, &sent, false, i18n.lang()).map(|a| (i18n.t().fix_previous)(&a))
        }
    };
    let before = view! { <p class="hint" data-testid="fix-previous">{before}</p> };
    match question {
        Question::BankAccount => view! {
            {bank_select(typed.bank, errors)}
            <TextField
                id=ACCOUNT
                label=tr_signal(|t| t.account_label)
                hint=tr_signal(|t| t.account_hint)
                value=typed.account
                error=field_error(errors, ACCOUNT)
                inputmode="numeric"
                maxlength=40
            />
            {before}
        }
        .into_any(),
        Question::EventDate => view! {
            <DateField
                id=EVENT
                legend=Signal::derive(move || event_date_label(reason, i18n.lang()))
                hint=tr_signal(|t| t.event_date_hint)
                day=typed.event.day
                month=typed.event.month
                year=typed.event.year
                error=field_error(errors, EVENT)
                autocomplete="off"
            />
            {before}
        }
        .into_any(),
        Question::Npwp => view! {
            <TextField
                id=NPWP
                label=tr_signal(|t| t.npwp_label)
                hint=tr_signal(|t| t.npwp_hint)
                value=typed.npwp
                error=field_error(errors, NPWP)
                inputmode="numeric"
                maxlength=40
            />
            {before}
        }
        .into_any(),
        Question::Kpj | Question::Deceased | Question::Accident => before.into_any(),
    }
}
