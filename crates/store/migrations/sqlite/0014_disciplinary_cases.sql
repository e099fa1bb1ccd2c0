-- Disciplinary cases: the ethics committee of a body opens a case about a member, records
-- hearings and documents, and decides. A decision that changes the member's status does it
-- in the same transaction; the member's history names the case (`case:<id>`).
CREATE TABLE disciplinary_cases (
    id INTEGER PRIMARY KEY,
    body_id BIGINT NOT NULL REFERENCES bodies(id),
    committee_id BIGINT NOT NULL REFERENCES committees(id),
    member_id BIGINT NOT NULL REFERENCES members(id),
    -- The body's path: what scopes filter by.
    path TEXT NOT NULL,
    grounds TEXT NOT NULL,
    opened_on TEXT NOT NULL,
    opened_by BIGINT,
    opened_at BIGINT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'decided')),
    decision TEXT CHECK (decision IN ('no_action', 'warning', 'suspension', 'expulsion')),
    decided_on TEXT,
    suspended_until TEXT,
    reasons TEXT,
    -- Contact details on file when decided, to notify the member once channels exist.
    notify_phone BOOLEAN,
    notify_email BOOLEAN,
    decided_by BIGINT,
    decided_at BIGINT,
    CHECK ((status = 'open') = (decision IS NULL)),
    CHECK ((decision = 'suspension') = (suspended_until IS NOT NULL))
);
CREATE INDEX disciplinary_cases_body ON disciplinary_cases(body_id, id);
CREATE INDEX disciplinary_cases_member ON disciplinary_cases(member_id, id);
CREATE INDEX disciplinary_cases_path ON disciplinary_cases(path);

CREATE TABLE case_hearings (
    id INTEGER PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES disciplinary_cases(id),
    held_on TEXT NOT NULL,
    heard TEXT NOT NULL,
    summary TEXT NOT NULL,
    recorded_by BIGINT,
    recorded_at BIGINT NOT NULL
);
CREATE INDEX case_hearings_case ON case_hearings(case_id, held_on);

-- Documents are kept in the database with the case (at most 5 MiB each): one backup holds
-- the whole file, and access is the case's.
CREATE TABLE case_documents (
    id INTEGER PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES disciplinary_cases(id),
    title TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    uploaded_by BIGINT,
    uploaded_at BIGINT NOT NULL
);
CREATE INDEX case_documents_case ON case_documents(case_id, id);
