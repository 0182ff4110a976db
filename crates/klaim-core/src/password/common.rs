//! "Commonly used" passwords. A full breached-password list would cost the phone tens of KB, and
//! only passwords of 10+ characters ever reach this check, so: patterns that generate most long
//! common passwords (repeats, sequences, keyboard rows, a word plus digits), and a short list of
//! long favourites, Indonesian ones included.

/// Long passwords seen again and again (lower case, without spaces). Kept short on purpose.
const COMMON: &[&str] = &[
    "password",
    "passw0rd",
    "katasandi",
    "rahasia",
    "iloveyou",
    "sayangkamu",
    "akusayangkamu",
    "cintaku",
    "bismillah",
    "alhamdulillah",
    "indonesia",
    "merdeka",
    "jakarta",
    "surabaya",
    "bandung",
    "garuda",
    "pancasila",
    "sukses",
    "qwerty",
    "asdfgh",
    "zxcvbn",
    "football",
    "princess",
    "sunshine",
    "welcome",
    "letmein",
    "admin",
    "dragon",
    "monkey",
    "superman",
    "batman",
    "baseball",
    "master",
    "shadow",
    "michael",
    "jennifer",
    "charlie",
    "whatever",
    "trustno1",
    "starwars",
    "computer",
    "internet",
    "samsung",
    "xiaomi",
    "android",
    "manchester",
    "liverpool",
    "chelsea",
    "arsenal",
    "barcelona",
    "persija",
    "persib",
    "bpjs",
    "jamsostek",
    "ketenagakerjaan",
    "klaim",
    "changeme",
    "default",
    "secret",
    "testing",
    "sayang",
];

/// Character runs people type: alphabet and digit sequences and keyboard rows (and columns).
const WALKS: &[&str] = &[
    "01234567890123456789",
    "abcdefghijklmnopqrstuvwxyz",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
];

/// True when the password is built from a pattern people pick or a well-known favourite.
pub fn is_guessable(password: &str) -> bool {
    let lower: String = password
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let word = lower.trim_matches(|c: char| !c.is_alphabetic());
    is_repeated_unit(&lower)
        || is_walk(&lower)
        || COMMON
            .iter()
            .any(|common| is_repeated_unit_of(word, common))
}

/// "aaaaaaaaaa", "abcabcabcabc", "1212121212": one short unit repeated.
fn is_repeated_unit(s: &str) -> bool {
    let n = s.len();
    (1..=n / 2).any(|unit| s.is_char_boundary(unit) && is_repeated_unit_of(s, &s[..unit]))
}

/// `s` is `unit` once or several times over ("sayangsayang").
fn is_repeated_unit_of(s: &str, unit: &str) -> bool {
    !s.is_empty()
        && !unit.is_empty()
        && s.len().is_multiple_of(unit.len())
        && s.as_bytes()
            .chunks(unit.len())
            .all(|c| c == unit.as_bytes())
}

/// "1234567890", "0987654321", "qwertyuiop", "lkjhgfdsa": a stretch of a run, either way.
fn is_walk(s: &str) -> bool {
    WALKS.iter().any(|walk| {
        let backwards: String = walk.chars().rev().collect();
        walk.contains(s) || backwards.contains(s)
    })
}
