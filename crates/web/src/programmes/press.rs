//! A held activity's photographs and communiqués: the uploads, the image itself for the
//! pages, and the communiqué drafted from the record (then edited and published on its
//! communiqué page like a meeting's).

use crate::access::Loaded;
use crate::committed::Committed;
use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::problems::{BadRequest, Conflict, Forbidden, Invalid, NotFound, Unauthenticated};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Query, Request, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tanzim_commands::activity_press as cases;
use tanzim_commands::meetings::communiques::Lang;
use tanzim_commands::programmes::ActivityOf;
use tanzim_domain::policy::Action;
use tanzim_store::meetings::Communique;
use tanzim_store::programmes::Photo;

/// The photograph of a multipart body (its field `file`), as sent.
async fn photo_bytes(state: &AppState, request: Request) -> Result<Vec<u8>, AppError> {
    let mut multipart =
        <axum::extract::Multipart as axum::extract::FromRequest<AppState>>::from_request(
            request, state,
        )
        .await
        .map_err(|_| AppError::BadRequest("malformed-input"))?;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|_| AppError::BadRequest("malformed-input"))?
    {
        if field.name() == Some("file") {
            let bytes = field
                .bytes()
                .await
                .map_err(|_| AppError::BadRequest("body-too-large"))?;
            return Ok(bytes.to_vec());
        }
    }
    Err(tanzim_domain::DomainError::new(tanzim_domain::Field::File, "photo-not-image").into())
}

/// Adds a photograph of a held activity (multipart, field `file`: JPEG or PNG, at most
/// 5 MB); its location and other metadata are stripped before it is stored.
#[utoipa::path(post, path = "/api/v1/activities/{id}/photos", tag = "programmes", params(("id" = i64, Path)),
    request_body(content_type = "multipart/form-data", description = "field `file`"),
    responses((status = 201, body = Photo), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_add_photo(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(a): Loaded<ActivityOf>,
    request: Request,
) -> Result<Response, AppError> {
    let bytes = photo_bytes(&state, request).await?;
    let id = cases::add_photo(&state.app(), &user.actor(&ctx), &a, &bytes).await?;
    let activity_id = a.activity.id;
    Ok(Committed::created(id)
        .at(format!("/activities/{activity_id}/photo?n={id}"))
        .json(|| async {
            cases::of_activity(&state.app(), &a)
                .await?
                .0
                .into_iter()
                .find(|p| p.id == id)
                .ok_or(AppError::NotFound)
        })
        .await)
}

pub async fn add_photo_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(a): Loaded<ActivityOf>,
    request: Request,
) -> Result<Response, AppError> {
    let bytes = photo_bytes(&state, request).await?;
    cases::add_photo(&state.app(), &user.actor(&ctx), &a, &bytes).await?;
    Ok(Redirect::to(&format!("/activities/{}#photos", a.activity.id)).into_response())
}

#[derive(Deserialize)]
pub struct PhotoQuery {
    n: Option<i64>,
}

/// A photograph of the activity, as an image the page shows.
pub async fn photo(
    State(state): State<AppState>,
    Loaded(a): Loaded<ActivityOf>,
    Query(q): Query<PhotoQuery>,
) -> Result<Response, AppError> {
    let n = q.n.ok_or(AppError::BadRequest("malformed-input"))?;
    let (mime, content) = cases::photo(&state.app(), &a, n)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((
        [
            (header::CONTENT_TYPE, mime),
            (header::CACHE_CONTROL, "private, max-age=3600".to_owned()),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
        ],
        content,
    )
        .into_response())
}

#[derive(Deserialize, utoipa::ToSchema, Default)]
pub struct DraftRequest {
    /// `ar` (the default) or `fr`.
    #[serde(default)]
    pub lang: Option<String>,
}

fn lang(r: &DraftRequest) -> Result<Lang, AppError> {
    Lang::parse(r.lang.as_deref().unwrap_or("ar")).ok_or(AppError::BadRequest("malformed-input"))
}

/// Drafts the communiqué of a held activity, in Arabic or, on request, in French; it is
/// edited and published as a meeting's is (`/api/v1/communiques/{id}`).
#[utoipa::path(post, path = "/api/v1/activities/{id}/communiques", tag = "programmes", params(("id" = i64, Path)), request_body = Option<DraftRequest>,
    responses((status = 201, body = Communique), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict), security(("bearer" = [])))]
pub async fn api_draft_communique(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(a): Loaded<ActivityOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    let r: DraftRequest = if body.is_empty() {
        DraftRequest::default()
    } else {
        crate::input::parse_json(&body)?
    };
    let id = cases::draft_communique(&state.app(), &user.actor(&ctx), &a, lang(&r)?).await?;
    Ok(crate::meetings::communique_answer(
        &state,
        Committed::created(id),
        format!("/api/v1/activities/{}", a.activity.id),
        id,
    )
    .await)
}

pub async fn draft_communique_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(a): Loaded<ActivityOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    let r: DraftRequest = crate::input::parse_form(&body)?;
    let id = cases::draft_communique(&state.app(), &user.actor(&ctx), &a, lang(&r)?).await?;
    Ok(Redirect::to(&format!("/communiques/{id}")).into_response())
}

pub(super) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::{get, post};
    let manage = Policy(Action::ManageMeetings, T::Activity);
    let publish = Policy(Action::PublishCommuniques, T::Activity);
    vec![
        route(
            "POST",
            "/activities/{id}/photos",
            manage,
            post(add_photo_form),
        ),
        route(
            "GET",
            "/activities/{id}/photo",
            Policy(Action::ViewMeetings, T::Activity),
            get(photo),
        ),
        route(
            "POST",
            "/activities/{id}/communiques",
            publish,
            post(draft_communique_form),
        ),
        route(
            "POST",
            "/api/v1/activities/{id}/photos",
            manage,
            post(api_add_photo),
        ),
        route(
            "POST",
            "/api/v1/activities/{id}/communiques",
            publish,
            post(api_draft_communique),
        ),
    ]
}
