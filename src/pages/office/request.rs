//! "Minta perbaikan": for each document, answer page or "outside Klaim", a reason from the
//! catalogue that fits it (or none), with a preview of what the participant will read and who
//! can fix it; an optional note. Only the items given a reason are reopened.

use klaim_core::api::office::OfficeClaim;
use klaim_core::claim::{ItemTarget, OfficerReason};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::actions::Desk;
use super::history::target_words;
use super::model::{field, request_reasons, request_step, request_targets, target_key};
use crate::components::{ActionButton, TextArea, field_error};
use crate::i18n::{tr, tr_office, tr_office_signal, use_i18n};

/// The reason word chosen for `target` ("" for none).
fn word_for(chosen: &[(ItemTarget, String)], target: ItemTarget) -> String {
    chosen
        .iter()
        .find(|(t, _)| *t == target)
        .map(|(_, w)| w.clone())
        .unwrap_or_default()
}

fn choose(chosen: RwSignal<Vec<(ItemTarget, String)>>, target: ItemTarget, word: String) {
    chosen.update(|all| {
        all.retain(|(t, _)| *t != target);
        if !word.is_empty() {
            all.push((target, word));
        }
    });
}

pub fn request_form(c: &OfficeClaim, desk: Desk) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let targets = request_targets(&c.claim);
    let claim_reason = c.claim.summary.reason;
    let computed = c.computed_amount;
    let chosen = desk.drafts.request;
    let note = desk.drafts.request_note;
    let in_order = targets.clone();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let rows: Vec<(ItemTarget, String)> =
            chosen.with_untracked(|all| in_order.iter().map(|t| (*t, word_for(all, *t))).collect());
        desk.send(Ok(request_step(&rows, &note.get_untracked())), computed);
    };
    let items_error = field_error(desk.form.errors, field::ITEMS);
    let rows = targets
        .into_iter()
        .enumerate()
        .map(|(index, target)| {
            let key = target_key(target);
            let id = if index == 0 {
                field::ITEMS.to_owned()
            } else {
                format!("item-{key}")
            };
            let reasons = request_reasons(target);
            let current = move || chosen.with(|all| word_for(all, target));
            let options = move || {
                let (o, now) = (i18n.office(), current());
                let none = view! {
                    <option value="" selected=now.is_empty()>
                        {o.reason_none}
                    </option>
                };
                let rest = reasons
                    .iter()
                    .map(|r| {
                        view! {
                            <option value=r.as_str() selected=now == r.as_str()>
                                {o.reason_title(*r)}
                            </option>
                        }
                    })
                    .collect_view();
                view! {
                    {none}
                    {rest}
                }
            };
            let preview = move || {
                let reason = OfficerReason::from_wire(&current())?;
                let lang = i18n.lang();
                let o = i18n.office();
                let steps = reason
                    .steps(lang)
                    .iter()
                    .map(|s| view! { <li>{*s}</li> })
                    .collect_view();
                Some(view! {
                    <div class="office-preview" data-testid="preview">
                        <p>
                            <strong>{o.preview_label} ": "</strong>
                            {reason.message(lang)}
                        </p>
                        <ol class="list">{steps}</ol>
                        <p data-testid="preview-fixer">
                            <strong>{o.fixer_label} ": "</strong>
                            {reason.fixer().title(lang)}
                        </p>
                    </div>
                })
            };
            view! {
                <div class="field office-choice" data-testid="request-item" data-target=key.clone()>
                    <label class="label" for=id.clone()>
                        {move || target_words(target, claim_reason, i18n.office(), i18n.lang())}
                    </label>
                    <select
                        class="input select"
                        id=id.clone()
                        name=id
                        data-testid=format!("reason-{key}")
                        on:change=move |ev| choose(chosen, target, event_target_value(&ev))
                    >
                        {options}
                    </select>
                    {preview}
                </div>
            }
        })
        .collect_view();
    view! {
        <form novalidate on:submit=on_submit data-testid="form-request_action">
            <div class="field" class:field--error=move || items_error.with(Option::is_some)>
                <fieldset aria-describedby="items-hint">
                    <legend>{tr_office(|t| t.items_legend)}</legend>
                    <span class="hint" id="items-hint">
                        {tr_office(|t| t.request_intro)}
                    </span>
                    <Show when=move || items_error.with(Option::is_some)>
                        <span class="error-message" id="items-error">
                            <span class="visually-hidden">{tr(|t| t.error_prefix)} " "</span>
                            {move || items_error.get()}
                        </span>
                    </Show>
                    {rows}
                </fieldset>
            </div>
            <TextArea
                id=field::NOTE
                label=tr_office_signal(|t| t.note_label)
                hint=tr_office_signal(|t| t.note_hint)
                value=note
                error=field_error(desk.form.errors, field::NOTE)
                maxlength=1000
            />
            <ActionButton
                label=Signal::derive(move || i18n.office().action_request.to_owned())
                busy=desk.form.busy
                testid="take-request_action".to_owned()
            />
        </form>
    }
}
