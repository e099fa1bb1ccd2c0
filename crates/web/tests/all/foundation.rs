//! The foundation's stories, each on SQLite and on PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Browser, Engine};
use serde_json::json;
use tanzim_domain::accounts::Role;
use tanzim_domain::territory::TerritoryCode;
use tanzim_store::territory;

async fn territories_are_built_in(engine: Engine) {
    let db = common::fresh_db(engine).await;
    let count_level = |level: &'static str| {
        let db = db.clone();
        async move {
            let mut n = 0;
            let mut stack = vec![None::<TerritoryCode>];
            while let Some(parent) = stack.pop() {
                for t in territory::children(&db, parent.as_ref()).await.unwrap() {
                    if t.level.as_str() == level {
                        n += 1;
                    }
                    stack.push(Some(TerritoryCode::parse(&t.code).unwrap()));
                }
            }
            n
        }
    };
    // Morocco's 12 regions, 83 provinces, 1,503 communes and 41 arrondissements, and the
    // default profile's organization abroad: one region, 248 countries (every ISO 3166
    // country but Morocco), the rest of each country and 7 cities at the commune level.
    assert_eq!(count_level("region").await, 12 + 1);
    assert_eq!(count_level("province").await, 83 + 248);
    assert_eq!(count_level("commune").await, 1503 + 248 + 7);
    assert_eq!(count_level("arrondissement").await, 41);

    let kasba = territory::get(&db, &TerritoryCode::parse("05.091.01.07").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (kasba.name_ar.as_str(), kasba.name_fr.as_str()),
        ("قصبة تادلة", "Kasba Tadla")
    );
    assert_eq!(kasba.path, "05/05.091/05.091.01.07/");
    assert_eq!(kasba.population, 48172);
    assert!(
        kasba
            .adult_population
            .is_some_and(|a| a > 0 && a < kasba.population)
    );

    // Loading again changes nothing.
    let again = territory::load(&db, common::default_diaspora().as_ref())
        .await
        .unwrap();
    assert!(!again.changed);
    assert_eq!(
        territory::count(&db).await.unwrap(),
        1639 + 1 + 248 + 248 + 7
    );

    // Search tolerates hamza, ta marbuta and accents, in both scripts.
    let codes = |v: Vec<territory::Territory>| v.into_iter().map(|t| t.code).collect::<Vec<_>>();
    assert!(
        codes(territory::search(&db, "قصبه تادله", 10).await.unwrap())
            .contains(&"05.091.01.07".to_owned())
    );
    assert!(
        codes(territory::search(&db, "beni mellal", 10).await.unwrap())
            .contains(&"05.091".to_owned())
    );
    assert!(
        codes(territory::search(&db, "BÉNI-MELLAL", 10).await.unwrap()).contains(&"05".to_owned())
    );
    let rabat = codes(territory::search(&db, "الرباط", 10).await.unwrap());
    assert_eq!(
        rabat.first().map(String::as_str),
        Some("04"),
        "the region ranks first: {rabat:?}"
    );
    assert!(
        territory::search(&db, "  ", 10).await.unwrap().is_empty(),
        "an empty search finds nothing"
    );
    // A wildcard in the query is text, not a pattern.
    assert!(territory::search(&db, "%", 10).await.unwrap().is_empty());
}
both_engines!(
    territories_are_built_in_and_searchable,
    territories_are_built_in
);

async fn audit_log_append_only(engine: Engine) {
    let app = common::spawn(engine).await;
    app.user("amina", &[(Role::Administrator, None, None)])
        .await;
    let update = "UPDATE audit_log SET actor = 'someone else'";
    let delete = "DELETE FROM audit_log";
    match &app.db {
        tanzim_store::Db::Sqlite(p) => {
            assert!(sqlx::query(update).execute(p).await.is_err());
            assert!(sqlx::query(delete).execute(p).await.is_err());
        }
        tanzim_store::Db::Postgres(p) => {
            assert!(sqlx::query(update).execute(p).await.is_err());
            assert!(sqlx::query(delete).execute(p).await.is_err());
        }
    }
}
both_engines!(audit_log_cannot_be_edited, audit_log_append_only);

async fn sign_in_and_out(engine: Engine) {
    let app = common::spawn(engine).await;
    app.user("amina", &[(Role::Administrator, None, None)])
        .await;
    let b = Browser::new(&app);

    // Anonymous pages go to the login form; the login form is Arabic, right to left.
    let home = b.get("/").await;
    assert_eq!(
        (home.status, home.location.as_deref()),
        (303, Some("/login?next=%2F"))
    );
    let login = b.get("/login").await;
    assert!(login.body.contains(r#"<html lang="ar" dir="rtl">"#));
    let csrf = login.hidden("csrf");

    // Without the form's token the attempt is refused before the password is checked.
    let no_csrf = b
        .post(
            "/login",
            &[("username", "amina"), ("password", common::PASSWORD)],
        )
        .await;
    assert_eq!(no_csrf.status, 403);

    let wrong = b
        .post(
            "/login",
            &[
                ("csrf", &csrf),
                ("username", "amina"),
                ("password", "not the password!"),
            ],
        )
        .await;
    assert_eq!(wrong.status, 401);
    assert!(wrong.body.contains("اسم المستخدم أو كلمة المرور غير صحيح"));

    let ok = b
        .post(
            "/login",
            &[
                ("csrf", &csrf),
                ("username", "Amina"),
                ("password", common::PASSWORD),
                ("next", "/bodies"),
            ],
        )
        .await;
    assert_eq!((ok.status, ok.location.as_deref()), (303, Some("/bodies")));
    let cookie = ok
        .headers
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        cookie.starts_with("tanzim_session=")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );

    let home = b.get("/").await;
    assert_eq!(home.status, 200);
    assert!(
        home.body.contains("amina name")
            && home.body.contains("مدير النظام")
            && home.body.contains("المغرب")
    );

    // An open redirect is not: `next` must stay on this site.
    let b2 = Browser::new(&app);
    let csrf2 = b2.get("/login").await.hidden("csrf");
    let evil = b2
        .post(
            "/login",
            &[
                ("csrf", &csrf2),
                ("username", "amina"),
                ("password", common::PASSWORD),
                ("next", "//evil.example"),
            ],
        )
        .await;
    assert_eq!(evil.location.as_deref(), Some("/"));
    // Signing in again gives a new session token (rotation).
    let cookie2 = evil
        .headers
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert_ne!(cookie.split(';').next(), cookie2.split(';').next());

    // Signing out ends the session on the server.
    let csrf = b.get("/").await.hidden("csrf");
    let out = b.post("/logout", &[("csrf", &csrf)]).await;
    assert_eq!(out.status, 303);
    assert_eq!(b.get("/").await.status, 303);
}
both_engines!(sign_in_rotates_and_sign_out_ends_sessions, sign_in_and_out);

async fn idle_sessions_expire(engine: Engine) {
    let app = common::spawn(engine).await;
    app.user("amina", &[(Role::Administrator, None, None)])
        .await;
    let b = app.browser("amina").await;
    assert_eq!(b.get("/").await.status, 200);
    let past = tanzim_store::now() - tanzim_domain::accounts::SESSION_IDLE_SECS - 5;
    let sql = "UPDATE sessions SET last_seen_at = $1";
    match &app.db {
        tanzim_store::Db::Sqlite(p) => sqlx::query(sql)
            .bind(past)
            .execute(p)
            .await
            .map(|_| ())
            .unwrap(),
        tanzim_store::Db::Postgres(p) => sqlx::query(sql)
            .bind(past)
            .execute(p)
            .await
            .map(|_| ())
            .unwrap(),
    }
    assert_eq!(b.get("/").await.status, 303);
}
both_engines!(idle_sessions_expire, idle_sessions_expire);

/// The issue's "done when": a provincial body in Béni Mellal, an officer of Taounate who
/// cannot see it through the UI or the API.
async fn scoped_officer_story(engine: Engine) {
    let app = common::spawn(engine).await;
    app.user("admin", &[(Role::Administrator, None, None)])
        .await;
    let admin = app.browser("admin").await;

    // Browse from the region to Kasba Tadla.
    let region = admin.get("/territories/05").await;
    assert!(region.body.contains("بني ملال") && region.body.contains("/territories/05.091"));
    let province = admin.get("/territories/05.091").await;
    assert!(
        province.body.contains("قصبة تادلة") && province.body.contains("/territories/05.091.01.07")
    );
    let found = admin.get("/territories?q=%D9%82%D8%B5%D8%A8%D9%87").await; // قصبه, ta marbuta folded
    assert!(found.body.contains("/territories/05.091.01.07"));

    // Create the provincial body there through the form.
    let created = admin
        .submit(
            "/bodies/new?territory=05.091",
            "/bodies",
            &[
                ("organization", "party"),
                ("kind", "provincial_secretariat"),
                ("territory", "05.091"),
                ("parent_id", ""),
                ("name", ""),
            ],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.body);
    let body_path = created.location.unwrap();
    let body_page = admin.get(&body_path).await;
    assert!(body_page.body.contains("الأمانة الإقليمية بني ملال"));
    assert!(
        admin
            .get("/territories/05.091")
            .await
            .body
            .contains(&body_path)
    );

    // A wrong level is a clear error and nothing is saved.
    let wrong = admin
        .submit(
            "/bodies/new",
            "/bodies",
            &[
                ("organization", "party"),
                ("kind", "regional_secretariat"),
                ("territory", "05.091"),
                ("parent_id", ""),
                ("name", ""),
            ],
        )
        .await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.body.contains("مستوى الهيئة لا يوافق"));

    // Create the Taounate officer through the form.
    let officer_created = admin
        .submit(
            "/users/new",
            "/users",
            &[
                ("username", "taounate.officer"),
                ("display_name", "مسؤول تاونات"),
                ("password", common::PASSWORD),
                ("role", "officer"),
                ("scope", "03.531"),
                ("organization", ""),
            ],
        )
        .await;
    assert_eq!(officer_created.status, 303, "{}", officer_created.body);

    let officer = app.browser("taounate.officer").await;
    assert_eq!(officer.get(&body_path).await.status, 404);
    let bodies = officer.get("/bodies").await;
    assert_eq!(bodies.status, 200, "{}", bodies.body);
    assert!(!bodies.body.contains(&body_path));
    // The territory is public reference data, but the body anchored there is not shown.
    let bm = officer.get("/territories/05.091").await;
    assert_eq!(bm.status, 200);
    assert!(!bm.body.contains(&body_path) && !bm.body.contains("create-body-here"));
    // Renaming or dissolving it answers as if it did not exist.
    assert_eq!(
        officer
            .submit("/", &format!("{body_path}/rename"), &[("name", "x")])
            .await
            .status,
        404
    );
    assert_eq!(
        officer
            .submit("/", &format!("{body_path}/dissolve"), &[("confirm", "yes")])
            .await
            .status,
        404
    );
    // Creating a body outside its scope is forbidden; inside it works.
    let outside = officer
        .submit(
            "/bodies/new",
            "/bodies",
            &[
                ("organization", "party"),
                ("kind", "local_bureau"),
                ("territory", "05.091.01.07"),
                ("parent_id", ""),
            ],
        )
        .await;
    assert_eq!(outside.status, 403);
    let inside = officer
        .submit(
            "/bodies/new",
            "/bodies",
            &[
                ("organization", "party"),
                ("kind", "local_bureau"),
                ("territory", "03.531.01.03"),
                ("parent_id", ""),
            ],
        )
        .await;
    assert_eq!(inside.status, 303, "{}", inside.body);

    // The same through the API.
    let officer_id = {
        let api = Api::new(&app, app.token(1).await);
        let (_, users) = api.get("/api/v1/users").await;
        users["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["username"] == "taounate.officer")
            .unwrap()["id"]
            .as_i64()
            .unwrap()
    };
    let api = Api::new(&app, app.token(officer_id).await);
    let id = body_path.rsplit('/').next().unwrap();
    assert_eq!(api.get(&format!("/api/v1/bodies/{id}")).await.0, 404);
    let (status, list) = api.get("/api/v1/bodies").await;
    assert_eq!(status, 200);
    assert_eq!(list["total"], 1, "only its own body: {list}");
    assert_eq!(api.get("/api/v1/bodies?territory=05").await.1["total"], 0);
    assert_eq!(
        api.send(
            "PATCH",
            &format!("/api/v1/bodies/{id}"),
            json!({"name": "x"})
        )
        .await
        .0,
        404
    );
    assert_eq!(api.get("/api/v1/users").await.0, 403);
    assert_eq!(api.get("/api/v1/audit").await.0, 403);
    let (status, err) = api
        .send(
            "POST",
            "/api/v1/bodies",
            json!({"organization": "party", "kind": "local_bureau", "territory": "05.091.01.07"}),
        )
        .await;
    assert_eq!((status, err["error"].as_str()), (403, Some("forbidden")));
}
both_engines!(
    an_officer_of_taounate_never_sees_beni_mellal,
    scoped_officer_story
);

async fn bodies_lifecycle(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin_id = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(admin_id).await);
    let (s, region) = api.send("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "regional_secretariat", "territory": "05", "name": "الأمانة الجهوية لجهة بني ملال خنيفرة"})).await;
    assert_eq!(s, 201, "{region}");
    let (s, province) = api
        .send("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "provincial_secretariat", "territory": "05.091", "parent_id": region["id"]}))
        .await;
    assert_eq!(s, 201, "{province}");
    // An affiliate's body cannot hang under the party's.
    let (s, err) = api.send("POST", "/api/v1/bodies", json!({"organization": "women", "kind": "provincial_office", "territory": "05.091", "parent_id": region["id"]})).await;
    assert_eq!(
        (s, err["error"].as_str(), err["field"].as_str()),
        (422, Some("parent-other-organization"), Some("parent"))
    );

    let rid = region["id"].as_i64().unwrap();
    // Dissolving needs confirmation, and a body with active bodies under it cannot go.
    assert_eq!(
        api.send("POST", &format!("/api/v1/bodies/{rid}/dissolve"), json!({}))
            .await
            .0,
        400
    );
    let (s, err) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{rid}/dissolve"),
            json!({"confirm": "true"}),
        )
        .await;
    assert_eq!((s, err["error"].as_str()), (409, Some("body-has-children")));
    let pid = province["id"].as_i64().unwrap();
    let (s, renamed) = api
        .send(
            "PATCH",
            &format!("/api/v1/bodies/{pid}"),
            json!({"name": "الكتابة الإقليمية ببني ملال"}),
        )
        .await;
    assert_eq!(
        (s, renamed["name"].as_str()),
        (200, Some("الكتابة الإقليمية ببني ملال"))
    );
    let (s, gone) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{pid}/dissolve"),
            json!({"confirm": "true"}),
        )
        .await;
    assert_eq!((s, gone["status"].as_str()), (200, Some("dissolved")));
    assert_eq!(
        api.send(
            "POST",
            &format!("/api/v1/bodies/{rid}/dissolve"),
            json!({"confirm": "true"})
        )
        .await
        .0,
        200
    );
    assert_eq!(api.get("/api/v1/bodies").await.1["total"], 0);
    assert_eq!(api.get("/api/v1/bodies?dissolved=1").await.1["total"], 2);

    // Every change is in the audit log, with who did it.
    let (_, log) = api.get("/api/v1/audit?actor=admin").await;
    let actions: Vec<&str> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "body-dissolved",
            "body-dissolved",
            "body-renamed",
            "body-created",
            "body-created"
        ]
    );
}
both_engines!(bodies_are_created_renamed_and_dissolved, bodies_lifecycle);

async fn pages_escape_and_paginate(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin_id = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(admin_id).await);
    for code in ["05.091.01.07", "05.091.01.01", "05.091.01.03"] {
        let (s, _) = api.send("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "local_bureau", "territory": code, "name": "<script>alert(1)</script>"})).await;
        assert_eq!(s, 201);
    }
    let page = api.get("/api/v1/bodies?page=2&page_size=2").await.1;
    assert_eq!(
        (
            page["total"].as_i64(),
            page["items"].as_array().map(Vec::len)
        ),
        (Some(3), Some(1))
    );
    let b = app.browser("admin").await;
    let page = b.get("/bodies").await;
    assert_eq!(page.status, 200, "{}", page.body);
    let html = page.body;
    // The raw tag must not be on the page, whatever else is; and the name must be there,
    // escaped (as numeric or named entities).
    assert!(
        !html.contains("<script>alert(1)</script>"),
        "the raw tag is on the page: {html}"
    );
    assert!(
        html.contains("&#60;script&#62;alert(1)&#60;/script&#62;")
            || html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the escaped name is not on the page: {html}"
    );
    // Security headers on every response.
    let r = b.get("/bodies").await;
    let csp = r
        .headers
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(
        csp.contains("frame-ancestors 'none'")
            && csp.contains("script-src 'self'")
            && !csp.contains("unsafe-inline")
    );
    assert_eq!(r.headers.get("x-content-type-options").unwrap(), "nosniff");
    assert_eq!(r.headers.get("referrer-policy").unwrap(), "no-referrer");
}
both_engines!(
    pages_escape_input_and_lists_paginate,
    pages_escape_and_paginate
);

async fn languages(engine: Engine) {
    let app = common::spawn(engine).await;
    app.user("amina", &[(Role::Officer, Some("05.091"), None)])
        .await;
    let b = app.browser("amina").await;
    let ar = b.get("/territories/05.091").await;
    assert_eq!(ar.status, 200);
    assert!(ar.body.contains(r#"lang="ar" dir="rtl""#) && ar.body.contains("عدد السكان"));
    let switch = b.get("/lang/fr?next=%2Fterritories%2F05.091").await;
    assert_eq!(
        (switch.status, switch.location.as_deref()),
        (303, Some("/territories/05.091"))
    );
    let fr = b.get("/territories/05.091").await;
    assert_eq!(fr.status, 200);
    assert!(fr.body.contains(r#"lang="fr" dir="ltr""#) && fr.body.contains("Population (2024)"));
    assert!(fr.body.contains("580\u{202F}327"), "grouped digits");
    // Remembered, and errors come in the chosen language too.
    let missing = b.get("/bodies/999999").await;
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("existe pas"), "{}", missing.body);
    // Browsers drop tabs from URLs: "/\t/evil" would be "//evil".
    assert_eq!(
        b.get("/lang/fr?next=/%09/evil.example")
            .await
            .location
            .as_deref(),
        Some("/")
    );
    let en = b.get("/lang/en?next=//evil").await;
    assert_eq!(en.location.as_deref(), Some("/"));
    assert!(b.get("/").await.body.contains(r#"lang="en" dir="ltr""#));
    assert_eq!(b.get("/lang/xx").await.status, 404);
}
both_engines!(language_switch_is_remembered, languages);

async fn users_and_roles(engine: Engine) {
    let app = common::spawn(engine).await;
    app.user("admin", &[(Role::Administrator, None, None)])
        .await;
    let regional = app
        .user("fes.admin", &[(Role::Administrator, Some("03"), None)])
        .await;
    let taounate = app
        .user("taounate", &[(Role::Officer, Some("03.531"), None)])
        .await;
    let beni = app
        .user("beni", &[(Role::Officer, Some("05.091"), None)])
        .await;

    let api = Api::new(&app, app.token(regional).await);
    // A regional administrator sees and manages only accounts inside its region.
    let (_, list) = api.get("/api/v1/users").await;
    let names: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["fes.admin", "taounate"]);
    assert_eq!(api.get(&format!("/api/v1/users/{beni}")).await.0, 404);
    assert_eq!(api.get(&format!("/api/v1/users/{taounate}")).await.0, 200);
    let new = |scope: &str| json!({"username": "new.user", "display_name": "New", "password": common::PASSWORD, "role": "officer", "scope": scope});
    // An account comes with a role: creating one is a grant, which a token may not make.
    let (s, err) = api.send("POST", "/api/v1/users", new("03.531")).await;
    assert_eq!((s, err["error"].as_str()), (403, Some("session-required")));
    // From its browser session, it cannot create a national account nor one outside its
    // region.
    let session = app.browser("fes.admin").await;
    for scope in ["", "05"] {
        let (s, err) = session.json("POST", "/api/v1/users", new(scope)).await;
        assert_eq!(
            (s, err["error"].as_str()),
            (403, Some("forbidden")),
            "{scope}"
        );
    }
    let (s, created) = session.json("POST", "/api/v1/users", new("03.531")).await;
    assert_eq!(s, 201, "{created}");
    let (s, err) = session.json("POST", "/api/v1/users", new("03.531")).await;
    assert_eq!((s, err["error"].as_str()), (409, Some("username-taken")));
    let (s, err) = session.json("POST", "/api/v1/users", json!({"username": "x", "display_name": "X", "password": "short", "role": "officer", "scope": "03"})).await;
    assert_eq!(
        (s, err["error"].as_str(), err["field"].as_str()),
        (422, Some("username-invalid"), Some("username"))
    );

    // An administrator limited to the women's organization lists no all-organization account.
    let women_admin = app
        .user(
            "women.admin",
            &[(Role::Administrator, Some("03"), Some("women"))],
        )
        .await;
    let (_, women_list) = Api::new(&app, app.token(women_admin).await)
        .get("/api/v1/users")
        .await;
    let listed: Vec<&str> = women_list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap())
        .collect();
    assert_eq!(listed, ["women.admin"]);

    // Through the pages: grant a role, revoke it, disable the account.
    let b = app.browser("fes.admin").await;
    let page = format!("/users/{taounate}");
    assert_eq!(
        b.submit(
            &page,
            &format!("{page}/roles"),
            &[("role", "analyst"), ("scope", "05"), ("organization", "")]
        )
        .await
        .status,
        403
    );
    assert_eq!(
        b.submit(
            &page,
            &format!("{page}/roles"),
            &[("role", "analyst"), ("scope", "03"), ("organization", "")]
        )
        .await
        .status,
        303
    );
    let roles = tanzim_store::accounts::roles(&app.db, taounate)
        .await
        .unwrap();
    assert_eq!(roles.len(), 2);
    let rid = roles[1].id;
    assert_eq!(
        b.submit(&page, &format!("{page}/roles/{rid}/revoke"), &[])
            .await
            .status,
        400,
        "confirmation required"
    );
    assert_eq!(
        b.submit(
            &page,
            &format!("{page}/roles/{rid}/revoke"),
            &[("confirm", "yes")]
        )
        .await
        .status,
        303
    );
    assert_eq!(
        tanzim_store::accounts::roles(&app.db, taounate)
            .await
            .unwrap()
            .len(),
        1
    );

    let t = app.browser("taounate").await;
    assert_eq!(t.get("/").await.status, 200);
    assert_eq!(
        b.submit(&page, &format!("{page}/disable"), &[("confirm", "yes")])
            .await
            .status,
        303
    );
    assert_eq!(
        t.get("/").await.status,
        303,
        "a disabled account's sessions end"
    );
    let t_api = Api::new(&app, app.token(taounate).await);
    assert_eq!(
        t_api.get("/api/v1/me").await.0,
        401,
        "and its tokens stop working"
    );

    // Reading an account is audited; the regional administrator sees its region's entries only.
    let (s, log) = api.get("/api/v1/audit?action=user-viewed").await;
    assert_eq!(s, 200, "{log}");
    assert!(log["total"].as_i64().unwrap() >= 1);
    let (s, all) = api.get("/api/v1/audit").await;
    assert_eq!(s, 200, "{all}");
    assert!(
        all["items"]
            .as_array()
            .is_some_and(|items| !items.is_empty()),
        "{all}"
    );
    assert!(
        all["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["scope_path"]
                .as_str()
                .is_some_and(|p| p.starts_with("03/"))),
        "{all}"
    );
}
both_engines!(
    administrators_manage_accounts_within_their_scope,
    users_and_roles
);

async fn tokens_and_health(engine: Engine) {
    let app = common::spawn(engine).await;
    app.user("amina", &[(Role::Analyst, None, None)]).await;
    let b = app.browser("amina").await;
    let page = b
        .submit("/account", "/account/tokens", &[("name", "tableur")])
        .await;
    assert_eq!(page.status, 200);
    let token = page
        .body
        .split("id=\"new-token\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_owned();
    let api = Api::new(&app, token);
    let (s, me) = api.get("/api/v1/me").await;
    assert_eq!((s, me["username"].as_str()), (200, Some("amina")));
    // Analysts see structure, never accounts.
    assert_eq!(api.get("/api/v1/users").await.0, 403);
    let tid = tanzim_store::accounts::tokens(&app.db, 1).await.unwrap()[0].id;
    assert_eq!(
        b.submit(
            "/account",
            &format!("/account/tokens/{tid}/revoke"),
            &[("confirm", "yes")]
        )
        .await
        .status,
        303
    );
    let (s, err) = api.get("/api/v1/me").await;
    assert_eq!((s, err["error"].as_str()), (401, Some("unauthenticated")));

    let health = reqwest::get(app.url("/healthz")).await.unwrap();
    assert_eq!(health.status(), 200);
    let doc: serde_json::Value = reqwest::get(app.url("/api/v1/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["paths"]["/api/v1/territories/{code}"]["get"].is_object());
}
both_engines!(tokens_are_created_and_revoked, tokens_and_health);
