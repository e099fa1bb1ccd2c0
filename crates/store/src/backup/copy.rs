//! Copying a table row for row between two databases of either engine, and the checksum
//! that proves two copies hold the same rows.

use super::catalog::{Kind, Table};
use crate::{Conn, Result, StoreError};
use futures_util::TryStreamExt;
use sha2::{Digest, Sha256};

/// One stored value, as both engines can give it back.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Null,
    Int(i64),
    Bool(bool),
    Text(String),
    Bytes(Vec<u8>),
}

impl Value {
    /// The value as a column of `kind` takes it: SQLite's booleans are 0 and 1.
    fn into_kind(self, kind: Kind, table: &str, column: &str) -> Result<Value> {
        Ok(match (self, kind) {
            (Value::Int(n), Kind::Bool) => Value::Bool(n != 0),
            (Value::Bool(b), Kind::Int) => Value::Int(i64::from(b)),
            (v @ Value::Null, _)
            | (v @ Value::Int(_), Kind::Int)
            | (v @ Value::Bool(_), Kind::Bool)
            | (v @ Value::Text(_), Kind::Text)
            | (v @ Value::Bytes(_), Kind::Bytes) => v,
            (v, kind) => {
                return Err(StoreError::Backup(format!(
                    "{table}.{column}: a {v:?} cannot go into a {kind:?} column"
                )));
            }
        })
    }

    /// Feeds the checksum: a tag and the value, lengths first, so that no two different
    /// rows feed the same bytes. A boolean counts as 0 or 1, as SQLite stores it, so that
    /// a table has the same checksum on both engines.
    fn feed(&self, hash: &mut Sha256) {
        match self {
            Value::Null => hash.update([0]),
            Value::Int(n) => {
                hash.update([1]);
                hash.update(n.to_be_bytes());
            }
            Value::Bool(b) => {
                hash.update([1]);
                hash.update(i64::from(*b).to_be_bytes());
            }
            Value::Text(s) => {
                hash.update([2]);
                hash.update((s.len() as u64).to_be_bytes());
                hash.update(s.as_bytes());
            }
            Value::Bytes(b) => {
                hash.update([3]);
                hash.update((b.len() as u64).to_be_bytes());
                hash.update(b);
            }
        }
    }
}

/// Reads the row's columns by the source's kinds.
fn read_row<R>(row: &R, kinds: &[Kind]) -> Result<Vec<Value>>
where
    R: sqlx::Row,
    usize: sqlx::ColumnIndex<R>,
    for<'r> Option<i64>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> Option<bool>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> Option<String>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> Option<Vec<u8>>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    kinds
        .iter()
        .enumerate()
        .map(|(i, kind)| {
            Ok(match kind {
                Kind::Int => row.try_get::<Option<i64>, _>(i)?.map(Value::Int),
                Kind::Bool => row.try_get::<Option<bool>, _>(i)?.map(Value::Bool),
                Kind::Text => row.try_get::<Option<String>, _>(i)?.map(Value::Text),
                Kind::Bytes => row.try_get::<Option<Vec<u8>>, _>(i)?.map(Value::Bytes),
            }
            .unwrap_or(Value::Null))
        })
        .collect()
}

/// Binds a value to a query of either engine, a NULL with its column's type (PostgreSQL
/// wants one). A macro because each engine's query is its own type.
macro_rules! bind_value {
    ($query:expr, $value:expr, $kind:expr) => {
        match ($value, $kind) {
            (Value::Null, Kind::Int) => $query.bind(None::<i64>),
            (Value::Null, Kind::Bool) => $query.bind(None::<bool>),
            (Value::Null, Kind::Text) => $query.bind(None::<String>),
            (Value::Null, Kind::Bytes) => $query.bind(None::<Vec<u8>>),
            (Value::Int(n), _) => $query.bind(n),
            (Value::Bool(b), _) => $query.bind(b),
            (Value::Text(s), _) => $query.bind(s),
            (Value::Bytes(b), _) => $query.bind(b),
        }
    };
}

/// `SELECT columns FROM table ORDER BY key`: text keys in byte order on both engines, so
/// that two copies are read in the same order (a table without a key, by every column).
fn select_sql(conn: &Conn<'_>, table: &Table, columns: &[&str]) -> String {
    let order: Vec<&str> = if table.key.is_empty() {
        columns.to_vec()
    } else {
        table.key.iter().map(String::as_str).collect()
    };
    let order: Vec<String> = order
        .iter()
        .map(|c| match (conn, table.column(c).map(|c| c.kind)) {
            (Conn::Postgres(_), Some(Kind::Text)) => format!("{c} COLLATE \"C\""),
            _ => (*c).to_owned(),
        })
        .collect();
    format!(
        "SELECT {} FROM {} ORDER BY {}",
        columns.join(", "),
        table.name,
        order.join(", ")
    )
}

/// Copies every row of `from` (on `source`) into `to` (on `target`), in key order and in
/// multi-row inserts. The two tables must have the same columns, by name; their kinds
/// may differ as the engines do. Returns the number of rows copied.
pub(crate) async fn table(
    source: &mut Conn<'_>,
    from: &Table,
    target: &mut Conn<'_>,
    to: &Table,
) -> Result<u64> {
    let columns: Vec<&str> = to.columns.iter().map(|c| c.name.as_str()).collect();
    let mut from_kinds = Vec::with_capacity(columns.len());
    for name in &columns {
        let column = from.column(name).ok_or_else(|| {
            StoreError::Backup(format!(
                "{}.{name} is missing from the copy's source",
                to.name
            ))
        })?;
        from_kinds.push(column.kind);
    }
    if let Some(extra) = from.columns.iter().find(|c| to.column(&c.name).is_none()) {
        return Err(StoreError::Backup(format!(
            "{}.{} has no place in the database restored into",
            from.name, extra.name
        )));
    }
    let to_kinds: Vec<Kind> = to.columns.iter().map(|c| c.kind).collect();
    // Self-references go in at the end (see `Table::self_references`): NULL first.
    let later: Vec<usize> = to
        .self_references
        .iter()
        .filter_map(|name| columns.iter().position(|c| c == name))
        .collect();
    let per_insert = (30_000 / columns.len().max(1)).clamp(1, 500);
    let select = select_sql(source, from, &columns);

    let mut copied = 0u64;
    let mut batch: Vec<Vec<Value>> = Vec::with_capacity(per_insert);
    let mut filled_later: Vec<(Vec<Value>, Vec<Value>)> = Vec::new();
    on_tx!(source, c => {
        let mut rows = sqlx::query(sqlx::AssertSqlSafe(select.as_str())).fetch(&mut *c);
        while let Some(row) = rows.try_next().await? {
            let mut values = Vec::with_capacity(columns.len());
            for ((value, kind), name) in read_row(&row, &from_kinds)?.into_iter().zip(&to_kinds).zip(&columns) {
                values.push(value.into_kind(*kind, &to.name, name)?);
            }
            if !later.is_empty() {
                let key = key_values(to, &columns, &values);
                let refs: Vec<Value> = later.iter().map(|&i| std::mem::replace(&mut values[i], Value::Null)).collect();
                if refs.iter().any(|v| *v != Value::Null) {
                    filled_later.push((key, refs));
                }
            }
            batch.push(values);
            if batch.len() == per_insert {
                copied += insert(target, to, &columns, std::mem::take(&mut batch)).await?;
            }
        }
    });
    if !batch.is_empty() {
        copied += insert(target, to, &columns, batch).await?;
    }
    for (key, refs) in filled_later {
        fill_references(target, to, &columns, &later, key, refs).await?;
    }
    move_identity_past(target, to).await?;
    Ok(copied)
}

fn key_values(table: &Table, columns: &[&str], values: &[Value]) -> Vec<Value> {
    table
        .key
        .iter()
        .filter_map(|k| columns.iter().position(|c| c == k))
        .map(|i| values[i].clone())
        .collect()
}

fn placeholders(target: &Conn<'_>, first: usize, n: usize) -> Vec<String> {
    (first..first + n)
        .map(|i| match target {
            Conn::Sqlite(_) => "?".to_owned(),
            Conn::Postgres(_) => format!("${i}"),
        })
        .collect()
}

async fn insert(
    target: &mut Conn<'_>,
    to: &Table,
    columns: &[&str],
    rows: Vec<Vec<Value>>,
) -> Result<u64> {
    let n = columns.len();
    let values: Vec<String> = (0..rows.len())
        .map(|r| format!("({})", placeholders(target, r * n + 1, n).join(", ")))
        .collect();
    let overriding = match target {
        Conn::Postgres(_) if to.columns.iter().any(|c| c.identity) => " OVERRIDING SYSTEM VALUE",
        _ => "",
    };
    let sql = format!(
        "INSERT INTO {} ({}){overriding} VALUES {}",
        to.name,
        columns.join(", "),
        values.join(", ")
    );
    let kinds: Vec<Kind> = to.columns.iter().map(|c| c.kind).collect();
    on_tx!(target, c => {
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()));
        for row in rows {
            for (value, kind) in row.into_iter().zip(&kinds) {
                query = bind_value!(query, value, *kind);
            }
        }
        Ok(query.execute(&mut *c).await?.rows_affected())
    })
}

/// Sets a row's self-references once every row of its table is in.
async fn fill_references(
    target: &mut Conn<'_>,
    to: &Table,
    columns: &[&str],
    later: &[usize],
    key: Vec<Value>,
    refs: Vec<Value>,
) -> Result<()> {
    let sets: Vec<String> = later
        .iter()
        .zip(placeholders(target, 1, later.len()))
        .map(|(&i, p)| format!("{} = {p}", columns[i]))
        .collect();
    let wheres: Vec<String> = to
        .key
        .iter()
        .zip(placeholders(target, later.len() + 1, to.key.len()))
        .map(|(k, p)| format!("{k} = {p}"))
        .collect();
    let sql = format!(
        "UPDATE {} SET {} WHERE {}",
        to.name,
        sets.join(", "),
        wheres.join(" AND ")
    );
    let mut kinds: Vec<Kind> = later.iter().map(|&i| to.columns[i].kind).collect();
    kinds.extend(to.key.iter().filter_map(|k| to.column(k)).map(|c| c.kind));
    on_tx!(target, c => {
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()));
        for (value, kind) in refs.into_iter().chain(key).zip(&kinds) {
            query = bind_value!(query, value, *kind);
        }
        query.execute(&mut *c).await?;
        Ok(())
    })
}

/// On PostgreSQL, moves an identity column's sequence past the copied ids, so that the
/// next row gets a new one (SQLite takes the largest rowid by itself).
async fn move_identity_past(target: &mut Conn<'_>, to: &Table) -> Result<()> {
    let Conn::Postgres(c) = target else {
        return Ok(());
    };
    for column in to.columns.iter().filter(|c| c.identity) {
        let sql = format!(
            "SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(MAX({col}), 0) + 1, false) FROM {table}",
            col = column.name,
            table = to.name
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(&to.name)
            .bind(&column.name)
            .execute(&mut **c)
            .await?;
    }
    Ok(())
}

/// A table's row count and the SHA-256 of its rows read in key order, each row's columns
/// taken in the order of their names: the same rows give the same checksum on either
/// engine.
pub(crate) async fn checksum(conn: &mut Conn<'_>, table: &Table) -> Result<(u64, String)> {
    let mut named: Vec<(&str, Kind)> = table
        .columns
        .iter()
        .map(|c| (c.name.as_str(), c.kind))
        .collect();
    named.sort_by_key(|(name, _)| *name);
    let columns: Vec<&str> = named.iter().map(|(n, _)| *n).collect();
    let kinds: Vec<Kind> = named.iter().map(|(_, k)| *k).collect();
    let select = select_sql(conn, table, &columns);
    let mut hash = Sha256::new();
    let mut rows_read = 0u64;
    on_tx!(conn, c => {
        let mut rows = sqlx::query(sqlx::AssertSqlSafe(select.as_str())).fetch(&mut *c);
        while let Some(row) = rows.try_next().await? {
            for value in read_row(&row, &kinds)? {
                value.feed(&mut hash);
            }
            rows_read += 1;
        }
    });
    Ok((rows_read, hex::encode(hash.finalize())))
}
