-- A campaign is closed in batches, each in its own transaction, so that other writers get
-- through: while it closes, `closing_since` is set (payments stop) and `closing_by` keeps
-- who asked, so that a close interrupted by a restart resumes under the same name.
ALTER TABLE campaigns ADD COLUMN closing_since BIGINT;
ALTER TABLE campaigns ADD COLUMN closing_by BIGINT;
