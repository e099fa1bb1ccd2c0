//! Bodies at work: who holds which position (with history), committees, meetings and what
//! is recorded in them, the minutes (approval locks them and gives the decisions effect),
//! and press communiqués with their publication.

use crate::audit::AuditEntry;
use crate::{Db, Page, Paged, Result, StoreError};
use serde::Serialize;
use tanzim_domain::meetings::DecisionKind;
use tanzim_domain::policy::Target;
use tanzim_domain::territory::TerritoryPath;

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Holder {
    pub id: i64,
    pub body_id: i64,
    pub position: String,
    pub rank: Option<i64>,
    pub holder_name: String,
    pub sex: String,
    pub member_id: Option<i64>,
    pub started_on: String,
    pub ended_on: Option<String>,
    pub decision_id: Option<i64>,
}

pub struct NewHolder<'a> {
    pub body_id: i64,
    pub position: &'a str,
    pub rank: Option<i64>,
    pub holder_name: &'a str,
    pub sex: &'a str,
    pub member_id: Option<i64>,
    pub started_on: &'a str,
}

const HOLDER_SELECT: &str = "SELECT id, body_id, position, rank, holder_name, sex, member_id, started_on, ended_on, decision_id FROM position_holders";

/// Gives a position to someone from a date; whoever held it (same position and rank) until
/// then leaves it that day. Evaluates to `Result<i64, sqlx::Error>` inside `$tx`.
macro_rules! install_holder {
    ($tx:expr, $new:expr, $decision:expr) => {{
        let new: &$crate::meetings::NewHolder<'_> = $new;
        let result: std::result::Result<i64, sqlx::Error> = async {
            sqlx::query(
                "UPDATE position_holders SET ended_on = $1 WHERE body_id = $2 AND position = $3
                 AND COALESCE(rank, 0) = COALESCE($4, 0) AND ended_on IS NULL",
            )
            .bind(new.started_on).bind(new.body_id).bind(new.position).bind(new.rank)
            .execute(&mut *$tx).await?;
            sqlx::query_scalar(
                "INSERT INTO position_holders (body_id, position, rank, holder_name, sex, member_id, started_on, decision_id, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            )
            .bind(new.body_id).bind(new.position).bind(new.rank).bind(new.holder_name).bind(new.sex)
            .bind(new.member_id).bind(new.started_on).bind($decision).bind($crate::now())
            .fetch_one(&mut *$tx).await
        }
        .await;
        result
    }};
}

/// Records a position holder directly (a body's existing office, entered once).
pub async fn add_holder(db: &Db, new: &NewHolder<'_>, audit: AuditEntry) -> Result<i64> {
    on_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let id = install_holder!(tx, new, None::<i64>)?;
        append_audit!(tx, &audit.detail(serde_json::json!({ "holder": id, "position": new.position, "rank": new.rank, "name": new.holder_name })))?;
        tx.commit().await?;
        Ok(id)
    })
}

/// A body's holders: current ones, or every one with the ended mandates too.
pub async fn holders(db: &Db, body_id: i64, current_only: bool) -> Result<Vec<Holder>> {
    let sql = format!(
        "{HOLDER_SELECT} WHERE body_id = $1{} ORDER BY position, rank, started_on, id",
        if current_only {
            " AND ended_on IS NULL"
        } else {
            ""
        }
    );
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Holder>(sqlx::AssertSqlSafe(sql)).bind(body_id).fetch_all(p).await)?,
    )
}

pub async fn holder(db: &Db, id: i64) -> Result<Option<Holder>> {
    let sql = format!("{HOLDER_SELECT} WHERE id = $1");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Holder>(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await)?,
    )
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Committee {
    pub id: i64,
    pub body_id: i64,
    pub kind: String,
    pub created_on: String,
    pub decision_id: Option<i64>,
    /// Member names, comma-separated.
    pub members: String,
}

/// A committee with its members in seat order and its body's name (`FROM committees c JOIN
/// bodies b`).
const COMMITTEE_SELECT: &str = "SELECT c.id, c.body_id, c.kind, c.created_on, c.decision_id,
    COALESCE((SELECT STRING_AGG(m.name, ', ') FROM (SELECT name FROM committee_members WHERE committee_id = c.id ORDER BY seat) m), '') AS members,
    b.name AS body_name
    FROM committees c JOIN bodies b ON b.id = c.body_id";

#[derive(sqlx::FromRow)]
struct CommitteeRow {
    #[sqlx(flatten)]
    committee: Committee,
    body_name: String,
}

pub async fn committees(db: &Db, body_id: i64) -> Result<Vec<Committee>> {
    let sql = format!("{COMMITTEE_SELECT} WHERE c.body_id = $1 ORDER BY c.id");
    let rows: Vec<CommitteeRow> = on_pool!(db, p => sqlx::query_as::<_, CommitteeRow>(sqlx::AssertSqlSafe(sql)).bind(body_id).fetch_all(p).await)?;
    Ok(rows.into_iter().map(|r| r.committee).collect())
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Meeting {
    pub id: i64,
    pub body_id: i64,
    pub path: String,
    pub kind: String,
    pub held_on: String,
    pub starts_at: Option<String>,
    pub commune_code: Option<String>,
    pub place: Option<String>,
    pub slogan: Option<String>,
    /// What the meeting is for.
    pub goals: Option<String>,
    pub chair_holder_id: Option<i64>,
    pub minutes: Option<String>,
    /// `none`, `draft` or `approved` (locked).
    pub minutes_status: String,
    pub approved_at: Option<i64>,
}

impl Meeting {
    pub fn target(&self) -> Target {
        Target {
            path: TerritoryPath::from_stored(self.path.clone()),
            organization: None,
        }
    }
    pub fn locked(&self) -> bool {
        self.minutes_status == "approved"
    }
}

pub struct NewMeeting<'a> {
    pub body_id: i64,
    pub path: &'a TerritoryPath,
    pub kind: &'a str,
    pub held_on: &'a str,
    pub starts_at: Option<&'a str>,
    pub commune_code: Option<&'a str>,
    pub place: Option<&'a str>,
    pub slogan: Option<&'a str>,
    pub goals: Option<&'a str>,
    pub chair_holder_id: Option<i64>,
    pub agenda: &'a [String],
    /// A chair, co-chair or host from outside the body (or from another level).
    pub leads: &'a [Lead],
}

/// A chair, co-chair or host named with the title the press uses (see `LEAD_ROLES`).
#[derive(Debug, Clone, Serialize, serde::Deserialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Lead {
    /// chair, co_chair or host.
    pub role: String,
    pub name: String,
    /// F or M.
    pub sex: String,
    /// As the press writes it: "عضو اللجنة التنفيذية".
    pub title: String,
}

pub async fn leads(db: &Db, meeting_id: i64) -> Result<Vec<Lead>> {
    Ok(on_pool!(db, p => sqlx::query_as::<_, Lead>(
        "SELECT role, name, sex, title FROM meeting_leads WHERE meeting_id = $1 ORDER BY CASE role WHEN 'chair' THEN 1 WHEN 'co_chair' THEN 2 ELSE 3 END",
    ).bind(meeting_id).fetch_all(p).await)?)
}

const MEETING_SELECT: &str = "SELECT id, body_id, path, kind, held_on, starts_at, commune_code, place, slogan, goals, chair_holder_id,
    minutes, minutes_status, approved_at FROM meetings";

/// Writes a meeting's agenda (in order) and its leads. Evaluates to `Result<(), sqlx::Error>`
/// inside `$tx`.
macro_rules! write_agenda_and_leads {
    ($tx:expr, $id:expr, $new:expr) => {{
        let (id, new): (i64, &NewMeeting<'_>) = ($id, $new);
        let result: std::result::Result<(), sqlx::Error> = async {
            for (seat, title) in new.agenda.iter().enumerate() {
                sqlx::query("INSERT INTO agenda_items (meeting_id, seat, title) VALUES ($1, $2, $3)")
                    .bind(id).bind(seat as i64 + 1).bind(title)
                    .execute(&mut *$tx).await?;
            }
            for l in new.leads {
                sqlx::query("INSERT INTO meeting_leads (meeting_id, role, name, sex, title) VALUES ($1, $2, $3, $4, $5)")
                    .bind(id).bind(&l.role).bind(&l.name).bind(&l.sex).bind(&l.title)
                    .execute(&mut *$tx).await?;
            }
            Ok(())
        }
        .await;
        result
    }};
}

pub async fn create(db: &Db, new: &NewMeeting<'_>, audit: AuditEntry) -> Result<i64> {
    on_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO meetings (body_id, path, kind, held_on, starts_at, commune_code, place, slogan, goals, chair_holder_id, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        )
        .bind(new.body_id).bind(new.path.as_str()).bind(new.kind).bind(new.held_on).bind(new.starts_at)
        .bind(new.commune_code).bind(new.place).bind(new.slogan).bind(new.goals).bind(new.chair_holder_id).bind(crate::now())
        .fetch_one(&mut *tx).await?;
        write_agenda_and_leads!(tx, id, new)?;
        append_audit!(tx, &audit.target("meeting", id, Some(new.path.clone())).detail(serde_json::json!({ "body": new.body_id, "held_on": new.held_on, "kind": new.kind })))?;
        tx.commit().await?;
        Ok(id)
    })
}

pub async fn get(db: &Db, id: i64) -> Result<Option<Meeting>> {
    let sql = format!("{MEETING_SELECT} WHERE id = $1");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Meeting>(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await)?,
    )
}

/// A body's meetings, the latest first.
pub async fn of_body(db: &Db, body_id: i64) -> Result<Vec<Meeting>> {
    let sql = format!("{MEETING_SELECT} WHERE body_id = $1 ORDER BY held_on DESC, id DESC");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Meeting>(sqlx::AssertSqlSafe(sql)).bind(body_id).fetch_all(p).await)?,
    )
}

/// Meetings from `from` (YYYY-MM-DD) on, soonest first, in the scope (by their body's
/// place and organization).
pub async fn upcoming(
    db: &Db,
    scope: &crate::ScopeFilter,
    from: &str,
    limit: i64,
) -> Result<Vec<(Meeting, String)>> {
    in_scope(
        db,
        scope,
        "m.held_on >= $N",
        from,
        "m.held_on, m.starts_at, m.id",
        limit,
    )
    .await
}

/// Meetings held before `before` whose minutes are not approved yet (to draft or to
/// approve), oldest first, in the scope.
pub async fn awaiting_minutes(
    db: &Db,
    scope: &crate::ScopeFilter,
    before: &str,
    limit: i64,
) -> Result<Vec<(Meeting, String)>> {
    let condition = "m.held_on < $N AND m.minutes_status <> 'approved'";
    in_scope(db, scope, condition, before, "m.held_on, m.id", limit).await
}

/// Meetings in the scope meeting `condition` (whose `$N` is `value`), with their body's
/// name. `condition` and `order` are the callers' constants, never input.
async fn in_scope(
    db: &Db,
    scope: &crate::ScopeFilter,
    condition: &str,
    value: &str,
    order: &str,
    limit: i64,
) -> Result<Vec<(Meeting, String)>> {
    let (scope_sql, mut binds) = scope.sql("b.path", "b.organization", 1);
    binds.push(value.to_owned());
    let condition = condition.replace("$N", &format!("${}", binds.len()));
    let sql = format!(
        "SELECT m.id, m.body_id, m.path, m.kind, m.held_on, m.starts_at, m.commune_code, m.place, m.slogan, m.goals, m.chair_holder_id,
           m.minutes, m.minutes_status, m.approved_at, b.name AS body_name
         FROM meetings m JOIN bodies b ON b.id = m.body_id
         WHERE {scope_sql} AND {condition} ORDER BY {order} LIMIT {limit}"
    );
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        meeting: Meeting,
        body_name: String,
    }
    let rows: Vec<Row> = on_pool!(db, p => {
        let mut q = sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(sql));
        for b in &binds {
            q = q.bind(b);
        }
        q.fetch_all(p).await
    })?;
    Ok(rows.into_iter().map(|r| (r.meeting, r.body_name)).collect())
}

pub async fn agenda(db: &Db, meeting_id: i64) -> Result<Vec<String>> {
    Ok(
        on_pool!(db, p => sqlx::query_scalar("SELECT title FROM agenda_items WHERE meeting_id = $1 ORDER BY seat").bind(meeting_id).fetch_all(p).await)?,
    )
}

#[derive(Debug, Clone, Serialize, serde::Deserialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Attendee {
    pub name: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub holder_id: Option<i64>,
    #[serde(default)]
    pub guest: bool,
    /// present, excused or absent.
    pub presence: String,
    /// HH:MM when they came after the opening.
    #[serde(default)]
    pub arrived_at: Option<String>,
    /// HH:MM when they left before the close.
    #[serde(default)]
    pub left_at: Option<String>,
    /// The votes a delegate carries, where the body's rules weigh votes.
    #[serde(default = "one")]
    pub weight: i64,
    /// An absent member's proxy: the name of the present member who votes for them.
    #[serde(default)]
    pub proxy_to: Option<String>,
}

fn one() -> i64 {
    1
}

impl Attendee {
    /// The line as the voting rules read it.
    pub fn seat(&self) -> tanzim_domain::meetings::Seat<'_> {
        use tanzim_domain::meetings::Presence;
        tanzim_domain::meetings::Seat {
            name: &self.name,
            guest: self.guest,
            presence: Presence::parse(&self.presence).unwrap_or(Presence::Absent),
            arrived_at: self.arrived_at.as_deref(),
            left_at: self.left_at.as_deref(),
            weight: self.weight,
            proxy_to: self.proxy_to.as_deref(),
        }
    }
}

pub async fn attendance(db: &Db, meeting_id: i64) -> Result<Vec<Attendee>> {
    Ok(on_pool!(db, p => sqlx::query_as::<_, Attendee>(
        "SELECT name, title, holder_id, guest, presence, arrived_at, left_at, weight, proxy_to FROM attendance WHERE meeting_id = $1 ORDER BY guest, id",
    ).bind(meeting_id).fetch_all(p).await)?)
}

/// Fails with `minutes-approved` inside `$tx` when the meeting's record is locked.
macro_rules! ensure_open {
    ($tx:expr, $meeting_id:expr) => {{
        let status: Option<String> =
            sqlx::query_scalar("SELECT minutes_status FROM meetings WHERE id = $1")
                .bind($meeting_id)
                .fetch_optional(&mut *$tx)
                .await?;
        if status.as_deref() == Some("approved") {
            return Err(StoreError::Conflict("minutes-approved"));
        }
    }};
}

/// Corrects a meeting while its record is open: its fields, and its agenda and leads
/// replaced.
pub async fn update(db: &Db, m: &Meeting, new: &NewMeeting<'_>, audit: AuditEntry) -> Result<()> {
    on_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        ensure_open!(tx, m.id);
        sqlx::query(
            "UPDATE meetings SET kind = $1, held_on = $2, starts_at = $3, commune_code = $4, place = $5, slogan = $6, goals = $7,
               chair_holder_id = $8 WHERE id = $9",
        )
        .bind(new.kind).bind(new.held_on).bind(new.starts_at).bind(new.commune_code).bind(new.place).bind(new.slogan)
        .bind(new.goals).bind(new.chair_holder_id).bind(m.id)
        .execute(&mut *tx).await?;
        sqlx::query("DELETE FROM agenda_items WHERE meeting_id = $1").bind(m.id).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM meeting_leads WHERE meeting_id = $1").bind(m.id).execute(&mut *tx).await?;
        write_agenda_and_leads!(tx, m.id, new)?;
        append_audit!(tx, &audit.target_of("meeting", m.id, &m.target()).detail(serde_json::json!({ "held_on": new.held_on, "kind": new.kind, "corrected": true })))?;
        tx.commit().await?;
        Ok(())
    })
}

/// Replaces the attendance list (the record says who was there, and as what).
pub async fn record_attendance(
    db: &Db,
    m: &Meeting,
    list: &[Attendee],
    audit: AuditEntry,
) -> Result<()> {
    on_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        ensure_open!(tx, m.id);
        sqlx::query("DELETE FROM attendance WHERE meeting_id = $1").bind(m.id).execute(&mut *tx).await?;
        for a in list {
            sqlx::query(
                "INSERT INTO attendance (meeting_id, name, title, holder_id, guest, presence, arrived_at, left_at, weight, proxy_to)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            )
                .bind(m.id).bind(&a.name).bind(&a.title).bind(a.holder_id).bind(a.guest).bind(&a.presence)
                .bind(&a.arrived_at).bind(&a.left_at).bind(a.weight).bind(&a.proxy_to)
                .execute(&mut *tx).await?;
        }
        append_audit!(tx, &audit.target_of("meeting", m.id, &m.target()).detail(serde_json::json!({ "attendance": list.len() })))?;
        tx.commit().await?;
        Ok(())
    })
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Intervention {
    pub id: i64,
    pub speaker: String,
    pub agenda_seat: Option<i64>,
    pub summary: String,
}

pub async fn interventions(db: &Db, meeting_id: i64) -> Result<Vec<Intervention>> {
    Ok(on_pool!(db, p => sqlx::query_as::<_, Intervention>(
        "SELECT id, speaker, agenda_seat, summary FROM interventions WHERE meeting_id = $1 ORDER BY id",
    ).bind(meeting_id).fetch_all(p).await)?)
}

pub async fn add_intervention(
    db: &Db,
    m: &Meeting,
    speaker: &str,
    agenda_seat: Option<i64>,
    summary: &str,
    audit: AuditEntry,
) -> Result<i64> {
    on_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        ensure_open!(tx, m.id);
        let id: i64 = sqlx::query_scalar("INSERT INTO interventions (meeting_id, speaker, agenda_seat, summary) VALUES ($1, $2, $3, $4) RETURNING id")
            .bind(m.id).bind(speaker).bind(agenda_seat).bind(summary)
            .fetch_one(&mut *tx).await?;
        append_audit!(tx, &audit.target_of("meeting", m.id, &m.target()).detail(serde_json::json!({ "intervention": id })))?;
        tx.commit().await?;
        Ok(id)
    })
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Decision {
    pub id: i64,
    pub meeting_id: i64,
    /// The decision as JSON (`kind` and its fields).
    pub data: String,
    /// The decision in words, for the minutes and the communiqué.
    pub summary: String,
    pub votes_for: Option<i64>,
    pub against: Option<i64>,
    pub abstentions: Option<i64>,
    /// HH:MM when it was taken (who was in the room then voted).
    pub taken_at: Option<String>,
    /// Whether it has taken effect (the minutes are approved).
    pub applied: bool,
}

impl Decision {
    pub fn kind(&self) -> Option<DecisionKind> {
        serde_json::from_str(&self.data).ok()
    }
}

pub async fn decisions(db: &Db, meeting_id: i64) -> Result<Vec<Decision>> {
    Ok(on_pool!(db, p => sqlx::query_as::<_, Decision>(
        "SELECT id, meeting_id, data, summary, votes_for, against, abstentions, taken_at, applied FROM decisions WHERE meeting_id = $1 ORDER BY id",
    ).bind(meeting_id).fetch_all(p).await)?)
}

pub async fn add_decision(
    db: &Db,
    m: &Meeting,
    kind: &DecisionKind,
    vote: Option<&tanzim_domain::meetings::Vote>,
    taken_at: Option<&str>,
    summary: &str,
    audit: AuditEntry,
) -> Result<i64> {
    // A plain enum of strings and numbers always serializes.
    let data = serde_json::to_string(kind).unwrap_or_default();
    on_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        ensure_open!(tx, m.id);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO decisions (meeting_id, data, summary, votes_for, against, abstentions, taken_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(m.id).bind(&data).bind(summary)
        .bind(vote.map(|v| v.votes_for)).bind(vote.map(|v| v.against)).bind(vote.map(|v| v.abstentions)).bind(taken_at)
        .fetch_one(&mut *tx).await?;
        append_audit!(tx, &audit.target_of("meeting", m.id, &m.target()).detail(serde_json::json!({ "decision": id, "summary": summary })))?;
        tx.commit().await?;
        Ok(id)
    })
}

/// Saves the rapporteur's draft of the minutes.
pub async fn save_minutes(db: &Db, m: &Meeting, text: &str, audit: AuditEntry) -> Result<()> {
    on_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        ensure_open!(tx, m.id);
        sqlx::query("UPDATE meetings SET minutes = $1, minutes_status = 'draft' WHERE id = $2")
            .bind(text).bind(m.id).execute(&mut *tx).await?;
        append_audit!(tx, &audit.target_of("meeting", m.id, &m.target()))?;
        tx.commit().await?;
        Ok(())
    })
}

/// Approves the minutes: the record locks and every decision takes effect (positions are
/// given, committees created), all in one transaction.
pub async fn approve_minutes(
    db: &Db,
    m: &Meeting,
    actor_id: Option<i64>,
    audit: AuditEntry,
) -> Result<()> {
    let now = crate::now();
    let pending = decisions(db, m.id).await?;
    let body = crate::bodies::get(db, m.body_id)
        .await?
        .ok_or(StoreError::Conflict("parent-unknown"))?;
    on_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let done = sqlx::query("UPDATE meetings SET minutes_status = 'approved', approved_at = $1, approved_by = $2 WHERE id = $3 AND minutes_status = 'draft'")
            .bind(now).bind(actor_id).bind(m.id)
            .execute(&mut *tx).await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::Conflict(if m.locked() { "minutes-approved" } else { "minutes-not-drafted" }));
        }
        for d in pending.iter().filter(|d| !d.applied) {
            match d.kind() {
                Some(DecisionKind::Appoint { position, rank, holder_name, sex, member_id }) => {
                    let new = NewHolder {
                        body_id: m.body_id,
                        position: &position,
                        rank: rank.map(i64::from),
                        holder_name: &holder_name,
                        sex: &sex,
                        member_id,
                        started_on: &m.held_on,
                    };
                    install_holder!(tx, &new, Some(d.id))?;
                }
                Some(DecisionKind::CreateCommittee { committee, members }) => {
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO committees (body_id, kind, created_on, decision_id, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                    )
                    .bind(m.body_id).bind(&committee).bind(&m.held_on).bind(d.id).bind(now)
                    .fetch_one(&mut *tx).await?;
                    for (seat, name) in members.iter().enumerate() {
                        sqlx::query("INSERT INTO committee_members (committee_id, seat, name) VALUES ($1, $2, $3)")
                            .bind(id).bind(seat as i64 + 1).bind(name)
                            .execute(&mut *tx).await?;
                    }
                }
                Some(DecisionKind::Constitute) => {
                    sqlx::query("UPDATE bodies SET constituted_on = $1 WHERE id = $2 AND constituted_on IS NULL")
                        .bind(&m.held_on).bind(m.body_id)
                        .execute(&mut *tx).await?;
                }
                Some(DecisionKind::LaunchCampaign { year, opens_on, closes_on, categories }) => {
                    // Checked when recorded; a plan that no longer holds is refused here.
                    let plan = tanzim_domain::members::plan_campaign(&year, &opens_on, &closes_on, &categories)
                        .map_err(|_| StoreError::Conflict("campaign-invalid"))?;
                    insert_campaign!(tx, &body, &plan, actor_id)?;
                }
                Some(DecisionKind::AdoptProgramme { title, starts_on, ends_on, activities }) => {
                    sqlx::query(
                        "INSERT INTO programmes (body_id, path, title, starts_on, ends_on, activities, decision_id, adopted_on, created_at)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                    )
                    .bind(m.body_id).bind(&m.path).bind(&title).bind(&starts_on).bind(&ends_on)
                    .bind(activities.join("\n")).bind(d.id).bind(&m.held_on).bind(now)
                    .execute(&mut *tx).await?;
                }
                Some(DecisionKind::Resolution { .. }) | None => {}
            }
            sqlx::query("UPDATE decisions SET applied = TRUE WHERE id = $1").bind(d.id).execute(&mut *tx).await?;
        }
        append_audit!(tx, &audit.target_of("meeting", m.id, &m.target()).detail(serde_json::json!({ "decisions": pending.len() })))?;
        tx.commit().await?;
        Ok(())
    })
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Amendment {
    pub id: i64,
    pub text: String,
    pub reason: String,
    pub made_by: Option<i64>,
    pub made_at: i64,
}

pub async fn amendments(db: &Db, meeting_id: i64) -> Result<Vec<Amendment>> {
    Ok(on_pool!(db, p => sqlx::query_as::<_, Amendment>(
        "SELECT id, text, reason, made_by, made_at FROM minutes_amendments WHERE meeting_id = $1 ORDER BY id",
    ).bind(meeting_id).fetch_all(p).await)?)
}

/// Amends approved minutes (a draft is edited instead): the approved text stays.
pub async fn amend_minutes(
    db: &Db,
    m: &Meeting,
    text: &str,
    reason: &str,
    actor_id: Option<i64>,
    audit: AuditEntry,
) -> Result<i64> {
    on_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let status: Option<String> = sqlx::query_scalar("SELECT minutes_status FROM meetings WHERE id = $1")
            .bind(m.id).fetch_optional(&mut *tx).await?;
        if status.as_deref() != Some("approved") {
            return Err(StoreError::Conflict("minutes-not-approved"));
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO minutes_amendments (meeting_id, text, reason, made_by, made_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(m.id).bind(text).bind(reason).bind(actor_id).bind(crate::now())
        .fetch_one(&mut *tx).await?;
        append_audit!(tx, &audit.target_of("meeting", m.id, &m.target()).detail(serde_json::json!({ "amendment": id, "reason": reason })))?;
        tx.commit().await?;
        Ok(id)
    })
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Communique {
    pub id: i64,
    pub meeting_id: i64,
    pub body_id: i64,
    pub path: String,
    pub lang: String,
    pub headline: String,
    pub body: String,
    /// `draft`, `published` or `unpublished`.
    pub status: String,
    pub published_at: Option<i64>,
    pub updated_at: i64,
}

impl Communique {
    pub fn target(&self) -> Target {
        Target {
            path: TerritoryPath::from_stored(self.path.clone()),
            organization: None,
        }
    }
}

const COMMUNIQUE_SELECT: &str = "SELECT id, meeting_id, body_id, path, lang, headline, body, status, published_at, updated_at FROM communiques";

pub async fn create_communique(
    db: &Db,
    m: &Meeting,
    lang: &str,
    headline: &str,
    body: &str,
    audit: AuditEntry,
) -> Result<i64> {
    let now = crate::now();
    on_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO communiques (meeting_id, body_id, path, lang, headline, body, status, updated_at, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7, $7) RETURNING id",
        )
        .bind(m.id).bind(m.body_id).bind(&m.path).bind(lang).bind(headline).bind(body).bind(now)
        .fetch_one(&mut *tx).await?;
        append_audit!(tx, &audit.target_of("communique", id, &m.target()))?;
        tx.commit().await?;
        Ok(id)
    })
}

pub async fn communique(db: &Db, id: i64) -> Result<Option<Communique>> {
    let sql = format!("{COMMUNIQUE_SELECT} WHERE id = $1");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Communique>(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await)?,
    )
}

pub async fn communiques_of(db: &Db, meeting_id: i64) -> Result<Vec<Communique>> {
    let sql = format!("{COMMUNIQUE_SELECT} WHERE meeting_id = $1 ORDER BY id");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Communique>(sqlx::AssertSqlSafe(sql)).bind(meeting_id).fetch_all(p).await)?,
    )
}

/// Edits a communiqué's text (its history is in the audit log, old and new).
pub async fn edit_communique(
    db: &Db,
    c: &Communique,
    headline: &str,
    body: &str,
    audit: AuditEntry,
) -> Result<()> {
    on_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE communiques SET headline = $1, body = $2, updated_at = $3 WHERE id = $4")
            .bind(headline).bind(body).bind(crate::now()).bind(c.id)
            .execute(&mut *tx).await?;
        let detail = serde_json::json!({ "headline_from": c.headline, "body_from": c.body });
        append_audit!(tx, &audit.target_of("communique", c.id, &c.target()).detail(detail))?;
        tx.commit().await?;
        Ok(())
    })
}

/// Publishes or unpublishes a communiqué (`published` / `unpublished`).
pub async fn set_publication(
    db: &Db,
    c: &Communique,
    status: &str,
    audit: AuditEntry,
) -> Result<()> {
    let now = crate::now();
    on_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE communiques SET status = $1, published_at = CASE WHEN $1 = 'published' THEN $2 ELSE published_at END, updated_at = $2 WHERE id = $3")
            .bind(status).bind(now).bind(c.id)
            .execute(&mut *tx).await?;
        append_audit!(tx, &audit.target_of("communique", c.id, &c.target()).detail(serde_json::json!({ "status": status })))?;
        tx.commit().await?;
        Ok(())
    })
}

/// Published communiqués, newest first, optionally within a territory's subtree.
pub async fn published(
    db: &Db,
    within: Option<&TerritoryPath>,
    page: Page,
) -> Result<Paged<Communique>> {
    let mut binds = Vec::new();
    let mut where_sql = "status = 'published'".to_owned();
    if let Some(w) = within {
        let (low, high) = w.range();
        binds.push(low);
        binds.push(high);
        where_sql.push_str(" AND path >= $1 AND path < $2");
    }
    let n = binds.len();
    let list_sql = format!(
        "{COMMUNIQUE_SELECT} WHERE {where_sql} ORDER BY published_at DESC, id DESC LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let count_sql = format!("SELECT COUNT(*) FROM communiques WHERE {where_sql}");
    fetch_page!(db, Communique, list_sql, count_sql, binds, page)
}

/// Gives the user a new calendar feed link (its hash), replacing any earlier one.
pub async fn set_calendar_feed(
    db: &Db,
    user_id: i64,
    token_hash: &str,
    audit: AuditEntry,
) -> Result<()> {
    on_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES ($1, $2, $3)
             ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at",
        )
        .bind(user_id).bind(token_hash).bind(crate::now())
        .execute(&mut *tx).await?;
        append_audit!(tx, &audit.detail(serde_json::json!({ "calendar_feed": true })))?;
        tx.commit().await?;
        Ok(())
    })
}

/// The user a calendar feed link belongs to (only enabled accounts).
pub async fn calendar_feed_user(db: &Db, token_hash: &str) -> Result<Option<i64>> {
    Ok(on_pool!(db, p => sqlx::query_scalar(
        "SELECT f.user_id FROM calendar_feeds f JOIN users u ON u.id = f.user_id WHERE f.token_hash = $1 AND NOT u.disabled",
    ).bind(token_hash).fetch_optional(p).await)?)
}

pub async fn has_calendar_feed(db: &Db, user_id: i64) -> Result<bool> {
    let n: i64 = on_pool!(db, p => sqlx::query_scalar("SELECT COUNT(*) FROM calendar_feeds WHERE user_id = $1").bind(user_id).fetch_one(p).await)?;
    Ok(n > 0)
}

/// A work programme adopted by a meeting's decision.
#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Programme {
    pub id: i64,
    pub body_id: i64,
    pub title: String,
    pub starts_on: String,
    pub ends_on: String,
    /// One activity per line.
    pub activities: String,
    pub decision_id: i64,
    pub adopted_on: String,
}

/// A body's programmes, the latest period first.
pub async fn programmes(db: &Db, body_id: i64) -> Result<Vec<Programme>> {
    Ok(on_pool!(db, p => sqlx::query_as::<_, Programme>(
        "SELECT id, body_id, title, starts_on, ends_on, activities, decision_id, adopted_on FROM programmes WHERE body_id = $1 ORDER BY starts_on DESC, id DESC",
    ).bind(body_id).fetch_all(p).await)?)
}

/// Someone invited to a meeting: a member of the body (by their position) or a guest.
#[derive(Debug, Clone, Serialize, serde::Deserialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Invitee {
    pub name: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub holder_id: Option<i64>,
    #[serde(default)]
    pub guest: bool,
}

pub async fn invitations(db: &Db, meeting_id: i64) -> Result<Vec<Invitee>> {
    Ok(on_pool!(db, p => sqlx::query_as::<_, Invitee>(
        "SELECT name, title, holder_id, guest FROM invitations WHERE meeting_id = $1 ORDER BY guest, id",
    ).bind(meeting_id).fetch_all(p).await)?)
}

/// Replaces the invitation list (names are unique in it).
pub async fn invite(db: &Db, m: &Meeting, list: &[Invitee], audit: AuditEntry) -> Result<()> {
    on_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        ensure_open!(tx, m.id);
        sqlx::query("DELETE FROM invitations WHERE meeting_id = $1").bind(m.id).execute(&mut *tx).await?;
        for i in list {
            sqlx::query("INSERT INTO invitations (meeting_id, name, title, holder_id, guest, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(m.id).bind(&i.name).bind(&i.title).bind(i.holder_id).bind(i.guest).bind(crate::now())
                .execute(&mut *tx).await?;
        }
        append_audit!(tx, &audit.target_of("meeting", m.id, &m.target()).detail(serde_json::json!({ "invited": list.len() })))?;
        tx.commit().await?;
        Ok(())
    })
}

/// Gives the user a new calendar feed link for one body (its hash), replacing any earlier.
pub async fn set_body_calendar_feed(
    db: &Db,
    user_id: i64,
    body_id: i64,
    token_hash: &str,
    audit: AuditEntry,
) -> Result<()> {
    on_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "INSERT INTO body_calendar_feeds (user_id, body_id, token_hash, created_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (user_id, body_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at",
        )
        .bind(user_id).bind(body_id).bind(token_hash).bind(crate::now())
        .execute(&mut *tx).await?;
        append_audit!(tx, &audit.detail(serde_json::json!({ "calendar_feed": body_id })))?;
        tx.commit().await?;
        Ok(())
    })
}

/// The (user, body) a body's calendar feed link belongs to (only enabled accounts).
pub async fn body_calendar_feed(db: &Db, token_hash: &str) -> Result<Option<(i64, i64)>> {
    Ok(on_pool!(db, p => sqlx::query_as(
        "SELECT f.user_id, f.body_id FROM body_calendar_feeds f JOIN users u ON u.id = f.user_id WHERE f.token_hash = $1 AND NOT u.disabled",
    ).bind(token_hash).fetch_optional(p).await)?)
}

/// Communiqués drafted and not published, oldest first, in the scope.
pub async fn unpublished(
    db: &Db,
    scope: &crate::ScopeFilter,
    limit: i64,
) -> Result<Vec<Communique>> {
    let (scope_sql, binds) = scope.sql("b.path", "b.organization", 1);
    let sql = format!(
        "SELECT c.id, c.meeting_id, c.body_id, c.path, c.lang, c.headline, c.body, c.status, c.published_at, c.updated_at
         FROM communiques c JOIN bodies b ON b.id = c.body_id
         WHERE {scope_sql} AND c.status = 'draft' ORDER BY c.id LIMIT {limit}"
    );
    Ok(on_pool!(db, p => {
        let mut q = sqlx::query_as::<_, Communique>(sqlx::AssertSqlSafe(sql));
        for b in &binds {
            q = q.bind(b);
        }
        q.fetch_all(p).await
    })?)
}

/// The membership committee competent for a territory: the newest `membership` committee
/// of an active body of `organization` anchored exactly there (the profile's committee
/// level).
pub async fn membership_committee_at(
    db: &Db,
    at: &TerritoryPath,
    organization: &str,
) -> Result<Option<(Committee, String)>> {
    let sql = format!(
        "{COMMITTEE_SELECT} WHERE c.kind = 'membership' AND b.path = $1 AND b.organization = $2 AND b.status = 'active'
         ORDER BY c.id DESC LIMIT 1"
    );
    let row: Option<CommitteeRow> = on_pool!(db, p => sqlx::query_as::<_, CommitteeRow>(sqlx::AssertSqlSafe(sql))
        .bind(at.as_str()).bind(organization).fetch_optional(p).await)?;
    Ok(row.map(|r| (r.committee, r.body_name)))
}

/// A committee by id, with its body's name.
pub async fn committee(db: &Db, id: i64) -> Result<Option<(Committee, String)>> {
    let sql = format!("{COMMITTEE_SELECT} WHERE c.id = $1");
    let row: Option<CommitteeRow> = on_pool!(db, p => sqlx::query_as::<_, CommitteeRow>(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await)?;
    Ok(row.map(|r| (r.committee, r.body_name)))
}

/// One seat of a committee: a name, and the member record when it is known.
#[derive(Debug, Clone, Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct Seat {
    pub name: String,
    #[serde(default)]
    pub member_id: Option<i64>,
}

/// Records a body's committee of a kind as it stands (from `on`): the committee is created
/// if the body has none of that kind, and its seats are replaced.
pub async fn set_committee(
    db: &Db,
    body: &crate::bodies::Body,
    kind: &str,
    seats: &[Seat],
    on: &str,
    audit: AuditEntry,
) -> Result<i64> {
    let now = crate::now();
    on_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let existing: Option<i64> = sqlx::query_scalar("SELECT id FROM committees WHERE body_id = $1 AND kind = $2 ORDER BY id DESC LIMIT 1")
            .bind(body.id).bind(kind).fetch_optional(&mut *tx).await?;
        let id = match existing {
            Some(id) => id,
            None => sqlx::query_scalar("INSERT INTO committees (body_id, kind, created_on, created_at) VALUES ($1, $2, $3, $4) RETURNING id")
                .bind(body.id).bind(kind).bind(on).bind(now)
                .fetch_one(&mut *tx).await?,
        };
        sqlx::query("DELETE FROM committee_members WHERE committee_id = $1").bind(id).execute(&mut *tx).await?;
        for (i, seat) in seats.iter().enumerate() {
            sqlx::query("INSERT INTO committee_members (committee_id, seat, name, member_id) VALUES ($1, $2, $3, $4)")
                .bind(id).bind(i as i64 + 1).bind(&seat.name).bind(seat.member_id)
                .execute(&mut *tx).await?;
        }
        append_audit!(tx, &audit.target_of("body", body.id, &body.target()).detail(serde_json::json!({ "committee": kind, "seats": seats.len() })))?;
        tx.commit().await?;
        Ok(id)
    })
}
