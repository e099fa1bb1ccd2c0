//! What comes and what waits: the meetings ahead, the minutes and communiqués pending.

use super::shared::*;

/// Meetings in the user's scope from `from` on, soonest first, as (id, body, kind label,
/// date label): the calendar page and the home page.
pub(crate) async fn upcoming_rows(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    from: chrono::NaiveDate,
    limit: i64,
) -> Result<Vec<(i64, String, String, String)>, AppError> {
    if !user.may(Action::ViewMeetings, None) {
        return Ok(Vec::new());
    }
    let scope = tanzim_store::ScopeFilter::from_assignments(tanzim_domain::policy::scopes_for(
        &user.principal,
        Action::ViewMeetings,
    ));
    Ok(store::upcoming(&state.db, &scope, &from.to_string(), limit)
        .await?
        .into_iter()
        .map(|(m, body)| {
            let day = ctx.tr.day(m.held_on.date());
            (m.id, body, kind_label(state, ctx, &m.kind), day)
        })
        .collect())
}

/// What waits for the user in their scope: minutes to draft or approve after a meeting
/// was held (those who hold meetings), communiqués to publish (communication officers), as
/// (link, what, detail).
pub(crate) async fn reminder_rows(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    today: chrono::NaiveDate,
) -> Result<Vec<(String, String, String)>, AppError> {
    let scope = |action| {
        (user.may(action, None)).then(|| {
            tanzim_store::ScopeFilter::from_assignments(tanzim_domain::policy::scopes_for(
                &user.principal,
                action,
            ))
        })
    };
    let mut rows = Vec::new();
    if let Some(scope) = scope(Action::ManageMeetings) {
        for (m, body) in store::awaiting_minutes(&state.db, &scope, &today.to_string(), 10).await? {
            let day = ctx.tr.day(m.held_on.date());
            let what = if m.minutes_status == rules::MinutesStatus::Draft {
                "reminder-approve-minutes"
            } else {
                "reminder-draft-minutes"
            };
            rows.push((
                format!("/meetings/{}", m.id),
                ctx.tr.t(what),
                format!("{body} · {day}"),
            ));
        }
    }
    if let Some(scope) = scope(Action::PublishCommuniques) {
        for c in store::unpublished(&state.db, &scope, 10).await? {
            rows.push((
                format!("/communiques/{}", c.id),
                ctx.tr.t("reminder-publish-communique"),
                c.headline,
            ));
        }
    }
    Ok(rows)
}
