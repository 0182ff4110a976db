//! A plain-words notice when the phone's storage for Klaim is nearly full, before a draft or a
//! photo fails to save (`offline::storage`).

use leptos::prelude::*;

use crate::i18n::tr_shell;
use crate::offline::storage::StorageRoom;

#[component]
pub fn StorageNotice() -> impl IntoView {
    let room = expect_context::<StorageRoom>();
    view! {
        <Show when=move || room.low.get()>
            <div class="app-banner">
                <p class="app-banner__inner" data-testid="storage-low">
                    {tr_shell(|t| t.storage_low)}
                </p>
            </div>
        </Show>
    }
}
