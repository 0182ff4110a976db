//! Refreshing what a page shows while the person looks at it: on a timer, skipped while the tab
//! is hidden (a phone in a pocket costs no data), and at once when the tab becomes visible again.

use std::time::Duration;

use leptos::prelude::*;

/// Calls `refresh` every `period` while the document is visible, and when it becomes visible.
/// Stops when the calling component goes away.
pub fn while_visible(period: Duration, refresh: impl Fn() + Clone + 'static) {
    let on_tick = refresh.clone();
    let timer = set_interval_with_handle(
        move || {
            if visible() {
                on_tick();
            }
        },
        period,
    )
    .ok();
    let listener = window_event_listener_untyped("visibilitychange", move |_| {
        if visible() {
            refresh();
        }
    });
    on_cleanup(move || {
        if let Some(timer) = timer {
            timer.clear();
        }
        listener.remove();
    });
}

fn visible() -> bool {
    !document().hidden()
}
