//! The public side: the application form (no account), the commune list for a province, the submission and the status by reference.

use super::shared::*;
use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::input::parse_form;
use crate::state::AppState;
use crate::views::Choice;
use crate::views::{self, FormErrors, Layout};
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use tanzim_commands::applications::{Filed, Submission};
use tanzim_commands::{self as commands, secrets::new_reference};
use tanzim_domain::members::{self as rules};
use tanzim_domain::territory::TerritoryCode;
use tanzim_domain::{DomainError, Field};
use tanzim_store::applications;
use tanzim_store::territory;

pub struct Province {
    pub code: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "apply.html")]
pub(super) struct ApplyPage {
    layout: Layout,
    csrf: String,
    action: &'static str,
    public: bool,
    f: PersonFields,
    provinces: Vec<Province>,
    communes: Vec<Choice>,
    educations: Vec<Choice>,
    consent_version: String,
    errors: FormErrors,
}

pub(super) async fn provinces(
    state: &AppState,
    ctx: &Ctx,
    selected: &str,
) -> Result<Vec<Province>, AppError> {
    let mut out = Vec::new();
    for region in territory::children(&state.db, None).await? {
        let code = TerritoryCode::parse(&region.code)?;
        let mut group: Vec<Province> = territory::children(&state.db, Some(&code))
            .await?
            .into_iter()
            .map(|p| Province {
                label: format!(
                    "{} — {}",
                    p.name(ctx.lang().code()),
                    region.name(ctx.lang().code())
                ),
                selected: p.code == selected,
                code: p.code,
            })
            .collect();
        // Countries abroad by name: their codes (ISO numbers) mean nothing to a reader.
        if region.kind == "diaspora" {
            group.sort_by(|a, b| a.label.cmp(&b.label));
        }
        out.extend(group);
    }
    Ok(out)
}

/// The communes (and arrondissements) of a province, as options.
pub(super) async fn communes(
    state: &AppState,
    ctx: &Ctx,
    province: &str,
    selected: &str,
) -> Result<Vec<Choice>, AppError> {
    let Ok(code) = TerritoryCode::parse(province) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for c in territory::children(&state.db, Some(&code)).await? {
        let arrondissements =
            territory::children(&state.db, Some(&TerritoryCode::parse(&c.code)?)).await?;
        if arrondissements.is_empty() {
            // Abroad, a member whose city the profile does not name lives in the country.
            let label = if c.kind == "country_rest" {
                ctx.tr.with(
                    "apply-country-elsewhere",
                    &[("country", c.name(ctx.lang().code()))],
                )
            } else {
                c.name(ctx.lang().code()).to_owned()
            };
            out.push(Choice {
                selected: c.code == selected,
                label,
                value: c.code,
            });
        } else {
            for a in arrondissements {
                out.push(Choice {
                    selected: a.code == selected,
                    label: format!(
                        "{} — {}",
                        c.name(ctx.lang().code()),
                        a.name(ctx.lang().code())
                    ),
                    value: a.code,
                });
            }
        }
    }
    Ok(out)
}

pub(super) async fn apply_page(
    state: &AppState,
    ctx: &Ctx,
    public: bool,
    form: &ApplicationForm,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let f = form.person.clone();
    let province = form
        .province
        .clone()
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| f.commune.split('.').take(2).collect::<Vec<_>>().join("."));
    let educations = rules::EDUCATION_LEVELS
        .iter()
        .map(|e| Choice {
            value: (*e).to_owned(),
            label: ctx.tr.t(&format!("education-{e}")),
            selected: *e == f.education,
        })
        .collect();
    let page = ApplyPage {
        layout: Layout::new(
            state,
            ctx,
            if public {
                "apply-title"
            } else {
                "applications-new-title"
            },
        ),
        // A signed-in user's forms carry the session's token, an anonymous visitor's the
        // pre-session one (the middleware checks whichever applies).
        csrf: ctx
            .user
            .as_ref()
            .map(|u| u.csrf())
            .unwrap_or_else(|| ctx.pre_session_form_token()),
        action: if public { "/apply" } else { "/applications" },
        public,
        provinces: provinces(state, ctx, &province).await?,
        communes: communes(state, ctx, &province, &f.commune).await?,
        educations,
        consent_version: state.profile.membership.consent_version.clone(),
        errors,
        f,
    };
    Ok(views::html(page))
}

pub async fn public_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    apply_page(
        &state,
        &ctx,
        true,
        &ApplicationForm::default(),
        FormErrors::default(),
    )
    .await
}

#[derive(Deserialize)]
pub struct ProvinceQuery {
    province: Option<String>,
}

/// The commune options of a province (the form's second step, fetched by htmx).
pub async fn commune_options(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ProvinceQuery>,
) -> Result<Response, AppError> {
    let options = communes(&state, &ctx, q.province.as_deref().unwrap_or(""), "").await?;
    let mut html = String::new();
    for o in options {
        html.push_str(&format!(
            "<option value=\"{}\">{}</option>",
            escape(&o.value),
            escape(&o.label)
        ));
    }
    Ok(axum::response::Html(html).into_response())
}

pub(super) fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Files an application from a form, on the public side (`user` none) or entered by an
/// officer; on a rule broken, the form again with the messages.
pub(super) async fn file(
    state: &AppState,
    ctx: &Ctx,
    form: &ApplicationForm,
    user: Option<&CurrentUser>,
) -> Result<Result<Filed, FormErrors>, AppError> {
    // "Show communes" (no script): the form again, one step further.
    if form.person.commune.is_empty() && form.province.as_deref().is_some_and(|p| !p.is_empty()) {
        return Ok(Err(FormErrors::default()));
    }
    let input = Submission {
        person: form.person.to_input(),
        consent: form.consent.is_some(),
        consent_contact: form.consent_contact.is_some(),
        consent_public: form.consent_public.is_some(),
    };
    let app = state.app();
    let filed = match user {
        None => commands::applications::submit(&app, &ctx.address, &input).await,
        Some(u) => commands::applications::enter(&app, &u.actor(ctx), &input).await,
    };
    let broken = match filed {
        Ok(filed) => return Ok(Ok(filed)),
        Err(commands::Error::Rules(all)) => all,
        Err(commands::Error::Invalid(e)) => vec![e],
        // A CIN already applying or registered is the CIN field's error.
        Err(commands::Error::Conflict(code)) => vec![DomainError::new(Field::Cin, code)],
        Err(e) => return Err(e.into()),
    };
    Ok(Err(FormErrors::from_domain(&broken, &ctx.tr)))
}

#[derive(Template)]
#[template(path = "apply_done.html")]
pub(super) struct DonePage {
    layout: Layout,
    reference: String,
}

pub async fn submit_public(
    State(state): State<AppState>,
    ctx: Ctx,
    body: Bytes,
) -> Result<Response, AppError> {
    let form: ApplicationForm = parse_form(&body)?;
    if form.website.as_deref().is_some_and(|w| !w.is_empty()) {
        // A bot filled the hidden field: answer as if accepted, file nothing.
        return Ok(views::html(DonePage {
            layout: Layout::new(&state, &ctx, "apply-done-title"),
            reference: new_reference(),
        }));
    }
    if !state.apply_limit.allow(&ctx.address) {
        return Err(AppError::Throttled);
    }
    match file(&state, &ctx, &form, None).await? {
        Ok(filed) => Ok(views::html(DonePage {
            layout: Layout::new(&state, &ctx, "apply-done-title"),
            reference: filed.reference,
        })),
        Err(errors) => {
            let status = if errors.is_empty() {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let mut response = apply_page(&state, &ctx, true, &form, errors).await?;
            *response.status_mut() = status;
            Ok(response)
        }
    }
}

#[derive(Template)]
#[template(path = "apply_status.html")]
pub(super) struct StatusPage {
    layout: Layout,
    reference: String,
    state: Option<String>,
    searched: bool,
}

#[derive(Deserialize)]
pub struct ReferenceQuery {
    reference: Option<String>,
}

/// An applicant checks where the application stands, by its reference; nothing else shown.
pub async fn public_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ReferenceQuery>,
) -> Result<Response, AppError> {
    let reference = q.reference.unwrap_or_default().trim().to_ascii_uppercase();
    let found = if reference.is_empty() {
        None
    } else {
        if !state.lookup_limit.allow(&ctx.address) {
            return Err(AppError::Throttled);
        }
        applications::by_reference(&state.db, &reference).await?
    };
    Ok(views::html(StatusPage {
        layout: Layout::new(&state, &ctx, "apply-status-title"),
        state: found.map(|a| ctx.tr.t(&format!("application-{}", a.status))),
        searched: !reference.is_empty(),
        reference,
    }))
}
