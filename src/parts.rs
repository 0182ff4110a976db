//! The screens that the first page does not need, in parts the browser downloads when one of
//! them is first opened (route splitting: the first load carries the shell, the start page and
//! sign-in only).
//!
//! The release build (`cargo xtask build`, feature `split`) cuts the wasm at each function
//! below with wasm-split; functions of one group share a part. Other builds (the wasm tests,
//! clippy) call them directly. A part that fails to download is an error the page shows, never
//! a panic: the `fallible` option, and a failed load is tried again on the next call.

use leptos::prelude::*;

use crate::components::NeedsInternet;
use crate::pages::office::{OfficeAuditPage, OfficeClaimPage, OfficeQueuePage};
use crate::pages::{
    AccidentPage, AccountPage, BankPage, DeceasedPage, DocumentsPage, EventDatePage, FixPage,
    KpjPage, MyClaimPage, MyClaimsPage, NotificationsPage, NpwpPage, ProgrammesPage,
    RegisterCodePage, RegisterPage, RegisterVerifyPage, ResetNewPage, ResetStartPage, ResultsPage,
    ReviewPage, SentPage, SessionsPage, StartPage, TasksPage,
};

/// Draws a screen; lives in its part, so it can be called once the part has loaded.
pub type Page = fn() -> AnyView;

/// The part holding a screen could not be downloaded (no connection, the server gone).
#[derive(Clone, Copy, Debug)]
#[cfg_attr(not(feature = "split"), allow(dead_code))]
pub struct PartMissing;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for PartMissing {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        PartMissing
    }
}

/// `group { screen => page, … }`: an async function per screen that loads the group's part and
/// returns the screen.
macro_rules! parts {
    ($($group:ident { $($screen:ident => $page:expr,)* })*) => {$($(
        #[cfg(feature = "split")]
        #[wasm_split_helpers::wasm_split($group, fallible)]
        pub fn $screen() -> Result<Page, PartMissing> {
            Ok($page)
        }

        #[cfg(not(feature = "split"))]
        pub async fn $screen() -> Result<Page, PartMissing> {
            Ok($page)
        }
    )*)*};
}

parts! {
    // Signing up, a forgotten password and the account: needed once or rarely.
    account {
        register => || view! { <NeedsInternet><RegisterPage /></NeedsInternet> }.into_any(),
        register_code => || view! { <NeedsInternet><RegisterCodePage /></NeedsInternet> }.into_any(),
        register_verify => || view! { <NeedsInternet><RegisterVerifyPage /></NeedsInternet> }.into_any(),
        reset_start => || view! { <NeedsInternet><ResetStartPage /></NeedsInternet> }.into_any(),
        reset_new => || view! { <NeedsInternet><ResetNewPage /></NeedsInternet> }.into_any(),
        account => || view! { <AccountPage /> }.into_any(),
        sessions => || view! { <NeedsInternet><SessionsPage /></NeedsInternet> }.into_any(),
    }
    // Preparing a claim, from the programmes to "Periksa jawaban Anda" and the confirmation.
    journey {
        programmes => || view! { <ProgrammesPage /> }.into_any(),
        sent => || view! { <SentPage /> }.into_any(),
        start => || view! { <StartPage /> }.into_any(),
        results => || view! { <ResultsPage /> }.into_any(),
        tasks => || view! { <TasksPage /> }.into_any(),
        kpj => || view! { <KpjPage /> }.into_any(),
        event_date => || view! { <EventDatePage /> }.into_any(),
        deceased => || view! { <DeceasedPage /> }.into_any(),
        accident => || view! { <AccidentPage /> }.into_any(),
        bank => || view! { <BankPage /> }.into_any(),
        npwp => || view! { <NpwpPage /> }.into_any(),
        documents => || view! { <DocumentsPage /> }.into_any(),
        review => || view! { <ReviewPage /> }.into_any(),
    }
    // Following claims to payment.
    follow {
        my_claims => || view! { <MyClaimsPage /> }.into_any(),
        my_claim => || view! { <MyClaimPage /> }.into_any(),
        fix => || view! { <FixPage /> }.into_any(),
        notifications => || view! { <NotificationsPage /> }.into_any(),
    }
    // The back office, which participants never open.
    office {
        office_queue => || view! { <NeedsInternet><OfficeQueuePage /></NeedsInternet> }.into_any(),
        office_claim => || view! { <NeedsInternet><OfficeClaimPage /></NeedsInternet> }.into_any(),
        office_audit => || view! { <NeedsInternet><OfficeAuditPage /></NeedsInternet> }.into_any(),
    }
}
