"""One document and one actor for the web pages: the text with everything found in it, and who said what of whom.

The document view's spans are the ones `highlight` draws; evidence sentences of frames and stances get an
`s-<start>` anchor so links from source and actor pages land on them.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from typing import Any

from bilateral.export.contract import actors
from bilateral.store.stats import tables
from bilateral.web.compared import tone
from bilateral.web.highlight import Span
from bilateral.web.queries import events_where, figures_where, names, not_found, outlets


def document(db: sqlite3.Connection, doc_id: str) -> dict[str, Any]:
    """A document's fields, removed boilerplate, and the mentions, events, figures and linkages found in its text."""
    row = db.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        raise not_found("document", doc_id, "/search")
    present = tables(db)
    actor_names = names(db)
    mentions = (
        [
            dict(m) | {"name": actor_names.get(m["actor"], m["actor"])}
            for m in db.execute(
                'SELECT actor, text, start, "end" FROM mentions WHERE document = ? ORDER BY start, actor', (doc_id,)
            )
        ]
        if "mentions" in present
        else []
    )
    linkages = (
        [
            dict(lk)
            for lk in db.execute(
                'SELECT id, document, issue_a, issue_b, relation, evidence, start, "end" FROM linkages '
                "WHERE document = ? ORDER BY start, id",
                (doc_id,),
            )
        ]
        if "linkages" in present
        else []
    )
    evidence: set[int] = set()
    for table in ("frames", "stances"):
        if table in present:
            for found in db.execute(f"SELECT evidence FROM {table} WHERE document = ?", (doc_id,)):
                evidence.update(start for start, _, _ in json.loads(found["evidence"]))
    figures = figures_where(db, "f.document = ?", [doc_id]) if "figures" in present else []
    return {k: v for k, v in dict(row).items() if k not in ("minhash", "removed")} | {
        "outlet_name": outlets(db).get(doc_id),
        "removed": json.loads(row["removed"] or "[]"),
        "issues": [
            {"issue": i["issue"], "salience": i["salience"]}
            for i in db.execute(
                "SELECT issue, salience FROM document_issues WHERE document = ? ORDER BY salience DESC, issue",
                (doc_id,),
            )
        ],
        "mentions": mentions,
        "events": events_where(db, "e.document = ?", [doc_id]),
        "figures": figures,
        "linkages": linkages,
        "evidence_starts": sorted(evidence),
    }


def spans(doc: dict[str, Any]) -> list[Span]:
    """What the document view highlights: entities link to actor pages; events, figures and linkages get anchors."""
    found = [Span(m["start"], m["end"], "entity", m["name"], href=f"/actors/{m['actor']}") for m in doc["mentions"]]
    for e in doc["events"]:
        label = f"{e['type']} ({e['status']})"
        if e["source"] or e["target"]:
            label += f": {', '.join(e['source_names']) or '?'} → {', '.join(e['target_names']) or '?'}"
        found.append(Span(e["start"], e["end"], "event", label, f"e-{e['id']}"))
    for f in doc["figures"]:
        found.append(Span(f["start"], f["end"], "figure", f"figure: {figure_text(f)}", f"f-{f['id']}"))
    for lk in doc["linkages"]:
        label = f"linkage: {lk['issue_a']} {lk['relation']} {lk['issue_b']}"
        found.append(Span(lk["start"], lk["end"], "linkage", label, f"l-{lk['id']}"))
    found += [Span(start, start, "evidence", anchor=f"s-{start}") for start in doc["evidence_starts"]]
    return found


def figure_text(figure: Mapping[str, Any]) -> str:
    """A figure as a person reads it: "more than 60,000 (migrants returned)", "5 percent"."""
    value = figure["value"]
    number = f"{value:,.0f}" if value == int(value) else f"{value:,}"
    approx = "" if figure["approx"] == "exact" else figure["approx"] + " "
    counted = f" ({figure['counted']})" if figure.get("counted") else ""
    return f"{approx}{number} {figure.get('unit') or ''}".rstrip() + counted


def actor(db: sqlite3.Connection, actor_id: str) -> dict[str, Any]:
    """An actor with its aliases, the events it is a side of, and its tone in each outlet (with evidence)."""
    found = [a for a in actors(db) if a["id"] == actor_id]
    if not found:
        raise not_found("actor", actor_id, "/actors")
    involved = events_where(
        db,
        "(EXISTS (SELECT 1 FROM json_each(e.source) WHERE value = ?) "
        "OR EXISTS (SELECT 1 FROM json_each(e.target) WHERE value = ?))",
        [actor_id, actor_id],
    )
    return found[0] | {"events": involved, "tone": tone(db, by="outlet", actor=actor_id)}
