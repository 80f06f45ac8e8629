-- Incremental runs after a knowledge edit (see bilateral.knowledge.entries).
-- `knowledge_entries`: the digest of each pack entry of the knowledge the store was last analysed with (entry id ->
-- digest; the id '' holds the digest of everything else the packs hold); `store_state.knowledge` is that
-- knowledge's fingerprint. `document_entries`: the entries whose names each analysed document contains.
-- `analysis_results`: each document's analysis as the stages returned it, before the corpus pass changed it
-- (zlib-compressed JSON), from which the per-document tables are rewritten when some documents are analysed again.
-- Documents analysed before this migration have no stored result and are analysed again once.
CREATE TABLE knowledge_entries (
    entry TEXT PRIMARY KEY,
    digest TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE document_entries (
    entry TEXT NOT NULL,
    document TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (entry, document)
) WITHOUT ROWID;
CREATE INDEX document_entries_document ON document_entries (document);
CREATE TABLE analysis_results (
    document TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    result BLOB NOT NULL
);
ALTER TABLE store_state ADD COLUMN knowledge TEXT;
