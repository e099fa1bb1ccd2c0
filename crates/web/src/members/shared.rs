//! What the members' files share: their imports.

pub(super) use crate::access::{Loaded, found, member_decision, member_scope, sees_contact};
pub(super) use crate::ctx::{Ctx, CurrentUser};
pub(super) use crate::error::AppError;
pub(super) use crate::input::{parse_form, parse_json};
pub(super) use crate::problems::{
    BadRequest, Conflict, Forbidden, Invalid, NotFound, Unauthenticated,
};
pub(super) use crate::state::{AppState, today};
pub(super) use crate::views::Choice;
pub(super) use crate::views::{self, FormErrors, Layout, Pager};
pub(super) use askama::Template;
pub(super) use axum::Json;
pub(super) use axum::body::Bytes;
pub(super) use axum::extract::{Path, Query, State};
pub(super) use axum::http::StatusCode;
pub(super) use axum::response::{IntoResponse, Redirect, Response};
pub(super) use serde::{Deserialize, Serialize};
pub(super) use tanzim_commands::{self as commands, Found};
pub(super) use tanzim_domain::gazetteer::Lookup;
pub(super) use tanzim_domain::members::{self as rules, Event, PersonInput, Status};
pub(super) use tanzim_domain::policy::{Action, Decision};
pub(super) use tanzim_domain::{DomainError, Field};
pub(super) use tanzim_store::campaigns::{self, Payment};
pub(super) use tanzim_store::members::{self, HistoryEntry, Member};
pub(super) use tanzim_store::{Page, Paged};
