//! The registry list: filters, the as-of-date view and the exports.

use super::shared::*;

// ---- list, as-of view and export ----

#[derive(Deserialize, Default)]
pub struct ListQuery {
    q: Option<String>,
    status: Option<String>,
    territory: Option<String>,
    /// YYYY-MM-DD: members in good standing on that day, in the branch they had then.
    as_of: Option<String>,
    page: Option<u32>,
    page_size: Option<u32>,
}

pub(super) async fn list_members(
    state: &AppState,
    user: &CurrentUser,
    q: &ListQuery,
) -> Result<Paged<Member>, AppError> {
    let scope = member_scope(state, user, Action::ViewMembers);
    let within = match q
        .territory
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(code) => Some(
            territory::get(&state.db, &TerritoryCode::parse(code)?)
                .await?
                .ok_or(DomainError::new(Field::Territory, "territory-unknown"))?
                .territory_path(),
        ),
        None => None,
    };
    let page = Page::new(q.page, q.page_size);
    let paged = match q.as_of.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(date) => {
            let date = rules::parse_date(date, Field::Date)?;
            members::in_good_standing_on(
                &state.db,
                &scope,
                within.as_ref(),
                &date.to_string(),
                page,
            )
            .await?
        }
        None => {
            let status = match q.status.as_deref().filter(|s| !s.is_empty()) {
                Some(s) => Some(
                    Status::parse(s).ok_or(DomainError::new(Field::Status, "status-invalid"))?,
                ),
                None => None,
            };
            members::list(
                &state.db,
                &scope,
                &MemberQuery {
                    within,
                    status,
                    q: q.q.clone(),
                    // CINs and phones are looked up only where the user may see them.
                    contact_scope: (user.may(Action::ViewMemberContact, None))
                        .then(|| member_scope(state, user, Action::ViewMemberContact)),
                },
                page,
            )
            .await?
        }
    };
    let items = paged
        .items
        .into_iter()
        .map(|m| {
            if sees_contact(state, user, &m) {
                m
            } else {
                m.without_contact()
            }
        })
        .collect();
    Ok(Paged { items, ..paged })
}

pub struct MemberRow {
    pub id: i64,
    pub number: String,
    pub name: String,
    pub branch: String,
    pub status: String,
    pub status_key: String,
    pub paid_year: String,
}

pub(super) fn member_row(ctx: &Ctx, m: &Member) -> MemberRow {
    let branch = if ctx.lang() == crate::i18n::Lang::Ar {
        &m.person.commune_name_ar
    } else {
        &m.person.commune_name_fr
    };
    MemberRow {
        id: m.id,
        number: m.number.clone(),
        name: m.display_name(ctx.lang().code()),
        branch: branch.clone().unwrap_or_default(),
        status: ctx.tr.t(&format!("status-{}", m.status)),
        status_key: m.status.as_str().to_owned(),
        paid_year: m.paid_year.map(|y| y.to_string()).unwrap_or_default(),
    }
}

pub(super) fn status_choices(ctx: &Ctx, selected: &str) -> Vec<Choice> {
    let mut out = vec![Choice {
        value: String::new(),
        label: ctx.tr.t("members-any-status"),
        selected: selected.is_empty(),
    }];
    out.extend(Status::ALL.iter().map(|s| Choice {
        value: s.as_str().to_owned(),
        label: ctx.tr.t(&format!("status-{}", s.as_str())),
        selected: s.as_str() == selected,
    }));
    out
}

#[derive(Template)]
#[template(path = "members.html")]
pub(super) struct IndexPage {
    layout: Layout,
    rows: Vec<MemberRow>,
    pager: Pager,
    q: String,
    territory: String,
    as_of: String,
    statuses: Vec<Choice>,
    export_link: String,
    export_xlsx_link: String,
    /// Probable duplicates waiting for the user's decision (0 when it may not decide).
    reviews_open: i64,
}

pub(super) fn encode(s: &Option<String>) -> String {
    url::form_urlencoded::byte_serialize(s.as_deref().unwrap_or("").as_bytes()).collect()
}

pub async fn index(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let paged = match list_members(&state, &user, &q).await {
        Ok(p) => p,
        // A bad filter shows the list empty with the message, not an error page.
        Err(AppError::Invalid(_)) => Paged {
            items: Vec::new(),
            total: 0,
            capped: false,
            page: 1,
            page_size: 50,
        },
        Err(e) => return Err(e),
    };
    let reviews_open = if user.may(Action::ManageMembers, None) {
        tanzim_store::imports::open_reviews(
            &state.db,
            &member_scope(&state, &user, Action::ManageMembers),
        )
        .await?
    } else {
        0
    };
    let filters = format!(
        "q={}&status={}&territory={}&as_of={}",
        encode(&q.q),
        encode(&q.status),
        encode(&q.territory),
        encode(&q.as_of)
    );
    let page = IndexPage {
        layout: Layout::new(&state, &ctx, "members-title"),
        rows: paged.items.iter().map(|m| member_row(&ctx, m)).collect(),
        pager: Pager::new(&paged, &format!("/members?{filters}&")),
        q: q.q.clone().unwrap_or_default(),
        territory: q.territory.clone().unwrap_or_default(),
        as_of: q.as_of.clone().unwrap_or_default(),
        statuses: status_choices(&ctx, q.status.as_deref().unwrap_or("")),
        export_link: format!("/members/export.csv?{filters}"),
        export_xlsx_link: format!("/members/export.xlsx?{filters}"),
        reviews_open,
    };
    Ok(views::html(page))
}

/// The filtered list (as on screen, every page) as CSV with a BOM so Excel shows Arabic;
/// the export is audited with its filter, format and row count.
pub async fn export_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let rows = export_rows(&state, &ctx, &user, &q, "csv").await?;
    let body = tanzim_reports::export::csv(&rows);
    Ok(attachment(
        "text/csv; charset=utf-8",
        "members.csv",
        body.into_bytes(),
    ))
}

/// The filtered list as an Excel workbook (one right-to-left sheet), audited like the CSV.
pub async fn export_xlsx(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let rows = export_rows(&state, &ctx, &user, &q, "xlsx").await?;
    let body = tanzim_reports::export::xlsx(&rows, &ctx.tr.t("nav-members"))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(attachment(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "members.xlsx",
        body,
    ))
}

pub(super) fn attachment(content_type: &'static str, filename: &str, body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// Every member of the filtered list, page after page, and the audit entry of the export.
pub(super) async fn export_rows(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    q: &ListQuery,
    format: &str,
) -> Result<Vec<Member>, AppError> {
    // After confirming the password the user comes back to this very download.
    crate::reauth::require_fresh_password(user, &ctx.path)?;
    let mut rows = Vec::new();
    let mut page = 1;
    loop {
        let chunk = list_members(
            state,
            user,
            &ListQuery {
                page: Some(page),
                page_size: Some(Page::MAX_SIZE),
                ..clone_query(q)
            },
        )
        .await?;
        let done = chunk.items.len() < Page::MAX_SIZE as usize;
        rows.extend(chunk.items);
        if done {
            break;
        }
        page += 1;
    }
    let detail = serde_json::json!({ "q": q.q, "status": q.status, "territory": q.territory, "as_of": q.as_of,
        "format": format, "rows": rows.len() });
    tanzim_commands::reads::record(
        &state.app(),
        &user.actor(ctx),
        tanzim_commands::reads::Read::Members(detail),
    )
    .await?;
    Ok(rows)
}

pub(super) fn clone_query(q: &ListQuery) -> ListQuery {
    ListQuery {
        q: q.q.clone(),
        status: q.status.clone(),
        territory: q.territory.clone(),
        as_of: q.as_of.clone(),
        page: q.page,
        page_size: q.page_size,
    }
}

/// These routes and the access each requires.
pub(super) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, fresh_password, route};
    use axum::routing::get;
    use tanzim_domain::policy::Action;
    vec![
        route(
            "GET",
            "/members",
            Policy(Action::ViewMembers, T::None),
            get(index),
        ),
        fresh_password(route(
            "GET",
            "/members/export.csv",
            Policy(Action::ViewMembers, T::None),
            get(export_csv),
        )),
        fresh_password(route(
            "GET",
            "/members/export.xlsx",
            Policy(Action::ViewMembers, T::None),
            get(export_xlsx),
        )),
    ]
}
