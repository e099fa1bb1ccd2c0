//! Arabic as the press writes it, whatever the record: dates, agreement in gender, ordinals,
//! counts, honorifics and lists. No record type here, so every text module may use it.

use crate::sex::Sex;
use chrono::{Datelike, NaiveDate, Weekday};

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

/// السيد / السيدة.
pub fn honorific_ar(sex: Sex) -> &'static str {
    match sex {
        Sex::M => "السيد",
        Sex::F => "السيدة",
    }
}

/// Items one a line, numbered from 1 (an agenda).
pub fn numbered(items: &[String]) -> String {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| format!("{}. {item}", i + 1))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Items one a line, each after a dash (decisions).
pub fn dashed(items: &[String]) -> String {
    items
        .iter()
        .map(|item| format!("- {item}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A list as Arabic writes it: أ، ب وج (و joined to the last item).
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} و{last}", rest.join("، ")),
    }
}

/// "for/of" before a noun: لـ joined to it, ل + ال written لل (للأمانة الإقليمية).
pub fn li(noun: &str) -> String {
    match noun.strip_prefix("ال") {
        Some(rest) => format!("لل{rest}"),
        None => format!("ل{noun}"),
    }
}
