-- Requests raised at a meeting (المطالب): what is asked, by whom, of which body (and which
-- official of it), by when; the answer the addressed body gives closes it. The raising
-- body is the meeting's; scopes filter through the bodies' paths.
CREATE TABLE meeting_requests (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    body_id BIGINT NOT NULL REFERENCES bodies(id),
    addressed_body_id BIGINT NOT NULL REFERENCES bodies(id),
    text TEXT NOT NULL,
    requested_by TEXT,
    addressed_to TEXT,
    due_on TEXT,
    answer TEXT,
    answered_on TEXT,
    answered_by BIGINT,
    answered_at BIGINT,
    created_by BIGINT,
    created_at BIGINT NOT NULL,
    CHECK ((answer IS NULL) = (answered_on IS NULL))
);
CREATE INDEX meeting_requests_meeting ON meeting_requests(meeting_id, id);
CREATE INDEX meeting_requests_addressed ON meeting_requests(addressed_body_id, answered_on, id);
CREATE INDEX meeting_requests_body ON meeting_requests(body_id, answered_on);
