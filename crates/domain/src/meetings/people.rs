//! Who a meeting's texts name, and how: the people and organizations that lead it, who
//! speaks (a person or a group), who attended (named, counted, or the body as a whole),
//! where and how it was held. The record keeps these facts; `press` words them.

use crate::sex::Sex;

/// A person named with their public title, and their sex for the grammar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub name: String,
    pub title: String,
    pub sex: Sex,
}

crate::stored_enum! {
    /// What someone who leads a meeting does: chair it (one or several, of this body, of
    /// another, or given by title and name), chair beside the chair (بمعية), host it (a
    /// person or an organization), frame it (تأطير), or attend as a guest of honour.
    pub enum LeadRole as "lead role" {
        Chair = "chair",
        CoChair = "co_chair",
        Host = "host",
        Framer = "framer",
        HonourGuest = "honour_guest",
    }
}

/// A host: a person (استضاف/استضافت), or an organization or a place (an allied party, an
/// association, a venue), which the texts name without a verb that would need its gender.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Host {
    Person(Named),
    Organization(String),
}

/// Everyone who leads a meeting, in the order the record gives them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Leads {
    pub chairs: Vec<Named>,
    pub co_chairs: Vec<Named>,
    pub hosts: Vec<Host>,
    pub framers: Vec<Named>,
    pub honour_guests: Vec<Named>,
}

impl Leads {
    /// Those who chair: the chairs, or the co-chairs when no chair is named.
    pub fn chairing(&self) -> (&[Named], &[Named]) {
        if self.chairs.is_empty() {
            (&self.co_chairs, &[])
        } else {
            (&self.chairs, &self.co_chairs)
        }
    }
}

/// Who speaks: a person, a group with its gender (أعضاء المكتب، عضوات المكتب،
/// الكتاب الإقليميون), or, for interventions recorded before speakers had a sex, a name
/// alone (worded so that no agreement depends on it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Speaker {
    Person(Named),
    /// As the subject of a verb: "أعضاء الأمانة الإقليمية", "المناضلات والمناضلون".
    Group {
        name: String,
        sex: Sex,
    },
    Unknown(String),
    /// A committee presenting its report: "لجنة التنظيم".
    Committee(String),
}

crate::stored_enum! {
    /// The verb of saying that introduces what a speaker said, each with its preposition.
    pub enum SayVerb as "verb of saying" {
        Addressed = "addressed",
        Stressed = "stressed",
        CalledFor = "called_for",
        Praised = "praised",
        Reviewed = "reviewed",
        Presented = "presented",
        Commended = "commended",
        Demanded = "demanded",
    }
}

impl SayVerb {
    /// The verb in the past agreeing with its subject, and what follows the subject before
    /// the summary: its preposition ("" when the verb takes its object directly; "ب" is
    /// joined to the word that follows), or an object and a preposition (قدم … عرضا حول).
    pub fn ar(self, sex: Sex) -> (&'static str, &'static str) {
        let f = sex == Sex::F;
        match self {
            SayVerb::Addressed => (if f { "تطرقت" } else { "تطرق" }, "إلى"),
            SayVerb::Stressed => (if f { "أكدت" } else { "أكد" }, "على"),
            SayVerb::CalledFor => (if f { "دعت" } else { "دعا" }, "إلى"),
            SayVerb::Praised => (if f { "نوهت" } else { "نوه" }, "ب"),
            SayVerb::Reviewed => (if f { "استعرضت" } else { "استعرض" }, ""),
            SayVerb::Presented => (if f { "قدمت" } else { "قدم" }, "عرضا حول"),
            SayVerb::Commended => (if f { "ثمنت" } else { "ثمن" }, ""),
            SayVerb::Demanded => (if f { "طالبت" } else { "طالب" }, "ب"),
        }
    }

    /// The French verb phrase, whoever speaks ("a abordé", "a appelé à").
    pub fn fr(self) -> &'static str {
        match self {
            SayVerb::Addressed => "a abordé",
            SayVerb::Stressed => "a insisté sur",
            SayVerb::CalledFor => "a appelé à",
            SayVerb::Praised => "a salué",
            SayVerb::Reviewed => "a passé en revue",
            SayVerb::Presented => "a présenté un exposé sur",
            SayVerb::Commended => "a apprécié",
            SayVerb::Demanded => "a demandé",
        }
    }

    /// The French verb phrase for a group (ils/elles ont…).
    pub fn fr_plural(self) -> &'static str {
        match self {
            SayVerb::Addressed => "ont abordé",
            SayVerb::Stressed => "ont insisté sur",
            SayVerb::CalledFor => "ont appelé à",
            SayVerb::Praised => "ont salué",
            SayVerb::Reviewed => "ont passé en revue",
            SayVerb::Presented => "ont présenté un exposé sur",
            SayVerb::Commended => "ont apprécié",
            SayVerb::Demanded => "ont demandé",
        }
    }
}

/// What someone said at a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub speaker: Speaker,
    pub verb: SayVerb,
    /// As recorded; the texts trim its final stop and a repeated preposition.
    pub summary: String,
}

/// The members of the body who attended: not said, a count, or the body as a whole.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum MembersPresent {
    #[default]
    Unsaid,
    Count(usize),
    Whole,
}

crate::stored_enum! {
    /// A group that attended beside the body's members.
    pub enum GroupCategory as "attending group" {
        OtherBody = "other_body",
        Sympathisers = "sympathisers",
        Guests = "guests",
        Press = "press",
    }
}

/// A group that attended, named as it reads after «بحضور» (المتعاطفين، أعضاء المكاتب
/// المحلية), with its gender for «أحد/إحدى» and, when known, how many came.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendingGroup {
    pub category: GroupCategory,
    pub label: String,
    pub sex: Sex,
    pub count: Option<usize>,
}

/// Who attended, as the texts report it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Turnout {
    pub members: MembersPresent,
    pub groups: Vec<AttendingGroup>,
    /// Named guests as "title name".
    pub guests: Vec<String>,
}

crate::stored_enum! {
    /// In the room, by video conference, or both.
    pub enum MeetingMode as "meeting mode" {
        InPerson = "in_person",
        Online = "online",
        Hybrid = "hybrid",
    }
}

/// Where a meeting was held, in one language's words; none of it is invented: a text says
/// only what the record gives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    /// The city of the dateline: the commune where it was held, or a city abroad.
    pub city: Option<String>,
    /// The country, for a city abroad.
    pub country: Option<String>,
    /// The venue as it reads after ب: "المقر الإقليمي للحزب", "قاعة الاجتماعات بالبلدية".
    pub venue: Option<String>,
}
