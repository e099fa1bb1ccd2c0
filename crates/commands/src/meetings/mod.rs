//! Commands on meetings: scheduling and correcting them, attendance, decisions, minutes
//! and their approval, communiqués, the positions of a body and its committees.
//!
//! Every command that writes to a meeting's record opens one transaction, locks the record
//! (`store::lock_open`), reads on that connection what its checks need, writes, appends its
//! audit entry and commits: two officers writing to one record take turns, and neither
//! writes on a state the other changed after it checked.

pub mod attendance;
pub mod calendar;
pub mod committees;
pub mod communiques;
pub mod decisions;
pub mod facts;
pub mod holders;
pub mod interventions;
pub mod invitations;
pub mod minutes;
mod profile;
pub mod record;
pub mod requests;

pub use profile::{
    holder_title, kind_ar, kind_words, level_of, position, press_name_ar, vote_rules,
};

/// Ends a write to a meeting's record: its audit entry goes in the same transaction, then
/// the transaction commits (every such write ends so; see above).
async fn commit_recorded(
    mut tx: tanzim_store::Tx,
    actor: &crate::Actor<'_>,
    meeting: &tanzim_store::meetings::Meeting,
    detail: serde_json::Value,
) -> crate::Result<()> {
    let entry = actor
        .audit(tanzim_domain::audit::AuditAction::MeetingRecorded)
        .target_of("meeting", meeting.id, &meeting.target())
        .detail(detail);
    tanzim_store::audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}
