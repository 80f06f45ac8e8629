"""The knowledge a store was analysed with, entry by entry, and which documents an edit of it touches.

See bilateral.knowledge.entries for what an entry is. The store keeps the digests of the last knowledge it was
analysed with and, per document, the entries whose names the document contains; after an edit, a document none
of whose changed entries it contains (before or after the edit) keeps its analysis.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterator

from bilateral.knowledge.entries import Entries
from bilateral.store.db import mark_changed, transaction


def stored_fingerprint(db: sqlite3.Connection) -> str | None:
    """The fingerprint of the knowledge the store was last analysed with; None before the first analysis."""
    row = db.execute("SELECT knowledge FROM store_state WHERE id = 1").fetchone()
    return None if row is None else row[0]


def stored_entries(db: sqlite3.Connection) -> dict[str, str]:
    """Entry id -> digest of the knowledge the store was last analysed with (empty before the first analysis)."""
    return {r[0]: r[1] for r in db.execute("SELECT entry, digest FROM knowledge_entries")}


def touched_documents(db: sqlite3.Connection, entries: Entries, changed: Collection[str]) -> set[str]:
    """Documents whose record holds a changed entry (its names as they were) or whose text contains the names
    of a changed entry as it is now (an added name can reach a document that matched nothing before)."""
    touched: set[str] = set()
    for entry in sorted(changed):
        touched |= {r[0] for r in db.execute("SELECT document FROM document_entries WHERE entry = ?", (entry,))}
    matcher = entries.matcher(changed)
    for document, text in _texts(db):
        if document not in touched and matcher.entries_in(text):
            touched.add(document)
    return touched


def _texts(db: sqlite3.Connection) -> Iterator[tuple[str, str]]:
    cursor = db.execute(
        "SELECT d.id, d.text FROM documents d JOIN analysis_results r ON r.document = d.id ORDER BY d.rowid"
    )
    while rows := cursor.fetchmany(256):
        for row in rows:
            yield row[0], row[1]


def carry_forward(
    db: sqlite3.Connection, entries: Entries, *, before: str | None, now: str, touched: Collection[str] | None
) -> int:
    """Record `entries` (fingerprint `now`) as the store's knowledge; the documents analysed with `before` that the
    edit did not touch (`touched`; None: it touched every document) count as analysed with `now`. Returns how
    many documents were carried forward."""
    with transaction(db):
        kept: list[tuple[str, str]] = []
        if before is not None and touched is not None:
            analysed = [r[0] for r in db.execute("SELECT document FROM analyses WHERE knowledge = ?", (before,))]
            kept = [(now, document) for document in analysed if document not in touched]
            db.executemany("UPDATE analyses SET knowledge = ? WHERE document = ?", kept)
        db.execute("DELETE FROM knowledge_entries")
        db.executemany("INSERT INTO knowledge_entries (entry, digest) VALUES (?, ?)", sorted(entries.digests.items()))
        db.execute("UPDATE store_state SET knowledge = ? WHERE id = 1", (now,))
        if before is not None:  # the corpus pass reads the knowledge too
            mark_changed(db, corpus_stale=True)
    return len(kept)
