-- Foundation: territories, bodies, accounts, sessions, tokens, login throttling, audit log.
-- Timestamps are Unix seconds (BIGINT) on both engines. Paths are territory paths
-- ("05/05.091/"): a jurisdiction is a path range.

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE territories (
    code TEXT PRIMARY KEY,
    level TEXT NOT NULL,
    kind TEXT NOT NULL,
    parent_code TEXT REFERENCES territories(code),
    path TEXT NOT NULL UNIQUE,
    name_ar TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    search_key TEXT NOT NULL,
    population BIGINT NOT NULL,
    adult_population BIGINT
);
CREATE INDEX territories_parent ON territories(parent_code, code);

CREATE TABLE bodies (
    id INTEGER PRIMARY KEY,
    organization TEXT NOT NULL,
    kind TEXT NOT NULL,
    territory_code TEXT REFERENCES territories(code),
    path TEXT NOT NULL,
    parent_id BIGINT REFERENCES bodies(id),
    name TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dissolved')),
    created_at BIGINT NOT NULL,
    dissolved_at BIGINT
);
CREATE INDEX bodies_path ON bodies(path);
CREATE INDEX bodies_parent ON bodies(parent_id);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL
);

CREATE TABLE role_assignments (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id),
    role TEXT NOT NULL,
    scope_code TEXT REFERENCES territories(code),
    scope_path TEXT NOT NULL,
    organization TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX role_assignments_user ON role_assignments(user_id);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id),
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    address TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL,
    address TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX login_failures_username ON login_failures(username, at);
CREATE INDEX login_failures_address ON login_failures(address, at);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at BIGINT NOT NULL,
    actor_id BIGINT,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target_kind TEXT,
    target_id TEXT,
    scope_path TEXT,
    address TEXT,
    detail TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_scope ON audit_log(scope_path);

-- The audit log is append-only, for the application and for anyone with a SQL prompt.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
