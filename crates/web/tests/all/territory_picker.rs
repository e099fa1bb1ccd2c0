//! Territories by name, everywhere (issue 14): what officers type ("تاونات", "Taounate")
//! where a code was wanted, the suggestions as they type, the body kinds that fit, and one
//! body of a kind per organization and territory. Each story on SQLite and PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Engine, TestApp};
use serde_json::json;
use tanzim_domain::accounts::Role;

/// The `data-value`s of a suggestions fragment, in order.
fn suggested(fragment: &str) -> Vec<String> {
    fragment
        .split("data-value=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().to_owned())
        .collect()
}

/// The option values of the `<select id="{id}">` of a page.
fn options(page: &str, id: &str) -> Vec<String> {
    let start = page
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no select {id}: {page}"));
    let select = &page[start..];
    let select = &select[..select.find("</select>").unwrap()];
    select
        .split("<option value=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().to_owned())
        .collect()
}

async fn admin(app: &TestApp) -> Api {
    let id = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    Api::new(app, app.token(id).await)
}

async fn suggestions_as_one_types(engine: Engine) {
    let app = common::spawn(engine).await;
    app.user("analyst", &[(Role::Analyst, None, None)]).await;
    let anonymous = common::Browser::new(&app);
    let refused = anonymous.get("/territories/suggest?q=taou").await;
    assert_eq!(
        (refused.status, refused.location.as_deref()),
        (303, Some("/login?next=%2Fterritories%2Fsuggest%3Fq%3Dtaou"))
    );
    assert!(!refused.body.contains("03.531"));

    let b = app.browser("analyst").await;
    let taou = b.get("/territories/suggest?q=taou").await;
    assert_eq!(taou.status, 200, "{}", taou.body);
    // Provinces before communes, the more populous first: Taounate, then Taourirt.
    assert_eq!(
        suggested(&taou.body)[..4],
        [
            "تاونات (03.531)",
            "تاوريرت (02.533)",
            "تاوريرت (02.533.01.33)",
            "تاونات (03.531.01.05)"
        ]
    );
    // Each with the territory above it, its kind and code, and how many were found.
    assert!(taou.body.contains("تاونات — فاس-مكناس (إقليم، 03.531)"));
    assert!(
        taou.body
            .contains("تاونات — تاونات (جماعة حضرية، 03.531.01.05)")
    );
    assert!(taou.body.contains("data-status=\"8 اقتراحات\""));
    // In Arabic as it is typed, and misspelt (ث for ت, the same consonants).
    let typed = b.get("/territories/suggest?q=تاونا").await;
    assert_eq!(
        suggested(&typed.body),
        ["تاونات (03.531)", "تاونات (03.531.01.05)"]
    );
    assert!(typed.body.contains("data-status=\"اقتراحان\""));
    let misspelt = b.get("/territories/suggest?q=ثاونات").await;
    assert_eq!(
        suggested(&misspelt.body)[..2],
        ["تاونات (03.531)", "تاونات (03.531.01.05)"]
    );
    // Ta marbuta folded: قصبه تا finds قصبة تادلة first (قصبة الطرش after it, by sound).
    let kasba = b.get("/territories/suggest?q=قصبه تا").await;
    assert_eq!(
        suggested(&kasba.body),
        ["قصبة تادلة (05.091.01.07)", "قصبة الطرش (05.311.07.07)"]
    );
    // Hamza: اولاد finds أولاد (two communes of the name, the more populous first).
    let oulad = b.get("/territories/suggest?q=اولاد عياد").await;
    assert_eq!(
        suggested(&oulad.body)[..2],
        ["أولاد عياد (05.255.01.09)", "أولاد عياد (03.531.09.15)"]
    );
    // French names in a French page.
    b.get("/lang/fr?next=/").await;
    let fr = b.get("/territories/suggest?q=fès").await;
    let fr_values = suggested(&fr.body);
    assert_eq!(fr_values[..2], ["Fès (03.231)", "Fès (03.231.01.0)"]);
    // Bounded: a limit past 20 gives 20, a query of 10,000 letters nothing.
    let many = b.get("/territories/suggest?q=a&limit=500").await;
    assert_eq!(suggested(&many.body).len(), 20);
    let long = b
        .get(&format!(
            "/territories/suggest?q=taou{}",
            "x".repeat(10_000)
        ))
        .await;
    assert_eq!(long.status, 200);
    assert!(suggested(&long.body).is_empty());
    assert!(long.body.contains("Aucun territoire ne porte ce nom."));
}
both_engines!(
    territories_are_suggested_as_one_types,
    suggestions_as_one_types
);

async fn bodies_by_name_once_per_territory(engine: Engine) {
    let app = common::spawn(engine).await;
    let api = admin(&app).await;
    // "تاونات" is the province and its commune: a provincial secretariat is the province's.
    let (s, body) = api
        .send("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "provincial_secretariat", "territory": "تاونات"}))
        .await;
    assert_eq!(s, 201, "{body}");
    assert_eq!(body["territory_code"], "03.531");
    assert_eq!(body["name"], "الأمانة الإقليمية تاونات");
    let (s, local) = api
        .send(
            "POST",
            "/api/v1/bodies",
            json!({"organization": "party", "kind": "local_bureau", "territory": "Taounate"}),
        )
        .await;
    assert_eq!(
        (s, local["territory_code"].as_str()),
        (201, Some("03.531.01.05"))
    );

    // A second provincial secretariat of the party there is refused, by code or by name.
    for territory in ["03.531", "تاونات (03.531)"] {
        let (s, err) = api
            .send("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "provincial_secretariat", "territory": territory}))
            .await;
        assert_eq!(
            (s, err["error"].as_str()),
            (409, Some("body-exists")),
            "{err}"
        );
        assert!(err["message"].as_str().unwrap().starts_with("نوع الهيئة:"));
    }
    // Each organization has its own: the women's and the youth's provincial offices.
    for org in ["women", "youth"] {
        let (s, b) = api
            .send(
                "POST",
                "/api/v1/bodies",
                json!({"organization": org, "kind": "provincial_office", "territory": "03.531"}),
            )
            .await;
        assert_eq!(s, 201, "{b}");
    }
    let (s, _) = api
        .send(
            "POST",
            "/api/v1/bodies",
            json!({"organization": "women", "kind": "provincial_office", "territory": "03.531"}),
        )
        .await;
    assert_eq!(s, 409);
    let at_taounate = || async {
        let (_, list) = api.get("/api/v1/bodies?territory=03.531").await;
        list["total"].as_i64().unwrap()
    };
    assert_eq!(at_taounate().await, 4);

    // The form says the same, naming the field, and saves nothing.
    let b = app.browser("admin").await;
    let again = b
        .submit(
            "/bodies/new",
            "/bodies",
            &[
                ("organization", "party"),
                ("kind", "provincial_secretariat"),
                ("territory", "Taounate"),
                ("parent_id", ""),
                ("name", ""),
            ],
        )
        .await;
    assert_eq!(again.status, 409, "{}", again.body);
    assert!(again.body.contains(
        "نوع الهيئة: لهذا التنظيم هيئة قائمة من هذا النوع في هذه الوحدة الترابية، فلا تُنشأ ثانية."
    ));
    assert!(again.body.contains("id=\"kind\" aria-invalid=\"true\""));
    assert_eq!(at_taounate().await, 4);

    // Once it is dissolved, another may be created.
    let id = body["id"].as_i64().unwrap();
    let (s, _) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{id}/dissolve"),
            json!({"confirm": "true"}),
        )
        .await;
    assert_eq!(s, 200);
    let (s, _) = api
        .send("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "provincial_secretariat", "territory": "تاونات"}))
        .await;
    assert_eq!(s, 201);

    // A name two communes bear (Ajdir of Al Hoceima, Ajdir of Taza) names both.
    let (s, err) = api
        .send(
            "POST",
            "/api/v1/bodies",
            json!({"organization": "party", "kind": "local_bureau", "territory": "أجدير"}),
        )
        .await;
    assert_eq!(
        (s, err["error"].as_str(), err["field"].as_str()),
        (422, Some("territory-name-ambiguous"), Some("territory"))
    );
    assert_eq!(err["candidates"], json!(["01.051.01.09", "03.561.03.01"]));
    assert_eq!(
        err["message"],
        "الوحدة الترابية: هذا الاسم تحمله عدة وحدات ترابية: أجدير — الحسيمة (جماعة حضرية، 01.051.01.09) أو أجدير — تازة (جماعة قروية، 03.561.03.01). اختاروا إحداها أو اكتبوا رمزها."
    );
    let (s, err) = api
        .send(
            "POST",
            "/api/v1/bodies",
            json!({"organization": "party", "kind": "local_bureau", "territory": "Atlantis"}),
        )
        .await;
    assert_eq!(
        (s, err["error"].as_str()),
        (422, Some("territory-name-unknown"))
    );
}
both_engines!(
    bodies_are_created_by_territory_name_once_per_territory,
    bodies_by_name_once_per_territory
);

async fn kinds_that_fit(engine: Engine) {
    let app = common::spawn(engine).await;
    let api = admin(&app).await;
    let b = app.browser("admin").await;
    // The women's organization at a province: its provincial office, once.
    let women = b
        .get("/bodies/new?organization=women&territory=03.531")
        .await;
    assert_eq!(women.status, 200);
    assert_eq!(options(&women.body, "kind"), ["provincial_office"]);
    // By name: the field shows the territory it resolved to.
    let party = b
        .get("/bodies/new?organization=party&territory=Kasba%20Tadla")
        .await;
    assert_eq!(options(&party.body, "kind"), ["local_bureau"]);
    assert!(party.body.contains("value=\"قصبة تادلة (05.091.01.07)\""));
    // No territory yet: every kind of the organization, none twice; the party's local
    // bureau and the affiliates' local office (both المكتب المحلي) never side by side.
    let all = b.get("/bodies/new?organization=youth").await;
    assert_eq!(
        options(&all.body, "kind"),
        [
            "national_office",
            "regional_office",
            "provincial_office",
            "local_office"
        ]
    );
    // A name of a province and a commune: the kinds of both levels.
    let both = b
        .get("/bodies/new?organization=party&territory=تاونات")
        .await;
    assert_eq!(
        options(&both.body, "kind"),
        ["provincial_secretariat", "local_bureau"]
    );

    // The server refuses a kind of another organization, or of another level, naming the
    // field; nothing is created.
    let foreign = b
        .submit(
            "/bodies/new",
            "/bodies",
            &[
                ("organization", "women"),
                ("kind", "provincial_secretariat"),
                ("territory", "03.531"),
                ("parent_id", ""),
                ("name", ""),
            ],
        )
        .await;
    assert_eq!(foreign.status, 422);
    assert!(
        foreign
            .body
            .contains("نوع الهيئة: هذا النوع من الهيئات لا يخص هذا التنظيم.")
    );
    assert_eq!(options(&foreign.body, "kind"), ["provincial_office"]);
    let level = b
        .submit(
            "/bodies/new",
            "/bodies",
            &[
                ("organization", "party"),
                ("kind", "provincial_secretariat"),
                ("territory", "قصبة تادلة"),
                ("parent_id", ""),
                ("name", ""),
            ],
        )
        .await;
    assert_eq!(level.status, 422);
    assert!(
        level
            .body
            .contains("مستوى الهيئة لا يوافق مستوى الوحدة الترابية")
    );
    // Without a script, the form's refresh shows the kinds for what is chosen.
    let refreshed = b
        .submit(
            "/bodies/new",
            "/bodies",
            &[
                ("organization", "women"),
                ("kind", ""),
                ("territory", "قصبة تادلة"),
                ("parent_id", ""),
                ("name", ""),
                ("refresh", "kinds"),
            ],
        )
        .await;
    assert_eq!(refreshed.status, 200);
    assert_eq!(options(&refreshed.body, "kind"), ["local_office"]);
    assert_eq!(api.get("/api/v1/bodies").await.1["total"], 0);
}
both_engines!(body_kinds_fit_the_organization_and_level, kinds_that_fit);

async fn filters_and_scopes_by_name(engine: Engine) {
    let app = common::spawn(engine).await;
    let api = admin(&app).await;
    let fes = crate::members::member(&api, "AB200001", "03.231.01.07", None).await;
    let kasba = crate::members::member(&api, "AB200002", "05.091.01.07", None).await;
    // "فاس" is the prefecture and its commune: a filter takes the prefecture.
    let (s, list) = api.get("/api/v1/members?territory=فاس").await;
    assert_eq!(s, 200, "{list}");
    let ids: Vec<i64> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [fes]);
    let b = app.browser("admin").await;
    let page = b.get("/members?territory=فاس").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(&format!("/members/{fes}\"")));
    assert!(!page.body.contains(&format!("/members/{kasba}\"")));
    assert!(page.body.contains("value=\"فاس (03.231)\""));
    let page = b.get("/members?territory=Kasba%20Tadla").await;
    assert!(page.body.contains(&format!("/members/{kasba}\"")));
    // Two communes named أجدير: the list says which, beside the field.
    let ajdir = b.get("/members?territory=أجدير").await;
    assert!(ajdir.body.contains("id=\"filter-error\""));
    assert!(
        ajdir
            .body
            .contains("أجدير — الحسيمة (جماعة حضرية، 01.051.01.09)")
    );

    // A member moves to a commune named as typed ("تاونات" is the commune there).
    let (s, moved) = api
        .send(
            "POST",
            &format!("/api/v1/members/{kasba}/transfer"),
            json!({"commune": "تاونات", "reason": "انتقال السكن"}),
        )
        .await;
    assert_eq!(s, 200, "{moved}");
    assert_eq!(moved["commune_code"], "03.531.01.05");

    // A role's scope by name: a name of two territories is refused with both named, since
    // the wider would grant more; the chosen suggestion's "name (code)" is taken.
    let form = |scope: &'static str| {
        [
            ("username", "officer.taounate"),
            ("display_name", "مسؤول تاونات"),
            ("password", common::PASSWORD),
            ("role", "officer"),
            ("scope", scope),
            ("organization", ""),
        ]
    };
    let ambiguous = b.submit("/users/new", "/users", &form("تاونات")).await;
    assert_eq!(ambiguous.status, 422, "{}", ambiguous.body);
    assert!(ambiguous.body.contains(
        "النطاق الترابي: هذا الاسم تحمله عدة وحدات ترابية: تاونات — فاس-مكناس (إقليم، 03.531) أو تاونات — تاونات (جماعة حضرية، 03.531.01.05)."
    ));
    let created = b
        .submit("/users/new", "/users", &form("تاونات (03.531)"))
        .await;
    assert_eq!(created.status, 303, "{}", created.body);
    let user = b.get(created.location.as_deref().unwrap()).await;
    assert!(user.body.contains("تاونات (03.531)"));
    let (s, users) = api.get("/api/v1/users").await;
    assert_eq!(s, 200);
    let officer = users["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["username"] == "officer.taounate")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let (_, officer) = api.get(&format!("/api/v1/users/{officer}")).await;
    assert_eq!(officer["roles"][0]["scope_code"], "03.531", "{officer}");

    // The public news filter: a name becomes its code, anonymously; two names are listed.
    let public = common::Browser::new(&app);
    let news = public.get("/news/by-territory?territory=فاس").await;
    assert_eq!(
        (news.status, news.location.as_deref()),
        (303, Some("/news?territory=03.231"))
    );
    assert_eq!(public.get("/news?territory=03.231").await.status, 200);
    let two = public.get("/news/by-territory?territory=أجدير").await;
    assert_eq!(two.status, 422);
    assert!(two.body.contains("href=\"/news?territory=03.561.03.01\""));
    assert!(!two.body.contains("data-territory-picker"));
    let all = public.get("/news/by-territory?territory=").await;
    assert_eq!(all.location.as_deref(), Some("/news"));
}
both_engines!(
    filters_and_scopes_take_territory_names,
    filters_and_scopes_by_name
);
