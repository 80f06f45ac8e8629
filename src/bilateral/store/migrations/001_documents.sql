-- Documents as ingested: the clean text is the system of record; everything else derives from it.
CREATE TABLE documents (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    url TEXT,
    raw_hash TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    minhash BLOB,
    title TEXT,
    authors TEXT NOT NULL DEFAULT '[]',
    published TEXT,
    outlet TEXT,
    language TEXT,
    text TEXT NOT NULL,
    removed TEXT NOT NULL DEFAULT '[]',
    words INTEGER NOT NULL,
    duplicate_of TEXT,
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_text_hash ON documents (text_hash);
CREATE INDEX documents_raw_hash ON documents (raw_hash);
CREATE INDEX documents_duplicate_of ON documents (duplicate_of);

-- MinHash LSH bands: two documents sharing any (band, hash) are near-duplicate candidates.
CREATE TABLE document_bands (
    band INTEGER NOT NULL,
    hash INTEGER NOT NULL,
    document TEXT NOT NULL,
    PRIMARY KEY (band, hash, document)
) WITHOUT ROWID;
CREATE INDEX document_bands_document ON document_bands (document);

CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, text, content = 'documents', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

-- Inputs that could not be read, kept so a later `stats` still shows what was left out and why.
CREATE TABLE skipped (
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);
