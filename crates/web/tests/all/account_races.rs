//! Two national administrators disabling each other at once, on SQLite and on PostgreSQL:
//! each sees two administrators when it checks, so checking and then writing on its own
//! would let both succeed and leave the organization with none.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::Engine;
use tanzim_domain::accounts::Role;
use tanzim_store::accounts;

const ROUNDS: usize = 12;

async fn national_administrators(app: &common::TestApp) -> i64 {
    let mut tx = app.db.begin().await.unwrap();
    let n = accounts::count_national_administrators(&mut tx)
        .await
        .unwrap();
    drop(tx);
    n
}

async fn one_administrator_always_stays(engine: Engine) {
    let app = common::spawn(engine).await;
    let national = [(Role::Administrator, None, None)];
    let a = app.user("admin.a", &national).await;
    let b = app.user("admin.b", &national).await;
    assert_eq!(national_administrators(&app).await, 2);
    let (mut as_a, mut as_b) = (app.browser("admin.a").await, app.browser("admin.b").await);
    for round in 0..ROUNDS {
        // Each takes its form's token first; then both send at once.
        let (page_a, page_b) = (format!("/users/{a}"), format!("/users/{b}"));
        let (off_a, off_b) = (format!("{page_a}/disable"), format!("{page_b}/disable"));
        let csrf_a = as_a.get(&page_b).await.hidden("csrf");
        let csrf_b = as_b.get(&page_a).await.hidden("csrf");
        let form_a = [("csrf", csrf_a.as_str()), ("confirm", "yes")];
        let form_b = [("csrf", csrf_b.as_str()), ("confirm", "yes")];
        let (ra, rb) = tokio::join!(as_a.post(&off_b, &form_a), as_b.post(&off_a, &form_b));
        assert_eq!(
            national_administrators(&app).await,
            1,
            "round {round}: exactly one of the two may be disabled (answers {} and {})",
            ra.status,
            rb.status
        );
        // The one still enabled enables the other, who signs in again.
        let a_disabled = accounts::user(&app.db, a).await.unwrap().unwrap().disabled;
        let (survivor, (id, name)) = if a_disabled {
            (&as_b, (a, "admin.a"))
        } else {
            (&as_a, (b, "admin.b"))
        };
        let r = survivor
            .submit(&format!("/users/{id}"), &format!("/users/{id}/enable"), &[])
            .await;
        assert_eq!(r.status, 303, "round {round}: {}", r.body);
        assert_eq!(national_administrators(&app).await, 2);
        if a_disabled {
            as_a = app.browser(name).await;
        } else {
            as_b = app.browser(name).await;
        }
    }
}
both_engines!(
    the_last_national_administrator_stays_under_concurrency,
    one_administrator_always_stays
);
