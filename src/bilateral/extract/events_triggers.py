"""Which words name events: verbs, adjectives and nouns of the `events` pack, with the type each has in its
sentence ("sent troops" MOBILIZE, "sent aid" AID; "issued a warning" THREATEN), and the parse helpers the
event extractor shares.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bilateral.extract.events_parties import Parties, is_pronoun, word
from bilateral.extract.events_patterns import EventPatterns, Trigger

Token = Any
VERBAL = {"VERB", "AUX"}
NOMINAL = {"NOUN", "PROPN"}
DIRECT = {"dobj", "dative", "oprd", "attr"}
# the verb's own key is tried with each of these children appended: "call off", "call for", "open fire", "let
# (them) go"
KEY_CHILDREN = ("prt", "dobj", "prep", "acomp", "oprd", "agent", "ccomp")
LIGHT_PREPS = {"on", "under", "into"}
AIMING_PREPS = {"at", "against", "toward", "towards"}  # what a weapon is fired or launched at
NOUN_SLOTS = {"nsubj", "nsubjpass", "dobj", "pobj"}  # where a participle with a determiner is a noun
TIMES = {"DATE", "TIME"}  # spaCy's entity labels of a date or time expression
NAMES = {"ORG", "PERSON", "GPE", "NORP", "FAC", "LAW", "WORK_OF_ART", "PRODUCT", "LOC"}


@dataclass
class Hit:
    """A word that names an event, with the type it has in this sentence."""

    token: Token
    trigger: Trigger
    type: str | None
    mode: str | None
    nominal: bool
    head: Token  # the noun phrase's head for a noun, the verb itself for a verb
    obj: Token | None = None  # the object noun that named the event ("issued a warning"), consumed
    status: str | None = None  # the status the words themselves give ("threaten" and "a warning": threatened)
    absorbed: list[Hit] = field(default_factory=list)  # nouns it governs ("threatened tariffs")


class Triggers:
    """Finds the event words of a sentence; knows the pack's tables and where actors are named."""

    def __init__(self, patterns: EventPatterns, parties: Parties) -> None:
        self.patterns = patterns
        self.parties = parties

    def verb_entry(self, token: Token) -> tuple[Trigger | None, Token | None]:
        lemma = token.lemma_.lower()
        table = self.patterns.verbs if token.pos_ in VERBAL else self.patterns.adjectives
        for dep in KEY_CHILDREN:
            for child in token.children:
                if child.dep_ != dep:
                    continue
                word = child.lemma_.lower() if dep == "dobj" else child.lower_
                if (entry := table.get(f"{lemma} {word}")) is not None:
                    return entry, child
        # "launched 40 drones at the bases": the parse hangs the aim's preposition on the object
        for obj in (o for c in token.children if c.dep_ == "dobj" for o in [c, *c.conjuncts]):
            for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ in AIMING_PREPS):
                if (entry := table.get(f"{lemma} {prep.lower_}")) is not None:
                    return entry, prep
        # "pushed hard for Chile to drop the duty": "for" opens the clause asked for, as its marker
        for clause in token.children:
            if for_clause(clause) and (entry := table.get(f"{lemma} for")) is not None:
                return entry, next(c for c in clause.children if c.dep_ == "mark")
        entry = table.get(lemma) or (table.get(token.lower_) if table is self.patterns.adjectives else None)
        return entry, None

    def verbal(self, token: Token) -> Hit | None:
        if token.ent_type_ in TIMES:
            return None  # "on March 19", "since May": a month's name is no march
        if noun_taken_for_verb(token):
            return None  # "talks on a deal would begin": a plural noun (see `nominal`)
        if token.pos_ in VERBAL:
            if token.dep_ in {"amod", "compound", "aux", "auxpass"}:
                return None
            if token.tag_ == "VBN" and token.dep_ in NOUN_SLOTS and any(c.dep_ == "det" for c in token.children):
                return None  # "the wounded were flown out", "freed the detained": people, not an act
        elif not (token.pos_ == "ADJ" and token.dep_ in {"acomp", "ROOT", "xcomp", "ccomp", "conj", "advcl"}):
            return None
        entry, key_child = self.verb_entry(token)
        if entry is None:
            return None
        children = {child.dep_ for child in token.children}
        objects = children & {"dobj", "xcomp", "ccomp", "nsubjpass", "dative", "attr", "oprd"}
        if entry.needs_object and not objects and not (entry.reciprocal and self._plural_subject(token)):
            return None  # "Biden spoke at a rally" is no meeting; "the two presidents spoke" is
        if entry.intransitive and (children & {"dobj", "nsubjpass"} or carried(token)):
            # "demonstrated goodwill"; "the wounded were flown to Lima", "a doctor kidnapped and flown to Lima":
            # carried, no visit
            return None
        kind, mode, obj, status = entry.type, entry.mode, None, entry.status
        if key_child is not None and key_child.dep_ == "dobj":
            obj = key_child  # "open fire", "pay compensation": the object is part of the phrase
        elif entry.objects or entry.light:
            # "put its troops on alert", "called for talks": the keyed preposition's object says what, too
            keyed = [c for c in key_child.children if c.dep_ == "pobj"] if key_child is not None else []
            for candidate in self.object_nouns(token) + keyed:
                cls = self.patterns.object_classes.get(candidate.lemma_.lower())
                if cls is None and candidate.i > 0:
                    cls = self.patterns.object_classes.get(f"{candidate.nbor(-1).lower_} {candidate.lemma_.lower()}")
                if cls is not None and cls in entry.objects:
                    pair = entry.objects[cls]
                    if pair is None:
                        return None  # "fight corruption" is no assault
                    (kind, mode), obj = pair, candidate
                    break
                noun = self.noun_entry(candidate) if entry.light and not appraised(token, candidate) else None
                if noun is not None and noun.type is not None:
                    kind, mode, obj, status = noun.type, noun.mode, candidate, noun.status
                    break
                if noun is not None and noun.complement is None and not noun.objects:
                    break  # "convened a crisis cabinet meeting": the phrase names no event, nor do its modifiers
        if kind is None and entry.complement is None:
            return None
        if entry.needs_target and not any(
            self.parties.side(c)
            for c in token.children
            if c.dep_ in {"dobj", "nsubjpass", "dative"} and not own_people(c)
        ):
            return None
        return Hit(token, entry, kind, mode, nominal=False, head=token, obj=obj, status=status)

    def _plural_subject(self, verb: Token) -> bool:
        pair_words = self.patterns.cues["pair_words"]
        for subject in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}):
            if subject.conjuncts or any(c.lower_ in pair_words for c in subject.children):
                return True
        return False

    def object_nouns(self, verb: Token) -> list[Token]:
        """The verb's object, its co-ordinated objects and their compounds, then prepositional objects."""
        direct = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "attr", "oprd"}]
        # "went on strike", "put under investigation"; not "spoke in relation to"
        preps = [] if direct else prep_objects(verb, LIGHT_PREPS)
        found = []
        for head in direct + preps:
            found.append(head)
            found += [c for c in head.children if c.dep_ in {"compound", "amod", "nmod"} and c.pos_ in NOMINAL]
            found += [c for c in head.conjuncts if c.pos_ in NOMINAL]
            # "300 tonnes of grain", "part of a stronghold", "two weeks of naval drills": the "of" phrase says what
            found += prep_objects(head, {"of"})
        # "opposes rival states imposing sanctions": what the act objected to acts on, after the objects themselves
        doing = [c for head in direct for c in head.children if c.dep_ == "acl" and c.tag_ == "VBG"]
        # (not after a verb that calls off: "stopped enrolling migrants" ends the enrolling, it stops no migrant)
        if not self.calls_off(verb):
            doing += [c for c in verb.children if c.dep_ in {"ccomp", "xcomp"} and c.tag_ == "VBG"]
        found += [g for c in doing for g in c.children if g.dep_ == "dobj"]
        return found

    def calls_off(self, verb: Token) -> bool:
        """Whether a verb (with its particle) is of the `cancelling` cue: "halt", "call off"."""
        lemma = verb.lemma_.lower()
        words = {lemma, *(f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "prt")}
        return bool(words & self.patterns.cues["cancelling"])

    def noun_entry(self, token: Token) -> Trigger | None:
        if token.ent_type_ in TIMES:
            return None  # "held on March 19", "in May": a month's name is no march
        nouns = self.patterns.nouns
        keys: list[str] = []
        if token.i >= 2 and token.nbor(-1).text == "-" and not token.nbor(-2).whitespace_:
            keys.append(f"{token.nbor(-2).lower_}-{token.lower_}")
        for child in token.children:
            if child.dep_ in {"compound", "amod"} and child.i < token.i:
                keys += [f"{child.lower_} {token.lower_}", f"{child.lemma_.lower()} {token.lemma_.lower()}"]
            if child.dep_ == "prep" and word(child) == "of":
                keys += [f"{token.lemma_.lower()} of {p.lemma_.lower()}" for p in child.children if p.dep_ == "pobj"]
            # "strikes on the power plants" (not "a strike on Monday"): the noun with what it falls on
            if (
                child.dep_ == "prep"
                and word(child) == "on"
                and not any(p.dep_ == "pobj" and p.ent_type_ in TIMES for p in child.children)
            ):
                keys.append(f"{token.lemma_.lower()} on")
        keys += [token.lower_, token.lemma_.lower()]
        for key in keys:
            if key in nouns:
                return nouns[key]
        return None

    def nominal(self, token: Token) -> Hit | None:
        noun = token.pos_ == "NOUN" or noun_taken_for_verb(token)
        if not noun or token.ent_type_ in NAMES | TIMES or token.i in self.parties.mention_at:
            return None  # "the Swiss Agency for Development and Cooperation" names no cooperation
        entry = self.noun_entry(token)
        if entry is None or entry.type is None:
            return None
        head = token
        while head.dep_ in {"compound", "amod", "nmod"} and head.head.pos_ in NOMINAL and head.head.i != head.i:
            head = head.head
        return Hit(token, entry, entry.type, entry.mode, nominal=True, head=head)


def noun_taken_for_verb(token: Token) -> bool:
    """Whether a word the tagger read as a verb in the present stands where a noun does, with no subject, auxiliary
    or object of its own: as a subject or an object ("talks on a deal would begin"), or co-ordinated with a noun
    ("ammonia, polyimide and resist")."""
    if token.pos_ != "VERB" or any(
        c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "dobj", "ccomp", "xcomp"} for c in token.children
    ):
        return False
    if token.dep_ in {"conj", "appos"} and token.head.pos_ in NOMINAL and token.head.i != token.i:
        return token.tag_ in {"VB", "VBZ", "VBP"}
    return token.tag_ in {"VBZ", "VBP"} and token.dep_ in NOUN_SLOTS


def governor_of(head: Token) -> Token | None:
    """The verb (or adjective) a noun phrase is the object of, directly or through a preposition."""
    token = head
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ in DIRECT | {"nsubjpass"}:
        return token.head
    if token.dep_ == "pobj" and token.head.dep_ in {"prep", "agent", "dative"}:
        up = token.head.head
        if word(token.head) == "in" and up.dep_ in DIRECT and amount(up):
            up = up.head  # "promised Mali 2 billion euros in aid": the aid is what the amount's verb gives
        if up.pos_ in VERBAL or up.pos_ == "ADJ":
            return up
    return None


def appraised(verb: Token, noun: Token) -> bool:
    """Whether a verb says what an act is rather than doing it: "called the expulsion a mistake" (a predicate of
    the object), or "called the expulsions unjustified" where the parse hangs the adjective on the noun after it."""
    after = any(c.dep_ == "amod" and c.pos_ == "ADJ" and c.i > noun.i for c in noun.children)
    return after or any(c.dep_ == "oprd" for c in verb.children)


def amount(noun: Token) -> bool:
    """Whether a word is an amount: a number ("$40 million") or a counted noun ("2 billion euros", "300 tonnes")."""
    if noun.pos_ == "NUM":
        return True
    counted = any(c.dep_ in {"nummod", "quantmod"} or c.pos_ == "NUM" or c.tag_ == "$" for c in noun.children)
    return noun.pos_ == "NOUN" and counted


def inside_noun_event(head: Token, heads: dict[int, Hit], consumed: set[int]) -> bool:
    """A noun inside another event noun's phrase ("the withdrawal of invasion forces") is part of that event."""
    token = head
    for _ in range(3):
        if token.dep_ == "pobj" and token.head.dep_ == "prep":
            owner = token.head.head
            if owner.i in heads or owner.i in consumed:
                return True
            token = owner
        else:
            return False
    return False


def own_people(noun: Token) -> bool:
    """ "its own farmers", "their growers": a phrase whose only country is its owner's, the subject's own."""
    return any(child.dep_ == "poss" and is_pronoun(child) for child in noun.children)


def negated_noun(noun: Token, negation: frozenset[str]) -> bool:
    return any(c.dep_ == "det" and c.lower_ in negation for c in noun.children)


def that_clause(verb: Token) -> bool:
    return any(c.dep_ == "ccomp" and any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children) for c in verb.children)


def framed(noun: Token, clause: Token) -> bool:
    """Whether a noun stands in an "as" phrase of its clause ("stocks none of their wine, as one part of a protest",
    "as one effect of the curbs"): the frame of the act, which the clause's negation or modality does not reach."""
    token = noun
    for _ in range(6):
        if token.i == clause.i or token.head.i == token.i:
            return False
        if token.dep_ == "prep" and word(token) == "as":
            return True
        token = token.head
    return False


def carried(verb: Token) -> bool:
    """Whether a past participle is passive without saying so: a participle on a noun, or one co-ordinated with a
    passive or such a participle ("a doctor kidnapped in Lima and flown to Texas"), with no "have" of a perfect."""
    token = verb
    for _ in range(3):
        if token.tag_ != "VBN" or any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in token.children):
            return False
        if token.dep_ == "acl" or any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children):
            return True
        if token.dep_ != "conj" or token.head.i == token.i:
            return False
        token = token.head
    return False


def stated(clause: Token) -> bool:
    """Whether a that-clause tells what was or has been, in the past or perfect indicative ("suggested the
    migrants were caught in a clash", "proposed that talks had failed"), not what someone should do ("proposed
    that the accord be revised", "suggested Lima lift its duties")."""
    if clause.tag_ == "VBD":
        return True
    auxiliaries = [c for c in clause.children if c.dep_ in {"aux", "auxpass"}]
    return any(c.tag_ == "VBD" or c.lemma_.lower() == "have" for c in auxiliaries)


def prep_objects(token: Token, preps: set[str]) -> list[Token]:
    return [
        obj
        for prep in token.children
        if prep.dep_ in {"prep", "dative"} and word(prep) in preps
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def for_clause(clause: Token) -> bool:
    """A clause opened by "for" ("pressed for Chile to drop the duty"): what someone wants, not what is done."""
    return clause.dep_ in {"advcl", "xcomp", "ccomp"} and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in clause.children
    )


def depth_of(token: Token) -> int:
    """How far below the sentence's main verb a word is (co-ordination does not count)."""
    depth = 0
    while token.head.i != token.i:
        if token.dep_ != "conj":
            depth += 1
        token = token.head
    return depth
