"""Names the English NER misreads, so that the actors they name are not lost or misplaced.

en_core_web_sm reads a leader's surname alone as a place ("After meeting Merkel, Rutte said …": "Rutte" GPE) or a
body ("Blinken" ORG), a capital alone as a person ("On Monday Quito said …": "Quito" PERSON), two names around a
comma as one ("with Putin, Erdogan agreed": one ORG) or as nothing at all. Read by annotate.actors, which
resolves the spans these functions return or approve.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bilateral.annotate.knowledge import ActorKnowledge, fold

Doc = Any
Span = Any
# dependency labels of a name that is a party to its clause: its subject, object, or the one met "with"
PARTY = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj"}


def world_person_role(
    span: Span, knowledge: ActorKnowledge, published: str | None
) -> tuple[tuple[str | None, str | None] | None, bool]:
    """((country, sector) or None, whether only the surname gave it) of the world person a name is: the name
    itself ("Vladimir Putin", or "Putin" where the world list has it alone), or the one world person whose
    name ends with this one word ("Milei" for "Javier Milei") while that person holds an office."""
    if len(span) > 1 or knowledge.world_person(span.text):
        return knowledge.world_role(span.text, published), False
    full = knowledge.world_surnames.get(fold(span.text))
    role = knowledge.world_role(full, published) if full else None
    # a surname alone names the world person only while they hold an office (a sector at the date)
    return (role if role is not None and role[1] is not None else None), True


def is_world_person(span: Span, knowledge: ActorKnowledge) -> bool:
    """Whether a one- or two-word name is a world person's, or the surname of exactly one world person."""
    return knowledge.world_person(span.text) or (len(span) == 1 and fold(span.text) in knowledge.world_surnames)


def _known_place(text: str, knowledge: ActorKnowledge) -> bool:
    key = fold(text)
    return bool(knowledge.countries.get(key) or knowledge.capitals.get(key) or knowledge.places.get(key))


def _plain_name(span: Span) -> bool:
    """One or two capitalised proper nouns, not an acronym ("Rutte", "Abiy", not "NATO")."""
    return 1 <= len(span) <= 2 and all(
        t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in span
    )


def person_as_place_or_body(span: Span, knowledge: ActorKnowledge, *, locative: bool, org_word: bool) -> bool:
    """Whether a name spaCy labels a place (GPE) or a body (ORG) is a person: a plain name no pack knows as a
    place and holding no organisation word, not after a word that makes it a place ("in", "visited"), that is
    a world person's name or surname; a place name that nobody knows is also a person where it says or agrees
    something (the subject of a verb with a clause: "X said the two would meet", "X agreed to reopen") or is
    the one met with ("in talks with X")."""
    if locative or org_word or not _plain_name(span) or _known_place(span.text, knowledge):
        return False
    if is_world_person(span, knowledge):
        return True
    if span.label_ != "GPE":
        return False  # "Petrobras said that …": a body says things too
    root = span.root
    if root.dep_ == "nsubj" and root.head.pos_ == "VERB":
        return any(child.dep_ in {"ccomp", "xcomp"} for child in root.head.children)
    return _met_with(root)


def _met_with(token: Any) -> bool:
    """ "talks with X", "a call with X", "meeting X": the name is the one met."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "with":
        return bool(head.head.pos_ == "NOUN")
    return bool(token.dep_ == "dobj" and head.lemma_ == "meet")


def capital_as_person(doc: Doc, span: Span, knowledge: ActorKnowledge) -> bool:
    """Whether a one-word name spaCy labels a person is a capital acting for its government ("On Monday Quito
    said …"): a known seat of government with no first name or title before it ("Mr", "Minister", "Ana")."""
    if len(span) != 1 or not knowledge.capitals.get(fold(span.text)):
        return False
    if span.start == 0:
        return True
    before = doc[span.start - 1]
    titled = fold(before.text.rstrip(".")) in knowledge.roles
    first_name = before.pos_ == "PROPN" and before.ent_type_ in {"", "PERSON"} and before.text[:1].isupper()
    return not (titled or first_name)


def split_pairs(
    doc: Doc, entities: list[Span], knowledge: ActorKnowledge, org_word: Callable[[str, ActorKnowledge], bool]
) -> list[Span]:
    """The entities, with one that is two names around a comma ("Putin, Erdogan" in "after a call with Putin,
    Erdogan said …") cut into two people; a place and its region ("Lima, Peru") or a name holding an
    organisation word stays whole, and so does a list ("purchases of Farm Goods, Energy and …").
    Two names are two people where both are world people or the first is the one met and the second the
    subject of the clause."""
    out: list[Span] = []
    for span in entities:
        commas = [t.i for t in span if t.text == ","]
        if span.label_ not in {"PERSON", "ORG", "GPE"} or len(commas) != 1:
            out.append(span)
            continue
        parts = [doc[span.start : commas[0]], doc[commas[0] + 1 : span.end]]
        names = all(
            _plain_name(part) and not _known_place(part.text, knowledge) and not org_word(part.text, knowledge)
            and (knowledge.world_role(part.text, None) is None or is_world_person(part, knowledge))
            for part in parts
        )  # fmt: skip
        # both world people, or the one met and the subject ("with X, Y said"), not a list ("of X, Y and Z")
        clause = _met_with(parts[0].root) and parts[1].root.dep_ == "nsubj"
        people = names and (clause or all(is_world_person(part, knowledge) for part in parts))
        if not people:
            out.append(span)
            continue
        for part in parts:
            part.label_ = "PERSON"
            out.append(part)
    return out


def untagged_people(doc: Doc, entities: list[Span], knowledge: ActorKnowledge) -> list[Span]:
    """The entities, with the names spaCy left untagged: a plain proper noun that is a world person's name or
    surname and a party to its clause, both names of "with X, Y <verb>" ("In a call with Lula, Milei agreed
    …"), where the first is the one met and the second the subject (people), and a capital or country that is
    the subject or object of its clause ("Kyiv said …": a place, which annotate.actors reads as it reads any)."""
    tagged = {t.i for span in entities for t in span}
    found: list[Span] = []
    for token in doc:
        if token.pos_ != "PROPN" or token.i in tagged or token.ent_type_ or not _plain_name(doc[token.i : token.i + 1]):
            continue
        span = doc[token.i : token.i + 1]
        key = fold(token.text)
        if (knowledge.capitals.get(key) or knowledge.countries.get(key)) and token.dep_ in {"nsubj", "dobj"}:
            span.label_ = "GPE"
            found.append(span)
            continue
        if _known_place(token.text, knowledge) or key in knowledge.aliases:
            continue
        paired = _comma_pair(doc, token.i) or (token.i >= 2 and _comma_pair(doc, token.i - 2))
        if paired or (token.dep_ in PARTY and is_world_person(span, knowledge)):
            span.label_ = "PERSON"
            found.append(span)
    return sorted([*entities, *found], key=lambda span: span.start) if found else entities


def _comma_pair(doc: Doc, i: int) -> bool:
    """Whether tokens i and i + 2 are "with X, Y" where Y is the subject of the clause that follows."""
    if i + 2 >= len(doc) or doc[i + 1].text != ",":
        return False
    first, second = doc[i], doc[i + 2]
    plain = all(_plain_name(doc[t.i : t.i + 1]) and not t.ent_type_ for t in (first, second))
    return plain and _met_with(first) and second.dep_ == "nsubj"


def described_as_person(span: Span, knowledge: ActorKnowledge) -> bool:
    """Whether a one-word name is a person by the noun in apposition to it ("Quito, a teacher from Loja, said":
    a role or agent noun, not a body noun such as "government")."""
    if len(span) != 1 or not _plain_name(span):
        return False  # an acronym ("NSSM, the steelmaker") is a body's
    nouns = [child for child in span.root.children if child.dep_ == "appos" and child.pos_ == "NOUN"]
    return any(
        (fold(noun.lemma_) in knowledge.agents or fold(noun.lemma_) in knowledge.roles)
        and fold(noun.lemma_) not in knowledge.bodies
        for noun in nouns
    )
