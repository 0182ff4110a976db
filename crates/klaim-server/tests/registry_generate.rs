//! `registry generate`: deterministic, valid by klaim-core, the documented personas present, and
//! generate → CSV → import gives the same registry as a direct load (on SQLite, and on PostgreSQL
//! when KLAIM_TEST_POSTGRES_URL is set).

mod testdb;

use std::collections::HashSet;
use std::process::{Command, Output};

use klaim_core::{Date, NameMatch, Nik, Rupiah};
use klaim_server::registry::generate::population;
use klaim_server::registry::model::{EndReason, Membership, Month, Nationality, Person};
use klaim_server::registry::personas::PERSONAS;
use klaim_server::registry::{file, store};
use testdb::TestDb;

const BIN: &str = env!("CARGO_BIN_EXE_klaim-server");
/// In the past, so the binary (which checks dates against the real clock) accepts it.
const TODAY: &str = "2026-06-15";

fn today() -> Date {
    Date::parse_iso(TODAY).unwrap()
}

fn csv(people: &[Person]) -> Vec<u8> {
    let mut out = Vec::new();
    file::write(people, &mut out).unwrap();
    out
}

#[test]
fn the_same_seed_and_date_give_the_same_population() {
    let a = population(80, 42, today()).unwrap();
    let b = population(80, 42, today()).unwrap();
    assert_eq!(a, b);
    assert_eq!(csv(&a), csv(&b));
    let other_seed = population(80, 43, today()).unwrap();
    assert_ne!(csv(&a), csv(&other_seed));
    let other_day = population(80, 42, Date::parse_iso("2026-07-15").unwrap()).unwrap();
    assert_ne!(csv(&a), csv(&other_day));
    assert!(
        population(5, 1, today()).is_err(),
        "fewer than the personas"
    );
}

#[test]
fn every_generated_value_passes_the_import_checks_without_warnings() {
    let people = population(600, 7, today()).unwrap();
    let read = file::read(&csv(&people), today()).unwrap_or_else(|problems| {
        panic!(
            "{}",
            problems
                .iter()
                .map(|p| format!("{p}\n"))
                .collect::<String>()
        )
    });
    assert!(read.warnings.is_empty(), "{:?}", read.warnings);
    assert_eq!(read.people, people, "CSV round trip");

    let niks: HashSet<Nik> = people.iter().map(|p| p.nik).collect();
    assert_eq!(niks.len(), people.len(), "NIKs are unique");
    let provinces: HashSet<u8> = people.iter().map(|p| p.nik.province().code()).collect();
    assert!(provinces.len() >= 30, "only {} provinces", provinces.len());
    let names: HashSet<&str> = people.iter().map(|p| p.name.as_str()).collect();
    assert!(names.len() > 400, "only {} different names", names.len());
    for p in &people {
        assert!(
            p.nik
                .check_declared(p.birth_date, Some(p.sex), today())
                .is_empty()
        );
        assert!(!p.kpjs.is_empty());
        assert!(
            p.deceased_on.is_none() || !p.family.is_empty(),
            "the dead have heirs"
        );
    }
    for reason in [
        EndReason::StillActive,
        EndReason::Resigned,
        EndReason::Dismissed,
        EndReason::ContractEnded,
        EndReason::Retired,
        EndReason::Died,
    ] {
        assert!(
            people
                .iter()
                .flat_map(Person::employments)
                .any(|e| e.end_reason == reason),
            "nobody with {reason:?}"
        );
    }
}

fn persona(people: &[Person], index: usize) -> &Person {
    let nik = PERSONAS[index].nik;
    people.iter().find(|p| p.nik.as_str() == nik).unwrap()
}

fn last_job(p: &Person) -> &klaim_server::registry::model::Employment {
    p.employments().max_by_key(|e| e.started_on).unwrap()
}

fn days_since_end(p: &Person) -> i32 {
    last_job(p).ended_on.unwrap().days_until(today())
}

#[test]
fn the_personas_cover_every_path_the_claims_need() {
    let people = population(20, 1, today()).unwrap();
    let t = today();

    let rina = persona(&people, 0);
    assert_eq!(last_job(rina).end_reason, EndReason::Resigned);
    assert!(days_since_end(rina) > 31);
    assert_eq!(last_job(rina).membership, Membership::NonActive);

    let agus = persona(&people, 1);
    assert_eq!(last_job(agus).end_reason, EndReason::Resigned);
    assert!(days_since_end(agus) <= 7);

    // Dismissed with JKP: 12 of the 24 months before the PHK, the last 6 of them in a row.
    let hendra = persona(&people, 2);
    assert_eq!(last_job(hendra).end_reason, EndReason::Dismissed);
    let phk = Month::of(last_job(hendra).ended_on.unwrap());
    let jkp: HashSet<Month> = hendra.kpjs[0].jkp_months.iter().copied().collect();
    let before: Vec<Month> = Month::of(t.sub_months(25).unwrap())
        .through(Month::of(t.sub_months(1).unwrap()))
        .collect();
    assert!(before.iter().filter(|m| jkp.contains(m)).count() >= 12);
    let last_six = Month::of(t.sub_months(6).unwrap()).through(Month::of(t.sub_months(1).unwrap()));
    assert!(
        last_six
            .into_iter()
            .all(|m| jkp.contains(&m) && m < phk.next())
    );
    assert!(hendra.jkn_enrolled);

    let siti = persona(&people, 3);
    assert_eq!(last_job(siti).end_reason, EndReason::Dismissed);
    assert!(siti.kpjs.iter().all(|k| k.jkp_months.is_empty()) && !siti.jkn_enrolled);

    let bambang = persona(&people, 4);
    assert!(Date::years_between(bambang.birth_date, t) >= 56);
    assert!(bambang.kpjs[0].jp_months.len() < 180);

    assert!(persona(&people, 5).kpjs.len() >= 3);

    let made = persona(&people, 6);
    assert_eq!(last_job(made).end_reason, EndReason::StillActive);
    assert_eq!(last_job(made).membership, Membership::Active);

    assert!(persona(&people, 7).jht_total() > Rupiah::from_u64(50_000_000));

    let asep = persona(&people, 8);
    let account = &asep.bank_accounts[0];
    assert_eq!(account.holder.compare(&asep.name), NameMatch::Different);

    let ridwan = persona(&people, 9);
    assert!(ridwan.deceased_on.is_some());
    assert_eq!(last_job(ridwan).end_reason, EndReason::Died);
    assert!(ridwan.family.len() >= 3);

    assert_eq!(persona(&people, 10).nationality, Nationality::Wna);

    let putri = persona(&people, 11);
    assert_eq!(last_job(putri).end_reason, EndReason::ContractEnded);
    assert_eq!(putri.birth_date.to_iso(), "1996-02-29");
}

fn run(t: &TestDb, args: &[&str]) -> Output {
    let output = Command::new(BIN)
        .args(args)
        .arg("--data-dir")
        .arg(t.path("var"))
        .arg("--database-url")
        .arg(t.url.expose())
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

#[tokio::test]
async fn csv_then_import_gives_the_same_registry_as_a_direct_load() {
    let via_csv = TestDb::new("gen_csv").await;
    let direct = TestDb::new("gen_direct").await;
    let path = via_csv.path("population.csv");
    let path = path.to_str().unwrap();
    let options = ["--count", "60", "--seed", "9", "--today", TODAY];
    let mut generate_csv = vec!["registry", "generate", "--csv", path];
    generate_csv.extend(options);
    run(&via_csv, &generate_csv);
    run(&via_csv, &["registry", "import", path]);
    let mut generate = vec!["registry", "generate"];
    generate.extend(options);
    let out = run(&direct, &generate);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "imported 60 participants\n"
    );

    let a = store::load_all(&mut *via_csv.conn().await).await.unwrap();
    let b = store::load_all(&mut *direct.conn().await).await.unwrap();
    assert_eq!(a.len(), 60, "on {}", testdb::target());
    assert_eq!(a, b);
    let mut expected = population(60, 9, today()).unwrap();
    expected.sort_by_key(|p| p.nik);
    assert_eq!(
        a, expected,
        "what the database returns is what was generated"
    );

    // --if-empty leaves a loaded registry alone.
    let mut again = vec!["registry", "generate", "--if-empty"];
    again.extend(options);
    let out = run(&direct, &again);
    assert!(String::from_utf8_lossy(&out.stdout).contains("nothing generated"));
    assert_eq!(store::count(&mut *direct.conn().await).await.unwrap(), 60);
}

#[tokio::test]
async fn demo_lists_every_persona_with_what_to_try() {
    let t = TestDb::new("gen_demo").await;
    let out = run(&t, &["registry", "demo"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("none: load them"));
    run(
        &t,
        &["registry", "generate", "--count", "15", "--today", TODAY],
    );
    let out = run(&t, &["registry", "demo"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("15 in the registry"), "{text}");
    for persona in PERSONAS {
        assert!(
            text.contains(persona.nik),
            "{} missing:\n{text}",
            persona.nik
        );
        assert!(text.contains(persona.try_this), "{text}");
    }
    assert!(
        text.contains("KPJ 99060000006 + 99060000016 + 99060000026"),
        "{text}"
    );
}
