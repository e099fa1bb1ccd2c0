-- Corrections to approved minutes: the approved text stays as it was; each amendment is
-- kept with its reason, author and time.
CREATE TABLE minutes_amendments (
    id INTEGER PRIMARY KEY,
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    text TEXT NOT NULL,
    reason TEXT NOT NULL,
    made_by BIGINT,
    made_at BIGINT NOT NULL
);
CREATE INDEX minutes_amendments_meeting ON minutes_amendments(meeting_id, id);
