//! Reading uploaded rolls off the request path, a few at a time: reading a roll holds its
//! rows in memory for a while. Once read and checked, a roll is staged in the database
//! (`commands::imports::stage`), never kept here.

use crate::error::AppError;
use std::collections::HashMap;
use tanzim_reports::import::{self, Roll};

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
    pub(crate) async fn read(
        &self,
        bytes: axum::body::Bytes,
    ) -> Result<Result<Roll, import::ImportError>, AppError> {
        let _turn = self
            .reading
            .acquire()
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?;
        tokio::task::spawn_blocking(move || {
            import::read_bounded(&bytes, &HashMap::new(), &import::Bounds::upload())
        })
        .await
        .map_err(|e| AppError::Internal(e.to_string()))
    }
}
