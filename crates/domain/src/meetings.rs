//! Meetings of a body: their kinds, attendance and quorum, the decisions that take effect
//! when the minutes are approved, and the Arabic wording of titles, dates and the press
//! communiqué (agreement in gender and number is grammar here, not copied text).

use crate::org::BodyLevel;
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// The kinds of meeting every profile has; a profile may name more.
pub const KINDS: [&str; 5] = [
    "organizational",
    "communication",
    "consultative",
    "congress",
    "council_session",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    F,
    M,
}

impl Sex {
    pub fn parse(s: &str) -> Option<Sex> {
        match s {
            "F" | "f" => Some(Sex::F),
            "M" | "m" => Some(Sex::M),
            _ => None,
        }
    }
}

/// Attendance of one person at a meeting.
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
}

/// Quorum: more than half of the body's members present (guests do not count).
pub fn has_quorum(members_present: usize, body_members: usize) -> bool {
    body_members > 0 && members_present * 2 > body_members
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
            if Sex::parse(sex).is_none() {
                return Err(DomainError::new(Field::Sex, "sex-invalid"));
            }
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

/// Moroccan Arabic month names, as the press writes dates (08 دجنبر 2022).
const MONTHS_AR: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
    "نونبر",
    "دجنبر",
];

/// `08 دجنبر 2022`.
pub fn date_ar(d: NaiveDate) -> String {
    format!(
        "{:02} {} {}",
        d.day(),
        MONTHS_AR[d.month0() as usize],
        d.year()
    )
}

/// `الخميس`.
pub fn weekday_ar(d: NaiveDate) -> &'static str {
    match d.weekday() {
        Weekday::Mon => "الاثنين",
        Weekday::Tue => "الثلاثاء",
        Weekday::Wed => "الأربعاء",
        Weekday::Thu => "الخميس",
        Weekday::Fri => "الجمعة",
        Weekday::Sat => "السبت",
        Weekday::Sun => "الأحد",
    }
}

/// The feminine of an Arabic noun or adjective: الأمين → الأمينة, الإقليمي → الإقليمية,
/// المقرر → المقررة; a word already ending in ة stays.
pub fn feminine(word: &str) -> String {
    if word.ends_with('ة') {
        word.to_owned()
    } else {
        format!("{word}ة")
    }
}

/// The ordinal after a numbered title: الأول / الأولى, الثالث / الثالثة.
pub fn ordinal_ar(rank: u8, sex: Sex) -> String {
    let (m, f) = match rank {
        1 => ("الأول", "الأولى"),
        2 => ("الثاني", "الثانية"),
        3 => ("الثالث", "الثالثة"),
        4 => ("الرابع", "الرابعة"),
        5 => ("الخامس", "الخامسة"),
        6 => ("السادس", "السادسة"),
        7 => ("السابع", "السابعة"),
        8 => ("الثامن", "الثامنة"),
        _ => ("التاسع", "التاسعة"),
    };
    match sex {
        Sex::M => m.to_owned(),
        Sex::F => f.to_owned(),
    }
}

/// The adjective of a body's level: الإقليمي (province), الجهوي, المحلي, الوطني.
pub fn level_adjective(level: BodyLevel) -> &'static str {
    match level {
        BodyLevel::National => "الوطني",
        BodyLevel::Region => "الجهوي",
        BodyLevel::Province => "الإقليمي",
        BodyLevel::Commune => "المحلي",
    }
}

/// A position holder's title in Arabic, agreeing with the holder: الأمين الإقليمي /
/// الأمينة الإقليمية; a numbered title with its ordinal and whom it seconds: النائب الثالث
/// للأمين الإقليمي / النائبة الثالثة للأمين الإقليمي.
pub fn title_ar(
    head: &str,
    of: Option<&str>,
    rank: Option<u8>,
    level: BodyLevel,
    sex: Sex,
) -> String {
    let gendered = |w: &str| match sex {
        Sex::M => w.to_owned(),
        Sex::F => feminine(w),
    };
    // Only the head noun agrees (رئيسة قطب النساء): the rest of the title is its complement.
    let mut head_words = head.split(' ');
    let mut words: Vec<String> = head_words.next().map(&gendered).into_iter().collect();
    words.extend(head_words.map(str::to_owned));
    if let Some(r) = rank {
        words.push(ordinal_ar(r, sex));
    }
    match of {
        // The level qualifies the one seconded, who keeps their own gender (masculine).
        Some(of) => {
            words.push(of.to_owned());
            words.push(level_adjective(level).to_owned());
        }
        None => words.push(gendered(level_adjective(level))),
    }
    words.join(" ")
}

/// "N members" with the Arabic dual and plural: عضو واحد، عضوان، 3 أعضاء، 11 عضوا.
pub fn members_count_ar(n: usize) -> String {
    match n {
        0 => "لا أحد من الأعضاء".to_owned(),
        1 => "عضو واحد".to_owned(),
        2 => "عضوين".to_owned(),
        3..=10 => format!("{n} أعضاء"),
        _ => format!("{n} عضوا"),
    }
}

/// A meeting kind as the object of "chaired ...": اجتماعا تنظيميا, لقاء تواصليا.
pub fn kind_ar(kind: &str) -> String {
    match kind {
        "organizational" => "اجتماعا تنظيميا".to_owned(),
        "communication" => "لقاء تواصليا".to_owned(),
        "consultative" => "اجتماعا تشاوريا".to_owned(),
        "congress" => "مؤتمرا".to_owned(),
        "council_session" => "دورة".to_owned(),
        other => format!("اجتماعا ({other})"),
    }
}

/// السيد / السيدة.
pub fn honorific_ar(sex: Sex) -> &'static str {
    match sex {
        Sex::M => "السيد",
        Sex::F => "السيدة",
    }
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
pub fn decision_ar(kind: &DecisionKind, title: &str, vote: Option<&Vote>) -> String {
    let how = match vote {
        None => "بالتوافق".to_owned(),
        Some(v) => format!(
            "بالتصويت ({} مع، {} ضد، {} امتناع)",
            v.votes_for, v.against, v.abstentions
        ),
    };
    match kind {
        DecisionKind::Appoint {
            holder_name, sex, ..
        } => {
            let sex = Sex::parse(sex).unwrap_or(Sex::M);
            format!("اختيار {} {holder_name} {title} {how}", honorific_ar(sex))
        }
        DecisionKind::CreateCommittee { committee, members } if members.is_empty() => {
            format!("تشكيل {} {how}", committee_ar(committee))
        }
        DecisionKind::CreateCommittee { committee, members } => format!(
            "تشكيل {} من {} {how}",
            committee_ar(committee),
            members.join("، ")
        ),
        DecisionKind::Resolution { text } => text.clone(),
        DecisionKind::Constitute => format!("الإعلان عن تأسيس الهيئة {how}"),
        DecisionKind::LaunchCampaign { year, .. } => {
            format!("إطلاق عملية الانخراط وتجديد الانخراط برسم سنة {year} {how}")
        }
    }
}

/// "for/of" before a noun: لـ joined to it, ل + ال written لل (للأمانة الإقليمية).
pub fn li(noun: &str) -> String {
    match noun.strip_prefix("ال") {
        Some(rest) => format!("لل{rest}"),
        None => format!("ل{noun}"),
    }
}

/// What a communiqué is built from: public facts of the meeting only.
#[derive(Debug, Clone)]
pub struct CommuniqueFacts {
    pub body_name: String,
    pub city: String,
    pub date: NaiveDate,
    pub kind_label: String,
    pub slogan: Option<String>,
    pub chair_name: String,
    pub chair_title: String,
    pub members_present: usize,
    /// Guests as "title name".
    pub guests: Vec<String>,
    pub agenda: Vec<String>,
    /// (speaker's title and name, what they said).
    pub interventions: Vec<(String, String)>,
    pub decisions: Vec<String>,
}

/// A headline and a text in the register of Moroccan party press, built from the facts.
pub fn communique_ar(f: &CommuniqueFacts) -> (String, String) {
    // The verb agrees with the chair: a feminine title (الأمينة …) takes تترأس.
    let feminine_chair = f
        .chair_title
        .split(' ')
        .next()
        .is_some_and(|w| w.ends_with('ة'));
    let chairs = if feminine_chair {
        "تترأس"
    } else {
        "يترأس"
    };
    let headline = format!(
        "{}: {} {} {chairs} {} {}",
        f.city,
        f.chair_title,
        f.chair_name,
        f.kind_label,
        li(&f.body_name)
    );
    let mut text = Vec::new();
    let (chaired, honorific) = if feminine_chair {
        ("ترأست", honorific_ar(Sex::F))
    } else {
        ("ترأس", honorific_ar(Sex::M))
    };
    let opening = format!(
        "{}، يوم {} {}، {chaired} {} {honorific} {} {} {}",
        f.city,
        weekday_ar(f.date),
        date_ar(f.date),
        f.chair_title,
        f.chair_name,
        f.kind_label,
        li(&f.body_name)
    );
    let opening = match &f.slogan {
        Some(s) if !s.trim().is_empty() => format!("{opening}، تحت شعار «{s}»."),
        _ => format!("{opening}."),
    };
    text.push(opening);
    let mut attendance = format!("وعرف الاجتماع حضور {}", members_count_ar(f.members_present));
    if !f.guests.is_empty() {
        attendance.push_str(&format!("، وحضره بصفة ضيف: {}", f.guests.join("، ")));
    }
    text.push(format!("{attendance}."));
    if !f.agenda.is_empty() {
        let items: Vec<String> = f
            .agenda
            .iter()
            .enumerate()
            .map(|(i, a)| format!("{}. {a}", i + 1))
            .collect();
        text.push(format!(
            "وتضمن جدول الأعمال النقط التالية:\n{}",
            items.join("\n")
        ));
    }
    for (speaker, said) in &f.interventions {
        text.push(format!("وفي مداخلته، تناول {speaker} {said}."));
    }
    if !f.decisions.is_empty() {
        text.push(format!(
            "وفي ختام الاجتماع، تقرر ما يلي:\n{}",
            f.decisions
                .iter()
                .map(|d| format!("- {d}"))
                .collect::<Vec<_>>()
                .join("\n")
        ));
    }
    text.push("واختتم الاجتماع في جو من المسؤولية والتعبئة.".to_owned());
    (headline, text.join("\n\n"))
}

/// The minutes (محضر) drafted from the record: when, who chaired, who was present, excused
/// or absent, the agenda, the interventions and the decisions, for the rapporteur to edit.
pub fn minutes_ar(
    f: &CommuniqueFacts,
    present: &[String],
    excused: &[String],
    absent: &[String],
) -> String {
    let list = |names: &[String]| {
        if names.is_empty() {
            "-".to_owned()
        } else {
            names.join("، ")
        }
    };
    let mut parts = vec![
        format!(
            "محضر {} {}",
            f.kind_label
                .replace("اجتماعا", "اجتماع")
                .replace("لقاء تواصليا", "لقاء تواصلي"),
            li(&f.body_name)
        ),
        format!(
            "انعقد يوم {} {} ب{}، برئاسة {} {}.",
            weekday_ar(f.date),
            date_ar(f.date),
            f.city,
            f.chair_title,
            f.chair_name
        ),
        format!("الحاضرون ({}): {}", present.len(), list(present)),
        format!("المعتذرون ({}): {}", excused.len(), list(excused)),
        format!("الغائبون ({}): {}", absent.len(), list(absent)),
    ];
    if !f.guests.is_empty() {
        parts.push(format!("الضيوف: {}", f.guests.join("، ")));
    }
    parts.push(format!(
        "جدول الأعمال:\n{}",
        f.agenda
            .iter()
            .enumerate()
            .map(|(i, a)| format!("{}. {a}", i + 1))
            .collect::<Vec<_>>()
            .join("\n")
    ));
    for (speaker, said) in &f.interventions {
        parts.push(format!("مداخلة {speaker}: {said}"));
    }
    parts.push(format!(
        "القرارات:\n{}",
        f.decisions
            .iter()
            .map(|d| format!("- {d}"))
            .collect::<Vec<_>>()
            .join("\n")
    ));
    parts.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_agree_with_their_holder() {
        let p = BodyLevel::Province;
        assert_eq!(title_ar("الأمين", None, None, p, Sex::M), "الأمين الإقليمي");
        assert_eq!(title_ar("الأمين", None, None, p, Sex::F), "الأمينة الإقليمية");
        assert_eq!(
            title_ar("النائب", Some("للأمين"), Some(3), p, Sex::M),
            "النائب الثالث للأمين الإقليمي"
        );
        assert_eq!(
            title_ar("النائب", Some("للأمين"), Some(5), p, Sex::F),
            "النائبة الخامسة للأمين الإقليمي"
        );
        assert_eq!(
            title_ar("الكاتب", None, None, BodyLevel::Region, Sex::F),
            "الكاتبة الجهوية"
        );
        assert_eq!(
            title_ar("رئيس قطب النساء", None, None, p, Sex::F),
            "رئيسة قطب النساء الإقليمية"
        );
    }

    #[test]
    fn dates_counts_and_quorum() {
        let d = NaiveDate::from_ymd_opt(2022, 12, 8).unwrap_or_default();
        assert_eq!(date_ar(d), "08 دجنبر 2022");
        assert_eq!(weekday_ar(d), "الخميس");
        assert_eq!(members_count_ar(2), "عضوين");
        assert_eq!(members_count_ar(7), "7 أعضاء");
        assert_eq!(members_count_ar(12), "12 عضوا");
        assert_eq!(li("الأمانة الإقليمية"), "للأمانة الإقليمية");
        assert_eq!(li("مكتب"), "لمكتب");
        assert!(has_quorum(5, 9) && !has_quorum(4, 8) && !has_quorum(0, 0));
    }

    #[test]
    fn decisions_are_checked() {
        let appoint = |sex: &str| DecisionKind::Appoint {
            position: "women_pole_president".into(),
            rank: None,
            holder_name: "خيرة الهيري".into(),
            sex: sex.into(),
            member_id: None,
        };
        assert!(check_decision(&appoint("F"), None).is_ok());
        assert_eq!(
            check_decision(&appoint("X"), None).map_err(|e| e.code),
            Err("sex-invalid")
        );
        let lost = Vote {
            votes_for: 3,
            against: 3,
            abstentions: 1,
        };
        assert_eq!(
            check_decision(&appoint("F"), Some(&lost)).map_err(|e| e.code),
            Err("vote-not-carried")
        );
    }
}
