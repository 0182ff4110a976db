//! Grading how closely two written names denote the same person.
//!
//! Used to compare a bank account holder's name (from the bank's inquiry) with the registered
//! name. Deliberately conservative: only `Same` and `Equivalent` may be accepted without a person
//! looking; `Similar` means "probably the same person, ask someone to confirm"; anything else is
//! `Different`.

use serde::{Deserialize, Serialize};

use super::PersonName;
use super::normalize::words;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameMatch {
    /// Character for character the same (after trimming and collapsing spaces).
    Same,
    /// Equal after normalisation: case, accents, spacing, punctuation, titles and degrees
    /// ("Dr. H. Ahmad Fauzi, S.E." and "AHMAD FAUZI"). Safe to accept.
    Equivalent,
    /// Differs in one small, common way: Muhammad abbreviated (M, MUH, MOH, MOCH…) or spelled
    /// differently; an initial for one word of a name of two or more words; one middle word more
    /// or less; one typo in a word of five or more letters; old spelling (OE/U, DJ/J, TJ/C, SJ/SY,
    /// CH/KH, NJ/NY) or doubled letters; words run together ("NURAINI"/"NUR AINI"); or one name
    /// cut off after at least 20 characters, as bank systems do. Needs a person to confirm.
    Similar,
    /// Anything else. Treat as a mismatch.
    Different,
}

/// Spellings and abbreviations of Muhammad that Indonesian documents use interchangeably.
const MUHAMMAD: &[&str] = &[
    "MUHAMMAD",
    "MUHAMAD",
    "MUHAMMED",
    "MUHAMED",
    "MOHAMMAD",
    "MOHAMAD",
    "MOHAMMED",
    "MOHAMED",
    "MOCHAMMAD",
    "MOCHAMAD",
    "MOCHAMED",
    "MUCHAMMAD",
    "MUCHAMAD",
    "MOCH",
    "MOH",
    "MOHD",
    "MUH",
    "MUHD",
    "MHD",
    "MD",
    "M",
];

/// Shortest name (in characters) that may be a truncation of a longer one.
const MIN_TRUNCATED_CHARS: usize = 20;

pub(crate) fn compare(a: &PersonName, b: &PersonName) -> NameMatch {
    if a.as_str() == b.as_str() {
        return NameMatch::Same;
    }
    let (wa, wb) = (words(a.as_str()), words(b.as_str()));
    if wa == wb {
        return NameMatch::Equivalent;
    }
    if similar(&wa, &wb) {
        NameMatch::Similar
    } else {
        NameMatch::Different
    }
}

fn similar(a: &[String], b: &[String]) -> bool {
    if a.concat() == b.concat() {
        return true;
    }
    let (fa, fb): (Vec<String>, Vec<String>) = (
        a.iter().map(|w| old_spelling(w)).collect(),
        b.iter().map(|w| old_spelling(w)).collect(),
    );
    if fa == fb || truncated(&a.join(" "), &b.join(" ")) {
        return true;
    }
    if fa.len() == fb.len() {
        let differing: Vec<(&String, &String)> =
            fa.iter().zip(&fb).filter(|(x, y)| x != y).collect();
        return match differing.as_slice() {
            [(x, y)] => words_similar(x, y, fa.len()),
            _ => false,
        };
    }
    let (short, long) = if fa.len() < fb.len() {
        (&fa, &fb)
    } else {
        (&fb, &fa)
    };
    // One middle word more or less: never the first or last word, and at least two words left.
    long.len() == short.len() + 1
        && short.len() >= 2
        && (1..long.len() - 1).any(|skip| {
            long.iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, w)| w)
                .eq(short.iter())
        })
}

fn words_similar(x: &str, y: &str, word_count: usize) -> bool {
    let muhammad = |w: &str| MUHAMMAD.contains(&w) || MUHAMMAD.iter().any(|m| old_spelling(m) == w);
    if muhammad(x) && muhammad(y) {
        return true;
    }
    let initial = |i: &str, w: &str| i.chars().count() == 1 && w.starts_with(i);
    if word_count >= 2 && (initial(x, y) || initial(y, x)) {
        return true;
    }
    let long_enough = x.chars().count().min(y.chars().count()) >= 5;
    long_enough && x.chars().next() == y.chars().next() && one_edit(x, y)
}

/// Old (pre-1972) Indonesian spelling mapped to the current one, and doubled letters single.
fn old_spelling(word: &str) -> String {
    let modern = word
        .replace("OE", "U")
        .replace("DJ", "J")
        .replace("TJ", "C")
        .replace("SJ", "SY")
        .replace("NJ", "NY")
        .replace("CH", "KH");
    let mut out = String::with_capacity(modern.len());
    for c in modern.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

fn truncated(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    short.chars().count() >= MIN_TRUNCATED_CHARS && long.starts_with(short)
}

/// Exactly one substitution, insertion, deletion or swap of neighbours.
fn one_edit(x: &str, y: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
    let prefix = a.iter().zip(&b).take_while(|(p, q)| p == q).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(p, q)| p == q)
        .count();
    let (ra, rb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    match (ra.len(), rb.len()) {
        (1, 1) | (0, 1) | (1, 0) => true,
        (2, 2) => ra[0] == rb[1] && ra[1] == rb[0],
        _ => false,
    }
}
