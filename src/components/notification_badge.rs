//! The header's way to the notifications, with the unread count for signed-in participants:
//! "Notifikasi 2", read out as "Notifikasi, 2 belum dibaca". Refreshed on every navigation, every
//! minute while the tab is visible, and when a page sees a claim change, from the list endpoint
//! (cheap: a few rows). Staff
//! accounts have no notifications (the API says 403): the link stays away.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_location;

use crate::api::{self, Failure};
use crate::follow::refresh;
use crate::i18n::{tr, use_i18n};
use crate::state::{Account, Inbox};

/// The notifications page keeps the count itself (it marks rows read); asking here at the same
/// time could bring back a count from before.
const NOTIFICATIONS_PATH: &str = "/notifikasi";

#[component]
pub fn NotificationBadge() -> impl IntoView {
    let i18n = use_i18n();
    let account = expect_context::<Account>();
    let inbox = expect_context::<Inbox>();
    let location = use_location();
    let tick = RwSignal::new(0u32);
    // This session has no notifications to show (staff, or a session that ended): stop asking
    // until someone signs in again.
    let none_here = RwSignal::new(false);

    Effect::new(move |_| {
        let path = location.pathname.get();
        tick.track();
        inbox.news.track();
        if !account.signed_in.get() {
            none_here.set(false);
            inbox.unread.set(None);
            return;
        }
        if path == NOTIFICATIONS_PATH || none_here.get_untracked() {
            return;
        }
        let lang = i18n.lang_untracked();
        spawn_local(async move {
            match api::notifications(lang).await {
                Ok(list) => {
                    let _ = inbox.unread.try_set(Some(list.unread));
                }
                Err(Failure::Api {
                    status: 401 | 403, ..
                }) => {
                    let _ = none_here.try_set(true);
                    let _ = inbox.unread.try_set(None);
                }
                // Offline or trouble: the last count stays until the next try.
                Err(_) => {}
            }
        });
    });
    refresh::while_visible(Duration::from_secs(60), move || tick.update(|n| *n += 1));

    let unread = move || inbox.unread.get().unwrap_or(0);
    let label = move || {
        let t = i18n.t();
        match unread() {
            0 => t.nav_notifications.to_owned(),
            n => (t.notifications_unread)(n),
        }
    };
    view! {
        <Show when=move || account.signed_in.get() && inbox.unread.with(Option::is_some)>
            <a
                class="site-header__account"
                href=NOTIFICATIONS_PATH
                aria-label=label
                data-testid="header-notifications"
                data-unread=unread
            >
                {tr(|t| t.nav_notifications)}
                // The space keeps the visible "Notifikasi 2" inside the spoken name.
                <Show when=move || { unread() > 0 }>
                    " "
                    <span class="badge" aria-hidden="true" data-testid="notification-count">
                        {unread}
                    </span>
                </Show>
            </a>
        </Show>
    }
}
