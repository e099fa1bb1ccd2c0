//! Renewals entered in bulk against a campaign, and the dues receipts (the officer's and the public one).

use super::pages::{ShowExtras, no_extras, show_page};
use crate::access::found;
use crate::access::member_scope;
use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::input::parse_form;
use crate::members::{Renewal, renew};
use crate::state::AppState;
use crate::views::{self, Layout};
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;
use tanzim_domain::members::DuesCategory;
use tanzim_domain::policy::Action;
use tanzim_store::Page;
use tanzim_store::campaigns::{self, Campaign, Payment};
use tanzim_store::members::Member;
use tanzim_store::members::{self, MemberQuery};

#[derive(Deserialize)]
pub struct BulkInput {
    /// One renewal a line: `membership-number receipt-number` (the category and method of
    /// the form apply to all lines).
    lines: String,
    category: String,
    method: String,
}

/// Renewals in bulk from a receipt book: each line is recorded on its own, and the report
/// says which lines were recorded and why the others were not.
pub async fn bulk(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let c = found::<Campaign>(&state, &ctx, &user, Action::RecordPayments, id)
        .await?
        .into_inner();
    let input: BulkInput = parse_form(&body)?;
    let scope = member_scope(&state, &user, Action::RecordPayments);
    let mut report = Vec::new();
    let mut failed = Vec::new();
    let mut recorded = 0;
    for (n, line) in input
        .lines
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty())
    {
        let mut parts = line.split_whitespace();
        let (Some(number), Some(receipt)) = (parts.next(), parts.next()) else {
            report.push(
                ctx.tr
                    .with("bulk-line-malformed", &[("line", &n.to_string())]),
            );
            failed.push(line.to_owned());
            continue;
        };
        let found = members::list(
            &state.db,
            &scope,
            &MemberQuery {
                q: Some(number.to_owned()),
                ..MemberQuery::default()
            },
            Page::new(None, Some(2)),
        )
        .await?;
        let Some(m) = found.items.into_iter().find(|m| m.number == number) else {
            report.push(ctx.tr.with(
                "bulk-line-unknown",
                &[("line", &n.to_string()), ("number", number)],
            ));
            failed.push(line.to_owned());
            continue;
        };
        let renewal = Renewal {
            campaign_id: c.id,
            category: input.category.clone(),
            method: input.method.clone(),
            receipt: receipt.to_owned(),
            paid_on: None,
        };
        let found =
            crate::access::found::<Member>(&state, &ctx, &user, Action::RecordPayments, m.id);
        match async { renew(&state, &ctx, &user, &found.await?, &renewal).await }.await {
            Ok(_) => {
                recorded += 1;
                report.push(ctx.tr.with(
                    "bulk-line-done",
                    &[("line", &n.to_string()), ("number", number)],
                ));
            }
            Err(
                e @ (AppError::Invalid(_)
                | AppError::Conflict(_)
                | AppError::Forbidden
                | AppError::NotFound),
            ) => {
                let why = ctx.tr.t(&format!("error-{}", e.code()));
                report.push(ctx.tr.with(
                    "bulk-line-failed",
                    &[("line", &n.to_string()), ("number", number), ("why", &why)],
                ));
                failed.push(line.to_owned());
            }
            Err(e) => return Err(e),
        }
    }
    // What failed stays in the box, to be corrected and sent again.
    let render = || async {
        let c = found::<Campaign>(&state, &ctx, &user, Action::ViewCampaigns, id)
            .await?
            .into_inner();
        let extras = ShowExtras {
            bulk: failed.join("\n"),
            report: report.clone(),
            ..no_extras()
        };
        show_page(&state, &ctx, &user, c, Page::new(None, None), extras).await
    };
    if recorded == 0 {
        return render().await;
    }
    // Renewals were recorded: a report that cannot be read is not their failure.
    Ok(crate::committed::page(&format!("/campaigns/{id}"), render).await)
}

#[derive(Template)]
#[template(path = "receipt.html")]
pub(super) struct ReceiptPage {
    layout: Layout,
    p: Payment,
    amount: String,
    category: String,
    method: String,
    name_ar: String,
    name_lat: String,
    recorded: String,
    paid_on: String,
    /// Shown to the officer: the link the member keeps to see and print this receipt.
    member_link: Option<String>,
}

/// A printable receipt for a payment (to hand or send to the member).
pub async fn receipt(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let p = campaigns::payment(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let m = crate::access::found::<Member>(&state, &ctx, &user, Action::ViewMembers, p.member_id)
        .await?
        .into_inner();
    let link = p
        .receipt_token
        .as_ref()
        .map(|t| format!("{}/receipts/{t}", state.config.public_base()));
    receipt_page(&state, &ctx, p, &m, link).await
}

/// The member's own view of a receipt, by the link given with it: no account needed; the
/// token is unguessable and look-ups are rate-limited.
pub async fn public_receipt(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    if !state.lookup_limit.allow(&ctx.address) {
        return Err(AppError::Throttled);
    }
    let p = if token.len() >= 32 {
        campaigns::payment_by_token(&state.db, &token).await?
    } else {
        None
    };
    let p = p.ok_or(AppError::NotFound)?;
    let m = tanzim_store::members::get(&state.db, p.member_id)
        .await?
        .ok_or(AppError::NotFound)?;
    receipt_page(&state, &ctx, p, &m, None).await
}

pub(super) async fn receipt_page(
    state: &AppState,
    ctx: &Ctx,
    p: Payment,
    m: &tanzim_store::members::Member,
    member_link: Option<String>,
) -> Result<Response, AppError> {
    let cats = campaigns::categories(&state.db, p.campaign_id).await?;
    let join = |a: &Option<String>, b: &Option<String>| {
        [a, b]
            .iter()
            .filter_map(|x| x.as_deref())
            .collect::<Vec<_>>()
            .join(" ")
    };
    Ok(views::html(ReceiptPage {
        layout: Layout::new(state, ctx, "receipt-title"),
        amount: ctx.tr.amount(p.amount),
        category: cats
            .iter()
            .find(|c: &&DuesCategory| c.key == p.category)
            .map(|c| c.label.clone())
            .unwrap_or_else(|| p.category.clone()),
        method: ctx.tr.t(&format!("method-{}", p.method)),
        name_ar: join(&m.person.first_name_ar, &m.person.last_name_ar),
        name_lat: join(&m.person.first_name_lat, &m.person.last_name_lat),
        recorded: ctx.tr.datetime(p.recorded_at),
        paid_on: ctx.tr.day(p.paid_on.date()),
        member_link,
        p,
    }))
}
