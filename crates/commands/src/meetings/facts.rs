//! The public facts of a meeting, from its record, for its minutes, its communiqué and its
//! announcement.

use super::profile::{holder_title, kind_words, level_of, position, press_name_ar};
use super::record::{Record, present_of};
use crate::{App, Result};
use tanzim_domain::meetings::{
    self as rules, AttendingGroup, DecisionKind, Host, LeadRole, Leads, MembersPresent, Named,
    Place, Said, SayVerb, Sex, Speaker, Turnout, Vote,
};
use tanzim_domain::meetings_fr as fr;
use tanzim_domain::territory::TerritoryCode;
use tanzim_store::bodies::Body;
use tanzim_store::meetings::{self as store, Lead, Meeting};
use tanzim_store::territory::{self, Territory};

/// The commune a meeting was held in, when recorded.
async fn held_in(app: &App, m: &Meeting) -> Result<Option<Territory>> {
    match &m.commune_code {
        Some(code) => {
            let code = TerritoryCode::parse(code)?;
            Ok(territory::get(&app.db, &code).await?)
        }
        None => Ok(None),
    }
}

/// The leads of the record in one language: the holder who chairs first (titled by
/// `holder`), then the others in their order.
fn leads_of(chair: Option<Named>, leads: &[Lead]) -> Result<Leads> {
    let mut out = Leads::default();
    out.chairs.extend(chair);
    for l in leads {
        let person = || -> Result<Named> {
            Ok(Named {
                name: l.name.clone(),
                title: l.title.clone(),
                sex: Sex::parse(l.sex.as_deref().unwrap_or_default())?,
            })
        };
        match l.role {
            LeadRole::Chair => out.chairs.push(person()?),
            LeadRole::CoChair => out.co_chairs.push(person()?),
            LeadRole::Host if l.organization => out.hosts.push(Host::Organization(l.name.clone())),
            LeadRole::Host => out.hosts.push(Host::Person(person()?)),
            LeadRole::Framer => out.framers.push(person()?),
            LeadRole::HonourGuest => out.honour_guests.push(person()?),
        }
    }
    Ok(out)
}

/// The facts of the meeting, in Arabic and in French.
pub async fn read(app: &App, b: &Body, r: &Record) -> Result<rules::CommuniqueFacts> {
    let m = &r.meeting;
    let holder = match m.chair_holder_id {
        Some(id) => store::holder(&app.db, id).await?,
        None => None,
    };
    let chair_ar = match &holder {
        Some(h) => Some(Named {
            title: holder_title(&app.profile, b, h)?,
            sex: h.sex,
            name: h.holder_name.clone(),
        }),
        None => None,
    };
    let commune = held_in(app, m).await?;
    let ar = rules::Wording {
        body: press_name_ar(&app.profile, b),
        body_feminine: rules::noun_is_feminine(&super::profile::kind_ar(&app.profile, b)),
        place: Place {
            city: commune
                .as_ref()
                .map(|t| t.name_ar.clone())
                .or_else(|| m.city_abroad.clone()),
            country: m.country.clone(),
            venue: m.place.clone(),
        },
        leads: leads_of(chair_ar, &r.leads)?,
        decisions: r.decisions.iter().map(|(d, _)| d.summary.clone()).collect(),
        congress: None,
    };
    let congress = congress_of(app, m).await?;
    let ar = rules::Wording {
        congress: congress
            .as_ref()
            .map(|(body, day)| (press_name_ar(&app.profile, body), *day)),
        ..ar
    };
    let (present, _) = present_of(m, &r.attendance);
    let named_present = r
        .attendance
        .iter()
        .any(|a| !a.guest && a.presence == rules::Presence::Present);
    let members = if m.whole_body_present {
        MembersPresent::Whole
    } else if m.members_present_count.is_some() || named_present {
        MembersPresent::Count(present)
    } else {
        MembersPresent::Unsaid
    };
    Ok(rules::CommuniqueFacts {
        fr: rules::Wording {
            congress: congress
                .as_ref()
                .map(|(body, day)| (name_fr(app, body), *day)),
            ..french(app, b, r, holder.as_ref(), commune.as_ref(), &ar).await?
        },
        ar,
        date: m.held_on.date(),
        hour: m.starts_at.clone(),
        kind: kind_words(&app.profile, &m.kind),
        mode: m.mode,
        slogan: m.slogan.clone(),
        goals: m.goals.clone(),
        turnout: Turnout {
            members,
            groups: r
                .groups
                .iter()
                .map(|g| AttendingGroup {
                    category: g.category,
                    label: g.label.clone(),
                    sex: g.sex,
                    count: g.count.and_then(|n| usize::try_from(n).ok()),
                })
                .collect(),
            guests: r
                .attendance
                .iter()
                .filter(|a| a.guest && a.presence == rules::Presence::Present)
                .map(|a| {
                    [a.title.clone().unwrap_or_default(), a.name.clone()]
                        .join(" ")
                        .trim()
                        .to_owned()
                })
                .collect(),
        },
        agenda: r.agenda.clone(),
        said: r.interventions.iter().map(said).collect(),
        invited: m.invited.clone(),
    })
}

/// The congress a meeting is linked to, with the body holding it.
async fn congress_of(app: &App, m: &Meeting) -> Result<Option<(Body, chrono::NaiveDate)>> {
    let Some(id) = m.congress_id else {
        return Ok(None);
    };
    let Some(congress) = store::get(&app.db, id).await? else {
        return Ok(None);
    };
    let body = tanzim_store::bodies::get(&app.db, congress.body_id).await?;
    Ok(body.map(|b| (b, congress.held_on.date())))
}

/// A body's French name: its own, else its kind's and its territory's.
pub fn name_fr(app: &App, b: &Body) -> String {
    let kind_fr = app
        .profile
        .body_kind(&b.kind)
        .map(|k| k.name.fr.clone())
        .unwrap_or_else(|| b.name.clone());
    match (&b.name_fr, &b.territory_name_fr) {
        (Some(own), _) => own.clone(),
        // "des Marocains du monde": the organization abroad is named by its people.
        (None, Some(t)) if super::profile::sits_at_diaspora_region(&app.profile, b) => {
            format!("{kind_fr} des {t}")
        }
        (None, Some(t)) => format!("{kind_fr} {}", fr::de(t)),
        (None, None) => kind_fr,
    }
}

/// What was said, with who said it as the grammar needs them.
fn said(i: &store::Intervention) -> Said {
    let sex = i.speaker_sex.as_deref().and_then(|s| Sex::parse(s).ok());
    let speaker = match (i.speaker_kind.as_str(), sex) {
        ("committee", _) => Speaker::Committee(i.speaker.clone()),
        ("group", Some(sex)) => Speaker::Group {
            name: i.speaker.clone(),
            sex,
        },
        (_, Some(sex)) => Speaker::Person(Named {
            name: i.speaker.clone(),
            title: i.speaker_title.clone().unwrap_or_default(),
            sex,
        }),
        (_, None) => Speaker::Unknown(i.speaker.clone()),
    };
    Said {
        speaker,
        verb: SayVerb::parse(&i.verb).unwrap_or(SayVerb::Addressed),
        summary: i.summary.clone(),
    }
}

/// The French wording: the product's own words where it has them (titles of positions,
/// the body's kind, place names, decisions), the record's words (`ar`) elsewhere.
async fn french(
    app: &App,
    b: &Body,
    r: &Record,
    holder: Option<&store::Holder>,
    commune: Option<&Territory>,
    ar: &rules::Wording,
) -> Result<rules::Wording> {
    let level = level_of(&app.profile, b);
    let title = |key: &str, rank: Option<i64>, sex: Sex| match position(&app.profile, key) {
        Ok(p) => fr::title_fr(
            &p.name.fr,
            rank.and_then(|r| u8::try_from(r).ok()),
            level,
            sex,
        ),
        Err(_) => key.to_owned(),
    };
    let chair = holder.map(|h| Named {
        title: title(&h.position, h.rank, h.sex),
        name: h.holder_name.clone(),
        sex: h.sex,
    });
    let body = name_fr(app, b);
    let decisions = r
        .decisions
        .iter()
        .map(|(d, _)| {
            let vote = d.votes_for.map(|votes_for| Vote {
                votes_for,
                against: d.against.unwrap_or(0),
                abstentions: d.abstentions.unwrap_or(0),
                unanimous: d.unanimous,
            });
            match d.kind() {
                Some(kind) => {
                    let appointee = match &kind {
                        DecisionKind::Appoint {
                            position,
                            rank,
                            sex,
                            ..
                        } => title(position, rank.map(i64::from), Sex::parse(sex)?),
                        DecisionKind::RenewOffice { officers } => {
                            let mut office = Vec::new();
                            for o in officers {
                                let sex = Sex::parse(&o.sex)?;
                                let named = Named {
                                    name: o.holder_name.clone(),
                                    title: String::new(),
                                    sex,
                                };
                                office
                                    .push((title(&o.position, o.rank.map(i64::from), sex), named));
                            }
                            fr::office_fr(&office)
                        }
                        DecisionKind::CreateCommittee { committee, .. } => app
                            .profile
                            .committee(committee)
                            .map(|c| c.name.fr.clone())
                            .unwrap_or_default(),
                        _ => String::new(),
                    };
                    Ok(fr::decision_fr(&kind, &appointee, vote.as_ref())?)
                }
                None => Ok(d.summary.clone()),
            }
        })
        .collect::<Result<_>>()?;
    Ok(rules::Wording {
        body,
        body_feminine: false,
        place: Place {
            city: commune
                .map(|t| t.name_fr.clone())
                .or_else(|| ar.place.city.clone()),
            country: ar.place.country.clone(),
            venue: ar.place.venue.clone(),
        },
        leads: leads_of(chair, &r.leads)?,
        decisions,
        congress: None,
    })
}
