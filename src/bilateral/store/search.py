"""Full-text search over documents (SQLite FTS5), ranked by BM25 with the title weighted above the body."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from bilateral.errors import BadQuery, StoreLocked


@dataclass(frozen=True)
class Hit:
    document: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    score: float


def search(
    db: sqlite3.Connection,
    query: str,
    *,
    limit: int = 20,
    offset: int = 0,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    include_duplicates: bool = False,
    mark: tuple[str, str] = ("[", "]"),
) -> list[Hit]:
    """Documents matching an FTS5 query, best first; a malformed query raises BadQuery, never a crash."""
    if not query.strip():
        raise BadQuery("the search query is empty")
    where = ["documents_fts MATCH ?"]
    params: list[object] = [query]
    if outlet:
        where.append("d.outlet = ?")
        params.append(outlet)
    if since:
        where.append("d.published >= ?")
        params.append(since)
    if until:
        where.append("d.published <= ?")
        params.append(until)
    if not include_duplicates:
        where.append("d.duplicate_of IS NULL")
    sql = (
        "SELECT d.id, d.title, d.outlet, d.published, "
        "snippet(documents_fts, 1, ?, ?, '…', 16) AS snippet, bm25(documents_fts, 5.0, 1.0) AS score "
        "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
        f"WHERE {' AND '.join(where)} ORDER BY score, d.id LIMIT ? OFFSET ?"
    )
    try:
        rows = db.execute(sql, (*mark, *params, limit, offset)).fetchall()
    except sqlite3.OperationalError as e:
        # The SQL around the MATCH is fixed, so any error but a lock is the user's query syntax.
        if "locked" in str(e) or "busy" in str(e):
            raise StoreLocked("the database is busy; try the search again") from e
        raise BadQuery(f"cannot understand the search query {query!r} ({e})") from e
    return [
        Hit(row["id"], row["title"], row["outlet"], row["published"], row["snippet"], -float(row["score"]))
        for row in rows
    ]
