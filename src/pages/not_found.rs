use leptos::prelude::*;

use crate::browser::set_title;
use crate::i18n::{tr, use_i18n};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let t = i18n.t();
        set_title(t.not_found_title, None, t.title_suffix);
    });
    view! {
        <h1>{tr(|t| t.not_found_title)}</h1>
        <p>{tr(|t| t.not_found_body)}</p>
        <p>
            <a href="/">{tr(|t| t.back_home)}</a>
        </p>
    }
}
