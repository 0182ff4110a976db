//! The reason catalogue: every reason an officer can give when asking for a fix or rejecting a
//! claim. Each has a stable code, participant-facing text in both languages, who can fix it and
//! the steps (ux.md "After submitting": never a bare code, never one generic sentence).

use serde::{Deserialize, Serialize};

use crate::Lang;

use super::{DocumentKind, Question};

/// Who can put it right. The participant is told whom to go to when it is not them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Fixer {
    Participant,
    /// The employer's HR department (membership status, PHK papers, end date).
    EmployerHr,
    /// Dukcapil, the civil registry (names, birth dates, family card).
    CivilRegistry,
    /// The participant's bank (account holder name, closed accounts).
    Bank,
    /// Nobody can: the claim has to wait or cannot be paid.
    Nobody,
}

impl Fixer {
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Fixer::Participant => lang.pick("Anda", "You"),
            Fixer::EmployerHr => lang.pick("HRD perusahaan Anda", "Your employer's HR"),
            Fixer::CivilRegistry => lang.pick(
                "Dinas Dukcapil (catatan sipil)",
                "Dukcapil (the civil registry)",
            ),
            Fixer::Bank => lang.pick("Bank Anda", "Your bank"),
            Fixer::Nobody => lang.pick("Tidak ada yang perlu diperbaiki", "Nothing to fix"),
        }
    }
}

/// What an item reopens for the participant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ItemTarget {
    /// One document, to be replaced by a new upload.
    Document(DocumentKind),
    /// One answer page, to be answered again.
    Answer(Question),
    /// Something fixed outside Klaim (HR deactivates the membership): the participant confirms
    /// when it is done.
    Outside,
}

/// A reason an officer gives. The wire word (`as_str`) is the code stored with the decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OfficerReason {
    /// A photo or scan cannot be read (blurred, cut off, too dark).
    DocumentUnreadable,
    /// The file is another document than the one asked for.
    DocumentWrongKind,
    /// The name on a document differs from the civil registry's (Dukcapil).
    NameDiffersFromCivilRegistry,
    /// The birth date in the BPJS data differs from the civil registry's.
    BirthDateDiffers,
    /// The employer has not deactivated the membership yet.
    MembershipStillActive,
    /// The bank account is in another person's name.
    BankNameDiffers,
    /// The bank reports the account closed or dormant.
    BankAccountInactive,
    /// One of the five proofs of PHK is needed.
    PhkProofMissing,
    /// The end-of-employment date differs from the employer's report.
    EndDateDiffers,
    /// An NPWP is needed (JHT above Rp 50 jt or after a partial claim).
    NpwpMissing,
    /// The heir documents do not show who the heirs are.
    HeirDocumentsIncomplete,
    /// Not eligible yet: it can be claimed from a date on (rejection with the date).
    NotEligibleUntil,
    /// The conditions of the programme are not met.
    NotEligible,
    /// The same benefit was already paid.
    AlreadyPaid,
    /// The accident was not a work accident (JKK).
    NotWorkAccident,
    /// The claim came after the legal time limit (JKK stage II: 5 years).
    ClaimLapsed,
}

impl OfficerReason {
    pub const ALL: [OfficerReason; 16] = [
        OfficerReason::DocumentUnreadable,
        OfficerReason::DocumentWrongKind,
        OfficerReason::NameDiffersFromCivilRegistry,
        OfficerReason::BirthDateDiffers,
        OfficerReason::MembershipStillActive,
        OfficerReason::BankNameDiffers,
        OfficerReason::BankAccountInactive,
        OfficerReason::PhkProofMissing,
        OfficerReason::EndDateDiffers,
        OfficerReason::NpwpMissing,
        OfficerReason::HeirDocumentsIncomplete,
        OfficerReason::NotEligibleUntil,
        OfficerReason::NotEligible,
        OfficerReason::AlreadyPaid,
        OfficerReason::NotWorkAccident,
        OfficerReason::ClaimLapsed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OfficerReason::DocumentUnreadable => "document_unreadable",
            OfficerReason::DocumentWrongKind => "document_wrong_kind",
            OfficerReason::NameDiffersFromCivilRegistry => "name_differs_from_civil_registry",
            OfficerReason::BirthDateDiffers => "birth_date_differs",
            OfficerReason::MembershipStillActive => "membership_still_active",
            OfficerReason::BankNameDiffers => "bank_name_differs",
            OfficerReason::BankAccountInactive => "bank_account_inactive",
            OfficerReason::PhkProofMissing => "phk_proof_missing",
            OfficerReason::EndDateDiffers => "end_date_differs",
            OfficerReason::NpwpMissing => "npwp_missing",
            OfficerReason::HeirDocumentsIncomplete => "heir_documents_incomplete",
            OfficerReason::NotEligibleUntil => "not_eligible_until",
            OfficerReason::NotEligible => "not_eligible",
            OfficerReason::AlreadyPaid => "already_paid",
            OfficerReason::NotWorkAccident => "not_work_accident",
            OfficerReason::ClaimLapsed => "claim_lapsed",
        }
    }

    pub fn from_wire(text: &str) -> Option<OfficerReason> {
        OfficerReason::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// Can be given when asking for a fix (the claim goes to `needs_action`).
    pub fn for_request(self) -> bool {
        !self.for_rejection_only()
    }

    /// Can be given when rejecting.
    pub fn for_rejection(self) -> bool {
        matches!(
            self,
            OfficerReason::NameDiffersFromCivilRegistry
                | OfficerReason::MembershipStillActive
                | OfficerReason::BankNameDiffers
                | OfficerReason::PhkProofMissing
                | OfficerReason::HeirDocumentsIncomplete
        ) || self.for_rejection_only()
    }

    fn for_rejection_only(self) -> bool {
        matches!(
            self,
            OfficerReason::NotEligibleUntil
                | OfficerReason::NotEligible
                | OfficerReason::AlreadyPaid
                | OfficerReason::NotWorkAccident
                | OfficerReason::ClaimLapsed
        )
    }

    /// Needs a date: "until" for [`OfficerReason::NotEligibleUntil`].
    pub fn needs_date(self) -> bool {
        self == OfficerReason::NotEligibleUntil
    }

    /// Whether a request with this reason may reopen `target`: documents for document reasons,
    /// the bank page or bank book for bank reasons, the date page for a date, and "outside" for
    /// what only others can fix.
    pub fn fits(self, target: ItemTarget) -> bool {
        use ItemTarget::{Answer, Document, Outside};
        match self {
            OfficerReason::DocumentUnreadable
            | OfficerReason::DocumentWrongKind
            | OfficerReason::NameDiffersFromCivilRegistry
            | OfficerReason::PhkProofMissing
            | OfficerReason::HeirDocumentsIncomplete => matches!(target, Document(_)),
            OfficerReason::BankNameDiffers | OfficerReason::BankAccountInactive => matches!(
                target,
                Document(DocumentKind::BankBook) | Answer(Question::BankAccount)
            ),
            OfficerReason::NpwpMissing => {
                matches!(
                    target,
                    Document(DocumentKind::Npwp) | Answer(Question::Npwp)
                )
            }
            OfficerReason::EndDateDiffers => matches!(target, Answer(Question::EventDate)),
            OfficerReason::BirthDateDiffers
            | OfficerReason::MembershipStillActive
            | OfficerReason::NotEligibleUntil
            | OfficerReason::NotEligible
            | OfficerReason::AlreadyPaid
            | OfficerReason::NotWorkAccident
            | OfficerReason::ClaimLapsed => target == Outside,
        }
    }

    pub fn fixer(self) -> Fixer {
        match self {
            OfficerReason::DocumentUnreadable
            | OfficerReason::DocumentWrongKind
            | OfficerReason::NpwpMissing
            | OfficerReason::HeirDocumentsIncomplete => Fixer::Participant,
            OfficerReason::NameDiffersFromCivilRegistry | OfficerReason::BirthDateDiffers => {
                Fixer::CivilRegistry
            }
            OfficerReason::MembershipStillActive
            | OfficerReason::PhkProofMissing
            | OfficerReason::EndDateDiffers => Fixer::EmployerHr,
            OfficerReason::BankNameDiffers | OfficerReason::BankAccountInactive => Fixer::Bank,
            OfficerReason::NotEligibleUntil
            | OfficerReason::NotEligible
            | OfficerReason::AlreadyPaid
            | OfficerReason::NotWorkAccident
            | OfficerReason::ClaimLapsed => Fixer::Nobody,
        }
    }

    /// What is wrong, for the participant.
    pub fn message(self, lang: Lang) -> &'static str {
        let (id, en) = match self {
            OfficerReason::DocumentUnreadable => (
                "Dokumen tidak terbaca: foto buram, terpotong, atau terlalu gelap.",
                "The document cannot be read: the photo is blurred, cut off or too dark.",
            ),
            OfficerReason::DocumentWrongKind => (
                "File yang dikirim bukan dokumen yang diminta.",
                "The file sent is not the document asked for.",
            ),
            OfficerReason::NameDiffersFromCivilRegistry => (
                "Nama pada dokumen berbeda dengan nama di data Dukcapil.",
                "The name on the document differs from the name in the civil registry (Dukcapil).",
            ),
            OfficerReason::BirthDateDiffers => (
                "Tanggal lahir di data BPJS Ketenagakerjaan berbeda dengan data Dukcapil.",
                "The birth date in the BPJS Ketenagakerjaan data differs from the civil registry's.",
            ),
            OfficerReason::MembershipStillActive => (
                "Kepesertaan Anda masih aktif: perusahaan belum melaporkan bahwa Anda berhenti bekerja.",
                "Your membership is still active: the employer has not reported that you stopped working.",
            ),
            OfficerReason::BankNameDiffers => (
                "Rekening bank atas nama orang lain. Dana hanya dapat dibayar ke rekening atas nama Anda sendiri.",
                "The bank account is in another person's name. The money can only go to an account in your own name.",
            ),
            OfficerReason::BankAccountInactive => (
                "Bank melaporkan rekening ini tidak aktif atau sudah ditutup.",
                "The bank reports this account as dormant or closed.",
            ),
            OfficerReason::PhkProofMissing => (
                "Bukti PHK belum ada atau tidak sah.",
                "Proof of the dismissal (PHK) is missing or not valid.",
            ),
            OfficerReason::EndDateDiffers => (
                "Tanggal berhenti bekerja berbeda dengan laporan perusahaan.",
                "The date you stopped working differs from the employer's report.",
            ),
            OfficerReason::NpwpMissing => (
                "NPWP diperlukan untuk klaim ini.",
                "An NPWP (tax number) is needed for this claim.",
            ),
            OfficerReason::HeirDocumentsIncomplete => (
                "Dokumen ahli waris belum menunjukkan siapa saja ahli warisnya.",
                "The heir documents do not yet show who the heirs are.",
            ),
            OfficerReason::NotEligibleUntil => (
                "Klaim ini belum dapat dibayar sekarang.",
                "This claim cannot be paid yet.",
            ),
            OfficerReason::NotEligible => (
                "Syarat program ini tidak terpenuhi.",
                "The conditions of this programme are not met.",
            ),
            OfficerReason::AlreadyPaid => (
                "Manfaat yang sama sudah pernah dibayarkan.",
                "The same benefit has already been paid.",
            ),
            OfficerReason::NotWorkAccident => (
                "Kejadian ini tidak termasuk kecelakaan kerja.",
                "This event is not a work accident.",
            ),
            OfficerReason::ClaimLapsed => (
                "Klaim diajukan setelah batas waktu yang diatur undang-undang.",
                "The claim was made after the legal time limit.",
            ),
        };
        lang.pick(id, en)
    }

    /// How to fix it, step by step, for the participant.
    pub fn steps(self, lang: Lang) -> &'static [&'static str] {
        let (id, en): (&'static [&'static str], &'static [&'static str]) = match self {
            OfficerReason::DocumentUnreadable => (
                &[
                    "Foto ulang dokumen di tempat terang, seluruh halaman terlihat.",
                    "Unggah foto baru untuk dokumen ini, lalu kirim ulang.",
                ],
                &[
                    "Photograph the document again in good light, the whole page in view.",
                    "Upload the new photo for this document, then send it back.",
                ],
            ),
            OfficerReason::DocumentWrongKind => (
                &[
                    "Periksa dokumen yang diminta di daftar ini.",
                    "Unggah dokumen yang benar, lalu kirim ulang.",
                ],
                &[
                    "Check which document this list asks for.",
                    "Upload the right document, then send it back.",
                ],
            ),
            OfficerReason::NameDiffersFromCivilRegistry => (
                &[
                    "Minta perbaikan data di Dinas Dukcapil atau lewat aplikasi Identitas Kependudukan Digital.",
                    "Unggah dokumen yang sudah diperbaiki, lalu kirim ulang.",
                ],
                &[
                    "Ask Dukcapil to correct the record, in person or through the Identitas Kependudukan Digital app.",
                    "Upload the corrected document, then send it back.",
                ],
            ),
            OfficerReason::BirthDateDiffers => (
                &[
                    "Bawa KTP dan Kartu Keluarga ke kantor cabang BPJS Ketenagakerjaan untuk perbaikan data.",
                    "Setelah data diperbaiki, kirim ulang klaim ini.",
                ],
                &[
                    "Take your KTP and family card to a BPJS Ketenagakerjaan branch to correct the data.",
                    "Once the data is corrected, send this claim back.",
                ],
            ),
            OfficerReason::MembershipStillActive => (
                &[
                    "Minta HRD perusahaan melaporkan bahwa Anda sudah berhenti bekerja (non-aktif) di SIPP BPJS Ketenagakerjaan.",
                    "Setelah HRD mengonfirmasi, kirim ulang klaim ini.",
                ],
                &[
                    "Ask your employer's HR to report you as no longer working (non-active) in BPJS Ketenagakerjaan's SIPP.",
                    "Once HR confirms, send this claim back.",
                ],
            ),
            OfficerReason::BankNameDiffers => (
                &[
                    "Gunakan rekening atas nama Anda sendiri, atau minta bank memperbaiki nama pemilik rekening.",
                    "Unggah foto halaman depan buku tabungan yang menunjukkan nama dan nomor rekening, lalu kirim ulang.",
                ],
                &[
                    "Use an account in your own name, or ask the bank to correct the holder's name.",
                    "Upload a photo of the bank book's first page showing the name and number, then send it back.",
                ],
            ),
            OfficerReason::BankAccountInactive => (
                &[
                    "Aktifkan kembali rekening di bank Anda, atau gunakan rekening aktif lain atas nama Anda.",
                    "Unggah buku tabungan rekening yang aktif, lalu kirim ulang.",
                ],
                &[
                    "Have your bank reactivate the account, or use another active account in your name.",
                    "Upload the bank book of the active account, then send it back.",
                ],
            ),
            OfficerReason::PhkProofMissing => (
                &[
                    "Minta HRD salah satu bukti PHK: tanda terima laporan PHK dari Disnaker, laporan PHK perusahaan, surat pemberitahuan PHK dengan pernyataan tidak menolak, perjanjian bersama, atau putusan pengadilan.",
                    "Unggah bukti itu, lalu kirim ulang.",
                ],
                &[
                    "Ask HR for one proof of PHK: the labour office's receipt, the employer's PHK report, the PHK notice with a statement of not objecting, the bipartite agreement, or a court ruling.",
                    "Upload that proof, then send it back.",
                ],
            ),
            OfficerReason::EndDateDiffers => (
                &[
                    "Periksa tanggal pada surat pengunduran diri atau surat PHK Anda.",
                    "Jika tanggal Anda benar, minta HRD memperbaiki laporannya; jika tidak, ubah jawaban Anda lalu kirim ulang.",
                ],
                &[
                    "Check the date on your resignation or PHK letter.",
                    "If your date is right, ask HR to correct their report; if not, change your answer and send it back.",
                ],
            ),
            OfficerReason::NpwpMissing => (
                &[
                    "Jika belum punya NPWP, daftar di kantor pajak atau di pajak.go.id (gratis).",
                    "Unggah kartu NPWP, lalu kirim ulang.",
                ],
                &[
                    "If you have no NPWP yet, register at a tax office or on pajak.go.id (free).",
                    "Upload the NPWP card, then send it back.",
                ],
            ),
            OfficerReason::HeirDocumentsIncomplete => (
                &[
                    "Minta surat keterangan ahli waris dari kelurahan atau desa yang menyebut semua ahli waris.",
                    "Unggah surat itu, lalu kirim ulang.",
                ],
                &[
                    "Get an heir certificate from the village or kelurahan office naming every heir.",
                    "Upload it, then send it back.",
                ],
            ),
            OfficerReason::NotEligibleUntil => (
                &["Ajukan klaim baru mulai tanggal yang disebut."],
                &["Make a new claim from the date given."],
            ),
            OfficerReason::NotEligible
            | OfficerReason::AlreadyPaid
            | OfficerReason::NotWorkAccident
            | OfficerReason::ClaimLapsed => (
                &[
                    "Jika menurut Anda keputusan ini keliru, ajukan keberatan di kantor cabang atau lewat call centre 175 dengan membawa nomor referensi klaim.",
                ],
                &[
                    "If you think this decision is wrong, object at a branch office or through call centre 175 with the claim's reference number.",
                ],
            ),
        };
        lang.pick(id, en)
    }
}
