//! Public mandates members hold (issue 16): recorded on a member's file by whoever
//! manages the member, with the seat's territory and the party body the official reports
//! to; ended once, for a reason; and the incompatible pairs flagged.

use crate::access::load;
use crate::{Actor, App, Error, Found, Result};
use serde_json::json;
use tanzim_domain::audit::AuditAction;
use tanzim_domain::mandates::{self as rules, MandateInput, Seat};
use tanzim_domain::policy::Action;
use tanzim_domain::territory::{Level, TerritoryCode, TerritoryPath};
use tanzim_domain::{DomainError, Field};
use tanzim_store::bodies::Body;
use tanzim_store::mandates::{self as store, Filing, Mandate};
use tanzim_store::members::Member;
use tanzim_store::{Day, now, territory};

/// A member's mandates and the pairs among them the profile forbids together (by id).
pub struct Mandates {
    pub mandates: Vec<Mandate>,
    pub incompatible: Vec<(i64, i64)>,
}

pub async fn of_member(app: &App, m: &Found<Member>) -> Result<Mandates> {
    m.require_any(&[Action::ViewMembers, Action::ManageMembers])?;
    let mandates = store::of_member(&app.db, m.id).await?;
    let held: Vec<_> = mandates.iter().map(Mandate::held).collect();
    Ok(Mandates {
        incompatible: rules::incompatibilities(&held, &app.profile.mandates),
        mandates,
    })
}

/// The seat's territory: it exists and is of the level the kind sits at (a commune for a
/// commune council, a province for a constituency or a provincial council, a region).
async fn seat_path(app: &App, seat: Seat, code: Option<&str>) -> Result<Option<String>> {
    let Some(code) = code else { return Ok(None) };
    let wrong = || {
        Error::from(DomainError::new(
            Field::Territory,
            "mandate-territory-unknown",
        ))
    };
    let parsed = TerritoryCode::parse(code).map_err(|_| wrong())?;
    let t = territory::get(&app.db, &parsed).await?.ok_or_else(wrong)?;
    let level_fits = match seat {
        Seat::Commune => t.level == Level::Commune,
        Seat::Province | Seat::Constituency => t.level == Level::Province,
        Seat::Region => t.level == Level::Region,
        Seat::College | Seat::Chamber => true,
    };
    if !level_fits {
        return Err(DomainError::new(Field::Territory, "mandate-territory-level").into());
    }
    Ok(Some(t.path))
}

/// Records a mandate on the member's file; `body_id` is the party body the official
/// reports to, which the actor must see and whose territory holds the seat. Returns the
/// mandate's id and the member's incompatible pairs after it.
pub async fn record(
    app: &App,
    actor: &Actor<'_>,
    m: &Found<Member>,
    input: &MandateInput,
    body_id: Option<i64>,
) -> Result<(i64, Vec<(i64, i64)>)> {
    m.require(Action::ManageMembers)?;
    let on_file = store::of_member(&app.db, m.id).await?;
    let held: Vec<_> = on_file.iter().map(Mandate::held).collect();
    let checked = rules::check_mandate(input, &app.profile.mandates, &held)?;
    let seat = app
        .profile
        .mandates
        .kind(&checked.kind)
        .map(|k| k.seat)
        .ok_or(Error::NotFound)?;
    let seat_path = seat_path(app, seat, checked.territory.as_deref()).await?;
    if let Some(id) = body_id {
        let unknown = || Error::from(DomainError::new(Field::Parent, "mandate-body-unknown"));
        let b = match load::<Body>(app, actor, Action::ViewMeetings, id).await {
            Ok(b) => b,
            Err(Error::NotFound | Error::Forbidden) => return Err(unknown()),
            Err(e) => return Err(e),
        };
        let within = TerritoryPath::from_stored(b.path.clone());
        if let Some(p) = &seat_path
            && !within.contains(&TerritoryPath::from_stored(p.clone()))
        {
            return Err(DomainError::new(Field::Territory, "mandate-territory-outside").into());
        }
    }
    let filing = Filing {
        member_id: m.id,
        member_path: &m.person.path,
        seat_path: seat_path.as_deref(),
        body_id,
    };
    let entry = actor
        .audit(AuditAction::MandateRecorded)
        .detail(json!({ "member": m.id, "kind": checked.kind, "seat": checked.territory }));
    let id = store::insert(&app.db, &filing, &checked, actor.user_id(), now(), entry).await?;
    let mut held = held;
    held.push(tanzim_domain::mandates::Held {
        id,
        kind: checked.kind,
        starts_on: checked.starts_on,
        ends_on: checked.ends_on,
    });
    Ok((id, rules::incompatibilities(&held, &app.profile.mandates)))
}

/// Ends one of the member's running mandates on a day, for a reason.
pub async fn end(
    app: &App,
    actor: &Actor<'_>,
    m: &Found<Member>,
    mandate_id: i64,
    ended_on: &str,
    how: &str,
) -> Result<()> {
    m.require(Action::ManageMembers)?;
    let mandate = store::get(&app.db, mandate_id)
        .await?
        .filter(|x| x.member_id == m.id)
        .ok_or(Error::NotFound)?;
    let (day, how) = rules::check_end(&mandate.held(), ended_on, how)?;
    let entry = actor
        .audit(AuditAction::MandateEnded)
        .target("mandate", mandate_id, None)
        .detail(json!({ "member": m.id, "ended_on": day, "ending": how.as_str() }));
    Ok(store::end(&app.db, mandate_id, Day(day), how, now(), &entry).await?)
}
