"""An envoy given a span of time to leave ("gave the ambassador 48 hours to leave the country", "gave the envoy three
days to leave"): whoever gives it expels the envoy (PLOVER SANCTION, mode expel), however the parse hangs the
infinitive (on the verb, or on the span of time). Reads the English parse of one sentence.
"""

from __future__ import annotations

from typing import Any

Token = Any
VERBAL = {"VERB", "AUX"}


def sent_away(verb: Token, object_classes: dict[str, str]) -> tuple[Token, Token] | None:
    """(the verb that gives the time, the envoy) when `verb` is "leave" as a to-infinitive hung on a verb (or on the
    span of time it gives: a counted noun such as "48 hours") whose indirect or direct object is of the `envoys`
    object class; None otherwise."""
    if verb.lemma_.lower() != "leave" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    giver = verb.head.head if verb.head.pos_ == "NOUN" else verb.head
    if giver.pos_ not in VERBAL or giver.i == verb.i:
        return None
    spans = [c for c in giver.children if c.pos_ == "NOUN" and c.dep_ in {"npadvmod", "dobj"} and _counted(c)]
    if not spans:
        return None  # "asked the envoy to leave the talks": no time given, no expulsion
    for obj in giver.children:
        if obj.dep_ in {"dative", "dobj"} and object_classes.get(obj.lemma_.lower()) == "envoys":
            return giver, obj
    return None


def _counted(noun: Token) -> bool:
    return any(c.dep_ == "nummod" or c.pos_ == "NUM" for c in noun.children)
