//! Lists of members and the ranked search of the roll.

use super::rows::{Member, SELECT};
use crate::{Db, Page, Paged, Result, ScopeFilter, StoreError};
use tanzim_domain::members::Status;
use tanzim_domain::territory::TerritoryPath;

#[derive(Debug, Clone, Default)]
pub struct MemberQuery {
    pub within: Option<TerritoryPath>,
    pub status: Option<Status>,
    /// A name (folded, either script), a CIN, a phone or a membership number.
    pub q: Option<String>,
    /// Where `q` may match CINs and phones: the scope in which the user may see them
    /// (`None`: nowhere). A role that sees contacts in one province finds no one elsewhere
    /// by CIN or phone.
    pub contact_scope: Option<ScopeFilter>,
}

/// Members the scope covers, filtered, by number.
pub async fn list(
    db: &Db,
    scope: &ScopeFilter,
    q: &MemberQuery,
    page: Page,
) -> Result<Paged<Member>> {
    let (where_sql, binds) = filters(scope, q);
    if let Some(text) = q.q.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        return search(db, text, q.contact_scope.as_ref(), &where_sql, binds, page).await;
    }
    let n = binds.len();
    let list_sql = format!(
        "{SELECT} WHERE {where_sql} ORDER BY m.number LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let count_sql = format!("SELECT COUNT(*) FROM members m WHERE {where_sql}");
    crate::fetch_page(db, list_sql, count_sql, binds, page).await
}

/// The next `limit` members of the filtered list after the member `after` (0: from the
/// first), in the order they were entered: an export reads the whole list this way. The
/// primary key orders it, so each batch starts where the last ended and the whole export
/// reads the table once, whatever the scope (ordered by number, the engine would gather
/// and sort the scope's every row for each batch). The text query is not applied: its
/// ranked search is read by pages.
pub async fn list_after(
    db: &Db,
    scope: &ScopeFilter,
    q: &MemberQuery,
    after: i64,
    limit: i64,
) -> Result<Vec<Member>> {
    let (where_sql, binds) = filters(scope, q);
    let n = binds.len();
    let sql = format!(
        "{SELECT} WHERE {where_sql} AND m.id > ${} ORDER BY m.id LIMIT ${}",
        n + 1,
        n + 2
    );
    on_pool!(db, p => {
        let mut query = sqlx::query_as::<_, Member>(sqlx::AssertSqlSafe(sql));
        for b in binds {
            query = query.bind(b);
        }
        Ok(query.bind(after).bind(limit).fetch_all(p).await?)
    })
}

/// How many members the filtered list holds (the text query aside, as in `list_after`).
pub async fn count(db: &Db, scope: &ScopeFilter, q: &MemberQuery) -> Result<i64> {
    let (where_sql, binds) = filters(scope, q);
    let sql = format!("SELECT COUNT(*) FROM members m WHERE {where_sql}");
    on_pool!(db, p => {
        let mut query = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql));
        for b in binds {
            query = query.bind(b);
        }
        Ok(query.fetch_one(p).await?)
    })
}

/// The scope, territory and status conditions of a list, and their binds.
fn filters(scope: &ScopeFilter, q: &MemberQuery) -> (String, Vec<String>) {
    let (scope_sql, mut binds) = scope.sql_members("m.path", "m.affiliations", 1);
    let mut conditions = vec![scope_sql];
    if let Some(within) = &q.within {
        let (low, high) = within.range();
        binds.push(low);
        binds.push(high);
        conditions.push(format!(
            "m.path >= ${} AND m.path < ${}",
            binds.len() - 1,
            binds.len()
        ));
    }
    if let Some(status) = q.status {
        binds.push(status.as_str().to_owned());
        conditions.push(format!("m.status = ${}", binds.len()));
    }
    (conditions.join(" AND "), binds)
}

/// Matches a search counts up to this many; beyond, the page says "more than" and asks
/// for a narrower query (counting every Mohamed of the country would cost a scan).
pub const SEARCH_COUNT_CAP: i64 = 1000;

/// Ranked search within `filters`: an exact CIN, number or phone first, then names holding
/// every word of the query as it is spelled (folded), then names whose skeletons hold every
/// word of the query's (other spellings, other script): محمد finds محمد before محمود, which
/// only shares its skeleton. Words match as prefixes through the engine's text index; each
/// tier is read in id order and stops at the page's end, so a common name costs no more than
/// a rare one.
async fn search(
    db: &Db,
    text: &str,
    contact_scope: Option<&ScopeFilter>,
    filters: &str,
    mut binds: Vec<String>,
    page: Page,
) -> Result<Paged<Member>> {
    let exact = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    let phone = tanzim_domain::members::Phone::parse(text)
        .map(|p| p.as_str().to_owned())
        .unwrap_or_default();
    binds.push(exact);
    let e = binds.len();
    binds.push(phone);
    let ph = binds.len();
    let exact_sql = match contact_scope {
        Some(contact) => {
            let (contact_sql, contact_binds) =
                contact.sql_members("m.path", "m.affiliations", binds.len() + 1);
            binds.extend(contact_binds);
            format!("(m.number = ${e} OR ((m.cin = ${e} OR m.phone = ${ph}) AND {contact_sql}))")
        }
        None => format!("(m.number = ${e} AND ${ph} = ${ph})"),
    };
    // A member without a phone makes the exact test NULL, not false.
    let not_exact = format!("NOT COALESCE({exact_sql}, FALSE)");
    let query = tanzim_domain::names::SearchQuery::parse(text);
    let names = (!query.words.is_empty()).then(|| text_query(db, &query.words, true));
    let skeletons = (!query.skeletons.is_empty()).then(|| text_query(db, &query.skeletons, false));
    let (names_only, others, any) = match (&names, &skeletons) {
        (Some(n), Some(s)) => (
            Some(n.clone()),
            Some(text_not(db, s, n)),
            Some(text_or(db, n, s)),
        ),
        (Some(n), None) => (Some(n.clone()), None, Some(n.clone())),
        (None, Some(s)) => (None, Some(s.clone()), Some(s.clone())),
        (None, None) => (None, None, None),
    };
    let end = page.offset() + page.limit();
    // Every statement below takes the filters' binds, then the exact ones, then (for a
    // text tier) its query at `$t`.
    let t = binds.len() + 1;
    // A tier's matches in id order up to `limit`, through the text index. PostgreSQL gathers
    // them through the index up to the count's cap before sorting: with `ORDER BY id LIMIT`
    // alone its planner may walk the whole roll in id order looking for a rare name.
    let tier_sql = |limit: i64| {
        match db {
        Db::Sqlite(_) => format!(
            "SELECT s.rowid FROM member_search s JOIN members m ON m.id = s.rowid
             WHERE s.member_search MATCH ${t} AND {filters} AND {not_exact} ORDER BY s.rowid LIMIT {limit}"
        ),
        Db::Postgres(_) => format!(
            "SELECT id FROM (SELECT m.id FROM members m WHERE m.search @@ CAST(${t} AS tsquery) AND {filters} AND {not_exact}
             LIMIT {}) c ORDER BY id LIMIT {limit}",
            SEARCH_COUNT_CAP + 1
        ),
    }
    };
    let ids_of = |sql: String, term: Option<String>| {
        let mut binds = binds.clone();
        binds.extend(term);
        async move {
            Ok::<Vec<i64>, StoreError>(on_pool!(db, p => {
                let mut q = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql));
                for b in &binds {
                    q = q.bind(b);
                }
                q.fetch_all(p).await
            })?)
        }
    };
    // Tiers one after the other, each only while the page is not full: a common name fills
    // it from its first tier and never costs the others.
    let mut ranked = ids_of(
        format!(
            "SELECT m.id FROM members m WHERE {exact_sql} AND {filters} ORDER BY m.id LIMIT {end}"
        ),
        None,
    )
    .await?;
    let mut complete = (ranked.len() as i64) < end;
    for terms in [names_only, others] {
        let Some(terms) = terms else { continue };
        if !complete {
            break;
        }
        let wanted = end - ranked.len() as i64;
        let more = ids_of(tier_sql(wanted), Some(terms)).await?;
        complete = (more.len() as i64) < wanted;
        ranked.extend(more);
    }
    // Everything was read: that is the count. Otherwise count, up to the cap.
    let total = if complete {
        ranked.len() as i64
    } else {
        let exact_count = format!(
            "(SELECT COUNT(*) FROM (SELECT m.id FROM members m WHERE {exact_sql} AND {filters} LIMIT {SEARCH_COUNT_CAP}) e)"
        );
        let (sql, term) = match any {
            Some(any) => {
                let any_sql = match db {
                    Db::Sqlite(_) => format!(
                        "SELECT s.rowid FROM member_search s JOIN members m ON m.id = s.rowid
                         WHERE s.member_search MATCH ${t} AND {filters} AND {not_exact} LIMIT {}",
                        SEARCH_COUNT_CAP + 1
                    ),
                    Db::Postgres(_) => format!(
                        "SELECT m.id FROM members m WHERE m.search @@ CAST(${t} AS tsquery) AND {filters} AND {not_exact} LIMIT {}",
                        SEARCH_COUNT_CAP + 1
                    ),
                };
                (
                    format!("SELECT {exact_count} + (SELECT COUNT(*) FROM ({any_sql}) a)"),
                    Some(any),
                )
            }
            None => (format!("SELECT {exact_count}"), None),
        };
        ids_of(sql, term).await?.first().copied().unwrap_or(0)
    };
    let page_ids: Vec<i64> = ranked
        .iter()
        .skip(usize::try_from(page.offset()).unwrap_or(0))
        .copied()
        .collect();
    let mut items = if page_ids.is_empty() {
        Vec::new()
    } else {
        // Ids read from the database, written into the statement as numbers.
        let list = page_ids
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!("{SELECT} WHERE m.id IN ({list})");
        on_pool!(db, p => sqlx::query_as::<_, Member>(sqlx::AssertSqlSafe(sql)).fetch_all(p).await)?
    };
    items.sort_by_key(|m| page_ids.iter().position(|id| *id == m.id));
    Ok(Paged {
        items,
        total: total.min(SEARCH_COUNT_CAP),
        capped: total > SEARCH_COUNT_CAP,
        page: page.number,
        page_size: page.size,
    })
}

/// `a OR b` in the engine's text-query syntax.
fn text_or(db: &Db, a: &str, b: &str) -> String {
    match db {
        Db::Sqlite(_) => format!("({a}) OR ({b})"),
        Db::Postgres(_) => format!("({a}) | ({b})"),
    }
}

/// `a AND NOT b` in the engine's text-query syntax.
fn text_not(db: &Db, a: &str, b: &str) -> String {
    match db {
        Db::Sqlite(_) => format!("({a}) NOT ({b})"),
        Db::Postgres(_) => format!("({a}) & !({b})"),
    }
}

/// A text-index query in which every term must match, the last as a prefix: FTS5 syntax
/// on SQLite, tsquery on PostgreSQL. Terms hold letters and digits only (see
/// `names::SearchQuery`).
fn text_query(db: &Db, terms: &[String], prefix_last: bool) -> String {
    // Every word but the last is taken whole, as typed; the last may be unfinished (names
    // only: a prefix of a consonant skeleton matches hundreds of skeletons). Whole terms
    // are what keeps PostgreSQL's GIN index fast on a common name.
    let quoted = terms.iter().enumerate().map(|(i, t)| {
        let last = i + 1 == terms.len();
        let star = if prefix_last && last && tanzim_domain::names::SearchQuery::is_prefix(t) {
            "*"
        } else {
            ""
        };
        match db {
            Db::Sqlite(_) => format!("\"{}\"{star}", t.replace('"', "")),
            Db::Postgres(_) => format!(
                "'{}'{}",
                t.replace(['\'', '\\'], ""),
                if star.is_empty() { "" } else { ":*" }
            ),
        }
    });
    let and = match db {
        Db::Sqlite(_) => " AND ",
        Db::Postgres(_) => " & ",
    };
    quoted.collect::<Vec<_>>().join(and)
}
