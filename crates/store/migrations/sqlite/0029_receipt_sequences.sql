-- Receipt numbers generated per body and year (the profile's pattern), beside those an
-- officer types from a paper receipt book.
CREATE TABLE receipt_sequences (
    body_id BIGINT NOT NULL,
    year BIGINT NOT NULL,
    last_value BIGINT NOT NULL,
    PRIMARY KEY (body_id, year)
);
