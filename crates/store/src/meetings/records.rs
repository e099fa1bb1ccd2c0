//! The records of a body's offices and meetings, and their reads.

use crate::Day;
use crate::{Db, Page, Paged, Result};
use serde::Serialize;
use tanzim_domain::meetings::{
    CommuniqueStatus, DecisionKind, GroupCategory, LeadRole, MeetingMode, MinutesStatus, Presence,
};
use tanzim_domain::policy::Target;
use tanzim_domain::sex::Sex;
use tanzim_domain::territory::TerritoryPath;

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Holder {
    pub id: i64,
    pub body_id: i64,
    pub position: String,
    pub rank: Option<i64>,
    pub holder_name: String,
    #[sqlx(try_from = "String")]
    #[schema(value_type = String)]
    pub sex: Sex,
    pub member_id: Option<i64>,
    #[schema(value_type = String, format = Date)]
    pub started_on: Day,
    #[schema(value_type = Option<String>, format = Date)]
    pub ended_on: Option<Day>,
    pub decision_id: Option<i64>,
}

pub struct NewHolder<'a> {
    pub body_id: i64,
    pub position: &'a str,
    pub rank: Option<i64>,
    pub holder_name: &'a str,
    pub sex: Sex,
    pub member_id: Option<i64>,
    pub started_on: &'a str,
}

const HOLDER_SELECT: &str = "SELECT id, body_id, position, rank, holder_name, sex, member_id, started_on, ended_on, decision_id FROM position_holders";

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
    #[schema(value_type = String, format = Date)]
    pub created_on: Day,
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
    #[schema(value_type = String, format = Date)]
    pub held_on: Day,
    pub starts_at: Option<String>,
    pub commune_code: Option<String>,
    pub place: Option<String>,
    pub slogan: Option<String>,
    /// What the meeting is for.
    pub goals: Option<String>,
    pub chair_holder_id: Option<i64>,
    /// `in_person`, `online` or `hybrid`.
    #[sqlx(try_from = "String")]
    #[schema(value_type = String)]
    pub mode: MeetingMode,
    /// The video conference's address: for those at the meeting, never in a public text.
    pub video_link: Option<String>,
    /// A city abroad where it was held, and its country (instead of a commune).
    pub city_abroad: Option<String>,
    pub country: Option<String>,
    /// Members of the body present when counted rather than named, and the body's size.
    pub members_present_count: Option<i64>,
    pub members_total_count: Option<i64>,
    /// The body's members attended as a whole.
    pub whole_body_present: bool,
    /// Whom an announcement invites.
    pub invited: Option<String>,
    /// The congress this meeting prepares, or the congress above a local one.
    pub congress_id: Option<i64>,
    pub minutes: Option<String>,
    /// `none`, `draft` or `approved` (locked).
    #[sqlx(try_from = "String")]
    #[schema(value_type = String)]
    pub minutes_status: MinutesStatus,
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
        self.minutes_status == MinutesStatus::Approved
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
    pub mode: MeetingMode,
    pub video_link: Option<&'a str>,
    pub city_abroad: Option<&'a str>,
    pub country: Option<&'a str>,
    pub members_present_count: Option<i64>,
    pub members_total_count: Option<i64>,
    pub whole_body_present: bool,
    pub invited: Option<&'a str>,
    pub congress_id: Option<i64>,
    pub agenda: &'a [String],
    /// Chairs, co-chairs, hosts, framers and guests of honour, in order.
    pub leads: &'a [Lead],
    /// Groups that attended beside the members.
    pub groups: &'a [Group],
}

/// Someone who leads a meeting (chair, co-chair, host, framer, guest of honour: see
/// `LeadRole`), named with the title the press uses; a host may be an organization.
#[derive(Debug, Clone, Serialize, serde::Deserialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Lead {
    /// chair, co_chair, host, framer or honour_guest.
    #[sqlx(try_from = "String")]
    #[schema(value_type = String)]
    pub role: LeadRole,
    /// An organization or a place (an allied party, an association), not a person.
    pub organization: bool,
    pub name: String,
    /// F or M for a person; none for an organization.
    pub sex: Option<String>,
    /// As the press writes it: "عضو اللجنة التنفيذية".
    pub title: String,
}

pub async fn leads(db: &Db, meeting_id: i64) -> Result<Vec<Lead>> {
    Ok(on_pool!(db, p => sqlx::query_as::<_, Lead>(
        "SELECT role, organization, name, sex, title FROM meeting_leads WHERE meeting_id = $1 ORDER BY seat",
    ).bind(meeting_id).fetch_all(p).await)?)
}

/// A group that attended beside the members: counted or as a whole.
#[derive(Debug, Clone, Serialize, serde::Deserialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Group {
    /// other_body, sympathisers, guests or press.
    #[sqlx(try_from = "String")]
    #[schema(value_type = String)]
    pub category: GroupCategory,
    /// As it reads after «بحضور»: "المتعاطفين", "أعضاء المكاتب المحلية".
    pub label: String,
    /// F or M: the gender of the label's noun.
    #[sqlx(try_from = "String")]
    #[schema(value_type = String)]
    pub sex: Sex,
    pub count: Option<i64>,
}

pub async fn groups(db: &Db, meeting_id: i64) -> Result<Vec<Group>> {
    Ok(on_pool!(db, p => sqlx::query_as::<_, Group>(
        "SELECT category, label, sex, count FROM meeting_groups WHERE meeting_id = $1 ORDER BY seat",
    ).bind(meeting_id).fetch_all(p).await)?)
}

const MEETING_SELECT: &str = "SELECT id, body_id, path, kind, held_on, starts_at, commune_code, place, slogan, goals, chair_holder_id,
    mode, video_link, city_abroad, country, members_present_count, members_total_count, whole_body_present, invited, congress_id, minutes, minutes_status, approved_at FROM meetings";

pub async fn get(db: &Db, id: i64) -> Result<Option<Meeting>> {
    let sql = format!("{MEETING_SELECT} WHERE id = $1");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Meeting>(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await)?,
    )
}

/// The meetings linked to a congress (its preparatory sessions, the local congresses
/// under it), in date order.
pub async fn linked_to(db: &Db, congress_id: i64) -> Result<Vec<Meeting>> {
    let sql = format!("{MEETING_SELECT} WHERE congress_id = $1 ORDER BY held_on, id");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Meeting>(sqlx::AssertSqlSafe(sql)).bind(congress_id).fetch_all(p).await)?,
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
           m.mode, m.video_link, m.city_abroad, m.country, m.members_present_count, m.members_total_count, m.whole_body_present,
           m.invited, m.congress_id, m.minutes, m.minutes_status, m.approved_at, b.name AS body_name
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
    #[sqlx(try_from = "String")]
    #[schema(value_type = String)]
    pub presence: Presence,
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
    /// Present from afar, by video conference (a hybrid meeting).
    #[serde(default)]
    pub remote: bool,
}

fn one() -> i64 {
    1
}

impl Attendee {
    /// The line as the voting rules read it.
    pub fn seat(&self) -> tanzim_domain::meetings::Seat<'_> {
        tanzim_domain::meetings::Seat {
            name: &self.name,
            guest: self.guest,
            presence: self.presence,
            arrived_at: self.arrived_at.as_deref(),
            left_at: self.left_at.as_deref(),
            weight: self.weight,
            proxy_to: self.proxy_to.as_deref(),
        }
    }
}

pub async fn attendance(db: &Db, meeting_id: i64) -> Result<Vec<Attendee>> {
    Ok(on_pool!(db, p => sqlx::query_as::<_, Attendee>(
        "SELECT name, title, holder_id, guest, presence, arrived_at, left_at, weight, proxy_to, remote FROM attendance WHERE meeting_id = $1 ORDER BY guest, id",
    ).bind(meeting_id).fetch_all(p).await)?)
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Intervention {
    pub id: i64,
    /// The person's name, or the group as the subject of a verb.
    pub speaker: String,
    /// `person` or `group`.
    pub speaker_kind: String,
    /// F or M (a group's gender); none on interventions recorded before speakers had one.
    pub speaker_sex: Option<String>,
    /// A person's title as the press writes it.
    pub speaker_title: Option<String>,
    /// The verb that introduces what was said (see `SayVerb`).
    pub verb: String,
    pub agenda_seat: Option<i64>,
    pub summary: String,
}

pub async fn interventions(db: &Db, meeting_id: i64) -> Result<Vec<Intervention>> {
    Ok(on_pool!(db, p => sqlx::query_as::<_, Intervention>(
        "SELECT id, speaker, speaker_kind, speaker_sex, speaker_title, verb, agenda_seat, summary FROM interventions WHERE meeting_id = $1 ORDER BY id",
    ).bind(meeting_id).fetch_all(p).await)?)
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
    /// Every voter present voted for it (بالإجماع).
    pub unanimous: bool,
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
        "SELECT id, meeting_id, data, summary, votes_for, against, abstentions, taken_at, unanimous, applied FROM decisions WHERE meeting_id = $1 ORDER BY id",
    ).bind(meeting_id).fetch_all(p).await)?)
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

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Communique {
    pub id: i64,
    /// The meeting it reports or announces, or the held activity it reports.
    pub meeting_id: Option<i64>,
    pub activity_id: Option<i64>,
    pub body_id: i64,
    pub path: String,
    pub lang: String,
    /// `report` (after the meeting) or `announcement` (before it).
    pub kind: String,
    pub headline: String,
    pub body: String,
    /// `draft`, `published` or `unpublished`.
    #[sqlx(try_from = "String")]
    #[schema(value_type = String)]
    pub status: CommuniqueStatus,
    pub published_at: Option<i64>,
    pub updated_at: i64,
    /// The day of the meeting it reports or announces, or of the activity it reports.
    #[schema(value_type = String, format = Date)]
    pub meeting_held_on: Day,
}

impl Communique {
    /// Where the record it reports lives: its meeting's, or its activity's (API and page).
    pub fn source_api(&self) -> String {
        match (self.meeting_id, self.activity_id) {
            (Some(m), _) => format!("/api/v1/meetings/{m}"),
            (None, Some(a)) => format!("/api/v1/activities/{a}"),
            (None, None) => "/api/v1/news".to_owned(),
        }
    }
    pub fn source_page(&self) -> String {
        match (self.meeting_id, self.activity_id) {
            (Some(m), _) => format!("/meetings/{m}?step=communique#step-communique"),
            (None, Some(a)) => format!("/activities/{a}#communiques"),
            (None, None) => "/news".to_owned(),
        }
    }
    pub fn target(&self) -> Target {
        Target {
            path: TerritoryPath::from_stored(self.path.clone()),
            organization: None,
        }
    }
}

const COMMUNIQUE_SELECT: &str = "SELECT id, meeting_id, activity_id, body_id, path, lang, kind, headline, body, status, published_at, updated_at,
    COALESCE((SELECT m.held_on FROM meetings m WHERE m.id = communiques.meeting_id),
      (SELECT a.held_on FROM activities a WHERE a.id = communiques.activity_id)) AS meeting_held_on FROM communiques";

pub async fn communique(db: &Db, id: i64) -> Result<Option<Communique>> {
    let sql = format!("{COMMUNIQUE_SELECT} WHERE id = $1");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Communique>(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await)?,
    )
}

/// The communiqués of a held activity.
pub async fn communiques_of_activity(db: &Db, activity_id: i64) -> Result<Vec<Communique>> {
    let sql = format!("{COMMUNIQUE_SELECT} WHERE activity_id = $1 ORDER BY id");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Communique>(sqlx::AssertSqlSafe(sql)).bind(activity_id).fetch_all(p).await)?,
    )
}

pub async fn communiques_of(db: &Db, meeting_id: i64) -> Result<Vec<Communique>> {
    let sql = format!("{COMMUNIQUE_SELECT} WHERE meeting_id = $1 ORDER BY id");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Communique>(sqlx::AssertSqlSafe(sql)).bind(meeting_id).fetch_all(p).await)?,
    )
}

/// Published communiqués, newest first, optionally within a territory's subtree. An
/// announcement gives way to its meeting's report once that is published in its language
/// (both stay in the record).
pub async fn published(
    db: &Db,
    within: Option<&TerritoryPath>,
    page: Page,
) -> Result<Paged<Communique>> {
    let mut binds = Vec::new();
    let mut where_sql = "status = 'published' AND NOT (kind = 'announcement' AND EXISTS (
        SELECT 1 FROM communiques r WHERE r.meeting_id = communiques.meeting_id AND r.lang = communiques.lang
          AND r.kind = 'report' AND r.status = 'published'))"
        .to_owned();
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
    crate::fetch_page(db, list_sql, count_sql, binds, page).await
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
        "SELECT c.id, c.meeting_id, c.activity_id, c.body_id, c.path, c.lang, c.kind, c.headline, c.body, c.status, c.published_at, c.updated_at,
           COALESCE((SELECT m.held_on FROM meetings m WHERE m.id = c.meeting_id),
             (SELECT a.held_on FROM activities a WHERE a.id = c.activity_id)) AS meeting_held_on
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
