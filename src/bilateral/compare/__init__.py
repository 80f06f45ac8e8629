"""Comparing sources, one document at a time: genre, partisanship, framing and tone toward actors.

The plain results each piece returns live here; the functions live in their own modules.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Evidence = tuple[int, int, str]  # (start, end, text) with text == article.text[start:end]

# The genre cues, the partisanship model and VADER's tone lexicon were made from English text: a document in
# another language is not scored by them (its genre, partisanship and tone are None, shown as "n/a (Spanish)").
SCORED_LANGUAGES = frozenset({"en"})


def scored(language: str | None) -> bool:
    """Whether the comparison models read `language` (ISO 639-1; None: undetected, read as English)."""
    return (language or "en") in SCORED_LANGUAGES


@dataclass(frozen=True)
class Genre:
    """news | opinion | analysis | statement, the model's probability for it, and the cues that decided."""

    label: str
    score: float
    features: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class FrameUse:
    """One frame a document uses, overall (issue None) or on one agenda issue, with the sentences that show it."""

    frame: str
    score: float
    issue: str | None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class Stance:
    """Tone of one document toward one actor, −1..1, with the sentences behind it."""

    document: str
    actor: str
    score: float
    evidence: list[Evidence] = field(default_factory=list)
