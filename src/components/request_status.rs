use klaim_core::AccountProblem;
use klaim_core::message::Finding;
use leptos::prelude::*;

use crate::form::Trouble;
use crate::i18n::{tr, use_i18n};

/// What happened to a request that got no usable answer. Offline is plain and grey (nothing the
/// person did wrong, and what they typed is still there); a broken server says where to get help.
#[component]
pub fn RequestTrouble(trouble: RwSignal<Option<Trouble>>) -> impl IntoView {
    move || {
        trouble.get().map(|t| match t {
            Trouble::Offline => view! {
                <p class="offline" role="status" data-testid="offline">
                    {tr(|t| t.offline_message)}
                </p>
            }
            .into_any(),
            Trouble::Server => view! {
                <p class="server-trouble" role="alert" data-testid="server-trouble">
                    {tr(|t| t.server_trouble)}
                </p>
            }
            .into_any(),
        })
    }
}

/// For the server's refusals (the registry does not know the person, the code expired…): what
/// to do next, with a link where one helps. Shown under the error summary.
#[component]
pub fn ProblemHints(
    errors: RwSignal<Vec<Finding>>,
    /// Where "start again" leads when a step has expired.
    #[prop(optional)]
    restart: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let lang = i18n.lang();
        let t = i18n.t();
        errors
            .get()
            .into_iter()
            .filter(|f| AccountProblem::from_code(f.code).is_some())
            .map(|f| {
                let link = match f.code {
                    "registration.already_registered" => {
                        Some(("/masuk", t.already_registered_link))
                    }
                    "account.step_expired" => restart.map(|href| (href, t.restart_link)),
                    _ => None,
                };
                view! {
                    <div class="problem-hint" data-testid="problem-hint" data-code=f.code>
                        <p>{f.hint(lang).to_owned()}</p>
                        {link
                            .map(|(href, text)| {
                                view! {
                                    <p>
                                        <a href=href data-testid="problem-link">
                                            {text}
                                        </a>
                                    </p>
                                }
                            })}
                    </div>
                }
            })
            .collect_view()
    }
}

/// The form's button: says it is busy and takes no second press while a request is under way.
#[component]
pub fn SubmitButton(
    #[prop(into)] label: Signal<&'static str>,
    busy: RwSignal<bool>,
    #[prop(default = "continue")] testid: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button
            type="submit"
            class="button"
            data-testid=testid
            disabled=move || busy.get()
            aria-busy=move || busy.get().then_some("true")
        >
            {move || if busy.get() { i18n.t().busy } else { label.get() }}
        </button>
    }
}
