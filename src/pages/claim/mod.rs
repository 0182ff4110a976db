//! The claim journey, one module per screen: choose a programme, its start page, the results of
//! the eligibility check, the question pages, the task list, documents, "Periksa jawaban Anda"
//! and the confirmation.

mod accident;
mod bank;
mod deceased;
mod documents;
mod event_date;
mod kpj;
mod npwp;
mod programmes;
mod record;
mod results;
mod review;
mod sent;
mod start;
mod tasks;

pub use accident::AccidentPage;
pub use bank::BankPage;
pub use deceased::DeceasedPage;
pub use documents::DocumentsPage;
pub use event_date::EventDatePage;
pub use kpj::KpjPage;
pub use npwp::NpwpPage;
pub use programmes::ProgrammesPage;
pub(crate) use record::record_view;
pub use results::ResultsPage;
pub use review::ReviewPage;
pub use sent::SentPage;
pub use start::StartPage;
pub use tasks::TasksPage;

use klaim_core::Lang;
use klaim_core::claim::{ClaimFacts, ClaimReason, Claimant, Programme, Question, questions};
use klaim_core::message::Finding;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::{use_params_map, use_query_map};

use klaim_core::api::ApiError;

use crate::api::Failure;
use crate::browser::set_title;
use crate::claim::steps::{self, Step};
use crate::claim::{ClaimDraft, Loaded, load};
use crate::components::DraftSaved;
use crate::i18n::{Texts, tr, use_i18n};
use crate::pages::NotFoundPage;
use crate::pages::{failure_view, loading_view, private_resource_with};
use crate::state::{Drafts, Notice};

/// The programme and reason in the address, when they are real and belong together.
fn journey_params() -> Option<(Programme, ClaimReason)> {
    let params = use_params_map().get_untracked();
    let programme = Programme::from_wire(&params.get("programme")?)?;
    let reason = ClaimReason::from_wire(&params.get("reason")?)?;
    programme
        .reasons()
        .contains(&reason)
        .then_some((programme, reason))
}

/// A journey page for the programme and reason in the address, or "not found".
fn journey_page(page: fn(Programme, ClaimReason) -> AnyView) -> AnyView {
    journey_page_with(page)
}

/// Waits for the draft saved on the phone to be read (at start), so the page sees it; then shows
/// when the draft was last saved.
fn journey_page_with(page: impl FnOnce(Programme, ClaimReason) -> AnyView + 'static) -> AnyView {
    let Some((programme, reason)) = journey_params() else {
        return view! { <NotFoundPage /> }.into_any();
    };
    let drafts = expect_context::<Drafts>();
    let draft = expect_context::<ClaimDraft>();
    let page = StoredValue::new_local(Some(page));
    let body = move || {
        if !drafts.ready.get() {
            return loading_view().into_any();
        }
        match page.try_update_value(Option::take).flatten() {
            Some(page) => untrack(|| {
                draft.begin(programme, reason);
                page(programme, reason)
            }),
            // Drawn once: `ready` does not go back.
            None => ().into_any(),
        }
    };
    view! {
        {body}
        <DraftSaved />
    }
    .into_any()
}

/// Whether the page was opened from "Periksa jawaban Anda" (Lanjutkan then returns there).
fn from_review() -> bool {
    use_query_map()
        .get_untracked()
        .get("dari")
        .is_some_and(|v| v == "periksa")
}

/// What a journey page works with once the registry facts are in.
#[derive(Clone)]
struct Ready {
    facts: ClaimFacts,
    claimant: Claimant,
}

/// Fetches the facts this claim's rules read (once per journey), then draws `page` with them.
/// Signed-out people go to the sign-in page and come back; a death claim whose deceased is not
/// named yet goes to the page that asks.
fn with_facts(
    programme: Programme,
    reason: ClaimReason,
    page: impl Fn(Ready) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    with_facts_of(programme, reason, programme.by_heirs(reason), page)
}

/// [`with_facts`] choosing whose facts: the deceased's page needs only the heir's own.
fn with_facts_of(
    programme: Programme,
    reason: ClaimReason,
    by_heirs: bool,
    page: impl Fn(Ready) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let draft = expect_context::<ClaimDraft>();
    let facts = private_resource_with(Notice::SignInToClaim, move || {
        load(draft, i18n.lang_untracked(), by_heirs)
    });
    move || match facts.get() {
        None => loading_view().into_any(),
        Some(Err(Failure::Api { status, errors })) if status != 401 => {
            refusal_view(&errors, programme, i18n.lang()).into_any()
        }
        Some(Err(failure)) => failure_view(failure, move || facts.refetch()).into_any(),
        Some(Ok(Loaded::NeedsDeceased)) => {
            let to = steps::path(
                programme,
                reason,
                Step::Question(klaim_core::claim::Question::Deceased),
            );
            view! { <Redirect path=to /> }.into_any()
        }
        // Drawn once: the page's own closures follow what changes inside it.
        Some(Ok(Loaded::Ready { facts, claimant })) => untrack(|| page(Ready { facts, claimant })),
    }
}

/// Keeps the document title on the page's heading, prefixed while the page shows errors.
fn page_title(
    errors: Option<RwSignal<Vec<Finding>>>,
    title: impl Fn(&'static Texts, Lang) -> String + 'static,
) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let t = i18n.t();
        let has_errors = errors.is_some_and(|e| e.with(|e| !e.is_empty()));
        set_title(
            &title(t, i18n.lang()),
            has_errors.then_some(t.error_title_prefix),
            t.title_suffix,
        );
    });
}

/// The server refused to give the facts (the deceased was not found, no membership): its words,
/// and the way back to the start of the claim.
fn refusal_view(errors: &[ApiError], programme: Programme, lang: Lang) -> impl IntoView + use<> {
    let t = Texts::of(lang);
    let items = errors
        .iter()
        .map(|e| view! { <li>{e.message.clone()}</li> })
        .collect_view();
    view! {
        <div class="problem-hint" role="alert" data-testid="facts-refused">
            <ul>{items}</ul>
        </div>
        <p>
            <a href=format!("/klaim/{}", programme.as_str())>{t.choose_other}</a>
        </p>
    }
}

fn back_link(href: String) -> impl IntoView {
    view! {
        <a class="back-link" href=href data-testid="back">
            {tr(|t| t.back)}
        </a>
    }
}

/// Where a question page sits in its journey: Back and Lanjutkan follow from it.
#[derive(Clone)]
struct Flow {
    programme: Programme,
    reason: ClaimReason,
    question: Question,
    questions: Vec<Question>,
    from_review: bool,
}

impl Flow {
    fn new(
        programme: Programme,
        reason: ClaimReason,
        question: Question,
        facts: &ClaimFacts,
    ) -> Flow {
        let answers = expect_context::<ClaimDraft>().answers_for(programme, reason);
        Flow {
            programme,
            reason,
            question,
            questions: questions(facts, &answers),
            from_review: from_review(),
        }
    }

    fn back(&self) -> String {
        steps::back_from(
            self.programme,
            self.reason,
            Step::Question(self.question),
            &self.questions,
            self.from_review,
        )
    }

    fn next(&self) -> String {
        steps::after_question(
            self.programme,
            self.reason,
            self.question,
            &self.questions,
            self.from_review,
        )
    }
}

/// A question page for the journey in the address, once the facts are in.
fn question_page(question: Question, form: fn(Flow, Ready) -> AnyView) -> AnyView {
    journey_page_with(move |programme, reason| {
        with_facts(programme, reason, move |ready| {
            let flow = Flow::new(programme, reason, question, &ready.facts);
            form(flow, ready)
        })
        .into_any()
    })
}
