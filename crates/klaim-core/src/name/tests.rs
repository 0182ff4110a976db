use super::*;

fn check(input: &str, expect: &str) {
    let got = match PersonName::parse(input) {
        Ok(n) => format!("ok {} | {}", n.as_str(), n.normalized()),
        Err(e) => format!("err {}", e.code()),
    };
    assert_eq!(got, expect, "input: {input:?}");
}

#[test]
fn parse() {
    let long = "A".repeat(101);
    let cases = [
        ("Budi Santoso", "ok Budi Santoso | BUDI SANTOSO"),
        ("  budi \t  santoso\n", "ok budi santoso | BUDI SANTOSO"),
        (
            "Dr. H. Ahmad Fauzi, S.E.",
            "ok Dr. H. Ahmad Fauzi, S.E. | AHMAD FAUZI",
        ),
        ("Ni Luh Putu Ayu", "ok Ni Luh Putu Ayu | NI LUH PUTU AYU"),
        ("Ma’ruf", "ok Ma’ruf | MARUF"),
        ("Siti Nur-Aini", "ok Siti Nur-Aini | SITI NUR AINI"),
        ("Zoë Ménard", "ok Zoë Ménard | ZOE MENARD"),
        ("Soekarno", "ok Soekarno | SOEKARNO"),
        ("A", "ok A | A"),
        (&"A".repeat(100), &format!("ok {0} | {0}", "A".repeat(100))),
        ("", "err name.empty"),
        ("  \t ", "err name.empty"),
        ("Budi 2", "err name.digits"),
        ("B0di", "err name.digits"),
        ("Budi@Santoso", "err name.character"),
        ("Budi_Santoso", "err name.character"),
        ("Budi 😀", "err name.character"),
        ("محمد", "err name.character"),
        ("王小明", "err name.character"),
        ("Budi × Santoso", "err name.character"),
        ("Budi/Santoso", "err name.character"),
        (". -", "err name.no_letters"),
        ("'", "err name.no_letters"),
        ("\u{301}", "err name.no_letters"),
        ("Jose\u{301}", "ok Jose\u{301} | JOSE"),
        (&long, "err name.too_long"),
    ];
    for (input, expect) in cases {
        check(input, expect);
    }
}

#[test]
fn character_error_names_the_character() {
    let e = PersonName::parse("Budi@Santoso").unwrap_err();
    assert_eq!(e, NameError::Character { ch: '@' });
    assert!(e.message(Lang::Id).contains("“@”") && e.message(Lang::Id).contains("KTP"));
}

fn check_compare(a: &str, b: &str, expect: NameMatch) {
    let (na, nb) = (PersonName::parse(a).unwrap(), PersonName::parse(b).unwrap());
    assert_eq!(na.compare(&nb), expect, "{a:?} vs {b:?}");
    assert_eq!(nb.compare(&na), expect, "{b:?} vs {a:?} (symmetry)");
}

#[test]
fn compare() {
    use NameMatch::*;
    let cases = [
        ("Budi Santoso", "Budi  Santoso", Same),
        ("Budi Santoso", "BUDI SANTOSO", Equivalent),
        ("Dr. H. Ahmad Fauzi, S.E.", "AHMAD FAUZI", Equivalent),
        ("Hj. Siti Aminah, S.Pd.", "SITI AMINAH", Equivalent),
        ("Ma'ruf Amin", "MARUF AMIN", Equivalent),
        ("Nur-Aini", "Nur Aini", Equivalent),
        ("José Gonçalves", "JOSE GONCALVES", Equivalent),
        ("M. Yusuf", "Muhammad Yusuf", Similar),
        ("MUH RIZKY", "MUHAMMAD RIZKY", Similar),
        ("Moh. Rizky", "Mohammad Rizky", Similar),
        ("Mochamad Rizky", "Muhammad Rizky", Similar),
        ("Siti Aminah", "Siti Nur Aminah", Similar),
        ("Budi Santoso", "Budi S", Similar),
        ("Budi Santoso", "Budi Santosa", Similar),
        ("Wahyudi Santoso", "Wahydui Santoso", Similar),
        ("Soekarno", "Sukarno", Similar),
        ("Djoko Susilo", "Joko Susilo", Similar),
        ("Abdullah Hasan", "Abdulah Hasan", Similar),
        ("Nuraini Putri", "Nur Aini Putri", Similar),
        (
            "Siti Nurhaliza Binti Abdul Rahman",
            "SITI NURHALIZA BINTI ABD",
            Similar,
        ),
        (
            "Siti Nurhaliza Binti Abdul Rahman",
            "SITI NURHALIZA BINTI ABDUL RAH",
            Similar,
        ),
        ("Budi Santoso", "Budi", Different),
        ("Ahmad Fauzi", "Ahmad Fauzi Rahman", Different),
        ("Ani", "Ana", Different),
        ("Rina Wati", "Rini Wati", Different),
        ("Budi Santoso", "Agus Santoso", Different),
        ("Budi Santoso", "Santoso Budi", Different),
        ("Budi Santoso", "B S", Different),
        ("A", "Ahmad", Different),
        ("Ahmad Fauzi SE", "Ahmad Fauzi", Different),
        ("Siti Aminah", "Siti Nur Aminah Putri", Different),
        ("Budi Santoso", "Budi Hartono", Different),
    ];
    for (a, b, expect) in cases {
        check_compare(a, b, expect);
    }
}

#[test]
fn masked_and_serde() {
    let n = PersonName::parse("Budi Santoso").unwrap();
    assert_eq!(format!("{n:?}"), "PersonName(B*** S******)");
    assert_eq!(serde_json::to_string(&n).unwrap(), "\"Budi Santoso\"");
    assert_eq!(
        serde_json::from_str::<PersonName>("\"  Budi   Santoso \"").unwrap(),
        n
    );
    assert!(serde_json::from_str::<PersonName>("\"Budi 2\"").is_err());
}
