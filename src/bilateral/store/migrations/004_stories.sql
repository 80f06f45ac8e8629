-- What the corpus says across documents: stories (the same happening reported by several documents) and how
-- figures counting the same thing compare. Rebuilt as a whole after every analysis run.
CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    first_date TEXT,
    last_date TEXT,
    documents INTEGER NOT NULL
);

CREATE TABLE story_items (
    story TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('event', 'figure')),
    item TEXT NOT NULL,
    document TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (story, kind, item)
);
CREATE INDEX story_items_document ON story_items (document);
CREATE INDEX story_items_item ON story_items (item);

-- Two figures counting the same thing in the same period: 'agree' (within their stated approximation) or
-- 'conflict'. A figure in no row is unique. `story` is set when both figures belong to the same story.
CREATE TABLE figure_comparisons (
    figure_a TEXT NOT NULL REFERENCES figures (id) ON DELETE CASCADE,
    figure_b TEXT NOT NULL REFERENCES figures (id) ON DELETE CASCADE,
    relation TEXT NOT NULL CHECK (relation IN ('agree', 'conflict')),
    story TEXT REFERENCES stories (id) ON DELETE SET NULL,
    PRIMARY KEY (figure_a, figure_b)
);
CREATE INDEX figure_comparisons_b ON figure_comparisons (figure_b);
