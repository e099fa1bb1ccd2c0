//! Backups that restore on either engine. A backup is one SQLite file holding every table
//! row for row: `VACUUM INTO` of a live SQLite database (a consistent copy while the
//! server writes), or a copy of a PostgreSQL database read in one snapshot. A restore
//! copies a backup into an empty database of either engine, in one transaction, so that
//! the same two commands move a party from SQLite to PostgreSQL and back. A verification
//! restores a backup into a scratch database and compares every table's row count and
//! checksum with the backup's.

mod catalog;
mod copy;

use crate::{AsConn, BeginWrite, Conn, Db, Result, StoreError};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};
use std::path::{Path, PathBuf};

/// Tables that a new database already holds (the territories and the record of their
/// data set, loaded at start): a restore replaces them. Every other table must be empty.
const REFERENCE_TABLES: [&str; 2] = ["meta", "territories"];

/// A table's rows and their checksum (see `copy::checksum`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableSum {
    pub table: String,
    pub rows: u64,
    pub checksum: String,
}

/// Writes a backup of `db` to `path`, a new file (an existing one is never overwritten),
/// while the server runs. The file appears only once it is whole.
pub async fn backup(db: &Db, path: &Path) -> Result<()> {
    if path.exists() {
        return Err(StoreError::Backup(format!(
            "{} exists: a backup never overwrites a file",
            path.display()
        )));
    }
    let partial = with_suffix(path, "partial");
    remove_sqlite_files(&partial);
    // The backup is everyone's record: readable by the server's user alone. SQLite writes
    // into the empty file made here and keeps its mode.
    private_empty_file(&partial)?;
    let made = async {
        match db {
            Db::Sqlite(p) => {
                let name = partial.to_str().ok_or_else(|| not_utf8(&partial))?;
                sqlx::query("VACUUM INTO $1").bind(name).execute(p).await?;
            }
            Db::Postgres(p) => {
                let file = open_file(&partial, true).await?;
                Db::Sqlite(file.clone()).migrate().await?;
                // One snapshot for every table: the copy is of one moment, however long
                // it takes and whatever the officers write meanwhile.
                let mut snapshot = p
                    .begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    .await?;
                let mut target = file.begin_write().await?;
                copy_all(&mut snapshot.as_conn(), &mut target.as_conn()).await?;
                target.commit().await?;
                snapshot.rollback().await?;
                file.close().await;
            }
        }
        // One self-contained file: no write-ahead log beside it.
        open_file(&partial, false).await?.close().await;
        Ok::<(), StoreError>(())
    }
    .await;
    if let Err(e) = made {
        remove_sqlite_files(&partial);
        return Err(e);
    }
    std::fs::rename(&partial, path).map_err(|e| io_error(path, &e))?;
    Ok(())
}

/// Restores the backup at `path` into `db`, which must hold no data (its territories
/// aside, which the backup's replace). All of it or nothing: one transaction. Returns the
/// rows copied per table.
pub async fn restore(db: &Db, path: &Path) -> Result<Vec<(String, u64)>> {
    let source = open_backup(path).await?;
    db.migrate().await?;
    let mut source_conn = source.acquire().await?;
    let mut tx = db.begin().await?;
    let copied = async {
        let mut target = tx.as_conn();
        for table in catalog::tables(&mut target).await? {
            if REFERENCE_TABLES.contains(&table.name.as_str()) {
                continue;
            }
            if holds_rows(&mut target, &table.name).await? {
                return Err(StoreError::Backup(format!(
                    "the database is not empty (the table {} holds rows): restore only into a new database",
                    table.name
                )));
            }
        }
        for name in REFERENCE_TABLES {
            let delete = format!("DELETE FROM {name}");
            on_tx!(&mut target, c => sqlx::query(sqlx::AssertSqlSafe(delete)).execute(&mut *c).await.map(|_| ()))?;
        }
        let copied = copy_all(&mut source_conn.as_conn(), &mut target).await?;
        // A job's file lay on the machine that made the backup (or anywhere, in a crafted
        // one): the restored jobs keep their history and lose their files, and those that
        // had not ended are cancelled.
        on_tx!(&mut target, c => sqlx::query(
            "UPDATE jobs SET file = NULL, state = CASE WHEN state IN ('queued', 'running') THEN 'cancelled' ELSE state END",
        ).execute(&mut *c).await.map(drop))?;
        // An import those jobs were running waits to be confirmed again, where it was.
        on_tx!(&mut target, c => sqlx::query("UPDATE staged_imports SET state = 'staged' WHERE state = 'importing'")
            .execute(&mut *c).await.map(drop))?;
        Ok(copied)
    }
    .await?;
    tx.commit().await?;
    source_conn.close().await?;
    source.close().await;
    if let Db::Postgres(p) = db {
        // Fresh statistics for the planner, which would otherwise see empty tables.
        sqlx::query("ANALYZE").execute(p).await?;
    }
    Ok(copied)
}

/// Every table's row count and checksum, by table name.
pub async fn sums(db: &Db) -> Result<Vec<TableSum>> {
    on_pool!(db, p => {
        let mut c = p.acquire().await?;
        sums_on(&mut c.as_conn()).await
    })
}

/// The row counts and checksums of the backup at `path`.
pub async fn backup_sums(path: &Path) -> Result<Vec<TableSum>> {
    let file = open_backup(path).await?;
    let mut c = file.acquire().await?;
    let sums = sums_on(&mut c.as_conn()).await;
    drop(c);
    file.close().await;
    sums
}

/// Proves the backup at `path` restores: restores it into a scratch database of `db`'s
/// engine (a temporary file, or a temporary schema beside `db`'s on PostgreSQL), compares
/// every table's row count and checksum with the backup's, and removes the scratch
/// database. Returns the backup's sums when all agree; names the tables that differ.
pub async fn verify(db: &Db, path: &Path) -> Result<Vec<TableSum>> {
    let expected = backup_sums(path).await?;
    let scratch = Scratch::create(db).await?;
    let restored = async {
        restore(&scratch.db, path).await?;
        sums(&scratch.db).await
    }
    .await;
    scratch.remove().await;
    let restored = restored?;
    let differ: Vec<String> = expected
        .iter()
        .filter(|e| !restored.contains(e))
        .map(|e| match restored.iter().find(|r| r.table == e.table) {
            Some(r) => format!(
                "{} ({} rows in the backup, {} restored)",
                e.table, e.rows, r.rows
            ),
            None => format!("{} (not restored)", e.table),
        })
        .collect();
    if differ.is_empty() && expected.len() == restored.len() {
        Ok(expected)
    } else {
        Err(StoreError::Backup(format!(
            "the restored copy differs from the backup: {}",
            differ.join(", ")
        )))
    }
}

async fn sums_on(conn: &mut Conn<'_>) -> Result<Vec<TableSum>> {
    let mut sums = Vec::new();
    for table in catalog::tables(conn).await? {
        let (rows, checksum) = copy::checksum(conn, &table).await?;
        sums.push(TableSum {
            table: table.name,
            rows,
            checksum,
        });
    }
    sums.sort_by(|a, b| a.table.cmp(&b.table));
    Ok(sums)
}

/// Copies every table of `source` into `target` (whose tables are empty), parents first.
/// Both must be at the same schema version and so hold the same tables.
async fn copy_all(source: &mut Conn<'_>, target: &mut Conn<'_>) -> Result<Vec<(String, u64)>> {
    let (from_version, to_version) = (schema_version(source).await?, schema_version(target).await?);
    if from_version != to_version {
        return Err(StoreError::Backup(format!(
            "the backup is at schema version {from_version} and this database at {to_version}: \
             restore it with the tanzim release that made it"
        )));
    }
    let from = catalog::tables(source).await?;
    let to = catalog::tables(target).await?;
    let mut copied = Vec::with_capacity(to.len());
    for table in &to {
        let Some(source_table) = from.iter().find(|t| t.name == table.name) else {
            return Err(StoreError::Backup(format!(
                "the backup has no table {}",
                table.name
            )));
        };
        let rows = copy::table(source, source_table, target, table).await?;
        copied.push((table.name.clone(), rows));
    }
    if let Some(extra) = from.iter().find(|f| !to.iter().any(|t| t.name == f.name)) {
        return Err(StoreError::Backup(format!(
            "the backup's table {} has no place in this database",
            extra.name
        )));
    }
    Ok(copied)
}

async fn schema_version(conn: &mut Conn<'_>) -> Result<i64> {
    on_tx!(conn, c => Ok(sqlx::query_scalar::<_, i64>(
        "SELECT COALESCE(MAX(version), 0) FROM _sqlx_migrations WHERE success"
    )
    .fetch_one(&mut *c)
    .await?))
}

async fn holds_rows(conn: &mut Conn<'_>, table: &str) -> Result<bool> {
    let sql = format!("SELECT 1 FROM {table} LIMIT 1");
    on_tx!(conn, c => Ok(sqlx::query_scalar::<_, i32>(sqlx::AssertSqlSafe(sql))
        .fetch_optional(&mut *c)
        .await?
        .is_some()))
}

/// Opens a backup to read it, after checking that it is one: a SQLite file.
async fn open_backup(path: &Path) -> Result<SqlitePool> {
    let mut header = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut header))
        .map_err(|e| io_error(path, &e))?;
    if &header != b"SQLite format 3\0" {
        return Err(StoreError::Backup(format!(
            "{} is not a tanzim backup (not a SQLite file)",
            path.display()
        )));
    }
    let options = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .foreign_keys(false);
    Ok(SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await?)
}

/// A SQLite file written by a backup: one connection, no write-ahead log. `create`: a new
/// file.
async fn open_file(path: &Path, create: bool) -> Result<SqlitePool> {
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(create)
        .journal_mode(SqliteJournalMode::Delete)
        .foreign_keys(true);
    Ok(SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await?)
}

/// A database to restore into and throw away, of the same engine as the one it serves.
struct Scratch {
    db: Db,
    /// The file (SQLite) or the schema (PostgreSQL) to remove.
    file: Option<PathBuf>,
    schema: Option<(sqlx::PgPool, String)>,
}

impl Scratch {
    async fn create(db: &Db) -> Result<Scratch> {
        let unique = format!(
            "{}_{}",
            std::process::id(),
            chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default()
        );
        match db {
            Db::Sqlite(_) => {
                let file = std::env::temp_dir().join(format!("tanzim-verify-{unique}.db"));
                // A whole copy of the roll in the temporary directory: the server's user's.
                private_empty_file(&file)?;
                let scratch =
                    Db::connect_sqlite(file.to_str().ok_or_else(|| not_utf8(&file))?).await?;
                Ok(Scratch {
                    db: scratch,
                    file: Some(file),
                    schema: None,
                })
            }
            Db::Postgres(p) => {
                let schema = format!("tanzim_verify_{unique}");
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")))
                    .execute(p)
                    .await?;
                let options = (*p.connect_options())
                    .clone()
                    .options([("search_path", schema.as_str())]);
                let scratch = Db::connect_postgres(options).await?;
                Ok(Scratch {
                    db: scratch,
                    file: None,
                    schema: Some((p.clone(), schema)),
                })
            }
        }
    }

    /// Removes the scratch database; a failure here leaves a temporary file or schema
    /// behind, which is logged, not raised: the verification itself has its answer.
    async fn remove(self) {
        self.db.close().await;
        if let Some(file) = &self.file {
            remove_sqlite_files(file);
        }
        if let Some((pool, schema)) = &self.schema {
            let drop = format!("DROP SCHEMA {schema} CASCADE");
            if let Err(e) = sqlx::query(sqlx::AssertSqlSafe(drop)).execute(pool).await {
                tracing::warn!(%schema, error = %e, "the verification's scratch schema was not dropped");
            }
        }
    }
}

fn private_empty_file(path: &Path) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map(drop).map_err(|e| io_error(path, &e))
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".{suffix}"));
    PathBuf::from(name)
}

/// Removes a SQLite file and the journal files beside it, if any.
fn remove_sqlite_files(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

fn io_error(path: &Path, e: &std::io::Error) -> StoreError {
    StoreError::Backup(format!("{}: {e}", path.display()))
}

fn not_utf8(path: &Path) -> StoreError {
    StoreError::Backup(format!("{}: the path is not UTF-8", path.display()))
}
