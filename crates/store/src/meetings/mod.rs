//! Bodies at work: who holds which position (with history), committees, meetings and what
//! is recorded in them, the minutes (approval locks them and gives the decisions effect),
//! and press communiqués with their publication. The records and their reads are in
//! `records`, the writes, each in its command's transaction, in `write`.

mod records;
pub mod requests;
mod write;

pub use records::*;
pub use write::*;
