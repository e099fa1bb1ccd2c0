//! The communiqué in French, on request: the same public facts as the Arabic one, in the
//! register of the Moroccan French-language press (titles and participles agree with the
//! person; dates read "jeudi 8 décembre 2022"). Names, the agenda and what was said are
//! quoted as they were recorded; the communication officer edits the draft before it goes
//! out.

use crate::meetings::{
    CommuniqueFacts, DecisionKind, Host, MeetingMode, MembersPresent, Named, Said, Sex, Speaker,
    Vote, dashed, numbered,
};
use crate::org::BodyLevel;
use chrono::{Datelike, NaiveDate, Weekday};

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// `jeudi 8 décembre 2022` (le 1er du mois: `dimanche 1er décembre 2024`).
pub fn date_fr(d: NaiveDate) -> String {
    let weekday = match d.weekday() {
        Weekday::Mon => "lundi",
        Weekday::Tue => "mardi",
        Weekday::Wed => "mercredi",
        Weekday::Thu => "jeudi",
        Weekday::Fri => "vendredi",
        Weekday::Sat => "samedi",
        Weekday::Sun => "dimanche",
    };
    let day = match d.day() {
        1 => "1er".to_owned(),
        n => n.to_string(),
    };
    let month = MONTHS_FR
        .get(d.month0() as usize)
        .copied()
        .unwrap_or_default();
    format!("{weekday} {day} {month} {}", d.year())
}

/// The feminine of a French title's word: secrétaire stays, adjoint → adjointe, trésorier →
/// trésorière, inspecteur → inspectrice, rapporteur → rapporteuse, président → présidente.
fn feminine_word(w: &str) -> String {
    let lower = w.to_lowercase();
    if lower.ends_with('e') {
        w.to_owned()
    } else if lower == "rapporteur" {
        format!("{}euse", &w[..w.len() - 3])
    } else if let Some(stem) = w.strip_suffix("teur") {
        format!("{stem}trice")
    } else if let Some(stem) = w.strip_suffix("ier") {
        format!("{stem}ière")
    } else if let Some(stem) = w.strip_suffix("er") {
        format!("{stem}ère")
    } else if lower.ends_with('é')
        || lower.ends_with("ent")
        || lower.ends_with("oint")
        || lower.ends_with("al")
    {
        format!("{w}e")
    } else {
        w.to_owned()
    }
}

fn level_fr(level: BodyLevel) -> &'static str {
    match level {
        BodyLevel::National => "national",
        BodyLevel::Region => "régional",
        BodyLevel::Province => "provincial",
        BodyLevel::Commune => "local",
    }
}

fn ordinal_fr(rank: u8, sex: Sex) -> String {
    match (rank, sex) {
        (1, Sex::M) => "premier".to_owned(),
        (1, Sex::F) => "première".to_owned(),
        (2, _) => "deuxième".to_owned(),
        (3, _) => "troisième".to_owned(),
        (4, _) => "quatrième".to_owned(),
        (5, _) => "cinquième".to_owned(),
        (6, _) => "sixième".to_owned(),
        (7, _) => "septième".to_owned(),
        (8, _) => "huitième".to_owned(),
        (9, _) => "neuvième".to_owned(),
        (n, _) => format!("{n}e"),
    }
}

/// A holder's French title, agreeing with them: secrétaire provincial, secrétaire
/// provinciale, troisième secrétaire adjointe provinciale, trésorière régionale. The first
/// word and an `adjoint` agree; the rest of the profile's name is its complement, and the
/// level then qualifies the complement's noun (présidente du conseil provincial,
/// responsable de la commission provinciale des jeunes).
pub fn title_fr(name_fr: &str, rank: Option<u8>, level: BodyLevel, sex: Sex) -> String {
    let agree = |w: &str| match sex {
        Sex::M => w.to_owned(),
        Sex::F => feminine_word(w),
    };
    let mut words: Vec<String> = Vec::new();
    if let Some(r) = rank {
        words.push(ordinal_fr(r, sex));
    }
    for (i, w) in name_fr.split(' ').enumerate() {
        let w = if i == 0 {
            w.to_lowercase()
        } else {
            w.to_owned()
        };
        words.push(if i == 0 || w == "adjoint" {
            agree(&w)
        } else {
            w
        });
    }
    let level = level_fr(level);
    // "du conseil" (masculine), "de la commission" (feminine): the level follows that noun.
    let complement = words
        .iter()
        .position(|w| w == "du")
        .map(|at| (at + 2, false))
        .or_else(|| {
            words
                .windows(2)
                .position(|p| p[0] == "de" && p[1] == "la")
                .map(|at| (at + 3, true))
        });
    match complement {
        Some((at, feminine)) if at <= words.len() => {
            let adjective = if feminine {
                feminine_word(level)
            } else {
                level.to_owned()
            };
            words.insert(at, adjective);
        }
        _ => words.push(agree(level)),
    }
    words.join(" ")
}

/// M. / Mme.
pub fn honorific_fr(sex: Sex) -> &'static str {
    match sex {
        Sex::M => "M.",
        Sex::F => "Mme",
    }
}

/// "de" before a name: d' before a vowel.
pub fn de(name: &str) -> String {
    let vowel = name
        .chars()
        .next()
        .is_some_and(|c| "AEIOUÉÈaeiouéèH".contains(c));
    if vowel {
        format!("d'{name}")
    } else {
        format!("de {name}")
    }
}

/// "la commission des adhésions", "le comité préparatoire": a committee's French name
/// (from the profile, as `name`) with its article.
pub fn committee_fr(key: &str, name: &str) -> String {
    let name = name.trim();
    if name.is_empty() {
        return format!("la commission {key}");
    }
    let lowered = {
        let mut c = name.chars();
        c.next()
            .map(|f| f.to_lowercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    if lowered.starts_with("comité") || lowered.starts_with("bureau") {
        format!("le {lowered}")
    } else {
        format!("la {lowered}")
    }
}

/// The office elected in French: "secrétaire provincial : M. X ; trésorière : Mme Y".
pub fn office_fr(officers: &[(String, Named)]) -> String {
    officers
        .iter()
        .map(|(title, p)| format!("{title} : {} {}", honorific_fr(p.sex), p.name.trim()))
        .collect::<Vec<_>>()
        .join(" ; ")
}

/// "de la commission", "du comité".
fn of_the(named: &str) -> String {
    match named.strip_prefix("le ") {
        Some(rest) => format!("du {rest}"),
        None => format!("de {named}"),
    }
}

/// A decision in French; `title` is an appointee's French title, or a committee's name.
pub fn decision_fr(
    kind: &DecisionKind,
    title: &str,
    vote: Option<&Vote>,
) -> Result<String, crate::DomainError> {
    let how = match vote {
        None => "par consensus".to_owned(),
        Some(v) if v.unanimous => "à l'unanimité".to_owned(),
        Some(v) => format!(
            "par vote ({} pour, {} contre, {} abstention{})",
            v.votes_for,
            v.against,
            v.abstentions,
            if v.abstentions > 1 { "s" } else { "" }
        ),
    };
    // "1er janvier 2025": the date without its weekday.
    let day = |d: &str| {
        NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .ok()
            .and_then(|d| date_fr(d).split_once(' ').map(|(_, rest)| rest.to_owned()))
            .unwrap_or_else(|| d.to_owned())
    };
    Ok(match kind {
        DecisionKind::Appoint {
            holder_name, sex, ..
        } => {
            let sex = Sex::parse(sex)?;
            let chosen = match sex {
                Sex::M => "désigné",
                Sex::F => "désignée",
            };
            format!(
                "{} {holder_name} est {chosen} {title} {how}",
                honorific_fr(sex)
            )
        }
        // `title` is the office listed (`office_fr`).
        DecisionKind::RenewOffice { .. } => {
            format!("élection du bureau {how}, composé comme suit : {title}")
        }
        DecisionKind::CreateCommittee { committee, members } if members.is_empty() => {
            format!(
                "constitution {} {how}",
                of_the(&committee_fr(committee, title))
            )
        }
        DecisionKind::CreateCommittee { committee, members } => format!(
            "constitution {}, composée de {}, {how}",
            of_the(&committee_fr(committee, title)),
            and_list_fr(members)
        ),
        DecisionKind::Resolution { text } => match vote {
            None => text.clone(),
            Some(_) => format!("{} {how}", text.trim().trim_end_matches(['.', ','])),
        },
        DecisionKind::Constitute => format!("proclamation de la constitution de l'instance {how}"),
        DecisionKind::AdoptProgramme {
            programme_id,
            title,
            starts_on,
            ends_on,
            activities,
        } => format!(
            "adoption du programme d'action « {title} » pour la période du {} au {} ({}) {how}",
            day(starts_on),
            day(ends_on),
            match (programme_id, activities.len()) {
                (None, _) => activities.join(", "),
                (Some(_), 1) => "1 activité".to_owned(),
                (Some(_), n) => format!("{n} activités"),
            }
        ),
        DecisionKind::LaunchCampaign { year, .. } => {
            format!(
                "lancement de la campagne d'adhésion et de renouvellement pour l'année {year} {how}"
            )
        }
    })
}

fn styled(p: &Named) -> String {
    if p.title.trim().is_empty() {
        format!("{} {}", honorific_fr(p.sex), p.name)
    } else {
        format!("{} {}, {}", honorific_fr(p.sex), p.name, p.title)
    }
}

/// A list as French writes it: a, b et c.
fn and_list_fr(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} et {last}", rest.join(", ")),
    }
}

fn names(people: &[Named]) -> String {
    and_list_fr(&people.iter().map(styled).collect::<Vec<_>>())
}

/// " à 10 h", " à 14 h 30".
fn hour_fr(f: &CommuniqueFacts) -> String {
    f.hour
        .as_deref()
        .and_then(|h| chrono::NaiveTime::parse_from_str(h, "%H:%M").ok())
        .map(|t| match chrono::Timelike::minute(&t) {
            0 => format!(" à {} h", chrono::Timelike::hour(&t)),
            m => format!(" à {} h {m:02}", chrono::Timelike::hour(&t)),
        })
        .unwrap_or_default()
}

/// Where and how: " au siège provincial du parti, à Taounate", ", à distance par
/// visioconférence".
fn where_fr(f: &CommuniqueFacts, dateline_given: bool) -> String {
    let p = &f.fr.place;
    let mut s = String::new();
    let venue = p.venue.as_deref().filter(|v| !v.trim().is_empty());
    if f.mode != MeetingMode::Online {
        if let Some(v) = venue {
            s.push_str(&format!(" ({})", v.trim()));
        }
        // The dateline gives the city, unless a venue needs it after it.
        let city = p
            .city
            .as_deref()
            .filter(|_| venue.is_some() || !dateline_given);
        if let Some(c) = city.filter(|c| !c.trim().is_empty()) {
            s.push_str(&format!(" à {}", c.trim()));
        }
        if let Some(c) = p.country.as_deref().filter(|c| !c.trim().is_empty()) {
            s.push_str(&format!(" ({})", c.trim()));
        }
    }
    match f.mode {
        MeetingMode::InPerson => {}
        MeetingMode::Online => s.push_str(", à distance par visioconférence"),
        MeetingMode::Hybrid => s.push_str(", en présentiel et par visioconférence"),
    }
    s
}

fn dateline(f: &CommuniqueFacts) -> Option<&str> {
    f.fr.place
        .city
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
}

fn trimmed(s: &str) -> &str {
    s.trim()
        .trim_end_matches(['.', ',', ';', ':', '،'])
        .trim_end()
}

/// What a speaker said: "Prenant la parole, Mme …, députée, a abordé …".
fn said_fr(s: &Said) -> String {
    let said = trimmed(&s.summary);
    match &s.speaker {
        Speaker::Person(p) => format!("Prenant la parole, {} {} {said}.", styled(p), s.verb.fr()),
        Speaker::Group { name, .. } => format!("{} {} {said}.", name.trim(), s.verb.fr_plural()),
        Speaker::Unknown(name) => {
            format!("L'intervention de {} a porté sur : {said}.", name.trim())
        }
        Speaker::Committee(name) => format!(
            "La commission « {} » a présenté son rapport sur : {said}.",
            name.trim()
        ),
    }
}

/// A headline and a text in French, after the meeting.
pub fn communique_fr(f: &CommuniqueFacts) -> (String, String) {
    let w = &f.fr;
    let (kind, the_meeting) = (&f.kind.fr_object, f.kind.fr_definite.as_str());
    let feminine_meeting = the_meeting.starts_with("La ");
    let (chairs, beside) = w.leads.chairing();
    let body = if dateline(f).is_some() {
        capitalized(&w.body)
    } else {
        lowered(&w.body)
    };
    let held = match chairs {
        [] => format!("{body} a tenu {kind}"),
        _ => {
            // "M. X, secrétaire provincial, a présidé": a title in apposition is closed.
            let comma = if chairs.last().is_some_and(|c| !c.title.trim().is_empty()) {
                ","
            } else {
                ""
            };
            let verb = if chairs.len() > 1 {
                "ont présidé"
            } else {
                "a présidé"
            };
            format!(
                "{}{comma} {verb} {kind} {}",
                names(chairs),
                of_body(&w.body)
            )
        }
    };
    let headline_core = match chairs {
        [one] => format!(
            "{}, {}, préside {kind} {}",
            one.name,
            one.title,
            of_body(&w.body)
        ),
        _ => format!("{} tient {kind}", capitalized(&w.body)),
    }
    .replace(", , ", ", ");
    let headline = match dateline(f) {
        Some(city) => format!("{city} : {headline_core}"),
        None => headline_core,
    };
    let mut opening = match dateline(f) {
        Some(city) => format!("{city}, {}{} – {held}", date_fr(f.date), hour_fr(f)),
        None => format!("Le {}{}, {held}", date_fr(f.date), hour_fr(f)),
    };
    opening.push_str(&where_fr(f, true));
    if !beside.is_empty() {
        opening.push_str(&format!(", aux côtés de {}", names(beside)));
    }
    if let Some(s) = f.slogan.as_deref().map(trimmed).filter(|s| !s.is_empty()) {
        opening.push_str(&format!(", sous le thème « {s} »"));
    }
    let mut text = vec![format!("{opening}.")];
    if let Some((body, day)) = &w.congress {
        text.push(format!(
            "{the_meeting} s'inscrit dans la préparation du congrès {} prévu le {}.",
            of_body(body),
            date_fr(*day)
        ));
    }
    if let Some(g) = f.goals.as_deref().map(trimmed).filter(|g| !g.is_empty()) {
        text.push(format!("{the_meeting} avait pour objectif : {g}."));
    }
    let hosted = if feminine_meeting {
        "a été accueillie"
    } else {
        "a été accueilli"
    };
    let hosts: Vec<String> = w
        .leads
        .hosts
        .iter()
        .map(|h| match h {
            Host::Person(p) => styled(p),
            Host::Organization(o) => o.trim().to_owned(),
        })
        .collect();
    if !hosts.is_empty() {
        text.push(format!(
            "{the_meeting} {hosted} par {}.",
            and_list_fr(&hosts)
        ));
    }
    if !w.leads.framers.is_empty() {
        text.push(format!(
            "{the_meeting} a été animé{} par {}.",
            if feminine_meeting { "e" } else { "" },
            names(&w.leads.framers)
        ));
    }
    if !w.leads.honour_guests.is_empty() {
        text.push(format!(
            "Invité{} d'honneur : {}.",
            if w.leads.honour_guests.len() > 1 {
                "s"
            } else {
                ""
            },
            names(&w.leads.honour_guests)
        ));
    }
    let mut present = Vec::new();
    match f.turnout.members {
        MembersPresent::Unsaid | MembersPresent::Count(0) => {}
        MembersPresent::Count(1) => present.push("un membre de l'instance".to_owned()),
        MembersPresent::Count(n) => present.push(format!("{n} membres de l'instance")),
        MembersPresent::Whole => present.push("l'ensemble des membres de l'instance".to_owned()),
    }
    for g in &f.turnout.groups {
        present.push(match g.count {
            Some(n) => format!("{n} {}", g.label.trim()),
            None => g.label.trim().to_owned(),
        });
    }
    present.extend(f.turnout.guests.iter().cloned());
    if !present.is_empty() {
        let one = present.len() == 1
            && matches!(
                f.turnout.members,
                MembersPresent::Whole | MembersPresent::Count(1)
            );
        let took_part = if one {
            "Y a pris part"
        } else {
            "Y ont pris part"
        };
        text.push(format!("{took_part} {}.", and_list_fr(&present)));
    }
    if !f.agenda.is_empty() {
        text.push(format!(
            "L'ordre du jour comportait les points suivants :\n{}",
            numbered(&f.agenda)
        ));
    }
    text.extend(f.said.iter().map(said_fr));
    if !w.decisions.is_empty() {
        text.push(format!(
            "Au terme des travaux, il a été décidé :\n{}",
            dashed(&w.decisions)
        ));
    }
    text.push(format!(
        "{the_meeting} s'est achevé{} dans un esprit de responsabilité et de mobilisation.",
        if feminine_meeting { "e" } else { "" }
    ));
    (headline, text.join("\n\n"))
}

/// The announcement in French, before the meeting.
pub fn announcement_fr(f: &CommuniqueFacts) -> (String, String) {
    let w = &f.fr;
    let kind = &f.kind.fr_object;
    let body = capitalized(&w.body);
    let mut headline = format!("{body} tiendra {kind} le {}", date_fr(f.date));
    if let Some(city) = dateline(f) {
        headline = format!("{city} : {headline}");
    }
    let mut opening = format!(
        "{body} tiendra {kind} le {}{}{}",
        date_fr(f.date),
        hour_fr(f),
        where_fr(f, false)
    );
    if let Some(s) = f.slogan.as_deref().map(trimmed).filter(|s| !s.is_empty()) {
        opening.push_str(&format!(", sous le thème « {s} »"));
    }
    let mut text = vec![format!("{opening}.")];
    let (chairs, _) = w.leads.chairing();
    if !chairs.is_empty() {
        text.push(format!(
            "{} sera présidé{} par {}.",
            f.kind.fr_definite,
            if f.kind.fr_definite.starts_with("La ") {
                "e"
            } else {
                ""
            },
            names(chairs)
        ));
    }
    if let Some(g) = f.goals.as_deref().map(trimmed).filter(|g| !g.is_empty()) {
        text.push(format!("{} aura pour objectif : {g}.", f.kind.fr_definite));
    }
    if !f.agenda.is_empty() {
        text.push(format!(
            "L'ordre du jour comportera les points suivants :\n{}",
            numbered(&f.agenda)
        ));
    }
    if let Some(who) = f.invited.as_deref().map(trimmed).filter(|s| !s.is_empty()) {
        text.push(format!(
            "À cette occasion, {} invite {who} à y prendre part.",
            lowered(&w.body)
        ));
    }
    (headline, text.join("\n\n"))
}

/// "Secrétariat provincial" at the start of a sentence: "Le Secrétariat provincial".
fn capitalized(body: &str) -> String {
    let o = of_body(body);
    match o.strip_prefix("du ") {
        Some(rest) => format!("Le {rest}"),
        None => format!("L'instance {}", o.trim_start_matches("de l'instance ")),
    }
}

/// "le Secrétariat provincial" inside a sentence.
fn lowered(body: &str) -> String {
    let c = capitalized(body);
    match c.strip_prefix("Le ") {
        Some(rest) => format!("le {rest}"),
        None => format!("l'{}", c.trim_start_matches("L'")),
    }
}

/// "du Secrétariat provincial de Taounate": every body kind of the profile is a masculine
/// noun (bureau, conseil, secrétariat); another is introduced by "de l'instance".
fn of_body(body: &str) -> String {
    let masculine = [
        "Bureau",
        "Conseil",
        "Secrétariat",
        "bureau",
        "conseil",
        "secrétariat",
    ]
    .iter()
    .any(|w| body.starts_with(w));
    if masculine {
        format!("du {body}")
    } else {
        format!("de l'instance {body}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_titles_agree() {
        let p = BodyLevel::Province;
        assert_eq!(
            title_fr("Secrétaire", None, p, Sex::M),
            "secrétaire provincial"
        );
        assert_eq!(
            title_fr("Secrétaire", None, p, Sex::F),
            "secrétaire provinciale"
        );
        assert_eq!(
            title_fr("Secrétaire adjoint", Some(3), p, Sex::F),
            "troisième secrétaire adjointe provinciale"
        );
        assert_eq!(
            title_fr("Trésorier", None, BodyLevel::Region, Sex::F),
            "trésorière régionale"
        );
        assert_eq!(
            title_fr("Président du conseil", None, p, Sex::F),
            "présidente du conseil provincial"
        );
        assert_eq!(
            title_fr("Responsable de la commission des jeunes", None, p, Sex::M),
            "responsable de la commission provinciale des jeunes"
        );
        assert_eq!(
            title_fr("Présidente du pôle des femmes", None, p, Sex::F),
            "présidente du pôle provincial des femmes"
        );
        assert_eq!(
            title_fr("Conseiller", None, p, Sex::F),
            "conseillère provinciale"
        );
        assert_eq!(
            title_fr("Rapporteur", None, p, Sex::F),
            "rapporteuse provinciale"
        );
        assert_eq!(
            title_fr("Inspecteur", None, p, Sex::F),
            "inspectrice provinciale"
        );
    }

    #[test]
    fn french_dates_and_decisions() {
        let d = NaiveDate::from_ymd_opt(2022, 12, 8).unwrap_or_default();
        assert_eq!(date_fr(d), "jeudi 8 décembre 2022");
        let first = NaiveDate::from_ymd_opt(2024, 12, 1).unwrap_or_default();
        assert_eq!(date_fr(first), "dimanche 1er décembre 2024");
        let appoint = DecisionKind::Appoint {
            position: "women_pole_president".into(),
            rank: None,
            holder_name: "Khaira El Hiri".into(),
            sex: "F".into(),
            member_id: None,
        };
        assert_eq!(
            decision_fr(&appoint, "présidente du pôle provincial des femmes", None)
                .ok()
                .as_deref(),
            Some(
                "Mme Khaira El Hiri est désignée présidente du pôle provincial des femmes par consensus"
            )
        );
        let programme = DecisionKind::AdoptProgramme {
            programme_id: None,
            title: "Programme régional".into(),
            starts_on: "2025-01-01".into(),
            ends_on: "2025-06-30".into(),
            activities: vec!["rencontres".into()],
        };
        let one = Vote {
            votes_for: 5,
            against: 0,
            abstentions: 1,
            unanimous: false,
        };
        assert_eq!(
            decision_fr(&programme, "", Some(&one)).ok().as_deref(),
            Some(
                "adoption du programme d'action « Programme régional » pour la période du 1er janvier 2025 au 30 juin 2025 (rencontres) par vote (5 pour, 0 contre, 1 abstention)"
            )
        );
        assert_eq!(de("Oujda"), "d'Oujda");
        assert_eq!(de("Youssoufia"), "de Youssoufia");
        assert_eq!(de("Taounate"), "de Taounate");
    }
}
