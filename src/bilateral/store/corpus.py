"""Reading the analysed corpus for the comparisons made across documents, and writing back the rows that changed."""

from __future__ import annotations

import json
import re
import sqlite3
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Collection, Sequence

from bilateral.annotate.knowledge import fold
from bilateral.annotate.spans import OFFICE_SECTORS
from bilateral.compare.agreement import Comparison
from bilateral.compare.similarity import Weights, terms
from bilateral.compare.stories import Item, Story
from bilateral.store.db import transaction

SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
STATE_BODIES = {"institution", "organization"}  # actor kinds that, with a country and an office sector, are its bodies


def load_items(db: sqlite3.Connection, *, places: Collection[str] = ()) -> tuple[list[Item], Weights]:
    """Every event and figure of the originals, with term vectors weighted over all the corpus's sentences.

    `places` are folded names of countries, demonyms and places, which are never a story's thread; nor are the
    names of the corpus's outlets and bylines (who reported a happening is not what happened).
    """
    originals = db.execute(
        "SELECT id, published, text, outlet, authors, language FROM documents WHERE duplicate_of IS NULL"
    ).fetchall()
    published = {row["id"]: row["published"] for row in originals}
    # an undetected language is read as English, as the analysis reads it
    languages = {row["id"]: row["language"] or "en" for row in originals}
    texts = {row["id"]: row["text"] for row in originals}
    # a group ("Investors", "Japan (business)") says what kind of actor, a news outlet who reported, and a state's
    # body (a ministry, a court, the seat of its government) acts in every happening of the relationship, as its
    # country does: none is a thread
    names: dict[str, str] = {}
    bodies: set[str] = set()  # folded names of groups and state bodies, as the texts may write them
    for row in db.execute("SELECT id, name, kind, country, sector, aliases FROM actors WHERE kind != 'country'"):
        if (
            row["kind"] == "group"
            or row["sector"] == "MED"
            or (row["kind"] in STATE_BODIES and row["country"] and row["sector"] in OFFICE_SECTORS)
        ):
            bodies |= {fold(name) for name in [row["name"], *json.loads(row["aliases"])]}
        else:
            names[row["id"]] = row["name"]
    # "Casa Blanca" and "Blanca" alone are still la Casa Blanca
    bodies |= {" ".join(body.split()[k:]) for body in bodies for k in range(1, len(body.split()))}
    # Places and countries are where happenings take place, not what ties two reports of one together.
    places = {*places, *(fold(row["text"]) for row in db.execute("SELECT DISTINCT text FROM places"))}
    places |= {place.split()[-1] for place in places if " " in place}  # "Aires" alone is still Buenos Aires
    reporters = [row["outlet"] or "" for row in originals] + [
        a for row in originals for a in json.loads(row["authors"])
    ]
    bylines = {word for name in reporters for word in fold(name).split() if len(word) > 2}
    mentions: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for row in db.execute("SELECT document, actor, start FROM mentions ORDER BY document, start, actor"):
        mentions[row["document"]].append((row["start"], row["actor"]))

    def named(document: str, start: int, end: int) -> list[str]:
        found = mentions.get(document, [])
        first = bisect_right(found, (start, ""))
        return [actor for at, actor in found[first : bisect_right(found, (end, "\uffff"))] if at < end]

    sentences = (
        (
            row["document"],
            terms(
                texts[row["document"]][row["start"] : row["end"]],
                actors=named(row["document"], row["start"], row["end"]),
            ),
        )
        for row in db.execute('SELECT document, start, "end" FROM sentences ORDER BY document, start')
        if row["document"] in texts
    )
    weights = Weights(sentences)

    def vector(
        document: str, start: int, end: int, evidence: str, extra: Sequence[str]
    ) -> tuple[dict[str, float], dict[str, str]]:
        actors = sorted({*named(document, start, end), *extra})
        spelled: dict[str, str] = {f"@{actor}": names[actor] for actor in actors if actor in names}
        vector = weights.vector(terms(evidence, actors=actors, names=spelled))
        return vector, {
            term: name
            for term, name in spelled.items()
            if fold(name) not in places and fold(name) not in bodies and not set(fold(name).split()) <= bylines
        }

    items: list[Item] = []
    for row in db.execute('SELECT * FROM events ORDER BY document, start, "end", id'):
        if row["document"] not in published:
            continue
        parties = [*json.loads(row["source"]), *json.loads(row["target"])]
        vec, spelled = vector(row["document"], row["start"], row["end"], row["evidence"], parties)
        items.append(
            Item(
                "event", row["id"], row["document"], row["start"], row["end"], row["evidence"], vec,
                date=None if row["dated_by_story"] else row["date"], type=row["type"], names=spelled, mode=row["mode"],
                source_countries=tuple(json.loads(row["source_countries"])),
                target_countries=tuple(json.loads(row["target_countries"])),
                language=languages[row["document"]],
            )
        )  # fmt: skip
    for row in db.execute('SELECT * FROM figures ORDER BY document, start, "end", id'):
        if row["document"] not in published:
            continue
        vec, spelled = vector(row["document"], row["start"], row["end"], row["evidence"], ())
        date, own = _as_of(row, published[row["document"]])
        items.append(
            Item(
                "figure", row["id"], row["document"], row["start"], row["end"], row["evidence"], vec,
                date=date, own_date=own, value=row["value"], unit=row["unit"], approx=row["approx"],
                counted=row["counted"], names=spelled,
                value_max=row["value_max"] if "value_max" in row.keys() else None,  # noqa: SIM118 (Row: in tests values)
                language=languages[row["document"]],
            )
        )  # fmt: skip
    return items, weights


def document_actors(db: sqlite3.Connection) -> dict[str, frozenset[str]]:
    """Each original document → the actors other than countries it names, as `@actor` terms (the form the
    corpus's weights count them in): what two reports in different languages can share word for word."""
    named: dict[str, set[str]] = defaultdict(set)
    for row in db.execute(
        "SELECT DISTINCT m.document, m.actor FROM mentions m JOIN actors a ON a.id = m.actor "
        "JOIN documents d ON d.id = m.document WHERE a.kind != 'country' AND d.duplicate_of IS NULL"
    ):
        named[row["document"]].add(f"@{row['actor']}")
    return {document: frozenset(actors) for document, actors in named.items()}


def _as_of(figure: sqlite3.Row, published: str | None) -> tuple[str | None, bool]:
    """A figure's date and whether it is its own: a count without a date, or one kept "since" a date, is a count
    as of the day its document was published."""
    if figure["date"] and not (published and SINCE.search(figure["evidence"])):
        return figure["date"], True
    return published, False


def save_corpus(
    db: sqlite3.Connection, stories: Sequence[Story], comparisons: Sequence[Comparison], *, version: int
) -> int:
    """Make the stored stories and figure comparisons these, in one transaction, writing only the rows that differ
    from the stored ones (a few documents arriving change a few stories), and clear the out-of-date mark unless the
    store changed after `version` (the store version the items were read at). Returns how many rows were inserted,
    updated or deleted."""
    story_of = {(item.kind, item.id): story.id for story in stories for item in story.items}
    wanted = {s.id: (s.label, s.first_date, s.last_date, len(s.documents)) for s in stories}
    items = {(s.id, i.kind, i.id, i.document) for s in stories for i in s.items}
    compared = {(c.first, c.second, c.relation, _common(story_of, c)) for c in comparisons}
    with transaction(db):
        held = {row[0]: tuple(row[1:]) for row in db.execute(
            "SELECT id, label, first_date, last_date, documents FROM stories")}  # fmt: skip
        held_items = {tuple(row) for row in db.execute("SELECT story, kind, item, document FROM story_items")}
        held_compared = {
            tuple(row) for row in db.execute("SELECT figure_a, figure_b, relation, story FROM figure_comparisons")
        }
        gone = sorted(held.keys() - wanted.keys())
        changed = sorted(id for id in held.keys() & wanted.keys() if held[id] != wanted[id])
        new = sorted(wanted.keys() - held.keys())
        stale = sorted(held_compared - compared, key=repr)
        left_items = sorted(row for row in held_items - items if row[0] not in gone)  # a gone story's go with it
        # comparisons first: one naming a story that goes is stale (deleting the story would null its story)
        db.executemany("DELETE FROM figure_comparisons WHERE figure_a = ? AND figure_b = ?", [r[:2] for r in stale])
        db.executemany("DELETE FROM stories WHERE id = ?", [(id,) for id in gone])
        db.executemany(
            "UPDATE stories SET label = ?, first_date = ?, last_date = ?, documents = ? WHERE id = ?",
            [(*wanted[id], id) for id in changed],
        )
        db.executemany(
            "INSERT INTO stories (label, first_date, last_date, documents, id) VALUES (?, ?, ?, ?, ?)",
            [(*wanted[id], id) for id in new],
        )
        db.executemany("DELETE FROM story_items WHERE story = ? AND kind = ? AND item = ?", [r[:3] for r in left_items])
        db.executemany(
            "INSERT INTO story_items (story, kind, item, document) VALUES (?, ?, ?, ?)", sorted(items - held_items)
        )
        db.executemany(
            "INSERT INTO figure_comparisons (figure_a, figure_b, relation, story) VALUES (?, ?, ?, ?)",
            sorted(compared - held_compared, key=repr),
        )
        written = len(gone) + len(changed) + len(new) + len(left_items) + len(items - held_items)
        written += len(stale) + len(compared - held_compared)
        # Fresh only if no document's analysis was written since the items were read (`version` then).
        db.execute(
            "UPDATE store_state SET corpus_stale = (version != ?), version = version + 1 WHERE id = 1", (version,)
        )
    return written


def _common(story_of: dict[tuple[str, str], str], comparison: Comparison) -> str | None:
    story = story_of.get(("figure", comparison.first))
    return story if story == story_of.get(("figure", comparison.second)) else None
