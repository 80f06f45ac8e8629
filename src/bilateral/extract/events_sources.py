"""Which clause a word belongs to, for choosing an event's source: a place, a party or an adjunct counts only
where it belongs to the event's own clause or to one that governs it ("arrested on the day the leaders met in
Lima": Lima is where the leaders met, not where the arrest was made).
"""

from __future__ import annotations

from typing import Any

from bilateral.extract.events_triggers import VERBAL

Token = Any


def clause_verb(token: Token) -> Token | None:
    """The verb (or auxiliary) whose clause `token` stands in: itself, or its nearest verbal ancestor; None when
    no verb governs it (a heading, a fragment the parse left without a verb)."""
    while token.pos_ not in VERBAL:
        if token.head.i == token.i:
            return None
        token = token.head
    return token


def in_governing_clause(token: Token, trigger: Token) -> bool:
    """Whether `token` stands in the clause of `trigger` or in a clause that governs it ("In Lagos, police said
    gunmen opened fire": Lagos governs the shooting), not in a clause below or beside it ("… the day the leaders
    met in Lima", "… as the minister planned a trip to Quito")."""
    own = clause_verb(token)
    clause = clause_verb(trigger)
    if own is None or clause is None:
        return own is clause
    return own.i == clause.i or own.i in {a.i for a in clause.ancestors}


def participle_adjunct(noun: Token) -> Token | None:
    """The participle of an adjunct without a subject of its own that `noun` stands in, through objects and
    prepositional phrases only ("Holding a briefing after the first round of talks with Chile, Peru said …": Holding),
    whose doer is the subject of the clause it hangs on; None when the noun is a subject on the way or the clause
    is no such adjunct."""
    token = noun
    while token.pos_ not in VERBAL:
        if token.dep_ not in {"pobj", "prep", "dobj", "conj", "compound", "appos"} or token.head.i == token.i:
            return None
        token = token.head
    own_subject = any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} for c in token.children)
    adjunct = token.dep_ in {"advcl", "xcomp"} and token.tag_ in {"VBG", "VBN"}
    return token if adjunct and not own_subject else None
