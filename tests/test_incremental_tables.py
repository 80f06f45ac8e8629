"""A corpus arriving in batches, with a document replaced and one deleted, gives the exports of one run over it, and
a small arrival rewrites only the documents and stories it changes.

The documents are written for this test (invented people, real countries) as stored analyses: no model is needed.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from bilateral.model import Actor, Analysis, Article, Event, Figure, Mention
from bilateral.pipeline import VectorCounts, relate
from bilateral.stages import Knowledge, load_knowledge
from bilateral.store.analysis import save_analysis
from bilateral.store.db import connect, transaction
from bilateral.store.documents import delete_document, save_article
from bilateral.store.refresh import Refresh, refresh_tables


@dataclass(frozen=True)
class Told:
    """One report: its lead (one event), a sentence with a count, and who is named (id, as written, country)."""

    id: str
    published: str | None
    lead: str
    count: str
    named: tuple[tuple[str, str, str | None], ...]
    kind: str
    acting: str | None  # the acting side's country as the sentence gives it, or None (filled from the actors)
    receiving: str


REPORTS = [
    Told("r01", "2023-02-06", "Estonian customs officers detained Liesel Marne Vandoorn of Iceland at Narva on Monday.",
         "About 40 crates were held at the crossing, officials said.",
         (("p-vandoorn-lm", "Liesel Marne Vandoorn", "ISL"),), "COERCE", "EST", "ISL"),
    Told("r02", "2023-02-07", "Liesel Vandoorn, an Icelandic trader, was detained by Estonian customs at Narva.",
         "Some 40 crates stayed at the crossing, a lawyer said.",
         (("p-vandoorn-l", "Liesel Vandoorn", None),), "COERCE", "EST", "ISL"),
    Told("r03", "2023-05-11", "Rurik Palsson accused Latvia of stalling the ferry accord on Thursday.",
         "The accord covers 12 routes across the gulf, aides said.",
         (("p-palsson", "Rurik Palsson", None),), "ACCUSE", None, "LVA"),
    Told("r04", "2023-05-12", "Rurik Palsson again accused Latvia over the ferry accord in Riga.",
         "The accord would open 12 routes, the ministry said.",
         (("p-palsson", "Rurik Palsson", None),), "ACCUSE", None, "LVA"),
    Told("r05", "2023-08-20", "Oskar Tamm signed a grain pact with Lithuania in Vilnius on Sunday.",
         "The pact moves 300 tonnes a week, traders said.",
         (("p-tamm", "Oskar Tamm", None),), "AGREE", None, "LTU"),
    Told("r06", "2023-08-21", "Oskar Tamm and Lithuanian officials sealed the grain pact in Vilnius.",
         "Around 300 tonnes a week will cross, a broker said.",
         (("p-tamm", "Oskar Tamm", None),), "AGREE", None, "LTU"),
    Told("r07", None, "Estonian customs freed Liesel Vandoorn after two weeks, her lawyer said.",
         "The 40 crates were released as well, officials added.",
         (("p-vandoorn-l", "Liesel Vandoorn", None),), "COERCE", "EST", "ISL"),
    Told("r08", "2023-05-13", "Rurik Palsson, Finland's ferry envoy, accused Latvia of bad faith over the accord.",
         "The envoy listed 12 routes still closed, aides said.",
         (("p-palsson", "Rurik Palsson", "FIN"),), "ACCUSE", "FIN", "LVA"),
    Told("r09", "2023-08-22", "Oskar Juhan Tamm, Estonia's farm minister, hailed the grain pact with Lithuania.",
         "Nearly 310 tonnes a week would move, the minister said.",
         (("p-tamm-oj", "Oskar Juhan Tamm", "EST"),), "AGREE", "EST", "LTU"),
    Told("r10", "2023-11-02", "Maren Kolde criticised Norway over a fishing quota on Thursday.",
         "The quota is 900 tonnes, fishers said.",
         (("p-kolde", "Maren Kolde", "EST"),), "ACCUSE", "EST", "NOR"),
    Told("r11", "2023-11-03", "Maren Kolde again criticised Norway's fishing quota in Tallinn.",
         "The 900 tonnes are too few, she said.",
         (("p-kolde", "Maren Kolde", "EST"),), "ACCUSE", "EST", "NOR"),
]  # fmt: skip
# r04 told again in other words (a replacement), and a report of no happening told elsewhere
REPLACED = Told("r04", "2023-05-12", "Rurik Palsson accused Latvia once more of stalling the ferry accord.",
                "Twelve routes wait on the accord, the ministry said.",
                (("p-palsson", "Rurik Palsson", None),), "ACCUSE", None, "LVA")  # fmt: skip
ALONE = Told("r12", "2023-12-01", "Tove Ilves praised Denmark for a wind-power loan on Friday.",
             "The loan is 55 million euros, bankers said.",
             (("p-ilves", "Tove Ilves", "EST"),), "AGREE", "EST", "DNK")  # fmt: skip


def stored(told: Told) -> tuple[Article, Analysis]:
    """The report as a stored article and the analysis its stages would give."""
    text = f"{told.lead} {told.count}"
    raw_hash = hashlib.sha256(text.encode()).hexdigest()
    article = Article(id=told.id, source=f"{told.id}.txt", raw_hash=raw_hash, text=text, published=told.published,
                      outlet=f"Outlet {told.id[-1]}")  # fmt: skip
    actors = {id: Actor(id, name, "person", country, None, [name]) for id, name, country in told.named}
    mentions = [
        Mention(id, name, match.start(), match.end()) for id, name, _ in told.named for match in re.finditer(name, text)
    ]
    acting = [id for id, _, _ in told.named]
    event = Event(told.kind, acting, [told.receiving], told.lead, 0, len(told.lead), date=told.published,
                  source_countries=[told.acting] if told.acting else [], target_countries=[told.receiving])  # fmt: skip
    start = len(told.lead) + 1
    value = next((float(word) for word in told.count.split() if word.isdigit()), 12.0)  # "Twelve routes"
    figure = Figure(value, told.count, start, start + len(told.count))
    analysis = Analysis(told.id, sentences=[(0, len(told.lead)), (start, len(text))], actors=actors,
                        mentions=mentions, events=[event], figures=[figure], published=told.published)  # fmt: skip
    return article, analysis


@pytest.fixture(scope="module")
def stages() -> Knowledge:
    return load_knowledge()


def add(db: sqlite3.Connection, reports: Iterable[Told]) -> None:
    for told in reports:
        article, analysis = stored(told)
        save_article(db, article)
        save_analysis(db, analysis, knowledge="test")


def corpus_pass(db: sqlite3.Connection, stages: Knowledge) -> tuple[Refresh, int]:
    """What `analyze` does after the documents' analyses: the tables, then stories and comparisons (rows written)."""
    tables = refresh_tables(db, stages.annotate.actors)
    counts = VectorCounts()
    relate(db, stages, embeddings=False, vectors=counts)
    return tables, counts.rows


def exports(db: sqlite3.Connection, folder: Path) -> dict[str, bytes]:
    from bilateral.export import write_export

    found = {}
    for fmt in ("json", "csv", "parquet", "plover"):
        target = folder / fmt if fmt in ("csv", "parquet") else folder / f"export.{fmt}"
        for path in write_export(db, fmt, target):
            found[f"{fmt}/{path.name}"] = path.read_bytes()
    return found


def whole(path: Path, reports: Sequence[Told], stages: Knowledge) -> dict[str, bytes]:
    db = connect(path / "whole.db")
    add(db, reports)
    corpus_pass(db, stages)
    found = exports(db, path / "whole")
    db.close()
    return found


def test_a_corpus_arriving_in_batches_with_one_replaced_and_one_deleted_exports_one_run_over_it(
    tmp_path: Path, stages: Knowledge
) -> None:
    db = connect(tmp_path / "grown.db")
    batches = [REPORTS[:4], REPORTS[4:7], [*REPORTS[7:], REPLACED]]
    for k, batch in enumerate(batches):
        add(db, batch)
        if k == 2:
            with transaction(db):
                delete_document(db, "r06")
        corpus_pass(db, stages)
    grown = exports(db, tmp_path / "grown")
    order = [row[0] for row in db.execute("SELECT id FROM documents ORDER BY rowid")]
    db.close()
    # a run over everything: the same documents, in the store's order (a replaced document comes last)
    final = {told.id: told for told in [*REPORTS, REPLACED]}
    expected = whole(tmp_path, [final[id] for id in order], stages)
    assert grown.keys() == expected.keys()
    assert {name for name in grown if grown[name] != expected[name]} == set()
    assert b"r06" not in grown["json/export.json"] and b"once more" in grown["json/export.json"]


def test_a_small_arrival_rewrites_only_the_documents_and_stories_it_changes(tmp_path: Path, stages: Knowledge) -> None:
    db = connect(tmp_path / "store.db")
    add(db, [told for told in REPORTS if told.id not in ("r08", "r09")])
    tables, rows = corpus_pass(db, stages)
    assert tables.rewritten == [] and tables.merged == 9  # all of them had just been written: none read again
    assert db.execute("SELECT COUNT(*) FROM stories").fetchone()[0] >= 3
    # nothing arrived: nothing rewritten, no row of a story written
    assert corpus_pass(db, stages) == (Refresh([], 0, tables.actors, tables.merges), 0)
    # a report naming no one the others name: no document rewritten, only its own rows merged
    add(db, [ALONE])
    tables, rows = corpus_pass(db, stages)
    assert (tables.rewritten, tables.merged, rows) == ([], 1, 0)
    # a report giving Rurik Palsson a country: the two reports whose acting side had none are rewritten and filled
    add(db, [REPORTS[7]])
    tables, rows = corpus_pass(db, stages)
    assert tables.rewritten == ["r03", "r04"]
    sides = dict(db.execute("SELECT document, source_countries FROM events WHERE document IN ('r03', 'r04')"))
    assert sides == {"r03": '["FIN"]', "r04": '["FIN"]'}
    # "Oskar Tamm" of two reports is now Oskar Juhan Tamm of Estonia: those two are rewritten, nothing else
    before = {row[0] for row in db.execute("SELECT id FROM stories")}
    add(db, [REPORTS[8]])
    tables, rows = corpus_pass(db, stages)
    after = {row[0] for row in db.execute("SELECT id FROM stories")}
    joined = db.execute("SELECT story FROM story_items WHERE document = 'r09'").fetchone()[0]
    # a story's id is a hash of its items: the one it joins is a new story, every other one keeps its rows
    assert after - before == {joined} and len(before - after) == 1
    kept = db.execute("SELECT COUNT(*) FROM story_items WHERE story != ?", (joined,)).fetchone()[0]
    assert tables.rewritten == ["r05", "r06"]
    named = db.execute("SELECT DISTINCT actor FROM mentions WHERE document IN ('r05', 'r06')").fetchall()
    assert [row[0] for row in named] == ["p-tamm-oj"]
    assert rows > 0 and kept > 0


def test_documents_sharing_no_word_with_earlier_reports_can_tie_them_into_a_story(
    tmp_path: Path, stages: Knowledge
) -> None:
    """Why stories are found again over the whole corpus after an arrival (only the rows that changed are written):
    how rare a name must be to tie reports is a share of the corpus's sentences, so reports that name nothing of a
    happening make its name rare enough, and its three earlier reports become one story."""
    db = connect(tmp_path / "store.db")
    told = [
        (
            "2024-03-01",
            "Ingrid Sorvali of Estonia met Latvian port officials in Riga.",
            "Ingrid Sorvali spoke of berths.",
        ),
        ("2024-03-12", "Ingrid Sorvali held talks with harbour chiefs from Latvia.", "Ingrid Sorvali left on Monday."),
        ("2024-03-23", "Ingrid Sorvali visited Latvia to discuss docking fees.", "Ingrid Sorvali gave no figure."),
    ]  # days too far apart for their leads alone to be paired; the three share no two words but her name
    happening = [
        Told(f"h{k}", day, lead, second, (("p-sorvali", "Ingrid Sorvali", "EST"),), "CONSULT", "EST", "LVA")
        for k, (day, lead, second) in enumerate(told)
    ]
    add(db, happening)  # the name in both sentences of each

    def fillers(first: int, count: int) -> None:
        for k in range(first, first + count):
            words = [f"{word}{k}" for word in ("harbour", "tariff", "cable", "timber", "ferry", "orchard")]
            text = f"The {words[0]} and the {words[1]} were studied. A {words[2]} near the {words[3]} was noted."
            article = Article(id=f"f{k:03d}", source=f"f{k:03d}.txt", raw_hash=f"f{k}", text=text)
            save_article(db, article)
            half = text.index("A ")
            save_analysis(db, Analysis(article.id, sentences=[(0, half - 1), (half, len(text))]), knowledge="test")

    fillers(0, 40)  # 86 sentences: a name in 6 of them is common (a thread needs at most 5 in a small corpus)
    corpus_pass(db, stages)
    assert db.execute("SELECT COUNT(*) FROM stories").fetchone()[0] == 0
    fillers(40, 20)  # 126 sentences: a name in 6 of them is rare
    tables, rows = corpus_pass(db, stages)
    assert tables.rewritten == []
    held = db.execute("SELECT DISTINCT document FROM story_items ORDER BY document").fetchall()
    assert [row[0] for row in held] == ["h0", "h1", "h2"] and rows > 0


def test_a_store_from_before_the_kept_merges_rewrites_every_document_once_and_exports_a_whole_run(
    tmp_path: Path, stages: Knowledge
) -> None:
    db = connect(tmp_path / "old.db")
    add(db, REPORTS[:6])
    corpus_pass(db, stages)
    add(db, REPORTS[6:])
    with transaction(db):  # as a store analysed before migration 013 stands: no merges of a last pass kept
        db.execute("UPDATE store_state SET corpus_merged = 0")
    tables, _ = corpus_pass(db, stages)
    assert tables.rewritten == [told.id for told in REPORTS[:6]]  # those not written since: all read again
    again, _ = corpus_pass(db, stages)
    assert again.rewritten == []
    upgraded = exports(db, tmp_path / "old")
    db.close()
    expected = whole(tmp_path, REPORTS, stages)
    assert {name for name in upgraded if upgraded[name] != expected[name]} == set()
