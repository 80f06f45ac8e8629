"""The map as one JSON document (`bilateral/map@1`, the export contract in DESIGN.md), read from the store.

Fields that later stages fill (stories) are present and empty until then.
Everything is sorted so the same store always gives byte-identical output.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from typing import Any

from bilateral.store.stats import tables

SCHEMA = "bilateral/map@1"


def _rows(db: sqlite3.Connection, table: str, sql: str) -> list[sqlite3.Row]:
    return db.execute(sql).fetchall() if table in tables(db) else []


def documents(db: sqlite3.Connection) -> list[dict[str, Any]]:
    issues: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in _rows(db, "document_issues", "SELECT * FROM document_issues ORDER BY document, salience DESC, issue"):
        issues[row["document"]].append({"issue": row["issue"], "salience": round(row["salience"], 4)})
    profiles = {row["document"]: row for row in _rows(db, "profiles", "SELECT * FROM profiles")}
    frames: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in _rows(
        db, "frames", "SELECT * FROM frames ORDER BY document, issue IS NOT NULL, issue, score DESC, frame"
    ):
        frames[row["document"]].append(
            {"frame": row["frame"], "issue": row["issue"], "score": row["score"], "evidence": _evidence(row)}
        )
    return [
        {
            "id": row["id"],
            "source": row["source"],
            "url": row["url"],
            "title": row["title"],
            "authors": json.loads(row["authors"]),
            "published": row["published"],
            "outlet": row["outlet"],
            "language": row["language"],
            "genre": profiles[row["id"]]["genre"] if row["id"] in profiles else None,
            "genre_features": json.loads(profiles[row["id"]]["genre_features"]) if row["id"] in profiles else [],
            "partisanship": profiles[row["id"]]["partisanship"] if row["id"] in profiles else None,
            "text": row["text"],
            "words": row["words"],
            "issues": issues.get(row["id"], []),
            "frames": frames.get(row["id"], []),
            "duplicate_of": row["duplicate_of"],
        }
        for row in db.execute("SELECT * FROM documents ORDER BY id")
    ]


def _evidence(row: sqlite3.Row) -> list[dict[str, Any]]:
    return [{"start": start, "end": end, "text": text} for start, end, text in json.loads(row["evidence"])]


def stances(db: sqlite3.Connection) -> list[dict[str, Any]]:
    return [
        {"document": row["document"], "actor": row["actor"], "score": row["score"], "evidence": _evidence(row)}
        for row in _rows(db, "stances", "SELECT * FROM stances ORDER BY document, actor")
    ]


def actors(db: sqlite3.Connection) -> list[dict[str, Any]]:
    seen: dict[str, tuple[set[str], int]] = defaultdict(lambda: (set(), 0))
    for row in _rows(db, "mentions", "SELECT actor, document, COUNT(*) AS n FROM mentions GROUP BY actor, document"):
        docs, count = seen[row["actor"]]
        docs.add(row["document"])
        seen[row["actor"]] = (docs, count + row["n"])
    return [
        {
            "id": row["id"],
            "name": row["name"],
            "kind": row["kind"],
            "country": row["country"],
            "sector": row["sector"],
            "aliases": json.loads(row["aliases"]),
            "documents": sorted(seen[row["id"]][0]),
            "mentions": seen[row["id"]][1],
        }
        for row in _rows(db, "actors", "SELECT * FROM actors ORDER BY id")
    ]


def events(db: sqlite3.Connection) -> list[dict[str, Any]]:
    lists = ("source", "target", "source_countries", "target_countries", "issues")
    return [
        dict(row) | {k: json.loads(row[k]) for k in lists}
        for row in _rows(db, "events", "SELECT * FROM events ORDER BY document, start, id")
    ]


def figures(db: sqlite3.Connection) -> list[dict[str, Any]]:
    return [dict(row) for row in _rows(db, "figures", "SELECT * FROM figures ORDER BY document, start, id")]


def linkages(db: sqlite3.Connection) -> list[dict[str, Any]]:
    return [
        {
            "id": row["id"],
            "document": row["document"],
            "issues": [row["issue_a"], row["issue_b"]],
            "relation": row["relation"],
            "evidence": row["evidence"],
            "start": row["start"],
            "end": row["end"],
        }
        for row in _rows(db, "linkages", "SELECT * FROM linkages ORDER BY document, start, id")
    ]


def build_map(db: sqlite3.Connection) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "documents": documents(db),
        "actors": actors(db),
        "events": events(db),
        "figures": figures(db),
        "linkages": linkages(db),
        "stories": [],
        "stances": stances(db),
    }


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
