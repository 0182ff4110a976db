//! Why a claim cannot be made (never, or not yet), each in plain words with what to do.

use serde::{Deserialize, Serialize};

use crate::api::account::EndReason;
use crate::{Date, Explain, Lang, Month};

use super::{ClaimReason, Relation};

/// Why a claim cannot be made (yet). Each explains itself (code, both languages, what to do).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "code_kind", rename_all = "snake_case")]
pub enum Blocker {
    /// The employer has not deactivated the membership yet.
    MembershipActive { employer: String },
    /// The 1-month waiting period after a resignation or PHK runs until the given day.
    WaitingPeriod {
        #[cfg_attr(feature = "openapi", schema(value_type = String))]
        until: Date,
    },
    /// JHT for total permanent disability is paid from the 1st of the next month.
    PaidFromNextMonth {
        #[cfg_attr(feature = "openapi", schema(value_type = String))]
        from: Date,
    },
    /// The event the claim rests on (the PHK) is after today.
    NotYetHappened {
        #[cfg_attr(feature = "openapi", schema(value_type = String))]
        on: Date,
    },
    /// No membership on record at all.
    NotAMember,
    /// The reason does not belong to the programme (e.g. JKM for a resignation).
    ReasonNotOffered,
    /// Below the age the claim needs (JHT 56, JP the pension age of the year).
    BelowAge {
        age: u32,
        #[cfg_attr(feature = "openapi", schema(value_type = String))]
        reached_on: Date,
    },
    /// Leaving Indonesia is a reason for foreign nationals only.
    ForeignNationalsOnly,
    /// JKP is for Indonesian citizens only.
    CitizensOnly,
    /// JKP is paid after a dismissal only, not after a resignation or a contract that ran out.
    JkpOnlyAfterDismissal { reason: ClaimReason },
    /// The employer reported the end of the job as something other than a PHK.
    JkpEmployerReported { end_reason: EndReason },
    /// JKP needs JKN (BPJS Kesehatan) membership.
    JknNotEnrolled,
    /// 54 or older when registered.
    JkpTooOldAtRegistration {
        #[cfg_attr(feature = "openapi", schema(value_type = String))]
        registered_on: Date,
    },
    /// Fewer than 12 months of JKP contributions within the 24 months before the PHK.
    JkpFewContributions { months: u32 },
    /// A month without JKP contribution among the 6 right before the PHK.
    JkpGapBeforePhk {
        #[cfg_attr(feature = "openapi", schema(value_type = String))]
        missing: Month,
    },
    /// The claim had to be made by this day.
    JkpDeadlinePassed {
        #[cfg_attr(feature = "openapi", schema(value_type = String))]
        deadline: Date,
    },
    /// Working again: the right to JKP ends with new employment.
    JkpNewEmployment { employer: String },
    /// A repeat JKP claim needs 5 more years of contributions after the previous one.
    JkpRepeatTooSoon { months: u32 },
    /// Three JKP claims were paid already.
    JkpClaimsUsedUp,
    /// Partial JHT needs 10 years of membership.
    PartialMembershipTooShort {
        #[cfg_attr(feature = "openapi", schema(value_type = String))]
        reached_on: Date,
    },
    /// Partial JHT is for people still working (an active membership).
    PartialNeedsActiveMembership,
    /// Partial JHT once only: taken (or asked for) before.
    PartialAlreadyTaken {
        #[cfg_attr(feature = "openapi", schema(value_type = String))]
        submitted_on: Date,
    },
    /// A death claim for someone the records do not show as deceased.
    NotDeceased,
    /// The claimant is not on the deceased's family record.
    NotAnHeir,
    /// A closer heir is on the family record and claims first.
    CloserHeirExists { relation: Relation },
    /// JP survivor's benefits go to the widow or widower, children under 23, or a parent.
    JpHeirNotEntitled,
    /// JP cannot be cashed on resignation.
    JpNotOnResignation,
    /// The JKK claim lapsed on this day.
    JkkLapsed {
        #[cfg_attr(feature = "openapi", schema(value_type = String))]
        lapsed_on: Date,
    },
    /// The outcome in the accident answers does not fit the reason (a death is claimed by an heir
    /// with the reason Death; recovery or disability by the participant).
    AccidentOutcomeMismatch,
    /// A claim for the same programme and reason is still being handled.
    ClaimPending {
        #[cfg_attr(feature = "openapi", schema(value_type = String))]
        submitted_on: Date,
    },
}

impl Blocker {
    /// The day the blocker stops applying by itself, when it does.
    pub fn ends_on(&self) -> Option<Date> {
        match self {
            Blocker::WaitingPeriod { until } => Some(*until),
            Blocker::PaidFromNextMonth { from } => Some(*from),
            Blocker::NotYetHappened { on } => Some(*on),
            Blocker::BelowAge { reached_on, .. } => Some(*reached_on),
            Blocker::PartialMembershipTooShort { reached_on } => Some(*reached_on),
            _ => None,
        }
    }
}

/// "Maret 2026".
fn month_words(m: Month, lang: Lang) -> String {
    let day_one = m.first_day().format(lang);
    day_one.strip_prefix("1 ").unwrap_or(&day_one).to_owned()
}

fn end_reason_words(r: EndReason, lang: Lang) -> &'static str {
    match r {
        EndReason::StillActive => lang.pick("masih bekerja", "still employed"),
        EndReason::Resigned => lang.pick("mengundurkan diri", "resigned"),
        EndReason::Dismissed => lang.pick("PHK", "dismissed"),
        EndReason::ContractEnded => lang.pick("kontrak selesai", "contract ended"),
        EndReason::Retired => lang.pick("pensiun", "retired"),
        EndReason::Died => lang.pick("meninggal dunia", "died"),
    }
}

impl Explain for Blocker {
    fn code(&self) -> &'static str {
        match self {
            Blocker::MembershipActive { .. } => "claim.membership_active",
            Blocker::WaitingPeriod { .. } => "claim.waiting_period",
            Blocker::PaidFromNextMonth { .. } => "claim.paid_from_next_month",
            Blocker::NotYetHappened { .. } => "claim.not_yet_happened",
            Blocker::NotAMember => "claim.not_a_member",
            Blocker::ReasonNotOffered => "claim.reason_not_offered",
            Blocker::BelowAge { .. } => "claim.below_age",
            Blocker::ForeignNationalsOnly => "claim.foreign_nationals_only",
            Blocker::CitizensOnly => "claim.citizens_only",
            Blocker::JkpOnlyAfterDismissal { .. } => "claim.jkp_only_after_dismissal",
            Blocker::JkpEmployerReported { .. } => "claim.jkp_employer_reported",
            Blocker::JknNotEnrolled => "claim.jkn_not_enrolled",
            Blocker::JkpTooOldAtRegistration { .. } => "claim.jkp_too_old_at_registration",
            Blocker::JkpFewContributions { .. } => "claim.jkp_few_contributions",
            Blocker::JkpGapBeforePhk { .. } => "claim.jkp_gap_before_phk",
            Blocker::JkpDeadlinePassed { .. } => "claim.jkp_deadline_passed",
            Blocker::JkpNewEmployment { .. } => "claim.jkp_new_employment",
            Blocker::JkpRepeatTooSoon { .. } => "claim.jkp_repeat_too_soon",
            Blocker::JkpClaimsUsedUp => "claim.jkp_claims_used_up",
            Blocker::PartialMembershipTooShort { .. } => "claim.partial_membership_too_short",
            Blocker::PartialNeedsActiveMembership => "claim.partial_needs_active_membership",
            Blocker::PartialAlreadyTaken { .. } => "claim.partial_already_taken",
            Blocker::NotDeceased => "claim.not_deceased",
            Blocker::NotAnHeir => "claim.not_an_heir",
            Blocker::CloserHeirExists { .. } => "claim.closer_heir_exists",
            Blocker::JpHeirNotEntitled => "claim.jp_heir_not_entitled",
            Blocker::JpNotOnResignation => "claim.jp_not_on_resignation",
            Blocker::JkkLapsed { .. } => "claim.jkk_lapsed",
            Blocker::AccidentOutcomeMismatch => "claim.accident_outcome_mismatch",
            Blocker::ClaimPending { .. } => "claim.pending",
        }
    }

    fn message(&self, lang: Lang) -> String {
        let l = |id: &str, en: &str| lang.pick(id, en).to_owned();
        match self {
            Blocker::MembershipActive { employer } => format!(
                "{} {employer} {}",
                lang.pick("Kepesertaan Anda di", "Your membership through"),
                lang.pick(
                    "masih aktif. Klaim baru bisa diajukan setelah perusahaan menonaktifkannya.",
                    "is still active. A claim can be made only after the employer deactivates it.",
                )
            ),
            Blocker::WaitingPeriod { until } => format!(
                "{} {}.",
                lang.pick(
                    "Ada masa tunggu 1 bulan sejak pengunduran diri atau PHK, sampai",
                    "There is a waiting period of 1 month after a resignation or dismissal, until",
                ),
                until.format(lang)
            ),
            Blocker::PaidFromNextMonth { from } => format!(
                "{} {}.",
                lang.pick(
                    "JHT karena cacat total tetap dibayarkan mulai tanggal 1 bulan berikutnya setelah cacat ditetapkan, yaitu",
                    "JHT for total permanent disability is paid from the 1st of the month after it was determined, that is",
                ),
                from.format(lang)
            ),
            Blocker::NotYetHappened { on } => format!(
                "{} {}.",
                lang.pick(
                    "Tanggal PHK yang Anda isi belum tiba:",
                    "The dismissal date you gave has not come yet:",
                ),
                on.format(lang)
            ),
            Blocker::NotAMember => l(
                "Kami tidak menemukan kepesertaan BPJS Ketenagakerjaan atas nama ini.",
                "We found no BPJS Ketenagakerjaan membership in this name.",
            ),
            Blocker::ReasonNotOffered => l(
                "Alasan klaim ini tidak berlaku untuk program yang dipilih.",
                "This reason does not apply to the chosen programme.",
            ),
            Blocker::BelowAge { age, reached_on } => format!(
                "{} {age}{} {}.",
                lang.pick("Klaim ini dapat diajukan pada usia", "This claim can be made at age"),
                lang.pick(" tahun, yaitu mulai", ", that is from"),
                reached_on.format(lang)
            ),
            Blocker::ForeignNationalsOnly => l(
                "Klaim karena meninggalkan Indonesia hanya untuk warga negara asing.",
                "Claims for leaving Indonesia are for foreign nationals only.",
            ),
            Blocker::CitizensOnly => l(
                "Jaminan Kehilangan Pekerjaan hanya untuk warga negara Indonesia.",
                "The job-loss benefit is for Indonesian citizens only.",
            ),
            Blocker::JkpOnlyAfterDismissal { reason } => match reason {
                ClaimReason::ContractEnded => l(
                    "JKP tidak dibayarkan bila kontrak kerja (PKWT) selesai sesuai jangka waktunya; hanya bila Anda di-PHK sebelum kontrak berakhir.",
                    "JKP is not paid when a fixed-term contract (PKWT) runs to its end; only when you are dismissed before it ends.",
                ),
                _ => l(
                    "JKP hanya dibayarkan bila Anda terkena PHK, tidak bila Anda mengundurkan diri.",
                    "JKP is paid only after a dismissal (PHK), not after a resignation.",
                ),
            },
            Blocker::JkpEmployerReported { end_reason } => format!(
                "{} \"{}\", {}",
                lang.pick(
                    "Perusahaan melaporkan akhir hubungan kerja Anda sebagai",
                    "Your employer reported the end of your job as",
                ),
                end_reason_words(*end_reason, lang),
                lang.pick(
                    "bukan PHK. JKP hanya dibayarkan setelah PHK yang dilaporkan perusahaan.",
                    "not a dismissal. JKP is paid only after a dismissal the employer reported.",
                )
            ),
            Blocker::JknNotEnrolled => l(
                "JKP mensyaratkan Anda terdaftar di JKN (BPJS Kesehatan).",
                "JKP requires membership of JKN (BPJS Kesehatan).",
            ),
            Blocker::JkpTooOldAtRegistration { registered_on } => format!(
                "{} {}.",
                lang.pick(
                    "JKP hanya untuk peserta yang berusia di bawah 54 tahun saat terdaftar; Anda terdaftar pada",
                    "JKP is for members under 54 when they registered; you registered on",
                ),
                registered_on.format(lang)
            ),
            Blocker::JkpFewContributions { months } => format!(
                "{} {months} {}",
                lang.pick(
                    "JKP mensyaratkan iuran paling sedikit 12 bulan dalam 24 bulan sebelum PHK; tercatat",
                    "JKP requires contributions for at least 12 months within the 24 months before the PHK; on record:",
                ),
                lang.pick("bulan.", "months."),
            ),
            Blocker::JkpGapBeforePhk { missing } => format!(
                "{} {}.",
                lang.pick(
                    "JKP mensyaratkan iuran 6 bulan berturut-turut tepat sebelum PHK; tidak ada iuran untuk",
                    "JKP requires contributions for the 6 months in a row right before the PHK; none was paid for",
                ),
                month_words(*missing, lang)
            ),
            Blocker::JkpDeadlinePassed { deadline } => format!(
                "{} {}.",
                lang.pick(
                    "Batas waktu pengajuan JKP sudah lewat pada",
                    "The deadline to claim JKP passed on",
                ),
                deadline.format(lang)
            ),
            Blocker::JkpNewEmployment { employer } => format!(
                "{} {employer}{}",
                lang.pick("Anda sudah bekerja kembali di", "You are working again at"),
                lang.pick(
                    ": hak atas JKP berakhir saat Anda mendapat pekerjaan baru.",
                    ": the right to JKP ends with new employment.",
                )
            ),
            Blocker::JkpRepeatTooSoon { months } => format!(
                "{} {months} {}",
                lang.pick(
                    "Klaim JKP berikutnya memerlukan 5 tahun (60 bulan) iuran lagi sejak klaim sebelumnya; baru",
                    "A further JKP claim needs 5 more years (60 months) of contributions since the previous one; so far",
                ),
                lang.pick("bulan.", "months."),
            ),
            Blocker::JkpClaimsUsedUp => l(
                "JKP sudah dibayarkan 3 kali, jumlah paling banyak yang diizinkan.",
                "JKP has been paid 3 times, the most allowed.",
            ),
            Blocker::PartialMembershipTooShort { reached_on } => format!(
                "{} {}.",
                lang.pick(
                    "Pengambilan sebagian JHT memerlukan kepesertaan 10 tahun, yang tercapai pada",
                    "A partial JHT withdrawal needs 10 years of membership, reached on",
                ),
                reached_on.format(lang)
            ),
            Blocker::PartialNeedsActiveMembership => l(
                "Pengambilan sebagian JHT hanya untuk peserta yang masih bekerja dan aktif sebagai peserta.",
                "A partial JHT withdrawal is only for members who are still working and active.",
            ),
            Blocker::PartialAlreadyTaken { submitted_on } => format!(
                "{} {}.",
                lang.pick(
                    "Pengambilan sebagian JHT hanya boleh sekali; Anda sudah mengajukannya pada",
                    "A partial JHT withdrawal is allowed once only; you asked for one on",
                ),
                submitted_on.format(lang)
            ),
            Blocker::NotDeceased => l(
                "Data kepesertaan belum mencatat peserta ini meninggal dunia.",
                "The membership record does not show this member as deceased.",
            ),
            Blocker::NotAnHeir => l(
                "NIK Anda tidak tercatat dalam data keluarga peserta, sehingga Anda belum dapat mengajukan sebagai ahli waris.",
                "Your NIK is not on the member's family record, so you cannot claim as an heir yet.",
            ),
            Blocker::CloserHeirExists { relation } => format!(
                "{} ({}) {}",
                lang.pick(
                    "Ada ahli waris yang lebih dekat",
                    "A closer heir is on the family record",
                ),
                relation.label(lang),
                lang.pick(
                    "dalam data keluarga; ahli waris yang lebih dekat yang berhak mengajukan.",
                    "and is the one entitled to claim.",
                )
            ),
            Blocker::JpHeirNotEntitled => l(
                "Manfaat pensiun ahli waris hanya untuk janda/duda, anak di bawah 23 tahun, atau orang tua bila tidak ada keduanya.",
                "Survivors' pension goes only to the widow or widower, children under 23, or a parent when there are neither.",
            ),
            Blocker::JpNotOnResignation => l(
                "Jaminan Pensiun tidak dapat dicairkan karena mengundurkan diri; hanya pada usia pensiun, cacat total tetap, atau meninggal dunia.",
                "The pension cannot be cashed on resignation; only at pension age, on total permanent disability, or on death.",
            ),
            Blocker::JkkLapsed { lapsed_on } => format!(
                "{} {}.",
                lang.pick(
                    "Hak klaim kecelakaan kerja ini sudah gugur pada",
                    "The right to claim for this work accident lapsed on",
                ),
                lapsed_on.format(lang)
            ),
            Blocker::AccidentOutcomeMismatch => l(
                "Hasil perawatan yang dipilih tidak sesuai dengan alasan klaim.",
                "The outcome chosen does not fit the reason for the claim.",
            ),
            Blocker::ClaimPending { submitted_on } => format!(
                "{} {} {}",
                lang.pick(
                    "Klaim yang sama yang Anda ajukan pada",
                    "The same claim you submitted on",
                ),
                submitted_on.format(lang),
                lang.pick("masih diproses.", "is still being handled."),
            ),
        }
    }

    fn hint(&self, lang: Lang) -> String {
        let l = |id: &str, en: &str| lang.pick(id, en).to_owned();
        let from = |date: &Date| {
            format!(
                "{} {}.",
                lang.pick("Anda dapat mengajukan mulai", "You can claim from"),
                date.format(lang)
            )
        };
        match self {
            Blocker::MembershipActive { .. } => l(
                "Minta HRD perusahaan Anda menonaktifkan kepesertaan; setelah itu Anda dapat mengajukan.",
                "Ask your employer's HR to deactivate your membership; then you can claim.",
            ),
            Blocker::WaitingPeriod { until } => from(until),
            Blocker::PaidFromNextMonth { from: day } => from(day),
            Blocker::NotYetHappened { on } => from(on),
            Blocker::NotAMember => l(
                "Periksa NIK dan nomor KPJ Anda, atau tanyakan ke kantor cabang BPJS Ketenagakerjaan.",
                "Check your NIK and KPJ number, or ask a BPJS Ketenagakerjaan branch.",
            ),
            Blocker::ReasonNotOffered => l(
                "Kembali dan pilih alasan yang tersedia untuk program ini.",
                "Go back and choose one of the reasons offered for this programme.",
            ),
            Blocker::BelowAge { reached_on, .. } => from(reached_on),
            Blocker::ForeignNationalsOnly => l(
                "Warga negara Indonesia dapat mencairkan JHT setelah berhenti bekerja atau pada usia 56 tahun.",
                "Indonesian citizens can take their JHT after leaving a job or at age 56.",
            ),
            Blocker::CitizensOnly => l(
                "Anda tetap dapat mengajukan Jaminan Hari Tua (JHT) setelah berhenti bekerja.",
                "You can still claim your old-age savings (JHT) after leaving the job.",
            ),
            Blocker::JkpOnlyAfterDismissal { .. } => l(
                "Anda tetap dapat mencairkan Jaminan Hari Tua (JHT) Anda: pilih JHT.",
                "You can still take your old-age savings: choose JHT.",
            ),
            Blocker::JkpEmployerReported { .. } => l(
                "Bila Anda memang di-PHK, minta perusahaan memperbaiki laporannya ke BPJS Ketenagakerjaan. Anda tetap dapat mengajukan JHT.",
                "If you were in fact dismissed, ask the employer to correct its report to BPJS Ketenagakerjaan. You can still claim JHT.",
            ),
            Blocker::JknNotEnrolled => l(
                "Daftarkan diri ke BPJS Kesehatan (JKN), atau tanyakan ke kantor cabang bila Anda sudah terdaftar.",
                "Enrol in BPJS Kesehatan (JKN), or ask a branch if you are enrolled already.",
            ),
            Blocker::JkpTooOldAtRegistration { .. }
            | Blocker::JkpFewContributions { .. }
            | Blocker::JkpGapBeforePhk { .. }
            | Blocker::JkpDeadlinePassed { .. }
            | Blocker::JkpNewEmployment { .. }
            | Blocker::JkpRepeatTooSoon { .. }
            | Blocker::JkpClaimsUsedUp => l(
                "Anda tetap dapat mengajukan Jaminan Hari Tua (JHT). Bila menurut Anda data ini keliru, tanyakan ke kantor cabang.",
                "You can still claim your old-age savings (JHT). If you think this record is wrong, ask a branch.",
            ),
            Blocker::PartialMembershipTooShort { reached_on } => from(reached_on),
            Blocker::PartialNeedsActiveMembership => l(
                "Bila Anda sudah berhenti bekerja, ajukan pencairan JHT penuh.",
                "If you have left your job, claim your whole JHT instead.",
            ),
            Blocker::PartialAlreadyTaken { .. } => l(
                "Sisa saldo JHT dapat dicairkan saat berhenti bekerja atau pada usia 56 tahun.",
                "The rest of your JHT can be taken when you leave your job or at age 56.",
            ),
            Blocker::NotDeceased => l(
                "Periksa NIK dan nomor KPJ almarhum. Bila sudah benar, laporkan kematian ke kantor cabang dengan akta kematian.",
                "Check the deceased's NIK and KPJ number. If they are right, report the death at a branch with the death certificate.",
            ),
            Blocker::NotAnHeir => l(
                "Periksa NIK Anda. Bila Kartu Keluarga sudah diperbarui, bawa Kartu Keluarga dan surat keterangan ahli waris ke kantor cabang.",
                "Check your NIK. If the family card was updated, bring it and the heir certificate to a branch.",
            ),
            Blocker::CloserHeirExists { .. } => l(
                "Minta ahli waris tersebut yang mengajukan, atau bawa surat keterangan ahli waris yang menunjuk Anda ke kantor cabang.",
                "Ask that heir to claim, or bring an heir certificate naming you to a branch.",
            ),
            Blocker::JpHeirNotEntitled => l(
                "Ahli waris lain dapat mengajukan Jaminan Kematian (JKM) dan Jaminan Hari Tua (JHT).",
                "Other heirs can claim the death benefit (JKM) and old-age savings (JHT).",
            ),
            Blocker::JpNotOnResignation => l(
                "Anda dapat mencairkan Jaminan Hari Tua (JHT). Iuran pensiun tetap tercatat sampai usia pensiun.",
                "You can take your old-age savings (JHT). Your pension contributions stay on record until pension age.",
            ),
            Blocker::JkkLapsed { .. } => l(
                "Bila Anda punya bukti laporan kecelakaan sebelum tanggal tersebut, bawa ke kantor cabang.",
                "If you have proof the accident was reported before that day, take it to a branch.",
            ),
            Blocker::AccidentOutcomeMismatch => l(
                "Bila peserta meninggal, ahli waris memilih alasan \"Peserta meninggal dunia\"; bila tidak, pilih hasil sembuh atau cacat.",
                "If the member died, an heir chooses \"The participant died\"; otherwise choose recovered or disabled.",
            ),
            Blocker::ClaimPending { .. } => l(
                "Ikuti klaim tersebut di \"Klaim saya\"; Anda dapat mengajukan lagi setelah klaim itu selesai.",
                "Follow that claim in \"My claims\"; you can claim again once it is finished.",
            ),
        }
    }
}
