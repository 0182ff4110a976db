//! The documents a claim can need. domain.md §2. Which ones a given claim needs is decided by the
//! rules ([`super::assess`]); this file names them and says what each is, in plain words.

use serde::{Deserialize, Serialize};

use crate::Lang;

/// A kind of supporting document. The wire word (`as_str`) is stable: uploads and claims carry it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// KTP (identity card) of the participant, or of the heir on a death claim.
    Ktp,
    /// KTP of the participant who died.
    DeceasedKtp,
    /// Kartu peserta (KPJ card) or its digital version.
    KpjCard,
    /// Buku tabungan: the page with the account number and holder's name.
    BankBook,
    /// Kartu Keluarga.
    FamilyCard,
    Npwp,
    Passport,
    /// Resignation letter, employee ID card or paklaring: recommended, not blocking (since 2024).
    ProofOfEmployment,
    /// Proof of PHK, one of five kinds (Permenaker 4/2022).
    PhkLabourOfficeReceipt,
    PhkEmployerReport,
    PhkNoticeWithStatement,
    PhkBipartiteAgreement,
    PhkCourtRuling,
    /// Proof of still being employed or of having stopped (partial JHT).
    EmploymentStatusLetter,
    /// Documents from a partner bank for housing (partial JHT 30%).
    HousingBankDocuments,
    /// Doctor's certificate of total permanent disability.
    DisabilityCertificate,
    /// Statement of no longer working in Indonesia.
    NotWorkingInIndonesiaStatement,
    DeathCertificate,
    /// Surat keterangan ahli waris.
    HeirCertificate,
    /// Buku nikah: for a spouse heir.
    MarriageBook,
    /// Surat perwalian and the guardian's KTP: for a minor heir.
    GuardianshipLetter,
    /// Form KK2: the stage II work-accident report.
    AccidentReportKk2,
    /// Form KK3: the doctor's certificate after a work accident.
    DoctorCertificateKk3,
    /// Medical and transport receipts.
    MedicalReceipts,
    /// Police report or Jasa Raharja letter (road accident).
    PoliceReport,
    /// Company statement and two witnesses (an accident away from the workplace).
    WitnessStatement,
    /// Slip gaji: for the temporary inability to work benefit.
    Payslips,
    /// JP form 7 (formulir pengajuan manfaat pensiun).
    PensionForm7,
    /// Kesanggupan aktif mencari kerja (KAPK): JKP.
    JobSearchCommitment,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 29] = [
        DocumentKind::Ktp,
        DocumentKind::DeceasedKtp,
        DocumentKind::KpjCard,
        DocumentKind::BankBook,
        DocumentKind::FamilyCard,
        DocumentKind::Npwp,
        DocumentKind::Passport,
        DocumentKind::ProofOfEmployment,
        DocumentKind::PhkLabourOfficeReceipt,
        DocumentKind::PhkEmployerReport,
        DocumentKind::PhkNoticeWithStatement,
        DocumentKind::PhkBipartiteAgreement,
        DocumentKind::PhkCourtRuling,
        DocumentKind::EmploymentStatusLetter,
        DocumentKind::HousingBankDocuments,
        DocumentKind::DisabilityCertificate,
        DocumentKind::NotWorkingInIndonesiaStatement,
        DocumentKind::DeathCertificate,
        DocumentKind::HeirCertificate,
        DocumentKind::MarriageBook,
        DocumentKind::GuardianshipLetter,
        DocumentKind::AccidentReportKk2,
        DocumentKind::DoctorCertificateKk3,
        DocumentKind::MedicalReceipts,
        DocumentKind::PoliceReport,
        DocumentKind::WitnessStatement,
        DocumentKind::Payslips,
        DocumentKind::PensionForm7,
        DocumentKind::JobSearchCommitment,
    ];

    /// The five kinds of proof of PHK; any one is enough.
    pub const PHK_PROOFS: [DocumentKind; 5] = [
        DocumentKind::PhkLabourOfficeReceipt,
        DocumentKind::PhkEmployerReport,
        DocumentKind::PhkNoticeWithStatement,
        DocumentKind::PhkBipartiteAgreement,
        DocumentKind::PhkCourtRuling,
    ];

    pub fn as_str(self) -> &'static str {
        self.text().0
    }

    pub fn from_wire(text: &str) -> Option<DocumentKind> {
        DocumentKind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// The document's name, e.g. "KTP".
    pub fn name(self, lang: Lang) -> &'static str {
        let (_, id, en, _, _) = self.text();
        lang.pick(id, en)
    }

    /// One short sentence: what exactly to upload and why it is needed.
    pub fn purpose(self, lang: Lang) -> &'static str {
        let (_, _, _, id, en) = self.text();
        lang.pick(id, en)
    }

    /// May be reused from an earlier claim (identity documents, not event documents).
    pub fn reusable(self) -> bool {
        matches!(
            self,
            DocumentKind::Ktp
                | DocumentKind::KpjCard
                | DocumentKind::BankBook
                | DocumentKind::FamilyCard
                | DocumentKind::Npwp
                | DocumentKind::Passport
        )
    }

    /// (wire word, name id, name en, purpose id, purpose en)
    fn text(
        self,
    ) -> (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    ) {
        match self {
            DocumentKind::Ktp => (
                "ktp",
                "KTP",
                "Identity card (KTP)",
                "Foto KTP Anda, seluruh kartu terlihat dan tulisan terbaca, untuk mencocokkan identitas.",
                "A photo of your KTP, the whole card visible and readable, to confirm who you are.",
            ),
            DocumentKind::DeceasedKtp => (
                "deceased_ktp",
                "KTP peserta yang meninggal",
                "KTP of the participant who died",
                "Foto KTP almarhum/almarhumah, untuk mencocokkan data peserta.",
                "A photo of the deceased participant's KTP, to match the member's record.",
            ),
            DocumentKind::KpjCard => (
                "kpj_card",
                "Kartu peserta BPJS Ketenagakerjaan",
                "BPJS Ketenagakerjaan membership card",
                "Kartu fisik atau kartu digital dari aplikasi JMO, dengan nomor KPJ terbaca.",
                "The card or the digital card from the JMO app, with the KPJ number readable.",
            ),
            DocumentKind::BankBook => (
                "bank_book",
                "Buku tabungan",
                "Bank book",
                "Halaman yang menunjukkan nomor rekening dan nama pemilik, tempat dana dibayarkan.",
                "The page showing the account number and holder's name, where the money is paid.",
            ),
            DocumentKind::FamilyCard => (
                "family_card",
                "Kartu Keluarga (KK)",
                "Family card (KK)",
                "Foto Kartu Keluarga, untuk mencocokkan data keluarga.",
                "A photo of the family card, to match the family record.",
            ),
            DocumentKind::Npwp => (
                "npwp",
                "NPWP",
                "Tax number card (NPWP)",
                "Kartu NPWP, karena saldo di atas Rp 50 juta atau pernah ambil sebagian: tanpa NPWP pajaknya lebih tinggi.",
                "Your NPWP card: the balance is above Rp 50 million or a part was taken before, and tax is higher without it.",
            ),
            DocumentKind::Passport => (
                "passport",
                "Paspor",
                "Passport",
                "Halaman identitas paspor Anda.",
                "The identity page of your passport.",
            ),
            DocumentKind::ProofOfEmployment => (
                "proof_of_employment",
                "Surat pengunduran diri atau bukti pernah bekerja",
                "Resignation letter or proof of employment",
                "Surat pengunduran diri, kartu karyawan atau paklaring. Disarankan, tidak wajib.",
                "Your resignation letter, employee card or reference letter. Recommended, not required.",
            ),
            DocumentKind::PhkLabourOfficeReceipt => (
                "phk_labour_office_receipt",
                "Tanda terima laporan PHK dari dinas ketenagakerjaan",
                "Labour office receipt of the PHK report",
                "Bukti bahwa PHK sudah dilaporkan ke dinas ketenagakerjaan.",
                "Proof that the dismissal was reported to the labour office.",
            ),
            DocumentKind::PhkEmployerReport => (
                "phk_employer_report",
                "Laporan PHK dari perusahaan",
                "Employer's PHK report",
                "Laporan PHK yang dibuat perusahaan.",
                "The dismissal report made by your employer.",
            ),
            DocumentKind::PhkNoticeWithStatement => (
                "phk_notice_with_statement",
                "Surat pemberitahuan PHK dan pernyataan tidak menolak",
                "PHK notice and your statement of not objecting",
                "Surat PHK dari perusahaan beserta surat pernyataan Anda tidak menolak PHK.",
                "The dismissal notice with your signed statement that you do not object.",
            ),
            DocumentKind::PhkBipartiteAgreement => (
                "phk_bipartite_agreement",
                "Perjanjian bersama (bipartit)",
                "Bipartite agreement",
                "Perjanjian bersama antara Anda dan perusahaan tentang PHK.",
                "The agreement between you and the employer about the dismissal.",
            ),
            DocumentKind::PhkCourtRuling => (
                "phk_court_ruling",
                "Putusan Pengadilan Hubungan Industrial",
                "Industrial relations court ruling",
                "Putusan pengadilan tentang PHK Anda.",
                "The court's ruling on your dismissal.",
            ),
            DocumentKind::EmploymentStatusLetter => (
                "employment_status_letter",
                "Surat keterangan masih bekerja atau sudah berhenti",
                "Letter stating you still work or have stopped",
                "Surat dari perusahaan tentang status kerja Anda saat ini.",
                "A letter from the employer about your current employment.",
            ),
            DocumentKind::HousingBankDocuments => (
                "housing_bank_documents",
                "Dokumen perumahan dari bank mitra",
                "Housing documents from a partner bank",
                "Dokumen kredit atau pembelian rumah dari bank mitra BPJS Ketenagakerjaan.",
                "The housing loan or purchase documents from a partner bank.",
            ),
            DocumentKind::DisabilityCertificate => (
                "disability_certificate",
                "Surat keterangan dokter cacat total tetap",
                "Doctor's certificate of total permanent disability",
                "Surat dokter yang menyatakan cacat total tetap dan tanggalnya.",
                "The doctor's certificate stating total permanent disability and its date.",
            ),
            DocumentKind::NotWorkingInIndonesiaStatement => (
                "not_working_in_indonesia_statement",
                "Pernyataan tidak bekerja lagi di Indonesia",
                "Statement of no longer working in Indonesia",
                "Pernyataan bertanda tangan bahwa Anda meninggalkan Indonesia dan tidak bekerja lagi di sini.",
                "Your signed statement that you are leaving Indonesia and no longer work here.",
            ),
            DocumentKind::DeathCertificate => (
                "death_certificate",
                "Akta kematian",
                "Death certificate",
                "Akta kematian dari Dukcapil atau surat keterangan kematian.",
                "The death certificate from the civil registry or a statement of death.",
            ),
            DocumentKind::HeirCertificate => (
                "heir_certificate",
                "Surat keterangan ahli waris",
                "Heir certificate",
                "Surat keterangan ahli waris dari kelurahan/desa, diketahui camat.",
                "The heir certificate from the village office, acknowledged by the district head.",
            ),
            DocumentKind::MarriageBook => (
                "marriage_book",
                "Buku nikah atau akta perkawinan",
                "Marriage book or certificate",
                "Untuk ahli waris suami atau istri.",
                "For a husband or wife claiming as heir.",
            ),
            DocumentKind::GuardianshipLetter => (
                "guardianship_letter",
                "Surat perwalian dan KTP wali",
                "Guardianship letter and the guardian's KTP",
                "Untuk ahli waris yang belum dewasa: surat perwalian beserta KTP wali.",
                "For an heir who is a minor: the guardianship letter with the guardian's KTP.",
            ),
            DocumentKind::AccidentReportKk2 => (
                "accident_report_kk2",
                "Formulir KK2 (laporan tahap II)",
                "Form KK2 (stage II report)",
                "Formulir laporan kecelakaan tahap II yang diisi perusahaan.",
                "The stage II accident report form filled in by the employer.",
            ),
            DocumentKind::DoctorCertificateKk3 => (
                "doctor_certificate_kk3",
                "Surat keterangan dokter (formulir KK3)",
                "Doctor's certificate (form KK3)",
                "Surat dokter tentang hasil perawatan: sembuh, cacat atau meninggal.",
                "The doctor's statement of the outcome: recovered, disabled or died.",
            ),
            DocumentKind::MedicalReceipts => (
                "medical_receipts",
                "Kuitansi pengobatan dan transportasi",
                "Medical and transport receipts",
                "Kuitansi asli biaya berobat dan pengangkutan, untuk penggantian biaya.",
                "Receipts for treatment and transport, to be reimbursed.",
            ),
            DocumentKind::PoliceReport => (
                "police_report",
                "Laporan polisi atau surat Jasa Raharja",
                "Police report or Jasa Raharja letter",
                "Untuk kecelakaan lalu lintas.",
                "For a road accident.",
            ),
            DocumentKind::WitnessStatement => (
                "witness_statement",
                "Surat keterangan perusahaan dan 2 saksi",
                "Company statement and 2 witnesses",
                "Untuk kecelakaan di luar tempat kerja yang bukan kecelakaan lalu lintas.",
                "For an accident away from the workplace that was not on the road.",
            ),
            DocumentKind::Payslips => (
                "payslips",
                "Slip gaji",
                "Payslips",
                "Slip gaji terakhir, untuk menghitung santunan selama tidak mampu bekerja.",
                "Your latest payslips, to compute the benefit while unable to work.",
            ),
            DocumentKind::PensionForm7 => (
                "pension_form_7",
                "Formulir 7 Jaminan Pensiun",
                "Pension form 7",
                "Formulir pengajuan manfaat pensiun yang sudah diisi dan ditandatangani.",
                "The completed and signed pension benefit application form.",
            ),
            DocumentKind::JobSearchCommitment => (
                "job_search_commitment",
                "Surat kesanggupan aktif mencari kerja",
                "Commitment to look for work",
                "Pernyataan bertanda tangan bahwa Anda aktif mencari kerja, syarat JKP.",
                "Your signed commitment to actively look for work, required for JKP.",
            ),
        }
    }
}
