#![allow(clippy::unwrap_used)]
use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn code<T: std::fmt::Debug>(r: Result<T, DomainError>) -> (Option<&'static str>, &'static str) {
    let e = r.unwrap_err();
    (e.field.map(|f| f.as_str()), e.code)
}

fn held(id: i64, kind: &str, from: &str, to: Option<&str>) -> Held {
    Held {
        id,
        kind: kind.into(),
        starts_on: d(from),
        ends_on: to.map(d),
    }
}

/// Article 003: the member of parliament for Béni Mellal province, elected on the local
/// list in the 2021 legislative elections.
fn representative() -> MandateInput {
    MandateInput {
        kind: "representative".into(),
        starts_on: "2021-09-08".into(),
        territory: "05.091".into(),
        list: "local".into(),
        election: "الانتخابات التشريعية 2021".into(),
        ..Default::default()
    }
}

#[test]
fn a_mandate_names_its_seat() {
    let words = MandateVocabulary::default();
    let m = check_mandate(&representative(), &words, &[]).unwrap();
    assert_eq!(
        m,
        CheckedMandate {
            kind: "representative".into(),
            starts_on: d("2021-09-08"),
            ends_on: None,
            territory: Some("05.091".into()),
            list: Some("local".into()),
            body: None,
            rank: None,
            election: Some("الانتخابات التشريعية 2021".into()),
        }
    );
    // A commune's second vice-president, a councillor of the professional college, a
    // chamber's member: each with what its seat needs, nothing else kept.
    let vice = MandateInput {
        kind: "commune_vice_president".into(),
        starts_on: "2021-09-20".into(),
        territory: "05.091.01.07".into(),
        list: "local".into(),
        rank: Some(2),
        ..Default::default()
    };
    let v = check_mandate(&vice, &words, &[]).unwrap();
    assert_eq!(
        (v.rank, v.list, v.territory.as_deref()),
        (Some(2), None, Some("05.091.01.07"))
    );
    let college = MandateInput {
        kind: "councillor".into(),
        starts_on: "2021-10-05".into(),
        body: "الهيئة الناخبة للغرف المهنية".into(),
        territory: "03".into(),
        ..Default::default()
    };
    let c = check_mandate(&college, &words, &[]).unwrap();
    assert_eq!(
        (c.body.as_deref(), c.territory),
        (Some("الهيئة الناخبة للغرف المهنية"), None)
    );
}

#[test]
fn bad_mandates_are_refused_with_their_field() {
    let words = MandateVocabulary::default();
    let with = |f: &dyn Fn(&mut MandateInput)| {
        let mut m = representative();
        f(&mut m);
        check_mandate(&m, &words, &[])
    };
    assert_eq!(
        code(with(&|m| m.kind = "mayor".into())),
        (Some("kind"), "mandate-kind-unknown")
    );
    assert_eq!(
        code(with(&|m| m.starts_on = "8 septembre".into())),
        (Some("starts_on"), "date-invalid")
    );
    assert_eq!(
        code(with(&|m| m.ends_on = "2021-09-07".into())),
        (Some("ends_on"), "mandate-ends-before-start")
    );
    assert_eq!(
        code(with(&|m| m.territory = " ".into())),
        (Some("territory"), "mandate-territory-required")
    );
    assert_eq!(
        code(with(&|m| m.list = "national".into())),
        (Some("list"), "mandate-list-invalid")
    );
    assert_eq!(
        code(with(&|m| {
            m.kind = "chamber_member".into();
            m.territory = String::new();
        })),
        (Some("body"), "mandate-body-required")
    );
    assert_eq!(
        code(with(&|m| {
            m.kind = "commune_vice_president".into();
            m.rank = Some(0);
        })),
        (Some("rank"), "mandate-rank-invalid")
    );
    // An end on the day it started is a mandate of one day, not an error.
    assert!(with(&|m| m.ends_on = "2021-09-08".into()).is_ok());
}

#[test]
fn one_seat_of_a_kind_at_a_time() {
    let words = MandateVocabulary::default();
    let on_record = [held(1, "representative", "2016-10-07", Some("2021-09-07"))];
    // The next legislature follows the last: no overlap.
    assert!(check_mandate(&representative(), &words, &on_record).is_ok());
    let running = [held(1, "representative", "2016-10-07", None)];
    assert_eq!(
        code(check_mandate(&representative(), &words, &running)),
        (Some("kind"), "mandate-already-held")
    );
    // A chamber's member may sit in two chambers.
    let chamber = MandateInput {
        kind: "chamber_member".into(),
        starts_on: "2021-08-06".into(),
        body: "غرفة الفلاحة".into(),
        ..Default::default()
    };
    assert!(
        check_mandate(
            &chamber,
            &words,
            &[held(2, "chamber_member", "2021-08-06", None)]
        )
        .is_ok()
    );
}

#[test]
fn accumulations_the_law_forbids_are_flagged() {
    let words = MandateVocabulary::default();
    // A commune president who became the region's president while still presiding.
    let both = [
        held(7, "commune_president", "2021-09-20", None),
        held(3, "region_president", "2021-09-21", None),
        held(9, "commune_member", "2021-09-20", None),
    ];
    assert_eq!(incompatibilities(&both, &words), vec![(3, 7)]);
    // Once the commune's presidency ended the day before, nothing.
    let after = [
        held(7, "commune_president", "2015-09-14", Some("2021-09-20")),
        held(3, "region_president", "2021-09-21", None),
    ];
    assert_eq!(incompatibilities(&after, &words), Vec::<(i64, i64)>::new());
    // A representative and a councillor at once, and a regional president too.
    let three = [
        held(1, "representative", "2021-09-08", None),
        held(2, "councillor", "2021-10-05", None),
        held(4, "region_president", "2021-09-21", None),
    ];
    assert_eq!(incompatibilities(&three, &words), vec![(1, 2), (1, 4)]);
}

#[test]
fn a_mandate_ends_once_for_a_reason() {
    let running = held(1, "commune_president", "2021-09-20", None);
    assert_eq!(
        check_end(&running, "2023-05-02", "resignation"),
        Ok((d("2023-05-02"), Ending::Resignation))
    );
    assert_eq!(
        code(check_end(&running, "2021-09-19", "term")),
        (Some("ends_on"), "mandate-ends-before-start")
    );
    assert_eq!(
        code(check_end(&running, "2023-05-02", "left")),
        (Some("ending"), "mandate-ending-invalid")
    );
    let ended = held(1, "commune_president", "2015-09-14", Some("2021-09-07"));
    assert_eq!(
        code(check_end(&ended, "2021-09-08", "term")),
        (Some("ends_on"), "mandate-already-ended")
    );
}

#[test]
fn a_profile_names_its_own_mandates_and_rules() {
    let text = format!(
        "{}\n{}",
        crate::org::DEFAULT_PROFILE,
        r#"
[mandates]
incompatible = [["mayor", "deputy"]]

[[mandates.kinds]]
key = "mayor"
seat = "commune"
single = true
name = { ar = "رئيس المجلس البلدي", fr = "Maire", en = "Mayor" }

[[mandates.kinds]]
key = "deputy"
seat = "constituency"
single = true
name = { ar = "نائب برلماني", fr = "Député", en = "Deputy" }
"#
    );
    let p = crate::org::Profile::parse(&text).unwrap();
    assert_eq!(
        p.mandates
            .kinds
            .iter()
            .map(|k| k.key.as_str())
            .collect::<Vec<_>>(),
        vec!["mayor", "deputy"]
    );
    let both = [
        held(1, "mayor", "2021-09-20", None),
        held(2, "deputy", "2021-09-08", None),
    ];
    assert_eq!(incompatibilities(&both, &p.mandates), vec![(1, 2)]);
    // Without the section, the country's kinds.
    let plain = crate::org::Profile::default_profile().unwrap();
    assert_eq!(plain.mandates.kinds.len(), 10);
}
