//! A readable audit log (issue 14, item 6): each entry's subject named in the page's
//! language with a link to it, its details as labelled phrases, not raw JSON. Both engines.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;
use crate::members::{member, setup, year};

use common::Engine;
use serde_json::json;

async fn entries_read_as_sentences(engine: Engine) {
    let app = common::spawn(engine).await;
    let (api, body, campaign) = setup(&app).await;
    let id = member(&api, "AB300001", "05.091.01.07", None).await;
    let (s, p) = api
        .send(
            "POST",
            &format!("/api/v1/members/{id}/payments"),
            json!({"campaign_id": campaign, "category": "standard", "receipt": "BM-1"}),
        )
        .await;
    assert_eq!(s, 201, "{p}");
    let web = app.browser("admin").await;
    let log = web.get("/audit?action=payment-recorded").await;
    assert_eq!(log.status, 200);
    let y = year();
    let payment = p["id"].as_i64().unwrap();
    assert!(
        log.body.contains(&format!(
            "<a href=\"/payments/{payment}/receipt\">أداء رقم {payment}</a>"
        )),
        "{}",
        log.body
    );
    assert!(
        log.body.contains(&format!(
            "المبلغ: 100,00 درهم · الحملة: {campaign} · الفئة: standard · العضو: 05091-000001 · طريقة الأداء: نقدا · الوصل: BM-1 · السنة: {y}"
        )),
        "{}",
        log.body
    );
    assert!(!log.body.contains("{&quot;"), "no raw JSON");
    // In French, the same entry in French words.
    assert_eq!(web.get("/lang/fr?next=/").await.status, 303);
    let fr = web.get("/audit?action=payment-recorded").await;
    assert!(
        fr.body.contains(&format!("paiement n° {payment}</a>"))
            && fr.body.contains("Montant : 100,00 DH · Campagne : "),
        "{}",
        fr.body
    );
    let _ = body;
}
both_engines!(entries_read_as_sentences, entries_read_as_sentences);
