//! The campaign pages: the list, a new campaign, a campaign with its dues schedule, closing and reopening.

use crate::access::Loaded;
use crate::access::found;
use crate::access::member_scope;
use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::input::Confirm;
use crate::input::parse_form;
use crate::members::{PaymentRow, method_choices, payment_row};
use crate::state::{AppState, today};
use crate::views::Choice;
use crate::views::{self, FormErrors, Layout, Pager};
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tanzim_commands::{self as commands, Found};
use tanzim_domain::members::{self as rules};
use tanzim_domain::org::MembershipModel;
use tanzim_domain::policy::{Action, Decision, decide, scopes_for};
use tanzim_domain::{DomainError, Field};
use tanzim_store::bodies::{self, BodyQuery};
use tanzim_store::campaigns::{self, Campaign};
use tanzim_store::{Page, ScopeFilter};

#[derive(Deserialize)]
pub struct PageQuery {
    pub(super) page: Option<u32>,
    pub(super) page_size: Option<u32>,
}

pub struct CampaignRow {
    pub id: i64,
    pub year: i64,
    pub body: String,
    pub dates: String,
    pub status: String,
    pub payments: i64,
}

pub(super) fn campaign_row(ctx: &Ctx, c: &Campaign) -> CampaignRow {
    CampaignRow {
        id: c.id,
        year: c.year,
        body: c.body_name.clone(),
        dates: format!(
            "{} – {}",
            ctx.tr.day(c.opens_on.date()),
            ctx.tr.day(c.closes_on.date())
        ),
        status: if c.is_closing() {
            ctx.tr.t("campaign-closing")
        } else {
            ctx.tr.t(&format!("campaign-{}", c.status))
        },
        payments: c.payments,
    }
}

#[derive(Template)]
#[template(path = "campaigns.html")]
pub(super) struct IndexPage {
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
pub(super) struct NewPage {
    layout: Layout,
    bodies: Vec<Choice>,
    f: CampaignInput,
    /// The dues schedule as the editor's rows: (key, label, amount), blank rows to fill.
    rows: Vec<(String, String, String)>,
    errors: FormErrors,
}

/// The rows the dues editor offers.
const CATEGORY_ROWS: usize = 6;

/// The page's form: the campaign, and its dues schedule row by row (`cat_key_1`,
/// `cat_label_1`, `cat_amount_1`…), made into the schedule's lines for the command.
#[derive(Deserialize)]
pub struct CampaignForm {
    #[serde(default, deserialize_with = "crate::input::empty_as_none")]
    body_id: Option<i64>,
    #[serde(default)]
    year: String,
    #[serde(default)]
    opens_on: String,
    #[serde(default)]
    closes_on: String,
    #[serde(flatten)]
    rows: std::collections::HashMap<String, String>,
}

impl CampaignForm {
    fn input(&self) -> CampaignInput {
        let cell = |name: &str, i: usize| {
            self.rows
                .get(&format!("cat_{name}_{i}"))
                .map(|v| v.trim().replace('|', " "))
                .unwrap_or_default()
        };
        let lines: Vec<String> = (1..=CATEGORY_ROWS)
            .map(|i| (cell("key", i), cell("label", i), cell("amount", i)))
            .filter(|(k, l, a)| !(k.is_empty() && l.is_empty() && a.is_empty()))
            .map(|(k, l, a)| format!("{k}|{l}|{a}"))
            .collect();
        CampaignInput {
            body_id: self.body_id,
            year: self.year.clone(),
            opens_on: self.opens_on.clone(),
            closes_on: self.closes_on.clone(),
            categories: lines.join("\n"),
        }
    }
}

/// The schedule's lines as the editor's rows, padded with blank ones.
fn category_rows(categories: &str) -> Vec<(String, String, String)> {
    let mut rows: Vec<(String, String, String)> = categories
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut cells = l.split('|').map(|c| c.trim().to_owned());
            let mut next = || cells.next().unwrap_or_default();
            (next(), next(), next())
        })
        .collect();
    while rows.len() < CATEGORY_ROWS {
        rows.push(Default::default());
    }
    rows.truncate(CATEGORY_ROWS.max(rows.len()));
    rows
}

pub(super) async fn new_page(
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
        rows: category_rows(&f.categories),
        f,
        errors,
    }))
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
) -> Result<Response, AppError> {
    let year = chrono::Datelike::year(&today());
    let f = CampaignInput {
        year: year.to_string(),
        opens_on: format!("{year}-01-01"),
        closes_on: format!("{year}-03-31"),
        // The usual schedule, to adjust.
        categories: "standard|عادي|100\nreduced|مخفض|50".to_owned(),
        body_id: None,
    };
    new_page(&state, &ctx, &user, f, FormErrors::default()).await
}

pub(super) async fn create_campaign(
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
    let form: CampaignForm = parse_form(&body)?;
    let input = form.input();
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
pub(super) struct ShowPage {
    layout: Layout,
    c: CampaignRow,
    open: bool,
    /// Being closed: its members lapse batch by batch.
    closing: bool,
    /// The close's job, for the one who began it.
    close_job: Option<i64>,
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

pub(super) struct ShowExtras {
    pub(super) confirm_close: bool,
    pub(super) bulk: String,
    pub(super) report: Vec<String>,
    pub(super) errors: FormErrors,
}

pub(super) async fn show_page(
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
    let close_job = match c.is_closing() {
        true => commands::campaigns::close_job(&state.app(), &user.actor(ctx), c.id).await?,
        false => None,
    };
    Ok(views::html(ShowPage {
        close_job,
        layout: Layout::new(state, ctx, "campaign-title"),
        c: campaign_row(ctx, &c),
        open: c.is_open(),
        closing: c.is_closing(),
        closes_on: c.closes_on.to_string(),
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
                amount: ctx.tr.amount(k.amount),
            })
            .collect(),
        methods: method_choices(ctx),
        pager: Pager::new(&payments, &format!("/campaigns/{}?", c.id)),
        payments: payments
            .items
            .iter()
            .map(|p| payment_row(&ctx.tr, p))
            .collect(),
        may_manage,
        may_pay,
        yearly: state.profile.membership.model == MembershipModel::YearlyRenewal,
        confirm_close: extras.confirm_close,
        bulk: extras.bulk,
        report: extras.report,
        errors: extras.errors,
    }))
}

pub(super) fn no_extras() -> ShowExtras {
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

/// How long a close request waits for the close to finish before answering that it goes
/// on (it runs on, whatever happens to the request).
const CLOSE_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// The close's job, and the members lapsed when it finished within `CLOSE_WAIT`.
pub(super) async fn close_campaign(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    c: &Found<Campaign>,
) -> Result<commands::campaigns::Closing, AppError> {
    let actor = user.actor(ctx);
    Ok(commands::campaigns::close_within(&state.app(), &actor, c, CLOSE_WAIT).await?)
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
    let closing = close_campaign(&state, &ctx, &user, &c).await?;
    // Done: the campaign's page; still going: the job's, with its progress.
    Ok(match closing.lapsed {
        Some(_) => Redirect::to(&format!("/campaigns/{id}")),
        None => Redirect::to(&format!("/jobs/{}", closing.job)),
    }
    .into_response())
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct Reopen {
    /// The new closing date, YYYY-MM-DD (reopening a closed campaign, or extending an open one).
    pub closes_on: String,
}

pub(super) async fn reopen_campaign(
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
