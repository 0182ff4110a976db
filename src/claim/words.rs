//! How the claim journey writes things: file sizes, the day of an upload, claim statuses,
//! answers in a summary list.

use klaim_core::Lang;
use klaim_core::api::claim::ClaimStatus;
use klaim_core::claim::{
    AccidentOutcome, AccidentPlace, ClaimAnswers, ClaimReason, Programme, Question, TransportMode,
    event_date_label,
};
use klaim_core::{Date, Rupiah};

use crate::i18n::Texts;

/// A file size as people read it: "340 KB", "1,2 MB" (Indonesian decimal comma).
pub fn size_words(bytes: u64, lang: Lang) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    if bytes < MB {
        return format!("{} KB", bytes.div_ceil(KB).max(1));
    }
    let tenths = (bytes * 10 + MB / 2) / MB;
    let separator = lang.pick(",", ".");
    format!("{}{separator}{} MB", tenths / 10, tenths % 10)
}

/// The day (in WIB, the server's calendar) of a Unix time, in words.
pub fn day_words(unix_seconds: i64, lang: Lang) -> String {
    let day = (unix_seconds + 7 * 3600).div_euclid(86_400);
    i32::try_from(day)
        .ok()
        .and_then(Date::from_days_since_epoch)
        .map_or_else(String::new, |d| d.format(lang))
}

/// A status in plain words: klaim-core's names, the same on the timeline, in "Klaim saya" and in
/// notifications.
pub fn status_words(t: &'static Texts, status: ClaimStatus) -> &'static str {
    status.title(t.lang)
}

/// "JHT — Jaminan Hari Tua".
pub fn programme_words(programme: Programme, lang: Lang) -> String {
    format!("{} — {}", programme.abbreviation(), programme.name(lang))
}

pub fn place_words(t: &'static Texts, place: AccidentPlace) -> &'static str {
    match place {
        AccidentPlace::AtWork => t.place_at_work,
        AccidentPlace::OnTheRoad => t.place_on_the_road,
        AccidentPlace::AwayFromWork => t.place_away,
    }
}

pub fn outcome_words(t: &'static Texts, outcome: AccidentOutcome) -> &'static str {
    match outcome {
        AccidentOutcome::Recovered => t.outcome_recovered,
        AccidentOutcome::Disability => t.outcome_disability,
        AccidentOutcome::Died => t.outcome_died,
    }
}

pub fn transport_words(t: &'static Texts, mode: TransportMode) -> &'static str {
    match mode {
        TransportMode::Land => t.transport_land,
        TransportMode::Sea => t.transport_sea,
        TransportMode::Air => t.transport_air,
    }
}

/// The accident answers in one line each, for the review and the claim's detail.
pub fn accident_words(answers: &ClaimAnswers, t: &'static Texts, lang: Lang) -> Option<String> {
    let a = answers.accident.as_ref()?;
    let mut lines = vec![
        a.happened_on.format(lang),
        place_words(t, a.place).to_owned(),
        outcome_words(t, a.outcome).to_owned(),
        (t.days_value)(a.days_unable_to_work),
    ];
    if a.medical_costs > Rupiah::ZERO {
        lines.push(format!("{}: {}", t.medical_label, a.medical_costs));
    }
    if let Some(transport) = a.transport {
        lines.push(format!(
            "{} ({}): {}",
            t.transport_cost_label,
            transport_words(t, transport.mode),
            transport.cost
        ));
    }
    Some(lines.join(" · "))
}

/// What a question page is called in a summary list (the event date by its reason).
pub fn question_label(question: Question, reason: ClaimReason, lang: Lang) -> &'static str {
    match question {
        Question::EventDate => event_date_label(reason, lang),
        Question::Kpj => Texts::of(lang).answer_kpj,
        Question::Deceased => Texts::of(lang).answer_deceased,
        Question::Accident => Texts::of(lang).answer_accident,
        Question::BankAccount => Texts::of(lang).answer_bank,
        Question::Npwp => Texts::of(lang).answer_npwp,
    }
}

/// A question's answer in words; `masked` hides identifiers but their last four digits (for a
/// record that may be printed or shown on a shared phone).
pub fn answer_words(
    question: Question,
    answers: &ClaimAnswers,
    masked: bool,
    lang: Lang,
) -> Option<String> {
    let t = Texts::of(lang);
    match question {
        Question::Kpj => answers.kpj.as_ref().map(|k| {
            if masked {
                k.masked()
            } else {
                k.as_str().to_owned()
            }
        }),
        Question::EventDate => answers.event_on.map(|d| d.format(lang)),
        Question::Deceased => answers.deceased.as_ref().map(|d| {
            let (nik, kpj) = if masked {
                (d.nik.masked(), d.kpj.masked())
            } else {
                (d.nik.as_str().to_owned(), d.kpj.as_str().to_owned())
            };
            format!(
                "NIK {nik} · KPJ {kpj} · {} {}",
                t.answer_born,
                d.birth_date.format(lang)
            )
        }),
        Question::Accident => accident_words(answers, t, lang),
        Question::BankAccount => answers.bank_account.as_ref().map(|b| {
            let number = if masked {
                b.masked()
            } else {
                b.number().to_owned()
            };
            format!("{} {number}", b.bank().name())
        }),
        Question::Npwp => answers
            .npwp
            .as_ref()
            .map(|n| if masked { n.masked() } else { n.formatted() }),
    }
}
