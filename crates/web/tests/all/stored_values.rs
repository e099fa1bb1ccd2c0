//! A value in the database that the domain does not know is refused when its row is read,
//! never replaced by a default: an application whose stored sex is neither F nor M is not
//! read as a man, nor a stored day in another shape shown as it is. (Members, holders and leads have a CHECK on their sex, a role's scope a
//! foreign key; applications have neither.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Engine, person};
use tanzim_domain::accounts::Role;
use tanzim_domain::sex::Sex;
use tanzim_store::{StoreError, applications};

async fn unknown_stored_values_are_errors(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(admin).await);
    let (status, created) = api
        .send(
            "POST",
            "/api/v1/applications",
            person("AB123456", "03.531.01.03"),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_i64().unwrap();
    let application = applications::get(&app.db, id).await.unwrap().unwrap();
    assert_eq!(application.person.sex, Sex::F);

    common::execute(
        &app.db,
        "UPDATE applications SET sex = 'X' WHERE id = $1",
        &[id],
    )
    .await;
    let read = applications::get(&app.db, id).await;
    // The decoder's own message does not reach sqlx's error (it reports the column only).
    assert!(
        matches!(&read, Err(StoreError::Database(sqlx::Error::ColumnDecode { index, .. })) if index == "sex"),
        "{read:?}"
    );
    let (status, body) = api.get(format!("/api/v1/applications/{id}")).await;
    assert_eq!(status, 500, "a guessed record instead of an error: {body}");

    // A day stored in another shape is refused too, never shown as it is.
    common::execute(
        &app.db,
        "UPDATE applications SET sex = 'F', birth_date = '08/12/1990' WHERE id = $1",
        &[id],
    )
    .await;
    let read = applications::get(&app.db, id).await;
    assert!(
        matches!(&read, Err(StoreError::Database(sqlx::Error::ColumnDecode { index, source }))
            if index.trim_matches('"') == "birth_date" && source.to_string().contains("08/12/1990")),
        "{read:?}"
    );
    let (status, body) = api.get(format!("/api/v1/applications/{id}")).await;
    assert_eq!(status, 500, "a stored day shown as it is: {body}");
}

both_engines!(unknown_stored_values, unknown_stored_values_are_errors);
