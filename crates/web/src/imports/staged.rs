//! Rolls uploaded from the browser between their preview and their confirmation.

use crate::error::AppError;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tanzim_reports::import::{self, Roll};
use tanzim_reports::roll::Summary;
use tanzim_store::imports::OnExisting;

/// Uploaded rolls waiting for confirmation, an hour at most, each visible to its uploader
/// only. What is kept is the file as uploaded (never its parsed rows, which take ten times
/// the room): a few per user, a bounded total, the oldest dropped first; the roll is read
/// again to import it or to list its rejected rows.
pub struct Uploads {
    staged: Mutex<Vec<(String, Upload)>>,
    /// Rolls being read at once: reading a roll holds its rows in memory for a while.
    reading: tokio::sync::Semaphore,
}

/// Files a user may have waiting at once.
pub const STAGED_PER_USER: usize = 2;
/// Bytes of files waiting, all users together.
pub const STAGED_BYTES: usize = 64 * 1024 * 1024;
/// Rolls read at the same time (each up to `MAX_UPLOAD_BYTES`).
pub const READING_AT_ONCE: usize = 2;
const STAGED_FOR: Duration = Duration::from_secs(3600);

impl Default for Uploads {
    fn default() -> Self {
        Uploads {
            staged: Mutex::new(Vec::new()),
            reading: tokio::sync::Semaphore::new(READING_AT_ONCE),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stage {
    Previewed,
    Importing,
    Done,
}

pub(crate) struct Upload {
    pub(crate) user_id: i64,
    pub(crate) at: Instant,
    pub(crate) bytes: axum::body::Bytes,
    pub(crate) on_existing: OnExisting,
    pub(crate) stage: Stage,
    /// The last report (preview, then result), for the rejected rows' file.
    pub(crate) summary: Summary,
}

impl Uploads {
    pub(crate) fn put(&self, id: String, upload: Upload) {
        let Ok(mut staged) = self.staged.lock() else {
            return;
        };
        staged.retain(|(_, u)| u.at.elapsed() < STAGED_FOR);
        let user = upload.user_id;
        while staged.iter().filter(|(_, u)| u.user_id == user).count() >= STAGED_PER_USER {
            match staged.iter().position(|(_, u)| u.user_id == user) {
                Some(oldest) => staged.remove(oldest),
                None => break,
            };
        }
        while !staged.is_empty()
            && staged.iter().map(|(_, u)| u.bytes.len()).sum::<usize>() + upload.bytes.len()
                > STAGED_BYTES
        {
            staged.remove(0);
        }
        staged.push((id, upload));
    }
    pub(crate) fn with<T>(
        &self,
        id: &str,
        user_id: i64,
        f: impl FnOnce(&mut Upload) -> T,
    ) -> Option<T> {
        let mut staged = self.staged.lock().ok()?;
        staged
            .iter_mut()
            .find(|(key, u)| key == id && u.user_id == user_id && u.at.elapsed() < STAGED_FOR)
            .map(|(_, u)| f(u))
    }
    /// Bytes of files waiting (for tests of the bound).
    pub fn staged_bytes(&self) -> usize {
        self.staged
            .lock()
            .map(|s| s.iter().map(|(_, u)| u.bytes.len()).sum())
            .unwrap_or(0)
    }

    /// Reads a roll off the request path, a few at a time.
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

#[cfg(test)]
mod tests {
    use super::*;

    fn staged(user_id: i64, size: usize) -> Upload {
        Upload {
            user_id,
            at: Instant::now(),
            bytes: axum::body::Bytes::from(vec![b'x'; size]),
            on_existing: OnExisting::Report,
            stage: Stage::Previewed,
            summary: Summary::default(),
        }
    }

    #[test]
    fn staged_uploads_are_bounded_per_user_and_in_all() {
        let uploads = Uploads::default();
        let mib = 1024 * 1024;
        uploads.put("a1".into(), staged(1, mib));
        uploads.put("a2".into(), staged(1, mib));
        uploads.put("a3".into(), staged(1, mib));
        // Two per user: the oldest went.
        assert!(uploads.with("a1", 1, |_| ()).is_none());
        assert!(uploads.with("a2", 1, |_| ()).is_some());
        assert!(uploads.with("a3", 1, |_| ()).is_some());
        // Another user cannot reach them.
        assert!(uploads.with("a3", 2, |_| ()).is_none());
        // 64 MiB in all: three 20 MiB files from three users leave room for the next only
        // by dropping the oldest.
        for user in 2..=4 {
            uploads.put(format!("b{user}"), staged(user, 20 * mib));
        }
        assert_eq!(uploads.staged_bytes(), 62 * mib);
        uploads.put("b5".into(), staged(5, 20 * mib));
        assert!(uploads.staged_bytes() <= STAGED_BYTES);
        assert!(
            uploads.with("a2", 1, |_| ()).is_none(),
            "the oldest went first"
        );
        assert!(uploads.with("b5", 5, |_| ()).is_some());
    }
}
