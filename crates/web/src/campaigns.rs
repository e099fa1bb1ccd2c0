//! Renewal campaigns: launched by a body for a year within its jurisdiction, with a dues
//! schedule; renewals recorded one by one (member page) or in bulk (campaign page);
//! closing lapses members not renewed; receipts print from the browser.

use crate::access::Loaded;
use crate::access::found;
use crate::access::member_scope;
use crate::access::permit;
use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::input::Confirm;
use crate::input::{parse_form, parse_json};
use crate::members::{PaymentRow, Renewal, method_choices, payment_row, renew};
use crate::problems::{BadRequest, Conflict, Forbidden, Invalid, NotFound, Unauthenticated};
use crate::state::{AppState, today};
use crate::views::Choice;
use crate::views::{self, FormErrors, Layout, Pager};
use askama::Template;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use tanzim_commands::{self as commands, Found};
use tanzim_domain::members::{self as rules, DuesCategory};
use tanzim_domain::org::MembershipModel;
use tanzim_domain::policy::{Action, Decision, decide, scopes_for};
use tanzim_domain::{DomainError, Field};
use tanzim_store::bodies::{self, BodyQuery};
use tanzim_store::campaigns::{self, Campaign, Payment};
use tanzim_store::members::Member;
use tanzim_store::members::{self, MemberQuery};
use tanzim_store::{Page, ScopeFilter};

#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<u32>,
    page_size: Option<u32>,
}

pub struct CampaignRow {
    pub id: i64,
    pub year: i64,
    pub body: String,
    pub dates: String,
    pub status: String,
    pub payments: i64,
}

fn campaign_row(ctx: &Ctx, c: &Campaign) -> CampaignRow {
    CampaignRow {
        id: c.id,
        year: c.year,
        body: c.body_name.clone(),
        dates: format!("{} → {}", c.opens_on, c.closes_on),
        status: ctx.tr.t(&format!("campaign-{}", c.status)),
        payments: c.payments,
    }
}

#[derive(Template)]
#[template(path = "campaigns.html")]
struct IndexPage {
    layout: Layout,
    rows: Vec<CampaignRow>,
    pager: Pager,
    may_create: bool,
}

pub async fn index(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    permit(decide(&user.principal, Action::ViewCampaigns, None))?;
    let paged = campaigns::list(
        &state.db,
        &crate::access::scope_for(&user, Action::ViewCampaigns),
        Page::new(q.page, q.page_size),
    )
    .await?;
    Ok(views::html(IndexPage {
        layout: Layout::new(&state, &ctx, "campaigns-title"),
        rows: paged.items.iter().map(|c| campaign_row(&ctx, c)).collect(),
        pager: Pager::new(&paged, "/campaigns?"),
        may_create: user.may(Action::ManageCampaigns, None),
    }))
}

#[derive(Deserialize, Default, utoipa::ToSchema)]
pub struct CampaignInput {
    /// The launching body; the campaign covers its jurisdiction.
    #[serde(default, deserialize_with = "crate::input::empty_as_none")]
    pub body_id: Option<i64>,
    pub year: String,
    /// YYYY-MM-DD.
    pub opens_on: String,
    /// YYYY-MM-DD.
    pub closes_on: String,
    /// One category a line: `key|label|amount in MAD`, e.g. `standard|عادي|100`.
    pub categories: String,
}

#[derive(Template)]
#[template(path = "campaign_new.html")]
struct NewPage {
    layout: Layout,
    bodies: Vec<Choice>,
    f: CampaignInput,
    errors: FormErrors,
}

async fn new_page(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    f: CampaignInput,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let scope = ScopeFilter::from_assignments(scopes_for(&user.principal, Action::ManageCampaigns));
    let list = bodies::list(
        &state.db,
        &scope,
        &BodyQuery::default(),
        Page::new(None, Some(Page::MAX_SIZE)),
    )
    .await?;
    let choices = list
        .items
        .iter()
        .map(|b| Choice {
            value: b.id.to_string(),
            label: b.name.clone(),
            selected: Some(b.id) == f.body_id,
        })
        .collect();
    Ok(views::html(NewPage {
        layout: Layout::new(state, ctx, "campaigns-new-title"),
        bodies: choices,
        f,
        errors,
    }))
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
) -> Result<Response, AppError> {
    permit(decide(&user.principal, Action::ManageCampaigns, None))?;
    let year = chrono::Datelike::year(&today());
    let f = CampaignInput {
        year: year.to_string(),
        opens_on: format!("{year}-01-01"),
        closes_on: format!("{year}-03-31"),
        categories: String::new(),
        body_id: None,
    };
    new_page(&state, &ctx, &user, f, FormErrors::default()).await
}

async fn create_campaign(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    input: &CampaignInput,
) -> Result<i64, Vec<DomainError>> {
    let launch = commands::campaigns::Launch {
        body_id: input.body_id,
        year: input.year.clone(),
        opens_on: input.opens_on.clone(),
        closes_on: input.closes_on.clone(),
        categories: input.categories.clone(),
    };
    commands::campaigns::launch(&state.app(), &user.actor(ctx), &launch).await
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    body: Bytes,
) -> Result<Response, AppError> {
    permit(decide(&user.principal, Action::ManageCampaigns, None))?;
    let input: CampaignInput = parse_form(&body)?;
    match create_campaign(&state, &ctx, &user, &input).await {
        Ok(id) => Ok(Redirect::to(&format!("/campaigns/{id}")).into_response()),
        Err(errors) => {
            let errors = FormErrors::from_domain(&errors, &ctx.tr);
            let mut response = new_page(&state, &ctx, &user, input, errors).await?;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
    }
}

pub struct CategoryRow {
    pub key: String,
    pub label: String,
    pub amount: String,
}

#[derive(Template)]
#[template(path = "campaign.html")]
struct ShowPage {
    layout: Layout,
    c: CampaignRow,
    open: bool,
    closes_on: String,
    lapsed: Option<i64>,
    categories: Vec<CategoryRow>,
    category_choices: Vec<Choice>,
    methods: Vec<Choice>,
    payments: Vec<PaymentRow>,
    pager: Pager,
    may_manage: bool,
    may_pay: bool,
    yearly: bool,
    confirm_close: bool,
    bulk: String,
    report: Vec<String>,
    errors: FormErrors,
}

struct ShowExtras {
    confirm_close: bool,
    bulk: String,
    report: Vec<String>,
    errors: FormErrors,
}

async fn show_page(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    c: Campaign,
    page: Page,
    extras: ShowExtras,
) -> Result<Response, AppError> {
    let cats = campaigns::categories(&state.db, c.id).await?;
    // Payments name members: only roles that may see members see them (not analysts).
    let scope = member_scope(state, user, Action::ViewMembers);
    let payments = campaigns::payments_of_campaign(&state.db, &scope, c.id, page).await?;
    let may_manage =
        decide(&user.principal, Action::ManageCampaigns, Some(&c.target())) == Decision::Allow;
    let may_pay = c.is_open()
        && decide(&user.principal, Action::RecordPayments, Some(&c.target())) == Decision::Allow;
    Ok(views::html(ShowPage {
        layout: Layout::new(state, ctx, "campaign-title"),
        c: campaign_row(ctx, &c),
        open: c.is_open(),
        closes_on: c.closes_on.clone(),
        lapsed: c.lapsed_count,
        category_choices: cats
            .iter()
            .enumerate()
            .map(|(i, k)| Choice {
                value: k.key.clone(),
                label: k.label.clone(),
                selected: i == 0,
            })
            .collect(),
        categories: cats
            .iter()
            .map(|k| CategoryRow {
                key: k.key.clone(),
                label: k.label.clone(),
                amount: rules::format_amount(k.amount),
            })
            .collect(),
        methods: method_choices(ctx),
        pager: Pager::new(&payments, &format!("/campaigns/{}?", c.id)),
        payments: payments.items.iter().map(payment_row).collect(),
        may_manage,
        may_pay,
        yearly: state.profile.membership.model == MembershipModel::YearlyRenewal,
        confirm_close: extras.confirm_close,
        bulk: extras.bulk,
        report: extras.report,
        errors: extras.errors,
    }))
}

fn no_extras() -> ShowExtras {
    ShowExtras {
        confirm_close: false,
        bulk: String::new(),
        report: Vec::new(),
        errors: FormErrors::default(),
    }
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    let c = found::<Campaign>(&state, &ctx, &user, Action::ViewCampaigns, id)
        .await?
        .into_inner();
    show_page(
        &state,
        &ctx,
        &user,
        c,
        Page::new(q.page, q.page_size),
        no_extras(),
    )
    .await
}

pub async fn confirm_close(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let c = found::<Campaign>(&state, &ctx, &user, Action::ManageCampaigns, id)
        .await?
        .into_inner();
    show_page(
        &state,
        &ctx,
        &user,
        c,
        Page::new(None, None),
        ShowExtras {
            confirm_close: true,
            ..no_extras()
        },
    )
    .await
}

async fn close_campaign(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    c: &Found<Campaign>,
) -> Result<i64, AppError> {
    Ok(commands::campaigns::close(&state.app(), &user.actor(ctx), c).await?)
}

pub async fn close(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(c): Loaded<Campaign>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id = c.id;
    parse_form::<Confirm>(&body)?.check()?;
    close_campaign(&state, &ctx, &user, &c).await?;
    Ok(Redirect::to(&format!("/campaigns/{id}")).into_response())
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct Reopen {
    /// The new closing date, YYYY-MM-DD (reopening a closed campaign, or extending an open one).
    pub closes_on: String,
}

async fn reopen_campaign(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    c: &Found<Campaign>,
    input: &Reopen,
) -> Result<(), AppError> {
    let closes_on = rules::parse_date(&input.closes_on, Field::Date)?;
    Ok(commands::campaigns::reopen(&state.app(), &user.actor(ctx), c, closes_on).await?)
}

pub async fn reopen(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(c): Loaded<Campaign>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id = c.id;
    let input: Reopen = parse_form(&body)?;
    match reopen_campaign(&state, &ctx, &user, &c, &input).await {
        Ok(()) => Ok(Redirect::to(&format!("/campaigns/{id}")).into_response()),
        Err(AppError::Invalid(e)) => {
            let extras = ShowExtras {
                errors: FormErrors::from_domain(&[e], &ctx.tr),
                ..no_extras()
            };
            let mut response = show_page(
                &state,
                &ctx,
                &user,
                c.into_inner(),
                Page::new(None, None),
                extras,
            )
            .await?;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
pub struct BulkInput {
    /// One renewal a line: `membership-number receipt-number` (the category and method of
    /// the form apply to all lines).
    lines: String,
    category: String,
    method: String,
}

/// Renewals in bulk from a receipt book: each line is recorded on its own, and the report
/// says which lines were recorded and why the others were not.
pub async fn bulk(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let c = found::<Campaign>(&state, &ctx, &user, Action::RecordPayments, id)
        .await?
        .into_inner();
    let input: BulkInput = parse_form(&body)?;
    let scope = member_scope(&state, &user, Action::RecordPayments);
    let mut report = Vec::new();
    let mut failed = Vec::new();
    for (n, line) in input
        .lines
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty())
    {
        let mut parts = line.split_whitespace();
        let (Some(number), Some(receipt)) = (parts.next(), parts.next()) else {
            report.push(
                ctx.tr
                    .with("bulk-line-malformed", &[("line", &n.to_string())]),
            );
            failed.push(line.to_owned());
            continue;
        };
        let found = members::list(
            &state.db,
            &scope,
            &MemberQuery {
                q: Some(number.to_owned()),
                ..MemberQuery::default()
            },
            Page::new(None, Some(2)),
        )
        .await?;
        let Some(m) = found.items.into_iter().find(|m| m.number == number) else {
            report.push(ctx.tr.with(
                "bulk-line-unknown",
                &[("line", &n.to_string()), ("number", number)],
            ));
            failed.push(line.to_owned());
            continue;
        };
        let renewal = Renewal {
            campaign_id: c.id,
            category: input.category.clone(),
            method: input.method.clone(),
            receipt: receipt.to_owned(),
            paid_on: None,
        };
        let found =
            crate::access::found::<Member>(&state, &ctx, &user, Action::RecordPayments, m.id);
        match async { renew(&state, &ctx, &user, &found.await?, &renewal).await }.await {
            Ok(_) => report.push(ctx.tr.with(
                "bulk-line-done",
                &[("line", &n.to_string()), ("number", number)],
            )),
            Err(
                e @ (AppError::Invalid(_)
                | AppError::Conflict(_)
                | AppError::Forbidden
                | AppError::NotFound),
            ) => {
                let why = ctx.tr.t(&format!("error-{}", e.code()));
                report.push(ctx.tr.with(
                    "bulk-line-failed",
                    &[("line", &n.to_string()), ("number", number), ("why", &why)],
                ));
                failed.push(line.to_owned());
            }
            Err(e) => return Err(e),
        }
    }
    // What failed stays in the box, to be corrected and sent again.
    let c = found::<Campaign>(&state, &ctx, &user, Action::ViewCampaigns, id)
        .await?
        .into_inner();
    show_page(
        &state,
        &ctx,
        &user,
        c,
        Page::new(None, None),
        ShowExtras {
            bulk: failed.join("\n"),
            report,
            ..no_extras()
        },
    )
    .await
}

#[derive(Template)]
#[template(path = "receipt.html")]
struct ReceiptPage {
    layout: Layout,
    p: Payment,
    amount: String,
    category: String,
    method: String,
    name_ar: String,
    name_lat: String,
    recorded: String,
    /// Shown to the officer: the link the member keeps to see and print this receipt.
    member_link: Option<String>,
}

/// A printable receipt for a payment (to hand or send to the member).
pub async fn receipt(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    permit(decide(&user.principal, Action::ViewMembers, None))?;
    let p = campaigns::payment(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let m = crate::access::found::<Member>(&state, &ctx, &user, Action::ViewMembers, p.member_id)
        .await?
        .into_inner();
    let link = p
        .receipt_token
        .as_ref()
        .map(|t| format!("{}/receipts/{t}", state.config.public_base()));
    receipt_page(&state, &ctx, p, &m, link).await
}

/// The member's own view of a receipt, by the link given with it: no account needed; the
/// token is unguessable and look-ups are rate-limited.
pub async fn public_receipt(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    if !state.lookup_limit.allow(&ctx.address) {
        return Err(AppError::Throttled);
    }
    let p = if token.len() >= 32 {
        campaigns::payment_by_token(&state.db, &token).await?
    } else {
        None
    };
    let p = p.ok_or(AppError::NotFound)?;
    let m = tanzim_store::members::get(&state.db, p.member_id)
        .await?
        .ok_or(AppError::NotFound)?;
    receipt_page(&state, &ctx, p, &m, None).await
}

async fn receipt_page(
    state: &AppState,
    ctx: &Ctx,
    p: Payment,
    m: &tanzim_store::members::Member,
    member_link: Option<String>,
) -> Result<Response, AppError> {
    let cats = campaigns::categories(&state.db, p.campaign_id).await?;
    let join = |a: &Option<String>, b: &Option<String>| {
        [a, b]
            .iter()
            .filter_map(|x| x.as_deref())
            .collect::<Vec<_>>()
            .join(" ")
    };
    Ok(views::html(ReceiptPage {
        layout: Layout::new(state, ctx, "receipt-title"),
        amount: rules::format_amount(p.amount),
        category: cats
            .iter()
            .find(|c: &&DuesCategory| c.key == p.category)
            .map(|c| c.label.clone())
            .unwrap_or_else(|| p.category.clone()),
        method: ctx.tr.t(&format!("method-{}", p.method)),
        name_ar: join(&m.first_name_ar, &m.last_name_ar),
        name_lat: join(&m.first_name_lat, &m.last_name_lat),
        recorded: ctx.tr.datetime(p.recorded_at),
        member_link,
        p,
    }))
}

// ---- API ----

#[derive(Serialize, utoipa::ToSchema)]
pub struct CampaignDetail {
    #[serde(flatten)]
    pub campaign: Campaign,
    pub categories: Vec<CategoryDoc>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CategoryDoc {
    pub key: String,
    pub label: String,
    /// Centimes of a dirham.
    pub amount: i64,
}

async fn detail(state: &AppState, c: Campaign) -> Result<CampaignDetail, AppError> {
    let categories = campaigns::categories(&state.db, c.id)
        .await?
        .into_iter()
        .map(|k| CategoryDoc {
            key: k.key,
            label: k.label,
            amount: k.amount,
        })
        .collect();
    Ok(CampaignDetail {
        campaign: c,
        categories,
    })
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CampaignList {
    pub items: Vec<Campaign>,
    pub total: i64,
    pub page: u32,
    pub page_size: u32,
}

/// Campaigns in the caller's scope.
#[utoipa::path(get, path = "/api/v1/campaigns", tag = "campaigns", params(("page" = Option<u32>, Query), ("page_size" = Option<u32>, Query)),
    responses((status = 200, body = CampaignList), BadRequest, Unauthenticated, Forbidden), security(("bearer" = [])))]
pub async fn api_list(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<PageQuery>,
) -> Result<Json<CampaignList>, AppError> {
    permit(decide(&user.principal, Action::ViewCampaigns, None))?;
    let p = campaigns::list(
        &state.db,
        &crate::access::scope_for(&user, Action::ViewCampaigns),
        Page::new(q.page, q.page_size),
    )
    .await?;
    Ok(Json(CampaignList {
        items: p.items,
        total: p.total,
        page: p.page,
        page_size: p.page_size,
    }))
}

/// Launches a campaign.
#[utoipa::path(post, path = "/api/v1/campaigns", tag = "campaigns", request_body = CampaignInput,
    responses((status = 201, body = CampaignDetail), BadRequest, Unauthenticated, Forbidden, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_create(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    body: Bytes,
) -> Result<Response, AppError> {
    permit(decide(&user.principal, Action::ManageCampaigns, None))?;
    let input: CampaignInput = parse_json(&body)?;
    let id = create_campaign(&state, &ctx, &user, &input)
        .await
        .map_err(|errors| {
            if errors.iter().any(|e| e.code == "campaign-exists") {
                AppError::Conflict("campaign-exists")
            } else {
                AppError::first_invalid(errors)
            }
        })?;
    let c = campaigns::get(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(detail(&state, c).await?)).into_response())
}

/// One campaign with its dues schedule.
#[utoipa::path(get, path = "/api/v1/campaigns/{id}", tag = "campaigns", params(("id" = i64, Path)),
    responses((status = 200, body = CampaignDetail), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_get(
    State(state): State<AppState>,
    Loaded(campaign): Loaded<Campaign>,
) -> Result<Json<CampaignDetail>, AppError> {
    let c = campaign.into_inner();
    Ok(Json(detail(&state, c).await?))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Closed {
    /// Members who lapsed.
    pub lapsed: i64,
}

/// Closes a campaign: in the yearly model, members not renewed lapse. Body `{"confirm": "true"}`.
#[utoipa::path(post, path = "/api/v1/campaigns/{id}/close", tag = "campaigns", params(("id" = i64, Path)), request_body = Confirm,
    responses((status = 200, body = Closed), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict), security(("bearer" = [])))]
pub async fn api_close(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(c): Loaded<Campaign>,
    body: Bytes,
) -> Result<Json<Closed>, AppError> {
    parse_json::<Confirm>(&body)?.check()?;
    Ok(Json(Closed {
        lapsed: close_campaign(&state, &ctx, &user, &c).await?,
    }))
}

/// Reopens a closed campaign or extends an open one.
#[utoipa::path(post, path = "/api/v1/campaigns/{id}/reopen", tag = "campaigns", params(("id" = i64, Path)), request_body = Reopen,
    responses((status = 200, body = CampaignDetail), BadRequest, Unauthenticated, Forbidden, NotFound, Invalid), security(("bearer" = [])))]
pub async fn api_reopen(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(c): Loaded<Campaign>,
    body: Bytes,
) -> Result<Json<CampaignDetail>, AppError> {
    let id = c.id;
    let input: Reopen = parse_json(&body)?;
    reopen_campaign(&state, &ctx, &user, &c, &input).await?;
    let c = campaigns::get(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(detail(&state, c).await?))
}

/// One payment.
#[utoipa::path(get, path = "/api/v1/payments/{id}", tag = "payments", params(("id" = i64, Path)),
    responses((status = 200, body = Payment), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_payment(
    Loaded(found): Loaded<tanzim_commands::access::PaymentOf>,
) -> Result<Json<Payment>, AppError> {
    // The route loaded it as visible as its member.
    Ok(Json(found.into_inner().payment))
}

/// This module's routes and the access each requires; `routes::table` joins them.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::{get, post};
    use tanzim_domain::policy::Action;
    vec![
        route(
            "GET",
            "/campaigns",
            Policy(Action::ViewCampaigns, T::None),
            get(index),
        ),
        route(
            "GET",
            "/campaigns/new",
            Policy(Action::ManageCampaigns, T::None),
            get(new_form),
        ),
        route(
            "POST",
            "/campaigns",
            Policy(Action::ManageCampaigns, T::None),
            post(create),
        ),
        route(
            "GET",
            "/campaigns/{id}",
            Policy(Action::ViewCampaigns, T::Campaign),
            get(show),
        ),
        route(
            "GET",
            "/campaigns/{id}/close",
            Policy(Action::ManageCampaigns, T::Campaign),
            get(confirm_close),
        ),
        route(
            "POST",
            "/campaigns/{id}/close",
            Policy(Action::ManageCampaigns, T::Campaign),
            post(close),
        ),
        route(
            "POST",
            "/campaigns/{id}/reopen",
            Policy(Action::ManageCampaigns, T::Campaign),
            post(reopen),
        ),
        route(
            "POST",
            "/campaigns/{id}/bulk",
            Policy(Action::RecordPayments, T::Campaign),
            post(bulk),
        ),
        route(
            "GET",
            "/payments/{id}/receipt",
            Policy(Action::ViewMembers, T::Payment),
            get(receipt),
        ),
        route(
            "GET",
            "/api/v1/campaigns",
            Policy(Action::ViewCampaigns, T::None),
            get(api_list),
        ),
        route(
            "POST",
            "/api/v1/campaigns",
            Policy(Action::ManageCampaigns, T::None),
            post(api_create),
        ),
        route(
            "GET",
            "/api/v1/campaigns/{id}",
            Policy(Action::ViewCampaigns, T::Campaign),
            get(api_get),
        ),
        route(
            "POST",
            "/api/v1/campaigns/{id}/close",
            Policy(Action::ManageCampaigns, T::Campaign),
            post(api_close),
        ),
        route(
            "POST",
            "/api/v1/campaigns/{id}/reopen",
            Policy(Action::ManageCampaigns, T::Campaign),
            post(api_reopen),
        ),
        route(
            "GET",
            "/api/v1/payments/{id}",
            Policy(Action::ViewMembers, T::Payment),
            get(api_payment),
        ),
        route("GET", "/receipts/{token}", Public, get(public_receipt)),
    ]
}
