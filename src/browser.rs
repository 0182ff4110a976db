//! Small wrappers over browser APIs used by several pages.

use klaim_core::date::Date;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Today's date on this device, the only clock read in the app's rules.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    // The device calendar always gives a real date; fall back to a fixed one only if it does not.
    Date::new(
        now.get_full_year() as u16,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
    .or_else(|| Date::new(2026, 1, 1))
    .expect("a fixed real date")
}

/// Sets the document title, prefixed when the page shows errors (read first by screen readers).
pub fn set_title(title: &str, error_prefix: Option<&str>, suffix: &str) {
    document().set_title(&format!(
        "{}{title}{suffix}",
        error_prefix.unwrap_or_default()
    ));
}

/// Moves keyboard focus to an element by id, when it exists.
pub fn focus_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id)
        && let Ok(el) = el.dyn_into::<web_sys::HtmlElement>()
    {
        let _ = el.focus();
    }
}
