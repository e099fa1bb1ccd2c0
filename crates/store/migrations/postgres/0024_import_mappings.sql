-- The columns a user mapped by hand on the import page, remembered for their next files:
-- a header (folded: case, accents, hamza and signs do not count) and the field it holds
-- ('-' for a column left aside). Only choices that differ from the known headers are kept.
CREATE TABLE import_mappings (
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    header TEXT NOT NULL,
    field TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, header)
);
