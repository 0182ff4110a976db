//! The staff side of the site header: which role the signed-in account has (officer, admin or
//! participant, from `GET /me` or the sign-in answer), the header links to the back office, and
//! where each role lands after signing in. The role only chooses links and landing pages; the
//! server refuses every office request of an account without the role.

use klaim_core::api::account::Role;
use leptos::prelude::*;

use crate::i18n::tr_office;
use crate::state::Account;

/// The signed-in account's role, as far as this tab knows.
#[derive(Clone, Copy)]
pub struct StaffRole(pub RwSignal<Option<Role>>);

impl StaffRole {
    /// Shares an unknown role with every component (the app's root). Signing out (or being
    /// found signed out) forgets it, so whoever signs up next on this tab is not taken for staff.
    pub fn provide() -> StaffRole {
        let role = StaffRole(RwSignal::new(None));
        let account = expect_context::<Account>();
        Effect::new(move |_| {
            if !account.signed_in.get() {
                role.0.set(None);
            }
        });
        provide_context(role);
        role
    }

    /// The shared role, when the app's root provided one (pages mounted alone, as in the wasm
    /// tests, have none). Read in a component's body: contexts are out of reach in handlers.
    pub fn find() -> Option<StaffRole> {
        use_context::<StaffRole>()
    }

    pub fn set(self, role: Role) {
        self.0.set(Some(role));
    }
}

/// Where an account lands after signing in: a participant goes back to the page that sent
/// them (else "Akun saya"); officers to the queue and admins to the audit trail, unless they
/// were sent from a page of their own part of the office.
pub fn landing(role: Role, return_to: String) -> String {
    match role {
        Role::Participant => return_to,
        Role::Officer
            if return_to == "/petugas"
                || return_to.starts_with("/petugas?")
                || return_to.starts_with("/petugas/klaim/") =>
        {
            return_to
        }
        Role::Officer => "/petugas".to_owned(),
        Role::Admin if return_to.starts_with("/petugas/audit") => return_to,
        Role::Admin => "/petugas/audit".to_owned(),
    }
}

/// "Petugas" for officers, "Jejak audit" for admins; nothing for participants.
#[component]
pub fn OfficeNav() -> impl IntoView {
    let account = expect_context::<Account>();
    let role = use_context::<StaffRole>().map(|r| r.0);
    let shown = move || {
        if !account.signed_in.get() {
            return None;
        }
        role.and_then(|r| r.get())
    };
    move || match shown() {
        Some(Role::Officer) => Some(
            view! {
                <a class="site-header__account" href="/petugas" data-testid="header-office">
                    {tr_office(|t| t.nav_office)}
                </a>
            }
            .into_any(),
        ),
        Some(Role::Admin) => Some(
            view! {
                <a class="site-header__account" href="/petugas/audit" data-testid="header-audit">
                    {tr_office(|t| t.nav_audit)}
                </a>
            }
            .into_any(),
        ),
        _ => None,
    }
}

/// Whether the signed-in account is staff (the header then leaves out "Klaim saya").
pub fn is_staff() -> Signal<bool> {
    let role = use_context::<StaffRole>().map(|r| r.0);
    Signal::derive(move || {
        role.and_then(|r| r.get())
            .is_some_and(|r| matches!(r, Role::Officer | Role::Admin))
    })
}
