//! The card and its public check.

use super::shared::*;

// ---- the card and its public check ----

#[derive(Template)]
#[template(path = "card.html")]
pub(super) struct CardPage {
    layout: Layout,
    m: Member,
    name_ar: String,
    name_lat: String,
    branch_ar: String,
    branch_fr: String,
    year: i32,
    qr_svg: String,
    verify_url: String,
    party_ar: String,
    party_fr: String,
    has_logo: bool,
}

pub async fn card(
    State(state): State<AppState>,
    ctx: Ctx,
    Loaded(m): Loaded<Member>,
) -> Result<Response, AppError> {
    let m = m.into_inner();
    let verify_url = format!("{}/v/{}", state.config.public_base(), m.card_token);
    let qr_svg = qrcode::QrCode::new(verify_url.as_bytes())
        .map(|c| {
            c.render::<qrcode::render::svg::Color>()
                .min_dimensions(160, 160)
                .quiet_zone(true)
                .build()
        })
        .map_err(|e| AppError::Internal(format!("qr: {e}")))?;
    let join = |a: &Option<String>, b: &Option<String>| {
        [a, b]
            .iter()
            .filter_map(|x| x.as_deref())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let page = CardPage {
        layout: Layout::new(&state, &ctx, "card-title"),
        name_ar: join(&m.person.first_name_ar, &m.person.last_name_ar),
        name_lat: join(&m.person.first_name_lat, &m.person.last_name_lat),
        branch_ar: m.person.commune_name_ar.clone().unwrap_or_default(),
        branch_fr: m.person.commune_name_fr.clone().unwrap_or_default(),
        year: chrono::Datelike::year(&today()),
        qr_svg,
        verify_url,
        party_ar: state.profile.party_name("ar"),
        party_fr: state.profile.party_name("fr"),
        has_logo: state.profile.identity.logo_svg.is_some(),
        m,
    };
    Ok(views::html(page))
}

#[derive(Template)]
#[template(path = "verify.html")]
pub(super) struct VerifyPage {
    layout: Layout,
    number: Option<String>,
    year: i32,
    valid: bool,
}

#[derive(Deserialize)]
pub struct YearQuery {
    year: Option<i32>,
}

/// Whether a member's card is valid for `year`: in good standing, and (in the yearly model)
/// paid for that year or joined in it.
pub async fn card_valid(state: &AppState, m: &Member, year: i32) -> Result<bool, AppError> {
    let this_year = chrono::Datelike::year(&today());
    // Paid for exactly that year, or joined in it (joining covers its year).
    let paid = campaigns::payments_of_member(&state.db, m.id)
        .await?
        .iter()
        .any(|p| p.year == i64::from(year));
    let joined = Some(chrono::Datelike::year(&m.joined_on.date()));
    let covered = match state.profile.membership.model {
        tanzim_domain::org::MembershipModel::YearlyRenewal => paid || joined == Some(year),
        tanzim_domain::org::MembershipModel::UntilResignation => joined.is_some_and(|j| j <= year),
    };
    // A past year stays valid whatever happened since; this year needs good standing now.
    let standing = year < this_year || m.status.in_good_standing();
    Ok(covered && standing && year <= this_year)
}

/// The public check behind the card's QR code: says only whether that number is valid for
/// that year. Nothing personal; tokens are unguessable and look-ups rate-limited.
pub async fn verify(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    Query(q): Query<YearQuery>,
) -> Result<Response, AppError> {
    if !state.lookup_limit.allow(&ctx.address) {
        return Err(AppError::Throttled);
    }
    let year = q.year.unwrap_or_else(|| chrono::Datelike::year(&today()));
    let m = if token.len() >= 32 {
        members::by_card_token(&state.db, &token).await?
    } else {
        None
    };
    let valid = match &m {
        Some(m) => card_valid(&state, m, year).await?,
        None => false,
    };
    let page = VerifyPage {
        layout: Layout::new(&state, &ctx, "verify-title"),
        valid,
        number: m.map(|m| m.number),
        year,
    };
    let status = if page.number.is_some() {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    Ok((status, views::html(page)).into_response())
}

/// These routes and the access each requires.
pub(super) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::get;
    use tanzim_domain::policy::Action;
    vec![
        route("GET", "/v/{token}", Public, get(verify)),
        route(
            "GET",
            "/members/{id}/card",
            Policy(Action::ViewMembers, T::Member),
            get(card),
        ),
    ]
}
