//! The communiqué in French, on request: the same public facts as the Arabic one, in the
//! register of the Moroccan French-language press (titles and participles agree with the
//! person; dates read "jeudi 8 décembre 2022"). Names, the agenda and what was said are
//! quoted as they were recorded; the communication officer edits the draft before it goes
//! out.

use crate::meetings::{CommuniqueFacts, DecisionKind, Named, Sex, Vote, dashed, numbered};
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

/// A committee's French name by its key.
pub fn committee_fr(key: &str) -> String {
    match key {
        "membership" => "la commission des adhésions".to_owned(),
        "ethics" => "la commission d'éthique".to_owned(),
        other => format!("la commission {other}"),
    }
}

/// A decision in French; `title` is an appointee's French title.
pub fn decision_fr(
    kind: &DecisionKind,
    title: &str,
    vote: Option<&Vote>,
) -> Result<String, crate::DomainError> {
    let how = match vote {
        None => "par consensus".to_owned(),
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
        DecisionKind::CreateCommittee { committee, members } if members.is_empty() => {
            format!("constitution de {} {how}", committee_fr(committee))
        }
        DecisionKind::CreateCommittee { committee, members } => format!(
            "constitution de {}, composée de {}, {how}",
            committee_fr(committee),
            members.join(", ")
        ),
        DecisionKind::Resolution { text } => text.clone(),
        DecisionKind::Constitute => format!("proclamation de la constitution de l'instance {how}"),
        DecisionKind::AdoptProgramme {
            title,
            starts_on,
            ends_on,
            activities,
        } => format!(
            "adoption du programme d'action « {title} » pour la période du {} au {} ({}) {how}",
            day(starts_on),
            day(ends_on),
            activities.join(", ")
        ),
        DecisionKind::LaunchCampaign { year, .. } => {
            format!(
                "lancement de la campagne d'adhésion et de renouvellement pour l'année {year} {how}"
            )
        }
    })
}

fn styled(p: &Named) -> String {
    format!("{} {}, {}", honorific_fr(p.sex), p.name, p.title)
}

/// A headline and a text in French.
pub fn communique_fr(f: &CommuniqueFacts) -> (String, String) {
    let (kind, the_meeting) = (&f.kind.fr_object, f.kind.fr_definite.as_str());
    let feminine_meeting = the_meeting.starts_with("La ");
    let headline = format!(
        "{} : {}, {}, préside {kind} {}",
        f.fr.city,
        f.fr.chair.name,
        f.fr.chair.title,
        of_body(&f.fr.body)
    );
    let mut opening = format!(
        "{}, {} – {} {}, {}, a présidé {kind} {}",
        f.fr.city,
        date_fr(f.date),
        honorific_fr(f.fr.chair.sex),
        f.fr.chair.name,
        f.fr.chair.title,
        of_body(&f.fr.body)
    );
    if let Some(c) = &f.co_chair {
        opening.push_str(&format!(", aux côtés de {}", styled(c)));
    }
    if let Some(s) = f.slogan.as_deref().filter(|s| !s.trim().is_empty()) {
        opening.push_str(&format!(", sous le thème « {s} »"));
    }
    let mut text = vec![format!("{opening}.")];
    if let Some(g) = f.goals.as_deref().filter(|g| !g.trim().is_empty()) {
        text.push(format!(
            "{the_meeting} avait pour objectif : {}.",
            g.trim().trim_end_matches('.')
        ));
    }
    if let Some(h) = &f.host {
        let hosted = if feminine_meeting {
            "a été accueillie"
        } else {
            "a été accueilli"
        };
        text.push(format!("{the_meeting} {hosted} par {}.", styled(h)));
    }
    let guests = f.guests.join(", ");
    let members = match f.members_present {
        0 => None,
        1 => Some("Un membre de l'instance y a pris part".to_owned()),
        n => Some(format!("{n} membres de l'instance y ont pris part")),
    };
    match (members, guests.is_empty()) {
        (None, true) => {}
        (None, false) => text.push(format!("En présence de {guests}.")),
        (Some(m), true) => text.push(format!("{m}.")),
        (Some(m), false) => text.push(format!("{m}, en présence de {guests}.")),
    }
    if !f.agenda.is_empty() {
        text.push(format!(
            "L'ordre du jour comportait les points suivants :\n{}",
            numbered(&f.agenda)
        ));
    }
    for (speaker, said) in &f.interventions {
        text.push(format!("Prenant la parole, {speaker} a abordé : {said}."));
    }
    if !f.fr.decisions.is_empty() {
        text.push(format!(
            "Au terme des travaux, il a été décidé :\n{}",
            dashed(&f.fr.decisions)
        ));
    }
    text.push(format!(
        "{the_meeting} s'est achevé{} dans un esprit de responsabilité et de mobilisation.",
        if the_meeting == "Le congrès" {
            ""
        } else {
            "e"
        }
    ));
    (headline, text.join("\n\n"))
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
    use crate::meetings::{KindWords, Wording};

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
            title: "Programme régional".into(),
            starts_on: "2025-01-01".into(),
            ends_on: "2025-06-30".into(),
            activities: vec!["rencontres".into()],
        };
        let one = Vote {
            votes_for: 5,
            against: 0,
            abstentions: 1,
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

    #[test]
    fn a_french_communique_reads_right() {
        let fr = Wording {
            body: "Secrétariat provincial de Taounate".into(),
            city: "Taounate".into(),
            chair: Named {
                name: "Mohamed Najjari".into(),
                title: "secrétaire provincial".into(),
                sex: Sex::M,
            },
            decisions: vec!["constitution de la commission d'éthique par consensus".into()],
        };
        let f = CommuniqueFacts {
            ar: fr.clone(),
            fr,
            date: NaiveDate::from_ymd_opt(2022, 12, 8).unwrap_or_default(),
            kind: KindWords::builtin("organizational"),
            slogan: None,
            goals: None,
            co_chair: None,
            host: None,
            members_present: 12,
            guests: vec![],
            agenda: vec!["Bilan".into(), "Méthode".into()],
            interventions: vec![],
        };
        let (headline, text) = communique_fr(&f);
        assert_eq!(
            headline,
            "Taounate : Mohamed Najjari, secrétaire provincial, préside une réunion organisationnelle du Secrétariat provincial de Taounate"
        );
        assert!(text.starts_with("Taounate, jeudi 8 décembre 2022 – M. Mohamed Najjari, secrétaire provincial, a présidé une réunion organisationnelle du Secrétariat provincial de Taounate."), "{text}");
        assert!(
            text.contains("12 membres de l'instance y ont pris part."),
            "{text}"
        );
        assert!(text.contains("1. Bilan\n2. Méthode"), "{text}");
        assert!(
            text.ends_with(
                "La réunion s'est achevée dans un esprit de responsabilité et de mobilisation."
            ),
            "{text}"
        );
    }
}
