use super::*;
use crate::Field;
use crate::org::MembershipModel::*;
use crate::org::MembershipRules;
use chrono::NaiveDate;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

#[test]
fn cin_is_normalized() {
    assert_eq!(
        Cin::parse(" bk 123456 ").map(|c| c.as_str().to_owned()),
        Ok("BK123456".into())
    );
    assert_eq!(
        Cin::parse("D-98765").map(|c| c.as_str().to_owned()),
        Ok("D98765".into())
    );
    for bad in ["", "123456", "ABC12345", "B12", "BK12345678901", "بك123456"] {
        assert!(Cin::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn phones_become_e164() {
    for ok in [
        "06 12 34 56 78",
        "0612-345678",
        "+212 612345678",
        "00212612345678",
        "212612345678",
        "+212 (0)5 22 00 11 22",
    ] {
        assert!(Phone::parse(ok).is_ok(), "{ok}");
    }
    assert_eq!(
        Phone::parse("0612345678").map(|p| p.as_str().to_owned()),
        Ok("+212612345678".into())
    );
    assert_eq!(
        Phone::parse("07.00.11.22.33").map(|p| p.as_str().to_owned()),
        Ok("+212700112233".into())
    );
    for bad in [
        "",
        "0412345678",
        "061234567",
        "+33612345678",
        "06123456789",
        "phone",
    ] {
        assert!(Phone::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn every_field_is_checked_and_reported_at_once() {
    let rules = MembershipRules::default();
    let today = date("2026-11-23");
    let input = PersonInput {
        first_name_ar: Some("فاطمة".into()),
        sex: "X".into(),
        birth_date: "2010-01-01".into(),
        cin: "12".into(),
        phone: Some("123".into()),
        email: Some("no-at-sign".into()),
        commune: "5.91".into(),
        education: Some("phd".into()),
        ..PersonInput::default()
    };
    let errors = input
        .validate(&rules, &["women"], today)
        .err()
        .unwrap_or_default();
    let codes: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e.field.map(|f| f.as_str()).unwrap_or(""), e.code))
        .collect();
    assert_eq!(
        codes,
        [
            ("last_name_ar", "name-required"),
            ("sex", "sex-invalid"),
            ("birth_date", "too-young"),
            ("cin", "cin-invalid"),
            ("phone", "phone-invalid"),
            ("email", "email-invalid"),
            ("commune", "commune-unknown"),
            ("education", "education-invalid"),
        ]
    );
    let good = PersonInput {
        first_name_lat: Some("Fatima".into()),
        last_name_lat: Some("Zahra".into()),
        sex: "F".into(),
        birth_date: "08/12/1990".into(),
        cin: "ab123456".into(),
        commune: "05.091.01.07".into(),
        affiliations: Some("women, women".into()),
        ..PersonInput::default()
    };
    let person = good
        .validate(&rules, &["women"], today)
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(person.display_name("ar"), "Fatima Zahra");
    assert_eq!(person.affiliations, ["women"]);
    assert_eq!(person.birth_date, date("1990-12-08"));
}

#[test]
fn dates_lie_in_years_a_record_can_hold() {
    let d = |s: &str| {
        parse_date(s, Field::Date)
            .map(|d| d.to_string())
            .map_err(|e| e.code)
    };
    assert_eq!(d("1980-03-12"), Ok("1980-03-12".to_owned()));
    assert_eq!(d("12/03/1980"), Ok("1980-03-12".to_owned()));
    assert_eq!(d("0001-01-01"), Err("date-invalid"));
    assert_eq!(d("-0044-03-15"), Err("date-invalid"));
    assert_eq!(d("9999-12-31"), Err("date-invalid"));
    let rules = MembershipRules::default();
    let birth = NaiveDate::from_ymd_opt(2000, 6, 1).unwrap_or_default();
    let on = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
    assert!(check_joined_on(on(2018, 6, 1), birth, &rules).is_ok());
    assert_eq!(
        check_joined_on(on(2018, 5, 31), birth, &rules).map_err(|e| e.code),
        Err("joined-before-minimum-age")
    );
    let cats = "standard|عادي|100";
    assert!(plan_campaign("2026", "2025-12-01", "2027-03-31", cats).is_ok());
    let off = plan_campaign("2100", "0001-01-01", "9999-12-31", cats);
    assert!(off.is_err_and(|e| e.iter().all(|e| e.code == "date-invalid")));
    let far = plan_campaign("2026", "2024-12-31", "2026-12-31", cats);
    assert!(far.is_err_and(|e| e.iter().any(|e| e.code == "campaign-dates-off-year")));
}

#[test]
fn the_minimum_age_comes_from_the_statutes() {
    let rules = MembershipRules {
        min_age: 16,
        ..MembershipRules::default()
    };
    assert_eq!(age_on(date("2010-11-24"), date("2026-11-23")), 15);
    assert_eq!(age_on(date("2010-11-23"), date("2026-11-23")), 16);
    let input = |b: &str| PersonInput {
        first_name_ar: Some("أ".into()),
        last_name_ar: Some("ب".into()),
        sex: "M".into(),
        birth_date: b.into(),
        cin: "A123".into(),
        commune: "05.091.01.07".into(),
        ..PersonInput::default()
    };
    assert!(
        input("2010-11-23")
            .validate(&rules, &[], date("2026-11-23"))
            .is_ok()
    );
    assert!(
        input("2010-11-24")
            .validate(&rules, &[], date("2026-11-23"))
            .is_err()
    );
}

#[test]
fn every_status_transition() {
    use Event as E;
    use Status as S;
    // (from, event, yearly model, until-resignation model); None: not allowed.
    let table: Vec<(S, E, Option<S>, Option<S>)> = vec![
        (S::Active, E::Renew, Some(S::Active), Some(S::Active)),
        (S::Lapsed, E::Renew, Some(S::Active), Some(S::Active)),
        (S::Active, E::Lapse, Some(S::Lapsed), None),
        (
            S::Active,
            E::Suspend,
            Some(S::Suspended),
            Some(S::Suspended),
        ),
        (S::Lapsed, E::Suspend, None, None),
        (S::Suspended, E::Reinstate, Some(S::Active), Some(S::Active)),
        (S::Active, E::Reinstate, None, None),
        (S::Suspended, E::Expel, Some(S::Expelled), Some(S::Expelled)),
        (S::Active, E::Resign, Some(S::Resigned), Some(S::Resigned)),
        (S::Resigned, E::Readmit, Some(S::Active), Some(S::Active)),
        (S::Expelled, E::Readmit, Some(S::Active), Some(S::Active)),
        (S::Expelled, E::Renew, None, None),
        (S::Resigned, E::Renew, None, None),
        (S::Suspended, E::Renew, None, None),
        (S::Active, E::Decease, Some(S::Deceased), Some(S::Deceased)),
        (S::Deceased, E::Readmit, None, None),
        (S::Deceased, E::Renew, None, None),
        (S::Lapsed, E::Lapse, None, None),
        (S::Active, E::Readmit, None, None),
    ];
    for (from, event, yearly, until) in table {
        assert_eq!(
            transition(from, event, YearlyRenewal).ok(),
            yearly,
            "{from:?} {event:?} yearly"
        );
        assert_eq!(
            transition(from, event, UntilResignation).ok(),
            until,
            "{from:?} {event:?} until resignation"
        );
    }
    // Nothing leaves Deceased.
    for e in Event::ALL {
        assert!(transition(Status::Deceased, e, YearlyRenewal).is_err());
    }
}

#[test]
fn amounts_and_campaigns() {
    assert_eq!(parse_amount("150"), Ok(15000));
    assert_eq!(parse_amount("150,5"), Ok(15050));
    assert_eq!(parse_amount("0.05"), Ok(5));
    for bad in ["", "-1", "1.234", "abc", "1e3", "99999999999999999999"] {
        assert!(parse_amount(bad).is_err(), "{bad}");
    }
    assert_eq!(format_amount(15050), "150.50");
    let plan = plan_campaign(
        "2026",
        "2026-01-15",
        "2026-03-31",
        "standard|عادي|100\nreduced|مخفض (طلبة ومعطلون)|50\nelected|المنتخبون|500",
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(plan.categories.len(), 3);
    assert_eq!(plan.categories[1].amount, 5000);
    let errs = plan_campaign("26", "2026-03-31", "2026-01-15", "a|A|1\na|B|2")
        .err()
        .unwrap_or_default();
    let codes: Vec<&str> = errs.iter().map(|e| e.code).collect();
    assert_eq!(
        codes,
        ["year-invalid", "closes-before-opens", "category-duplicate"]
    );
    assert_eq!(
        plan_campaign("2026", "2026-01-01", "2026-02-01", "")
            .err()
            .map(|e| e[0].code),
        Some("category-required")
    );
}

#[test]
fn the_competent_committee_sits_at_the_profiles_level() {
    use crate::org::CommitteeLevel::{Province, Region};
    use crate::territory::{TerritoryCode, TerritoryPath};
    let path = |codes: &[&str]| {
        codes.iter().fold(TerritoryPath::national(), |p, c| {
            p.child(&TerritoryCode::parse(c).unwrap_or_else(|e| panic!("{e}")))
        })
    };
    let kasba = path(&["05", "05.091", "05.091.01.07"]);
    assert!(competent_committee(
        Province,
        &path(&["05", "05.091"]),
        &kasba
    ));
    assert!(!competent_committee(Province, &path(&["05"]), &kasba));
    assert!(!competent_committee(
        Province,
        &path(&["03", "03.531"]),
        &kasba
    ));
    assert!(!competent_committee(Province, &kasba, &kasba));
    assert!(competent_committee(Region, &path(&["05"]), &kasba));
    assert!(!competent_committee(
        Region,
        &TerritoryPath::national(),
        &kasba
    ));
}

#[test]
fn membership_numbers_are_per_province() {
    assert_eq!(membership_number("05.091", 123), "05091-000123");
}
