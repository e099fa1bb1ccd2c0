-- Bodies at work: position holders (with their history), committees, meetings with their
-- agenda, attendance, interventions and decisions, the minutes, and press communiqués.
-- A meeting's decisions take effect when its minutes are approved.

CREATE TABLE position_holders (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body_id BIGINT NOT NULL REFERENCES bodies(id),
    position TEXT NOT NULL,
    rank BIGINT,
    holder_name TEXT NOT NULL,
    sex TEXT NOT NULL CHECK (sex IN ('F', 'M')),
    member_id BIGINT REFERENCES members(id),
    started_on TEXT NOT NULL,
    ended_on TEXT,
    decision_id BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX position_holders_body ON position_holders(body_id, ended_on);

CREATE TABLE committees (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body_id BIGINT NOT NULL REFERENCES bodies(id),
    kind TEXT NOT NULL,
    created_on TEXT NOT NULL,
    decision_id BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX committees_body ON committees(body_id);

CREATE TABLE committee_members (
    committee_id BIGINT NOT NULL REFERENCES committees(id),
    seat BIGINT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (committee_id, seat)
);

CREATE TABLE meetings (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body_id BIGINT NOT NULL REFERENCES bodies(id),
    path TEXT COLLATE "C" NOT NULL,
    kind TEXT NOT NULL,
    held_on TEXT NOT NULL,
    starts_at TEXT,
    commune_code TEXT REFERENCES territories(code),
    place TEXT,
    slogan TEXT,
    chair_holder_id BIGINT REFERENCES position_holders(id),
    minutes TEXT,
    minutes_status TEXT NOT NULL DEFAULT 'none',
    approved_at BIGINT,
    approved_by BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX meetings_path ON meetings(path, held_on);
CREATE INDEX meetings_body ON meetings(body_id, held_on);

CREATE TABLE agenda_items (
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    seat BIGINT NOT NULL,
    title TEXT NOT NULL,
    PRIMARY KEY (meeting_id, seat)
);

CREATE TABLE attendance (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    name TEXT NOT NULL,
    title TEXT,
    holder_id BIGINT REFERENCES position_holders(id),
    guest BOOLEAN NOT NULL DEFAULT FALSE,
    presence TEXT NOT NULL
);
CREATE INDEX attendance_meeting ON attendance(meeting_id);

CREATE TABLE interventions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    speaker TEXT NOT NULL,
    agenda_seat BIGINT,
    summary TEXT NOT NULL
);
CREATE INDEX interventions_meeting ON interventions(meeting_id);

CREATE TABLE decisions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    data TEXT NOT NULL,
    summary TEXT NOT NULL,
    votes_for BIGINT,
    against BIGINT,
    abstentions BIGINT,
    applied BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX decisions_meeting ON decisions(meeting_id);

CREATE TABLE communiques (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    body_id BIGINT NOT NULL REFERENCES bodies(id),
    path TEXT COLLATE "C" NOT NULL,
    lang TEXT NOT NULL,
    headline TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft',
    published_at BIGINT,
    updated_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX communiques_status ON communiques(status, published_at);
CREATE INDEX communiques_meeting ON communiques(meeting_id);
