//! Members: the registry list (filters, as-of-date view and export), a member's page
//! (details, history, consents, renewals, status changes, transfer), the card and its
//! public check, and the members API.

use crate::api::{BadRequest, Conflict, Forbidden, Invalid, NotFound, Unauthenticated};
use crate::auth::{Ctx, CurrentUser};
use crate::bodies::Choice;
use crate::error::AppError;
use crate::views::{self, FormErrors, Layout, Pager};
use crate::{AppState, parse_form, parse_json, permit, today};
use askama::Template;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use tanzim_commands::{self as commands, Found};
use tanzim_domain::audit::AuditAction;
use tanzim_domain::members::{self as rules, Event, PersonInput, Status, transition};
use tanzim_domain::policy::{Action, Decision, Target, decide};
use tanzim_domain::territory::{Level, TerritoryCode, TerritoryPath};
use tanzim_domain::{DomainError, Field};
use tanzim_store::audit::AuditEntry;
use tanzim_store::campaigns::{self, Payment};
use tanzim_store::members::{
    self, ConsentChange, ContactUpdate, HistoryEntry, Member, MemberQuery,
};
use tanzim_store::{Page, Paged, ScopeFilter, territory};

pub(crate) fn audit(ctx: &Ctx, user: &CurrentUser, action: AuditAction) -> AuditEntry {
    AuditEntry::new(Some(user.id()), user.username(), action, Some(&ctx.address))
}

/// The scope of `action` over members. A role limited to the party itself covers all its
/// members; one limited to an affiliate covers the members who joined that affiliate.
pub(crate) fn member_scope(state: &AppState, user: &CurrentUser, action: Action) -> ScopeFilter {
    let assignments =
        tanzim_domain::policy::member_assignments(&user.principal, action, party_key(state));
    ScopeFilter::from_assignments(assignments.iter())
}

/// The policy's decision on a member: its branch decides, and a role limited to an
/// organization covers the members of that organization (everyone for the party itself,
/// those who joined for an affiliate), as `member_scope` does for lists.
pub fn member_decision(
    state: &AppState,
    user: &CurrentUser,
    action: Action,
    m: &Member,
) -> Decision {
    tanzim_domain::policy::decide_member(
        &user.principal,
        action,
        &TerritoryPath::from_stored(m.path.clone()),
        &m.affiliations,
        party_key(state),
    )
}

/// May the user see contact details (CIN, phone, e-mail, address, birth date) of a member?
pub(crate) fn sees_contact(state: &AppState, user: &CurrentUser, m: &Member) -> bool {
    member_decision(state, user, Action::ViewMemberContact, m) == Decision::Allow
}

/// The member with this id if the user may do `action` to it, with contact details
/// removed for roles that may not see them.
pub(crate) async fn load(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
    action: Action,
) -> Result<Member, AppError> {
    permit(decide(&user.principal, action, None))?;
    let m = members::get(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    permit(member_decision(state, user, action, &m))?;
    Ok(if sees_contact(state, user, &m) {
        m
    } else {
        m.without_contact()
    })
}

/// The member with this id if the user may do `action` to it (see `commands::access`).
pub(crate) async fn found(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    id: i64,
    action: Action,
) -> Result<Found<Member>, AppError> {
    Ok(commands::access::load(&state.app(), &user.actor(ctx), action, id).await?)
}

/// A person entered with a CIN already registered. When the user may see that member, the
/// conflict is said as it is (`cin-taken`); otherwise the person is referred to whoever
/// covers both places and the user learns only that (`cin-referred`), never where or whose.
pub(crate) async fn cin_conflict(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    new: &members::NewMember<'_>,
) -> AppError {
    let existing = match members::by_cin(&state.db, new.person.cin.as_str()).await {
        Ok(existing) => existing,
        Err(e) => return e.into(),
    };
    match existing {
        Some(m) if member_decision(state, user, Action::ViewMembers, &m) == Decision::Allow => {
            AppError::Conflict("cin-taken")
        }
        _ => {
            let entry = audit(ctx, user, AuditAction::ReviewFiled);
            match tanzim_store::imports::refer_cin(
                &state.db,
                new.person,
                &new.path,
                &new.joined_on,
                entry,
            )
            .await
            {
                Ok(_) => AppError::Conflict("cin-referred"),
                Err(e) => e.into(),
            }
        }
    }
}

/// A commune or arrondissement code that exists: where a member lives decides the branch.
pub(crate) async fn residence(
    state: &AppState,
    code: &TerritoryCode,
) -> Result<(tanzim_store::territory::Territory, String), AppError> {
    let t = territory::get(&state.db, code)
        .await?
        .filter(|t| matches!(t.level(), Some(Level::Commune | Level::Arrondissement)));
    let t = t.ok_or(AppError::Invalid(DomainError::new(
        Field::Commune,
        "commune-unknown",
    )))?;
    // The province is the path's second segment (region/province/commune/...).
    let province = t.path.split('/').nth(1).unwrap_or_default().to_owned();
    Ok((t, province))
}

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

async fn list_members(
    state: &AppState,
    user: &CurrentUser,
    q: &ListQuery,
) -> Result<Paged<Member>, AppError> {
    permit(decide(&user.principal, Action::ViewMembers, None))?;
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
                    contact_scope: (decide(&user.principal, Action::ViewMemberContact, None)
                        == Decision::Allow)
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

fn member_row(ctx: &Ctx, m: &Member) -> MemberRow {
    let branch = if ctx.lang() == crate::i18n::Lang::Ar {
        &m.commune_name_ar
    } else {
        &m.commune_name_fr
    };
    MemberRow {
        id: m.id,
        number: m.number.clone(),
        name: m.display_name(ctx.lang().code()),
        branch: branch.clone().unwrap_or_default(),
        status: ctx.tr.t(&format!("status-{}", m.status)),
        status_key: m.status.clone(),
        paid_year: m.paid_year.map(|y| y.to_string()).unwrap_or_default(),
    }
}

fn status_choices(ctx: &Ctx, selected: &str) -> Vec<Choice> {
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
struct IndexPage {
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

fn encode(s: &Option<String>) -> String {
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
    let reviews_open = if decide(&user.principal, Action::ManageMembers, None) == Decision::Allow {
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

fn attachment(content_type: &'static str, filename: &str, body: Vec<u8>) -> Response {
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
async fn export_rows(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    q: &ListQuery,
    format: &str,
) -> Result<Vec<Member>, AppError> {
    permit(decide(&user.principal, Action::ViewMembers, None))?;
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
    state
        .audit
        .append(&audit(ctx, user, AuditAction::MembersExported).detail(detail))
        .await?;
    Ok(rows)
}

fn clone_query(q: &ListQuery) -> ListQuery {
    ListQuery {
        q: q.q.clone(),
        status: q.status.clone(),
        territory: q.territory.clone(),
        as_of: q.as_of.clone(),
        page: q.page,
        page_size: q.page_size,
    }
}

// ---- a member's page ----

pub struct PaymentRow {
    pub id: i64,
    pub year: i64,
    pub amount: String,
    pub receipt: String,
    pub paid_on: String,
    pub body: String,
}

pub struct CampaignChoice {
    pub id: i64,
    pub label: String,
    pub categories: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "member.html")]
struct ShowPage {
    layout: Layout,
    m: Member,
    name: String,
    branch: String,
    status: String,
    sex: String,
    contact: bool,
    history: Vec<HistoryRow>,
    payments: Vec<PaymentRow>,
    campaigns: Vec<CampaignChoice>,
    methods: Vec<Choice>,
    events: Vec<Choice>,
    consents: Vec<ConsentRow>,
    may_manage: bool,
    may_pay: bool,
    today: String,
    errors: FormErrors,
    /// Link to the member's disciplinary cases (for users who may see cases).
    cases_link: bool,
}

pub struct HistoryRow {
    pub from: String,
    pub to: String,
    pub status: String,
    pub event: String,
    pub branch: String,
    pub reason: String,
    pub decision: String,
    /// The disciplinary case the change comes from, for users who may see cases.
    pub decision_href: Option<String>,
}

pub struct ConsentRow {
    pub kind: String,
    pub granted: bool,
    pub on: String,
    pub source: String,
    pub version: String,
}

fn history_rows(ctx: &Ctx, h: &[HistoryEntry], sees_cases: bool) -> Vec<HistoryRow> {
    h.iter()
        .rev()
        .map(|e| {
            let decision = e.decision.clone().unwrap_or_default();
            // A disciplinary decision reads as one; only its readers get the link.
            let case = tanzim_store::discipline::case_of_reference(&decision);
            HistoryRow {
                from: e.valid_from.clone(),
                to: e.valid_to.clone().unwrap_or_default(),
                status: ctx.tr.t(&format!("status-{}", e.status)),
                event: ctx.tr.t(&format!("event-{}", e.event)),
                branch: e.commune_code.clone(),
                reason: e.reason.clone().unwrap_or_default(),
                decision: match case {
                    Some(id) => ctx
                        .tr
                        .with("case-history-decision", &[("id", &id.to_string())]),
                    None => decision,
                },
                decision_href: case.filter(|_| sees_cases).map(|id| format!("/cases/{id}")),
            }
        })
        .collect()
}

pub(crate) fn payment_row(p: &Payment) -> PaymentRow {
    PaymentRow {
        id: p.id,
        year: p.year,
        amount: rules::format_amount(p.amount),
        receipt: p.receipt.clone(),
        paid_on: p.paid_on.clone(),
        body: p.body_name.clone(),
    }
}

pub(crate) fn method_choices(ctx: &Ctx) -> Vec<Choice> {
    rules::PAYMENT_METHODS
        .iter()
        .map(|m| Choice {
            value: (*m).to_owned(),
            label: ctx.tr.t(&format!("method-{m}")),
            selected: *m == "cash",
        })
        .collect()
}

async fn show_page(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    m: Member,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let history = members::history(&state.db, m.id).await?;
    let payments = campaigns::payments_of_member(&state.db, m.id).await?;
    let may_pay = member_decision(state, user, Action::RecordPayments, &m) == Decision::Allow;
    let open = if may_pay {
        campaigns::open_for(&state.db, &m.path).await?
    } else {
        Vec::new()
    };
    let mut campaign_choices = Vec::new();
    for c in open
        .iter()
        .filter(|c| !payments.iter().any(|p| p.year == c.year) && campaign_covers(state, c, &m))
    {
        let cats = campaigns::categories(&state.db, c.id).await?;
        campaign_choices.push(CampaignChoice {
            id: c.id,
            label: format!("{} — {}", c.year, c.body_name),
            categories: cats
                .iter()
                .enumerate()
                .map(|(i, k)| Choice {
                    value: k.key.clone(),
                    label: format!(
                        "{} ({} {})",
                        k.label,
                        rules::format_amount(k.amount),
                        ctx.tr.t("currency")
                    ),
                    selected: i == 0,
                })
                .collect(),
        });
    }
    let consents = members::consents(&state.db, m.id)
        .await?
        .iter()
        .map(|c| ConsentRow {
            kind: ctx.tr.t(&format!("consent-{}", c.kind)),
            granted: c.granted,
            on: c.given_on.clone(),
            source: c.source.clone(),
            version: c.wording_version.clone(),
        })
        .collect();
    let branch = if ctx.lang() == crate::i18n::Lang::Ar {
        &m.commune_name_ar
    } else {
        &m.commune_name_fr
    };
    let page = ShowPage {
        layout: Layout::new(state, ctx, "member-title"),
        name: m.display_name(ctx.lang().code()),
        branch: branch.clone().unwrap_or_default(),
        status: ctx.tr.t(&format!("status-{}", m.status)),
        sex: ctx.tr.t(&format!("sex-{}", m.sex)),
        contact: sees_contact(state, user, &m) && !m.cin.is_empty(),
        history: history_rows(ctx, &history, crate::discipline::may_view_cases(user)),
        cases_link: member_decision(state, user, Action::ViewCases, &m) == Decision::Allow,
        payments: payments.iter().map(payment_row).collect(),
        campaigns: campaign_choices,
        methods: method_choices(ctx),
        events: Event::MANUAL
            .iter()
            .map(|e| Choice {
                value: e.as_str().to_owned(),
                label: ctx.tr.t(&format!("event-{}", e.as_str())),
                selected: false,
            })
            .collect(),
        consents,
        may_manage: member_decision(state, user, Action::ManageMembers, &m) == Decision::Allow,
        may_pay,
        today: today().to_string(),
        errors,
        m,
    };
    Ok(views::html(page))
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let m = load(&state, &user, id, Action::ViewMembers).await?;
    // Every officer's read of a personal record is in the audit log.
    state
        .audit
        .append(&audit(&ctx, &user, AuditAction::MemberViewed).target(
            "member",
            id,
            Some(TerritoryPath::from_stored(m.path.clone())),
        ))
        .await?;
    show_page(&state, &ctx, &user, m, FormErrors::default()).await
}

/// Runs an action from the member page: on a rule broken, the page again with the message.
async fn on_member_page(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    id: i64,
    result: Result<(), AppError>,
) -> Result<Response, AppError> {
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/members/{id}")).into_response()),
        Err(
            e @ (AppError::Invalid(_)
            | AppError::Conflict(_)
            | AppError::Forbidden
            | AppError::BadRequest(_)),
        ) => {
            let m = load(state, user, id, Action::ViewMembers).await?;
            let errors = match &e {
                AppError::Invalid(d) => FormErrors::from_domain(std::slice::from_ref(d), &ctx.tr),
                other => FormErrors::general(ctx.tr.t(&format!("error-{}", other.code()))),
            };
            let mut response = show_page(state, ctx, user, m, errors).await?;
            *response.status_mut() = e.status();
            Ok(response)
        }
        Err(e) => Err(e),
    }
}

// ---- status changes, transfer, consent, contact ----

#[derive(Deserialize, utoipa::ToSchema)]
pub struct StatusChange {
    /// suspend, reinstate, expel, resign, decease or readmit.
    pub event: String,
    /// YYYY-MM-DD; today when absent.
    #[serde(default)]
    pub on: Option<String>,
    pub reason: String,
    /// The decision it comes from (ethics committee, body), required for suspend, expel, readmit.
    #[serde(default)]
    pub decision: Option<String>,
    /// YYYY-MM-DD, for a suspension.
    #[serde(default)]
    pub until: Option<String>,
}

/// A form's optional text: absent when blank.
fn optional(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// A form's optional date.
fn optional_date(s: &Option<String>) -> Result<Option<chrono::NaiveDate>, DomainError> {
    optional(s)
        .map(|d| rules::parse_date(d, Field::Date))
        .transpose()
}

impl StatusChange {
    fn parse(&self) -> Result<commands::members::StatusChange, DomainError> {
        Ok(commands::members::StatusChange {
            event: Event::parse(self.event.trim())
                .ok_or(DomainError::new(Field::Status, "event-invalid"))?,
            on: optional_date(&self.on)?,
            reason: self.reason.clone(),
            decision: optional(&self.decision).map(str::to_owned),
            until: optional_date(&self.until)?,
        })
    }
}

/// A typed date (today when empty), not in the future.
fn effective_date(on: Option<&str>) -> Result<String, DomainError> {
    match on.map(str::trim).filter(|s| !s.is_empty()) {
        Some(d) => {
            let d = rules::parse_date(d, Field::Date)?;
            rules::check_effective_date(d, d, today())?;
            Ok(d.to_string())
        }
        None => Ok(today().to_string()),
    }
}

/// The day a change to this member takes effect: within its current period (so history
/// periods never overlap) and not in the future.
async fn change_date(state: &AppState, m: &Member, on: Option<&str>) -> Result<String, AppError> {
    let on = effective_date(on)?;
    let history = members::history(&state.db, m.id).await?;
    let start = history
        .last()
        .map(|h| h.valid_from.as_str())
        .unwrap_or(m.joined_on.as_str());
    let parse = |s: &str| rules::parse_date(s, Field::Date);
    rules::check_effective_date(parse(&on)?, parse(start)?, today())?;
    Ok(on)
}

async fn change_status(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    m: &Found<Member>,
    input: &StatusChange,
) -> Result<(), AppError> {
    let input = input.parse()?;
    Ok(commands::members::change_status(&state.app(), &user.actor(ctx), m, &input).await?)
}

pub async fn status(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let m = found(&state, &ctx, &user, id, Action::ManageMembers).await?;
    let input: StatusChange = parse_form(&body)?;
    let result = change_status(&state, &ctx, &user, &m, &input).await;
    on_member_page(&state, &ctx, &user, id, result).await
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct Transfer {
    /// HCP code of the new commune or arrondissement of residence.
    pub commune: String,
    #[serde(default)]
    pub on: Option<String>,
    pub reason: String,
}

async fn transfer_member(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    m: &Found<Member>,
    input: &Transfer,
) -> Result<(), AppError> {
    let input = commands::members::Transfer {
        commune: TerritoryCode::parse(&input.commune)
            .map_err(|_| DomainError::new(Field::Commune, "commune-unknown"))?,
        on: optional_date(&input.on)?,
        reason: input.reason.clone(),
    };
    Ok(commands::members::transfer(&state.app(), &user.actor(ctx), m, &input).await?)
}

pub async fn transfer(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let m = found(&state, &ctx, &user, id, Action::ManageMembers).await?;
    let input: Transfer = parse_form(&body)?;
    let result = transfer_member(&state, &ctx, &user, &m, &input).await;
    on_member_page(&state, &ctx, &user, id, result).await
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct ConsentInput {
    /// `contact` or `public_lists`.
    pub kind: String,
    /// `yes` (given) or `no` (withdrawn).
    pub granted: String,
    /// Where it was expressed: `form`, `paper`, `phone`, `email`.
    pub source: String,
    #[serde(default)]
    pub on: Option<String>,
}

async fn record_consent(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    m: &Member,
    input: &ConsentInput,
) -> Result<(), AppError> {
    let kind = rules::CONSENT_KINDS
        .iter()
        .find(|k| **k == input.kind.trim())
        .ok_or(DomainError::new(Field::Consent, "consent-kind-unknown"))?;
    let granted = match input.granted.trim() {
        "yes" | "true" => true,
        "no" | "false" => false,
        _ => return Err(DomainError::new(Field::Consent, "consent-kind-unknown").into()),
    };
    let source = match input.source.trim() {
        s @ ("form" | "paper" | "phone" | "email") => s,
        _ => return Err(DomainError::new(Field::Consent, "consent-source-invalid").into()),
    };
    let on = effective_date(input.on.as_deref())?;
    let change = ConsentChange {
        kind,
        granted,
        on: &on,
        source,
        wording_version: &state.profile.membership.consent_version,
        actor_id: Some(user.id()),
    };
    Ok(members::record_consent(
        &state.db,
        m,
        &change,
        audit(ctx, user, AuditAction::ConsentRecorded),
    )
    .await?)
}

pub async fn consent(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let m = load(&state, &user, id, Action::ManageMembers).await?;
    let input: ConsentInput = parse_form(&body)?;
    let result = record_consent(&state, &ctx, &user, &m, &input).await;
    on_member_page(&state, &ctx, &user, id, result).await
}

// ---- renewal ----

#[derive(Deserialize, utoipa::ToSchema)]
pub struct Renewal {
    pub campaign_id: i64,
    /// The dues category key.
    pub category: String,
    /// cash, transfer, card or other.
    #[serde(default = "cash")]
    pub method: String,
    /// The receipt number (unique within the campaign's body).
    pub receipt: String,
    /// YYYY-MM-DD; today when absent.
    #[serde(default)]
    pub paid_on: Option<String>,
}

fn cash() -> String {
    "cash".to_owned()
}

/// Records a renewal with its payment; returns the payment id.
pub(crate) async fn renew(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    m: &Member,
    input: &Renewal,
) -> Result<i64, AppError> {
    permit(member_decision(state, user, Action::RecordPayments, m))?;
    let campaign = campaigns::get(&state.db, input.campaign_id)
        .await?
        .ok_or(DomainError::new(Field::Campaign, "campaign-unknown"))?;
    if !campaign.is_open() {
        return Err(AppError::Conflict("campaign-closed"));
    }
    if !campaign_covers(state, &campaign, m) {
        return Err(DomainError::new(Field::Campaign, "campaign-not-for-member").into());
    }
    let categories = campaigns::categories(&state.db, campaign.id).await?;
    let category = categories
        .iter()
        .find(|c| c.key == input.category.trim())
        .ok_or(DomainError::new(Field::Category, "category-invalid"))?;
    let method = rules::parse_method(&input.method)?;
    let receipt = rules::parse_receipt(&input.receipt)?;
    let paid_on = change_date(state, m, input.paid_on.as_deref()).await?;
    let from = m.status().ok_or(AppError::Internal("status".into()))?;
    let new_status = transition(from, Event::Renew, state.profile.membership.model)?;
    let new = campaigns::NewPayment {
        campaign: &campaign,
        category,
        method: &method,
        receipt: &receipt,
        paid_on: &paid_on,
        new_status,
        actor_id: user.id(),
        receipt_token: &crate::auth::random_token(),
    };
    Ok(campaigns::record_payment(
        &state.db,
        m,
        &new,
        audit(ctx, user, AuditAction::PaymentRecorded),
    )
    .await?)
}

pub async fn renew_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let m = load(&state, &user, id, Action::RecordPayments).await?;
    let input: Renewal = parse_form(&body)?;
    match renew(&state, &ctx, &user, &m, &input).await {
        // Straight to the receipt, ready to print.
        Ok(payment) => Ok(Redirect::to(&format!("/payments/{payment}/receipt")).into_response()),
        Err(e) => on_member_page(&state, &ctx, &user, id, Err(e)).await,
    }
}

// ---- the card and its public check ----

#[derive(Template)]
#[template(path = "card.html")]
struct CardPage {
    layout: Layout,
    m: Member,
    name_ar: String,
    name_lat: String,
    branch_ar: String,
    branch_fr: String,
    year: i32,
    qr_svg: String,
    verify_url: String,
    party_ar: String,
    party_fr: String,
}

pub async fn card(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let m = load(&state, &user, id, Action::ViewMembers).await?;
    let verify_url = format!("{}/v/{}", state.config.public_base(), m.card_token);
    let qr_svg = qrcode::QrCode::new(verify_url.as_bytes())
        .map(|c| {
            c.render::<qrcode::render::svg::Color>()
                .min_dimensions(160, 160)
                .quiet_zone(true)
                .build()
        })
        .map_err(|e| AppError::Internal(format!("qr: {e}")))?;
    let join = |a: &Option<String>, b: &Option<String>| {
        [a, b]
            .iter()
            .filter_map(|x| x.as_deref())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let party = state
        .profile
        .organizations
        .iter()
        .find(|o| o.kind == tanzim_domain::org::OrganizationKind::Party);
    let page = CardPage {
        layout: Layout::new(&state, &ctx, "card-title"),
        name_ar: join(&m.first_name_ar, &m.last_name_ar),
        name_lat: join(&m.first_name_lat, &m.last_name_lat),
        branch_ar: m.commune_name_ar.clone().unwrap_or_default(),
        branch_fr: m.commune_name_fr.clone().unwrap_or_default(),
        year: chrono::Datelike::year(&today()),
        qr_svg,
        verify_url,
        party_ar: party.map(|p| p.name.ar.clone()).unwrap_or_default(),
        party_fr: party.map(|p| p.name.fr.clone()).unwrap_or_default(),
        m,
    };
    Ok(views::html(page))
}

#[derive(Template)]
#[template(path = "verify.html")]
struct VerifyPage {
    layout: Layout,
    number: Option<String>,
    year: i32,
    valid: bool,
}

#[derive(Deserialize)]
pub struct YearQuery {
    year: Option<i32>,
}

/// Whether a member's card is valid for `year`: in good standing, and (in the yearly model)
/// paid for that year or joined in it.
pub async fn card_valid(state: &AppState, m: &Member, year: i32) -> Result<bool, AppError> {
    let this_year = chrono::Datelike::year(&today());
    // Paid for exactly that year, or joined in it (joining covers its year).
    let paid = campaigns::payments_of_member(&state.db, m.id)
        .await?
        .iter()
        .any(|p| p.year == i64::from(year));
    let joined = m.joined_on.get(..4).and_then(|y| y.parse::<i32>().ok());
    let covered = match state.profile.membership.model {
        tanzim_domain::org::MembershipModel::YearlyRenewal => paid || joined == Some(year),
        tanzim_domain::org::MembershipModel::UntilResignation => joined.is_some_and(|j| j <= year),
    };
    // A past year stays valid whatever happened since; this year needs good standing now.
    let standing = year < this_year || m.status().is_some_and(Status::in_good_standing);
    Ok(covered && standing && year <= this_year)
}

/// The public check behind the card's QR code: says only whether that number is valid for
/// that year. Nothing personal; tokens are unguessable and look-ups rate-limited.
pub async fn verify(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    Query(q): Query<YearQuery>,
) -> Result<Response, AppError> {
    if !state.lookup_limit.allow(&ctx.address) {
        return Err(AppError::Throttled);
    }
    let year = q.year.unwrap_or_else(|| chrono::Datelike::year(&today()));
    let m = if token.len() >= 32 {
        members::by_card_token(&state.db, &token).await?
    } else {
        None
    };
    let valid = match &m {
        Some(m) => card_valid(&state, m, year).await?,
        None => false,
    };
    let page = VerifyPage {
        layout: Layout::new(&state, &ctx, "verify-title"),
        valid,
        number: m.map(|m| m.number),
        year,
    };
    let status = if page.number.is_some() {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    Ok((status, views::html(page)).into_response())
}

// ---- API ----

#[derive(Serialize, utoipa::ToSchema)]
pub struct MemberList {
    pub items: Vec<Member>,
    pub total: i64,
    /// A search counts up to 1000 matches: true when more match (narrow the query).
    pub total_capped: bool,
    pub page: u32,
    pub page_size: u32,
}

/// Members in the caller's scope; `as_of` gives those in good standing on that day.
#[utoipa::path(get, path = "/api/v1/members", tag = "members",
    params(("territory" = Option<String>, Query, description = "HCP code: members in its subtree"),
           ("status" = Option<String>, Query, description = "active, lapsed, suspended, expelled, resigned, deceased"),
           ("q" = Option<String>, Query, description = "name (either script), CIN or membership number"),
           ("as_of" = Option<String>, Query, description = "YYYY-MM-DD: in good standing on that day"),
           ("page" = Option<u32>, Query), ("page_size" = Option<u32>, Query)),
    responses((status = 200, body = MemberList), BadRequest, Unauthenticated, Forbidden, Invalid), security(("bearer" = [])))]
pub async fn api_list(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<ListQuery>,
) -> Result<Json<MemberList>, AppError> {
    let p = list_members(&state, &user, &q).await?;
    Ok(Json(MemberList {
        items: p.items,
        total: p.total,
        total_capped: p.capped,
        page: p.page,
        page_size: p.page_size,
    }))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct MemberDetail {
    #[serde(flatten)]
    pub member: Member,
    pub history: Vec<HistoryEntry>,
    pub payments: Vec<Payment>,
}

/// One member with its history and payments (the read is audited).
#[utoipa::path(get, path = "/api/v1/members/{id}", tag = "members", params(("id" = i64, Path)),
    responses((status = 200, body = MemberDetail), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_get(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Json<MemberDetail>, AppError> {
    let m = load(&state, &user, id, Action::ViewMembers).await?;
    state
        .audit
        .append(&audit(&ctx, &user, AuditAction::MemberViewed).target(
            "member",
            id,
            Some(TerritoryPath::from_stored(m.path.clone())),
        ))
        .await?;
    let history = members::history(&state.db, id).await?;
    let payments = campaigns::payments_of_member(&state.db, id).await?;
    Ok(Json(MemberDetail {
        member: m,
        history,
        payments,
    }))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct NewMemberInput {
    #[serde(flatten)]
    pub person: PersonInputDoc,
    /// YYYY-MM-DD; today when absent.
    #[serde(default)]
    pub joined_on: Option<String>,
    #[serde(default)]
    pub consent_contact: bool,
    #[serde(default)]
    pub consent_public: bool,
    #[serde(default)]
    pub notes: Option<String>,
}

/// The person fields, as the API documents them.
#[derive(Deserialize, utoipa::ToSchema, Default)]
pub struct PersonInputDoc {
    pub first_name_ar: Option<String>,
    pub last_name_ar: Option<String>,
    pub first_name_lat: Option<String>,
    pub last_name_lat: Option<String>,
    /// F or M.
    pub sex: String,
    /// YYYY-MM-DD or DD/MM/YYYY.
    pub birth_date: String,
    pub cin: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// HCP code of the commune or arrondissement of residence.
    pub commune: String,
    pub address: Option<String>,
    pub profession: Option<String>,
    /// none, primary, lower_secondary, upper_secondary, higher, other.
    pub education: Option<String>,
    /// Affiliated organizations joined, comma-separated keys.
    pub affiliations: Option<String>,
}

impl PersonInputDoc {
    pub fn into_input(self) -> PersonInput {
        PersonInput {
            first_name_ar: self.first_name_ar,
            last_name_ar: self.last_name_ar,
            first_name_lat: self.first_name_lat,
            last_name_lat: self.last_name_lat,
            sex: self.sex,
            birth_date: self.birth_date,
            cin: self.cin,
            phone: self.phone,
            email: self.email,
            commune: self.commune,
            address: self.address,
            profession: self.profession,
            education: self.education,
            affiliations: self.affiliations,
        }
    }
}

/// The party's own organization key.
pub(crate) fn party_key(state: &AppState) -> Option<&str> {
    state.profile.party_key()
}

/// Whether a campaign is for this member: its jurisdiction holds the member's branch, and
/// an affiliate's campaign is for the affiliate's members only.
pub(crate) fn campaign_covers(
    state: &AppState,
    c: &tanzim_store::campaigns::Campaign,
    m: &Member,
) -> bool {
    let place = TerritoryPath::from_stored(c.path.clone())
        .contains(&TerritoryPath::from_stored(m.path.clone()));
    let organization = Some(c.organization.as_str()) == party_key(state)
        || m.affiliations.split(',').any(|a| a == c.organization);
    place && organization
}

/// The affiliate organizations' keys (the party itself is not joined separately).
pub(crate) fn affiliate_keys(state: &AppState) -> Vec<&str> {
    state.profile.affiliate_keys()
}

/// The first error of a validation, for the API (forms show them all).
pub(crate) fn first_error(errors: Vec<DomainError>) -> AppError {
    errors
        .into_iter()
        .next()
        .map(AppError::Invalid)
        .unwrap_or(AppError::BadRequest("malformed-input"))
}

/// Registers a member directly (an existing roll being brought in by an officer); new
/// members normally come through an application decided by the committee.
#[utoipa::path(post, path = "/api/v1/members", tag = "members", request_body = NewMemberInput,
    responses((status = 201, body = MemberDetail), BadRequest, Unauthenticated, Forbidden, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_create(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    body: Bytes,
) -> Result<Response, AppError> {
    permit(decide(&user.principal, Action::ManageMembers, None))?;
    let input: NewMemberInput = parse_json(&body)?;
    let person = input
        .person
        .into_input()
        .validate(&state.profile.membership, &affiliate_keys(&state), today())
        .map_err(first_error)?;
    let (t, province) = residence(&state, &person.commune).await?;
    permit(
        match decide(
            &user.principal,
            Action::ManageMembers,
            Some(&Target {
                path: t.territory_path(),
                organization: None,
            }),
        ) {
            Decision::NotFound => Decision::Forbidden,
            d => d,
        },
    )?;
    let joined_on = effective_date(input.joined_on.as_deref())?;
    rules::check_joined_on(
        rules::parse_date(&joined_on, Field::Date)?,
        person.birth_date,
        &state.profile.membership,
    )?;
    let notes = input
        .notes
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned);
    let new = members::NewMember {
        person: &person,
        province_code: province,
        path: t.territory_path(),
        joined_on,
        consent_contact: input.consent_contact,
        consent_public: input.consent_public,
        consent_source: "api".into(),
        consent_version: state.profile.membership.consent_version.clone(),
        notes,
        card_token: crate::auth::random_token(),
        application_id: None,
        committee_id: None,
        actor_id: Some(user.id()),
    };
    let created = members::create(
        &state.db,
        &new,
        audit(&ctx, &user, AuditAction::MemberCreated),
    )
    .await;
    let id = match created {
        Ok((id, _)) => id,
        Err(tanzim_store::StoreError::Conflict("cin-taken")) => {
            return Err(cin_conflict(&state, &ctx, &user, &new).await);
        }
        Err(e) => return Err(e.into()),
    };
    let m = load(&state, &user, id, Action::ViewMembers).await?;
    Ok((
        StatusCode::CREATED,
        Json(MemberDetail {
            member: m,
            history: members::history(&state.db, id).await?,
            payments: Vec::new(),
        }),
    )
        .into_response())
}

/// Changes a member's status (suspend, reinstate, expel, resign, decease, readmit).
#[utoipa::path(post, path = "/api/v1/members/{id}/status", tag = "members", params(("id" = i64, Path)), request_body = StatusChange,
    responses((status = 200, body = Member), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_status(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Json<Member>, AppError> {
    let m = found(&state, &ctx, &user, id, Action::ManageMembers).await?;
    let input: StatusChange = parse_json(&body)?;
    change_status(&state, &ctx, &user, &m, &input).await?;
    Ok(Json(load(&state, &user, id, Action::ViewMembers).await?))
}

/// Moves a member to another commune's branch; history keeps the old one.
#[utoipa::path(post, path = "/api/v1/members/{id}/transfer", tag = "members", params(("id" = i64, Path)), request_body = Transfer,
    responses((status = 200, body = Member), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_transfer(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Json<Member>, AppError> {
    let m = found(&state, &ctx, &user, id, Action::ManageMembers).await?;
    let input: Transfer = parse_json(&body)?;
    transfer_member(&state, &ctx, &user, &m, &input).await?;
    Ok(Json(load(&state, &user, id, Action::ViewMembers).await?))
}

/// Records a consent given or withdrawn.
#[utoipa::path(post, path = "/api/v1/members/{id}/consents", tag = "members", params(("id" = i64, Path)), request_body = ConsentInput,
    responses((status = 200, body = Member), BadRequest, Unauthenticated, Forbidden, NotFound, Invalid), security(("bearer" = [])))]
pub async fn api_consent(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Json<Member>, AppError> {
    let m = load(&state, &user, id, Action::ManageMembers).await?;
    let input: ConsentInput = parse_json(&body)?;
    record_consent(&state, &ctx, &user, &m, &input).await?;
    Ok(Json(load(&state, &user, id, Action::ViewMembers).await?))
}

/// Records a renewal and its payment.
#[utoipa::path(post, path = "/api/v1/members/{id}/payments", tag = "payments", params(("id" = i64, Path)), request_body = Renewal,
    responses((status = 201, body = Payment), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_renew(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let m = load(&state, &user, id, Action::RecordPayments).await?;
    let input: Renewal = parse_json(&body)?;
    let pid = renew(&state, &ctx, &user, &m, &input).await?;
    let p = campaigns::payment(&state.db, pid)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(p)).into_response())
}

/// Contact details an officer keeps up to date (page form).
#[derive(Deserialize)]
pub struct ContactInput {
    phone: Option<String>,
    email: Option<String>,
    address: Option<String>,
    profession: Option<String>,
    education: Option<String>,
    notes: Option<String>,
}

pub async fn contact(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let m = load(&state, &user, id, Action::ManageMembers).await?;
    let input: ContactInput = parse_form(&body)?;
    let result = async {
        let blank = |s: &Option<String>| {
            s.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        let phone = blank(&input.phone)
            .map(|p| rules::Phone::parse(&p).map(|p| p.as_str().to_owned()))
            .transpose()?;
        let email = blank(&input.email)
            .map(|e| rules::parse_email(&e))
            .transpose()?;
        let education = blank(&input.education);
        if education
            .as_deref()
            .is_some_and(|e| !rules::EDUCATION_LEVELS.contains(&e))
        {
            return Err(AppError::Invalid(DomainError::new(
                Field::Education,
                "education-invalid",
            )));
        }
        let (address, profession, notes) = (
            blank(&input.address),
            blank(&input.profession),
            blank(&input.notes),
        );
        let update = ContactUpdate {
            phone: phone.as_deref(),
            email: email.as_deref(),
            address: address.as_deref(),
            profession: profession.as_deref(),
            education: education.as_deref(),
            notes: notes.as_deref(),
        };
        Ok(members::update_contact(
            &state.db,
            &m,
            &update,
            audit(&ctx, &user, AuditAction::MemberUpdated),
        )
        .await?)
    }
    .await;
    on_member_page(&state, &ctx, &user, id, result).await
}

/// This module's routes and the access each requires; `routes::table` joins them.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::{Access::*, TargetKind as T, fresh_password, route};
    use axum::routing::{get, post};
    use tanzim_domain::policy::Action;
    vec![
        route("GET", "/v/{token}", Public, get(verify)),
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
        route(
            "GET",
            "/members/{id}",
            Policy(Action::ViewMembers, T::Member),
            get(show),
        ),
        route(
            "GET",
            "/members/{id}/card",
            Policy(Action::ViewMembers, T::Member),
            get(card),
        ),
        route(
            "POST",
            "/members/{id}/status",
            Policy(Action::ManageMembers, T::Member),
            post(status),
        ),
        route(
            "POST",
            "/members/{id}/transfer",
            Policy(Action::ManageMembers, T::Member),
            post(transfer),
        ),
        route(
            "POST",
            "/members/{id}/consent",
            Policy(Action::ManageMembers, T::Member),
            post(consent),
        ),
        route(
            "POST",
            "/members/{id}/contact",
            Policy(Action::ManageMembers, T::Member),
            post(contact),
        ),
        route(
            "POST",
            "/members/{id}/renew",
            Policy(Action::RecordPayments, T::Member),
            post(renew_form),
        ),
        route(
            "GET",
            "/api/v1/members",
            Policy(Action::ViewMembers, T::None),
            get(api_list),
        ),
        route(
            "POST",
            "/api/v1/members",
            Policy(Action::ManageMembers, T::None),
            post(api_create),
        ),
        route(
            "GET",
            "/api/v1/members/{id}",
            Policy(Action::ViewMembers, T::Member),
            get(api_get),
        ),
        route(
            "POST",
            "/api/v1/members/{id}/status",
            Policy(Action::ManageMembers, T::Member),
            post(api_status),
        ),
        route(
            "POST",
            "/api/v1/members/{id}/transfer",
            Policy(Action::ManageMembers, T::Member),
            post(api_transfer),
        ),
        route(
            "POST",
            "/api/v1/members/{id}/consents",
            Policy(Action::ManageMembers, T::Member),
            post(api_consent),
        ),
        route(
            "POST",
            "/api/v1/members/{id}/payments",
            Policy(Action::RecordPayments, T::Member),
            post(api_renew),
        ),
    ]
}
