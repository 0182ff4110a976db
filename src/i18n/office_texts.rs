//! The back office's interface texts (`/petugas`), once per language, kept apart from the
//! participant's texts so the office code can later be split off by route. Messages about input
//! still come from klaim-core (the reason catalogue, `DecisionProblem`).

use klaim_core::Lang;
use klaim_core::api::account::Role;
use klaim_core::api::office::AuditAction;
use klaim_core::claim::{Actor, Fixer, OfficerReason};
use leptos::prelude::*;

use super::{I18n, use_i18n};

pub struct OfficeTexts {
    /// Which language these are (for the few words picked in methods below).
    pub lang: Lang,
    pub nav_office: &'static str,
    pub nav_audit: &'static str,
    pub officers_only_title: &'static str,
    pub officers_only_body: &'static str,
    pub admins_only_title: &'static str,
    pub admins_only_body: &'static str,

    pub queue_title: &'static str,
    pub queue_lead: &'static str,
    pub filter_heading: &'static str,
    pub filter_programme: &'static str,
    pub filter_status: &'static str,
    pub filter_older: &'static str,
    pub filter_older_hint: &'static str,
    pub filter_any: &'static str,
    pub filter_apply: &'static str,
    pub filter_clear: &'static str,
    pub filter_days_invalid: &'static str,
    pub filter_days_hint: &'static str,
    pub queue_empty: &'static str,
    pub col_reference: &'static str,
    pub col_programme: &'static str,
    pub col_reason: &'static str,
    pub col_status: &'static str,
    pub col_submitted: &'static str,
    pub col_due: &'static str,
    pub col_amount: &'static str,
    pub col_note: &'static str,
    pub overdue: &'static str,
    pub own_claim_mark: &'static str,

    pub back_to_queue: &'static str,
    pub claim_not_found: &'static str,
    pub own_claim_explained: &'static str,
    pub registry_heading: &'static str,
    pub participant_heading: &'static str,
    pub claimant_heading: &'static str,
    pub submitted_heading: &'static str,
    pub label_name: &'static str,
    pub label_nik: &'static str,
    pub label_birth_date: &'static str,
    pub label_programme: &'static str,
    pub label_reason: &'static str,
    pub label_submitted: &'static str,
    pub label_due: &'static str,
    pub label_status: &'static str,
    pub bank_holder_label: &'static str,
    pub bank_holder_unknown: &'static str,
    pub computed_amount_label: &'static str,
    pub primary_kpj: &'static str,
    pub checks_heading: &'static str,
    pub check_passed: &'static str,
    pub check_failed: &'static str,
    pub documents_heading: &'static str,
    pub no_documents: &'static str,
    pub open_in_new_tab: &'static str,
    pub pdf_fallback: &'static str,
    pub history_heading: &'static str,
    pub by: &'static str,
    pub open_items_heading: &'static str,
    pub fixer_label: &'static str,
    pub officer_note_label: &'static str,
    pub outcome_heading: &'static str,
    pub no_decision: &'static str,
    pub approved_amount_label: &'static str,
    pub auto_approved: &'static str,
    pub rejection_label: &'static str,
    pub transfer_reference_label: &'static str,
    pub transfer_reference_hint: &'static str,

    pub actions_heading: &'static str,
    pub no_actions: &'static str,
    pub own_no_actions: &'static str,
    pub choose_action: &'static str,
    pub action_start_verification: &'static str,
    pub action_request: &'static str,
    pub action_approve: &'static str,
    pub action_reject: &'static str,
    pub action_start_payment: &'static str,
    pub action_confirm_payment: &'static str,
    pub start_verification_intro: &'static str,
    pub start_payment_intro: &'static str,
    pub conflict: &'static str,
    pub request_intro: &'static str,
    pub items_legend: &'static str,
    pub reason_none: &'static str,
    pub target_outside: &'static str,
    pub preview_label: &'static str,
    pub note_label: &'static str,
    pub note_hint: &'static str,
    pub amount_label: &'static str,
    pub amount_hint: &'static str,
    pub justification_label: &'static str,
    pub justification_hint: &'static str,
    pub reasons_hint: &'static str,
    pub until_legend: &'static str,
    pub until_hint: &'static str,

    pub audit_title: &'static str,
    pub audit_lead: &'static str,
    pub audit_claim_label: &'static str,
    pub audit_claim_hint: &'static str,
    pub audit_empty: &'static str,
    pub col_when: &'static str,
    pub col_account: &'static str,
    pub col_role: &'static str,
    pub col_action: &'static str,
    pub col_claim: &'static str,
    pub col_detail: &'static str,
    pub system: &'static str,

    /// In the order of [`OfficerReason::ALL`]: short titles for the officer's choices.
    pub reason_titles: [&'static str; 16],
    pub queue_count: fn(usize) -> String,
    pub age_days: fn(u32) -> String,
    pub target_document: fn(&str) -> String,
    pub target_answer: fn(&str) -> String,
    pub approve_button: fn(&str) -> String,
    pub step_done: fn(&str) -> String,
    pub until_words: fn(&str) -> String,
}

impl OfficeTexts {
    pub fn of(lang: Lang) -> &'static OfficeTexts {
        lang.pick(&ID, &EN)
    }

    pub fn reason_title(&self, reason: OfficerReason) -> &'static str {
        let index = OfficerReason::ALL
            .iter()
            .position(|r| *r == reason)
            .unwrap_or(0);
        self.reason_titles[index]
    }

    /// Who fixes it, as an officer says it (klaim-core's `Fixer::title` speaks to the
    /// participant: "Anda").
    pub fn fixer(&self, fixer: Fixer) -> &'static str {
        let lang = self.lang();
        match fixer {
            Fixer::Participant => lang.pick("Peserta sendiri", "The participant"),
            Fixer::EmployerHr => lang.pick("HRD perusahaan", "The employer's HR"),
            Fixer::CivilRegistry => lang.pick("Dinas Dukcapil", "Dukcapil (civil registry)"),
            Fixer::Bank => lang.pick("Bank peserta", "The participant's bank"),
            Fixer::Nobody => lang.pick(
                "Tidak ada (tidak dapat diperbaiki)",
                "Nobody (cannot be fixed)",
            ),
        }
    }

    pub fn actor(&self, actor: Actor) -> &'static str {
        let lang = self.lang();
        match actor {
            Actor::Claimant => lang.pick("pemohon", "the claimant"),
            Actor::Officer => lang.pick("petugas", "an officer"),
            Actor::System => lang.pick("sistem (otomatis)", "the system (automatic)"),
        }
    }

    pub fn role(&self, role: Role) -> &'static str {
        let lang = self.lang();
        match role {
            Role::Participant => lang.pick("Peserta", "Participant"),
            Role::Officer => lang.pick("Petugas", "Officer"),
            Role::Admin => "Admin",
        }
    }

    pub fn audit_action(&self, action: AuditAction) -> &'static str {
        let lang = self.lang();
        match action {
            AuditAction::ViewedClaim => lang.pick("Membuka klaim", "Opened the claim"),
            AuditAction::ViewedDocument => lang.pick("Membuka dokumen", "Opened a document"),
            AuditAction::Transition => lang.pick("Mengubah status", "Changed the status"),
        }
    }

    fn lang(&self) -> Lang {
        self.lang
    }
}

impl I18n {
    /// The office texts in the current language (reactive, like [`I18n::t`]).
    pub fn office(&self) -> &'static OfficeTexts {
        OfficeTexts::of(self.lang())
    }
}

/// [`super::tr`] for the office texts.
pub fn tr_office(
    pick: fn(&'static OfficeTexts) -> &'static str,
) -> impl Fn() -> &'static str + Copy + 'static {
    let i18n = use_i18n();
    move || pick(i18n.office())
}

/// [`tr_office`] as a signal, for component props.
pub fn tr_office_signal(pick: fn(&'static OfficeTexts) -> &'static str) -> Signal<&'static str> {
    Signal::derive(tr_office(pick))
}

static ID: OfficeTexts = OfficeTexts {
    lang: Lang::Id,
    nav_office: "Petugas",
    nav_audit: "Jejak audit",
    officers_only_title: "Halaman ini hanya untuk petugas",
    officers_only_body: "Akun Anda tidak dapat membuka halaman petugas. Jika Anda peserta, klaim Anda ada di Klaim saya.",
    admins_only_title: "Halaman ini hanya untuk admin",
    admins_only_body: "Jejak audit hanya dapat dibuka oleh akun admin.",

    queue_title: "Antrean klaim",
    queue_lead: "Klaim yang batas waktu keputusannya paling dekat ada di atas.",
    filter_heading: "Saring antrean",
    filter_programme: "Program",
    filter_status: "Status",
    filter_older: "Umur klaim paling sedikit (hari)",
    filter_older_hint: "Kosongkan untuk semua umur.",
    filter_any: "Semua",
    filter_apply: "Terapkan saringan",
    filter_clear: "Hapus saringan",
    filter_days_invalid: "Tulis umur klaim dalam hari dengan angka, misalnya 3.",
    filter_days_hint: "Hanya angka, tanpa titik atau huruf.",
    queue_empty: "Tidak ada klaim yang cocok dengan saringan ini.",
    col_reference: "Nomor referensi",
    col_programme: "Program",
    col_reason: "Alasan",
    col_status: "Status",
    col_submitted: "Diajukan",
    col_due: "Batas keputusan",
    col_amount: "Jumlah",
    col_note: "Catatan",
    overdue: "Terlambat",
    own_claim_mark: "Klaim Anda sendiri",

    back_to_queue: "Kembali ke antrean",
    claim_not_found: "Klaim ini tidak ditemukan. Periksa alamatnya atau kembali ke antrean.",
    own_claim_explained: "Ini klaim Anda sendiri (atau klaim tentang Anda). Anda dapat melihatnya, tetapi petugas lain yang harus memutuskannya.",
    registry_heading: "Data kepesertaan",
    participant_heading: "Peserta",
    claimant_heading: "Pemohon (ahli waris)",
    submitted_heading: "Yang diajukan",
    label_name: "Nama",
    label_nik: "NIK",
    label_birth_date: "Tanggal lahir",
    label_programme: "Program",
    label_reason: "Alasan klaim",
    label_submitted: "Diajukan",
    label_due: "Batas waktu keputusan",
    label_status: "Status",
    bank_holder_label: "Nama pemilik rekening menurut bank",
    bank_holder_unknown: "Bank tidak mengenali rekening ini",
    computed_amount_label: "Jumlah menurut perhitungan",
    primary_kpj: "KPJ utama",
    checks_heading: "Pemeriksaan otomatis",
    check_passed: "Lolos",
    check_failed: "Tidak lolos",
    documents_heading: "Dokumen",
    no_documents: "Tidak ada dokumen.",
    open_in_new_tab: "Buka di tab baru",
    pdf_fallback: "Jika PDF tidak tampil di sini, buka di tab baru.",
    history_heading: "Riwayat status",
    by: "oleh",
    open_items_heading: "Yang diminta untuk diperbaiki",
    fixer_label: "Yang dapat memperbaiki",
    officer_note_label: "Catatan petugas",
    outcome_heading: "Keputusan",
    no_decision: "Belum ada keputusan.",
    approved_amount_label: "Jumlah disetujui",
    auto_approved: "Disetujui otomatis menurut aturan (tanpa petugas).",
    rejection_label: "Alasan penolakan",
    transfer_reference_label: "Nomor referensi transfer",
    transfer_reference_hint: "Salin dari bukti transfer bank, misalnya TRF-20261124-0001.",

    actions_heading: "Tindakan",
    no_actions: "Tidak ada tindakan yang dapat diambil pada status ini.",
    own_no_actions: "Anda tidak dapat mengambil tindakan pada klaim Anda sendiri: petugas lain yang memutuskannya.",
    choose_action: "Apa yang ingin Anda lakukan?",
    action_start_verification: "Mulai verifikasi",
    action_request: "Minta perbaikan",
    action_approve: "Setujui",
    action_reject: "Tolak klaim",
    action_start_payment: "Mulai pembayaran",
    action_confirm_payment: "Konfirmasi pembayaran",
    start_verification_intro: "Tandai bahwa Anda mulai memeriksa klaim ini. Peserta melihat status \"Sedang diperiksa\".",
    start_payment_intro: "Catat bahwa transfer sudah diperintahkan ke bank.",
    conflict: "Petugas lain sudah bertindak lebih dulu. Klaim dimuat ulang dengan status terbarunya; periksa lagi sebelum melanjutkan.",
    request_intro: "Pilih alasan untuk setiap hal yang perlu diperbaiki. Hanya hal itu yang dibuka lagi untuk peserta.",
    items_legend: "Hal yang perlu diperbaiki",
    reason_none: "Tidak perlu diperbaiki",
    target_outside: "Di luar Klaim (diperbaiki pihak lain; peserta mengonfirmasi setelah selesai)",
    preview_label: "Peserta akan membaca",
    note_label: "Catatan untuk peserta (opsional)",
    note_hint: "Paling banyak 1000 huruf. Peserta membacanya bersama alasan di atas.",
    amount_label: "Jumlah lain (opsional)",
    amount_hint: "Kosongkan untuk menyetujui jumlah menurut perhitungan. Contoh: Rp 4.250.000",
    justification_label: "Alasan perubahan jumlah",
    justification_hint: "Wajib bila jumlahnya berbeda dari perhitungan; paling sedikit 20 huruf.",
    reasons_hint: "Pilih satu atau lebih. Peserta membaca setiap alasan dan apa yang dapat dilakukannya.",
    until_legend: "Klaim dapat diajukan mulai tanggal",
    until_hint: "Hanya untuk alasan \"belum memenuhi syarat sampai tanggal\". Contoh: 14 3 2027",

    audit_title: "Jejak audit",
    audit_lead: "Setiap kali petugas membuka klaim atau dokumen, dan setiap perubahan status. Catatan ini tidak dapat diubah.",
    audit_claim_label: "ID klaim",
    audit_claim_hint: "Kosongkan untuk melihat semua klaim.",
    audit_empty: "Tidak ada catatan.",
    col_when: "Waktu",
    col_account: "Akun",
    col_role: "Peran",
    col_action: "Tindakan",
    col_claim: "Klaim",
    col_detail: "Rincian",
    system: "Sistem",

    reason_titles: [
        "Dokumen tidak terbaca",
        "Dokumen bukan yang diminta",
        "Nama berbeda dengan data Dukcapil",
        "Tanggal lahir berbeda",
        "Kepesertaan masih aktif",
        "Rekening atas nama orang lain",
        "Rekening tidak aktif",
        "Bukti PHK tidak ada",
        "Tanggal berhenti bekerja berbeda",
        "NPWP diperlukan",
        "Dokumen ahli waris belum lengkap",
        "Belum memenuhi syarat sampai tanggal",
        "Tidak memenuhi syarat",
        "Sudah pernah dibayar",
        "Bukan kecelakaan kerja",
        "Melewati batas waktu klaim",
    ],
    queue_count: |n| format!("{n} klaim"),
    age_days: |n| match n {
        0 => "hari ini".to_owned(),
        n => format!("{n} hari lalu"),
    },
    target_document: |name| format!("Dokumen: {name}"),
    target_answer: |label| format!("Jawaban: {label}"),
    approve_button: |amount| format!("Setujui {amount}"),
    step_done: |status| format!("Tersimpan. Status klaim sekarang: {status}."),
    until_words: |date| format!("dapat diajukan mulai {date}"),
};

static EN: OfficeTexts = OfficeTexts {
    lang: Lang::En,
    nav_office: "Back office",
    nav_audit: "Audit trail",
    officers_only_title: "This page is for officers only",
    officers_only_body: "Your account cannot open the officers' pages. If you are a participant, your claims are in My claims.",
    admins_only_title: "This page is for admins only",
    admins_only_body: "Only admin accounts can open the audit trail.",

    queue_title: "Claim queue",
    queue_lead: "Claims whose decision is due soonest come first.",
    filter_heading: "Filter the queue",
    filter_programme: "Programme",
    filter_status: "Status",
    filter_older: "Claim age at least (days)",
    filter_older_hint: "Leave empty for any age.",
    filter_any: "All",
    filter_apply: "Apply filters",
    filter_clear: "Clear filters",
    filter_days_invalid: "Write the claim age in days as a number, e.g. 3.",
    filter_days_hint: "Digits only, no dots or letters.",
    queue_empty: "No claims match these filters.",
    col_reference: "Reference",
    col_programme: "Programme",
    col_reason: "Reason",
    col_status: "Status",
    col_submitted: "Submitted",
    col_due: "Decision due",
    col_amount: "Amount",
    col_note: "Note",
    overdue: "Overdue",
    own_claim_mark: "Your own claim",

    back_to_queue: "Back to the queue",
    claim_not_found: "This claim was not found. Check the address or go back to the queue.",
    own_claim_explained: "This is your own claim (or a claim about you). You can see it, but another officer must decide it.",
    registry_heading: "Registry data",
    participant_heading: "Participant",
    claimant_heading: "Claimant (heir)",
    submitted_heading: "What was submitted",
    label_name: "Name",
    label_nik: "NIK",
    label_birth_date: "Date of birth",
    label_programme: "Programme",
    label_reason: "Reason for the claim",
    label_submitted: "Submitted",
    label_due: "Decision due",
    label_status: "Status",
    bank_holder_label: "Account holder's name at the bank",
    bank_holder_unknown: "The bank does not know this account",
    computed_amount_label: "Computed amount",
    primary_kpj: "Primary KPJ",
    checks_heading: "Automated checks",
    check_passed: "Passed",
    check_failed: "Failed",
    documents_heading: "Documents",
    no_documents: "No documents.",
    open_in_new_tab: "Open in a new tab",
    pdf_fallback: "If the PDF does not show here, open it in a new tab.",
    history_heading: "Status history",
    by: "by",
    open_items_heading: "Items asked to be fixed",
    fixer_label: "Who can fix it",
    officer_note_label: "Officer's note",
    outcome_heading: "Decision",
    no_decision: "Not decided yet.",
    approved_amount_label: "Approved amount",
    auto_approved: "Approved automatically by rule (no officer).",
    rejection_label: "Reasons for rejection",
    transfer_reference_label: "Transfer reference",
    transfer_reference_hint: "Copy it from the bank's transfer record, e.g. TRF-20261124-0001.",

    actions_heading: "Actions",
    no_actions: "No step can be taken in this status.",
    own_no_actions: "You cannot act on your own claim: another officer decides it.",
    choose_action: "What do you want to do?",
    action_start_verification: "Start verification",
    action_request: "Ask for a fix",
    action_approve: "Approve",
    action_reject: "Reject the claim",
    action_start_payment: "Start the payment",
    action_confirm_payment: "Confirm the payment",
    start_verification_intro: "Mark that you are starting to check this claim. The participant sees \"Being checked\".",
    start_payment_intro: "Record that the transfer has been ordered at the bank.",
    conflict: "Another officer acted first. The claim has been reloaded with its latest status; check it again before going on.",
    request_intro: "Choose a reason for each item that must be fixed. Only those items are reopened for the participant.",
    items_legend: "Items to fix",
    reason_none: "Nothing to fix",
    target_outside: "Outside Klaim (fixed by others; the participant confirms when done)",
    preview_label: "The participant will read",
    note_label: "Note for the participant (optional)",
    note_hint: "At most 1000 characters. The participant reads it with the reasons above.",
    amount_label: "A different amount (optional)",
    amount_hint: "Leave empty to approve the computed amount. For example: Rp 4.250.000",
    justification_label: "Why the amount differs",
    justification_hint: "Needed when the amount differs from the computed one; at least 20 characters.",
    reasons_hint: "Choose one or more. The participant reads each reason and what they can do.",
    until_legend: "The claim can be made from",
    until_hint: "Only with the reason \"not eligible until a date\". For example: 14 3 2027",

    audit_title: "Audit trail",
    audit_lead: "Every time an officer opens a claim or a document, and every status change. These entries cannot be changed.",
    audit_claim_label: "Claim id",
    audit_claim_hint: "Leave empty to see every claim.",
    audit_empty: "No entries.",
    col_when: "When",
    col_account: "Account",
    col_role: "Role",
    col_action: "Action",
    col_claim: "Claim",
    col_detail: "Detail",
    system: "System",

    reason_titles: [
        "Document unreadable",
        "Not the document asked for",
        "Name differs from the civil registry",
        "Birth date differs",
        "Membership still active",
        "Account in another person's name",
        "Bank account inactive",
        "Proof of PHK missing",
        "End-of-work date differs",
        "NPWP needed",
        "Heir documents incomplete",
        "Not eligible until a date",
        "Not eligible",
        "Already paid",
        "Not a work accident",
        "Claimed after the time limit",
    ],
    queue_count: |n| {
        if n == 1 {
            "1 claim".to_owned()
        } else {
            format!("{n} claims")
        }
    },
    age_days: |n| match n {
        0 => "today".to_owned(),
        1 => "1 day ago".to_owned(),
        n => format!("{n} days ago"),
    },
    target_document: |name| format!("Document: {name}"),
    target_answer: |label| format!("Answer: {label}"),
    approve_button: |amount| format!("Approve {amount}"),
    step_done: |status| format!("Saved. The claim is now: {status}."),
    until_words: |date| format!("can be claimed from {date}"),
};
