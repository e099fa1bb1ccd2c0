//! Requests raised at a meeting (المطالب): what is asked, by whom, of which body (and
//! which official of it), by when; the answer that closes one; and how the minutes say
//! both, the raising meeting's («المطالب المرفوعة») and the next meeting's of the raising
//! body («الأجوبة على المطالب السابقة»).

use crate::arabic::{dashed, date_ar};
use crate::{DomainError, Field};
use chrono::NaiveDate;

/// The longest request, in characters.
pub const TEXT_MAX: usize = 1000;
/// The longest requester or official.
pub const NAME_MAX: usize = 200;
/// The longest answer.
pub const ANSWER_MAX: usize = 4000;

/// A request as checked: trimmed, the optional parts `None` when blank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raised {
    pub text: String,
    pub requested_by: Option<String>,
    pub addressed_to: Option<String>,
    pub due_on: Option<NaiveDate>,
}

fn optional(
    s: Option<&str>,
    field: Field,
    too_long: &'static str,
) -> Result<Option<String>, DomainError> {
    match s.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) if s.chars().count() > NAME_MAX => Err(DomainError::new(field, too_long)),
        Some(s) => Ok(Some(s.to_owned())),
    }
}

/// Checks a request raised at a meeting held on `held_on`: its text is required and
/// bounded, the requester and the official bounded, and a due date, when given, is not
/// before the meeting.
pub fn check_raised(
    text: &str,
    requested_by: Option<&str>,
    addressed_to: Option<&str>,
    due_on: Option<NaiveDate>,
    held_on: NaiveDate,
) -> Result<Raised, DomainError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DomainError::new(
            Field::RequestText,
            "request-text-required",
        ));
    }
    if text.chars().count() > TEXT_MAX {
        return Err(DomainError::new(
            Field::RequestText,
            "request-text-too-long",
        ));
    }
    if due_on.is_some_and(|d| d < held_on) {
        return Err(DomainError::new(Field::DueOn, "due-before-meeting"));
    }
    Ok(Raised {
        text: text.to_owned(),
        requested_by: optional(requested_by, Field::RequestedBy, "requested-by-too-long")?,
        addressed_to: optional(addressed_to, Field::AddressedTo, "addressed-to-too-long")?,
        due_on,
    })
}

/// Checks an answer given on `answered_on` to a request raised at a meeting held on
/// `raised_on`: required, bounded, not dated before that meeting. The trimmed answer.
pub fn check_answer(
    answer: &str,
    answered_on: NaiveDate,
    raised_on: NaiveDate,
) -> Result<String, DomainError> {
    let answer = answer.trim();
    if answer.is_empty() {
        return Err(DomainError::new(Field::Answer, "answer-required"));
    }
    if answer.chars().count() > ANSWER_MAX {
        return Err(DomainError::new(Field::Answer, "answer-too-long"));
    }
    if answered_on < raised_on {
        return Err(DomainError::new(Field::AnsweredOn, "answer-before-meeting"));
    }
    Ok(answer.to_owned())
}

/// Open (awaiting an answer) and past its due date on `today`.
pub fn overdue(due_on: Option<NaiveDate>, answered: bool, today: NaiveDate) -> bool {
    !answered && due_on.is_some_and(|d| d < today)
}

/// A request as the minutes word it. `body` is the addressed body as the press names it
/// (`press_name_ar`), `body_feminine` whether it takes a feminine verb (الكتابة، الأمانة;
/// not المكتب، المجلس).
#[derive(Debug, Clone)]
pub struct RequestWords<'a> {
    pub text: &'a str,
    pub requested_by: Option<&'a str>,
    pub body: &'a str,
    pub body_feminine: bool,
    pub addressed_to: Option<&'a str>,
    pub due_on: Option<NaiveDate>,
}

/// Without the final stop or comma (the sentence adds its own).
fn bare(s: &str) -> &str {
    s.trim()
        .trim_end_matches(['.', '،', '؛', ':', '۔'])
        .trim_end()
}

/// A line of the raising meeting's minutes: «توفير مقر للفرع، بطلب من أعضاء الفرع المحلي،
/// موجهة إلى الكتابة الإقليمية بتاونات في شخص البرلماني عن الدائرة، في أجل أقصاه 30 نونبر
/// 2026.» (the request, مطالبة, is feminine whoever receives it).
pub fn raised_ar(r: &RequestWords<'_>) -> String {
    let mut line = bare(r.text).to_owned();
    if let Some(by) = r.requested_by.map(bare).filter(|s| !s.is_empty()) {
        line.push_str(&format!("، بطلب من {by}"));
    }
    line.push_str(&format!("، موجهة إلى {}", r.body.trim()));
    if let Some(to) = r.addressed_to.map(bare).filter(|s| !s.is_empty()) {
        line.push_str(&format!(" في شخص {to}"));
    }
    if let Some(d) = r.due_on {
        line.push_str(&format!("، في أجل أقصاه {}", date_ar(d)));
    }
    line.push('.');
    line
}

/// A line of the next meeting's minutes: «توفير مقر للفرع: أجابت الكتابة الإقليمية بتاونات
/// بتاريخ 12 أكتوبر 2026: تم تخصيص قاعة بمقر الإقليم.» The verb agrees with the body.
pub fn answered_ar(r: &RequestWords<'_>, answered_on: NaiveDate, answer: &str) -> String {
    let verb = if r.body_feminine {
        "أجابت"
    } else {
        "أجاب"
    };
    format!(
        "{}: {verb} {} بتاريخ {}: {}.",
        bare(r.text),
        r.body.trim(),
        date_ar(answered_on),
        bare(answer)
    )
}

/// «المطالب المرفوعة:» and its lines; nothing without lines.
pub fn raised_section_ar(lines: &[String]) -> Option<String> {
    (!lines.is_empty()).then(|| format!("المطالب المرفوعة:\n{}", dashed(lines)))
}

/// «الأجوبة على المطالب السابقة:» and its lines; nothing without lines.
pub fn answers_section_ar(lines: &[String]) -> Option<String> {
    (!lines.is_empty()).then(|| format!("الأجوبة على المطالب السابقة:\n{}", dashed(lines)))
}

#[cfg(test)]
#[path = "requests_tests.rs"]
mod tests;
