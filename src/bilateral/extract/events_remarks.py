"""Which event words a sentence only talks about, and does not report as done, planned, threatened or refused: what
a thing habitually does ("a statute that curbs …"), acts in general ("every arrest"), acts judged ("it is essential
for X to …", "sealing a frontier only feeds …"), acts objected to ("condemned rival states placing curbs"), the
writer's own advice ("restore the aid"), the speaker's credentials ("a diplomat taking part in the negotiations said",
"who asked not to be named"), a point of comparison ("since their last summit"), the occasion of another act ("on
the margins of a summit"), a person named by their work ("an aid worker"), what was averted ("avoided the
tariffs") and questions. Each check reads the
parse of one sentence; all but the credentials and descriptions read English Penn tags.
"""

from __future__ import annotations

from typing import Any

from bilateral.extract.events_descriptions import MEASURES, RELATIVE_PRONOUNS, Descriptions
from bilateral.extract.events_parties import word
from bilateral.extract.events_patterns import EventPatterns
from bilateral.extract.events_triggers import Triggers, appraised, governor_of

Token = Any
PRESENT = {"VBZ", "VBP"}  # Penn tags of the present tense
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
AUXILIARIES = {"aux", "auxpass"}
MODIFIERS = {"compound", "amod", "nmod"}
CONTRACTED = {"'s", "\u2019s"}  # "it's": the tagger may leave a curly contraction unlemmatised
OBJECTING = {"REJECT", "ACCUSE"}  # PLOVER types whose gerund object is contested, not done
REACTING = OBJECTING | {"PROTEST"}  # PLOVER types of a reaction to somebody's act ("protested the plan to …")
FINITE = {"VBD", "VBZ", "VBP", "MD"}  # Penn tags of finite verbs
LEAD_IN = 6  # the most words before a colon that make a heading ("Our three recommendations:")
INSIDE = {"acl", "relcl", "pobj", "prep", "dobj", "conj", "compound", "amod", "xcomp", "ccomp"}
QUESTION_WORDS = {"how", "whether", "when", "where", "why"}  # "how to respond", "whether to retaliate"
CLOSING = "\"')]\u201d\u2019 "
NEUTER = {"it", "this", "that", "which"}  # pronouns of a thing: "argue that it breaches the pact"


class Remarks:
    """Knows the cues (`evaluative`, `generic_determiners`, `bearers`, `reporting`) that tell a remark about an act
    from a report of one."""

    def __init__(self, patterns: EventPatterns, triggers: Triggers) -> None:
        self.cues = patterns.cues
        self.classes = patterns.object_classes
        self.triggers = triggers
        self.descriptions = Descriptions(patterns, triggers)

    def unreported(self, trigger: Token, clause: Token) -> str | None:
        """The kind of remark an event word stands in, or None where its sentence reports the act. `trigger` is
        the event word (a verb, or a noun or one of its modifiers), `clause` the verb of its clause (the trigger
        itself for a verb; for a noun without a verb above it, the noun)."""
        if self.anonymous(trigger):
            return "credentials"  # "an official who asked not to be named": the source's terms, no request
        first = first_of(clause)
        if clause.pos_ in {"VERB", "AUX"} and habitual(first, clause) and not self.measure(first.head):
            return "habitual"  # "a statute that curbs …", "militias that kidnap traders", "personas que piden asilo"
        if clause.pos_ in {"VERB", "AUX"} and self.descriptions.provided(first):
            return "rule"  # "the December law restricting foreign agents has left the police wary": what a text does
        above = first_of(clause.head) if clause.dep_ == "xcomp" and clause.head.i != clause.i else None
        if above is not None and habitual(above, clause.head) and not self.measure(above.head):
            return "habitual"  # "a ruling that forces firms to compensate workers": what it makes others do
        if trigger.lang_ != "en":
            return None  # the checks below read English Penn tags and word order
        head = noun_head(trigger)
        if self.averted(head if trigger.pos_ == "NOUN" else clause):
            return "averted"  # "avoided the tariffs", "averted a trade war", "prevented Lima from imposing duties"
        if question(trigger) or open_question(clause):
            return "question"
        if head.pos_ == "NOUN":
            generic = self.cues["generic_determiners"]
            if any(c.dep_ in {"det", "nummod", "predet"} and c.lower_ in generic for c in head.children):
                return "generic"  # "for nearly every arrest it makes", "any attack would"
            if self.descriptions.tallied(head):
                return "count"  # "counted 1,500 cases of kidnapping": a statistic of acts, none reported
            if trigger.dep_ == "compound" and trigger.i != head.i and word(head) in self.cues["bearers"]:
                return "bearer"  # "an aid worker", "a protest leader": a person, by their work
            if head.dep_ == "pobj" and word(head.head) == "of" and word(head.head.head) in self.cues["occasions"]:
                return "occasion"  # "signed the deal on the margins of a summit", "on the eve of the talks"
            if self.speaker_description(head):
                return "credentials"  # "a diplomat taking part in the negotiations said": who speaks, not what is done
            if self.in_force(head):
                return "state"  # "the duties will stay in place", "the curbs remain in force": kept, not imposed
            if self.background(head):
                return "background"  # "amid a trade war", "after two years of sanctions", "instead of a boycott"
            if self.at_stake(head):
                return "at stake"  # "put cooperation with the police at risk", "jeopardised the truce"
        if self.judged(head if trigger.pos_ == "NOUN" else trigger):
            return "judged"  # "Santiago called the detention unlawful": a verdict on an act, not its report
        if trigger.pos_ in {"VERB", "AUX"} and self.staked(trigger):
            return "at stake"  # "put cooperation with the police at risk": the object is endangered, not done
        if trigger.pos_ in {"VERB", "AUX"} and self.background(trigger):
            return "background"  # "instead of imposing duties", "rather than expelling the envoy"
        held = clause.pos_ in {"VERB", "AUX"} and (
            clause.dep_ == "acl" or (clause.dep_ == "relcl" and infinitive(clause))
        )
        if held and self.background(clause.head):
            return "background"  # "despite its vow to lift duties": what a background noun holds
        if held and self.at_stake(clause.head):
            return "at stake"  # "could impede efforts to pressure Caracas", "jeopardised efforts to strike an accord"
        if self.descriptions.generic_subject(clause):
            return "generic"  # "anyone who claimed asylum was released": whoever did, no act of a party
        if self.descriptions.describes(trigger if trigger.pos_ != "NOUN" else clause):
            return "description"  # "Lee, who backed the deal, said …": who speaks, not what is reported
        if clause.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in clause.children):
            return "description"  # "the tariffs he had threatened to impose were suspended": the noun's past
        described = self.descriptions
        if trigger.i == clause.i and (described.dated_participle(trigger) or described.charged(trigger)):
            return "description"  # "the accord, inked in 2011", "firms accused of fraud": who or what a noun is
        if trigger.i == clause.i and self.descriptions.effect(trigger):
            return "effect"  # "duties that harmed farmers", "the war damaged exporters": harm done by no actor
        if self.shared_view(trigger) or self.shared_view(view_of(clause)):
            return "view"  # "agreed Kenya and Peru are partners (and that trade is vital)": no accord
        if reference_point(trigger if trigger.pos_ != "NOUN" else head):
            return "reference"  # "since their last summit", "since taking office"
        if trigger.i == clause.i and self.thing_defies(trigger):
            return "claim"  # "what Ottawa has done violates our rights", "the reform would breach the treaty"
        if trigger.i == clause.i and aside(trigger):
            return "aside"  # "valid for a year, as opposed to three", "as compared with last year"
        if trigger.i == clause.i and self.gerund_of_a_notion(trigger):
            return "generic"  # "the cost of ignoring its neighbours", "the idea of expelling the envoy"
        if clause.pos_ not in {"VERB", "AUX", "ADJ"}:
            return None
        if trigger.i == clause.i and free_relative(clause):
            return "generality"  # "what we build together, not what we demand": a kind of act, none reported
        if standing(first):
            return "standing"  # "since 2004 the ministry had waived the licences": a practice, not an act
        if trigger.i == clause.i and self.ruled(first):
            return "rule"  # "the amendment removes a clause", "a mechanism lets Ottawa pursue complaints"
        if self.permitted(first):
            return "rule"  # "a mechanism that lets either side pursue complaints": what a rule allows, not done
        if self.inside_permitted(trigger):
            return "rule"  # "lets either side sue a firm accused of fraud": what a rule's act is about, not done
        if generic_passive(first):
            return "habitual"  # "countries on the list are granted simpler procedures"
        if self.objected(clause):
            return "contested"  # "condemned rival states placing curbs on its firms"
        if trigger.i == clause.i and self.reacted(clause):
            return "reaction"  # "condemned Quito's decision to expel the envoy": the act a reaction is about
        if self.evaluated(first):
            return "evaluated"  # "it is vital for X to coordinate", "good enough to detain her"
        if generality(first):
            return "generality"  # "sealing a frontier only feeds the smugglers"
        if imperative(first):
            return "advice"  # "restore the aid now", "our advice: expel the militia"
        if self.advised(trigger):
            return "advice"  # "Our recommendations: Washington restores the aid and Lima deploys troops"
        return None

    def averted(self, token: Token) -> bool:
        """Whether an event noun or clause is what a verb of the `averting` cue kept from happening: its object
        ("avoided the tariffs", "staved off a trade war"), its complement ("avoided imposing duties") or what it
        kept someone from ("prevented Lima from imposing duties"). Nothing happened and nobody did it."""
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head  # "averted tariffs and a trade war"
        up = token.head
        if token.dep_ == "pcomp" and word(up) == "from" and up.head.i != up.i:
            up = up.head
        elif token.dep_ not in {"dobj", "xcomp", "ccomp", "nsubjpass"} or up.i == token.i:
            return False
        words = {up.lemma_.lower(), *(f"{up.lemma_.lower()} {c.lower_}" for c in up.children if c.dep_ == "prt")}
        return bool(words & self.cues["averting"])

    def background(self, token: Token) -> bool:
        """Whether an event noun (or gerund) is the object of a preposition of the `backgrounds` cue ("amid a trade
        war", "rather than a boycott", "instead of imposing duties", also with a preposition between: "instead of
        under the threat of duties"), or what a stretch of time after such a preposition was spent on ("after 18
        months of sanctions", "following two years of talks"): the setting of what the sentence reports."""
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        if token.dep_ not in {"pobj", "pcomp"} or token.head.i == token.i:
            return False
        prep = token.head
        doc = prep.doc
        before = [doc[i].lower_ for i in range(max(prep.i - 2, 0), prep.i)]
        spans = {word(prep), " ".join([*before[-1:], word(prep)]), " ".join(before)}
        if spans & self.cues["backgrounds"]:
            return True
        if word(prep) == "from" and prep.head.lemma_.lower() in self.cues["journeys"]:
            return True  # "on the flight home from a summit": where someone comes back from
        span = prep.head  # "18 months of sanctions": the stretch of time the noun fills
        return (
            word(prep) == "of"
            and span.lemma_.lower() in self.cues["durations"]
            and span.dep_ == "pobj"
            and any(c.dep_ in {"nummod", "amod", "det"} for c in span.children)
        )

    def at_stake(self, noun: Token) -> bool:
        """Whether an event noun is what a verb of the `harms` cue endangers ("jeopardised the truce"), or what a
        verb puts in a state of the `stakes` cue ("put cooperation at risk", "left the talks in doubt"): at stake, not
        done."""
        while noun.dep_ == "conj" and noun.head.i != noun.i:
            noun = noun.head
        if noun.dep_ not in {"dobj", "nsubjpass"} or noun.head.i == noun.i:
            return False
        verb = noun.head
        return verb.lemma_.lower() in self.cues["harms"] or self.staked(verb)

    def staked(self, verb: Token) -> bool:
        """Whether a verb puts its object in a state of the `stakes` cue ("put the truce at risk")."""
        return any(
            p.lemma_.lower() in self.cues["stakes"]
            for c in verb.children
            if c.dep_ == "prep" and word(c) in {"at", "in", "into"}
            for p in c.children
            if p.dep_ == "pobj"
        )

    def advised(self, token: Token) -> bool:
        """Whether an event word follows a short lead-in that names advice, ending in a colon ("Our
        recommendations: …", "What we propose: …"): the items after it are what somebody advises, not acts."""
        sentence = token.sent
        colons = [t for t in sentence if t.text == ":" and t.i < token.i]
        if not colons or colons[0].i - sentence.start > LEAD_IN:
            return False
        lead = sentence.doc[sentence.start : colons[0].i]
        if not lead:
            return False  # a sentence that opens with the colon has no lead-in
        if lead[0].lower_ != "what" and any(t.tag_ in FINITE for t in lead):
            return False  # "the proposal was clear: Ottawa sent inspectors": a sentence, not a heading
        return any(t.lemma_.lower() in self.cues["advice"] for t in lead)

    def in_force(self, noun: Token) -> bool:
        """Whether an event noun is the subject of a verb of the `copulas` cue that says it stays in force ("the
        duties will stay in place", "the sanctions remain in effect"): a measure kept, not one imposed or
        threatened."""
        verb = noun.head
        if noun.dep_ != "nsubj" or verb.i == noun.i or verb.lemma_.lower() not in self.cues["copulas"]:
            return False
        return any(
            p.lemma_.lower() in self.cues["in_force"]
            for c in verb.children
            if c.dep_ == "prep" and word(c) == "in"
            for p in c.children
            if p.dep_ == "pobj"
        )

    def inside_permitted(self, token: Token) -> bool:
        """Whether an event word stands inside the arguments of a clause a verb of the `permissive` cue allows
        ("lets either government bring a complaint against a firm accused of fraud"): the accusation is what
        the rule is about, not one reported."""
        for _ in range(8):
            up = token.head
            if up.i == token.i or token.dep_ not in INSIDE:
                return False
            if token.dep_ in {"xcomp", "ccomp"} and up.lemma_.lower() in self.cues["permissive"]:
                return True
            token = up
        return False

    def thing_defies(self, verb: Token) -> bool:
        """Whether a verb of rejection (REJECT: "violate", "breach", "defy") has for its subject a clause or a
        measure with no owner ("what Ottawa has done violates our rights", "the reform would breach the treaty"): a
        speaker's charge against an act, not a rejection anybody made."""
        entry, _ = self.triggers.verb_entry(verb)
        if entry is None or entry.type != "REJECT":
            return False
        if any(c.dep_ == "csubj" for c in verb.children):
            return True
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects and all(s.lower_ in NEUTER for s in subjects) and self.charged_by_another(verb):
            # "investors argue that it breaches the pact": a plural speaker is not the "it" ("Peru said it would
            # defy the ruling" is Peru's own rejection)
            saying = verb.head
            speakers = [c for c in saying.children if c.dep_ == "nsubj"]
            if saying.dep_ == "relcl" and any(word(c) in RELATIVE_PRONOUNS for c in speakers):
                speakers = [saying.head]  # "senators, who said it ignored the right"
            return any(c.tag_ in {"NNS", "NNPS"} or c.conjuncts for c in speakers)
        if not subjects and verb.dep_ == "ccomp" and verb.head.dep_ == "relcl" and self.charged_by_another(verb):
            return True  # "a plan firms say would violate the treaty": the plan is what is said to violate it
        return bool(subjects) and all(
            (s.lemma_.lower() in self.cues["provisions"] or self.classes.get(s.lemma_.lower()) in MEASURES)
            and not any(c.dep_ in {"poss", "compound"} for c in s.children)
            for s in subjects
        )

    def charged_by_another(self, verb: Token) -> bool:
        """Whether a clause is what somebody says, argues or claims: the complement of a verb of the `reporting`
        cue ("argue that it breaches", "a plan firms say would violate")."""
        return verb.dep_ == "ccomp" and verb.head.i != verb.i and verb.head.lemma_.lower() in self.cues["reporting"]

    def gerund_of_a_notion(self, verb: Token) -> bool:
        """Whether a gerund without a subject of its own completes a noun that names no event ("the cost of
        ignoring its neighbours", "the idea of expelling the envoy", "the risk of provoking Lima"): an act thought
        of, not one reported. After an event noun ("the plan of imposing") the noun's own status rules."""
        if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or word(verb.head) != "of" or verb.head.head.i == verb.head.i:
            return False
        noun = verb.head.head
        if noun.pos_ != "NOUN" or any(c.dep_ in SUBJECTS | {"poss"} for c in verb.children):
            return False
        return self.triggers.noun_entry(noun) is None

    def speaker_description(self, head: Token) -> bool:
        """Whether a noun stands in a phrase that describes the subject of a verb of saying ("a diplomat involved
        in the negotiations said", "an official familiar with the talks told reporters")."""
        token = head
        for _ in range(6):
            if token.head.i == token.i:
                return False
            if token.dep_ == "nsubj" and token.i != head.i:
                return token.head.lemma_.lower() in self.cues["reporting"]
            token = token.head
        return False

    def anonymous(self, verb: Token) -> bool:
        """Whether a verb says a source withholds their name ("who asked not to be named", "who requested
        anonymity", "declined to be identified"): its object, or the passive it controls, is of the `anonymity` cue."""
        anonymity = self.cues["anonymity"]
        for child in verb.children:
            if child.lemma_.lower() not in anonymity:
                continue
            passive = child.dep_ in {"xcomp", "ccomp"} and any(g.dep_ == "auxpass" for g in child.children)
            if child.dep_ == "dobj" or passive:
                return True  # "requested anonymity", "asked not to be named"; not "asked Chile to name an envoy"
        return False

    def ruled(self, verb: Token) -> bool:
        """Whether a verb in the simple present, or one of the `permissive` cue, has a text of the `provisions` cue
        as its subject ("the amendment removes a clause", "the mechanism lets either side sue"): what a text
        provides, not an act; so is a verb in the simple present whose object is part of a text (the `clauses` cue:
        "it removes a provision"). Only for the verb's own event: "the arrest follows the ruling" keeps the arrest."""
        if verb.tag_ not in PRESENT and verb.lemma_.lower() not in self.cues["permissive"]:
            return False
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if verb.tag_ in PRESENT and any(
            c.dep_ == "dobj" and c.lemma_.lower() in self.cues["clauses"] for c in verb.children
        ):
            return True  # "it removes a provision", "drops a clause on arbitration": one text amending another
        return bool(subjects) and all(s.lemma_.lower() in self.cues["provisions"] for s in subjects)

    def permitted(self, verb: Token) -> bool:
        """Whether a clause is what a verb or noun of the `permissive` cue allows or forbids somebody to do ("lets
        either side pursue complaints", "would have allowed a state to block a panel", "the right to expel"): a
        rule's content, not an act."""
        token = verb
        for _ in range(3):
            gerund = token.dep_ == "dobj" and token.tag_ == "VBG"  # "a rule that bars detaining children"
            if not (gerund or token.dep_ in {"xcomp", "ccomp", "acl"}) or token.head.i == token.i:
                return False
            token = token.head
            if token.lemma_.lower() in self.cues["permissive"]:
                return True
        return False

    def shared_view(self, verb: Token) -> bool:
        """Whether a verb of the `views` cue ("agree", "concur") has only a that-clause saying what something is or
        how it stands ("concurred that Peru is a close partner"): a view held in common, not an accord to act."""
        if verb.lemma_.lower() not in self.cues["views"]:
            return False
        clauses = [
            c for c in verb.children if c.dep_ in {"ccomp", "xcomp", "dobj"} or (c.dep_ == "prep" and word(c) == "on")
        ]
        return bool(clauses) and all(
            c.dep_ == "ccomp"
            and (c.lemma_.lower() == "be" or c.pos_ == "AUX")
            and any(g.dep_ in {"attr", "acomp"} and not self.disposition(g) for g in c.children)
            for c in clauses
        )

    def disposition(self, adjective: Token) -> bool:
        """Whether a copula's complement says someone is disposed to act ("ready to sell", "willing to talk"): an
        adjective of the pack with a complement, or one that takes a clause of its own."""
        entry = self.triggers.patterns.adjectives.get(adjective.lower_)
        return (entry is not None and entry.complement is not None) or any(
            c.dep_ in {"xcomp", "ccomp"} for c in adjective.children
        )

    def measure(self, noun: Token) -> bool:
        """Whether a noun names an act or a measure ("a move that bars …", "sanctions that target …", "a decree
        that bans …"), or is what an enacting verb makes ("unveiled a package that restricts …"): what it does is
        what the act does, told as the act's content."""
        if self.triggers.noun_entry(noun) is not None:
            return True
        if enacted(noun, self.cues):
            return True
        return self.classes.get(noun.lemma_.lower()) in MEASURES

    def evaluated(self, verb: Token) -> bool:
        """Whether an infinitive completes a judgement of what is right, needed or hard: "it is vital for X to
        act", "good enough to detain her", "it is time to lift the curbs"."""
        if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) or verb.head.i == verb.i:
            return False
        up = verb.head
        evaluative = self.cues["evaluative"]
        if up.pos_ in {"ADJ", "NOUN"} or up.dep_ in {"acomp", "attr"}:
            return up.lemma_.lower() in evaluative  # "vital to", "time to"; not "a decision to"
        if up.lemma_.lower() == "be" or up.pos_ == "AUX" or up.lower_ in CONTRACTED:  # "it is", "it’s"
            judged = [c for c in up.children if c.dep_ in {"acomp", "attr"}]
            judged += [p for c in up.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
            return any(c.lemma_.lower() in evaluative for c in judged)
        return False

    def objected(self, verb: Token) -> bool:
        """Whether a gerund is what a verb of objection or accusation (an event of the `OBJECTING` types) is
        about ("condemned rival states placing curbs on its firms", "denied shelling the town"): the act is contested,
        not reported as done."""
        if verb.tag_ != "VBG" or verb.head.i == verb.i:
            return False
        up = verb.head
        if verb.dep_ == "acl" and up.dep_ == "dobj":
            up = up.head  # "condemns rival states placing curbs on …"
        elif verb.dep_ not in {"xcomp", "ccomp", "dobj"}:
            return False
        entry, _ = self.triggers.verb_entry(up) if up.pos_ in {"VERB", "AUX"} else (None, None)
        return entry is not None and entry.type in OBJECTING

    def reacted(self, verb: Token) -> bool:
        """Whether a to-infinitive completes a noun (a decision, plan or move) that a reaction is about: the object,
        direct or after a preposition, of a verb of the `REACTING` types or the `acclaiming` cue ("Lima condemned
        Quito's decision to expel the envoy", "protested against the plan to quit the treaty", "welcomed Chile's move
        to lift the duties"), or the subject of a judgement a speaker makes ("said the plan to quit the treaty was an
        error"). The sentence reports the reaction (its target is whose decision it is); the act is told in
        passing, as what is reacted to."""
        if verb.dep_ != "acl" or not infinitive(verb) or verb.head.pos_ != "NOUN" or verb.head.i == verb.i:
            return False
        noun, copula = verb.head, verb.head.head
        if noun.dep_ == "nsubj" and copula.lemma_.lower() == "be" and copula.dep_ == "ccomp":
            # "she said the plan to quit the treaty was a mistake": a judgement reported, of the plan
            judged = any(c.dep_ in {"attr", "acomp"} for c in copula.children)
            return judged and copula.head.lemma_.lower() in self.cues["reporting"]
        reaction = governor_of(noun)
        if reaction is None and noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN":
            reaction = noun.head.head  # "voiced anger over Quito's decision to …", "criticism of the plan to …"
        if reaction is None:
            return False
        if reaction.pos_ == "NOUN":
            return (entry := self.triggers.noun_entry(reaction)) is not None and entry.type in REACTING
        if reaction.lemma_.lower() in self.cues["acclaiming"]:
            return True
        entry, _ = self.triggers.verb_entry(reaction)
        if entry is not None and entry.light:  # "expressed regret over the plan to …": the object names the reaction
            felt = [c for c in reaction.children if c.dep_ == "dobj"]
            return any((named := self.triggers.noun_entry(c)) is not None and named.type in REACTING for c in felt)
        return entry is not None and entry.type in REACTING

    def judged(self, noun: Token) -> bool:
        """Whether an event noun (or the light verb it gives its event to) is the object of a verb of the `judging`
        cue with a predicate of its own ("Chile called the detention unlawful", "deemed the tariffs a breach"): the
        speaker's verdict on an act, neither a report of it nor the speaker's act."""
        verb = noun.head if noun.dep_ == "dobj" else noun  # the noun, or the light verb that took its event
        if verb.lemma_.lower() not in self.cues["judging"]:
            return False
        return appraised(verb, noun) if verb.i != noun.i else any(c.dep_ == "oprd" for c in verb.children)


def enacted(noun: Token, cues: dict[str, frozenset[str]]) -> bool:
    """Whether a noun is what an enacting verb (the `enacting` cue) makes: "unveiled a package", "passed a law"."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in cues["enacting"]


def infinitive(verb: Token) -> bool:
    """Whether a verb is a to-infinitive ("a vow to lift duties")."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def noun_head(token: Token) -> Token:
    """The head of the noun phrase a modifier belongs to ("aid" in "an aid worker" -> "worker")."""
    head = token
    while head.dep_ in MODIFIERS and head.head.pos_ in {"NOUN", "PROPN"} and head.head.i != head.i:
        head = head.head
    return head


def view_of(clause: Token) -> Token:
    """The verb a that-clause (or a clause co-ordinated with one) completes: "agreed that X is Y and that Z is W"."""
    token = clause
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.head if token.dep_ == "ccomp" else token


def aside(verb: Token) -> bool:
    """Whether a verb is a participle after "as" with no subject of its own ("as opposed to three years", "as
    compared with 2019"): a comparison or an aside, not an act."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in {"advcl", "prep", "acl"}
        and any(c.dep_ == "mark" and word(c) == "as" for c in verb.children)
        and not any(c.dep_ in SUBJECTS | {"nsubjpass"} for c in verb.children)
    )


def generic_passive(verb: Token) -> bool:
    """Whether a passive in the simple present has a bare plural subject ("countries on the list are granted simpler
    procedures", "visas are issued within a week"): how things are done in general, not an act reported."""
    if verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" and c.tag_ in PRESENT for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    return bool(subjects) and all(
        s.tag_ == "NNS" and not any(c.dep_ in {"det", "poss", "nummod"} for c in s.children) for s in subjects
    )


def first_of(verb: Token) -> Token:
    """The first of co-ordinated verbs that share one subject ("kidnap traders and burn villages")."""
    token = verb
    while token.dep_ == "conj" and token.head.i != token.i and not any(c.dep_ in SUBJECTS for c in token.children):
        token = token.head
    return token


def free_relative(verb: Token) -> bool:
    """Whether a verb in the simple present heads a free relative ("what we demand", "whatever they impose"): the
    kind of act one does, not an act reported. A past one ("rejected what Lima demanded") still reports it."""
    return verb.tag_ in PRESENT | {"VB"} and any(
        c.dep_ in {"dobj", "nsubj", "nsubjpass"} and c.tag_ == "WP" and c.lower_ in {"what", "whatever"}
        for c in verb.children
    )


def standing(verb: Token) -> bool:
    """Whether a verb in a perfect tense is counted from a year ("since 2004 the ministry had waived the
    licences", "has kept the embargo since 1962"): a practice that has held for years, not an act reported."""
    if not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children):
        return False
    return any(
        p.ent_type_ == "DATE" and any(len(t.text) == 4 and t.text.isdigit() for t in p.subtree)
        for c in verb.children
        if c.dep_ == "prep" and word(c) == "since"
        for p in c.children
        if p.dep_ == "pobj"
    )


def question(token: Token) -> bool:
    """Whether the sentence is a question: it ends with a question mark (closing quotes aside)."""
    return bool(token.sent.text.rstrip(CLOSING).endswith("?"))


def open_question(verb: Token) -> bool:
    """Whether a verb is an infinitive opened by a question word ("how to compensate the victims", "whether to
    retaliate"): what is weighed, not what is done."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) and any(
        c.dep_ in {"advmod", "mark"} and c.lower_ in QUESTION_WORDS and c.i < verb.i for c in verb.children
    )


def reference_point(token: Token) -> bool:
    """Whether an event word is the object of "since", a point the time is counted from, not a happening told."""
    return token.dep_ in {"pobj", "pcomp"} and word(token.head) == "since"


def habitual(first: Token, verb: Token) -> bool:
    """Whether a verb in the simple present describes the noun it hangs on by what it does ("a statute that curbs
    the inspectors", "a coast guard that now seizes trawlers", "militias that kidnap traders and burn villages"):
    a standing trait, not a reported act. `first` is the first of the co-ordinated verbs `verb` belongs to (the
    tagger may read a plural present as a base form, "burn"). A present passive ("who is detained") is a state that
    holds now and is not one."""
    relative = first.dep_ == "relcl" or (
        first.dep_ == "acl" and any("Rel" in c.morph.get("PronType") for c in first.children)
    )  # English "that/who" clauses; a Spanish one is an acl with a relative pronoun ("que piden asilo")
    return (
        relative
        and any(present(token) for token in (first, verb))
        and not any(c.dep_ in AUXILIARIES for c in first.children)
    )


def present(verb: Token) -> bool:
    """Whether a verb is in the simple present: a Penn present tag (or a base form, which the tagger gives some
    plural presents), or an indicative present in the morphology (Spanish "piden")."""
    if verb.tag_ in PRESENT | {"VB"}:
        return True
    return "Pres" in verb.morph.get("Tense") and "Ind" in verb.morph.get("Mood")


def generality(verb: Token) -> bool:
    """Whether a clause in the simple present has a gerund clause as its subject ("sealing a frontier only feeds
    the smugglers", "talking to them is hard"): a general claim about an act. The gerund is the
    subject's own verb, so the check reads the gerund's head too."""
    if verb.dep_ == "csubj" and verb.tag_ == "VBG":
        return True
    return verb.tag_ in PRESENT and any(c.dep_ == "csubj" and c.tag_ == "VBG" for c in verb.children)


def imperative(verb: Token) -> bool:
    """Whether a verb is a bare command in the writer's voice ("restore the aid now", "our advice: expel the
    militia"): a base form with no subject, auxiliary or marker, heading its sentence or following a colon. A
    command someone is reported to give is the object of a verb of saying and is not one."""
    if verb.tag_ != "VB" or any(c.dep_ in SUBJECTS | AUXILIARIES | {"mark"} for c in verb.children):
        return False
    if verb.dep_ == "ROOT":
        return True
    if verb.dep_ in {"acl", "appos", "dep", "parataxis"} and verb.head.i < verb.i:
        return any(t.text == ":" for t in verb.doc[verb.head.i + 1 : verb.i])
    return False
