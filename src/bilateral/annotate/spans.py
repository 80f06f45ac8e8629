"""Named-entity spans made fit to be actor names, before actors are resolved from them.

spaCy cuts some names in the wrong place ("the Global Compact for" | "Migration", "Chihuahua meet",
"Attorney" | "General's Office"), takes common nouns and title words for names ("Vaccines", "Finance" in
"Finance Secretary"), and reads a wire story's dateline ("LOS ANGELES (Agency) —") as an actor.
"""

from __future__ import annotations

import re
from typing import Any

from bilateral.annotate.knowledge import ActorKnowledge, fold
from bilateral.annotate.nlp import text_of

Doc = Any
Span = Any
# Prepositions whose object is a place where something happens ("in Mexico", "across the region"), not a party
# to it: read by annotate.actors (with the other words that make a name a place) and compare.tone.
LOCATIVE = frozenset({"in", "at", "inside", "within", "throughout", "near", "across", "around"})
# Words that join the parts of a name ("Global Compact for Migration"); a name never ends on one.
JOINERS = {"of", "for", "on", "and", "&", "de", "del", "la"}
LIST_JOINERS = {",", "and", "&"}
# Sectors of the offices that make a title: "Finance Secretary", "Secretary of State".
OFFICE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG"}
# "WASHINGTON (Wire) —", "EL PASO, Texas —", "MEXICO CITY —", "LIMA, Peru, March 3 (Wire) --" at the head of a
# paragraph.
DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-Z][A-Z.'’ -]*[A-Z.])"
    r"(?P<rest>(?:,[ \t]*[A-Z][A-Za-z.]+(?:[ \t][A-Z0-9][A-Za-z0-9.]*)?){0,2})"
    r"[ \t]*(?P<credit>\([^()\n]{2,60}\))?[ \t]*[—–-]{1,2}[ \t]"
)


def _is_capitalised(token: Any) -> bool:
    return bool(token.text[:1].isupper() and token.is_alpha)


def fit(ent: Span) -> Span | None:
    """The entity without a leading "the", a trailing possessive or verb, and with a name cut after a joining
    word or before a possessive carried on over the capitalised words that complete it."""
    doc = ent.doc
    start, end = ent.start, ent.end
    if doc[start].lower_ == "the":
        start += 1
    # "Kim Dae" + "-jung": a hyphenated given name is one word, wherever spaCy cut it
    while end + 1 < len(doc) and _hyphen_joined(doc, end - 1) and doc[end + 1].is_alpha:
        end += 2
    # "Attorney" + "General's Office": spaCy cut the name at its inner possessive
    if start + 1 < end and doc[start + 1].tag_ == "POS" and start > 0:
        before = doc[start - 1]
        if _is_capitalised(before) and before.pos_ == "PROPN" and not before.ent_type_ and not before.is_sent_start:
            start -= 1
    # "the Global Compact for" + "Safe, Orderly and Regular Migration"
    if end - start > 1 and doc[end - 1].lower_ in JOINERS:
        last = end
        while last < len(doc):
            token = doc[last]
            listed = token.text in LIST_JOINERS and last + 1 < len(doc) and _is_capitalised(doc[last + 1])
            if not (_is_capitalised(token) or listed):
                break
            last += 1
        end = last if last > end else end - 1
    # "Homeland Union (Conservatives": a bracket opened inside a name and not closed ends it
    opened = [i for i in range(start, end) if doc[i].text == "(" and ")" not in doc[i:end].text]
    if opened:
        end = opened[0]
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].lower_ in JOINERS):
        end -= 1
    # "Chihuahua meet": a lower-case verb is not part of a name
    while end - start > 1 and doc[end - 1].pos_ in {"VERB", "AUX"} and not doc[end - 1].text[:1].isupper():
        end -= 1
    if end <= start:
        return None
    span = doc[start:end]
    span.label_ = ent.label_
    return span


def _hyphen_joined(doc: Doc, i: int) -> bool:
    """Whether token i is followed, without spaces, by a hyphen and a word ("Jae" in "Jae-in")."""
    return bool(doc[i].text[:1].isupper() and not doc[i].whitespace_ and doc[i + 1].text == "-"
                and not doc[i + 1].whitespace_ and doc[i + 1].i + 1 < len(doc))  # fmt: skip


def absorbed_place(span: Span) -> bool:
    """Whether a name carried on over a country or region ("Northern Triangle of Central America")."""
    return any(token.ent_type_ in {"GPE", "LOC"} for token in span) and span.label_ not in {"GPE", "LOC"}


def common_noun(span: Span) -> bool:
    """A single capitalised common noun taken for a name ("Vaccines", "Delegations" opening a sentence)."""
    return len(span) == 1 and span[0].tag_ in {"NN", "NNS"} and not span[0].is_upper


def part_of_title(span: Span, knowledge: ActorKnowledge, *, org_word: bool) -> bool:
    """Whether an organisation-looking name is the office in a person's title: "Finance Secretary", "Mexican
    Defense Secretary", "Secretary of Public Security", "Minister for Interior"; the actor there is the person."""
    doc = span.doc
    if span.text.isupper():
        return False  # "NATO Secretary General": an acronym is the body itself
    if span.end < len(doc) and _is_capitalised(doc[span.end]):
        role = fold(doc[span.end].text)
        if fold(f"{span[-1].text} {doc[span.end].text}") in knowledge.roles:
            return True  # "Defense Secretary" is itself a title
        if knowledge.roles.get(role) in OFFICE_SECTORS and not org_word:
            return True
    if span.start >= 2 and doc[span.start - 1].lower_ in {"of", "for"} and _is_capitalised(doc[span.start - 2]):
        return knowledge.roles.get(fold(doc[span.start - 2].text)) in OFFICE_SECTORS
    return False


def datelines(doc: Doc) -> list[tuple[Span, Span | None]]:
    """(place, credit) for each dateline: the place is where the story was filed (with the region and date that
    may follow it: "LIMA, Peru, March 3"), the credit its outlet."""
    found = []
    for match in DATELINE.finditer(text_of(doc)):
        place = doc.char_span(match.start("place"), match.end("rest"), alignment_mode="expand")
        if place is None or not any(ch.isalpha() for ch in match["place"]) or len(match["place"].strip()) < 3:
            continue
        credit = None
        if match["credit"]:
            credit = doc.char_span(match.start("credit"), match.end("credit"), alignment_mode="expand")
        found.append((place, credit))
    return found
