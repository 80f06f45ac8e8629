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
from bilateral.annotate.screen import Screen, lowered
from bilateral.compare import Evidence, FrameUse
from bilateral.knowledge import Packs, builtin_packs, require
from bilateral.model import Analysis

MIN_SENTENCES = 1  # one clear sentence is evidence enough; the score says how much of the document it is


@dataclass(frozen=True)
class Frame:
    name: str
    label: str
    pattern: re.Pattern[str]  # case-insensitive
    min_hits: int
    cues: tuple[str, ...] = ()  # the literal words one of which `pattern` needs, lower-case ("" where none is known)


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
                # a cue outside ASCII is not screened (see annotate.screen.lowered): "" lets every text through
                cues=tuple(
                    cue if cue.isascii() else "" for cue in (str(term).lower().removesuffix("*") for term in terms)
                ),
            )
    return [found[name] for name in sorted(found)]


def _known(packs: Packs) -> tuple[list[Frame], Screen[str]]:
    """The frames of `packs` and their screen, made once per Packs object (one per language of a knowledge)."""
    kept = _KNOWN.get(id(packs))
    if kept is None or kept[0] is not packs:
        if len(_KNOWN) >= _KEEP:
            _KNOWN.clear()
        known = frames_from_packs(packs)
        kept = _KNOWN[id(packs)] = (packs, (known, Screen({frame.name: frame.cues for frame in known})))
    return kept[1]


_KEEP = 8
_KNOWN: dict[int, tuple[Packs, tuple[list[Frame], Screen[str]]]] = {}  # the Packs is kept, so its id is not reused


def _sentences(source: Any, analysis: Analysis) -> list[Evidence]:
    """(start, end, text) per sentence, from a spaCy Doc or the article text (with analysis.sentences), or given."""
    if isinstance(source, str) or hasattr(source, "user_data"):  # the text, or a spaCy Doc
        text = source if isinstance(source, str) else text_of(source)
        return [(start, end, text[start:end]) for start, end in analysis.sentences]
    return [(int(start), int(end), str(sentence)) for start, end, sentence in source]


def frames_carried(text: str, frames: Sequence[Frame], screen: Screen[str] | None = None) -> list[str]:
    """The names of the frames whose cues `text` holds at least `min_hits` times, in the order of `frames`;
    with the frames' `screen`, only frames one of whose cues `text` holds are searched."""
    may = screen.candidates(lowered(text)) if screen is not None else None
    return [
        frame.name
        for frame in frames
        if may is None or frame.name in may
        # one hit is where the first is found: no need to find every hit
        if (
            frame.pattern.search(text) is not None
            if frame.min_hits == 1
            else len(frame.pattern.findall(text)) >= frame.min_hits
        )
    ]


def frame_sentences(
    sentences: Sequence[Evidence], frames: Sequence[Frame], found: Sequence[list[str]] | None = None
) -> dict[str, list[Evidence]]:
    """Frame name → sentences carrying it. `found`, when given, holds `frames_carried` of each sentence (read once
    for a document and its issues alike)."""
    carrying: dict[str, list[Evidence]] = {frame.name: [] for frame in frames}
    if found is None:
        found = [frames_carried(sentence[2], frames) for sentence in sentences]
    for sentence, names in zip(sentences, found, strict=True):
        for name in names:
            carrying[name].append(sentence)
    return carrying


def frames(source: Any, analysis: Analysis, *, packs: Packs | None = None) -> list[FrameUse]:
    """Frames the document uses (issue None) and, for each agenda issue it discusses, the frames on that issue.

    `source` is the spaCy Doc, the article text, or (start, end, text) sentences; offsets are into the article
    text, so each evidence text equals article.text[start:end].
    """
    known, screen = _known(packs or builtin_packs())
    sentences = _sentences(source, analysis)
    if not sentences:
        return []
    found = [frames_carried(sentence[2], known, screen) for sentence in sentences]  # each sentence read once
    uses = _uses(sentences, found, known, issue=None)
    issue_of: dict[tuple[int, int], tuple[str, ...]] = {
        (tagged.start, tagged.end): tagged.issues for tagged in analysis.sentence_issues
    }
    issues = sorted(analysis.issues) or sorted(
        {issue for tagged in analysis.sentence_issues for issue in tagged.issues}
    )
    for issue in issues:
        on_issue = [k for k, sentence in enumerate(sentences) if issue in issue_of.get((sentence[0], sentence[1]), ())]
        if on_issue:
            uses.extend(_uses([sentences[k] for k in on_issue], [found[k] for k in on_issue], known, issue=issue))
    return uses


def _uses(
    sentences: Sequence[Evidence], found: Sequence[list[str]], known: Sequence[Frame], *, issue: str | None
) -> list[FrameUse]:
    carrying = frame_sentences(sentences, known, found)
    uses = [
        FrameUse(frame=name, score=round(len(evidence) / len(sentences), 4), issue=issue, evidence=evidence)
        for name, evidence in carrying.items()
        if len(evidence) >= MIN_SENTENCES
    ]
    return sorted(uses, key=lambda use: (-use.score, use.frame))
