-- A review is either a probable duplicate by name and birth date ('name') or a national ID
-- already registered outside the importer's reach ('cin'). Reviews of matches outside the
-- importer's scope are filed at the territory that holds both places, for those who cover
-- both to decide.
ALTER TABLE import_reviews ADD COLUMN reason TEXT NOT NULL DEFAULT 'name';
-- The organizations an audited record belongs to (comma-separated keys), so that an
-- administrator limited to one organization reads only that organization's entries.
ALTER TABLE audit_log ADD COLUMN organization TEXT;
