"""What is in the store: counts a person checks after a run."""

from __future__ import annotations

import sqlite3
from typing import Any

# Derived tables counted when present (later migrations add them).
COUNTED = ("actors", "mentions", "events", "figures", "linkages", "stories")


def tables(db: sqlite3.Connection) -> set[str]:
    return {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def store_stats(db: sqlite3.Connection) -> dict[str, Any]:
    documents = db.execute(
        "SELECT COUNT(*) AS n, COALESCE(SUM(words), 0) AS words, "
        "SUM(duplicate_of IS NOT NULL) AS duplicates FROM documents"
    ).fetchone()
    stats: dict[str, Any] = {
        "documents": documents["n"],
        "duplicates": documents["duplicates"] or 0,
        "words": documents["words"],
        "skipped": db.execute("SELECT COUNT(*) FROM skipped").fetchone()[0],
        "languages": {
            row[0] or "unknown": row[1]
            for row in db.execute("SELECT language, COUNT(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1")
        },
        "outlets": {
            row[0] or "unknown": row[1]
            for row in db.execute("SELECT outlet, COUNT(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20")
        },
    }
    present = tables(db)
    if "analysis_failures" in present:  # skipped by the analysis: a stage failed or a bound was passed
        stats["not analysed"] = db.execute("SELECT COUNT(*) FROM analysis_failures").fetchone()[0]
    for table in COUNTED:
        if table in present:
            stats[table] = db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    return stats
