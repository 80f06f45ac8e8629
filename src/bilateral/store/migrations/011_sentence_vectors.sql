-- Sentence vectors the corpus pass compares (see bilateral.store.vectors): one row per sentence and model, keyed
-- by the SHA-256 of the sentence's UTF-8 text, so a later corpus pass reads them instead of encoding again. A
-- cache: dropping its rows changes no export, only the time the next corpus pass takes.
CREATE TABLE sentence_vectors (
    model TEXT NOT NULL,
    sentence BLOB NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (model, sentence)
) WITHOUT ROWID;
