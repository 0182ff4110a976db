//! State that outlives one page: what the person typed, so nothing is lost between pages, and
//! who is signed in. All of it is forgotten on sign-out ([`Private::wipe`]), with the last known
//! claim statuses kept in localStorage for offline (`follow::known`).

use klaim_core::api::account::{CodeSent, PasswordResetStarted, RegistrationStarted};
use klaim_core::forms::account::RegistrationInput;
use klaim_core::forms::membership::{MembershipCheck, MembershipCheckInput};
use leptos::prelude::*;

pub use crate::claim::ClaimDraft;
pub use crate::offline::{Drafts, Outbox};

/// The "Cek data kepesertaan" answers and, once they pass, the checked result.
#[derive(Clone, Copy)]
pub struct MembershipDraft {
    pub full_name: RwSignal<String>,
    pub nik: RwSignal<String>,
    pub kpj: RwSignal<String>,
    pub birth_day: RwSignal<String>,
    pub birth_month: RwSignal<String>,
    pub birth_year: RwSignal<String>,
    pub phone: RwSignal<String>,
    pub result: RwSignal<Option<MembershipCheck>>,
}

impl Default for MembershipDraft {
    fn default() -> Self {
        MembershipDraft {
            full_name: RwSignal::default(),
            nik: RwSignal::default(),
            kpj: RwSignal::default(),
            birth_day: RwSignal::default(),
            birth_month: RwSignal::default(),
            birth_year: RwSignal::default(),
            phone: RwSignal::default(),
            result: RwSignal::new(None),
        }
    }
}

impl MembershipDraft {
    pub fn input(&self) -> MembershipCheckInput {
        MembershipCheckInput {
            full_name: self.full_name.get_untracked(),
            nik: self.nik.get_untracked(),
            kpj: self.kpj.get_untracked(),
            birth_day: self.birth_day.get_untracked(),
            birth_month: self.birth_month.get_untracked(),
            birth_year: self.birth_year.get_untracked(),
            phone: self.phone.get_untracked(),
        }
    }
}

impl MembershipDraft {
    /// Forgets every answer (on sign-out: a shared phone keeps nothing of the last person).
    pub fn clear(&self) {
        for field in [
            self.full_name,
            self.nik,
            self.kpj,
            self.birth_day,
            self.birth_month,
            self.birth_year,
            self.phone,
        ] {
            field.set(String::new());
        }
        self.result.set(None);
    }
}

/// "Daftar": what was typed, and how far the registration got.
#[derive(Clone, Copy)]
pub struct RegistrationDraft {
    pub full_name: RwSignal<String>,
    pub nik: RwSignal<String>,
    pub kpj: RwSignal<String>,
    pub birth_day: RwSignal<String>,
    pub birth_month: RwSignal<String>,
    pub birth_year: RwSignal<String>,
    pub password: RwSignal<String>,
    /// The server found the person: the registration id and where a code can go.
    pub started: RwSignal<Option<RegistrationStarted>>,
    /// Where the last code went.
    pub sent: RwSignal<Option<CodeSent>>,
    pub code: RwSignal<String>,
}

impl Default for RegistrationDraft {
    fn default() -> Self {
        RegistrationDraft {
            full_name: RwSignal::default(),
            nik: RwSignal::default(),
            kpj: RwSignal::default(),
            birth_day: RwSignal::default(),
            birth_month: RwSignal::default(),
            birth_year: RwSignal::default(),
            password: RwSignal::default(),
            started: RwSignal::new(None),
            sent: RwSignal::new(None),
            code: RwSignal::default(),
        }
    }
}

impl RegistrationDraft {
    pub fn input(&self) -> RegistrationInput {
        RegistrationInput {
            full_name: self.full_name.get_untracked(),
            nik: self.nik.get_untracked(),
            kpj: self.kpj.get_untracked(),
            birth_day: self.birth_day.get_untracked(),
            birth_month: self.birth_month.get_untracked(),
            birth_year: self.birth_year.get_untracked(),
            password: self.password.get_untracked(),
        }
    }

    /// Starts from what the person typed on "Cek data kepesertaan", if this form is still empty.
    pub fn prefill_from(&self, checked: &MembershipDraft) {
        let pairs = [
            (self.full_name, checked.full_name),
            (self.nik, checked.nik),
            (self.kpj, checked.kpj),
            (self.birth_day, checked.birth_day),
            (self.birth_month, checked.birth_month),
            (self.birth_year, checked.birth_year),
        ];
        if pairs
            .iter()
            .all(|(mine, _)| mine.with_untracked(String::is_empty))
        {
            for (mine, theirs) in pairs {
                mine.set(theirs.get_untracked());
            }
        }
    }

    pub fn clear(&self) {
        for field in [
            self.full_name,
            self.nik,
            self.kpj,
            self.birth_day,
            self.birth_month,
            self.birth_year,
            self.password,
            self.code,
        ] {
            field.set(String::new());
        }
        self.started.set(None);
        self.sent.set(None);
    }
}

/// "Lupa kata sandi": who forgot, the reset the server started, the code and the new password.
#[derive(Clone, Copy)]
pub struct ResetDraft {
    pub login: RwSignal<String>,
    pub started: RwSignal<Option<PasswordResetStarted>>,
    pub code: RwSignal<String>,
    pub password: RwSignal<String>,
}

impl Default for ResetDraft {
    fn default() -> Self {
        ResetDraft {
            login: RwSignal::default(),
            started: RwSignal::new(None),
            code: RwSignal::default(),
            password: RwSignal::default(),
        }
    }
}

impl ResetDraft {
    pub fn clear(&self) {
        for field in [self.login, self.code, self.password] {
            field.set(String::new());
        }
        self.started.set(None);
    }
}

/// A message the sign-in page shows once, saying why the person landed there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    SignedOut,
    SignInNeeded,
    /// A claim page needs the person signed in; they come back to it afterwards.
    SignInToClaim,
    PasswordChanged,
}

/// Whether someone is signed in, as far as this tab knows (for the header link). Nothing
/// private is kept here: private pages fetch their data each time they open, so nothing of it
/// outlives a sign-out.
#[derive(Clone, Copy)]
pub struct Account {
    pub signed_in: RwSignal<bool>,
    pub notice: RwSignal<Option<Notice>>,
    /// The page to return to after signing in (a claim page that needed a session).
    pub return_to: RwSignal<Option<String>>,
}

impl Account {
    /// The server says nobody is signed in (a session ended elsewhere or timed out).
    pub fn forget(&self, notice: Notice) {
        self.signed_in.set(false);
        self.notice.set(Some(notice));
    }

    /// Where to go once signed in: the page that sent the person here, else "Akun saya". Only
    /// paths inside the app are followed.
    pub fn take_return_to(&self) -> String {
        self.return_to
            .try_update(Option::take)
            .flatten()
            .filter(|p| p.starts_with('/') && !p.starts_with("//"))
            .unwrap_or_else(|| "/akun".to_owned())
    }
}

impl Default for Account {
    fn default() -> Self {
        Account {
            signed_in: RwSignal::new(false),
            notice: RwSignal::new(None),
            return_to: RwSignal::new(None),
        }
    }
}

/// The header's count of unread notifications: `None` while unknown, or for an account that has
/// no notifications (staff). The notifications page lowers it as soon as it marks them read.
#[derive(Clone, Copy)]
pub struct Inbox {
    pub unread: RwSignal<Option<u32>>,
    /// Raised when a page sees a claim change: a notification is likely, the header asks again.
    pub news: RwSignal<u32>,
}

impl Inbox {
    pub fn ask_again(&self) {
        let _ = self.news.try_update(|n| *n = n.wrapping_add(1));
    }
}

impl Default for Inbox {
    fn default() -> Self {
        Inbox {
            unread: RwSignal::new(None),
            news: RwSignal::new(0),
        }
    }
}

/// "Perbaiki klaim": the fix under way for one claim (the new uploads and what was typed, in a
/// claim draft of its own so the upload rows work as in the journey), kept across pages until
/// it is sent, another claim is fixed, or the person signs out.
#[derive(Clone, Copy)]
pub struct FixDraft {
    /// The claim being fixed; empty when none.
    pub claim_id: RwSignal<String>,
    pub draft: ClaimDraft,
    /// The "sorted out" box for items fixed outside Klaim.
    pub outside_done: RwSignal<bool>,
    /// The claim whose fix was just sent, for the notice on its page.
    pub sent: RwSignal<Option<String>>,
}

impl Default for FixDraft {
    fn default() -> Self {
        FixDraft {
            claim_id: RwSignal::new(String::new()),
            draft: ClaimDraft::default(),
            outside_done: RwSignal::new(false),
            sent: RwSignal::new(None),
        }
    }
}

impl FixDraft {
    /// Starts the fix of claim `id`, or keeps the one under way for it. `true` when it is new.
    pub fn begin(&self, id: &str) -> bool {
        if self.claim_id.with_untracked(|c| c == id) {
            return false;
        }
        self.clear();
        self.claim_id.set(id.to_owned());
        true
    }

    /// The fix was sent: nothing of it is needed any more.
    pub fn finish(&self, id: &str) {
        self.clear();
        self.sent.set(Some(id.to_owned()));
    }

    pub fn clear(&self) {
        self.claim_id.set(String::new());
        self.draft.clear();
        self.outside_done.set(false);
        self.sent.set(None);
    }
}

/// Everything in memory that belongs to a person, to forget at once.
#[derive(Clone, Copy)]
pub struct Private {
    pub account: Account,
    pub membership: MembershipDraft,
    pub registration: RegistrationDraft,
    pub reset: ResetDraft,
    pub claim: ClaimDraft,
    pub inbox: Inbox,
    pub fix: FixDraft,
    pub drafts: Drafts,
}

impl Private {
    /// Read in a component's body (contexts are not reachable from event handlers).
    pub fn use_all() -> Private {
        Private {
            account: expect_context(),
            membership: expect_context(),
            registration: expect_context(),
            reset: expect_context(),
            claim: expect_context(),
            inbox: expect_context(),
            fix: expect_context(),
            drafts: expect_context(),
        }
    }

    /// Signed out (or found signed out): forget the account and every draft.
    pub fn wipe(&self, notice: Notice) {
        self.account.forget(notice);
        // First, so clearing the journey below is not saved: closes the drafts vault, and on a
        // sign-out deletes every vault on this phone (a session that ended elsewhere keeps the
        // encrypted draft for when the same person signs in again).
        self.drafts.forget(notice == Notice::SignedOut);
        self.membership.clear();
        self.registration.clear();
        self.reset.clear();
        self.claim.clear();
        self.inbox.unread.set(None);
        self.fix.clear();
        // The last known statuses kept for offline (localStorage) go too.
        crate::follow::known::wipe();
        // And the service worker's copies of this person's reads (Cache Storage).
        crate::offline::api_cache::clear_soon();
    }
}

/// Shares a fresh, empty state with every component (the app, and each wasm test).
pub fn provide_state() {
    provide_context(MembershipDraft::default());
    provide_context(RegistrationDraft::default());
    provide_context(ResetDraft::default());
    provide_context(Account::default());
    let claim = ClaimDraft::default();
    provide_context(claim);
    let fix = FixDraft::default();
    provide_context(fix);
    let outbox = Outbox::provide();
    Drafts::provide(claim, fix, outbox);
    provide_context(Inbox::default());
}
