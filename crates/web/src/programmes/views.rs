//! An activity as the pages show it: its words in the reader's language.

use super::term_name;
use crate::ctx::Ctx;
use crate::state::AppState;
use tanzim_store::programmes::Activity;

pub(crate) struct ActivityRow {
    pub id: i64,
    pub title: String,
    pub body_name: String,
    pub kind: String,
    pub themes: String,
    pub audience: String,
    /// The day, or the first and last days of its week or month.
    pub when: String,
    pub place: String,
    pub status: String,
    pub status_label: String,
    pub budget: Option<String>,
    pub guests: Vec<String>,
    pub speakers: Vec<String>,
    pub attendees: Vec<String>,
    /// The reader's language's comma, between the names of a list.
    pub comma: &'static str,
    pub folded: bool,
    pub move_asked: Option<String>,
    pub cancel_reason: Option<String>,
    pub postponed_from: Option<String>,
}

impl ActivityRow {
    pub fn new(state: &AppState, ctx: &Ctx, a: &Activity) -> ActivityRow {
        let words = super::vocabulary(state);
        let tr = &ctx.tr;
        let (start, end) = (a.starts_on.date(), a.ends_on.date());
        let when = if start == end {
            tr.day(start)
        } else {
            format!("{} – {}", tr.day(start), tr.day(end))
        };
        let commune = match ctx.lang().code() {
            "ar" => a.commune_name_ar.clone(),
            _ => a.commune_name_fr.clone(),
        };
        let comma = if ctx.lang().code() == "ar" {
            "، "
        } else {
            ", "
        };
        let lines =
            |s: &Option<String>| tanzim_domain::programmes::guest_lines(s.as_deref().unwrap_or(""));
        let place = match (commune, a.online) {
            (Some(c), true) => format!("{c} · {}", tr.t("activity-online")),
            (Some(c), false) => c,
            (None, true) => tr.t("activity-online"),
            (None, false) => String::new(),
        };
        ActivityRow {
            id: a.id,
            title: a.title.clone(),
            body_name: a.body_name.clone(),
            kind: term_name(&words.kinds, &a.kind, ctx).to_owned(),
            themes: a
                .theme_keys()
                .map(|t| term_name(&words.themes, t, ctx).to_owned())
                .collect::<Vec<_>>()
                .join(comma),
            audience: term_name(&words.audiences, &a.audience, ctx).to_owned(),
            when,
            place,
            status: a.status.clone(),
            status_label: tr.t(&format!("activity-status-{}", a.status)),
            budget: a
                .budget_centimes
                .map(|c| format!("{} {}", tr.amount(c), tr.t("currency"))),
            guests: a.guest_list(),
            speakers: lines(&a.speakers),
            attendees: lines(&a.attendees),
            comma,
            folded: a.folded_into.is_some(),
            move_asked: a.move_asked.clone(),
            cancel_reason: a.cancel_reason.clone(),
            postponed_from: a.postponed_from.map(|d| tr.day(d.date())),
        }
    }
}
