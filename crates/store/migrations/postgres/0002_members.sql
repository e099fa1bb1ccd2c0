-- Members: the registry, its history (status and branch over time), consents,
-- applications, renewal campaigns with their dues schedule, and payments.
-- Dates (birth, join, validity, payment) are ISO text 'YYYY-MM-DD', compared as text.

CREATE TABLE member_sequences (
    province_code TEXT PRIMARY KEY,
    last_value BIGINT NOT NULL
);

CREATE TABLE members (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    first_name_ar TEXT,
    last_name_ar TEXT,
    first_name_lat TEXT,
    last_name_lat TEXT,
    name_key TEXT NOT NULL,
    sex TEXT NOT NULL CHECK (sex IN ('F', 'M')),
    birth_date TEXT NOT NULL,
    cin TEXT NOT NULL UNIQUE,
    phone TEXT,
    email TEXT,
    address TEXT,
    commune_code TEXT NOT NULL REFERENCES territories(code),
    path TEXT COLLATE "C" NOT NULL,
    profession TEXT,
    education TEXT,
    affiliations TEXT NOT NULL DEFAULT '',
    joined_on TEXT NOT NULL,
    status TEXT NOT NULL,
    status_since TEXT NOT NULL,
    suspended_until TEXT,
    paid_year BIGINT,
    consent_contact BOOLEAN NOT NULL DEFAULT FALSE,
    consent_public BOOLEAN NOT NULL DEFAULT FALSE,
    notes TEXT,
    card_token TEXT NOT NULL UNIQUE,
    application_id BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX members_path ON members(path);
CREATE INDEX members_status_path ON members(status, path);

CREATE TABLE member_history (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id BIGINT NOT NULL REFERENCES members(id),
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    status TEXT NOT NULL,
    commune_code TEXT NOT NULL,
    path TEXT COLLATE "C" NOT NULL,
    event TEXT NOT NULL,
    reason TEXT,
    decision TEXT,
    changed_by BIGINT,
    changed_at BIGINT NOT NULL
);
CREATE INDEX member_history_member ON member_history(member_id, id);
CREATE INDEX member_history_path ON member_history(path, valid_from);

CREATE TABLE consents (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id BIGINT NOT NULL REFERENCES members(id),
    kind TEXT NOT NULL,
    granted BOOLEAN NOT NULL,
    given_on TEXT NOT NULL,
    source TEXT NOT NULL,
    wording_version TEXT NOT NULL,
    recorded_by BIGINT,
    recorded_at BIGINT NOT NULL
);
CREATE INDEX consents_member ON consents(member_id, id);

CREATE TABLE applications (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected')),
    source TEXT NOT NULL CHECK (source IN ('public', 'officer')),
    first_name_ar TEXT,
    last_name_ar TEXT,
    first_name_lat TEXT,
    last_name_lat TEXT,
    name_key TEXT NOT NULL,
    sex TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    cin TEXT NOT NULL,
    phone TEXT,
    email TEXT,
    address TEXT,
    commune_code TEXT NOT NULL REFERENCES territories(code),
    path TEXT COLLATE "C" NOT NULL,
    profession TEXT,
    education TEXT,
    affiliations TEXT NOT NULL DEFAULT '',
    consent_contact BOOLEAN NOT NULL,
    consent_public BOOLEAN NOT NULL,
    consent_version TEXT NOT NULL,
    submitted_at BIGINT NOT NULL,
    entered_by BIGINT,
    decided_by BIGINT,
    decided_at BIGINT,
    reason TEXT,
    member_id BIGINT REFERENCES members(id)
);
CREATE INDEX applications_status_path ON applications(status, path);
CREATE INDEX applications_cin ON applications(cin);

CREATE TABLE campaigns (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body_id BIGINT NOT NULL REFERENCES bodies(id),
    year BIGINT NOT NULL,
    opens_on TEXT NOT NULL,
    closes_on TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    path TEXT COLLATE "C" NOT NULL,
    created_by BIGINT,
    created_at BIGINT NOT NULL,
    closed_at BIGINT,
    lapsed_count BIGINT,
    UNIQUE (body_id, year)
);
CREATE INDEX campaigns_path ON campaigns(path);

CREATE TABLE dues_categories (
    campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
    key TEXT NOT NULL,
    label TEXT NOT NULL,
    amount BIGINT NOT NULL,
    position BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, key)
);

CREATE TABLE payments (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id BIGINT NOT NULL REFERENCES members(id),
    campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
    year BIGINT NOT NULL,
    category TEXT NOT NULL,
    amount BIGINT NOT NULL,
    method TEXT NOT NULL,
    receipt TEXT NOT NULL,
    body_id BIGINT NOT NULL REFERENCES bodies(id),
    paid_on TEXT NOT NULL,
    path TEXT COLLATE "C" NOT NULL,
    recorded_by BIGINT,
    recorded_at BIGINT NOT NULL,
    UNIQUE (body_id, receipt),
    UNIQUE (member_id, year)
);
CREATE INDEX payments_campaign ON payments(campaign_id);
