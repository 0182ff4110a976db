//! "Perbaiki klaim Anda" (`/klaim-saya/:id/perbaiki`): only what the officer reopened can
//! change. Each reopened document gets the journey's upload row (checks on the phone, progress,
//! retry); each reopened answer its field, starting from the answer sent; what only others can
//! fix gets a box to say it is done. Everything else is shown read-only. "Kirim perbaikan" sends
//! the whole answer set with only the reopened answers changed and the documents with only the
//! reopened ones replaced, after klaim-core's own check of exactly that; the claim then goes
//! back to "Sedang diperiksa". What was uploaded and typed is kept across pages until it is sent.

use klaim_core::Lang;
use klaim_core::api::claim::{AttachedDocument, ClaimStatus, ClaimView, DocumentInfo};
use klaim_core::claim::{ItemTarget, Necessity, Question};
use klaim_core::message::Finding;
use leptos::context::Provider;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::claim_fix_answers::{self as answers, API_BANK_FIELD};
use crate::api::{self, Failure};
use crate::browser::set_title;
use crate::claim::words::{answer_words, question_label, size_words};
use crate::claim::{Attached, ClaimDraft, date_input_id};
use crate::components::{
    DocumentUpload, ErrorSummary, RequestTrouble, SubmitButton, field_error, officer_note_view,
    reason_view, summary_row, target_key, target_words,
};
use crate::follow::fix::{Fixed, OUTSIDE_FIELD, reopened, resubmission};
use crate::follow::known;
use crate::form::FormState;
use crate::format::now_unix_seconds;
use crate::i18n::{tr, tr_signal, use_i18n};
use crate::offline::{Delivery, Drafts, Outbox, QueuedDocument};
use crate::pages::{failure_view, loading_view, private_resource_with};
use crate::state::{FixDraft, Notice};

/// Where the error summary leads for a problem about the fix as a whole.
const ITEMS_ID: &str = "fix-items";

#[component]
pub fn FixPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map()
        .get_untracked()
        .get("id")
        .unwrap_or_default();
    let form = FormState::new();
    Effect::new(move |_| {
        let t = i18n.t();
        let has_errors = form.errors.with(|e| !e.is_empty());
        set_title(
            t.fix_title,
            has_errors.then_some(t.error_title_prefix),
            t.title_suffix,
        );
    });
    let claim = private_resource_with(Notice::SignInToClaim, {
        let id = id.clone();
        move || {
            let (id, lang) = (id.clone(), i18n.lang_untracked());
            async move { api::claim(lang, &id).await }
        }
    });
    let back = format!("/klaim-saya/{id}");
    // A fix saved on this phone is read before the form draws (as the journey's pages wait).
    let drafts = expect_context::<Drafts>();
    view! {
        <a class="back-link" href=back.clone() data-testid="back">
            {tr(|t| t.back)}
        </a>
        {move || match claim.get() {
            None => loading_view().into_any(),
            Some(_) if !drafts.ready.get() => loading_view().into_any(),
            Some(Err(Failure::Api { status: 404, .. })) => {
                view! {
                    <h1>{tr(|t| t.fix_title)}</h1>
                    <p data-testid="claim-not-found">{tr(|t| t.claim_not_found)}</p>
                }
                    .into_any()
            }
            Some(Err(failure)) => failure_view(failure, move || claim.refetch()).into_any(),
            Some(Ok(view)) if view.summary.status != ClaimStatus::NeedsAction => {
                view! {
                    <h1>{tr(|t| t.fix_title)}</h1>
                    <p data-testid="fix-not-needed">{tr(|t| t.fix_not_needed)}</p>
                    <p>
                        <a href=back.clone()>{tr(|t| t.back_to_my_claims)}</a>
                    </p>
                }
                    .into_any()
            }
            // Drawn once: the form's own closures follow what changes inside it.
            Some(Ok(view)) => untrack(|| fix_form(view, form)),
        }}
    }
}

fn fix_form(claim: ClaimView, form: FormState) -> AnyView {
    let i18n = use_i18n();
    let fix = expect_context::<FixDraft>();
    let navigate = use_navigate();
    let draft = fix.draft;
    let outbox = expect_context::<Outbox>();
    let typed = draft.typed;
    let id = claim.summary.id.clone();
    let reason = claim.summary.reason;
    if fix.begin(&id) {
        answers::prefill(typed, &claim.answers);
    }

    // Earlier uploads can be reused for a reopened kind, but never this claim's own documents:
    // those are what must be replaced.
    let own: Vec<String> = claim.documents.iter().map(|d| d.id.clone()).collect();
    let earlier_list = LocalResource::new(move || api::documents(i18n.lang_untracked()));
    let earlier = Signal::derive(move || {
        let mut all: Vec<DocumentInfo> = earlier_list
            .get()
            .and_then(Result::ok)
            .map(|l| l.documents)
            .unwrap_or_default();
        all.retain(|d| !own.contains(&d.id));
        all
    });

    let items = claim
        .open_items
        .iter()
        .map(|item| {
            let (item_reason, target) = (item.reason, item.target);
            let control = match target {
                ItemTarget::Document(kind) => Some(
                    view! {
                        <Provider value=draft>
                            <DocumentUpload
                                kind
                                necessity=Necessity::Required
                                earlier
                                page_error=field_error(form.errors, kind.as_str())
                            />
                        </Provider>
                    }
                    .into_any(),
                ),
                ItemTarget::Answer(question) => Some(answers::answer_fields(
                    question,
                    reason,
                    &claim.answers,
                    typed,
                    form.errors,
                )),
                ItemTarget::Outside => None,
            };
            view! {
                <section
                    class="fix-item"
                    data-testid="fix-item"
                    data-code=item_reason.as_str()
                    data-target=target_key(target)
                >
                    {move || {
                        let (t, lang) = (i18n.t(), i18n.lang());
                        view! {
                            <h2>{target_words(target, reason, t, lang)}</h2>
                            <div class="reason">{reason_view(item_reason, t, lang)}</div>
                        }
                    }}
                    {control}
                </section>
            }
        })
        .collect_view();

    let outside =
        reopened(&claim, ItemTarget::Outside).then(|| outside_box(fix.outside_done, form));
    let note = claim.note.clone();
    let unchanged = unchanged_view(&claim);
    let fields = page_fields(&claim);
    let reference = claim.summary.reference.clone();

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if form.busy.get_untracked() {
            return;
        }
        let mut found: Vec<Finding> = Vec::new();
        let mut edited = claim.answers.clone();
        for question in Question::ALL {
            if reopened(&claim, ItemTarget::Answer(question))
                && let Err(f) = answers::read(question, typed, &mut edited)
            {
                found.extend(f);
            }
        }
        let fixed = Fixed {
            answers: edited,
            uploads: draft.documents.with_untracked(|d| {
                d.iter()
                    .map(|a| AttachedDocument {
                        kind: a.info.kind,
                        document_id: a.info.id.clone(),
                    })
                    .collect()
            }),
            outside_done: fix.outside_done.get_untracked(),
        };
        let resubmission = match resubmission(&claim, &fixed) {
            Ok(built) if found.is_empty() => built,
            built => {
                found.extend(
                    built
                        .err()
                        .unwrap_or_default()
                        .iter()
                        .map(|p| Finding::of(p.field(), p)),
                );
                form.refuse(found);
                return;
            }
        };
        if !form.begin() {
            return;
        }
        let (id, lang, navigate, fields) = (
            id.clone(),
            i18n.lang_untracked(),
            navigate.clone(),
            fields.clone(),
        );
        spawn_local(async move {
            // Documents chosen without a connection are on the phone: they go first.
            if let Err(failure) = send_kept(outbox, draft, lang).await {
                form.fail(failure, &fields);
                return;
            }
            match api::resubmit(lang, &id, &resubmission).await {
                Ok(view) => {
                    form.succeed();
                    known::save_claim(&view, now_unix_seconds());
                    fix.finish(&id);
                    navigate(&format!("/klaim-saya/{id}"), Default::default());
                }
                Err(mut failure) => {
                    // The API names the whole account; here that is the number's field.
                    if let Failure::Api { errors, .. } = &mut failure {
                        for e in errors
                            .iter_mut()
                            .filter(|e| e.field.as_deref() == Some(API_BANK_FIELD))
                        {
                            e.field = Some(answers::ACCOUNT.to_owned());
                        }
                    }
                    form.fail(failure, &fields);
                }
            }
        });
    };

    view! {
        <ErrorSummary errors=form.errors target=summary_target />
        <h1>{tr(|t| t.fix_title)}</h1>
        <p class="lead">{tr(|t| t.fix_lead)}</p>
        <p class="mono reference" data-testid="fix-reference">
            {reference}
        </p>
        {move || officer_note_view(note.clone(), i18n.t())}
        <div id=ITEMS_ID tabindex="-1" data-testid="fix-items">
            {items}
        </div>
        <form novalidate on:submit=on_submit data-testid="fix-form">
            {outside}
            <RequestTrouble trouble=form.trouble />
            <SubmitButton label=tr_signal(|t| t.fix_submit) busy=form.busy testid="send-fix" />
        </form>
        {unchanged}
    }
    .into_any()
}

/// The inputs of this page, for the server's problems to land on.
fn page_fields(claim: &ClaimView) -> Vec<&'static str> {
    let mut fields = vec![
        answers::BANK,
        answers::ACCOUNT,
        answers::EVENT,
        answers::NPWP,
    ];
    fields.extend(claim.open_items.iter().filter_map(|i| match i.target {
        ItemTarget::Document(kind) => Some(kind.as_str()),
        _ => None,
    }));
    fields.push(OUTSIDE_FIELD);
    fields
}

fn summary_target(finding: &Finding) -> String {
    match finding.field {
        Some(field) => date_input_id(field, finding.code),
        None => ITEMS_ID.to_owned(),
    }
}

/// "Hal di atas sudah diurus": for what only others (HR, Dukcapil) can fix.
fn outside_box(done: RwSignal<bool>, form: FormState) -> impl IntoView {
    let error = field_error(form.errors, OUTSIDE_FIELD);
    let has_error = move || error.with(Option::is_some);
    view! {
        <div class="field" class:field--error=has_error>
            <span class="hint" id="outside_done-hint">
                {tr(|t| t.fix_outside_hint)}
            </span>
            <Show when=has_error>
                <span class="error-message" id="outside_done-error">
                    <span class="visually-hidden">{tr(|t| t.error_prefix)} " "</span>
                    {move || error.get()}
                </span>
            </Show>
            <div class="radio">
                <input
                    class="radio__input"
                    type="checkbox"
                    id=OUTSIDE_FIELD
                    name=OUTSIDE_FIELD
                    aria-describedby=move || {
                        if has_error() {
                            "outside_done-hint outside_done-error"
                        } else {
                            "outside_done-hint"
                        }
                    }
                    aria-invalid=move || has_error().then_some("true")
                    data-testid="outside-done"
                    prop:checked=move || done.get()
                    on:change=move |ev| done.set(event_target_checked(&ev))
                />
                <label class="radio__label" for=OUTSIDE_FIELD>
                    {tr(|t| t.fix_outside_label)}
                </label>
            </div>
        </div>
    }
}

/// The answers and documents not reopened, read-only (identifiers masked: a shared phone).
fn unchanged_view(claim: &ClaimView) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let claim = claim.clone();
    move || {
        let (t, lang) = (i18n.t(), i18n.lang());
        let reason = claim.summary.reason;
        let answers = Question::ALL
            .into_iter()
            .filter(|q| !reopened(&claim, ItemTarget::Answer(*q)))
            .filter_map(|q| {
                let value = answer_words(q, &claim.answers, true, lang)?;
                Some(summary_row(
                    question_label(q, reason, lang).to_owned(),
                    value,
                    None,
                    "fix-unchanged",
                ))
            })
            .collect_view();
        let documents = claim
            .documents
            .iter()
            .filter(|d| !reopened(&claim, ItemTarget::Document(d.kind)))
            .map(|d| {
                summary_row(
                    d.kind.name(lang).to_owned(),
                    format!(
                        "{} · {}",
                        d.file_type.as_str().to_uppercase(),
                        size_words(d.bytes, lang)
                    ),
                    None,
                    "fix-unchanged",
                )
            })
            .collect_view();
        view! {
            <h2>{t.fix_unchanged_heading}</h2>
            <dl class="summary-list" data-testid="fix-unchanged-list">
                {answers}
                {documents}
            </dl>
        }
    }
}

/// Sends the fix's documents that are kept on the phone, marking each sent in the draft.
async fn send_kept(outbox: Outbox, draft: ClaimDraft, lang: Lang) -> Result<(), Failure> {
    let kept: Vec<Attached> = draft
        .documents
        .with_untracked(|d| d.iter().filter(|a| !a.sent).cloned().collect());
    for mut attached in kept {
        match outbox
            .send_document(lang, &QueuedDocument::of(&attached))
            .await
        {
            Ok(()) => {
                attached.sent = true;
                draft.attach(attached);
            }
            Err(Delivery::Refused(errors)) => {
                return Err(Failure::Api {
                    status: 422,
                    errors,
                });
            }
            Err(Delivery::SignIn) => {
                return Err(Failure::Api {
                    status: 401,
                    errors: Vec::new(),
                });
            }
            Err(_) => return Err(Failure::Offline),
        }
    }
    Ok(())
}
