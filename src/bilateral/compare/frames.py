"""Framing: which policy frames a document uses, overall and on each agenda issue, with the sentences that show it.

Frames and their cues come from the `frames` knowledge pack (Media Frames Corpus codebook plus sovereignty and
humanitarian); a sentence carries a frame when it holds enough of its cues. Scores are shares of sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bilateral.annotate.nlp import text_of
from bilateral.compare import Evidence, FrameUse
from bilateral.knowledge import Packs, builtin_packs, require
from bilateral.model import Analysis

MIN_SENTENCES = 1  # one clear sentence is evidence enough; the score says how much of the document it is


@dataclass(frozen=True)
class Frame:
    name: str
    label: str
    pattern: re.Pattern[str]
    min_hits: int


def _term_pattern(term: str) -> str:
    if term.endswith("*"):
        return rf"\b{re.escape(term[:-1])}[\w-]*"
    return rf"\b{re.escape(term)}\b"


def frames_from_packs(packs: Packs) -> list[Frame]:
    """Frames from every `frames` pack, later packs replacing earlier ones of the same name."""
    found: dict[str, Frame] = {}
    for pack in packs.of_kind("frames"):
        entries = require(pack.data, "frames", dict, where=str(pack.path))
        for name, entry in entries.items():
            where = f"{pack.path}: frame {name}"
            terms = require(entry, "terms", list, where=where)
            # longest first so "national security" is preferred to "security" in the alternation
            alternation = "|".join(_term_pattern(str(term).lower()) for term in sorted(terms, key=lambda t: -len(t)))
            found[str(name)] = Frame(
                name=str(name),
                label=require(entry, "label", str, where=where, default=str(name)),
                pattern=re.compile(alternation, re.IGNORECASE),
                min_hits=require(entry, "min_hits", int, where=where, default=1),
            )
    return [found[name] for name in sorted(found)]


def _sentences(source: Any, analysis: Analysis) -> list[Evidence]:
    """(start, end, text) per sentence, from a spaCy Doc or the article text (with analysis.sentences), or given."""
    if isinstance(source, str) or hasattr(source, "user_data"):  # the text, or a spaCy Doc
        text = source if isinstance(source, str) else text_of(source)
        return [(start, end, text[start:end]) for start, end in analysis.sentences]
    return [(int(start), int(end), str(sentence)) for start, end, sentence in source]


def frame_sentences(sentences: Sequence[Evidence], frames: Sequence[Frame]) -> dict[str, list[Evidence]]:
    """Frame name → sentences carrying it."""
    carrying: dict[str, list[Evidence]] = {frame.name: [] for frame in frames}
    for sentence in sentences:
        for frame in frames:
            if len(frame.pattern.findall(sentence[2])) >= frame.min_hits:
                carrying[frame.name].append(sentence)
    return carrying


def frames(source: Any, analysis: Analysis, *, packs: Packs | None = None) -> list[FrameUse]:
    """Frames the document uses (issue None) and, for each agenda issue it discusses, the frames on that issue.

    `source` is the spaCy Doc, the article text, or (start, end, text) sentences; offsets are into the article
    text, so each evidence text equals article.text[start:end].
    """
    known = frames_from_packs(packs or builtin_packs())
    sentences = _sentences(source, analysis)
    if not sentences:
        return []
    uses = _uses(sentences, known, issue=None)
    issue_of: dict[tuple[int, int], tuple[str, ...]] = {
        (tagged.start, tagged.end): tagged.issues for tagged in analysis.sentence_issues
    }
    issues = sorted(analysis.issues) or sorted(
        {issue for tagged in analysis.sentence_issues for issue in tagged.issues}
    )
    for issue in issues:
        on_issue = [sentence for sentence in sentences if issue in issue_of.get((sentence[0], sentence[1]), ())]
        if on_issue:
            uses.extend(_uses(on_issue, known, issue=issue))
    return uses


def _uses(sentences: Sequence[Evidence], known: Sequence[Frame], *, issue: str | None) -> list[FrameUse]:
    carrying = frame_sentences(sentences, known)
    uses = [
        FrameUse(frame=name, score=round(len(evidence) / len(sentences), 4), issue=issue, evidence=evidence)
        for name, evidence in carrying.items()
        if len(evidence) >= MIN_SENTENCES
    ]
    return sorted(uses, key=lambda use: (-use.score, use.frame))
