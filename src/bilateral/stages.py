"""The analysis stages, registered from one explicit list, and the runner that applies them to a document.

A stage is a named callable `(doc, article, analysis, knowledge) -> Analysis` over plain data with no I/O. The runner
runs them in order, names the stage that failed and checks what each returned.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bilateral import annotate
from bilateral.annotate.knowledge import build as build_annotate_knowledge
from bilateral.annotate.nlp import text_of
from bilateral.errors import BilateralError, StageError
from bilateral.extract.events import extract_events
from bilateral.extract.events_patterns import EventPatterns, load_event_patterns
from bilateral.extract.figures import extract_figures
from bilateral.extract.linkages import LinkageCues, extract_linkages, load_linkage_cues
from bilateral.knowledge import Packs, load_packs
from bilateral.model import Analysis, Article, Event, Figure, Linkage

Doc = Any  # spacy.tokens.Doc; kept loose so this module imports without loading spaCy


@dataclass(frozen=True)
class Knowledge:
    """Everything the stages know, loaded and validated once per process."""

    packs: Packs
    annotate: annotate.Knowledge
    linkages: LinkageCues
    events: EventPatterns
    # language -> the knowledge for documents in it, built on first use (see `for_language`)
    languages: dict[str, Knowledge] = field(default_factory=dict, compare=False, repr=False)

    @property
    def fingerprint(self) -> str:
        return self.packs.fingerprint

    def for_language(self, language: str) -> Knowledge:
        """The knowledge for documents in `language` (ISO 639-1): this one for English; for another language,
        the same packs plus the packs written in it (`language:` key), so actor ids are shared."""
        if language == self.packs.language:
            return self
        if language not in self.languages:
            self.languages[language] = _build(self.packs.for_language(language))
        return self.languages[language]


# The last knowledge built, by its packs' content and paths: a second load in the same process (the engine, then
# `analyze`; a run after a run) reuses it instead of building the world actors again. Content is what the key
# holds, so an edited pack builds afresh. One entry: the world knowledge is large.
_LAST: dict[tuple[str, tuple[Path, ...]], Knowledge] = {}


def load_knowledge(extra: Sequence[Path] = ()) -> Knowledge:
    """The packs (built-in, then `extra` folders) built into what the stages use; KnowledgeError on a bad pack."""
    packs = load_packs(extra)
    key = (packs.fingerprint, tuple(pack.path for pack in packs.packs))
    if key not in _LAST:
        _LAST.clear()
        _LAST[key] = _build(packs)
    return _LAST[key]


def _build(packs: Packs) -> Knowledge:
    return Knowledge(
        packs=packs,
        annotate=build_annotate_knowledge(packs),
        linkages=load_linkage_cues(packs),
        events=load_event_patterns(packs),
    )


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Doc, Article, Analysis, Knowledge], Analysis]


def _annotate(doc: Doc, article: Article, analysis: Analysis, knowledge: Knowledge) -> Analysis:
    """Sentences, actors, places, dates and agenda issues."""
    return annotate.analyse(doc, published=article.published, document=article.id, knowledge=knowledge.annotate)


def _events(doc: Doc, article: Article, analysis: Analysis, knowledge: Knowledge) -> Analysis:
    """PLOVER events: who did what to whom, when, with what status."""
    analysis.events = extract_events(doc, analysis, patterns=knowledge.events)
    return analysis


def _figures(doc: Doc, article: Article, analysis: Analysis, knowledge: Knowledge) -> Analysis:
    """Quantitative claims: value, unit, approximation, what is counted, when."""
    analysis.figures = extract_figures(doc, analysis)
    return analysis


def _linkages(doc: Doc, article: Article, analysis: Analysis, knowledge: Knowledge) -> Analysis:
    """Where the text ties two agenda issues together (leverage, exchange, condition, conflict)."""
    analysis.linkages = extract_linkages(doc, analysis, cues=knowledge.linkages)
    return analysis


def _compare(doc: Doc, article: Article, analysis: Analysis, knowledge: Knowledge) -> Analysis:
    """Genre, partisanship, frames and tone toward the main actors (the first, second and last only in the
    languages their models read: compare.SCORED_LANGUAGES)."""
    from bilateral.compare import scored
    from bilateral.compare.frames import frames
    from bilateral.compare.genre import classify_genre
    from bilateral.compare.partisan import partisanship
    from bilateral.compare.tone import stances

    if scored(article.language):
        analysis.genre = classify_genre(article, doc)
        analysis.partisanship = round(partisanship(article), 4)
        analysis.stances = stances(doc, analysis)
    analysis.frames = frames(doc, analysis, packs=knowledge.packs)
    return analysis


DEFAULT_STAGES: tuple[Stage, ...] = (
    Stage("annotate", _annotate),
    Stage("events", _events),
    Stage("figures", _figures),
    Stage("linkages", _linkages),
    Stage("compare", _compare),
)


def run_stages(
    doc: Doc,
    article: Article,
    knowledge: Knowledge,
    *,
    stages: Sequence[Stage] = DEFAULT_STAGES,
    deadline: float | None = None,
) -> Analysis:
    """Run the stages in order. `deadline` is a `time.monotonic()` value; past it, the next stage is not started
    (StageError naming the stage that ran over)."""
    analysis = Analysis(article.id, published=article.published)
    text = text_of(doc)
    for stage in stages:
        if deadline is not None and time.monotonic() > deadline:
            raise StageError(stage.name, "not started: the document's time bound was passed")
        try:
            result = stage.run(doc, article, analysis, knowledge)
        except BilateralError:
            raise
        except Exception as e:
            raise StageError(stage.name, f"{type(e).__name__}: {e}") from e
        if not isinstance(result, Analysis):
            raise StageError(stage.name, f"returned {type(result).__name__}, not Analysis")
        items: list[Event | Figure | Linkage] = [*result.events, *result.figures, *result.linkages]
        spans = [(item.start, item.end, item.evidence) for item in items]
        spans += [span for use in result.frames for span in use.evidence]
        spans += [span for stance in result.stances for span in stance.evidence]
        for start, end, evidence in spans:
            if text[start:end] != evidence:
                raise StageError(stage.name, f"evidence {evidence[:40]!r} is not text[{start}:{end}]")
        analysis = result
    return analysis
