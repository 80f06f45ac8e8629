"""Analysis that no document can stop: bounds, sections for long texts, failures kept with their reason, linear
work per mention, and a corpus pass that is rebuilt whenever a document's analysis changed after it (a killed run
is healed by the next)."""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bilateral.annotate.nlp import load_nlp
from bilateral.model import Actor, Analysis, Event, Mention
from bilateral.store.db import connect
from bilateral.store.documents import save_article
from tests.conftest import make_article

PARAGRAPH = (
    "Officials in Ottawa said on Tuesday that Canada would expand its fishing agreement with Norway. "
    "The deal follows months of talks over quotas in northern waters, a ministry spokesperson said.\n\n"
)
OTHER = (
    "Chile and Peru signed a memorandum on water rights along their shared border on Thursday. "
    "Diplomats from both capitals called the accord a first step toward a wider treaty.\n\n"
)


@pytest.fixture
def small_sections() -> Iterator[None]:
    """spaCy's bound on one parse made small, so a short text is 'too long' for one parse."""
    nlp = load_nlp()
    before = nlp.max_length
    nlp.max_length = 2_000
    yield
    nlp.max_length = before


def test_sections_cover_the_text_exactly_and_end_at_breaks() -> None:
    from bilateral.annotate.nlp import sections

    text = PARAGRAPH * 30 + "word " * 3_000 + "x" * 5_000
    pieces = sections(text, 2_000)
    assert "".join(pieces) == text
    assert all(len(piece) <= 2_000 for piece in pieces)
    assert pieces[0].endswith("\n\n")
    assert sections("short", 2_000) == ["short"]


@pytest.mark.model
def test_a_text_longer_than_one_parse_is_analysed_in_sections(db: sqlite3.Connection, small_sections: None) -> None:
    from bilateral.pipeline import analyze

    long = make_article(PARAGRAPH * 20, id="long", language="en")
    short = make_article(OTHER, id="short", language="en")
    save_article(db, long)
    save_article(db, short)
    report = analyze(db)
    assert report.analysed == 2 and not report.failed
    rows = db.execute('SELECT start, "end" FROM sentences WHERE document = ? ORDER BY start', ("long",)).fetchall()
    assert len(rows) >= 40
    assert rows[-1]["end"] <= len(long.text)
    mentions = db.execute('SELECT text, start, "end" FROM mentions WHERE document = ?', ("long",)).fetchall()
    assert mentions and all(long.text[m["start"] : m["end"]] == m["text"] for m in mentions)
    assert max(m["start"] for m in mentions) > 2_000  # found past the first section too


@pytest.mark.model
def test_a_document_past_a_bound_is_skipped_with_its_reason_and_the_batch_goes_on(db: sqlite3.Connection) -> None:
    from bilateral.pipeline import Bounds, analyze

    save_article(db, make_article(PARAGRAPH * 10, id="big", language="en"))
    save_article(db, make_article(OTHER, id="fine", language="en"))
    report = analyze(db, bounds=Bounds(characters=1_000))
    assert report.analysed == 1
    [failed] = report.failed
    assert "more than the bound of 1,000" in failed.reason and "\n" not in failed.reason
    assert db.execute("SELECT document FROM analysis_failures").fetchall()[0][0] == "big"
    from bilateral.store.stats import store_stats

    assert store_stats(db)["not analysed"] == 1
    # not retried with the same knowledge, retried with --force
    assert analyze(db, bounds=Bounds(characters=1_000)).pending == 0
    assert analyze(db, force=True).analysed == 2
    assert db.execute("SELECT COUNT(*) FROM analysis_failures").fetchone()[0] == 0


@pytest.mark.model
def test_a_document_past_the_sentence_bound_is_skipped(db: sqlite3.Connection) -> None:
    from bilateral.pipeline import Bounds, analyze

    save_article(db, make_article(PARAGRAPH * 5, id="many", language="en"))
    report = analyze(db, bounds=Bounds(sentences=3))
    assert report.analysed == 0 and "sentences, more than the bound of 3" in report.failed[0].reason


class CountingDoc:
    """A Doc that counts how often its whole text is rebuilt (spaCy joins every token's text on each access)."""

    def __init__(self, doc: Any) -> None:
        self._doc = doc
        self.text_reads = 0

    @property
    def text(self) -> str:
        self.text_reads += 1
        return str(self._doc.text)

    @property
    def user_data(self) -> Any:  # where `annotate.nlp.text_of` keeps the text once read
        return self._doc.user_data

    def __len__(self) -> int:
        return len(self._doc)

    def __getitem__(self, index: Any) -> Any:
        return self._doc[index]

    def char_span(self, *args: Any, **kwargs: Any) -> Any:
        return self._doc.char_span(*args, **kwargs)


@pytest.mark.model
def test_tone_reads_the_document_text_once_not_once_per_mention() -> None:
    from bilateral.compare.tone import stances

    text = "Canada criticised Norway over the quotas. " * 40
    doc = CountingDoc(load_nlp()(text))
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
    mentions = [Mention("CAN", "Canada", m.start(), m.end()) for m in re.finditer("Canada", text)]
    analysis = Analysis("d", sentences=sentences, mentions=mentions)
    [stance] = stances(doc, analysis)
    assert len(stance.evidence) == 40
    assert doc.text_reads <= 1


def _story_fixture(db: sqlite3.Connection, knowledge: str) -> None:
    """Two documents reporting one event, analysed by hand (so the test controls what the corpus pass sees)."""
    from bilateral.store.analysis import save_analysis
    from tests.test_stories import BACKGROUND

    reports = {
        "a": "Washington will lend Mexico 2.5 million AstraZeneca doses.",
        "b": "Officials said Washington lent Mexico 2.7 million AstraZeneca doses.",
    }
    for document, sentence_text in reports.items():
        end = len(sentence_text)
        text = sentence_text + " " + " ".join(BACKGROUND[:4] if document == "a" else BACKGROUND[4:])
        save_article(db, make_article(text, id=document, published="2021-03-19", outlet=document, language="en"))
        at = text.index("Washington")
        analysis = Analysis(
            document,
            sentences=[(0, end), *((end + m.start(), end + m.end()) for m in re.finditer(r"[A-Z][^.]*\.", text[end:]))],
            issues={"health": 1.0},
            actors={"USA-GOV": Actor("USA-GOV", "United States (government)", "country", "USA", "GOV", [])},
            mentions=[Mention("USA-GOV", "Washington", at, at + 10)],
            events=[Event("AID", ["USA-GOV"], ["MEX"], text[:end], 0, end, date="2021-03-18")],
        )
        save_analysis(db, analysis, knowledge=knowledge)


def _dangling(db: sqlite3.Connection) -> int:
    row = db.execute(
        "SELECT COUNT(*) FROM story_items s WHERE s.kind = 'event' AND NOT EXISTS "
        "(SELECT 1 FROM events e WHERE e.id = s.item)"
    ).fetchone()
    return int(row[0])


@pytest.mark.model
def test_a_run_killed_before_the_corpus_pass_is_healed_by_the_next(db: sqlite3.Connection) -> None:
    from bilateral.pipeline import analyze, relate
    from bilateral.stages import load_knowledge
    from bilateral.store.analysis import save_analysis
    from bilateral.store.db import corpus_stale

    knowledge = load_knowledge()
    _story_fixture(db, knowledge.fingerprint)
    assert relate(db, knowledge, embeddings=False)[0] == 1
    assert not corpus_stale(db)
    # A re-analysis of "a" was committed, then the process died before the corpus pass: its event is gone.
    save_analysis(db, Analysis("a"), knowledge=knowledge.fingerprint)
    assert corpus_stale(db) and _dangling(db) == 1
    report = analyze(db)
    assert report.pending == 0 and report.stories == 0
    assert _dangling(db) == 0 and not corpus_stale(db)


def _bilateral(db: Path, *args: str) -> subprocess.Popen[bytes]:
    env = os.environ | {"PYTHONHASHSEED": "0"}
    command = [sys.executable, "-m", "bilateral.cli", "--db", str(db), "--quiet", *args]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _exported(db: Path) -> dict[str, Any]:
    from bilateral.export.contract import build_map

    store = connect(db, readonly=True)
    try:
        data = build_map(store)
    finally:
        store.close()
    data.pop("generated", None)
    return data


@pytest.mark.model
def test_kill_9_at_random_points_of_analyze_then_a_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for index, text in enumerate([PARAGRAPH * 3, OTHER * 3, PARAGRAPH + OTHER, OTHER + PARAGRAPH * 2]):
        (corpus / f"{index}.txt").write_text(text, encoding="utf-8")
    clean = tmp_path / "clean.db"
    started = time.monotonic()
    assert _bilateral(clean, "run", str(corpus), "--out", str(tmp_path / "out")).wait(300) == 0
    took = time.monotonic() - started
    expected = _exported(clean)
    chance = random.Random(os.environ.get("KILL_SEED", "14"))
    for attempt in range(3):
        store = tmp_path / f"killed{attempt}.db"
        assert _bilateral(store, "ingest", str(corpus)).wait(120) == 0
        for _ in range(2):  # killed twice in a row, then left to finish
            process = _bilateral(store, "analyze")
            time.sleep(chance.uniform(0.2, took))
            process.send_signal(signal.SIGKILL)
            process.wait(30)
        assert _bilateral(store, "analyze").wait(300) == 0
        assert _exported(store) == expected, f"attempt {attempt}"
