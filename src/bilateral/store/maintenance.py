"""Looking after a store: checking it is whole (`bilateral check`) and copying it while it is in use
(`bilateral backup`, SQLite's online backup API)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bilateral.errors import StoreError
from bilateral.export.atomic import replacing
from bilateral.store.db import connect, corpus_stale, snapshot, uri

# Tables whose rows point at a span of their document's text: (table, column holding that span's text or None).
SPANS = (
    ("mentions", "text"), ("places", "text"), ("dates", "text"), ("sentences", None),
    ("events", "evidence"), ("figures", "evidence"), ("linkages", "evidence"),
)  # fmt: skip
SHOWN = 5  # problems listed per check


@dataclass(frozen=True)
class Finding:
    """One check's result: `ok`, and what was found (problems first, at most SHOWN of them)."""

    check: str
    ok: bool
    detail: str


def check_store(path: Path) -> list[Finding]:
    """Every check of the store at `path`, read in one snapshot; nothing is written."""
    db = connect(path, readonly=True)
    try:
        with snapshot(db):
            findings = [_integrity(db), _foreign_keys(db), _offsets(db), _corpus(db)]
    finally:
        db.close()
    return [*findings, _search_index(path)]


def _integrity(db: sqlite3.Connection) -> Finding:
    rows = [row[0] for row in db.execute("PRAGMA integrity_check")]
    return Finding("integrity", rows == ["ok"], "; ".join(rows[:SHOWN]))


def _foreign_keys(db: sqlite3.Connection) -> Finding:
    rows = db.execute("PRAGMA foreign_key_check").fetchall()
    shown = ", ".join(f"{row[0]} row {row[1]} → {row[2]}" for row in rows[:SHOWN])
    return Finding("foreign keys", not rows, shown or "every row points at a stored row")


def _offsets(db: sqlite3.Connection) -> Finding:
    problems: list[str] = []
    count = 0
    for table, column in SPANS:
        quoted = f't."{column}"' if column else "NULL"
        rows = db.execute(
            f'SELECT t.document, t.start, t."end", {quoted} AS said, d.text IS NULL AS missing, '
            f'length(d.text) AS size, substr(d.text, t.start + 1, t."end" - t.start) AS span '
            f"FROM {table} t LEFT JOIN documents d ON d.id = t.document"
        )
        for row in rows:
            count += 1
            if row["missing"]:
                problems.append(f"{table}: document {row['document']} is gone")
            elif not 0 <= row["start"] <= row["end"] <= row["size"]:
                problems.append(f"{table}: [{row['start']}, {row['end']}) outside {row['document']}")
            elif column and row["said"] != row["span"]:
                problems.append(f"{table}: text[{row['start']}:{row['end']}] of {row['document']} is not its {column}")
    detail = "; ".join(problems[:SHOWN]) + (f" (and {len(problems) - SHOWN} more)" if len(problems) > SHOWN else "")
    return Finding("offsets", not problems, detail or f"{count:,} spans are text[start:end] of their document")


def _corpus(db: sqlite3.Connection) -> Finding:
    if corpus_stale(db):
        return Finding("corpus pass", False, "stories and figure comparisons are out of date — run `bilateral analyze`")
    return Finding("corpus pass", True, "stories and figure comparisons match the analyses")


def _search_index(path: Path) -> Finding:
    """FTS5's own check of the index against the documents table (a write statement, rolled back)."""
    db = sqlite3.connect(f"{uri(path)}?mode=rw", uri=True)
    db.isolation_level = None
    try:
        db.execute("BEGIN")
        db.execute("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)")
        return Finding("search index", True, "in step with the documents")
    except sqlite3.DatabaseError as e:
        return Finding("search index", False, f"{e} — rebuild it with a new store, or report this")
    finally:
        if db.in_transaction:
            db.execute("ROLLBACK")
        db.close()


def backup(path: Path, target: Path) -> Path:
    """A consistent copy of the store at `path` written to `target` (replaced atomically), taken with SQLite's
    backup API in one step, so it is safe while `serve` reads or `analyze` writes."""
    if target.resolve() == path.resolve():
        raise StoreError("the backup would overwrite the store itself", hint="give another file name")
    source = connect(path, readonly=True)
    try:
        with replacing(target) as temporary:
            copy = sqlite3.connect(temporary)
            try:
                source.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
            finally:
                copy.close()
    finally:
        source.close()
    return target
