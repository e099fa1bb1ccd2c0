//! Requests as the minutes say them: sentences written by hand.

use super::*;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

fn words<'a>(
    text: &'a str,
    requested_by: Option<&'a str>,
    body: &'a str,
    body_feminine: bool,
    addressed_to: Option<&'a str>,
    due_on: Option<&str>,
) -> RequestWords<'a> {
    RequestWords {
        text,
        requested_by,
        body,
        body_feminine,
        addressed_to,
        due_on: due_on.map(day),
    }
}

#[test]
fn raised_lines() {
    let cases = [
        (
            words(
                "توفير مقر للفرع",
                None,
                "الكتابة الإقليمية",
                true,
                None,
                None,
            ),
            "توفير مقر للفرع، موجهة إلى الكتابة الإقليمية.",
        ),
        (
            words(
                "توفير مقر للفرع.",
                Some("أعضاء الفرع المحلي"),
                "الكتابة الإقليمية بتاونات",
                true,
                None,
                Some("2026-11-30"),
            ),
            "توفير مقر للفرع، بطلب من أعضاء الفرع المحلي، موجهة إلى الكتابة الإقليمية بتاونات، في أجل أقصاه 30 نونبر 2026.",
        ),
        (
            words(
                "مضاعفة زيارات البرلمانيين للإقليم",
                Some("السيدة فاطمة الزهراء"),
                "المكتب المحلي بغفساي",
                false,
                Some("البرلماني عن الدائرة"),
                None,
            ),
            "مضاعفة زيارات البرلمانيين للإقليم، بطلب من السيدة فاطمة الزهراء، موجهة إلى المكتب المحلي بغفساي في شخص البرلماني عن الدائرة.",
        ),
        (
            words(
                "تنظيم يوم دراسي حول التشغيل",
                None,
                "المكتب المحلي",
                false,
                None,
                Some("2026-12-01"),
            ),
            "تنظيم يوم دراسي حول التشغيل، موجهة إلى المكتب المحلي، في أجل أقصاه فاتح دجنبر 2026.",
        ),
    ];
    for (w, expected) in cases {
        assert_eq!(raised_ar(&w), expected);
    }
}

#[test]
fn answered_lines_agree_with_the_body() {
    let cases = [
        (
            words(
                "توفير مقر للفرع",
                None,
                "الكتابة الإقليمية بتاونات",
                true,
                None,
                None,
            ),
            "2026-10-12",
            "تم تخصيص قاعة بمقر الإقليم.",
            "توفير مقر للفرع: أجابت الكتابة الإقليمية بتاونات بتاريخ 12 أكتوبر 2026: تم تخصيص قاعة بمقر الإقليم.",
        ),
        (
            words(
                "مضاعفة زيارات البرلمانيين للإقليم",
                Some("أعضاء الفرع المحلي"),
                "المكتب المحلي بغفساي",
                false,
                Some("البرلماني عن الدائرة"),
                Some("2026-11-30"),
            ),
            "2026-11-02",
            "ستبرمج زيارة شهرية ابتداء من يناير",
            "مضاعفة زيارات البرلمانيين للإقليم: أجاب المكتب المحلي بغفساي بتاريخ 02 نونبر 2026: ستبرمج زيارة شهرية ابتداء من يناير.",
        ),
    ];
    for (w, on, answer, expected) in cases {
        assert_eq!(answered_ar(&w, day(on), answer), expected);
    }
}

#[test]
fn sections_only_with_lines() {
    assert_eq!(raised_section_ar(&[]), None);
    assert_eq!(answers_section_ar(&[]), None);
    assert_eq!(
        raised_section_ar(&["أ.".to_owned(), "ب.".to_owned()]).as_deref(),
        Some("المطالب المرفوعة:\n- أ.\n- ب.")
    );
    assert_eq!(
        answers_section_ar(&["أ: أجاب المكتب المحلي بتاريخ 12 أكتوبر 2026: نعم.".to_owned()])
            .as_deref(),
        Some("الأجوبة على المطالب السابقة:\n- أ: أجاب المكتب المحلي بتاريخ 12 أكتوبر 2026: نعم.")
    );
}

#[test]
fn checks() {
    let held = day("2026-10-01");
    let refused = |field, code| Err(DomainError::new(field, code));
    assert_eq!(
        check_raised("  ", None, None, None, held),
        refused(Field::RequestText, "request-text-required")
    );
    let long = "م".repeat(TEXT_MAX + 1);
    assert_eq!(
        check_raised(&long, None, None, None, held),
        refused(Field::RequestText, "request-text-too-long")
    );
    let long = "م".repeat(NAME_MAX + 1);
    assert_eq!(
        check_raised("x", Some(&long), None, None, held),
        refused(Field::RequestedBy, "requested-by-too-long")
    );
    assert_eq!(
        check_raised("x", None, None, Some(day("2026-09-30")), held),
        refused(Field::DueOn, "due-before-meeting")
    );
    assert_eq!(
        check_raised(" مقر ", Some(" "), Some(" البرلماني "), Some(held), held),
        Ok(Raised {
            text: "مقر".into(),
            requested_by: None,
            addressed_to: Some("البرلماني".into()),
            due_on: Some(held),
        })
    );
    assert_eq!(
        check_answer(" ", held, held),
        Err(DomainError::new(Field::Answer, "answer-required"))
    );
    assert_eq!(
        check_answer("نعم", day("2026-09-30"), held),
        Err(DomainError::new(Field::AnsweredOn, "answer-before-meeting"))
    );
    assert_eq!(check_answer(" نعم ", held, held), Ok("نعم".to_owned()));
    assert!(overdue(Some(day("2026-10-01")), false, day("2026-10-02")));
    assert!(!overdue(Some(day("2026-10-02")), false, day("2026-10-02")));
    assert!(!overdue(Some(day("2026-10-01")), true, day("2026-10-02")));
    assert!(!overdue(None, false, day("2026-10-02")));
}
