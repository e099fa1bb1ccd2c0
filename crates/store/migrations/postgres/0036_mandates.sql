-- Public mandates members hold (issue 16). `path` is the member's, so that whoever may
-- see the member sees their mandates; `seat_path` is the seat's territory (a commune, a
-- constituency's province, a region), by which lists and counts go.
CREATE TABLE mandates (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id BIGINT NOT NULL REFERENCES members(id),
    path TEXT NOT NULL,
    kind TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    ending TEXT CHECK (ending IN ('term', 'resignation', 'annulment', 'death')),
    seat_code TEXT REFERENCES territories(code),
    seat_path TEXT,
    list TEXT,
    seat_body TEXT,
    rank BIGINT,
    election TEXT,
    body_id BIGINT REFERENCES bodies(id),
    created_by BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX mandates_member ON mandates(member_id, starts_on);
CREATE INDEX mandates_seat ON mandates(seat_path, kind);
CREATE INDEX mandates_path ON mandates(path, kind);
