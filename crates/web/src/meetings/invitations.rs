//! Who is invited to a meeting.

use super::pages::back_to;
use super::shared::*;
use crate::access::Loaded;

#[derive(Deserialize, utoipa::ToSchema)]
pub struct InvitationsInput {
    /// Guests and others invited by name.
    #[serde(default)]
    pub invitations: Vec<Invitee>,
    /// Also invite every current position holder of the body.
    #[serde(default)]
    pub position_holders: bool,
}

/// Sets the invitation list (the body's position holders and named guests); attendance
/// starts from it.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/invitations", tag = "meetings", params(("id" = i64, Path)), request_body = InvitationsInput,
    responses((status = 200, body = MeetingDetail), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_invitations(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<InBody<Meeting>>,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: InvitationsInput = parse_json(&body)?;
    invite(&state, &ctx, &user, &m, input).await?;
    Ok(meeting_answer(&state, Committed::ok(m.record.id), &m.body, m.record.id).await)
}

pub(super) async fn invite(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    m: &Found<InBody<Meeting>>,
    input: InvitationsInput,
) -> Result<(), AppError> {
    let input = cmd::invitations::Invitations {
        invitations: input.invitations,
        position_holders: input.position_holders,
    };
    Ok(cmd::invitations::invite(&state.app(), &user.actor(ctx), m, input).await?)
}

#[derive(Deserialize)]
pub struct InvitationsForm {
    #[serde(default)]
    position_holders: Option<String>,
    /// One a line: "title | name" or just the name.
    #[serde(default)]
    guests: String,
}

/// The invitation form: the body's position holders and guests.
pub async fn invitations_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<InBody<Meeting>>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id = m.record.id;
    let form: InvitationsForm = crate::input::parse_form(&body)?;
    let input = InvitationsInput {
        position_holders: form.position_holders.is_some(),
        invitations: non_empty_lines(&form.guests)
            .map(|line| {
                let (title, name) = guest_line(line);
                Invitee {
                    name,
                    title,
                    holder_id: None,
                    guest: true,
                }
            })
            .collect(),
    };
    let result = invite(&state, &ctx, &user, &m, input).await;
    back_to(&state, &ctx, &user, id, "preparation", result).await
}

/// This module's routes and the access each requires.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::post;
    vec![
        route(
            "POST",
            "/api/v1/meetings/{id}/invitations",
            Policy(Action::ManageMeetings, T::Meeting),
            post(api_invitations),
        ),
        route(
            "POST",
            "/meetings/{id}/invitations",
            Policy(Action::ManageMeetings, T::Meeting),
            post(invitations_form),
        ),
    ]
}
