//! The reports a meeting hears (article 001: the regional secretariat of Fès-Meknès hears
//! the provincial secretaries' reports on 14 January 2023), on both engines: both provinces
//! file a report for that meeting, its third agenda item hears them, the meeting page lists
//! them under that item with a link to each, and the drafted minutes name them there.
//! Every expected sentence is written by hand.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;
use crate::reports::{code, meeting, world};

use common::Engine;
use serde_json::json;

async fn hearing(engine: Engine) {
    let w = world(engine).await;
    // The regional meeting of 14 January 2023 (article 001), its third item hearing the
    // provincial secretaries' reports.
    let agenda = [
        "إخبارات",
        "تقديم برنامج العمل الجهوي",
        "الاستماع إلى تقارير الأمناء الإقليميين",
        "انطلاق عملية الانخراط وتجديد الانخراط برسم سنة 2023",
        "مختلفات",
    ];
    let regional = meeting(&w.region_officer, w.region, "2023-01-14", &agenda).await;
    let mut reports = Vec::new();
    for (api, body) in [(&w.taza_officer, w.taza), (&w.sefrou_officer, w.sefrou)] {
        let (s, r) = api
            .send(
                "POST",
                format!("/api/v1/bodies/{body}/reports"),
                json!({"kind": "meeting", "starts_on": "2022-10-01", "ends_on": "2023-01-14"}),
            )
            .await;
        assert_eq!(s, 201, "{r}");
        reports.push(r["id"].as_i64().unwrap());
    }
    assert_eq!(
        w.admin
            .get(format!("/api/v1/reports/{}", reports[1]))
            .await
            .1["title_ar"],
        "تقرير الأمانة الإقليمية بصفرو عن الفترة من فاتح أكتوبر 2022 إلى 14 يناير 2023"
    );
    // Taza's is submitted; Sefrou's is heard as it stands.
    let (s, _) = w
        .taza_officer
        .send(
            "POST",
            format!("/api/v1/reports/{}/submit", reports[0]),
            json!({"confirm": "yes"}),
        )
        .await;
    assert_eq!(s, 200);
    let hear = format!("/api/v1/meetings/{regional}/reports");
    // A province's officer does not hold the region's meetings; an item that is not on the
    // agenda, or a report not sent to the region, is refused.
    let (s, _) = w
        .taza_officer
        .send("POST", &hear, json!({"seat": 3, "report_id": reports[0]}))
        .await;
    assert_eq!(s, 404);
    let (s, e) = w
        .region_officer
        .send("POST", &hear, json!({"seat": 9, "report_id": reports[0]}))
        .await;
    assert_eq!((s, code(&e)), (422, ("agenda-item-unknown", "seat")), "{e}");
    let (s, e) = w
        .region_officer
        .send("POST", &hear, json!({"seat": 3, "report_id": 999_999}))
        .await;
    assert_eq!((s, code(&e)), (422, ("report-unknown", "report_id")), "{e}");
    for r in &reports {
        let (s, heard) = w
            .region_officer
            .send("POST", &hear, json!({"seat": 3, "report_id": r}))
            .await;
        assert_eq!(s, 200, "{heard}");
    }
    let (_, heard) = w.region_officer.get(&hear).await;
    assert_eq!(heard.as_array().unwrap().len(), 2, "{heard}");
    assert_eq!(heard[0]["seat"], 3);
    // Taza's report was sent on 10 January 2023 (set by hand: submission is stamped with
    // today).
    common::execute(
        &w.app.db,
        "UPDATE reports SET submitted_on = '2023-01-10' WHERE id = $1",
        &[reports[0]],
    )
    .await;
    // The minutes name them under the third item, the verb agreeing with the secretariat.
    let (s, r) = w
        .region_officer
        .send(
            "POST",
            format!("/api/v1/meetings/{regional}/minutes"),
            json!({}),
        )
        .await;
    assert_eq!(s, 200, "{r}");
    let minutes = r["minutes"].as_str().unwrap();
    assert!(
        minutes.contains(
            "جدول الأعمال:\n\
             1. إخبارات\n\
             2. تقديم برنامج العمل الجهوي\n\
             3. الاستماع إلى تقارير الأمناء الإقليميين\n\
             \x20  - الاستماع إلى تقرير الأمانة الإقليمية بتازة عن الفترة من فاتح أكتوبر 2022 إلى 14 يناير 2023، الذي رفعته بتاريخ 10 يناير 2023.\n\
             \x20  - الاستماع إلى تقرير الأمانة الإقليمية بصفرو عن الفترة من فاتح أكتوبر 2022 إلى 14 يناير 2023.\n\
             4. انطلاق عملية الانخراط وتجديد الانخراط برسم سنة 2023\n\
             5. مختلفات"
        ),
        "{minutes}"
    );
    assert!(!minutes.contains("التقارير المستمع إليها"), "{minutes}");
    // The meeting page lists them under the third item, each linked to its page.
    let page = w
        .app
        .browser("officer.region")
        .await
        .get(&format!("/meetings/{regional}"))
        .await;
    assert_eq!(page.status, 200);
    let agenda = page
        .body
        .split("<ol id=\"agenda\">")
        .nth(1)
        .and_then(|a| a.split("</ol>").next())
        .unwrap_or_else(|| panic!("{}", page.body));
    let items: Vec<&str> = agenda.split("<li>").skip(1).collect();
    assert_eq!(items.len(), 5, "{agenda}");
    assert!(!items[1].contains("heard-reports"), "{agenda}");
    assert!(
        items[2].contains(&format!(
            "<a href=\"/reports/{}\"><bdi>تقرير الأمانة الإقليمية بتازة (من 01 أكتوبر 2022 إلى 14 يناير 2023)</bdi></a> <span class=\"tag\">مرفوع</span>",
            reports[0]
        )),
        "{agenda}"
    );
    assert!(
        items[2].contains(&format!(
            "<a href=\"/reports/{}\"><bdi>تقرير الأمانة الإقليمية بصفرو (من 01 أكتوبر 2022 إلى 14 يناير 2023)</bdi></a> <span class=\"tag\">مسودة</span>",
            reports[1]
        )),
        "{agenda}"
    );
}
both_engines!(the_regional_meeting_hears_the_provincial_reports, hearing);
