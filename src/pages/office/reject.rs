//! "Tolak klaim": one or more reasons from the catalogue's rejection reasons, each with what the
//! participant will read; the date from which a claim can be made for "not eligible until";
//! an optional note.

use klaim_core::api::office::OfficeClaim;
use klaim_core::claim::OfficerReason;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::actions::Desk;
use super::model::{field, reject_input, rejection_reasons};
use crate::claim::parse_date;
use crate::components::{ActionButton, DateField, TextArea, field_error};
use crate::i18n::{tr, tr_office, tr_office_signal, use_i18n};

pub fn reject_form(c: &OfficeClaim, desk: Desk) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let computed = c.computed_amount;
    let chosen = desk.drafts.reject;
    let until = desk.drafts.until;
    let note = desk.drafts.reject_note;
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let reasons = chosen.get_untracked();
        let date = reasons
            .contains(&OfficerReason::NotEligibleUntil)
            .then(|| parse_date(until, field::UNTIL, None));
        desk.send(
            reject_input(&reasons, date, &note.get_untracked(), computed),
            computed,
        );
    };
    let reasons_error = field_error(desk.form.errors, field::REASONS);
    let boxes = rejection_reasons()
        .into_iter()
        .enumerate()
        .map(|(index, reason)| {
            let id = if index == 0 {
                field::REASONS.to_owned()
            } else {
                format!("reason-{}", reason.as_str())
            };
            let hint_id = format!("{id}-words");
            view! {
                <div class="office-checkbox">
                    <input
                        class="office-checkbox__input"
                        type="checkbox"
                        id=id.clone()
                        name="reasons"
                        value=reason.as_str()
                        aria-describedby=hint_id.clone()
                        data-testid=format!("reject-{}", reason.as_str())
                        prop:checked=move || chosen.with(|all| all.contains(&reason))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            chosen
                                .update(|all| {
                                    all.retain(|r| *r != reason);
                                    if on {
                                        all.push(reason);
                                    }
                                });
                        }
                    />
                    <label class="office-checkbox__label" for=id>
                        <strong>{move || i18n.office().reason_title(reason)}</strong>
                        <span class="hint" id=hint_id>
                            {move || reason.message(i18n.lang())}
                        </span>
                    </label>
                </div>
            }
        })
        .collect_view();
    let date = move || {
        chosen
            .with(|all| all.contains(&OfficerReason::NotEligibleUntil))
            .then(|| {
                view! {
                    <DateField
                        id=field::UNTIL
                        legend=tr_office_signal(|t| t.until_legend)
                        hint=tr_office_signal(|t| t.until_hint)
                        day=until.day
                        month=until.month
                        year=until.year
                        error=field_error(desk.form.errors, field::UNTIL)
                        autocomplete="off"
                    />
                }
            })
    };
    view! {
        <form novalidate on:submit=on_submit data-testid="form-reject">
            <div class="field" class:field--error=move || reasons_error.with(Option::is_some)>
                <fieldset aria-describedby="reasons-hint">
                    <legend>{tr_office(|t| t.rejection_label)}</legend>
                    <span class="hint" id="reasons-hint">
                        {tr_office(|t| t.reasons_hint)}
                    </span>
                    <Show when=move || reasons_error.with(Option::is_some)>
                        <span class="error-message" id="reasons-error">
                            <span class="visually-hidden">{tr(|t| t.error_prefix)} " "</span>
                            {move || reasons_error.get()}
                        </span>
                    </Show>
                    {boxes}
                </fieldset>
            </div>
            {date}
            <TextArea
                id=field::NOTE
                label=tr_office_signal(|t| t.note_label)
                hint=tr_office_signal(|t| t.note_hint)
                value=note
                error=field_error(desk.form.errors, field::NOTE)
                maxlength=1000
            />
            <ActionButton
                label=Signal::derive(move || i18n.office().action_reject.to_owned())
                busy=desk.form.busy
                testid="take-reject".to_owned()
                warning=true
            />
        </form>
    }
}
