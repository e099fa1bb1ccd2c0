//! The positions of a body and their holders.

use super::pages::back_to_body;
use super::shared::*;
use crate::access::Loaded;

#[derive(Deserialize, utoipa::ToSchema)]
pub struct HolderInput {
    /// A position key of the profile (secretary, deputy, rapporteur, ...).
    pub position: String,
    /// For numbered positions: 1 for the first deputy, 3 for the third.
    #[serde(default)]
    pub rank: Option<u8>,
    /// The member's name on the roll when blank and `member_id` is given.
    #[serde(default)]
    pub holder_name: String,
    /// F or M; the member's when blank and `member_id` is given, required otherwise.
    #[serde(default)]
    pub sex: String,
    /// A member of the body's roll who holds the position.
    #[serde(default)]
    pub member_id: Option<i64>,
    /// YYYY-MM-DD; today when absent.
    #[serde(default)]
    pub started_on: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct HolderView {
    #[serde(flatten)]
    pub holder: Holder,
    /// The Arabic title, agreeing with the holder.
    pub title_ar: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Positions {
    pub current: Vec<HolderView>,
    /// Every mandate, ended ones included.
    pub history: Vec<HolderView>,
    pub committees: Vec<store::Committee>,
}

/// Records who holds a position of the body (the existing office, entered once; later
/// changes come from meetings' decisions).
#[utoipa::path(post, path = "/api/v1/bodies/{id}/positions", tag = "meetings", params(("id" = i64, Path)), request_body = HolderInput,
    responses((status = 201, body = Holder), BadRequest, Unauthenticated, Forbidden, NotFound, Invalid), security(("bearer" = [])))]
pub async fn api_add_holder(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(b): Loaded<Body>,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: HolderInput = parse_json(&body)?;
    let input = cmd::holders::Appointment {
        position: input.position,
        rank: input.rank,
        holder_name: input.holder_name,
        sex: input.sex,
        member_id: input.member_id,
        started_on: input.started_on.as_deref().map(date).transpose()?,
    };
    let hid = cmd::holders::appoint(&state.app(), &user.actor(&ctx), &b, &input).await?;
    let answer = Committed::created(hid).at(format!("/api/v1/bodies/{}/positions", b.id));
    Ok(answer
        .json(|| async {
            store::holder(&state.db, hid)
                .await?
                .ok_or(AppError::NotFound)
        })
        .await)
}

/// The body's position holders (current and past) and committees.
#[utoipa::path(get, path = "/api/v1/bodies/{id}/positions", tag = "meetings", params(("id" = i64, Path)),
    responses((status = 200, body = Positions), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_positions(
    State(state): State<AppState>,
    Loaded(body): Loaded<Body>,
) -> Result<Json<Positions>, AppError> {
    Ok(Json(positions(&state, &body).await?))
}

/// The body's holders, current and past, with their titles, and its committees.
pub(super) async fn positions(state: &AppState, b: &Body) -> Result<Positions, AppError> {
    let view = |h: Holder| -> Result<HolderView, AppError> {
        Ok(HolderView {
            title_ar: holder_title(state, b, &h)?,
            holder: h,
        })
    };
    Ok(Positions {
        current: store::holders(&state.db, b.id, true)
            .await?
            .into_iter()
            .map(view)
            .collect::<Result<_, _>>()?,
        history: store::holders(&state.db, b.id, false)
            .await?
            .into_iter()
            .map(view)
            .collect::<Result<_, _>>()?,
        committees: store::committees(&state.db, b.id).await?,
    })
}

#[derive(Deserialize)]
pub struct HolderForm {
    position: String,
    #[serde(default)]
    rank: String,
    #[serde(default)]
    holder_name: String,
    #[serde(default)]
    sex: String,
    #[serde(default)]
    started_on: String,
}

/// Records a position holder from the body's page.
pub async fn holder_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(b): Loaded<Body>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id = b.id;
    let form: HolderForm = crate::input::parse_form(&body)?;
    let result = async {
        let rank: Option<u8> = match form.rank.trim() {
            "" => None,
            r => Some(r.parse().map_err(|_| {
                AppError::Invalid(DomainError::new(Field::Position, "rank-invalid"))
            })?),
        };
        let input = cmd::holders::Appointment {
            position: form.position.clone(),
            rank,
            holder_name: form.holder_name.clone(),
            sex: form.sex.clone(),
            member_id: None,
            // The page asks for the day (the API still defaults to today): a holder
            // recorded "since today" would chair the body's earlier meetings.
            started_on: match form.started_on.trim() {
                "" => {
                    return Err(DomainError::new(Field::Date, "started-on-required").into());
                }
                d => Some(date(d)?),
            },
        };
        cmd::holders::appoint(&state.app(), &user.actor(&ctx), &b, &input).await?;
        Ok(format!("/bodies/{id}/meetings"))
    }
    .await;
    back_to_body(&state, &ctx, &user, id, result).await
}

/// This module's routes and the access each requires.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::{get, post};
    vec![
        route(
            "POST",
            "/bodies/{id}/positions",
            Policy(Action::ManageMeetings, T::Body),
            post(holder_form),
        ),
        route(
            "GET",
            "/api/v1/bodies/{id}/positions",
            Policy(Action::ViewMeetings, T::Body),
            get(api_positions),
        ),
        route(
            "POST",
            "/api/v1/bodies/{id}/positions",
            Policy(Action::ManageMeetings, T::Body),
            post(api_add_holder),
        ),
    ]
}
