//! Meetings of a body: their kinds, attendance and quorum, the decisions that take effect
//! when the minutes are approved, and the Arabic wording of titles, dates and the press
//! communiqué (agreement in gender and number is grammar here, not copied text).

pub use crate::arabic::{
    and_list, bi, dashed, date_ar, feminine, honorific_ar, hour_ar, li, members_count_ar,
    noun_is_feminine, numbered, ordinal_ar, weekday_ar,
};
pub use people::{
    AttendingGroup, GroupCategory, Host, LeadRole, Leads, MeetingMode, MembersPresent, Named,
    Place, Said, SayVerb, Speaker, Turnout,
};
pub use press::{
    CommuniqueFacts, MinutesRecord, Wording, announcement_ar, communique_ar, minutes_ar,
    minutes_title_ar, said_ar, styled,
};

mod people;
mod press;
pub mod requests;
pub use crate::org::{KINDS, KindWords, level_adjective, title_ar};
pub use crate::sex::Sex;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    Present,
    Excused,
    Absent,
}

impl Presence {
    pub fn parse(s: &str) -> Option<Presence> {
        match s {
            "present" => Some(Presence::Present),
            "excused" => Some(Presence::Excused),
            "absent" => Some(Presence::Absent),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Presence::Present => "present",
            Presence::Excused => "excused",
            Presence::Absent => "absent",
        }
    }
}

impl std::fmt::Display for Presence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl TryFrom<String> for Presence {
    type Error = crate::stored::UnknownStored;
    fn try_from(value: String) -> Result<Presence, crate::stored::UnknownStored> {
        crate::stored::decode("presence", value, Presence::parse)
    }
}

crate::stored_enum! {
    /// A meeting's minutes: not written yet, a draft, or approved (and then locked).
    pub enum MinutesStatus as "minutes status" {
        Unwritten = "none",
        Draft = "draft",
        Approved = "approved",
    }
}

crate::stored_enum! {
    /// A communiqué is drafted, then published on the public pages (and may be withdrawn).
    pub enum CommuniqueStatus as "communiqué status" {
        Draft = "draft",
        Published = "published",
        Unpublished = "unpublished",
    }
}

/// Quorum: more than `percent` % of the body's members present (guests do not count);
/// the body's statutes set the share (half by default).
pub fn has_quorum(members_present: usize, body_members: usize, percent: u8) -> bool {
    body_members > 0 && members_present * 100 > body_members * usize::from(percent)
}

/// One line of the attendance, as the voting rules read it.
#[derive(Debug, Clone)]
pub struct Seat<'a> {
    pub name: &'a str,
    pub guest: bool,
    pub presence: Presence,
    /// HH:MM when they came late, and when they left early.
    pub arrived_at: Option<&'a str>,
    pub left_at: Option<&'a str>,
    /// The votes a delegate carries where the body's rules weigh votes (else 1).
    pub weight: i64,
    /// An absent or excused member's proxy: the present member who votes for them.
    pub proxy_to: Option<&'a str>,
}

/// A body's voting rules, from the profile's body kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct VoteRules {
    pub proxies: bool,
    pub weighted: bool,
}

/// Who could vote at a moment of the meeting: the members in the room then, the proxies
/// they held, and the votes all of that carries.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Voters {
    pub present: Vec<String>,
    /// (the absent member, the member voting for them).
    pub proxies: Vec<(String, String)>,
    pub votes: i64,
}

/// `HH:MM`, normalized (9:5 is not a time; 09:05 is).
pub fn parse_time(s: &str) -> Option<String> {
    chrono::NaiveTime::parse_from_str(s.trim(), "%H:%M")
        .ok()
        .map(|t| t.format("%H:%M").to_string())
}

/// Whether a member was in the room at `at` (HH:MM); without a time, whether they came.
fn in_room(seat: &Seat<'_>, at: Option<&str>) -> bool {
    !seat.guest
        && seat.presence == Presence::Present
        && at.is_none_or(|t| {
            seat.arrived_at.is_none_or(|a| a <= t) && seat.left_at.is_none_or(|l| t < l)
        })
}

/// The voters at `at` under the body's rules (a proxy counts only if its holder is in the
/// room; a weight only where votes are weighted).
pub fn voters_at(seats: &[Seat<'_>], at: Option<&str>, rules: VoteRules) -> Voters {
    let weight = |s: &Seat<'_>| if rules.weighted { s.weight.max(1) } else { 1 };
    let room: Vec<&Seat<'_>> = seats.iter().filter(|s| in_room(s, at)).collect();
    let mut voters = Voters {
        present: room.iter().map(|s| s.name.to_owned()).collect(),
        proxies: Vec::new(),
        votes: room.iter().map(|s| weight(s)).sum(),
    };
    if rules.proxies {
        for s in seats
            .iter()
            .filter(|s| !s.guest && s.presence != Presence::Present)
        {
            if let Some(to) = s.proxy_to
                && room.iter().any(|r| r.name == to)
            {
                voters.votes += weight(s);
                voters.proxies.push((s.name.to_owned(), to.to_owned()));
            }
        }
    }
    voters
}

/// Checks an attendance list against the body's rules: times are HH:MM with the arrival
/// before the departure, and only for those present; a proxy goes from an absent or excused
/// member to a member present, one proxy each, where the rules allow proxies; a weight other
/// than 1 only where votes are weighted.
pub fn check_attendance(seats: &[Seat<'_>], rules: VoteRules) -> Result<(), crate::DomainError> {
    use crate::{DomainError, Field};
    let err = |code: &'static str| Err(DomainError::new(Field::Attendance, code));
    for s in seats {
        if let (Some(a), Some(l)) = (s.arrived_at, s.left_at)
            && a >= l
        {
            return err("times-inverted");
        }
        if (s.arrived_at.is_some() || s.left_at.is_some()) && s.presence != Presence::Present {
            return err("times-for-absent");
        }
        if s.weight < 1 || (s.weight != 1 && (!rules.weighted || s.guest)) {
            return err("weight-not-allowed");
        }
        let Some(to) = s.proxy_to else { continue };
        if !rules.proxies {
            return err("proxies-not-allowed");
        }
        if s.guest || s.presence == Presence::Present {
            return err("proxy-from-present");
        }
        let holder = seats.iter().find(|h| h.name == to);
        if holder.is_none_or(|h| h.guest || h.presence != Presence::Present) {
            return err("proxy-holder-absent");
        }
        if seats.iter().filter(|o| o.proxy_to == Some(to)).count() > 1 {
            return err("proxy-twice");
        }
    }
    Ok(())
}

/// What a decision does once the minutes are approved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DecisionKind {
    /// A position of the body given to someone, by consensus or by a vote.
    Appoint {
        position: String,
        #[serde(default)]
        rank: Option<u8>,
        holder_name: String,
        sex: String,
        #[serde(default)]
        member_id: Option<i64>,
    },
    /// A general assembly or a congress elects the whole office at once: every current
    /// holder leaves that day, and these take their positions.
    RenewOffice { officers: Vec<Officer> },
    /// A committee of the body, with its members.
    CreateCommittee {
        /// `membership`, `ethics` or a functional committee's key.
        committee: String,
        #[serde(default)]
        members: Vec<String>,
    },
    /// A resolution in the meeting's words.
    Resolution { text: String },
    /// The founding meeting constitutes the body (it was in formation).
    Constitute,
    /// Adopts the body's work programme for a period: a draft programme of the body
    /// (`programme_id`, whose title, period and activities fill the rest), or, as before
    /// programmes had activities of their own, a title and its activities one per line.
    AdoptProgramme {
        #[serde(default)]
        programme_id: Option<i64>,
        title: String,
        starts_on: String,
        ends_on: String,
        #[serde(default)]
        activities: Vec<String>,
    },
    /// Launches the body's membership renewal campaign (see `members::plan_campaign`):
    /// categories as `key|label|amount` lines.
    LaunchCampaign {
        year: String,
        opens_on: String,
        closes_on: String,
        categories: String,
    },
}

/// One officer of an office elected as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Officer {
    pub position: String,
    #[serde(default)]
    pub rank: Option<u8>,
    pub holder_name: String,
    pub sex: String,
    #[serde(default)]
    pub member_id: Option<i64>,
}

/// Checks one appointment: a position, a name, a known sex, a rank from 1 to 9.
fn check_officer(
    position: &str,
    holder_name: &str,
    sex: &str,
    rank: Option<u8>,
) -> Result<(), crate::DomainError> {
    use crate::{DomainError, Field};
    if position.trim().is_empty() {
        return Err(DomainError::new(Field::Position, "position-unknown"));
    }
    if holder_name.trim().is_empty() {
        return Err(DomainError::new(Field::Name, "name-required"));
    }
    Sex::parse(sex)?;
    if rank.is_some_and(|r| !(1..=9).contains(&r)) {
        return Err(DomainError::new(Field::Position, "rank-invalid"));
    }
    Ok(())
}

/// The office elected, each position with its holder, as the press lists them:
/// "الكاتب الإقليمي: السيد محمد النجاري؛ النائبة الأولى للكاتب الإقليمي: السيدة …".
pub fn office_ar(officers: &[(String, Named)]) -> String {
    officers
        .iter()
        .map(|(title, p)| format!("{title}: {} {}", honorific_ar(p.sex), p.name.trim()))
        .collect::<Vec<_>>()
        .join("؛ ")
}

/// How a decision was taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vote {
    #[serde(default)]
    pub votes_for: i64,
    #[serde(default)]
    pub against: i64,
    #[serde(default)]
    pub abstentions: i64,
    /// Every voter present voted for it (the caller sets the count from the attendance).
    #[serde(default)]
    pub unanimous: bool,
}

/// How a decision was taken, in words: بالتوافق، بالإجماع، بأغلبية 9 أصوات مقابل صوتين
/// وامتناع عضو واحد.
pub fn vote_ar(vote: Option<&Vote>) -> String {
    use crate::arabic::{MEMBERS, VOTES};
    let count = |n: i64| usize::try_from(n).unwrap_or(0);
    match vote {
        None => "بالتوافق".to_owned(),
        Some(v) if v.unanimous => "بالإجماع".to_owned(),
        Some(v) => {
            let mut s = format!("بأغلبية {}", VOTES.of(count(v.votes_for)));
            if v.against > 0 {
                s.push_str(&format!(" مقابل {}", VOTES.of(count(v.against))));
            }
            if v.abstentions > 0 {
                s.push_str(&format!(" وامتناع {}", MEMBERS.of(count(v.abstentions))));
            }
            s
        }
    }
}

/// Checks a decision before it is recorded (every field code is an error key).
pub fn check_decision(kind: &DecisionKind, vote: Option<&Vote>) -> Result<(), crate::DomainError> {
    use crate::{DomainError, Field};
    match kind {
        DecisionKind::Appoint {
            position,
            holder_name,
            sex,
            rank,
            ..
        } => check_officer(position, holder_name, sex, *rank)?,
        DecisionKind::RenewOffice { officers } => {
            if officers.is_empty() {
                return Err(DomainError::new(Field::Position, "office-empty"));
            }
            for (i, o) in officers.iter().enumerate() {
                check_officer(&o.position, &o.holder_name, &o.sex, o.rank)?;
                let same = |p: &Officer| p.position == o.position && p.rank == o.rank;
                if officers[..i].iter().any(same) {
                    return Err(DomainError::new(Field::Position, "position-twice"));
                }
            }
        }
        DecisionKind::CreateCommittee { committee, .. } => {
            if committee.trim().is_empty() {
                return Err(DomainError::new(Field::Name, "text-required"));
            }
        }
        DecisionKind::Resolution { text } => {
            if text.trim().is_empty() {
                return Err(DomainError::new(Field::Name, "text-required"));
            }
        }
        DecisionKind::Constitute => {}
        DecisionKind::AdoptProgramme {
            title,
            starts_on,
            ends_on,
            activities,
            ..
        } => {
            if title.trim().is_empty() || activities.iter().all(|a| a.trim().is_empty()) {
                return Err(DomainError::new(Field::Name, "text-required"));
            }
            let starts = crate::members::parse_date(starts_on, Field::Date)?;
            if crate::members::parse_date(ends_on, Field::Date)? < starts {
                return Err(DomainError::new(Field::Date, "period-inverted"));
            }
        }
        DecisionKind::LaunchCampaign {
            year,
            opens_on,
            closes_on,
            categories,
        } => {
            if let Err(errors) =
                crate::members::plan_campaign(year, opens_on, closes_on, categories)
                && let Some(first) = errors.into_iter().next()
            {
                return Err(first);
            }
        }
    }
    if let Some(v) = vote
        && (v.votes_for < 0
            || v.against < 0
            || v.abstentions < 0
            || (!v.unanimous && v.votes_for <= v.against)
            || (v.unanimous && (v.against > 0 || v.abstentions > 0)))
    {
        return Err(DomainError::new(Field::Vote, "vote-not-carried"));
    }
    Ok(())
}

/// A vote cannot count more voices than the voters present at it carry (the caller checks
/// only once attendance is recorded).
pub fn check_vote_against_voters(vote: &Vote, voters: &Voters) -> Result<(), crate::DomainError> {
    let cast = vote.votes_for + vote.against + vote.abstentions;
    if cast > voters.votes {
        return Err(crate::DomainError::new(
            crate::Field::Vote,
            "vote-exceeds-voters",
        ));
    }
    Ok(())
}

/// A decision in words: انتخاب السيدة خيرة الهيري رئيسة قطب النساء الإقليمية بالتوافق.
/// `title` is the appointee's title (see `title_ar`), or the committee's name (لجنة التنظيم).
/// A stored appointment whose sex the domain does not know is an error, never a man.
pub fn decision_ar(
    kind: &DecisionKind,
    title: &str,
    vote: Option<&Vote>,
) -> Result<String, crate::DomainError> {
    let how = vote_ar(vote);
    Ok(match kind {
        DecisionKind::Appoint {
            holder_name, sex, ..
        } => {
            let sex = Sex::parse(sex)?;
            format!("اختيار {} {holder_name} {title} {how}", honorific_ar(sex))
        }
        // `title` is the office listed (`office_ar`).
        DecisionKind::RenewOffice { .. } => {
            format!("انتخاب المكتب {how} على الشكل التالي: {title}")
        }
        DecisionKind::CreateCommittee { committee, members } if members.is_empty() => {
            format!("تشكيل {} {how}", committee_name(committee, title))
        }
        DecisionKind::CreateCommittee { committee, members } => format!(
            "تشكيل {} من {} {how}",
            committee_name(committee, title),
            and_list(members)
        ),
        // A resolution in its own words; how it was voted follows when a vote was taken.
        DecisionKind::Resolution { text } => match vote {
            None => text.clone(),
            Some(_) => format!("{} {how}", text.trim().trim_end_matches(['.', '،'])),
        },
        DecisionKind::Constitute => format!("الإعلان عن تأسيس الهيئة {how}"),
        DecisionKind::AdoptProgramme {
            programme_id,
            title,
            starts_on,
            ends_on,
            activities,
        } => {
            // A programme of its own rows is counted (it may hold dozens of activities);
            // the lines typed before are listed.
            let content = match programme_id {
                Some(_) => crate::arabic::activities_ar(activities.len()),
                None => and_list(activities),
            };
            let day = |d: &str| {
                NaiveDate::parse_from_str(d, "%Y-%m-%d")
                    .map(date_ar)
                    .unwrap_or_else(|_| d.to_owned())
            };
            format!(
                "المصادقة {how} على «{title}» للفترة من {} إلى {}، ويتضمن {}",
                day(starts_on),
                day(ends_on),
                content
            )
        }
        DecisionKind::LaunchCampaign { year, .. } => {
            format!("إطلاق عملية الانخراط وتجديد الانخراط برسم سنة {year} {how}")
        }
    })
}

/// A committee's name as the caller gives it from the profile, else its key after لجنة.
fn committee_name(key: &str, name: &str) -> String {
    if name.trim().is_empty() {
        format!("لجنة {key}")
    } else {
        name.trim().to_owned()
    }
}

/// "who was there at the vote": the voters' names, the proxies, the votes they carried.
pub fn voters_ar(v: &Voters) -> String {
    let mut s = format!(
        "الحاضرون عند التصويت ({}): {}",
        v.present.len(),
        v.present.join("، ")
    );
    if !v.proxies.is_empty() {
        let proxies: Vec<String> = v
            .proxies
            .iter()
            .map(|(from, to)| format!("{to} عن {from}"))
            .collect();
        s.push_str(&format!("؛ بالوكالة: {}", proxies.join("، ")));
    }
    s.push_str(&format!("؛ عدد الأصوات: {}", v.votes));
    s
}

#[cfg(test)]
mod tests;

/// Whether someone named at a meeting as a holder of a position (its chair, or an attendee
/// invited as a holder) holds it only from a day after the meeting: the record, or the
/// holder's start, is wrong. A warning for the officer, not an error: the start is often
/// typed later than it was (a holder recorded "since today").
pub fn holds_only_after(started_on: chrono::NaiveDate, held_on: chrono::NaiveDate) -> bool {
    started_on > held_on
}

#[cfg(test)]
mod holds_only_after_tests {
    use super::holds_only_after;
    use chrono::NaiveDate;

    #[test]
    fn a_start_after_the_meeting_is_flagged_the_same_day_is_not() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let held = day(2022, 12, 8);
        let flagged =
            |since: Option<NaiveDate>| since.zip(held).map(|(s, h)| holds_only_after(s, h));
        assert_eq!(flagged(day(2026, 11, 30)), Some(true));
        assert_eq!(flagged(day(2020, 1, 15)), Some(false));
        assert_eq!(flagged(day(2022, 12, 8)), Some(false));
    }
}
