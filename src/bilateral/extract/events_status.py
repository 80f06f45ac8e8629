"""An event's status (occurred, threatened, promised, proposed, denied, hypothetical) from its clause:
negation, modal and future auxiliaries, "if"/"unless", and the verb above it ("pledged to", "refused to",
"said ... would"), plus the intent event a promise or announced act amounts to (AGREE, THREATEN, REJECT).
"""

from __future__ import annotations

from typing import Any

from bilateral.extract.events_parties import word
from bilateral.extract.events_patterns import EventPatterns
from bilateral.extract.events_triggers import Hit, Triggers, for_clause, negated_noun, stated

Token = Any
CLAUSE_CHAIN = {"xcomp", "ccomp", "conj", "pcomp"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
PRESENT = {"VBZ", "VBP"}  # Penn tags of the present tense


def infinitive(verb: Token) -> bool:
    """Whether a verb is a to-infinitive ("an accord to settle the feud")."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def contrast(negation: Token) -> bool:
    """Whether a negation after the lexical verb it hangs on sets a phrase against another ("shut the bridge to
    traders, not to trucks", "imposed duties on steel, not on grain"): it denies the phrase after it, not the verb,
    which "not" precedes ("did not shut")."""
    verb = negation.head
    return bool(verb.pos_ == "VERB" and negation.i > verb.i)


def complement(token: Token) -> bool:
    """A clause that completes the verb above it; "sworn to fight" is often parsed as an adverbial clause."""
    if token.dep_ in CLAUSE_CHAIN:
        return True
    if for_clause(token):
        return True  # "pushed for Chile (to) drop the duty"
    return token.dep_ == "advcl" and infinitive(token)


class Modality:
    def __init__(self, patterns: EventPatterns, triggers: Triggers) -> None:
        self.patterns = patterns
        self.cues = patterns.cues
        self.triggers = triggers

    def modality(self, verb: Token) -> str | None:
        """What the verb's own auxiliaries, negation and conditional say: negated, conditional, future,
        would, deontic, hypothetical, or None."""
        children = list(verb.children)
        auxiliaries = {word(c) for c in children if c.dep_ in {"aux", "auxpass"}}
        negated = any((c.dep_ == "neg" or (c.lower_ in self.cues["negation"] and c.dep_ in {"advmod", "det"}))
                      and not contrast(c) for c in children)  # fmt: skip
        clause = verb
        # a co-ordinated verb shares the first one's negation and auxiliaries unless it has a subject of its own
        # ("did not agree and left" vs "they could not back the ruling and they will appeal")
        while (
            clause.dep_ == "conj" and clause.head.i != clause.i and not any(c.dep_ in SUBJECTS for c in clause.children)
        ):
            clause = clause.head
        if any(c.dep_ == "neg" and not contrast(c) for c in clause.children):
            negated = True
        if clause.dep_ == "pcomp" and clause.head.lower_ in self.cues["negation"]:
            negated = True  # "without agreeing"
        if clause.dep_ == "pcomp" and negated_noun(clause.head.head, self.cues["negation"]):
            negated = True  # "showed no sign of backing down", "has no intention of withdrawing"
        if any(c.dep_ in SUBJECTS and self.nobody(c) for c in (*children, *clause.children)):
            negated = True  # "nobody was consulted", "no country has imposed duties"
        auxiliaries |= {word(c) for c in clause.children if c.dep_ in {"aux", "auxpass"}}
        if negated:
            return "negated"
        if any(c.dep_ == "mark" and c.lower_ in self.cues["conditional"] for c in clause.children):
            return "conditional"
        # a synthetic future or conditional, on the verb or its auxiliary ("firmará", "impondría", "serán
        # restablecidos"; morphology no English token carries)
        timed = [verb, *(c for c in (*children, *clause.children) if c.dep_ in {"aux", "auxpass"})]
        tenses = {value for token in timed for value in (*token.morph.get("Tense"), *token.morph.get("Mood"))}
        if auxiliaries & self.cues["future"] or "Fut" in tenses:
            return "future"
        if auxiliaries & self.cues["deontic"]:
            return "deontic"
        if auxiliaries & {"would", "'d"} and "have" in auxiliaries and verb.tag_ == "VBN":
            return "hypothetical"  # "would have let Lima veto it": what would have happened did not
        if auxiliaries & {"would", "'d"} or "Cnd" in tenses:
            return "would"
        if auxiliaries & self.cues["hypothetical"]:
            return "hypothetical"
        return None

    def when_future(self, verb: Token) -> str | None:
        """ "hypothetical" for a clause in the present that says when a future act happens ("once the accord is
        ratified, the troops will leave", "when the treaty is in force, the levies will fall"): it has not happened
        either, and nobody promises it. None otherwise."""
        if verb.dep_ != "advcl" or verb.head.i == verb.i or verb.tag_ not in PRESENT | {"VBN"}:
            return None
        if not any(c.dep_ == "mark" and c.lower_ in self.cues["temporal"] for c in verb.children):
            return None
        if verb.tag_ == "VBN" and not any(c.tag_ in PRESENT for c in verb.children if c.dep_ in {"aux", "auxpass"}):
            return None
        return "hypothetical" if self.modality(verb.head) == "future" else None

    def possibility(self, verb: Token) -> bool:
        """Whether a clause (or the clause it is co-ordinated with) is the infinitive that completes a noun of
        the `permissive` cue: "the right to expel envoys", "ways to settle the dispute and resume trade"."""
        clause = verb
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ not in {"acl", "relcl"} or clause.head.lemma_.lower() not in self.cues["permissive"]:
            return False
        return clause.dep_ == "acl" or any(c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children)

    def nobody(self, subject: Token) -> bool:
        """Whether a subject names nobody: "nobody", "none of them", "no government"."""
        return subject.lower_ in self.cues["negative_subjects"] or negated_noun(subject, self.cues["negation"])

    def status(self, verb: Token, hit: Hit | None, verbal: dict[int, Hit]) -> tuple[str, str | None, Hit | None]:
        """(status, intent to add, controlling hit) for an event whose clause is headed by `verb`."""
        own = self.modality(verb) or self.when_future(verb)
        controller = reporter = None
        token = verb
        for _ in range(5):
            if not complement(token) or token.head.i == token.i:
                break
            if token.dep_ == "pcomp" and word(token.head) == "into":
                break  # "pressed Quito into dropping the charges": what the pressure brought about, done
            up = token.head
            while up.dep_ == "prep" and up.head.i != up.i:
                up = up.head
            above = verbal.get(up.i)
            if token.dep_ == "conj":
                if not any(c.dep_ in SUBJECTS for c in token.children):
                    own = own or self.modality(up)  # "would prohibit aid and deny entry": one modality for both
                token = up
                continue
            elif above is not None and above.trigger.that_clause and token.dep_ == "ccomp" and stated(token):
                reporter = up  # "suggested the migrants were caught in a clash": a fact told, not a proposal
                break
            elif above is not None and above.trigger.complement is not None:
                controller = above
                break
            elif up.lemma_.lower() in self.cues["reporting"]:
                reporter = up
                break
            elif own is None and for_clause(token) and up.lemma_.lower() == "be":
                own = "deontic"  # "the only way is for Quito to lift the duties": what ought to be done
            elif own is None and self.obliged(token):
                own = "deontic"  # "Lima has to act", "does not have to threaten", "need to file": a duty, not an act
            elif own is None and up.lemma_.lower() in self.cues["permissive"]:
                own = "hypothetical"  # "a mechanism that lets either side block imports": allowed, not done
            elif own is None and self.called_off(token, noun=False):
                own = "negated"  # "gave up trying to annex", "shelved a plan": what was called off did not happen
            elif token.dep_ == "ccomp" and own is None and self.modality(up) in {"would", "hypothetical"}:
                own = self.modality(up)  # "would make it a crime to fund them": the rule is not yet, nor the act
            elif token.dep_ == "advcl" and own is None and self.modality(up) in {"future", "would", "hypothetical"}:
                # "will meet next week to agree", "would have required them to seek refuge": the purpose shares
                # the future or the counterfactual of the clause it serves
                own = self.modality(up)
            elif token.dep_ == "xcomp" and above is None and own is None:
                # "not going to occupy", "whether he is going to accept", "is going to impose": the verb between
                # carries the negation, condition or future
                between = self.modality(up)
                own = "future" if between is None and up.lemma_.lower() == "go" else between
            token = up
        kind = hit.type if hit is not None else None
        intent_of = self.intent(verb, kind)
        if own == "negated":
            auxiliaries = {word(c) for c in verb.children if c.dep_ == "aux"}
            future = auxiliaries & (self.cues["future"] | {"would"})
            cooperative = kind is not None and self.patterns.types[kind].intent == "AGREE"
            # "we cannot accept this ruling", "they can't agree to that": refusing a cooperative act is a rejection
            refusal = bool(auxiliaries & {"can", "ca"}) and cooperative
            if kind is None or not (future or refusal or self.resolved(verb, controller)):
                return "denied", None, controller  # "did not sign the accord": told as not done, no decision
            if self.patterns.types[kind].threat is not None and not cooperative:
                # "will not impose duties", "pledged not to raise the tariffs": forgoing a measure concedes
                return "denied", "CONCEDE", controller
            return "denied", "REJECT", controller  # "will not accept", "its decision not to renew the accord"
        if own == "conditional" or own == "hypothetical" or (own == "would" and reporter is None and not controller):
            return "hypothetical", None, controller
        if controller is not None:
            above_mod = self.modality(controller.token)
            if above_mod == "negated":
                return "denied", None, controller
            if controller.type is None and controller.trigger.complement == "denied":  # "failed to agree"
                return "denied", controller.trigger.intent, controller
            if above_mod in {"conditional", "hypothetical"}:
                return "hypothetical", None, controller
            status = controller.trigger.complement or "occurred"
            conflict = kind is not None and self.patterns.types[kind].threat is not None
            own_plan = not any(c.dep_ == "auxpass" for c in controller.token.children)  # not "is expected to"
            if controller.type is None and status == "promised":  # "pledged to", "vowed to": no event of its own
                intent = controller.trigger.intent or intent_of or ("THREATEN" if conflict else None)
                return ("threatened" if intent == "THREATEN" else "promised"), intent, controller
            if controller.type is None and status == "proposed" and conflict and own_plan:
                return "threatened", "THREATEN", controller  # "intends to retaliate", "plans to impose tariffs"
            return status, None, controller
        if own in {"future", "would"}:
            enacted = reporter is not None and reporter.lemma_.lower() in self.cues["enacting"]
            default = kind is not None and intent_of == self.patterns.types[kind].intent
            if enacted and default and intent_of == "THREATEN" and not self.consequence(verb):
                return "promised", None, None  # "announced it would restrict crossings": a decision, not a threat
            if intent_of is None:  # an announced sanction is a decision, not a promise of one
                conflict = kind is not None and self.patterns.types[kind].threat is not None
                return ("threatened" if conflict else "promised"), None, None
            return ("threatened" if intent_of == "THREATEN" else "promised"), intent_of, None
        if own == "deontic":
            # "the minister said Lima must cut the duty": asked for; "Ottawa should impose sanctions" in the
            # writer's own voice: an opinion of what ought to happen, not an act
            return ("proposed" if reporter is not None else "hypothetical"), None, None
        if self.possibility(verb):
            return "hypothetical", None, None  # "the right to block imports", "made it a crime to give support"
        if verb.dep_ == "advcl" and infinitive(verb):
            # "signed a memorandum to cooperate on fisheries": what an accord is made for is promised, not done
            for obj in (c for c in verb.head.children if c.dep_ == "dobj"):
                if (noun := self.triggers.noun_entry(obj)) is not None and noun.complement == "promised":
                    return "promised", None, None
        asked = verb.head.head if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" else None
        if asked is not None and (noun := self.triggers.noun_entry(asked)) is not None and noun.complement:
            return noun.complement, None, None  # "a plea for lifting the curbs", "the demand for freeing them"
        # "the pledge to end the programme"; not a participle that describes the noun ("the accord inked in 1999")
        described = verb.tag_ == "VBN" or (verb.dep_ == "relcl" and not infinitive(verb))
        if (
            verb.dep_ in {"acl", "relcl"}
            and not described
            and (noun := self.triggers.noun_entry(verb.head))
            and noun.complement
        ):
            if self.called_off(verb.head):
                return "denied", None, None  # "abandoned plans to impose tariffs", "did not announce plans to"
            if (approver := self.approver(verb.head)) is not None:
                return self.status(approver, None, verbal)[0], None, None  # "approved a plan to levy duties": decided
            return noun.complement, None, None  # "her pledge to end the programme", "the threat to impose tariffs"
        if hit is not None and hit.obj is not None and negated_noun(hit.obj, self.cues["negation"]):
            return "denied", None, None  # "provided no aid"
        own_status = (hit.status or hit.trigger.status) if hit is not None else None
        return own_status or "occurred", None, None

    def cancelled(self, clause: Token) -> bool:
        """Whether a clause is the content of a plan called off ("dropped plans to impose duties") or the
        complement of a cancelling verb ("gave up trying to")."""
        if clause.dep_ == "acl" and (noun := self.triggers.noun_entry(clause.head)) is not None and noun.complement:
            return self.called_off(clause.head)
        return self.called_off(clause, noun=False)

    def called_off(self, token: Token, *, noun: bool = True) -> bool:
        """Whether what `token` names is called off or denied by the verb it depends on: a noun that is the
        object of a cancelling verb ("abandoned plans") or of a negated one ("did not announce plans"), or a
        clause in the complement of a cancelling verb ("gave up trying")."""
        if noun and token.dep_ == "pobj" and word(token.head) == "of" and token.head.head.i != token.i:
            maker = token.head.head  # "halted the imposition of duties": calling off its making calls off the measure
            if maker.lemma_.lower() in self.cues["enacting"]:
                token = maker
        up = token.head
        if noun:
            if token.dep_ not in {"dobj", "nsubjpass"} or up.i == token.i:
                return False
        elif token.dep_ not in {"xcomp", "ccomp"}:
            return False
        words = {up.lemma_.lower(), *(f"{up.lemma_.lower()} {c.lower_}" for c in up.children if c.dep_ == "prt")}
        return bool(words & self.cues["cancelling"]) or (noun and self.modality(up) == "negated")

    def resolved(self, verb: Token, controller: Hit | None) -> bool:
        """Whether a negated clause is what somebody pledges, decides or plans not to do: the complement of a verb
        that promises or proposes ("pledged not to raise"), of a verb of the `deciding` cue ("decided not to renew")
        or of a noun that promises or proposes ("its decision not to renew the accord")."""
        if controller is not None:
            return controller.trigger.complement in {"promised", "proposed"}
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.cues["deciding"]:
            return True  # "decided not to renew the pact", "chose not to retaliate"
        if verb.dep_ != "acl" or not infinitive(verb):
            return False
        noun = self.triggers.noun_entry(verb.head)
        return noun is not None and noun.complement in {"promised", "proposed"}

    def obliged(self, clause: Token) -> bool:
        """Whether a to-infinitive is what a verb of the `obliging` cue, not in the past, says someone has to do
        ("has to act", "does not have to threaten", "need to file"); "had to withdraw" tells what was done."""
        up = clause.head
        return (
            clause.dep_ == "xcomp"
            and infinitive(clause)
            and up.lemma_.lower() in self.cues["obliging"]
            and up.tag_ not in {"VBD", "VBN"}
        )

    def approver(self, noun: Token) -> Token | None:
        """The verb of the `approving` cue that adopts a plan noun ("approved a plan", "rubber-stamped the scheme"),
        or None."""
        up, prep = noun.head, None
        if noun.dep_ == "pobj" and up.dep_ == "prep" and up.head.i != up.i:
            up, prep = up.head, up  # "signed off on the scheme", "voted for a proposal"
        elif noun.dep_ not in {"dobj", "nsubjpass"} or up.i == noun.i:
            return None
        lemma = up.lemma_.lower()
        words = {lemma, *(f"{lemma} {c.lower_}" for c in up.children if c.dep_ == "prt")}
        if prep is not None:
            words = {f"{lemma} {word(prep)}", *(w for w in words if w != lemma)}  # "vote for", not a bare "pass on"
        return up if up.pos_ in {"VERB", "AUX"} and words & self.cues["approving"] else None

    def consequence(self, verb: Token) -> bool:
        """Whether a clause is what follows if another holds: it has an if-clause of its own ("if the talks
        collapse, the duties go up")."""
        return any(
            child.dep_ == "advcl" and any(m.dep_ == "mark" and word(m) == "if" for m in child.children)
            for child in verb.children
        )

    def intent(self, verb: Token, kind: str | None) -> str | None:
        """The verbal event an announced act amounts to: a threat when it is conditional on "unless"."""
        if kind is None:
            return None
        for clause in verb.subtree:
            if clause.dep_ == "mark" and clause.lower_ in self.cues["coercive_conditional"]:
                return "THREATEN"
        if self.patterns.types[kind].threat is not None and self.consequence(verb):
            return "THREATEN"  # "if there is no progress, we will raise the tariffs": a conditional penalty
        return self.patterns.types[kind].intent
