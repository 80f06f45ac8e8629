"""Writing one document's analysis atomically, and keeping the corpus-wide actor table merged."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable, Mapping, Sequence

from bilateral.calendar import months_named
from bilateral.model import Actor, Analysis
from bilateral.store.db import mark_changed, transaction
from bilateral.store.documents import now
from bilateral.store.results import encode

# Tables holding per-document analysis rows, cleared before a document is analysed again.
PER_DOCUMENT = (
    "mentions", "places", "dates", "sentences", "document_issues", "document_subissues", "events", "figures",
    "linkages", "profiles", "frames", "stances",
)  # fmt: skip


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def save_actor(db: sqlite3.Connection, actor: Actor) -> None:
    """Insert the actor, or merge its aliases into the stored one (the first name and attributes stay)."""
    row = db.execute("SELECT aliases, country, sector FROM actors WHERE id = ?", (actor.id,)).fetchone()
    if row is None:
        db.execute(
            "INSERT INTO actors (id, name, kind, country, sector, aliases) VALUES (?, ?, ?, ?, ?, ?)",
            (
                actor.id,
                actor.name,
                actor.kind,
                actor.country,
                actor.sector,
                _json(sorted(set(actor.aliases))),
            ),
        )
        return
    aliases = sorted(set(json.loads(row["aliases"])) | set(actor.aliases))
    db.execute(
        "UPDATE actors SET aliases = ?, country = COALESCE(country, ?), sector = COALESCE(sector, ?) WHERE id = ?",
        (_json(aliases), actor.country, actor.sector, actor.id),
    )


def save_analysis(db: sqlite3.Connection, analysis: Analysis, *, knowledge: str, entries: Collection[str] = ()) -> None:
    """Replace everything stored for this document with `analysis`, in one transaction, with the result itself
    (see store.results) and `entries`, the ids of the pack entries whose names the document contains."""
    document = analysis.document
    with transaction(db):
        write_rows(db, analysis)
        db.execute("INSERT OR IGNORE INTO corpus_unmerged (document) VALUES (?)", (document,))
        db.execute(
            "INSERT OR REPLACE INTO analyses (document, knowledge, analysed_at) VALUES (?, ?, ?)",
            (document, knowledge, now()),
        )
        db.execute(
            "INSERT OR REPLACE INTO analysis_results (document, result) VALUES (?, ?)", (document, encode(analysis))
        )
        db.execute("DELETE FROM document_entries WHERE document = ?", (document,))
        db.executemany(
            "INSERT INTO document_entries (entry, document) VALUES (?, ?)", [(e, document) for e in sorted(entries)]
        )
        db.execute("DELETE FROM analysis_failures WHERE document = ?", (document,))
        mark_changed(db, corpus_stale=True)


def write_rows(db: sqlite3.Connection, analysis: Analysis, *, actors: bool = True) -> None:
    """The document's rows in the per-document tables as its analysis gave them, and (with `actors`) its actors
    folded into the actor table; inside the caller's transaction."""
    document = analysis.document
    for table in PER_DOCUMENT:
        db.execute(f"DELETE FROM {table} WHERE document = ?", (document,))
    for actor in analysis.actors.values() if actors else ():
        save_actor(db, actor)
    db.executemany(
        'INSERT INTO mentions (document, actor, text, start, "end") VALUES (?, ?, ?, ?, ?)',
        [(document, m.actor, m.text, m.start, m.end) for m in analysis.mentions],
    )
    db.executemany(
        'INSERT INTO places (document, text, country, start, "end") VALUES (?, ?, ?, ?, ?)',
        [(document, p.text, p.country, p.start, p.end) for p in analysis.places],
    )
    db.executemany(
        'INSERT INTO dates (document, text, value, precision, start, "end") VALUES (?, ?, ?, ?, ?, ?)',
        [(document, d.text, d.value, d.precision, d.start, d.end) for d in analysis.dates],
    )
    issues_by_span = {(s.start, s.end): list(s.issues) for s in analysis.sentence_issues}
    db.executemany(
        'INSERT INTO sentences (document, start, "end", issues) VALUES (?, ?, ?, ?)',
        [(document, start, end, _json(issues_by_span.get((start, end), []))) for start, end in analysis.sentences],
    )
    db.executemany(
        "INSERT INTO document_issues (document, issue, salience) VALUES (?, ?, ?)",
        [(document, issue, salience) for issue, salience in sorted(analysis.issues.items())],
    )
    db.executemany(
        "INSERT INTO document_subissues (document, issue, subissue, salience) VALUES (?, ?, ?, ?)",
        [(document, issue, sub, share) for sub, (issue, share) in sorted(analysis.subissues.items())],
    )
    db.executemany(
        "INSERT INTO events (id, document, type, mode, source, target, source_countries, target_countries, "
        'date, status, issues, evidence, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
            (
                f"{document}:e{i}", document, e.type, e.mode, _json(e.source), _json(e.target),
                _json(e.source_countries), _json(e.target_countries), e.date, e.status, _json(e.issues),
                e.evidence, e.start, e.end,
            )
            for i, e in enumerate(analysis.events, 1)
        ],
    )  # fmt: skip
    db.executemany(
        'INSERT INTO figures (id, document, value, value_max, unit, approx, counted, date, evidence, start, "end") '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                f"{document}:f{i}",
                document,
                f.value,
                f.value_max,
                f.unit,
                f.approx,
                f.counted,
                f.date,
                f.evidence,
                f.start,
                f.end,
            )
            for i, f in enumerate(analysis.figures, 1)
        ],
    )
    db.executemany(
        'INSERT INTO linkages (id, document, issue_a, issue_b, relation, evidence, start, "end") '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                f"{document}:l{i}",
                document,
                *link.issues,
                link.relation,
                link.evidence,
                link.start,
                link.end,
            )
            for i, link in enumerate(analysis.linkages, 1)
        ],
    )
    genre = analysis.genre
    db.execute(
        "INSERT INTO profiles (document, genre, genre_score, genre_features, partisanship) VALUES (?, ?, ?, ?, ?)",
        (
            document,
            genre.label if genre else None,
            round(genre.score, 4) if genre else None,
            _json(genre.features if genre else []),
            analysis.partisanship,
        ),
    )
    db.executemany(
        "INSERT INTO frames (document, frame, issue, score, evidence) VALUES (?, ?, ?, ?, ?)",
        [(document, f.frame, f.issue, round(f.score, 4), _json(f.evidence)) for f in analysis.frames],
    )
    db.executemany(
        "INSERT INTO stances (document, actor, score, evidence) VALUES (?, ?, ?, ?)",
        [(document, s.actor, round(s.score, 4), _json(s.evidence)) for s in analysis.stances],
    )


def record_failure(db: sqlite3.Connection, document: str, reason: str, *, knowledge: str) -> None:
    """Mark a document as not analysed with this knowledge, and why; its earlier analysis rows are removed so
    nothing stale is shown for it."""
    with transaction(db):
        for table in PER_DOCUMENT:
            db.execute(f"DELETE FROM {table} WHERE document = ?", (document,))
        for table in ("analyses", "analysis_results", "document_entries"):
            db.execute(f"DELETE FROM {table} WHERE document = ?", (document,))
        db.execute(
            "INSERT OR REPLACE INTO analysis_failures (document, knowledge, reason, at) VALUES (?, ?, ?, ?)",
            (document, knowledge, reason, now()),
        )
        mark_changed(db, corpus_stale=True)


def stored_actors(db: sqlite3.Connection) -> list[Actor]:
    rows = db.execute("SELECT * FROM actors ORDER BY id").fetchall()
    return [Actor(r["id"], r["name"], r["kind"], r["country"], r["sector"], json.loads(r["aliases"])) for r in rows]


def fill_event_countries(db: sqlite3.Connection) -> int:
    """Corpus pass: an event side that names actors but no country takes the countries those actors were given
    across the corpus ("Le said" in one report, "China's vice minister Le" in another), in one transaction. Returns
    how many events changed; sides that already have a country are left as the sentence gave them."""
    with transaction(db):
        countries = {
            row["id"]: row["country"] for row in db.execute("SELECT id, country FROM actors") if row["country"]
        }
        return fill_sides(db, countries)


def fill_sides(db: sqlite3.Connection, countries: Mapping[str, str], *, documents: Iterable[str] | None = None) -> int:
    """`fill_event_countries` inside the caller's transaction, with `countries` (actor id -> ISO alpha-3), over the
    events of `documents` (default: all). Returns how many events changed."""
    sql = (
        "SELECT id, source, target, source_countries, target_countries FROM events "
        "WHERE (source_countries = '[]' OR target_countries = '[]')"
    )
    chosen = (
        [db.execute(sql).fetchall()]
        if documents is None
        else (db.execute(sql + " AND document = ?", (document,)).fetchall() for document in documents)
    )
    changed = 0
    for rows in chosen:
        for event in rows:
            sides = []
            for actors_key, countries_key in (("source", "source_countries"), ("target", "target_countries")):
                known = json.loads(event[countries_key])
                if not known:
                    known = list(dict.fromkeys(countries[a] for a in json.loads(event[actors_key]) if a in countries))
                sides.append(known)
            if sides != [json.loads(event["source_countries"]), json.loads(event["target_countries"])]:
                db.execute(
                    "UPDATE events SET source_countries = ?, target_countries = ? WHERE id = ?",
                    (_json(sides[0]), _json(sides[1]), event["id"]),
                )
                changed += 1
    return changed


def date_undated_events(db: sqlite3.Connection, documents_months: dict[str, set[str | None]]) -> int:
    """Corpus pass: the events of a report that gives no date at all (no publication date, nothing to resolve a
    weekday against) take the month ("2019-05") that every story the report belongs to lies in; where its stories
    lie in several months, the one month among them that the report itself names with a day ("on 3 March", the
    year is not written, so it was not resolved); none otherwise. `documents_months`: document id -> the month of
    each of its stories (None for a story that spans months or has no date). The months an earlier pass gave are
    taken back first (they are marked `dated_by_story`, and `load_items` reads them as no date), so the pass gives
    the same result however often it runs. Returns how many events were dated."""
    undated = dict(db.execute("SELECT id, text FROM documents WHERE published IS NULL").fetchall())
    dated = 0
    with transaction(db):
        db.execute("UPDATE events SET date = NULL, dated_by_story = 0 WHERE dated_by_story = 1")
        for document, months in sorted(documents_months.items()):
            if document not in undated:
                continue
            if len(months) == 1 and None not in months:
                (month,) = months
            else:
                named = months_named(undated[document])
                candidates = {m for m in months if m is not None and int(m[5:7]) in named}
                if len(candidates) != 1:
                    continue
                (month,) = candidates
            cursor = db.execute(
                "UPDATE events SET date = ?, dated_by_story = 1 WHERE document = ? AND date IS NULL", (month, document)
            )
            dated += cursor.rowcount
    return dated


def pending_documents(
    db: sqlite3.Connection, *, knowledge: str, force: bool = False, languages: Sequence[str] = ("en",)
) -> list[str]:
    """Originals in `languages` (or of undetected language) not yet analysed with this knowledge, or analysed
    before results were stored (duplicates are never analysed twice); a document that failed with this knowledge
    waits for `force`, except one listed as "not analysed: …" (its language's model was missing), which is tried
    again on every run."""
    marks = ", ".join("?" for _ in languages)
    sql = (
        "SELECT d.id FROM documents d LEFT JOIN analyses a ON a.document = d.id "
        "LEFT JOIN analysis_failures f ON f.document = d.id "
        f"WHERE d.duplicate_of IS NULL AND (d.language IN ({marks}) OR d.language IS NULL)"
    )
    params: tuple[str, ...] = tuple(languages)
    if not force:
        sql += (
            " AND (a.document IS NULL OR a.knowledge != ?"
            " OR NOT EXISTS (SELECT 1 FROM analysis_results r WHERE r.document = d.id))"
            " AND (f.document IS NULL OR f.knowledge != ? OR f.reason LIKE 'not analysed:%')"
        )
        params += (knowledge, knowledge)
    return [row[0] for row in db.execute(sql + " ORDER BY d.rowid", params)]


def not_analysed(db: sqlite3.Connection, document: str) -> str | None:
    """The reason a document is listed as not analysed, or None."""
    row = db.execute("SELECT reason FROM analysis_failures WHERE document = ?", (document,)).fetchone()
    return None if row is None else str(row[0])
