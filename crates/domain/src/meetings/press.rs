//! The Arabic texts of a meeting: the communiqué after it, the announcement before it, and
//! the minutes. Built from the facts by the grammar of party press (verbs agree with who
//! acts, counted nouns follow the number, a place is said only when the record gives it);
//! where a construction could not be right for every case, a simpler one that always is.

use super::people::{
    Host, Leads, MeetingMode, MembersPresent, Named, Place, Said, Speaker, Turnout,
};
use crate::arabic::{
    and_list, bi, dashed, date_ar, honorific_ar, hour_ar, li, members_count_ar, numbered,
    weekday_ar,
};
use crate::org::KindWords;
use crate::sex::Sex;
use chrono::NaiveDate;

/// What the texts are built from: public facts of the meeting only, with what each
/// language says in its own words.
#[derive(Debug, Clone)]
pub struct CommuniqueFacts {
    /// The Arabic wording (the minutes and the Arabic communiqué).
    pub ar: Wording,
    /// The French wording: the product's French words where it has them (titles of
    /// positions, the body, place names, decisions), the record's words elsewhere.
    pub fr: Wording,
    pub date: NaiveDate,
    /// HH:MM, when the record gives it.
    pub hour: Option<String>,
    /// How the meeting's kind is said.
    pub kind: KindWords,
    pub mode: MeetingMode,
    pub slogan: Option<String>,
    pub goals: Option<String>,
    pub turnout: Turnout,
    pub agenda: Vec<String>,
    pub said: Vec<Said>,
    /// Who an announcement invites: "كافة المناضلات والمناضلين بالإقليم".
    pub invited: Option<String>,
}

/// The facts one language says in its own words.
#[derive(Debug, Clone, Default)]
pub struct Wording {
    /// The body where it sits: "الأمانة الإقليمية بتاونات", "Secrétariat provincial de Taounate".
    pub body: String,
    /// Verbs whose subject is the body agree with it (الأمانة: feminine; المكتب: masculine).
    pub body_feminine: bool,
    pub place: Place,
    pub leads: Leads,
    /// The decisions, each in words.
    pub decisions: Vec<String>,
    /// The congress this meeting prepares (or the congress above a local one): the body
    /// holding it, as this language names it, and its day.
    pub congress: Option<(String, NaiveDate)>,
}

/// A verb in the past that agrees with its subject: ترأس / ترأست.
pub(crate) fn past(verb: &str, feminine: bool) -> String {
    if feminine {
        format!("{verb}ت")
    } else {
        verb.to_owned()
    }
}

/// "title honorific name": الأمين الإقليمي السيد محمد النجاري (never an honorific alone).
pub fn styled(p: &Named) -> String {
    let honorific = if p.name.trim().is_empty() {
        ""
    } else {
        honorific_ar(p.sex)
    };
    [p.title.as_str(), honorific, p.name.as_str()]
        .into_iter()
        .filter(|w| !w.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// "name, title" for a host or a guest of honour: السيدة ماديحة خيير، عضو اللجنة التنفيذية.
fn named_then_title(p: &Named) -> String {
    let name = format!("{} {}", honorific_ar(p.sex), p.name);
    if p.title.trim().is_empty() {
        name
    } else {
        format!("{name}، {}", p.title)
    }
}

/// A text ends with one stop, whatever the recorded words end with.
fn trimmed(s: &str) -> &str {
    s.trim()
        .trim_end_matches(['.', '،', '؛', ':', '۔'])
        .trim_end()
}

/// When: "يوم الخميس 08 دجنبر 2022" and the hour when given.
fn when(f: &CommuniqueFacts) -> String {
    let mut s = format!("يوم {} {}", weekday_ar(f.date), date_ar(f.date));
    if let Some(h) = f.hour.as_deref().and_then(hour_ar) {
        s.push(' ');
        s.push_str(&h);
    }
    s
}

/// Where: " بالمقر الإقليمي للحزب بتاونات", " بباريس بفرنسا", and how: "، عن بعد عبر تقنية
/// التناظر المرئي". Nothing the record does not give.
fn where_ar(place: &Place, mode: MeetingMode, dateline_given: bool) -> String {
    let mut s = String::new();
    // The dateline gives the city; the venue takes it after it (بالمقر الإقليمي للحزب
    // بتاونات), a country abroad follows.
    let venue = place.venue.as_ref().filter(|v| !v.trim().is_empty());
    let city = place
        .city
        .as_ref()
        .filter(|_| venue.is_some() || !dateline_given);
    if mode != MeetingMode::Online {
        for part in [venue, city, place.country.as_ref()]
            .into_iter()
            .flatten()
            .filter(|part| !part.trim().is_empty())
        {
            s.push(' ');
            s.push_str(&bi(part.trim()));
        }
    }
    match mode {
        MeetingMode::InPerson => {}
        MeetingMode::Online => s.push_str("، عن بعد عبر تقنية التناظر المرئي"),
        MeetingMode::Hybrid => s.push_str("، حضوريا وعن بعد عبر تقنية التناظر المرئي"),
    }
    s
}

/// The dateline: the city where it was held, never one the record does not give.
fn dateline(place: &Place) -> Option<&str> {
    place
        .city
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
}

fn names(people: &[Named]) -> String {
    and_list(&people.iter().map(styled).collect::<Vec<_>>())
}

/// "ترأس X وY، بمعية Z،" or, with no chair recorded, the body as the subject: "عقدت
/// الأمانة الإقليمية بتاونات".
fn who_held(f: &CommuniqueFacts, w: &Wording) -> String {
    let kind = &f.kind.ar_object;
    let (chairs, beside) = w.leads.chairing();
    match chairs.first() {
        None => format!("{} {} {kind}", past("عقد", w.body_feminine), w.body),
        Some(first) => {
            let with = if beside.is_empty() {
                String::new()
            } else {
                format!("، بمعية {}،", names(beside))
            };
            format!(
                "{} {}{with} {kind} {}",
                past("ترأس", first.sex == Sex::F),
                names(chairs),
                li(&w.body)
            )
        }
    }
}

/// The headline: "تاونات: الأمين الإقليمي محمد النجاري يترأس اجتماعا تنظيميا للأمانة
/// الإقليمية بتاونات"; with several chairs or none, the body holds the meeting.
fn headline_ar(f: &CommuniqueFacts, w: &Wording) -> String {
    let kind = &f.kind.ar_object;
    let (chairs, _) = w.leads.chairing();
    let mut s = match chairs {
        [one] => {
            let who = if one.title.trim().is_empty() {
                styled(one)
            } else {
                format!("{} {}", one.title, one.name)
            };
            let verb = if one.sex == Sex::F {
                "تترأس"
            } else {
                "يترأس"
            };
            format!("{who} {verb} {kind} {}", li(&w.body))
        }
        _ => {
            let verb = if w.body_feminine {
                "تعقد"
            } else {
                "يعقد"
            };
            format!("{} {verb} {kind}", w.body)
        }
    };
    if f.mode == MeetingMode::Online {
        s.push_str(" عن بعد");
    }
    match dateline(&w.place) {
        Some(city) => format!("{city}: {s}"),
        None => s,
    }
}

/// Who attended, in one sentence: "وعرف الاجتماع حضور أعضاء الأمانة الإقليمية بتاونات
/// و25 من المتعاطفين، كما حضره …".
fn turnout_ar(f: &CommuniqueFacts, w: &Wording) -> Option<String> {
    let (the_meeting, feminine) = (&f.kind.ar_definite, f.kind.feminine);
    let t = &f.turnout;
    let mut present = Vec::new();
    match t.members {
        MembersPresent::Unsaid | MembersPresent::Count(0) => {}
        MembersPresent::Count(n) => present.push(members_count_ar(n)),
        MembersPresent::Whole => present.push(format!("أعضاء {}", w.body)),
    }
    for g in &t.groups {
        let label = g.label.trim();
        present.push(match g.count {
            None => label.to_owned(),
            Some(1) => format!(
                "{} {label}",
                if g.sex == Sex::F {
                    "إحدى"
                } else {
                    "أحد"
                }
            ),
            Some(2) => format!(
                "{} من {label}",
                if g.sex == Sex::F {
                    "اثنتين"
                } else {
                    "اثنين"
                }
            ),
            Some(n) => format!("{n} من {label}"),
        });
    }
    let guests = and_list(&t.guests);
    let pronoun = if feminine { "حضرها" } else { "حضره" };
    match (present.is_empty(), guests.is_empty()) {
        (true, true) => None,
        (true, false) => Some(format!(
            "و{} {the_meeting} {guests}.",
            past("حضر", feminine)
        )),
        (false, true) => Some(format!(
            "و{} {the_meeting} حضور {}.",
            past("عرف", feminine),
            and_list(&present)
        )),
        (false, false) => Some(format!(
            "و{} {the_meeting} حضور {}، كما {pronoun} {guests}.",
            past("عرف", feminine),
            and_list(&present)
        )),
    }
}

/// "وفي مداخلتها، تطرقت النائبة البرلمانية السيدة … إلى …": the pronoun and the verb agree
/// with the speaker, a group's in the plural; a name recorded without a sex is worded
/// through the intervention itself (وتطرقت مداخلة …), which agrees with no one.
pub fn said_ar(s: &Said) -> String {
    let (verb_sex, subject, pronoun) = match &s.speaker {
        Speaker::Person(p) => (
            p.sex,
            styled(p),
            if p.sex == Sex::F {
                "مداخلتها"
            } else {
                "مداخلته"
            },
        ),
        Speaker::Group { name, sex } => (
            *sex,
            name.trim().to_owned(),
            if *sex == Sex::F {
                "مداخلاتهن"
            } else {
                "مداخلاتهم"
            },
        ),
        // A committee presents its report; the verb and the pronoun agree with its noun.
        Speaker::Committee(name) => {
            let f = crate::arabic::noun_is_feminine(name);
            return format!(
                "و{} {} {} حول {}.",
                if f { "قدمت" } else { "قدم" },
                name.trim(),
                if f { "تقريرها" } else { "تقريره" },
                trimmed(&s.summary)
            );
        }
        // «تمحورت» agrees with «مداخلة», whoever spoke.
        Speaker::Unknown(name) => {
            return format!(
                "وتمحورت مداخلة {} حول {}.",
                name.trim(),
                trimmed(&s.summary)
            );
        }
    };
    let (verb, prep) = s.verb.ar(verb_sex);
    format!(
        "وفي {pronoun}، {verb} {subject} {}.",
        complement(prep, &s.summary)
    )
}

/// The summary after its verb's preposition, without a repeated preposition or a final stop.
fn complement(prep: &str, summary: &str) -> String {
    let said = trimmed(summary);
    match prep {
        "" => said.to_owned(),
        // ب is joined to its noun and may begin one (بناء): never taken for a repeat.
        "ب" => format!("ب{said}"),
        _ => {
            let said = said
                .strip_prefix(prep)
                .map(str::trim_start)
                .filter(|rest| !rest.is_empty())
                .unwrap_or(said);
            format!("{prep} {said}")
        }
    }
}

/// The hosts, framers and guests of honour, one sentence each kind.
fn leads_ar(f: &CommuniqueFacts, w: &Wording) -> Vec<String> {
    let (the_meeting, feminine) = (&f.kind.ar_definite, f.kind.feminine);
    let mut text = Vec::new();
    let people: Vec<&Named> = w
        .leads
        .hosts
        .iter()
        .filter_map(|h| match h {
            Host::Person(p) => Some(p),
            Host::Organization(_) => None,
        })
        .collect();
    if let Some(first) = people.first() {
        let list: Vec<String> = people.iter().map(|p| named_then_title(p)).collect();
        text.push(format!(
            "و{} {the_meeting} {}.",
            past("استضاف", first.sex == Sex::F),
            list.join("، و")
        ));
    }
    let organizations: Vec<String> = w
        .leads
        .hosts
        .iter()
        .filter_map(|h| match h {
            Host::Organization(o) => Some(o.trim().to_owned()),
            Host::Person(_) => None,
        })
        .collect();
    if !organizations.is_empty() {
        text.push(format!(
            "و{} {the_meeting} بضيافة {}.",
            past("انعقد", feminine),
            and_list(&organizations)
        ));
    }
    if let Some(first) = w.leads.framers.first() {
        text.push(format!(
            "و{} {the_meeting} {}.",
            past("أطر", first.sex == Sex::F),
            names(&w.leads.framers)
        ));
    }
    for g in &w.leads.honour_guests {
        let guest = if g.sex == Sex::F {
            "ضيفة"
        } else {
            "ضيف"
        };
        text.push(format!(
            "و{} {} {guest} شرف على {the_meeting}.",
            past("حل", g.sex == Sex::F),
            styled(g)
        ));
    }
    text
}

/// "ويندرج الاجتماع في إطار التحضير لمؤتمر الأمانة الإقليمية بتاونات المقرر يوم …".
fn prepares_ar(f: &CommuniqueFacts, w: &Wording) -> Option<String> {
    let (body, day) = w.congress.as_ref()?;
    Some(format!(
        "و{} {} في إطار التحضير لمؤتمر {body} المقرر يوم {} {}.",
        if f.kind.feminine {
            "تندرج"
        } else {
            "يندرج"
        },
        f.kind.ar_definite,
        weekday_ar(*day),
        date_ar(*day)
    ))
}

/// A headline and a text in the register of Moroccan party press, after the meeting.
pub fn communique_ar(f: &CommuniqueFacts) -> (String, String) {
    let w = &f.ar;
    let (the_meeting, feminine) = (&f.kind.ar_definite, f.kind.feminine);
    let mut opening = String::new();
    if let Some(city) = dateline(&w.place) {
        opening.push_str(city);
        opening.push_str("، ");
    }
    opening.push_str(&format!(
        "{}، {}{}",
        when(f),
        who_held(f, w),
        where_ar(&w.place, f.mode, true)
    ));
    match f.slogan.as_deref().map(trimmed).filter(|s| !s.is_empty()) {
        Some(s) => opening.push_str(&format!("، تحت شعار «{s}».")),
        None => opening.push('.'),
    }
    let mut text = vec![opening];
    text.extend(prepares_ar(f, w));
    if let Some(g) = f.goals.as_deref().map(trimmed).filter(|g| !g.is_empty()) {
        text.push(format!(
            "و{} {the_meeting} إلى {g}.",
            if feminine { "تهدف" } else { "يهدف" }
        ));
    }
    text.extend(leads_ar(f, w));
    text.extend(turnout_ar(f, w));
    if !f.agenda.is_empty() {
        text.push(format!(
            "وتضمن جدول الأعمال النقط التالية:\n{}",
            numbered(&f.agenda)
        ));
    }
    text.extend(f.said.iter().map(said_ar));
    if !w.decisions.is_empty() {
        text.push(format!(
            "وفي ختام {the_meeting}، تقرر ما يلي:\n{}",
            dashed(&w.decisions)
        ));
    }
    text.push(format!(
        "و{} {the_meeting} في جو من المسؤولية والتعبئة.",
        past("اختتم", feminine)
    ));
    (headline_ar(f, w), text.join("\n\n"))
}

/// The announcement before the meeting, in the present: "تعقد الأمانة الإقليمية بتاونات
/// مؤتمرا يوم الأحد … على الساعة العاشرة صباحا بالمقر الإقليمي للحزب، تحت شعار «…»".
pub fn announcement_ar(f: &CommuniqueFacts) -> (String, String) {
    let w = &f.ar;
    let (the_meeting, feminine) = (&f.kind.ar_definite, f.kind.feminine);
    let holds = if w.body_feminine {
        "تعقد"
    } else {
        "يعقد"
    };
    let mut headline = format!(
        "{} {holds} {} {}",
        w.body,
        f.kind.ar_object,
        format_args!("يوم {} {}", weekday_ar(f.date), date_ar(f.date))
    );
    if let Some(city) = dateline(&w.place) {
        headline = format!("{city}: {headline}");
    }
    let mut opening = format!(
        "{holds} {} {} {}{}",
        w.body,
        f.kind.ar_object,
        when(f),
        where_ar(&w.place, f.mode, false)
    );
    match f.slogan.as_deref().map(trimmed).filter(|s| !s.is_empty()) {
        Some(s) => opening.push_str(&format!("، تحت شعار «{s}».")),
        None => opening.push('.'),
    }
    let mut text = vec![opening];
    text.extend(prepares_ar(f, w));
    let (chairs, _) = w.leads.chairing();
    if let Some(first) = chairs.first() {
        text.push(format!(
            "و{} {the_meeting} {}.",
            if first.sex == Sex::F {
                "تترأس"
            } else {
                "يترأس"
            },
            names(chairs)
        ));
    }
    if let Some(g) = f.goals.as_deref().map(trimmed).filter(|g| !g.is_empty()) {
        text.push(format!(
            "و{} {the_meeting} إلى {g}.",
            if feminine { "تهدف" } else { "يهدف" }
        ));
    }
    if !f.agenda.is_empty() {
        text.push(format!(
            "ويتضمن جدول الأعمال النقط التالية:\n{}",
            numbered(&f.agenda)
        ));
    }
    if let Some(who) = f.invited.as_deref().map(trimmed).filter(|s| !s.is_empty()) {
        let invites = if w.body_feminine {
            "تدعو"
        } else {
            "يدعو"
        };
        text.push(format!(
            "وبهذه المناسبة، {invites} {} {who} إلى الحضور والمشاركة.",
            w.body
        ));
    }
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
    /// The requests raised at the meeting, and the answers given since the body's meeting
    /// before it, each a line (`requests::raised_ar`, `requests::answered_ar`).
    pub requests: Vec<String>,
    pub answers: Vec<String>,
    /// The reports the meeting hears, each with its agenda item (from 1) and its line
    /// (`reports::heard_ar`), named under that item.
    pub heard: Vec<(i64, String)>,
}

/// The title of a meeting's minutes: محضر اجتماع تنظيمي للأمانة الإقليمية بتاونات.
pub fn minutes_title_ar(kind: &KindWords, body: &str) -> String {
    format!("محضر {} {}", kind.ar_noun, li(body))
}

/// The minutes (محضر) drafted from the record, for the rapporteur to edit: when and where,
/// who chaired (or that no chair is recorded), who attended, the agenda, the interventions
/// and the decisions with who was present at each vote. A section with nothing is left out.
pub fn minutes_ar(f: &CommuniqueFacts, r: &MinutesRecord) -> String {
    let w = &f.ar;
    let mut held = format!(
        "{} {}{}",
        past("انعقد", f.kind.feminine),
        when(f),
        where_ar(&w.place, f.mode, false)
    );
    let (chairs, beside) = w.leads.chairing();
    if !chairs.is_empty() {
        held.push_str(&format!("، برئاسة {}", names(chairs)));
    }
    if !beside.is_empty() {
        held.push_str(&format!("، بمعية {}", names(beside)));
    }
    let mut hosts: Vec<String> = w
        .leads
        .hosts
        .iter()
        .map(|h| match h {
            Host::Person(p) => styled(p),
            Host::Organization(o) => o.trim().to_owned(),
        })
        .collect();
    hosts.retain(|h| !h.is_empty());
    if !hosts.is_empty() {
        held.push_str(&format!("، وبضيافة {}", and_list(&hosts)));
    }
    if !w.leads.framers.is_empty() {
        held.push_str(&format!("، ومن تأطير {}", names(&w.leads.framers)));
    }
    let mut parts = vec![minutes_title_ar(&f.kind, &w.body), format!("{held}.")];
    parts.extend(prepares_ar(f, w).map(|s| s.trim_start_matches('و').to_owned()));
    if chairs.is_empty() {
        parts.push(format!("لم يسجل في المحضر من ترأس {}.", f.kind.ar_definite));
    }
    let listed = |label: &str, names: &[String]| {
        (!names.is_empty()).then(|| format!("{label} ({}): {}", names.len(), names.join("، ")))
    };
    match (&f.turnout.members, r.present.is_empty()) {
        (_, false) => parts.extend(listed("الحاضرون", &r.present)),
        (MembersPresent::Count(n), true) if *n > 0 => {
            parts.push(format!("الحاضرون: {}", members_count_ar(*n)));
        }
        (MembersPresent::Whole, true) => parts.push(format!("الحاضرون: جميع أعضاء {}", w.body)),
        _ => {}
    }
    parts.extend(listed("المعتذرون", &r.excused));
    parts.extend(listed("الغائبون", &r.absent));
    if let Some(g) = f.goals.as_deref().map(trimmed).filter(|g| !g.is_empty()) {
        parts.push(format!("الأهداف: {g}"));
    }
    if !r.movements.is_empty() {
        parts.push(format!("الالتحاق والمغادرة: {}", r.movements.join("، ")));
    }
    let mut others: Vec<String> = f
        .turnout
        .groups
        .iter()
        .map(|g| match g.count {
            Some(n) => format!("{} ({n})", g.label.trim()),
            None => g.label.trim().to_owned(),
        })
        .collect();
    others.extend(w.leads.honour_guests.iter().map(styled));
    others.extend(f.turnout.guests.iter().cloned());
    if !others.is_empty() {
        parts.push(format!(
            "الضيوف والحاضرون من خارج الهيئة: {}",
            others.join("، ")
        ));
    }
    // A section is printed only with lines: no heading over an empty list (a blank item
    // is no item).
    let filled = |items: &[String]| -> Vec<String> {
        items
            .iter()
            .map(|i| i.trim().to_owned())
            .filter(|i| !i.is_empty())
            .collect()
    };
    // Each item with the reports it hears beneath it; a report linked to an item the
    // agenda no longer has (or left blank) is named after the rest.
    let heard_under = |seat: usize| r.heard.iter().filter(move |(s, _)| *s == seat as i64);
    let mut agenda = Vec::new();
    for (i, item) in f.agenda.iter().enumerate() {
        let item = item.trim();
        if !item.is_empty() {
            let mut part = item.to_owned();
            for (_, line) in heard_under(i + 1) {
                part.push_str(&format!("\n   - {line}"));
            }
            agenda.push(part);
        }
    }
    if !agenda.is_empty() {
        parts.push(format!("جدول الأعمال:\n{}", numbered(&agenda)));
    }
    let placed = |seat: i64| {
        usize::try_from(seat)
            .ok()
            .and_then(|s| s.checked_sub(1))
            .and_then(|i| f.agenda.get(i))
            .is_some_and(|item| !item.trim().is_empty())
    };
    let unplaced: Vec<String> = r
        .heard
        .iter()
        .filter(|(seat, _)| !placed(*seat))
        .map(|(_, line)| line.clone())
        .collect();
    parts.extend(crate::reports::heard_section_ar(&unplaced));
    for s in &f.said {
        let (heading, who) = match &s.speaker {
            Speaker::Person(p) => ("مداخلة", styled(p)),
            Speaker::Group { name, .. } => ("مداخلات", name.trim().to_owned()),
            Speaker::Unknown(name) => ("مداخلة", name.trim().to_owned()),
            Speaker::Committee(name) => ("تقرير", name.trim().to_owned()),
        };
        parts.push(format!("{heading} {who}: {}.", trimmed(&s.summary)));
    }
    let decisions = filled(&r.decisions);
    if !decisions.is_empty() {
        parts.push(format!("القرارات:\n{}", dashed(&decisions)));
    }
    parts.extend(super::requests::raised_section_ar(&r.requests));
    parts.extend(super::requests::answers_section_ar(&r.answers));
    parts.join("\n\n")
}
