-- When the session's user last typed their password (at sign-in, or on the confirmation
-- page): creating tokens, granting roles and exporting members need it recent.
-- Sessions from before this column have none and are asked to confirm.
ALTER TABLE sessions ADD COLUMN reauthenticated_at BIGINT;
