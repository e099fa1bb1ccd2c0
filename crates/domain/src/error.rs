use std::fmt;

/// The input field a validation error belongs to, so the UI can show it beside the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Username,
    DisplayName,
    Password,
    Role,
    Scope,
    Organization,
    Territory,
    BodyKind,
    BodyName,
    Parent,
    TokenName,
    FirstNameAr,
    LastNameAr,
    FirstNameLat,
    LastNameLat,
    Sex,
    BirthDate,
    Cin,
    Phone,
    Email,
    Commune,
    Address,
    Profession,
    Education,
    Notes,
    Consent,
    Status,
    Reason,
    Date,
    Year,
    Amount,
    Receipt,
    Method,
    Category,
    Campaign,
    Position,
    Name,
    Vote,
    MeetingKind,
    Attendance,
    Attendees,
    MandateKind,
    List,
    /// A college of the House of Councillors, or a professional chamber.
    SeatBody,
    Rank,
    Ending,
    Chair,
    Grounds,
    Outcome,
    Reasons,
    Heard,
    Summary,
    Title,
    File,
    Member,
    Place,
    /// A contact's consent: the day, how it was given, the words agreed to.
    ConsentOn,
    ConsentSource,
    ConsentWording,
    /// A request raised at a meeting: what is asked, by whom, of which body and official,
    /// by when; and its answer with its date.
    RequestText,
    RequestedBy,
    AddressedBody,
    AddressedTo,
    DueOn,
    Answer,
    AnsweredOn,
    /// A programme's period and an activity's description, course and attendance.
    StartsOn,
    EndsOn,
    ActivityKind,
    Themes,
    Audience,
    When,
    Budget,
    HeldOn,
    Programme,
    /// A periodic report: its kind, period, narrative sections and the parent's comment;
    /// a report an agenda item hears, and the item.
    ReportKind,
    Quarter,
    PeriodStart,
    PeriodEnd,
    Achievements,
    Difficulties,
    ReportRequests,
    Comment,
    Report,
    AgendaItem,
}

impl Field {
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Username => "username",
            Field::DisplayName => "display_name",
            Field::Password => "password",
            Field::Role => "role",
            Field::Scope => "scope",
            Field::Organization => "organization",
            Field::Territory => "territory",
            Field::BodyKind => "kind",
            Field::BodyName => "name",
            Field::Parent => "parent",
            Field::TokenName => "token_name",
            Field::FirstNameAr => "first_name_ar",
            Field::LastNameAr => "last_name_ar",
            Field::FirstNameLat => "first_name_lat",
            Field::LastNameLat => "last_name_lat",
            Field::Sex => "sex",
            Field::BirthDate => "birth_date",
            Field::Cin => "cin",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::Commune => "commune",
            Field::Address => "address",
            Field::Profession => "profession",
            Field::Education => "education",
            Field::Notes => "notes",
            Field::Consent => "consent",
            Field::Status => "status",
            Field::Reason => "reason",
            Field::Date => "date",
            Field::Year => "year",
            Field::Amount => "amount",
            Field::Receipt => "receipt",
            Field::Method => "method",
            Field::Category => "category",
            Field::Campaign => "campaign",
            Field::Position => "position",
            Field::Name => "name",
            Field::Vote => "vote",
            Field::MeetingKind => "kind",
            Field::Attendance => "attendance",
            Field::Attendees => "attendees",
            Field::MandateKind => "kind",
            Field::List => "list",
            Field::SeatBody => "body",
            Field::Rank => "rank",
            Field::Ending => "ending",
            Field::Chair => "chair",
            Field::Grounds => "grounds",
            Field::Outcome => "decision",
            Field::Reasons => "reasons",
            Field::Heard => "heard",
            Field::Summary => "summary",
            Field::Title => "title",
            Field::File => "file",
            Field::Member => "member",
            Field::Place => "place",
            Field::ConsentOn => "consent_on",
            Field::ConsentSource => "consent_source",
            Field::ConsentWording => "consent_wording",
            Field::RequestText => "text",
            Field::RequestedBy => "requested_by",
            Field::AddressedBody => "addressed_body_id",
            Field::AddressedTo => "addressed_to",
            Field::DueOn => "due_on",
            Field::Answer => "answer",
            Field::AnsweredOn => "answered_on",
            Field::StartsOn => "starts_on",
            Field::EndsOn => "ends_on",
            Field::ActivityKind => "kind",
            Field::Themes => "themes",
            Field::Audience => "audience",
            Field::When => "when",
            Field::Budget => "budget",
            Field::HeldOn => "held_on",
            Field::Programme => "programme_id",
            Field::ReportKind => "kind",
            Field::Quarter => "quarter",
            Field::PeriodStart => "starts_on",
            Field::PeriodEnd => "ends_on",
            Field::Achievements => "achievements",
            Field::Difficulties => "difficulties",
            Field::ReportRequests => "requests",
            Field::Comment => "comment",
            Field::Report => "report_id",
            Field::AgendaItem => "seat",
        }
    }
}

/// A rule of the domain that input broke. `code` is a stable key: the web layer turns it
/// into a localized message (`error-<code>` in the Fluent files) and the API returns it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct DomainError {
    pub field: Option<Field>,
    pub code: &'static str,
    /// The territories a name typed into the field could mean, when it means several
    /// (`territory-name-ambiguous`): the message lists them for the user to choose.
    pub candidates: Vec<crate::territory::TerritoryCode>,
}

impl DomainError {
    pub fn new(field: Field, code: &'static str) -> Self {
        DomainError {
            field: Some(field),
            code,
            candidates: Vec::new(),
        }
    }
    pub fn general(code: &'static str) -> Self {
        DomainError {
            field: None,
            code,
            candidates: Vec::new(),
        }
    }
}

impl fmt::Display for DomainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.field {
            Some(field) => write!(f, "{}: {}", field.as_str(), self.code)?,
            None => f.write_str(self.code)?,
        }
        if !self.candidates.is_empty() {
            let codes: Vec<&str> = self.candidates.iter().map(|c| c.as_str()).collect();
            write!(f, " ({})", codes.join(", "))?;
        }
        Ok(())
    }
}
