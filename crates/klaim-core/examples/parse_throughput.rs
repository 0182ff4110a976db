//! Parse throughput of klaim-core's identifiers, for `cargo xtask bench` (which runs this with
//! `--profile server` and reads the JSON it prints). A mix of valid and broken inputs per parser,
//! because people mistype as often as not.

use std::hint::black_box;
use std::time::{Duration, Instant};

use klaim_core::bank::{Bank, BankAccount};
use klaim_core::date::Date;
use klaim_core::email::Email;
use klaim_core::forms::membership::{MembershipCheckInput, check_membership};
use klaim_core::kpj::Kpj;
use klaim_core::name::PersonName;
use klaim_core::nik::Nik;
use klaim_core::npwp::Npwp;
use klaim_core::phone::PhoneNumber;
use klaim_core::rupiah::Rupiah;

/// Runs `f` over `inputs` repeatedly for about `budget`, returning parses per second.
fn measure(inputs: &[&str], budget: Duration, f: impl Fn(&str) -> bool) -> (f64, u64) {
    let start = Instant::now();
    let mut parses = 0u64;
    while start.elapsed() < budget {
        for input in inputs {
            black_box(f(black_box(input)));
        }
        parses += inputs.len() as u64;
    }
    (parses as f64 / start.elapsed().as_secs_f64(), parses)
}

fn main() {
    let budget = Duration::from_millis(400);
    let today = Date::new(2026, 11, 24).expect("a real date");
    let mut rows = Vec::new();
    let mut row = |name: &str, (per_second, parses): (f64, u64)| {
        rows.push(format!(
            r#""{name}": {{ "per_second": {per_second:.0}, "parses": {parses} }}"#
        ));
    };

    row(
        "nik",
        measure(
            &[
                "3273015203900007",
                "3273 0152 0390 0007",
                "3273013203900007",
                "12345",
                "9973015203900007",
            ],
            budget,
            |s| Nik::parse(s).is_ok(),
        ),
    );
    row(
        "kpj",
        measure(
            &["12345678901", "123-456-789-01", "123456789012", "12ab"],
            budget,
            |s| Kpj::parse(s).is_ok(),
        ),
    );
    row(
        "npwp",
        measure(
            &[
                "09.254.294.3-407.000",
                "3273015203900007",
                "012345678901234",
            ],
            budget,
            |s| Npwp::parse(s).is_ok(),
        ),
    );
    row(
        "phone",
        measure(
            &[
                "0812-3456-7890",
                "+62 812 3456 7890",
                "021 555 1234",
                "6281234567",
            ],
            budget,
            |s| PhoneNumber::parse(s).is_ok(),
        ),
    );
    row(
        "email",
        measure(
            &["siti.rahayu@example.co.id", "siti@", "budi@mail"],
            budget,
            |s| Email::parse(s).is_ok(),
        ),
    );
    row(
        "person_name",
        measure(
            &["Dr. H. Ahmad Fauzi, S.E.", "Siti Rahayu", "B0di"],
            budget,
            |s| PersonName::parse(s).is_ok(),
        ),
    );
    row(
        "bank_account",
        measure(&["1234567890", "1234-5678-90", "12"], budget, |s| {
            BankAccount::parse(Bank::all()[5], s).is_ok()
        }),
    );
    row(
        "rupiah",
        measure(
            &["Rp 1.250.000", "1250000", "Rp1.250.000,00", "-5"],
            budget,
            |s| Rupiah::parse(s).is_ok(),
        ),
    );
    let form = MembershipCheckInput {
        full_name: "Siti Rahayu".into(),
        nik: "3273015203900007".into(),
        kpj: "12345678901".into(),
        birth_day: "12".into(),
        birth_month: "3".into(),
        birth_year: "1990".into(),
        phone: "0812-3456-7890".into(),
    };
    row(
        "membership_form",
        measure(&[""], budget, |_| check_membership(&form, today).is_ok()),
    );

    println!("{{ {} }}", rows.join(", "));
}
