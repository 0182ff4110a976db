//! The steps with little to say: starting the verification or the payment (one button each),
//! and confirming the payment with the bank's transfer reference.

use klaim_core::api::office::{OfficeClaim, OfficerStep};
use klaim_core::claim::Transition;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::actions::{Desk, action_words};
use super::model::field;
use crate::components::{ActionButton, TextField, field_error};
use crate::i18n::{tr_office, tr_office_signal, use_i18n};

/// "Mulai verifikasi" or "Mulai pembayaran": what it does, and the button.
pub fn one_press_form(step: Transition, c: &OfficeClaim, desk: Desk) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let computed = c.computed_amount;
    let (intro, officer_step): (fn(&'static crate::i18n::OfficeTexts) -> &'static str, _) =
        match step {
            Transition::StartPayment => (|t| t.start_payment_intro, OfficerStep::StartPayment),
            _ => (
                |t| t.start_verification_intro,
                OfficerStep::StartVerification,
            ),
        };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        desk.send(Ok(officer_step.clone()), computed);
    };
    view! {
        <form novalidate on:submit=on_submit data-testid=format!("form-{}", step.as_str())>
            <p>{tr_office(intro)}</p>
            <ActionButton
                label=Signal::derive(move || action_words(i18n.office(), step).to_owned())
                busy=desk.form.busy
                testid=format!("take-{}", step.as_str())
            />
        </form>
    }
}

/// "Konfirmasi pembayaran": the bank's transfer reference (klaim-core checks its form).
pub fn confirm_payment_form(c: &OfficeClaim, desk: Desk) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let computed = c.computed_amount;
    let reference = desk.drafts.transfer_reference;
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let step = OfficerStep::ConfirmPayment {
            transfer_reference: reference.get_untracked(),
        };
        desk.send(Ok(step), computed);
    };
    view! {
        <form novalidate on:submit=on_submit data-testid="form-confirm_payment">
            <TextField
                id=field::TRANSFER_REFERENCE
                label=tr_office_signal(|t| t.transfer_reference_label)
                hint=tr_office_signal(|t| t.transfer_reference_hint)
                value=reference
                error=field_error(desk.form.errors, field::TRANSFER_REFERENCE)
                maxlength=40
            />
            <ActionButton
                label=Signal::derive(move || i18n.office().action_confirm_payment.to_owned())
                busy=desk.form.busy
                testid="take-confirm_payment".to_owned()
            />
        </form>
    }
}
