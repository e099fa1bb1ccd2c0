//! The integration tests of the web crate, linked into one test binary: one link of the
//! whole application instead of one per file. The browser test (`tests/browser.rs`, run
//! alone with `--ignored --test-threads=1`) and the OpenAPI check (`tests/openapi.rs`,
//! `TANZIM_UPDATE_OPENAPI=1 cargo test -p tanzim-web --test openapi`) stay binaries of
//! their own.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[macro_use]
#[path = "../common/mod.rs"]
mod common;

mod account_races;
mod attack;
mod audit_page;
mod authz_matrix;
mod backup;
mod campaign_close;
mod committed;
mod contacts;
mod diaspora;
mod discipline;
mod exports;
mod first_run;
mod foundation;
mod idempotency;
mod imports;
mod mandates;
mod meeting_corrections;
mod meeting_page;
mod meeting_races;
mod meeting_requests;
mod meetings;
mod meetings_forms;
mod meetings_press;
mod members;
mod natural_keys;
mod programmes;
mod publishing;
mod reading;
mod reauth;
mod receipts;
mod reports;
mod reports_figures;
mod reports_heard;
mod rolls;
mod staged_imports;
mod stats;
mod stored_values;
mod territory_picker;
mod timetable_feeds;
mod trust;
mod writers_wait;
