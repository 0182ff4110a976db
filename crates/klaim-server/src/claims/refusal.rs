//! Why the server refuses a claim request beyond klaim-core's rules: who may see or use what,
//! conflicts with earlier requests, and the bank stand-in's answer. Messages say what to do,
//! because the app shows them as they are.

use klaim_core::claim::{DocumentKind, Programme};
use klaim_core::{Bank, Explain, Lang};

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.code())]
pub enum ClaimRefusal {
    /// No deceased participant with that NIK and KPJ has the caller in their family. One answer
    /// for every part that can fail, so it tells nothing about strangers.
    DeceasedNotFound,
    /// The app checked the claim with other rules than the server's.
    RulesChanged,
    /// One open claim per participant, programme and reason.
    AlreadyOpen {
        programme: Programme,
        reference: String,
    },
    /// The claim id names another claim (other content, or another account's).
    IdConflict,
    /// Not one of the caller's claims.
    NotFound,
    /// The bank stand-in has no such account.
    BankAccountNotFound { bank: Bank },
    /// The same document twice in one submission.
    DocumentRepeated,
    /// A document attached as another kind than it was uploaded as.
    DocumentKindDiffers { uploaded_as: DocumentKind },
    /// A document of an event (not an identity document) already given with another claim.
    DocumentAlreadyUsed { kind: DocumentKind },
    /// More attachments than any claim needs.
    TooManyDocuments { max: usize },
}

impl ClaimRefusal {
    /// The request field (question page) the refusal is about.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            ClaimRefusal::DeceasedNotFound => Some("deceased"),
            ClaimRefusal::BankAccountNotFound { .. } => Some("bank_account"),
            ClaimRefusal::DocumentRepeated
            | ClaimRefusal::DocumentKindDiffers { .. }
            | ClaimRefusal::DocumentAlreadyUsed { .. }
            | ClaimRefusal::TooManyDocuments { .. } => Some("documents"),
            ClaimRefusal::RulesChanged
            | ClaimRefusal::AlreadyOpen { .. }
            | ClaimRefusal::IdConflict
            | ClaimRefusal::NotFound => None,
        }
    }
}

impl Explain for ClaimRefusal {
    fn code(&self) -> &'static str {
        match self {
            ClaimRefusal::DeceasedNotFound => "claim.deceased_not_found",
            ClaimRefusal::RulesChanged => "claim.rules_changed",
            ClaimRefusal::AlreadyOpen { .. } => "claim.already_open",
            ClaimRefusal::IdConflict => "claim.id_conflict",
            ClaimRefusal::NotFound => "claim.not_found",
            ClaimRefusal::BankAccountNotFound { .. } => "bank.account_not_found",
            ClaimRefusal::DocumentRepeated => "claim.document_repeated",
            ClaimRefusal::DocumentKindDiffers { .. } => "claim.document_kind_differs",
            ClaimRefusal::DocumentAlreadyUsed { .. } => "claim.document_already_used",
            ClaimRefusal::TooManyDocuments { .. } => "claim.too_many_documents",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            ClaimRefusal::DeceasedNotFound => lang
                .pick(
                    "Data peserta yang meninggal tidak ditemukan dengan NIK dan nomor KPJ ini, \
                     atau Anda tidak tercatat sebagai keluarganya. Periksa NIK dan KPJ almarhum.",
                    "No deceased participant was found with this NIK and KPJ number, or you are \
                     not on record as family. Check the deceased's NIK and KPJ.",
                )
                .into(),
            ClaimRefusal::RulesChanged => lang
                .pick(
                    "Aturan klaim baru saja diperbarui. Muat ulang halaman agar klaim Anda \
                     diperiksa dengan aturan terbaru, lalu kirim lagi.",
                    "The claim rules were just updated. Reload the page so your claim is checked \
                     with the latest rules, then send it again.",
                )
                .into(),
            ClaimRefusal::AlreadyOpen {
                programme,
                reference,
            } => {
                let abbr = programme.abbreviation();
                lang.pick(
                    format!(
                        "Klaim {abbr} dengan alasan yang sama sudah diajukan (nomor {reference}) \
                         dan masih diproses. Ikuti statusnya di Klaim saya."
                    ),
                    format!(
                        "A {abbr} claim for the same reason was already submitted (number \
                         {reference}) and is still being handled. Follow it in My claims."
                    ),
                )
            }
            ClaimRefusal::IdConflict => lang
                .pick(
                    "Nomor pengajuan ini sudah dipakai untuk klaim lain. Muat ulang halaman, \
                     lalu kirim lagi.",
                    "This submission number is already used for another claim. Reload the page, \
                     then send it again.",
                )
                .into(),
            ClaimRefusal::NotFound => lang
                .pick(
                    "Klaim tidak ditemukan. Lihat daftar di Klaim saya.",
                    "The claim was not found. See the list in My claims.",
                )
                .into(),
            ClaimRefusal::BankAccountNotFound { bank } => {
                let bank = bank.name();
                lang.pick(
                    format!(
                        "Rekening tidak ditemukan di bank {bank}; periksa nomor rekening dan \
                         banknya."
                    ),
                    format!(
                        "The account was not found at {bank}; check the account number and the \
                         bank."
                    ),
                )
            }
            ClaimRefusal::DocumentRepeated => lang
                .pick(
                    "Dokumen yang sama dilampirkan dua kali. Lampirkan setiap dokumen sekali saja.",
                    "The same document is attached twice. Attach each document once.",
                )
                .into(),
            ClaimRefusal::DocumentKindDiffers { uploaded_as } => lang.pick(
                format!(
                    "Dokumen ini diunggah sebagai {}, bukan untuk bagian ini. Pilih dokumen yang \
                     benar.",
                    uploaded_as.name(Lang::Id)
                ),
                format!(
                    "This document was uploaded as {}, not for this part. Choose the right \
                     document.",
                    uploaded_as.name(Lang::En)
                ),
            ),
            ClaimRefusal::DocumentAlreadyUsed { kind } => lang.pick(
                format!(
                    "{} ini sudah dipakai untuk klaim lain. Unggah dokumen untuk klaim ini.",
                    kind.name(Lang::Id)
                ),
                format!(
                    "This {} is already used for another claim. Upload one for this claim.",
                    kind.name(Lang::En)
                ),
            ),
            ClaimRefusal::TooManyDocuments { max } => lang.pick(
                format!("Terlalu banyak dokumen: paling banyak {max} per klaim."),
                format!("Too many documents: at most {max} per claim."),
            ),
        }
    }

    fn hint(&self, lang: Lang) -> String {
        match self {
            ClaimRefusal::BankAccountNotFound { .. } => lang
                .pick(
                    "Salin nomor dari buku tabungan atau aplikasi bank Anda.",
                    "Copy the number from your bank book or banking app.",
                )
                .into(),
            ClaimRefusal::DeceasedNotFound => lang
                .pick(
                    "Salin NIK dari KTP almarhum dan nomor KPJ dari kartu pesertanya. Bila data \
                     keluarga belum benar, perbarui Kartu Keluarga di Dukcapil.",
                    "Copy the NIK from the deceased's KTP and the KPJ number from their card. If \
                     the family record is wrong, have the family card updated at Dukcapil.",
                )
                .into(),
            _ => lang
                .pick(
                    "Jika ada pertanyaan, hubungi call center BPJS Ketenagakerjaan di 175.",
                    "For questions, call the BPJS Ketenagakerjaan call centre on 175.",
                )
                .into(),
        }
    }
}
