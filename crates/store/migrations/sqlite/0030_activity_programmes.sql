-- Activity programmes (برنامج العمل): a body's plan for a period, drafted by its officers
-- and adopted by a meeting's decision when the minutes are approved; after that it
-- changes only by recorded amendments. Programmes adopted before this migration keep
-- their activities as text lines (`listed`).
CREATE TABLE programmes_v2 (
    id INTEGER PRIMARY KEY,
    body_id BIGINT NOT NULL REFERENCES bodies(id),
    path TEXT NOT NULL,
    title TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    listed TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'adopted')),
    decision_id BIGINT REFERENCES decisions(id),
    adopted_on TEXT,
    created_by BIGINT,
    created_at BIGINT NOT NULL,
    CHECK ((status = 'adopted') = (adopted_on IS NOT NULL))
);
INSERT INTO programmes_v2 (id, body_id, path, title, starts_on, ends_on, listed, status, decision_id, adopted_on, created_at)
    SELECT id, body_id, path, title, starts_on, ends_on, activities, 'adopted', decision_id, adopted_on, created_at FROM programmes;
DROP TABLE programmes;
ALTER TABLE programmes_v2 RENAME TO programmes;
CREATE INDEX programmes_body ON programmes(body_id, starts_on);

-- An activity of a programme. `path` and `organization` are the body's, so that a
-- timetable folds in every body below a territory with one range; `themes` holds the
-- profile's theme keys between commas (",media,youth,"). A postponed activity keeps the
-- day it was first set for in `postponed_from`; a held one its counts and summary.
CREATE TABLE activities (
    id INTEGER PRIMARY KEY,
    programme_id BIGINT NOT NULL REFERENCES programmes(id),
    body_id BIGINT NOT NULL REFERENCES bodies(id),
    path TEXT NOT NULL,
    organization TEXT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    themes TEXT NOT NULL DEFAULT ',',
    audience TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    commune_code TEXT,
    online BOOLEAN NOT NULL DEFAULT FALSE,
    responsible TEXT,
    guests TEXT NOT NULL DEFAULT '',
    budget_centimes BIGINT,
    status TEXT NOT NULL DEFAULT 'planned'
        CHECK (status IN ('planned', 'scheduled', 'held', 'postponed', 'cancelled')),
    postponed_from TEXT,
    cancel_reason TEXT,
    held_on TEXT,
    attended_men BIGINT,
    attended_women BIGINT,
    attended_under35 BIGINT,
    speakers TEXT,
    summary TEXT,
    meeting_id BIGINT REFERENCES meetings(id),
    folded_into BIGINT REFERENCES bodies(id),
    move_asked TEXT,
    created_by BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX activities_programme ON activities(programme_id, starts_on);
CREATE INDEX activities_path ON activities(path, starts_on);
CREATE INDEX activities_day ON activities(starts_on, path);
CREATE INDEX activities_folded ON activities(folded_into, starts_on);

-- The history of an adopted programme: each amendment, postponement, cancellation,
-- fold and request to move, with its reason and the fields before and after (JSON).
CREATE TABLE activity_changes (
    id INTEGER PRIMARY KEY,
    activity_id BIGINT NOT NULL REFERENCES activities(id),
    programme_id BIGINT NOT NULL REFERENCES programmes(id),
    change TEXT NOT NULL,
    reason TEXT,
    before_json TEXT,
    after_json TEXT,
    created_by BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX activity_changes_programme ON activity_changes(programme_id, id);
CREATE INDEX activity_changes_activity ON activity_changes(activity_id, id);

-- Photographs of a held activity, their location data stripped, kept with their hash.
CREATE TABLE activity_photos (
    id INTEGER PRIMARY KEY,
    activity_id BIGINT NOT NULL REFERENCES activities(id),
    sha256 TEXT NOT NULL,
    mime TEXT NOT NULL,
    content BLOB NOT NULL,
    created_by BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX activity_photos_activity ON activity_photos(activity_id, id);
