//! What a held activity gives the public: its photographs (metadata stripped, kept with
//! their hash) and the communiqué drafted from its record, in Arabic or French, which a
//! communication officer then edits and publishes like a meeting's.

use crate::meetings::communiques::Lang;
use crate::meetings::{kind_ar, press_name_ar};
use crate::programmes::ActivityOf;
use crate::{Actor, App, Error, Found, Result};
use serde_json::json;
use sha2::{Digest, Sha256};
use tanzim_domain::audit::AuditAction;
use tanzim_domain::meetings::noun_is_feminine;
use tanzim_domain::photos::clean_photo;
use tanzim_domain::policy::Action;
use tanzim_domain::programmes_press::{HeldFacts, held_communique_ar, held_communique_fr};
use tanzim_store::audit;
use tanzim_store::now;
use tanzim_store::programmes as store;

fn held(a: &ActivityOf) -> Result<()> {
    if a.activity.status == "held" {
        Ok(())
    } else {
        Err(Error::Conflict("activity-not-held"))
    }
}

/// Adds a photograph of a held activity: JPEG or PNG, bounded, its metadata stripped.
pub async fn add_photo(
    app: &App,
    actor: &Actor<'_>,
    a: &Found<ActivityOf>,
    bytes: &[u8],
) -> Result<i64> {
    a.require(Action::ManageMeetings)?;
    held(a)?;
    let photo = clean_photo(bytes)?;
    let sha256 = format!("{:x}", Sha256::digest(&photo.content));
    let mut tx = app.db.begin().await?;
    let id = store::add_photo(
        &mut tx,
        a.activity.id,
        &sha256,
        photo.mime,
        &photo.content,
        actor.user_id(),
        now(),
    )
    .await?;
    let entry = actor
        .audit(AuditAction::ActivityPhotoAdded)
        .target_of("activity", a.activity.id, &a.body.target())
        .detail(json!({ "photo": id, "sha256": sha256, "bytes": photo.content.len() }));
    audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(id)
}

/// Drafts the communiqué of a held activity in `lang`; its id.
pub async fn draft_communique(
    app: &App,
    actor: &Actor<'_>,
    a: &Found<ActivityOf>,
    lang: Lang,
) -> Result<i64> {
    a.require(Action::PublishCommuniques)?;
    held(a)?;
    let x = &a.activity;
    let words = &app.profile.activities;
    let code = lang.as_str();
    let theme_names: Vec<String> = x
        .theme_keys()
        .map(|k| {
            words
                .theme(k)
                .map_or(k.to_owned(), |t| t.name.get(code).to_owned())
        })
        .collect();
    let (body, city) = match lang {
        Lang::Ar => (
            press_name_ar(&app.profile, &a.body),
            x.commune_name_ar.clone(),
        ),
        Lang::Fr => (
            crate::meetings::facts::name_fr(app, &a.body),
            x.commune_name_fr.clone(),
        ),
    };
    let facts = HeldFacts {
        body: &body,
        body_feminine: noun_is_feminine(&kind_ar(&app.profile, &a.body)),
        title: &x.title,
        held_on: x
            .held_on
            .map(|d| d.date())
            .ok_or(Error::Conflict("activity-not-held"))?,
        city: city.as_deref(),
        online: x.online,
        themes: theme_names,
        men: x.attended_men,
        women: x.attended_women,
        under35: x.attended_under35,
        speakers: tanzim_domain::programmes::guest_lines(x.speakers.as_deref().unwrap_or("")),
        summary: x.summary.as_deref(),
    };
    let (headline, text) = match lang {
        Lang::Ar => held_communique_ar(&facts),
        Lang::Fr => held_communique_fr(&facts),
    };
    let mut tx = app.db.begin().await?;
    let id = store::add_communique(&mut tx, x, code, &headline, &text, now()).await?;
    let entry = actor
        .audit(AuditAction::CommuniqueDrafted)
        .target_of("communique", id, &a.body.target())
        .detail(json!({ "activity": x.id, "lang": code }));
    audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(id)
}

/// What the activity's page shows of its press: its photographs and its communiqués.
pub async fn of_activity(
    app: &App,
    a: &Found<ActivityOf>,
) -> Result<(Vec<store::Photo>, Vec<tanzim_store::meetings::Communique>)> {
    a.require_any(&[Action::ViewMeetings, Action::ManageMeetings])?;
    Ok((
        store::photos(&app.db, a.activity.id).await?,
        tanzim_store::meetings::communiques_of_activity(&app.db, a.activity.id).await?,
    ))
}

/// One photograph of the activity (its type and bytes), if it is one of the activity's.
pub async fn photo(app: &App, a: &Found<ActivityOf>, n: i64) -> Result<Option<(String, Vec<u8>)>> {
    a.require_any(&[Action::ViewMeetings, Action::ManageMeetings])?;
    Ok(store::photo_content(&app.db, a.activity.id, n).await?)
}
