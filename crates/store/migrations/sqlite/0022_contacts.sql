-- Sympathisers and contacts (متعاطفون): people who are not members, recorded with their
-- consent, scoped by the commune they live in like members, never counted as members.
-- Erasure empties every personal column and keeps the row (its place, its status, the
-- application it became), so the audit log's entries still point at something.
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'converted', 'erased')),
    first_name_ar TEXT,
    last_name_ar TEXT,
    first_name_lat TEXT,
    last_name_lat TEXT,
    -- Folded words and skeletons of the names (see names::search_terms), for the search.
    search_terms TEXT NOT NULL DEFAULT '',
    sex TEXT CHECK (sex IN ('F', 'M')),
    birth_date TEXT,
    cin TEXT,
    phone TEXT,
    email TEXT,
    notes TEXT,
    commune_code TEXT NOT NULL REFERENCES territories(code),
    -- The commune's path: what scopes filter by.
    path TEXT NOT NULL,
    -- The affiliated organization whose sympathiser this is; NULL for the party itself.
    organization TEXT,
    consent_on TEXT,
    consent_source TEXT CHECK (consent_source IN ('meeting', 'activity', 'form', 'referral', 'import')),
    consent_wording TEXT,
    application_id BIGINT REFERENCES applications(id),
    created_by BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    erased_at BIGINT,
    CHECK ((status = 'converted') = (application_id IS NOT NULL) OR status = 'erased'),
    CHECK (status = 'erased' OR (consent_on IS NOT NULL AND consent_source IS NOT NULL AND consent_wording IS NOT NULL))
);
CREATE INDEX contacts_path ON contacts(path, id);
CREATE INDEX contacts_phone ON contacts(phone);
