-- Operators' run-time settings (maintenance mode, warm pool sizes), one row per key per cluster.
CREATE TABLE cluster_settings (
    cluster_id text        NOT NULL,
    key        text        NOT NULL,
    value      text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cluster_id, key)
);

-- The dashboard reads completed submissions of the last minutes (percentiles, throughput) and
-- lists recent submissions newest first; neither may scan the whole history.
CREATE INDEX submissions_completed_at ON submissions (cluster_id, completed_at) WHERE status = 'Completed';
CREATE INDEX submissions_recent ON submissions (cluster_id, created_at DESC, seq DESC);
