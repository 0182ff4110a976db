//! What a form page does around a request: one request at a time (busy), the server's refusals
//! shown exactly like the app's own findings (summary, inline messages), and a plain message when
//! the network failed. What was typed is never touched here, so it is always kept.

use klaim_core::api::ApiError;
use klaim_core::message::Finding;
use klaim_core::{AccountProblem, Explain, Lang};
use leptos::prelude::*;

use crate::api::Failure;

/// Something went wrong that is not about what the person typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trouble {
    /// No answer: no connection, or the server could not be reached in time.
    Offline,
    /// The server answered with something unusable (an error page, a 500).
    Server,
}

/// The state every account form shares.
#[derive(Clone, Copy)]
pub struct FormState {
    pub errors: RwSignal<Vec<Finding>>,
    pub trouble: RwSignal<Option<Trouble>>,
    pub busy: RwSignal<bool>,
}

impl FormState {
    pub fn new() -> FormState {
        FormState {
            errors: RwSignal::new(Vec::new()),
            trouble: RwSignal::new(None),
            busy: RwSignal::new(false),
        }
    }

    /// The app's own checks failed: nothing is sent.
    pub fn refuse(&self, found: Vec<Finding>) {
        self.trouble.set(None);
        self.errors.set(found);
    }

    /// A submit: `true` when the app's own check passed and the request may start; `false` (nothing
    /// to send) when a request is under way or the check failed, whose findings are then shown.
    pub fn start<T>(&self, checked: Result<T, Vec<Finding>>) -> bool {
        if self.busy.get_untracked() {
            return false;
        }
        match checked {
            Ok(_) => self.begin(),
            Err(found) => {
                self.refuse(found);
                false
            }
        }
    }

    /// Marks a request as started; `false` when one is already under way (no double submit).
    pub fn begin(&self) -> bool {
        if self.busy.get_untracked() {
            return false;
        }
        self.busy.set(true);
        self.trouble.set(None);
        true
    }

    /// The request succeeded.
    pub fn succeed(&self) {
        self.busy.set(false);
        self.errors.set(Vec::new());
        self.trouble.set(None);
    }

    /// The request failed; `fields` are the ids of this form's inputs, in form order.
    pub fn fail(&self, failure: Failure, fields: &[&'static str]) {
        self.busy.set(false);
        match failure {
            Failure::Offline => self.trouble.set(Some(Trouble::Offline)),
            Failure::Unexpected(_) => self.trouble.set(Some(Trouble::Server)),
            Failure::Api { errors, .. } => {
                self.trouble.set(None);
                self.errors.set(findings(&errors, fields));
            }
        }
    }
}

impl Default for FormState {
    fn default() -> Self {
        FormState::new()
    }
}

/// The API's errors as findings, so the error summary and the inline messages show them the same
/// way as the app's own. A field this form does not have makes the finding about the whole form.
pub fn findings(errors: &[ApiError], fields: &[&'static str]) -> Vec<Finding> {
    errors
        .iter()
        .map(|e| {
            let field = e
                .field
                .as_deref()
                .and_then(|f| fields.iter().copied().find(|known| *known == f));
            Finding::of(field, &ServerFinding::new(e))
        })
        .collect()
}

/// One API error, explained: klaim-core's words in both languages when the code is a refusal
/// without numbers in it, otherwise the server's message (already in the language asked for).
struct ServerFinding {
    code: &'static str,
    message: Option<String>,
    problem: Option<AccountProblem>,
}

impl ServerFinding {
    fn new(e: &ApiError) -> ServerFinding {
        let problem = AccountProblem::from_code(&e.code);
        let has_numbers = matches!(
            problem,
            Some(AccountProblem::CodeWrong { .. } | AccountProblem::TooManyAttempts { .. })
        );
        ServerFinding {
            code: problem.as_ref().map_or(SERVER_CODE, Explain::code),
            message: (problem.is_none() || has_numbers).then(|| e.message.clone()),
            problem,
        }
    }
}

/// The code of a server finding the app has no words of its own for.
pub const SERVER_CODE: &str = "api.server";

impl Explain for ServerFinding {
    fn code(&self) -> &'static str {
        self.code
    }

    fn message(&self, lang: Lang) -> String {
        match (&self.message, &self.problem) {
            (Some(text), _) => text.clone(),
            (None, Some(problem)) => problem.message(lang),
            (None, None) => String::new(),
        }
    }

    fn hint(&self, lang: Lang) -> String {
        self.problem
            .as_ref()
            .map(|p| p.hint(lang))
            .unwrap_or_default()
    }
}
