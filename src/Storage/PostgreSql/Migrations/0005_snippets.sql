-- The playground's shared snippets: written once, read by id, never changed. Files and stdin are
-- JSON text (ASCII, escaped by the serializer) rather than jsonb or raw text: any string a client
-- sends, NUL and lone surrogates included, is stored without a conversion error.
CREATE TABLE snippets (
    cluster_id text        NOT NULL,
    id         text        NOT NULL,
    language   text        NOT NULL,
    files      text        NOT NULL,
    stdin      text,
    creator    text,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (cluster_id, id)
);
