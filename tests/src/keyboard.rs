//! The keyboard alone: Tab to an element (checking it shows its focus), arrows within a radio
//! group, Enter and Space, and typing into whatever has the focus. No clicks.

use thirtyfour::prelude::*;

use crate::browser::Browser;

/// Presses Tab (at most 80 times) until the focused element matches `css`; panics when it never
/// does, and when the focused element shows no focus outline.
pub async fn tab_to(browser: &Browser, css: &str) {
    move_focus(browser, css, Key::Tab).await;
}

/// Presses the down arrow (within a radio group) until the focused element matches `css`.
pub async fn arrow_to(browser: &Browser, css: &str) {
    move_focus(browser, css, Key::Down).await;
}

async fn move_focus(browser: &Browser, css: &str, key: Key) {
    for _ in 0..80 {
        if focused_matches(browser, css).await {
            assert!(
                focus_shows(browser).await,
                "{css} has the focus but shows no outline"
            );
            return;
        }
        keys(browser, key.clone()).await;
    }
    panic!("{css} was never reached with the keyboard");
}

/// Sends keys to the page as typed (to whatever has the focus).
pub async fn keys(browser: &Browser, keys: impl Into<TypingData>) {
    browser
        .driver
        .action_chain()
        .send_keys(keys)
        .perform()
        .await
        .expect("keys");
}

pub async fn enter(browser: &Browser) {
    keys(browser, Key::Enter).await;
}

pub async fn space(browser: &Browser) {
    keys(browser, Key::Space).await;
}

async fn focused_matches(browser: &Browser, css: &str) -> bool {
    browser
        .script::<bool>(&format!(
            "const e = document.activeElement; return !!e && e.matches({css:?});"
        ))
        .await
}

/// The focused element draws an outline (or a shadow) around itself.
async fn focus_shows(browser: &Browser) -> bool {
    browser
        .script::<bool>(
            "const s = getComputedStyle(document.activeElement); \
             return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) \
               || s.boxShadow !== 'none';",
        )
        .await
}
