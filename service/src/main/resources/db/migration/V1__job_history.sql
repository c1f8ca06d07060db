-- The durable job history (docs/history.md): one row per job, written before the job is queued and
-- updated when it starts and when it finishes. Outlives the job store's result TTL.
CREATE TABLE job_history (
    job_id           text        PRIMARY KEY,
    owner            text        NOT NULL,             -- the caller (X-User-ID, later the API key's user)
    problem_id       jsonb,                            -- the problem's ProblemId as sent
    input_hash       char(64)    NOT NULL,             -- hex SHA-256 of the submitted body
    priority         text        NOT NULL CHECK (priority IN ('high', 'normal', 'low')),
    status           text        NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
    created_at       timestamptz NOT NULL,
    started_at       timestamptz,                      -- the first start (a reclaimed job starts again)
    completed_at     timestamptz,
    queue_wait_ms    bigint,                           -- created_at to the first start
    run_ms           bigint,                           -- the last attempt's start to completed_at
    solver_status    text,                             -- the result's SolverStatus
    objective        double precision,                 -- the result's Objective.Total
    attempts         integer     NOT NULL DEFAULT 0,   -- the fencing token: runs started
    worker           text,                             -- the worker of the last attempt
    error            text,
    input            text,                             -- the problem while the job is unfinished (the reconciler re-queues from it)
    result           jsonb,                            -- the worker wrapper (SPEC 9.5) until bookingopt.history.retention
    result_purged_at timestamptz,                      -- when the retention purge deleted the result
    checked_at       timestamptz                       -- the reconciler's last look at an unfinished row
);

-- A caller's jobs newest first, all or by status (GET /api/v1/jobs; the cursor is created_at + job_id).
CREATE INDEX job_history_owner_newest ON job_history (owner, created_at DESC, job_id DESC);
CREATE INDEX job_history_owner_status_newest ON job_history (owner, status, created_at DESC, job_id DESC);
-- The reconciler's scan of unfinished rows, least recently checked first.
CREATE INDEX job_history_unfinished ON job_history ((coalesce(checked_at, created_at))) WHERE status IN ('queued', 'running');
-- The retention purge's scan of kept results.
CREATE INDEX job_history_results ON job_history (completed_at) WHERE result IS NOT NULL;
