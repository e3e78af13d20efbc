-- Retention deletes the oldest completed submissions in batches; this finds them without a scan.
CREATE INDEX submissions_completed ON submissions (cluster_id, completed_at) WHERE status = 'Completed';
