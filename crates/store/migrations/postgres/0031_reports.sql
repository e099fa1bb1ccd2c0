-- Periodic reports a body sends up to the body above it (its parent): a quarter, a year,
-- or a free period ending on the day of a meeting. The figures are computed from the data
-- while the report is a draft and frozen (JSON) when it is submitted, so the parent reads
-- what was sent. `parent_id` is the parent at filing: a body moved later keeps its reports
-- where they were sent.
CREATE TABLE reports (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body_id BIGINT NOT NULL REFERENCES bodies(id),
    parent_id BIGINT NOT NULL REFERENCES bodies(id),
    kind TEXT NOT NULL CHECK (kind IN ('quarterly', 'yearly', 'meeting')),
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'submitted', 'acknowledged', 'returned')),
    achievements TEXT NOT NULL DEFAULT '',
    difficulties TEXT NOT NULL DEFAULT '',
    requests TEXT NOT NULL DEFAULT '',
    figures TEXT,
    submitted_on TEXT,
    submitted_by BIGINT,
    reviewed_on TEXT,
    reviewed_by BIGINT,
    review_comment TEXT,
    created_by BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK (starts_on <= ends_on),
    CHECK ((status = 'draft') OR (figures IS NOT NULL))
);
CREATE INDEX reports_body ON reports(body_id, kind, starts_on);
CREATE INDEX reports_parent ON reports(parent_id, status, ends_on);

-- The reports an agenda item of a meeting hears (article 001: the regional secretariat
-- hears the provincial secretaries' reports).
CREATE TABLE report_hearings (
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    seat BIGINT NOT NULL,
    report_id BIGINT NOT NULL REFERENCES reports(id),
    PRIMARY KEY (meeting_id, report_id)
);
CREATE INDEX report_hearings_report ON report_hearings(report_id);

-- The figures as of a day: a territory's counters corrected by the history periods that
-- changed since the day, found by the day first (a region's path range holds every one of
-- its periods; those opened after a day, or closed after it, are few): the first index
-- also gives the members who joined in a period; the year's renewals of a territory; a
-- body's activities and published communiqués of a period.
CREATE INDEX member_history_asof ON member_history(valid_from, path, valid_to, status, event, member_id);
CREATE INDEX member_history_closed ON member_history(valid_to, path) WHERE valid_to IS NOT NULL;
CREATE INDEX payments_renewals ON payments(year, path, paid_on, member_id);
CREATE INDEX activities_body ON activities(body_id, starts_on);
CREATE INDEX communiques_body ON communiques(body_id, status, published_at);
