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
    Ok(communique_answer(
        &state,
        Committed::created(cid),
        format!("/api/v1/meetings/{}", m.record.id),
        cid,
    )
    .await)
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
    let (source, id) = (c.record.source_api(), c.record.id);
    Ok(communique_answer(&state, Committed::ok(id), source, id).await)
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
    Ok(communique_answer(&state, Committed::ok(id), c.source_api(), id).await)
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
    Ok(communique_answer(&state, Committed::ok(id), c.source_api(), id).await)
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

#[derive(Template)]
#[template(path = "communique.html")]
struct CommuniquePage {
    layout: Layout,
    id: i64,
    /// The meeting's communiqué step, or the activity's page.
    back: String,
    lang: String,
    dir: &'static str,
    headline: String,
    body: String,
    status_label: String,
    kind_label: String,
    published: bool,
    /// The public card as /news will show it.
    preview: super::news::NewsItem,
    error: Option<String>,
    notice: Option<String>,
}

/// The communiqué's page: its text to edit, the public card it makes, and publication
/// (or withdrawal) as a step of its own, after the preview.
async fn communique_page(
    state: &AppState,
    ctx: &Ctx,
    c: &Communique,
    typed: Option<(&str, &str)>,
    error: Option<String>,
    notice: Option<String>,
) -> Result<Response, AppError> {
    let (headline, body) = typed.unwrap_or((&c.headline, &c.body));
    let page = CommuniquePage {
        layout: Layout::new(state, ctx, "communique-title"),
        id: c.id,
        back: c.source_page(),
        lang: c.lang.clone(),
        dir: if c.lang == "ar" { "rtl" } else { "ltr" },
        headline: headline.to_owned(),
        body: body.to_owned(),
        status_label: ctx.tr.t(&format!("communique-{}", c.status)),
        kind_label: ctx.tr.t(&format!("communique-kind-{}", c.kind)),
        published: c.status == rules::CommuniqueStatus::Published,
        preview: super::news::news_item(state, ctx, c),
        error: error.clone(),
        notice,
    };
    let mut response = views::html(page);
    if error.is_some() {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

pub async fn communique_view(
    State(state): State<AppState>,
    ctx: Ctx,
    Loaded(c): Loaded<InBody<Communique>>,
) -> Result<Response, AppError> {
    communique_page(&state, &ctx, &c.record, None, None, None).await
}

#[derive(Deserialize)]
pub struct CommuniqueEditForm {
    #[serde(default)]
    headline: String,
    #[serde(default)]
    body: String,
}

/// The page's edit form: saved, then the page again with the new preview.
pub async fn communique_edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(c): Loaded<InBody<Communique>>,
    body: Bytes,
) -> Result<Response, AppError> {
    let form: CommuniqueEditForm = crate::input::parse_form(&body)?;
    let app = state.app();
    match cmd::communiques::edit(&app, &user.actor(&ctx), &c, &form.headline, &form.body).await {
        Ok(()) => Ok(Redirect::to(&format!("/communiques/{}", c.record.id)).into_response()),
        Err(commands::Error::Invalid(e)) => {
            let message = AppError::Invalid(e).message(&ctx.tr);
            let typed = Some((form.headline.as_str(), form.body.as_str()));
            communique_page(&state, &ctx, &c.record, typed, Some(message), None).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    confirm: String,
}

/// Publishes (or withdraws) a communiqué from its page: only with the confirmation the
/// page's last step sends, after the preview; otherwise the page again, asking for it.
async fn publication_form(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    id: i64,
    body: &Bytes,
    publish: bool,
) -> Result<Response, AppError> {
    let form: ConfirmForm = crate::input::parse_form(body)?;
    if form.confirm != "yes" {
        let c = load_communique(state, ctx, user, id, Action::PublishCommuniques).await?;
        let message = ctx.tr.t("error-confirmation-required");
        return communique_page(state, ctx, &c.record, None, Some(message), None).await;
    }
    publication(state, ctx, user, id, publish).await?;
    Ok(Redirect::to(&format!("/communiques/{id}")).into_response())
}

pub async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    publication_form(&state, &ctx, &user, id, &body, true).await
}

pub async fn unpublish(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    publication_form(&state, &ctx, &user, id, &body, false).await
}

/// This module's routes and the access each requires.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::{get, patch, post};
    vec![
        route(
            "GET",
            "/communiques/{id}",
            Policy(Action::PublishCommuniques, T::Communique),
            get(communique_view),
        ),
        route(
            "POST",
            "/communiques/{id}",
            Policy(Action::PublishCommuniques, T::Communique),
            post(communique_edit_form),
        ),
        route(
            "POST",
            "/communiques/{id}/unpublish",
            Policy(Action::PublishCommuniques, T::Communique),
            post(unpublish),
        ),
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
