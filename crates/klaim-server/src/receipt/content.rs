//! What a receipt says, as plain rows: built from the claim as the API shows it and the
//! claimant's NIK, in one language (the title is in both). Identifiers appear only masked.

use klaim_core::api::claim::{ClaimView, DocumentInfo};
use klaim_core::claim::{
    AccidentOutcome, AccidentPlace, ClaimAnswers, Question, TransportMode, event_date_label,
};
use klaim_core::{Lang, Nik, Rupiah};

use crate::clock::wib_date;

/// The whole receipt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    pub title: String,
    pub subtitle: String,
    pub sections: Vec<Section>,
    /// Closing notes after the last section.
    pub notes: Vec<String>,
    /// The small line at the bottom of every page (the page number is added to it).
    pub footer: String,
    /// The PDF's document title.
    pub document_title: String,
    pub lang: Lang,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub heading: String,
    pub rows: Vec<Line>,
}

/// A label and its value; a row without a label is a value on its own (a list entry).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub label: String,
    pub value: String,
}

fn line(label: impl Into<String>, value: impl Into<String>) -> Line {
    Line {
        label: label.into(),
        value: value.into(),
    }
}

/// The receipt of `view`, made at `now` (Unix seconds).
pub fn sheet(view: &ClaimView, claimant_nik: &Nik, lang: Lang, now: i64) -> Sheet {
    let summary = &view.summary;
    let pick = |id: &'static str, en: &'static str| lang.pick(id, en);
    let status_since = view
        .history
        .last()
        .map_or(summary.submitted_at, |event| event.at);

    let mut claim = vec![
        line(
            pick("Nomor referensi", "Reference"),
            summary.reference.clone(),
        ),
        line(
            pick("Diajukan", "Submitted"),
            moment(summary.submitted_at, lang),
        ),
        line(
            pick("Status", "Status"),
            format!(
                "{} ({} {})",
                summary.status.title(lang),
                pick("sejak", "since"),
                moment(status_since, lang)
            ),
        ),
        line(
            pick("Program", "Programme"),
            format!(
                "{} \u{2014} {}",
                summary.programme.abbreviation(),
                summary.programme.name(lang)
            ),
        ),
        line(pick("Alasan", "Reason"), summary.reason.label(lang)),
    ];
    if summary.status.is_open() {
        claim.push(line(
            pick("Batas waktu keputusan", "Decision due by"),
            klaim_core::Date::parse_iso(&view.decision_due_on)
                .map_or_else(|_| view.decision_due_on.clone(), |d| d.format(lang)),
        ));
    }

    let mut sections = vec![
        Section {
            heading: pick("Klaim", "Claim").to_owned(),
            rows: claim,
        },
        Section {
            heading: pick("Pemohon", "Claimant").to_owned(),
            rows: vec![line("NIK", claimant_nik.masked())],
        },
        Section {
            heading: pick("Jawaban Anda", "Your answers").to_owned(),
            rows: answers(&view.answers, lang),
        },
        Section {
            heading: pick("Dokumen", "Documents").to_owned(),
            rows: if view.documents.is_empty() {
                vec![line("", pick("Tidak ada dokumen.", "No documents."))]
            } else {
                view.documents.iter().map(|d| document(d, lang)).collect()
            },
        },
        Section {
            heading: pick("Jumlah", "Amount").to_owned(),
            rows: amounts(view, lang),
        },
    ];
    sections.retain(|s| !s.rows.is_empty());

    Sheet {
        title: "Tanda terima klaim / Claim receipt".to_owned(),
        subtitle: "BPJS Ketenagakerjaan via Klaim".to_owned(),
        sections,
        notes: vec![
            format!("{} {}.", pick("Dibuat", "Made on"), moment(now, lang)),
            pick(
                "Nomor identitas ditampilkan hanya 4 angka terakhir. Simpan tanda terima ini; \
                 status terbaru selalu ada di Klaim.",
                "Identity numbers show only their last 4 digits. Keep this receipt; the latest \
                 status is always in Klaim.",
            )
            .to_owned(),
            pick(
                "Klaim tidak dipungut biaya dan tidak memerlukan perantara. Bantuan: call center \
                 BPJS Ketenagakerjaan 175.",
                "Claims are free and need no broker. Help: BPJS Ketenagakerjaan call centre 175.",
            )
            .to_owned(),
        ],
        footer: format!("Klaim \u{b7} {}", summary.reference),
        document_title: format!(
            "{} {}",
            pick("Tanda terima klaim", "Claim receipt"),
            summary.reference
        ),
        lang,
    }
}

/// "24 November 2026, 10.00 WIB" (Indonesian) or "24 November 2026, 10:00 WIB".
pub fn moment(unix_seconds: i64, lang: Lang) -> String {
    let minutes = (unix_seconds + 7 * 3600).rem_euclid(86_400) / 60;
    let separator = lang.pick(".", ":");
    format!(
        "{}, {:02}{separator}{:02} WIB",
        wib_date(unix_seconds).format(lang),
        minutes / 60,
        minutes % 60
    )
}

/// Each answered question in words, identifiers masked.
fn answers(answers: &ClaimAnswers, lang: Lang) -> Vec<Line> {
    let pick = |id: &'static str, en: &'static str| lang.pick(id, en);
    Question::ALL
        .into_iter()
        .filter_map(|question| {
            let (label, value) = match question {
                Question::Kpj => (
                    pick("Nomor KPJ", "KPJ number"),
                    answers.kpj.as_ref()?.masked(),
                ),
                Question::EventDate => (
                    event_date_label(answers.reason, lang),
                    answers.event_on?.format(lang),
                ),
                Question::Deceased => {
                    let d = answers.deceased.as_ref()?;
                    (
                        pick("Peserta yang meninggal", "The member who died"),
                        format!(
                            "NIK {} \u{b7} KPJ {} \u{b7} {} {}",
                            d.nik.masked(),
                            d.kpj.masked(),
                            pick("lahir", "born"),
                            d.birth_date.format(lang)
                        ),
                    )
                }
                Question::Accident => (
                    pick("Kecelakaan kerja", "Work accident"),
                    accident(answers, lang)?,
                ),
                Question::BankAccount => {
                    let b = answers.bank_account.as_ref()?;
                    (
                        pick("Rekening bank", "Bank account"),
                        format!("{} {}", b.bank().name(), b.masked()),
                    )
                }
                Question::Npwp => ("NPWP", answers.npwp.as_ref()?.masked()),
            };
            Some(line(label, value))
        })
        .collect()
}

fn accident(answers: &ClaimAnswers, lang: Lang) -> Option<String> {
    let pick = |id: &'static str, en: &'static str| lang.pick(id, en);
    let a = answers.accident.as_ref()?;
    let place = match a.place {
        AccidentPlace::AtWork => pick("di tempat kerja", "at work"),
        AccidentPlace::OnTheRoad => pick("di jalan", "on the road"),
        AccidentPlace::AwayFromWork => pick(
            "di luar tempat kerja saat bertugas",
            "away from the workplace on duty",
        ),
    };
    let outcome = match a.outcome {
        AccidentOutcome::Recovered => pick("sembuh", "recovered"),
        AccidentOutcome::Disability => pick("cacat total tetap", "total permanent disability"),
        AccidentOutcome::Died => pick("meninggal dunia", "died"),
    };
    let mut parts = vec![
        a.happened_on.format(lang),
        place.to_owned(),
        outcome.to_owned(),
        format!(
            "{} {}",
            a.days_unable_to_work,
            pick("hari tidak mampu bekerja", "days unable to work")
        ),
    ];
    if a.medical_costs > Rupiah::ZERO {
        parts.push(format!(
            "{} {}",
            pick("biaya pengobatan", "medical costs"),
            a.medical_costs
        ));
    }
    if let Some(t) = a.transport {
        let mode = match t.mode {
            TransportMode::Land => pick("darat", "land"),
            TransportMode::Sea => pick("laut", "sea"),
            TransportMode::Air => pick("udara", "air"),
        };
        parts.push(format!(
            "{} ({mode}) {}",
            pick("biaya transportasi", "transport"),
            t.cost
        ));
    }
    Some(parts.join(" \u{b7} "))
}

fn document(d: &DocumentInfo, lang: Lang) -> Line {
    let short: String = d.sha256.chars().take(12).collect();
    line(
        d.kind.name(lang),
        format!(
            "{} \u{b7} {} \u{b7} SHA-256 {short}\u{2026}",
            d.file_type.as_str().to_ascii_uppercase(),
            size(d.bytes, lang)
        ),
    )
}

/// "340 KB", "1,2 MB" (decimal comma in Indonesian).
fn size(bytes: u64, lang: Lang) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    if bytes < MB {
        return format!("{} KB", bytes.div_ceil(KB).max(1));
    }
    let tenths = (bytes * 10 + MB / 2) / MB;
    format!("{}{}{} MB", tenths / 10, lang.pick(",", "."), tenths % 10)
}

fn amounts(view: &ClaimView, lang: Lang) -> Vec<Line> {
    let pick = |id: &'static str, en: &'static str| lang.pick(id, en);
    let e = &view.estimate;
    let mut rows = Vec::new();
    if let (Some(monthly), Some(months)) = (e.monthly, e.months) {
        rows.push(line(
            pick("Perkiraan per bulan", "Estimate per month"),
            format!("{monthly} \u{d7} {months} {}", pick("bulan", "months")),
        ));
    }
    if e.lump_sum > Rupiah::ZERO || e.monthly.is_none() {
        rows.push(line(
            pick("Perkiraan sekaligus", "Estimate, lump sum"),
            e.lump_sum.to_string(),
        ));
    }
    // A total equal to the lump sum says nothing new.
    if let Some(total) = e.total.filter(|t| *t != e.lump_sum) {
        rows.push(line(
            pick("Perkiraan total", "Estimate, total"),
            total.to_string(),
        ));
    }
    if e.tax > Rupiah::ZERO {
        rows.push(line(
            pick("Perkiraan pajak", "Estimated tax"),
            e.tax.to_string(),
        ));
    }
    if let Some(approved) = view.outcome.approved_amount {
        rows.push(line(
            pick("Disetujui", "Approved"),
            Rupiah::from_u64(approved).to_string(),
        ));
    }
    for stated in &view.outcome.rejection {
        rows.push(line(
            pick("Alasan penolakan", "Reason not approved"),
            stated.reason.message(lang),
        ));
    }
    if let Some(reference) = &view.outcome.transfer_reference {
        rows.push(line(
            pick("Referensi transfer", "Transfer reference"),
            reference.clone(),
        ));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_are_in_wib_with_the_language_s_time_separator() {
        // 2026-11-24 03:00 UTC is 10:00 WIB.
        let t = 1_795_489_200;
        assert_eq!(moment(t, Lang::Id), "24 November 2026, 10.00 WIB");
        assert_eq!(moment(t, Lang::En), "24 November 2026, 10:00 WIB");
        // 17:30 UTC is past midnight in Jakarta: the next day.
        assert_eq!(
            moment(t + 14 * 3600 + 30 * 60, Lang::Id),
            "25 November 2026, 00.30 WIB"
        );
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size(1, Lang::Id), "1 KB");
        assert_eq!(size(340 * 1024, Lang::En), "340 KB");
        assert_eq!(size(1_258_291, Lang::Id), "1,2 MB");
        assert_eq!(size(1_258_291, Lang::En), "1.2 MB");
    }
}
