-- Cross-script search: the consonant skeleton of a member's names (see names::skeleton),
-- filled by the application when a member is written; rows from before are filled at start.
ALTER TABLE members ADD COLUMN skeleton TEXT NOT NULL DEFAULT '';
CREATE INDEX members_phone ON members(phone);
