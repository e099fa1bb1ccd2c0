//! The public news page and its Atom feed.

use super::shared::*;

#[derive(Deserialize)]
pub struct NewsQuery {
    /// A region or province code: its communiqués only.
    territory: Option<String>,
    page: Option<u32>,
}

pub struct NewsItem {
    pub(super) id: i64,
    /// The communiqué's language (its text direction follows).
    pub(super) lang: String,
    pub(super) headline: String,
    pub(super) body: String,
    /// The day of the meeting, and the day the communiqué was published.
    pub(super) meeting_date: String,
    pub(super) date: String,
    pub(super) share_whatsapp: String,
    pub(super) share_facebook: String,
}

#[derive(Template)]
#[template(path = "news.html")]
pub(super) struct NewsPage {
    layout: Layout,
    items: Vec<NewsItem>,
    territory: String,
}

pub(super) fn news_item(state: &AppState, ctx: &Ctx, c: &Communique) -> NewsItem {
    let url = format!("{}/news/{}", state.config.public_base(), c.id);
    let enc = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    NewsItem {
        id: c.id,
        lang: c.lang.clone(),
        headline: c.headline.clone(),
        body: c.body.clone(),
        meeting_date: ctx.tr.day(c.meeting_held_on.date()),
        date: ctx.tr.date(c.published_at.unwrap_or(c.updated_at)),
        share_whatsapp: format!(
            "https://wa.me/?text={}",
            enc(&format!("{} {url}", c.headline))
        ),
        share_facebook: format!("https://www.facebook.com/sharer/sharer.php?u={}", enc(&url)),
    }
}

pub(super) async fn within(
    state: &AppState,
    code: Option<&str>,
) -> Result<Option<tanzim_domain::territory::TerritoryPath>, AppError> {
    match code.map(str::trim).filter(|c| !c.is_empty()) {
        Some(code) => Ok(Some(
            territory::get(
                &state.db,
                &tanzim_domain::territory::TerritoryCode::parse(code)?,
            )
            .await?
            .ok_or(DomainError::new(Field::Territory, "territory-unknown"))?
            .territory_path(),
        )),
        None => Ok(None),
    }
}

/// The organization's public news: published communiqués, newest first, no login.
pub async fn news(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NewsQuery>,
) -> Result<Response, AppError> {
    let w = within(&state, q.territory.as_deref()).await?;
    let page = store::published(&state.db, w.as_ref(), Page::new(q.page, Some(20))).await?;
    Ok(views::html(NewsPage {
        layout: Layout::new(&state, &ctx, "news-title"),
        items: page
            .items
            .iter()
            .map(|c| news_item(&state, &ctx, c))
            .collect(),
        territory: q.territory.unwrap_or_default(),
    }))
}

/// One published communiqué.
pub async fn news_item_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let c = store::communique(&state.db, id)
        .await?
        .filter(|c| c.status == rules::CommuniqueStatus::Published)
        .ok_or(AppError::NotFound)?;
    Ok(views::html(NewsPage {
        layout: Layout::new(&state, &ctx, "news-title"),
        items: vec![news_item(&state, &ctx, &c)],
        territory: String::new(),
    }))
}

/// The Atom feed of published communiqués.
pub async fn feed(
    State(state): State<AppState>,
    Query(q): Query<NewsQuery>,
) -> Result<Response, AppError> {
    let w = within(&state, q.territory.as_deref()).await?;
    let page = store::published(&state.db, w.as_ref(), Page::new(None, Some(50))).await?;
    let base = state.config.public_base();
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let stamp = |t: i64| {
        chrono::DateTime::from_timestamp(t, 0)
            .map(|d| d.to_rfc3339())
            .unwrap_or_default()
    };
    let updated = page
        .items
        .first()
        .map(|c| stamp(c.published_at.unwrap_or(c.updated_at)))
        .unwrap_or_else(|| stamp(0));
    // Atom ids and links are absolute, on the public address (see `Config::public_base`).
    let id_of = |path: &str| format!("{base}{path}");
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ar\">\n<title>{}</title>\n<id>{}</id>\n<link rel=\"alternate\" href=\"{base}/news\"/>\n<updated>{updated}</updated>\n",
        esc(&state
            .profile
            .organizations
            .first()
            .map(|o| o.name.ar.clone())
            .unwrap_or_default()),
        id_of("/news")
    );
    for c in &page.items {
        xml.push_str(&format!(
            "<entry xml:lang=\"{}\">\n<title>{}</title>\n<id>{}</id>\n<link href=\"{base}/news/{}\"/>\n<updated>{}</updated>\n<content type=\"text\">{}</content>\n</entry>\n",
            esc(&c.lang), esc(&c.headline), id_of(&format!("/news/{}", c.id)), c.id, stamp(c.published_at.unwrap_or(c.updated_at)), esc(&c.body)
        ));
    }
    xml.push_str("</feed>\n");
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        xml,
    )
        .into_response())
}

/// This module's routes and the access each requires.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, route};
    use axum::routing::get;
    vec![
        route("GET", "/news", Public, get(news)),
        route("GET", "/news.atom", Public, get(feed)),
        route("GET", "/news/{id}", Public, get(news_item_page)),
    ]
}
