//! What a backup copies, read from the engine's own catalog rather than listed by hand: a
//! table added by a migration is copied without anyone remembering to add it here.

use crate::{Conn, Result, StoreError};
use std::collections::{BTreeMap, BTreeSet};

/// How a column's values are read and bound. Booleans are their own kind because
/// PostgreSQL refuses an integer for them; SQLite stores them as 0 and 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Int,
    Bool,
    Text,
    Bytes,
}

#[derive(Debug, Clone)]
pub(crate) struct Column {
    pub name: String,
    pub kind: Kind,
    /// PostgreSQL's `GENERATED ALWAYS AS IDENTITY`: an insert with its value needs
    /// `OVERRIDING SYSTEM VALUE`, and its sequence is moved past the copied ids.
    pub identity: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Table {
    pub name: String,
    /// The stored columns (never a generated one: the engine computes it again).
    pub columns: Vec<Column>,
    /// The primary key's columns, in key order: rows are read in this order, so that a
    /// copy inserts parents before their children and a checksum is the same every time.
    pub key: Vec<String>,
    /// The other tables this one's foreign keys point at.
    pub references: BTreeSet<String>,
    /// The columns whose foreign key points at this same table (a territory's parent, a
    /// body's parent): a copy fills them once every row is in, so that the order of the
    /// rows never matters.
    pub self_references: Vec<String>,
}

impl Table {
    /// `foreign`: each foreign key's referenced table and (first) column.
    fn new(
        name: String,
        columns: Vec<Column>,
        key: Vec<String>,
        foreign: Vec<(String, String)>,
    ) -> Table {
        let mut references = BTreeSet::new();
        let mut self_references = Vec::new();
        for (table, column) in foreign {
            if table == name {
                self_references.push(column);
            } else {
                references.insert(table);
            }
        }
        Table {
            name,
            columns,
            key,
            references,
            self_references,
        }
    }

    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }
}

/// The tables of the database on `conn`, parents before the tables that refer to them.
/// The migration ledger is not data, nor are SQLite's search index and its shadow tables
/// (the triggers on `members` fill them again).
pub(crate) async fn tables(conn: &mut Conn<'_>) -> Result<Vec<Table>> {
    let mut tables = Vec::new();
    match conn {
        Conn::Sqlite(c) => {
            let names: Vec<String> = sqlx::query_scalar(
                "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' \
                 AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> '_sqlx_migrations' ORDER BY name",
            )
            .fetch_all(&mut **c)
            .await?;
            for name in names {
                let cols: Vec<(String, String, i64)> =
                    sqlx::query_as("SELECT name, type, pk FROM pragma_table_info($1) ORDER BY cid")
                        .bind(&name)
                        .fetch_all(&mut **c)
                        .await?;
                let mut key: Vec<(i64, String)> = cols
                    .iter()
                    .filter(|(_, _, pk)| *pk > 0)
                    .map(|(n, _, pk)| (*pk, n.clone()))
                    .collect();
                key.sort();
                let columns = cols
                    .iter()
                    .map(|(n, t, _)| {
                        Ok(Column {
                            name: n.clone(),
                            kind: sqlite_kind(&name, n, t)?,
                            identity: false,
                        })
                    })
                    .collect::<Result<Vec<_>>>()?;
                let foreign: Vec<(String, String)> =
                    sqlx::query_as("SELECT \"table\", \"from\" FROM pragma_foreign_key_list($1)")
                        .bind(&name)
                        .fetch_all(&mut **c)
                        .await?;
                let key = key.into_iter().map(|(_, n)| n).collect();
                tables.push(Table::new(name, columns, key, foreign));
            }
        }
        Conn::Postgres(c) => {
            let names: Vec<String> = sqlx::query_scalar(
                "SELECT table_name::text FROM information_schema.tables \
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' \
                 AND table_name <> '_sqlx_migrations' ORDER BY table_name",
            )
            .fetch_all(&mut **c)
            .await?;
            for name in names {
                let cols: Vec<(String, String, String)> = sqlx::query_as(
                    "SELECT column_name::text, data_type::text, is_identity::text \
                     FROM information_schema.columns \
                     WHERE table_schema = current_schema() AND table_name = $1 \
                     AND is_generated = 'NEVER' ORDER BY ordinal_position",
                )
                .bind(&name)
                .fetch_all(&mut **c)
                .await?;
                let columns = cols
                    .iter()
                    .map(|(n, t, identity)| {
                        Ok(Column {
                            name: n.clone(),
                            kind: postgres_kind(&name, n, t)?,
                            identity: identity == "YES",
                        })
                    })
                    .collect::<Result<Vec<_>>>()?;
                let key: Vec<String> = sqlx::query_scalar(
                    "SELECT a.attname::text FROM pg_index i \
                     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) \
                     WHERE i.indrelid = ($1::text)::regclass AND i.indisprimary \
                     ORDER BY array_position(i.indkey::int2[], a.attnum)",
                )
                .bind(&name)
                .fetch_all(&mut **c)
                .await?;
                let foreign: Vec<(String, String)> = sqlx::query_as(
                    "SELECT c.confrelid::regclass::text, a.attname::text FROM pg_constraint c \
                     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] \
                     WHERE c.contype = 'f' AND c.conrelid = ($1::text)::regclass",
                )
                .bind(&name)
                .fetch_all(&mut **c)
                .await?;
                tables.push(Table::new(name, columns, key, foreign));
            }
        }
    }
    // Names go into SQL as they are: a backup is a file from anywhere, and a table named
    // `t; VACUUM INTO '…'` would otherwise run. tanzim's own names are plain.
    for t in &tables {
        let names = std::iter::once(&t.name)
            .chain(t.columns.iter().map(|c| &c.name))
            .chain(&t.key)
            .chain(&t.references);
        if let Some(odd) = names.into_iter().find(|n| !plain(n)) {
            return Err(StoreError::Backup(format!(
                "the name {odd:?} in the table {:?} is not one of tanzim's: not a tanzim backup",
                t.name
            )));
        }
    }
    in_dependency_order(tables)
}

/// A name made of lower-case ASCII letters, digits and underscores, not starting with a
/// digit.
fn plain(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn sqlite_kind(table: &str, column: &str, declared: &str) -> Result<Kind> {
    let t = declared.to_ascii_uppercase();
    Ok(if t.contains("BOOL") {
        Kind::Bool
    } else if t.contains("INT") {
        Kind::Int
    } else if t.contains("BLOB") {
        Kind::Bytes
    } else if t.contains("TEXT") || t.contains("CHAR") {
        Kind::Text
    } else {
        return Err(unknown_type(table, column, declared));
    })
}

fn postgres_kind(table: &str, column: &str, data_type: &str) -> Result<Kind> {
    Ok(match data_type {
        "bigint" | "integer" | "smallint" => Kind::Int,
        "boolean" => Kind::Bool,
        "text" | "character varying" => Kind::Text,
        "bytea" => Kind::Bytes,
        other => return Err(unknown_type(table, column, other)),
    })
}

fn unknown_type(table: &str, column: &str, declared: &str) -> StoreError {
    StoreError::Backup(format!(
        "{table}.{column} has the type {declared:?}, which a backup does not know how to copy"
    ))
}

/// Orders tables so that each comes after the tables it refers to (a reference to itself
/// is handled row by row, in key order). A circle of references is refused by name: no
/// order of inserts could satisfy it.
fn in_dependency_order(tables: Vec<Table>) -> Result<Vec<Table>> {
    let mut waiting: BTreeMap<String, Table> =
        tables.into_iter().map(|t| (t.name.clone(), t)).collect();
    let mut ordered: Vec<Table> = Vec::with_capacity(waiting.len());
    while !waiting.is_empty() {
        let ready: Vec<String> = waiting
            .values()
            .filter(|t| t.references.iter().all(|r| !waiting.contains_key(r)))
            .map(|t| t.name.clone())
            .collect();
        if ready.is_empty() {
            let names: Vec<&str> = waiting.keys().map(String::as_str).collect();
            return Err(StoreError::Backup(format!(
                "these tables refer to each other in a circle: {}",
                names.join(", ")
            )));
        }
        for name in ready {
            if let Some(t) = waiting.remove(&name) {
                ordered.push(t);
            }
        }
    }
    Ok(ordered)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn table(name: &str, references: &[&str]) -> Table {
        let foreign = references
            .iter()
            .map(|r| (r.to_string(), "parent".to_string()));
        Table::new(name.into(), vec![], vec![], foreign.collect())
    }

    fn names(tables: &[Table]) -> Vec<&str> {
        tables.iter().map(|t| t.name.as_str()).collect()
    }

    #[test]
    fn parents_come_first_and_a_table_may_refer_to_itself() {
        let ordered = in_dependency_order(vec![
            table("members", &["territories"]),
            table("bodies", &["bodies", "territories"]),
            table("territories", &["territories"]),
            table("payments", &["members", "bodies"]),
        ])
        .unwrap();
        assert_eq!(
            names(&ordered),
            ["territories", "bodies", "members", "payments"]
        );
        assert_eq!(ordered[1].self_references, ["parent"]);
        assert!(!ordered[1].references.contains("bodies"));
    }

    #[test]
    fn a_circle_is_refused_by_name() {
        let e = in_dependency_order(vec![
            table("a", &["b"]),
            table("b", &["a"]),
            table("c", &[]),
        ])
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "backup: these tables refer to each other in a circle: a, b"
        );
    }

    #[test]
    fn declared_types_map_to_kinds() {
        assert_eq!(sqlite_kind("t", "c", "BIGINT").unwrap(), Kind::Int);
        assert_eq!(sqlite_kind("t", "c", "BOOLEAN").unwrap(), Kind::Bool);
        assert_eq!(sqlite_kind("t", "c", "BLOB").unwrap(), Kind::Bytes);
        assert_eq!(sqlite_kind("t", "c", "TEXT").unwrap(), Kind::Text);
        assert!(sqlite_kind("t", "c", "REAL").is_err());
        assert_eq!(postgres_kind("t", "c", "boolean").unwrap(), Kind::Bool);
        assert!(postgres_kind("members", "search", "tsvector").is_err());
    }

    #[test]
    fn only_plain_names_pass() {
        for (name, ok) in [
            ("members", true),
            ("_sqlx", true),
            ("member_counts2", true),
            ("t ORDER BY a; VACUUM INTO '/tmp/x'", false),
            ("Members", false),
            ("2fa", false),
            ("", false),
            ("naïve", false),
        ] {
            assert_eq!(plain(name), ok, "{name:?}");
        }
    }
}
