"""Figures: every quantitative claim in a document, with what is counted (the noun phrase the number quantifies,
from the dependency parse), the date it refers to (a resolved date in the same sentence) and the sentence as
evidence.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from bilateral.annotate.nlp import text_of
from bilateral.extract.numbers import Quantity, doc_quantities, grammar
from bilateral.model import Analysis, DateMention, Figure

Doc = Any
Token = Any
NOUNS = {"NOUN", "PROPN"}


@cache
def holders() -> frozenset[str]:
    """Words that hold the number but are not what is counted ("$4 billion" → billion, "10 percent" → percent,
    "45 minutes"): the last word of each scale, unit, currency and vague phrase of the `numbers` pack."""
    g = grammar()
    phrases = [*g.scales, *g.multipliers, *g.currency_scales, *g.units, *g.currency_symbols, *g.vague]
    return frozenset(phrase.lower().split()[-1] for phrase in phrases if phrase.strip()) | {"%"}


def _noun_phrase(noun: Token, quantity: set[int]) -> str:
    """The head noun with its modifiers: compounds and adjectives before it ("Korean workers"), and a participle
    right after it that says which ones ("workers compensated", "doses delivered")."""
    parts = [
        c
        for c in noun.children
        if c.dep_ in {"compound", "amod"} and c.i < noun.i and c.like_num is False and c.i not in quantity
    ]
    # a compound's own compounds belong to the name too ("Astra Zeneca vaccines", not "Zeneca vaccines")
    parts += [g for c in parts if c.dep_ == "compound" for g in c.children if g.dep_ == "compound" and g.i < c.i]
    parts += [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i == noun.i + 1]
    words = [t.text for t in sorted([*parts, noun], key=lambda t: t.i)]
    return " ".join(words)


def _counted_noun(tokens: list[Token]) -> Token | None:
    last = tokens[-1]
    for token in [last, *tokens]:
        head = token.head
        if (
            token.dep_ in {"nummod", "quantmod", "compound", "amod", "nmod"}
            and head.pos_ in NOUNS
            and head.lower_ not in holders()
            and head.i not in {t.i for t in tokens}
        ):
            return head
    # "$4 billion in aid", "hundreds of migrants", "1,200 miles of fence": the object of the preposition
    for token in reversed(tokens):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in {"of", "in", "for"}:
                objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in NOUNS]
                if objects:
                    return objects[0]
    # "a tariff of 5 percent", "losses of $2 billion": the noun the figure measures
    if last.dep_ == "pobj" and last.head.lower_ == "of" and last.head.head.pos_ in NOUNS:
        noun: Token = last.head.head
        if noun.lower_ not in holders():
            return noun
    return None


def counted(doc: Doc, quantity: Quantity) -> str | None:
    """What the number counts: the noun phrase it quantifies (head noun and its modifiers), or None when the
    number counts no noun ("prices rose 3%")."""
    span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    noun = _counted_noun(list(span))
    # "the 45-year-old minister": the quantity's own words ("year", "old") do not describe what is counted
    inside = {t.i for t in span} | {t.i for t in span[-1].subtree if t.i <= span[-1].i}
    # a number can attach to the first half of a compound ("2.7 million vaccine doses" → vaccine): climb to its head
    while noun is not None and noun.dep_ == "compound" and noun.head.pos_ in NOUNS and noun.head is not noun:
        noun = noun.head
    return _noun_phrase(noun, inside) if noun is not None else None


def _date_for(start: int, end: int, quantity: Quantity, dates: list[DateMention]) -> str | None:
    inside = [
        d
        for d in dates
        if start <= d.start and d.end <= end and not (d.start < quantity.end and quantity.start < d.end)
    ]
    if not inside:
        return None
    nearest = min(inside, key=lambda d: min(abs(d.start - quantity.end), abs(quantity.start - d.end)))
    return nearest.value


def _sentence(doc: Doc, analysis: Analysis, position: int) -> tuple[int, int]:
    for start, end in analysis.sentences:
        if start <= position < end:
            return start, end
    for sentence in doc.sents:
        if sentence.start_char <= position < sentence.end_char:
            return int(sentence.start_char), int(sentence.end_char)
    return 0, len(text_of(doc))


def extract_figures(doc: Doc, analysis: Analysis) -> list[Figure]:
    """Every quantitative claim in the document, in text order; evidence is the sentence holding it."""
    text: str = text_of(doc)
    figures = []
    for quantity in doc_quantities(doc):
        start, end = _sentence(doc, analysis, quantity.start)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        figures.append(
            Figure(
                value=quantity.value,
                value_max=quantity.high,
                evidence=text[start:end],
                start=start,
                end=end,
                unit=quantity.unit,
                approx=quantity.approx,
                counted=counted(doc, quantity),
                date=_date_for(start, end, quantity, analysis.dates),
            )
        )
    return figures
