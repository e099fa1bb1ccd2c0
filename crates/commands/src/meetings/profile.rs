//! What the meeting commands share: the profile's words and rules for a body, a member
//! linked to a seat, a time read. It imports from none of the commands.

use crate::{App, Error, Result};
use tanzim_domain::meetings::{KindWords, VoteRules};
use tanzim_domain::org::{BodyLevel, PositionKind, Profile};
use tanzim_domain::territory::TerritoryPath;
use tanzim_domain::{DomainError, Field};
use tanzim_store::bodies::Body;
use tanzim_store::meetings::Holder;

/// A position of the profile.
pub fn position<'a>(profile: &'a Profile, key: &str) -> Result<&'a PositionKind> {
    profile
        .positions
        .iter()
        .find(|p| p.key == key)
        .ok_or(Error::Invalid(DomainError::new(
            Field::Position,
            "position-unknown",
        )))
}

/// The level of a body, from its kind in the profile.
pub fn level_of(profile: &Profile, body: &Body) -> BodyLevel {
    profile
        .body_kind(&body.kind)
        .map(|k| k.level)
        .unwrap_or(BodyLevel::National)
}

/// How a kind of meeting is said: the profile's words for its own kinds, else the
/// product's.
pub fn kind_words(profile: &Profile, key: &str) -> KindWords {
    profile
        .meeting_kinds
        .iter()
        .find(|k| k.key == key)
        .map(|k| k.words.clone())
        .unwrap_or_else(|| KindWords::builtin(key))
}

/// The body's voting rules (proxies, weighted votes), from its kind in the profile.
pub fn vote_rules(profile: &Profile, body: &Body) -> VoteRules {
    profile
        .body_kind(&body.kind)
        .map(|k| VoteRules {
            proxies: k.proxies,
            weighted: k.weighted_votes,
        })
        .unwrap_or_default()
}

/// A holder's Arabic title in their body, agreeing with them.
pub fn holder_title(profile: &Profile, body: &Body, h: &Holder) -> Result<String> {
    let sex = h.sex;
    let rank = h.rank.and_then(|r| u8::try_from(r).ok());
    Ok(match position(profile, &h.position) {
        Ok(p) => p.title_ar(rank, level_of(profile, body), sex, &kind_ar(profile, body)),
        Err(_) => h.position.clone(),
    })
}

/// The Arabic name of the body's kind (الأمانة الإقليمية), else the body's own name.
pub fn kind_ar(profile: &Profile, body: &Body) -> String {
    profile
        .body_kind(&body.kind)
        .map(|k| k.name.ar.clone())
        .unwrap_or_else(|| body.name.clone())
}

/// The body as the press names it: its kind, its organization when an affiliate, and the
/// territory it sits in after ب (المكتب الإقليمي لمنظمة النساء بتاونات); never the place
/// twice, never a place without its ب.
pub fn press_name_ar(profile: &Profile, body: &Body) -> String {
    let mut name = kind_ar(profile, body);
    let affiliate = profile
        .organization(&body.organization)
        .filter(|o| Some(o.key.as_str()) != profile.party_key());
    if let Some(o) = affiliate {
        name.push(' ');
        name.push_str(&tanzim_domain::meetings::li(&o.name.ar));
    }
    if let Some(place) = body.territory_name_ar.as_deref() {
        name.push(' ');
        // The organization abroad is people, not a place: لمغاربة العالم, not بمغاربة العالم.
        if sits_at_diaspora_region(profile, body) {
            name.push_str(&tanzim_domain::meetings::li(place));
        } else {
            name.push_str(&tanzim_domain::meetings::bi(place));
        }
    }
    name
}

/// Whether the body sits at the region of the organization abroad itself.
pub fn sits_at_diaspora_region(profile: &Profile, body: &Body) -> bool {
    match (&profile.diaspora, &body.territory_code) {
        (Some(d), Some(code)) => *code == d.region_code(),
        _ => false,
    }
}

/// A member linked to a position or a seat must be on the roll, active and within the
/// body's territory; any other id (someone elsewhere, or no one) gets the same answer.
pub(super) async fn linked_member(
    app: &App,
    b: &Body,
    member_id: i64,
) -> Result<tanzim_store::members::Member> {
    let member = tanzim_store::members::get(&app.db, member_id).await?;
    member
        .filter(|m| {
            m.status == tanzim_domain::members::Status::Active
                && b.target()
                    .path
                    .contains(&TerritoryPath::from_stored(m.person.path.clone()))
        })
        .ok_or_else(|| DomainError::new(Field::Member, "committee-member-unknown").into())
}

/// A holder's name and sex as given, or, where left blank, the linked member's: a sex is
/// never defaulted, it comes from the roll when the officer links the member.
pub(super) async fn holder_from_roll(
    app: &App,
    b: &Body,
    member_id: Option<i64>,
    name: &str,
    sex: &str,
) -> Result<(String, String)> {
    let (name, sex) = (name.trim(), sex.trim());
    let Some(mid) = member_id else {
        return Ok((name.to_owned(), sex.to_owned()));
    };
    let m = linked_member(app, b, mid).await?;
    let roll_name = [&m.person.first_name_ar, &m.person.last_name_ar]
        .iter()
        .filter_map(|x| x.as_deref())
        .collect::<Vec<_>>()
        .join(" ");
    Ok((
        if name.is_empty() {
            roll_name
        } else {
            name.to_owned()
        },
        if sex.is_empty() {
            m.person.sex.as_str().to_owned()
        } else {
            sex.to_owned()
        },
    ))
}

/// An `HH:MM` time, or none when blank.
pub(super) fn time(t: Option<&str>, field: Field) -> Result<Option<String>> {
    match t.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) => tanzim_domain::meetings::parse_time(t)
            .map(Some)
            .ok_or_else(|| DomainError::new(field, "time-invalid").into()),
    }
}

/// A committee of the profile's by its key; any other is refused.
pub(super) fn committee_kind(app: &App, key: &str) -> Result<tanzim_domain::org::CommitteeKind> {
    app.profile
        .committee(key.trim())
        .cloned()
        .ok_or_else(|| DomainError::new(Field::Name, "committee-unknown").into())
}
