-- The W3C traceparent of the span that accepted a submission: the silo that runs it continues
-- that trace, so one trace covers the HTTP request, the claim and the sandbox run.
ALTER TABLE submissions ADD COLUMN trace_parent text;
