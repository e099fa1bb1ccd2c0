//! The meeting page as steps in order (preparation, attendance, interventions, decisions,
//! minutes, communiqué), each saying its state; the first not yet done (after the last
//! done) is open, and the one a form just wrote to (`?step=`). And the warnings the record deserves: a holder named at
//! the meeting who holds the position only from a later day.

use super::shared::*;

/// The steps, in order.
pub(super) const STEPS: [&str; 6] = [
    "preparation",
    "attendance",
    "interventions",
    "decisions",
    "minutes",
    "communique",
];

/// Each step's heading state and whether it is open.
pub(super) struct Steps {
    states: Vec<String>,
    open: Vec<bool>,
}

impl Steps {
    /// The steps of the record as it stands; `asked` is the step a form just wrote to, and
    /// every step is open when the page shows an error (the form at fault is among them).
    pub(super) fn of(ctx: &Ctx, d: &MeetingDetail, asked: Option<&str>, error: bool) -> Steps {
        let tr = &ctx.tr;
        let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        let attendance_taken = !d.attendance.is_empty()
            || d.meeting.whole_body_present
            || d.meeting.members_present_count.is_some();
        let published = d
            .communiques
            .iter()
            .any(|c| c.status == rules::CommuniqueStatus::Published);
        // Approved minutes close the record: its steps are behind.
        let locked = d.meeting.locked();
        let done = [
            locked || !d.agenda.is_empty() && (!d.invitations.is_empty() || attendance_taken),
            locked || attendance_taken,
            locked || !d.interventions.is_empty(),
            locked || !d.decisions.is_empty(),
            locked,
            published,
        ];
        let states = vec![
            tr.count("meeting-step-agenda-count", count(d.agenda.len())),
            if attendance_taken {
                tr.count("meeting-step-present", count(d.members_present))
            } else {
                tr.t("meeting-step-not-taken")
            },
            tr.count(
                "meeting-step-interventions-count",
                count(d.interventions.len()),
            ),
            tr.count("meeting-step-decisions-count", count(d.decisions.len())),
            tr.t(&format!("minutes-{}", d.meeting.minutes_status)),
            tr.count("meeting-step-communiques-count", count(d.communiques.len())),
        ];
        // The first step not done after the last one done (a meeting with no intervention
        // whose decisions are recorded is at its minutes), or the last when all are.
        let current = match done.iter().rposition(|x| *x) {
            None => 0,
            Some(last) => (last + 1..STEPS.len())
                .find(|i| !done[*i])
                .unwrap_or(STEPS.len() - 1),
        };
        let open = STEPS
            .iter()
            .enumerate()
            .map(|(i, key)| error || i == current || asked == Some(*key))
            .collect();
        Steps { states, open }
    }

    fn index(key: &str) -> usize {
        STEPS.iter().position(|k| *k == key).unwrap_or(0)
    }

    pub(super) fn open(&self, key: &str) -> bool {
        self.open[Self::index(key)]
    }

    pub(super) fn state(&self, key: &str) -> &str {
        &self.states[Self::index(key)]
    }
}

/// The step a form's answer opens, if it names one of them.
pub(super) fn asked(step: Option<&str>) -> Option<&'static str> {
    step.and_then(|s| STEPS.iter().find(|k| **k == s).copied())
}

/// One warning for each holder named at the meeting (its chair, an attendee invited as a
/// holder) who holds the position only from a day after the meeting.
pub(super) async fn late_holders(
    state: &AppState,
    ctx: &Ctx,
    b: &Body,
    d: &MeetingDetail,
) -> Result<Vec<String>, AppError> {
    let held = d.meeting.held_on.date();
    let mut ids: Vec<i64> = d.meeting.chair_holder_id.into_iter().collect();
    ids.extend(d.attendance.iter().filter_map(|a| a.holder_id));
    ids.dedup();
    let mut seen = Vec::new();
    let mut warnings = Vec::new();
    for id in ids {
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        let Some(h) = store::holder(&state.db, id).await? else {
            continue;
        };
        if rules::holds_only_after(h.started_on.date(), held) {
            warnings.push(ctx.tr.with(
                "meeting-warning-holder-after",
                &[
                    ("name", &h.holder_name),
                    ("title", &holder_title(state, b, &h)?),
                    ("since", &ctx.tr.day(h.started_on.date())),
                    ("held", &ctx.tr.day(held)),
                ],
            ));
        }
    }
    Ok(warnings)
}
