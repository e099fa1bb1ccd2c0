-- A job may work on a subject (a campaign's close, a staged roll's import): one open job
-- per subject, whoever asked (two officers closing one campaign share its one close);
-- jobs without one (exports) stay one open per user and kind.
ALTER TABLE jobs ADD COLUMN subject TEXT NOT NULL DEFAULT '';
DROP INDEX jobs_one_open;
CREATE UNIQUE INDEX jobs_one_open ON jobs(owner_id, kind) WHERE subject = '' AND state IN ('queued', 'running');
CREATE UNIQUE INDEX jobs_one_per_subject ON jobs(kind, subject) WHERE subject <> '' AND state IN ('queued', 'running');

-- A roll read and checked, waiting for its import or being imported: its rows live here,
-- not in the server's memory, so an import that fails or is stopped goes on where its last
-- batch ended. Each batch moves next_line and the tally in its own transaction.
CREATE TABLE staged_imports (
    id INTEGER PRIMARY KEY,
    -- NULL: the operator's command line.
    owner_id BIGINT REFERENCES users(id),
    -- How the owner's pages name it (an id would let one guess another's).
    token TEXT NOT NULL UNIQUE,
    -- The file's SHA-256, so the command line resumes the same file.
    file_hash TEXT NOT NULL,
    -- JSON: the header row, the saved mapping (header to field), and the CSV separator.
    headers TEXT NOT NULL,
    mapping TEXT NOT NULL,
    separator BIGINT NOT NULL,
    on_existing TEXT NOT NULL CHECK (on_existing IN ('update', 'report')),
    state TEXT NOT NULL CHECK (state IN ('staging', 'staged', 'importing', 'done')),
    row_count BIGINT NOT NULL,
    next_line BIGINT NOT NULL DEFAULT 0,
    -- JSON: imported, updated, unchanged, review, referred and rejected so far.
    tally TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    -- When it last changed state or moved its cursor: a roll waits an hour for its
    -- confirmation from here, one an import began a day.
    updated_at BIGINT NOT NULL,
    finished_at BIGINT
);
CREATE INDEX staged_imports_owner ON staged_imports(owner_id, created_at);

-- A staged roll's rows as the file has them (JSON array of cells), with the reason a row
-- was refused, at its check or at its import.
CREATE TABLE staged_import_rows (
    import_id BIGINT NOT NULL REFERENCES staged_imports(id) ON DELETE CASCADE,
    line BIGINT NOT NULL,
    cells TEXT NOT NULL,
    reason TEXT,
    PRIMARY KEY (import_id, line)
);
