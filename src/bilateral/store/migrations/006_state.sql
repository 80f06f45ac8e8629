-- The store's state in one row: whether the corpus pass (stories, figure comparisons) is out of date, and a
-- version counted up by every write, which pages cache their data against. Stores from before start stale, so
-- the next `analyze` rebuilds the corpus pass once.
CREATE TABLE store_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    corpus_stale INTEGER NOT NULL,
    version INTEGER NOT NULL
);
INSERT INTO store_state (id, corpus_stale, version) VALUES (1, 1, 0);

-- Documents the analysis skipped (a stage failed, or a bound was passed), with the reason; not retried with the
-- same knowledge unless `analyze --force`.
CREATE TABLE analysis_failures (
    document TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    knowledge TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);
