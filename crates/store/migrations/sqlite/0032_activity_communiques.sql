-- A communiqué reports a meeting or a held activity: the meeting is no longer required,
-- and exactly one of the two is named.
CREATE TABLE communiques_v2 (
    id INTEGER PRIMARY KEY,
    meeting_id BIGINT REFERENCES meetings(id),
    activity_id BIGINT REFERENCES activities(id),
    body_id BIGINT NOT NULL REFERENCES bodies(id),
    path TEXT NOT NULL,
    lang TEXT NOT NULL,
    headline TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft',
    published_at BIGINT,
    updated_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'report',
    CHECK ((meeting_id IS NULL) <> (activity_id IS NULL))
);
INSERT INTO communiques_v2 (id, meeting_id, body_id, path, lang, headline, body, status, published_at, updated_at, created_at, kind)
    SELECT id, meeting_id, body_id, path, lang, headline, body, status, published_at, updated_at, created_at, kind FROM communiques;
DROP TABLE communiques;
ALTER TABLE communiques_v2 RENAME TO communiques;
CREATE INDEX communiques_status ON communiques(status, published_at);
CREATE INDEX communiques_meeting ON communiques(meeting_id);
CREATE INDEX communiques_activity ON communiques(activity_id);
