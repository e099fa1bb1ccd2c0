//! A held activity's communiqué: sentences written by hand, across bodies of either
//! gender, with and without a place, counts of one, two, a few, many and none.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn forum() -> HeldFacts<'static> {
    HeldFacts {
        body: "الأمانة الجهوية بفاس-مكناس",
        body_feminine: true,
        title: "الملتقى الجهوي للشباب",
        held_on: d("2023-03-18"),
        city: Some("تازة"),
        online: false,
        themes: vec!["الشباب".into(), "الوضع السياسي".into()],
        men: Some(120),
        women: Some(85),
        under35: Some(140),
        speakers: vec!["محمد الحجيرة".into(), "خديجة حجوبي".into()],
        summary: Some("ودعا المشاركون إلى إشراك الشباب في تدبير الشأن المحلي"),
    }
}

#[test]
fn a_regional_forum_reads_as_the_press_writes_it() {
    let (headline, text) = held_communique_ar(&forum());
    assert_eq!(
        headline,
        "تازة: الأمانة الجهوية بفاس-مكناس تنظم «الملتقى الجهوي للشباب»"
    );
    assert_eq!(
        text,
        "تازة، يوم السبت 18 مارس 2023، نظمت الأمانة الجهوية بفاس-مكناس «الملتقى الجهوي للشباب».\n\n\
         وتمحور النشاط حول الشباب والوضع السياسي.\n\n\
         وشارك في النشاط 205 أشخاص، من بينهم 85 امرأة و140 من الشباب دون سن 35.\n\n\
         وأطر النشاط كل من محمد الحجيرة وخديجة حجوبي.\n\n\
         ودعا المشاركون إلى إشراك الشباب في تدبير الشأن المحلي."
    );
}

#[test]
fn the_verb_agrees_with_the_body_and_the_counts_with_their_number() {
    let local = |men: Option<i64>, women: Option<i64>, under35: Option<i64>| HeldFacts {
        body: "المكتب المحلي بتاهلة",
        body_feminine: false,
        title: "لقاء تواصلي مع المنتخبين",
        held_on: d("2023-04-01"),
        city: None,
        online: false,
        themes: vec![],
        men,
        women,
        under35,
        speakers: vec!["عمر حجيرة".into()],
        summary: None,
    };
    let cases = [
        (
            Some(0),
            Some(1),
            None,
            "وشارك في النشاط شخص واحد، من بينهم امرأة واحدة.",
        ),
        (
            Some(1),
            Some(1),
            None,
            "وشارك في النشاط شخصان، من بينهم امرأة واحدة.",
        ),
        (
            Some(3),
            Some(2),
            None,
            "وشارك في النشاط 5 أشخاص، من بينهم امرأتان.",
        ),
        (
            Some(12),
            Some(0),
            Some(4),
            "وشارك في النشاط 12 شخصا، من بينهم 4 من الشباب دون سن 35.",
        ),
        (
            Some(60),
            Some(40),
            None,
            "وشارك في النشاط 100 شخص، من بينهم 40 امرأة.",
        ),
        (
            Some(4),
            Some(3),
            None,
            "وشارك في النشاط 7 أشخاص، من بينهم 3 نساء.",
        ),
        (None, Some(9), None, "وشارك في النشاط 9 نساء."),
    ];
    for (men, women, young, sentence) in cases {
        let (headline, text) = held_communique_ar(&local(men, women, young));
        assert_eq!(
            headline,
            "المكتب المحلي بتاهلة ينظم «لقاء تواصلي مع المنتخبين»"
        );
        let lines: Vec<&str> = text.split("\n\n").collect();
        assert_eq!(
            lines,
            vec![
                "يوم السبت فاتح أبريل 2023، نظم المكتب المحلي بتاهلة «لقاء تواصلي مع المنتخبين».",
                sentence,
                "وأطر النشاط عمر حجيرة.",
            ],
            "{men:?} {women:?} {young:?}"
        );
    }
    // Nothing counted, online: no sentence of turnout, the mode after the title.
    let mut online = local(None, None, None);
    online.online = true;
    let (_, text) = held_communique_ar(&online);
    assert_eq!(
        text,
        "يوم السبت فاتح أبريل 2023، نظم المكتب المحلي بتاهلة «لقاء تواصلي مع المنتخبين»، عن بعد عبر تقنية التناظر المرئي.\n\nوأطر النشاط عمر حجيرة."
    );
}

#[test]
fn in_french_on_request() {
    let mut f = forum();
    f.body = "Le secrétariat régional de Fès-Meknès";
    f.city = Some("Taza");
    f.themes = vec!["Jeunesse".into(), "Situation politique".into()];
    f.speakers = vec!["Mohamed Hjira".into()];
    f.summary = None;
    let (headline, text) = held_communique_fr(&f);
    assert_eq!(
        headline,
        "Taza : Le secrétariat régional de Fès-Meknès organise « الملتقى الجهوي للشباب »"
    );
    assert_eq!(
        text,
        "Le secrétariat régional de Fès-Meknès a organisé, le samedi 18 mars 2023 à Taza, « الملتقى الجهوي للشباب ».\n\n\
         Les travaux ont porté sur : Jeunesse et Situation politique.\n\n\
         L'activité a réuni 205 participants, dont 85 femmes et 140 jeunes de moins de 35 ans.\n\n\
         Intervenants : Mohamed Hjira."
    );
}
