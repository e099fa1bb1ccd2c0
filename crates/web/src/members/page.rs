//! A member's page: details, history, consents, payments and the forms on it.

use super::shared::*;

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
pub(super) struct ShowPage {
    layout: Layout,
    m: Member,
    name: String,
    branch: String,
    status: String,
    sex: String,
    /// Days as Moroccans write them (`07 دجنبر 2026`, `07 décembre 2026`).
    joined: String,
    born: Option<String>,
    suspended_until: Option<String>,
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

pub(super) fn history_rows(ctx: &Ctx, h: &[HistoryEntry], sees_cases: bool) -> Vec<HistoryRow> {
    h.iter()
        .rev()
        .map(|e| {
            let decision = e.decision.clone().unwrap_or_default();
            // A disciplinary decision reads as one; only its readers get the link.
            let case = tanzim_store::discipline::case_of_reference(&decision);
            HistoryRow {
                from: ctx.tr.day(e.valid_from.date()),
                to: e.valid_to.map(|d| ctx.tr.day(d.date())).unwrap_or_default(),
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

pub(crate) fn payment_row(tr: &crate::i18n::Tr, p: &Payment) -> PaymentRow {
    PaymentRow {
        id: p.id,
        year: p.year,
        amount: tr.amount(p.amount),
        receipt: p.receipt.clone(),
        paid_on: tr.day(p.paid_on.date()),
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

pub(super) async fn show_page(
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
        campaigns::open_for(&state.db, &m.person.path).await?
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
                        ctx.tr.amount(k.amount),
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
            on: ctx.tr.day(c.given_on.date()),
            source: c.source.clone(),
            version: c.wording_version.clone(),
        })
        .collect();
    let branch = if ctx.lang() == crate::i18n::Lang::Ar {
        &m.person.commune_name_ar
    } else {
        &m.person.commune_name_fr
    };
    let page = ShowPage {
        layout: Layout::new(state, ctx, "member-title"),
        name: m.display_name(ctx.lang().code()),
        branch: branch.clone().unwrap_or_default(),
        status: ctx.tr.t(&format!("status-{}", m.status)),
        sex: ctx.tr.t(&format!("sex-{}", m.person.sex)),
        contact: sees_contact(state, user, &m) && !m.person.cin.is_empty(),
        history: history_rows(ctx, &history, user.may(Action::ViewCases, None)),
        cases_link: member_decision(state, user, Action::ViewCases, &m) == Decision::Allow,
        payments: payments.iter().map(|p| payment_row(&ctx.tr, p)).collect(),
        joined: ctx.tr.day(m.joined_on.date()),
        born: m.birth_date.map(|d| ctx.tr.day(d.date())),
        suspended_until: m.suspended_until.map(|d| ctx.tr.day(d.date())),
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
    Loaded(m): Loaded<Member>,
) -> Result<Response, AppError> {
    let m = m.into_inner();
    // Every officer's read of a personal record is in the audit log.
    tanzim_commands::reads::record(
        &state.app(),
        &user.actor(&ctx),
        tanzim_commands::reads::Read::Member(&m),
    )
    .await?;
    show_page(&state, &ctx, &user, m, FormErrors::default()).await
}

/// Runs an action from the member page: on a rule broken, the page again with the message.
pub(super) async fn on_member_page(
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
            let m = found::<Member>(state, ctx, user, Action::ViewMembers, id)
                .await?
                .into_inner();
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

/// These routes and the access each requires.
pub(super) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::get;
    use tanzim_domain::policy::Action;
    vec![route(
        "GET",
        "/members/{id}",
        Policy(Action::ViewMembers, T::Member),
        get(show),
    )]
}

/// The party's own organization key.
/// Whether a campaign is for this member: its jurisdiction holds the member's branch, and
/// an affiliate's campaign is for the affiliate's members only.
fn campaign_covers(state: &AppState, c: &tanzim_store::campaigns::Campaign, m: &Member) -> bool {
    commands::members::campaign_covers(&state.app(), c, m)
}
