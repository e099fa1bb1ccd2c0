-- An officer's decision on a probable duplicate: the same person (nothing written) or a
-- distinct person (added as a member, whose id is kept).
ALTER TABLE import_reviews ADD COLUMN decided_by BIGINT;
ALTER TABLE import_reviews ADD COLUMN decided_at BIGINT;
ALTER TABLE import_reviews ADD COLUMN member_id BIGINT REFERENCES members(id);
CREATE INDEX import_reviews_status_path ON import_reviews(status, path);
