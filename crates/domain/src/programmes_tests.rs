#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn year_2023() -> Span {
    Span {
        starts_on: d("2023-01-01"),
        ends_on: d("2023-12-31"),
    }
}

fn forum(when: &str) -> ActivityInput {
    ActivityInput {
        title: "الملتقى الجهوي للشباب".into(),
        kind: "forum".into(),
        themes: vec!["youth".into(), "media".into(), "youth".into()],
        audience: "youth".into(),
        when: when.into(),
        guests: "- عمر حجيرة\n\n• خديجة حجوبي".into(),
        budget: Some("15000,50".into()),
        ..Default::default()
    }
}

fn code(r: Result<impl std::fmt::Debug, DomainError>) -> (Option<&'static str>, &'static str) {
    let e = r.unwrap_err();
    (e.field.map(Field::as_str), e.code)
}

#[test]
fn a_day_a_week_or_a_month() {
    let span = |s: &str| parse_when(s, Field::When).map(|p| (p.starts_on, p.ends_on));
    assert_eq!(span("2023-03-18"), Ok((d("2023-03-18"), d("2023-03-18"))));
    assert_eq!(span("18/03/2023"), Ok((d("2023-03-18"), d("2023-03-18"))));
    // ISO week 11 of 2023 runs from Monday 13 to Sunday 19 March.
    assert_eq!(span("2023-W11"), Ok((d("2023-03-13"), d("2023-03-19"))));
    assert_eq!(span("2024-02"), Ok((d("2024-02-01"), d("2024-02-29"))));
    assert_eq!(
        code(span("2023-13")),
        (Some("when"), "activity-when-invalid")
    );
    assert_eq!(
        code(span("2023-W60")),
        (Some("when"), "activity-when-invalid")
    );
    assert_eq!(code(span("mars")), (Some("when"), "activity-when-invalid"));
    assert_eq!(
        parse_when("2023-W11", Field::When).unwrap().typed(),
        "2023-W11"
    );
    assert_eq!(
        parse_when("2023-02", Field::When).unwrap().typed(),
        "2023-02"
    );
    assert_eq!(
        parse_when("18/03/2023", Field::When).unwrap().typed(),
        "2023-03-18"
    );
}

#[test]
fn an_activity_is_checked_against_its_programme_and_the_vocabulary() {
    let words = ActivityVocabulary::default();
    let a = check_activity(&forum("2023-03-18"), &year_2023(), &words).unwrap();
    assert_eq!(a.themes, vec!["youth".to_owned(), "media".to_owned()]);
    assert_eq!(a.themes_stored(), ",youth,media,");
    assert_eq!(
        a.guests,
        vec!["عمر حجيرة".to_owned(), "خديجة حجوبي".to_owned()]
    );
    assert_eq!(a.budget_centimes, Some(1_500_050));

    let with = |f: &dyn Fn(&mut ActivityInput)| {
        let mut i = forum("2023-03-18");
        f(&mut i);
        check_activity(&i, &year_2023(), &words)
    };
    assert_eq!(
        code(with(&|i| i.when = "2024-01-10".into())),
        (Some("when"), "activity-outside-programme")
    );
    // A month that runs past the programme's end is outside it too.
    let autumn = Span {
        starts_on: d("2023-01-01"),
        ends_on: d("2023-03-15"),
    };
    assert_eq!(
        code(check_activity(&forum("2023-03"), &autumn, &words)),
        (Some("when"), "activity-outside-programme")
    );
    assert_eq!(
        code(with(&|i| i.budget = Some("0".into()))),
        (Some("budget"), "activity-budget-invalid")
    );
    assert_eq!(
        code(with(&|i| i.budget = Some("-300".into()))),
        (Some("budget"), "activity-budget-invalid")
    );
    assert_eq!(
        code(with(&|i| i.budget = Some("ألف".into()))),
        (Some("budget"), "activity-budget-invalid")
    );
    assert_eq!(
        with(&|i| i.budget = Some("  ".into()))
            .unwrap()
            .budget_centimes,
        None
    );
    assert_eq!(
        code(with(&|i| i.kind = "party".into())),
        (Some("kind"), "activity-kind-unknown")
    );
    assert_eq!(
        code(with(&|i| i.themes = vec!["sport".into()])),
        (Some("themes"), "activity-theme-unknown")
    );
    assert_eq!(
        code(with(&|i| i.audience = String::new())),
        (Some("audience"), "activity-audience-unknown")
    );
    assert_eq!(
        code(with(&|i| i.title = "  ".into())),
        (Some("title"), "activity-title-required")
    );
}

#[test]
fn a_programme_has_a_title_and_a_period_of_at_most_two_years() {
    assert_eq!(
        check_programme(" برنامج 2023 ", "2023-01-01", "2023-12-31"),
        Ok(("برنامج 2023".to_owned(), year_2023()))
    );
    assert_eq!(
        code(check_programme("x", "2023-12-31", "2023-01-01")),
        (Some("ends_on"), "programme-ends-before-start")
    );
    assert_eq!(
        code(check_programme("x", "2023-01-01", "2026-01-01")),
        (Some("ends_on"), "programme-too-long")
    );
    assert_eq!(
        code(check_programme("", "2023-01-01", "2023-12-31")),
        (Some("title"), "programme-title-required")
    );
    assert_eq!(
        code(check_programme("x", "2023-02-30", "2023-12-31")),
        (Some("starts_on"), "date-invalid")
    );
}

#[test]
fn held_postponed_and_cancelled() {
    let today = d("2023-03-20");
    let held = |men: i64, women: i64, young: i64, on: &str| {
        check_held(
            ActivityStatus::Scheduled,
            &HeldInput {
                held_on: on.into(),
                attended_men: Some(men),
                attended_women: Some(women),
                attended_under35: Some(young),
                speakers: "محمد الحجيرة".into(),
                attendees: "خديجة حجوبي\n\n  محمد الحجيرة \n".into(),
                summary: " ".into(),
            },
            today,
        )
    };
    let h = held(40, 25, 30, "2023-03-18").unwrap();
    assert_eq!(
        (h.held_on, h.summary, h.speakers.len()),
        (d("2023-03-18"), None, 1)
    );
    assert_eq!(h.attendees, vec!["خديجة حجوبي", "محمد الحجيرة"]);
    let crowd = |n: usize| HeldInput {
        held_on: "2023-03-18".into(),
        attendees: (1..=n).map(|i| format!("عضو {i}\n")).collect(),
        ..Default::default()
    };
    assert_eq!(
        check_held(ActivityStatus::Scheduled, &crowd(3_000), today).map(|h| h.attendees.len()),
        Ok(3_000)
    );
    assert_eq!(
        code(check_held(ActivityStatus::Scheduled, &crowd(3_001), today)),
        (Some("attendees"), "activity-attendees-too-many")
    );
    assert_eq!(
        code(held(40, 25, 30, "2023-03-21")),
        (Some("held_on"), "activity-held-in-future")
    );
    assert_eq!(
        code(held(10, 5, 16, "2023-03-18")),
        (Some("attendance"), "activity-under35-exceeds")
    );
    assert_eq!(
        code(held(-1, 5, 0, "2023-03-18")),
        (Some("attendance"), "activity-count-invalid")
    );
    assert_eq!(
        code(check_held(
            ActivityStatus::Cancelled,
            &HeldInput {
                held_on: "2023-03-18".into(),
                ..Default::default()
            },
            today
        )),
        (Some("status"), "activity-closed")
    );

    let march = parse_when("2023-03", Field::When).unwrap();
    assert_eq!(
        check_postpone(ActivityStatus::Planned, &march, "2023-04-08", &year_2023())
            .map(|s| s.typed()),
        Ok("2023-04-08".to_owned())
    );
    assert_eq!(
        code(check_postpone(
            ActivityStatus::Planned,
            &march,
            "2023-03",
            &year_2023()
        )),
        (Some("when"), "activity-postpone-same-date")
    );
    assert_eq!(
        code(check_postpone(
            ActivityStatus::Planned,
            &march,
            "2024-01-08",
            &year_2023()
        )),
        (Some("when"), "activity-outside-programme")
    );
    assert_eq!(
        code(check_postpone(
            ActivityStatus::Held,
            &march,
            "2023-04-08",
            &year_2023()
        )),
        (Some("status"), "activity-closed")
    );
    assert_eq!(
        code(check_reason("   ")),
        (Some("reason"), "activity-reason-required")
    );
}

fn placed(
    id: i64,
    day: &str,
    body: Option<&str>,
    commune: Option<&str>,
    guests: &[&str],
) -> Placed {
    let span = parse_when(day, Field::When).unwrap();
    Placed {
        id,
        status: ActivityStatus::Scheduled,
        span,
        body_territory: body.map(str::to_owned),
        commune: commune.map(str::to_owned),
        guests: guests.iter().map(|g| g.to_string()).collect(),
    }
}

#[test]
fn clashes_in_a_province_of_a_guest_and_outside_a_body_s_territory() {
    // Taza province is 05.231 (region 05 here), Sefrou 05.311; Fès-Meknès is the region.
    let items = vec![
        // Two activities in Taza on 18 March: one of the province, one of the region placed in a Taza commune.
        placed(1, "2023-03-18", Some("05.231"), None, &["عمر حجيرة"]),
        placed(2, "2023-03-18", Some("05"), Some("05.231.01.03"), &[]),
        // The same guest (typed with two spaces) in Sefrou the same day.
        placed(
            3,
            "2023-03-18",
            Some("05.311"),
            Some("05.311.01.01"),
            &["عمر  حجيرة"],
        ),
        // A month-long activity in Taza does not clash with the day.
        placed(4, "2023-03", Some("05.231"), None, &["عمر حجيرة"]),
        // Sefrou's body placing an activity in Taza.
        placed(5, "2023-04-01", Some("05.311"), Some("05.231.01.03"), &[]),
        // A national body without a commune is in no province.
        placed(6, "2023-03-18", None, None, &[]),
    ];
    let mut cancelled = placed(7, "2023-03-18", Some("05.231"), None, &[]);
    cancelled.status = ActivityStatus::Cancelled;
    let mut all = items.clone();
    all.push(cancelled);
    assert_eq!(
        clashes(&all),
        vec![
            Clash::OutsideJurisdiction { activity: 5 },
            Clash::SameDay {
                day: d("2023-03-18"),
                province: "05.231".into(),
                activities: vec![1, 2]
            },
            Clash::Guest {
                day: d("2023-03-18"),
                guest: "عمر حجيرة".into(),
                activities: vec![1, 3]
            },
        ]
    );
    assert_eq!(clashes(&items[3..4]), vec![]);
}
