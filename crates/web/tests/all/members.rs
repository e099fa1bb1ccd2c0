//! The membership stories, each on SQLite and on PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Browser, Engine, TestApp, person};
use serde_json::json;
use tanzim_domain::accounts::Role;

pub(crate) fn year() -> i32 {
    chrono::Datelike::year(&tanzim_web::today())
}

/// An administrator's API, a provincial body in Béni Mellal and its open campaign.
pub(crate) async fn setup(app: &TestApp) -> (Api, i64, i64) {
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(app, app.token(admin).await);
    let (_, body) = api.send("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "provincial_secretariat", "territory": "05.091"})).await;
    let y = year();
    let (s, c) = api
        .send("POST", "/api/v1/campaigns", json!({"body_id": body["id"], "year": y.to_string(), "opens_on": format!("{y}-01-01"), "closes_on": format!("{y}-12-31"),
            "categories": "standard|عادي|100\nreduced|مخفض|50"}))
        .await;
    assert_eq!(s, 201, "{c}");
    (api, body["id"].as_i64().unwrap(), c["id"].as_i64().unwrap())
}

pub(crate) async fn member(api: &Api, cin: &str, commune: &str, joined_on: Option<&str>) -> i64 {
    let mut p = person(cin, commune);
    if let Some(j) = joined_on {
        p["joined_on"] = json!(j);
    }
    let (s, m) = api.send("POST", "/api/v1/members", p).await;
    assert_eq!(s, 201, "{m}");
    m["id"].as_i64().unwrap()
}

async fn statuses(engine: Engine) {
    let app = common::spawn(engine).await;
    let (api, _, campaign) = setup(&app).await;
    let id = member(&api, "AB100001", "05.091.01.07", Some("2026-01-01")).await;
    let (_, m) = api.get(&format!("/api/v1/members/{id}")).await;
    assert_eq!(m["number"], "05091-000001");
    assert_eq!(m["status"], "active");
    let change = |event: &str, extra: serde_json::Value| {
        let mut body = json!({"event": event, "reason": "قرار لجنة الأخلاقيات", "on": "2026-02-01"});
        for (k, v) in extra.as_object().unwrap() {
            body[k] = v.clone();
        }
        body
    };
    let post =
        |body: serde_json::Value| api.send("POST", format!("/api/v1/members/{id}/status"), body);
    // A change cannot take effect in the future, nor before the member's current period.
    let mut future = change("resign", json!({}));
    future["on"] = json!("2099-01-01");
    assert_eq!(post(future).await.1["error"], "date-in-future");
    let mut before = change("resign", json!({}));
    before["on"] = json!("2025-12-31");
    assert_eq!(post(before).await.1["error"], "date-before-current-period");
    // A suspension needs its decision and its end.
    let (s, e) = post(change("suspend", json!({}))).await;
    assert_eq!((s, e["error"].as_str()), (422, Some("decision-required")));
    let (s, e) = post(change("suspend", json!({"decision": "LA-2026-3"}))).await;
    assert_eq!((s, e["error"].as_str()), (422, Some("until-required")));
    let (s, m) = post(change(
        "suspend",
        json!({"decision": "LA-2026-3", "until": "2026-06-01"}),
    ))
    .await;
    assert_eq!((s, m["status"].as_str()), (200, Some("suspended")));
    // A suspended member cannot renew.
    let (s, e) = api
        .send(
            "POST",
            &format!("/api/v1/members/{id}/payments"),
            json!({"campaign_id": campaign, "category": "standard", "receipt": "A1"}),
        )
        .await;
    assert_eq!(
        (s, e["error"].as_str()),
        (422, Some("transition-not-allowed"))
    );
    assert_eq!(
        post(change("reinstate", json!({}))).await.1["status"],
        "active"
    );
    assert_eq!(
        post(change("resign", json!({}))).await.1["status"],
        "resigned"
    );
    let (s, e) = post(change("resign", json!({}))).await;
    assert_eq!(
        (s, e["error"].as_str()),
        (422, Some("transition-not-allowed"))
    );
    assert_eq!(
        post(change("readmit", json!({"decision": "PV 12"})))
            .await
            .1["status"],
        "active"
    );
    assert_eq!(
        post(change("expel", json!({"decision": "LA-2026-9"})))
            .await
            .1["status"],
        "expelled"
    );
    assert_eq!(
        post(change("decease", json!({}))).await.1["status"],
        "deceased"
    );
    assert_eq!(
        post(change("readmit", json!({"decision": "x"}))).await.0,
        422
    );
    // Every change is in the history, with its reason and decision.
    let (_, m) = api.get(&format!("/api/v1/members/{id}")).await;
    let events: Vec<&str> = m["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["event"].as_str().unwrap())
        .collect();
    assert_eq!(
        events,
        [
            "join",
            "suspend",
            "reinstate",
            "resign",
            "readmit",
            "expel",
            "decease"
        ]
    );
    assert_eq!(m["history"][1]["decision"], "LA-2026-3");
}
both_engines!(every_status_change_is_checked_and_kept, statuses);

async fn campaign_close_and_renewals(engine: Engine) {
    let app = common::spawn(engine).await;
    let (api, _, campaign) = setup(&app).await;
    let last_year = format!("{}-06-01", year() - 1);
    let paid = member(&api, "AB200001", "05.091.01.07", Some(&last_year)).await;
    let unpaid = member(&api, "AB200002", "05.091.01.01", Some(&last_year)).await;
    let joined_this_year = member(&api, "AB200003", "05.091.01.07", None).await;
    let elsewhere = member(&api, "AB200004", "03.531.01.03", Some(&last_year)).await;
    let renew = |id: i64, receipt: &str| {
        api.send("POST", format!("/api/v1/members/{id}/payments"), json!({"campaign_id": campaign, "category": "reduced", "receipt": receipt, "method": "cash"}))
    };
    let (s, p) = renew(paid, "R-0001").await;
    assert_eq!((s, p["amount"].as_i64()), (201, Some(5000)));
    // The receipt number is unique in the body; a member renews once a year.
    assert_eq!(renew(unpaid, "r-0001").await.1["error"], "receipt-taken");
    assert_eq!(renew(paid, "R-0002").await.1["error"], "already-renewed");
    // A campaign covers its body's jurisdiction only.
    assert_eq!(
        renew(elsewhere, "R-0003").await.1["error"],
        "campaign-not-for-member"
    );

    assert_eq!(
        api.send(
            "POST",
            &format!("/api/v1/campaigns/{campaign}/close"),
            json!({})
        )
        .await
        .0,
        400
    );
    let (s, closed) = api
        .send(
            "POST",
            &format!("/api/v1/campaigns/{campaign}/close"),
            json!({"confirm": "true"}),
        )
        .await;
    assert_eq!(
        (s, closed["lapsed"].as_i64()),
        (200, Some(1)),
        "only the unpaid member of last year lapses"
    );
    let status = |id: i64| {
        let api = &api;
        async move {
            api.get(&format!("/api/v1/members/{id}")).await.1["status"]
                .as_str()
                .unwrap()
                .to_owned()
        }
    };
    assert_eq!(status(paid).await, "active");
    assert_eq!(status(unpaid).await, "lapsed");
    assert_eq!(status(joined_this_year).await, "active");
    assert_eq!(status(elsewhere).await, "active");
    // Closed: no renewal; reopened (audited), the lapsed member renews and is active again.
    assert_eq!(renew(unpaid, "R-0004").await.1["error"], "campaign-closed");
    let y = year();
    let (s, _) = api
        .send(
            "POST",
            &format!("/api/v1/campaigns/{campaign}/reopen"),
            json!({"closes_on": format!("{y}-12-31")}),
        )
        .await;
    assert_eq!(s, 200);
    assert_eq!(renew(unpaid, "R-0004").await.0, 201);
    assert_eq!(status(unpaid).await, "active");
    let (_, log) = api.get("/api/v1/audit?action=campaign-reopened").await;
    assert_eq!(log["total"], 1);
}
both_engines!(
    closing_a_campaign_lapses_members_not_renewed,
    campaign_close_and_renewals
);

async fn as_of(engine: Engine) {
    let app = common::spawn(engine).await;
    let (api, _, _) = setup(&app).await;
    let a = member(&api, "AB300001", "05.091.01.07", Some("2024-03-01")).await;
    let b = member(&api, "AB300002", "05.091.01.07", Some("2025-01-10")).await;
    // a moves from Kasba Tadla to Béni Mellal city on 2025-05-01; b resigns on 2025-09-01.
    let (s, _) = api
        .send(
            "POST",
            &format!("/api/v1/members/{a}/transfer"),
            json!({"commune": "05.091.01.01", "on": "2025-05-01", "reason": "تغيير السكن"}),
        )
        .await;
    assert_eq!(s, 200);
    let (s, _) = api
        .send(
            "POST",
            &format!("/api/v1/members/{b}/status"),
            json!({"event": "resign", "on": "2025-09-01", "reason": "رسالة استقالة"}),
        )
        .await;
    assert_eq!(s, 200);
    let ids = |v: serde_json::Value| {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["id"].as_i64().unwrap())
            .collect::<Vec<_>>()
    };
    let kasba = |date: &str| {
        api.get(format!(
            "/api/v1/members?territory=05.091.01.07&as_of={date}"
        ))
    };
    assert_eq!(ids(kasba("2024-12-31").await.1), [a]);
    assert_eq!(ids(kasba("2025-03-01").await.1), [a, b]);
    assert_eq!(ids(kasba("2025-06-01").await.1), [b], "a moved away");
    assert_eq!(
        ids(kasba("2025-10-01").await.1),
        Vec::<i64>::new(),
        "b resigned"
    );
    let city = api
        .get("/api/v1/members?territory=05.091.01.01&as_of=2025-06-01")
        .await
        .1;
    assert_eq!(ids(city.clone()), [a]);
    assert_eq!(city["items"][0]["commune_code"], "05.091.01.01");
    assert_eq!(api.get("/api/v1/members?as_of=not-a-date").await.0, 422);
}
both_engines!(who_was_in_good_standing_on_a_date, as_of);

async fn scope(engine: Engine) {
    let app = common::spawn(engine).await;
    let (api, _, campaign) = setup(&app).await;
    let id = member(&api, "AB400001", "05.091.01.07", None).await;
    let taounate = app
        .user("taounate", &[(Role::Officer, Some("03.531"), None)])
        .await;
    let other = Api::new(&app, app.token(taounate).await);
    assert_eq!(other.get(&format!("/api/v1/members/{id}")).await.0, 404);
    assert_eq!(other.get("/api/v1/members").await.1["total"], 0);
    assert_eq!(other.get("/api/v1/members?q=AB400001").await.1["total"], 0);
    assert_eq!(
        other
            .send(
                "POST",
                &format!("/api/v1/members/{id}/status"),
                json!({"event": "resign", "reason": "x"})
            )
            .await
            .0,
        404
    );
    assert_eq!(
        other
            .send(
                "POST",
                &format!("/api/v1/members/{id}/payments"),
                json!({"campaign_id": campaign, "category": "standard", "receipt": "X"})
            )
            .await
            .0,
        404
    );
    // Creating a member outside its province is refused; moving one in is too.
    assert_eq!(
        other
            .send(
                "POST",
                "/api/v1/members",
                person("AB400002", "05.091.01.01")
            )
            .await
            .0,
        403
    );
    let b = app.browser("taounate").await;
    let list = b.get("/members").await;
    assert_eq!(list.status, 200, "{}", list.body);
    assert!(!list.body.contains("AB400001"));
    assert_eq!(b.get(&format!("/members/{id}/card")).await.status, 404);
    let (_, export) = b.export("", "csv").await;
    let export = String::from_utf8(export).unwrap();
    assert_eq!(export.lines().count(), 1, "only the header: {export}");
    // A communication officer sees the member but not the CIN or phone; an analyst nothing.
    let comms = app
        .user("comms", &[(Role::CommunicationOfficer, Some("05"), None)])
        .await;
    let comms = Api::new(&app, app.token(comms).await);
    let (s, m) = comms.get(&format!("/api/v1/members/{id}")).await;
    assert_eq!(
        (s, m["cin"].as_str(), m["phone"].as_str()),
        (200, Some(""), None)
    );
    // Only the competent committee (the province's, by the profile) decides applications.
    let (_, application) = api
        .send(
            "POST",
            "/api/v1/applications",
            person("AB400009", "05.091.01.07"),
        )
        .await;
    let regional = app
        .user(
            "regional.committee",
            &[(Role::CommitteeMember, Some("05"), None)],
        )
        .await;
    let regional = Api::new(&app, app.token(regional).await);
    let accept = format!("/api/v1/applications/{}/accept", application["id"]);
    assert_eq!(
        regional
            .get(format!("/api/v1/applications/{}", application["id"]))
            .await
            .0,
        200
    );
    assert_eq!(regional.send("POST", &accept, json!({})).await.0, 403);
    let provincial = app
        .user(
            "provincial.committee",
            &[(Role::CommitteeMember, Some("05.091"), None)],
        )
        .await;
    let (s, accepted) = Api::new(&app, app.token(provincial).await)
        .send("POST", &accept, json!({}))
        .await;
    assert_eq!(s, 201, "{accepted}");
    // Malformed ids get the API's own error body.
    let (s, e) = api.get("/api/v1/members/not-a-number").await;
    assert_eq!((s, e["error"].as_str()), (400, Some("malformed-input")));
    // ... nor look a member up by CIN.
    assert_eq!(comms.get("/api/v1/members?q=AB400001").await.1["total"], 0);
    let analyst = app.user("analyst", &[(Role::Analyst, None, None)]).await;
    assert_eq!(
        Api::new(&app, app.token(analyst).await)
            .get("/api/v1/members")
            .await
            .0,
        403
    );
}
both_engines!(
    an_officer_of_one_province_never_sees_another_s_members,
    scope
);

async fn apply_accept_renew_verify(engine: Engine) {
    let app = common::spawn(engine).await;
    let (api, _, campaign) = setup(&app).await;
    app.user(
        "committee",
        &[(Role::CommitteeMember, Some("05.091"), None)],
    )
    .await;
    app.user("officer", &[(Role::Officer, Some("05.091"), None)])
        .await;

    // The public form: no account; every field checked; nothing saved on error.
    let public = Browser::new(&app);
    let form = public.get("/apply").await;
    assert_eq!(form.status, 200);
    let csrf = form.hidden("csrf");
    let base = [
        ("csrf", csrf.as_str()),
        ("first_name_ar", "خديجة"),
        ("last_name_ar", "بناني"),
        ("sex", "F"),
        ("cin", "BE 123456"),
        ("phone", "06 61 22 33 44"),
        ("province", "05.091"),
        ("commune", "05.091.01.07"),
    ];
    let mut young = base.to_vec();
    young.push(("birth_date", "2015-01-01"));
    young.push(("consent", "yes"));
    let r = public.post("/apply", &young).await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("السن أقل من الحد الأدنى"));
    let mut no_consent = base.to_vec();
    no_consent.push(("birth_date", "1995-04-12"));
    assert_eq!(public.post("/apply", &no_consent).await.status, 422);
    assert_eq!(api.get("/api/v1/applications").await.1["total"], 0);
    let mut bot = no_consent.clone();
    bot.push(("website", "http://spam"));
    bot.push(("consent", "yes"));
    assert_eq!(public.post("/apply", &bot).await.status, 200);
    assert_eq!(
        api.get("/api/v1/applications").await.1["total"],
        0,
        "the honeypot files nothing"
    );
    let mut good = no_consent.clone();
    good.push(("consent", "yes"));
    good.push(("consent_contact", "yes"));
    let done = public.post("/apply", &good).await;
    assert_eq!(done.status, 200, "{}", done.body);
    let reference = done
        .body
        .split("id=\"reference\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_owned();
    assert!(
        public
            .get(&format!("/apply/status?reference={reference}"))
            .await
            .body
            .contains("في انتظار البت")
    );
    // Applying again with the same CIN is filed too: saying "already applied" or "already a
    // member" to whoever typed a CIN would reveal a political affiliation. The committee
    // sees the other application.
    assert_eq!(public.post("/apply", &good).await.status, 200);

    // The committee sees it in its queue and accepts it.
    let committee = app.browser("committee").await;
    let queue = committee.get("/applications").await;
    assert!(queue.body.contains(&reference));
    let app_id = queue
        .body
        .split("href=\"/applications/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let page = committee.get(&format!("/applications/{app_id}")).await;
    assert!(page.body.contains("BE123456"));
    let accepted = committee
        .submit(
            &format!("/applications/{app_id}"),
            &format!("/applications/{app_id}/accept"),
            &[],
        )
        .await;
    assert_eq!(accepted.status, 303);
    assert!(
        public
            .get(&format!("/apply/status?reference={reference}"))
            .await
            .body
            .contains("مقبول")
    );

    // The officer renews with a receipt, in two taps from the member's page.
    let officer = app.browser("officer").await;
    let list = officer
        .get("/members?q=%D8%A8%D9%86%D8%A7%D9%86%D9%8A")
        .await; // بناني
    let member_id = list
        .body
        .split("<li><a href=\"/members/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let member_page = format!("/members/{member_id}");
    assert!(
        officer
            .get(&member_page)
            .await
            .body
            .contains("+212661223344")
    );
    let renewed = officer
        .submit(
            &member_page,
            &format!("{member_page}/renew"),
            &[
                ("campaign_id", &campaign.to_string()),
                ("category", "standard"),
                ("receipt", "BM-2026-0001"),
                ("method", "cash"),
            ],
        )
        .await;
    assert_eq!(renewed.status, 303, "{}", renewed.body);
    let receipt = officer.get(renewed.location.as_deref().unwrap()).await;
    assert!(receipt.body.contains("BM-2026-0001") && receipt.body.contains("100,00"));
    // The member keeps a link to see and print the receipt without an account.
    let link = receipt
        .body
        .split("id=\"receipt-link\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_owned();
    let own = public.get(&link[link.find("/receipts/").unwrap()..]).await;
    assert_eq!(own.status, 200);
    assert!(own.body.contains("BM-2026-0001") && own.body.contains("خديجة"));
    assert_eq!(
        public
            .get("/receipts/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
            .await
            .status,
        404
    );

    // The card's QR leads to a public page that says only whether the number is valid.
    let card = officer.get(&format!("{member_page}/card")).await;
    // Both sides carry the party's full name and emblem from the profile, and the QR.
    assert_eq!(card.body.matches("<svg").count(), 2, "a QR on each side");
    assert_eq!(
        card.body
            .matches("<img class=\"logo\" src=\"/logo.svg\"")
            .count(),
        2
    );
    assert!(card.body.contains("<strong>حزب المثال الديمقراطي</strong>"));
    assert!(
        card.body
            .contains("<strong>Parti Exemple démocratique</strong>")
    );
    let logo = public.get("/logo.svg").await;
    assert_eq!(logo.status, 200);
    assert!(logo.body.starts_with("<svg"), "{}", logo.body);
    let link = card
        .body
        .split("id=\"verify-link\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_owned();
    let path = &link[link.find("/v/").unwrap()..];
    let check = public.get(path).await;
    assert_eq!(check.status, 200);
    assert!(check.body.contains("05091-000001") && check.body.contains("صالح"));
    assert!(
        !check.body.contains("خديجة") && !check.body.contains("BE123456"),
        "nothing personal"
    );
    assert_eq!(
        public
            .get("/v/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
            .await
            .status,
        404
    );
    let (_, log) = api.get("/api/v1/audit?action=application-accepted").await;
    assert_eq!(log["total"], 1);
}
both_engines!(
    apply_online_accept_renew_and_verify_the_card,
    apply_accept_renew_verify
);

async fn search(engine: Engine) {
    let app = common::spawn(engine).await;
    let (api, _, _) = setup(&app).await;
    let add = |first_ar: Option<&str>,
               last_ar: Option<&str>,
               first_lat: Option<&str>,
               last_lat: Option<&str>,
               cin: &str| {
        let mut p = person(cin, "05.091.01.07");
        p["first_name_ar"] = json!(first_ar);
        p["last_name_ar"] = json!(last_ar);
        p["first_name_lat"] = json!(first_lat);
        p["last_name_lat"] = json!(last_lat);
        let api = &api;
        async move {
            let (s, m) = api.send("POST", "/api/v1/members", p).await;
            assert_eq!(s, 201, "{m}");
            m["number"].as_str().unwrap().to_owned()
        }
    };
    let mohamed_ar = add(Some("محمد"), Some("الحجيرة"), None, None, "SA100001").await;
    let mahmoud_ar = add(Some("محمود"), Some("بناني"), None, None, "SA100002").await;
    let mohamed_lat = add(None, None, Some("Mohammed"), Some("Cherkaoui"), "SA100003").await;
    let abderrahim = add(Some("عبد الرحيم"), Some("العلوي"), None, None, "SA100004").await;
    let numbers = |v: serde_json::Value| {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["number"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    let find = |q: &str| api.get(format!("/api/v1/members?q={}", url_encode(q)));
    // A Latin query finds a name stored only in Arabic, and the reverse.
    let found = numbers(find("Mohamed").await.1);
    assert!(
        found.contains(&mohamed_ar) && found.contains(&mohamed_lat),
        "{found:?}"
    );
    assert!(numbers(find("محمد الشرقاوي").await.1).contains(&mohamed_lat));
    assert_eq!(numbers(find("Hjira").await.1), [mohamed_ar.as_str()]);
    assert_eq!(
        numbers(find("Abderrahim Alaoui").await.1),
        [abderrahim.as_str()]
    );
    // Exact before approximate: محمد ranks before محمود, which only shares a skeleton.
    let ranked = numbers(find("محمد").await.1);
    let pos = |n: &str| ranked.iter().position(|x| x == n);
    assert!(pos(&mohamed_ar) < pos(&mahmoud_ar), "{ranked:?}");
    // CIN, number and phone find exactly.
    assert_eq!(numbers(find("sa 100002").await.1), [mahmoud_ar.as_str()]);
    assert_eq!(numbers(find(&abderrahim).await.1), [abderrahim.as_str()]);
    assert_eq!(
        find("+212 612345678").await.1["total"],
        4,
        "the fixtures share a phone"
    );
    assert_eq!(find("Zzyzx").await.1["total"], 0);
}
both_engines!(names_are_found_across_scripts_and_spellings, search);

fn url_encode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// Statistics come from counters kept with each change; after a run of random operations
/// they must equal a direct count of the members at every level.
async fn counters(engine: Engine) {
    let app = common::spawn(engine).await;
    let (api, _, campaign) = setup(&app).await;
    let communes = [
        "05.091.01.07",
        "05.091.01.01",
        "05.091.01.03",
        "03.531.01.03",
        "01.511.01.05",
    ];
    let mut seed: u64 = 20_261_123;
    let mut next = |n: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % n
    };
    let last_year = format!("{}-03-01", year() - 1);
    let mut ids = Vec::new();
    for i in 0..60 {
        let op = if ids.len() < 5 { 0 } else { next(4) };
        match op {
            0 => {
                let mut p = person(&format!("RN{:06}", i), communes[next(5) as usize]);
                p["sex"] = json!(if next(2) == 0 { "F" } else { "M" });
                p["birth_date"] = json!(format!("{}-06-15", 1950 + next(55)));
                p["joined_on"] = json!(last_year);
                let (s, m) = api.send("POST", "/api/v1/members", p).await;
                assert_eq!(s, 201, "{m}");
                ids.push(m["id"].as_i64().unwrap());
            }
            1 => {
                let id = ids[next(ids.len() as u64) as usize];
                let event = [
                    "suspend",
                    "reinstate",
                    "expel",
                    "resign",
                    "decease",
                    "readmit",
                ][next(6) as usize];
                let body =
                    json!({"event": event, "reason": "r", "decision": "d", "until": "2099-01-01"});
                let (s, e) = api
                    .send("POST", format!("/api/v1/members/{id}/status"), body)
                    .await;
                assert!(
                    s == 200 || e["error"] == "transition-not-allowed",
                    "{s} {e}"
                );
            }
            2 => {
                let id = ids[next(ids.len() as u64) as usize];
                let body = json!({"commune": communes[next(5) as usize], "reason": "r"});
                let (s, e) = api
                    .send("POST", format!("/api/v1/members/{id}/transfer"), body)
                    .await;
                assert!(s == 200 || e["error"] == "transfer-same-commune", "{s} {e}");
            }
            _ => {
                let id = ids[next(ids.len() as u64) as usize];
                let body = json!({"campaign_id": campaign, "category": "standard", "receipt": format!("RC-{i}")});
                let (s, e) = api
                    .send("POST", format!("/api/v1/members/{id}/payments"), body)
                    .await;
                assert!(
                    s == 201
                        || [
                            json!("already-renewed"),
                            json!("transition-not-allowed"),
                            json!("campaign-not-for-member")
                        ]
                        .contains(&e["error"]),
                    "{s} {e}"
                );
            }
        }
    }
    let (s, _) = api
        .send(
            "POST",
            format!("/api/v1/campaigns/{campaign}/close"),
            json!({"confirm": "true"}),
        )
        .await;
    assert_eq!(s, 200);

    let this_year = i64::from(year());
    for code in [
        "",
        "05",
        "05.091",
        "05.091.01.07",
        "03",
        "03.531",
        "01",
        "01.511.01.0",
        "01.511.01.05",
    ] {
        let (s, stats) = api
            .get(format!("/api/v1/stats/members?territory={code}"))
            .await;
        assert_eq!(s, 200, "{code}: {stats}");
        let path = if code.is_empty() {
            tanzim_domain::territory::TerritoryPath::national()
        } else {
            let t = tanzim_store::territory::get(
                &app.db,
                &tanzim_domain::territory::TerritoryCode::parse(code).unwrap(),
            )
            .await
            .unwrap()
            .unwrap();
            t.territory_path()
        };
        let (low, high) = path.range();
        let sql = "SELECT status, sex, birth_date FROM members WHERE path >= $1 AND path < $2";
        let rows: Vec<(String, String, String)> = match &app.db {
            tanzim_store::Db::Sqlite(p) => sqlx::query_as(sql)
                .bind(&low)
                .bind(&high)
                .fetch_all(p)
                .await
                .unwrap(),
            tanzim_store::Db::Postgres(p) => sqlx::query_as(sql)
                .bind(&low)
                .bind(&high)
                .fetch_all(p)
                .await
                .unwrap(),
        };
        for status in [
            "active",
            "lapsed",
            "suspended",
            "expelled",
            "resigned",
            "deceased",
        ] {
            let direct = rows.iter().filter(|r| r.0 == status).count() as i64;
            let counted = stats["by_status"]
                .as_array()
                .unwrap()
                .iter()
                .find(|x| x[0] == status)
                .unwrap()[1]
                .as_i64()
                .unwrap();
            assert_eq!(counted, direct, "{code} {status}");
        }
        let active: Vec<&(String, String, String)> =
            rows.iter().filter(|r| r.0 == "active").collect();
        let women = active.iter().filter(|r| r.1 == "F").count() as i64;
        let young = active
            .iter()
            .filter(|r| this_year - r.2[..4].parse::<i64>().unwrap() < 35)
            .count() as i64;
        assert_eq!(
            (
                stats["active_women"].as_i64(),
                stats["active_under_35"].as_i64()
            ),
            (Some(women), Some(young)),
            "{code}"
        );
        assert_eq!(stats["total"].as_i64(), Some(rows.len() as i64), "{code}");
    }
    // An officer of Taounate cannot count Béni Mellal.
    let taounate = app
        .user("taounate", &[(Role::Officer, Some("03.531"), None)])
        .await;
    let other = Api::new(&app, app.token(taounate).await);
    assert_eq!(
        other.get("/api/v1/stats/members?territory=05.091").await.0,
        404
    );
    // Without a territory, the user's own scope.
    assert_eq!(other.get("/api/v1/stats/members").await.1["code"], "03.531");
    assert_eq!(
        other.get("/api/v1/stats/members?territory=03.531").await.0,
        200
    );
}
both_engines!(
    statistics_equal_a_direct_count_after_random_operations,
    counters
);
