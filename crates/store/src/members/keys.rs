//! The keys stored with a member's names for search and duplicate checks.

use crate::BeginWrite as _;
use crate::{Db, Result};
use tanzim_domain::members::Person;

/// The consonant skeletons stored for cross-script search: the Arabic full name's and the
/// Latin full name's, separated by ` | `.
pub fn skeleton_key(p: &Person) -> String {
    skeleton_of([
        &p.first_name_ar,
        &p.last_name_ar,
        &p.first_name_lat,
        &p.last_name_lat,
    ])
}

fn skeleton_of(names: [&Option<String>; 4]) -> String {
    let [far, lar, flat, llat] = names;
    [full_name(far, lar), full_name(flat, llat)]
        .iter()
        .map(|n| tanzim_domain::names::skeleton(n))
        .filter(|k| !k.is_empty())
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Fills the skeleton and search terms of members written before they existed (run at
/// start; one indexed query when there are none).
pub async fn backfill_search_keys(db: &Db) -> Result<u64> {
    #[derive(sqlx::FromRow)]
    struct Names {
        id: i64,
        first_name_ar: Option<String>,
        last_name_ar: Option<String>,
        first_name_lat: Option<String>,
        last_name_lat: Option<String>,
    }
    let mut done = 0;
    let mut after = 0i64;
    loop {
        let rows: Vec<Names> = on_pool!(db, p => {
            sqlx::query_as::<_, Names>(
                "SELECT id, first_name_ar, last_name_ar, first_name_lat, last_name_lat FROM members
                 WHERE search_terms = '' AND id > $1 ORDER BY id LIMIT 1000",
            )
            .bind(after)
            .fetch_all(p)
            .await
        })?;
        let Some(last) = rows.last() else {
            return Ok(done);
        };
        after = last.id;
        on_pool!(db, p => {
            let mut tx = p.begin_write().await?;
            for r in &rows {
                let names = [&r.first_name_ar, &r.last_name_ar, &r.first_name_lat, &r.last_name_lat];
                sqlx::query("UPDATE members SET skeleton = $1, search_terms = $2 WHERE id = $3")
                    .bind(skeleton_of(names))
                    .bind(terms_of(names))
                    .bind(r.id)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
        });
        done += rows.len() as u64;
    }
}

/// The terms of the text index (see `names::search_terms`).
pub fn search_terms(p: &Person) -> String {
    terms_of([
        &p.first_name_ar,
        &p.last_name_ar,
        &p.first_name_lat,
        &p.last_name_lat,
    ])
}

fn terms_of(names: [&Option<String>; 4]) -> String {
    let [far, lar, flat, llat] = names;
    tanzim_domain::names::search_terms(&full_name(far, lar), &full_name(flat, llat))
}

fn full_name(first: &Option<String>, last: &Option<String>) -> String {
    [first, last]
        .iter()
        .filter_map(|x| x.as_deref())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The folded names stored for search.
pub fn name_key(p: &Person) -> String {
    [
        &p.first_name_ar,
        &p.last_name_ar,
        &p.first_name_lat,
        &p.last_name_lat,
    ]
    .iter()
    .filter_map(|n| n.as_deref())
    .map(tanzim_domain::names::fold)
    .collect::<Vec<_>>()
    .join(" | ")
}
