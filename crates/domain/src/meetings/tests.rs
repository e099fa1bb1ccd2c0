//! The wording of meetings' texts and the voting rules, pinned.

use super::*;
use crate::org::BodyLevel;

#[test]
fn titles_agree_with_their_holder() {
    let p = BodyLevel::Province;
    assert_eq!(title_ar("الأمين", None, None, p, Sex::M), "الأمين الإقليمي");
    assert_eq!(title_ar("الأمين", None, None, p, Sex::F), "الأمينة الإقليمية");
    assert_eq!(
        title_ar("النائب", Some("للأمين"), Some(3), p, Sex::M),
        "النائب الثالث للأمين الإقليمي"
    );
    assert_eq!(
        title_ar("النائب", Some("للأمين"), Some(5), p, Sex::F),
        "النائبة الخامسة للأمين الإقليمي"
    );
    assert_eq!(
        title_ar("الكاتب", None, None, BodyLevel::Region, Sex::F),
        "الكاتبة الجهوية"
    );
    assert_eq!(
        title_ar("رئيس قطب النساء", None, None, p, Sex::F),
        "رئيسة قطب النساء الإقليمية"
    );
}

#[test]
fn titles_named_through_the_body_keep_the_adjective_on_the_body() {
    let profile = crate::org::Profile::default_profile().unwrap_or_else(|e| panic!("{e}"));
    let position = |key: &str| {
        profile
            .positions
            .iter()
            .find(|p| p.key == key)
            .unwrap_or_else(|| panic!("{key}"))
    };
    let president = position("council_president");
    assert_eq!(
        president.title_ar(None, BodyLevel::Region, Sex::F, "المجلس الجهوي"),
        "رئيسة المجلس الجهوي"
    );
    assert_eq!(
        president.title_ar(None, BodyLevel::National, Sex::M, "المجلس الوطني"),
        "رئيس المجلس الوطني"
    );
    let rapporteur = position("rapporteur");
    assert_eq!(
        rapporteur.title_ar(None, BodyLevel::Province, Sex::M, "الأمانة الإقليمية"),
        "مقرر الأمانة الإقليمية"
    );
    assert_eq!(
        rapporteur.title_ar(None, BodyLevel::Commune, Sex::F, "المكتب المحلي"),
        "مقررة المكتب المحلي"
    );
}

#[test]
fn dates_counts_and_quorum() {
    let d = NaiveDate::from_ymd_opt(2022, 12, 8).unwrap_or_default();
    assert_eq!(date_ar(d), "08 دجنبر 2022");
    assert_eq!(weekday_ar(d), "الخميس");
    assert_eq!(members_count_ar(2), "عضوين");
    assert_eq!(members_count_ar(7), "7 أعضاء");
    assert_eq!(members_count_ar(12), "12 عضوا");
    assert_eq!(members_count_ar(1), "عضو واحد");
    assert_eq!(members_count_ar(100), "100 عضو");
    assert_eq!(members_count_ar(102), "102 عضو");
    assert_eq!(members_count_ar(103), "103 أعضاء");
    assert_eq!(members_count_ar(111), "111 عضوا");
    assert_eq!(members_count_ar(1000), "1000 عضو");
    let first = NaiveDate::from_ymd_opt(2024, 12, 1).unwrap_or_default();
    assert_eq!(date_ar(first), "فاتح دجنبر 2024");
    assert_eq!(li("الأمانة الإقليمية"), "للأمانة الإقليمية");
    assert_eq!(li("مكتب"), "لمكتب");
    assert!(has_quorum(5, 9, 50) && !has_quorum(4, 8, 50) && !has_quorum(0, 0, 50));
    // A two-thirds quorum: 6 of 10 is not enough, 7 of 10 is.
    assert!(has_quorum(7, 10, 66) && !has_quorum(6, 10, 66));
}

#[test]
fn decisions_are_checked() {
    let appoint = |sex: &str| DecisionKind::Appoint {
        position: "women_pole_president".into(),
        rank: None,
        holder_name: "خيرة الهيري".into(),
        sex: sex.into(),
        member_id: None,
    };
    assert!(check_decision(&appoint("F"), None).is_ok());
    assert_eq!(
        check_decision(&appoint("X"), None).map_err(|e| e.code),
        Err("sex-invalid")
    );
    let lost = Vote {
        votes_for: 3,
        against: 3,
        abstentions: 1,
        unanimous: false,
    };
    assert_eq!(
        check_decision(&appoint("F"), Some(&lost)).map_err(|e| e.code),
        Err("vote-not-carried")
    );
}
fn seat<'a>(name: &'a str, presence: Presence) -> Seat<'a> {
    Seat {
        name,
        guest: false,
        presence,
        arrived_at: None,
        left_at: None,
        weight: 1,
        proxy_to: None,
    }
}

#[test]
fn voters_follow_arrivals_departures_proxies_and_weights() {
    let late = Seat {
        arrived_at: Some("11:00"),
        ..seat("late", Presence::Present)
    };
    let early = Seat {
        left_at: Some("12:00"),
        weight: 3,
        ..seat("early", Presence::Present)
    };
    let away = Seat {
        proxy_to: Some("early"),
        ..seat("away", Presence::Excused)
    };
    let guest = Seat {
        guest: true,
        ..seat("guest", Presence::Present)
    };
    let seats = [late, early, away, guest, seat("all day", Presence::Present)];
    let plain = VoteRules::default();
    let at = |t, rules| voters_at(&seats, Some(t), rules);
    assert_eq!(at("10:00", plain).present, ["early", "all day"]);
    assert_eq!(at("11:30", plain).votes, 3);
    assert_eq!(at("12:00", plain).present, ["late", "all day"]);
    let full = VoteRules {
        proxies: true,
        weighted: true,
    };
    // early carries 3 and the proxy of away (weight 1) while in the room.
    let v = at("11:30", full);
    assert_eq!((v.votes, v.proxies.len()), (6, 1));
    // After early left, away's proxy has no one to vote it.
    assert_eq!(at("12:30", full).votes, 2);
    assert_eq!(voters_at(&seats, None, plain).votes, 3);
    let lost = Vote {
        votes_for: 3,
        against: 1,
        abstentions: 0,
        unanimous: false,
    };
    assert!(check_vote_against_voters(&lost, &at("11:30", plain)).is_err());
    assert!(check_vote_against_voters(&lost, &at("11:30", full)).is_ok());
    // Nobody in the room: no vote can be counted.
    assert!(check_vote_against_voters(&lost, &Voters::default()).is_err());
}

#[test]
fn attendance_is_checked_against_the_rules() {
    let code = |seats: &[Seat<'_>], rules| check_attendance(seats, rules).map_err(|e| e.code);
    let full = VoteRules {
        proxies: true,
        weighted: true,
    };
    let proxy = |to| Seat {
        proxy_to: Some(to),
        ..seat("away", Presence::Absent)
    };
    let here = seat("here", Presence::Present);
    assert_eq!(code(&[here.clone(), proxy("here")], full), Ok(()));
    assert_eq!(
        code(&[here.clone(), proxy("here")], VoteRules::default()),
        Err("proxies-not-allowed")
    );
    assert_eq!(
        code(&[here.clone(), proxy("nobody")], full),
        Err("proxy-holder-absent")
    );
    let second = Seat {
        name: "away too",
        ..proxy("here")
    };
    assert_eq!(
        code(&[here.clone(), proxy("here"), second], full),
        Err("proxy-twice")
    );
    let inverted = Seat {
        arrived_at: Some("12:00"),
        left_at: Some("11:00"),
        ..here.clone()
    };
    assert_eq!(code(&[inverted], full), Err("times-inverted"));
    let heavy = Seat { weight: 4, ..here };
    assert_eq!(code(std::slice::from_ref(&heavy), full), Ok(()));
    assert_eq!(
        code(&[heavy], VoteRules::default()),
        Err("weight-not-allowed")
    );
    assert_eq!(parse_time("9:05").as_deref(), Some("09:05"));
    assert_eq!(parse_time("25:00"), None);
}

#[test]
fn a_programme_is_checked_and_worded() {
    let programme = |starts: &str, ends: &str, activities: &[&str]| DecisionKind::AdoptProgramme {
        programme_id: None,
        title: "برنامج العمل الجهوي".into(),
        starts_on: starts.into(),
        ends_on: ends.into(),
        activities: activities.iter().map(|a| a.to_string()).collect(),
    };
    let good = programme(
        "2025-01-01",
        "2025-06-30",
        &["لقاءات تواصلية", "ندوات موضوعاتية"],
    );
    assert!(check_decision(&good, None).is_ok());
    assert_eq!(
        decision_ar(&good, "", None).ok().as_deref(),
        Some(
            "المصادقة بالتوافق على «برنامج العمل الجهوي» للفترة من فاتح يناير 2025 إلى 30 يونيو 2025، ويتضمن لقاءات تواصلية وندوات موضوعاتية"
        )
    );
    let code = |d: &DecisionKind| check_decision(d, None).map_err(|e| e.code);
    assert_eq!(
        code(&programme("2025-06-30", "2025-01-01", &["x"])),
        Err("period-inverted")
    );
    assert_eq!(
        code(&programme("2025-01-01", "2025-06-30", &[" "])),
        Err("text-required")
    );
}

#[test]
fn an_appointment_of_unknown_sex_is_not_worded_as_a_man() {
    let appoint = |sex: &str| DecisionKind::Appoint {
        position: "secretary".into(),
        rank: None,
        holder_name: "خيرة الهيري".into(),
        sex: sex.into(),
        member_id: None,
    };
    assert_eq!(
        decision_ar(&appoint("F"), "الكاتبة الإقليمية", None)
            .ok()
            .as_deref(),
        Some("اختيار السيدة خيرة الهيري الكاتبة الإقليمية بالتوافق")
    );
    assert_eq!(
        decision_ar(&appoint("?"), "الكاتب الإقليمي", None).map_err(|e| e.code),
        Err("sex-invalid")
    );
    assert_eq!(
        crate::meetings_fr::decision_fr(&appoint(""), "", None).map_err(|e| e.code),
        Err("sex-invalid")
    );
}

#[path = "press_tests.rs"]
mod press_tests;
