//! Multi-row `INSERT`s: one statement per few hundred rows instead of one round trip per row,
//! which keeps an import of a hundred thousand rows quick on PostgreSQL too.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AssertSqlSafe};

/// One value to bind. Only what `Any` carries the same way on both databases.
#[derive(Clone, Debug)]
pub enum Value {
    Int(i64),
    Text(String),
    OptText(Option<String>),
}

impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::Int(v)
    }
}

impl From<String> for Value {
    fn from(v: String) -> Value {
        Value::Text(v)
    }
}

impl From<&str> for Value {
    fn from(v: &str) -> Value {
        Value::Text(v.to_owned())
    }
}

impl From<Option<String>> for Value {
    fn from(v: Option<String>) -> Value {
        Value::OptText(v)
    }
}

/// Bound values per statement; SQLite allows 32766 and PostgreSQL 65535.
const MAX_VALUES: usize = 20_000;
/// Rows per statement, whatever their width: longer statements stop paying off.
const MAX_ROWS: usize = 500;

/// Inserts `rows` into `table` and returns the `returning` columns of every row, in order of the
/// statements (within one statement PostgreSQL does not promise an order: return a key with them).
///
/// `table`, `columns` and `returning` are identifiers from the code, never from input.
pub async fn insert(
    conn: &mut AnyConnection,
    table: &'static str,
    columns: &[&'static str],
    rows: Vec<Vec<Value>>,
    returning: &[&'static str],
) -> Result<Vec<AnyRow>, sqlx::Error> {
    let width = columns.len();
    assert!(width > 0, "an insert needs columns");
    let per_statement = (MAX_VALUES / width).clamp(1, MAX_ROWS);
    let mut out = Vec::new();
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<Vec<Value>> = rows.by_ref().take(per_statement).collect();
        let sql = statement(table, columns, chunk.len(), returning);
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for row in chunk {
            assert_eq!(
                row.len(),
                width,
                "row width differs from the columns of {table}"
            );
            for value in row {
                query = match value {
                    Value::Int(v) => query.bind(v),
                    Value::Text(v) => query.bind(v),
                    Value::OptText(v) => query.bind(v),
                };
            }
        }
        if returning.is_empty() {
            query.execute(&mut *conn).await?;
        } else {
            out.extend(query.fetch_all(&mut *conn).await?);
        }
    }
    Ok(out)
}

/// `INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4) RETURNING id`.
fn statement(table: &str, columns: &[&str], rows: usize, returning: &[&str]) -> String {
    let width = columns.len();
    let mut sql = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
    for row in 0..rows {
        if row > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for col in 0..width {
            if col > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!("${}", row * width + col + 1));
        }
        sql.push(')');
    }
    if !returning.is_empty() {
        sql.push_str(" RETURNING ");
        sql.push_str(&returning.join(", "));
    }
    sql
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_placeholders_across_rows() {
        assert_eq!(
            statement("t", &["a", "b"], 2, &["id", "a"]),
            "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4) RETURNING id, a"
        );
        assert_eq!(
            statement("t", &["a"], 1, &[]),
            "INSERT INTO t (a) VALUES ($1)"
        );
    }
}
