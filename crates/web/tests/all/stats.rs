//! Statistics protect small groups from those who may see only counts: no count under the
//! profile's threshold (5), every other count rounded to a multiple of it, shares from the
//! rounded counts. Officers of the territory keep exact figures.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Engine};
use serde_json::{Value, json};
use tanzim_domain::accounts::Role;

const KASBA_TADLA: &str = "05.091.01.07";
const BENI_MELLAL_CITY: &str = "05.091.01.01";

/// Members of the province of Béni Mellal: in Kasba Tadla 7 active women born in 1980, 2
/// active men born in 2000 and one woman born in 1950 who resigned; in the city of Béni
/// Mellal 12 active men born in 2000 and 3 active women born in 1950.
async fn province(api: &Api) {
    let groups = [
        (KASBA_TADLA, "F", "1980-03-01", 7, false),
        (KASBA_TADLA, "M", "2000-05-05", 2, false),
        (KASBA_TADLA, "F", "1950-01-01", 1, true),
        (BENI_MELLAL_CITY, "M", "2000-05-05", 12, false),
        (BENI_MELLAL_CITY, "F", "1950-01-01", 3, false),
    ];
    let mut n = 0;
    for (commune, sex, born, count, resigns) in groups {
        for _ in 0..count {
            n += 1;
            let mut person = common::person(&format!("K{n:06}"), commune);
            person["sex"] = json!(sex);
            person["birth_date"] = json!(born);
            let (s, member) = api.send("POST", "/api/v1/members", person).await;
            assert_eq!(s, 201, "{member}");
            if resigns {
                let (s, r) = api
                    .send(
                        "POST",
                        &format!("/api/v1/members/{}/status", member["id"]),
                        json!({"event": "resign", "reason": "letter"}),
                    )
                    .await;
                assert_eq!(s, 200, "{r}");
            }
        }
    }
}

fn pairs(v: &Value) -> Vec<(String, Option<i64>)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_str().unwrap().to_owned(), p[1].as_i64()))
        .collect()
}

fn named(expected: &[(&str, Option<i64>)]) -> Vec<(String, Option<i64>)> {
    expected
        .iter()
        .map(|(k, n)| ((*k).to_owned(), *n))
        .collect()
}

fn child<'a>(stats: &'a Value, code: &str) -> &'a Value {
    stats["children"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == code)
        .unwrap()
}

/// The headline figures of a breakdown: total, active, lapsed, women, under 35, shares.
fn headline(b: &Value) -> [Value; 7] {
    [
        b["total"].clone(),
        b["active"].clone(),
        b["lapsed"].clone(),
        b["active_women"].clone(),
        b["active_under_35"].clone(),
        b["women_share"].clone(),
        b["under_35_share"].clone(),
    ]
}

async fn analysts_see_no_small_group(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(admin).await);
    province(&api).await;
    let analyst = app.user("analyst", &[(Role::Analyst, None, None)]).await;
    let (s, stats) = Api::new(&app, app.token(analyst).await)
        .get("/api/v1/stats/members?territory=05.091")
        .await;
    assert_eq!(s, 200, "{stats}");
    assert_eq!(stats["min_cell"], 5);
    // Exact: 25 members, 24 active, 10 women, 14 under 35, 1 resigned.
    assert_eq!(
        headline(&stats),
        [
            json!(25),
            json!(25),
            json!(null),
            json!(10),
            json!(15),
            json!(40.0),
            json!(60.0)
        ]
    );
    assert_eq!(
        pairs(&stats["by_status"]),
        named(&[
            ("active", Some(25)),
            ("lapsed", None),
            ("suspended", None),
            ("expelled", None),
            ("resigned", None),
            ("deceased", None),
        ])
    );
    // Exact: 14 aged 25-34, 7 aged 45-54, 3 aged 65 or more.
    assert_eq!(
        pairs(&stats["by_age"]),
        named(&[
            ("18-24", None),
            ("25-34", Some(15)),
            ("35-44", None),
            ("45-54", Some(5)),
            ("55-64", None),
            ("65+", None),
        ])
    );
    assert_eq!(
        stats["suppressed"],
        json!([
            "lapsed",
            "by_status.lapsed",
            "by_status.suspended",
            "by_status.expelled",
            "by_status.resigned",
            "by_status.deceased",
            "by_age.18-24",
            "by_age.35-44",
            "by_age.55-64",
            "by_age.65+",
            "renewals_this_year"
        ])
    );
    assert_eq!(
        (&stats["renewals_this_year"], &stats["renewal_rate"]),
        (&json!(null), &json!(null))
    );
    // Kasba Tadla, exact: 10 members, 9 active, 7 women, 2 under 35.
    let kasba = child(&stats, KASBA_TADLA);
    assert_eq!(
        headline(kasba),
        [
            json!(10),
            json!(10),
            json!(null),
            json!(5),
            json!(null),
            json!(50.0),
            json!(null)
        ]
    );
    assert_eq!(
        pairs(&kasba["by_status"]),
        named(&[
            ("active", Some(10)),
            ("lapsed", None),
            ("suspended", None),
            ("expelled", None),
            ("resigned", None),
            ("deceased", None),
        ])
    );
    // The city, exact: 15 active, 3 women, 12 under 35.
    let city = child(&stats, BENI_MELLAL_CITY);
    assert_eq!(
        headline(city),
        [
            json!(15),
            json!(15),
            json!(null),
            json!(null),
            json!(10),
            json!(null),
            json!(66.7)
        ]
    );
    // A commune without members shows nothing either: "none" is a small count too.
    let empty = child(&stats, "05.091.01.03");
    assert_eq!(
        (&empty["total"], &empty["active"]),
        (&json!(null), &json!(null))
    );
    // The one resignation of the country is nowhere to be read.
    let (_, national) = Api::new(&app, app.token(analyst).await)
        .get("/api/v1/stats/members")
        .await;
    assert_eq!(pairs(&national["by_status"])[4], ("resigned".into(), None));

    // The page says "fewer than 5" and why.
    let page = app
        .browser("analyst")
        .await
        .get("/stats?territory=05.091")
        .await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("id=\"stat-active\">25<"),
        "{}",
        page.body
    );
    assert!(page.body.contains("أقل من 5"));
    assert!(page.body.contains("id=\"stats-protected\""));
}
both_engines!(
    analysts_read_no_count_under_five_and_rounded_others,
    analysts_see_no_small_group
);

async fn officers_keep_exact_figures(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(admin).await);
    province(&api).await;
    let officer = app
        .user("officer", &[(Role::Officer, Some("05.091"), None)])
        .await;
    let (s, stats) = Api::new(&app, app.token(officer).await)
        .get("/api/v1/stats/members?territory=05.091")
        .await;
    assert_eq!(s, 200, "{stats}");
    assert_eq!(
        (&stats["min_cell"], &stats["suppressed"]),
        (&json!(null), &json!([]))
    );
    assert_eq!(
        headline(&stats),
        [
            json!(25),
            json!(24),
            json!(0),
            json!(10),
            json!(14),
            json!(41.7),
            json!(58.3)
        ]
    );
    assert_eq!(pairs(&stats["by_status"])[4], ("resigned".into(), Some(1)));
    assert_eq!(
        headline(child(&stats, KASBA_TADLA)),
        [
            json!(10),
            json!(9),
            json!(0),
            json!(7),
            json!(2),
            json!(77.8),
            json!(22.2)
        ]
    );
    assert_eq!(stats["renewals_this_year"], 0);
    let page = app
        .browser("officer")
        .await
        .get("/stats?territory=05.091")
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("id=\"stat-active\">24<"));
    assert!(!page.body.contains("id=\"stats-protected\""));

    // An officer of the women's organization reads these members' records only in part:
    // protected figures.
    let women = app
        .user("women", &[(Role::Officer, Some("05"), Some("women"))])
        .await;
    let (_, stats) = Api::new(&app, app.token(women).await)
        .get("/api/v1/stats/members?territory=05.091")
        .await;
    assert_eq!(
        (&stats["min_cell"], &stats["active"]),
        (&json!(5), &json!(25))
    );
}
both_engines!(
    officers_of_the_territory_keep_exact_figures,
    officers_keep_exact_figures
);

/// The national page's chart, in Arabic: one bar per region with a member, each labelled
/// with the region's Arabic name as text, anchored on the right; in French, the French
/// names, anchored on the left. Figures as Moroccans write them (a decimal comma).
async fn chart_reads_right_to_left(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(admin).await);
    // A commune of each of the twelve regions.
    let communes = [
        "01.511.05.19",
        "02.411.03.03",
        "03.231.81.05",
        "04.501.05.03",
        "05.091.03.03",
        "06.371.03.05",
        "07.351.05.05",
        "08.201.03.07",
        "09.001.05.01",
        "10.261.03.09",
        "11.321.03.01",
        "12.391.09.01",
    ];
    for (i, commune) in communes.iter().enumerate() {
        let (s, m) = api
            .send(
                "POST",
                "/api/v1/members",
                common::person(&format!("R{:06}", i + 1), commune),
            )
            .await;
        assert_eq!(s, 201, "{m}");
    }
    let b = app.browser("admin").await;
    let page = b.get("/stats").await;
    assert_eq!(page.status, 200);
    let chart = section(&page.body, "<figure class=\"chart-wrap\"", "</figure>");
    assert!(
        chart.contains("<ol class=\"bars\" data-anchor=\"right\">"),
        "{chart}"
    );
    for name in [
        "طنجة-تطوان-الحسيمة",
        "الشرق",
        "فاس-مكناس",
        "الرباط-سلا-القنيطرة",
        "بني ملال-خنيفرة",
        "الدار البيضاء-سطات",
        "مراكش-آسفي",
        "درعة-تافيلالت",
        "سوس-ماسة",
        "كلميم-واد نون",
        "العيون-الساقية الحمراء",
        "الداخلة-وادي الذهب",
    ] {
        assert!(
            chart.contains(&format!("<span class=\"bar-label\">{name}</span>")),
            "{name} is not labelled: {chart}"
        );
    }
    // Equal bars, each drawn from the right edge of its track over the whole of it.
    assert_eq!(
        chart
            .matches("<rect x=\"0.0\" y=\"0\" width=\"100.0\"")
            .count(),
        12
    );
    assert!(!chart.contains("Oriental"));
    // The shares: one woman of one active member, 100 per cent, with a decimal comma.
    assert!(
        page.body.contains("<strong>100,0%</strong>"),
        "{}",
        page.body
    );

    b.get("/lang/fr?next=/stats").await;
    let page = b.get("/stats").await;
    let chart = section(&page.body, "<figure class=\"chart-wrap\"", "</figure>");
    assert!(
        chart.contains("<ol class=\"bars\" data-anchor=\"left\">"),
        "{chart}"
    );
    for name in [
        "Tanger-Tétouan-Al Hoceima",
        "Oriental",
        "Dakhla-Oued Ed-Dahab",
    ] {
        assert!(
            chart.contains(&format!("<span class=\"bar-label\">{name}</span>")),
            "{name}: {chart}"
        );
    }
    assert!(page.body.contains("<strong>100,0\u{202F}%</strong>"));
}
both_engines!(
    the_chart_reads_right_to_left_in_arabic,
    chart_reads_right_to_left
);

/// The part of `page` from `start` to the first `end` after it.
fn section<'a>(page: &'a str, start: &str, end: &str) -> &'a str {
    let from = page
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in {page}"));
    let to = page[from..].find(end).map_or(page.len(), |i| from + i);
    &page[from..to]
}
