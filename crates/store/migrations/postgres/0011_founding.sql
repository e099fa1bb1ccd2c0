-- Founding a body: a body may be created "in formation" with a founding committee and a
-- target date; the founding meeting's approved minutes constitute it.
ALTER TABLE bodies ADD COLUMN founding_target TEXT;
ALTER TABLE bodies ADD COLUMN founding_committee TEXT;
ALTER TABLE bodies ADD COLUMN constituted_on TEXT;
