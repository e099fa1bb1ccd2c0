//! Periods, overlap, due days, the course of a report and its Arabic wording, each
//! expected value written by hand.

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn an_affiliates_body_counts_its_own_members() {
    assert_eq!(counted_organization("women", Some("party")), Some("women"));
    assert_eq!(counted_organization("youth", Some("party")), Some("youth"));
    assert_eq!(counted_organization("party", Some("party")), None);
}

#[test]
fn quarters_years_and_free_periods() {
    let q1 = period(ReportKind::Quarterly, Some(2023), Some(1), None, None).unwrap();
    assert_eq!(
        (q1.starts_on, q1.ends_on),
        (d("2023-01-01"), d("2023-03-31"))
    );
    let q4 = period(ReportKind::Quarterly, Some(2024), Some(4), None, None).unwrap();
    assert_eq!(
        (q4.starts_on, q4.ends_on),
        (d("2024-10-01"), d("2024-12-31"))
    );
    let y = period(ReportKind::Yearly, Some(2023), None, None, None).unwrap();
    assert_eq!((y.starts_on, y.ends_on), (d("2023-01-01"), d("2023-12-31")));
    let m = period(
        ReportKind::Meeting,
        None,
        None,
        Some(d("2022-10-01")),
        Some(d("2023-01-14")),
    )
    .unwrap();
    assert_eq!((m.starts_on, m.ends_on), (d("2022-10-01"), d("2023-01-14")));
    let code = |r: Result<Period, DomainError>| {
        let e = r.unwrap_err();
        (e.field.unwrap().as_str(), e.code)
    };
    assert_eq!(
        code(period(
            ReportKind::Meeting,
            None,
            None,
            Some(d("2023-01-14")),
            Some(d("2023-01-13"))
        )),
        ("ends_on", "report-end-before-start")
    );
    assert_eq!(
        code(period(
            ReportKind::Quarterly,
            Some(2023),
            Some(5),
            None,
            None
        )),
        ("quarter", "report-quarter-invalid")
    );
    assert_eq!(
        code(period(ReportKind::Yearly, None, None, None, None)),
        ("year", "report-year-required")
    );
}

#[test]
fn a_period_overlapping_one_filed_is_refused() {
    let q1 = period(ReportKind::Quarterly, Some(2023), Some(1), None, None).unwrap();
    let filed = [(d("2022-10-01"), d("2022-12-31"))];
    assert!(check_no_overlap(&q1, &filed).is_ok());
    let filed = [(d("2023-03-31"), d("2023-06-30"))];
    let e = check_no_overlap(&q1, &filed).unwrap_err();
    assert_eq!(
        (e.field.unwrap().as_str(), e.code),
        ("starts_on", "report-period-overlaps")
    );
}

#[test]
fn due_days_and_lateness() {
    let rules = ReportRules::default();
    assert_eq!(
        due_on(ReportKind::Quarterly, d("2023-03-31"), &rules),
        d("2023-04-30")
    );
    assert_eq!(
        due_on(ReportKind::Meeting, d("2023-01-14"), &rules),
        d("2023-01-14")
    );
    assert!(late(None, d("2023-04-30"), d("2023-05-01")));
    assert!(!late(None, d("2023-04-30"), d("2023-04-30")));
    assert!(late(
        Some(ReportStatus::Returned),
        d("2023-04-30"),
        d("2023-05-01")
    ));
    assert!(!late(
        Some(ReportStatus::Submitted),
        d("2023-04-30"),
        d("2023-05-01")
    ));
    let [q, y] = expected(d("2023-05-10"));
    assert_eq!((q.starts_on, q.ends_on), (d("2023-01-01"), d("2023-03-31")));
    assert_eq!((y.starts_on, y.ends_on), (d("2022-01-01"), d("2022-12-31")));
    let [q, _] = expected(d("2023-02-01"));
    assert_eq!((q.starts_on, q.ends_on), (d("2022-10-01"), d("2022-12-31")));
}

#[test]
fn the_course_of_a_report() {
    use ReportStatus::*;
    assert_eq!(step(Draft, Step::Submit), Ok(Submitted));
    assert_eq!(step(Submitted, Step::Submit), Err("report-submitted"));
    assert_eq!(step(Submitted, Step::Edit), Err("report-submitted"));
    assert_eq!(step(Draft, Step::Acknowledge), Err("report-not-submitted"));
    assert_eq!(step(Submitted, Step::Return), Ok(Returned));
    assert_eq!(step(Returned, Step::Edit), Ok(Returned));
    assert_eq!(step(Returned, Step::Submit), Ok(Submitted));
    assert_eq!(
        step(Acknowledged, Step::Return),
        Err("report-not-submitted")
    );
    assert_eq!(
        check_comment("  ").unwrap_err().code,
        "report-comment-required"
    );
}

#[test]
fn shares_and_expected_meetings() {
    assert_eq!(share(3, 8), Some(37.5));
    assert_eq!(share(1, 3), Some(33.3));
    assert_eq!(share(0, 0), None);
    let q1 = period(ReportKind::Quarterly, Some(2023), Some(1), None, None).unwrap();
    // 12 a year over 90 days: 2.96, three meetings.
    assert_eq!(meetings_expected(12, &q1), 3);
    let y = period(ReportKind::Yearly, Some(2023), None, None, None).unwrap();
    assert_eq!(meetings_expected(4, &y), 4);
}

#[test]
fn the_arabic_names_a_report_and_its_period() {
    let q1 = period(ReportKind::Quarterly, Some(2023), Some(1), None, None).unwrap();
    assert_eq!(
        title_ar("الأمانة الإقليمية بتازة", &q1),
        "تقرير الأمانة الإقليمية بتازة عن الفصل الأول من سنة 2023"
    );
    let q3 = period(ReportKind::Quarterly, Some(2023), Some(3), None, None).unwrap();
    assert_eq!(period_ar(&q3), "عن الفصل الثالث من سنة 2023");
    let y = period(ReportKind::Yearly, Some(2022), None, None, None).unwrap();
    assert_eq!(period_ar(&y), "عن سنة 2022");
    let m = period(
        ReportKind::Meeting,
        None,
        None,
        Some(d("2022-10-01")),
        Some(d("2023-01-14")),
    )
    .unwrap();
    assert_eq!(
        period_ar(&m),
        "عن الفترة من فاتح أكتوبر 2022 إلى 14 يناير 2023"
    );
    assert_eq!(
        heard_ar("الأمانة الإقليمية بتازة", true, &q1, Some(d("2023-04-05"))),
        "الاستماع إلى تقرير الأمانة الإقليمية بتازة عن الفصل الأول من سنة 2023، الذي رفعته بتاريخ 05 أبريل 2023."
    );
    assert_eq!(
        heard_ar("المكتب المحلي بصفرو", false, &q1, Some(d("2023-04-05"))),
        "الاستماع إلى تقرير المكتب المحلي بصفرو عن الفصل الأول من سنة 2023، الذي رفعه بتاريخ 05 أبريل 2023."
    );
    assert_eq!(
        heard_ar("الأمانة الإقليمية بصفرو", true, &m, None),
        "الاستماع إلى تقرير الأمانة الإقليمية بصفرو عن الفترة من فاتح أكتوبر 2022 إلى 14 يناير 2023."
    );
    assert_eq!(heard_section_ar(&[]), None);
    assert_eq!(
        heard_section_ar(&["أ.".to_owned(), "ب.".to_owned()]).unwrap(),
        "التقارير المستمع إليها:\n- أ.\n- ب."
    );
}
