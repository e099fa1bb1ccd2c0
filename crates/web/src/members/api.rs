//! The members API.

use super::changes::{
    ConsentInput, Renewal, StatusChange, Transfer, change_status, optional, optional_date,
    record_consent, renew, transfer_member,
};
use super::list::{ListQuery, list_members};
use super::page::on_member_page;
use super::shared::*;
use crate::access::Loaded;
use crate::committed::Committed;

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
    params(("territory" = Option<String>, Query, description = "HCP code or name: members in its subtree"),
           ("status" = Option<String>, Query, description = "active, lapsed, suspended, expelled, resigned, deceased"),
           ("q" = Option<String>, Query, description = "name (either script), CIN or membership number"),
           ("as_of" = Option<String>, Query, description = "YYYY-MM-DD: in good standing on that day"),
           ("page" = Option<u32>, Query), ("page_size" = Option<u32>, Query)),
    responses((status = 200, body = MemberList), BadRequest, Unauthenticated, Forbidden, Invalid), security(("bearer" = [])))]
pub async fn api_list(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<ListQuery>,
) -> Result<Json<MemberList>, AppError> {
    let p = list_members(&state, &ctx, &user, &q).await?;
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
    Loaded(m): Loaded<Member>,
) -> Result<Json<MemberDetail>, AppError> {
    let m = m.into_inner();
    let id = m.id;
    tanzim_commands::reads::record(
        &state.app(),
        &user.actor(&ctx),
        tanzim_commands::reads::Read::Member(&m),
    )
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
    let input: NewMemberInput = parse_json(&body)?;
    let registration = commands::members::Registration {
        joined_on: optional_date(&input.joined_on)?,
        consent_contact: input.consent_contact,
        consent_public: input.consent_public,
        notes: optional(&input.notes).map(str::to_owned),
        person: input.person.into_input(),
    };
    let id = commands::members::register(&state.app(), &user.actor(&ctx), &registration).await?;
    let answer = Committed::created(id).at(format!("/api/v1/members/{id}"));
    Ok(answer
        .json(|| async {
            Ok(MemberDetail {
                member: read_member(&state, &ctx, &user, id).await?,
                history: members::history(&state.db, id).await?,
                payments: Vec::new(),
            })
        })
        .await)
}

/// A member as the API answers a change to it (read back after the change).
async fn read_member(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    id: i64,
) -> Result<Member, AppError> {
    Ok(found::<Member>(state, ctx, user, Action::ViewMembers, id)
        .await?
        .into_inner())
}

/// The answer to a committed change of the member `id`: the member as it now stands.
async fn changed(state: &AppState, ctx: &Ctx, user: &CurrentUser, id: i64) -> Response {
    Committed::ok(id)
        .at(format!("/api/v1/members/{id}"))
        .json(|| read_member(state, ctx, user, id))
        .await
}

/// Changes a member's status (suspend, reinstate, expel, resign, decease, readmit).
#[utoipa::path(post, path = "/api/v1/members/{id}/status", tag = "members", params(("id" = i64, Path)), request_body = StatusChange,
    responses((status = 200, body = Member), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_status(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<Member>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id = m.id;
    let input: StatusChange = parse_json(&body)?;
    change_status(&state, &ctx, &user, &m, &input).await?;
    Ok(changed(&state, &ctx, &user, id).await)
}

/// Moves a member to another commune's branch; history keeps the old one.
#[utoipa::path(post, path = "/api/v1/members/{id}/transfer", tag = "members", params(("id" = i64, Path)), request_body = Transfer,
    responses((status = 200, body = Member), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_transfer(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<Member>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id = m.id;
    let input: Transfer = parse_json(&body)?;
    transfer_member(&state, &ctx, &user, &m, &input).await?;
    Ok(changed(&state, &ctx, &user, id).await)
}

/// Records a consent given or withdrawn.
#[utoipa::path(post, path = "/api/v1/members/{id}/consents", tag = "members", params(("id" = i64, Path)), request_body = ConsentInput,
    responses((status = 200, body = Member), BadRequest, Unauthenticated, Forbidden, NotFound, Invalid), security(("bearer" = [])))]
pub async fn api_consent(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<Member>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id = m.id;
    let input: ConsentInput = parse_json(&body)?;
    record_consent(&state, &ctx, &user, &m, &input).await?;
    Ok(changed(&state, &ctx, &user, id).await)
}

/// Records a renewal and its payment.
#[utoipa::path(post, path = "/api/v1/members/{id}/payments", tag = "payments", params(("id" = i64, Path)), request_body = Renewal,
    responses((status = 201, body = Payment), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_renew(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<Member>,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: Renewal = parse_json(&body)?;
    let pid = renew(&state, &ctx, &user, &m, &input).await?;
    let answer = Committed::created(pid).at(format!("/api/v1/payments/{pid}"));
    Ok(answer
        .json(|| async {
            campaigns::payment(&state.db, pid)
                .await?
                .ok_or(AppError::NotFound)
        })
        .await)
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
    Loaded(m): Loaded<Member>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id = m.id;
    let input: ContactInput = parse_form(&body)?;
    let contact = commands::members::Contact {
        phone: optional(&input.phone).map(str::to_owned),
        email: optional(&input.email).map(str::to_owned),
        address: optional(&input.address).map(str::to_owned),
        profession: optional(&input.profession).map(str::to_owned),
        education: optional(&input.education).map(str::to_owned),
        notes: optional(&input.notes).map(str::to_owned),
    };
    let result = commands::members::update_contact(&state.app(), &user.actor(&ctx), &m, &contact)
        .await
        .map_err(AppError::from);
    on_member_page(&state, &ctx, &user, id, result).await
}

/// These routes and the access each requires.
pub(super) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::{get, post};
    use tanzim_domain::policy::Action;
    vec![
        route(
            "POST",
            "/members/{id}/contact",
            Policy(Action::ManageMembers, T::Member),
            post(contact),
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
