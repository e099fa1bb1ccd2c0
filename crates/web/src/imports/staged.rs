//! Opening uploaded rolls off the request path, a few at a time: an upload's text (or a
//! workbook's records) is held while its rows are staged in the database
//! (`commands::imports::stage`); nothing of it is kept here after.

use crate::error::AppError;
use std::collections::HashMap;
use tanzim_reports::import::{self, Rows};

pub struct Uploads {
    reading: tokio::sync::Semaphore,
}

/// Rolls read at the same time (each up to `MAX_UPLOAD_BYTES`).
pub const READING_AT_ONCE: usize = 2;

impl Default for Uploads {
    fn default() -> Self {
        Uploads {
            reading: tokio::sync::Semaphore::new(READING_AT_ONCE),
        }
    }
}

impl Uploads {
    /// Opens an upload off the request path, a few at a time (a workbook is read whole
    /// here; a CSV's rows are read as they are staged).
    pub(crate) async fn open(
        &self,
        bytes: axum::body::Bytes,
    ) -> Result<Result<Rows, import::ImportError>, AppError> {
        let _turn = self
            .reading
            .acquire()
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?;
        tokio::task::spawn_blocking(move || {
            import::open(&bytes, &HashMap::new(), &import::Bounds::upload())
        })
        .await
        .map_err(|e| AppError::Internal(e.to_string()))
    }
}
