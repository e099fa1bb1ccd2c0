-- A calendar app subscribes to a body's timetable by a secret address: one feed a user
-- and body, read with the user's scope at every fetch, kept as its token's hash.
CREATE TABLE timetable_feeds (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id),
    body_id BIGINT NOT NULL REFERENCES bodies(id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT
);
CREATE INDEX timetable_feeds_user ON timetable_feeds(user_id, body_id);
