"""The SQLite store: connection settings, versioned migrations, one transaction per unit of work.

The database file is the system of record; exports and the search index derive from it. Migrations are the
numbered `.sql` files beside this module, applied in order and recorded in `PRAGMA user_version`.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from bilateral.errors import DiskFull, StoreError, StoreLocked

BUSY_TIMEOUT_MS = 30_000


@cache
def migrations() -> list[tuple[int, str]]:
    """(version, sql) for every migration file, in order (read once per process)."""
    folder = resources.files("bilateral.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            found.append((int(entry.name.split("_", 1)[0]), entry.read_text(encoding="utf-8")))
    return sorted(found)


def uri(path: Path) -> str:
    """The `file:` URI of a store path: every character a URI gives a meaning to (`#`, `?`, `%` …) escaped, so
    `st#1.db` opens `st#1.db` and not `st`."""
    return "file:" + quote(os.fsencode(path.absolute()), safe="/")


def connect(path: Path | str, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (and if needed create and migrate) the store at `path`."""
    path = Path(path)
    if readonly:
        if not path.exists():
            raise StoreError(f"no database at {path}", hint="run `bilateral ingest` or `bilateral run` first")
        db = sqlite3.connect(f"{uri(path)}?mode=ro", uri=True, check_same_thread=False)
    else:
        if path.parent and not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, check_same_thread=False)
    # Transactions are opened explicitly with `transaction()`; autocommit otherwise.
    db.isolation_level = None
    db.row_factory = sqlite3.Row
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            migrate(db)
        else:
            check_version(db)
    except sqlite3.DatabaseError as e:
        db.close()
        raise _translate(e, path) from e
    return db


def _translate(error: sqlite3.Error, path: Path) -> Exception:
    if isinstance(error, sqlite3.OperationalError) and "full" in str(error):
        return DiskFull(f"the disk is full: cannot write to {path}")
    if "locked" in str(error) or "busy" in str(error):
        return StoreLocked(f"database {path} is locked")
    return StoreError(f"cannot use database {path}: {error}")


def check_version(db: sqlite3.Connection) -> int:
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    latest = migrations()[-1][0]
    if version > latest:
        raise StoreError(
            f"the database is at schema version {version}, newer than this bilateral knows ({latest})",
            hint="upgrade bilateral, or use --db with another file",
        )
    return version


def migrate(db: sqlite3.Connection) -> int:
    """Apply every migration newer than the database's version; returns the version reached."""
    version = check_version(db)
    for number, sql in migrations():
        if number <= version:
            continue
        with transaction(db):
            for statement in _statements(sql):
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {number}")
        version = number
    return version


def _statements(sql: str) -> Iterator[str]:
    """Split a migration into statements (sqlite3.complete_statement respects trigger bodies)."""
    buffer = ""
    for line in sql.splitlines(keepends=True):
        if not buffer and line.lstrip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""
    if buffer.strip():
        yield buffer.strip()


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One atomic unit: everything inside is written, or nothing is."""
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as e:
        raise StoreLocked("the database is locked by another writer") from e
    try:
        yield db
        db.execute("COMMIT")
    except BaseException as e:
        if db.in_transaction:
            db.execute("ROLLBACK")
        if isinstance(e, sqlite3.OperationalError) and "full" in str(e):
            raise DiskFull("the disk is full: the last change was not stored (nothing half-written)") from e
        raise


def mark_changed(db: sqlite3.Connection, *, corpus_stale: bool) -> None:
    """Count up the store version; with `corpus_stale`, also mark the corpus pass out of date.

    Call inside the transaction that makes the change, so the mark and the change are written together or not at
    all (a run killed after a document's analysis leaves the mark set, and the next run rebuilds the corpus pass).
    """
    db.execute(
        "UPDATE store_state SET version = version + 1, corpus_stale = MAX(corpus_stale, ?) WHERE id = 1",
        (int(corpus_stale),),
    )


def store_version(db: sqlite3.Connection) -> int:
    """A number that changes with every write to the store (0 for a store from before it was kept)."""
    try:
        row = db.execute("SELECT version FROM store_state WHERE id = 1").fetchone()
    except sqlite3.OperationalError:
        return 0
    return int(row[0]) if row else 0


def set_dyad(db: sqlite3.Connection, pair: tuple[str, str]) -> None:
    """Record the pair of countries the user named (`--dyad`), as "AAA-BBB"."""
    with db:
        db.execute("UPDATE store_state SET dyad = ? WHERE id = 1", ("-".join(pair),))
        mark_changed(db, corpus_stale=False)


def named_dyad(db: sqlite3.Connection) -> tuple[str, str] | None:
    """The pair of countries the user named with `--dyad`, or None (none named, or a store from before)."""
    try:
        row = db.execute("SELECT dyad FROM store_state WHERE id = 1").fetchone()
    except sqlite3.OperationalError:
        return None
    if not row or not row[0]:
        return None
    first, second = str(row[0]).split("-")
    return first, second


def corpus_stale(db: sqlite3.Connection) -> bool:
    """Whether stories and figure comparisons must be rebuilt (a document's analysis changed since)."""
    try:
        row = db.execute("SELECT corpus_stale FROM store_state WHERE id = 1").fetchone()
    except sqlite3.OperationalError:
        return True
    return bool(row[0]) if row else True


@contextmanager
def snapshot(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One read transaction: every query inside sees the same committed state of the store (a WAL snapshot),
    however many writes other processes commit meanwhile. Nested use joins the outer snapshot."""
    if db.in_transaction:
        yield db
        return
    db.execute("BEGIN DEFERRED")
    # The snapshot starts at the first read, so read once now.
    db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone()
    try:
        yield db
    finally:
        db.execute("ROLLBACK")
