-- The embedded store's schema: the same tables as PostgreSQL's, in SQLite's types. Times are UTC
-- ticks (100 ns) in INTEGER columns, so they compare and subtract exactly; JSON is TEXT; ids are
-- TEXT in their "D" form.

CREATE TABLE silos (
    cluster_id   TEXT    NOT NULL,
    silo_id      TEXT    NOT NULL,
    silo_name    TEXT    NOT NULL,
    address      TEXT    NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('Active', 'ShuttingDown', 'Dead', 'Left')),
    started_at   INTEGER NOT NULL,
    heartbeat_at INTEGER NOT NULL,
    load         TEXT    NOT NULL,
    PRIMARY KEY (cluster_id, silo_id)
);

CREATE TABLE submissions (
    -- The rowid: breaks ties between submissions created in the same tick.
    seq              INTEGER PRIMARY KEY,
    cluster_id       TEXT    NOT NULL,
    id               TEXT    NOT NULL,
    idempotency_key  TEXT,
    language         TEXT    NOT NULL,
    priority         INTEGER NOT NULL,
    status           TEXT    NOT NULL CHECK (status IN ('Queued', 'Running', 'Completed')),
    request          TEXT    NOT NULL,
    result           TEXT,
    owner            TEXT,
    epoch            INTEGER NOT NULL DEFAULT 0,
    attempts         INTEGER NOT NULL DEFAULT 0,
    cancel_requested INTEGER NOT NULL DEFAULT 0,
    created_at       INTEGER NOT NULL,
    started_at       INTEGER,
    completed_at     INTEGER,
    UNIQUE (cluster_id, id)
);

CREATE UNIQUE INDEX submissions_idempotency_key
    ON submissions (cluster_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

-- The queue, holding queued rows only: claims walk it in order, and counting reads nothing else.
CREATE INDEX submissions_queue
    ON submissions (cluster_id, language, priority DESC, created_at, seq) WHERE status = 'Queued';

CREATE INDEX submissions_running_owner
    ON submissions (cluster_id, owner) WHERE status = 'Running';

CREATE TABLE submission_events (
    seq           INTEGER PRIMARY KEY,
    cluster_id    TEXT    NOT NULL,
    submission_id TEXT    NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('Accepted', 'Claimed', 'Released', 'Requeued', 'Completed')),
    silo_id       TEXT,
    epoch         INTEGER NOT NULL,
    at            INTEGER NOT NULL,
    detail        TEXT,
    FOREIGN KEY (cluster_id, submission_id) REFERENCES submissions (cluster_id, id) ON DELETE CASCADE
);

CREATE INDEX submission_events_submission ON submission_events (cluster_id, submission_id, seq);
