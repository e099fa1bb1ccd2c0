//! The one way to reach a scoped record: [`load`] fetches it by id and asks the policy
//! about it, and only then hands it out as a [`Found`], which no other code can make. A
//! command that takes a `Found<T>` therefore runs on a record its actor may touch; the web
//! router loads the record a route names before the handler parses anything (404 outside
//! scope, 403 inside it without the right).

use crate::{Actor, App, Error, Result, permit};
use std::future::Future;
use std::ops::Deref;
use tanzim_domain::policy::{
    Action, Decision, Target, decide_account, decide_application, decide_member,
};
use tanzim_domain::territory::TerritoryPath;
use tanzim_store::accounts::{self, StoredRole, User};
use tanzim_store::applications::{self, Application};
use tanzim_store::bodies::{self, Body};
use tanzim_store::campaigns::{self, Campaign, Payment};
use tanzim_store::discipline::{self, Case};
use tanzim_store::imports::{self, Review};
use tanzim_store::meetings::{self, Communique, Meeting};
use tanzim_store::members::{self, Member};

/// A record kind that lies somewhere in the tree and is reached through the policy.
pub trait Scoped: Sized + Send {
    /// The record with this id, if there is one.
    fn fetch(app: &App, id: i64) -> impl Future<Output = Result<Option<Self>>> + Send;
    /// The policy's decision on `action` about this record.
    fn decide(&self, app: &App, actor: &Actor<'_>, action: Action) -> Decision;
    /// A state that forbids `action` whoever asks (a dissolved body is not managed).
    fn check(&self, _action: Action) -> Result<()> {
        Ok(())
    }
    /// What the actor is shown of it (a member's contact details only to those who may).
    fn shown_to(self, _app: &App, _actor: &Actor<'_>) -> Self {
        self
    }
}

/// A record its actor may do `action` to: made only by [`load`].
#[derive(Debug, Clone)]
pub struct Found<T> {
    record: T,
    action: Action,
}

impl<T> Found<T> {
    /// The action the record was loaded for.
    pub fn action(&self) -> Action {
        self.action
    }
    /// Refuses a record loaded for another action than the command's (a member loaded to
    /// be viewed is not changed with it).
    pub fn require(&self, action: Action) -> Result<()> {
        if self.action == action {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    }
    /// The same for a read that any of `actions` allows: the page shown again after a
    /// change reads what the record loaded to be changed holds.
    pub fn require_any(&self, actions: &[Action]) -> Result<()> {
        if actions.contains(&self.action) {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    }
    pub fn into_inner(self) -> T {
        self.record
    }
}

impl<T> Deref for Found<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.record
    }
}

/// The record `id` of kind `T` if `actor` may do `action` to it: 403 when the action is
/// not theirs anywhere, 404 when the record does not exist or lies outside their scope,
/// 403 within scope without the right.
pub async fn load<T: Scoped>(
    app: &App,
    actor: &Actor<'_>,
    action: Action,
    id: i64,
) -> Result<Found<T>> {
    permit(actor.decide(action, None))?;
    let record = T::fetch(app, id).await?.ok_or(Error::NotFound)?;
    permit(record.decide(app, actor, action))?;
    record.check(action)?;
    Ok(Found {
        record: record.shown_to(app, actor),
        action,
    })
}

impl Scoped for Body {
    async fn fetch(app: &App, id: i64) -> Result<Option<Body>> {
        Ok(bodies::get(&app.db, id).await?)
    }
    fn decide(&self, _: &App, actor: &Actor<'_>, action: Action) -> Decision {
        actor.decide(action, Some(&self.target()))
    }
    fn check(&self, action: Action) -> Result<()> {
        if action == Action::ManageBody && !self.is_active() {
            return Err(Error::Conflict("body-dissolved"));
        }
        Ok(())
    }
}

/// The policy's decision on a member: its branch decides, and a role limited to an
/// organization covers that organization's members (everyone for the party itself, those
/// who joined for an affiliate).
pub fn member_decision(app: &App, actor: &Actor<'_>, action: Action, m: &Member) -> Decision {
    match actor.principal() {
        Some(p) => decide_member(
            p,
            action,
            &TerritoryPath::from_stored(m.person.path.clone()),
            &m.person.affiliations,
            app.profile.party_key(),
        ),
        None => Decision::Allow,
    }
}

impl Scoped for Member {
    async fn fetch(app: &App, id: i64) -> Result<Option<Member>> {
        Ok(members::get(&app.db, id).await?)
    }
    fn decide(&self, app: &App, actor: &Actor<'_>, action: Action) -> Decision {
        member_decision(app, actor, action, self)
    }
    fn shown_to(self, app: &App, actor: &Actor<'_>) -> Member {
        if member_decision(app, actor, Action::ViewMemberContact, &self) == Decision::Allow {
            self
        } else {
            self.without_contact()
        }
    }
}

/// A record as reachable as the body it belongs to (a meeting, a communiqué), with that
/// body.
#[derive(Debug, Clone)]
pub struct InBody<T> {
    pub record: T,
    pub body: Body,
}

/// Fetches the body a record belongs to; a record whose body is gone is not found.
async fn in_body<T>(
    app: &App,
    record: Option<T>,
    body_id: impl Fn(&T) -> i64,
) -> Result<Option<InBody<T>>> {
    let Some(record) = record else {
        return Ok(None);
    };
    Ok(bodies::get(&app.db, body_id(&record))
        .await?
        .map(|body| InBody { record, body }))
}

impl Scoped for InBody<Meeting> {
    async fn fetch(app: &App, id: i64) -> Result<Option<Self>> {
        in_body(app, meetings::get(&app.db, id).await?, |m: &Meeting| {
            m.body_id
        })
        .await
    }
    fn decide(&self, _: &App, actor: &Actor<'_>, action: Action) -> Decision {
        actor.decide(action, Some(&self.body.target()))
    }
}

impl Scoped for InBody<Communique> {
    async fn fetch(app: &App, id: i64) -> Result<Option<Self>> {
        in_body(
            app,
            meetings::communique(&app.db, id).await?,
            |c: &Communique| c.body_id,
        )
        .await
    }
    fn decide(&self, _: &App, actor: &Actor<'_>, action: Action) -> Decision {
        actor.decide(action, Some(&self.body.target()))
    }
}

impl Scoped for Application {
    async fn fetch(app: &App, id: i64) -> Result<Option<Application>> {
        Ok(applications::get(&app.db, id).await?)
    }
    fn decide(&self, app: &App, actor: &Actor<'_>, action: Action) -> Decision {
        match actor.principal() {
            Some(p) => decide_application(
                p,
                action,
                &self.target(),
                app.profile.membership.committee_level,
            ),
            None => Decision::Allow,
        }
    }
}

impl Scoped for Campaign {
    async fn fetch(app: &App, id: i64) -> Result<Option<Campaign>> {
        Ok(campaigns::get(&app.db, id).await?)
    }
    fn decide(&self, _: &App, actor: &Actor<'_>, action: Action) -> Decision {
        actor.decide(action, Some(&self.target()))
    }
}

/// A payment, as reachable as the member who made it (with that member, as they are
/// shown to the actor).
#[derive(Debug, Clone)]
pub struct PaymentOf {
    pub payment: Payment,
    pub member: Member,
}

impl Scoped for PaymentOf {
    async fn fetch(app: &App, id: i64) -> Result<Option<PaymentOf>> {
        let Some(payment) = campaigns::payment(&app.db, id).await? else {
            return Ok(None);
        };
        Ok(members::get(&app.db, payment.member_id)
            .await?
            .map(|member| PaymentOf { payment, member }))
    }
    fn decide(&self, app: &App, actor: &Actor<'_>, action: Action) -> Decision {
        member_decision(app, actor, action, &self.member)
    }
    fn shown_to(self, app: &App, actor: &Actor<'_>) -> PaymentOf {
        PaymentOf {
            member: self.member.shown_to(app, actor),
            payment: self.payment,
        }
    }
}

impl Scoped for Review {
    async fn fetch(app: &App, id: i64) -> Result<Option<Review>> {
        Ok(imports::review(&app.db, id).await?)
    }
    /// Where the review lies, and the member it matched too: the decision belongs to
    /// someone who covers both.
    fn decide(&self, app: &App, actor: &Actor<'_>, action: Action) -> Decision {
        let here = actor.decide(action, Some(&self.target()));
        if here != Decision::Allow {
            return here;
        }
        match actor.principal() {
            Some(p) => decide_member(
                p,
                action,
                &TerritoryPath::from_stored(self.matched_path.clone()),
                &self.matched_affiliations,
                app.profile.party_key(),
            ),
            None => Decision::Allow,
        }
    }
}

impl Scoped for Case {
    async fn fetch(app: &App, id: i64) -> Result<Option<Case>> {
        Ok(discipline::get(&app.db, id).await?)
    }
    fn decide(&self, _: &App, actor: &Actor<'_>, action: Action) -> Decision {
        actor.decide(action, Some(&self.target()))
    }
}

/// A user account with its roles: as reachable as every place its roles lie.
#[derive(Debug, Clone)]
pub struct Account {
    pub user: User,
    pub roles: Vec<StoredRole>,
}

impl Scoped for Account {
    async fn fetch(app: &App, id: i64) -> Result<Option<Account>> {
        let Some(user) = accounts::user(&app.db, id).await? else {
            return Ok(None);
        };
        let roles = accounts::roles(&app.db, id).await?;
        Ok(Some(Account { user, roles }))
    }
    fn decide(&self, _: &App, actor: &Actor<'_>, action: Action) -> Decision {
        let places: Vec<Target> = self
            .roles
            .iter()
            .map(|r| Target {
                path: TerritoryPath::from_stored(r.scope_path.clone()),
                organization: r.organization.clone(),
            })
            .collect();
        match actor.principal() {
            Some(p) => decide_account(p, action, &places),
            None => Decision::Allow,
        }
    }
}
