//! A meeting's decisions (they take effect when the minutes are approved) and the
//! programmes adopted by them.

use super::pages::back_to;
use super::shared::*;
use crate::access::Loaded;

#[derive(Deserialize, utoipa::ToSchema)]
pub struct DecisionInput {
    /// `{"kind": "appoint", "position": "women_pole_president", "holder_name": "...", "sex": "F"}`,
    /// `{"kind": "create_committee", "committee": "ethics", "members": [...]}` or
    /// `{"kind": "resolution", "text": "..."}`.
    #[schema(value_type = Object)]
    pub decision: DecisionKind,
    /// The vote's counts (`{"votes_for": 9, "against": 2, "abstentions": 1}`), or
    /// `{"unanimous": true}`: every voter present, as many as the attendance gives; by
    /// consensus when absent.
    #[serde(default)]
    #[schema(value_type = Option<Object>)]
    pub vote: Option<Vote>,
    /// HH:MM when it was taken: who was in the room then could vote.
    #[serde(default)]
    pub taken_at: Option<String>,
}

/// Records a decision; it takes effect when the minutes are approved.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/decisions", tag = "meetings", params(("id" = i64, Path)), request_body = DecisionInput,
    responses((status = 201, body = MeetingDetail), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_decision(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<InBody<Meeting>>,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: DecisionInput = parse_json(&body)?;
    record_decision(&state, &ctx, &user, &m, input).await?;
    let id = m.record.id;
    Ok(meeting_answer(&state, Committed::created(id), &m.body, id).await)
}

#[derive(Deserialize)]
pub struct DecisionForm {
    /// Absent from the page's correction form, which keeps the recorded kind.
    #[serde(default)]
    kind: String,
    #[serde(default)]
    position: String,
    #[serde(default)]
    rank: String,
    #[serde(default)]
    holder_name: String,
    #[serde(default)]
    sex: String,
    #[serde(default)]
    committee: String,
    #[serde(default)]
    members: String,
    #[serde(default)]
    pub(super) text: String,
    #[serde(default)]
    year: String,
    #[serde(default)]
    opens_on: String,
    #[serde(default)]
    closes_on: String,
    #[serde(default)]
    categories: String,
    #[serde(default)]
    programme_title: String,
    /// A draft programme of the body, chosen instead of typing one.
    #[serde(default)]
    programme_id: String,
    #[serde(default)]
    starts_on: String,
    #[serde(default)]
    ends_on: String,
    #[serde(default)]
    activities: String,
    #[serde(default)]
    pub(super) taken_at: String,
    #[serde(default)]
    votes_for: String,
    #[serde(default)]
    against: String,
    #[serde(default)]
    abstentions: String,
    /// Every voter present voted for it.
    #[serde(default)]
    unanimous: Option<String>,
    /// The office a renewal elects, row by row: `office_position_1`, `office_rank_1`,
    /// `office_name_1`, `office_sex_1`… (the rows left blank are skipped).
    #[serde(flatten)]
    office: std::collections::HashMap<String, String>,
}

/// The rows of the office a renewal elects, in order, blank rows skipped.
const OFFICE_ROWS: usize = 8;

impl DecisionForm {
    fn officers(&self) -> Result<Vec<Officer>, AppError> {
        let field = |name: &str, i: usize| {
            self.office
                .get(&format!("office_{name}_{i}"))
                .map(|v| v.trim())
                .unwrap_or_default()
        };
        let mut officers = Vec::new();
        for i in 1..=OFFICE_ROWS {
            let (position, name) = (field("position", i), field("name", i));
            if position.is_empty() && name.is_empty() {
                continue;
            }
            officers.push(Officer {
                position: position.to_owned(),
                rank: match field("rank", i) {
                    "" => None,
                    r => Some(r.parse().map_err(|_| {
                        AppError::Invalid(DomainError::new(Field::Position, "rank-invalid"))
                    })?),
                },
                holder_name: name.to_owned(),
                sex: field("sex", i).to_owned(),
                member_id: None,
            });
        }
        Ok(officers)
    }

    pub(super) fn parse(&self) -> Result<(DecisionKind, Option<Vote>), AppError> {
        let kind = match self.kind.as_str() {
            "appoint" => DecisionKind::Appoint {
                position: self.position.clone(),
                rank: match self.rank.trim() {
                    "" => None,
                    r => Some(r.parse().map_err(|_| {
                        AppError::Invalid(DomainError::new(Field::Position, "rank-invalid"))
                    })?),
                },
                holder_name: self.holder_name.trim().to_owned(),
                sex: self.sex.clone(),
                member_id: None,
            },
            "create_committee" => DecisionKind::CreateCommittee {
                committee: self.committee.clone(),
                members: non_empty_lines(&self.members).map(str::to_owned).collect(),
            },
            "constitute" => DecisionKind::Constitute,
            "launch_campaign" => DecisionKind::LaunchCampaign {
                year: self.year.trim().to_owned(),
                opens_on: self.opens_on.trim().to_owned(),
                closes_on: self.closes_on.trim().to_owned(),
                categories: self.categories.clone(),
            },
            "resolution" => DecisionKind::Resolution {
                text: self.text.trim().to_owned(),
            },
            "adopt_programme" => DecisionKind::AdoptProgramme {
                programme_id: self.programme_id.trim().parse().ok(),
                title: self.programme_title.trim().to_owned(),
                starts_on: self.starts_on.trim().to_owned(),
                ends_on: self.ends_on.trim().to_owned(),
                activities: non_empty_lines(&self.activities)
                    .map(str::to_owned)
                    .collect(),
            },
            "renew_office" => DecisionKind::RenewOffice {
                officers: self.officers()?,
            },
            _ => return Err(AppError::BadRequest("malformed-input")),
        };
        Ok((kind, self.vote()?))
    }

    /// The vote's counts, or unanimity; none by consensus.
    pub(super) fn vote(&self) -> Result<Option<Vote>, AppError> {
        let number = |s: &str| -> Result<Option<i64>, AppError> {
            match s.trim() {
                "" => Ok(None),
                n => n
                    .parse()
                    .map(Some)
                    .map_err(|_| DomainError::new(Field::Vote, "vote-not-carried").into()),
            }
        };
        let vote = match (
            number(&self.votes_for)?,
            number(&self.against)?,
            number(&self.abstentions)?,
        ) {
            _ if self.unanimous.is_some() => Some(Vote {
                votes_for: 0,
                against: 0,
                abstentions: 0,
                unanimous: true,
            }),
            (None, None, None) => None,
            (f, a, x) => Some(Vote {
                votes_for: f.unwrap_or(0),
                against: a.unwrap_or(0),
                abstentions: x.unwrap_or(0),
                unanimous: false,
            }),
        };
        Ok(vote)
    }
}

/// Records a decision (the command writes its summary in words).
pub(super) async fn record_decision(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    m: &Found<InBody<Meeting>>,
    input: DecisionInput,
) -> Result<(), AppError> {
    let input = cmd::decisions::Taken {
        decision: input.decision,
        vote: input.vote,
        taken_at: input.taken_at,
    };
    cmd::decisions::record(&state.app(), &user.actor(ctx), m, &input).await?;
    Ok(())
}

pub async fn decision_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<InBody<Meeting>>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id = m.record.id;
    let form: DecisionForm = crate::input::parse_form(&body)?;
    let result = match form.parse() {
        Ok((decision, vote)) => {
            let input = DecisionInput {
                decision,
                vote,
                taken_at: Some(form.taken_at.clone()),
            };
            record_decision(&state, &ctx, &user, &m, input).await
        }
        Err(e) => Err(e),
    };
    back_to(&state, &ctx, &user, id, "decisions", result).await
}

/// The work programmes the body's meetings adopted.
#[utoipa::path(get, path = "/api/v1/bodies/{id}/programmes", tag = "meetings", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<tanzim_store::programmes::Programme>), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_programmes(
    State(state): State<AppState>,
    Loaded(body): Loaded<Body>,
) -> Result<Json<Vec<tanzim_store::programmes::Programme>>, AppError> {
    let b = body.into_inner();
    Ok(Json(
        tanzim_store::programmes::of_body(&state.db, b.id).await?,
    ))
}

/// This module's routes and the access each requires.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::{get, post};
    vec![
        route(
            "GET",
            "/api/v1/bodies/{id}/programmes",
            Policy(Action::ViewMeetings, T::Body),
            get(api_programmes),
        ),
        route(
            "POST",
            "/meetings/{id}/decisions",
            Policy(Action::ManageMeetings, T::Meeting),
            post(decision_form),
        ),
        route(
            "POST",
            "/api/v1/meetings/{id}/decisions",
            Policy(Action::ManageMeetings, T::Meeting),
            post(api_decision),
        ),
    ]
}
