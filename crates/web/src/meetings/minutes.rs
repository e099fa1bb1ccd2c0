//! The minutes: drafted, edited, approved, amended, and printed as a PDF.

use super::pages::back_to_meeting;
use super::shared::*;
use crate::access::Loaded;

/// Drafts the minutes from the record (the rapporteur edits them in the page).
#[utoipa::path(post, path = "/api/v1/meetings/{id}/minutes", tag = "meetings", params(("id" = i64, Path)),
    responses((status = 200, body = MeetingDetail), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict), security(("bearer" = [])))]
pub async fn api_draft_minutes(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<InBody<Meeting>>,
) -> Result<Response, AppError> {
    cmd::minutes::draft(&state.app(), &user.actor(&ctx), &m).await?;
    Ok(meeting_answer(&state, Committed::ok(m.record.id), &m.body, m.record.id).await)
}

/// Approves the minutes: the record locks and the decisions take effect.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/minutes/approve", tag = "meetings", params(("id" = i64, Path)),
    responses((status = 200, body = MeetingDetail), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict), security(("bearer" = [])))]
pub async fn api_approve(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<InBody<Meeting>>,
) -> Result<Response, AppError> {
    cmd::minutes::approve(&state.app(), &user.actor(&ctx), &m).await?;
    Ok(meeting_answer(&state, Committed::ok(m.record.id), &m.body, m.record.id).await)
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct AmendmentInput {
    /// The corrected passage or text.
    pub text: String,
    pub reason: String,
}

/// Amends approved minutes: the approved text stays, the amendment is kept with its reason.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/amendments", tag = "meetings", params(("id" = i64, Path)), request_body = AmendmentInput,
    responses((status = 201, body = MeetingDetail), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_amend(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<InBody<Meeting>>,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: AmendmentInput = parse_json(&body)?;
    cmd::minutes::amend(
        &state.app(),
        &user.actor(&ctx),
        &m,
        &input.text,
        &input.reason,
    )
    .await?;
    let id = m.record.id;
    Ok(meeting_answer(&state, Committed::created(id), &m.body, id).await)
}

#[derive(Deserialize)]
pub struct AmendmentForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    reason: String,
}

/// The amendment form of approved minutes.
pub async fn amend_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<InBody<Meeting>>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id = m.record.id;
    let form: AmendmentForm = crate::input::parse_form(&body)?;
    let result = cmd::minutes::amend(
        &state.app(),
        &user.actor(&ctx),
        &m,
        &form.text,
        &form.reason,
    )
    .await
    .map(|_| ())
    .map_err(AppError::from);
    back_to_meeting(&state, &ctx, &user, id, result).await
}

#[derive(Deserialize)]
pub struct MinutesForm {
    #[serde(default)]
    minutes: String,
}

/// The rapporteur's edits to the draft minutes.
pub async fn save_minutes_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<InBody<Meeting>>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id = m.record.id;
    let form: MinutesForm = crate::input::parse_form(&body)?;
    let result = cmd::minutes::edit(&state.app(), &user.actor(&ctx), &m, &form.minutes)
        .await
        .map_err(AppError::from);
    back_to_meeting(&state, &ctx, &user, id, result).await
}

/// The page's button: drafts the minutes from the record.
pub async fn minutes_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<InBody<Meeting>>,
) -> Result<Response, AppError> {
    let id = m.record.id;
    let result = cmd::minutes::draft(&state.app(), &user.actor(&ctx), &m)
        .await
        .map_err(AppError::from);
    back_to_meeting(&state, &ctx, &user, id, result).await
}

/// The page's button: approves the minutes.
pub async fn approve_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<InBody<Meeting>>,
) -> Result<Response, AppError> {
    let id = m.record.id;
    let result = cmd::minutes::approve(&state.app(), &user.actor(&ctx), &m)
        .await
        .map_err(AppError::from);
    back_to_meeting(&state, &ctx, &user, id, result).await
}

/// The minutes as a PDF, typeset on the server (Arabic shaped, right to left, fonts
/// embedded): the text as drafted or approved, and the amendments made since. The document
/// of record is in Arabic whatever the page's language.
pub async fn minutes_pdf(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(found): Loaded<InBody<Meeting>>,
) -> Result<Response, AppError> {
    let (m, b) = (&found.record, &found.body);
    let text = m.minutes.clone().ok_or(AppError::NotFound)?;
    let ar = crate::i18n::Tr::new(state.i18n.clone(), crate::i18n::Lang::Ar);
    let status_line = match m.approved_at {
        Some(at) if m.locked() => ar.with("minutes-approved-on", &[("date", &ar.date(at))]),
        _ => ar.t("minutes-draft"),
    };
    let organization = state
        .profile
        .organizations
        .iter()
        .find(|o| o.key == b.organization)
        .map(|o| o.name.ar.clone())
        .unwrap_or_default();
    let day = rules::date_ar(m.held_on.date());
    let body_name = cmd::press_name_ar(&state.profile, b);
    let title = format!(
        "{} – {day}",
        rules::minutes_title_ar(&kind_words(&state, &m.kind), &body_name)
    );
    let mut amendments = Vec::new();
    for a in store::amendments(&state.db, m.id).await? {
        let author = match a.made_by {
            Some(uid) => tanzim_store::accounts::user(&state.db, uid)
                .await?
                .map(|u| u.display_name)
                .unwrap_or_default(),
            None => String::new(),
        };
        amendments.push((ar.datetime(a.made_at), author, a.reason, a.text));
    }
    let labels = (ar.t("minutes-amendments"), ar.t("pdf-page"));
    let pdf = tokio::task::spawn_blocking(move || {
        let amendments: Vec<tanzim_pdf::Amendment<'_>> = amendments
            .iter()
            .map(|(when, author, reason, text)| tanzim_pdf::Amendment {
                when,
                author,
                reason,
                text,
            })
            .collect();
        tanzim_pdf::minutes(&tanzim_pdf::MinutesDoc {
            lang: "ar",
            organization: &organization,
            title: &title,
            status_line: &status_line,
            text: &text,
            amendments_heading: &labels.0,
            amendments: &amendments,
            page_label: &labels.1,
        })
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?
    .map_err(|e| AppError::Internal(e.to_string()))?;
    let read = tanzim_commands::reads::Read::Minutes(m);
    tanzim_commands::reads::record(&state.app(), &user.actor(&ctx), read).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"minutes-{}.pdf\"", m.id),
            ),
        ],
        pdf,
    )
        .into_response())
}

/// This module's routes and the access each requires.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::{get, post};
    vec![
        route(
            "GET",
            "/meetings/{id}/minutes.pdf",
            Policy(Action::ViewMeetings, T::Meeting),
            get(minutes_pdf),
        ),
        route(
            "POST",
            "/meetings/{id}/amendments",
            Policy(Action::ManageMeetings, T::Meeting),
            post(amend_form),
        ),
        route(
            "POST",
            "/api/v1/meetings/{id}/amendments",
            Policy(Action::ManageMeetings, T::Meeting),
            post(api_amend),
        ),
        route(
            "POST",
            "/meetings/{id}/minutes/save",
            Policy(Action::ManageMeetings, T::Meeting),
            post(save_minutes_form),
        ),
        route(
            "POST",
            "/meetings/{id}/minutes",
            Policy(Action::ManageMeetings, T::Meeting),
            post(minutes_form),
        ),
        route(
            "POST",
            "/meetings/{id}/approve",
            Policy(Action::ManageMeetings, T::Meeting),
            post(approve_form),
        ),
        route(
            "POST",
            "/api/v1/meetings/{id}/minutes",
            Policy(Action::ManageMeetings, T::Meeting),
            post(api_draft_minutes),
        ),
        route(
            "POST",
            "/api/v1/meetings/{id}/minutes/approve",
            Policy(Action::ManageMeetings, T::Meeting),
            post(api_approve),
        ),
    ]
}
