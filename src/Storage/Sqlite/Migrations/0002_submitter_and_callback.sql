-- Who submitted (per-key quotas count active submissions by it) and where the result is POSTed.
ALTER TABLE submissions ADD COLUMN submitter TEXT;
ALTER TABLE submissions ADD COLUMN callback_url TEXT;
CREATE INDEX submissions_active_by_submitter ON submissions (cluster_id, submitter) WHERE status <> 'Completed';

-- Delivery attempts of callbacks are events too. SQLite cannot change a CHECK: rebuild the table.
CREATE TABLE submission_events_new (
    seq           INTEGER PRIMARY KEY,
    cluster_id    TEXT    NOT NULL,
    submission_id TEXT    NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('Accepted', 'Claimed', 'Released', 'Requeued', 'Completed', 'Callback')),
    silo_id       TEXT,
    epoch         INTEGER NOT NULL,
    at            INTEGER NOT NULL,
    detail        TEXT,
    FOREIGN KEY (cluster_id, submission_id) REFERENCES submissions (cluster_id, id) ON DELETE CASCADE
);
INSERT INTO submission_events_new SELECT seq, cluster_id, submission_id, kind, silo_id, epoch, at, detail FROM submission_events;
DROP TABLE submission_events;
ALTER TABLE submission_events_new RENAME TO submission_events;
CREATE INDEX submission_events_submission ON submission_events (cluster_id, submission_id, seq);
