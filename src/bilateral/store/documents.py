"""Writing and reading documents: one transaction per document, duplicates marked, re-ingest a no-op."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from enum import StrEnum

from bilateral.clean import dedup
from bilateral.model import Article, Skipped
from bilateral.store.db import mark_changed, transaction


class Saved(StrEnum):
    ADDED = "added"
    DUPLICATE = "duplicate"  # stored, marked duplicate_of, not analysed
    UNCHANGED = "unchanged"  # the same content was already stored: nothing written
    UPDATED = "updated"  # same id, new content: the old version and its analysis were replaced


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def is_stored(db: sqlite3.Connection, *, raw_hash: str) -> bool:
    """Cheap check before cleaning: identical bytes were ingested before."""
    return db.execute("SELECT 1 FROM documents WHERE raw_hash = ? LIMIT 1", (raw_hash,)).fetchone() is not None


def find_duplicate(
    db: sqlite3.Connection, article: Article, signature: dedup.Signature | None, *, text_hash: str
) -> str | None:
    """The id of an earlier original this article copies exactly or nearly, if any."""
    row = db.execute(
        "SELECT id FROM documents WHERE text_hash = ? AND duplicate_of IS NULL AND id != ? ORDER BY rowid LIMIT 1",
        (text_hash, article.id),
    ).fetchone()
    if row:
        return str(row["id"])
    if signature is None:
        return None
    keys = dedup.bands(signature)
    candidates = db.execute(
        "SELECT DISTINCT d.id, d.minhash, d.rowid FROM document_bands b JOIN documents d ON d.id = b.document "
        f"WHERE d.id != ? AND ({' OR '.join(['(b.band = ? AND b.hash = ?)'] * len(keys))})",
        (article.id, *[value for key in keys for value in key]),
    ).fetchall()
    best: tuple[float, int, str] | None = None
    for candidate in candidates:
        score = dedup.similarity(signature, dedup.from_blob(candidate["minhash"]))
        if score >= dedup.THRESHOLD and (best is None or (score, -candidate["rowid"]) > best[:2]):
            best = (score, -candidate["rowid"], str(candidate["id"]))
    return best[2] if best else None


def save_article(db: sqlite3.Connection, article: Article) -> Saved:
    """Store one article atomically, deciding whether it is new, a duplicate, unchanged or an update."""
    signature = dedup.signature(article.text)
    text_hash = dedup.text_hash(article.text)
    with transaction(db):
        existing = db.execute("SELECT raw_hash FROM documents WHERE id = ?", (article.id,)).fetchone()
        if existing and existing["raw_hash"] == article.raw_hash:
            return Saved.UNCHANGED
        if existing:
            delete_document(db, article.id)
        mark_changed(db, corpus_stale=bool(existing))
        duplicate_of = find_duplicate(db, article, signature, text_hash=text_hash)
        article.duplicate_of = duplicate_of
        if duplicate_of:
            lend_metadata(db, duplicate_of, article, text_hash=text_hash)
        db.execute(
            "INSERT INTO documents (id, source, url, raw_hash, text_hash, minhash, title, authors, published, "
            "outlet, language, text, removed, words, duplicate_of, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                article.source,
                article.url,
                article.raw_hash,
                text_hash,
                dedup.to_blob(signature) if signature is not None else None,
                article.title,
                json.dumps(article.authors, ensure_ascii=False),
                article.published,
                article.outlet,
                article.language,
                article.text,
                json.dumps(article.removed, ensure_ascii=False),
                len(article.text.split()),
                duplicate_of,
                now(),
            ),
        )
        # Only originals go into the LSH index, so every later copy points at the first version seen.
        if signature is not None and duplicate_of is None:
            db.executemany(
                "INSERT OR IGNORE INTO document_bands (band, hash, document) VALUES (?, ?, ?)",
                [(band, value, article.id) for band, value in dedup.bands(signature)],
            )
    if existing:
        return Saved.UPDATED
    return Saved.DUPLICATE if duplicate_of else Saved.ADDED


def lend_metadata(db: sqlite3.Connection, original: str, article: Article, *, text_hash: str) -> bool:
    """An exact copy that states what its original lacks (title, date, outlet, URL, authors) gives it to the
    original, so the richer metadata is kept whichever copy came first (a bare text file read before the JSONL
    line of the same words). The original is then analysed again: its dates resolve against its publication
    date. True when anything was filled in."""
    filled = db.execute(
        "UPDATE documents SET title = COALESCE(title, ?), published = COALESCE(published, ?), "
        "outlet = COALESCE(outlet, ?), url = COALESCE(url, ?), "
        "authors = CASE WHEN authors = '[]' THEN ? ELSE authors END "
        "WHERE id = ? AND text_hash = ? AND ((title IS NULL AND ? IS NOT NULL) OR (published IS NULL AND ? IS NOT "
        "NULL) OR (outlet IS NULL AND ? IS NOT NULL) OR (url IS NULL AND ? IS NOT NULL) OR (authors = '[]' AND ?))",
        (
            article.title, article.published, article.outlet, article.url,
            json.dumps(article.authors, ensure_ascii=False), original, text_hash, article.title, article.published,
            article.outlet, article.url, bool(article.authors),
        ),
    ).rowcount  # fmt: skip
    if filled:
        db.execute("DELETE FROM analyses WHERE document = ?", (original,))
    return bool(filled)


def delete_document(db: sqlite3.Connection, document: str) -> None:
    """Remove a document and everything derived from it (analysis rows cascade by foreign key), inside the caller's
    transaction; the corpus pass is marked out of date (the next `analyze` drops the document from it)."""
    db.execute("DELETE FROM document_bands WHERE document = ?", (document,))
    db.execute("UPDATE documents SET duplicate_of = NULL WHERE duplicate_of = ?", (document,))
    db.execute("DELETE FROM documents WHERE id = ?", (document,))
    mark_changed(db, corpus_stale=True)


def record_skipped(db: sqlite3.Connection, skipped: Skipped) -> None:
    with transaction(db):
        db.execute(
            "INSERT INTO skipped (source, reason, at) VALUES (?, ?, ?)",
            (skipped.source, skipped.reason, now()),
        )


def row_to_article(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"],
        source=row["source"],
        raw_hash=row["raw_hash"],
        text=row["text"],
        title=row["title"],
        authors=json.loads(row["authors"]),
        published=row["published"],
        outlet=row["outlet"],
        url=row["url"],
        language=row["language"],
        removed=json.loads(row["removed"]),
        duplicate_of=row["duplicate_of"],
    )


def load_article(db: sqlite3.Connection, document: str) -> Article | None:
    row = db.execute("SELECT * FROM documents WHERE id = ?", (document,)).fetchone()
    return row_to_article(row) if row else None
