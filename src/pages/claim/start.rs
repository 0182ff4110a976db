//! The start page of a claim type (`/klaim/jht`): what it is for, who can claim, every document
//! that may be needed, how long it takes, that it is free, the official channels; then why the
//! person claims, as radios.

use klaim_core::claim::{ClaimReason, DocumentKind, Programme, Question};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::{back_link, page_title};
use crate::claim::steps::{self, Step};
use crate::claim::{ClaimDraft, Said};
use crate::components::{ErrorSummary, Radios, SubmitButton, field_error};
use crate::form::FormState;
use crate::i18n::{tr, tr_signal, use_i18n};
use crate::pages::NotFoundPage;
use crate::state::Account;

const REASON: &str = "reason";

#[component]
pub fn StartPage() -> impl IntoView {
    let programme = use_params_map()
        .get_untracked()
        .get("programme")
        .and_then(|p| Programme::from_wire(&p));
    match programme {
        Some(programme) => start_page(programme).into_any(),
        None => view! { <NotFoundPage /> }.into_any(),
    }
}

fn start_page(programme: Programme) -> impl IntoView {
    let i18n = use_i18n();
    let draft = expect_context::<ClaimDraft>();
    let account = expect_context::<Account>();
    let navigate = use_navigate();
    let form = FormState::new();
    page_title(Some(form.errors), move |t, _| {
        format!(
            "{} — {}",
            (t.claim_title)(programme.abbreviation()),
            t.reason_legend
        )
    });

    // The reason chosen before (Back from a later page), or the only one there is.
    let earlier = draft.answers.with_untracked(|a| {
        a.as_ref()
            .filter(|a| a.programme == programme)
            .map(|a| a.reason)
    });
    let reasons = programme.reasons();
    let single = (reasons.len() == 1).then(|| reasons[0]);
    let chosen = RwSignal::new(
        earlier
            .or(single)
            .map(|r| r.as_str().to_owned())
            .unwrap_or_default(),
    );
    let choices = Signal::derive(move || {
        let lang = i18n.lang();
        reasons
            .iter()
            .map(|r| (r.as_str().to_owned(), r.label(lang).to_owned()))
            .collect::<Vec<_>>()
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(reason) = ClaimReason::from_wire(&chosen.get_untracked()) else {
            form.refuse(vec![
                Said {
                    code: "claim.reason_missing",
                    message: |t| t.reason_missing,
                    hint: |t| t.reason_missing_hint,
                }
                .about(REASON),
            ]);
            return;
        };
        form.succeed();
        draft.begin(programme, reason);
        let step = if programme.by_heirs(reason) {
            Step::Question(Question::Deceased)
        } else {
            Step::Results
        };
        navigate(&steps::path(programme, reason, step), Default::default());
    };

    let facts = move || {
        let t = i18n.t();
        let lang = i18n.lang();
        let documents = documents_for(programme)
            .iter()
            .map(|k| view! { <li>{k.name(lang)}</li> })
            .collect_view();
        let phk = (programme == Programme::Jht || programme == Programme::Jkp).then(|| {
            let proofs = DocumentKind::PHK_PROOFS
                .iter()
                .map(|k| view! { <li>{k.name(lang)}</li> })
                .collect_view();
            view! {
                <p>{t.phk_proofs_heading} ":"</p>
                <ul class="list">{proofs}</ul>
            }
        });
        view! {
            <h2>{t.start_for_heading}</h2>
            <p>{(t.programme_line)(programme)}</p>
            <h2>{t.start_who_heading}</h2>
            <p data-testid="who-can-claim">{(t.programme_who)(programme)}</p>
            <h2>{t.start_documents_heading}</h2>
            <p>{t.start_documents_lead}</p>
            <ul class="list" data-testid="start-documents">{documents}</ul>
            {phk}
            <p class="hint">{t.upload_formats}</p>
            <h2>{t.start_time_heading}</h2>
            <p>{(t.programme_time)(programme)}</p>
            <div class="notice" data-testid="free-notice">
                <h2>{t.start_free_heading}</h2>
                <p>{t.start_free_body}</p>
            </div>
            <h2>{t.start_channels_heading}</h2>
            <p>{t.start_channels_body}</p>
        }
    };

    view! {
        {back_link("/klaim".to_owned())}
        <ErrorSummary errors=form.errors target=|_| REASON.to_owned() />
        <h1>
            {programme.abbreviation()} " — " {move || programme.name(i18n.lang())}
        </h1>
        {facts}
        <form novalidate on:submit=on_submit data-testid="reason-form">
            <Radios
                id=REASON
                legend=Signal::derive(move || i18n.t().reason_legend.to_owned())
                hint=tr_signal(|t| t.reason_hint)
                error=field_error(form.errors, REASON)
                choices
                selected=chosen
            />
            <Show when=move || !account.signed_in.get()>
                <p class="hint" data-testid="sign-in-note">
                    {tr(|t| t.start_sign_in_note)}
                </p>
            </Show>
            <SubmitButton label=tr_signal(|t| t.continue_button) busy=form.busy />
        </form>
    }
}

/// Every document a claim of this programme may need, whatever the reason (domain.md §2); the
/// results page shows the exact list for the reason. Proofs of PHK are listed apart.
fn documents_for(programme: Programme) -> &'static [DocumentKind] {
    use DocumentKind::*;
    match programme {
        Programme::Jht => &[
            Ktp,
            KpjCard,
            BankBook,
            FamilyCard,
            ProofOfEmployment,
            Npwp,
            EmploymentStatusLetter,
            HousingBankDocuments,
            DisabilityCertificate,
            Passport,
            NotWorkingInIndonesiaStatement,
            DeceasedKtp,
            DeathCertificate,
            HeirCertificate,
        ],
        Programme::Jkp => &[Ktp, BankBook, JobSearchCommitment],
        Programme::Jkm => &[
            DeceasedKtp,
            Ktp,
            KpjCard,
            DeathCertificate,
            FamilyCard,
            HeirCertificate,
            MarriageBook,
            GuardianshipLetter,
            BankBook,
        ],
        Programme::Jkk => &[
            AccidentReportKk2,
            DoctorCertificateKk3,
            Ktp,
            KpjCard,
            MedicalReceipts,
            PoliceReport,
            WitnessStatement,
            Payslips,
            BankBook,
        ],
        Programme::Jp => &[
            PensionForm7,
            Ktp,
            KpjCard,
            FamilyCard,
            BankBook,
            DisabilityCertificate,
            DeathCertificate,
            HeirCertificate,
            GuardianshipLetter,
        ],
    }
}
