//! Periodic reports a body sends up to the body above it: their periods (a quarter, a
//! year, or a free period ending on a meeting's day), the rule that one body's periods of
//! one kind never overlap, when a report is due and late, its course (drafted, submitted,
//! then acknowledged or returned to be submitted again), its figures, and how the Arabic
//! texts name it («تقرير الأمانة الإقليمية بتازة عن الفصل الأول من سنة 2023»).

use crate::arabic::{dashed, date_ar};
use crate::{DomainError, Field};
use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

crate::stored_enum! {
    /// What period a report covers.
    pub enum ReportKind as "report kind" {
        Quarterly = "quarterly",
        Yearly = "yearly",
        /// A free period, ending on the day of the meeting that hears it.
        Meeting = "meeting",
    }
}

crate::stored_enum! {
    /// Where a report is in its course.
    pub enum ReportStatus as "report status" {
        Draft = "draft",
        Submitted = "submitted",
        Acknowledged = "acknowledged",
        /// Sent back by the parent with a comment: edited and submitted again.
        Returned = "returned",
    }
}

impl ReportStatus {
    /// The filing body still writes it (and its figures still follow the data).
    pub fn open(self) -> bool {
        matches!(self, ReportStatus::Draft | ReportStatus::Returned)
    }
    /// Sent and not returned: the parent has it.
    pub fn filed(self) -> bool {
        matches!(self, ReportStatus::Submitted | ReportStatus::Acknowledged)
    }
}

/// The statutes' rules for reports (`[reports]` in the profile).
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct ReportRules {
    /// A quarterly or yearly report is due this many days after its period ends.
    #[serde(default = "thirty")]
    pub due_days: u32,
    /// How many meetings a year the statutes expect of a kind of body (its key); a kind
    /// left out has no expected frequency.
    #[serde(default)]
    pub meetings_per_year: BTreeMap<String, u32>,
}

fn thirty() -> u32 {
    30
}

impl Default for ReportRules {
    fn default() -> ReportRules {
        ReportRules {
            due_days: thirty(),
            meetings_per_year: BTreeMap::new(),
        }
    }
}

/// A report's period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub kind: ReportKind,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

/// The first and last day of quarter `q` (1 to 4) of `year`.
pub fn quarter_days(year: i32, q: u32) -> Option<(NaiveDate, NaiveDate)> {
    if !(1..=4).contains(&q) {
        return None;
    }
    let start = NaiveDate::from_ymd_opt(year, 3 * q - 2, 1)?;
    let end = start.checked_add_months(Months::new(3))?.pred_opt()?;
    Some((start, end))
}

fn year_ok(year: Option<i32>) -> Result<i32, DomainError> {
    match year {
        Some(y) if (1900..=2100).contains(&y) => Ok(y),
        Some(_) => Err(DomainError::new(Field::Year, "report-year-invalid")),
        None => Err(DomainError::new(Field::Year, "report-year-required")),
    }
}

/// The period a report asks for: a quarter of a year, a year, or a free period whose end
/// does not precede its start.
pub fn period(
    kind: ReportKind,
    year: Option<i32>,
    quarter: Option<u32>,
    starts_on: Option<NaiveDate>,
    ends_on: Option<NaiveDate>,
) -> Result<Period, DomainError> {
    let (starts_on, ends_on) = match kind {
        ReportKind::Quarterly => {
            let year = year_ok(year)?;
            let q = quarter.ok_or(DomainError::new(Field::Quarter, "report-quarter-required"))?;
            quarter_days(year, q)
                .ok_or(DomainError::new(Field::Quarter, "report-quarter-invalid"))?
        }
        ReportKind::Yearly => {
            let year = year_ok(year)?;
            let first = |m, d| NaiveDate::from_ymd_opt(year, m, d);
            first(1, 1)
                .zip(first(12, 31))
                .ok_or(DomainError::new(Field::Year, "report-year-invalid"))?
        }
        ReportKind::Meeting => {
            let start = starts_on.ok_or(DomainError::new(
                Field::PeriodStart,
                "report-start-required",
            ))?;
            let end = ends_on.ok_or(DomainError::new(Field::PeriodEnd, "report-end-required"))?;
            if end < start {
                return Err(DomainError::new(
                    Field::PeriodEnd,
                    "report-end-before-start",
                ));
            }
            (start, end)
        }
    };
    Ok(Period {
        kind,
        starts_on,
        ends_on,
    })
}

/// Two periods share at least a day.
pub fn overlaps(a: (NaiveDate, NaiveDate), b: (NaiveDate, NaiveDate)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

/// A body files one report of a kind for any day: a period that overlaps one already
/// filed (`existing`, the body's periods of the same kind) is refused.
pub fn check_no_overlap(
    p: &Period,
    existing: &[(NaiveDate, NaiveDate)],
) -> Result<(), DomainError> {
    if existing
        .iter()
        .any(|e| overlaps((p.starts_on, p.ends_on), *e))
    {
        return Err(DomainError::new(
            Field::PeriodStart,
            "report-period-overlaps",
        ));
    }
    Ok(())
}

/// The day a report is due: `due_days` after a quarter or a year ends; a meeting's report
/// on the meeting's day.
pub fn due_on(kind: ReportKind, ends_on: NaiveDate, rules: &ReportRules) -> NaiveDate {
    match kind {
        ReportKind::Meeting => ends_on,
        _ => ends_on
            .checked_add_days(Days::new(rules.due_days.into()))
            .unwrap_or(ends_on),
    }
}

/// Not sent (or sent back) and past its due day on `today`.
pub fn late(status: Option<ReportStatus>, due_on: NaiveDate, today: NaiveDate) -> bool {
    !status.is_some_and(ReportStatus::filed) && due_on < today
}

/// The periods a body is expected to have reported on by `today`: the last quarter and
/// the last year that have ended. A report is expected from their end, and late after
/// its due day.
pub fn expected(today: NaiveDate) -> [Period; 2] {
    let q = today.month0() / 3; // this quarter, from 0
    let (year, last_q) = match q {
        0 => (today.year() - 1, 4),
        q => (today.year(), q),
    };
    let (qs, qe) = quarter_days(year, last_q).unwrap_or((today, today));
    let last_year = today.year() - 1;
    let ys = NaiveDate::from_ymd_opt(last_year, 1, 1).unwrap_or(today);
    let ye = NaiveDate::from_ymd_opt(last_year, 12, 31).unwrap_or(today);
    [
        Period {
            kind: ReportKind::Quarterly,
            starts_on: qs,
            ends_on: qe,
        },
        Period {
            kind: ReportKind::Yearly,
            starts_on: ys,
            ends_on: ye,
        },
    ]
}

/// The course of a report: the change each step makes, or why it may not be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Edit,
    Submit,
    Acknowledge,
    Return,
}

/// The status after `step`, or the conflict that forbids it.
pub fn step(status: ReportStatus, step: Step) -> Result<ReportStatus, &'static str> {
    match (step, status) {
        (Step::Edit, s) if s.open() => Ok(s),
        (Step::Submit, s) if s.open() => Ok(ReportStatus::Submitted),
        (Step::Edit | Step::Submit, _) => Err("report-submitted"),
        (Step::Acknowledge, ReportStatus::Submitted) => Ok(ReportStatus::Acknowledged),
        (Step::Return, ReportStatus::Submitted) => Ok(ReportStatus::Returned),
        (Step::Acknowledge | Step::Return, _) => Err("report-not-submitted"),
    }
}

/// The longest narrative section, and the parent's comment.
pub const SECTION_MAX: usize = 20_000;
pub const COMMENT_MAX: usize = 4_000;

/// The officer's sections, trimmed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Narrative {
    pub achievements: String,
    pub difficulties: String,
    pub requests: String,
}

/// Checks the sections: each bounded (any may stay empty until submission).
pub fn check_narrative(
    achievements: &str,
    difficulties: &str,
    requests: &str,
) -> Result<Narrative, DomainError> {
    let section = |s: &str, field: Field| {
        let s = s.trim();
        if s.chars().count() > SECTION_MAX {
            Err(DomainError::new(field, "report-section-too-long"))
        } else {
            Ok(s.to_owned())
        }
    };
    Ok(Narrative {
        achievements: section(achievements, Field::Achievements)?,
        difficulties: section(difficulties, Field::Difficulties)?,
        requests: section(requests, Field::ReportRequests)?,
    })
}

/// A returned report says why: the comment is required and bounded.
pub fn check_comment(comment: &str) -> Result<String, DomainError> {
    let c = comment.trim();
    if c.is_empty() {
        return Err(DomainError::new(Field::Comment, "report-comment-required"));
    }
    if c.chars().count() > COMMENT_MAX {
        return Err(DomainError::new(Field::Comment, "report-comment-too-long"));
    }
    Ok(c.to_owned())
}

/// The figures of a report as of its end date, as the parent reads them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    /// The day the figures are counted at (the period's end).
    pub as_of: String,
    /// Members by status on the eve of the period and at its end.
    pub members_at_start: BTreeMap<String, i64>,
    pub members_at_end: BTreeMap<String, i64>,
    /// Members who joined in the period.
    pub new_members: i64,
    /// Active members at the end, the women and the under-35s among them (age counted as
    /// the statistics do: the end's year less the birth year), and their shares in %.
    pub active: i64,
    pub active_women: i64,
    pub active_under_35: i64,
    pub women_share: Option<f64>,
    pub under_35_share: Option<f64>,
    /// The end's year: last year's payers who have paid for this year by the end, of
    /// last year's payers, and that rate in %.
    pub renewed: i64,
    pub paid_last_year: i64,
    pub renewal_rate: Option<f64>,
    /// Meetings the body held in the period, and what the statutes expect for its length.
    pub meetings_held: i64,
    pub meetings_expected: Option<i64>,
    /// The body's own activities of the period, by status (planned counts scheduled ones).
    pub activities_planned: i64,
    pub activities_held: i64,
    pub activities_postponed: i64,
    pub activities_cancelled: i64,
    /// Communiqués of the body published in the period.
    pub communiques_published: i64,
    /// The bodies below it: constituted, and still being founded at the end.
    pub bodies_constituted: i64,
    pub bodies_in_formation: i64,
}

/// Whose members a body's report counts: an affiliate's body (the women's or youth
/// organization) only those who joined that organization (`Some` of it); the party's
/// body every member of its territory (`None`).
pub fn counted_organization<'a>(
    body_organization: &'a str,
    party: Option<&str>,
) -> Option<&'a str> {
    Some(body_organization).filter(|o| Some(*o) != party)
}

/// A share in %, to one decimal; none of nothing.
pub fn share(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 * 1000.0 / whole as f64).round() / 10.0)
}

/// Meetings the statutes expect in a period: `per_year` spread over its days, rounded.
pub fn meetings_expected(per_year: u32, p: &Period) -> i64 {
    let days = (p.ends_on - p.starts_on).num_days() + 1;
    ((f64::from(per_year) * days as f64) / 365.0).round() as i64
}

const QUARTERS_AR: [&str; 4] = ["الأول", "الثاني", "الثالث", "الرابع"];

/// What a report covers, as its title says it: «عن الفصل الأول من سنة 2023», «عن سنة
/// 2023», «عن الفترة من فاتح أكتوبر 2022 إلى 14 يناير 2023».
pub fn period_ar(p: &Period) -> String {
    match p.kind {
        ReportKind::Quarterly => {
            let q = (p.starts_on.month0() / 3) as usize;
            format!(
                "عن الفصل {} من سنة {}",
                QUARTERS_AR[q.min(3)],
                p.starts_on.year()
            )
        }
        ReportKind::Yearly => format!("عن سنة {}", p.starts_on.year()),
        ReportKind::Meeting => format!(
            "عن الفترة من {} إلى {}",
            date_ar(p.starts_on),
            date_ar(p.ends_on)
        ),
    }
}

/// A report's title: «تقرير الأمانة الإقليمية بتازة عن الفصل الأول من سنة 2023». `body`
/// is the filing body as the press names it.
pub fn title_ar(body: &str, p: &Period) -> String {
    format!("تقرير {} {}", body.trim(), period_ar(p))
}

/// A line of the minutes of the meeting that hears a report: «الاستماع إلى تقرير الأمانة
/// الإقليمية بتازة عن الفصل الأول من سنة 2023، الذي رفعته بتاريخ 05 أبريل 2023.» The
/// verb agrees with the filing body (رفعته for الأمانة، رفعه for المكتب); a report not yet
/// submitted is named without it.
pub fn heard_ar(
    body: &str,
    body_feminine: bool,
    p: &Period,
    submitted_on: Option<NaiveDate>,
) -> String {
    let mut line = format!("الاستماع إلى {}", title_ar(body, p));
    if let Some(on) = submitted_on {
        let verb = if body_feminine {
            "رفعته"
        } else {
            "رفعه"
        };
        line.push_str(&format!("، الذي {verb} بتاريخ {}", date_ar(on)));
    }
    line.push('.');
    line
}

/// «التقارير المستمع إليها:» and its lines; nothing without lines.
pub fn heard_section_ar(lines: &[String]) -> Option<String> {
    (!lines.is_empty()).then(|| format!("التقارير المستمع إليها:\n{}", dashed(lines)))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
#[path = "reports_tests.rs"]
mod tests;
