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

/// `08 دجنبر 2022`; the first of a month is فاتح: `فاتح دجنبر 2024`.
pub fn date_ar(d: NaiveDate) -> String {
    let month = MONTHS_AR[d.month0() as usize];
    match d.day() {
        1 => format!("فاتح {month} {}", d.year()),
        day => format!("{day:02} {month} {}", d.year()),
    }
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

/// A counted noun as the press writes it with digits: 1 takes the noun then واحد/واحدة,
/// 2 the dual (as after a preposition), 3–10 the plural, 11–99 the singular accusative,
/// and round hundreds (100, 200, 1000) and 101–102 the singular genitive.
pub struct Counted<'a> {
    pub singular: &'a str,
    pub dual: &'a str,
    pub plural: &'a str,
    pub accusative: &'a str,
    pub one: &'a str,
}

impl Counted<'_> {
    pub fn of(&self, n: usize) -> String {
        match (n, n % 100) {
            (1, _) => format!("{} {}", self.singular, self.one),
            (2, _) => self.dual.to_owned(),
            (_, 0..=2) => format!("{n} {}", self.singular),
            (_, 3..=10) => format!("{n} {}", self.plural),
            _ => format!("{n} {}", self.accusative),
        }
    }
}

/// Members: عضو واحد، عضوين، 3 أعضاء، 11 عضوا، 100 عضو.
pub const MEMBERS: Counted<'static> = Counted {
    singular: "عضو",
    dual: "عضوين",
    plural: "أعضاء",
    accusative: "عضوا",
    one: "واحد",
};

/// Votes: صوت واحد، صوتين، 3 أصوات، 11 صوتا.
pub const VOTES: Counted<'static> = Counted {
    singular: "صوت",
    dual: "صوتين",
    plural: "أصوات",
    accusative: "صوتا",
    one: "واحد",
};

/// Activities as the object of a verb (ويتضمن …): نشاطا واحدا، نشاطين، 3 أنشطة، 12 نشاطا،
/// 100 نشاط.
pub fn activities_ar(n: usize) -> String {
    if n == 1 {
        return "نشاطا واحدا".to_owned();
    }
    Counted {
        singular: "نشاط",
        dual: "نشاطين",
        plural: "أنشطة",
        accusative: "نشاطا",
        one: "",
    }
    .of(n)
}

/// "N members" with the Arabic dual and plural: عضو واحد، عضوين، 3 أعضاء، 11 عضوا.
pub fn members_count_ar(n: usize) -> String {
    if n == 0 {
        "لا أحد من الأعضاء".to_owned()
    } else {
        MEMBERS.of(n)
    }
}

/// An hour as the press gives it: على الساعة العاشرة صباحا، على الساعة الثالثة والنصف بعد
/// الزوال; minutes other than a quarter or a half in digits (على الساعة 10:20).
pub fn hour_ar(hhmm: &str) -> Option<String> {
    let t = chrono::NaiveTime::parse_from_str(hhmm.trim(), "%H:%M").ok()?;
    let (h, m) = (chrono::Timelike::hour(&t), chrono::Timelike::minute(&t));
    let part = match h {
        5..=11 => "صباحا",
        12 => "زوالا",
        13..=17 => "بعد الزوال",
        18..=20 => "مساء",
        _ => "ليلا",
    };
    let words = [
        "الثانية عشرة",
        "الواحدة",
        "الثانية",
        "الثالثة",
        "الرابعة",
        "الخامسة",
        "السادسة",
        "السابعة",
        "الثامنة",
        "التاسعة",
        "العاشرة",
        "الحادية عشرة",
    ];
    let hour = words[(h % 12) as usize];
    Some(match m {
        0 => format!("على الساعة {hour} {part}"),
        15 => format!("على الساعة {hour} والربع {part}"),
        30 => format!("على الساعة {hour} والنصف {part}"),
        _ => format!("على الساعة {}", t.format("%H:%M")),
    })
}

/// "in/at" before a noun: بـ joined to it (بالمقر، بتاونات).
pub fn bi(noun: &str) -> String {
    format!("ب{noun}")
}

/// Whether an Arabic noun phrase takes feminine agreement: its first word ends in ة
/// (الأمانة الإقليمية، الكتابة، اللجنة; not المكتب، المجلس).
pub fn noun_is_feminine(phrase: &str) -> bool {
    phrase
        .split_whitespace()
        .next()
        .is_some_and(|w| w.ends_with('ة'))
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
