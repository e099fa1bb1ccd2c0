//! Disciplinary cases (ملفات تأديبية): the ethics committee of a body opens a case about a
//! member, hears people, keeps documents and decides. A decision may change the member's
//! status (suspended until a date, expelled); these are the rules a case follows.

use crate::members::{Event, Status, check_effective_date, transition};
use crate::org::MembershipModel;
use crate::territory::TerritoryPath;
use crate::{DomainError, Field};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a case stands. A decided case is closed: its record no longer changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    Open,
    Decided,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 2] = [CaseStatus::Open, CaseStatus::Decided];

    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Open => "open",
            CaseStatus::Decided => "decided",
        }
    }
    pub fn parse(s: &str) -> Option<CaseStatus> {
        CaseStatus::ALL.into_iter().find(|x| x.as_str() == s.trim())
    }
}

impl TryFrom<String> for CaseStatus {
    type Error = crate::stored::UnknownStored;
    fn try_from(value: String) -> Result<CaseStatus, crate::stored::UnknownStored> {
        crate::stored::decode("case status", value, CaseStatus::parse)
    }
}

/// What the committee decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The grounds are not upheld: the case closes, nothing else changes.
    NoAction,
    /// A warning (إنذار) on the record; the member stays in good standing.
    Warning,
    /// Suspended (توقيف) until a date, after which the member may be reinstated.
    Suspension { until: NaiveDate },
    /// Expelled (طرد) from the party.
    Expulsion,
}

impl Outcome {
    /// The stable keys of the outcomes, as stored, sent and translated (`case-outcome-<key>`).
    pub const KINDS: [&'static str; 4] = ["no_action", "warning", "suspension", "expulsion"];

    pub fn kind(self) -> &'static str {
        match self {
            Outcome::NoAction => "no_action",
            Outcome::Warning => "warning",
            Outcome::Suspension { .. } => "suspension",
            Outcome::Expulsion => "expulsion",
        }
    }

    /// An outcome as typed: its kind, and for a suspension the day it ends.
    pub fn parse(kind: &str, until: Option<&str>) -> Result<Outcome, DomainError> {
        match kind.trim() {
            "no_action" => Ok(Outcome::NoAction),
            "warning" => Ok(Outcome::Warning),
            "expulsion" => Ok(Outcome::Expulsion),
            "suspension" => match until.map(str::trim).filter(|s| !s.is_empty()) {
                Some(u) => Ok(Outcome::Suspension {
                    until: crate::members::parse_date(u, Field::Date)?,
                }),
                None => Err(DomainError::new(Field::Date, "until-required")),
            },
            _ => Err(DomainError::new(Field::Outcome, "case-outcome-invalid")),
        }
    }

    /// What happens to the member: none for no action and a warning.
    pub fn event(self) -> Option<Event> {
        match self {
            Outcome::NoAction | Outcome::Warning => None,
            Outcome::Suspension { .. } => Some(Event::Suspend),
            Outcome::Expulsion => Some(Event::Expel),
        }
    }

    /// Whether the outcome changes the member's status: such a decision is confirmed
    /// before it is recorded.
    pub fn changes_status(self) -> bool {
        self.event().is_some()
    }

    pub fn suspended_until(self) -> Option<NaiveDate> {
        match self {
            Outcome::Suspension { until } => Some(until),
            _ => None,
        }
    }
}

fn required_text(
    input: &str,
    field: Field,
    missing: &'static str,
    max: usize,
) -> Result<String, DomainError> {
    let s = input.trim();
    if s.is_empty() {
        Err(DomainError::new(field, missing))
    } else if s.chars().count() > max {
        Err(DomainError::new(field, "text-too-long"))
    } else {
        Ok(s.to_owned())
    }
}

/// What the member is reproached with: required, at most 2,000 characters.
pub fn parse_grounds(input: &str) -> Result<String, DomainError> {
    required_text(input, Field::Grounds, "case-grounds-required", 2000)
}

/// The reasons of a decision (حيثيات القرار): required, at most 5,000 characters.
pub fn parse_reasons(input: &str) -> Result<String, DomainError> {
    required_text(input, Field::Reasons, "case-reasons-required", 5000)
}

/// A day of the case's life (a hearing, the decision): not in the future and not before the
/// case was opened.
pub fn check_case_date(
    on: NaiveDate,
    opened_on: NaiveDate,
    today: NaiveDate,
) -> Result<(), DomainError> {
    if on > today {
        Err(DomainError::new(Field::Date, "date-in-future"))
    } else if on < opened_on {
        Err(DomainError::new(Field::Date, "case-date-before-opening"))
    } else {
        Ok(())
    }
}

/// A case is opened against a member who can still be judged: not an expelled member
/// (there is nothing left to take) nor a deceased one.
pub fn check_can_open(status: Status) -> Result<(), DomainError> {
    match status {
        Status::Expelled => Err(DomainError::new(Field::Member, "member-already-expelled")),
        Status::Deceased => Err(DomainError::new(Field::Member, "transition-not-allowed")),
        _ => Ok(()),
    }
}

/// Whether a body's ethics committee judges this member: the member's branch lies in the
/// body's territory, and an affiliate's committee judges the affiliate's members only (the
/// party's own committees judge every member).
pub fn in_jurisdiction(
    body_path: &TerritoryPath,
    body_organization: &str,
    party: &str,
    member_path: &TerritoryPath,
    member_affiliations: &str,
) -> bool {
    body_path.contains(member_path)
        && (body_organization == party
            || member_affiliations
                .split(',')
                .any(|a| a.trim() == body_organization))
}

/// A hearing as checked: when, who was heard (the member, a witness, a complainant) and
/// what they said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hearing {
    pub held_on: NaiveDate,
    pub heard: String,
    pub summary: String,
}

pub fn check_hearing(
    held_on: &str,
    heard: &str,
    summary: &str,
    opened_on: NaiveDate,
    today: NaiveDate,
) -> Result<Hearing, DomainError> {
    let held_on = crate::members::parse_date(held_on, Field::Date)?;
    check_case_date(held_on, opened_on, today)?;
    Ok(Hearing {
        held_on,
        heard: required_text(heard, Field::Heard, "case-heard-required", 200)?,
        summary: required_text(summary, Field::Summary, "case-summary-required", 5000)?,
    })
}

/// What the member is as the decision is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemberStanding {
    pub status: Status,
    /// The day the member's current history period began: a status change cannot take
    /// effect before it, or periods would overlap.
    pub period_start: NaiveDate,
}

/// Checks a decision taken on `decided_on` in a case opened on `opened_on`, and returns
/// the member's new status when the decision changes it. A suspension ends after the
/// decision; a member already expelled is neither suspended nor expelled again; the status
/// change must be one the membership rules allow.
pub fn check_decision(
    outcome: Outcome,
    decided_on: NaiveDate,
    opened_on: NaiveDate,
    member: MemberStanding,
    today: NaiveDate,
    model: MembershipModel,
) -> Result<Option<Status>, DomainError> {
    check_case_date(decided_on, opened_on, today)?;
    if let Some(until) = outcome.suspended_until()
        && until <= decided_on
    {
        return Err(DomainError::new(Field::Date, "until-before-date"));
    }
    let Some(event) = outcome.event() else {
        return Ok(None);
    };
    if member.status == Status::Expelled {
        return Err(DomainError::new(Field::Outcome, "member-already-expelled"));
    }
    let to = transition(member.status, event, model)
        .map_err(|_| DomainError::new(Field::Outcome, "transition-not-allowed"))?;
    check_effective_date(decided_on, member.period_start, today)?;
    Ok(Some(to))
}

/// The largest document a case keeps (a scanned letter, a photo, a statement).
pub const MAX_DOCUMENT_BYTES: usize = 5 * 1024 * 1024;

/// A document's title: required, at most 200 characters.
pub fn parse_document_title(input: &str) -> Result<String, DomainError> {
    required_text(input, Field::Title, "case-document-title-required", 200)
}

/// A document's bytes: not empty, at most [`MAX_DOCUMENT_BYTES`].
pub fn check_document_size(len: usize) -> Result<(), DomainError> {
    if len == 0 {
        Err(DomainError::new(Field::File, "case-document-empty"))
    } else if len > MAX_DOCUMENT_BYTES {
        Err(DomainError::new(Field::File, "case-document-too-large"))
    } else {
        Ok(())
    }
}

/// An uploaded file's name as kept and given back on download: its last path segment,
/// without control characters, quotes or backslashes, at most 120 characters; `document`
/// when nothing is left.
pub fn document_file_name(input: &str) -> String {
    let last = input.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '\\' | ';'))
        .take(120)
        .collect();
    let clean = clean.trim().trim_start_matches('.').trim();
    if clean.is_empty() {
        "document".to_owned()
    } else {
        clean.to_owned()
    }
}

/// The kinds of document a committee keeps, as served back.
const DOCUMENT_TYPES: [&str; 9] = [
    "application/pdf",
    "image/jpeg",
    "image/png",
    "image/webp",
    "text/plain",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
    "audio/mpeg",
];

/// The content type a document is stored and served with: the declared type when it is one
/// of the kinds of document a committee keeps, otherwise `application/octet-stream`. Never
/// HTML, SVG or script, whatever the upload claimed: a download cannot run in the browser.
pub fn document_content_type(declared: Option<&str>) -> &'static str {
    let essence = declared
        .and_then(|d| d.split(';').next())
        .map(|d| d.trim().to_ascii_lowercase())
        .unwrap_or_default();
    DOCUMENT_TYPES
        .into_iter()
        .find(|t| *t == essence)
        .unwrap_or("application/octet-stream")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::territory::TerritoryCode;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn path(codes: &[&str]) -> TerritoryPath {
        codes.iter().fold(TerritoryPath::national(), |p, c| {
            p.child(&TerritoryCode::parse(c).unwrap_or_else(|e| panic!("{e}")))
        })
    }

    fn active_since(s: &str) -> MemberStanding {
        MemberStanding {
            status: Status::Active,
            period_start: date(s),
        }
    }

    const YEARLY: MembershipModel = MembershipModel::YearlyRenewal;

    #[test]
    fn outcomes_parse_and_a_suspension_needs_its_end() {
        assert_eq!(Outcome::parse("warning", None), Ok(Outcome::Warning));
        assert_eq!(
            Outcome::parse("suspension", Some("2027-01-31")),
            Ok(Outcome::Suspension {
                until: date("2027-01-31")
            })
        );
        assert_eq!(
            Outcome::parse("suspension", Some(" ")).map_err(|e| e.code),
            Err("until-required")
        );
        assert_eq!(
            Outcome::parse("suspension", Some("31/13/2027")).map_err(|e| e.code),
            Err("date-invalid")
        );
        assert_eq!(
            Outcome::parse("exile", None).map_err(|e| e.code),
            Err("case-outcome-invalid")
        );
        for kind in Outcome::KINDS {
            let o = Outcome::parse(kind, Some("2030-01-01"));
            assert_eq!(o.map(Outcome::kind), Ok(kind));
        }
    }

    #[test]
    fn what_each_outcome_does_to_the_member() {
        let opened = date("2026-03-01");
        let today = date("2026-06-01");
        let check = |o: Outcome, standing: MemberStanding| {
            check_decision(o, date("2026-05-20"), opened, standing, today, YEARLY)
        };
        let member = active_since("2025-01-10");
        assert_eq!(check(Outcome::NoAction, member), Ok(None));
        assert_eq!(check(Outcome::Warning, member), Ok(None));
        let suspension = Outcome::Suspension {
            until: date("2026-11-20"),
        };
        assert_eq!(check(suspension, member), Ok(Some(Status::Suspended)));
        assert_eq!(
            check(Outcome::Expulsion, member),
            Ok(Some(Status::Expelled))
        );
        assert!(suspension.changes_status() && !Outcome::Warning.changes_status());
        // A suspended member may be expelled, not suspended again.
        let suspended = MemberStanding {
            status: Status::Suspended,
            ..member
        };
        assert_eq!(
            check(Outcome::Expulsion, suspended),
            Ok(Some(Status::Expelled))
        );
        assert_eq!(
            check(suspension, suspended).map_err(|e| e.code),
            Err("transition-not-allowed")
        );
        let expelled = MemberStanding {
            status: Status::Expelled,
            ..member
        };
        for o in [suspension, Outcome::Expulsion] {
            assert_eq!(
                check(o, expelled).map_err(|e| e.code),
                Err("member-already-expelled")
            );
        }
        // A warning on an expelled member's file changes nothing and is allowed.
        assert_eq!(check(Outcome::Warning, expelled), Ok(None));
        let resigned = MemberStanding {
            status: Status::Resigned,
            ..member
        };
        assert_eq!(
            check(Outcome::Expulsion, resigned).map_err(|e| e.code),
            Err("transition-not-allowed")
        );
    }

    #[test]
    fn decision_dates_are_checked() {
        let opened = date("2026-03-01");
        let today = date("2026-06-01");
        let member = active_since("2025-01-10");
        let check = |o: Outcome, on: &str, m: MemberStanding| {
            check_decision(o, date(on), opened, m, today, YEARLY).map_err(|e| e.code)
        };
        let until = |s: &str| Outcome::Suspension { until: date(s) };
        assert_eq!(
            check(until("2026-05-01"), "2026-05-20", member),
            Err("until-before-date")
        );
        assert_eq!(
            check(until("2026-05-20"), "2026-05-20", member),
            Err("until-before-date")
        );
        assert_eq!(
            check(Outcome::Warning, "2026-06-02", member),
            Err("date-in-future")
        );
        assert_eq!(
            check(Outcome::Warning, "2026-02-28", member),
            Err("case-date-before-opening")
        );
        // The member's status changed after the decision's date: history cannot overlap.
        let changed_later = active_since("2026-05-25");
        assert_eq!(
            check(Outcome::Expulsion, "2026-05-20", changed_later),
            Err("date-before-current-period")
        );
        assert_eq!(
            check(Outcome::Warning, "2026-05-20", changed_later),
            Ok(None)
        );
    }

    #[test]
    fn texts_and_hearings() {
        assert_eq!(
            parse_grounds("  ").map_err(|e| (e.field, e.code)),
            Err((Some(Field::Grounds), "case-grounds-required"))
        );
        assert_eq!(
            parse_grounds(" تصريحات مسيئة ").as_deref(),
            Ok("تصريحات مسيئة")
        );
        assert_eq!(
            parse_reasons(&"x".repeat(5001)).map_err(|e| e.code),
            Err("text-too-long")
        );
        let opened = date("2026-03-01");
        let today = date("2026-06-01");
        let h = check_hearing("2026-04-02", " العضو المعني ", "نفى", opened, today);
        assert_eq!(
            h.map(|h| (h.held_on, h.heard)),
            Ok((date("2026-04-02"), "العضو المعني".into()))
        );
        assert_eq!(
            check_hearing("2026-02-01", "x", "y", opened, today).map_err(|e| e.code),
            Err("case-date-before-opening")
        );
        assert_eq!(
            check_hearing("2026-04-02", "", "y", opened, today).map_err(|e| e.code),
            Err("case-heard-required")
        );
        assert_eq!(
            check_hearing("2026-04-02", "x", " ", opened, today).map_err(|e| e.code),
            Err("case-summary-required")
        );
    }

    #[test]
    fn who_a_committee_judges() {
        let province = path(&["05", "05.091"]);
        let kasba = path(&["05", "05.091", "05.091.01.07"]);
        let taounate = path(&["03", "03.531", "03.531.01.05"]);
        assert!(in_jurisdiction(&province, "party", "party", &kasba, ""));
        assert!(!in_jurisdiction(&province, "party", "party", &taounate, ""));
        assert!(in_jurisdiction(
            &TerritoryPath::national(),
            "party",
            "party",
            &taounate,
            ""
        ));
        assert!(!in_jurisdiction(&province, "women", "party", &kasba, ""));
        assert!(in_jurisdiction(
            &province,
            "women",
            "party",
            &kasba,
            "youth,women"
        ));
        assert_eq!(
            check_can_open(Status::Expelled).map_err(|e| e.code),
            Err("member-already-expelled")
        );
        assert!(check_can_open(Status::Suspended).is_ok());
        assert!(check_can_open(Status::Deceased).is_err());
    }

    #[test]
    fn documents_never_come_back_as_something_that_runs() {
        assert_eq!(
            document_content_type(Some("application/PDF; name=x")),
            "application/pdf"
        );
        for risky in [
            Some("text/html"),
            Some("image/svg+xml"),
            Some("application/javascript"),
            Some("text/html; charset=utf-8"),
            None,
        ] {
            assert_eq!(
                document_content_type(risky),
                "application/octet-stream",
                "{risky:?}"
            );
        }
        assert_eq!(
            document_file_name("C:\\scans\\محضر الاستماع.pdf"),
            "محضر الاستماع.pdf"
        );
        assert_eq!(document_file_name("../../etc/passwd"), "passwd");
        assert_eq!(document_file_name("a\"b;\r\nc.txt"), "abc.txt");
        assert_eq!(document_file_name("..."), "document");
        assert_eq!(document_file_name(""), "document");
        assert_eq!(
            check_document_size(0).map_err(|e| e.code),
            Err("case-document-empty")
        );
        assert!(check_document_size(MAX_DOCUMENT_BYTES).is_ok());
        assert_eq!(
            check_document_size(MAX_DOCUMENT_BYTES + 1).map_err(|e| e.code),
            Err("case-document-too-large")
        );
        assert_eq!(
            parse_document_title("").map_err(|e| e.code),
            Err("case-document-title-required")
        );
    }

    #[test]
    fn case_statuses_round_trip() {
        for s in CaseStatus::ALL {
            assert_eq!(CaseStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(CaseStatus::parse("closed"), None);
    }
}
