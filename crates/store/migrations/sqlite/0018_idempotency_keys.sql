-- An API client that lost an answer retries with the same Idempotency-Key and gets the
-- first answer again instead of a second change. A key is its user's, kept for a day;
-- a row without a status is a request still running.
CREATE TABLE idempotency_keys (
    user_id BIGINT NOT NULL REFERENCES users(id),
    key TEXT NOT NULL,
    request TEXT NOT NULL,
    status BIGINT,
    content_type TEXT,
    body BLOB,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at);
