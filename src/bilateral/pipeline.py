"""The jobs a user runs: ingest sources into the store, analyse what is new, and both in one go.

Library functions only: they report progress through a callback and return a report; the CLI prints.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bilateral.errors import BilateralError, UnreadableSource
from bilateral.model import Article, RawDocument, Skipped
from bilateral.store.analysis import pending_documents, prune_actors, save_analysis
from bilateral.store.corpus import has_stories
from bilateral.store.documents import Saved, is_stored, load_article, record_skipped, save_article

if TYPE_CHECKING:
    from bilateral.stages import Knowledge

Progress = Callable[[str], None]


def _ignore(_: str) -> None:
    pass


@dataclass
class IngestReport:
    counts: dict[str, int] = field(default_factory=lambda: {saved.value: 0 for saved in Saved})
    skipped: list[Skipped] = field(default_factory=list)
    words: int = 0
    seconds: float = 0.0

    @property
    def stored(self) -> int:
        return self.counts[Saved.ADDED] + self.counts[Saved.DUPLICATE] + self.counts[Saved.UPDATED]


def _clean_or_skip(raw: RawDocument) -> Article | Skipped:
    from bilateral.clean.article import clean

    try:
        return clean(raw)
    except UnreadableSource as e:
        return Skipped(raw.source, e.reason)
    except Exception as e:  # a library crashing on strange input must not stop the batch
        return Skipped(raw.source, f"could not be cleaned ({type(e).__name__}: {e})")


def ingest(
    db: sqlite3.Connection,
    sources: Sequence[str],
    *,
    max_bytes: int = 20_000_000,
    client: Any = None,
    on_item: Progress = _ignore,
) -> IngestReport:
    """Read, clean and store every document the sources hold; bad inputs are skipped and reported."""
    from bilateral.ingest import read_sources

    report = IngestReport()
    started = time.perf_counter()
    for item in read_sources(sources, client=client, max_bytes=max_bytes):
        on_item(item.source)
        if isinstance(item, Skipped):
            report.skipped.append(item)
            record_skipped(db, item)
            continue
        raw_hash = hashlib.sha256(item.body).hexdigest()
        if item.id is None and is_stored(db, raw_hash=raw_hash):
            report.counts[Saved.UNCHANGED] += 1
            continue
        cleaned = _clean_or_skip(item)
        if isinstance(cleaned, Skipped):
            report.skipped.append(cleaned)
            record_skipped(db, cleaned)
            continue
        saved = save_article(db, cleaned)
        report.counts[saved] += 1
        if saved is not Saved.UNCHANGED:
            report.words += len(cleaned.text.split())
    report.seconds = time.perf_counter() - started
    return report


@dataclass
class AnalyzeReport:
    analysed: int = 0
    failed: list[Skipped] = field(default_factory=list)
    words: int = 0
    seconds: float = 0.0
    pending: int = 0
    stories: int = 0
    comparisons: int = 0


def _batches(items: Sequence[str], size: int) -> Iterator[list[str]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def analyze(
    db: sqlite3.Connection,
    *,
    knowledge_dirs: Sequence[Path] = (),
    force: bool = False,
    batch_size: int = 32,
    on_start: Callable[[int], None] = lambda total: None,
    on_item: Progress = _ignore,
) -> AnalyzeReport:
    """Analyse every original document not yet analysed with the current knowledge packs."""
    from bilateral.annotate.nlp import parse
    from bilateral.stages import load_knowledge, run_stages

    knowledge = load_knowledge(knowledge_dirs)
    pending = pending_documents(db, knowledge=knowledge.fingerprint, force=force)
    report = AnalyzeReport(pending=len(pending))
    on_start(len(pending))
    started = time.perf_counter()
    for batch in _batches(pending, batch_size):
        articles = [article for document in batch if (article := load_article(db, document))]
        for article, doc in zip(articles, parse(a.text for a in articles), strict=True):
            on_item(article.id)
            try:
                analysis = run_stages(doc, article, knowledge)
            except BilateralError as e:
                report.failed.append(Skipped(article.source, str(e)))
                continue
            save_analysis(db, analysis, knowledge=knowledge.fingerprint)
            report.analysed += 1
            report.words += len(article.text.split())
    if report.analysed:
        prune_actors(db)
    if report.analysed or not has_stories(db):
        report.stories, report.comparisons = relate(db, knowledge)
    report.seconds = time.perf_counter() - started
    return report


def relate(db: sqlite3.Connection, knowledge: Knowledge, *, embeddings: bool = True) -> tuple[int, int]:
    """Rebuild what is found across documents: stories and figure comparisons. Returns how many of each.

    Sentence embeddings join the comparison when the optional extra is installed (and `embeddings` is True).
    """
    from bilateral.compare.agreement import compare_figures, qualifiers, quantity_groups
    from bilateral.compare.embeddings import closeness, load_model
    from bilateral.compare.stories import find_stories
    from bilateral.store.corpus import load_items, save_corpus

    actors = knowledge.annotate.actors
    items, weights = load_items(db, places={*actors.countries, *actors.capitals, *actors.places})
    model = load_model() if embeddings else None
    close = closeness(items, model) if model is not None and items else None
    actions = {
        str(key): str(noun) for pack in knowledge.packs.of_kind("stories") for key, noun in pack.data["actions"].items()
    }
    countries = {country.code: country.name for country in actors.countries.values()}
    stories = find_stories(items, weights, closeness=close, actions=actions, countries=countries)
    figures = [item for item in items if item.kind == "figure"]
    sides = qualifiers(
        knowledge.packs,
        {name: country.code for name, country in actors.countries.items()},
        {name: country.code for name, country in actors.countries_exact.items()},
    )
    groups = quantity_groups(knowledge.packs)
    together: dict[str, set[str]] = {}
    for story in stories:
        for document in story.documents:
            together.setdefault(document, set()).add(story.id)
    comparisons = compare_figures(figures, weights, groups, closeness=close, qualified=sides, stories=together)
    save_corpus(db, stories, comparisons)
    return len(stories), len(comparisons)
