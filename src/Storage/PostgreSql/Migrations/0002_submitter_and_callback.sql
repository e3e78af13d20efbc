-- Who submitted (per-key quotas count active submissions by it) and where the result is POSTed.
ALTER TABLE submissions ADD COLUMN submitter text;
ALTER TABLE submissions ADD COLUMN callback_url text;
CREATE INDEX submissions_active_by_submitter ON submissions (cluster_id, submitter) WHERE status <> 'Completed';

-- Delivery attempts of callbacks are events too.
ALTER TABLE submission_events DROP CONSTRAINT submission_events_kind_check;
ALTER TABLE submission_events ADD CONSTRAINT submission_events_kind_check
    CHECK (kind IN ('Accepted', 'Claimed', 'Released', 'Requeued', 'Completed', 'Callback'));
