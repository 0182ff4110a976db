//! "Klaim apa yang ingin Anda ajukan?": the five programmes, one line each, each a link to its
//! start page.

use klaim_core::claim::Programme;
use leptos::prelude::*;

use super::page_title;
use crate::i18n::{tr, use_i18n};

#[component]
pub fn ProgrammesPage() -> impl IntoView {
    let i18n = use_i18n();
    page_title(None, |t, _| t.choose_programme_title.to_owned());
    let items = move || {
        let t = i18n.t();
        let lang = i18n.lang();
        Programme::ALL
            .into_iter()
            .map(|p| {
                view! {
                    <li class="choice-list__item">
                        <a
                            class="choice-list__link"
                            href=format!("/klaim/{}", p.as_str())
                            data-testid=format!("programme-{}", p.as_str())
                        >
                            {p.abbreviation()} " — " {p.name(lang)}
                        </a>
                        <p>{(t.programme_line)(p)}</p>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <h1>{tr(|t| t.choose_programme_title)}</h1>
        <p class="lead">{tr(|t| t.choose_programme_lead)}</p>
        <ul class="choice-list" data-testid="programmes">{items}</ul>
        <p class="notice">{tr(|t| t.start_free_body)}</p>
    }
}
