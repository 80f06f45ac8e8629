"""Engines: where the per-document analysis runs — in this process, in worker processes, or on a Dask cluster.

The unit of work is `analyse_articles`: a batch of articles in, one `Analysis` (or a `Skipped` naming why not)
per article out, with no I/O. An engine maps it over a stream of batches and yields the results in input order,
so the one writer (the caller, holding the store) saves them in the same order whatever ran them: exports are
byte-identical across engines. Workers load the knowledge packs and the spaCy model once each, from the packs'
folders; neither is ever pickled into a task. The corpus pass hands the same workers its second kind of work:
sentences to encode (`Engine.encode`, each sentence on its own, so a vector does not depend on where it was made).
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from bilateral.errors import BilateralError
from bilateral.model import Analysis, Article, Skipped

if TYPE_CHECKING:
    from bilateral.compare.embeddings import Vectors
    from bilateral.stages import Knowledge

ENGINES = ("local", "dask")
Result = Analysis | Skipped
Work = TypeVar("Work")
Done = TypeVar("Done")
# Sentences per encoding task: ~1 s of work each, small enough that the last ones leave little idle tail, large
# enough that sentences of one token length, handed over in order of length, run together (embeddings.BATCH).
ENCODE_BATCH = 64


class EngineError(BilateralError):
    """An engine could not start or lost its workers."""


# Bounds on one document's analysis: past one, the document is skipped with the reason and the batch goes on.
MAX_CHARACTERS = 5_000_000  # longer texts are parsed in sections up to this (see annotate/nlp.py)
MAX_SENTENCES = 50_000
MAX_SECONDS = 600.0  # checked between stages


@dataclass(frozen=True)
class Bounds:
    """The most one document may take: characters of text, sentences, and seconds of analysis."""

    characters: int = MAX_CHARACTERS
    sentences: int = MAX_SENTENCES
    seconds: float = MAX_SECONDS


DEFAULT_BOUNDS = Bounds()


def analyse_articles(
    articles: Sequence[Article], knowledge: Knowledge, bounds: Bounds = DEFAULT_BOUNDS
) -> list[Result]:
    """Parse the articles in one `nlp.pipe` batch and run the stages: one result per article, in order.

    Each article is analysed on its own: one that cannot be parsed, fails a stage or passes a bound becomes a
    `Skipped` (source, one-line reason); the others go on.
    """
    docs: list[Any] = [None] * len(articles)
    for language in sorted({_language(a) for a in articles}):  # each language through its own model
        at = [i for i, article in enumerate(articles) if _language(article) == language]
        for i, doc in zip(at, _parse_each([articles[i].text for i in at], language), strict=True):
            docs[i] = doc
    return [
        _analyse_one(article, doc, knowledge.for_language(_language(article)), bounds)
        for article, doc in zip(articles, docs, strict=True)
    ]


def _language(article: Article) -> str:
    """The pipeline an article goes to: its language where one exists for it, else English (undetected text)."""
    from bilateral.annotate.nlp import MODELS

    return article.language if article.language in MODELS else "en"


def _parse_each(texts: list[str], language: str = "en") -> list[Any]:
    """A Doc for each text, or the exception parsing it raised: the batch at once, and one by one if that fails,
    so one text spaCy cannot parse costs only its own document."""
    from bilateral.annotate.nlp import parse

    try:
        return list(parse(texts, language=language))
    except Exception:  # retried one by one below, where each failure is kept
        pass
    docs: list[Any] = []
    for text in texts:
        try:
            docs.extend(parse([text], language=language))
        except Exception as e:  # a library crashing on strange input must not stop the batch
            docs.append(e)
    return docs


def _analyse_one(article: Article, doc: Any, knowledge: Knowledge, bounds: Bounds) -> Result:
    """The document's Analysis, or a Skipped saying in one line why it has none."""
    from bilateral.stages import run_stages

    if isinstance(doc, Exception):
        return Skipped(article.source, f"could not be parsed ({type(doc).__name__}: {one_line(str(doc))})")
    sentences = sum(1 for _ in doc.sents)
    if sentences > bounds.sentences:
        return Skipped(article.source, f"has {sentences:,} sentences, more than the bound of {bounds.sentences:,}")
    try:
        return run_stages(doc, article, knowledge, deadline=time.monotonic() + bounds.seconds)
    except BilateralError as e:
        return Skipped(article.source, one_line(e.message))
    except Exception as e:  # a stage crashing on strange input must not stop the batch
        return Skipped(article.source, f"analysis failed ({type(e).__name__}: {one_line(str(e))})")


def one_line(text: str, limit: int = 300) -> str:
    """`text` on one line, cut to `limit` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


@cache
def worker_knowledge(folders: tuple[str, ...], fingerprint: str) -> Knowledge:
    """The knowledge a worker process loads once (built-in packs plus `folders`), checked against the caller's."""
    from bilateral.stages import load_knowledge

    knowledge = load_knowledge([Path(folder) for folder in folders])
    if knowledge.fingerprint != fingerprint:
        raise EngineError(
            f"the knowledge packs changed while the run started (worker {knowledge.fingerprint}, caller {fingerprint})",
            hint="run the command again once the packs are saved",
        )
    return knowledge


def prepare_worker(folders: tuple[str, ...], fingerprint: str) -> None:
    """Load the knowledge and the spaCy model in this worker process: engines run it as soon as a worker starts,
    so the load overlaps what the caller does before the first batch (matching the packs' entries, reading the
    first documents)."""
    from bilateral.annotate.nlp import load_nlp

    worker_knowledge(folders, fingerprint)
    load_nlp()


def analyse_task(
    articles: Sequence[Article], folders: tuple[str, ...], fingerprint: str, bounds: Bounds = DEFAULT_BOUNDS
) -> list[Result]:
    """`analyse_articles` as a worker runs it: the knowledge is found by its folders, loaded once per process."""
    return analyse_articles(articles, worker_knowledge(folders, fingerprint), bounds)


class Engine(Protocol):
    name: str
    workers: int

    def map(self, batches: Iterable[list[Article]]) -> Iterator[tuple[list[Article], list[Result]]]:
        """Each batch with its results (one per article), in the order the batches came."""
        ...

    def encode(self, sentences: Sequence[str]) -> Vectors:
        """(len(sentences), 384) float32 vectors under all-MiniLM-L6-v2 (`embeddings.encode_sentences`), in order."""
        ...

    def close(self) -> None: ...


def sentence_batches(sentences: Sequence[str]) -> Iterator[list[str]]:
    """The sentences in tasks of ENCODE_BATCH."""
    for first in range(0, len(sentences), ENCODE_BATCH):
        yield list(sentences[first : first + ENCODE_BATCH])


def stacked(parts: Iterable[Vectors]) -> Vectors:
    """The tasks' vectors as one (n, 384) array, in order."""
    import numpy as np

    from bilateral.compare.embeddings import DIMENSIONS

    found = list(parts)
    return np.concatenate(found) if found else np.zeros((0, DIMENSIONS), dtype=np.float32)


@dataclass(frozen=True)
class EngineSpec:
    """What the user asked for: `local` (all cores unless `workers`) or `dask` (`scheduler` or a LocalCluster)."""

    name: str = "local"
    workers: int | None = None
    scheduler: str | None = None

    def __post_init__(self) -> None:
        if self.name not in ENGINES:
            raise EngineError(f"unknown engine {self.name!r}", hint=f"use one of: {', '.join(ENGINES)}")
        if self.workers is not None and self.workers < 1:
            raise EngineError(f"--workers must be at least 1, got {self.workers}", hint="pass --workers 1 or more")
        if self.scheduler and self.name != "dask":
            raise EngineError("--scheduler needs --engine dask", hint="add --engine dask")


class InlineEngine:
    """Everything in the calling process: the reference the other engines must match byte for byte."""

    name = "inline"
    workers = 1

    def __init__(self, knowledge: Knowledge, bounds: Bounds = DEFAULT_BOUNDS) -> None:
        self.knowledge = knowledge
        self.bounds = bounds

    def map(self, batches: Iterable[list[Article]]) -> Iterator[tuple[list[Article], list[Result]]]:
        for batch in batches:
            yield batch, analyse_articles(batch, self.knowledge, self.bounds)

    def encode(self, sentences: Sequence[str]) -> Vectors:
        from bilateral.compare.embeddings import encode_sentences

        return stacked(encode_sentences(batch) for batch in sentence_batches(sentences))

    def close(self) -> None:
        pass


def encode_or_here(
    encode: Callable[[Sequence[str]], Vectors],
    here: Callable[[Sequence[str]], Vectors],
    warn: Callable[[str], None],
) -> Callable[[Sequence[str]], Vectors]:
    """`encode` (an engine's workers), or `here` (the model in this process) once the workers failed to encode:
    for the failed call and every later one, after `warn` got one line saying why. A cluster whose workers lack
    the sentence model's packages then costs time, not the run: the documents are already stored by then."""
    failed: list[str] = []

    def run(sentences: Sequence[str]) -> Vectors:
        if not failed:
            try:
                return encode(sentences)
            except EngineError as e:
                failed.append(e.message)
                why = one_line(e.message)
                warn(f"the workers could not encode the corpus pass's sentences, so this process did ({why})")
        return here(sentences)

    return run


def in_order(
    submit: Callable[[Work], Callable[[], Done]], batches: Iterable[Work], *, window: int
) -> Iterator[tuple[Work, Done]]:
    """Keep at most `window` batches in flight and yield each with its results, in submission order.

    `submit(batch)` starts the work and returns a function that waits for its result. Reading the input lazily
    keeps memory flat however long the stream is (a pool's own `imap` would read all of it at once).
    """
    pending: deque[tuple[Work, Callable[[], Done]]] = deque()
    for batch in batches:
        pending.append((batch, submit(batch)))
        if len(pending) >= window:
            done, wait = pending.popleft()
            yield done, wait()
    while pending:
        done, wait = pending.popleft()
        yield done, wait()


def open_engine(
    spec: EngineSpec, knowledge: Knowledge, folders: Sequence[Path], *, batches: int, bounds: Bounds = DEFAULT_BOUNDS
) -> Engine:
    """The engine `spec` names, sized for `batches` batches of work; the caller closes it.

    `local` with one worker's worth of work (or one core) runs inline: starting processes would only add their
    model load. Raises EngineError when Dask is asked for but not installed, or its scheduler cannot be reached.
    """
    names = tuple(str(Path(folder).resolve()) for folder in folders)
    if spec.name == "dask":
        from bilateral.engines.dask_cluster import DaskEngine

        return DaskEngine(names, knowledge.fingerprint, workers=spec.workers, scheduler=spec.scheduler, bounds=bounds)
    workers = min(spec.workers or os.cpu_count() or 1, batches)
    if workers <= 1:
        return InlineEngine(knowledge, bounds)
    from bilateral.engines.local import LocalEngine

    return LocalEngine(names, knowledge.fingerprint, workers=workers, bounds=bounds)
