//! The organization's structure: its organizations (the party and its affiliates), the
//! kinds of body it has at each level, and the rules for placing a body in the tree.

use crate::arabic::{feminine, ordinal_ar};
use crate::sex::Sex;
use crate::territory::{Level, TerritoryPath};
use crate::{DomainError, Field};
use serde::{Deserialize, Serialize};

/// A label in the three interface languages.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Label {
    pub ar: String,
    pub fr: String,
    pub en: String,
}

impl Label {
    pub fn get(&self, lang: &str) -> &str {
        match lang {
            "fr" => &self.fr,
            "en" => &self.en,
            _ => &self.ar,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganizationKind {
    Party,
    Affiliate,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Organization {
    pub key: String,
    pub kind: OrganizationKind,
    pub name: Label,
}

/// The level a body kind sits at: the country, or a territory level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyLevel {
    National,
    Region,
    Province,
    Commune,
}

impl BodyLevel {
    /// Whether a body of this level may sit in a territory of `level` (`None`: the country).
    pub fn accepts(self, level: Option<Level>) -> bool {
        matches!(
            (self, level),
            (BodyLevel::National, None)
                | (BodyLevel::Region, Some(Level::Region))
                | (BodyLevel::Province, Some(Level::Province))
                | (
                    BodyLevel::Commune,
                    Some(Level::Commune | Level::Arrondissement)
                )
        )
    }
    /// The territory levels a body of this level sits in (none for a national body).
    pub fn territory_levels(self) -> &'static [Level] {
        match self {
            BodyLevel::National => &[],
            BodyLevel::Region => &[Level::Region],
            BodyLevel::Province => &[Level::Province],
            BodyLevel::Commune => &[Level::Commune, Level::Arrondissement],
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct BodyKind {
    pub key: String,
    pub level: BodyLevel,
    pub organizations: Vec<String>,
    pub name: Label,
    /// The statutes let an absent member give a proxy to a present one for votes.
    #[serde(default)]
    pub proxies: bool,
    /// Members vote with a weight (delegates carrying the votes of those they represent).
    #[serde(default)]
    pub weighted_votes: bool,
    /// The quorum: more than this share (in %) of the members present.
    #[serde(default = "half")]
    pub quorum_percent: u8,
    /// An organization may have several active bodies of this kind in one territory (a
    /// second provincial secretariat is otherwise refused).
    #[serde(default)]
    pub several_per_territory: bool,
}

fn half() -> u8 {
    50
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct PositionKind {
    pub key: String,
    #[serde(default)]
    pub numbered: bool,
    #[serde(default)]
    pub appointed: bool,
    pub name: Label,
    /// The head noun of the Arabic title when it differs from the name (النائب for نائب
    /// الأمين), and whom a numbered title seconds (للأمين): see `meetings::title_ar`.
    #[serde(default)]
    pub head_ar: Option<String>,
    #[serde(default)]
    pub of_ar: Option<String>,
    /// The title is named through the body (idafa): مقرر الأمانة الإقليمية, رئيسة المجلس
    /// الجهوي; the level's adjective then belongs to the body, never to the holder.
    #[serde(default)]
    pub of_body: bool,
}

impl PositionKind {
    /// The holder's Arabic title in a body of `level` whose kind is called `body_kind_ar`
    /// (الأمانة الإقليمية), agreeing with the holder's sex.
    pub fn title_ar(
        &self,
        rank: Option<u8>,
        level: BodyLevel,
        sex: Sex,
        body_kind_ar: &str,
    ) -> String {
        let head = self.head_ar.as_deref().unwrap_or(&self.name.ar);
        if self.of_body {
            let head = match sex {
                Sex::M => head.to_owned(),
                Sex::F => feminine(head),
            };
            return format!("{head} {body_kind_ar}");
        }
        title_ar(head, self.of_ar.as_deref(), rank, level, sex)
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Profile {
    pub organizations: Vec<Organization>,
    pub body_kinds: Vec<BodyKind>,
    #[serde(default)]
    pub positions: Vec<PositionKind>,
    /// Kinds of meeting beyond the product's own (`meetings::KINDS`).
    #[serde(default)]
    pub meeting_kinds: Vec<MeetingKind>,
    #[serde(default)]
    pub membership: MembershipRules,
    /// The committees a body may form: the membership and ethics committees the product
    /// relies on, and the functional ones the party names (organization, communication,
    /// congress preparation…).
    #[serde(default = "default_committees")]
    pub committees: Vec<CommitteeKind>,
    /// Statistics for those who may see only counts: a count below this is withheld and
    /// the others are rounded to a multiple of it (`stats::Disclosure`). 1 shows exact counts.
    #[serde(default = "default_stats_min_cell")]
    pub stats_min_cell: i64,
    /// The organization abroad, when the party has one.
    #[serde(default)]
    pub diaspora: Option<crate::diaspora::Diaspora>,
    /// The party's full name and emblem, as its card and pages show them.
    #[serde(default)]
    pub identity: Identity,
    /// The kinds, themes and audiences of the activities programmes list.
    #[serde(default)]
    pub activities: crate::programmes::ActivityVocabulary,
    /// When periodic reports are due and how often the statutes expect bodies to meet.
    #[serde(default)]
    pub reports: crate::reports::ReportRules,
    /// The kinds of public mandate members hold, and the pairs the law forbids together.
    #[serde(default)]
    pub mandates: crate::mandates::MandateVocabulary,
}

/// The largest emblem a profile may carry (an SVG of a few kilobytes is typical).
pub const MAX_LOGO_BYTES: usize = 64 * 1024;

/// The party as it presents itself: its full name (the organizations' `name` is how the
/// texts refer to it, "الحزب") and its emblem, an SVG given in the profile itself so that
/// the profile stays one file. The emblem is served as an image, never inlined in a page.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Identity {
    #[serde(default)]
    pub name: Option<Label>,
    #[serde(default)]
    pub logo_svg: Option<String>,
}

fn default_stats_min_cell() -> i64 {
    5
}

/// A kind of committee with its names: "لجنة التنظيم", "Commission de l'organisation".
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct CommitteeKind {
    pub key: String,
    pub name: Label,
}

/// The committees every profile has: the product decides applications through the
/// membership committee and cases through the ethics committee.
fn default_committees() -> Vec<CommitteeKind> {
    let kind = |key: &str, ar: &str, fr: &str, en: &str| CommitteeKind {
        key: key.to_owned(),
        name: Label {
            ar: ar.to_owned(),
            fr: fr.to_owned(),
            en: en.to_owned(),
        },
    };
    vec![
        kind(
            "membership",
            "لجنة البت في الانخراطات",
            "Commission des adhésions",
            "Membership committee",
        ),
        kind(
            "ethics",
            "لجنة الأخلاقيات",
            "Commission d'éthique",
            "Ethics committee",
        ),
    ]
}

/// A kind of meeting the profile adds, with its name and how the texts say it.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct MeetingKind {
    pub key: String,
    pub name: Label,
    #[serde(flatten)]
    pub words: KindWords,
}

/// How a party counts its members.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MembershipModel {
    /// A member lapses when the year's campaign closes without a renewal.
    YearlyRenewal,
    /// A member stays until resigning; yearly dues are tracked separately.
    UntilResignation,
}

/// The level whose membership committee decides applications.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitteeLevel {
    Region,
    Province,
}

impl CommitteeLevel {
    /// How deep its territories lie in a path (the region 1, the province 2).
    pub fn depth(self) -> usize {
        match self {
            CommitteeLevel::Region => 1,
            CommitteeLevel::Province => 2,
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct MembershipRules {
    pub model: MembershipModel,
    pub min_age: u32,
    pub committee_level: CommitteeLevel,
    pub consent_version: String,
    /// How a receipt number is made when the officer leaves it blank: `{body}` (the
    /// campaign's body), `{year}` and `{seq}` (the body's next number that year).
    #[serde(default = "default_receipt_pattern")]
    pub receipt_pattern: String,
}

fn default_receipt_pattern() -> String {
    crate::members::DEFAULT_RECEIPT_PATTERN.to_owned()
}

impl Default for MembershipRules {
    fn default() -> Self {
        MembershipRules {
            model: MembershipModel::YearlyRenewal,
            min_age: 18,
            committee_level: CommitteeLevel::Province,
            consent_version: "1".to_owned(),
            receipt_pattern: default_receipt_pattern(),
        }
    }
}

/// The profile shipped with tanzim.
pub const DEFAULT_PROFILE: &str = include_str!("../../../profiles/default.toml");

#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("profile: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("profile: {0}")]
    Invalid(String),
}

impl Profile {
    pub fn parse(text: &str) -> Result<Profile, ProfileError> {
        let profile: Profile = toml::from_str(text)?;
        profile.check()?;
        Ok(profile)
    }

    pub fn default_profile() -> Result<Profile, ProfileError> {
        Profile::parse(DEFAULT_PROFILE)
    }

    fn check(&self) -> Result<(), ProfileError> {
        let parties = self
            .organizations
            .iter()
            .filter(|o| o.kind == OrganizationKind::Party)
            .count();
        if parties != 1 {
            return Err(ProfileError::Invalid(format!(
                "exactly one organization of kind party is needed, found {parties}"
            )));
        }
        for kind in &self.body_kinds {
            if let Some(o) = kind
                .organizations
                .iter()
                .find(|o| self.organization(o).is_none())
            {
                return Err(ProfileError::Invalid(format!(
                    "body kind {} names unknown organization {o}",
                    kind.key
                )));
            }
        }
        let mut keys: Vec<&str> = self.body_kinds.iter().map(|k| k.key.as_str()).collect();
        keys.sort_unstable();
        if keys.windows(2).any(|w| w[0] == w[1]) {
            return Err(ProfileError::Invalid(
                "body kind keys must be unique".into(),
            ));
        }
        // "More than N % present": 100 or more could never be met.
        if let Some(k) = self.body_kinds.iter().find(|k| k.quorum_percent >= 100) {
            return Err(ProfileError::Invalid(format!(
                "body kind {}: quorum_percent must be below 100",
                k.key
            )));
        }
        if !(1..=100).contains(&self.stats_min_cell) {
            return Err(ProfileError::Invalid(format!(
                "stats_min_cell must be between 1 and 100, not {}",
                self.stats_min_cell
            )));
        }
        // A profile's meeting kind may not shadow one of the product's.
        if let Some(k) = self
            .meeting_kinds
            .iter()
            .find(|k| KINDS.contains(&k.key.as_str()))
        {
            return Err(ProfileError::Invalid(format!(
                "meeting kind {} is already one of the product's",
                k.key
            )));
        }
        if let Some(d) = &self.diaspora {
            d.check().map_err(ProfileError::Invalid)?;
        }
        crate::members::check_receipt_pattern(&self.membership.receipt_pattern)
            .map_err(ProfileError::Invalid)?;
        if let Some(logo) = &self.identity.logo_svg {
            let svg = logo.trim_start();
            if logo.len() > MAX_LOGO_BYTES || !(svg.starts_with("<svg") || svg.starts_with("<?xml"))
            {
                return Err(ProfileError::Invalid(format!(
                    "identity.logo_svg must be an SVG document of at most {MAX_LOGO_BYTES} bytes"
                )));
            }
        }
        Ok(())
    }

    /// The party's full name in a language (its identity's, else its organization's).
    pub fn party_name(&self, lang: &str) -> String {
        match &self.identity.name {
            Some(name) => name.get(lang).to_owned(),
            None => self
                .organizations
                .iter()
                .find(|o| o.kind == OrganizationKind::Party)
                .map(|o| o.name.get(lang).to_owned())
                .unwrap_or_default(),
        }
    }

    /// The party's own organization key.
    pub fn party_key(&self) -> Option<&str> {
        self.organizations
            .iter()
            .find(|o| o.kind == OrganizationKind::Party)
            .map(|o| o.key.as_str())
    }
    /// The affiliate organizations' keys (the party itself is not joined separately).
    pub fn affiliate_keys(&self) -> Vec<&str> {
        self.organizations
            .iter()
            .filter(|o| o.kind == OrganizationKind::Affiliate)
            .map(|o| o.key.as_str())
            .collect()
    }
    pub fn organization(&self, key: &str) -> Option<&Organization> {
        self.organizations.iter().find(|o| o.key == key)
    }

    pub fn committee(&self, key: &str) -> Option<&CommitteeKind> {
        self.committees.iter().find(|c| c.key == key)
    }

    pub fn body_kind(&self, key: &str) -> Option<&BodyKind> {
        self.body_kinds.iter().find(|k| k.key == key)
    }

    /// The kinds of body an organization may create in a territory of one of `levels`
    /// (`None`: the country), in the profile's order, each once; every kind of the
    /// organization when `levels` is empty (no territory chosen yet).
    pub fn kinds_offered(&self, organization: &str, levels: &[Option<Level>]) -> Vec<&BodyKind> {
        self.body_kinds
            .iter()
            .filter(|k| k.organizations.iter().any(|o| o == organization))
            .filter(|k| levels.is_empty() || levels.iter().any(|l| k.level.accepts(*l)))
            .collect()
    }
}

/// Where a body would sit: what the rules need to know about its territory and parent.
pub struct Placement<'a> {
    pub organization: &'a str,
    pub kind: &'a str,
    /// The territory's level and path; `None` for a national body.
    pub territory: Option<(Level, &'a TerritoryPath)>,
    /// The parent body's organization and path, if one was chosen.
    pub parent: Option<(&'a str, &'a TerritoryPath)>,
}

/// Checks a new body against the profile and the tree; returns its jurisdiction path.
pub fn place_body(profile: &Profile, p: &Placement<'_>) -> Result<TerritoryPath, DomainError> {
    if profile.organization(p.organization).is_none() {
        return Err(DomainError::new(
            Field::Organization,
            "organization-unknown",
        ));
    }
    let kind = profile
        .body_kind(p.kind)
        .ok_or(DomainError::new(Field::BodyKind, "body-kind-unknown"))?;
    if !kind.organizations.iter().any(|o| o == p.organization) {
        return Err(DomainError::new(
            Field::BodyKind,
            "body-kind-not-for-organization",
        ));
    }
    if !kind.level.accepts(p.territory.map(|(level, _)| level)) {
        return Err(DomainError::new(Field::Territory, "body-level-mismatch"));
    }
    let path = p
        .territory
        .map(|(_, path)| path.clone())
        .unwrap_or_default();
    if let Some((parent_org, parent_path)) = p.parent {
        if parent_org != p.organization {
            return Err(DomainError::new(Field::Parent, "parent-other-organization"));
        }
        if !parent_path.contains(&path) || parent_path == &path {
            return Err(DomainError::new(Field::Parent, "parent-not-above"));
        }
    }
    Ok(path)
}

/// A body's name: 1 to 200 characters.
pub fn parse_body_name(input: &str) -> Result<String, DomainError> {
    let s = input.trim();
    if s.is_empty() || s.chars().count() > 200 {
        Err(DomainError::new(Field::BodyName, "body-name-invalid"))
    } else {
        Ok(s.to_owned())
    }
}

/// The kinds of meeting every profile has; a profile may name more.
pub const KINDS: [&str; 5] = [
    "organizational",
    "communication",
    "consultative",
    "congress",
    "council_session",
];

/// Attendance of one person at a meeting.
/// How a kind of meeting is said, in Arabic and French: the product's five kinds, or a
/// kind the profile adds with its own words.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct KindWords {
    /// As the object of "chaired": اجتماعا تنظيميا، لقاء تواصليا، ندوة.
    pub ar_object: String,
    /// In the minutes' title and the calendar: اجتماع تنظيمي، لقاء تواصلي.
    pub ar_noun: String,
    /// Once named: الاجتماع، اللقاء، الدورة.
    pub ar_definite: String,
    /// Verbs agree in the feminine with it (الدورة، الندوة).
    #[serde(default)]
    pub feminine: bool,
    /// With its article: une réunion organisationnelle, un congrès.
    pub fr_object: String,
    /// Once named, at the start of a sentence: La réunion, Le congrès.
    pub fr_definite: String,
}

impl KindWords {
    /// The words of one of the product's kinds (`KINDS`); any other key reads as a meeting.
    pub fn builtin(kind: &str) -> KindWords {
        let w = |ar_object: &str,
                 ar_noun: &str,
                 ar_definite: &str,
                 feminine,
                 fr_object: &str,
                 fr_definite: &str| KindWords {
            ar_object: ar_object.to_owned(),
            ar_noun: ar_noun.to_owned(),
            ar_definite: ar_definite.to_owned(),
            feminine,
            fr_object: fr_object.to_owned(),
            fr_definite: fr_definite.to_owned(),
        };
        match kind {
            "organizational" => w(
                "اجتماعا تنظيميا",
                "اجتماع تنظيمي",
                "الاجتماع",
                false,
                "une réunion organisationnelle",
                "La réunion",
            ),
            "communication" => w(
                "لقاء تواصليا",
                "لقاء تواصلي",
                "اللقاء",
                false,
                "une rencontre de communication",
                "La rencontre",
            ),
            "consultative" => w(
                "اجتماعا تشاوريا",
                "اجتماع تشاوري",
                "الاجتماع",
                false,
                "une réunion consultative",
                "La réunion",
            ),
            "congress" => w(
                "مؤتمرا",
                "مؤتمر",
                "المؤتمر",
                false,
                "un congrès",
                "Le congrès",
            ),
            "council_session" => w("دورة", "دورة", "الدورة", true, "une session", "La session"),
            _ => w(
                "اجتماعا",
                "اجتماع",
                "الاجتماع",
                false,
                "une réunion",
                "La réunion",
            ),
        }
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

crate::stored_enum! {
    /// A body is active until it is dissolved.
    pub enum BodyStatus as "body status" {
        Active = "active",
        Dissolved = "dissolved",
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {

    #[test]
    fn the_emblem_must_be_a_bounded_svg() {
        let with_logo = |logo: &str| {
            let mut p = Profile::default_profile().expect("the default profile");
            p.identity.logo_svg = Some(logo.to_owned());
            p.check()
        };
        assert!(with_logo("<svg xmlns=\"http://www.w3.org/2000/svg\"/>").is_ok());
        assert!(with_logo("<html><script>alert(1)</script></html>").is_err());
        assert!(with_logo(&format!("<svg>{}</svg>", "x".repeat(MAX_LOGO_BYTES))).is_err());
        let p = Profile::default_profile().expect("the default profile");
        assert_eq!(p.party_name("ar"), "حزب المثال الديمقراطي");
        assert_eq!(p.party_name("fr"), "Parti Exemple démocratique");
    }

    use super::*;
    use crate::territory::TerritoryCode;

    fn path(codes: &[&str]) -> TerritoryPath {
        codes.iter().fold(TerritoryPath::national(), |p, c| {
            p.child(&TerritoryCode::parse(c).unwrap_or_else(|e| panic!("{e}")))
        })
    }

    #[test]
    fn default_profile_parses() -> Result<(), ProfileError> {
        let p = Profile::default_profile()?;
        assert!(p.body_kind("provincial_secretariat").is_some());
        assert_eq!(
            p.organization("women").map(|o| o.name.get("ar")),
            Some("منظمة النساء")
        );
        assert_eq!(p.stats_min_cell, 5);
        let ten = DEFAULT_PROFILE.replace("stats_min_cell = 5", "stats_min_cell = 10");
        assert_eq!(Profile::parse(&ten)?.stats_min_cell, 10);
        let none = DEFAULT_PROFILE.replace("stats_min_cell = 5", "stats_min_cell = 0");
        assert!(
            Profile::parse(&none).is_err(),
            "the threshold is at least 1"
        );
        Ok(())
    }

    #[test]
    fn another_partys_words_are_configuration() -> Result<(), ProfileError> {
        let text = DEFAULT_PROFILE.replace("الأمانة الجهوية", "الكتابة الجهوية");
        let p = Profile::parse(&text)?;
        assert_eq!(
            p.body_kind("regional_secretariat")
                .map(|k| k.name.get("ar")),
            Some("الكتابة الجهوية")
        );
        assert!(Profile::parse("organizations = []\nbody_kinds = []").is_err());
        // Statutes that could never meet, or a kind of meeting shadowing the product's.
        let impossible =
            DEFAULT_PROFILE.replace("proxies = true\n", "proxies = true\nquorum_percent = 100\n");
        assert!(Profile::parse(&impossible).is_err());
        let shadow = DEFAULT_PROFILE.replace("key = \"seminar\"", "key = \"congress\"");
        assert!(Profile::parse(&shadow).is_err());
        let two_thirds = DEFAULT_PROFILE.replace(
            "weighted_votes = true\n",
            "weighted_votes = true\nquorum_percent = 66\n",
        );
        assert_eq!(
            Profile::parse(&two_thirds)?
                .body_kind("national_council")
                .map(|k| k.quorum_percent),
            Some(66)
        );
        Ok(())
    }

    #[test]
    fn kinds_are_offered_by_organization_and_level() -> Result<(), ProfileError> {
        let p = Profile::default_profile()?;
        let keys = |kinds: Vec<&BodyKind>| kinds.iter().map(|k| k.key.clone()).collect::<Vec<_>>();
        assert_eq!(
            keys(p.kinds_offered("women", &[Some(Level::Province)])),
            ["provincial_office"]
        );
        assert_eq!(
            keys(p.kinds_offered("party", &[Some(Level::Province)])),
            ["provincial_secretariat"]
        );
        assert_eq!(
            keys(p.kinds_offered("party", &[Some(Level::Arrondissement)])),
            ["local_bureau"]
        );
        assert_eq!(
            keys(p.kinds_offered("youth", &[])),
            [
                "national_office",
                "regional_office",
                "provincial_office",
                "local_office"
            ]
        );
        assert_eq!(
            keys(p.kinds_offered("party", &[None])),
            ["political_bureau", "national_council"]
        );
        // A name of a province and of a commune: the kinds of both levels.
        assert_eq!(
            keys(p.kinds_offered("women", &[Some(Level::Province), Some(Level::Commune)])),
            ["provincial_office", "local_office"]
        );
        assert!(p.kinds_offered("nobody", &[]).is_empty());
        assert!(p.body_kinds.iter().all(|k| !k.several_per_territory));
        let several = DEFAULT_PROFILE.replace(
            "key = \"local_bureau\"\n",
            "key = \"local_bureau\"\nseveral_per_territory = true\n",
        );
        assert_eq!(
            Profile::parse(&several)?
                .body_kind("local_bureau")
                .map(|k| k.several_per_territory),
            Some(true)
        );
        Ok(())
    }

    #[test]
    fn bodies_are_placed_by_level_and_parent() -> Result<(), ProfileError> {
        let profile = Profile::default_profile()?;
        let beni_mellal = path(&["05", "05.091"]);
        let region = path(&["05"]);
        let taounate = path(&["03", "03.531"]);
        let ok = Placement {
            organization: "party",
            kind: "provincial_secretariat",
            territory: Some((Level::Province, &beni_mellal)),
            parent: Some(("party", &region)),
        };
        assert_eq!(place_body(&profile, &ok), Ok(beni_mellal.clone()));
        let wrong_level = Placement {
            territory: Some((Level::Region, &region)),
            parent: None,
            ..ok
        };
        assert_eq!(
            place_body(&profile, &wrong_level).map_err(|e| e.code),
            Err("body-level-mismatch")
        );
        let foreign_parent = Placement {
            parent: Some(("party", &taounate)),
            ..ok
        };
        assert_eq!(
            place_body(&profile, &foreign_parent).map_err(|e| e.code),
            Err("parent-not-above")
        );
        let affiliate_parent = Placement {
            parent: Some(("women", &region)),
            ..ok
        };
        assert_eq!(
            place_body(&profile, &affiliate_parent).map_err(|e| e.code),
            Err("parent-other-organization")
        );
        let wrong_org = Placement {
            organization: "women",
            parent: None,
            ..ok
        };
        assert_eq!(
            place_body(&profile, &wrong_org).map_err(|e| e.code),
            Err("body-kind-not-for-organization")
        );
        let national = Placement {
            kind: "political_bureau",
            territory: None,
            parent: None,
            ..ok
        };
        assert_eq!(
            place_body(&profile, &national),
            Ok(TerritoryPath::national())
        );
        Ok(())
    }
}
