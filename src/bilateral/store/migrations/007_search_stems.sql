-- Search stems English words (Porter), so `tariffs` finds "tariff" and `threatened` finds "threatens".
-- The index is external-content, so it is rebuilt from `documents`; the triggers of 001 keep it current.
DROP TABLE documents_fts;
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, text, content = 'documents', content_rowid = 'rowid', tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
