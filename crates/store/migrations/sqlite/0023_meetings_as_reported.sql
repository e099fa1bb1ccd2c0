-- Meetings as the press reports them: any number of chairs, hosts that are people or
-- organizations, framers and guests of honour; speakers with their sex or as groups, with
-- the verb that introduces what they said; attendance by counts and by groups; a venue, a
-- city abroad, remote and hybrid meetings (the link kept private); unanimous votes;
-- announcements before the event; a body's French name.

CREATE TABLE meeting_leads_v2 (
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    seat BIGINT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('chair', 'co_chair', 'host', 'framer', 'honour_guest')),
    organization BOOLEAN NOT NULL DEFAULT FALSE,
    name TEXT NOT NULL,
    sex TEXT CHECK (sex IN ('F', 'M')),
    title TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, seat),
    CHECK (organization OR sex IS NOT NULL)
);
INSERT INTO meeting_leads_v2 (meeting_id, seat, role, organization, name, sex, title)
    SELECT meeting_id, CASE role WHEN 'chair' THEN 1 WHEN 'co_chair' THEN 2 ELSE 3 END, role, FALSE, name, sex, title
    FROM meeting_leads;
DROP TABLE meeting_leads;
ALTER TABLE meeting_leads_v2 RENAME TO meeting_leads;

-- A person (with a sex; none on interventions recorded before) or a group.
ALTER TABLE interventions ADD COLUMN speaker_kind TEXT NOT NULL DEFAULT 'person';
ALTER TABLE interventions ADD COLUMN speaker_sex TEXT;
ALTER TABLE interventions ADD COLUMN speaker_title TEXT;
ALTER TABLE interventions ADD COLUMN verb TEXT NOT NULL DEFAULT 'addressed';

ALTER TABLE meetings ADD COLUMN mode TEXT NOT NULL DEFAULT 'in_person';
ALTER TABLE meetings ADD COLUMN video_link TEXT;
ALTER TABLE meetings ADD COLUMN city_abroad TEXT;
ALTER TABLE meetings ADD COLUMN country TEXT;
ALTER TABLE meetings ADD COLUMN members_present_count BIGINT;
ALTER TABLE meetings ADD COLUMN members_total_count BIGINT;
ALTER TABLE meetings ADD COLUMN whole_body_present BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE meetings ADD COLUMN invited TEXT;
-- A preparatory session linked to its congress; a local congress to the provincial one.
ALTER TABLE meetings ADD COLUMN congress_id BIGINT REFERENCES meetings(id);

CREATE TABLE meeting_groups (
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    seat BIGINT NOT NULL,
    category TEXT NOT NULL CHECK (category IN ('other_body', 'sympathisers', 'guests', 'press')),
    label TEXT NOT NULL,
    sex TEXT NOT NULL CHECK (sex IN ('F', 'M')),
    count BIGINT,
    PRIMARY KEY (meeting_id, seat)
);

ALTER TABLE decisions ADD COLUMN unanimous BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE communiques ADD COLUMN kind TEXT NOT NULL DEFAULT 'report';
ALTER TABLE bodies ADD COLUMN name_fr TEXT;
