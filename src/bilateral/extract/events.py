"""PLOVER 2.0 events in one parsed document: for each sentence, who did what to whom, when, and with what status.

Triggers are the verbs, adjectives and nouns of the `events` knowledge pack; the dependency parse gives their
actors (events_parties) and their status (negation, modals, conditionals, and the verb above: "pledged to",
"threatened to", "refused to"). The evidence is the trigger's sentence, so it is always text[start:end].
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bilateral.extract.events_parties import RELATIVE, Parties, Side
from bilateral.extract.events_patterns import EventPatterns, Trigger, load_event_patterns
from bilateral.model import Analysis, Event

__all__ = ["EventPatterns", "extract_events", "load_event_patterns"]

Doc = Any
Token = Any
VERBAL = {"VERB", "AUX"}
NOMINAL = {"NOUN", "PROPN"}
SUBJECTS = {"nsubj", "csubj"}
DIRECT = {"dobj", "dative", "oprd", "attr"}
# prepositions whose object is acted on: "met with X", "sanctions against X", "aid to X", "withdrew from X"
TARGET_PREPS = {"to", "with", "against", "on", "upon", "toward", "towards", "into", "over", "at", "for", "from",
                "between", "in", "about", "onto", "among"}  # fmt: skip
NOUN_TARGET_PREPS = TARGET_PREPS - {"from", "in", "at"}
CLAUSE_CHAIN = {"xcomp", "ccomp", "conj", "pcomp"}


def _complement(token: Token) -> bool:
    """A clause that completes the verb above it; "sworn to fight" is often parsed as an adverbial clause."""
    if token.dep_ in CLAUSE_CHAIN:
        return True
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)


# the verb's own key is tried with each of these children appended: "call off", "call for", "open fire"
KEY_CHILDREN = ("prt", "dobj", "prep", "acomp", "oprd", "agent")
LIGHT_PREPS = {"on", "under", "into"}
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


def extract_events(doc: Doc, analysis: Analysis, *, patterns: EventPatterns) -> list[Event]:
    """The PLOVER events each sentence of `doc` reports, in sentence order (within one, main events first)."""
    reader = _Reader(doc, analysis, patterns)
    events: list[Event] = []
    for sentence in doc.sents:
        events.extend(reader.sentence(sentence))
    return events


class _Reader:
    def __init__(self, doc: Doc, analysis: Analysis, patterns: EventPatterns) -> None:
        self.doc = doc
        self.analysis = analysis
        self.patterns = patterns
        self.parties = Parties(doc, analysis, patterns)
        self.cues = patterns.cues

    # --- finding triggers -------------------------------------------------------------------------------

    def _verb_entry(self, token: Token) -> tuple[Trigger | None, Token | None]:
        lemma = token.lemma_.lower()
        table = self.patterns.verbs if token.pos_ in VERBAL else self.patterns.adjectives
        for dep in KEY_CHILDREN:
            for child in token.children:
                if child.dep_ != dep:
                    continue
                word = child.lemma_.lower() if dep == "dobj" else child.lower_
                if (entry := table.get(f"{lemma} {word}")) is not None:
                    return entry, child
        entry = table.get(lemma) or (table.get(token.lower_) if table is self.patterns.adjectives else None)
        return entry, None

    def _verbal(self, token: Token) -> Hit | None:
        if token.pos_ in VERBAL:
            if token.dep_ in {"amod", "compound", "aux", "auxpass"}:
                return None
        elif not (token.pos_ == "ADJ" and token.dep_ in {"acomp", "ROOT", "xcomp", "ccomp", "conj", "advcl"}):
            return None
        entry, key_child = self._verb_entry(token)
        if entry is None:
            return None
        children = {child.dep_ for child in token.children}
        if entry.needs_object and not children & {"dobj", "xcomp", "ccomp", "nsubjpass", "dative", "attr", "oprd"}:
            return None
        if entry.intransitive and "dobj" in children:
            return None
        kind, mode, obj, status = entry.type, entry.mode, None, entry.status
        if key_child is not None and key_child.dep_ == "dobj":
            obj = key_child  # "open fire", "pay compensation": the object is part of the phrase
        elif entry.objects or entry.light:
            for candidate in self._object_nouns(token):
                cls = self.patterns.object_classes.get(candidate.lemma_.lower())
                if cls is None and candidate.i > 0:
                    cls = self.patterns.object_classes.get(f"{candidate.nbor(-1).lower_} {candidate.lemma_.lower()}")
                if cls is not None and cls in entry.objects:
                    pair = entry.objects[cls]
                    if pair is None:
                        return None  # "fight corruption" is no assault
                    (kind, mode), obj = pair, candidate
                    break
                noun = self._noun_entry(candidate) if entry.light else None
                if noun is not None and noun.type is not None:
                    kind, mode, obj, status = noun.type, noun.mode, candidate, noun.status
                    break
        if kind is None and entry.complement is None:
            return None
        if entry.needs_target and not any(
            self.parties.side(c) for c in token.children if c.dep_ in {"dobj", "nsubjpass", "dative"}
        ):
            return None
        return Hit(token, entry, kind, mode, nominal=False, head=token, obj=obj, status=status)

    def _object_nouns(self, verb: Token) -> list[Token]:
        """The verb's object, its co-ordinated objects and their compounds, then prepositional objects."""
        direct = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "attr", "oprd"}]
        # "went on strike", "put under investigation"; not "announced in relation to"
        preps = [] if direct else _prep_objects(verb, LIGHT_PREPS)
        found = []
        for head in direct + preps:
            found.append(head)
            found += [c for c in head.children if c.dep_ in {"compound", "amod", "nmod"} and c.pos_ in NOMINAL]
            found += [c for c in head.conjuncts if c.pos_ in NOMINAL]
            # "700 kg of medicine", "part of a stronghold", "10 days of war games": the "of" phrase says what
            found += _prep_objects(head, {"of"})
        return found

    def _noun_entry(self, token: Token) -> Trigger | None:
        nouns = self.patterns.nouns
        keys: list[str] = []
        if token.i >= 2 and token.nbor(-1).text == "-" and not token.nbor(-2).whitespace_:
            keys.append(f"{token.nbor(-2).lower_}-{token.lower_}")
        for child in token.children:
            if child.dep_ in {"compound", "amod"} and child.i < token.i:
                keys += [f"{child.lower_} {token.lower_}", f"{child.lemma_.lower()} {token.lemma_.lower()}"]
            if child.dep_ == "prep" and child.lower_ == "of":
                keys += [f"{token.lemma_.lower()} of {p.lemma_.lower()}" for p in child.children if p.dep_ == "pobj"]
        keys += [token.lower_, token.lemma_.lower()]
        for key in keys:
            if key in nouns:
                return nouns[key]
        return None

    def _nominal(self, token: Token) -> Hit | None:
        if token.pos_ != "NOUN" or token.ent_type_ in NAMES or token.i in self.parties.mention_at:
            return None  # "the Swiss Agency for Development and Cooperation" names no cooperation
        entry = self._noun_entry(token)
        if entry is None or entry.type is None:
            return None
        head = token
        while head.dep_ in {"compound", "amod", "nmod"} and head.head.pos_ in NOMINAL and head.head.i != head.i:
            head = head.head
        return Hit(token, entry, entry.type, entry.mode, nominal=True, head=head)

    # --- one sentence -------------------------------------------------------------------------------------

    def sentence(self, sentence: Any) -> list[Event]:
        verbal: dict[int, Hit] = {}
        for token in sentence:
            if (hit := self._verbal(token)) is not None:
                verbal[token.i] = hit
        consumed = {hit.obj.i for hit in verbal.values() if hit.obj is not None}
        nominal: dict[int, Hit] = {}
        for token in sentence:
            if token.i in consumed or token.i in verbal:
                continue
            if (hit := self._nominal(token)) is not None:
                nominal[token.i] = hit
        found: list[Found] = []
        heads = {hit.head.i: hit for hit in nominal.values() if hit.head.i == hit.token.i}
        for hit in nominal.values():
            if hit.head.i != hit.token.i and hit.head.i in heads:
                heads[hit.head.i].absorbed.append(hit)  # "the tariff threat": the head noun is the event
                continue
            governor = _governor(hit.head)
            if governor is not None and governor.i in verbal and verbal[governor.i].type is not None:
                verbal[governor.i].absorbed.append(hit)  # "threatened sanctions", "accused X of the bombing"
                continue
            if _inside_noun_event(hit.head, heads, consumed) or (hit.trigger.needs_verb and governor is None):
                continue
            if hit.trigger.needs_verb and not (governor is not None and governor.i in verbal):
                continue
            found += self._nominal_events(hit, verbal)
        for hit in verbal.values():
            found += self._verbal_events(hit, verbal)
        found += self._requests(sentence, verbal)
        return self._events(sentence, found)

    # --- verbal events ------------------------------------------------------------------------------------

    def _verbal_events(self, hit: Hit, verbal: dict[int, Hit]) -> list[Found]:
        verb = hit.token
        status, intent, _ = self._status(verb, hit, verbal)
        kind = hit.type
        if kind is not None and hit.trigger.that_clause and _that_clause(verb):
            kind = hit.trigger.that_clause  # "proposed that the agreement be revised": asking someone else
        source = self.subjects(verb)
        target = self.objects(hit)
        rank = _depth(verb)
        found = []
        if intent is not None and (kind is not None or intent == "REJECT"):
            mode = self._threat_mode(hit) if intent == "THREATEN" else None
            intent_status = {"THREATEN": "threatened", "AGREE": "promised"}.get(intent, "occurred")
            found.append(Found(intent, mode, intent_status, source, target, verb, rank, order=0))
        if kind is None:
            return found
        mode = hit.mode
        if kind == "THREATEN" and mode is None:
            mode = self._threat_mode(hit, verbal)
        reciprocal = hit.trigger.reciprocal or (hit.obj is not None and self._reciprocal_noun(hit.obj))
        found.append(Found(kind, mode, status, source, target, verb, rank, reciprocal))
        return found

    def subjects(self, verb: Token, depth: int = 0) -> Side:
        """The acting side of a verb: its subject, the agent of a passive, or the subject it inherits."""
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        heads = agents or [c for c in verb.children if c.dep_ in SUBJECTS]
        if not heads and self._adjectival(verb):
            heads = [c for c in verb.children if c.dep_ == "nsubjpass"]  # "Israel is opposed to"
        elif not heads and any(c.dep_ == "nsubjpass" for c in verb.children):
            return Side()  # "was killed": the passive names no actor
        if heads:
            speaker = self._speaker(verb)
            side = Side()
            for head in heads:
                if head.lower_ in RELATIVE and verb.dep_ == "relcl":
                    head = verb.head
                for part in [head, *head.conjuncts]:
                    side.add(self.parties.side(part, speaker=speaker))
            return side
        if depth > 4 or verb.head.i == verb.i:
            return Side()
        dep, up = verb.dep_, verb.head
        if dep == "conj" and not self._adjectival(up) and any(c.dep_ == "nsubjpass" for c in up.children):
            # "was indicted by the court and will resign": the one indicted resigns
            return self._side_of([c for c in up.children if c.dep_ == "nsubjpass"])
        if dep == "acomp":
            return self.subjects(up, depth + 1)
        if dep == "xcomp":
            controllers = [c for c in up.children if c.dep_ == "dobj"]  # "urged Mexico to act": Mexico acts
            if controllers and up.lemma_.lower() not in {"promise", "pledge"}:
                side = Side()
                for part in [controllers[0], *controllers[0].conjuncts]:
                    side.add(self.parties.side(part))
                return side
            return self.subjects(up, depth + 1)
        if dep in {"conj", "advcl", "ccomp", "pcomp", "dep", "xcomp"}:
            while up.dep_ == "prep" and up.head.i != up.i:
                up = up.head
            if up.pos_ in VERBAL or up.pos_ == "ADJ":
                return self.subjects(up, depth + 1)
            governor = _governor(up) if up.pos_ in NOMINAL else None
            return self.subjects(governor, depth + 1) if governor is not None else Side()
        if dep == "acl" and verb.tag_ == "VBN":
            return Side()  # "the agreement signed in March": the noun is what was acted on
        if dep in {"acl", "relcl"}:
            side = self.parties.side(up) or (
                self.parties.owner(up) if self._noun_entry(up) else Side()
            )  # "forces loyal to X", "a law restricting Y": the noun, else its owner
            governor = _governor(up)
            return side if side or governor is None else self.subjects(governor, depth + 1)
        return Side()

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
        """The subject of the clause that reports this one ("Iraq said it would..."), for pronoun subjects."""
        token = verb
        for _ in range(4):
            if token.dep_ not in CLAUSE_CHAIN | {"advcl"} or token.head.i == token.i:
                return None
            token = token.head
            subjects = [c for c in token.children if c.dep_ in SUBJECTS]
            if subjects and verb.dep_ != "conj":
                return subjects[0]
        return None

    def objects(self, hit: Hit) -> Side:
        """The side acted on: direct object or passive subject, the event noun's own prepositional objects
        ("held talks with X"), then the verb's ("met with X"), then who a that-clause is about."""
        verb = hit.token
        passive = set() if self._adjectival(verb) else {"nsubjpass"}
        direct = [c for c in verb.children if c.dep_ in DIRECT | passive]
        heads: list[Token] = []
        if hit.obj is not None:
            heads += _prep_objects(hit.obj, NOUN_TARGET_PREPS)
            heads += [h for h in direct if h.i != hit.obj.i and h.lower_ not in RELATIVE]
        else:
            heads += [h for h in direct if h.lower_ not in RELATIVE]
        for noun in hit.absorbed:
            if not heads:
                heads += _prep_objects(noun.head, NOUN_TARGET_PREPS)
        if not heads:
            heads += _prep_objects(verb, TARGET_PREPS)
        if not heads and verb.dep_ == "acl" and verb.tag_ == "VBN":
            heads.append(verb.head)
        if not heads:
            for clause in (c for c in verb.children if c.dep_ == "ccomp"):
                heads += [c for c in clause.children if c.dep_ in SUBJECTS | {"nsubjpass"}]
        side = Side()
        for head in heads:
            for part in [head, *head.conjuncts]:
                side.add(self.parties.side(part))
        return side

    def _threat_mode(self, hit: Hit, verbal: dict[int, Hit] | None = None) -> str | None:
        """THREATEN's mode from what is threatened: the noun it governs or the act in its complement."""
        threats = self.patterns.types["THREATEN"].modes
        contents: list[tuple[Trigger, str | None, str | None]] = []
        contents += [(noun.trigger, noun.type, noun.mode) for noun in hit.absorbed]
        if hit.obj is not None and (entry := self._noun_entry(hit.obj)) is not None:
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
        entry = self._noun_entry(noun)
        return entry is not None and entry.reciprocal

    # --- status -------------------------------------------------------------------------------------------

    def _modality(self, verb: Token) -> str | None:
        """What the verb's own auxiliaries, negation and conditional say: negated, conditional, future,
        would, deontic, hypothetical, or None."""
        children = list(verb.children)
        auxiliaries = {c.lower_ for c in children if c.dep_ in {"aux", "auxpass"}}
        negated = any(c.dep_ == "neg" or (c.lower_ in self.cues["negation"] and c.dep_ in {"advmod", "det"})
                      for c in children)  # fmt: skip
        clause = verb
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        if any(c.dep_ == "neg" for c in clause.children):
            negated = True
        auxiliaries |= {c.lower_ for c in clause.children if c.dep_ in {"aux", "auxpass"}}
        if negated:
            return "negated"
        if any(c.dep_ == "mark" and c.lower_ in self.cues["conditional"] for c in clause.children):
            return "conditional"
        if auxiliaries & self.cues["future"]:
            return "future"
        if auxiliaries & self.cues["deontic"]:
            return "deontic"
        if auxiliaries & {"would", "'d"}:
            return "would"
        if auxiliaries & self.cues["hypothetical"]:
            return "hypothetical"
        return None

    def _status(self, verb: Token, hit: Hit | None, verbal: dict[int, Hit]) -> tuple[str, str | None, Hit | None]:
        """(status, intent to add, controlling hit) for an event whose clause is headed by `verb`."""
        own = self._modality(verb)
        controller = reporter = None
        token = verb
        for _ in range(5):
            if not _complement(token) or token.head.i == token.i:
                break
            up = token.head
            while up.dep_ == "prep" and up.head.i != up.i:
                up = up.head
            above = verbal.get(up.i)
            if token.dep_ == "conj":
                own = own or self._modality(up)  # "would prohibit aid and deny entry": one modality for both
                token = up
                continue
            elif above is not None and above.trigger.complement is not None:
                controller = above
                break
            elif up.lemma_.lower() in self.cues["reporting"]:
                reporter = up
                break
            token = up
        kind = hit.type if hit is not None else None
        intent_of = self._intent(verb, kind)
        if own == "negated":
            future = {c.lower_ for c in verb.children if c.dep_ == "aux"} & (self.cues["future"] | {"would"})
            return "denied", ("REJECT" if future and kind is not None else None), controller
        if own == "conditional" or own == "hypothetical" or (own == "would" and reporter is None and not controller):
            return "hypothetical", None, controller
        if controller is not None:
            above_mod = self._modality(controller.token)
            if above_mod == "negated":
                return "denied", None, controller
            if controller.type is None and controller.trigger.complement == "denied":  # "failed to agree"
                return "denied", controller.trigger.intent, controller
            if above_mod in {"conditional", "hypothetical"}:
                return "hypothetical", None, controller
            status = controller.trigger.complement or "occurred"
            if controller.type is None and status == "promised":  # "pledged to", "vowed to": no event of its own
                intent = controller.trigger.intent or intent_of
                return ("threatened" if intent == "THREATEN" else "promised"), intent, controller
            return status, None, controller
        if own in {"future", "would"}:
            if intent_of is None:  # an announced sanction is a decision, not a promise of one
                conflict = kind is not None and self.patterns.types[kind].threat is not None
                return ("threatened" if conflict else "promised"), None, None
            return ("threatened" if intent_of == "THREATEN" else "promised"), intent_of, None
        if own == "deontic" and reporter is not None:
            return "proposed", None, None
        if verb.dep_ == "acl" and (noun := self._noun_entry(verb.head)) is not None and noun.complement:
            return noun.complement, None, None  # "his promise to end the policy", "the threat to impose tariffs"
        if hit is not None and hit.obj is not None and _negated_noun(hit.obj, self.cues["negation"]):
            return "denied", None, None  # "provided no aid"
        own_status = (hit.status or hit.trigger.status) if hit is not None else None
        return own_status or "occurred", None, None

    def _intent(self, verb: Token, kind: str | None) -> str | None:
        """The verbal event an announced act amounts to: a threat when it is conditional on "unless"."""
        if kind is None:
            return None
        for clause in verb.subtree:
            if clause.dep_ == "mark" and clause.lower_ in self.cues["coercive_conditional"]:
                return "THREATEN"
        return self.patterns.types[kind].intent

    # --- nominal events -----------------------------------------------------------------------------------

    def _nominal_events(self, hit: Hit, verbal: dict[int, Hit]) -> list[Found]:
        head = hit.head
        kind = hit.type
        assert kind is not None
        source, target = Side(), Side()
        for child in head.children:
            if child.dep_ == "poss":
                source.add(self.parties.side(child))
        for prep in (c for c in head.children if c.dep_ in {"prep", "agent"} and c.lower_ != "between"):
            objects = [p for p in prep.children if p.dep_ == "pobj"]
            word = prep.lower_
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
        governor = _governor(head)
        status = hit.trigger.status or "occurred"
        intent = None
        rank = _depth(head)
        if governor is not None:
            above = verbal.get(governor.i)
            entry = self.patterns.verbs.get(governor.lemma_.lower())
            doer = above is not None or (entry is not None and entry.light)  # "held refugees as human shields"
            if not source.actors and doer and head.dep_ in {"dobj", "attr", "oprd", "conj", "pobj"}:
                acting = self.subjects(governor)
                source = acting if acting.actors or not source else source
            if above is not None and above.type is None:  # "pledged $4 billion in aid"
                status, intent, _ = self._status(governor, Hit(hit.token, hit.trigger, kind, hit.mode, True, head),
                                                 {**verbal, governor.i: above})  # fmt: skip
                status = above.trigger.complement or status
                if above.trigger.complement == "promised":
                    intent = above.trigger.intent or self.patterns.types[kind].intent
                    status = "threatened" if intent == "THREATEN" else "promised"
            else:
                modality = self._modality(governor)
                if modality == "negated":
                    status = "denied"
                elif modality in {"conditional", "hypothetical"}:
                    status = "hypothetical"
        if any(c.dep_ == "det" and c.lower_ in self.cues["negation"] for c in head.children):
            status = "denied"
        clause = head
        while clause.pos_ not in VERBAL and clause.head.i != clause.i:
            clause = clause.head
        if clause.pos_ in VERBAL and self._modality(clause) == "conditional":
            status = "hypothetical"
        between = Side()
        for obj in _prep_objects(head, {"between"}):
            for part in [obj, *obj.conjuncts]:
                between.add(self.parties.side(part))
        if between and not source:
            source, target = between, between  # "talks between Mexico and the US"
        elif between:
            target.add(between)
        mode = hit.mode
        if kind == "THREATEN" and mode is None:
            mode = self._threat_mode(hit)
        found = []
        if intent is not None:
            intent_status = "threatened" if intent == "THREATEN" else "promised"
            found.append(Found(intent, None, intent_status, source, target, hit.token, rank, order=0))
        found.append(Found(kind, mode, status, source, target, hit.token, rank, hit.trigger.reciprocal))
        return found

    # --- demands in reported speech -----------------------------------------------------------------------

    def _requests(self, sentence: Any, verbal: dict[int, Hit]) -> list[Found]:
        """ "X said Y must do Z": X asks Y to (REQUEST), whether or not Z is itself an event we know."""
        found = []
        for token in sentence:
            if token.dep_ != "ccomp" or token.head.lemma_.lower() not in self.cues["reporting"]:
                continue
            if self._modality(token) != "deontic":
                continue
            speaker = self.subjects(token.head)
            target = Side()
            for head in (c for c in token.children if c.dep_ in SUBJECTS | {"nsubjpass"}):
                for part in [head, *head.conjuncts]:
                    target.add(self.parties.side(part))
            if speaker and set(target.actors) != set(speaker.actors):
                found.append(Found("REQUEST", None, "occurred", speaker, target, token.head, _depth(token.head)))
        return found

    # --- from Found to Event --------------------------------------------------------------------------------

    def _events(self, sentence: Any, found: list[Found]) -> list[Event]:
        text = self.doc.text
        start, end = sentence.start_char, sentence.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return []
        contexts = self._contexts(sentence.start_char, sentence.end_char)
        events: list[Event] = []
        seen: set[tuple[Any, ...]] = set()
        for item in sorted(found, key=lambda f: (f.rank, f.token.i, f.order)):
            source, target = item.source, item.target
            if item.reciprocal and not target and len(source.actors) + len(source.countries) > 1:
                target = source
            if not item.reciprocal:
                target = self.parties.without(target, source)
            key = (item.type, item.mode, item.status, tuple(source.actors), tuple(target.actors), item.token.i)
            if key in seen:
                continue
            seen.add(key)
            events.append(
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
                    date=self._date(item.token.idx, sentence.start_char, sentence.end_char),
                    status=item.status,
                    issues=list(contexts),
                )
            )
        return events

    def _date(self, at: int, start: int, end: int) -> str | None:
        """The resolved date nearest the trigger in its sentence, else the publication date."""
        inside = [d for d in self.analysis.dates if start <= d.start < end]
        if inside:
            return min(inside, key=lambda d: (abs(d.start - at), d.start)).value
        return self.analysis.published

    def _contexts(self, start: int, end: int) -> list[str]:
        contexts: list[str] = []
        for tagged in self.analysis.sentence_issues:
            if tagged.start < end and tagged.end > start:
                for issue in tagged.issues:
                    contexts += [c for c in self.patterns.contexts.get(issue, ()) if c not in contexts]
        return contexts


def _governor(head: Token) -> Token | None:
    """The verb (or adjective) a noun phrase is the object of, directly or through a preposition."""
    token = head
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ in DIRECT | {"nsubjpass"}:
        return token.head
    if token.dep_ == "pobj" and token.head.dep_ in {"prep", "agent", "dative"}:
        up = token.head.head
        if up.pos_ in VERBAL or up.pos_ == "ADJ":
            return up
    return None


def _inside_noun_event(head: Token, heads: dict[int, Hit], consumed: set[int]) -> bool:
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


def _negated_noun(noun: Token, negation: frozenset[str]) -> bool:
    return any(c.dep_ == "det" and c.lower_ in negation for c in noun.children)


def _that_clause(verb: Token) -> bool:
    return any(c.dep_ == "ccomp" and any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children) for c in verb.children)


def _prep_objects(token: Token, preps: set[str]) -> list[Token]:
    return [
        obj
        for prep in token.children
        if prep.dep_ in {"prep", "dative"} and prep.lower_ in preps
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def _depth(token: Token) -> int:
    """How far below the sentence's main verb a word is (co-ordination does not count)."""
    depth = 0
    while token.head.i != token.i:
        if token.dep_ != "conj":
            depth += 1
        token = token.head
    return depth
