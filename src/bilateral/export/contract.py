"""The map as one JSON document (`bilateral/map@1`, the export contract in DESIGN.md), read from the store.

Beyond the contract's fields: `figure_comparisons` (figures that agree or conflict, with both sentences) and
`coverage` (outlets × issues and stories, and the gaps).
Everything is sorted so the same store always gives byte-identical output.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from typing import Any

from bilateral.compare.coverage import coverage
from bilateral.store.stats import tables

SCHEMA = "bilateral/map@1"


def _rows(db: sqlite3.Connection, table: str, sql: str) -> list[sqlite3.Row]:
    return db.execute(sql).fetchall() if table in tables(db) else []


def documents(db: sqlite3.Connection) -> list[dict[str, Any]]:
    issues: dict[str, list[dict[str, Any]]] = defaultdict(list)
    finer: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    sql = "SELECT * FROM document_subissues ORDER BY document, salience DESC, subissue"
    for row in _rows(db, "document_subissues", sql):
        finer[row["document"], row["issue"]].append(
            {"subissue": row["subissue"], "salience": round(row["salience"], 4)}
        )
    for row in _rows(db, "document_issues", "SELECT * FROM document_issues ORDER BY document, salience DESC, issue"):
        issues[row["document"]].append(
            {
                "issue": row["issue"],
                "salience": round(row["salience"], 4),
                "subissues": finer.get((row["document"], row["issue"]), []),
            }
        )
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


EVENT_LISTS = ("source", "target", "source_countries", "target_countries", "issues")  # JSON arrays in the store
STORE_ONLY = ("dated_by_story",)  # the store's own mark of a month given by the corpus pass stays inside


def event(row: sqlite3.Row) -> dict[str, Any]:
    """One stored event row as the contract gives it: its columns, less the store's own marks, with the list columns
    (actor ids, country codes, issue ids) read from JSON. Raises KeyError when the row lacks a list column."""
    return {k: v for k, v in dict(row).items() if k not in STORE_ONLY} | {k: json.loads(row[k]) for k in EVENT_LISTS}


def events(db: sqlite3.Connection) -> list[dict[str, Any]]:
    """Events as the contract gives them (see `event`), by document, start and id."""
    return [event(row) for row in _rows(db, "events", "SELECT * FROM events ORDER BY document, start, id")]


def figures(db: sqlite3.Connection) -> list[dict[str, Any]]:
    """Figures with what they were compared with; `agreement` is conflict, agree or unique (compared with none)."""
    compared: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in _rows(db, "figure_comparisons", "SELECT * FROM figure_comparisons ORDER BY figure_a, figure_b"):
        compared[row["figure_a"]].append({"figure": row["figure_b"], "relation": row["relation"]})
        compared[row["figure_b"]].append({"figure": row["figure_a"], "relation": row["relation"]})
    found = []
    for row in _rows(db, "figures", "SELECT * FROM figures ORDER BY document, start, id"):
        relations = {c["relation"] for c in compared.get(row["id"], [])}
        agreement = "conflict" if "conflict" in relations else "agree" if relations else "unique"
        others = sorted(compared.get(row["id"], []), key=lambda c: (c["figure"], c["relation"]))
        found.append(dict(row) | {"agreement": agreement, "comparisons": others})
    return found


def figure_comparisons(db: sqlite3.Connection) -> list[dict[str, Any]]:
    """Each pair of figures counting the same thing, with both values, documents and sentences."""
    sql = (
        "SELECT c.relation, c.story, a.id AS a_id, a.document AS a_document, a.value AS a_value, a.unit AS a_unit, "
        "a.value_max AS a_value_max, b.value_max AS b_value_max, "
        'a.approx AS a_approx, a.evidence AS a_evidence, a.start AS a_start, a."end" AS a_end, b.id AS b_id, '
        "b.document AS b_document, b.value AS b_value, b.unit AS b_unit, b.approx AS b_approx, "
        'b.evidence AS b_evidence, b.start AS b_start, b."end" AS b_end FROM figure_comparisons c '
        "JOIN figures a ON a.id = c.figure_a JOIN figures b ON b.id = c.figure_b ORDER BY a.id, b.id"
    )
    return [
        {
            "figures": [row["a_id"], row["b_id"]],
            "relation": row["relation"],
            "story": row["story"],
            "sides": [
                {
                    "figure": row[f"{side}_id"],
                    "document": row[f"{side}_document"],
                    "value": row[f"{side}_value"],
                    "value_max": row[f"{side}_value_max"],
                    "unit": row[f"{side}_unit"],
                    "approx": row[f"{side}_approx"],
                    "evidence": row[f"{side}_evidence"],
                    "start": row[f"{side}_start"],
                    "end": row[f"{side}_end"],
                }
                for side in ("a", "b")
            ],
        }
        for row in _rows(db, "figure_comparisons", sql)
    ]


def stories(db: sqlite3.Connection) -> list[dict[str, Any]]:
    members: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"documents": [], "events": [], "figures": []})
    sql = (
        "SELECT s.*, COALESCE(e.start, f.start) AS start FROM story_items s "
        "LEFT JOIN events e ON s.kind = 'event' AND e.id = s.item "
        "LEFT JOIN figures f ON s.kind = 'figure' AND f.id = s.item ORDER BY s.story, s.kind, s.document, start, s.item"
    )
    for row in _rows(db, "story_items", sql):
        found = members[row["story"]]
        found[f"{row['kind']}s"].append(row["item"])
        if row["document"] not in found["documents"]:
            found["documents"].append(row["document"])
    return [
        {
            "id": row["id"],
            "label": row["label"],
            "first_date": row["first_date"],
            "last_date": row["last_date"],
            "documents": sorted(members[row["id"]]["documents"]),
            "events": members[row["id"]]["events"],
            "figures": members[row["id"]]["figures"],
        }
        for row in _rows(db, "stories", "SELECT * FROM stories ORDER BY first_date IS NULL, first_date, label, id")
    ]


def linkage(row: sqlite3.Row) -> dict[str, Any]:
    """One stored linkage as the contract writes it (the two issues as a list)."""
    return {
        "id": row["id"],
        "document": row["document"],
        "issues": [row["issue_a"], row["issue_b"]],
        "relation": row["relation"],
        "evidence": row["evidence"],
        "start": row["start"],
        "end": row["end"],
    }


def linkages(db: sqlite3.Connection) -> list[dict[str, Any]]:
    return [linkage(row) for row in _rows(db, "linkages", "SELECT * FROM linkages ORDER BY document, start, id")]


def main_pair(sides: list[tuple[list[str], list[str]]]) -> tuple[str, str] | None:
    """The two countries most often acting on each other in (source countries, target countries) pairs: codes in
    alphabetical order, ties broken alphabetically; None when no event joins two countries. IGO/NGO are not
    countries."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for sources, targets in sides:
        for pair in {tuple(sorted((s, t))) for s in sources for t in targets if s != t}:
            if all(code not in {"IGO", "NGO", "MNC"} for code in pair):
                counts[pair[0], pair[1]] += 1
    return min(counts, key=lambda pair: (-counts[pair], pair)) if counts else None


def dyad(db: sqlite3.Connection) -> dict[str, Any] | None:
    """The relationship the corpus is about: the pair named with `--dyad`, else the pair inferred from its events,
    with the countries' names; `inferred` says which."""
    from bilateral.store.db import named_dyad

    pair = named_dyad(db)
    inferred = pair is None
    if pair is None:
        sides = [
            (json.loads(row["source_countries"]), json.loads(row["target_countries"]))
            for row in _rows(db, "events", "SELECT source_countries, target_countries FROM events")
        ]
        pair = main_pair(sides)
    if pair is None:
        return None
    names = {
        row["id"]: row["name"] for row in _rows(db, "actors", "SELECT id, name FROM actors WHERE kind = 'country'")
    }
    return {"countries": list(pair), "name": "–".join(names.get(code, code) for code in pair), "inferred": inferred}


def build_map(db: sqlite3.Connection) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "dyad": dyad(db),
        "documents": documents(db),
        "actors": actors(db),
        "events": events(db),
        "figures": figures(db),
        "linkages": linkages(db),
        "stories": stories(db),
        "stances": stances(db),
        "figure_comparisons": figure_comparisons(db),
        "coverage": coverage(db),
    }


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
