-- A communiqué reports a meeting or a held activity: the meeting is no longer required,
-- and exactly one of the two is named.
ALTER TABLE communiques ALTER COLUMN meeting_id DROP NOT NULL;
ALTER TABLE communiques ADD COLUMN activity_id BIGINT REFERENCES activities(id);
ALTER TABLE communiques ADD CONSTRAINT communiques_reports_one CHECK ((meeting_id IS NULL) <> (activity_id IS NULL));
CREATE INDEX communiques_activity ON communiques(activity_id);
