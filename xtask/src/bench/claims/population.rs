//! The generated registry as the bench reads it back from the CSV the server wrote
//! (docs/registry-csv.md): who can sign up (alive, with a phone or e-mail address for the code),
//! with what, and which bank accounts the bank stand-in knows in their name.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, bail};
use klaim_core::{Bank, BankAccount, Date, NameMatch, PersonName};

/// One registry participant.
#[derive(Clone, Debug)]
pub struct Person {
    pub nik: String,
    pub full_name: String,
    pub birth_date: Date,
    /// The first KPJ on file: what the registration form asks for.
    pub kpj: String,
    pub deceased: bool,
    /// A phone number or e-mail address: without one no code can be sent.
    pub has_contact: bool,
    /// Accounts held in the person's own name, as the bank inquiry would find them.
    pub own_accounts: Vec<OwnAccount>,
}

/// A bank account and its holder's name as the bank has it (the same person, maybe written
/// differently).
#[derive(Clone, Debug)]
pub struct OwnAccount {
    pub account: BankAccount,
    pub holder: PersonName,
}

/// Every participant in the file, in file order.
pub fn read(csv: &Path) -> anyhow::Result<Vec<Person>> {
    let text = std::fs::read_to_string(csv).with_context(|| format!("read {}", csv.display()))?;
    let mut people: Vec<Person> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    // Bank lines may come before their participant line: kept until the end.
    let mut banks: Vec<(String, String, String, String)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields = fields(line).with_context(|| format!("{} line {}", csv.display(), n + 1))?;
        let field = |i: usize| fields.get(i).map(String::as_str).unwrap_or_default();
        match field(0) {
            "participant" => {
                let birth_date = Date::parse_iso(field(3))
                    .map_err(|_| anyhow::anyhow!("line {}: birth_date", n + 1))?;
                index.insert(field(1).to_owned(), people.len());
                people.push(Person {
                    nik: field(1).to_owned(),
                    full_name: field(2).to_owned(),
                    birth_date,
                    kpj: String::new(),
                    deceased: !field(6).is_empty(),
                    has_contact: !field(7).is_empty() || !field(8).is_empty(),
                    own_accounts: Vec::new(),
                });
            }
            "kpj" => {
                let person = index
                    .get(field(1))
                    .with_context(|| format!("line {}: kpj before its participant", n + 1))?;
                let person = &mut people[*person];
                if person.kpj.is_empty() {
                    person.kpj = field(2).to_owned();
                }
            }
            "bank" => banks.push((
                field(1).to_owned(),
                field(2).to_owned(),
                field(3).to_owned(),
                field(4).to_owned(),
            )),
            _ => {}
        }
    }
    for (nik, code, number, holder) in banks {
        let Some(&i) = index.get(&nik) else { continue };
        let person = &mut people[i];
        let (Some(bank), Ok(holder), Ok(name)) = (
            Bank::from_code(&code),
            PersonName::parse(&holder),
            PersonName::parse(&person.full_name),
        ) else {
            continue;
        };
        // The gate the server applies: Same or Equivalent.
        let own = matches!(
            name.compare(&holder),
            NameMatch::Same | NameMatch::Equivalent
        );
        if own && let Ok(account) = BankAccount::parse(bank, &number) {
            person.own_accounts.push(OwnAccount { account, holder });
        }
    }
    if people.is_empty() {
        bail!("{} has no participant line", csv.display());
    }
    Ok(people)
}

/// The fields of one CSV line, RFC 4180 quoting (a quote inside quotes is doubled).
fn fields(line: &str) -> anyhow::Result<Vec<String>> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => out.push(std::mem::take(&mut field).trim().to_owned()),
            (false, c) => field.push(c),
        }
    }
    if quoted {
        bail!("an unclosed quote");
    }
    out.push(field.trim().to_owned());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_quoted_fields() {
        assert_eq!(
            fields(r#"participant,3578102505850002,"Budi Santoso, S.E.",1985-05-25,"a ""b""",,"#)
                .unwrap(),
            [
                "participant",
                "3578102505850002",
                "Budi Santoso, S.E.",
                "1985-05-25",
                "a \"b\"",
                "",
                ""
            ]
        );
        assert!(fields(r#"a,"b"#).is_err());
    }

    #[test]
    fn reads_people_with_their_own_accounts() {
        let dir = std::env::temp_dir().join(format!("klaim-population-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let csv = dir.join("registry.csv");
        std::fs::write(
            &csv,
            "# comment\n\
             bank,3201015708900001,014,1234567890,DEWI KARTIKA PUTRI\n\
             participant,3201015708900001,Dewi Kartika Putri,1990-08-17,female,WNI,,0812-3456-7890,,yes\n\
             kpj,3201015708900001,12345678901,15250000,2026-05-31\n\
             kpj,3201015708900001,12345678902,0,2026-05-31\n\
             bank,3201015708900001,002,002301000123505,SRI WAHYUNI\n\
             participant,3578102505850002,\"Budi Santoso, S.E.\",1985-05-25,male,WNI,2026-01-02,,,no\n",
        )
        .unwrap();
        let people = read(&csv).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(people.len(), 2);
        let dewi = &people[0];
        assert_eq!(dewi.kpj, "12345678901");
        assert!(dewi.has_contact && !dewi.deceased);
        assert_eq!(
            dewi.own_accounts.len(),
            1,
            "the account in another's name is not hers"
        );
        assert_eq!(dewi.own_accounts[0].account.number(), "1234567890");
        let budi = &people[1];
        assert_eq!(budi.full_name, "Budi Santoso, S.E.");
        assert!(budi.deceased && !budi.has_contact);
    }
}
