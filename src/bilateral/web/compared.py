"""Sources and stories for the web pages: each outlet's documents, tone and gaps; stories and their figures.

Plain dicts read from the store; what each outlet leaves out comes from `bilateral.compare.coverage`.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from statistics import fmean
from typing import Any

from bilateral.compare import scored
from bilateral.compare.coverage import coverage
from bilateral.report.formats import language_counts, not_scored, quantity
from bilateral.store.stats import tables
from bilateral.web.queries import META, doc_info, events_where, figures_where, names, not_found, outlets

EVIDENCE_SHOWN = 3  # evidence sentences listed per actor and outlet; the document view has the rest


def _profiles(db: sqlite3.Connection) -> dict[str, sqlite3.Row]:
    if "profiles" not in tables(db):
        return {}
    return {row["document"]: row for row in db.execute("SELECT * FROM profiles")}


def sources(db: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every outlet with its number of documents, their languages ("EN 2, ES 1"), genres, mean partisanship (and
    "unscored": "n/a (Spanish)" where the models read none of its documents) and date range."""
    profiles = _profiles(db)
    grouped: dict[str, list[sqlite3.Row]] = defaultdict(list)
    doc_outlets = outlets(db)
    for row in db.execute(f"SELECT {META} FROM documents ORDER BY published, id"):
        grouped[doc_outlets[row["id"]]].append(row)
    found = []
    for outlet, rows in sorted(grouped.items(), key=lambda kv: kv[0].lower()):
        kept = [profiles[r["id"]] for r in rows if r["id"] in profiles]
        leaning = [p["partisanship"] for p in kept if p["partisanship"] is not None]
        dates = sorted(r["published"] for r in rows if r["published"])
        languages = [r["language"] for r in rows]
        found.append(
            {
                "outlet": outlet,
                "documents": len(rows),
                "languages": language_counts(languages),
                # what the model cells say when none of the outlet's documents is in a language the models read
                "unscored": "" if any(scored(language) for language in languages) else not_scored(languages[0]),
                "genres": dict(sorted(Counter(p["genre"] for p in kept if p["genre"]).items())),
                "partisanship": round(fmean(leaning), 4) if leaning else None,
                "first": dates[0] if dates else None,
                "last": dates[-1] if dates else None,
            }
        )
    return found


def tone(
    db: sqlite3.Connection, *, by: str, documents: list[str] | None = None, actor: str | None = None
) -> list[dict[str, Any]]:
    """Mean stance score toward actors, of some documents or toward one actor, by actor or by outlet (`by`)."""
    if "stances" not in tables(db):
        return []
    doc_outlets = outlets(db)
    actor_names = names(db)
    grouped: dict[str, list[sqlite3.Row]] = defaultdict(list)
    where, params = [], []
    if documents is not None:
        where.append("document IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(sorted(documents)))
    if actor is not None:
        where.append("actor = ?")
        params.append(actor)
    for row in db.execute(f"SELECT * FROM stances WHERE {' AND '.join(where) or '1'} ORDER BY document, actor", params):
        grouped[row["actor"] if by == "actor" else doc_outlets[row["document"]]].append(row)
    found = []
    for key, rows in grouped.items():
        evidence = [
            {"document": row["document"], "start": start, "end": end, "text": text}
            for row in rows
            for start, end, text in json.loads(row["evidence"])
        ]
        found.append(
            {
                by: key,
                **({"name": actor_names.get(key, key)} if by == "actor" else {}),
                "score": round(fmean(row["score"] for row in rows), 4),
                "count": len(rows),
                "evidence": evidence[:EVIDENCE_SHOWN],
            }
        )
    return sorted(found, key=lambda t: (-t["count"], str(t.get("name", t[by])).lower()))


def source(db: sqlite3.Connection, outlet: str) -> dict[str, Any]:
    """One outlet: its documents (genre, partisanship, frames, issues), tone toward actors, and coverage gaps."""
    ids = sorted(d for d, name in outlets(db).items() if name == outlet)
    if not ids:
        raise not_found("source", outlet, "/sources")
    profiles = _profiles(db)
    present = tables(db)
    frames: dict[str, list[str]] = defaultdict(list)
    if "frames" in present:
        for row in db.execute(
            "SELECT document, frame FROM frames WHERE issue IS NULL AND document IN (SELECT value FROM json_each(?)) "
            "ORDER BY document, score DESC, frame",
            (json.dumps(ids),),
        ):
            frames[row["document"]].append(row["frame"])
    issues: dict[str, list[str]] = defaultdict(list)
    for row in db.execute(
        "SELECT document, issue FROM document_issues WHERE document IN (SELECT value FROM json_each(?)) "
        "ORDER BY document, salience DESC, issue",
        (json.dumps(ids),),
    ):
        issues[row["document"]].append(row["issue"])
    rows = db.execute(
        f"SELECT {META} FROM documents WHERE id IN (SELECT value FROM json_each(?)) ORDER BY published, id",
        (json.dumps(ids),),
    )
    documents = [
        {
            "id": row["id"],
            "title": row["title"] or "(untitled)",
            "published": row["published"],
            "duplicate_of": row["duplicate_of"],
            "genre": profiles[row["id"]]["genre"] if row["id"] in profiles else None,
            "partisanship": profiles[row["id"]]["partisanship"] if row["id"] in profiles else None,
            "frames": frames.get(row["id"], []),
            "issues": issues.get(row["id"], []),
        }
        for row in rows
    ]
    covered = Counter(issue for d in documents for issue in d["issues"])
    compared = coverage(db)
    return {
        "outlet": outlet,
        "documents": documents,
        "issues": dict(sorted(covered.items(), key=lambda kv: (-kv[1], kv[0]))),
        "tone": tone(db, by="actor", documents=ids),
        "stories": compared["stories"].get(outlet, []),
        "gaps": [g for g in compared["gaps"] if g["outlet"] == outlet],
        "story_labels": {row["id"]: row["label"] for row in db.execute("SELECT id, label FROM stories")}
        if "stories" in present
        else {},
    }


def stories(db: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every story, earliest first, with how many events and figures it holds and how its figures compare."""
    if "stories" not in tables(db):
        return []
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for row in db.execute("SELECT story, kind, COUNT(*) FROM story_items GROUP BY story, kind"):
        counts[row[0]][row[1]] = row[2]
    for row in db.execute(
        "SELECT story, relation, COUNT(*) FROM figure_comparisons WHERE story IS NOT NULL GROUP BY story, relation"
    ):
        counts[row[0]][row[1]] = row[2]
    return [
        dict(row)
        | {k: counts[row["id"]][k] for k in ("agree", "conflict")}
        | {"events": counts[row["id"]]["event"], "figures": counts[row["id"]]["figure"]}
        for row in db.execute("SELECT * FROM stories ORDER BY first_date IS NULL, first_date, label, id")
    ]


def story(db: sqlite3.Connection, story_id: str) -> dict[str, Any]:
    """One story: its documents, events and figures with evidence, and the agreements and conflicts of its figures."""
    found = (
        db.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone() if "stories" in tables(db) else None
    )
    if found is None:
        raise not_found("story", story_id, "/stories")
    items = db.execute(
        "SELECT kind, item, document FROM story_items WHERE story = ? ORDER BY document, kind, item", (story_id,)
    ).fetchall()
    event_ids = json.dumps([row["item"] for row in items if row["kind"] == "event"])
    figure_ids = json.dumps([row["item"] for row in items if row["kind"] == "figure"])
    figures = figures_where(db, "f.id IN (SELECT value FROM json_each(?))", [figure_ids])
    by_id = {f["id"]: f for f in figures}
    # Its own figures' comparisons with figures elsewhere are shown too: a story's count checked against others.
    pairs = db.execute(
        "SELECT * FROM figure_comparisons WHERE story = ? OR figure_a IN (SELECT value FROM json_each(?)) "
        "OR figure_b IN (SELECT value FROM json_each(?)) ORDER BY story IS NULL, relation DESC, figure_a, figure_b",
        (story_id, figure_ids, figure_ids),
    ).fetchall()
    missing = [f for p in pairs for f in (p["figure_a"], p["figure_b"]) if f not in by_id]
    if missing:  # a compared figure outside the story's own items is still shown with its evidence
        by_id |= {
            f["id"]: f for f in figures_where(db, "f.id IN (SELECT value FROM json_each(?))", [json.dumps(missing)])
        }
    documents = sorted({row["document"] for row in items} | {f["document"] for f in by_id.values()})
    events = events_where(db, "e.id IN (SELECT value FROM json_each(?))", [event_ids])
    return dict(found) | {
        "told": told(db, sorted({row["document"] for row in items}), events, figures),
        "events": events,
        "figures": figures,
        "comparisons": [
            {
                "relation": p["relation"],
                "within": p["story"] == story_id,
                "a": by_id[p["figure_a"]],
                "b": by_id[p["figure_b"]],
            }
            for p in pairs
        ],
        "sources": doc_info(db, documents),
    }


def told(
    db: sqlite3.Connection, documents: list[str], events: list[dict[str, Any]], figures: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """How each document told a story, side by side: headline, genre, leading frames, tone toward the story's
    actors, and what it left out (actors and counts the story's other documents report and it does not)."""
    present = tables(db)
    profiles = _profiles(db)
    info = doc_info(db, documents)
    actor_names = names(db)
    named: dict[str, set[str]] = defaultdict(set)
    for event in events:
        named[event["document"]].update([*event["source"], *event["target"]])
    counted: dict[str, set[str]] = defaultdict(set)
    for figure in figures:
        counted[figure["document"]].add(
            figure["counted"] or quantity(figure["value"], figure["unit"], figure["approx"])
        )
    story_actors = set().union(*named.values()) if named else set()
    found = []
    for document in documents:
        frames = (
            [
                row[0]
                for row in db.execute(
                    "SELECT frame FROM frames WHERE document = ? AND issue IS NULL ORDER BY score DESC, frame LIMIT 3",
                    (document,),
                )
            ]
            if "frames" in present
            else []
        )
        tone = (
            [
                {"actor": row["actor"], "name": actor_names.get(row["actor"], row["actor"]), "score": row["score"]}
                for row in db.execute("SELECT actor, score FROM stances WHERE document = ? ORDER BY actor", (document,))
                if row["actor"] in story_actors
            ]
            if "stances" in present
            else []
        )
        others = [d for d in documents if d != document]
        missing_actors = set().union(*(named[d] for d in others)) - named[document] if others else set()
        missing_counts = set().union(*(counted[d] for d in others)) - counted[document] if others else set()
        profile = profiles.get(document)
        found.append(
            info[document]
            | {
                "document": document,
                "genre": profile["genre"] if profile else None,
                "frames": frames,
                "tone": tone,
                "left_out": sorted(actor_names.get(a, a) for a in missing_actors),
                "counts_left_out": sorted(missing_counts),
            }
        )
    return sorted(found, key=lambda d: (d["published"] or "", d["document"]))
