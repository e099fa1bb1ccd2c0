//! Correcting and removing a meeting's interventions and decisions while its record is
//! open: the API (`PATCH`, and `POST …/remove` with confirmation) and the page's forms.

use super::decisions::{DecisionForm, DecisionInput};
use super::record::{InterventionForm, InterventionInput};
use super::shared::*;
use crate::access::Loaded;
use crate::input::Confirm;

fn taken(input: DecisionInput) -> cmd::decisions::Taken {
    cmd::decisions::Taken {
        decision: input.decision,
        vote: input.vote,
        taken_at: input.taken_at,
    }
}

/// Corrects an intervention before the minutes are approved (409 `minutes-approved` after).
#[utoipa::path(patch, path = "/api/v1/meetings/{id}/interventions/{intervention_id}", tag = "meetings",
    params(("id" = i64, Path), ("intervention_id" = i64, Path)), request_body = InterventionInput,
    responses((status = 200, body = MeetingDetail), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_correct_intervention(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<InBody<Meeting>>,
    Path((id, item)): Path<(i64, i64)>,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: InterventionInput = parse_json(&body)?;
    let speech = input.speech()?;
    cmd::interventions::correct(&state.app(), &user.actor(&ctx), &m, item, &speech).await?;
    Ok(meeting_answer(&state, Committed::ok(id), &m.body, id).await)
}

/// Removes an intervention before the minutes are approved (`{"confirm": "yes"}`).
#[utoipa::path(post, path = "/api/v1/meetings/{id}/interventions/{intervention_id}/remove", tag = "meetings",
    params(("id" = i64, Path), ("intervention_id" = i64, Path)), request_body = Confirm,
    responses((status = 204), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict), security(("bearer" = [])))]
pub async fn api_remove_intervention(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<InBody<Meeting>>,
    Path((_id, item)): Path<(i64, i64)>,
    body: Bytes,
) -> Result<Response, AppError> {
    let form: Confirm = parse_json(&body)?;
    form.check()?;
    cmd::interventions::remove(&state.app(), &user.actor(&ctx), &m, item).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Corrects a decision before the minutes are approved, its vote checked again against the
/// attendance as when it was recorded.
#[utoipa::path(patch, path = "/api/v1/meetings/{id}/decisions/{decision_id}", tag = "meetings",
    params(("id" = i64, Path), ("decision_id" = i64, Path)), request_body = DecisionInput,
    responses((status = 200, body = MeetingDetail), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_correct_decision(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<InBody<Meeting>>,
    Path((id, item)): Path<(i64, i64)>,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: DecisionInput = parse_json(&body)?;
    cmd::decisions::correct(&state.app(), &user.actor(&ctx), &m, item, &taken(input)).await?;
    Ok(meeting_answer(&state, Committed::ok(id), &m.body, id).await)
}

/// Removes a decision before the minutes are approved (`{"confirm": "yes"}`).
#[utoipa::path(post, path = "/api/v1/meetings/{id}/decisions/{decision_id}/remove", tag = "meetings",
    params(("id" = i64, Path), ("decision_id" = i64, Path)), request_body = Confirm,
    responses((status = 204), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict), security(("bearer" = [])))]
pub async fn api_remove_decision(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<InBody<Meeting>>,
    Path((_id, item)): Path<(i64, i64)>,
    body: Bytes,
) -> Result<Response, AppError> {
    let form: Confirm = parse_json(&body)?;
    form.check()?;
    cmd::decisions::remove(&state.app(), &user.actor(&ctx), &m, item).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

pub async fn correct_intervention_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<InBody<Meeting>>,
    Path((id, item)): Path<(i64, i64)>,
    body: Bytes,
) -> Result<Response, AppError> {
    let result = async {
        let form: InterventionForm = crate::input::parse_form(&body)?;
        let speech = form.input().speech()?;
        cmd::interventions::correct(&state.app(), &user.actor(&ctx), &m, item, &speech).await?;
        Ok(())
    }
    .await;
    super::pages::back_to(&state, &ctx, &user, id, "interventions", result).await
}

pub async fn remove_intervention_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<InBody<Meeting>>,
    Path((id, item)): Path<(i64, i64)>,
    body: Bytes,
) -> Result<Response, AppError> {
    let result = async {
        let form: Confirm = crate::input::parse_form(&body)?;
        form.check()?;
        cmd::interventions::remove(&state.app(), &user.actor(&ctx), &m, item).await?;
        Ok(())
    }
    .await;
    super::pages::back_to(&state, &ctx, &user, id, "interventions", result).await
}

/// The page's correction of a decision: its vote and time, and a resolution's text; the
/// decision's kind and its other data stay as recorded (the API's `PATCH` replaces them).
pub async fn correct_decision_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<InBody<Meeting>>,
    Path((id, item)): Path<(i64, i64)>,
    body: Bytes,
) -> Result<Response, AppError> {
    let result = async {
        let form: DecisionForm = crate::input::parse_form(&body)?;
        let stored = store::decisions(&state.db, id)
            .await?
            .into_iter()
            .find(|d| d.id == item)
            .ok_or(AppError::NotFound)?;
        let decision = match stored.kind() {
            Some(DecisionKind::Resolution { .. }) => DecisionKind::Resolution {
                text: form.text.trim().to_owned(),
            },
            Some(kind) => kind,
            None => return Err(AppError::NotFound),
        };
        let input = DecisionInput {
            decision,
            vote: form.vote()?,
            taken_at: Some(form.taken_at.clone()),
        };
        cmd::decisions::correct(&state.app(), &user.actor(&ctx), &m, item, &taken(input)).await?;
        Ok(())
    }
    .await;
    super::pages::back_to(&state, &ctx, &user, id, "decisions", result).await
}

pub async fn remove_decision_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<InBody<Meeting>>,
    Path((id, item)): Path<(i64, i64)>,
    body: Bytes,
) -> Result<Response, AppError> {
    let result = async {
        let form: Confirm = crate::input::parse_form(&body)?;
        form.check()?;
        cmd::decisions::remove(&state.app(), &user.actor(&ctx), &m, item).await?;
        Ok(())
    }
    .await;
    super::pages::back_to(&state, &ctx, &user, id, "decisions", result).await
}

/// This module's routes and the access each requires: the meeting's, the item named in
/// the path being one of its own (404 otherwise).
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::{patch, post};
    let manage = Policy(Action::ManageMeetings, T::Meeting);
    vec![
        route(
            "POST",
            "/meetings/{id}/interventions/{intervention_id}/edit",
            manage,
            post(correct_intervention_form),
        ),
        route(
            "POST",
            "/meetings/{id}/interventions/{intervention_id}/remove",
            manage,
            post(remove_intervention_form),
        ),
        route(
            "POST",
            "/meetings/{id}/decisions/{decision_id}/edit",
            manage,
            post(correct_decision_form),
        ),
        route(
            "POST",
            "/meetings/{id}/decisions/{decision_id}/remove",
            manage,
            post(remove_decision_form),
        ),
        route(
            "PATCH",
            "/api/v1/meetings/{id}/interventions/{intervention_id}",
            manage,
            patch(api_correct_intervention),
        ),
        route(
            "POST",
            "/api/v1/meetings/{id}/interventions/{intervention_id}/remove",
            manage,
            post(api_remove_intervention),
        ),
        route(
            "PATCH",
            "/api/v1/meetings/{id}/decisions/{decision_id}",
            manage,
            patch(api_correct_decision),
        ),
        route(
            "POST",
            "/api/v1/meetings/{id}/decisions/{decision_id}/remove",
            manage,
            post(api_remove_decision),
        ),
    ]
}
