//! "Notifikasi" (`/notifikasi`): every change of a claim's status, newest first, worded here
//! ("Status klaim KLM-26-… berubah: Dibayar") with its time and a link to the claim. What the
//! page shows unread is marked read on the server (only those rows: one that arrives meanwhile
//! stays unread), and keeps its "Baru" tag until the page is left.

use klaim_core::Lang;
use klaim_core::api::notification::{MarkRead, NotificationList};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::browser::set_title;
use crate::format::{now_unix_seconds, wib_moment};
use crate::i18n::{Texts, tr, use_i18n};
use crate::pages::{failure_view, loading_view, private_resource_with};
use crate::state::{Inbox, Notice};

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let inbox = expect_context::<Inbox>();
    Effect::new(move |_| {
        let t = i18n.t();
        set_title(t.notifications_title, None, t.title_suffix);
    });
    let list = private_resource_with(Notice::SignInNeeded, move || {
        api::notifications(i18n.lang_untracked())
    });
    Effect::new(move |_| {
        let Some(Ok(list)) = list.get() else { return };
        let ids: Vec<i64> = list
            .notifications
            .iter()
            .filter(|n| !n.read)
            .map(|n| n.id)
            .collect();
        inbox.unread.set(Some(list.unread));
        if ids.is_empty() {
            return;
        }
        let lang = i18n.lang_untracked();
        let left = list
            .unread
            .saturating_sub(u32::try_from(ids.len()).unwrap_or(u32::MAX));
        spawn_local(async move {
            let read = MarkRead { ids, all: false };
            // Not marked (offline): they stay unread and are marked on the next visit.
            if api::mark_read(lang, &read).await.is_ok() {
                let _ = inbox.unread.try_set(Some(left));
            }
        });
    });
    view! {
        <h1>{tr(|t| t.notifications_title)}</h1>
        {move || match list.get() {
            None => loading_view().into_any(),
            Some(Err(failure)) => failure_view(failure, move || list.refetch()).into_any(),
            Some(Ok(list)) => list_view(list, i18n.t(), i18n.lang()).into_any(),
        }}
    }
}

fn list_view(list: NotificationList, t: &'static Texts, lang: Lang) -> AnyView {
    if list.notifications.is_empty() {
        return view! { <p data-testid="no-notifications">{t.notifications_empty}</p> }.into_any();
    }
    let mut rows = list.notifications;
    rows.sort_by_key(|n| std::cmp::Reverse((n.at, n.id)));
    let now = now_unix_seconds();
    let items = rows
        .into_iter()
        .map(|n| {
            let new = (!n.read).then(|| {
                view! {
                    " "
                    <span class="tag" data-testid="notification-new">
                        {t.notification_new}
                    </span>
                }
            });
            view! {
                <li
                    class="notification"
                    class:notification--unread=!n.read
                    data-testid="notification"
                    data-id=n.id
                    data-claim=n.claim_id.clone()
                    data-status=n.status.as_str()
                    data-read=n.read.to_string()
                >
                    <a href=format!("/klaim-saya/{}", n.claim_id) data-testid="notification-link">
                        {(t.notification_text)(&n.reference, n.status.title(lang))}
                    </a>
                    {new}
                    <p class="notification__when" data-testid="notification-when">
                        {wib_moment(n.at, now, lang)}
                    </p>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="notifications" data-testid="notifications">{items}</ul> }.into_any()
}
