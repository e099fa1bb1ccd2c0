//! Who attended a meeting.

use super::pages::back_to;
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
    /// Present by video conference (a hybrid meeting), with the same cells as `present`.
    #[serde(default)]
    present_remote: String,
    #[serde(default)]
    excused: String,
    #[serde(default)]
    absent: String,
    /// One guest a line: "title | name" or just the name.
    #[serde(default)]
    guests: String,
    /// The body's sympathisers ticked as present: `sympathiser_{contact id}`.
    #[serde(flatten)]
    ticked: std::collections::HashMap<String, String>,
}

/// The body's sympathisers (contacts, not members) as the attendance form offers them:
/// (id, name). None for whoever may not see them.
pub(super) async fn sympathiser_choices(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    b: &Body,
) -> Result<Vec<(i64, String)>, AppError> {
    match commands::contacts::for_attendance(&state.app(), &user.actor(ctx), b).await {
        Ok(contacts) => Ok(contacts
            .iter()
            .map(|c| (c.id, sympathiser_name(c)))
            .filter(|(_, name)| !name.is_empty())
            .collect()),
        Err(commands::Error::Forbidden | commands::Error::NotFound) => Ok(Vec::new()),
        Err(e) => Err(e.into()),
    }
}

fn sympathiser_name(c: &tanzim_store::contacts::Contact) -> String {
    let join = |a: &Option<String>, b: &Option<String>| {
        [a, b]
            .iter()
            .filter_map(|x| x.as_deref())
            .collect::<Vec<_>>()
            .join(" ")
    };
    match join(&c.first_name_ar, &c.last_name_ar) {
        ar if !ar.is_empty() => ar,
        _ => join(&c.first_name_lat, &c.last_name_lat),
    }
}

/// The sympathisers ticked on the form, as guests titled in the language of record
/// (متعاطف, متعاطفة), each once: one already among the guests by name is not doubled.
async fn ticked_sympathisers(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    b: &Body,
    form: &AttendanceForm,
    list: &[Attendee],
) -> Result<Vec<Attendee>, AppError> {
    let ticked: Vec<i64> = form
        .ticked
        .keys()
        .filter_map(|k| k.strip_prefix("sympathiser_")?.parse().ok())
        .collect();
    if ticked.is_empty() {
        return Ok(Vec::new());
    }
    // Only those the body may list: an id from elsewhere is ignored, as if not ticked.
    let contacts = commands::contacts::for_attendance(&state.app(), &user.actor(ctx), b).await?;
    Ok(contacts
        .iter()
        .filter(|c| ticked.contains(&c.id))
        .map(|c| (c, sympathiser_name(c)))
        .filter(|(_, name)| !name.is_empty() && !list.iter().any(|a| a.name == *name))
        .map(|(c, name)| Attendee {
            name,
            title: Some(
                if c.sex.as_deref() == Some("F") {
                    "متعاطفة"
                } else {
                    "متعاطف"
                }
                .to_owned(),
            ),
            holder_id: None,
            guest: true,
            presence: Presence::Present,
            arrived_at: None,
            left_at: None,
            weight: 1,
            proxy_to: None,
            remote: false,
        })
        .collect())
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
    for line in non_empty_lines(&form.present_remote) {
        let mut a = attendance_line(line, Presence::Present)?;
        a.remote = true;
        list.push(a);
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
            remote: false,
        }
    }));
    let sympathisers = ticked_sympathisers(&state, &ctx, &user, &m.body, &form, &list).await?;
    list.extend(sympathisers);
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
    back_to(&state, &ctx, &user, id, "attendance", result).await
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
        remote: false,
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
