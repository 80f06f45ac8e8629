"""Shared fixtures: a fresh store per test, article factories, and where the shared evaluation data lives."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bilateral.model import Article, Event
from bilateral.store.db import connect

if TYPE_CHECKING:
    from bilateral.annotate import Knowledge
    from bilateral.extract.events import EventPatterns

Extract = Callable[..., list[Event]]  # text (and a publication date) -> the events of that text

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples" / "us-mexico"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    connection = connect(tmp_path / "test.db")
    yield connection
    connection.close()


def make_article(text: str, *, id: str | None = None, **fields: object) -> Article:
    raw_hash = hashlib.sha256(text.encode()).hexdigest()
    return Article(id=id or raw_hash[:16], source=f"{id or 'doc'}.txt", raw_hash=raw_hash, text=text, **fields)  # type: ignore[arg-type]


def eval_path(*parts: str) -> Path:
    path = EVAL.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"evaluation data {path} is absent (it lives in ../shared/eval beside the project)")
    return path


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    """The built-in knowledge, as the annotate stage reads it."""
    from bilateral.annotate import load_knowledge

    return load_knowledge()


@pytest.fixture(scope="session")
def patterns() -> EventPatterns:
    """The built-in event patterns."""
    from bilateral.extract.events import load_event_patterns
    from bilateral.knowledge import load_packs

    return load_event_patterns(load_packs())


def evidence_is_its_text(text: str, event: Event) -> None:
    """Every event's evidence is exactly the text its offsets point to."""
    assert event.evidence and text[event.start : event.end] == event.evidence


def no_self_loop(text: str, event: Event) -> None:
    """No actor acts on itself, save the parties of a joint act."""
    if set(event.source) & set(event.target):
        assert set(event.source) == set(event.target) and len(set(event.source_countries)) > 1


def events_reader(
    knowledge: Knowledge, patterns: EventPatterns, published: str | None, *checks: Callable[[str, Event], None]
) -> Extract:
    """Parse, annotate and extract the events of one text (published on `published` unless the call says
    otherwise), running each of `checks` on every event found."""
    from bilateral.annotate import analyse
    from bilateral.annotate.nlp import load_nlp
    from bilateral.extract.events import extract_events

    def run(text: str, published: str | None = published) -> list[Event]:
        doc = load_nlp()(text)
        analysis = analyse(doc, published=published, document="d", knowledge=knowledge)
        found = extract_events(doc, analysis, patterns=patterns)
        for event in found:
            for check in checks:
                check(text, event)
        return found

    return run


def of_type(events: list[Event], *kinds: str) -> list[Event]:
    """The events of any of the PLOVER types `kinds`."""
    return [e for e in events if e.type in kinds]


def occurred(events: list[Event], *kinds: str) -> list[Event]:
    """The events of any of `kinds` reported as having happened."""
    return [e for e in of_type(events, *kinds) if e.status == "occurred"]
