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

/// The server's sign that a session was made in this browser (`klaim_signed_in`, set and cleared
/// with the HttpOnly session cookie): without it no one is signed in, and asking `GET /me` would
/// only log a 401 in the console. Read through `Reflect` (no `HtmlDocument` binding needed).
pub fn has_session_sign() -> bool {
    js_sys::Reflect::get(&document(), &"cookie".into())
        .ok()
        .and_then(|c| c.as_string())
        .is_some_and(|cookies| {
            cookies
                .split(';')
                .any(|pair| pair.trim() == "klaim_signed_in=1")
        })
}

/// Drops the sign once the server says the session is gone (expired, or ended elsewhere).
pub fn forget_session_sign() {
    let _ = js_sys::Reflect::set(
        &document(),
        &"cookie".into(),
        &"klaim_signed_in=; Path=/; SameSite=Strict; Max-Age=0".into(),
    );
}
