//! Accounts: administrators manage users and their roles within their scope; every user
//! manages their own API tokens.

use crate::access::Loaded;
use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::input::Confirm;
use crate::input::{parse_form, parse_json};
use crate::problems::{BadRequest, Conflict, Forbidden, Invalid, NotFound, Unauthenticated};
use crate::reauth::require_fresh_password;
use crate::state::AppState;
use crate::views::Choice;
use crate::views::{self, Layout, Pager};
use askama::Template;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use tanzim_commands as commands;
use tanzim_commands::access::Account;
use tanzim_commands::accounts::{NewAccount, RoleGrant};
use tanzim_domain::accounts::{Role, Username};
use tanzim_domain::gazetteer::Lookup;
use tanzim_domain::policy::{Action, Decision, Target, scopes_for};
use tanzim_domain::territory::{TerritoryCode, TerritoryPath};
use tanzim_domain::{DomainError, Field};
use tanzim_store::accounts::{self, StoredRole, User};
use tanzim_store::{Page, ScopeFilter, territory};

/// May the user do `action` to an account holding `roles`? Every role of the account must
/// lie in the user's scope; an account with no role is national.
pub(crate) fn decide_on_account(
    user: &CurrentUser,
    action: Action,
    roles: &[StoredRole],
) -> Decision {
    let places: Vec<Target> = roles
        .iter()
        .map(|r| Target {
            path: TerritoryPath::from_stored(r.scope_path.clone()),
            organization: r.organization.clone(),
        })
        .collect();
    tanzim_domain::policy::decide_account(&user.principal, action, &places)
}

/// A role to grant, as typed in a form or sent to the API.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct GrantRole {
    pub role: String,
    /// The territory by HCP code or by name (a name several bear is refused with them
    /// listed); empty or absent: national.
    #[serde(default)]
    pub scope: Option<String>,
    /// Organization key; empty or absent: every organization.
    #[serde(default)]
    pub organization: Option<String>,
}

/// Parses a role to grant and checks the granting user may grant it there.
impl GrantRole {
    /// The grant as the command takes it: the role and codes parsed, blanks absent.
    fn parse(&self) -> Result<RoleGrant, DomainError> {
        let blank = |s: &Option<String>| {
            s.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        // A scope grants the whole subtree: a name of several territories (the prefecture
        // of Fès and its commune) is refused with them listed, never widened by a guess.
        let scope = commands::territories::resolve_given(
            self.scope.as_deref(),
            Lookup::exact(Field::Scope),
        )
        .map_err(|e| match e {
            commands::Error::Invalid(d) => d,
            _ => DomainError::new(Field::Scope, "territory-unknown"),
        })?
        .map(|p| p.code.clone());
        Ok(RoleGrant {
            role: Role::parse(&self.role)?,
            scope,
            organization: blank(&self.organization),
        })
    }
}

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct CreateUser {
    pub username: String,
    pub display_name: String,
    pub password: String,
    #[serde(flatten)]
    pub role: GrantRole,
}

async fn create_user(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    input: &CreateUser,
) -> Result<i64, AppError> {
    let new = NewAccount {
        username: Username::parse(&input.username)?,
        display_name: input.display_name.clone(),
        password: input.password.clone(),
        role: input.role.parse()?,
    };
    Ok(commands::accounts::create_user(&state.app(), &user.actor(ctx), &new).await?)
}

// ---- pages ----

#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<u32>,
    page_size: Option<u32>,
}

#[derive(Template)]
#[template(path = "users.html")]
struct IndexPage {
    layout: Layout,
    users: Vec<User>,
    pager: Pager,
    may_create: bool,
}

fn user_scope(user: &CurrentUser) -> ScopeFilter {
    ScopeFilter::from_assignments(scopes_for(&user.principal, Action::ViewUsers))
}

pub async fn index(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    let paged = accounts::list_users(
        &state.db,
        &user_scope(&user),
        Page::new(q.page, q.page_size),
    )
    .await?;
    let page = IndexPage {
        layout: Layout::new(&state, &ctx, "users-title"),
        pager: Pager::new(&paged, "/users?"),
        users: paged.items,
        may_create: user.may(Action::ManageUsers, None),
    };
    Ok(views::html(page))
}

#[derive(Template)]
#[template(path = "user_new.html")]
struct NewPage {
    layout: Layout,
    roles: Vec<Choice>,
    organizations: Vec<Choice>,
    username: String,
    display_name: String,
    scope: String,
    error: Option<String>,
}

fn role_choices(ctx: &Ctx, selected: &str) -> Vec<Choice> {
    Role::ALL
        .iter()
        .map(|r| Choice {
            value: r.as_str().to_owned(),
            label: ctx.tr.t(&format!("role-{}", r.as_str())),
            selected: r.as_str() == selected,
        })
        .collect()
}

fn organization_choices(state: &AppState, ctx: &Ctx, selected: &str) -> Vec<Choice> {
    let mut out = vec![Choice {
        value: String::new(),
        label: ctx.tr.t("field-organization-all"),
        selected: selected.is_empty(),
    }];
    out.extend(state.profile.organizations.iter().map(|o| Choice {
        value: o.key.clone(),
        label: views::label(&o.name, &ctx.tr),
        selected: o.key == selected,
    }));
    out
}

fn new_page(state: &AppState, ctx: &Ctx, input: &CreateUser, error: Option<String>) -> Response {
    views::html(NewPage {
        layout: Layout::new(state, ctx, "users-new-title"),
        roles: role_choices(ctx, &input.role.role),
        organizations: organization_choices(
            state,
            ctx,
            input.role.organization.as_deref().unwrap_or(""),
        ),
        username: input.username.clone(),
        display_name: input.display_name.clone(),
        scope: input.role.scope.clone().unwrap_or_default(),
        error,
    })
}

pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let input = CreateUser {
        role: GrantRole {
            role: "officer".into(),
            ..GrantRole::default()
        },
        ..CreateUser::default()
    };
    Ok(new_page(&state, &ctx, &input, None))
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    body: Bytes,
) -> Result<Response, AppError> {
    // An account is created with a role: a grant.
    require_fresh_password(&user, "/users/new")?;
    let input: CreateUser = parse_form(&body)?;
    match create_user(&state, &ctx, &user, &input).await {
        Ok(id) => Ok(Redirect::to(&format!("/users/{id}")).into_response()),
        Err(e @ (AppError::Invalid(_) | AppError::Forbidden | AppError::Conflict(_))) => {
            let mut response = new_page(
                &state,
                &ctx,
                &input,
                Some(views::error_message(&ctx.tr, &e)),
            );
            *response.status_mut() = e.status();
            Ok(response)
        }
        Err(e) => Err(e),
    }
}

pub struct RoleRow {
    pub id: i64,
    pub role: String,
    pub scope: String,
    pub organization: String,
}

#[derive(Template)]
#[template(path = "user.html")]
struct ShowPage {
    layout: Layout,
    account: User,
    created: String,
    roles: Vec<RoleRow>,
    role_choices: Vec<Choice>,
    organizations: Vec<Choice>,
    may_manage: bool,
    is_self: bool,
    error: Option<String>,
}

pub async fn role_rows_for(
    state: &AppState,
    ctx: &Ctx,
    roles: &[StoredRole],
) -> Result<Vec<RoleRow>, AppError> {
    let mut out = Vec::new();
    for r in roles {
        let scope = match r
            .scope_code
            .as_deref()
            .and_then(|c| TerritoryCode::parse(c).ok())
        {
            Some(code) => territory::get(&state.db, &code)
                .await?
                .map(|t| format!("{} ({})", t.name(ctx.lang().code()), t.code))
                .unwrap_or_else(|| code.to_string()),
            None => ctx.tr.t("territories-country"),
        };
        let organization = match &r.organization {
            Some(o) => state
                .profile
                .organization(o)
                .map(|o| views::label(&o.name, &ctx.tr))
                .unwrap_or_else(|| o.clone()),
            None => ctx.tr.t("field-organization-all"),
        };
        out.push(RoleRow {
            id: r.id,
            role: ctx.tr.t(&format!("role-{}", r.role.as_str())),
            scope,
            organization,
        });
    }
    Ok(out)
}

async fn show_page(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    account: User,
    roles: &[StoredRole],
    error: Option<String>,
) -> Result<Response, AppError> {
    let page = ShowPage {
        layout: Layout::new(state, ctx, "user-title"),
        created: ctx.tr.date(account.created_at),
        is_self: account.id == user.id(),
        account,
        roles: role_rows_for(state, ctx, roles).await?,
        role_choices: role_choices(ctx, "officer"),
        organizations: organization_choices(state, ctx, ""),
        may_manage: decide_on_account(user, Action::ManageUsers, roles) == Decision::Allow,
        error,
    };
    Ok(views::html(page))
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(account): Loaded<Account>,
) -> Result<Response, AppError> {
    let Account {
        user: account,
        roles,
    } = account.into_inner();
    let read = tanzim_commands::reads::Read::User(account.id, &roles);
    tanzim_commands::reads::record(&state.app(), &user.actor(&ctx), read).await?;
    show_page(&state, &ctx, &user, account, &roles, None).await
}

pub async fn grant(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(account): Loaded<Account>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id = account.user.id;
    require_fresh_password(&user, &format!("/users/{id}"))?;
    let input: GrantRole = parse_form(&body)?;
    let granted = match input.parse() {
        Ok(grant) => {
            commands::accounts::grant_role(&state.app(), &user.actor(&ctx), &account, &grant)
                .await
                .map_err(AppError::from)
        }
        Err(e) => Err(e.into()),
    };
    match granted {
        Ok(_) => Ok(Redirect::to(&format!("/users/{id}")).into_response()),
        Err(e @ (AppError::Invalid(_) | AppError::Forbidden)) => {
            let account = account.into_inner();
            let mut response = show_page(
                &state,
                &ctx,
                &user,
                account.user,
                &account.roles,
                Some(views::error_message(&ctx.tr, &e)),
            )
            .await?;
            *response.status_mut() = e.status();
            Ok(response)
        }
        Err(e) => Err(e),
    }
}

pub async fn revoke(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(account): Loaded<Account>,
    Path((id, role_id)): Path<(i64, i64)>,
    body: Bytes,
) -> Result<Response, AppError> {
    parse_form::<Confirm>(&body)?.check()?;
    commands::accounts::revoke_role(&state.app(), &user.actor(&ctx), &account, role_id).await?;
    Ok(Redirect::to(&format!("/users/{id}")).into_response())
}

pub async fn disable(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(account): Loaded<Account>,
    body: Bytes,
) -> Result<Response, AppError> {
    parse_form::<Confirm>(&body)?.check()?;
    commands::accounts::set_disabled(&state.app(), &user.actor(&ctx), &account, true).await?;
    Ok(Redirect::to(&format!("/users/{}", account.user.id)).into_response())
}

pub async fn enable(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(account): Loaded<Account>,
) -> Result<Response, AppError> {
    commands::accounts::set_disabled(&state.app(), &user.actor(&ctx), &account, false).await?;
    Ok(Redirect::to(&format!("/users/{}", account.user.id)).into_response())
}

// ---- own account and API tokens ----

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    layout: Layout,
    username: String,
    roles: Vec<RoleRow>,
    tokens: Vec<TokenRow>,
    new_token: Option<String>,
    error: Option<String>,
}

pub struct TokenRow {
    pub id: i64,
    pub name: String,
    pub created: String,
    pub last_used: String,
    pub revoked: bool,
}

async fn account_page(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    new_token: Option<String>,
    error: Option<String>,
) -> Result<Response, AppError> {
    let roles = accounts::roles(&state.db, user.id()).await?;
    let tokens = accounts::tokens(&state.db, user.id())
        .await?
        .into_iter()
        .map(|t| TokenRow {
            id: t.id,
            name: t.name,
            created: ctx.tr.date(t.created_at),
            last_used: t
                .last_used_at
                .map(|at| ctx.tr.datetime(at))
                .unwrap_or_else(|| ctx.tr.t("token-never-used")),
            revoked: t.revoked_at.is_some(),
        })
        .collect();
    Ok(views::html(AccountPage {
        layout: Layout::new(state, ctx, "account-title"),
        username: user.username().to_owned(),
        roles: role_rows_for(state, ctx, &roles).await?,
        tokens,
        new_token,
        error,
    }))
}

pub async fn account(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
) -> Result<Response, AppError> {
    account_page(&state, &ctx, &user, None, None).await
}

#[derive(Deserialize)]
struct NewToken {
    name: String,
}

pub async fn create_token(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    body: Bytes,
) -> Result<Response, AppError> {
    require_fresh_password(&user, "/account")?;
    let input: NewToken = parse_form(&body)?;
    let created =
        commands::accounts::create_token(&state.app(), &user.actor(&ctx), user.id(), &input.name)
            .await;
    match created {
        // Shown once, never stored in clear. The token is made: a page that cannot be read
        // now is not its failure.
        Ok(token) => {
            let render = || account_page(&state, &ctx, &user, Some(token.clone()), None);
            Ok(crate::committed::page("/account", render).await)
        }
        Err(commands::Error::Invalid(e)) => {
            let mut response = account_page(
                &state,
                &ctx,
                &user,
                None,
                Some(ctx.tr.t(&format!("error-{}", e.code))),
            )
            .await?;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn revoke_token(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(token_id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    parse_form::<Confirm>(&body)?.check()?;
    commands::accounts::revoke_token(&state.app(), &user.actor(&ctx), token_id).await?;
    Ok(Redirect::to("/account").into_response())
}

// ---- API ----

#[derive(Serialize, utoipa::ToSchema)]
pub struct UserDetail {
    #[serde(flatten)]
    pub user: User,
    pub roles: Vec<StoredRole>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct UserList {
    pub items: Vec<User>,
    pub total: i64,
    pub page: u32,
    pub page_size: u32,
}

/// The caller's own account and roles.
#[utoipa::path(get, path = "/api/v1/me", tag = "users",
    responses((status = 200, body = UserDetail), Unauthenticated), security(("bearer" = [])))]
pub async fn api_me(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<UserDetail>, AppError> {
    let account = accounts::user(&state.db, user.id())
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(UserDetail {
        user: account,
        roles: accounts::roles(&state.db, user.id()).await?,
    }))
}

/// Users in the caller's scope (administrators).
#[utoipa::path(get, path = "/api/v1/users", tag = "users",
    params(("page" = Option<u32>, Query), ("page_size" = Option<u32>, Query)),
    responses((status = 200, body = UserList), BadRequest, Unauthenticated, Forbidden), security(("bearer" = [])))]
pub async fn api_list(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<PageQuery>,
) -> Result<Json<UserList>, AppError> {
    let p = accounts::list_users(
        &state.db,
        &user_scope(&user),
        Page::new(q.page, q.page_size),
    )
    .await?;
    Ok(Json(UserList {
        items: p.items,
        total: p.total,
        page: p.page,
        page_size: p.page_size,
    }))
}

/// One user with its roles.
#[utoipa::path(get, path = "/api/v1/users/{id}", tag = "users", params(("id" = i64, Path)),
    responses((status = 200, body = UserDetail), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_get(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(account): Loaded<Account>,
) -> Result<Json<UserDetail>, AppError> {
    let Account {
        user: account,
        roles,
    } = account.into_inner();
    let read = tanzim_commands::reads::Read::User(account.id, &roles);
    tanzim_commands::reads::record(&state.app(), &user.actor(&ctx), read).await?;
    Ok(Json(UserDetail {
        user: account,
        roles,
    }))
}

/// Creates a user with one role.
#[utoipa::path(post, path = "/api/v1/users", tag = "users", request_body = CreateUser,
    responses((status = 201, body = UserDetail), BadRequest, Unauthenticated, Forbidden, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_create(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    body: Bytes,
) -> Result<Response, AppError> {
    require_fresh_password(&user, "/users/new")?;
    let input: CreateUser = parse_json(&body)?;
    let id = create_user(&state, &ctx, &user, &input).await?;
    let answer = crate::committed::Committed::created(id).at(format!("/api/v1/users/{id}"));
    Ok(answer
        .json(|| async {
            Ok(UserDetail {
                user: accounts::user(&state.db, id)
                    .await?
                    .ok_or(AppError::NotFound)?,
                roles: accounts::roles(&state.db, id).await?,
            })
        })
        .await)
}

/// This module's routes and the access each requires; `routes::table` joins them.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, fresh_password, route};
    use axum::routing::{get, post};
    use tanzim_domain::policy::Action;
    vec![
        route("GET", "/account", SignedIn, get(account)),
        fresh_password(route(
            "POST",
            "/account/tokens",
            SignedIn,
            post(create_token),
        )),
        route(
            "POST",
            "/account/tokens/{id}/revoke",
            SignedIn,
            post(revoke_token),
        ),
        route(
            "GET",
            "/users",
            Policy(Action::ViewUsers, T::None),
            get(index),
        ),
        route(
            "GET",
            "/users/new",
            Policy(Action::ManageUsers, T::None),
            get(new_form),
        ),
        fresh_password(route(
            "POST",
            "/users",
            Policy(Action::ManageUsers, T::None),
            post(create),
        )),
        route(
            "GET",
            "/users/{id}",
            Policy(Action::ViewUsers, T::User),
            get(show),
        ),
        fresh_password(route(
            "POST",
            "/users/{id}/roles",
            Policy(Action::ManageUsers, T::User),
            post(grant),
        )),
        route(
            "POST",
            "/users/{id}/roles/{role_id}/revoke",
            Policy(Action::ManageUsers, T::User),
            post(revoke),
        ),
        route(
            "POST",
            "/users/{id}/disable",
            Policy(Action::ManageUsers, T::User),
            post(disable),
        ),
        route(
            "POST",
            "/users/{id}/enable",
            Policy(Action::ManageUsers, T::User),
            post(enable),
        ),
        route("GET", "/api/v1/me", SignedIn, get(api_me)),
        route(
            "GET",
            "/api/v1/users",
            Policy(Action::ViewUsers, T::None),
            get(api_list),
        ),
        fresh_password(route(
            "POST",
            "/api/v1/users",
            Policy(Action::ManageUsers, T::None),
            post(api_create),
        )),
        route(
            "GET",
            "/api/v1/users/{id}",
            Policy(Action::ViewUsers, T::User),
            get(api_get),
        ),
    ]
}
