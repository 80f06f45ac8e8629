"""The per-document tables as a run over the whole corpus writes them, rewriting only the documents that changed.

A run over everything writes each document's rows as its own analysis gave them, with one actor table folded from
all of them in store order; the corpus pass then drops actors nothing refers to, merges the actors the documents
name in different ways (annotate.actors.corpus_merges) and fills event sides from the merged actors' countries.
After documents arrive, are replaced or deleted, or knowledge changes, `refresh_tables` gives the same tables: the
actor table and the merges are worked out again from every stored result (only their actors and the ids their
rows name are read), and the rows are rewritten only for the documents written since (`corpus_unmerged`) and for
those whose actors merge differently or whose empty event sides take another country than the last pass recorded
(`corpus_merges`, `corpus_countries`, migration 013). A store from before that record rewrites every document once.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bilateral.annotate.actors import corpus_merges
from bilateral.annotate.knowledge import ActorKnowledge
from bilateral.errors import StoreError
from bilateral.model import Actor
from bilateral.store.analysis import fill_sides, write_rows
from bilateral.store.db import mark_changed, transaction
from bilateral.store.results import decode

Merges = Sequence[tuple[str, str]]  # (actor id merged away, id that stays), in the order they are applied


@dataclass
class Refresh:
    """What `refresh_tables` did: documents whose rows were rewritten from their stored result, documents whose rows
    were merged and filled (those and the ones written since the last pass), actors in the table, merges."""

    rewritten: list[str] = field(default_factory=list)
    merged: int = 0
    actors: int = 0
    merges: int = 0


@dataclass
class _Stored:
    """One document's stored result, as far as the actor table and the merges need it."""

    document: str
    actors: list[dict[str, Any]]
    named: set[str]  # actor ids its mentions and event parties name (what keeps an actor in the table)
    stance_actors: set[str]
    empty_sides: set[str]  # event parties of a side with no country (filled from the actors' countries)


def refresh_tables(db: sqlite3.Connection, knowledge: ActorKnowledge) -> Refresh:
    """Bring the per-document tables and the actor table to what a run over the whole stored corpus writes before
    its stories (see the module's docstring), in one transaction; returns what was done. Raises StoreError when a
    stored result cannot be read back (written by another version: `bilateral analyze --force`)."""
    with transaction(db):  # read and written in one transaction: no other writer in between
        report = _refresh(db, knowledge)
    return report


def _refresh(db: sqlite3.Connection, knowledge: ActorKnowledge) -> Refresh:
    """`refresh_tables` inside the caller's transaction. A document keeps its rows when they were merged by the last
    pass (not written since), every actor they name is renamed as the last pass renamed it, and every actor of an
    event side without a country has the country it had then: its rows are then what a whole run writes."""
    stored = [_read(row[0], row[1]) for row in db.execute(_RESULTS)]
    folded = _fold(stored)
    merges = list(corpus_merges(folded.values(), knowledge).items())
    final = _merged_actors(folded, merges)
    countries = {actor.id: actor.country for actor in final if actor.country}
    unmerged = {row[0] for row in db.execute("SELECT document FROM corpus_unmerged")}
    recorded = bool(db.execute("SELECT corpus_merged FROM store_state WHERE id = 1").fetchone()[0])
    before = [(row[0], row[1]) for row in db.execute("SELECT actor, into_actor FROM corpus_merges ORDER BY position")]
    known = dict(db.execute("SELECT actor, country FROM corpus_countries").fetchall())
    changed = _moved(merges, before, {a for s in stored for a in s.named | s.stance_actors})
    retold = {actor for actor in {*countries, *known} if countries.get(actor) != known.get(actor)}
    single = dict(merges)
    stale = [
        s.document
        for s in stored
        if s.document not in unmerged
        and (
            not recorded
            or not changed.isdisjoint(s.named | s.stance_actors)
            or any(single.get(a, a) in retold for a in s.empty_sides)
        )
    ]
    documents = sorted({*stale, *unmerged} & {s.document for s in stored})
    report = Refresh(rewritten=stale, merged=len(documents), actors=len(final), merges=len(merges))
    for document in stale:
        _rewrite(db, document)
    _merge(db, documents, merges)
    fill_sides(db, countries, documents=documents)
    db.execute("DELETE FROM actors")
    db.executemany(
        "INSERT INTO actors (id, name, kind, country, sector, aliases) VALUES (?, ?, ?, ?, ?, ?)",
        [(a.id, a.name, a.kind, a.country, a.sector, _json(a.aliases)) for a in final],
    )
    db.execute("DELETE FROM corpus_merges")
    db.executemany("INSERT INTO corpus_merges (position, actor, into_actor) VALUES (?, ?, ?)",
                   [(k, old, new) for k, (old, new) in enumerate(merges)])  # fmt: skip
    db.execute("DELETE FROM corpus_countries")
    db.executemany("INSERT INTO corpus_countries (actor, country) VALUES (?, ?)", sorted(countries.items()))
    db.execute("DELETE FROM corpus_unmerged")
    db.execute("UPDATE store_state SET corpus_merged = 1 WHERE id = 1")
    mark_changed(db, corpus_stale=True)
    return report


_RESULTS = "SELECT r.document, r.result FROM analysis_results r JOIN documents d ON d.id = r.document ORDER BY d.rowid"


def _read(document: str, blob: bytes) -> _Stored:
    try:
        value = json.loads(zlib.decompress(blob))
        actors = list(value["actors"].values())
        named = {m["actor"] for m in value["mentions"]}
        empty: set[str] = set()
        for event in value["events"]:
            named |= {*event["source"], *event["target"]}
            for side in ("source", "target"):
                if not event[f"{side}_countries"]:
                    empty |= set(event[side])
        stance_actors = {s["actor"] for s in value["stances"]}
    except (zlib.error, json.JSONDecodeError, KeyError, TypeError, AttributeError) as e:
        raise StoreError(
            f"a stored analysis cannot be read back: {type(e).__name__}: {e}",
            hint="it was written by another version of bilateral: run `bilateral analyze --force`",
        ) from e
    return _Stored(document, actors, named, stance_actors, empty)


def _fold(stored: Iterable[_Stored]) -> dict[str, Actor]:
    """The actor table of a run over the documents in store order (see store.analysis.save_actor: the first name
    and kind stay, aliases add up, a country or sector fills in where none was), less the actors no mention or event
    party names."""
    table: dict[str, Actor] = {}
    named: set[str] = set()
    for document in stored:
        named |= document.named
        for actor in document.actors:
            kept = table.get(actor["id"])
            if kept is None:
                table[actor["id"]] = Actor(
                    actor["id"], actor["name"], actor["kind"], actor["country"], actor["sector"],
                    sorted(set(actor["aliases"])),
                )  # fmt: skip
            else:
                kept.aliases = sorted({*kept.aliases, *actor["aliases"]})
                kept.country = actor["country"] if kept.country is None else kept.country
                kept.sector = actor["sector"] if kept.sector is None else kept.sector
    return {id: actor for id, actor in table.items() if id in named}


def _merged_actors(table: Mapping[str, Actor], merges: Merges) -> list[Actor]:
    """The actor table after `merges`, applied in order: the actor that stays gains the other's aliases and any
    country or sector it lacked (an id merged into one no longer in the table just goes)."""
    actors = {id: Actor(a.id, a.name, a.kind, a.country, a.sector, list(a.aliases)) for id, a in table.items()}
    for old, new in merges:
        gone = actors.pop(old, None)
        kept = actors.get(new)
        if gone is not None and kept is not None:
            kept.aliases = sorted({*gone.aliases, *kept.aliases})
            kept.country = gone.country if kept.country is None else kept.country
            kept.sector = gone.sector if kept.sector is None else kept.sector
    return list(actors.values())


def _moved(merges: Merges, before: Merges, actors: Iterable[str]) -> set[str]:
    """The actors whose rows the two merge lists rename differently: mentions and stances follow a list in order
    (an id renamed by a merge may be renamed again by a later one), event parties take one step."""
    now, then = _Renames(merges), _Renames(before)
    return {a for a in actors if (now.along(a), now.once(a)) != (then.along(a), then.once(a))}


class _Renames:
    def __init__(self, merges: Merges) -> None:
        self.into = dict(merges)
        self.at = {old: k for k, (old, _) in enumerate(merges)}

    def once(self, actor: str) -> str:
        return self.into.get(actor, actor)

    def along(self, actor: str) -> str:
        """What the merges, applied in order to a row naming `actor`, leave it naming."""
        position = -1
        while self.at.get(actor, -1) > position:
            position = self.at[actor]
            actor = self.into[actor]
        return actor


def _rewrite(db: sqlite3.Connection, document: str) -> None:
    row = db.execute("SELECT result FROM analysis_results WHERE document = ?", (document,)).fetchone()
    try:
        analysis = decode(row[0])
    except ValueError as e:
        raise StoreError(
            f"a stored analysis cannot be read back: {e}",
            hint="it was written by another version of bilateral: run `bilateral analyze --force`",
        ) from e
    write_rows(db, analysis, actors=False)


def _merge(db: sqlite3.Connection, documents: Collection[str], merges: Merges) -> None:
    """Rename merged actors in the rows of `documents` (which hold what their analyses gave)."""
    renames = _Renames(merges)
    for document in documents:
        for table in ("mentions", "stances"):
            rows = db.execute(f"SELECT rowid, actor FROM {table} WHERE document = ?", (document,)).fetchall()
            db.executemany(
                f"UPDATE {table} SET actor = ? WHERE rowid = ?",
                [(renamed, rowid) for rowid, actor in rows if (renamed := renames.along(actor)) != actor],
            )
        events = db.execute("SELECT id, source, target FROM events WHERE document = ?", (document,)).fetchall()
        for id, source, target in events:
            sides = [json.loads(source), json.loads(target)]
            moved = [list(dict.fromkeys(renames.once(a) for a in side)) for side in sides]
            if moved != sides:
                db.execute("UPDATE events SET source = ?, target = ? WHERE id = ?", (*map(_json, moved), id))


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
