"""The analysis stages, registered from one explicit list, and the runner that applies them to a document.

A stage is a named callable `(doc, analysis, knowledge) -> Analysis` over plain data with no I/O. The runner
runs them in order, names the stage that failed and checks what each returned.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilateral.errors import BilateralError, StageError
from bilateral.model import Analysis, Event, Figure, Linkage

Doc = Any  # spacy.tokens.Doc; kept loose so this module imports without loading spaCy


@dataclass(frozen=True)
class Knowledge:
    """Everything the stages know, loaded and validated once per process."""

    annotate: Any
    events: Any
    linkages: Any
    fingerprint: str


def load_knowledge(extra: Sequence[Path] = ()) -> Knowledge:
    from bilateral import annotate
    from bilateral.extract.events import load_event_patterns
    from bilateral.extract.linkages import load_linkage_cues
    from bilateral.knowledge import load_packs

    packs = load_packs(extra)
    return Knowledge(
        annotate=annotate.load_knowledge(extra),
        events=load_event_patterns(packs),
        linkages=load_linkage_cues(packs),
        fingerprint=packs.fingerprint,
    )


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Doc, Analysis, Knowledge], Analysis]


def _annotate(doc: Doc, analysis: Analysis, knowledge: Knowledge) -> Analysis:
    from bilateral import annotate

    found: Analysis = annotate.analyse(
        doc, published=analysis.published, document=analysis.document, knowledge=knowledge.annotate
    )
    found.published = analysis.published
    return found


def _events(doc: Doc, analysis: Analysis, knowledge: Knowledge) -> Analysis:
    from bilateral.extract.events import extract_events

    analysis.events = extract_events(doc, analysis, patterns=knowledge.events)
    return analysis


def _figures(doc: Doc, analysis: Analysis, knowledge: Knowledge) -> Analysis:
    from bilateral.extract.figures import extract_figures

    analysis.figures = extract_figures(doc, analysis)
    return analysis


def _linkages(doc: Doc, analysis: Analysis, knowledge: Knowledge) -> Analysis:
    from bilateral.extract.linkages import extract_linkages

    analysis.linkages = extract_linkages(doc, analysis, cues=knowledge.linkages)
    return analysis


DEFAULT_STAGES: tuple[Stage, ...] = (
    Stage("annotate", _annotate),
    Stage("events", _events),
    Stage("figures", _figures),
    Stage("linkages", _linkages),
)


def run_stages(
    doc: Doc, analysis: Analysis, knowledge: Knowledge, *, stages: Sequence[Stage] = DEFAULT_STAGES
) -> Analysis:
    text = doc.text
    for stage in stages:
        try:
            result = stage.run(doc, analysis, knowledge)
        except BilateralError:
            raise
        except Exception as e:
            raise StageError(stage.name, f"{type(e).__name__}: {e}") from e
        if not isinstance(result, Analysis):
            raise StageError(stage.name, f"returned {type(result).__name__}, not Analysis")
        items: list[Event | Figure | Linkage] = [*result.events, *result.figures, *result.linkages]
        for item in items:
            if text[item.start : item.end] != item.evidence:
                raise StageError(stage.name, f"evidence {item.evidence[:40]!r} is not text[{item.start}:{item.end}]")
        analysis = result
    return analysis
