//! The communiqué a held activity gives: who organized what, when and where, on which
//! themes, with how many, who spoke, and what it said; in Arabic (the language of
//! record) and in French on request. The body is the subject: its verb agrees with it
//! (نظمت الأمانة / نظم المكتب); counts take the Arabic number rules.

use crate::arabic::{Counted, and_list, date_ar, weekday_ar};
use chrono::NaiveDate;

/// What the record of a held activity gives the press.
#[derive(Debug, Clone)]
pub struct HeldFacts<'a> {
    /// The body as the press names it (الأمانة الجهوية بفاس-مكناس) and whether its verb is
    /// feminine.
    pub body: &'a str,
    pub body_feminine: bool,
    pub title: &'a str,
    pub held_on: NaiveDate,
    /// The commune it took place in, in the language of the text.
    pub city: Option<&'a str>,
    pub online: bool,
    /// The themes' names, in the language of the text.
    pub themes: Vec<String>,
    pub men: Option<i64>,
    pub women: Option<i64>,
    pub under35: Option<i64>,
    pub speakers: Vec<String>,
    pub summary: Option<&'a str>,
}

const PERSONS: Counted<'static> = Counted {
    singular: "شخص",
    dual: "شخصان",
    plural: "أشخاص",
    accusative: "شخصا",
    one: "واحد",
};

const WOMEN: Counted<'static> = Counted {
    singular: "امرأة",
    dual: "امرأتان",
    plural: "نساء",
    accusative: "امرأة",
    one: "واحدة",
};

fn count(c: &Counted<'_>, n: i64) -> String {
    c.of(usize::try_from(n).unwrap_or(0))
}

fn stop(s: &str) -> String {
    format!(
        "{}.",
        s.trim().trim_end_matches(['.', '،', '؛', ':']).trim_end()
    )
}

/// How many took part: the total when men and women are both counted, then the women and
/// the young among them; nothing when nothing was counted.
fn turnout_ar(f: &HeldFacts<'_>) -> Option<String> {
    let total = match (f.men, f.women) {
        (Some(m), Some(w)) if m + w > 0 => Some(m + w),
        _ => None,
    };
    let mut among = Vec::new();
    if let Some(w) = f.women.filter(|w| *w > 0) {
        among.push(count(&WOMEN, w));
    }
    if let Some(y) = f.under35.filter(|y| *y > 0) {
        among.push(format!("{y} من الشباب دون سن 35"));
    }
    match (total, among.is_empty()) {
        (Some(t), true) => Some(format!("وشارك في النشاط {}.", count(&PERSONS, t))),
        (Some(t), false) => Some(format!(
            "وشارك في النشاط {}، من بينهم {}.",
            count(&PERSONS, t),
            and_list(&among)
        )),
        (None, false) => Some(format!("وشارك في النشاط {}.", and_list(&among))),
        (None, true) => None,
    }
}

/// The headline and the text, in Arabic.
pub fn held_communique_ar(f: &HeldFacts<'_>) -> (String, String) {
    let (now, past) = if f.body_feminine {
        ("تنظم", "نظمت")
    } else {
        ("ينظم", "نظم")
    };
    let city = f.city.map(str::trim).filter(|c| !c.is_empty());
    let headline = match city {
        Some(c) => format!("{c}: {} {now} «{}»", f.body, f.title.trim()),
        None => format!("{} {now} «{}»", f.body, f.title.trim()),
    };
    let when = format!("يوم {} {}", weekday_ar(f.held_on), date_ar(f.held_on));
    let mut lead = match city {
        Some(c) => format!("{c}، {when}، {past} {} «{}»", f.body, f.title.trim()),
        None => format!("{when}، {past} {} «{}»", f.body, f.title.trim()),
    };
    if f.online {
        lead.push_str("، عن بعد عبر تقنية التناظر المرئي");
    }
    lead.push('.');
    let mut paragraphs = vec![lead];
    if !f.themes.is_empty() {
        paragraphs.push(format!("وتمحور النشاط حول {}.", and_list(&f.themes)));
    }
    paragraphs.extend(turnout_ar(f));
    match f.speakers.as_slice() {
        [] => {}
        [one] => paragraphs.push(format!("وأطر النشاط {one}.")),
        many => paragraphs.push(format!("وأطر النشاط كل من {}.", and_list(many))),
    }
    if let Some(s) = f.summary.map(str::trim).filter(|s| !s.is_empty()) {
        paragraphs.push(stop(s));
    }
    (headline, paragraphs.join("\n\n"))
}

fn and_fr(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} et {last}", rest.join(", ")),
    }
}

/// The headline and the text, in French (`body` is then the body's French name:
/// « Le secrétariat régional de Fès-Meknès »).
pub fn held_communique_fr(f: &HeldFacts<'_>) -> (String, String) {
    let city = f.city.map(str::trim).filter(|c| !c.is_empty());
    let title = f.title.trim();
    let headline = match city {
        Some(c) => format!("{c} : {} organise « {title} »", f.body),
        None => format!("{} organise « {title} »", f.body),
    };
    let place = match (city, f.online) {
        (Some(c), false) => format!(" à {c}"),
        (Some(c), true) => format!(" à {c} et à distance"),
        (None, true) => " à distance".to_owned(),
        (None, false) => String::new(),
    };
    let mut paragraphs = vec![format!(
        "{} a organisé, le {}{place}, « {title} ».",
        f.body,
        crate::meetings_fr::date_fr(f.held_on)
    )];
    if !f.themes.is_empty() {
        paragraphs.push(format!(
            "Les travaux ont porté sur : {}.",
            and_fr(&f.themes)
        ));
    }
    let plural = |n: i64, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let mut among = Vec::new();
    if let Some(w) = f.women.filter(|w| *w > 0) {
        among.push(plural(w, "femme", "femmes"));
    }
    if let Some(y) = f.under35.filter(|y| *y > 0) {
        among.push(plural(
            y,
            "jeune de moins de 35 ans",
            "jeunes de moins de 35 ans",
        ));
    }
    match ((f.men, f.women), among.is_empty()) {
        ((Some(m), Some(w)), true) if m + w > 0 => paragraphs.push(format!(
            "L'activité a réuni {}.",
            plural(m + w, "participant", "participants")
        )),
        ((Some(m), Some(w)), false) if m + w > 0 => paragraphs.push(format!(
            "L'activité a réuni {}, dont {}.",
            plural(m + w, "participant", "participants"),
            and_fr(&among)
        )),
        (_, false) => paragraphs.push(format!("L'activité a réuni {}.", and_fr(&among))),
        _ => {}
    }
    if !f.speakers.is_empty() {
        paragraphs.push(format!("Intervenants : {}.", and_fr(&f.speakers)));
    }
    if let Some(s) = f.summary.map(str::trim).filter(|s| !s.is_empty()) {
        paragraphs.push(format!("{}.", s.trim_end_matches('.')));
    }
    (headline, paragraphs.join("\n\n"))
}

#[cfg(test)]
#[path = "programmes_press_tests.rs"]
mod tests;
