-- The probable-duplicate check of imports looks members up by folded name and birth date.
-- Probable duplicates met during an import (same folded name and birth date as a member,
-- another or no CIN): kept for an officer to review, never merged silently.
CREATE TABLE import_reviews (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cin TEXT NOT NULL,
    matched_member_id BIGINT NOT NULL REFERENCES members(id),
    path TEXT COLLATE "C" NOT NULL,
    data TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    created_at BIGINT NOT NULL,
    UNIQUE (cin, matched_member_id)
);
CREATE INDEX import_reviews_path ON import_reviews(path);
CREATE INDEX members_name_birth ON members(name_key, birth_date);
