"""What the web pages show, read from the store as plain dicts: the timeline, issues, documents and actors.

An event's or figure's agenda issues are those of the sentences its span overlaps (the `sentences` table), so
pages agree with the per-document issue counts. Outlets are named as coverage names them (`outlet_name`).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from bilateral.compare.coverage import outlet_name
from bilateral.errors import BadQuery, SourceNotFound
from bilateral.export.contract import event as contract_event
from bilateral.export.contract import linkage
from bilateral.store.stats import tables

# Document columns outlet names may be read from (not the text: pages list outlets for many documents at once).
META = "id, source, url, outlet, title, published, authors, language, duplicate_of"
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
# The agenda issues of the sentences a span [start, end) of document overlaps, as a JSON array.
SPAN_ISSUES = (
    "(SELECT json_group_array(DISTINCT j.value) FROM sentences s, json_each(s.issues) j "
    'WHERE s.document = {t}.document AND s.start < {t}."end" AND s."end" > {t}.start)'
)
EVENTS_SHOWN = 200  # on an issue page; the timeline, filtered by the issue, pages through the rest


def not_found(kind: str, name: str, listing: str) -> SourceNotFound:
    """The 404 of a detail page, pointing at the page that lists what there is."""
    kinds = {"story": "stories"}.get(kind, f"{kind}s")
    return SourceNotFound(f"no {kind} {name!r} in this store", hint=f"see {listing} for the {kinds} there are")


def names(db: sqlite3.Connection) -> dict[str, str]:
    """Actor id → display name."""
    if "actors" not in tables(db):
        return {}
    return {row["id"]: row["name"] for row in db.execute("SELECT id, name FROM actors")}


def outlets(db: sqlite3.Connection) -> dict[str, str]:
    """Document id → outlet name (the stored outlet, or a readable fallback when the cleaner found none)."""
    return {row["id"]: outlet_name(row) for row in db.execute(f"SELECT {META} FROM documents")}


def doc_info(db: sqlite3.Connection, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Title, outlet, date and language of the given documents, for captions beside evidence links."""
    wanted = sorted(set(ids))
    rows = db.execute(
        f"SELECT {META} FROM documents WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(wanted),)
    )
    return {
        row["id"]: {
            "title": row["title"] or f"(untitled, {outlet_name(row)})",
            "outlet": outlet_name(row),
            "published": row["published"],
            "language": row["language"],
        }
        for row in rows
    }


def _evidence(raw: str) -> list[dict[str, Any]]:
    return [{"start": start, "end": end, "text": text} for start, end, text in json.loads(raw)]


def check_date(value: str | None, name: str) -> str | None:
    if value and not DATE.fullmatch(value):
        raise BadQuery(f"{name} must be a date, not {value!r}", hint="write YYYY, YYYY-MM or YYYY-MM-DD")
    return value or None


def _event(row: sqlite3.Row, actor_names: dict[str, str], outlet: str) -> dict[str, Any]:
    event = contract_event(row)
    event["agenda"] = sorted(json.loads(row["agenda"] or "[]"))
    event["when"] = row["date"] or row["published"]
    event["outlet"] = outlet
    event["title"] = row["title"] or "(untitled)"
    story_id, _, story_label = (row["story"] or "").partition("\x1f")
    event["story"] = {"id": story_id, "label": story_label} if story_id else None
    for side in ("source", "target"):
        event[f"{side}_names"] = [actor_names.get(a, a) for a in event[side]]
    return event


def timeline(
    db: sqlite3.Connection,
    *,
    issue: str | None = None,
    actor: str | None = None,
    outlet: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 500,
    offset: int = 0,
) -> dict[str, Any]:
    """Events by date (the event's own, else its document's), then document and position; filters combine."""
    since, until = check_date(since, "since"), check_date(until, "until")
    where, params = ["1"], []
    if type:
        where.append("e.type = ?")
        params.append(type)
    if actor:
        where.append(
            "(EXISTS (SELECT 1 FROM json_each(e.source) WHERE value = ?) "
            "OR EXISTS (SELECT 1 FROM json_each(e.target) WHERE value = ?))"
        )
        params += [actor, actor]
    if issue:
        where.append(f"EXISTS (SELECT 1 FROM json_each({SPAN_ISSUES.format(t='e')}) WHERE value = ?)")
        params.append(issue)
    doc_outlets = outlets(db)
    if outlet:
        where.append("e.document IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(sorted(d for d, name in doc_outlets.items() if name == outlet)))
    # A date matches a bound when they agree to the precision of the less precise one ("2019-06" is in 2019).
    for bound, op in ((since, ">="), (until, "<=")):
        if bound:
            n = "min(length(COALESCE(e.date, d.published)), length(?))"
            where.append(f"substr(COALESCE(e.date, d.published), 1, {n}) {op} substr(?, 1, {n})")
            params += [bound, bound, bound]
    if "events" not in tables(db):
        return {"total": 0, "events": [], "limit": limit, "offset": offset}
    base = f"FROM events e JOIN documents d ON d.id = e.document WHERE {' AND '.join(where)}"
    total = db.execute(f"SELECT COUNT(*) {base}", params).fetchone()[0]
    found = events_where(db, " AND ".join(where), params, limit=limit, offset=offset, outlets_by_document=doc_outlets)
    return {"total": total, "limit": limit, "offset": offset, "events": found}


def events_where(
    db: sqlite3.Connection,
    condition: str,
    params: list[Any],
    *,
    limit: int = -1,
    offset: int = 0,
    outlets_by_document: dict[str, str] | None = None,
) -> list[dict[str, Any]]:
    """Events matching an SQL condition on `e` (and its document `d`), in timeline order, with names and issues."""
    if "events" not in tables(db):
        return []
    # the story an event belongs to, if any, so every event links to the other sources that told it
    story = (
        "(SELECT s.id || char(31) || s.label FROM story_items i JOIN stories s ON s.id = i.story "
        "WHERE i.kind = 'event' AND i.item = e.id ORDER BY s.id LIMIT 1)"
        if "stories" in tables(db)
        else "NULL"
    )
    rows = db.execute(
        f"SELECT e.*, d.published, d.title, d.language, {SPAN_ISSUES.format(t='e')} AS agenda, {story} AS story "
        f"FROM events e JOIN documents d ON d.id = e.document WHERE {condition} "
        "ORDER BY COALESCE(e.date, d.published) IS NULL, COALESCE(e.date, d.published), e.document, e.start, e.id "
        "LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    doc_outlets = outlets(db) if outlets_by_document is None else outlets_by_document
    actor_names = names(db)
    return [_event(row, actor_names, doc_outlets.get(row["document"], "")) for row in rows]


def facets(db: sqlite3.Connection) -> dict[str, list[Any]]:
    """The values the timeline can be filtered by: issues, actors in events, outlets and event types."""
    present = tables(db)
    issues = [row[0] for row in db.execute("SELECT DISTINCT issue FROM document_issues ORDER BY issue")]
    involved: set[str] = set()
    types: list[str] = []
    if "events" in present:
        for row in db.execute("SELECT source, target FROM events"):
            involved.update(json.loads(row["source"]), json.loads(row["target"]))
        types = [row[0] for row in db.execute("SELECT DISTINCT type FROM events ORDER BY type")]
    actor_names = names(db)
    return {
        "issues": issues,
        "actors": sorted(([a, actor_names.get(a, a)] for a in involved), key=lambda pair: (pair[1].lower(), pair[0])),
        "outlets": sorted(set(outlets(db).values()), key=str.lower),
        "types": types,
    }


def figures_where(db: sqlite3.Connection, condition: str, params: list[Any]) -> list[dict[str, Any]]:
    """Figures matching an SQL condition on `f`, each with its agreements and conflicts with other figures."""
    rows = db.execute(
        f"SELECT f.*, {SPAN_ISSUES.format(t='f')} AS agenda, "
        f"(SELECT language FROM documents WHERE id = f.document) AS language FROM figures f WHERE {condition} "
        "ORDER BY f.document, f.start, f.id",
        params,
    ).fetchall()
    ids = json.dumps([row["id"] for row in rows])
    pairs = (
        db.execute(
            "SELECT * FROM figure_comparisons WHERE figure_a IN (SELECT value FROM json_each(?)) "
            "OR figure_b IN (SELECT value FROM json_each(?)) ORDER BY figure_a, figure_b",
            (ids, ids),
        ).fetchall()
        if "figure_comparisons" in tables(db)
        else []
    )
    others = json.dumps(sorted({p["figure_a"] for p in pairs} | {p["figure_b"] for p in pairs}))
    shown = {
        row["id"]: {k: row[k] for k in ("document", "value", "unit", "approx", "counted")}
        for row in db.execute("SELECT * FROM figures WHERE id IN (SELECT value FROM json_each(?))", (others,))
    }
    compared: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for pair in pairs:
        for one, other in ((pair["figure_a"], pair["figure_b"]), (pair["figure_b"], pair["figure_a"])):
            compared[one].append({"figure": other, "relation": pair["relation"], **shown[other]})
    return [
        dict(row) | {"agenda": sorted(json.loads(row["agenda"] or "[]")), "compared": compared.get(row["id"], [])}
        for row in rows
    ]


def issues(db: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every agenda issue with how many documents discuss it and how many events, figures and linkages touch it."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(("documents", "events", "figures"), 0))
    for row in db.execute("SELECT issue, COUNT(*) FROM document_issues GROUP BY issue"):
        counts[row[0]]["documents"] = row[1]
    present = tables(db)
    for table, key in (("events", "events"), ("figures", "figures")):
        if table in present:
            sql = (
                f"SELECT j.value, COUNT(DISTINCT t.id) FROM {table} t JOIN sentences s ON s.document = t.document "
                'AND s.start < t."end" AND s."end" > t.start, json_each(s.issues) j GROUP BY j.value'
            )
            for row in db.execute(sql):
                counts[row[0]][key] = row[1]
    if "linkages" in present:
        for row in db.execute("SELECT issue_a, issue_b FROM linkages"):
            for issue in {row["issue_a"], row["issue_b"]}:
                counts[issue]["linkages"] = counts[issue].get("linkages", 0) + 1
    return [
        {"issue": issue, "linkages": 0, **c}
        for issue, c in sorted(counts.items(), key=lambda kv: (-kv[1]["documents"], kv[0]))
    ]


def issue(db: sqlite3.Connection, name: str) -> dict[str, Any]:
    """One issue: the documents discussing it, its events, figures, frames (with evidence) and linkages."""
    found = next((i for i in issues(db) if i["issue"] == name), None)
    if found is None:
        raise not_found("issue", name, "/issues")
    documents = [
        {"document": row["document"], "salience": row["salience"]}
        for row in db.execute(
            "SELECT document, salience FROM document_issues WHERE issue = ? ORDER BY salience DESC, document", (name,)
        )
    ]
    present = tables(db)
    figures = (
        figures_where(db, f"EXISTS (SELECT 1 FROM json_each({SPAN_ISSUES.format(t='f')}) WHERE value = ?)", [name])
        if "figures" in present
        else []
    )
    frames = (
        [
            {
                "document": row["document"],
                "frame": row["frame"],
                "score": row["score"],
                "evidence": _evidence(row["evidence"]),
            }
            for row in db.execute("SELECT * FROM frames WHERE issue = ? ORDER BY frame, score DESC, document", (name,))
        ]
        if "frames" in present
        else []
    )
    linkages = (
        [
            linkage(row)
            for row in db.execute(
                "SELECT * FROM linkages WHERE ? IN (issue_a, issue_b) ORDER BY document, start, id", (name,)
            )
        ]
        if "linkages" in present
        else []
    )
    used = [d["document"] for d in documents] + [f["document"] for f in figures]
    used += [f["document"] for f in frames] + [lk["document"] for lk in linkages]
    shown = timeline(db, issue=name, limit=EVENTS_SHOWN)
    return {
        "issue": name,
        "counts": {k: v for k, v in found.items() if k != "issue"},
        "documents": documents,
        "events": shown["events"],
        "events_total": shown["total"],
        "figures": figures,
        "frames": frames,
        "linkages": linkages,
        "sources": doc_info(db, used),
    }
