//! Sensitive actions need a fresh password: creating a token, granting a role (an account
//! included), exporting members and making a calendar link are refused to bearer tokens,
//! and a session whose password was typed more than ten minutes ago is sent to confirm it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Browser, Engine, PASSWORD, TestApp};
use serde_json::json;
use tanzim_domain::accounts::Role;
use tanzim_web::routes::{self, Guard};

/// Makes every session's password check eleven minutes old.
async fn age_password_checks(app: &TestApp) {
    let eleven_minutes_ago = tanzim_store::now() - 11 * 60;
    common::execute(
        &app.db,
        "UPDATE sessions SET reauthenticated_at = $1",
        &[eleven_minutes_ago],
    )
    .await;
}

async fn token_count(app: &TestApp, user_id: i64) -> usize {
    tanzim_store::accounts::tokens(&app.db, user_id)
        .await
        .unwrap()
        .len()
}

async fn tokens_cannot_mint_tokens(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let officer = app
        .user("officer", &[(Role::Officer, Some("05.091"), None)])
        .await;
    let token = app.token(admin).await;
    let api = Api::new(&app, token.clone());
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let as_token = |method: reqwest::Method, path: &str| {
        client
            .request(method, app.url(path))
            .bearer_auth(&token)
            .form(&[("name", "stolen"), ("role", "administrator"), ("scope", "")])
    };

    // The account page's form, posted with the token: no new token.
    let r = as_token(reqwest::Method::POST, "/account/tokens")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("data-error=\"session-required\"")
    );
    assert_eq!(token_count(&app, admin).await, 1);

    // Nor a role, an account, an export, a calendar link or a password confirmation.
    for (method, path) in [
        (reqwest::Method::POST, format!("/users/{officer}/roles")),
        (reqwest::Method::POST, "/users".to_owned()),
        (reqwest::Method::GET, "/members/export.csv".to_owned()),
        (reqwest::Method::GET, "/members/export.xlsx".to_owned()),
        (reqwest::Method::POST, "/calendar/link".to_owned()),
        (reqwest::Method::GET, "/account/confirm".to_owned()),
        (reqwest::Method::POST, "/account/confirm".to_owned()),
    ] {
        let r = as_token(method.clone(), &path).send().await.unwrap();
        assert_eq!(r.status().as_u16(), 403, "{method} {path}");
    }
    assert_eq!(
        tanzim_store::accounts::roles(&app.db, officer)
            .await
            .unwrap()
            .len(),
        1
    );
    let (s, err) = api
        .send(
            "POST",
            "/api/v1/users",
            json!({"username": "second.admin", "display_name": "Second", "password": PASSWORD, "role": "administrator"}),
        )
        .await;
    assert_eq!((s, err["error"].as_str()), (403, Some("session-required")));
    assert!(
        tanzim_store::accounts::credentials(&app.db, "second.admin")
            .await
            .unwrap()
            .is_none()
    );
    // Reading is what tokens are for, and still works.
    assert_eq!(api.get("/api/v1/members").await.0, 200);
}
both_engines!(a_token_cannot_create_a_token, tokens_cannot_mint_tokens);

/// The token shown once on the account page.
fn new_token(page: &common::Page) -> Option<String> {
    let rest = page.body.split("id=\"new-token\">").nth(1)?;
    rest.split('<').next().map(str::to_owned)
}

async fn stale_sessions_confirm(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let officer = app
        .user("officer", &[(Role::Officer, Some("05.091"), None)])
        .await;
    let b = app.browser("admin").await;
    // Signing in is a password check: a fresh session exports at once.
    assert_eq!(b.get("/members/export.csv").await.status, 200);

    age_password_checks(&app).await;
    let export = b.get("/members/export.csv?status=active").await;
    assert_eq!(export.status, 303);
    assert_eq!(
        export.location.as_deref(),
        Some("/account/confirm?next=%2Fmembers%2Fexport.csv%3Fstatus%3Dactive")
    );
    let token = b
        .submit("/account", "/account/tokens", &[("name", "tableur")])
        .await;
    assert_eq!(
        (token.status, token.location.as_deref()),
        (303, Some("/account/confirm?next=%2Faccount"))
    );
    assert_eq!(token_count(&app, admin).await, 0);
    let page = format!("/users/{officer}");
    let grant = b
        .submit(
            &page,
            &format!("{page}/roles"),
            &[
                ("role", "administrator"),
                ("scope", ""),
                ("organization", ""),
            ],
        )
        .await;
    let expected = format!("/account/confirm?next=%2Fusers%2F{officer}");
    assert_eq!(
        (grant.status, grant.location.as_deref()),
        (303, Some(expected.as_str()))
    );
    assert_eq!(
        tanzim_store::accounts::roles(&app.db, officer)
            .await
            .unwrap()
            .len(),
        1
    );
    // The API answers the same session with an error, not a redirect.
    let (s, err) = b
        .json(
            "POST",
            "/api/v1/users",
            json!({"username": "second.admin", "display_name": "Second", "password": PASSWORD, "role": "administrator"}),
        )
        .await;
    assert_eq!((s, err["error"].as_str()), (403, Some("reauth-required")));

    // The confirmation page: a wrong password changes nothing.
    let form = b
        .get("/account/confirm?next=%2Fmembers%2Fexport.csv%3Fstatus%3Dactive")
        .await;
    assert_eq!(form.status, 200);
    assert_eq!(form.hidden("next"), "/members/export.csv?status=active");
    let csrf = form.hidden("csrf");
    let wrong = b
        .post(
            "/account/confirm",
            &[
                ("csrf", &csrf),
                ("password", "not the password at all"),
                ("next", "/account"),
            ],
        )
        .await;
    assert_eq!(wrong.status, 401);
    assert_eq!(b.get("/members/export.csv").await.status, 303);
    // Without the form's CSRF token the password is not even checked.
    let forged = b
        .post(
            "/account/confirm",
            &[("password", PASSWORD), ("next", "/account")],
        )
        .await;
    assert_eq!(forged.status, 403);
    assert_eq!(b.get("/members/export.csv").await.status, 303);

    // The right password sends the user back where they were going.
    let ok = b
        .post(
            "/account/confirm",
            &[
                ("csrf", &csrf),
                ("password", PASSWORD),
                ("next", "/members/export.csv?status=active"),
            ],
        )
        .await;
    assert_eq!(
        (ok.status, ok.location.as_deref()),
        (303, Some("/members/export.csv?status=active"))
    );
    assert_eq!(b.get("/members/export.csv?status=active").await.status, 200);
    let created = b
        .submit("/account", "/account/tokens", &[("name", "tableur")])
        .await;
    assert_eq!(created.status, 200);
    assert!(new_token(&created).is_some_and(|t| t.starts_with("tzm_")));
    assert_eq!(token_count(&app, admin).await, 1);

    // Only to a local page.
    let away = b
        .post(
            "/account/confirm",
            &[
                ("csrf", &csrf),
                ("password", PASSWORD),
                ("next", "//evil.example/"),
            ],
        )
        .await;
    assert_eq!((away.status, away.location.as_deref()), (303, Some("/")));

    // Every attempt is on record.
    let api = Api::new(&app, app.token(admin).await);
    for (action, total) in [("password-confirmed", 2), ("password-confirm-failed", 1)] {
        let (_, log) = api.get(format!("/api/v1/audit?action={action}")).await;
        assert_eq!(log["total"], total, "{action}");
    }
}
both_engines!(
    a_session_past_ten_minutes_confirms_its_password_then_may,
    stale_sessions_confirm
);

async fn confirmation_is_throttled(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let b = app.browser("admin").await;
    age_password_checks(&app).await;
    let csrf = b.get("/account/confirm").await.hidden("csrf");
    for _ in 0..5 {
        let r = b
            .post(
                "/account/confirm",
                &[("csrf", &csrf), ("password", "a wrong guess, again")],
            )
            .await;
        assert_eq!(r.status, 401);
    }
    // The sixth attempt is refused unchecked, even with the right password. The first wait
    // after five failures is a second, which a loaded machine can spend between two
    // requests: the failures are dated a minute ahead, so that the attempt falls inside it.
    common::execute(
        &app.db,
        "UPDATE login_failures SET at = $1",
        &[tanzim_store::now() + 60],
    )
    .await;
    let r = b
        .post(
            "/account/confirm",
            &[("csrf", &csrf), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status, 429);
    assert_eq!(b.get("/members/export.csv").await.status, 303);
    let (_, log) = Api::new(&app, app.token(admin).await)
        .get("/api/v1/audit?action=password-confirm-throttled")
        .await;
    assert_eq!(log["total"], 1);
}
both_engines!(
    password_confirmation_is_throttled,
    confirmation_is_throttled
);

/// Every route the table marks as sensitive sends an old session to confirm (pages) or
/// answers 403 `reauth-required` (API), before reading anything it was sent.
async fn every_sensitive_route(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(admin).await);
    let (s, body) = api
        .send("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "provincial_secretariat", "territory": "05.091"}))
        .await;
    assert_eq!(s, 201, "{body}");
    let body_id = body["id"].as_i64().unwrap();
    let b: Browser = app.browser("admin").await;
    let csrf = b.get("/account").await.hidden("csrf");
    age_password_checks(&app).await;
    let mut checked = Vec::new();
    for route in routes::table() {
        let spec = route.spec;
        if spec.guard != Guard::FreshPassword {
            continue;
        }
        // `{id}` is an account under /users, a body elsewhere.
        let id = if spec.path.starts_with("/users/") {
            admin
        } else {
            body_id
        };
        let path = spec.path.replace("{id}", &id.to_string());
        let r = b
            .client
            .request(
                reqwest::Method::from_bytes(spec.method.as_bytes()).unwrap(),
                app.url(&path),
            )
            .header("x-csrf-token", &csrf)
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        let location = r
            .headers()
            .get("location")
            .map(|v| v.to_str().unwrap().to_owned());
        if path.starts_with("/api/") {
            let err: serde_json::Value = r.json().await.unwrap();
            assert_eq!(
                (status, err["error"].as_str()),
                (403, Some("reauth-required")),
                "{} {path}",
                spec.method
            );
        } else {
            assert_eq!(status, 303, "{} {path}", spec.method);
            assert!(
                location
                    .as_deref()
                    .is_some_and(|l| l.starts_with("/account/confirm?next=%2F")),
                "{} {path}: {location:?}",
                spec.method
            );
        }
        checked.push(format!("{} {}", spec.method, spec.path));
    }
    checked.sort();
    assert_eq!(
        checked,
        [
            "GET /contacts/export.csv",
            "GET /jobs/{id}/download",
            "GET /members/export.csv",
            "GET /members/export.xlsx",
            "POST /account/tokens",
            "POST /api/v1/users",
            "POST /bodies/{id}/calendar/link",
            "POST /calendar/link",
            "POST /members/exports",
            "POST /users",
            "POST /users/{id}/roles",
        ]
    );
    assert_eq!(token_count(&app, admin).await, 1, "only the test's own");
}
both_engines!(
    every_sensitive_route_sends_an_old_session_to_confirm,
    every_sensitive_route
);
