-- How each document compares with the others: genre, partisanship, frames and tone toward its main actors.
CREATE TABLE profiles (
    document TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    genre TEXT,
    genre_score REAL,
    genre_features TEXT NOT NULL DEFAULT '[]',
    partisanship REAL
);

CREATE TABLE frames (
    document TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    frame TEXT NOT NULL,
    issue TEXT,
    score REAL NOT NULL,
    evidence TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX frames_document ON frames (document);

CREATE TABLE stances (
    document TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    actor TEXT NOT NULL,
    score REAL NOT NULL,
    evidence TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX stances_document ON stances (document);
