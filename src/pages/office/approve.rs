//! "Setujui": the amount klaim-core computed, an optional other amount with the justification
//! it then needs; the button names the amount that will be approved.

use klaim_core::api::office::OfficeClaim;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::actions::Desk;
use super::model::{approve_step, approved_amount, field};
use crate::components::{ActionButton, TextArea, TextField, field_error};
use crate::format::rupiah;
use crate::i18n::{tr_office, tr_office_signal, use_i18n};

pub fn approve_form(c: &OfficeClaim, desk: Desk) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let computed = c.computed_amount;
    let amount = desk.drafts.amount;
    let justification = desk.drafts.justification;
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let step = approve_step(&amount.get_untracked(), &justification.get_untracked());
        desk.send(step, computed);
    };
    view! {
        <form novalidate on:submit=on_submit data-testid="form-approve">
            <dl class="summary-list">
                <div class="summary-list__row">
                    <dt>{tr_office(|t| t.computed_amount_label)}</dt>
                    <dd data-testid="approve-computed">{rupiah(computed)}</dd>
                </div>
            </dl>
            <TextField
                id=field::AMOUNT
                label=tr_office_signal(|t| t.amount_label)
                hint=tr_office_signal(|t| t.amount_hint)
                value=amount
                error=field_error(desk.form.errors, field::AMOUNT)
                inputmode="numeric"
                maxlength=24
            />
            <TextArea
                id=field::JUSTIFICATION
                label=tr_office_signal(|t| t.justification_label)
                hint=tr_office_signal(|t| t.justification_hint)
                value=justification
                error=field_error(desk.form.errors, field::JUSTIFICATION)
                maxlength=1000
            />
            <ActionButton
                label=Signal::derive(move || {
                    (i18n.office().approve_button)(&rupiah(approved_amount(&amount.get(), computed)))
                })
                busy=desk.form.busy
                testid="take-approve".to_owned()
            />
        </form>
    }
}
