//! The five programmes and the reasons a claim can be made for. domain.md §1.

use serde::{Deserialize, Serialize};

use crate::Lang;

/// A BPJS Ketenagakerjaan programme that pays benefits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Programme {
    /// Jaminan Hari Tua: old-age savings. PP 46/2015 as amended by PP 60/2015; Permenaker 4/2022.
    Jht,
    /// Jaminan Kehilangan Pekerjaan: job-loss benefit. PP 37/2021 as amended by PP 6/2025.
    Jkp,
    /// Jaminan Kematian: death benefit, claimed by heirs. PP 44/2015 as amended by PP 82/2019.
    Jkm,
    /// Jaminan Kecelakaan Kerja: work accident. PP 44/2015 as amended by PP 82/2019.
    Jkk,
    /// Jaminan Pensiun: pension. PP 45/2015.
    Jp,
}

impl Programme {
    pub const ALL: [Programme; 5] = [
        Programme::Jht,
        Programme::Jkp,
        Programme::Jkm,
        Programme::Jkk,
        Programme::Jp,
    ];

    /// Wire and URL word: `jht`, `jkp`, `jkm`, `jkk`, `jp`.
    pub fn as_str(self) -> &'static str {
        match self {
            Programme::Jht => "jht",
            Programme::Jkp => "jkp",
            Programme::Jkm => "jkm",
            Programme::Jkk => "jkk",
            Programme::Jp => "jp",
        }
    }

    pub fn from_wire(text: &str) -> Option<Programme> {
        Programme::ALL.into_iter().find(|p| p.as_str() == text)
    }

    /// "JHT".
    pub fn abbreviation(self) -> &'static str {
        match self {
            Programme::Jht => "JHT",
            Programme::Jkp => "JKP",
            Programme::Jkm => "JKM",
            Programme::Jkk => "JKK",
            Programme::Jp => "JP",
        }
    }

    /// "Jaminan Hari Tua" / "Old-age savings".
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Programme::Jht => lang.pick("Jaminan Hari Tua", "Old-age savings"),
            Programme::Jkp => lang.pick("Jaminan Kehilangan Pekerjaan", "Job-loss benefit"),
            Programme::Jkm => lang.pick("Jaminan Kematian", "Death benefit"),
            Programme::Jkk => lang.pick("Jaminan Kecelakaan Kerja", "Work accident benefit"),
            Programme::Jp => lang.pick("Jaminan Pensiun", "Pension"),
        }
    }

    /// The reasons offered when someone starts a claim, in the order shown. Some lead only to
    /// an explanation (JKP after resignation): people ask, and deserve an answer, not a hidden
    /// option.
    pub fn reasons(self) -> &'static [ClaimReason] {
        use ClaimReason::*;
        match self {
            Programme::Jht => &[
                Resigned,
                Dismissed,
                ContractEnded,
                Retirement,
                Disability,
                Death,
                LeavingIndonesia,
                PartialTenPercent,
                PartialHousing,
            ],
            Programme::Jkp => &[Dismissed, Resigned, ContractEnded],
            Programme::Jkm => &[Death],
            // A death from the accident is claimed by an heir (see rules/jkk.rs).
            Programme::Jkk => &[WorkAccident, Death],
            Programme::Jp => &[Retirement, Disability, Death, Resigned],
        }
    }

    /// Claims made by heirs for a participant who died (the signed-in person is the heir, the
    /// facts are the deceased's): the reason `Death` in every programme that has it, including a
    /// death from a work accident (JKK, with the accident answers).
    pub fn by_heirs(self, reason: ClaimReason) -> bool {
        reason == ClaimReason::Death
    }
}

/// Why the claim is made: the event that gives the right to the benefit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ClaimReason {
    /// Reached age 56 (JHT) or the pension age of the year (JP).
    Retirement,
    /// Mengundurkan diri.
    Resigned,
    /// PHK: pemutusan hubungan kerja by the employer.
    Dismissed,
    /// A fixed-term contract (PKWT) that ran to its end.
    ContractEnded,
    /// Cacat total tetap: total permanent disability.
    Disability,
    /// The participant died; claimed by an heir.
    Death,
    /// A foreign national leaving Indonesia permanently.
    LeavingIndonesia,
    /// Partial JHT withdrawal of 10%, any purpose.
    PartialTenPercent,
    /// Partial JHT withdrawal of 30%, for housing.
    PartialHousing,
    /// JKK: the stage II claim after the doctor's certificate.
    WorkAccident,
}

impl ClaimReason {
    pub const ALL: [ClaimReason; 10] = [
        ClaimReason::Retirement,
        ClaimReason::Resigned,
        ClaimReason::Dismissed,
        ClaimReason::ContractEnded,
        ClaimReason::Disability,
        ClaimReason::Death,
        ClaimReason::LeavingIndonesia,
        ClaimReason::PartialTenPercent,
        ClaimReason::PartialHousing,
        ClaimReason::WorkAccident,
    ];

    /// Wire and URL word, e.g. `resigned`, `partial_ten_percent`.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimReason::Retirement => "retirement",
            ClaimReason::Resigned => "resigned",
            ClaimReason::Dismissed => "dismissed",
            ClaimReason::ContractEnded => "contract_ended",
            ClaimReason::Disability => "disability",
            ClaimReason::Death => "death",
            ClaimReason::LeavingIndonesia => "leaving_indonesia",
            ClaimReason::PartialTenPercent => "partial_ten_percent",
            ClaimReason::PartialHousing => "partial_housing",
            ClaimReason::WorkAccident => "work_accident",
        }
    }

    pub fn from_wire(text: &str) -> Option<ClaimReason> {
        ClaimReason::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// The choice as a person reads it, e.g. "Saya mengundurkan diri".
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ClaimReason::Retirement => lang.pick("Mencapai usia pensiun", "Reached retirement age"),
            ClaimReason::Resigned => lang.pick("Saya mengundurkan diri", "I resigned"),
            ClaimReason::Dismissed => lang.pick(
                "Saya terkena PHK (diberhentikan oleh perusahaan)",
                "I was dismissed by my employer (PHK)",
            ),
            ClaimReason::ContractEnded => lang.pick(
                "Kontrak kerja (PKWT) saya selesai",
                "My fixed-term contract (PKWT) ended",
            ),
            ClaimReason::Disability => lang.pick("Cacat total tetap", "Total permanent disability"),
            ClaimReason::Death => lang.pick(
                "Peserta meninggal dunia (diajukan ahli waris)",
                "The participant died (claimed by an heir)",
            ),
            ClaimReason::LeavingIndonesia => lang.pick(
                "Meninggalkan Indonesia untuk selamanya (warga negara asing)",
                "Leaving Indonesia permanently (foreign nationals)",
            ),
            ClaimReason::PartialTenPercent => lang.pick(
                "Ambil sebagian 10% (keperluan apa saja)",
                "Withdraw 10% (any purpose)",
            ),
            ClaimReason::PartialHousing => lang.pick(
                "Ambil sebagian 30% (untuk perumahan)",
                "Withdraw 30% (for housing)",
            ),
            ClaimReason::WorkAccident => lang.pick(
                "Kecelakaan kerja (setelah surat keterangan dokter)",
                "Work accident (after the doctor's certificate)",
            ),
        }
    }
}
