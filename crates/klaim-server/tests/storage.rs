//! The storage layer: both migration folders make the same tables and columns, SQLite runs with
//! the promised settings, and migrating is repeatable. The live checks use SQLite always and
//! PostgreSQL when KLAIM_TEST_POSTGRES_URL is set.

mod testdb;

use std::collections::BTreeMap;
use std::path::Path;

use klaim_server::config::DatabaseUrl;
use klaim_server::db::{Backend, Db};
use sqlx::Row;
use testdb::TestDb;

/// table → [(column, not null)], in declaration order.
type Schema = BTreeMap<String, Vec<(String, bool)>>;

fn migrations(backend: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(backend);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Tables and columns as the statements declare them, in order: `CREATE TABLE` (constraint lines
/// skipped), then the `ALTER TABLE` forms the migrations use (add a column, rename a table, drop a
/// column's NOT NULL) and `DROP TABLE`.
fn declared(sql: &str) -> Schema {
    let mut schema = Schema::new();
    let mut table: Option<String> = None;
    for line in sql.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix("ALTER TABLE ") {
            let words: Vec<&str> = rest.trim_end_matches(';').split_whitespace().collect();
            let columns = schema
                .get_mut(words[0])
                .expect("ALTER TABLE of a known table");
            match words[1..] {
                ["ADD", "COLUMN", column, ..] => {
                    columns.push((column.to_owned(), line.contains("NOT NULL")));
                }
                ["ALTER", "COLUMN", column, "DROP", "NOT", "NULL"] => {
                    let found = columns.iter_mut().find(|(c, _)| c == column);
                    found.expect("a known column").1 = false;
                }
                ["RENAME", "TO", new_name] => {
                    let columns = schema.remove(words[0]).unwrap();
                    schema.insert(new_name.to_owned(), columns);
                }
                ["DROP", "CONSTRAINT", ..] | ["ADD", "CONSTRAINT", ..] => {}
                _ => panic!("the schema test does not read {line:?} yet"),
            }
        } else if let Some(rest) = line.strip_prefix("DROP TABLE ") {
            schema.remove(rest.trim_end_matches(';').trim());
        } else if let Some(rest) = line.strip_prefix("CREATE TABLE ") {
            let name = rest.split_whitespace().next().unwrap().to_owned();
            schema.insert(name.clone(), Vec::new());
            table = Some(name);
        } else if line.starts_with(");") {
            table = None;
        } else if let Some(t) = &table {
            let first = line.split_whitespace().next().unwrap_or_default();
            let constraint = ["PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "CONSTRAINT", "("]
                .iter()
                .any(|k| first.starts_with(k));
            let continuation = line.starts_with('\'') || line.starts_with("--") || line.is_empty();
            if !constraint && !continuation {
                let not_null = line.contains("NOT NULL") || line.contains("PRIMARY KEY");
                schema
                    .get_mut(t)
                    .unwrap()
                    .push((first.to_owned(), not_null));
            }
        }
    }
    schema
}

#[test]
fn both_migration_folders_declare_the_same_tables_and_columns() {
    let sqlite = declared(&migrations("sqlite"));
    let postgres = declared(&migrations("postgres"));
    assert!(sqlite.len() >= 7, "{sqlite:?}");
    assert_eq!(sqlite, postgres);
    let names = |dir: &str| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("migrations")
                .join(dir),
        )
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
        v.sort();
        v
    };
    assert_eq!(
        names("sqlite"),
        names("postgres"),
        "the same migration files in both"
    );
}

/// Tables and columns as the database reports them.
async fn live(db: &Db) -> Schema {
    let mut schema = Schema::new();
    let pool = db.pool();
    match db.backend() {
        Backend::Sqlite => {
            let tables: Vec<String> = sqlx::query_scalar(
                "SELECT name FROM sqlite_master WHERE type = 'table'
                 AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%' ORDER BY name",
            )
            .fetch_all(pool)
            .await
            .unwrap();
            for table in tables {
                let rows = sqlx::query(
                    "SELECT name, \"notnull\", pk FROM pragma_table_info($1) ORDER BY cid",
                )
                .bind(&table)
                .fetch_all(pool)
                .await
                .unwrap();
                let columns = rows
                    .iter()
                    .map(|r| {
                        let not_null =
                            r.get::<i64, _>("notnull") != 0 || r.get::<i64, _>("pk") != 0;
                        (r.get::<String, _>("name"), not_null)
                    })
                    .collect();
                schema.insert(table, columns);
            }
        }
        Backend::Postgres => {
            let rows = sqlx::query(
                "SELECT table_name::text AS t, column_name::text AS c, is_nullable::text AS n
                 FROM information_schema.columns
                 WHERE table_schema = 'public' AND table_name NOT LIKE '\\_sqlx%'
                 ORDER BY table_name, ordinal_position",
            )
            .fetch_all(pool)
            .await
            .unwrap();
            for r in rows {
                schema
                    .entry(r.get::<String, _>("t"))
                    .or_default()
                    .push((r.get("c"), r.get::<String, _>("n") == "NO"));
            }
        }
    }
    schema
}

#[tokio::test]
async fn the_live_schema_is_what_the_migrations_declare() {
    let t = TestDb::new("schema").await;
    let expected = declared(&migrations("postgres"));
    assert_eq!(live(&t.db).await, expected, "on {}", testdb::target());
    // And SQLite's, whichever database the suite runs on.
    let dir = tempdir("schema_sqlite");
    let sqlite = Db::open(&DatabaseUrl::sqlite_file(&dir.join("k.db")))
        .await
        .unwrap();
    assert_eq!(live(&sqlite).await, expected);
    sqlite.close().await;
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn sqlite_runs_with_wal_full_sync_foreign_keys_and_a_busy_timeout() {
    let dir = tempdir("pragmas");
    let url = DatabaseUrl::sqlite_file(&dir.join("nested dir/k.db"));
    std::fs::create_dir_all(dir.join("nested dir")).unwrap();
    let db = Db::open(&url).await.unwrap();
    assert_eq!(db.backend(), Backend::Sqlite);
    let mut conn = db.pool().acquire().await.unwrap();
    let pragma = |name: &'static str| format!("PRAGMA {name}");
    let mode: String = sqlx::query_scalar(sqlx::AssertSqlSafe(pragma("journal_mode")))
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(mode, "wal");
    for (name, value) in [
        ("synchronous", 2),
        ("foreign_keys", 1),
        ("busy_timeout", 5000),
    ] {
        let got: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(pragma(name)))
            .fetch_one(&mut *conn)
            .await
            .unwrap();
        assert_eq!(got, value, "PRAGMA {name}");
    }
    // Foreign keys are enforced: a KPJ for a participant that does not exist is refused.
    let orphan = sqlx::query(
        "INSERT INTO registry_kpj_numbers (participant_id, kpj, seq, jht_balance, jht_balance_on)
         VALUES ($1, $2, 1, 0, '2026-01-01')",
    )
    .bind(999_i64)
    .bind("12345678901")
    .execute(&mut *conn)
    .await;
    assert!(orphan.is_err());
    drop(conn);
    db.close().await;
    assert!(
        dir.join("nested dir/k.db").is_file(),
        "the file was created"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn opening_again_migrates_nothing_twice_and_keeps_the_data() {
    let t = TestDb::new("reopen").await;
    let people = klaim_server::registry::generate::population(
        20,
        3,
        klaim_core::Date::parse_iso("2026-06-15").unwrap(),
    )
    .unwrap();
    let mut tx = t.db.begin_write().await.unwrap();
    klaim_server::registry::store::insert(&mut tx, &people)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let again = Db::open(&t.url).await.unwrap();
    let mut conn = again.pool().acquire().await.unwrap();
    assert_eq!(
        klaim_server::registry::store::count(&mut conn)
            .await
            .unwrap(),
        20
    );
    drop(conn);
    again.close().await;
}

fn tempdir(tag: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("klaim-storage-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
