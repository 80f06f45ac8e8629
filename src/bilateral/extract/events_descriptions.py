"""Which event words only describe a person, a thing or a setting while their sentence reports something else: a
relative clause on a speaker ("Senator X, who backed the deal, said …"), a dated participle ("the accord, inked in
2011"), an "accused of" label, counted cases ("1,500 cases of kidnapping"), what happens to anybody ("anyone who
claimed asylum was released") and harm a measure does ("duties that harmed growers"). Each check reads the parse of
one sentence (English Penn tags); `events_remarks.Remarks` asks them.
"""

from __future__ import annotations

from typing import Any

from bilateral.extract.events_parties import word
from bilateral.extract.events_patterns import EventPatterns
from bilateral.extract.events_triggers import Triggers

Token = Any
RELATIVE_PRONOUNS = {"that", "which", "who"}
MEASURES = {"restrictions", "policies", "responses", "offers"}  # object classes of acts and measures


class Descriptions:
    """Knows the cues (`tallies`, `generic_subjects`, `generic_determiners`, `harms`, `causatives`, `reporting`) that
    tell a description from a report."""

    def __init__(self, patterns: EventPatterns, triggers: Triggers) -> None:
        self.cues = patterns.cues
        self.classes = patterns.object_classes
        self.triggers = triggers

    def dated_participle(self, verb: Token) -> bool:
        """Whether a past participle describes the noun it hangs on by when it was done, with no doer and no parties
        ("the accord, inked in 2011", "a law passed last March"); "the treaty signed between X and Y", "the accord
        signed by X" and "got two activists deported last year" (the `causatives` cue) name who acted."""
        if verb.tag_ != "VBN" or verb.dep_ != "acl" or any(c.dep_ == "agent" for c in verb.children):
            return False
        if any(c.dep_ == "prep" and word(c) in {"between", "with", "by"} for c in verb.children):
            return False
        noun = verb.head
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.cues["causatives"]:
            return False
        dated = [c for c in verb.children if c.dep_ == "npadvmod" and c.ent_type_ == "DATE"]
        dated += [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        return any(p.ent_type_ == "DATE" for p in dated)

    def tallied(self, noun: Token) -> bool:
        """Whether an event noun is what counted cases are of ("1,500 cases of kidnapping", "dozens of incidents of
        torture"): a noun of the `tallies` cue, plural or counted, with the event in its "of" phrase."""
        while noun.dep_ == "conj" and noun.head.i != noun.i:
            noun = noun.head  # "cases of kidnapping, rape and torture"
        if noun.dep_ != "pobj" or word(noun.head) != "of" or noun.head.head.i == noun.head.i:
            return False
        tally = noun.head.head
        counted = tally.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "nummod" for c in tally.children)
        return tally.lemma_.lower() in self.cues["tallies"] and counted

    def generic_subject(self, clause: Token) -> bool:
        """Whether a clause, or a clause above it (co-ordinated, complement or relative), has a subject of the
        `generic_subjects` cue or one with a `generic_determiners` word ("anyone who claimed asylum was released",
        "any official who meets them must report it"): what happens to whoever does something, no act of a party."""
        generic = self.cues["generic_subjects"]
        for verb in [clause, *list(clause.ancestors)[:4]]:
            subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if any(s.lower_ in generic for s in subjects) and verb.i == clause.i:
                return True
            owner = verb.head  # "anyone who reached the border", "any official who meets them"
            if verb.dep_ == "relcl" and (
                owner.lower_ in generic
                or any(c.dep_ == "det" and c.lower_ in self.cues["generic_determiners"] for c in owner.children)
            ):
                return True
        return False

    def charged(self, verb: Token) -> bool:
        """Whether an accusation is a past participle on a noun with no accuser named ("firms accused of forced
        labour", "a man charged with smuggling"): it says who the noun is, not an accusation made here."""
        if verb.tag_ != "VBN" or verb.dep_ != "acl" or any(c.dep_ == "agent" for c in verb.children):
            return False
        entry, _ = self.triggers.verb_entry(verb)
        return entry is not None and entry.type == "ACCUSE"

    def effect(self, verb: Token) -> bool:
        """Whether a verb of the `harms` cue has a measure or a conflict as its subject, itself or through a relative
        pronoun ("the tariffs hurt farmers", "embargoes that harmed exporters", "the trade war damaged
        growers"): an effect told, no act of anybody (CAMEO codes harm by a thing nowhere)."""
        if verb.lemma_.lower() not in self.cues["harms"]:
            return False
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if verb.dep_ == "relcl" and any(word(s) in RELATIVE_PRONOUNS for s in subjects):
            subjects = [verb.head]
        # "two years of curbs that harmed growers": the stretch is of the measures
        subjects += [p for s in subjects for c in s.children if c.dep_ == "prep" and word(c) == "of" for p in c.children
                     if p.dep_ == "pobj"]  # fmt: skip
        things = [part for s in subjects for part in [s, *s.conjuncts]]
        return any(
            self.triggers.noun_entry(t) is not None or self.classes.get(t.lemma_.lower()) in MEASURES | {"hostilities"}
            for t in things
        )

    def provided(self, verb: Token) -> bool:
        """Whether a present participle, or a relative clause in the present, describes a text of the `provisions`
        cue by what it does, as the subject of its own clause ("the December law restricting foreign agents has left the
        police wary", "a decree that bans night flights took effect"): what a standing text provides, told as
        background. A text something is done to ("Congress passed a bill banning imports", "Lima criticised a rule that
        bars its wine") still reports the act, as its maker's."""
        participle = verb.dep_ == "acl" and verb.tag_ == "VBG"
        relative = verb.dep_ == "relcl" and verb.tag_ in {"VBZ", "VBP"}
        if not (participle or relative) or verb.head.i == verb.i:
            return False
        text = verb.head
        if text.lemma_.lower() not in self.cues["provisions"]:
            return False
        subject = text
        while subject.dep_ in {"conj", "appos"} and subject.head.i != subject.i:
            subject = subject.head
        # the subject of its own clause, told as what it is or what it did; not what a verb makes or reacts to
        # ("criticised a rule that bars …": the rule is the reaction's object, a measure told in passing)
        return subject.dep_ in {"nsubj", "nsubjpass"}

    def describes(self, verb: Token) -> bool:
        """Whether a verb heads a relative clause on the subject of a verb of saying ("Senator Lee, who backed the
        deal, said …", "one of the farmers who sued the firm told reporters"): it describes who speaks, while the
        sentence reports what is said."""
        if verb.dep_ != "relcl" or verb.head.i == verb.i:
            return False
        noun = verb.head
        while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.i != noun.head.i:
            noun = noun.head.head  # "one of the farmers who sued"
        if noun.dep_ != "nsubj" or noun.head.i == noun.i:
            return False
        return noun.head.lemma_.lower() in self.cues["reporting"]
