"""PLOVER 2.0 events in one parsed document: for each sentence, who did what to whom, when, and with what status.

Triggers are the verbs, adjectives and nouns of the `events` knowledge pack; the dependency parse gives their
actors (events_parties) and their status (negation, modals, conditionals, and the verb above: "pledged to",
"threatened to", "refused to"). The evidence is the trigger's sentence, so it is always text[start:end].
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from bilateral.annotate.dates import FUTURE, document_anchor, resolve
from bilateral.annotate.nlp import text_of
from bilateral.extract.events_context import DocumentContext
from bilateral.extract.events_expulsions import sent_away
from bilateral.extract.events_kinds import Kinds
from bilateral.extract.events_parties import RELATIVE, Parties, Side, is_pronoun
from bilateral.extract.events_parties import word as word_of
from bilateral.extract.events_patterns import EventPatterns, Trigger, load_event_patterns
from bilateral.extract.events_remarks import Remarks, enacted
from bilateral.extract.events_requests import asked_mode, reporting_verb, way_for
from bilateral.extract.events_sources import (
    acting_state,
    adjunct_clause,
    answered_with,
    caused,
    court_of,
    forum_left_out,
    in_governing_clause,
    in_motive,
    issuing_place,
    measure_holder,
    on_another_act,
    participle_adjunct,
    participle_makers,
    partner_objects,
    passive_again,
    phase_of,
    sent_from,
)
from bilateral.extract.events_status import CLAUSE_CHAIN, Modality
from bilateral.extract.events_told import ToldActs, same_party
from bilateral.extract.events_triggers import (
    DIRECT,
    NOMINAL,
    TIMES,
    VERBAL,
    Hit,
    Triggers,
    depth_of,
    for_clause,
    framed,
    governor_of,
    inside_noun_event,
    noun_taken_for_verb,
    prep_objects,
    stated,
    that_clause,
)
from bilateral.extract.events_verdicts import verdicts
from bilateral.model import Analysis, DateMention, Event

__all__ = ["EventPatterns", "extract_events", "load_event_patterns"]

Doc = Any
Token = Any
SUBJECTS = {"nsubj", "csubj"}
# prepositions whose object is acted on: "met with X", "sanctions against X", "aid to X", "withdrew from X"
TARGET_PREPS = {"to", "with", "against", "on", "upon", "toward", "towards", "into", "over", "at", "for", "from",
                "between", "in", "about", "onto", "among"}  # fmt: skip
NOUN_TARGET_PREPS = TARGET_PREPS - {"from", "in", "at"}
# events whose unnamed actors are taken to be local to the place they happened in (and investigations)
LOCAL_TYPES = {"PROTEST", "ASSAULT", "COERCE", "MOBILIZE"}
PLANNED = {"promised", "proposed", "threatened"}  # statuses of an act still to come
DESTINATION_PREPS = {"to", "into", "toward", "towards", "against", "on", "onto"}
LOCATIVE_PREPS = {"in", "near", "at", "outside", "inside", "across"}
# a date after these is a point of comparison, not when the event happened: "the worst floods since 1998"
COMPARISON_PREPS = {"since", "until", "till"}
# a noun event after these is a happening of its own, not what the verb acts on: "lift the curbs during their talks"
ADJUNCT_PREPS = {"during", "amid", "after", "before", "following", "ahead"}
# a verb whose subject another clause supplies belongs to that clause: "agreed to halt", "a promise to halt"
CONTROLLED = {"xcomp", "acl"}
# auxiliaries of a passive told in the past: "that was ratified", "which had been drafted"
PAST_PASSIVE = {"was", "were", "had"}
# PLOVER sectors of a state's own voice: government and parliament
STATE_SECTORS = {"GOV", "LEG"}
DATELINE_ENDS = {"-", "\u2013", "\u2014", "(", ":"}
# the status of the speech act a promise, a threat or a forgone measure amounts to
INTENT_STATUS = {"THREATEN": "threatened", "AGREE": "promised", "CONCEDE": "promised"}
# acts on a measure that its holder does, told as a passive of the measure: lifted, eased, extended, raised
HOLDER_ACTS = {"CONCEDE", "RETREAT", "SANCTION", "COERCE"}
POINTING = {"this", "it", "that"}  # subjects that point back to what was told ("this was a good meeting")


@dataclass
class Found:
    """An event before it becomes an Event: kept apart so that ordering and de-duplication are simple."""

    type: str
    mode: str | None
    status: str
    source: Side
    target: Side
    token: Token
    rank: int
    reciprocal: bool = False
    order: int = 1  # an intent goes just before the act it announces


def _argued(item: Found, source: Side, target: Side) -> tuple[int, ...]:
    """How well an event reading is argued, for choosing among readings of one happening: a named source, a
    named target, a mode (the more specific type), then more actors."""
    return (bool(source), bool(target), item.mode is not None, len(source.actors) + len(target.actors))


def extract_events(doc: Doc, analysis: Analysis, *, patterns: EventPatterns) -> list[Event]:
    """The PLOVER events each sentence of `doc` reports, in sentence order (within one, main events first). A state
    an event's party names only by a demonym, a place or one of its bodies is added to `analysis.actors`."""
    reader = _Reader(doc, analysis, patterns)
    events: list[Event] = []
    for sentence in doc.sents:
        events.extend(reader.sentence(sentence))
    events = in_passing(events, reader.in_passing)
    parties = {actor for event in events for actor in (*event.source, *event.target)}
    analysis.actors.update((code, actor) for code, actor in sorted(reader.parties.made.items()) if code in parties)
    return events


def in_passing(events: list[Event], passing: list[Event]) -> list[Event]:
    """`events` with those of `passing` (acts told only as what a reaction is about: "Lima condemned Quito's
    decision to expel the envoy") that no earlier sentence of the document reports, in text order. An act reported
    before (same type, and a shared source actor or country, or the same mode where the earlier one names no
    source) is told again as the reaction's background, not a happening of its sentence; one told first there is
    the document's report of it (a lede's "Lima condemned Quito's decision to …" is how the news of the decision is
    told), and a coder of the whole text codes it. Acts with no source, or with the reaction's own speaker as
    source, are dropped."""
    kept = list(events)
    for event in passing:
        parties = {*event.source, *event.source_countries}
        before = [e for e in kept if e.start < event.start and e.type == event.type]
        told = any(
            parties & {*e.source, *e.source_countries} or (not e.source and e.mode and e.mode == event.mode)
            for e in before
        )
        # "Lima protested the decision to expel its envoy": the infinitive took the speaker as its subject
        reactions = [e for e in kept if e.start == event.start and e.type != event.type]
        inherited = any(parties & {*e.source, *e.source_countries} for e in reactions)
        if parties and not told and not inherited:
            kept.append(event)
    return sorted(kept, key=lambda e: e.start)


class _Reader:
    def __init__(self, doc: Doc, analysis: Analysis, patterns: EventPatterns) -> None:
        self.doc = doc
        self.analysis = analysis
        self.patterns = patterns
        self.parties = Parties(doc, analysis, patterns)
        self.cues = patterns.cues
        self.triggers = Triggers(patterns, self.parties)
        self.modality = Modality(patterns, self.triggers)
        self.remarks = Remarks(patterns, self.triggers)
        self.kinds = Kinds(patterns, self.triggers, self.modality)
        self.text = text_of(doc)
        # dates and tagged sentences sorted by start, so that a sentence finds its own by bisection
        self.dates = sorted(analysis.dates, key=lambda d: d.start)
        self.date_starts = [d.start for d in self.dates]
        anchor = None if analysis.published else document_anchor(self.text, doc.lang_)
        self.fallback_date = analysis.published or (anchor.isoformat() if anchor else None)
        self.places = sorted((p for p in analysis.places if p.country), key=lambda p: p.start)
        self._governors: dict[int, Token | None] = {}
        # the parties of the last event of each type (and mode) told with a source, in the sentences before
        self.told = ToldActs(self.text)
        self.context = DocumentContext(self.parties)  # doers the document gives, not the sentence
        self.number = 0  # the number of the sentence being read
        self.tagged = sorted(analysis.sentence_issues, key=lambda s: s.start)
        self.tagged_starts = [s.start for s in self.tagged]
        self.in_passing: list[Event] = []  # acts told only as what a reaction is about (`in_passing`)

    # --- one sentence -------------------------------------------------------------------------------------

    def sentence(self, sentence: Any) -> list[Event]:
        self.number += 1
        verbal: dict[int, Hit] = {}
        for token in sentence:
            if (hit := self.triggers.verbal(token)) is not None:
                verbal[token.i] = hit
        consumed = {hit.obj.i for hit in verbal.values() if hit.obj is not None}
        nominal: dict[int, Hit] = {}
        for token in sentence:
            if token.i in consumed or token.i in verbal:
                continue
            if (hit := self.triggers.nominal(token)) is not None:
                nominal[token.i] = hit
        found: list[Found] = []
        for token in sentence:
            if (sent := sent_away(token, self.patterns.object_classes)) is not None:
                verbal.pop(token.i, None)  # "gave the envoy 48 hours to leave": no withdrawal, an expulsion
                found.append(self._expulsion(token, *sent))
        heads = {hit.head.i: hit for hit in nominal.values() if hit.head.i == hit.token.i}
        for hit in nominal.values():
            if hit.head.i != hit.token.i and hit.head.i in heads:
                heads[hit.head.i].absorbed.append(hit)  # "the tariff threat": the head noun is the event
                continue
            governor = governor_of(hit.head)
            adjunct = hit.head.dep_ == "pobj" and word_of(hit.head.head) in ADJUNCT_PREPS
            if governor is not None and governor.i in verbal and verbal[governor.i].type is not None and not adjunct:
                verbal[governor.i].absorbed.append(hit)  # "threatened sanctions", "accused X of the bombing"
                continue
            if inside_noun_event(hit.head, heads, consumed) or (hit.trigger.needs_verb and governor is None):
                continue
            if hit.trigger.needs_verb and not (governor is not None and governor.i in verbal):
                continue
            found += self._nominal_events(hit, verbal)
        for hit in verbal.values():
            if not self._reported(hit, verbal):
                found += self._verbal_events(hit, verbal)
        requests, asked = self._requests(sentence)
        found += requests
        found += self._verdicts(sentence)
        for noun in (n for hit in verbal.values() for n in hit.absorbed):
            self._undergone_act(noun, sentence)
        return self._events(sentence, found, asked)

    def _undergone_act(self, noun: Hit, sentence: Any) -> None:
        """Keep as told an act a verb absorbs ("objected to the arrest of X as he was boarding a ferry at Y"),
        done to a named party in a place the sentence gives (`_local`): no event of its own, but what a later
        "X's arrest" refers back to."""
        if noun.type not in LOCAL_TYPES or noun.trigger.of_role != "target":
            return
        target = self._side_of(prep_objects(noun.head, {"of"}))
        if not target.actors:
            return
        source = self._local(noun.head, sentence.start_char, sentence.end_char, target)
        if source:
            self.told.record(noun.type, noun.mode, source, target, sentence=self.number, end=sentence.end_char)

    def _expulsion(self, leave: Token, giver: Token, envoy: Token) -> Found:
        """The expulsion of an envoy given time to leave (`events_expulsions`), from whoever gives it, with the
        status of the giving ("will give the envoy 48 hours": threatened)."""
        source = self.subjects(giver)
        target = self.parties.without(self.parties.side(envoy), source)
        modality = self.modality.modality(giver)
        status = {"future": "threatened", "would": "threatened", "conditional": "hypothetical"}.get(modality or "")
        status = "denied" if modality == "negated" else status or "occurred"
        return Found("SANCTION", "expel", status, source, target, leave, depth_of(leave))

    # --- verbal events ------------------------------------------------------------------------------------

    def _reported(self, hit: Hit, verbal: dict[int, Hit]) -> bool:
        """ "accused the US of violating", "blamed Israel for attacking": what is alleged is part of the
        accusation, not an event of its own."""
        token = hit.token
        # ("of spying" is sometimes parsed as the preposition's object rather than its complement)
        if token.dep_ not in {"pcomp", "pobj"} or token.pos_ not in VERBAL or token.head.dep_ != "prep":
            return False
        above = verbal.get(token.head.head.i)
        return above is not None and above.type is not None and above.trigger.complement is None

    def _verbal_events(self, hit: Hit, verbal: dict[int, Hit]) -> list[Found]:
        verb = hit.token
        if self._figurative(verb):
            return []  # "the index retreated", "the peso rallied": a market moves, nobody acts
        if self._description(verb):
            return []  # "the accord that was signed in 2016": what the noun is, told as background
        status, intent, controller = self.modality.status(verb, hit, verbal)
        if controller is not None and controller.type == "THREATEN" and status == "threatened":
            return []  # "warned it would expel the envoys": one threat (its mode says what), not a second event
        kind = hit.type
        if kind is not None and hit.trigger.that_clause and that_clause(verb):
            if self._states(verb):
                return []  # "suggested the migrants were caught in a clash": an explanation offered, no request
            kind = hit.trigger.that_clause  # "proposed that the agreement be revised": asking someone else
        source = self.subjects(verb)
        if hit.trigger.reciprocal and (they := self._plural_pronoun_subject(verb)) is not None:
            source = self.parties.last_two(they, person=False, alone=True) or source  # "they met": the last two
        target = self.objects(hit, verbal)
        if not source:
            # "Monday's ruling rejected the appeal": the court told before; "The government imposed curbs on X"
            # in a report on X and Y: Y's
            source = self.context.unresolved_subject(verb, target)
        complaint = kind == "PROTEST" and verb.lemma_.lower() in self.cues["complaints"] and self._official(source)
        if complaint:
            # "we shall protest firmly to Quito", said by a minister: a complaint announced
            # (ACCUSE), which threatens no restriction
            kind, intent = "ACCUSE", None if intent == "THREATEN" else intent
            status = "promised" if status == "threatened" else status
        if kind == "AID" and verb.lemma_.lower() in self.cues["receiving"]:
            # "Haiti received aid from Canada": the giver (named after "from", or nobody) aids the receiver
            donors = prep_objects(verb, {"from"}) + (prep_objects(hit.obj, {"from"}) if hit.obj is not None else [])
            source, target = self._side_of(donors), source
        if not source and kind in HOLDER_ACTS and self._agentless(verb):
            # "US sanctions on Iran were lifted", "the duties Lima imposed will be raised": the measure's holder acts
            measures = [c for c in verb.children if c.dep_ == "nsubjpass" and self._measure(c)]
            source = measure_holder(measures[0], self.parties, self.cues["enacting"]) if measures else source
            if source:
                target = self.parties.without(self._side_of(prep_objects(measures[0], {"on", "against"})), source)
        appraised = hit.obj is not None and any(c.dep_ == "oprd" for c in verb.children)
        if appraised and kind is not None:
            # "Togo called the expulsion a provocation", "called Lee's detention unlawful": the act a verb of
            # calling judges is one told before, not its subject's
            done = self.told.done_to(kind, hit.mode, target)
            source, target = (done, target) if done else self.told.again(kind, hit.mode, target, sentence=self.number)
        elif not source and kind is not None and status == "occurred" and self._agentless(verb):
            source = self.told.done_to(kind, hit.mode, target)  # "X detained Lee on Monday. … Lee was arrested as …"
            # "Gunmen opened fire on a bus. Two passengers were wounded.": the act of the sentence before, told on
            source = source or self.told.continued(kind, target, sentence=self.number, start=verb.sent.start_char)
            source = source or self.context.ended_by(verb)  # "The ministry waived X. This waiver was halted."
            if kind == "MOBILIZE":
                source = source or self.context.forces_sent(verb)  # "The Guard … Troops were sent to the borders."
        rank = depth_of(verb)
        found = []
        # a promise or threat is somebody's: an announced passive ("will be returned") makes none; a named subject
        # no actor resolves ("Kurdish militias have vowed to keep fighting") still makes one
        speaker = controller.token if controller is not None else verb
        somebody = source or any(c.dep_ == "nsubj" and not is_pronoun(c) for c in speaker.children)
        if intent is not None and (kind is not None or intent == "REJECT") and somebody:
            mode = self._threat_mode(hit) if intent == "THREATEN" else None
            intent_status = INTENT_STATUS.get(intent, "occurred")
            found.append(Found(intent, mode, intent_status, source, target, verb, rank, order=0))
        failed = controller is not None and controller.trigger.complement == "denied"  # "failed to agree": both
        if kind is None or (status == "denied" and intent in {"REJECT", "CONCEDE"} and not failed):
            return found  # "will not accept the plan": one refusal, not also an acceptance denied
        if kind == "THREATEN" and self._forecast(verb):
            return found  # "an analyst warned that the ruling could strain ties": a gloomy forecast, no threat
        mode = "disapprove" if complaint else hit.mode
        if kind == "REQUEST" and mode is None:
            # "urged Lima to lift the duties": what is asked for says the request's mode (yield)
            asked = [c for c in verb.children if c.dep_ in {"xcomp", "ccomp"} or for_clause(c)]
            # the nouns it takes ("demanded the release of", "called for talks"), not a setting ("at a summit")
            named = [n.type for n in hit.absorbed if n.head.dep_ != "pobj" or word_of(n.head.head) in {"for", "of"}]
            mode = asked_mode(asked, self._asked_kind, self.patterns.types, named)
        if kind == "THREATEN" and mode is None:
            mode = self._threat_mode(hit, verbal)
        # "the treaty signed between X and Y": the participle of a joint act's noun is that joint act
        made = hit.obj if hit.obj is not None else verb.head if verb.dep_ == "acl" and verb.tag_ == "VBN" else None
        made = made if made is not None else next(iter(self._deals(verb)), None)  # "agreed to a deal with X"
        reciprocal = hit.trigger.reciprocal or (made is not None and self._joint_object(verb, made, kind))
        if appraised and self._reciprocal_noun(hit.obj):
            reciprocal, target = True, Side()  # "called the talks useful": the talks told before, each side's
        # "the treaty signed between X and Y", "el pacto, firmado en mayo entre X y Y": the parties between whom
        # a joint act was done did it
        if reciprocal and not source and verb.tag_ == "VBN":
            between = self._side_of(prep_objects(verb, {"between"}))
            if between:
                source, target = between, Side()  # each acts on the other (`_sides`)
        announced = controller is not None or self.modality.consequence(verb)
        if intent == "THREATEN" and status == "threatened" and found and announced:
            return found  # "vowed to impose tariffs": one threat, its mode saying what is threatened
        if kind == "THREATEN" and hit.trigger.type is None:
            if status == "occurred":
                return found  # "took steps against X": a counter-move done but unnamed is no event we can code
            status = "threatened" if status == "promised" else status  # "will take steps": announced, a threat
        if not source and (kind, mode) == ("COERCE", "deport") and self._agentless(verb):
            # "migrants who crossed into Chile were returned to Peru": by Chile (told, not announced: no threat)
            source = sent_from(verb, self.parties)
        found.append(Found(kind, mode, status, source, target, verb, rank, reciprocal))
        return found

    def _measure(self, noun: Token) -> bool:
        """Whether a noun names a measure someone holds (object classes `restrictions` and `policies`: "sanctions",
        "duties", "the programme")."""
        return self.patterns.object_classes.get(noun.lemma_.lower()) in {"restrictions", "policies"}

    def _states(self, verb: Token) -> bool:
        """Whether a verb's that-clause tells a fact (`stated`), not what someone should do."""
        return any(c.dep_ == "ccomp" and stated(c) for c in verb.children)

    def _figurative(self, verb: Token) -> bool:
        """Whether a verb's subject, its own or the one it shares ("the index rose before retreating"), is a
        market quantity (the `market_subjects` cue), which moves but does not act."""
        token = verb
        for _ in range(5):
            subjects = [c for c in token.children if c.dep_ in SUBJECTS | {"nsubjpass"}]
            if subjects:
                return any(s.lemma_.lower() in self.cues["market_subjects"] for s in subjects)
            if token.dep_ not in {"conj", "advcl", "xcomp", "pcomp"} or token.head.i == token.i:
                return False
            token = token.head
            while token.dep_ == "prep" and token.head.i != token.i:
                token = token.head  # "rose before retreating"
        return False

    def _modal_fragment(self, root: Token) -> bool:
        """Whether a sentence whose parse leaves a noun at its root (no verb governs it) has, as its first verb
        with auxiliaries, one that is hypothetical or conditional ("may", "could"): the parse lost the clause
        the noun is the subject of."""
        for token in root.sent:
            if token.pos_ in VERBAL and any(c.dep_ in {"aux", "auxpass"} for c in token.children):
                return self.modality.modality(token) in {"hypothetical", "conditional"}
        return False

    def _forecast(self, verb: Token) -> bool:
        """Whether a warning only forecasts: its that-clause says something that is no actor (a ruling, a move) may
        harm something (a verb of the `harms` cue), or what a text or a policy (the `provisions` cue, the `policies`
        class) would or will do, as CAMEO's "pessimistic comment", not a threat ("warned that the ruling could strain
        ties", "warned that the reform would only help smugglers"; but "warned that its navy could close the
        strait", "cautioned that the army would clear the squares")."""
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            subjects = [c for c in clause.children if c.dep_ in SUBJECTS]
            if not subjects or any(is_pronoun(s) or self.parties.side(s) for s in subjects):
                continue
            if any(v.lemma_.lower() in self.cues["harms"] for v in [clause, *clause.conjuncts]):
                return True  # "cautioned that the curbs might misfire and harm growers"
            lemmas = [s.lemma_.lower() for s in subjects]
            classes = self.patterns.object_classes
            texts = all(w in self.cues["provisions"] or classes.get(w) == "policies" for w in lemmas)
            if texts and self.modality.modality(clause) in {"future", "would", "hypothetical"}:
                return True
        return False

    def _description(self, verb: Token) -> bool:
        """Whether a verb only describes the noun it hangs on, by what was once done to it and by nobody named:
        a past passive relative clause without an agent ("the pact that was ratified in 2016", "drafts which had
        been tabled"). A present one is a state that holds now ("who is detained in Lima") and stays an event."""
        if verb.dep_ != "relcl" or any(c.dep_ == "agent" for c in verb.children):
            return False
        auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
        return bool(auxiliaries & PAST_PASSIVE) and any(c.dep_ == "auxpass" for c in verb.children)

    def _comment(self, token: Token) -> bool:
        """Whether an event word is what a remark is about, not what it reports: the subject of a copula inside
        reported speech ("she said the tariffs were a mistake", "she argued that leaving the treaty and the quota
        were unrelated matters"), or what a copula says is the way to go ("the only way out is through talks")."""
        head = token
        while (
            head.dep_ in {"compound", "amod", "nmod", "conj", "pobj", "prep"}
            and head.head.i != head.i
            and head.head.lemma_.lower() != "be"
        ):
            head = head.head
        copula = head.head
        if copula.lemma_.lower() != "be" or head.i == copula.i:
            return False
        if head.dep_ in {"attr", "prep"}:
            # "the only way out is dialogue", "the best answer is through talks": an opinion of what should be done
            subjects = [c for c in copula.children if c.dep_ == "nsubj"]
            return any(s.lemma_.lower() in self.cues["opinion_subjects"] for s in subjects)
        if head.dep_ not in {"nsubj", "csubj"} or not any(c.dep_ in {"attr", "acomp"} for c in copula.children):
            return False
        return copula.dep_ == "ccomp" and copula.head.lemma_.lower() in self.cues["reporting"]

    def _topic(self, head: Token) -> bool:
        """Whether an event noun is the subject of a copula that says what it is or how it stands ("cooperation
        remains the foundation of the tie", "the accord was at risk"): a remark about the act, not a report of it."""
        copula = head.head
        if head.dep_ != "nsubj" or copula.lemma_.lower() not in self.cues.get("copulas", frozenset()):
            return False
        return any(c.dep_ in {"attr", "acomp", "prep"} for c in copula.children)

    def _official(self, side: Side) -> bool:
        """Whether a side is a state speaking: countries, and people and bodies of government or parliament (PLOVER
        sectors GOV, LEG). Their "protest" is verbal disapproval (ACCUSE), not a demonstration."""
        actors = self.parties.actors
        return bool(side.actors) and all(
            actors[a].kind == "country" or actors[a].sector in STATE_SECTORS for a in side.actors
        )

    def _condition(self, token: Token) -> bool:
        """Whether an event word stands in the condition of another clause ("unless Lima curbs the flow",
        "if Seoul lifts the ban", "should the two sides not sign"): what is set as a condition has not happened."""
        clause = self._clause_of(token)
        while clause.dep_ in {"xcomp", "conj"} and clause.head.i != clause.i:
            clause = clause.head  # "unless Lima agrees to hold talks": the talks are part of the condition
        return clause.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in self.cues["conditional"] for c in clause.children
        )

    def subjects(self, verb: Token, depth: int = 0) -> Side:
        """The acting side of a verb: its subject, the agent of a passive, or the subject it inherits."""
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        heads = agents or [c for c in verb.children if c.dep_ in SUBJECTS]
        if not heads and self._adjectival(verb):
            heads = [c for c in verb.children if c.dep_ == "nsubjpass"]  # "Ankara is opposed to"
        elif not heads and any(c.dep_ == "nsubjpass" for c in verb.children):
            return self._opponent(verb)  # "was killed": the passive names no actor, unless a clash does
        if heads:
            speaker = self._speaker(verb)
            side = Side()
            for head in heads:
                if word_of(head) in RELATIVE and verb.dep_ == "relcl":
                    head = verb.head
                    maker = head.head
                    made = enacted(head, self.cues) and depth <= 4
                    if made and not self.parties.side(head):
                        # "Lima unveiled a package that restricts imports": the measure does what its maker does
                        side.add(self.subjects(maker, depth + 1))
                        continue
                    if not self.parties.side(head) and head.dep_ == "pobj" and head.head.lower_ in {"in", "with"}:
                        # "X put Y on its register in a step that bars Z": the move is the act of the clause it is in
                        above = head.head.head
                        if above.pos_ in VERBAL and depth <= 4:
                            return self.subjects(above, depth + 1)
                for part in [head, *head.conjuncts]:
                    side.add(self.parties.side(part, speaker=speaker))
            if not side and heads[0].dep_ in SUBJECTS:
                # "the accord signed between X and Y settles …", "an indictment filed by prosecutors in Houston
                # accuses him": the act of whoever made or issued it (a document: or the state it was filed in)
                agents, between = participle_makers(heads[0])
                side = self._side_of(agents or between)
                if not side and heads[0].lemma_.lower() in self.cues["filings"]:
                    side = issuing_place(heads[0], self.parties)
            return side
        if depth > 4 or verb.head.i == verb.i:
            return Side()
        dep, up = verb.dep_, verb.head
        shared = dep == "conj" and verb.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
        shared = shared or passive_again(verb, self.cues["commanding"])
        if dep == "conj" and any(c.dep_ == "auxpass" for c in verb.children):
            return self._opponent(verb)  # "appeared in court and was ordered held": the one held is no doer
        if shared and up.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in up.children):
            # "were arrested and deported": one passive told twice, by the first one's agent (or nobody named)
            return self.subjects(up, depth + 1)
        if dep == "conj" and not self._adjectival(up) and any(c.dep_ == "nsubjpass" for c in up.children):
            # "was indicted by the court and will resign": the one indicted resigns
            return self._side_of([c for c in up.children if c.dep_ == "nsubjpass"])
        if dep == "acomp":
            return self.subjects(up, depth + 1)
        if dep == "pcomp" and word_of(up) == "as" and up.head.lemma_.lower() in self.cues["quoting"]:
            # "the agency quoted Lee as calling for talks": the one quoted does what the gerund says
            return self._side_of([c for c in up.head.children if c.dep_ == "dobj"][:1])
        if dep == "pcomp" and word_of(up) == "into" and up.dep_ == "prep":
            # "pushed Quito into dropping the charges": the one pushed does it
            pushed = [c for c in up.head.children if c.dep_ == "dobj"]
            if pushed:
                return self._side_of(pushed[:1])
        if dep == "xcomp" and verb.tag_ == "VBG" and up.lemma_.lower() in self.cues["reporting"]:
            return Side()  # "I would call it backing away from pledges": a gerund named, not done by the speaker
        if dep == "xcomp":
            # "urged Mexico to act", "called on Mexico to act": Mexico acts
            # only where the pack has the phrasal verb ("call on"): "agreed on Monday to resume", "pledged on
            # television to send" name a time or a place, not who is called on
            lemma = up.lemma_.lower()
            called = [
                o
                for o in prep_objects(up, {"on", "upon"})
                if o.ent_type_ not in TIMES and f"{lemma} {o.head.lower_}" in self.patterns.verbs
            ]
            controllers = [c for c in up.children if c.dep_ == "dobj"] or called
            if controllers and up.lemma_.lower() not in {"promise", "pledge"}:
                side = Side()
                for part in [controllers[0], *controllers[0].conjuncts]:
                    side.add(self.parties.side(part))
                return side
            # "were scheduled to meet", "was asked by Y to leave": who is scheduled or asked does it
            passive = [c for c in up.children if c.dep_ == "nsubjpass"]
            if not passive and up.dep_ == "conj" and any(c.dep_ == "auxpass" for c in up.children):
                passive = [c for c in up.head.children if c.dep_ in {"nsubj", "nsubjpass"}]  # "… and was asked to"
            if passive:
                return self._side_of(passive, self._speaker(up))
            return self.subjects(up, depth + 1)
        if dep == "ccomp" and up.lemma_.lower() in self.cues["reporting"] and verb.lang_ == "en":
            # "they say would violate the treaty": what is reported is not the reporter's act; a language that drops
            # its subjects ("anunció que impondrá aranceles") leaves the reporter as the one who will act
            return Side()
        if dep in {"conj", "advcl", "ccomp", "pcomp", "dep", "xcomp"}:
            while up.dep_ == "prep" and up.head.i != up.i:
                up = up.head
            if up.pos_ in VERBAL or up.pos_ == "ADJ":
                return self.subjects(up, depth + 1)
            governor = governor_of(up) if up.pos_ in NOMINAL else None
            return self.subjects(governor, depth + 1) if governor is not None else Side()
        if dep == "acl" and verb.tag_ == "VBN":
            if caused(verb, self.cues["causatives"]):
                return self.subjects(up.head, depth + 1)  # "paid to have a pilot kidnapped": the payer's act
            if between := prep_objects(verb, {"between"}):
                return self._side_of(between)  # "the pact signed between X and Y to end the war": theirs
            return Side()  # "the accord signed last year": the noun is what was acted on
        if dep in {"acl", "relcl"}:
            side = self.parties.side(up) or (
                self.parties.owner(up) if self.triggers.noun_entry(up) else Side()
            )  # "forces loyal to X", "a law restricting Y": the noun, else its owner
            if not side.actors and verb.tag_ == "VB" and (owned := self.parties.owner(up)).actors:
                side = owned  # "its choice to levy duties": whoever "its" is levies them, not only its country
            if not side and verb.tag_ == "VB":
                # "the move to quit the accord by Lima" (the parse hangs "by" on the noun or on the verb)
                side = self._side_of(
                    [o for o in prep_objects(up, {"by"}) + prep_objects(verb, {"by"}) if o.ent_type_ not in TIMES]
                )
            governor = governor_of(up)
            return side if side or governor is None else self.subjects(governor, depth + 1)
        return Side()

    def _party_noun(self, token: Token) -> bool:
        """A noun that names a party by its role ("his counterpart", "the envoy", "the government")."""
        return token.lemma_.lower() in self.cues["person_nouns"] | self.cues["bodies"]

    def _plural_pronoun_subject(self, verb: Token) -> Token | None:
        """ "they" as the subject of `verb` or of the verbs that control it ("they were scheduled to meet")."""
        token = verb
        for _ in range(3):
            subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is not None:
                return subject if subject.lower_ == "they" else None
            if token.dep_ not in {"xcomp", "conj", "acomp"} or token.head.i == token.i:
                return None
            token = token.head
        return None

    def _local(self, trigger: Token, start: int, end: int, target: Side) -> Side:
        """The country of the place an unattributed protest, attack or crackdown happened in ("an explosion in
        Lagos", "crowds marched through Santiago"): unnamed actors of such events are local (the
        convention of ICEWS and PLOVER coders). The place nearest the trigger in the sentence, outside a dateline."""
        found = [
            (p.start, p.country)
            for p in self.places
            if start <= p.start < end
            and p.start >= self.parties.opening
            and not self._destination(p.start)
            and (self._governs(p.start, trigger) or self._undergone_at(p.start, trigger, target))
            and not self._on_another_act(p.start, trigger)
        ]
        for token in trigger.sent:  # "in eastern Beirut", "near the city of Mosul": a capital or country named
            if (
                token.dep_ == "pobj"
                and word_of(token.head) in LOCATIVE_PREPS
                and (in_governing_clause(token, trigger) or self.context.where_undergone(token, trigger, target))
                and not on_another_act(token, trigger, self._names_act)
            ):
                for part in token.subtree:
                    if (code := self.parties.country_word(part)) is not None:
                        found.append((part.idx, code))
        if not found:
            return Side()
        _, country = min(found, key=lambda pair: abs(pair[0] - trigger.idx))
        return Side([], [country]) if country else Side()

    def _governs(self, offset: int, trigger: Token) -> bool:
        """Whether the word at character `offset` is in the trigger's clause or one governing it: "arrested the day
        the two leaders met in Lima" was not done in Lima."""
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span is not None and in_governing_clause(span.root, trigger)

    def _undergone_at(self, offset: int, trigger: Token, target: Side) -> bool:
        """Whether the word at character `offset` is where the target underwent the act ("the arrest of X while
        he was changing trains in Rosario"; `DocumentContext.where_undergone`)."""
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span is not None and self.context.where_undergone(span.root, trigger, target)

    def _on_another_act(self, offset: int, trigger: Token) -> bool:
        """Whether the word at character `offset` is where another act happened ("the release of X in Lima, the
        murder of Y …": Lima is not where the murder was)."""
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span is not None and on_another_act(span.root, trigger, self._names_act)

    def _names_act(self, noun: Token) -> bool:
        return self.triggers.noun_entry(noun) is not None

    def _destination(self, offset: int) -> bool:
        """ "curbs on exports to Chile", "flights into Peru": a place the act is aimed at is not where it happened."""
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        token = span.root if span is not None else None
        while token is not None and token.dep_ in {"compound", "amod", "conj"} and token.head.i != token.i:
            token = token.head
        return token is not None and token.dep_ == "pobj" and word_of(token.head) in DESTINATION_PREPS

    def _reporter(self, clause: Token) -> Side:
        """Who reports a clause: the subject of the verb of saying it depends on ("…, the minister said")."""
        token = clause
        for _ in range(4):
            if token.head.i == token.i or token.dep_ not in {"ccomp", "conj", "parataxis", "advcl", "xcomp"}:
                return Side()
            token = token.head
            if token.lemma_.lower() in self.cues["reporting"]:
                return self.subjects(token)
        return Side()

    def _announcer(self, verb: Token) -> Side:
        """ "the ministry said sanctions would be imposed", "the envoy said the levy will rise": an act whose
        clause names no actor (an agentless passive, or the measure itself as subject) is that of whoever
        announces it. Not for attacks, protests or arrests, which a government reports as often as it does them."""
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        passive = not subjects and any(c.dep_ == "nsubjpass" for c in verb.children)
        if not subjects and not passive and verb.dep_ == "conj" and verb.tag_ == "VBN":
            # "would be removed and investigated": the second participle shares the first one's passive subject
            passive = any(c.dep_ == "nsubjpass" for c in verb.head.children)
        measure = any(self.triggers.noun_entry(c) is not None for c in subjects)
        if not (passive or measure) or any(c.dep_ == "agent" for c in verb.children):
            return Side()
        return self._reporter(verb)

    def _opponent(self, verb: Token) -> Side:
        """ "were wounded in a shootout with gunmen of a cartel": a passive's agent named as the other side of
        the clash, talks or attack it happened in."""
        for noun in prep_objects(verb, {"in", "during"}):
            if self.triggers.noun_entry(noun) is not None:
                side = self._side_of(prep_objects(noun, {"with"}))
                if side:
                    return side
        # "appeared before a judge in Houston and was ordered held": the court's state
        return court_of(verb, self.parties, judicial=self.cues["judicial"], commanding=self.cues["commanding"])

    def _side_of(self, heads: list[Token], speaker: Token | None = None) -> Side:
        side = Side()
        for head in heads:
            for part in [head, *head.conjuncts]:
                side.add(self.parties.side(part, speaker=speaker))
        return side

    def _adjectival(self, verb: Token) -> bool:
        """ "is opposed to", "is prepared to": a participle the pack lists as an adjective."""
        return verb.tag_ == "VBN" and verb.lower_ in self.patterns.adjectives

    def _speaker(self, verb: Token) -> Token | None:
        """The subject of the clause that reports this one ("Peru said it would..."), for pronoun subjects."""
        token = verb
        for level in range(4):
            if token.dep_ not in CLAUSE_CHAIN | {"advcl"} or token.head.i == token.i:
                return None
            token = token.head
            subjects = [c for c in token.children if c.dep_ in SUBJECTS]
            if not subjects and token.dep_ == "conj":
                # "the agency quoted Lee … then added that it would act": the reporting verb shares its subject
                subjects = [c for c in token.head.children if c.dep_ in SUBJECTS]
            # a co-ordinated clause's neighbour is no speaker; the verb that reports both is ("'We reject it and we
            # will protest,' the minister said")
            if subjects and not (verb.dep_ == "conj" and level == 0):
                return subjects[0]
        return None

    def objects(self, hit: Hit, verbal: dict[int, Hit]) -> Side:
        """The side acted on: direct object or passive subject, the event noun's own prepositional objects
        ("held talks with X"), then the verb's ("met with X"), then who a that-clause is about, then the
        target of the act in its complement ("threatened to impose tariffs on X")."""
        verb = hit.token
        passive = set() if self._adjectival(verb) else {"nsubjpass"}
        direct = [c for c in verb.children if c.dep_ in DIRECT | passive]
        if not direct and passive and verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in verb.children):
            # "Chile was criticised and was asked to withdraw its envoy": the passive subject both share
            direct = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
        heads: list[Token] = []
        if hit.obj is not None:
            # "launched drones at the bases": what the weapons are aimed at is acted on
            aimed = {"at"} if hit.type == "ASSAULT" else set()
            for obj in [hit.obj, *hit.obj.conjuncts]:
                heads += prep_objects(obj, NOUN_TARGET_PREPS | aimed)
            # "fired 40 shells and several rockets at X": the objects co-ordinated with the one that named the act
            # are the same weapons, not what they hit
            named = {hit.obj.i, *(c.i for c in hit.obj.conjuncts)}
            heads += [h for h in direct if h.i not in named and word_of(h) not in RELATIVE]
        else:
            heads += [h for h in direct if word_of(h) not in RELATIVE]
        for noun in hit.absorbed:
            if not heads:
                heads += prep_objects(noun.head, NOUN_TARGET_PREPS)
        if not heads:
            # "the two leaders lunched together in Lima": where a joint act is held is no party to it
            heads += prep_objects(verb, TARGET_PREPS - LOCATIVE_PREPS if hit.trigger.reciprocal else TARGET_PREPS)
        if not heads and verb.dep_ == "acl" and verb.tag_ == "VBN":
            heads.append(verb.head)
        if not heads:
            for clause in (c for c in verb.children if c.dep_ == "ccomp" or for_clause(c)):
                heads += [c for c in clause.children if c.dep_ in SUBJECTS | {"nsubjpass"}]
        side = Side()
        for head in heads:
            for part in [head, *head.conjuncts]:
                side.add(self.parties.side(part))
        if not side and hit.type is not None:
            # "suspended cattle exports to Jakarta", "halted flights to Quito": an object that names no party is
            # a flow, and where it goes is acted on
            flows = [h for h in direct if word_of(h) not in RELATIVE]
            ends = [o for h in flows for o in prep_objects(h, {"to"})]
            side.add(self._side_of(ends or (prep_objects(verb, {"to"}) if flows else [])))
        if not side and hit.trigger.complement is not None:
            for child in verb.children:
                content = verbal.get(child.i)
                if content is not None and child.dep_ in {"xcomp", "ccomp"} and content.trigger.complement is None:
                    side.add(self.objects(content, verbal))
        return side

    def _threat_mode(self, hit: Hit, verbal: dict[int, Hit] | None = None) -> str | None:
        """THREATEN's mode from what is threatened: the noun it governs or the act in its complement."""
        threats = self.patterns.types["THREATEN"].modes
        contents: list[tuple[Trigger, str | None, str | None]] = []
        contents += [(noun.trigger, noun.type, noun.mode) for noun in hit.absorbed]
        if hit.obj is not None and (entry := self.triggers.noun_entry(hit.obj)) is not None:
            contents.append((entry, hit.type, hit.mode))
        for other in (verbal or {}).values():
            if other.token.head.i == hit.token.i and other.token.dep_ in {"xcomp", "ccomp"}:
                contents.append((other.trigger, other.type, other.mode))
        if hit.type is not None and hit.type != "THREATEN":
            contents.append((hit.trigger, hit.type, hit.mode))
        for entry, kind, mode in contents:
            if entry.threat:
                return entry.threat
            if mode in threats:
                return mode
            if kind is not None and kind != "THREATEN" and self.patterns.types[kind].threat:
                return self.patterns.types[kind].threat
        return None

    def _reciprocal_noun(self, noun: Token) -> bool:
        entry = self.triggers.noun_entry(noun)
        return entry is not None and entry.reciprocal

    def _deals(self, verb: Token) -> list[Token]:
        """The joint acts a verb is "to" or "on" that name a partner ("agreed to a deal with X", "agreed on a pact
        with X")."""
        nouns = prep_objects(verb, {"to", "on"})
        return [n for n in nouns if self._reciprocal_noun(n) and partner_objects(n)]

    def _joint_object(self, verb: Token, noun: Token, kind: str | None) -> bool:
        """Whether a verb on a joint act's noun is itself joint: "signed a pact with X" is both parties' act, but
        one party scraps, quits or breaches it alone ("scrapped the pact with X": a verb of the `cancelling` cue,
        or of a type that is no cooperation, whose intent is not AGREE)."""
        if not self._reciprocal_noun(noun) or verb.lemma_.lower() in self.cues["cancelling"]:
            return False
        return kind is None or self.patterns.types[kind].intent == "AGREE"

    # --- nominal events -----------------------------------------------------------------------------------

    def _nominal_events(self, hit: Hit, verbal: dict[int, Hit]) -> list[Found]:
        head = hit.head
        kind = hit.type
        assert kind is not None
        source, target = Side(), Side()
        for child in head.children:
            if child.dep_ == "poss" and hit.trigger.reciprocal and child.lower_ == "their":
                source.add(self.parties.both_before(child) or self.parties.side(child))  # "during their talks"
            elif child.dep_ == "poss" and (undergone := self._undergone(head, child)):
                target.add(undergone)  # "Lee's arrest", "his release": done to the person, by someone else
            elif child.dep_ == "poss":
                source.add(self.parties.side(child))
        for prep in (c for c in head.children if c.dep_ in {"prep", "agent"} and word_of(c) != "between"):
            objects = [p for p in prep.children if p.dep_ == "pobj"]
            word = word_of(prep)
            for obj in (part for p in objects for part in [p, *p.conjuncts]):
                side = self.parties.side(obj)
                if (
                    word == "by"
                    or (word == "from" and kind != "RETREAT")
                    or (word == "of" and hit.trigger.of_role == "source")
                ):
                    source.add(side)
                elif word == "of" or word in NOUN_TARGET_PREPS or (word == "from" and kind == "RETREAT"):
                    target.add(side)
        if not source:
            source = self.parties.modifiers(head, exclude=hit.token)
            if hit.trigger.reciprocal:
                source = forum_left_out(source, self.parties.actors)  # "the G20 summit": where leaders met
        if not source:
            source = self._enacted_by(head)
        if not source:
            source = self._maker_named(head)
        if not target and head.dep_ == "pobj" and head.head.dep_ == "agent":
            # "Hanoi was hit by Beijing's export curbs": who a measure hits is what it acts on
            target = self.parties.without(
                self._side_of([c for c in head.head.head.children if c.dep_ == "nsubjpass"]), source
            )
        purpose = head.head if head.dep_ == "pobj" and head.head.lower_ == "for" else None
        if not source and hit.trigger.reciprocal and purpose is not None and purpose.head.pos_ in VERBAL:
            source = self.subjects(purpose.head)  # "the leaders were in Lima for talks with X", "flew in for a summit"
        adjunct_verb = None if prep_objects(head, {"between"}) else participle_adjunct(head)  # "talks between X, Y"
        if not source and hit.trigger.reciprocal and adjunct_verb is not None:
            # "Giving a briefing after talks with Quito, Lima said …": the main subject's talks with Quito
            source = self.subjects(adjunct_verb)
        if not source and hit.trigger.reciprocal and prep_objects(head, {"with"}):
            # "After talks with Chile, Peru imposed duties": a joint act in an adjunct, the clause's subject's
            clause = adjunct_clause(head, ADJUNCT_PREPS | {"in"})
            source = self.subjects(clause) if clause is not None else Side()
            if not source and clause is None:
                # "Seoul halted its complaint while negotiations with Tokyo go on": talks with another side are
                # those of the sentence's own acting state (its main subject, not a passive's)
                source = acting_state(head, self.parties, other=self._side_of(prep_objects(head, {"with"})))
        if not source and hit.trigger.reciprocal and (clause := adjunct_clause(head, {"in", "throughout"})):
            # "the two sides made progress in their talks", "in the consultations (with Y), I …" (the parse may hang
            # "with Y" on the verb): the clause's subject held them, with its partner where it names one
            partners = self._side_of(partner_objects(clause) + partner_objects(head))
            acting = self.subjects(clause)
            if acting and (partners or self._parties(acting) > 1):
                source = Side()
                source.add(acting)
                source.add(self.parties.without(partners, acting))
        holding = self.cues["enacting"] | self.cues["cancelling"]
        for clause in (c for c in head.children if c.dep_ == "relcl" and c.pos_ in VERBAL) if not source else ():
            # "the tariffs Lima has imposed on X", "the curbs that Quito lifted": who makes or ends a measure holds it
            if clause.lemma_.lower() in holding and not hit.trigger.reciprocal:
                source = self._side_of([s for s in clause.children if s.dep_ == "nsubj" and word_of(s) not in RELATIVE])
                target = target or self.parties.without(self._side_of(prep_objects(clause, NOUN_TARGET_PREPS)), source)
        if not source and hit.trigger.reciprocal:  # "the talks that X and Y held": the relative clause's subjects
            for clause in (c for c in head.children if c.dep_ in {"relcl", "acl"} and c.pos_ in VERBAL):
                source.add(
                    self._side_of([s for s in clause.children if s.dep_ in SUBJECTS and word_of(s) not in RELATIVE])
                )
        governor = governor_of(head)
        status = hit.trigger.status or "occurred"
        intent = None
        rank = depth_of(head)
        # "were not told about the probe": what a negated telling is about still happened
        about = governor is not None and head.dep_ == "pobj" and governor.lemma_.lower() in self.cues["informing"]
        if governor is not None:
            above = verbal.get(governor.i)
            entry = self.patterns.verbs.get(governor.lemma_.lower())
            # "used villagers as human shields"; "halted the tariffs": who calls a measure off is who holds it
            # "will leave the tariffs in place", "announced new curbs": who keeps or makes a measure holds it
            cancelling = governor.lemma_.lower() in self.cues["cancelling"] | self.cues["enacting"]
            # "released an apology": a verb whose pattern makes no act of its own with such an object makes
            # the noun's act its subject's
            object_class = self.patterns.object_classes.get(head.lemma_.lower())
            nulled = entry is not None and object_class is not None and entry.objects.get(object_class, "") is None
            if nulled and entry is not None and entry.complement == "denied":
                return []  # "Nairobi denied the accusation": a claim said to be untrue; the denier made no claim
            doer = above is not None or (entry is not None and entry.light) or cancelling or nulled
            # "Lima called the expulsion a mistake": who says what an act is did not do it
            # ("called the expulsions unjustified": the parse may hang the appraisal on the noun, after it)
            appraised = any(c.dep_ == "amod" and c.pos_ == "ADJ" and c.i > head.i for c in head.children)
            doer = doer and not appraised and not any(c.dep_ == "oprd" for c in governor.children)
            # "met Y after the arrest of Z": a happening in a time adjunct is not the verb's subject's act
            adjunct = head.dep_ == "pobj" and word_of(head.head) in ADJUNCT_PREPS
            # "Laos obtained new aid from Japan": the giver acts on whoever obtains it ("drew up a plan" is no
            # receiving: a verb with a particle is another verb)
            receiving = governor.lemma_.lower() in self.cues["receiving"]
            if head.dep_ == "dobj" and receiving and not any(c.dep_ == "prt" for c in governor.children):
                source = source or self._side_of(prep_objects(governor, {"from"}))
                # "an attack that drew an offer of help from X": what "that" stands for is not said here
                relative = any(c.dep_ in SUBJECTS and word_of(c) in RELATIVE for c in governor.children)
                target = target or (Side() if relative else self.subjects(governor))
                doer = False
            if not source.actors and doer and head.dep_ in {"dobj", "attr", "oprd", "conj", "pobj"} and not adjunct:
                acting = self.subjects(governor)
                source = acting if acting.actors or not source else source
                if not target and above is not None and above.type is None:
                    # "pledged $40 million in aid to Lima", "promised Quito new loans": given to the recipient
                    given = [c for c in governor.children if c.dep_ == "dative"] + prep_objects(governor, {"to"})
                    target = self.parties.without(self._side_of(given), source)
            modality = self.modality.modality(governor)
            if (modality == "negated" and not about) or self.modality.called_off(head):
                status = "denied"  # "do not want a war", "abandoned the tariff plan"
            elif above is not None and above.type is None and not (governor.tag_ == "VBN" and head.dep_ == "pobj"):
                # "pledged $4 billion in aid"; not "wanted on charges": what a participle is for names no wish
                status = above.trigger.complement or status
                if status == "promised":
                    # "vowed swift retaliation", "pledged $4 billion in aid": a conflictual act vowed is a threat
                    conflict = "THREATEN" if self.patterns.types[kind].threat else None
                    intent = above.trigger.intent or self.patterns.types[kind].intent or conflict
                    status = "threatened" if intent == "THREATEN" else "promised"
            if status == "occurred" and modality in {"conditional", "hypothetical"}:
                status = "hypothetical"  # "could engage in cooperation", "if they hold talks"
            if status == "occurred" and head.dep_ == "nsubjpass" and governor.lemma_.lower() in self.cues["permissive"]:
                status = "hypothetical"  # "closer cooperation is needed", "talks are allowed": not held
        if any(c.dep_ == "det" and c.lower_ in self.cues["negation"] for c in head.children):
            status = "denied"
        elif governor is None and self.modality.called_off(head):
            status = "denied"  # "vowed to shelve the adoption of fresh levies": the making is called off
        clause = head.head if noun_taken_for_verb(head) else head
        # "in response to X's curbs, Y will act": the act answered was done, whatever Y's clause announces
        answered = self._answered(head)
        while clause.pos_ not in VERBAL and clause.head.i != clause.i and not answered:
            clause = clause.head
        clause_modality = self.modality.modality(clause) if clause.pos_ in VERBAL else None
        if not answered and clause.pos_ not in VERBAL and status == "occurred" and self._modal_fragment(clause):
            status = "hypothetical"  # a noun left at the root by the parse: "a 10 % duty … could be imposed"
        if clause_modality == "conditional":
            status = "hypothetical"
        elif clause_modality in {"future", "would"} and status == "occurred":
            # "the levies will climb to 30 %": announced, not done; a conflictual act announced is a threat
            status = "threatened" if self.patterns.types[kind].threat else "promised"
            if status == "threatened" and self.modality.consequence(clause):
                intent = "THREATEN"  # "if there is no progress, the tariffs will rise": a conditional penalty
                source = source or self._reporter(clause)
        elif status == "occurred" and clause.pos_ in VERBAL and clause.i not in verbal and not about:
            # the clause's own chain: "dropped plans to impose duties", "agreed to keep the tariffs"; not for the frame
            # an act is part of ("stocks none of their wine, as one part of a protest": the protest goes on)
            chained, _, _ = self.modality.status(clause, None, verbal)
            if framed(head, clause):
                chained = "occurred"
            if chained == "denied" or self.modality.cancelled(clause):
                status = "denied"
            elif chained in {"hypothetical", "proposed", "promised"}:
                status = chained
        adjunct_act = hit.trigger.reciprocal and head.dep_ == "pobj" and word_of(head.head) in ADJUNCT_PREPS
        if adjunct_act and self._told_before(head) and self.told.again(kind, hit.mode, Side(), sentence=self.number)[0]:
            return []  # "said after the meeting": the meeting told before sets the time, it is no new meeting
        if hit.trigger.reciprocal and self._parties(source) < 2 and self._told_before(head):
            # "the talks", "their meeting" with one party or none named: the two states (or their bodies or
            # leaders) named before met
            source = self.parties.last_two(head, person=False, alone=True) or source
        told = status not in {"hypothetical", "denied"}  # "was not told of the arrest": a mention, no report
        if not source and told and not hit.trigger.reciprocal and self._told_before(head):
            # "Ghana expelled the envoy on Monday. The expulsion …": a definite act is the one told before
            source, target = self.told.again(kind, hit.mode, target, sentence=self.number)
        if not source and told and target.actors and not hit.trigger.reciprocal:
            source = self.told.done_to(kind, hit.mode, target)  # "X detained Lee. … Lee's detention …": X
        between = Side()
        for obj in prep_objects(head, {"between"}):
            for part in [obj, *obj.conjuncts]:
                between.add(self.parties.side(part))
        if between and not source:
            source, target = between, between  # "talks between Peru and Chile"
        elif between:
            target.add(between)
        mode = hit.mode
        if kind == "THREATEN" and mode is None:
            mode = self._threat_mode(hit)
        if not source and status == "occurred" and self._topic(head):
            return []  # "cooperation on security was at stake": what a remark is about, nobody's act
        if kind == "THREATEN" and not source:
            return []  # "a threat to stability", "posed a threat", "the threat of tariffs": a danger, nobody threatens
        found = []
        if intent is not None:
            intent_status = "threatened" if intent == "THREATEN" else "promised"
            threat = self._threat_mode(hit) if intent == "THREATEN" else None
            found.append(Found(intent, threat, intent_status, source, target, hit.token, rank, order=0))
            if intent == "THREATEN":
                return found  # one threat, not a second "threatened" event
        found.append(Found(kind, mode, status, source, target, hit.token, rank, hit.trigger.reciprocal))
        return found

    def _maker_named(self, head: Token) -> Side:
        """Who did a noun's act, as its own sentence names them (events_sources): the parties of a participle on it
        ("the treaty signed between X and Y", "the curbs imposed by X"), the subject of the verb a phase of the act
        is the object of ("X demands a prompt start to negotiations", "X pushed for a resumption of the dialogue"; not
        "X welcomed the start of talks between Y and Z"), or of the clause whose motive it is ("X raised duties in
        retaliation", "X hit back with tariffs"); an empty side otherwise."""
        agents, between = participle_makers(head)
        if agents or between:
            return self._side_of(agents or between)
        phase = None if prep_objects(head, {"between"}) else phase_of(head, self.cues["phases"])
        if phase is not None and (outer := phase_of(phase, self.cues["phases"])) is not None:
            phase = outer  # "a bid for a new round of talks": the outer phase says whose
        owners = [c for c in phase.children if c.dep_ == "poss"] if phase is not None else []
        if owners:
            return self._side_of(owners[:1])  # "Lima's push for talks with Quito"
        governor = governor_of(phase) if phase is not None else None
        if phase is not None and governor is not None and governor.pos_ in VERBAL:
            # only a verb of making, wanting or reaching a phase gives its subject the act ("Lima demands a start to
            # talks"); "Berlin noted progress in the talks", "the UN called for a return to talks" report or ask
            maker = governor.lemma_.lower() in self.cues["phase_makers"]
            return self.subjects(governor) if maker and phase.dep_ in {"dobj", "pobj", "attr"} else Side()
        motive = in_motive(head) if self.patterns.object_classes.get(head.lemma_.lower()) == "responses" else None
        motive = motive if motive is not None else answered_with(head, self.cues["answering"])
        return self.subjects(motive) if motive is not None else Side()

    def _undergone(self, head: Token, owner: Token) -> Side:
        """The person an event noun of the `undergone` cue is done to, when its owner is a person and it has no
        "of" phrase of its own ("Lee's arrest", "her detention"); an empty side for a state, a body or "Peru's
        arrest of two sailors", whose owner is the doer."""
        if head.lemma_.lower() not in self.cues["undergone"] or prep_objects(head, {"of"}):
            return Side()
        side = self.parties.side(owner)
        people = [a for a in side.actors if self.parties.actors[a].kind == "person"]
        return side if people and len(people) == len(side.actors) else Side()

    def _enacted_by(self, head: Token) -> Side:
        """ "Lima's launch of a tariff war", "Quito's adoption of new curbs", "X's launch of a row with harsher
        curbs": an act named in an "of" (or "with") phrase of a noun of enacting (the `enacting` cue) is done by
        that noun's owner. Not after other nouns: "Korea's complaint about the curbs", "Chile's view of the
        duties" name no doer of the duties."""
        token = head
        for _ in range(3):
            if token.dep_ != "pobj" or word_of(token.head) not in {"of", "with"} or token.head.head.i == token.i:
                return Side()
            token = token.head.head
            if token.pos_ not in NOMINAL:
                return Side()
            owners = [c for c in token.children if c.dep_ == "poss"]
            if owners and token.lemma_.lower() in self.cues["enacting"]:
                return self._side_of(owners[:1])
            if owners:
                return Side()
            # "vowed to stop the adoption of fresh levies": who calls off a measure's making is its maker
            verb = token.head
            if token.dep_ == "dobj" and token.lemma_.lower() in self.cues["enacting"]:
                return self.subjects(verb) if verb.lemma_.lower() in self.cues["cancelling"] else Side()
        return Side()

    def _agentless(self, verb: Token) -> bool:
        """Whether a verb is a passive without an agent ("Lee was arrested"; "troops had been sent by that summer":
        a "by" before a time is a deadline, the parse's agent or not)."""
        by = [c for c in verb.children if c.dep_ == "agent"]
        agents = [p for c in by for p in c.children if p.dep_ == "pobj"]
        times = self.cues["times"]
        timed = bool(agents) and all(p.ent_type_ in {"DATE", "TIME"} or p.lemma_.lower() in times for p in agents)
        return any(c.dep_ == "nsubjpass" for c in verb.children) and (not by or timed)

    def _told_before(self, noun: Token) -> bool:
        """Whether a joint act's noun refers back to one told before: definite ("the talks", "their meeting",
        "our summit") with no party of its own ("with X", "between X and Y", "the G20 summit")."""
        children = list(noun.children)
        definite = any(
            (c.dep_ == "det" and c.lower_ == "the") or (c.dep_ == "poss" and word_of(c) in {"their", "our"})
            for c in children
        )
        # "after three days of talks": a span of a joint act told without its parties is the one told before
        spanned = noun.dep_ == "pobj" and word_of(noun.head) == "of" and noun.head.head.ent_type_ in TIMES
        # "pledges given at previous rounds of talks": a joint act placed before is the one told before
        earlier = any(c.dep_ == "amod" and c.lower_ in self.cues["earlier"] for c in children)
        # "'This was a very good meeting,' X said": the meeting "this" or "it" names was told before
        pointed = noun.dep_ == "attr" and any(c.dep_ == "nsubj" and c.lower_ in POINTING for c in noun.head.children)
        definite = definite or spanned or earlier or pointed
        # a partner named "with" or "between" ("talks with X"; not "talks with real promise")
        partners = [p for o in prep_objects(noun, {"with", "between"}) for p in [o, *o.conjuncts]]
        named = any(
            p.i in self.parties.mention_at or self._party_noun(p) or self.parties.country_word(p) for p in partners
        )
        named = named or any(c.dep_ in {"compound", "amod", "nmod"} and c.pos_ == "PROPN" for c in children)
        return definite and not named

    # --- demands in reported speech -----------------------------------------------------------------------

    def _requests(self, sentence: Any) -> tuple[list[Found], set[int]]:
        """ "X said Y must do Z", "X said the sole way out was for Y to do Z": X asks Y to (REQUEST), whether or not
        Z is itself an event we know. With the words of the clauses asked for, whose acts are the request's content
        (not Y's proposals)."""
        found: list[Found] = []
        asked: set[int] = set()
        for token in sentence:
            reported = token.dep_ == "ccomp" and token.head.lemma_.lower() in self.cues["reporting"]
            if reported and self.modality.modality(token) == "deontic":
                reporter = token.head
            elif way_for(token, self.cues) and (reporter := reporting_verb(token, self.cues)) is not None:
                pass  # "…, the envoy went on, adding the sole remedy was for Quito to lift the duties"
            else:
                continue
            speaker = self.subjects(reporter)
            target = Side()
            for head in (c for c in token.children if c.dep_ in SUBJECTS | {"nsubjpass"}):
                for part in [head, *head.conjuncts]:
                    target.add(self.parties.side(part))
            if speaker and set(target.actors) != set(speaker.actors):
                mode = asked_mode([token], self._asked_kind, self.patterns.types, [])
                found.append(Found("REQUEST", mode, "occurred", speaker, target, reporter, depth_of(reporter)))
                asked.update(t.i for t in token.subtree)
        return found, asked

    def _asked_kind(self, clause: Token) -> str | None:
        """The type of the act a clause asked for names: a verb that calls a measure off yields (CONCEDE: "should
        retract the curbs"), else the verb's own type."""
        if self.triggers.calls_off(clause):
            return "CONCEDE"
        hit = self.triggers.verbal(clause) if clause.pos_ in VERBAL else None
        return hit.type if hit is not None else None

    def _verdicts(self, sentence: Any) -> list[Found]:
        """ "Lima said Quito's decision was a mistake", "called the detention unlawful": a complaint (ACCUSE) from
        the speaker to whoever did the act judged (`events_verdicts`)."""
        found = []
        for judge, verdict, act, doers in verdicts(sentence, self.cues, self.triggers):
            speaker, target = self.subjects(judge), self._side_of(doers)
            entry = self.triggers.noun_entry(act)
            if not target and entry is not None and entry.type is not None and self._told_before(act):
                # "Peru held them. Chile called it …"
                target = self.told.again(entry.type, entry.mode, Side(), sentence=self.number)[0]
            if speaker and set(target.actors) != set(speaker.actors):
                found.append(Found("ACCUSE", "disapprove", "occurred", speaker, target, verdict, depth_of(judge)))
        return found

    # --- from Found to Event --------------------------------------------------------------------------------

    def _events(self, sentence: Any, found: list[Found], asked: set[int]) -> list[Event]:
        """The events of one sentence from its readings `found`; `asked` holds the words of clauses a reported request
        asks for ("Lima said Quito must lift its curbs"), whose proposed acts are the request's content."""
        text = self.text
        start, end = sentence.start_char, sentence.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return []
        contexts = self._contexts(sentence.start_char, sentence.end_char)
        events: list[Event] = []
        # one happening, one event: per clause and type the best-argued reading (named sides, then a mode)
        kept: dict[tuple[str, int], tuple[Found, Side, Side]] = {}
        passing: set[int] = set()  # the triggers of acts told only as what a reaction is about
        for item in sorted(found, key=lambda f: (f.rank, f.token.i, f.order)):
            source, target = self._sides(item, start, end)
            if item.status in {"hypothetical", "denied"} and not source:
                # "the curbs could hurt exporters", "if either party quits the pact": a forecast or a rule;
                # "the accord does not end the mistrust": a denial nobody makes reports nothing that happened
                continue
            if self._condition(item.token):
                continue  # "duties will rise unless Lima curbs the flow", "if Rome does not sign": a condition, no act
            if self._comment(item.token):
                continue  # "he said the sanctions were a mistake": a remark about an act, not the act
            remark = self.remarks.unreported(item.token, self._clause_of(item.token))
            if remark == "reaction":
                passing.add(item.token.i)  # "condemned Quito's decision to expel the envoy": kept aside (below)
            elif remark is not None:
                continue  # "a statute that curbs …", "every arrest", "it is essential for X to …", advice, a question
            revised = self.kinds.revised(item.type, item.mode, item.status, item.token)
            if revised is None:
                continue  # "agreed to take firm steps": the accord is the act
            if revised[0] != item.type and item.reciprocal:
                # "might rethink extending its pact with X": a joint act's clause made one party's act on the other
                item = replace(item, reciprocal=False)
                source, target = self._sides(item, start, end)
            item = replace(item, type=revised[0], mode=revised[1], status=revised[2])
            if (item.status == "proposed" and self.kinds.requested(item.token)) or (
                item.status in {"proposed", "hypothetical"} and item.token.i in asked
            ):
                continue  # "Lima urged Quito to lift the duties": one request (Lima's), no concession by Quito
            if (
                item.type == "PROTEST"
                and item.token.lemma_.lower() in self.cues["complaints"]
                and self._official(source)
            ):
                item = replace(item, type="ACCUSE", mode="disapprove")  # a government's protest is a complaint
            key = (item.type, self._clause_key(item.token))
            if key not in kept or _argued(item, source, target) > _argued(*kept[key]):
                kept[key] = (item, source, target)
        # and per sentence: readings of one type whose sources agree (or one names none) are one happening
        # ("Lima agreed it could sell more copper"); acts of one type by different parties stay apart
        chosen: list[tuple[Found, Side, Side]] = []
        for reading in sorted(kept.values(), key=lambda k: _argued(*k), reverse=True):
            if not any(k[0].type == reading[0].type and same_party(k[1], reading[1]) for k in chosen):
                chosen.append(reading)
        chosen.sort(key=lambda k: (k[0].rank, k[0].token.i, k[0].order))
        for item, source, target in chosen:
            if source:
                self.told.record(item.type, item.mode, source, target, sentence=self.number, end=end)
            (self.in_passing if item.token.i in passing else events).append(
                Event(
                    type=item.type,
                    source=list(source.actors),
                    target=list(target.actors),
                    evidence=text[start:end],
                    start=start,
                    end=end,
                    mode=item.mode,
                    source_countries=list(source.countries),
                    target_countries=list(target.countries),
                    date=self._date(item.token, sentence.start_char, sentence.end_char, item.status),
                    status=item.status,
                    issues=list(contexts),
                )
            )
        return events

    def _parties(self, side: Side) -> int:
        """How many parties a side names: a country named beside its own official is one party, not two
        ("President X will hold a cabinet meeting" in a sentence that also names X's country)."""
        actors = self.parties.actors
        represented = {actors[a].country for a in side.actors if actors[a].kind != "country"}
        own = [a for a in side.actors if actors[a].kind == "country" and actors[a].country in represented]
        return max(len(side.actors) - len(own), len(side.countries))

    def _clause_key(self, trigger: Token) -> int:
        """The clause an event word belongs to, as the index of its verb: a noun belongs to the verb above it, and
        a controlled verb ("agreed to halt", "a promise to halt") to the clause that controls it; co-ordinated
        and reported clauses stay apart ("stopped X and removed Y" are two happenings)."""
        token = trigger
        while token.head.i != token.i and (token.pos_ not in VERBAL or token.dep_ in CONTROLLED):
            if self._answered(token):
                return int(token.i)  # "in response to X's duties, Y will impose duties": two happenings
            token = token.head
        return int(token.i)

    def _answered(self, noun: Token) -> bool:
        """Whether a noun names the act a response answers, after "to" or "for" on a noun of the `responses` class
        ("in response to X's curbs", "in retaliation for a ban"): a happening of its own, told as done."""
        if noun.dep_ != "pobj" or word_of(noun.head) not in {"to", "for"} or noun.head.head.pos_ != "NOUN":
            return False
        return self.patterns.object_classes.get(noun.head.head.lemma_.lower()) == "responses"

    def _sides(self, item: Found, start: int, end: int) -> tuple[Side, Side]:
        source, target = item.source, item.target
        # "officials said tariffs will rise"; a deployment or crackdown announced is the announcer's own, one
        # reported as done may be anybody's
        announced = item.status in {"promised", "threatened", "proposed"}
        reported = item.token.pos_ in VERBAL or item.status != "occurred"
        if not source and (announced if item.type in LOCAL_TYPES else reported):
            source = self._announcer(self._clause_of(item.token))
        local = item.type in LOCAL_TYPES or (item.type, item.mode) == ("ACCUSE", "investigate")
        # only where nobody or only groups named by their role ("gunmen") act: a person or body is never placed
        unnamed = all(self.parties.actors[a].kind == "group" for a in source.actors)
        if local and unnamed and not source.countries:
            # "gunmen opened fire in Lagos": actors named by their role alone are local too, and keep their names
            found = self._local(item.token, start, end, target)
            source = Side(list(source.actors), found.countries) if source.actors else found
        objects = [c for c in item.token.children if c.dep_ == "dobj"]
        # "signed with X", "the treaty signed between X and Y": the parties are named here
        objects += self._deals(item.token)  # "agreed to a deal with X": the deal's partner is named here
        named_here = any(prep_objects(w, {"between"}) or partner_objects(w) for w in [item.token, *objects])
        if item.reciprocal and item.token.pos_ in VERBAL and self._parties(source) < 2 and not named_here:
            # "Opening the talks, X told Y …": a joint act told before, with the parties told then (before this
            # sentence: "Z began the talks" after X and Y met is another meeting, Z's)
            # "the commission will meet again": a joint body or act as the subject is the one told before too
            # (not "the accord signed between X and Y does not end …": a clause on the noun tells its own parties)
            subjects = [c for c in item.token.children if c.dep_ == "nsubj" and not source]
            held = objects + [c for c in subjects if not any(g.dep_ in {"acl", "relcl"} for g in c.children)]
            for noun in (o for o in held if self._reciprocal_noun(o) and self._told_before(o)):
                both = self.parties.last_two(noun.sent[0], person=False, alone=True)
                if both and set(both.countries) >= set(source.countries):
                    # the doer named here stands for its side ("Moon told Abe": Moon, not his spokeswoman)
                    other = [a for a in both.actors if self.parties.actors[a].country not in source.countries]
                    joint = Side(list(source.actors), list(source.countries))
                    joint.add(Side(other, [c for c in both.countries if c not in source.countries]))
                    source = joint
        words = [item.token, *objects]  # "held talks with X"
        partners = self._side_of([o for w in words for o in partner_objects(w)]) if item.reciprocal else Side()
        if item.reciprocal and item.token.pos_ in VERBAL and not partners:
            # "X met Y", "X met his counterpart": a meeting of both; "X signed the pact" names no second party
            met = [o for o in objects if o.i in self.parties.mention_at or self._party_noun(o)]
            partners = self.parties.without(self._side_of(met), source)
        # a joint act needs a second party: not the source again under another description
        partners = self.parties.without(partners, source)
        if source and partners and item.status == "promised" and item.type not in {"CONSULT", "AGREE"}:
            return source, partners  # "X will cooperate with Y": X's pledge; a meeting or signing planned is both's
        if source and partners:
            joint = Side()  # "X met with Y", "X signed a pact with Y": a joint act, both parties on each side
            joint.add(source)
            joint.add(partners)
            return joint, joint
        inside = set(target.countries) <= set(source.countries) and set(target.actors) <= set(source.actors)
        if item.reciprocal and self._parties(source) > 1 and (not target or inside):
            return source, source  # "X and Y met", "a meeting good for both X and Y": each acts on the other
        return source, self.parties.without(target, source)  # no one acts on itself unless the text says so

    def _date(self, trigger: Token, start: int, end: int, status: str = "occurred") -> str | None:
        """The event's date: a date of the trigger's own clause, else of a clause that reports or governs it
        ("said on Friday that it would…"), nearest first; else the publication date (or, without one, the
        document's first full date). Never a dateline's date, a "since"/"until" comparison, or a date that
        describes another noun ("during the 1940-44 occupation", "the December tariffs were cancelled").
        An act promised, proposed or threatened in an infinitive ("agreed to meet in December") is to come: a
        date without its year is the next one, whatever the tense of the verb that promises it."""
        inside = self.dates[bisect_left(self.date_starts, start) : bisect_left(self.date_starts, end)]
        clause = self._clause_of(trigger)
        above = {token.i for token in clause.ancestors}
        own, governing = [], []
        for mention in inside:
            governor = self._date_governor(mention)
            if governor is None:
                continue
            if governor.i in {trigger.i, clause.i}:
                own.append(mention)
            elif governor.i in above:
                governing.append(mention)
        for candidates in (own, governing):
            if candidates:
                mention = min(candidates, key=lambda d: (abs(d.start - trigger.idx), d.start))
                if candidates is own and status in PLANNED and self._infinitive(clause):
                    return self._coming(mention)
                return mention.value
        return self.fallback_date

    def _infinitive(self, verb: Token) -> bool:
        """ "to meet", "to impose": a verb with the infinitive marker and no tense of its own."""
        return (
            verb.pos_ in VERBAL
            and verb.tag_ == "VB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        )

    def _coming(self, mention: DateMention) -> str:
        """A date mention read as one to come from the document's date (English only; its value otherwise)."""
        if self.doc.lang_ != "en" or len(self.fallback_date or "") < 10:
            return mention.value
        resolved = resolve(mention.text, date.fromisoformat(str(self.fallback_date)[:10]), tense=FUTURE)
        return resolved[0] if resolved else mention.value

    def _clause_of(self, trigger: Token) -> Token:
        """The verb whose clause an event word belongs to: the verb itself, or the verb a noun depends on."""
        token = trigger.head if noun_taken_for_verb(trigger) else trigger
        while token.pos_ not in VERBAL and token.head.i != token.i:
            token = token.head
        return token if token.pos_ in VERBAL else trigger

    def _date_governor(self, mention: DateMention) -> Token | None:
        """The word a date expression says the time of (a verb, or an event noun), or None where it is not
        an event's time: a dateline, a "since"/"until" comparison, or an attribute of another noun."""
        if mention.start in self._governors:
            return self._governors[mention.start]
        governor = None
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and not self._dateline(mention):
            token = span.root
            head = token.head
            if token.dep_ == "pobj" and head.dep_ in {"prep", "agent"}:
                head = head.head if word_of(head) not in COMPARISON_PREPS else token
            if head.i != token.i and head.pos_ in VERBAL:
                governor = head
            elif head.i != token.i and self.triggers.noun_entry(head) is not None:
                governor = head  # "talks in May": the event noun's own time
        self._governors[mention.start] = governor
        return governor

    def _dateline(self, mention: DateMention) -> bool:
        """ "LIMA, 9 May 2022 — …", "GDANSK, Apr. 3 (PAP) --": a date between a capitalised opening and a
        dash or parenthesis is the report's date, not an event's."""
        before = self.text[max(0, mention.start - 60) : mention.start]
        line = before.rsplit("\n", 1)[-1]
        after = self.text[mention.end : mention.end + 3].lstrip()
        return bool(line.strip()) and not any(c.islower() for c in line) and after[:1] in DATELINE_ENDS

    def _contexts(self, start: int, end: int) -> list[str]:
        contexts: list[str] = []
        first = max(0, bisect_right(self.tagged_starts, start) - 1)
        for tagged in self.tagged[first : bisect_left(self.tagged_starts, end)]:
            if tagged.end > start:
                for issue in (*tagged.issues, *tagged.subissues):  # contexts only where the terms carry them
                    contexts += [c for c in self.patterns.contexts.get(issue, ()) if c not in contexts]
        return contexts
