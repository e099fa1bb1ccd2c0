//! Who attended a meeting.

use super::pages::back_to_meeting;
use super::shared::*;
use crate::access::Loaded;

#[derive(Deserialize, utoipa::ToSchema)]
pub struct AttendanceInput {
    pub attendance: Vec<Attendee>,
}

/// Records who attended (members of the body and guests), replacing the list.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/attendance", tag = "meetings", params(("id" = i64, Path)), request_body = AttendanceInput,
    responses((status = 200, body = MeetingDetail), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_attendance(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<InBody<Meeting>>,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: AttendanceInput = parse_json(&body)?;
    cmd::attendance::record(&state.app(), &user.actor(&ctx), &m, input.attendance).await?;
    Ok(meeting_answer(&state, Committed::ok(m.record.id), &m.body, m.record.id).await)
}

#[derive(Deserialize)]
pub struct AttendanceForm {
    #[serde(default)]
    present: String,
    #[serde(default)]
    excused: String,
    #[serde(default)]
    absent: String,
    /// One guest a line: "title | name" or just the name.
    #[serde(default)]
    guests: String,
}

/// The attendance form: one name a line per presence, guests apart.
pub async fn attendance_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<InBody<Meeting>>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id = m.record.id;
    let form: AttendanceForm = crate::input::parse_form(&body)?;
    let mut list = Vec::new();
    for (text, presence) in [
        (&form.present, Presence::Present),
        (&form.excused, Presence::Excused),
        (&form.absent, Presence::Absent),
    ] {
        for line in non_empty_lines(text) {
            list.push(attendance_line(line, presence)?);
        }
    }
    list.extend(non_empty_lines(&form.guests).map(|line| {
        let (title, name) = guest_line(line);
        Attendee {
            name,
            title,
            holder_id: None,
            guest: true,
            presence: Presence::Present,
            arrived_at: None,
            left_at: None,
            weight: 1,
            proxy_to: None,
        }
    }));
    // The form writes names only: a member keeps the title and position already known
    // for that name (from the attendance taken before, else from the invitations).
    let before = store::attendance(&state.db, m.record.id).await?;
    let invited = store::invitations(&state.db, m.record.id).await?;
    for a in list.iter_mut().filter(|a| !a.guest) {
        let known = before
            .iter()
            .filter(|k| !k.guest)
            .map(|k| (&k.name, &k.title, k.holder_id))
            .chain(
                invited
                    .iter()
                    .filter(|i| !i.guest)
                    .map(|i| (&i.name, &i.title, i.holder_id)),
            )
            .find(|(name, _, _)| **name == a.name);
        if let Some((_, title, holder_id)) = known {
            a.title = title.clone();
            a.holder_id = holder_id;
        }
    }
    let result = cmd::attendance::record(&state.app(), &user.actor(&ctx), &m, list)
        .await
        .map_err(AppError::from);
    back_to_meeting(&state, &ctx, &user, id, result).await
}

/// One line of the attendance form. Present: `name | arrived | left | weight` (all but the
/// name optional: "name | 10:30" came late, "name | | 12:00" left early); excused or
/// absent: `name | proxy holder`.
pub(super) fn attendance_line(line: &str, presence: Presence) -> Result<Attendee, AppError> {
    let mut cells = line.split('|').map(str::trim);
    let name = cells.next().unwrap_or_default().to_owned();
    let mut cell = || cells.next().map(str::to_owned).filter(|c| !c.is_empty());
    let mut a = Attendee {
        name,
        title: None,
        holder_id: None,
        guest: false,
        presence,
        arrived_at: None,
        left_at: None,
        weight: 1,
        proxy_to: None,
    };
    if presence == Presence::Present {
        a.arrived_at = cell();
        a.left_at = cell();
        if let Some(w) = cell() {
            a.weight = w
                .parse()
                .map_err(|_| DomainError::new(Field::Attendance, "weight-not-allowed"))?;
        }
    } else {
        a.proxy_to = cell();
    }
    Ok(a)
}

/// This module's routes and the access each requires.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::post;
    vec![
        route(
            "POST",
            "/meetings/{id}/attendance",
            Policy(Action::ManageMeetings, T::Meeting),
            post(attendance_form),
        ),
        route(
            "POST",
            "/api/v1/meetings/{id}/attendance",
            Policy(Action::ManageMeetings, T::Meeting),
            post(api_attendance),
        ),
    ]
}
