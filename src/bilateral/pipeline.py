"""The jobs a user runs: ingest sources into the store, analyse what is new, and both in one go.

Library functions only: they report progress through a callback and return a report; the CLI prints.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from bilateral.engines import DEFAULT_BOUNDS, Bounds, Engine, EngineSpec, encode_or_here
from bilateral.errors import UnreadableSource, is_disk_full
from bilateral.model import Article, RawDocument, Skipped
from bilateral.store.analysis import (
    date_undated_events,
    not_analysed,
    pending_documents,
    record_failure,
    save_analysis,
)
from bilateral.store.db import corpus_stale, set_dyad, snapshot, store_version
from bilateral.store.documents import Saved, is_stored, load_article, record_skipped, save_article

if TYPE_CHECKING:
    from bilateral.compare.embeddings import Closeness, Vectors
    from bilateral.knowledge.entries import Entries, EntryMatcher
    from bilateral.prefilter import Prefilter
    from bilateral.stages import Knowledge
    from bilateral.store.vectors import VectorSource

Progress = Callable[[str], None]
T = TypeVar("T")


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
        if is_disk_full(e):
            raise
        return Skipped(raw.source, f"could not be cleaned ({type(e).__name__}: {e})")


def ingest(
    db: sqlite3.Connection,
    sources: Sequence[str],
    *,
    max_bytes: int = 20_000_000,
    client: Any = None,
    allow_private: bool = False,
    on_item: Progress = _ignore,
) -> IngestReport:
    """Read, clean and store every document the sources hold; bad inputs are skipped and reported. URLs reach
    public addresses only unless `allow_private`."""
    from bilateral.ingest import read_sources

    report = IngestReport()
    started = time.perf_counter()
    for item in read_sources(sources, client=client, max_bytes=max_bytes, allow_private=allow_private):
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
        try:
            saved = save_article(db, cleaned)
        except (sqlite3.DataError, sqlite3.IntegrityError, ValueError) as e:  # this document's content, not the store
            skipped = Skipped(item.source, f"could not be stored ({type(e).__name__}: {e})")
            report.skipped.append(skipped)
            record_skipped(db, skipped)
            continue
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
    engine: str = "inline"
    workers: int = 1
    screened_out: list[str] = field(default_factory=list)  # document ids the relevance prefilter dropped
    # after a knowledge edit: documents it did not touch, kept without analysing them again
    carried: int = 0
    # wall seconds of the corpus pass (stories, comparisons): one process, but for the sentences it encodes, which
    # go to the engine's workers; vectors it read from the store and sentences it encoded (then stored)
    corpus_seconds: float = 0.0
    vectors_reused: int = 0
    vectors_encoded: int = 0
    # where the wall time went: the per-document stages (engine start to the last result written), this process's
    # CPU seconds meanwhile (writing the results, and the Dask client), and the corpus pass's waits for encoding
    analysis_seconds: float = 0.0
    writer_cpu_seconds: float = 0.0
    encode_seconds: float = 0.0
    # the corpus pass's rewrites: documents whose tables were rewritten from their stored results (those whose
    # actors merge differently or whose event sides take another country; see store.refresh) and its wall seconds;
    # rows of stories, story items and figure comparisons written or deleted (see store.corpus.save_corpus)
    rewritten: int = 0
    tables_seconds: float = 0.0
    corpus_rows: int = 0
    warnings: list[str] = field(default_factory=list)  # one line each: what went otherwise than asked, and how


# Near the end of a run, a batch holds at most 1/TAIL of the documents left, so the last ones are small and the
# workers finish together instead of one parsing a last full batch while the others wait.
TAIL = 4


def _batches(items: Iterable[T], size: int, *, total: int | None = None) -> Iterator[list[T]]:
    """`items` in lists of `size`; with `total` (how many items there are, at most), the lists shrink as the end
    nears (see TAIL). The sizes depend on `size` and `total` alone, not on the engine: every engine gets the same
    batches."""
    iterator = iter(items)
    left = total
    while True:
        take = size if left is None else max(1, min(size, -(-left // TAIL)))
        batch = list(islice(iterator, take))
        if not batch:
            return
        yield batch
        if left is not None:
            left -= len(batch)


def analyze(
    db: sqlite3.Connection,
    *,
    knowledge_dirs: Sequence[Path] = (),
    force: bool = False,
    batch_size: int = 32,
    engine: EngineSpec | None = None,
    dyad: str | None = None,
    prefilter: bool = False,
    bounds: Bounds = DEFAULT_BOUNDS,
    on_start: Callable[[int], None] = lambda total: None,
    on_item: Progress = _ignore,
) -> AnalyzeReport:
    """Analyse every original document not yet analysed with the current knowledge packs, then rebuild the
    corpus pass (stories, figure comparisons) if any analysis changed since it last ran.

    `engine` says where the parse and stages run (results are written here, in order, whatever runs them).
    Each document goes to the pipeline of its language (annotate.nlp.MODELS); one in a language whose model is
    not installed is listed as "not analysed: install bilateral[es]" (its text stays stored and searchable).
    Each document is analysed on its own: one that cannot be parsed, fails a stage or passes a bound is recorded
    with its reason (`report.failed`, table `analysis_failures`) and the batch goes on.
    With `prefilter` (implied by a `dyad`, "USA-CHN"), a document that does not name both countries of the dyad
    (without one: two different countries) is left unanalysed and listed in `screened_out`; BadDyad for a bad pair.
    """
    from bilateral.annotate.nlp import MODELS
    from bilateral.engines import open_engine
    from bilateral.prefilter import build_prefilter, parse_dyad
    from bilateral.stages import load_knowledge
    from bilateral.store.entries import stored_fingerprint
    from bilateral.store.refresh import refresh_tables

    knowledge = load_knowledge(knowledge_dirs)
    screen = None
    if dyad or prefilter:
        actors = knowledge.annotate.actors
        pair = parse_dyad(dyad, {c.code for c in actors.countries.values()}) if dyad else None
        screen = build_prefilter(actors, dyad=pair)
        if pair is not None:
            set_dyad(db, pair)
    spec = engine or EngineSpec()
    languages = sorted(MODELS)

    def start(pending: Sequence[str]) -> Engine:
        batches = engine_batches(spec, len(pending), batch_size)
        return open_engine(spec, knowledge, knowledge_dirs, batches=batches, bounds=bounds)

    # When the knowledge did not change since the last run (or there was none), what is pending is known before the
    # knowledge's entries are matched against the store: the workers start (spawn, model load) meanwhile.
    started = time.perf_counter()
    runner = None
    if stored_fingerprint(db) in (None, knowledge.fingerprint):
        runner = start(pending_documents(db, knowledge=knowledge.fingerprint, force=force, languages=languages))
    try:
        carried = _follow_knowledge(db, knowledge, force=force)
        pending = pending_documents(db, knowledge=knowledge.fingerprint, force=force, languages=languages)
        report = AnalyzeReport(pending=len(pending), carried=carried)
        matcher = _entries(knowledge)[1] if pending else None
        runner = runner or start(pending)
        on_start(len(pending))
        cpu = time.process_time()
        _analyse_pending(db, runner, knowledge, pending, report, matcher, screen, batch_size, bounds, on_item)
        report.analysis_seconds = time.perf_counter() - started
        report.writer_cpu_seconds = time.process_time() - cpu
        # the tables as a run over the whole corpus would write them, before the corpus pass: actors merged across
        # the corpus and event sides filled, rewriting only the documents that arrived or whose rows change
        if corpus_stale(db):  # the engine's workers encode the sentences the pass compares
            corpus_started = time.perf_counter()
            report.rewritten = len(refresh_tables(db, knowledge.annotate.actors).rewritten)
            report.tables_seconds = time.perf_counter() - corpus_started
            counts = VectorCounts()
            report.stories, report.comparisons = relate(
                db, knowledge, encode=runner.encode, vectors=counts, warn=report.warnings.append
            )
            report.vectors_reused, report.vectors_encoded = counts.reused, counts.encoded
            report.corpus_rows = counts.rows
            report.encode_seconds = counts.seconds
            report.corpus_seconds = time.perf_counter() - corpus_started
    finally:
        if runner is not None:
            runner.close()
    report.seconds = time.perf_counter() - started
    return report


def engine_batches(spec: EngineSpec, documents: int, batch_size: int) -> int:
    """How many batches of work the engine is sized for (`open_engine` starts at most that many workers): the
    batches `documents` are cut into, which shrink near the end (see TAIL), so `--workers 2` shares out even a run
    of a few documents. Without `--workers`, a run of at most one batch counts as one and stays in this process:
    starting workers, each loading the model, would cost more than they save."""
    if spec.workers is None and documents <= batch_size:
        return min(documents, 1)
    return sum(1 for _ in _batches(range(documents), batch_size, total=documents))


def _analyse_pending(
    db: sqlite3.Connection,
    runner: Engine,
    knowledge: Knowledge,
    pending: Sequence[str],
    report: AnalyzeReport,
    matcher: EntryMatcher | None,
    screen: Prefilter | None,
    batch_size: int,
    bounds: Bounds,
    on_item: Progress,
) -> None:
    """The pending documents through the engine, each result written here in input order (see `analyze`)."""
    from bilateral.annotate.nlp import analysed, not_analysed_reason

    # the packs read once (hashing them reads every pack file): what this run analyses with is the knowledge loaded
    fingerprint = knowledge.fingerprint

    def articles() -> Iterator[Article]:
        for document in pending:
            article = load_article(db, document)
            if article is None:
                continue
            if not analysed(article.language):  # listed as such, never silently empty
                reason = not_analysed_reason(str(article.language))
                if not_analysed(db, article.id) == reason:
                    report.failed.append(Skipped(article.source, reason))
                else:
                    _fail(db, report, article, reason, fingerprint)
                on_item(article.id)
                continue
            if len(article.text) > bounds.characters:
                reason = f"has {len(article.text):,} characters, more than the bound of {bounds.characters:,}"
                _fail(db, report, article, reason, fingerprint)
                on_item(article.id)
                continue
            if screen is not None and not screen.keeps(article.text):
                report.screened_out.append(article.id)
                on_item(article.id)
                continue
            yield article

    report.engine, report.workers = runner.name, runner.workers
    for batch, results in runner.map(_batches(articles(), batch_size, total=len(pending))):
        for article, result in zip(batch, results, strict=True):
            on_item(article.id)
            if isinstance(result, Skipped):
                _fail(db, report, article, result.reason, fingerprint)
                continue
            assert matcher is not None
            save_analysis(db, result, knowledge=fingerprint, entries=matcher.entries_in(article.text))
            report.analysed += 1
            report.words += len(article.text.split())


# The entries of the last knowledge used, by its fingerprint (building the matcher reads every world name once).
_ENTRIES: dict[str, tuple[Entries, EntryMatcher]] = {}


def _entries(knowledge: Knowledge) -> tuple[Entries, EntryMatcher]:
    from bilateral.knowledge.entries import pack_entries

    if knowledge.fingerprint not in _ENTRIES:
        _ENTRIES.clear()
        entries = pack_entries(knowledge.packs, knowledge.annotate.actors.spellings)
        _ENTRIES[knowledge.fingerprint] = (entries, entries.matcher())
    return _ENTRIES[knowledge.fingerprint]


def _follow_knowledge(db: sqlite3.Connection, knowledge: Knowledge, *, force: bool) -> int:
    """When the knowledge changed since the store's last run, keep the analyses of the documents the edit did not
    touch (see store.entries) and record the new knowledge; returns how many were kept."""
    from bilateral.store.entries import carry_forward, stored_entries, stored_fingerprint, touched_documents

    before = stored_fingerprint(db)
    if before == knowledge.fingerprint:
        return 0
    entries = _entries(knowledge)[0]
    changed = None if force or before is None else entries.changed(stored_entries(db))
    touched = None if changed is None else touched_documents(db, entries, changed)
    return carry_forward(db, entries, before=before, now=knowledge.fingerprint, touched=touched)


def _fail(db: sqlite3.Connection, report: AnalyzeReport, article: Article, reason: str, knowledge: str) -> None:
    record_failure(db, article.id, reason, knowledge=knowledge)
    report.failed.append(Skipped(article.source, reason))


@dataclass
class VectorCounts:
    """What a corpus pass did for its sentence vectors: read from the store, encoded (and stored); and the rows of
    stories, story items and figure comparisons it wrote (see store.corpus.save_corpus)."""

    reused: int = 0
    encoded: int = 0
    seconds: float = 0.0  # wall seconds waiting for `encode`
    rows: int = 0


def relate(
    db: sqlite3.Connection,
    knowledge: Knowledge,
    *,
    embeddings: bool = True,
    encode: Callable[[Sequence[str]], Vectors] | None = None,
    vectors: VectorCounts | None = None,
    warn: Progress = _ignore,
) -> tuple[int, int]:
    """Rebuild what is found across documents: stories and figure comparisons. Returns how many of each.

    Sentence embeddings join the comparison when their packages are installed (and `embeddings` is True): English
    pairs are read by the core's model, pairs with a sentence in another language by the multilingual model of
    the extra bilateral[es] (loaded only when such a pair is compared). The English vectors are kept in the store
    (table `sentence_vectors`): each pass (stories, then figures) is dry-run first to learn which sentences it
    compares (`Closeness.planning`), those the store lacks are encoded by `encode` ((n, 384) float32 for n
    sentences, e.g. an engine's workers; by default the model here; should `encode` fail, the model here, after a
    line to `warn`) and stored, then the pass runs with them. So a
    corpus pass after a few documents arrived encodes only the sentences it had never compared; `vectors`, when
    given, receives the counts. The exports are the same bytes whichever way a vector was made.
    """
    from bilateral.annotate.nlp import MODELS
    from bilateral.compare.agreement import compare_figures, qualifiers, quantity_groups
    from bilateral.compare.embeddings import CrossLanguageReader, closeness, load_cross_language_model, load_model
    from bilateral.compare.stories import find_stories
    from bilateral.store.corpus import document_actors, load_items, save_corpus

    actors = knowledge.annotate.actors
    with snapshot(db):
        version = store_version(db)
        items, weights = load_items(db, places={*actors.countries, *actors.capitals, *actors.places})
        named = document_actors(db)
    model = load_model() if embeddings else None
    across = CrossLanguageReader(load_cross_language_model) if embeddings and items else None
    close = closeness(items, model, cross_language=across) if across else None
    source = None
    if close is not None and model is not None:
        from bilateral.compare.embeddings import model_id
        from bilateral.store.vectors import VectorSource

        source = VectorSource(db, model_id(), encode_or_here(encode, model.encode, warn) if encode else model.encode)
    actions = {
        str(key): str(noun) for pack in knowledge.packs.of_kind("stories") for key, noun in pack.data["actions"].items()
    }
    countries = {country.code: country.name for country in actors.countries.values()}
    stories = _with_vectors(
        close,
        source,
        lambda: find_stories(
            items,
            weights,
            closeness=close,
            actions=actions,
            countries=countries,
            meaning=across.meaning if across else None,
            actors=named,
            generic=actors.agents.keys(),
        ),
    )
    figures = [item for item in items if item.kind == "figure"]
    named_countries = {name: country.code for name, country in actors.countries.items()}
    exact = {name: country.code for name, country in actors.countries_exact.items()}
    sides = qualifiers(knowledge.packs, named_countries, exact)
    # for two figures in different languages, the countries each clause names in the words of every language the
    # corpus holds ("estadounidense"); pairs in one language keep the English names (see the README's limits)
    named_across: dict[str, str] = {}
    exact_across: dict[str, str] = {}
    for language in sorted({item.language for item in items} & MODELS.keys() - {knowledge.packs.language}):
        other = knowledge.for_language(language).annotate.actors
        named_across |= {name: country.code for name, country in other.countries.items()}
        exact_across |= {name: country.code for name, country in other.countries_exact.items()}
    sides_across = (
        qualifiers(knowledge.packs, named_across | named_countries, exact_across | exact) if named_across else None
    )
    groups = quantity_groups(knowledge.packs)
    together: dict[str, set[str]] = {}
    for story in stories:
        for document in story.documents:
            together.setdefault(document, set()).add(story.id)
    comparisons = _with_vectors(
        close,
        source,
        lambda: compare_figures(
            figures,
            weights,
            groups,
            closeness=close,
            qualified=sides,
            stories=together,
            meaning=across.meaning if across else None,
            qualified_across=sides_across,
        ),
    )
    rows = save_corpus(db, stories, comparisons, version=version)
    if vectors is not None:
        vectors.rows = rows
    if source is not None and close is not None:
        source.keep({sentence: close.embedded[sentence] for sentence in close.encoded})  # none when planned right
        if vectors is not None:
            vectors.reused, vectors.encoded, vectors.seconds = source.reused, source.encoded, source.seconds
    months: dict[str, set[str | None]] = {}
    for story in stories:
        first, last = (story.first_date or "")[:7], (story.last_date or "")[:7]
        month = first if len(first) == 7 and first == last else None
        for document in story.documents:
            months.setdefault(document, set()).add(month)
    date_undated_events(db, months)
    return len(stories), len(comparisons)


def _with_vectors(close: Closeness | None, source: VectorSource | None, run: Callable[[], T]) -> T:
    """`run()` with the vectors it compares handed to `close` first: a dry run to learn which (see
    `Closeness.planning`), then those from `source` (stored or encoded), then the run itself."""
    if close is None or source is None:
        return run()
    with close.planning() as wanted:
        run()
    close.add(source.vectors(wanted))
    return run()
