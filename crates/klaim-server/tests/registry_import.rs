//! `registry import` on SQLite, and on PostgreSQL when KLAIM_TEST_POSTGRES_URL is set: a good file
//! lands whole, every bad line is reported by line, column and code without echoing the value, and
//! a rejected or failing import leaves the database as it was.

mod testdb;

use std::process::Command;

use klaim_core::{Date, Nik, Rupiah};
use klaim_server::registry::model::{EndReason, Membership, Nationality, Relation};
use klaim_server::registry::{self, ImportError, file, store};
use testdb::TestDb;

const BIN: &str = env!("CARGO_BIN_EXE_klaim-server");

const GOOD: &str = "\
# two participants
participant,3201015708900001,Dewi Kartika Putri,1990-08-17,female,WNI,,0812-3456-7890,dewi@example.com,yes
kpj,3201015708900001,12345678901,Rp 15.250.000,2026-05-31
employment,12345678901,PT Contoh Sejahtera,2015-01-05,2026-03-31,resigned,non_active
wage,12345678901,2025-04..2026-03,Rp 5.000.000
jp,12345678901,2015-07..2026-03
jkp,12345678901,2021-02..2026-03
bank,3201015708900001,014,1234567890,DEWI KARTIKA PUTRI

participant,3578102505850002,\"Budi Santoso, S.E.\",1985-05-25,male,wna,,+62 813 1111 2222,,no
kpj,3578102505850002,22334455667,4500000,2026-05-31
kpj,3578102505850002,22334455668,1200000,2026-05-31
employment,22334455668,CV Maju,2010-01-04,,still_active,active
family,3578102505850002,spouse,Sri Wahyuni,3578104404870003,1987-04-04
";

/// Every line wrong in a different way (the comments are line 1 and 2).
const BAD: &str = "\
# line 1: a comment
participant,3201015708900001,Dewi Kartika Putri,1990-08-17,female,WNI,,,,yes
kpj,3201015708900001,123,15250000,2026-05-31
kpj,9999999999999999,12345678901,100,2026-05-31
kpj,3201015708900002,12345678902,100,2026-05-31
wage,55555555555,2026-01,5000000
participant,3201015708900001,Dewi Lagi,1990-08-17,female,WNI,,,,yes
bank,3201015708900001,999,1234567890,DEWI KARTIKA PUTRI
frobnicate,1,2
participant,3578102505850002,Budi 2,1985-05-25,male,WNI,,,,no
employment,12345678901,PT Contoh,2020-01-01,,resigned,non_active
jp,12345678901,2025-13
";

fn today() -> Date {
    Date::parse_iso("2026-06-15").unwrap()
}

fn nik(s: &str) -> Nik {
    Nik::parse(s).unwrap()
}

async fn count(t: &TestDb) -> i64 {
    store::count(&mut *t.conn().await).await.unwrap()
}

#[tokio::test]
async fn a_good_file_lands_whole_and_reads_back() {
    let t = TestDb::new("import_good").await;
    let imported = registry::import(&t.db, GOOD.as_bytes(), today())
        .await
        .unwrap();
    assert_eq!(imported.people, 2, "on {}", testdb::target());
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    assert_eq!(count(&t).await, 2);

    let mut conn = t.conn().await;
    let dewi = store::find_by_nik(&mut conn, &nik("3201015708900001"))
        .await
        .unwrap()
        .expect("Dewi is registered");
    assert_eq!(dewi.name.as_str(), "Dewi Kartika Putri");
    assert_eq!(dewi.birth_date.to_iso(), "1990-08-17");
    assert_eq!(dewi.phone.as_ref().unwrap().e164(), "+6281234567890");
    assert!(dewi.jkn_enrolled);
    let kpj = &dewi.kpjs[0];
    assert_eq!(kpj.jht_balance, Rupiah::from_u64(15_250_000));
    assert_eq!(kpj.employments[0].end_reason, EndReason::Resigned);
    assert_eq!(kpj.employments[0].membership, Membership::NonActive);
    assert_eq!(kpj.wages.len(), 12);
    assert_eq!(kpj.jp_months.len(), 129);
    assert_eq!(kpj.jkp_months.len(), 62);
    assert_eq!(dewi.bank_accounts[0].account.bank().code(), "014");

    let budi = store::find_by_nik(&mut conn, &nik("3578102505850002"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(budi.name.as_str(), "Budi Santoso, S.E.");
    assert_eq!(budi.nationality, Nationality::Wna);
    assert_eq!(budi.primary_kpj().unwrap().as_str(), "22334455667");
    assert_eq!(budi.kpjs[1].employments[0].ended_on, None);
    assert_eq!(budi.jht_total(), Rupiah::from_u64(5_700_000));
    assert_eq!(budi.family[0].relation, Relation::Spouse);
    assert_eq!(budi.email, None);

    let unknown = store::find_by_nik(&mut conn, &nik("3201015708900009"))
        .await
        .unwrap();
    assert!(unknown.is_none());
    let all = store::load_all(&mut conn).await.unwrap();
    let niks: Vec<&str> = all.iter().map(|p| p.nik.as_str()).collect();
    assert_eq!(niks, ["3201015708900001", "3578102505850002"]);
}

#[tokio::test]
async fn every_bad_line_is_reported_and_nothing_is_written() {
    let t = TestDb::new("import_bad").await;
    let Err(ImportError::Rejected(problems)) =
        registry::import(&t.db, BAD.as_bytes(), today()).await
    else {
        panic!("the bad file was accepted");
    };
    let found: Vec<(u64, Option<usize>, &str)> = problems
        .iter()
        .filter(|p| p.is_error())
        .map(|p| (p.line, p.column.map(|c| c.0), p.finding.code))
        .collect();
    let expected = [
        (3, Some(3), "kpj.too_short"),
        (4, Some(2), "nik.province"),
        (5, Some(2), "registry.unknown_nik"),
        (6, Some(2), "registry.unknown_kpj"),
        (7, Some(2), "registry.duplicate_nik"),
        (8, Some(3), "registry.choice"),
        (9, Some(1), "registry.unknown_record"),
        (10, Some(2), "registry.no_kpj"),
        (10, Some(3), "name.digits"),
        (11, Some(5), "registry.end_date_missing"),
        (12, Some(3), "registry.month"),
    ];
    assert_eq!(found, expected, "{problems:#?}");
    for problem in &problems {
        let text = problem.to_string();
        assert!(
            text.starts_with(&format!("line {}, column ", problem.line)),
            "{text}"
        );
        for secret in ["3201015708900001", "Dewi", "DEWI", "12345678901"] {
            assert!(!text.contains(secret), "the value is echoed: {text}");
        }
    }
    assert_eq!(count(&t).await, 0, "nothing was written");
}

#[tokio::test]
async fn a_file_clashing_with_the_registry_changes_nothing() {
    let t = TestDb::new("import_clash").await;
    registry::import(&t.db, GOOD.as_bytes(), today())
        .await
        .unwrap();
    // A new person first, then one who is registered already.
    let second = "\
participant,3204154811939004,Siti Aminah,1993-11-08,female,WNI,,,,yes
kpj,3204154811939004,33445566778,0,2026-05-31
participant,3201015708900001,Dewi Kartika Putri,1990-08-17,female,WNI,,,,yes
kpj,3201015708900001,44556677889,0,2026-05-31
kpj,3204154811939004,22334455668,0,2026-05-31
";
    let Err(ImportError::Rejected(problems)) =
        registry::import(&t.db, second.as_bytes(), today()).await
    else {
        panic!("a registered NIK was imported again");
    };
    let found: Vec<(u64, &str)> = problems.iter().map(|p| (p.line, p.finding.code)).collect();
    assert_eq!(
        found,
        [
            (3, "registry.nik_already_registered"),
            (5, "registry.kpj_already_registered")
        ]
    );
    let mut conn = t.conn().await;
    assert_eq!(store::count(&mut conn).await.unwrap(), 2);
    let siti = store::find_by_nik(&mut conn, &nik("3204154811939004")).await;
    assert!(
        siti.unwrap().is_none(),
        "the new person was not added either"
    );
}

#[tokio::test]
async fn a_failure_halfway_through_the_writes_rolls_everything_back() {
    let t = TestDb::new("import_rollback").await;
    let people = file::read(GOOD.as_bytes(), today()).unwrap().people;
    {
        let mut tx = t.db.begin_write().await.unwrap();
        store::insert(&mut tx, &people).await.unwrap();
        // The same people again: the unique NIK stops it after the first rows went in.
        let again = store::insert(&mut tx, &people).await;
        assert!(again.is_err(), "a second insert of the same NIKs succeeded");
        // Dropped without commit.
    }
    assert_eq!(count(&t).await, 0);
    // The database is still usable afterwards.
    registry::import(&t.db, GOOD.as_bytes(), today())
        .await
        .unwrap();
    assert_eq!(count(&t).await, 2);
}

#[tokio::test]
async fn warnings_do_not_stop_an_import() {
    let t = TestDb::new("import_warn").await;
    // The NIK says 17 August 1990; the registry says the 18th (a corrected record).
    let text = "\
participant,3201015708900001,Dewi Kartika Putri,1990-08-18,female,WNI,,,,yes
kpj,3201015708900001,1234567890123,0,2026-05-31
";
    let imported = registry::import(&t.db, text.as_bytes(), today())
        .await
        .unwrap();
    let codes: Vec<&str> = imported.warnings.iter().map(|w| w.finding.code).collect();
    assert_eq!(codes, ["nik.birth_date_differs", "kpj.unusual_length"]);
    assert!(
        imported.warnings[0]
            .to_string()
            .starts_with("warning: line 1, column 4")
    );
    assert_eq!(count(&t).await, 1);
}

#[tokio::test]
async fn spreadsheet_files_with_a_byte_order_mark_and_crlf_read_the_same() {
    let t = TestDb::new("import_bom").await;
    let windows = format!("\u{feff}{}", GOOD.replace('\n', "\r\n"));
    let imported = registry::import(&t.db, windows.as_bytes(), today())
        .await
        .unwrap();
    assert_eq!(imported.people, 2);
}

#[tokio::test]
async fn an_empty_or_unreadable_file_is_refused() {
    let t = TestDb::new("import_empty").await;
    for (bytes, code) in [
        (&b"# only a comment\n\n"[..], "registry.empty_file"),
        // An unclosed quote swallows the rest of the file into one cell.
        (
            &b"participant,\"unclosed\nkpj,1,2\n"[..],
            "registry.field_count",
        ),
        (&b"participant,\xff\xfe,x\n"[..], "registry.csv"),
    ] {
        let Err(ImportError::Rejected(problems)) = registry::import(&t.db, bytes, today()).await
        else {
            panic!("accepted {bytes:?}");
        };
        assert_eq!(problems[0].finding.code, code, "{bytes:?}");
    }
    assert_eq!(count(&t).await, 0);
}

#[tokio::test]
async fn the_command_reports_bad_lines_on_stderr_and_fails() {
    let t = TestDb::new("import_cli").await;
    let bad = t.path("bad.csv");
    std::fs::write(&bad, BAD).unwrap();
    let output = command(&t, &["registry", "import"])
        .arg(&bad)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "line 5, column 2 (nik): registry.unknown_nik — Tidak ada baris participant dengan NIK ini di berkas"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("the file was not imported: 11 problem(s)"),
        "{stderr}"
    );
    assert!(!stderr.contains("3201015708900001"), "{stderr}");
    assert_eq!(count(&t).await, 0);

    let good = t.path("good.csv");
    std::fs::write(&good, GOOD).unwrap();
    let output = command(&t, &["registry", "import"])
        .arg(&good)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "imported 2 participants\n"
    );
    assert_eq!(count(&t).await, 2);
}

/// The binary with this test's database and a scratch data directory.
fn command(t: &TestDb, args: &[&str]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .arg("--data-dir")
        .arg(t.path("var"))
        .arg("--database-url")
        .arg(t.url.expose())
        .env_remove("DATABASE_URL")
        .env_remove("KLAIM_DOCUMENTS");
    cmd
}

#[tokio::test]
async fn the_documented_example_imports_and_the_personas_are_documented() {
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/registry-csv.md"),
    )
    .unwrap();
    let example = doc
        .split("```csv\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("docs/registry-csv.md has a csv example");
    let t = TestDb::new("import_doc").await;
    let imported = registry::import(&t.db, example.as_bytes(), today())
        .await
        .unwrap();
    assert_eq!(imported.people, 2);
    for persona in klaim_server::registry::personas::PERSONAS {
        assert!(
            doc.contains(persona.nik),
            "{} is not documented",
            persona.nik
        );
    }
}
