-- Membership, submissions and their events. Every row carries cluster_id, so several clusters can
-- share one database; every key and index leads with it.

CREATE TABLE silos (
    cluster_id   text        NOT NULL,
    silo_id      text        NOT NULL,
    silo_name    text        NOT NULL,
    address      text        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('Active', 'ShuttingDown', 'Dead', 'Left')),
    started_at   timestamptz NOT NULL,
    heartbeat_at timestamptz NOT NULL,
    load         jsonb       NOT NULL,
    PRIMARY KEY (cluster_id, silo_id)
);

CREATE TABLE submissions (
    cluster_id       text        NOT NULL,
    id               uuid        NOT NULL,
    -- Breaks ties between submissions created in the same microsecond: "oldest first" is a total order.
    seq              bigint      GENERATED ALWAYS AS IDENTITY,
    idempotency_key  text,
    language         text        NOT NULL,
    priority         integer     NOT NULL,
    status           text        NOT NULL CHECK (status IN ('Queued', 'Running', 'Completed')),
    request          jsonb       NOT NULL,
    result           jsonb,
    owner            text,
    epoch            bigint      NOT NULL DEFAULT 0,
    attempts         integer     NOT NULL DEFAULT 0,
    cancel_requested boolean     NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL,
    started_at       timestamptz,
    completed_at     timestamptz,
    PRIMARY KEY (cluster_id, id)
);

CREATE UNIQUE INDEX submissions_idempotency_key
    ON submissions (cluster_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

-- The queue, holding queued rows only: claims walk it in order with FOR UPDATE SKIP LOCKED, and
-- counting it reads nothing else. KEDA's PostgreSQL scaler runs
--     SELECT count(*) FROM submissions WHERE cluster_id = '<cluster>' AND status = 'Queued'
-- against this schema; this index keeps that query cheap however many rows have completed.
CREATE INDEX submissions_queue
    ON submissions (cluster_id, language, priority DESC, created_at, seq) WHERE status = 'Queued';

-- Recovery finds a dead silo's running submissions.
CREATE INDEX submissions_running_owner
    ON submissions (cluster_id, owner) WHERE status = 'Running';

CREATE TABLE submission_events (
    seq           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cluster_id    text        NOT NULL,
    submission_id uuid        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('Accepted', 'Claimed', 'Released', 'Requeued', 'Completed')),
    silo_id       text,
    epoch         bigint      NOT NULL,
    at            timestamptz NOT NULL DEFAULT now(),
    detail        text,
    FOREIGN KEY (cluster_id, submission_id) REFERENCES submissions (cluster_id, id) ON DELETE CASCADE
);

CREATE INDEX submission_events_submission ON submission_events (cluster_id, submission_id, seq);
