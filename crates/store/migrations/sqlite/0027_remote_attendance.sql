-- Who attended a hybrid meeting from afar (by video conference); an online meeting's
-- attendees are all remote, which the meeting's mode already says.
ALTER TABLE attendance ADD COLUMN remote BOOLEAN NOT NULL DEFAULT FALSE;
