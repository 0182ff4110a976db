//! Normalising a name for comparison: what a bank, Dukcapil and a person may write differently
//! for the same name (case, accents, punctuation, spacing, honorifics, academic degrees).

use super::is_latin_letter;

/// Honorifics and titles written before a name (keys: uppercase, without dots). Removed only from
/// the front and only while another word remains. H./Hj. (haji/hajjah), KH (kiai haji), Alm./Almh.
/// (the late, on heirs' documents), medical and academic titles, forms of address.
const PREFIX_TITLES: &[&str] = &[
    "H",
    "HJ",
    "KH",
    "DR",
    "DRS",
    "DRA",
    "DRG",
    "IR",
    "PROF",
    "BPK",
    "BP",
    "BAPAK",
    "IBU",
    "SDR",
    "SDRI",
    "SDRA",
    "TN",
    "NY",
    "NN",
    "ALM",
    "ALMH",
    "ALMARHUM",
    "ALMARHUMAH",
];

/// Academic degrees written after a name (keys: uppercase, without dots). Removed only from the
/// end and only when written with dots ("S.E.") — "SE" alone might be part of a name.
const DEGREES: &[&str] = &[
    "SE", "SH", "SKOM", "ST", "SPD", "SPDI", "SSI", "SSOS", "SAG", "SKED", "SPSI", "SIP", "SAK",
    "SKM", "SFARM", "SP", "SPT", "SS", "STP", "SHI", "SEI", "SKEP", "SGZ", "STR", "SDS", "SSN",
    "SIKOM", "SHUT", "MM", "MSI", "MKOM", "MPD", "MH", "MT", "MSC", "MBA", "MAG", "MKES", "MHUM",
    "MAK", "MA", "MEC", "MENG", "AMD", "AMK", "AMDKEB", "AMDKEP", "BSC", "BA", "BENG", "PHD",
    "SPOG", "SPA", "SPB", "SPPD", "MKN",
];

/// Base letters of U+0100..=U+017F (Latin Extended-A), one per code point.
const EXTENDED_A: &str = "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

fn key(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The letter without its accent, uppercase; `None` for combining accents (dropped).
fn fold(c: char) -> Option<char> {
    let base = match c {
        '\u{300}'..='\u{36F}' => return None,
        'À'..='Å' | 'à'..='å' => 'A',
        'Ç' | 'ç' => 'C',
        'È'..='Ë' | 'è'..='ë' => 'E',
        'Ì'..='Ï' | 'ì'..='ï' => 'I',
        'Ð' | 'ð' => 'D',
        'Ñ' | 'ñ' => 'N',
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' => 'O',
        'Ù'..='Ü' | 'ù'..='ü' => 'U',
        'Ý' | 'ý' | 'ÿ' => 'Y',
        '\u{100}'..='\u{17F}' => {
            let i = usize::try_from(u32::from(c) - 0x100).unwrap_or(0);
            EXTENDED_A.chars().nth(i).unwrap_or(c)
        }
        _ => c,
    };
    base.to_uppercase().next()
}

/// Uppercase ASCII-folded words of a name with titles and degrees removed, joined by one space.
pub(crate) fn normalize(name: &str) -> String {
    words(name).join(" ")
}

/// The words of [`normalize`].
pub(crate) fn words(name: &str) -> Vec<String> {
    // Everything after a comma is degrees ("Ahmad Fauzi, S.E., M.M."), as on the KTP.
    let main = name
        .split(',')
        .find(|part| part.chars().any(is_latin_letter))
        .unwrap_or("");
    let mut raw: Vec<&str> = main.split_whitespace().collect();
    while raw.len() > 1
        && raw
            .last()
            .is_some_and(|w| w.contains('.') && DEGREES.contains(&key(w).as_str()))
    {
        raw.pop();
    }
    // Dots and hyphens separate words ("M.Yusuf", "Nur-Aini"); apostrophes join ("Ma'ruf").
    let mut words: Vec<String> = raw
        .iter()
        .flat_map(|w| w.split(['.', '-']))
        .map(|w| {
            w.chars()
                .filter(|c| !matches!(c, '\'' | '’' | '‘'))
                .filter_map(fold)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    while words.len() > 1 && PREFIX_TITLES.contains(&words[0].as_str()) {
        words.remove(0);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extended_a_table_covers_the_block() {
        assert_eq!(EXTENDED_A.chars().count(), 0x80);
        assert_eq!(fold('Ş'), Some('S'));
        assert_eq!(fold('ž'), Some('Z'));
        assert_eq!(fold('ł'), Some('L'));
        assert_eq!(fold('é'), Some('E'));
        assert_eq!(fold('\u{301}'), None);
    }

    #[test]
    fn normalize_cases() {
        let cases = [
            ("Dr. H. Ahmad Fauzi, S.E.", "AHMAD FAUZI"),
            ("AHMAD FAUZI", "AHMAD FAUZI"),
            ("ahmad   fauzi", "AHMAD FAUZI"),
            ("Hj. Siti Aminah, S.Pd., M.M.", "SITI AMINAH"),
            ("Ir. Bambang Susilo M.T.", "BAMBANG SUSILO"),
            ("Prof. Dr. Ir. Budi Santoso", "BUDI SANTOSO"),
            ("Bapak Budi", "BUDI"),
            ("Ny. Sri Wahyuni", "SRI WAHYUNI"),
            ("Alm. Joko Widodo", "JOKO WIDODO"),
            ("H Ahmad", "AHMAD"),
            ("H.Ahmad", "AHMAD"),
            ("M. Yusuf", "M YUSUF"),
            ("M.Yusuf", "M YUSUF"),
            ("Ma'ruf Amin", "MARUF AMIN"),
            ("Ma’ruf Amin", "MARUF AMIN"),
            ("Nur-Aini", "NUR AINI"),
            ("José Gonçalves", "JOSE GONCALVES"),
            ("Dr", "DR"),
            ("Ibu", "IBU"),
            ("Budi SE", "BUDI SE"),
            ("Budi, S.E.", "BUDI"),
        ];
        for (input, expect) in cases {
            assert_eq!(normalize(input), expect, "input: {input:?}");
        }
    }
}
