//! "Rekening bank untuk pembayaran": the bank and the account number. After Lanjutkan the bank's
//! account-name inquiry runs; an account in someone else's name is explained here, before the
//! claim is sent, with what to do. Without a connection the account is kept unchecked and the
//! journey goes on: the server asks the bank when the claim arrives (the review page says so).

use klaim_core::claim::Question;
use klaim_core::message::Finding;
use klaim_core::{Bank, BankAccount, NameMatch};
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use super::{Flow, Ready, back_link, page_title, question_page};
use crate::api::{self, Failure};
use crate::claim::{ClaimDraft, Inquiry, Said};
use crate::components::{
    BANK, ErrorSummary, RequestTrouble, SubmitButton, TextField, bank_select, field_error,
};
use crate::form::FormState;
use crate::i18n::{Texts, tr_signal, use_i18n};

const ACCOUNT: &str = "account_number";
const FIELDS: [&str; 2] = [BANK, ACCOUNT];
/// The field the API's bank errors name (`bank.account_not_found`).
const API_FIELD: &str = "bank_account";

#[component]
pub fn BankPage() -> impl IntoView {
    question_page(Question::BankAccount, bank_form)
}

fn bank_form(flow: Flow, _ready: Ready) -> AnyView {
    let i18n = use_i18n();
    let draft = expect_context::<ClaimDraft>();
    let navigate = use_navigate();
    let form = FormState::new();
    let typed = draft.typed;
    page_title(Some(form.errors), |_, lang| {
        Question::BankAccount.title(lang).to_owned()
    });
    if let Some(account) = draft
        .answers
        .with_untracked(|a| a.as_ref().and_then(|a| a.bank_account.clone()))
        && typed.account.with_untracked(String::is_empty)
    {
        typed.bank.set(account.bank().code().to_owned());
        typed.account.set(account.number().to_owned());
    }

    // The inquiry's answer for the account as typed now: a mismatch stays explained until the
    // account is changed.
    let mismatch = move || {
        let bank = Bank::from_code(&typed.bank.get())?;
        let account = typed.account.with(|n| BankAccount::parse(bank, n).ok())?;
        draft
            .inquiry
            .get()
            .filter(|i| i.account == account && !i.matches())
    };
    let panel = NodeRef::<html::Div>::new();

    let next = flow.next();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let checked = check(draft);
        if !form.start(checked.clone()) {
            return;
        }
        let Ok(account) = checked else { return };
        let lang = i18n.lang_untracked();
        let navigate = navigate.clone();
        let next = next.clone();
        spawn_local(async move {
            match api::bank_inquiry(lang, &account).await {
                Ok(answer) => {
                    form.succeed();
                    let inquiry = Inquiry {
                        account: account.clone(),
                        answer,
                    };
                    let matches = inquiry.matches();
                    draft.inquiry.set(Some(inquiry));
                    draft.update(|a| a.bank_account = Some(account));
                    if matches {
                        navigate(&next, Default::default());
                    } else {
                        // After the panel is drawn: focus moves there and it is read out.
                        request_animation_frame(move || {
                            if let Some(el) = panel.get_untracked() {
                                let _ = el.focus();
                            }
                        });
                    }
                }
                Err(Failure::Offline) => {
                    form.succeed();
                    draft.inquiry.set(None);
                    draft.update(|a| a.bank_account = Some(account));
                    navigate(&next, Default::default());
                }
                Err(mut failure) => {
                    // The API names the whole account; here that is the number's field.
                    if let Failure::Api { errors, .. } = &mut failure {
                        for e in errors
                            .iter_mut()
                            .filter(|e| e.field.as_deref() == Some(API_FIELD))
                        {
                            e.field = Some(ACCOUNT.to_owned());
                        }
                    }
                    form.fail(failure, &FIELDS)
                }
            }
        });
    };

    view! {
        {back_link(flow.back())}
        <ErrorSummary errors=form.errors target=|f| f.field.unwrap_or(BANK).to_owned() />
        <div
            node_ref=panel
            tabindex="-1"
            class="mismatch"
            role="alert"
            data-testid="bank-mismatch"
            hidden=move || mismatch().is_none()
        >
            {move || mismatch().map(|i| mismatch_view(&i, i18n.t()))}
        </div>
        <h1>{move || Question::BankAccount.title(i18n.lang())}</h1>
        <form novalidate on:submit=on_submit data-testid="bank-form">
            {bank_select(typed.bank, form.errors)}
            <TextField
                id=ACCOUNT
                label=tr_signal(|t| t.account_label)
                hint=tr_signal(|t| t.account_hint)
                value=typed.account
                error=field_error(form.errors, ACCOUNT)
                inputmode="numeric"
                maxlength=40
            />
            <RequestTrouble trouble=form.trouble />
            <SubmitButton label=tr_signal(|t| t.continue_button) busy=form.busy />
        </form>
    }
    .into_any()
}

/// The bank chosen and the number through klaim-core's parser.
fn check(draft: ClaimDraft) -> Result<BankAccount, Vec<Finding>> {
    let typed = draft.typed;
    let Some(bank) = Bank::from_code(&typed.bank.get_untracked()) else {
        let mut found = vec![
            Said {
                code: "claim.bank_missing",
                message: |t| t.bank_missing,
                hint: |t| t.bank_missing_hint,
            }
            .about(BANK),
        ];
        // The number is checked too, so every problem shows at once (any bank's rules will do).
        if let Err(e) = typed
            .account
            .with_untracked(|n| BankAccount::parse(Bank::Bri, n))
        {
            found.push(Finding::of(Some(ACCOUNT), &e));
        }
        return Err(found);
    };
    typed
        .account
        .with_untracked(|n| BankAccount::parse(bank, n))
        .map_err(|e| vec![Finding::of(Some(ACCOUNT), &e)])
}

/// "Rekening ini atas nama S*** W*****, bukan nama Anda…" and what to do.
fn mismatch_view(inquiry: &Inquiry, t: &'static Texts) -> impl IntoView + use<> {
    let holder = &inquiry.answer.holder_masked;
    let said = match inquiry.answer.name_match {
        NameMatch::Similar => (t.bank_holder_similar)(holder),
        _ => (t.bank_holder_differs)(holder),
    };
    view! {
        <h2>{t.bank_mismatch_title}</h2>
        <p data-testid="bank-holder">{said}</p>
        <p>{t.bank_mismatch_rule}</p>
        <p>
            <strong>{t.what_to_do_heading} ": "</strong>
            {t.bank_mismatch_todo}
        </p>
    }
}
