"""Verdicts on somebody's act: a speaker who says an act was a mistake, or calls it unlawful, complains about it
(PLOVER ACCUSE disapprove, from the speaker to whoever did the act): "Lima said Quito's decision to expel the envoy
was a grave error", "Santiago called the detention unlawful". The act judged is told in passing (`events_remarks`);
the verdict is the event its sentence reports. Reads the English parse of one sentence.
"""

from __future__ import annotations

from typing import Any

from bilateral.extract.events_parties import word
from bilateral.extract.events_triggers import Triggers

Token = Any
PREDICATES = {"attr", "acomp", "oprd"}


def verdicts(
    sentence: Any, cues: dict[str, frozenset[str]], triggers: Triggers
) -> list[tuple[Token, Token, Token, list[Token]]]:
    """(the verb whose subject judges, the verdict word, the act, the heads naming who did it) for each verdict of the
    `reproofs` cue on an act in `sentence`: the act is an event noun or a noun with a to-infinitive ("the plan to
    quit the treaty"), the subject of a copula reported by a verb of the `reporting` cue, or the object of a verb of
    the `judging` cue with a predicate of its own. Who did it: the act's possessor or "by" phrase; none when neither
    is named."""
    found = []
    for token in sentence:
        reproofs = [c for c in token.children if c.dep_ in PREDICATES and c.lemma_.lower() in cues["reproofs"]]
        if token.lemma_.lower() in cues["judging"]:
            # "called the expulsions unjustified": the parse may hang the predicate on the object, after it
            after = [
                c for d in token.children if d.dep_ == "dobj" for c in d.children if c.dep_ == "amod" and c.i > d.i
            ]
            reproofs += [c for c in after if c.lemma_.lower() in cues["reproofs"]]
        if not reproofs:
            continue
        if token.lemma_.lower() == "be" and token.dep_ == "ccomp" and token.head.lemma_.lower() in cues["reporting"]:
            judge, roles = token.head, {"nsubj"}  # "said the plan to quit the treaty was a mistake"
        elif token.lemma_.lower() in cues["judging"]:
            judge, roles = token, {"dobj"}  # "called the detention unlawful"
        else:
            continue
        for act in (c for c in token.children if c.dep_ in roles and _names_act(c, triggers)):
            found.append((judge, reproofs[0], act, _doers(act)))
    return found


def _names_act(noun: Token, triggers: Triggers) -> bool:
    infinitives = [c for c in noun.children if c.dep_ == "acl" and any(a.tag_ == "TO" for a in c.children)]
    return noun.pos_ == "NOUN" and (triggers.noun_entry(noun) is not None or bool(infinitives))


def _doers(act: Token) -> list[Token]:
    """The possessor of an act noun, or the objects of "by" on it or on its infinitive ("a move to drop
    the accord by the Thai cabinet")."""
    owners = [c for c in act.children if c.dep_ == "poss"]
    holders = [act, *(c for c in act.children if c.dep_ == "acl")]
    owners += [p for h in holders for c in h.children if c.dep_ in {"prep", "agent"} and word(c) == "by"
               for p in c.children if p.dep_ == "pobj"]  # fmt: skip
    return owners
