"""Full-text search over documents (SQLite FTS5, Porter-stemmed), ranked by BM25 with the title above the body.

A query is plain words by default: each word or "quoted phrase" is quoted for FTS5, so `U.S.`, `US-Mexico`,
`O'Brien` or `$3.5 billion` are searched as written, `-word` leaves out documents with the word and `word*` is a
prefix. FTS5's own syntax (AND/OR/NOT, NEAR, column filters) is used when asked (`syntax=True`), or when the
query is a well-formed expression with an operator in capitals or a trailing `*`.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from bilateral.errors import BadQuery, StoreLocked

# Whole-word operators and prefix stars that make a query look like an FTS5 expression.
OPERATORS = re.compile(r'(^|\s)(AND|OR|NOT)(\s|$)|\bNEAR\(|\w\*|^\w+:|"\s*\*')
WORDS = re.compile(r'(-?)"([^"]*)"(\*?)|(\S+)')


@dataclass(frozen=True)
class Hit:
    document: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    score: float


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def plain_query(query: str) -> str:
    """FTS5 for plain words: every word or "phrase" quoted, `-word` excluded, `word*` a prefix.

    Raises BadQuery when nothing is left to look for (only punctuation, or only excluded words).
    """
    wanted: list[str] = []
    excluded: list[str] = []
    for match in WORDS.finditer(query):
        negated, phrase, star, word = match.groups()
        if phrase is None:
            negated = "-" if word.startswith("-") and len(word) > 1 else ""
            word = word.removeprefix("-") if negated else word
            star = "*" if word.endswith("*") else ""
            phrase = word.rstrip("*").replace('"', "")
        if not re.search(r"\w", phrase) or (not match.group(2) and phrase in ("AND", "OR", "NOT")):
            continue  # punctuation alone matches nothing; an operator left over from a malformed expression
        (excluded if negated else wanted).append(_phrase(phrase) + star)
    if not wanted:
        raise BadQuery(
            f"nothing to look for in {query!r}", hint="give at least one word to find (a word with - is left out)"
        )
    return " ".join(wanted) + "".join(f" NOT {term}" for term in excluded)


def _well_formed(db: sqlite3.Connection, expression: str) -> bool:
    try:
        db.execute("SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? LIMIT 1", (expression,)).fetchall()
    except sqlite3.OperationalError:
        return False
    return True


def expression(db: sqlite3.Connection, query: str, *, syntax: bool = False) -> str:
    """The FTS5 expression to run: the query itself when `syntax` or when it is a well-formed expression, else
    the plain-words reading of it."""
    if not query.strip():
        raise BadQuery("the search query is empty")
    if syntax or (OPERATORS.search(query) and _well_formed(db, query)):
        return query
    return plain_query(query)


def _where(
    query: str, outlet: str | None, since: str | None, until: str | None, include_duplicates: bool
) -> tuple[str, list[object]]:
    where = ["documents_fts MATCH ?"]
    params: list[object] = [query]
    if outlet:
        where.append("d.outlet = ?")
        params.append(outlet)
    if since:
        where.append("d.published >= ?")
        params.append(since)
    if until:
        # A bare date includes that whole day (published may carry a time).
        where.append("substr(d.published, 1, length(?)) <= ?")
        params.extend([until, until])
    if not include_duplicates:
        where.append("d.duplicate_of IS NULL")
    return " AND ".join(where), params


def _run(db: sqlite3.Connection, sql: str, params: list[object], query: str) -> list[sqlite3.Row]:
    try:
        return db.execute(sql, params).fetchall()
    except sqlite3.OperationalError as e:
        # The SQL around the MATCH is fixed, so any error but a lock is the user's query syntax.
        if "locked" in str(e) or "busy" in str(e):
            raise StoreLocked("the database is busy; try the search again") from e
        raise BadQuery(f"cannot understand the search query {query!r} ({e})") from e


def search(
    db: sqlite3.Connection,
    query: str,
    *,
    syntax: bool = False,
    limit: int = 20,
    offset: int = 0,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    include_duplicates: bool = False,
    mark: tuple[str, str] = ("[", "]"),
) -> list[Hit]:
    """Documents matching the query (see the module docstring), best first.

    `since`/`until` are YYYY[-MM[-DD]] bounds on the publication date, both included. A malformed FTS5
    expression (with `syntax=True`) or a query with nothing to look for raises BadQuery, never a crash.
    """
    match = expression(db, query, syntax=syntax)
    where, params = _where(match, outlet, since, until, include_duplicates)
    sql = (
        "SELECT d.id, d.title, d.outlet, d.published, "
        "snippet(documents_fts, 1, ?, ?, '…', 16) AS snippet, bm25(documents_fts, 5.0, 1.0) AS score "
        "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
        f"WHERE {where} ORDER BY score, d.id LIMIT ? OFFSET ?"
    )
    rows = _run(db, sql, [*mark, *params, limit, offset], query)
    return [
        Hit(row["id"], row["title"], row["outlet"], row["published"], row["snippet"], -float(row["score"]))
        for row in rows
    ]


def count(
    db: sqlite3.Connection,
    query: str,
    *,
    syntax: bool = False,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    include_duplicates: bool = False,
) -> int:
    """How many documents match: the hit count `search` pages through."""
    where, params = _where(expression(db, query, syntax=syntax), outlet, since, until, include_duplicates)
    sql = f"SELECT COUNT(*) FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid WHERE {where}"
    return int(_run(db, sql, params, query)[0][0])
