-- A fuller meeting record: a chair, co-chair or host who may come from another level;
-- arrivals and departures, delegates' weights and proxies (so each vote knows who was in
-- the room); when each decision was taken; the programmes that decisions adopt; the
-- invitation list; a calendar feed per body; which membership committee decided an
-- application; and committee members linked to their member record.

CREATE TABLE meeting_leads (
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    role TEXT NOT NULL CHECK (role IN ('chair', 'co_chair', 'host')),
    name TEXT NOT NULL,
    sex TEXT NOT NULL CHECK (sex IN ('F', 'M')),
    title TEXT NOT NULL,
    PRIMARY KEY (meeting_id, role)
);

ALTER TABLE attendance ADD COLUMN arrived_at TEXT;
ALTER TABLE attendance ADD COLUMN left_at TEXT;
ALTER TABLE attendance ADD COLUMN weight BIGINT NOT NULL DEFAULT 1;
ALTER TABLE attendance ADD COLUMN proxy_to TEXT;

ALTER TABLE decisions ADD COLUMN taken_at TEXT;

CREATE TABLE programmes (
    id INTEGER PRIMARY KEY,
    body_id BIGINT NOT NULL REFERENCES bodies(id),
    path TEXT NOT NULL,
    title TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    activities TEXT NOT NULL,
    decision_id BIGINT NOT NULL REFERENCES decisions(id),
    adopted_on TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX programmes_body ON programmes(body_id, starts_on);

CREATE TABLE invitations (
    id INTEGER PRIMARY KEY,
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    name TEXT NOT NULL,
    title TEXT,
    holder_id BIGINT REFERENCES position_holders(id),
    guest BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL,
    UNIQUE (meeting_id, name)
);

CREATE TABLE body_calendar_feeds (
    user_id BIGINT NOT NULL REFERENCES users(id),
    body_id BIGINT NOT NULL REFERENCES bodies(id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, body_id)
);

ALTER TABLE applications ADD COLUMN committee_id BIGINT REFERENCES committees(id);
ALTER TABLE committee_members ADD COLUMN member_id BIGINT REFERENCES members(id);

-- What the meeting is for, beside its slogan.
ALTER TABLE meetings ADD COLUMN goals TEXT;
