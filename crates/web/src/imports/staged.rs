//! Opening uploaded rolls off the request path, a few at a time: an upload's text (or a
//! workbook's records) is held while its rows are staged in the database
//! (`commands::imports::stage`); nothing of it is kept here after.

use crate::error::AppError;
use std::collections::HashMap;
use tanzim_reports::import::{self, Rows};

pub struct Uploads {
    reading: std::sync::Arc<tokio::sync::Semaphore>,
}

/// An opened upload, with its turn: held until its rows are staged.
pub(crate) struct Opened {
    pub(crate) rows: Rows,
    _turn: tokio::sync::OwnedSemaphorePermit,
}

/// Rolls read at the same time (each up to `MAX_UPLOAD_BYTES`).
pub const READING_AT_ONCE: usize = 2;

impl Default for Uploads {
    fn default() -> Self {
        Uploads {
            reading: std::sync::Arc::new(tokio::sync::Semaphore::new(READING_AT_ONCE)),
        }
    }
}

impl Uploads {
    /// Opens an upload off the request path, a few at a time (a workbook is read whole
    /// here; a CSV's rows are read as they are staged): the turn is held until the
    /// `Opened` is dropped, once its rows are staged.
    /// An unknown header is left aside, for the page's mapping step to show;
    /// `mapping` holds the columns the user mapped by hand before.
    pub(crate) async fn open(
        &self,
        bytes: axum::body::Bytes,
        mapping: HashMap<String, String>,
    ) -> Result<Result<Opened, import::ImportError>, AppError> {
        let turn = self
            .reading
            .clone()
            .acquire_owned()
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?;
        let rows = tokio::task::spawn_blocking(move || {
            import::open_leniently(&bytes, &mapping, &import::Bounds::upload())
        })
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
        Ok(rows.map(|rows| Opened { rows, _turn: turn }))
    }
}
