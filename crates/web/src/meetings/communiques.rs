//! Press communiqués: drafted from a meeting, edited, published, withdrawn.

use super::pages::back_to_meeting;
use super::shared::*;
use crate::access::Loaded;

#[derive(Deserialize, utoipa::ToSchema, Default)]
pub struct CommuniqueRequest {
    /// `ar` (the default) or `fr`.
    #[serde(default)]
    pub lang: Option<String>,
    /// `report` (the default: the meeting held) or `announcement` (the meeting to come, in
    /// the present tense, with its day, hour and venue).
    #[serde(default)]
    pub kind: Option<String>,
}

/// Drafts the press communiqué of a meeting from its public facts, in Arabic or, on
/// request, in French.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/communiques", tag = "meetings", params(("id" = i64, Path)), request_body = Option<CommuniqueRequest>,
    responses((status = 201, body = Communique), BadRequest, Unauthenticated, Forbidden, NotFound, Invalid), security(("bearer" = [])))]
pub async fn api_draft_communique(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<InBody<Meeting>>,
    body: Bytes,
) -> Result<Response, AppError> {
    let request: CommuniqueRequest = if body.is_empty() {
        CommuniqueRequest::default()
    } else {
        parse_json(&body)?
    };
    let lang = request.lang()?;
    let cid = cmd::communiques::draft(&state.app(), &user.actor(&ctx), &m, lang).await?;
    Ok(communique_answer(&state, Committed::created(cid), m.record.id, cid).await)
}

impl CommuniqueRequest {
    fn lang(&self) -> Result<(cmd::communiques::Lang, cmd::communiques::Kind), AppError> {
        let lang = cmd::communiques::Lang::parse(self.lang.as_deref().unwrap_or("ar"));
        let kind = cmd::communiques::Kind::parse(self.kind.as_deref().unwrap_or("report"));
        lang.zip(kind)
            .ok_or(AppError::BadRequest("malformed-input"))
    }
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct CommuniqueText {
    pub headline: String,
    pub body: String,
}

/// Edits a communiqué before (or after) publishing.
#[utoipa::path(patch, path = "/api/v1/communiques/{id}", tag = "meetings", params(("id" = i64, Path)), request_body = CommuniqueText,
    responses((status = 200, body = Communique), BadRequest, Unauthenticated, Forbidden, NotFound, Invalid), security(("bearer" = [])))]
pub async fn api_edit_communique(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(c): Loaded<InBody<Communique>>,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: CommuniqueText = parse_json(&body)?;
    let app = state.app();
    let actor = user.actor(&ctx);
    cmd::communiques::edit(&app, &actor, &c, &input.headline, &input.body).await?;
    let (meeting_id, id) = (c.record.meeting_id, c.record.id);
    Ok(communique_answer(&state, Committed::ok(id), meeting_id, id).await)
}

/// Publishes or withdraws the communiqué `id`; the communiqué as it was loaded (before).
pub(super) async fn publication(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    id: i64,
    publish: bool,
) -> Result<Communique, AppError> {
    let c = load_communique(state, ctx, user, id, Action::PublishCommuniques).await?;
    cmd::communiques::publication(&state.app(), &user.actor(ctx), &c, publish).await?;
    Ok(c.into_inner().record)
}

/// Publishes a communiqué on the public news page and feed.
#[utoipa::path(post, path = "/api/v1/communiques/{id}/publish", tag = "meetings", params(("id" = i64, Path)),
    responses((status = 200, body = Communique), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_publish(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let c = publication(&state, &ctx, &user, id, true).await?;
    Ok(communique_answer(&state, Committed::ok(id), c.meeting_id, id).await)
}

/// Withdraws a communiqué from the public page (its history stays).
#[utoipa::path(post, path = "/api/v1/communiques/{id}/unpublish", tag = "meetings", params(("id" = i64, Path)),
    responses((status = 200, body = Communique), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_unpublish(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let c = publication(&state, &ctx, &user, id, false).await?;
    Ok(communique_answer(&state, Committed::ok(id), c.meeting_id, id).await)
}

/// The page's button: drafts a communiqué.
pub async fn communique_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<InBody<Meeting>>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id = m.record.id;
    let form: CommuniqueRequest = crate::input::parse_form(&body)?;
    let result = async {
        let lang = form.lang()?;
        cmd::communiques::draft(&state.app(), &user.actor(&ctx), &m, lang).await?;
        Ok(())
    }
    .await;
    back_to_meeting(&state, &ctx, &user, id, result).await
}

/// Publishes a communiqué from the meeting page.
pub async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let c = publication(&state, &ctx, &user, id, true).await?;
    Ok(Redirect::to(&format!("/meetings/{}", c.meeting_id)).into_response())
}

/// This module's routes and the access each requires.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::{patch, post};
    vec![
        route(
            "POST",
            "/meetings/{id}/communique",
            Policy(Action::PublishCommuniques, T::Meeting),
            post(communique_form),
        ),
        route(
            "POST",
            "/communiques/{id}/publish",
            Policy(Action::PublishCommuniques, T::Communique),
            post(publish),
        ),
        route(
            "POST",
            "/api/v1/meetings/{id}/communiques",
            Policy(Action::PublishCommuniques, T::Meeting),
            post(api_draft_communique),
        ),
        route(
            "PATCH",
            "/api/v1/communiques/{id}",
            Policy(Action::PublishCommuniques, T::Communique),
            patch(api_edit_communique),
        ),
        route(
            "POST",
            "/api/v1/communiques/{id}/publish",
            Policy(Action::PublishCommuniques, T::Communique),
            post(api_publish),
        ),
        route(
            "POST",
            "/api/v1/communiques/{id}/unpublish",
            Policy(Action::PublishCommuniques, T::Communique),
            post(api_unpublish),
        ),
    ]
}
