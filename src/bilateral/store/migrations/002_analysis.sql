-- What the analysis stages found. Every row points at its document and character span (provenance);
-- rows cascade away when their document is replaced or re-analysed.
CREATE TABLE analyses (
    document TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    knowledge TEXT NOT NULL,
    analysed_at TEXT NOT NULL
);

CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    sector TEXT,
    aliases TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE mentions (
    document TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    actor TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX mentions_document ON mentions (document);
CREATE INDEX mentions_actor ON mentions (actor);

CREATE TABLE places (
    document TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    country TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX places_document ON places (document);

CREATE TABLE dates (
    document TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    value TEXT NOT NULL,
    precision TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX dates_document ON dates (document);

CREATE TABLE sentences (
    document TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    issues TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX sentences_document ON sentences (document);

CREATE TABLE document_issues (
    document TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    issue TEXT NOT NULL,
    salience REAL NOT NULL,
    PRIMARY KEY (document, issue)
);

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    mode TEXT,
    source TEXT NOT NULL DEFAULT '[]',
    target TEXT NOT NULL DEFAULT '[]',
    source_countries TEXT NOT NULL DEFAULT '[]',
    target_countries TEXT NOT NULL DEFAULT '[]',
    date TEXT,
    status TEXT NOT NULL,
    issues TEXT NOT NULL DEFAULT '[]',
    evidence TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX events_document ON events (document);
CREATE INDEX events_type ON events (type);

CREATE TABLE figures (
    id TEXT PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    value REAL NOT NULL,
    unit TEXT,
    approx TEXT NOT NULL,
    counted TEXT,
    date TEXT,
    evidence TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX figures_document ON figures (document);

CREATE TABLE linkages (
    id TEXT PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    issue_a TEXT NOT NULL,
    issue_b TEXT NOT NULL,
    relation TEXT NOT NULL,
    evidence TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX linkages_document ON linkages (document);
