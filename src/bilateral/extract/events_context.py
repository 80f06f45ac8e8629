"""Doers an event's own sentence does not name but its document does: a court's decision told again as the subject
("Monday's ruling rejected the appeal" after "the High Court ruled …"), a state body named by its role alone
acting against one of the two countries a bilateral report is about ("The government imposed curbs on Malaysia" in
a report on Indonesia and Malaysia: Indonesia's), an arrangement an agentless passive ends that the sentence
before tells a state body ran ("The ministry had exempted X from checks. This exemption has been suspended."), forces
a passive sends that the sentences before name ("The National Police became a border force. 9,000 officers were
sent to the borders."), and the place where someone underwent an act, told by what they were doing there ("detained
X while he was changing trains in Rosario, Argentina": local to Argentina).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from functools import cached_property
from typing import Any

from bilateral.annotate.nlp import text_of
from bilateral.annotate.spans import OFFICE_SECTORS
from bilateral.extract.events_parties import NON_STATE, STATE_KINDS, Parties, Side, is_pronoun
from bilateral.extract.events_sources import clause_verb, in_governing_clause

Token = Any  # a spaCy token

# a decision told again refers back at most this many sentences to the court that made it
DECISION_SENTENCES = 8
PARAGRAPH_BREAK = "\n\n"
ARMED_SECTORS = {"MIL", "COP"}  # CAMEO sectors of a state's armed and police forces
# a deployment told by a passive refers back at most this many sentences to the forces it sends
FORCES_SENTENCES = 2
STATE_SECTORS = OFFICE_SECTORS  # CAMEO sectors of a state's own bodies: those of its offices
# how a verb reaches the subject it shares: "the cabinet adopted a rule to curb imports"
SHARING = {"xcomp", "acl", "dobj", "conj"}
# conjunctions of a clause that tells what someone was doing when something happened to them
WHILE = {"while", "as", "when", "whilst"}
POINTING = {"this", "that", "these", "those", "the"}  # determiners of a noun phrase told before
# a document is a bilateral report on two countries when the second most named country is named at least this
# often, and more often than any third one
MAIN_COUNTRY_MENTIONS = 2


class DocumentContext:
    """What a document as a whole says of who acts, read once per document from its actor mentions."""

    def __init__(self, parties: Parties) -> None:
        self.parties = parties
        self.cues = parties.patterns.cues

    @cached_property
    def main_pair(self) -> tuple[str, ...]:
        """The pair of countries named most in the document, each name, demonym or place once ("South Korea" is one
        naming of Korea, not two); empty when no clear pair (MAIN_COUNTRY_MENTIONS). Read only when a body
        named by its role alone needs it."""
        counts: Counter[str] = Counter()
        last = None
        for token in self.parties.doc:
            code = self.parties.country_word(token)
            if code is not None and code != last:
                counts[code] += 1
            last = code
        ranked = counts.most_common(3)
        bilateral = len(ranked) >= 2 and ranked[1][1] >= MAIN_COUNTRY_MENTIONS
        if len(ranked) == 3 and ranked[2][1] >= ranked[1][1]:
            bilateral = False  # a third country named as often: which two the report is about is not said
        return (ranked[0][0], ranked[1][0]) if bilateral else ()

    def unresolved_subject(self, verb: Token, target: Side) -> Side:
        """For a verb whose subject (its own, or the one it shares through SHARING links: "the cabinet
        adopted a rule to curb imports from X") names no party: the court a decision told again refers to
        (`decided_by`), else the state a body named by its role alone stands for (`body_against`)."""
        token = verb
        for _ in range(4):
            if any(c.dep_ == "nsubjpass" for c in token.children):
                break  # "the government was told to curb …": who undergoes an act does not do it
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            if subjects:
                return self.decided_by(subjects[0]) or self.body_against(subjects[0], target)
            if token.dep_ not in SHARING or token.head.i == token.i:
                break
            token = token.head
        return Side()

    def where_undergone(self, place: Token, trigger: Token, target: Side) -> bool:
        """Whether a place word tells where an act was done to its target because it stands in a clause of what
        the target was doing then, on the trigger's clause or one governing it ("over the arrest of X while he was
        changing trains in Rosario": in Argentina). The clause's subject must be the target (by name or pronoun);
        "… while the minister was visiting Lima" tells where someone else was."""
        clause = clause_verb(place)
        while clause is not None and clause.dep_ not in {"advcl"} and clause.head.i != clause.i:
            clause = clause_verb(clause.head)
        if clause is None or clause.dep_ != "advcl" or not in_governing_clause(clause.head, trigger):
            return False
        if not any(c.dep_ == "mark" and c.lower_ in WHILE for c in clause.children):
            return False
        subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects:
            return False
        doer = self.parties.side(subjects[0])
        if is_pronoun(subjects[0]):
            # "objected to the arrest of X as he was boarding …": the person named last before the pronoun
            doer.add(self._person_before(subjects[0]))
        return bool(set(doer.actors) & set(target.actors))

    def _person_before(self, token: Token) -> Side:
        """The person named last before `token` in its sentence, or nobody."""
        parties = self.parties
        named = parties.mentioned[
            bisect_left(parties.mentioned, token.sent.start) : bisect_left(parties.mentioned, token.i)
        ]
        for i in reversed(named):
            actor = parties.actors[parties.mentions[parties.mention_at[i]].actor]
            if actor.kind == "person":
                return Side([actor.id], [actor.country] if actor.country else [])
        return Side()

    def forces_sent(self, verb: Token) -> Side:
        """The state whose forces an agentless passive deployment sends, when the forces sent name no country of
        their own ("27,000 troops had been sent to the borders"): the one country of the armed or police forces
        (sectors ARMED_SECTORS) named in this sentence or the FORCES_SENTENCES before it in the same paragraph
        ("The National Guard became a migration police. Some 20,000 troops were sent to the borders": the Guard's
        state). Nobody when forces of two countries are named there, or none."""
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not subjects or any(self.parties.side(s).countries for s in subjects):
            return Side()
        sentence = verb.sent
        start = sentence.start
        text = text_of(verb.doc)
        for _ in range(FORCES_SENTENCES):
            if start == 0:
                break
            before = verb.doc[start - 1].sent
            if PARAGRAPH_BREAK in text[before.start_char : verb.doc[start].idx]:
                break
            start = before.start
        parties = self.parties
        named = parties.mentioned[bisect_left(parties.mentioned, start) : bisect_left(parties.mentioned, sentence.end)]
        forces = [parties.actors[parties.mentions[parties.mention_at[i]].actor] for i in named]
        countries = {a.country for a in forces if a.sector in ARMED_SECTORS and a.country}
        if len(countries) != 1:
            return Side()
        code = next(iter(countries))
        return Side(parties.state(code, unnamed=True), [code])

    def decided_by(self, noun: Token) -> Side:
        """The court whose decision a definite decision noun refers back to ("Monday's ruling", "the verdict",
        "this judgment": a noun of the `decisions` cue with "the", "this", "that" or a date's possessive and no
        party of its own): the last judicial actor (sector JUD) named in the DECISION_SENTENCES sentences before
        it; nobody when none was."""
        if noun.lemma_.lower() not in self.cues["decisions"] or not _definite(noun):
            return Side()
        window = noun.sent.start
        for _ in range(DECISION_SENTENCES):
            if window > 0:
                window = noun.doc[window - 1].sent.start
        parties = self.parties
        earlier = parties.mentioned[bisect_left(parties.mentioned, window) : bisect_left(parties.mentioned, noun.i)]
        for i in reversed(earlier):
            actor = parties.actors[parties.mentions[parties.mention_at[i]].actor]
            if actor.sector == "JUD":
                return Side([actor.id], [actor.country] if actor.country else [])
        return Side()

    def ended_by(self, verb: Token) -> Side:
        """The state body that ran an arrangement an agentless passive of a `cancelling` verb ends, told as the
        subject of the sentence just before, in the same paragraph ("Since 2010 the ministry had exempted Thai
        rice from checks. Yet that waiver was dropped.": the ministry). The subject must be told
        as known ("this", "the") and name no party of its own; nobody when the subject before is no state's body
        (a company, a person) or none."""
        if verb.lemma_.lower() not in self.cues["cancelling"]:
            return Side()
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if len(subjects) != 1 or not any(c.dep_ == "det" and c.lower_ in POINTING for c in subjects[0].children):
            return Side()
        sentence = verb.sent
        if sentence.start == 0:
            return Side()
        before = verb.doc[sentence.start - 1].sent
        if PARAGRAPH_BREAK in text_of(verb.doc)[before.start_char : sentence.start_char]:
            return Side()
        side = Side()
        for head in (c for c in before.root.children if c.dep_ == "nsubj"):
            side.add(self.parties.side(head))
        actors = [self.parties.actors[a] for a in side.actors]
        states = [a for a in actors if a.kind in STATE_KINDS and a.sector not in NON_STATE]
        # a body the text names without its country ("the Economy Ministry") is still a state's
        states = [a for a in states if a.country or a.sector in STATE_SECTORS]
        return Side([a.id for a in states], list(dict.fromkeys(a.country for a in states if a.country)))

    def body_against(self, subject: Token, target: Side) -> Side:
        """The state of a body named by its role alone ("the government", "the ministry": a definite noun of the
        `bodies` cue, not a mission abroad) that nothing before resolves, when it acts against one of the two
        countries the report is about: the other one ("The government imposed curbs on Malaysia" in a report on
        Indonesia and Malaysia). Nobody when the document names no clear pair, the target is neither or both, or the
        target is not the state itself (its people, firms or groups)."""
        lemma = subject.lemma_.lower()
        if lemma not in self.cues["bodies"] or lemma in self.cues["missions"] or subject.tag_ == "NNS":
            return Side()
        if not target.countries or not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
            return Side()
        hit = [code for code in self.main_pair if code in target.countries]
        if len(hit) != 1:
            return Side()
        # only an act on the state itself: "banned Malaysian traders from rallying" may be a state's own nationals
        targets = [self.parties.actors[a] for a in target.actors]
        if not targets or any(a.kind != "country" and a.sector not in STATE_SECTORS for a in targets):
            return Side()
        other = next(code for code in self.main_pair if code != hit[0])
        return Side(self.parties.state(other, unnamed=True), [other])


def _definite(noun: Token) -> bool:
    """Whether a noun is told as one known already: "the ruling", "this decision", "Monday's verdict" (a date's
    possessive), with no owner that names a party ("Peru's decision")."""
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in {"the", "this", "that"}:
            return True
        if child.dep_ == "poss" and child.ent_type_ in {"DATE", "TIME"}:
            return True
    return False
