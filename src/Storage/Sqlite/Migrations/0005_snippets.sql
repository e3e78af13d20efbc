-- The playground's shared snippets: written once, read by id, never changed. Files and stdin are
-- JSON text, as in PostgreSQL's schema; created_at is UTC ticks like every other time here.
CREATE TABLE snippets (
    cluster_id TEXT    NOT NULL,
    id         TEXT    NOT NULL,
    language   TEXT    NOT NULL,
    files      TEXT    NOT NULL,
    stdin      TEXT,
    creator    TEXT,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (cluster_id, id)
);
