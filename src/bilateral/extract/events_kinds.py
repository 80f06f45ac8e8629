"""The type an event word's clause gives the act, where it differs from the word's own: a coercive measure called
off is a concession by whoever called it off ("dropped plans to impose duties", "halted the new tariffs"), a road
blocked by armed men is coercion, not a protest, and the unnamed "steps" a party agrees to take are what it agrees
to, not a threat. Each check reads the parse of one sentence (English Penn tags and word order).
"""

from __future__ import annotations

from typing import Any

from bilateral.extract.events_parties import word
from bilateral.extract.events_patterns import EventPatterns
from bilateral.extract.events_sources import clause_verb
from bilateral.extract.events_status import Modality, complement, infinitive
from bilateral.extract.events_triggers import Triggers, for_clause, own_people

Token = Any
MEASURES = {"SANCTION", "COERCE"}  # PLOVER types of the measures one can call off (CAMEO 08 "yield": ease them)
# types a court's suspending, upholding or ordering is read as by its verb, none of which a ruling is
JUDGED = {"CONCEDE", "SUPPORT", "REQUEST"}
# PLOVER types of cooperation one can threaten to end or not renew (CAMEO 1311, 1313, 134: THREATEN relations)
COOPERATION = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"}
SUBJECTS = {"nsubj", "nsubjpass"}


class Kinds:
    """Knows the `cancelling`, `armed` and `enacting` cues and the pack's verbs."""

    def __init__(self, patterns: EventPatterns, triggers: Triggers, modality: Modality) -> None:
        self.patterns = patterns
        self.cues = patterns.cues
        self.triggers = triggers
        self.modality = modality

    def revised(self, kind: str, mode: str | None, status: str, token: Token) -> tuple[str, str | None, str] | None:
        """(type, mode, status) the event word `token` reports in its clause, or None where it reports no act of
        its own. `kind`, `mode` and `status` are what the word and its clause's modality gave."""
        if kind in MEASURES and status == "denied" and (verb := self.canceller(token)) is not None:
            # "dropped plans to levy duties", "halted the imposition of tariffs": calling a measure off yields
            # (PLOVER CONCEDE, as lifting or easing one), done by whoever called it off
            # the verbs above that carry a status: "pledged to lift the duties" promises, "urged Lima to lift" asks
            above = {a.i: hit for a in verb.ancestors if (hit := self.triggers.verbal(a)) is not None}
            status = self.modality.status(verb, None, above)[0]
            if status == "occurred" and infinitive(verb):
                status = "hypothetical"  # "the only way is for Tokyo to retract the curbs": an infinitive nobody did
            return "CONCEDE", None, status
        if (
            kind in COOPERATION
            and status != "denied"
            and self.reconsidered(token)
            and self.own_type(token) in COOPERATION
        ):
            # "might rethink extending its pact with Lima", "will review its aid to Quito": a warning
            # that the cooperation may end (PLOVER THREATEN relations), by whoever reconsiders it
            return "THREATEN", "relations", "threatened"
        if kind in {"CONCEDE", "AGREE"} and self.own_type(token) == "CONCEDE" and self.continued(token):
            return None  # "essential workers will still be allowed through": a rule's exemption kept, nothing yielded
        if kind in MEASURES and self.traders(token):
            # "shops in Hanoi pulled Chinese fruit from their shelves": traders and buyers shunning a country's goods
            # boycott them (PLOVER PROTEST boycott); a measure is a state's or a body's
            return "PROTEST", "boycott", status
        if kind == "PROTEST" and mode == "obstruct" and self.armed(token):
            return "COERCE", "restrict", status  # "gunmen blocked the roads": force, not a protest
        if kind == "THREATEN" and self.agreed_to(token):
            return None  # "agreed to take firm steps": the accord is the act; its unnamed steps threaten nobody
        if kind == "SUPPORT" and self.own_measure(token):
            return None  # "stood by its choice to shut the border": backing one's own act endorses nobody
        if kind == "SUPPORT" and self.approved_act(token) is not None:
            return None  # "approved a plan to drop Chile from the list": the plan's act is what was decided
        if kind == "ASSAULT" and mode is None and self.dispute(token):
            return None  # "the two neighbours clash over trade": a quarrel over an issue, no fighting
        if kind == "RETREAT" and mode == "withdraw" and self.journey(token):
            return None  # "the delegation left Lima for Quito": a trip home or on, no withdrawal
        if kind == "RETREAT" and mode == "withdraw" and self.brought_about(token):
            return None  # "the raid left the police distrustful", "leaving rivals to compete": a state, no withdrawal
        if kind in JUDGED and self.judicial(token) and self.reviewed(kind, token):
            # "judges suspended the law", "the court ordered a retrial": a court reviews a law or runs its procedure;
            # it concedes, endorses or asks nothing of a party (dropping charges against someone still concedes, and
            # an order to a named party stays a REQUEST)
            return None
        wished = self.wished(token)
        if wished is not None and status == "occurred":
            status = wished  # "seeks a prompt opening of negotiations": they are wished for, not held
        if status == "hypothetical" and self.hoped(token):
            return None  # "hopes Kenya and Uganda will resolve the row": a wish, no act of anybody
        return kind, mode, status

    def reconsidered(self, token: Token) -> bool:
        """Whether an event word is what a verb of the `reconsidering` cue puts in question: its object or
        complement ("might rethink extending its accord", "is rethinking its aid to Quito"), or what a verb of the
        `reviewing` cue puts in question on a condition ("will review its participation in the talks if …"); never
        two parties' own cooperation weighed together."""
        for _ in range(5):
            up = token.head
            if up.i == token.i:
                return False
            lemma = up.lemma_.lower()
            # "review" only on a condition: "will review its aid if the raids go on" warns, "reviewed the progress
            # of their patrols" is routine
            weighed = lemma in self.cues["reconsidering"] or (
                lemma in self.cues["reviewing"] and self._on_condition(up)
            )
            if token.dep_ in {"dobj", "xcomp", "ccomp", "pcomp"} and weighed:
                # two parties weighing their own cooperation together ("Hanoi and Phnom Penh reassessed their
                # cooperation") warn nobody
                return not any(c.dep_ == "conj" for s in up.children if s.dep_ == "nsubj" for c in s.children)
            if token.dep_ not in {"conj", "compound", "amod", "pobj", "prep", "pcomp"}:
                return False
            token = up
        return False

    def _on_condition(self, verb: Token) -> bool:
        """Whether a verb has a clause of condition of its own ("will review its aid if the raids go on")."""
        marks = self.cues["conditional"]
        clauses = [c for c in verb.children if c.dep_ == "advcl"]
        return any(m.dep_ == "mark" and word(m) in marks for c in clauses for m in c.children)

    def requested(self, token: Token) -> bool:
        """Whether an event word stands in what a verb of the REQUEST type asks for ("urged Quito to lift the
        duties", "demanded that Lima withdraw the warrant"): through the clauses that complete one another, up to the
        first verb of saying."""
        clause = clause_verb(token)
        for _ in range(5):
            if clause is None or not complement(clause) or clause.head.i == clause.i:
                return False
            if clause.dep_ == "pcomp" and word(clause.head) == "into":
                return False  # "pushed Quito into dropping the charges": what the pressure brought about
            that = clause.dep_ == "ccomp"
            clause = clause.head
            while clause.dep_ == "prep" and clause.head.i != clause.i:
                clause = clause.head  # "pushed for Lima to lift the duties"
            hit = self.triggers.verbal(clause) if clause.pos_ in {"VERB", "AUX"} else None
            if hit is not None and (hit.type == "REQUEST" or (that and hit.trigger.that_clause == "REQUEST")):
                return True  # "suggested that Lima lift the duties" asks Lima to
            if clause.lemma_.lower() in self.cues["reporting"]:
                return False
        return False

    def continued(self, token: Token) -> bool:
        """Whether an event word's clause says that a permission goes on as before (a verb of the `permitting` cue, not
        in the past): an adverb of the `continuing` cue ("will still be allowed through") or a verb of it above ("will
        continue to let trucks cross")."""
        clause = clause_verb(token)
        if clause is None or clause.lemma_.lower() not in self.cues["permitting"] or clause.tag_ == "VBD":
            return False  # "Beijing still lifted the ban": a concession all the same
        words = self.cues["continuing"]
        if any(c.dep_ == "advmod" and word(c) in words for c in clause.children):
            return True
        return clause.dep_ == "xcomp" and clause.head.lemma_.lower() in words

    def own_type(self, token: Token) -> str | None:
        """The type an event word names itself, not the accord or threat its promise amounts to ("will lift the
        duties": CONCEDE, though the promise is an AGREE)."""
        hit = self.triggers.verbal(token) if token.pos_ in {"VERB", "AUX"} else self.triggers.nominal(token)
        return hit.type if hit is not None else None

    def approved_act(self, verb: Token) -> Token | None:
        """The act a verb of the `approving` cue adopts through a plan noun it takes ("approved a plan to drop
        Chile from the list", "rubber-stamped the scheme to levy duties"): the noun's infinitive when it names an
        event of the pack, else None ("approved a plan" and "backed Quito's proposal" endorse)."""
        nouns = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
        nouns += [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        for noun in (n for n in nouns if self.modality.approver(n) is not None):
            acts = [c for c in noun.children if c.dep_ in {"acl", "relcl"} and infinitive(c)]
            if self.patterns.object_classes.get(noun.lemma_.lower()) == "policies":
                # "signed off on the scheme to levy duties", the parse hanging the plan's infinitive on the verb (not
                # "signed a memorandum to cooperate", whose purpose the signing promises)
                acts += [c for c in verb.children if c.dep_ == "advcl" and infinitive(c)]
            for act in acts:
                entry, _ = self.triggers.verb_entry(act)
                if entry is not None and (entry.type is not None or entry.objects or entry.light):
                    return act
        return None

    def dispute(self, verb: Token) -> bool:
        """Whether a verb of fighting names only the issue fought over ("clashed over fishing quotas", "sparred about
        trade"), with no armed or police side ("clashed with police over the law") and no place or road at stake
        ("clashed over drug routes", "fought over the island")."""
        if verb.pos_ not in {"VERB", "AUX"}:
            return False
        issues = [
            p for c in verb.children if c.dep_ in {"prep", "prt"} and word(c) in {"over", "about"} for p in c.children
        ]
        if not issues:
            return False
        classes = self.patterns.object_classes
        places = {"territory", "border", "property"}
        if any(p.ent_type_ in {"GPE", "LOC", "FAC"} or classes.get(p.lemma_.lower()) in places for p in issues):
            return False
        sides = [p for c in verb.children if c.dep_ == "prep" and word(c) == "with" for p in c.children]
        sides += [c for c in verb.children if c.dep_ == "nsubj"]
        armed = {"troops", "police"}
        return not any(s.lemma_.lower() in self.cues["armed"] or classes.get(s.lemma_.lower()) in armed for s in sides)

    def journey(self, verb: Token) -> bool:
        """Whether a verb of leaving names where the traveller goes next ("left Lima for Quito", "departed for
        Geneva"): a place after "for"."""
        parties = self.triggers.parties
        return verb.pos_ in {"VERB", "AUX"} and any(
            p.ent_type_ in {"GPE", "LOC"} or parties.country_word(p) is not None
            for c in verb.children
            if c.dep_ == "prep" and word(c) == "for"
            for p in c.children
            if p.dep_ == "pobj"
        )

    def brought_about(self, verb: Token) -> bool:
        """Whether a verb puts its object in a state or leaves it to do something ("left the police distrustful",
        "leaving private firms to compete for the rest"): an object with a predicate of its own."""
        if verb.pos_ not in {"VERB", "AUX"} or not any(c.dep_ == "dobj" for c in verb.children):
            return False
        return any(c.dep_ == "oprd" or (c.dep_ in {"xcomp", "ccomp"} and infinitive(c)) for c in verb.children)

    def judicial(self, verb: Token) -> bool:
        """Whether a verb's subject (or passive agent) is a court or a judge: a word of the `judicial` cue heading
        it ("the Supreme Court", "federal judges")."""
        heads = [c for c in verb.children if c.dep_ == "nsubj"]
        heads += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if not heads and verb.dep_ == "conj" and verb.head.i != verb.i:
            heads = [c for c in verb.head.children if c.dep_ == "nsubj"]  # "quashed the verdicts and ordered …"
        return any(h.lemma_.lower() in self.cues["judicial"] for h in heads)

    def reviewed(self, kind: str, verb: Token) -> bool:
        """Whether a court's act of `kind` is judicial review or procedure rather than one on a party: a REQUEST
        whose object names no actor ("ordered a retrial"; not "ordered the steelmaker to pay"), or a CONCEDE or
        SUPPORT whose object is a text of the `provisions` cue ("suspended much of the law", "upheld the
        amendment"; not "cancelled the restrictions on the language", a concession in PLOVER's gold, nor
        "dismissed the charges against Lee")."""
        objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
        if kind == "REQUEST":
            return not any(self.triggers.parties.side(c) for c in objects)
        objects += [p for o in objects for c in o.children if c.dep_ == "prep" and word(c) == "of" for p in c.children]
        return any(o.lemma_.lower() in self.cues["provisions"] for o in objects)

    def own_measure(self, verb: Token) -> bool:
        """Whether a verb's object is the subject's own decision or measure ("defended its decision", "justified
        their move"): a noun of the `policies` or `responses` class with a possessive pronoun. Backing another's
        ("backed Quito's decision") or a pact ("ratified its accord with Chile") is still SUPPORT."""
        if verb.pos_ not in {"VERB", "AUX"} or verb.dep_ in {"xcomp", "advcl"} or for_clause(verb):
            return False  # "pushed for Berlin to back its plan": whose plan the pronoun names is not told
        return any(
            c.dep_ == "dobj"
            and self.patterns.object_classes.get(c.lemma_.lower()) in {"policies", "responses"}
            and own_people(c)
            for c in verb.children
        )

    def wished(self, token: Token) -> str | None:
        """The status a verb of wanting gives an event noun inside its object ("wants a prompt opening of negotiations",
        "seeks a quick return to the table"): the verb's complement status, or None."""
        for _ in range(6):
            if token.dep_ == "dobj" and token.head.i != token.i:
                entry, _ = self.triggers.verb_entry(token.head)
                if entry is not None and entry.type is None and entry.complement is not None:
                    return entry.complement
                return None
            if token.dep_ not in {"pobj", "prep", "compound", "amod", "conj"} or token.head.i == token.i:
                return None
            token = token.head
        return None

    def hoped(self, token: Token) -> bool:
        """Whether an event word stands in the that-clause of a verb of wishing (a verb of the pack with no type of
        its own whose complement is proposed: "hopes", "wants"): "hopes Kenya and Uganda can settle"."""
        clause = clause_verb(token)
        if clause is None or clause.dep_ != "ccomp" or clause.head.i == clause.i:
            return False
        entry, _ = self.triggers.verb_entry(clause.head)
        if entry is None and clause.head.tag_ == "VBZ":
            entry = self.patterns.verbs.get(clause.head.lower_.removesuffix("s"))  # the tagger lemmatises "hopes" "hop"
        return entry is not None and entry.type is None and entry.complement == "proposed"

    def canceller(self, token: Token) -> Token | None:
        """The verb of the `cancelling` cue that calls off what `token` names: a measure noun it takes as its object
        ("suspended the levies"), the making of one ("halted the imposition of duties"), or a clause it or its plan
        noun governs ("dropped plans to impose duties", "gave up imposing quotas"). None where a plain negation, or
        nothing, denies it."""
        for _ in range(6):
            up = token.head
            if up.i == token.i:
                return None
            if token.dep_ in {"dobj", "nsubjpass", "xcomp", "ccomp"} and self.cancelling(up):
                return up
            if not (
                token.dep_ in {"conj", "pobj", "prep", "acl", "compound", "amod"}
                or (token.dep_ == "dobj" and self.carrier(up))
            ):
                return None
            token = up
        return None

    def carrier(self, verb: Token) -> bool:
        """Whether a verb only makes the measure its object names ("impose", "slap"), so that calling it off calls
        off the measure: the `enacting` cue, or a verb of the pack's measure types."""
        if verb.lemma_.lower() in self.cues["enacting"]:
            return True
        entry, _ = self.triggers.verb_entry(verb)
        return entry is not None and entry.type in MEASURES

    def cancelling(self, verb: Token) -> bool:
        return self.triggers.calls_off(verb)

    def armed(self, verb: Token) -> bool:
        """Whether a verb's subject is an armed group ("dozens of gunmen", "armed men", "cartel members"): a word
        of the `armed` cue, or one modified by "armed", in the subject or its "of" phrase."""
        for subject in (c for c in verb.children if c.dep_ in SUBJECTS):
            for token in subject.subtree:
                if token.lemma_.lower() in self.cues["armed"] or word(token) in self.cues["armed"]:
                    return True
        return False

    def traders(self, verb: Token) -> bool:
        """Whether a verb's subject (its head noun, or the one it is co-ordinated with) is a shop or a buyer, a word
        of the `traders` cue ("convenience stores", "shoppers in Manila", "retailers and bars")."""
        if verb.pos_ not in {"VERB", "AUX"}:
            return False
        while verb.dep_ == "conj" and verb.head.i != verb.i and not any(c.dep_ in SUBJECTS for c in verb.children):
            verb = verb.head  # "stores removed the beer and stopped its promotions"
        subjects = [s for c in verb.children if c.dep_ == "nsubj" for s in [c, *c.conjuncts]]
        return bool(subjects) and all(s.lemma_.lower() in self.cues["traders"] for s in subjects)

    def agreed_to(self, token: Token) -> bool:
        """Whether an event word is what a verb of agreeing (an AGREE verb that gives its complement the status
        promised) agrees to: "agreed to take firm steps"."""
        clause = clause_verb(token)
        if clause is None or clause.dep_ != "xcomp" or clause.head.i == clause.i:
            return False
        entry, _ = self.triggers.verb_entry(clause.head)
        return entry is not None and entry.type == "AGREE" and entry.complement == "promised"
