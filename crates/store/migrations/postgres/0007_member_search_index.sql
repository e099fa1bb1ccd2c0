-- Name search through the engine's text index: `search_terms` holds the folded words and
-- the marked skeleton words of a member's names (domain names::search_terms), filled by the
-- application; a GIN index over them as a tsvector answers prefix queries without scanning
-- the roll. The terms are taken as they are (no parser, no dictionary, no locale).
-- Rows from before are filled at start (their terms are '').
ALTER TABLE members ADD COLUMN search_terms TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN search tsvector
    GENERATED ALWAYS AS (array_to_tsvector(string_to_array(search_terms, ' '))) STORED;
-- fastupdate off: a search never scans a pending list of recent inserts (after an import it
-- would hold hundreds of thousands of entries until the next vacuum).
CREATE INDEX members_search ON members USING gin (search) WITH (fastupdate = off);

-- Members whose terms are still to be filled (before this migration): found at start
-- without a scan.
CREATE INDEX members_search_unfilled ON members(id) WHERE search_terms = '';
