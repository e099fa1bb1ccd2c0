//! The public facts of a meeting, from its record, for its minutes and its communiqué.

use super::profile::{holder_title, kind_words, level_of, position};
use super::record::Record;
use crate::{App, Result};
use tanzim_domain::meetings::{self as rules, DecisionKind, Named, Presence, Sex, Vote};
use tanzim_domain::meetings_fr as fr;
use tanzim_domain::territory::TerritoryCode;
use tanzim_store::bodies::Body;
use tanzim_store::meetings::{self as store, Meeting};
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

/// The facts of the meeting, in Arabic and in French.
pub async fn read(app: &App, b: &Body, r: &Record) -> Result<rules::CommuniqueFacts> {
    let m = &r.meeting;
    let lead = |role: &str| -> Result<Option<Named>> {
        r.leads
            .iter()
            .find(|l| l.role == role)
            .map(|l| {
                Ok(Named {
                    name: l.name.clone(),
                    title: l.title.clone(),
                    sex: l.sex,
                })
            })
            .transpose()
    };
    let chair = match m.chair_holder_id {
        Some(id) => match store::holder(&app.db, id).await? {
            Some(h) => Some(Named {
                title: holder_title(&app.profile, b, &h)?,
                sex: h.sex,
                name: h.holder_name,
            }),
            None => None,
        },
        None => lead("chair")?,
    };
    // Where it was held: the meeting's commune, else the body's territory.
    let held_in = held_in(app, m).await?.map(|t| t.name_ar);
    let city = held_in.unwrap_or_else(|| match &b.territory_code {
        Some(code) => b.territory_name_ar.clone().unwrap_or_else(|| code.clone()),
        None => "الرباط".to_owned(),
    });
    let ar = rules::Wording {
        body: b.name.clone(),
        city,
        chair: chair.unwrap_or(Named {
            name: String::new(),
            title: String::new(),
            sex: Sex::M,
        }),
        decisions: r.decisions.iter().map(|(d, _)| d.summary.clone()).collect(),
    };
    Ok(rules::CommuniqueFacts {
        fr: french(app, b, r, &ar).await?,
        ar,
        date: m.held_on.date(),
        kind: kind_words(&app.profile, &m.kind),
        slogan: m.slogan.clone(),
        goals: m.goals.clone(),
        co_chair: lead("co_chair")?,
        host: lead("host")?,
        members_present: r.members_present,
        guests: r
            .attendance
            .iter()
            .filter(|a| a.guest && a.presence == Presence::Present)
            .map(|a| {
                [a.title.clone().unwrap_or_default(), a.name.clone()]
                    .join(" ")
                    .trim()
                    .to_owned()
            })
            .collect(),
        agenda: r.agenda.clone(),
        interventions: r
            .interventions
            .iter()
            .map(|i| (i.speaker.clone(), i.summary.clone()))
            .collect(),
    })
}

/// The French wording: the product's own words where it has them (titles of positions,
/// the body's kind, place names, decisions), the record's words (`ar`) elsewhere.
async fn french(app: &App, b: &Body, r: &Record, ar: &rules::Wording) -> Result<rules::Wording> {
    let m = &r.meeting;
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
    let chair = match m.chair_holder_id {
        Some(id) => match store::holder(&app.db, id).await? {
            Some(h) => {
                let sex = h.sex;
                Some(Named {
                    title: title(&h.position, h.rank, sex),
                    name: h.holder_name,
                    sex,
                })
            }
            None => None,
        },
        None => None,
    };
    let kind_fr = app
        .profile
        .body_kind(&b.kind)
        .map(|k| k.name.fr.clone())
        .unwrap_or_else(|| b.name.clone());
    let held_in = held_in(app, m).await?.map(|t| t.name_fr);
    let city = held_in
        .or_else(|| b.territory_name_fr.clone())
        .unwrap_or_else(|| "Rabat".to_owned());
    let body = match &b.territory_name_fr {
        Some(t) => format!("{kind_fr} {}", fr::de(t)),
        None => kind_fr,
    };
    let decisions = r
        .decisions
        .iter()
        .map(|(d, _)| {
            let vote = d.votes_for.map(|votes_for| Vote {
                votes_for,
                against: d.against.unwrap_or(0),
                abstentions: d.abstentions.unwrap_or(0),
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
        city,
        chair: chair.unwrap_or_else(|| ar.chair.clone()),
        decisions,
    })
}
