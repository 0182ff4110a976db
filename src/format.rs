//! How numbers, dates and times are written to people: "Rp 1.250.000", "24 November 2026",
//! "Hari ini pukul 14.05 WIB".

use klaim_core::{Date, Lang, Rupiah};

/// Indonesia's western time zone (UTC+7): the server's calendar, and most participants'.
const WIB_OFFSET_SECONDS: i64 = 7 * 3600;

/// `Rp 1.250.000`.
pub fn rupiah(amount: u64) -> String {
    Rupiah::from_u64(amount).to_string()
}

/// An ISO date from the API in words; shown as it came if it is not a date.
pub fn date_words(iso: &str, lang: Lang) -> String {
    Date::parse_iso(iso).map_or_else(|_| iso.to_owned(), |d| d.format(lang))
}

/// A moment in WIB as people say it: today and yesterday by name, otherwise the date, then the
/// time with Indonesian's dot ("14.05") or English's colon.
pub fn wib_moment(unix_seconds: i64, now_unix_seconds: i64, lang: Lang) -> String {
    let (day, minutes) = wib_parts(unix_seconds);
    let (today, _) = wib_parts(now_unix_seconds);
    let day_words = match today - day {
        0 => lang.pick("Hari ini", "Today").to_owned(),
        1 => lang.pick("Kemarin", "Yesterday").to_owned(),
        _ => Date::from_days_since_epoch(day).map_or_else(String::new, |d| d.format(lang)),
    };
    let (h, m) = (minutes / 60, minutes % 60);
    match lang {
        Lang::Id => format!("{day_words} pukul {h:02}.{m:02} WIB"),
        Lang::En => format!("{day_words} at {h:02}:{m:02} WIB"),
    }
}

/// The time of day in WIB, as on a clock: "10.42" (Indonesian) or "10:42" (English).
pub fn wib_time(unix_seconds: i64, lang: Lang) -> String {
    let (_, minutes) = wib_parts(unix_seconds);
    let (h, m) = (minutes / 60, minutes % 60);
    match lang {
        Lang::Id => format!("{h:02}.{m:02}"),
        Lang::En => format!("{h:02}:{m:02}"),
    }
}

/// Days since 1970-01-01 and minutes into that day, in WIB.
fn wib_parts(unix_seconds: i64) -> (i32, i64) {
    let local = unix_seconds + WIB_OFFSET_SECONDS;
    let day = i32::try_from(local.div_euclid(86_400)).unwrap_or(0);
    (day, local.rem_euclid(86_400) / 60)
}

/// Now, in Unix seconds, from the device clock.
pub fn now_unix_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}
