"""Requests told as opinions: "the sole remedy is for Quito to lift the duties", said by Lima, asks Quito to lift them
(PLOVER REQUEST from the speaker to Quito), as "Lima said Quito must lift the duties" does. What is asked for is the
request's content, not an act of whoever is asked. Reads the parse of one sentence (English word order).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bilateral.extract.events_patterns import TypeSpec
from bilateral.extract.events_triggers import for_clause

Token = Any
COPULAS = {"be"}
REACH = 5  # the most clauses between an opinion and the verb of saying that reports it


def way_for(clause: Token, cues: dict[str, frozenset[str]]) -> bool:
    """Whether a clause opened by "for" completes a copula whose subject is a noun of the `opinion_subjects` cue:
    "the sole remedy is for Quito to lift the duties", "the solution is for both sides to talk" (the parse may also
    hang the copula on the noun: "the one way out of it is for …")."""
    if not for_clause(clause) or clause.head.i == clause.i:
        return False
    copula = clause.head
    if copula.lemma_.lower() not in COPULAS:
        return False
    opinions = cues["opinion_subjects"]
    subjects = [c for c in copula.children if c.dep_ == "nsubj"]
    if any(s.lemma_.lower() in opinions for s in subjects):
        return True
    return copula.dep_ == "relcl" and copula.head.lemma_.lower() in opinions


def reporting_verb(clause: Token, cues: dict[str, frozenset[str]]) -> Token | None:
    """The nearest verb of the `reporting` cue above a clause ("…, the envoy went on, adding the sole remedy was for
    …"), or None where nobody is said to say it (the writer's own voice)."""
    token = clause
    for _ in range(REACH):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.lemma_.lower() in cues["reporting"]:
            return token
    return None


def asked_mode(
    clauses: list[Token], kind_of: Callable[[Token], str | None], types: dict[str, TypeSpec], kinds: list[str | None]
) -> str | None:
    """The REQUEST mode of what a request asks for (the `asked` of its type): the types `kinds` of the nouns it names
    ("demanded the release of the crew"), else those of the clauses that say what is asked ("urged Lima to lift the
    duties"), or of the clauses they govern where they name no act ("demanded that Quito hurry to withdraw
    the warrant"), by `kind_of`. None where the act asked for has no such mode ("demanded that its partners
    refuse to recognise Y": no REQUEST mode for a refusal)."""
    for _ in range(3):
        typed = [kind for kind in kinds if kind is not None]
        if typed:
            return types[typed[0]].asked
        kinds = [kind_of(clause) for clause in clauses]
        clauses = [g for c in clauses for g in c.children if g.dep_ in {"xcomp", "ccomp", "advcl", "conj"}]
    return None
