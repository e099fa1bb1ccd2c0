//! Activity programmes and their activities: the rows, the writes inside their command's
//! transaction, a programme's history, and the timetable that folds in every body below
//! a territory (one range over the bodies' paths).

use crate::{Day, Db, Page, Result, ScopeFilter, StoreError, Tx};
use serde::Serialize;
use tanzim_domain::programmes::{CheckedActivity, Held, Span};
use tanzim_domain::territory::TerritoryPath;

/// A body's programme for a period: a draft its officers build, then adopted by a
/// meeting's decision when the minutes are approved.
#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Programme {
    pub id: i64,
    pub body_id: i64,
    pub title: String,
    #[schema(value_type = String, format = Date)]
    pub starts_on: Day,
    #[schema(value_type = String, format = Date)]
    pub ends_on: Day,
    /// One activity per line, for programmes adopted before activities had their own rows.
    pub listed: String,
    /// `draft` or `adopted`.
    pub status: String,
    pub decision_id: Option<i64>,
    #[schema(value_type = Option<String>, format = Date)]
    pub adopted_on: Option<Day>,
}

impl Programme {
    pub fn is_adopted(&self) -> bool {
        self.status == "adopted"
    }
    pub fn span(&self) -> Span {
        Span {
            starts_on: self.starts_on.date(),
            ends_on: self.ends_on.date(),
        }
    }
}

const PROGRAMME: &str = "SELECT id, body_id, title, starts_on, ends_on, listed, status, decision_id, adopted_on FROM programmes";

/// A body's programmes, the latest period first.
pub async fn of_body(db: &Db, body_id: i64) -> Result<Vec<Programme>> {
    let sql = format!("{PROGRAMME} WHERE body_id = $1 ORDER BY starts_on DESC, id DESC");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Programme>(sqlx::AssertSqlSafe(sql)).bind(body_id).fetch_all(p).await)?,
    )
}

pub async fn get(db: &Db, id: i64) -> Result<Option<Programme>> {
    let sql = format!("{PROGRAMME} WHERE id = $1");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Programme>(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await)?,
    )
}

/// A draft programme with its body's name.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Draft {
    #[sqlx(flatten)]
    pub programme: Programme,
    pub body_name: String,
}

/// The draft programmes in a scope, for the home page: awaiting a meeting's adoption.
pub async fn drafts_in(db: &Db, scope: &ScopeFilter, limit: i64) -> Result<Vec<Draft>> {
    let (scope_sql, binds) = scope.sql("g.path", "b.organization", 1);
    let sql = format!(
        "SELECT g.id, g.body_id, g.title, g.starts_on, g.ends_on, g.listed, g.status, g.decision_id, g.adopted_on, b.name AS body_name
         FROM programmes g JOIN bodies b ON b.id = g.body_id
         WHERE g.status = 'draft' AND {scope_sql} ORDER BY g.starts_on, g.id LIMIT {limit}"
    );
    Ok(on_pool!(db, p => {
        let mut q = sqlx::query_as::<_, Draft>(sqlx::AssertSqlSafe(sql));
        for b in &binds {
            q = q.bind(b);
        }
        q.fetch_all(p).await
    })?)
}

pub async fn insert(
    tx: &mut Tx,
    body_id: i64,
    path: &str,
    title: &str,
    span: &Span,
    actor: Option<i64>,
    now: i64,
) -> Result<i64> {
    Ok(on_tx!(tx, c => sqlx::query_scalar(
        "INSERT INTO programmes (body_id, path, title, starts_on, ends_on, status, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, 'draft', $6, $7) RETURNING id",
    ).bind(body_id).bind(path).bind(title).bind(Day(span.starts_on)).bind(Day(span.ends_on)).bind(actor).bind(now)
    .fetch_one(c).await)?)
}

/// Adopts a draft by a decision: a programme already adopted is not adopted twice.
pub async fn adopt(tx: &mut Tx, id: i64, decision_id: i64, on: Day) -> Result<()> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE programmes SET status = 'adopted', decision_id = $1, adopted_on = $2 WHERE id = $3 AND status = 'draft'",
    ).bind(decision_id).bind(on).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    if n == 1 {
        Ok(())
    } else {
        Err(StoreError::Conflict("programme-not-draft"))
    }
}

/// An activity with its body's name and its commune's names.
#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Activity {
    pub id: i64,
    pub programme_id: i64,
    pub body_id: i64,
    pub body_name: String,
    /// The body's territory path and organization: what scopes and timetables filter on.
    pub path: String,
    pub organization: String,
    pub title: String,
    /// Keys of the profile's activity vocabulary.
    pub kind: String,
    /// Theme keys between commas (`,media,youth,`).
    pub themes: String,
    pub audience: String,
    #[schema(value_type = String, format = Date)]
    pub starts_on: Day,
    #[schema(value_type = String, format = Date)]
    pub ends_on: Day,
    pub commune_code: Option<String>,
    pub commune_name_ar: Option<String>,
    pub commune_name_fr: Option<String>,
    pub online: bool,
    pub responsible: Option<String>,
    /// One guest a line.
    pub guests: String,
    pub budget_centimes: Option<i64>,
    /// `planned`, `scheduled`, `held`, `postponed` or `cancelled`.
    pub status: String,
    #[schema(value_type = Option<String>, format = Date)]
    pub postponed_from: Option<Day>,
    pub cancel_reason: Option<String>,
    #[schema(value_type = Option<String>, format = Date)]
    pub held_on: Option<Day>,
    pub attended_men: Option<i64>,
    pub attended_women: Option<i64>,
    pub attended_under35: Option<i64>,
    pub speakers: Option<String>,
    /// Who was there by name, one a line.
    pub attendees: Option<String>,
    pub summary: Option<String>,
    pub meeting_id: Option<i64>,
    /// The body above that took it into its own timetable.
    pub folded_into: Option<i64>,
    /// What the body above asked of it (to move it), until it is postponed.
    pub move_asked: Option<String>,
}

impl Activity {
    pub fn span(&self) -> Span {
        Span {
            starts_on: self.starts_on.date(),
            ends_on: self.ends_on.date(),
        }
    }
    pub fn theme_keys(&self) -> impl Iterator<Item = &str> {
        self.themes.split(',').filter(|t| !t.is_empty())
    }
    pub fn guest_list(&self) -> Vec<String> {
        tanzim_domain::programmes::guest_lines(&self.guests)
    }
}

const ACTIVITY: &str = "SELECT a.id, a.programme_id, a.body_id, b.name AS body_name, a.path, a.organization, a.title,
    a.kind, a.themes, a.audience, a.starts_on, a.ends_on, a.commune_code, t.name_ar AS commune_name_ar,
    t.name_fr AS commune_name_fr, a.online, a.responsible, a.guests, a.budget_centimes, a.status,
    a.postponed_from, a.cancel_reason, a.held_on, a.attended_men, a.attended_women, a.attended_under35,
    a.speakers, a.attendees, a.summary, a.meeting_id, a.folded_into, a.move_asked
    FROM activities a JOIN bodies b ON b.id = a.body_id LEFT JOIN territories t ON t.code = a.commune_code";

async fn fetch(db: &Db, sql: String, binds: &[String]) -> Result<Vec<Activity>> {
    Ok(on_pool!(db, p => {
        let mut q = sqlx::query_as::<_, Activity>(sqlx::AssertSqlSafe(sql));
        for b in binds { q = q.bind(b); }
        q.fetch_all(p).await
    })?)
}

pub async fn activity(db: &Db, id: i64) -> Result<Option<Activity>> {
    let sql = format!("{ACTIVITY} WHERE a.id = CAST($1 AS BIGINT)");
    Ok(fetch(db, sql, &[id.to_string()]).await?.into_iter().next())
}

/// A programme's activities in the order of their days.
pub async fn activities(db: &Db, programme_id: i64) -> Result<Vec<Activity>> {
    let sql = format!(
        "{ACTIVITY} WHERE a.programme_id = CAST($1 AS BIGINT) ORDER BY a.starts_on, a.ends_on, a.id"
    );
    fetch(db, sql, &[programme_id.to_string()]).await
}

pub struct Owner<'a> {
    pub programme_id: i64,
    pub body_id: i64,
    pub path: &'a str,
    pub organization: &'a str,
}

pub async fn add_activity(
    tx: &mut Tx,
    owner: &Owner<'_>,
    a: &CheckedActivity,
    commune: Option<&str>,
    actor: Option<i64>,
    now: i64,
) -> Result<i64> {
    Ok(on_tx!(tx, c => sqlx::query_scalar(
        "INSERT INTO activities (programme_id, body_id, path, organization, title, kind, themes, audience, starts_on, ends_on,
           commune_code, online, responsible, guests, budget_centimes, status, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18) RETURNING id",
    ).bind(owner.programme_id).bind(owner.body_id).bind(owner.path).bind(owner.organization).bind(&a.title).bind(&a.kind)
    .bind(a.themes_stored()).bind(&a.audience).bind(Day(a.span.starts_on)).bind(Day(a.span.ends_on)).bind(commune)
    .bind(a.online).bind(&a.responsible).bind(a.guests.join("\n")).bind(a.budget_centimes)
    .bind(if a.span.is_one_day() { "scheduled" } else { "planned" }).bind(actor).bind(now)
    .fetch_one(c).await)?)
}

/// Rewrites an open activity's description (its status follows: a day fixes it).
pub async fn update_activity(
    tx: &mut Tx,
    id: i64,
    a: &CheckedActivity,
    commune: Option<&str>,
    now: i64,
) -> Result<()> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE activities SET title = $1, kind = $2, themes = $3, audience = $4, starts_on = $5, ends_on = $6,
           commune_code = $7, online = $8, responsible = $9, guests = $10, budget_centimes = $11, updated_at = $12,
           status = CASE WHEN status = 'postponed' THEN status WHEN $5 = $6 THEN 'scheduled' ELSE 'planned' END
         WHERE id = $13 AND status NOT IN ('held', 'cancelled')",
    ).bind(&a.title).bind(&a.kind).bind(a.themes_stored()).bind(&a.audience).bind(Day(a.span.starts_on)).bind(Day(a.span.ends_on))
    .bind(commune).bind(a.online).bind(&a.responsible).bind(a.guests.join("\n")).bind(a.budget_centimes).bind(now).bind(id)
    .execute(c).await.map(|r| r.rows_affected()))?;
    closed_unless_one(n)
}

fn closed_unless_one(n: u64) -> Result<()> {
    if n == 1 {
        Ok(())
    } else {
        Err(StoreError::Conflict("activity-closed"))
    }
}

/// A draft's activity is removed outright; an adopted programme's is cancelled instead.
pub async fn remove_activity(tx: &mut Tx, id: i64) -> Result<()> {
    on_tx!(tx, c => sqlx::query("DELETE FROM activity_changes WHERE activity_id = $1").bind(id).execute(c).await.map(|_| ()))?;
    let n = on_tx!(tx, c => sqlx::query("DELETE FROM activities WHERE id = $1").bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    closed_unless_one(n)
}

pub async fn postpone(tx: &mut Tx, id: i64, to: &Span, now: i64) -> Result<()> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE activities SET postponed_from = COALESCE(postponed_from, starts_on), starts_on = $1, ends_on = $2,
           status = 'postponed', move_asked = NULL, updated_at = $3 WHERE id = $4 AND status NOT IN ('held', 'cancelled')",
    ).bind(Day(to.starts_on)).bind(Day(to.ends_on)).bind(now).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    closed_unless_one(n)
}

pub async fn cancel(tx: &mut Tx, id: i64, reason: &str, now: i64) -> Result<()> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE activities SET status = 'cancelled', cancel_reason = $1, move_asked = NULL, updated_at = $2
         WHERE id = $3 AND status NOT IN ('held', 'cancelled')",
    ).bind(reason).bind(now).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    closed_unless_one(n)
}

pub async fn mark_held(
    tx: &mut Tx,
    id: i64,
    h: &Held,
    meeting_id: Option<i64>,
    now: i64,
) -> Result<()> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE activities SET status = 'held', held_on = $1, attended_men = $2, attended_women = $3, attended_under35 = $4,
           speakers = $5, summary = $6, meeting_id = $7, move_asked = NULL, updated_at = $8, attendees = $9
         WHERE id = $10 AND status NOT IN ('held', 'cancelled')",
    ).bind(Day(h.held_on)).bind(h.attended_men).bind(h.attended_women).bind(h.attended_under35)
    .bind(h.speakers.join("\n")).bind(&h.summary).bind(meeting_id).bind(now)
    .bind((!h.attendees.is_empty()).then(|| h.attendees.join("\n"))).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    closed_unless_one(n)
}

/// The body above takes the activity into its own timetable (or lets it go, with `None`).
pub async fn fold(tx: &mut Tx, id: i64, into: Option<i64>, now: i64) -> Result<()> {
    on_tx!(tx, c => sqlx::query("UPDATE activities SET folded_into = $1, updated_at = $2 WHERE id = $3")
        .bind(into).bind(now).bind(id).execute(c).await.map(|_| ()))?;
    Ok(())
}

/// The body above asks that the activity be moved; postponing it answers.
pub async fn ask_move(tx: &mut Tx, id: i64, text: &str, now: i64) -> Result<()> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE activities SET move_asked = $1, updated_at = $2 WHERE id = $3 AND status NOT IN ('held', 'cancelled')",
    ).bind(text).bind(now).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    closed_unless_one(n)
}

/// One entry of an adopted programme's history.
#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Change {
    pub id: i64,
    pub activity_id: i64,
    pub activity_title: String,
    /// `added`, `amended`, `postponed`, `cancelled`, `held`, `folded`, `unfolded`, `move_asked`.
    pub change: String,
    pub reason: Option<String>,
    /// The fields before and after, as JSON.
    pub before_json: Option<String>,
    pub after_json: Option<String>,
    pub created_at: i64,
}

pub struct NewChange<'a> {
    pub activity_id: i64,
    pub programme_id: i64,
    pub change: &'a str,
    pub reason: Option<&'a str>,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
}

pub async fn record_change(
    tx: &mut Tx,
    c: &NewChange<'_>,
    actor: Option<i64>,
    now: i64,
) -> Result<()> {
    on_tx!(tx, conn => sqlx::query(
        "INSERT INTO activity_changes (activity_id, programme_id, change, reason, before_json, after_json, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    ).bind(c.activity_id).bind(c.programme_id).bind(c.change).bind(c.reason).bind(&c.before_json).bind(&c.after_json)
    .bind(actor).bind(now).execute(conn).await.map(|_| ()))?;
    Ok(())
}

/// An adopted programme's history, latest first.
pub async fn changes(db: &Db, programme_id: i64) -> Result<Vec<Change>> {
    Ok(on_pool!(db, p => sqlx::query_as::<_, Change>(
        "SELECT h.id, h.activity_id, a.title AS activity_title, h.change, h.reason, h.before_json, h.after_json, h.created_at
         FROM activity_changes h JOIN activities a ON a.id = h.activity_id WHERE h.programme_id = $1 ORDER BY h.id DESC",
    ).bind(programme_id).fetch_all(p).await)?)
}

/// What a timetable shows: the activities of every body in a territory (and those a
/// body took into its own), in the reader's scope, overlapping a window of days.
#[derive(Debug, Clone, Default)]
pub struct Timetable {
    pub within: TerritoryPath,
    /// The body whose timetable it is: the activities it took in from elsewhere show too.
    pub folded_into: Option<i64>,
    pub from: Option<Day>,
    pub to: Option<Day>,
    /// Narrowing: a province's (or any territory's) subtree, an organization, a kind,
    /// a theme, a status.
    pub territory: Option<TerritoryPath>,
    pub organization: Option<String>,
    pub kind: Option<String>,
    pub theme: Option<String>,
    pub status: Option<String>,
}

impl Timetable {
    fn where_sql(&self, scope: &ScopeFilter) -> (String, Vec<String>) {
        // A reader who sees the whole country needs no scope condition: written as a range
        // over every path, it tempts either planner into reading the table by path.
        let (scope_sql, mut binds) = if scope.is_national() {
            ("1 = 1".to_owned(), Vec::new())
        } else {
            scope.sql("a.path", "a.organization", 1)
        };
        let bind = |v: String, binds: &mut Vec<String>| {
            binds.push(v);
            format!("${}", binds.len())
        };
        let (low, high) = self.within.range();
        let mut here = format!(
            "(a.path >= {} AND a.path < {})",
            bind(low, &mut binds),
            bind(high, &mut binds)
        );
        if let Some(b) = self.folded_into {
            here = format!(
                "({here} OR a.folded_into = CAST({} AS BIGINT))",
                bind(b.to_string(), &mut binds)
            );
        }
        let mut conditions = vec![scope_sql, here];
        if let Some(from) = self.from {
            conditions.push(format!(
                "a.ends_on >= {}",
                bind(from.to_string(), &mut binds)
            ));
            // An activity lasts a month at most (`parse_when`): bounding its start from
            // below too makes the window an index range on `activities_day` instead of
            // every row before the window's end.
            let earliest = Day(from.date() - chrono::Duration::days(31));
            conditions.push(format!(
                "a.starts_on >= {}",
                bind(earliest.to_string(), &mut binds)
            ));
        }
        if let Some(to) = self.to {
            conditions.push(format!(
                "a.starts_on <= {}",
                bind(to.to_string(), &mut binds)
            ));
        }
        if let Some(t) = &self.territory {
            let (low, high) = t.range();
            conditions.push(format!(
                "a.path >= {} AND a.path < {}",
                bind(low, &mut binds),
                bind(high, &mut binds)
            ));
        }
        if let Some(o) = &self.organization {
            conditions.push(format!("a.organization = {}", bind(o.clone(), &mut binds)));
        }
        if let Some(k) = &self.kind {
            conditions.push(format!("a.kind = {}", bind(k.clone(), &mut binds)));
        }
        if let Some(t) = &self.theme {
            conditions.push(format!(
                "a.themes LIKE {}",
                bind(format!("%,{t},%"), &mut binds)
            ));
        }
        if let Some(s) = &self.status {
            conditions.push(format!("a.status = {}", bind(s.clone(), &mut binds)));
        }
        (conditions.join(" AND "), binds)
    }
}

/// A page of the timetable, in the order of the days (its count comes from [`window`]).
pub async fn timetable_page(
    db: &Db,
    scope: &ScopeFilter,
    t: &Timetable,
    page: Page,
) -> Result<Vec<Activity>> {
    let (where_sql, binds) = t.where_sql(scope);
    let (limit, offset) = (page.limit(), page.offset());
    let sql = format!(
        "{ACTIVITY} WHERE {where_sql} ORDER BY a.starts_on, a.ends_on, a.id LIMIT {limit} OFFSET {offset}"
    );
    fetch(db, sql, &binds).await
}

/// Every activity of the window as the calendar and the clash rules read it, in one pass
/// without the joins the list needs (at most `limit`, the earliest first).
pub async fn window(
    db: &Db,
    scope: &ScopeFilter,
    t: &Timetable,
    limit: i64,
) -> Result<Vec<Placed>> {
    let (where_sql, binds) = t.where_sql(scope);
    let sql = format!(
        "SELECT a.id, a.status, a.starts_on, a.ends_on, a.path, a.commune_code, a.guests
         FROM activities a WHERE {where_sql} ORDER BY a.starts_on, a.id LIMIT {limit}"
    );
    Ok(on_pool!(db, p => {
        let mut q = sqlx::query_as::<_, Placed>(sqlx::AssertSqlSafe(sql));
        for b in &binds { q = q.bind(b); }
        q.fetch_all(p).await
    })?)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Placed {
    pub id: i64,
    pub status: String,
    pub starts_on: Day,
    pub ends_on: Day,
    /// The body's territory path (the activity carries it).
    pub path: String,
    pub commune_code: Option<String>,
    pub guests: String,
}

/// Gathers the planner's statistics on the activities (after a bulk load).
pub async fn analyze(db: &Db) -> Result<()> {
    on_pool!(db, p => sqlx::query("ANALYZE activities").execute(p).await.map(|_| ()))?;
    Ok(())
}

/// A photograph of a held activity, without its bytes.
#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Photo {
    pub id: i64,
    pub activity_id: i64,
    pub sha256: String,
    pub mime: String,
    pub created_at: i64,
}

pub async fn add_photo(
    tx: &mut Tx,
    activity_id: i64,
    sha256: &str,
    mime: &str,
    content: &[u8],
    actor: Option<i64>,
    now: i64,
) -> Result<i64> {
    Ok(on_tx!(tx, c => sqlx::query_scalar(
        "INSERT INTO activity_photos (activity_id, sha256, mime, content, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    ).bind(activity_id).bind(sha256).bind(mime).bind(content).bind(actor).bind(now).fetch_one(c).await)?)
}

pub async fn photos(db: &Db, activity_id: i64) -> Result<Vec<Photo>> {
    Ok(on_pool!(db, p => sqlx::query_as::<_, Photo>(
        "SELECT id, activity_id, sha256, mime, created_at FROM activity_photos WHERE activity_id = $1 ORDER BY id",
    ).bind(activity_id).fetch_all(p).await)?)
}

/// A photograph's type and bytes, if it belongs to the activity.
pub async fn photo_content(
    db: &Db,
    activity_id: i64,
    id: i64,
) -> Result<Option<(String, Vec<u8>)>> {
    Ok(on_pool!(db, p => sqlx::query_as::<_, (String, Vec<u8>)>(
        "SELECT mime, content FROM activity_photos WHERE id = $1 AND activity_id = $2",
    ).bind(id).bind(activity_id).fetch_optional(p).await)?)
}

/// The communiqué drafted from a held activity.
pub async fn add_communique(
    tx: &mut Tx,
    a: &Activity,
    lang: &str,
    headline: &str,
    body: &str,
    now: i64,
) -> Result<i64> {
    Ok(on_tx!(tx, c => sqlx::query_scalar(
        "INSERT INTO communiques (activity_id, body_id, path, lang, kind, headline, body, status, updated_at, created_at)
         VALUES ($1, $2, $3, $4, 'report', $5, $6, 'draft', $7, $7) RETURNING id",
    ).bind(a.id).bind(a.body_id).bind(&a.path).bind(lang).bind(headline).bind(body).bind(now).fetch_one(c).await)?)
}
