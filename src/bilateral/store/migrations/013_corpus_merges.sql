-- What the last corpus pass merged and filled in across documents (bilateral.store.refresh), so the next pass
-- rewrites only the documents whose rows the new merges or countries change: the actor merges in the order they
-- were applied, the country each remaining actor had, and the documents written since, whose rows hold what their
-- own analysis gave (no merge applied yet). A store from before has `corpus_merged` 0: its next pass rewrites
-- every document once.
CREATE TABLE corpus_merges (
    position INTEGER PRIMARY KEY,
    actor TEXT NOT NULL,
    into_actor TEXT NOT NULL
);
CREATE TABLE corpus_countries (
    actor TEXT PRIMARY KEY,
    country TEXT NOT NULL
);
CREATE TABLE corpus_unmerged (
    document TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE
);
ALTER TABLE store_state ADD COLUMN corpus_merged INTEGER NOT NULL DEFAULT 0;
