-- Operators' run-time settings (maintenance mode, warm pool sizes), one row per key per cluster.
CREATE TABLE cluster_settings (
    cluster_id TEXT    NOT NULL,
    key        TEXT    NOT NULL,
    value      TEXT    NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (cluster_id, key)
);

-- The dashboard reads completed submissions of the last minutes and lists recent ones newest first.
CREATE INDEX submissions_completed_at ON submissions (cluster_id, completed_at) WHERE status = 'Completed';
CREATE INDEX submissions_recent ON submissions (cluster_id, created_at DESC, seq DESC);
