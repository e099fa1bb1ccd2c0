//! Who watches long work (an export, an import, a campaign's close): the server's job row
//! or the console's progress bar.

use crate::Result;

/// Told after each batch how many rows are done and how many there are in all (once
/// known), it answers whether to go on (false: cancelled).
pub trait Progress: Send {
    fn report(
        &mut self,
        done: i64,
        total: Option<i64>,
    ) -> impl Future<Output = Result<bool>> + Send;
}

/// Long work no one watches (a close resumed without its owner).
pub struct Unwatched;

impl Progress for Unwatched {
    async fn report(&mut self, _done: i64, _total: Option<i64>) -> Result<bool> {
        Ok(true)
    }
}
