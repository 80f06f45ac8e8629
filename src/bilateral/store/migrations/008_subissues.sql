-- Finer agenda issues (issues.yaml `subissues`: territory and borders, technology and sanctions, history and
-- justice, drugs and crime …), each rolling up to one of the eight exported issues, with its salience.
CREATE TABLE document_subissues (
    document TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    issue TEXT NOT NULL,
    subissue TEXT NOT NULL,
    salience REAL NOT NULL,
    PRIMARY KEY (document, subissue)
);
