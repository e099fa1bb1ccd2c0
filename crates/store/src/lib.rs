//! The database. One `Db` over SQLite (embedded default) or PostgreSQL (at scale); each
//! query is written once and run on whichever pool is open, except where the engines
//! really differ. The store never decides: rules live in the domain crate.

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use std::str::FromStr;
use std::time::Duration;

/// Runs `$body` with `$pool` bound to whichever pool `$db` holds. A macro because the body
/// is compiled once per engine, so one SQL text serves both (SQLite accepts `$1`
/// placeholders).
macro_rules! on_pool {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::Db::Sqlite($pool) => $body,
            $crate::Db::Postgres($pool) => $body,
        }
    };
}

/// Runs `$body` with `$conn` bound to the connection (`&mut` of the engine's connection) of
/// whatever `$tx` holds: a `&mut Tx`, a `&mut Conn`, or an engine's own connection or
/// transaction. A macro because the body is compiled once per engine, so that a store
/// function taking a use case's transaction writes each statement once for both (the
/// body gives one type on both: map a query result to what the caller needs).
macro_rules! on_tx {
    ($tx:expr, $conn:ident => $body:expr) => {
        match $crate::AsConn::as_conn(&mut *$tx) {
            $crate::Conn::Sqlite($conn) => $body,
            $crate::Conn::Postgres($conn) => $body,
        }
    };
}

/// Appends an audit entry inside the transaction `$tx` of the change it records. A macro
/// because the body is compiled once per engine (`$tx` is either engine's connection).
macro_rules! append_audit {
    ($tx:expr, $entry:expr) => {{
        let e: &$crate::audit::AuditEntry = $entry;
        sqlx::query($crate::audit::INSERT_SQL)
            .bind($crate::now())
            .bind(e.actor_id)
            .bind(&e.actor)
            .bind(e.action.as_str())
            .bind(e.target_kind)
            .bind(&e.target_id)
            .bind(e.scope_path.as_ref().map(|p| p.as_str()))
            .bind(&e.address)
            .bind(&e.detail)
            .bind(&e.organization)
            .execute(&mut *$tx)
            .await
    }};
}

pub mod accounts;
pub mod applications;
pub mod audit;
pub mod backup;
pub mod bodies;
pub mod campaigns;
pub mod contacts;
pub mod counters;
mod day;
pub mod discipline;
pub mod idempotency;
pub mod import_mappings;
pub mod imports;
pub mod jobs;
pub mod mandates;
pub mod meetings;
pub mod members;
mod person;
pub mod programmes;
pub mod reports;
pub mod scope;
pub mod staged_imports;
pub mod territory;
pub mod timetable_feeds;

pub use day::Day;
pub use person::PersonRecord;
pub use scope::ScopeFilter;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A uniqueness rule was broken; the code names it for the user.
    #[error("conflict: {0}")]
    Conflict(&'static str),
    #[error("not found")]
    NotFound,
    #[error("database URL: {0}")]
    Url(String),
    #[error("territorial data: {0}")]
    Data(String),
    /// The database took no write in the time given (readiness).
    #[error("not ready: {0}")]
    NotReady(&'static str),
    /// A roll's import stopped at a batch: which, its lines, and what was in before it.
    #[error("{0}")]
    ImportStopped(String),
    /// A backup could not be made, restored or verified; the text says why.
    #[error("backup: {0}")]
    Backup(String),
    /// A stored value the domain does not know (see `tanzim_domain::stored`).
    #[error(transparent)]
    Unknown(#[from] tanzim_domain::stored::UnknownStored),
}

impl StoreError {
    /// Maps a unique-constraint violation to `Conflict(code)`; SQLite names no constraint,
    /// so callers say which rule a violation of that statement means.
    pub(crate) fn unique_as(code: &'static str) -> impl FnOnce(sqlx::Error) -> StoreError {
        move |e| match &e {
            sqlx::Error::Database(d) if d.is_unique_violation() => StoreError::Conflict(code),
            _ => StoreError::Database(e),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

#[derive(Debug, Clone)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Opens a write transaction on an engine's own pool (inside `on_pool!`). On SQLite it
/// takes the write lock at once (`BEGIN IMMEDIATE`): a deferred transaction that reads
/// before it writes fails with "database is locked" when another writer got in between,
/// instead of waiting its turn under the busy timeout. Every store transaction opens so.
pub(crate) trait BeginWrite {
    type Engine: sqlx::Database;
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, Self::Engine>>;
}

impl BeginWrite for sqlx::SqlitePool {
    type Engine = sqlx::Sqlite;
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
        Ok(self.begin_with("BEGIN IMMEDIATE").await?)
    }
}

impl BeginWrite for sqlx::PgPool {
    type Engine = sqlx::Postgres;
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Postgres>> {
        Ok(self.begin().await?)
    }
}

/// `BeginWrite` on a connection already taken from the pool (an import sets it up first).
pub(crate) trait BeginWriteOn: sqlx::Connection {
    async fn begin_write(&mut self) -> Result<sqlx::Transaction<'_, Self::Database>>;
}

impl BeginWriteOn for sqlx::SqliteConnection {
    async fn begin_write(&mut self) -> Result<sqlx::Transaction<'_, sqlx::Sqlite>> {
        Ok(sqlx::Connection::begin_with(self, "BEGIN IMMEDIATE").await?)
    }
}

impl BeginWriteOn for sqlx::PgConnection {
    async fn begin_write(&mut self) -> Result<sqlx::Transaction<'_, sqlx::Postgres>> {
        Ok(sqlx::Connection::begin(self).await?)
    }
}

/// A transaction on whichever engine is open. A use case opens one (`Db::begin`), hands it
/// to the store's functions that take `&mut Tx`, and commits it, so that its checks and
/// its writes see one state of the database. Dropped without `commit`, it rolls back.
pub enum Tx {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

/// A connection of either engine borrowed from a transaction in progress (a use case's
/// `Tx`, or one a store function opened on its pool): what the store's shared steps take,
/// so that a step is written once and called from either kind of transaction.
pub(crate) enum Conn<'c> {
    Sqlite(&'c mut sqlx::SqliteConnection),
    Postgres(&'c mut sqlx::PgConnection),
}

/// Whatever lends a `Conn`: `Tx`, `Conn` itself, or an engine's connection (and so its
/// transactions, which dereference to it).
pub(crate) trait AsConn {
    fn as_conn(&mut self) -> Conn<'_>;
}

impl AsConn for Tx {
    fn as_conn(&mut self) -> Conn<'_> {
        match self {
            Tx::Sqlite(t) => Conn::Sqlite(t),
            Tx::Postgres(t) => Conn::Postgres(t),
        }
    }
}

impl AsConn for Conn<'_> {
    fn as_conn(&mut self) -> Conn<'_> {
        match self {
            Conn::Sqlite(c) => Conn::Sqlite(c),
            Conn::Postgres(c) => Conn::Postgres(c),
        }
    }
}

impl AsConn for sqlx::SqliteConnection {
    fn as_conn(&mut self) -> Conn<'_> {
        Conn::Sqlite(self)
    }
}

impl AsConn for sqlx::PgConnection {
    fn as_conn(&mut self) -> Conn<'_> {
        Conn::Postgres(self)
    }
}

/// Runs a list query and its count with the same text binds (then limit and offset) and
/// returns the page: what every scoped list in the store does.
pub(crate) async fn fetch_page<T>(
    db: &Db,
    list_sql: String,
    count_sql: String,
    binds: Vec<String>,
    page: Page,
) -> Result<Paged<T>>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
        + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>
        + Send
        + Unpin,
{
    on_pool!(db, p => {
        let mut items = sqlx::query_as::<_, T>(sqlx::AssertSqlSafe(list_sql.as_str()));
        let mut count = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(count_sql.as_str()));
        for b in &binds {
            items = items.bind(b);
            count = count.bind(b);
        }
        let items = items.bind(page.limit()).bind(page.offset()).fetch_all(p).await?;
        let total = count.fetch_one(p).await?;
        Ok(Paged { items, total, capped: false, page: page.number, page_size: page.size })
    })
}

impl Tx {
    pub async fn commit(self) -> Result<()> {
        match self {
            Tx::Sqlite(t) => t.commit().await?,
            Tx::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }
}

/// `($1, $2, …), ($k, …)`: the VALUES of a multi-row insert of `rows` rows of `cols` columns.
pub(crate) fn values_sql(db: &Db, rows: usize, cols: usize) -> String {
    (0..rows)
        .map(|r| format!("({})", placeholders(db, r * cols + 1, cols)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The current time in Unix seconds, as stored.
/// `n` bind placeholders numbered from `first`, comma-separated, for statements with many
/// binds: `?` on SQLite, whose driver looks each named parameter up by a linear scan (a
/// statement with thousands of `$n` binds spends its time there), `$n` on PostgreSQL.
pub(crate) fn placeholders(db: &Db, first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| match db {
            Db::Sqlite(_) => "?".to_owned(),
            Db::Postgres(_) => format!("${i}"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

impl Db {
    /// Opens the database a URL names: `postgres://` or `postgresql://` for PostgreSQL,
    /// `sqlite:` or a plain file path for SQLite. Any other scheme is refused.
    pub async fn connect(url: &str) -> Result<Db> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let options =
                PgConnectOptions::from_str(url).map_err(|e| StoreError::Url(e.to_string()))?;
            Db::connect_postgres(options).await
        } else if url.starts_with("sqlite:") || !url.contains("://") {
            let path = url
                .strip_prefix("sqlite://")
                .or_else(|| url.strip_prefix("sqlite:"))
                .unwrap_or(url);
            Db::connect_sqlite(path).await
        } else {
            Err(StoreError::Url(format!(
                "unsupported database URL scheme in {:?}: use postgres:// or a SQLite file path",
                url.split("://").next().unwrap_or_default()
            )))
        }
    }

    /// SQLite in WAL mode with `synchronous=FULL`: a commit reported to an officer survives
    /// a power cut.
    pub async fn connect_sqlite(path: &str) -> Result<Db> {
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            // 16 MiB of page cache per connection (the default is 2 MiB): an import's index
            // pages and a search's stay in memory; 8 connections stay under 150 MiB.
            .pragma("cache_size", "-16384")
            .pragma("temp_store", "memory")
            // Reads through one shared mapping of the file (up to 1 GiB) rather than a copy
            // per connection's cache: a page another connection read is not cold again.
            .pragma("mmap_size", "1073741824")
            // After a checkpoint the WAL file is cut back to 64 MiB: a long reader can grow
            // it, but it does not stay grown.
            .pragma("journal_size_limit", "67108864");
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            // A write that failed on a full disk is rolled back by SQLite itself, and the
            // pool's connection can still count the transaction as open; every later BEGIN
            // on it would be refused ("non-zero transaction depth") long after space came
            // back. Such a connection is closed on release, and the pool opens a new one.
            .after_release(|conn, _| {
                Box::pin(async move { Ok(!sqlx::Connection::is_in_transaction(conn)) })
            })
            .connect_with(options)
            .await?;
        Ok(Db::Sqlite(pool))
    }

    pub async fn connect_postgres(options: PgConnectOptions) -> Result<Db> {
        // Statements are prepared once per connection; a plan made for generic parameters
        // cannot tell a rare name from محمد, so each execution is planned for its values.
        let options = options.options([("plan_cache_mode", "force_custom_plan")]);
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await?;
        Ok(Db::Postgres(pool))
    }

    /// Opens a write transaction. On SQLite it takes the write lock at once (`BEGIN
    /// IMMEDIATE`): a transaction that reads before it writes would otherwise fail with
    /// "database is locked" when another writer got in between, instead of waiting its turn.
    pub async fn begin(&self) -> Result<Tx> {
        Ok(match self {
            Db::Sqlite(p) => Tx::Sqlite(p.begin_write().await?),
            Db::Postgres(p) => Tx::Postgres(p.begin_write().await?),
        })
    }

    pub fn engine(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "sqlite",
            Db::Postgres(_) => "postgres",
        }
    }

    /// Brings the schema up to date; safe to run at every start.
    pub async fn migrate(&self) -> Result<()> {
        match self {
            Db::Sqlite(p) => sqlx::migrate!("./migrations/sqlite").run(p).await?,
            Db::Postgres(p) => sqlx::migrate!("./migrations/postgres").run(p).await?,
        }
        Ok(())
    }

    /// Readiness: the database takes a write (one that is rolled back), within `within`. A
    /// database that answers reads but is locked or refuses writes is not ready.
    pub async fn ping(&self, within: Duration) -> Result<()> {
        // A write rolled back never reaches the file, so on SQLite a full disk is seen only
        // by the space left beside the database.
        if let Db::Sqlite(p) = self {
            let file = p.connect_options().get_filename().to_owned();
            let dir = match file.parent() {
                Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
                _ => std::path::PathBuf::from("."),
            };
            if let Ok(fs) = rustix::fs::statvfs(&dir)
                && fs.f_bavail.saturating_mul(fs.f_frsize) < MIN_FREE_BYTES
            {
                return Err(StoreError::NotReady("the database's disk is full"));
            }
        }
        let write = async {
            on_pool!(self, p => {
                let mut tx = p.begin_write().await?;
                sqlx::query("UPDATE territories SET name_fr = name_fr WHERE code = '01'").execute(&mut *tx).await?;
                tx.rollback().await?;
                Ok::<(), StoreError>(())
            })
        };
        tokio::time::timeout(within, write)
            .await
            .map_err(|_| StoreError::NotReady("the database took no write in time"))?
    }

    /// Moves the WAL's pages into the database and truncates it (SQLite; a no-op on
    /// PostgreSQL), so that it stays small between the automatic checkpoints.
    pub async fn checkpoint(&self) -> Result<()> {
        if let Db::Sqlite(p) = self {
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(p)
                .await?;
        }
        Ok(())
    }

    pub async fn close(&self) {
        on_pool!(self, p => p.close().await)
    }
}

/// Below this much free space beside a SQLite database, the server reports itself not
/// ready: a write there may fail with "database or disk is full".
const MIN_FREE_BYTES: u64 = 16 * 1024 * 1024;

/// A page of a list: 1-based number and size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub number: u32,
    pub size: u32,
}

impl Page {
    pub const MAX_SIZE: u32 = 200;

    pub fn new(number: Option<u32>, size: Option<u32>) -> Page {
        Page {
            number: number.unwrap_or(1).max(1),
            size: size.unwrap_or(50).clamp(1, Page::MAX_SIZE),
        }
    }
    pub(crate) fn limit(self) -> i64 {
        i64::from(self.size)
    }
    pub(crate) fn offset(self) -> i64 {
        i64::from(self.number - 1) * i64::from(self.size)
    }
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub total: i64,
    /// More items match than `total` counts (searches count up to a cap).
    pub capped: bool,
    pub page: u32,
    pub page_size: u32,
}

impl<T> Paged<T> {
    pub fn pages(&self) -> u32 {
        let size = i64::from(self.page_size.max(1));
        u32::try_from((self.total + size - 1) / size)
            .unwrap_or(u32::MAX)
            .max(1)
    }
}
