-- One job of a kind waiting or running per user: a second request, however close to the
-- first, finds the first instead of queueing another.
CREATE UNIQUE INDEX jobs_one_open ON jobs(owner_id, kind) WHERE state IN ('queued', 'running');
