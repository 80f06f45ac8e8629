"""Tone toward actors: for each of a document's main actors, a score from −1 to 1 with the sentences behind it.

A sentence counts for an actor only when the actor is its subject or object (dependency parse), so a sentence
praising one side while naming the other in passing is not read as praise of both. Sentence scores are VADER
compound scores (Hutto and Gilbert, 2014); the actor's score is their mean.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache
from typing import Any

from bilateral.annotate.nlp import text_of
from bilateral.annotate.spans import LOCATIVE
from bilateral.compare import Evidence, Stance
from bilateral.model import Analysis

TOP_ACTORS = 5
SUBJECT = {"nsubj", "nsubjpass", "csubj", "csubjpass", "agent", "expl"}
OBJECT = {"dobj", "obj", "iobj", "pobj", "dative", "attr", "oprd"}
# a mention inside these ("Mexico's president", "the Mexican government", "Mexico and Canada") stands for the
# phrase it modifies, so the role is read off that phrase's head
ATTACHED = {"poss", "compound", "amod", "appos", "conj", "nmod", "det", "case", "flat", "nummod"}


@cache
def _analyser() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # type: ignore[import-untyped]

    return SentimentIntensityAnalyzer()


def polarity_scores(text: str) -> dict[str, float]:
    """VADER's scores: "compound" (−1 most negative to 1) and the shares "pos", "neg", "neu" (0..1)."""
    return {key: float(value) for key, value in _analyser().polarity_scores(text).items()}


def sentence_score(text: str) -> float:
    """VADER's compound score, −1 (most negative) to 1."""
    return polarity_scores(text)["compound"]


def role(doc: Any, start: int, end: int) -> str | None:
    """'subject', 'object' or None for the mention at doc.text[start:end]."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    for _ in range(6):  # a few hops up through modifiers is enough; parses are shallow there
        if token.dep_ in SUBJECT:
            return "subject"
        if token.dep_ in OBJECT:
            if token.dep_ == "pobj" and token.head.lower_ in LOCATIVE:  # "in Mexico" says where, not whom
                return None
            return "object"
        if token.dep_ not in ATTACHED or token.head is token:
            return None
        token = token.head
    return None


def main_actors(analysis: Analysis, top: int = TOP_ACTORS) -> list[str]:
    """Most mentioned actors, ties broken by id so the choice is stable."""
    counts: dict[str, int] = {}
    for mention in analysis.mentions:
        counts[mention.actor] = counts.get(mention.actor, 0) + 1
    return [actor for actor, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]]


def stances(doc: Any, analysis: Analysis, *, top: int = TOP_ACTORS) -> list[Stance]:
    """Tone of the document toward each main actor that is the subject or object of at least one sentence."""
    sentences = sorted(analysis.sentences)
    starts = [start for start, _ in sentences]
    text = text_of(doc)
    results = []
    scores: dict[str, float] = {}  # a sentence with several main actors in it is scored once
    for actor in main_actors(analysis, top):
        evidence: dict[tuple[int, int], Evidence] = {}
        for mention in analysis.mentions:
            if mention.actor != actor or role(doc, mention.start, mention.end) is None:
                continue
            at = bisect_right(starts, mention.start) - 1
            if at >= 0 and mention.start < sentences[at][1]:
                start, end = sentences[at]
                evidence[(start, end)] = (start, end, text[start:end])
        if not evidence:
            continue
        chosen = [evidence[key] for key in sorted(evidence)]
        for _, _, sentence in chosen:
            if sentence not in scores:
                scores[sentence] = sentence_score(sentence)
        score = sum(scores[sentence] for _, _, sentence in chosen) / len(chosen)
        results.append(Stance(document=analysis.document, actor=actor, score=round(score, 4), evidence=chosen))
    return results
