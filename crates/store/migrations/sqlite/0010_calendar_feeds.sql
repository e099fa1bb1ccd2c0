-- A personal calendar feed per user: an unguessable link (stored hashed) that calendar
-- apps poll without signing in; renewing it replaces the old one.
CREATE TABLE calendar_feeds (
    user_id BIGINT PRIMARY KEY REFERENCES users(id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);
