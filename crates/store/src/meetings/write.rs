//! The writes on a body's offices and meetings, each inside the transaction of the command
//! that gives it (`Db::begin`): the command locks the meeting's record ([`lock_open`]),
//! reads what its checks need on the same connection, writes, appends its audit entry, and
//! commits, so that two officers writing to one record take turns.

use super::records::{Attendee, Decision, Invitee, Meeting, NewHolder, NewMeeting, Seat};
use crate::{AsConn, Result, StoreError, Tx};
use tanzim_domain::meetings::{DecisionKind, Vote};
use tanzim_domain::sex::Sex;
use tanzim_domain::stored::UnknownStored;

/// The meeting's minutes status, its row locked until the transaction ends (PostgreSQL
/// `FOR UPDATE`; SQLite's `BEGIN IMMEDIATE` holds the whole database already).
pub async fn lock(tx: &mut Tx, meeting_id: i64) -> Result<String> {
    let sql = match tx {
        Tx::Sqlite(_) => "SELECT minutes_status FROM meetings WHERE id = $1",
        Tx::Postgres(_) => "SELECT minutes_status FROM meetings WHERE id = $1 FOR UPDATE",
    };
    let status: Option<String> =
        on_tx!(tx, c => sqlx::query_scalar(sql).bind(meeting_id).fetch_optional(c).await)?;
    status.ok_or(StoreError::NotFound)
}

/// Locks the meeting's record (see [`lock`]); fails with `minutes-approved` when approved
/// minutes have locked it for good.
pub async fn lock_open(tx: &mut Tx, meeting_id: i64) -> Result<()> {
    if lock(tx, meeting_id).await? == "approved" {
        return Err(StoreError::Conflict("minutes-approved"));
    }
    Ok(())
}

/// The attendance as recorded, read inside the transaction.
pub async fn attendance_in(tx: &mut Tx, meeting_id: i64) -> Result<Vec<Attendee>> {
    Ok(on_tx!(tx, c => sqlx::query_as::<_, Attendee>(
        "SELECT name, title, holder_id, guest, presence, arrived_at, left_at, weight, proxy_to, remote FROM attendance WHERE meeting_id = $1 ORDER BY guest, id",
    ).bind(meeting_id).fetch_all(c).await)?)
}

/// The decisions as recorded, read inside the transaction.
pub async fn decisions_in(tx: &mut Tx, meeting_id: i64) -> Result<Vec<Decision>> {
    Ok(on_tx!(tx, c => sqlx::query_as::<_, Decision>(
        "SELECT id, meeting_id, data, summary, votes_for, against, abstentions, taken_at, unanimous, applied FROM decisions WHERE meeting_id = $1 ORDER BY id",
    ).bind(meeting_id).fetch_all(c).await)?)
}

/// Gives a position to someone from a date; whoever held it (same position and rank) until
/// then leaves it that day.
pub async fn install_holder(
    tx: &mut Tx,
    new: &NewHolder<'_>,
    decision_id: Option<i64>,
) -> Result<i64> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE position_holders SET ended_on = $1 WHERE body_id = $2 AND position = $3
         AND COALESCE(rank, 0) = COALESCE($4, 0) AND ended_on IS NULL",
    )
    .bind(new.started_on).bind(new.body_id).bind(new.position).bind(new.rank)
    .execute(c).await.map(|_| ()))?;
    Ok(on_tx!(tx, c => sqlx::query_scalar(
        "INSERT INTO position_holders (body_id, position, rank, holder_name, sex, member_id, started_on, decision_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(new.body_id).bind(new.position).bind(new.rank).bind(new.holder_name).bind(new.sex.as_str())
    .bind(new.member_id).bind(new.started_on).bind(decision_id).bind(crate::now())
    .fetch_one(c).await)?)
}

/// Writes a meeting's agenda (in order) and its leads.
async fn write_agenda_and_leads(tx: &mut Tx, id: i64, new: &NewMeeting<'_>) -> Result<()> {
    let (agenda, leads) = (new.agenda, new.leads);
    for (seat, title) in agenda.iter().enumerate() {
        on_tx!(tx, c => sqlx::query("INSERT INTO agenda_items (meeting_id, seat, title) VALUES ($1, $2, $3)")
            .bind(id).bind(seat as i64 + 1).bind(title)
            .execute(c).await.map(|_| ()))?;
    }
    for (seat, l) in leads.iter().enumerate() {
        on_tx!(tx, c => sqlx::query("INSERT INTO meeting_leads (meeting_id, seat, role, organization, name, sex, title) VALUES ($1, $2, $3, $4, $5, $6, $7)")
            .bind(id).bind(seat as i64 + 1).bind(l.role.as_str()).bind(l.organization).bind(&l.name).bind(&l.sex).bind(&l.title)
            .execute(c).await.map(|_| ()))?;
    }
    for (seat, g) in new.groups.iter().enumerate() {
        on_tx!(tx, c => sqlx::query("INSERT INTO meeting_groups (meeting_id, seat, category, label, sex, count) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(id).bind(seat as i64 + 1).bind(g.category.as_str()).bind(&g.label).bind(g.sex.as_str()).bind(g.count)
            .execute(c).await.map(|_| ()))?;
    }
    Ok(())
}

/// Schedules a meeting with its agenda and leads.
pub async fn create(tx: &mut Tx, new: &NewMeeting<'_>) -> Result<i64> {
    let id: i64 = on_tx!(tx, c => sqlx::query_scalar(
        "INSERT INTO meetings (body_id, path, kind, held_on, starts_at, commune_code, place, slogan, goals, chair_holder_id,
           mode, video_link, city_abroad, country, members_present_count, members_total_count, whole_body_present, invited, congress_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) RETURNING id",
    )
    .bind(new.body_id).bind(new.path.as_str()).bind(new.kind).bind(new.held_on).bind(new.starts_at)
    .bind(new.commune_code).bind(new.place).bind(new.slogan).bind(new.goals).bind(new.chair_holder_id)
    .bind(new.mode.as_str()).bind(new.video_link).bind(new.city_abroad).bind(new.country).bind(new.members_present_count)
    .bind(new.members_total_count).bind(new.whole_body_present).bind(new.invited).bind(new.congress_id).bind(crate::now())
    .fetch_one(c).await)?;
    write_agenda_and_leads(tx, id, new).await?;
    Ok(id)
}

/// Corrects a meeting (its record locked open, see [`lock_open`]): its fields, and its
/// agenda and leads replaced.
pub async fn update(tx: &mut Tx, m: &Meeting, new: &NewMeeting<'_>) -> Result<()> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE meetings SET kind = $1, held_on = $2, starts_at = $3, commune_code = $4, place = $5, slogan = $6, goals = $7,
           chair_holder_id = $8, mode = $9, video_link = $10, city_abroad = $11, country = $12, members_present_count = $13,
           members_total_count = $14, whole_body_present = $15, invited = $16, congress_id = $17 WHERE id = $18",
    )
    .bind(new.kind).bind(new.held_on).bind(new.starts_at).bind(new.commune_code).bind(new.place).bind(new.slogan)
    .bind(new.goals).bind(new.chair_holder_id).bind(new.mode.as_str()).bind(new.video_link).bind(new.city_abroad)
    .bind(new.country).bind(new.members_present_count).bind(new.members_total_count).bind(new.whole_body_present)
    .bind(new.invited).bind(new.congress_id).bind(m.id)
    .execute(c).await.map(|_| ()))?;
    on_tx!(tx, c => sqlx::query("DELETE FROM meeting_groups WHERE meeting_id = $1").bind(m.id).execute(c).await.map(|_| ()))?;
    on_tx!(tx, c => sqlx::query("DELETE FROM agenda_items WHERE meeting_id = $1").bind(m.id).execute(c).await.map(|_| ()))?;
    on_tx!(tx, c => sqlx::query("DELETE FROM meeting_leads WHERE meeting_id = $1").bind(m.id).execute(c).await.map(|_| ()))?;
    write_agenda_and_leads(tx, m.id, new).await
}

/// Replaces the attendance list (the record says who was there, and as what).
pub async fn record_attendance(tx: &mut Tx, m: &Meeting, list: &[Attendee]) -> Result<()> {
    on_tx!(tx, c => sqlx::query("DELETE FROM attendance WHERE meeting_id = $1").bind(m.id).execute(c).await.map(|_| ()))?;
    for a in list {
        on_tx!(tx, c => sqlx::query(
            "INSERT INTO attendance (meeting_id, name, title, holder_id, guest, presence, arrived_at, left_at, weight, proxy_to, remote)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(m.id).bind(&a.name).bind(&a.title).bind(a.holder_id).bind(a.guest).bind(a.presence.as_str())
        .bind(&a.arrived_at).bind(&a.left_at).bind(a.weight).bind(&a.proxy_to).bind(a.remote)
        .execute(c).await.map(|_| ()))?;
    }
    Ok(())
}

/// An intervention as written: who spoke (a person or a group, with a sex), the verb and
/// the summary.
pub struct NewIntervention<'a> {
    pub speaker: &'a str,
    pub speaker_kind: &'a str,
    pub speaker_sex: &'a str,
    pub speaker_title: Option<&'a str>,
    pub verb: &'a str,
    pub agenda_seat: Option<i64>,
    pub summary: &'a str,
}

pub async fn add_intervention(tx: &mut Tx, m: &Meeting, i: &NewIntervention<'_>) -> Result<i64> {
    Ok(on_tx!(tx, c => sqlx::query_scalar(
        "INSERT INTO interventions (meeting_id, speaker, speaker_kind, speaker_sex, speaker_title, verb, agenda_seat, summary)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id")
    .bind(m.id).bind(i.speaker).bind(i.speaker_kind).bind(i.speaker_sex).bind(i.speaker_title).bind(i.verb)
    .bind(i.agenda_seat).bind(i.summary)
    .fetch_one(c).await)?)
}

/// Rewrites an intervention of the meeting (its record locked open); false when the meeting
/// has no intervention with this id.
pub async fn update_intervention(
    tx: &mut Tx,
    m: &Meeting,
    id: i64,
    i: &NewIntervention<'_>,
) -> Result<bool> {
    let done = on_tx!(tx, c => sqlx::query(
        "UPDATE interventions SET speaker = $1, speaker_kind = $2, speaker_sex = $3, speaker_title = $4, verb = $5,
           agenda_seat = $6, summary = $7 WHERE id = $8 AND meeting_id = $9")
    .bind(i.speaker).bind(i.speaker_kind).bind(i.speaker_sex).bind(i.speaker_title).bind(i.verb)
    .bind(i.agenda_seat).bind(i.summary).bind(id).bind(m.id)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(done > 0)
}

/// Removes an intervention of the meeting; the summary it had, none when the meeting has no
/// intervention with this id.
pub async fn remove_intervention(tx: &mut Tx, m: &Meeting, id: i64) -> Result<Option<String>> {
    Ok(on_tx!(tx, c => sqlx::query_scalar(
        "DELETE FROM interventions WHERE id = $1 AND meeting_id = $2 RETURNING summary")
    .bind(id).bind(m.id).fetch_optional(c).await)?)
}

/// Rewrites a decision of the meeting not yet applied; false when the meeting has no such
/// decision.
pub async fn update_decision(
    tx: &mut Tx,
    m: &Meeting,
    id: i64,
    (kind, vote): (&DecisionKind, Option<&Vote>),
    taken_at: Option<&str>,
    summary: &str,
) -> Result<bool> {
    let data = serde_json::to_string(kind).unwrap_or_default();
    let done = on_tx!(tx, c => sqlx::query(
        "UPDATE decisions SET data = $1, summary = $2, votes_for = $3, against = $4, abstentions = $5, taken_at = $6, unanimous = $7
         WHERE id = $8 AND meeting_id = $9 AND NOT applied",
    )
    .bind(&data).bind(summary)
    .bind(vote.map(|v| v.votes_for)).bind(vote.map(|v| v.against)).bind(vote.map(|v| v.abstentions)).bind(taken_at)
    .bind(vote.is_some_and(|v| v.unanimous)).bind(id).bind(m.id)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(done > 0)
}

/// Removes a decision of the meeting not yet applied; the summary it had, none when the
/// meeting has no such decision.
pub async fn remove_decision(tx: &mut Tx, m: &Meeting, id: i64) -> Result<Option<String>> {
    Ok(on_tx!(tx, c => sqlx::query_scalar(
        "DELETE FROM decisions WHERE id = $1 AND meeting_id = $2 AND NOT applied RETURNING summary")
    .bind(id).bind(m.id).fetch_optional(c).await)?)
}

pub async fn add_decision(
    tx: &mut Tx,
    m: &Meeting,
    kind: &DecisionKind,
    vote: Option<&Vote>,
    taken_at: Option<&str>,
    summary: &str,
) -> Result<i64> {
    // A plain enum of strings and numbers always serializes.
    let data = serde_json::to_string(kind).unwrap_or_default();
    Ok(on_tx!(tx, c => sqlx::query_scalar(
        "INSERT INTO decisions (meeting_id, data, summary, votes_for, against, abstentions, taken_at, unanimous) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(m.id).bind(&data).bind(summary)
    .bind(vote.map(|v| v.votes_for)).bind(vote.map(|v| v.against)).bind(vote.map(|v| v.abstentions)).bind(taken_at)
    .bind(vote.is_some_and(|v| v.unanimous))
    .fetch_one(c).await)?)
}

/// Saves the rapporteur's draft of the minutes.
pub async fn save_minutes(tx: &mut Tx, m: &Meeting, text: &str) -> Result<()> {
    on_tx!(tx, c => sqlx::query("UPDATE meetings SET minutes = $1, minutes_status = 'draft' WHERE id = $2")
        .bind(text).bind(m.id).execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Marks drafted minutes approved (the record locks).
pub async fn approve(tx: &mut Tx, m: &Meeting, actor_id: Option<i64>) -> Result<()> {
    on_tx!(tx, c => sqlx::query("UPDATE meetings SET minutes_status = 'approved', approved_at = $1, approved_by = $2 WHERE id = $3")
        .bind(crate::now()).bind(actor_id).bind(m.id)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Gives a decision its effect (positions given, committees created, the body constituted,
/// a campaign launched, a programme adopted) and marks it applied.
pub async fn apply_decision(
    tx: &mut Tx,
    m: &Meeting,
    body: &crate::bodies::Body,
    d: &Decision,
    actor_id: Option<i64>,
) -> Result<()> {
    let now = crate::now();
    match d.kind() {
        Some(DecisionKind::Appoint {
            position,
            rank,
            holder_name,
            sex,
            member_id,
        }) => {
            let new = NewHolder {
                body_id: m.body_id,
                position: &position,
                rank: rank.map(i64::from),
                holder_name: &holder_name,
                // Checked when the decision was recorded; read as typed then.
                sex: Sex::parse(&sex).map_err(|_| UnknownStored {
                    kind: "appointee's sex",
                    value: sex.clone(),
                })?,
                member_id,
                started_on: &m.held_on.to_string(),
            };
            install_holder(tx, &new, Some(d.id)).await?;
        }
        // The office elected as a whole: every current holder leaves that day.
        Some(DecisionKind::RenewOffice { officers }) => {
            on_tx!(tx, c => sqlx::query("UPDATE position_holders SET ended_on = $1 WHERE body_id = $2 AND ended_on IS NULL")
                .bind(m.held_on.to_string()).bind(m.body_id)
                .execute(c).await.map(|_| ()))?;
            for o in officers {
                let new = NewHolder {
                    body_id: m.body_id,
                    position: &o.position,
                    rank: o.rank.map(i64::from),
                    holder_name: &o.holder_name,
                    sex: Sex::parse(&o.sex).map_err(|_| UnknownStored {
                        kind: "officer's sex",
                        value: o.sex.clone(),
                    })?,
                    member_id: o.member_id,
                    started_on: &m.held_on.to_string(),
                };
                install_holder(tx, &new, Some(d.id)).await?;
            }
        }
        Some(DecisionKind::CreateCommittee { committee, members }) => {
            let id: i64 = on_tx!(tx, c => sqlx::query_scalar(
                "INSERT INTO committees (body_id, kind, created_on, decision_id, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(m.body_id).bind(&committee).bind(m.held_on).bind(d.id).bind(now)
            .fetch_one(c).await)?;
            for (seat, name) in members.iter().enumerate() {
                on_tx!(tx, c => sqlx::query("INSERT INTO committee_members (committee_id, seat, name) VALUES ($1, $2, $3)")
                    .bind(id).bind(seat as i64 + 1).bind(name)
                    .execute(c).await.map(|_| ()))?;
            }
        }
        Some(DecisionKind::Constitute) => {
            on_tx!(tx, c => sqlx::query("UPDATE bodies SET constituted_on = $1 WHERE id = $2 AND constituted_on IS NULL")
                .bind(m.held_on).bind(m.body_id)
                .execute(c).await.map(|_| ()))?;
        }
        Some(DecisionKind::LaunchCampaign {
            year,
            opens_on,
            closes_on,
            categories,
        }) => {
            // Checked when recorded; a plan that no longer holds is refused here.
            let plan =
                tanzim_domain::members::plan_campaign(&year, &opens_on, &closes_on, &categories)
                    .map_err(|_| StoreError::Conflict("campaign-invalid"))?;
            crate::campaigns::insert_campaign(&mut tx.as_conn(), body, &plan, actor_id).await?;
        }
        Some(DecisionKind::AdoptProgramme {
            programme_id: Some(id),
            ..
        }) => crate::programmes::adopt(tx, id, d.id, m.held_on).await?,
        Some(DecisionKind::AdoptProgramme {
            programme_id: None,
            title,
            starts_on,
            ends_on,
            activities,
        }) => {
            on_tx!(tx, c => sqlx::query(
                "INSERT INTO programmes (body_id, path, title, starts_on, ends_on, listed, status, decision_id, adopted_on, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, 'adopted', $7, $8, $9)",
            )
            .bind(m.body_id).bind(&m.path).bind(&title).bind(&starts_on).bind(&ends_on)
            .bind(activities.join("\n")).bind(d.id).bind(m.held_on).bind(now)
            .execute(c).await.map(|_| ()))?;
        }
        Some(DecisionKind::Resolution { .. }) | None => {}
    }
    on_tx!(tx, c => sqlx::query("UPDATE decisions SET applied = TRUE WHERE id = $1").bind(d.id).execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Amends approved minutes (a draft is edited instead): the approved text stays.
pub async fn amend_minutes(
    tx: &mut Tx,
    m: &Meeting,
    text: &str,
    reason: &str,
    actor_id: Option<i64>,
) -> Result<i64> {
    Ok(on_tx!(tx, c => sqlx::query_scalar(
        "INSERT INTO minutes_amendments (meeting_id, text, reason, made_by, made_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(m.id).bind(text).bind(reason).bind(actor_id).bind(crate::now())
    .fetch_one(c).await)?)
}

/// Replaces the invitation list (names are unique in it).
pub async fn invite(tx: &mut Tx, m: &Meeting, list: &[Invitee]) -> Result<()> {
    on_tx!(tx, c => sqlx::query("DELETE FROM invitations WHERE meeting_id = $1").bind(m.id).execute(c).await.map(|_| ()))?;
    for i in list {
        on_tx!(tx, c => sqlx::query("INSERT INTO invitations (meeting_id, name, title, holder_id, guest, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(m.id).bind(&i.name).bind(&i.title).bind(i.holder_id).bind(i.guest).bind(crate::now())
            .execute(c).await.map(|_| ()))?;
    }
    Ok(())
}

pub async fn create_communique(
    tx: &mut Tx,
    m: &Meeting,
    (lang, kind): (&str, &str),
    headline: &str,
    body: &str,
) -> Result<i64> {
    Ok(on_tx!(tx, c => sqlx::query_scalar(
        "INSERT INTO communiques (meeting_id, body_id, path, lang, kind, headline, body, status, updated_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'draft', $8, $8) RETURNING id",
    )
    .bind(m.id).bind(m.body_id).bind(&m.path).bind(lang).bind(kind).bind(headline).bind(body).bind(crate::now())
    .fetch_one(c).await)?)
}

/// Edits a communiqué's text (its history is in the audit log, old and new).
pub async fn edit_communique(tx: &mut Tx, id: i64, headline: &str, body: &str) -> Result<()> {
    on_tx!(tx, c => sqlx::query("UPDATE communiques SET headline = $1, body = $2, updated_at = $3 WHERE id = $4")
        .bind(headline).bind(body).bind(crate::now()).bind(id)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Publishes or unpublishes a communiqué (`published` / `unpublished`).
pub async fn set_publication(tx: &mut Tx, id: i64, status: &str) -> Result<()> {
    on_tx!(tx, c => sqlx::query("UPDATE communiques SET status = $1, published_at = CASE WHEN $1 = 'published' THEN $2 ELSE published_at END, updated_at = $2 WHERE id = $3")
        .bind(status).bind(crate::now()).bind(id)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Records a body's committee of a kind as it stands (from `on`): the committee is created
/// if the body has none of that kind, and its seats are replaced.
pub async fn set_committee(
    tx: &mut Tx,
    body_id: i64,
    kind: &str,
    seats: &[Seat],
    on: &str,
) -> Result<i64> {
    let existing: Option<i64> = on_tx!(tx, c => sqlx::query_scalar("SELECT id FROM committees WHERE body_id = $1 AND kind = $2 ORDER BY id DESC LIMIT 1")
        .bind(body_id).bind(kind).fetch_optional(c).await)?;
    let id = match existing {
        Some(id) => id,
        None => {
            on_tx!(tx, c => sqlx::query_scalar("INSERT INTO committees (body_id, kind, created_on, created_at) VALUES ($1, $2, $3, $4) RETURNING id")
            .bind(body_id).bind(kind).bind(on).bind(crate::now())
            .fetch_one(c).await)?
        }
    };
    on_tx!(tx, c => sqlx::query("DELETE FROM committee_members WHERE committee_id = $1").bind(id).execute(c).await.map(|_| ()))?;
    for (i, seat) in seats.iter().enumerate() {
        on_tx!(tx, c => sqlx::query("INSERT INTO committee_members (committee_id, seat, name, member_id) VALUES ($1, $2, $3, $4)")
            .bind(id).bind(i as i64 + 1).bind(&seat.name).bind(seat.member_id)
            .execute(c).await.map(|_| ()))?;
    }
    Ok(id)
}

/// Gives the user a new calendar feed link (its hash), replacing any earlier one.
pub async fn set_calendar_feed(tx: &mut Tx, user_id: i64, token_hash: &str) -> Result<()> {
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at",
    )
    .bind(user_id).bind(token_hash).bind(crate::now())
    .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Gives the user a new calendar feed link for one body (its hash), replacing any earlier.
pub async fn set_body_calendar_feed(
    tx: &mut Tx,
    user_id: i64,
    body: &crate::bodies::Body,
    token_hash: &str,
) -> Result<()> {
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO body_calendar_feeds (user_id, body_id, token_hash, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, body_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at",
    )
    .bind(user_id).bind(body.id).bind(token_hash).bind(crate::now())
    .execute(c).await.map(|_| ()))?;
    Ok(())
}
