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

impl ListQuery {
    pub(super) fn filter(&self) -> commands::member_lists::ListFilter {
        commands::member_lists::ListFilter {
            q: self.q.clone(),
            status: self.status.clone(),
            territory: self.territory.clone(),
            as_of: self.as_of.clone(),
        }
    }
}

pub(super) async fn list_members(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    q: &ListQuery,
) -> Result<Paged<Member>, AppError> {
    let page = Page::new(q.page, q.page_size);
    Ok(commands::member_lists::list(&state.app(), &user.actor(ctx), &q.filter(), page).await?)
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
    /// A filter that cannot be read, naming its field, and that field.
    error: Option<String>,
    error_field: &'static str,
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
    let mut filter_error = None;
    let paged = match list_members(&state, &ctx, &user, &q).await {
        Ok(p) => p,
        // A bad filter shows the list empty with the message, not an error page.
        Err(AppError::Invalid(e)) => {
            filter_error = Some(e);
            Paged {
                items: Vec::new(),
                total: 0,
                capped: false,
                page: 1,
                page_size: 50,
            }
        }
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
        territory: match (&filter_error, q.territory.as_deref()) {
            (None, Some(typed)) => crate::territory_picker::field_value(
                &ctx.tr,
                typed,
                Lookup::filter(Field::Territory),
            ),
            _ => q.territory.clone().unwrap_or_default(),
        },
        error_field: filter_error
            .as_ref()
            .and_then(|e| e.field)
            .map(Field::as_str)
            .unwrap_or(""),
        error: filter_error.map(|e| views::field_message(&ctx.tr, &e)),
        as_of: q.as_of.clone().unwrap_or_default(),
        statuses: status_choices(&ctx, q.status.as_deref().unwrap_or("")),
        export_link: format!("/members/export.csv?{filters}"),
        export_xlsx_link: format!("/members/export.xlsx?{filters}"),
        reviews_open,
    };
    Ok(views::html(page))
}

#[derive(Template)]
#[template(path = "export.html")]
struct ExportPage {
    layout: Layout,
    format: &'static str,
    q: String,
    status: String,
    territory: String,
    as_of: String,
    /// The filters in words, as the list showed them.
    filters: Vec<(String, String)>,
}

/// The export of the filtered list, to confirm: the file is prepared in the background
/// (a national list is a million rows) and downloaded once from its job's page.
async fn export_page(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    q: &ListQuery,
    format: &'static str,
) -> Result<Response, AppError> {
    // After confirming the password the user comes back to this very page.
    crate::reauth::require_fresh_password(user, &ctx.path)?;
    let given = |v: &Option<String>| v.clone().unwrap_or_default().trim().to_owned();
    let mut filters = Vec::new();
    for (key, value) in [
        ("members-search", given(&q.q)),
        ("field-status", given(&q.status).chars().take(20).collect()),
        ("field-territory", given(&q.territory)),
        ("members-as-of", given(&q.as_of)),
    ] {
        if !value.is_empty() {
            let shown = match key {
                "field-status" => ctx.tr.t(&format!("status-{value}")),
                _ => value,
            };
            filters.push((ctx.tr.t(key), shown));
        }
    }
    Ok(views::html(ExportPage {
        layout: Layout::new(state, ctx, "export-title"),
        format,
        q: given(&q.q),
        status: given(&q.status),
        territory: given(&q.territory),
        as_of: given(&q.as_of),
        filters,
    }))
}

pub async fn export_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    export_page(&state, &ctx, &user, &q, "csv").await
}

pub async fn export_xlsx(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    export_page(&state, &ctx, &user, &q, "xlsx").await
}

#[derive(Deserialize)]
struct ExportForm {
    format: String,
    #[serde(default)]
    q: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    territory: Option<String>,
    #[serde(default)]
    as_of: Option<String>,
}

/// Queues the export and sends the user to its job's page.
pub async fn export_start(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    body: Bytes,
) -> Result<Response, AppError> {
    crate::reauth::require_fresh_password(&user, "/members")?;
    let form: ExportForm = parse_form(&body)?;
    let format = tanzim_domain::jobs::ExportFormat::parse(&form.format)
        .ok_or(AppError::BadRequest("format-invalid"))?;
    let filter = commands::member_lists::ListFilter {
        q: form.q,
        status: form.status,
        territory: form.territory,
        as_of: form.as_of,
    };
    let id = commands::exports::start(
        &state.app(),
        &user.actor(&ctx),
        &filter,
        format,
        &ctx.tr.t("nav-members"),
    )
    .await?;
    Ok(Redirect::to(&format!("/jobs/{id}")).into_response())
}

/// These routes and the access each requires.
pub(super) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, fresh_password, route};
    use axum::routing::{get, post};
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
        fresh_password(route(
            "POST",
            "/members/exports",
            Policy(Action::ViewMembers, T::None),
            post(export_start),
        )),
    ]
}
