"""The analysis stages, registered from one explicit list, and the runner that applies them to a document.

A stage is a named callable `(doc, analysis, knowledge) -> Analysis` over plain data with no I/O. The runner
runs them in order, names the stage that failed and checks what each returned.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilateral import annotate
from bilateral.annotate.knowledge import build as build_annotate_knowledge
from bilateral.errors import BilateralError, StageError
from bilateral.knowledge import Packs, load_packs
from bilateral.model import Analysis, Event, Figure, Linkage

Doc = Any  # spacy.tokens.Doc; kept loose so this module imports without loading spaCy


@dataclass(frozen=True)
class Knowledge:
    """Everything the stages know, loaded and validated once per process."""

    packs: Packs
    annotate: annotate.Knowledge

    @property
    def fingerprint(self) -> str:
        return self.packs.fingerprint


def load_knowledge(extra: Sequence[Path] = ()) -> Knowledge:
    packs = load_packs(extra)
    return Knowledge(packs=packs, annotate=build_annotate_knowledge(packs))


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Doc, Analysis, Knowledge], Analysis]


def _annotate(doc: Doc, analysis: Analysis, knowledge: Knowledge) -> Analysis:
    """Sentences, actors, places, dates and agenda issues."""
    return annotate.analyse(doc, published=analysis.published, document=analysis.document, knowledge=knowledge.annotate)


DEFAULT_STAGES: tuple[Stage, ...] = (Stage("annotate", _annotate),)


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
