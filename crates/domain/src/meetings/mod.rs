//! Meetings of a body: their kinds, attendance and quorum, the decisions that take effect
//! when the minutes are approved, and the Arabic wording of titles, dates and the press
//! communiqué (agreement in gender and number is grammar here, not copied text).

pub use crate::arabic::{
    and_list, dashed, date_ar, feminine, honorific_ar, li, members_count_ar, numbered, ordinal_ar,
    weekday_ar,
};
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

/// Who may lead a meeting beside (or instead of) a holder of the convening body: a chair,
/// a co-chair or a host, who may come from another level and is named with the title the
/// press gives them (عضو اللجنة التنفيذية).
pub const LEAD_ROLES: [&str; 3] = ["chair", "co_chair", "host"];

/// A person named with their public title, and their sex for the grammar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub name: String,
    pub title: String,
    pub sex: Sex,
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
    /// Adopts the body's work programme for a period, its activities one per line.
    AdoptProgramme {
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

/// How a decision was taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vote {
    pub votes_for: i64,
    pub against: i64,
    pub abstentions: i64,
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
        } => {
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
        && (v.votes_for < 0 || v.against < 0 || v.abstentions < 0 || v.votes_for <= v.against)
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

/// A committee's Arabic name by its key.
pub fn committee_ar(key: &str) -> String {
    match key {
        "membership" => "لجنة البت في الانخراطات".to_owned(),
        "ethics" => "لجنة الأخلاقيات".to_owned(),
        other => format!("لجنة {other}"),
    }
}

/// A decision in words: انتخاب السيدة خيرة الهيري رئيسة قطب النساء الإقليمية بالتوافق.
/// `title` is the appointee's title (see `title_ar`).
/// A stored appointment whose sex the domain does not know is an error, never a man.
pub fn decision_ar(
    kind: &DecisionKind,
    title: &str,
    vote: Option<&Vote>,
) -> Result<String, crate::DomainError> {
    let how = match vote {
        None => "بالتوافق".to_owned(),
        Some(v) => format!(
            "بالتصويت ({} مع، {} ضد، {} امتناع)",
            v.votes_for, v.against, v.abstentions
        ),
    };
    Ok(match kind {
        DecisionKind::Appoint {
            holder_name, sex, ..
        } => {
            let sex = Sex::parse(sex)?;
            format!("اختيار {} {holder_name} {title} {how}", honorific_ar(sex))
        }
        DecisionKind::CreateCommittee { committee, members } if members.is_empty() => {
            format!("تشكيل {} {how}", committee_ar(committee))
        }
        DecisionKind::CreateCommittee { committee, members } => format!(
            "تشكيل {} من {} {how}",
            committee_ar(committee),
            and_list(members)
        ),
        DecisionKind::Resolution { text } => text.clone(),
        DecisionKind::Constitute => format!("الإعلان عن تأسيس الهيئة {how}"),
        DecisionKind::AdoptProgramme {
            title,
            starts_on,
            ends_on,
            activities,
        } => {
            let day = |d: &str| {
                NaiveDate::parse_from_str(d, "%Y-%m-%d")
                    .map(date_ar)
                    .unwrap_or_else(|_| d.to_owned())
            };
            format!(
                "المصادقة {how} على «{title}» للفترة من {} إلى {}، ويتضمن {}",
                day(starts_on),
                day(ends_on),
                and_list(activities)
            )
        }
        DecisionKind::LaunchCampaign { year, .. } => {
            format!("إطلاق عملية الانخراط وتجديد الانخراط برسم سنة {year} {how}")
        }
    })
}

/// The title of a meeting's minutes: محضر اجتماع تنظيمي للأمانة الإقليمية.
pub fn minutes_title_ar(kind: &KindWords, body: &str) -> String {
    format!("محضر {} {}", kind.ar_noun, li(body))
}

/// A verb in the past that agrees with its subject: ترأس / ترأست.
fn past(verb: &str, feminine: bool) -> String {
    if feminine {
        format!("{verb}ت")
    } else {
        verb.to_owned()
    }
}

/// What a communiqué and the minutes are built from: public facts of the meeting only,
/// with what each language says in its own words.
#[derive(Debug, Clone)]
pub struct CommuniqueFacts {
    /// The Arabic wording (the minutes and the Arabic communiqué).
    pub ar: Wording,
    /// The French wording: the product's French words where it has them (titles of
    /// positions, the body's kind, place names, decisions), the record's words elsewhere.
    pub fr: Wording,
    pub date: NaiveDate,
    /// How the meeting's kind is said.
    pub kind: KindWords,
    pub slogan: Option<String>,
    pub goals: Option<String>,
    pub co_chair: Option<Named>,
    pub host: Option<Named>,
    pub members_present: usize,
    /// Guests as "title name".
    pub guests: Vec<String>,
    pub agenda: Vec<String>,
    /// (speaker's title and name, what they said).
    pub interventions: Vec<(String, String)>,
}

/// The facts one language says in its own words.
#[derive(Debug, Clone)]
pub struct Wording {
    /// The body: "الأمانة الإقليمية", "Secrétariat provincial de Taounate".
    pub body: String,
    pub city: String,
    pub chair: Named,
    /// The decisions, each in words.
    pub decisions: Vec<String>,
}

/// "title honorific name": الأمين الإقليمي السيد محمد النجاري.
fn styled(p: &Named) -> String {
    [p.title.as_str(), honorific_ar(p.sex), p.name.as_str()]
        .into_iter()
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A headline and a text in the register of Moroccan party press, built from the facts.
pub fn communique_ar(f: &CommuniqueFacts) -> (String, String) {
    let feminine_chair = f.ar.chair.sex == Sex::F;
    let chairs = if feminine_chair {
        "تترأس"
    } else {
        "يترأس"
    };
    let kind_label = &f.kind.ar_object;
    let (the_meeting, feminine_meeting) = (&f.kind.ar_definite, f.kind.feminine);
    let headline = format!(
        "{}: {} {} {chairs} {kind_label} {}",
        f.ar.city,
        f.ar.chair.title,
        f.ar.chair.name,
        li(&f.ar.body)
    );
    let mut text = Vec::new();
    let with = match &f.co_chair {
        Some(c) => format!("، بمعية {}،", styled(c)),
        None => String::new(),
    };
    let opening = format!(
        "{}، يوم {} {}، {} {}{with} {kind_label} {}",
        f.ar.city,
        weekday_ar(f.date),
        date_ar(f.date),
        past("ترأس", feminine_chair),
        styled(&f.ar.chair),
        li(&f.ar.body)
    );
    let opening = match &f.slogan {
        Some(s) if !s.trim().is_empty() => format!("{opening}، تحت شعار «{s}»."),
        _ => format!("{opening}."),
    };
    text.push(opening);
    if let Some(g) = f.goals.as_deref().filter(|g| !g.trim().is_empty()) {
        text.push(format!(
            "و{} {the_meeting} إلى {}.",
            if feminine_meeting {
                "تهدف"
            } else {
                "يهدف"
            },
            g.trim().trim_end_matches('.')
        ));
    }
    if let Some(h) = &f.host {
        text.push(format!(
            "و{} {the_meeting} {} {}، {}.",
            past("استضاف", h.sex == Sex::F),
            honorific_ar(h.sex),
            h.name,
            h.title
        ));
    }
    let guests = and_list(&f.guests);
    match (f.members_present, guests.is_empty()) {
        (0, true) => {}
        (0, false) => text.push(format!("و{} {the_meeting} {guests}.", past("حضر", false))),
        (n, true) => text.push(format!(
            "و{} {the_meeting} حضور {}.",
            past("عرف", feminine_meeting),
            members_count_ar(n)
        )),
        (n, false) => text.push(format!(
            "و{} {the_meeting} حضور {}، كما حضره {guests}.",
            past("عرف", feminine_meeting),
            members_count_ar(n)
        )),
    }
    if !f.agenda.is_empty() {
        text.push(format!(
            "وتضمن جدول الأعمال النقط التالية:\n{}",
            numbered(&f.agenda)
        ));
    }
    for (speaker, said) in &f.interventions {
        text.push(format!("وفي مداخلته، تناول {speaker} {said}."));
    }
    if !f.ar.decisions.is_empty() {
        text.push(format!(
            "وفي ختام {the_meeting}، تقرر ما يلي:\n{}",
            dashed(&f.ar.decisions)
        ));
    }
    text.push(format!(
        "و{} {the_meeting} في جو من المسؤولية والتعبئة.",
        past("اختتم", feminine_meeting)
    ));
    (headline, text.join("\n\n"))
}

/// What the minutes add to the public facts: every name, and the record of each vote.
#[derive(Debug, Clone, Default)]
pub struct MinutesRecord {
    pub present: Vec<String>,
    pub excused: Vec<String>,
    pub absent: Vec<String>,
    /// Arrivals and departures: "name (وصل 10:30، غادر 12:00)".
    pub movements: Vec<String>,
    /// Each decision with who was present at its vote.
    pub decisions: Vec<String>,
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

/// The minutes (محضر) drafted from the record: when, who chaired, who was present, excused
/// or absent, arrivals and departures, the agenda, the interventions and the decisions with
/// who was present at each vote, for the rapporteur to edit.
pub fn minutes_ar(f: &CommuniqueFacts, r: &MinutesRecord) -> String {
    let list = |names: &[String]| {
        if names.is_empty() {
            "-".to_owned()
        } else {
            names.join("، ")
        }
    };
    let mut held = format!(
        "{} يوم {} {} ب{}، برئاسة {} {}",
        past("انعقد", f.kind.feminine),
        weekday_ar(f.date),
        date_ar(f.date),
        f.ar.city,
        f.ar.chair.title,
        f.ar.chair.name
    );
    if let Some(c) = &f.co_chair {
        held.push_str(&format!("، بمعية {} {}", c.title, c.name));
    }
    if let Some(h) = &f.host {
        held.push_str(&format!("، وباستضافة {} {}", h.title, h.name));
    }
    let mut parts = vec![
        minutes_title_ar(&f.kind, &f.ar.body),
        format!("{held}."),
        format!("الحاضرون ({}): {}", r.present.len(), list(&r.present)),
        format!("المعتذرون ({}): {}", r.excused.len(), list(&r.excused)),
        format!("الغائبون ({}): {}", r.absent.len(), list(&r.absent)),
    ];
    if let Some(g) = f.goals.as_deref().filter(|g| !g.trim().is_empty()) {
        parts.push(format!("الأهداف: {}", g.trim()));
    }
    if !r.movements.is_empty() {
        parts.push(format!("الالتحاق والمغادرة: {}", r.movements.join("، ")));
    }
    if !f.guests.is_empty() {
        parts.push(format!("الضيوف: {}", f.guests.join("، ")));
    }
    parts.push(format!("جدول الأعمال:\n{}", numbered(&f.agenda)));
    for (speaker, said) in &f.interventions {
        parts.push(format!("مداخلة {speaker}: {said}"));
    }
    parts.push(format!("القرارات:\n{}", dashed(&r.decisions)));
    parts.join("\n\n")
}

#[cfg(test)]
mod tests;
