//! Authorization as a matrix: every route of the route table × every kind of principal ×
//! an in-scope or out-of-scope target. The expected outcome of each cell comes from the
//! route's declared access and the domain policy (whose own rules are pinned by the
//! domain's unit tests); this test proves each handler enforces what its route declares.
//! A route added to the table joins the matrix without anyone touching this file. Every
//! principal calls with a bearer token, so the routes reserved to browser sessions (see
//! `Guard`) must refuse the allowed ones with 403 `session-required`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common::{self, Engine};
use tanzim_domain::accounts::Role;
use tanzim_domain::policy::{Decision, decide};
use tanzim_store::{accounts, bodies};
use tanzim_web::accounts::decide_on_account;
use tanzim_web::applications::application_decision;
use tanzim_web::auth::{CurrentUser, Via};
use tanzim_web::members::member_decision;
use tanzim_web::routes::{self, Access, Guard, TargetKind};

async fn matrix(engine: Engine) {
    let app = common::spawn(engine).await;
    let setup_admin = app
        .user("setup", &[(Role::Administrator, None, None)])
        .await;
    let api = common::Api::new(&app, app.token(setup_admin).await);
    let (s, body) = api
        .send("POST", "/api/v1/bodies", serde_json::json!({"organization": "party", "kind": "provincial_secretariat", "territory": "05.091"}))
        .await;
    assert_eq!(s, 201);
    let body_id = body["id"].as_i64().unwrap();
    let year = chrono::Datelike::year(&tanzim_web::today());
    let (s, campaign) = api
        .send("POST", "/api/v1/campaigns", serde_json::json!({"body_id": body_id, "year": year.to_string(), "opens_on": format!("{year}-01-01"),
            "closes_on": format!("{year}-12-31"), "categories": "standard|Standard|100"}))
        .await;
    assert_eq!(s, 201, "{campaign}");
    let campaign_id = campaign["id"].as_i64().unwrap();
    let (s, member) = api
        .send(
            "POST",
            "/api/v1/members",
            common::person("AB123456", "05.091.01.07"),
        )
        .await;
    assert_eq!(s, 201, "{member}");
    let member_id = member["id"].as_i64().unwrap();
    let (s, payment) = api
        .send("POST", &format!("/api/v1/members/{member_id}/payments"), serde_json::json!({"campaign_id": campaign_id, "category": "standard", "receipt": "R-1"}))
        .await;
    assert_eq!(s, 201, "{payment}");
    let payment_id = payment["id"].as_i64().unwrap();
    let (s, application) = api
        .send(
            "POST",
            "/api/v1/applications",
            common::person("CD654321", "05.091.01.07"),
        )
        .await;
    assert_eq!(s, 201, "{application}");
    let application_id = application["id"].as_i64().unwrap();
    // A probable duplicate of the member, met in an import (same names and birth date).
    let m = tanzim_store::members::get(&app.db, member_id)
        .await
        .unwrap()
        .unwrap();
    let roll = format!(
        "first_name_ar,last_name_ar,first_name_lat,last_name_lat,sex,birth_date,cin,commune_code\n{},{},{},{},{},{},EF777777,05.091.01.07\n",
        m.first_name_ar.clone().unwrap_or_default(),
        m.last_name_ar.clone().unwrap_or_default(),
        m.first_name_lat.clone().unwrap_or_default(),
        m.last_name_lat.clone().unwrap_or_default(),
        m.sex,
        m.birth_date
    );
    let options = tanzim_reports::roll::Options {
        on_existing: tanzim_store::imports::OnExisting::Report,
        dry_run: false,
        actor: "setup",
        actor_id: None,
        token: &tanzim_web::auth::random_token,
        scope: None,
        reach: None,
        today: tanzim_web::today(),
    };
    let profile = tanzim_domain::org::Profile::default_profile().unwrap();
    let (imported, _) = tanzim_reports::roll::import_file(
        &app.db,
        &profile,
        roll.as_bytes(),
        &Default::default(),
        &options,
    )
    .await
    .unwrap();
    assert_eq!(imported.review, 1);
    let scope_all = tanzim_store::ScopeFilter::from_assignments(std::iter::once(
        &tanzim_domain::accounts::RoleAssignment {
            role: Role::Administrator,
            scope: None,
            scope_path: tanzim_domain::territory::TerritoryPath::national(),
            organization: None,
        },
    ));
    let review_row =
        tanzim_store::imports::reviews(&app.db, &scope_all, tanzim_store::Page::new(None, None))
            .await
            .unwrap()
            .items
            .remove(0);
    let review_id = review_row.id;
    // A meeting of the body, with its minutes and a communiqué.
    let (s, meeting) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body_id}/meetings"),
            serde_json::json!({"kind": "organizational", "held_on": "2022-12-08", "agenda": ["x"]}),
        )
        .await;
    assert_eq!(s, 201, "{meeting}");
    let meeting_id = meeting["id"].as_i64().unwrap();
    // Its minutes drafted, so that their PDF exists.
    let (s, _) = api
        .send(
            "POST",
            &format!("/api/v1/meetings/{meeting_id}/minutes"),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(s, 200);
    let (s, communique) = api
        .send(
            "POST",
            &format!("/api/v1/meetings/{meeting_id}/communiques"),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(s, 201, "{communique}");
    let communique_id = communique["id"].as_i64().unwrap();
    // The body's ethics committee (a meeting's approved decision), a case about the member
    // before it, and a document of the case.
    let (s, ethics) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body_id}/meetings"),
            serde_json::json!({"kind": "organizational", "held_on": "2023-01-14"}),
        )
        .await;
    assert_eq!(s, 201, "{ethics}");
    let ethics = format!("/api/v1/meetings/{}", ethics["id"]);
    for (step, body) in [
        (
            "decisions",
            serde_json::json!({"decision": {"kind": "create_committee", "committee": "ethics"}}),
        ),
        ("minutes", serde_json::json!({})),
        ("minutes/approve", serde_json::json!({})),
    ] {
        let (s, r) = api.send("POST", &format!("{ethics}/{step}"), body).await;
        assert!(s == 200 || s == 201, "{step}: {r}");
    }
    let (s, case) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body_id}/cases"),
            serde_json::json!({"member_id": member_id, "grounds": "x"}),
        )
        .await;
    assert_eq!(s, 201, "{case}");
    let case_id = case["id"].as_i64().unwrap();
    let boundary = "matrix-boundary";
    let upload = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nt\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nx\r\n--{boundary}--\r\n"
    );
    let document = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/cases/{case_id}/documents")))
        .bearer_auth(&api.token)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(upload)
        .send()
        .await
        .unwrap();
    assert_eq!(document.status().as_u16(), 201);
    let document_id = document.json::<serde_json::Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    let target_user = app
        .user("target.user", &[(Role::Officer, Some("05.091"), None)])
        .await;
    let target_role = accounts::roles(&app.db, target_user).await.unwrap()[0].id;

    let principals: Vec<(&str, Option<i64>)> = vec![
        ("anonymous", None),
        (
            "admin.national",
            Some(
                app.user("admin.national", &[(Role::Administrator, None, None)])
                    .await,
            ),
        ),
        (
            "admin.fes",
            Some(
                app.user("admin.fes", &[(Role::Administrator, Some("03"), None)])
                    .await,
            ),
        ),
        (
            "officer.beni",
            Some(
                app.user("officer.beni", &[(Role::Officer, Some("05.091"), None)])
                    .await,
            ),
        ),
        (
            "officer.taounate",
            Some(
                app.user("officer.taounate", &[(Role::Officer, Some("03.531"), None)])
                    .await,
            ),
        ),
        (
            "officer.women",
            Some(
                app.user(
                    "officer.women",
                    &[(Role::Officer, Some("05"), Some("women"))],
                )
                .await,
            ),
        ),
        (
            "committee",
            Some(
                app.user("committee", &[(Role::CommitteeMember, Some("05"), None)])
                    .await,
            ),
        ),
        (
            "communication",
            Some(
                app.user("communication", &[(Role::CommunicationOfficer, None, None)])
                    .await,
            ),
        ),
        (
            "analyst",
            Some(app.user("analyst", &[(Role::Analyst, None, None)]).await),
        ),
    ];
    let body_target = bodies::get(&app.db, body_id)
        .await
        .unwrap()
        .unwrap()
        .target();
    let user_roles = accounts::roles(&app.db, target_user).await.unwrap();
    let member_row = tanzim_store::members::get(&app.db, member_id)
        .await
        .unwrap()
        .unwrap();
    let application_row = tanzim_store::applications::get(&app.db, application_id)
        .await
        .unwrap()
        .unwrap();
    let campaign_target = tanzim_store::campaigns::get(&app.db, campaign_id)
        .await
        .unwrap()
        .unwrap()
        .target();
    let case_target = tanzim_store::discipline::get(&app.db, case_id)
        .await
        .unwrap()
        .unwrap()
        .target();
    let state = tanzim_web::AppState::new(
        app.db.clone(),
        tanzim_domain::org::Profile::default_profile().unwrap(),
        tanzim_web::Config::default(),
    )
    .unwrap();

    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut cells = 0;
    let mut failures = Vec::new();
    for (name, id) in &principals {
        let token = match id {
            Some(id) => Some(app.token(*id).await),
            None => None,
        };
        let principal = match id {
            Some(id) => Some(accounts::principal(&app.db, *id).await.unwrap().unwrap().0),
            None => None,
        };
        for route in routes::table() {
            let spec = route.spec;
            let id_value = match spec.access {
                Access::Policy(_, TargetKind::Body) => body_id,
                Access::Policy(_, TargetKind::User) => target_user,
                Access::Policy(_, TargetKind::Member) => member_id,
                Access::Policy(_, TargetKind::Application) => application_id,
                Access::Policy(_, TargetKind::Campaign) => campaign_id,
                Access::Policy(_, TargetKind::Payment) => payment_id,
                Access::Policy(_, TargetKind::Review) => review_id,
                Access::Policy(_, TargetKind::Meeting) => meeting_id,
                Access::Policy(_, TargetKind::Communique) => communique_id,
                Access::Policy(_, TargetKind::Case) => case_id,
                _ => 999_999,
            };
            let path = spec
                .path
                .replace("{id}", &id_value.to_string())
                .replace("{role_id}", &target_role.to_string())
                .replace("{document_id}", &document_id.to_string())
                .replace("{code}", "05.091")
                .replace("{file}", "tanzim.css")
                .replace("{token}", "not-a-card-token");
            let mut request = client.request(
                reqwest::Method::from_bytes(spec.method.as_bytes()).unwrap(),
                app.url(&path),
            );
            if let Some(t) = &token {
                request = request.bearer_auth(t);
            }
            let response = request.send().await.unwrap();
            let status = response.status().as_u16();
            let location = response
                .headers()
                .get("location")
                .map(|v| v.to_str().unwrap().to_owned())
                .unwrap_or_default();
            let text = response.text().await.unwrap_or_default();
            let api = spec.path.starts_with("/api/") && spec.path != "/api/v1/openapi.json";
            // What a bearer token gets where a browser session is required.
            let session_required = status == 403
                && if api {
                    serde_json::from_str::<serde_json::Value>(&text)
                        .is_ok_and(|v| v["error"] == "session-required")
                } else {
                    text.contains("data-error=\"session-required\"")
                };
            let needs_session = spec.guard != Guard::Any;
            let to_login = if api {
                status == 401
            } else {
                status == 303 && location.starts_with("/login")
            };

            let verdict: Result<(), String> = match (spec.access, &principal) {
                (Access::Public, _) => {
                    // POSTs without a token are refused by CSRF (403), never by authentication.
                    if status == 401 || (spec.method == "GET" && status == 403) {
                        Err(format!("public route answered {status}"))
                    } else {
                        Ok(())
                    }
                }
                (_, None) => {
                    if to_login {
                        Ok(())
                    } else {
                        Err(format!("anonymous got {status} {location}"))
                    }
                }
                (Access::SignedIn, Some(_)) if needs_session => {
                    if session_required {
                        Ok(())
                    } else {
                        Err(format!("a token got {status}, not session-required"))
                    }
                }
                (Access::SignedIn, Some(_)) => {
                    if matches!(status, 401 | 403) {
                        Err(format!("signed-in user got {status}"))
                    } else {
                        Ok(())
                    }
                }
                (Access::Policy(action, kind), Some(p)) => {
                    let user = CurrentUser {
                        principal: p.clone(),
                        display_name: String::new(),
                        via: Via::Bearer,
                    };
                    let expected = match kind {
                        TargetKind::None => decide(p, action, None),
                        TargetKind::Body => decide(p, action, Some(&body_target)),
                        TargetKind::User => decide_on_account(&user, action, &user_roles),
                        TargetKind::Member | TargetKind::Payment => {
                            member_decision(&state, &user, action, &member_row)
                        }
                        TargetKind::Application => {
                            application_decision(&state, &user, action, &application_row)
                        }
                        TargetKind::Campaign => decide(p, action, Some(&campaign_target)),
                        TargetKind::Review => decide(p, action, Some(&review_row.target())),
                        // Meetings and communiqués are as reachable as their body.
                        TargetKind::Meeting | TargetKind::Communique => {
                            decide(p, action, Some(&body_target))
                        }
                        TargetKind::Case => decide(p, action, Some(&case_target)),
                    };
                    match (expected, status) {
                        (Decision::Allow, _) if needs_session => {
                            if session_required {
                                Ok(())
                            } else {
                                Err(format!("a token got {status}, not session-required"))
                            }
                        }
                        (Decision::Allow, 401 | 403 | 404) => {
                            Err(format!("expected allowed, got {status}"))
                        }
                        (Decision::Allow, _)
                        | (Decision::Forbidden, 403)
                        | (Decision::NotFound, 404) => Ok(()),
                        (e, s) => Err(format!("expected {e:?}, got {s}")),
                    }
                }
            };
            cells += 1;
            if let Err(why) = verdict {
                failures.push(format!("{} {} as {name}: {why}", spec.method, spec.path));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {cells} cells wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(cells, principals.len() * routes::table().len());
    // The matrix tried to change things with empty forms only: nothing changed.
    let body_after = bodies::get(&app.db, body_id).await.unwrap().unwrap();
    assert!(body_after.is_active() && body_after.name == body["name"].as_str().unwrap());
    assert_eq!(
        accounts::roles(&app.db, target_user).await.unwrap().len(),
        1
    );
    let member_after = tanzim_store::members::get(&app.db, member_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            member_after.status.as_str(),
            member_after.commune_code.as_str()
        ),
        ("active", "05.091.01.07")
    );
    let case_after = tanzim_store::discipline::get(&app.db, case_id)
        .await
        .unwrap()
        .unwrap();
    assert!(case_after.is_open() && case_after.decision.is_none());
    assert_eq!(
        tanzim_store::discipline::hearings(&app.db, case_id)
            .await
            .unwrap()
            .len(),
        0
    );
}
both_engines!(every_route_every_role_every_scope, matrix);
