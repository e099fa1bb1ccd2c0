-- Long work that the server's worker runs beside the requests (a member export now;
-- others to come): what it is, whose it is, how far it has gone, and what it left (a
-- file, downloaded once, removed after a day). A job survives a restart: one left
-- running is started again, since each kind can start over safely.
CREATE TABLE jobs (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind TEXT NOT NULL,
    owner_id BIGINT NOT NULL REFERENCES users(id),
    params TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed', 'cancelled')),
    cancel_requested BOOLEAN NOT NULL DEFAULT FALSE,
    done BIGINT NOT NULL DEFAULT 0,
    total BIGINT,
    file TEXT,
    file_name TEXT,
    error TEXT,
    created_at BIGINT NOT NULL,
    started_at BIGINT,
    finished_at BIGINT,
    downloaded_at BIGINT
);
CREATE INDEX jobs_owner ON jobs(owner_id, created_at);
CREATE INDEX jobs_state ON jobs(state);
