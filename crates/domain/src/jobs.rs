//! Jobs: long work that the server's worker runs beside the requests (member exports and
//! imports, campaign closes), what state each is in, and how far it has gone.

/// A file a job leaves is kept this long, then removed (downloaded or not).
pub const KEPT_SECS: i64 = 24 * 3600;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    MemberExport,
    MemberImport,
    CampaignClose,
}

impl JobKind {
    pub fn as_str(self) -> &'static str {
        match self {
            JobKind::MemberExport => "member-export",
            JobKind::MemberImport => "member-import",
            JobKind::CampaignClose => "campaign-close",
        }
    }

    pub fn parse(s: &str) -> Option<JobKind> {
        [
            JobKind::MemberExport,
            JobKind::MemberImport,
            JobKind::CampaignClose,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }

    /// Whether its owner may stop it half-way: an export (its part is removed) and an
    /// import (the batches in stay in, the rest waits to be confirmed again) may; a close
    /// may not, since a campaign half closed has lapsed some of its members and not others.
    pub fn cancellable(self) -> bool {
        !matches!(self, JobKind::CampaignClose)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobState {
    Queued,
    Running,
    Done,
    Failed,
    Cancelled,
}

impl JobState {
    pub fn as_str(self) -> &'static str {
        match self {
            JobState::Queued => "queued",
            JobState::Running => "running",
            JobState::Done => "done",
            JobState::Failed => "failed",
            JobState::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<JobState> {
        [
            JobState::Queued,
            JobState::Running,
            JobState::Done,
            JobState::Failed,
            JobState::Cancelled,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }

    /// Still to run or running: its page keeps refreshing, and it may be cancelled.
    pub fn is_open(self) -> bool {
        matches!(self, JobState::Queued | JobState::Running)
    }
}

/// The formats a member export is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Xlsx,
}

impl ExportFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
        }
    }

    pub fn parse(s: &str) -> Option<ExportFormat> {
        match s {
            "csv" => Some(ExportFormat::Csv),
            "xlsx" => Some(ExportFormat::Xlsx),
            _ => None,
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            ExportFormat::Csv => "text/csv; charset=utf-8",
            ExportFormat::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        }
    }
}

/// How far a job has gone, as its page and the API show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: i64,
    /// Unknown until the job has counted its work.
    pub total: Option<i64>,
    /// Whole percent, 0 to 100, once the total is known.
    pub percent: Option<i64>,
    /// Rows a second since the job started, once it has run a second.
    pub rate: Option<i64>,
    /// Seconds left at that rate.
    pub seconds_left: Option<i64>,
}

impl Progress {
    /// `done` of `total` after `elapsed` seconds of running.
    pub fn new(done: i64, total: Option<i64>, elapsed: Option<i64>) -> Progress {
        let percent = total.map(|t| match t {
            0 => 100,
            t => (done.clamp(0, t) * 100) / t,
        });
        let rate = elapsed.filter(|s| *s > 0).map(|s| done / s);
        let seconds_left = match (total, rate) {
            (Some(t), Some(r)) if r > 0 => Some(((t - done).max(0) + r - 1) / r),
            _ => None,
        };
        Progress {
            done,
            total,
            percent,
            rate,
            seconds_left,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_figures() {
        // 2,500 of 10,000 in 5 s: 25 %, 500 a second, 15 s left.
        assert_eq!(
            Progress::new(2500, Some(10_000), Some(5)),
            Progress {
                done: 2500,
                total: Some(10_000),
                percent: Some(25),
                rate: Some(500),
                seconds_left: Some(15)
            }
        );
        // Not started counting: nothing but what is done.
        let p = Progress::new(0, None, None);
        assert_eq!((p.percent, p.rate, p.seconds_left), (None, None, None));
        // An empty export is whole at once; 1,001 left at 1,000 a second is 2 s.
        assert_eq!(Progress::new(0, Some(0), Some(0)).percent, Some(100));
        assert_eq!(
            Progress::new(1000, Some(2001), Some(1)).seconds_left,
            Some(2)
        );
        // Under a second of running gives no rate yet.
        assert_eq!(Progress::new(10, Some(20), Some(0)).rate, None);
    }

    #[test]
    fn names_round_trip() {
        assert_eq!(JobState::parse("cancelled"), Some(JobState::Cancelled));
        assert_eq!(JobState::parse("stopped"), None);
        assert_eq!(ExportFormat::parse("xlsx"), Some(ExportFormat::Xlsx));
        assert_eq!(JobKind::parse("member-export"), Some(JobKind::MemberExport));
        assert_eq!(
            JobKind::parse("campaign-close"),
            Some(JobKind::CampaignClose)
        );
        assert_eq!(JobKind::parse("member-import"), Some(JobKind::MemberImport));
        assert_eq!(JobKind::parse("close"), None);
        assert!(!JobKind::CampaignClose.cancellable() && JobKind::MemberImport.cancellable());
        assert!(JobState::Running.is_open() && !JobState::Done.is_open());
    }
}
