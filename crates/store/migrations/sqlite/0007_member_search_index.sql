-- Name search through the engine's text index: `search_terms` holds the folded words and
-- the marked skeleton words of a member's names (domain names::search_terms), filled by the
-- application; an FTS5 index over it answers prefix queries without scanning the roll.
-- Rows from before are filled at start (their terms are '').
ALTER TABLE members ADD COLUMN search_terms TEXT NOT NULL DEFAULT '';

CREATE VIRTUAL TABLE member_search USING fts5(
    search_terms,
    content = 'members',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '2 3'
);

-- The index follows the table inside the writing transaction.
CREATE TRIGGER members_search_insert AFTER INSERT ON members BEGIN
    INSERT INTO member_search (rowid, search_terms) VALUES (new.id, new.search_terms);
END;
CREATE TRIGGER members_search_update AFTER UPDATE OF search_terms ON members BEGIN
    INSERT INTO member_search (member_search, rowid, search_terms) VALUES ('delete', old.id, old.search_terms);
    INSERT INTO member_search (rowid, search_terms) VALUES (new.id, new.search_terms);
END;
CREATE TRIGGER members_search_delete AFTER DELETE ON members BEGIN
    INSERT INTO member_search (member_search, rowid, search_terms) VALUES ('delete', old.id, old.search_terms);
END;

-- Members whose terms are still to be filled (before this migration): found at start
-- without a scan.
CREATE INDEX members_search_unfilled ON members(id) WHERE search_terms = '';
