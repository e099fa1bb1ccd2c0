//! Status changes, transfer, consent, contact details and renewal: the page forms and
//! JSON bodies parsed into the commands they call.

use super::page::on_member_page;
use super::shared::*;
use crate::access::Loaded;
use tanzim_domain::territory::Level;

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
pub(super) fn optional(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// A form's optional date.
pub(super) fn optional_date(s: &Option<String>) -> Result<Option<chrono::NaiveDate>, DomainError> {
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

pub(super) async fn change_status(
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
    Loaded(m): Loaded<Member>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id = m.id;
    let input: StatusChange = parse_form(&body)?;
    let result = change_status(&state, &ctx, &user, &m, &input).await;
    on_member_page(&state, &ctx, &user, id, result).await
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct Transfer {
    /// The new commune or arrondissement of residence, by HCP code or by name.
    pub commune: String,
    #[serde(default)]
    pub on: Option<String>,
    pub reason: String,
}

pub(super) async fn transfer_member(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    m: &Found<Member>,
    input: &Transfer,
) -> Result<(), AppError> {
    // "تاونات" is the province and its commune: a member lives in the commune.
    let lookup = Lookup::exact(Field::Commune).at(&[Level::Commune, Level::Arrondissement]);
    let input = commands::members::Transfer {
        commune: commands::territories::resolve(&input.commune, lookup)?
            .code
            .clone(),
        on: optional_date(&input.on)?,
        reason: input.reason.clone(),
    };
    Ok(commands::members::transfer(&state.app(), &user.actor(ctx), m, &input).await?)
}

pub async fn transfer(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<Member>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id = m.id;
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

pub(super) async fn record_consent(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    m: &Found<Member>,
    input: &ConsentInput,
) -> Result<(), AppError> {
    let granted = match input.granted.trim() {
        "yes" | "true" => true,
        "no" | "false" => false,
        _ => return Err(DomainError::new(Field::Consent, "consent-kind-unknown").into()),
    };
    let consent = commands::members::Consent {
        kind: input.kind.clone(),
        granted,
        source: input.source.clone(),
        on: optional_date(&input.on)?,
    };
    Ok(commands::members::record_consent(&state.app(), &user.actor(ctx), m, &consent).await?)
}

pub async fn consent(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<Member>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id = m.id;
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
    /// The receipt number (unique within the campaign's body); blank or absent: the
    /// body's next number, made with the profile's pattern.
    #[serde(default)]
    pub receipt: String,
    /// YYYY-MM-DD; today when absent.
    #[serde(default)]
    pub paid_on: Option<String>,
}

pub(super) fn cash() -> String {
    "cash".to_owned()
}

/// Records a renewal with its payment; returns the payment id.
pub(crate) async fn renew(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    m: &Found<Member>,
    input: &Renewal,
) -> Result<i64, AppError> {
    let input = commands::members::Renewal {
        campaign_id: input.campaign_id,
        category: input.category.clone(),
        method: input.method.clone(),
        receipt: input.receipt.clone(),
        paid_on: optional_date(&input.paid_on)?,
    };
    Ok(commands::members::renew(&state.app(), &user.actor(ctx), m, &input).await?)
}

pub async fn renew_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<Member>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id = m.id;
    let input: Renewal = parse_form(&body)?;
    match renew(&state, &ctx, &user, &m, &input).await {
        // Straight to the receipt, ready to print.
        Ok(payment) => Ok(Redirect::to(&format!("/payments/{payment}/receipt")).into_response()),
        Err(e) => on_member_page(&state, &ctx, &user, id, Err(e)).await,
    }
}

/// These routes and the access each requires.
pub(super) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::post;
    use tanzim_domain::policy::Action;
    vec![
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
            "/members/{id}/renew",
            Policy(Action::RecordPayments, T::Member),
            post(renew_form),
        ),
    ]
}
