"""Which clause a word belongs to, for choosing an event's source: a place, a party or an adjunct counts only
where it belongs to the event's own clause or to one that governs it ("arrested on the day the leaders met in
Lima": Lima is where the leaders met, not where the arrest was made). And where the event's own sentence names its
doer outside the subject: a phase of the act wanted or made ("wants a prompt start to negotiations": `phase_of`),
its motive clause ("in reprisal": `in_motive`), a verb of answering ("responded with a ban": `answered_with`), the
makers a participle names ("the pact signed between X and Y": `participle_makers`), a measure's holder
(`measure_holder`), and the state where a document was filed or a court sat (`issuing_place`, `court_of`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from bilateral.extract.events_parties import RELATIVE, Parties, Side, word
from bilateral.extract.events_triggers import NOMINAL, VERBAL, prep_objects
from bilateral.model import Actor

Token = Any
SUBJECTS = {"nsubj", "csubj"}
# "along with X", "together with X": the companion of a joint act, as "with X"
COMPANIONS = {"along", "together"}


def clause_verb(token: Token) -> Token | None:
    """The verb (or auxiliary) whose clause `token` stands in: itself, or its nearest verbal ancestor; None when
    no verb governs it (a heading, a fragment the parse left without a verb)."""
    while token.pos_ not in VERBAL:
        if token.head.i == token.i:
            return None
        token = token.head
    return token


def in_governing_clause(token: Token, trigger: Token) -> bool:
    """Whether `token` stands in the clause of `trigger` or in a clause that governs it ("In Lagos, police said
    gunmen opened fire": Lagos governs the shooting), not in a clause below or beside it ("… the day the leaders
    met in Lima", "… as the minister planned a trip to Quito")."""
    own = clause_verb(token)
    clause = clause_verb(trigger)
    if own is None or clause is None:
        return own is clause
    return own.i == clause.i or own.i in {a.i for a in clause.ancestors}


def participle_adjunct(noun: Token) -> Token | None:
    """The participle of an adjunct without a subject of its own that `noun` stands in, through objects and
    prepositional phrases only ("Holding a briefing after the first round of talks with Chile, Peru said …": Holding),
    whose doer is the subject of the clause it hangs on; None when the noun is a subject on the way or the clause
    is no such adjunct."""
    token = noun
    while token.pos_ not in VERBAL:
        if token.dep_ not in {"pobj", "prep", "dobj", "conj", "compound", "appos"} or token.head.i == token.i:
            return None
        token = token.head
    own_subject = any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} for c in token.children)
    adjunct = token.dep_ in {"advcl", "xcomp"} and token.tag_ in {"VBG", "VBN"}
    return token if adjunct and not own_subject else None


def on_another_act(token: Token, trigger: Token, is_act: Callable[[Token], bool]) -> bool:
    """Whether `token` (a place) hangs on an act other than `trigger` that the trigger does not govern: "the
    release of X in Lima, the murder of Y a week later and …" tells where the release was, not the murder. `is_act`
    says whether a noun names an act; a place under an act the trigger governs ("arrested during a march through
    Lima") is still the trigger's."""
    governed = {t.i for t in trigger.subtree if not _across_conjunction(t, trigger)}
    while token.head.i != token.i and token.i != trigger.i:
        token = token.head
        if token.pos_ in VERBAL or token.i == trigger.i:
            return False
        if token.pos_ == "NOUN" and is_act(token):
            return token.i not in governed
    return False


def _across_conjunction(token: Token, trigger: Token) -> bool:
    """Whether the path from `trigger` down to `token` crosses a conjunction: a co-ordinated act is another one."""
    while token.i != trigger.i:
        if token.dep_ == "conj":
            return True
        token = token.head
    return False


def forum_left_out(side: Side, actors: Mapping[str, Actor]) -> Side:
    """A joint act's modifiers without the intergovernmental forums among them: "the G20 summit", "an APEC
    meeting", "the NATO summit" name where the leaders met, not a party to their talks (PLOVER codes the states
    that meet). The actors left keep their countries; a forum's code ("IGO") goes with it."""
    kept = Side()
    for actor in side.actors:
        country = actors[actor].country
        if actors[actor].sector != "IGO" and country != "IGO":
            kept.add(Side([actor], [country] if country else []))
    for country in side.countries:
        if country != "IGO" and country not in kept.countries:
            kept.countries.append(country)
    return kept


def caused(participle: Token, causatives: frozenset[str]) -> bool:
    """Whether a participle on the object of a causative verb (the `causatives` cue: "get", or "have" after "to")
    says what that verb's subject had done ("arranged to have the envoy expelled", "got two activists deported");
    not "Peru has two citizens detained abroad", which says what Peru undergoes."""
    noun = participle.head
    verb = noun.head
    lemma = verb.lemma_.lower()
    if participle.dep_ != "acl" or noun.dep_ != "dobj" or lemma not in causatives:
        return False
    return lemma != "have" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def passive_again(verb: Token, commanding: frozenset[str]) -> bool:
    """Whether `verb`, a conjunct of a passive told in the past, is that passive again with its "was" left out
    ("was questioned and ordered held", "was notified of the ruling and allowed to go home", which the parser may
    tag as past tense): a verb of the `commanding` cue, which needs an object before its complement, here with a
    complement but no subject, auxiliary or object of its own. "was arrested and agreed to cooperate" (no such
    verb) and "was questioned and ordered the guards out" (an object) are acts of the one named."""
    children = [c.dep_ for c in verb.children]
    own = {"nsubj", "nsubjpass", "aux", "auxpass", "dobj", "dative"}
    told = verb.dep_ == "conj" and verb.tag_ in {"VBD", "VBN"} and verb.lemma_.lower() in commanding
    return told and not own.intersection(children) and bool({"xcomp", "oprd", "ccomp"}.intersection(children))


def adjunct_clause(noun: Token, preps: set[str]) -> Token | None:
    """The verb of the clause a noun is a time adjunct of, by one of `preps` and through "of" phrases ("after talks
    with X, Peru …", "in a round of consultations with X, I …"); None for a passive clause ("Lee was arrested
    after talks with X": Lee held no talks) or where the noun is no such adjunct."""
    token = noun
    while token.dep_ == "appos" and token.head.pos_ in NOMINAL:
        token = token.head  # "in their round two border negotiations", parsed as an apposition
    while token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.i != token.head.i:
        preposition, up = word(token.head), token.head.head
        if up.pos_ in VERBAL and preposition in preps:
            return None if any(c.dep_ == "nsubjpass" for c in up.children) else up
        if preposition != "of" or up.pos_ not in NOMINAL:
            return None
        token = up
    return None


def partner_objects(token: Token) -> list[Token]:
    """The objects of "with" on `token` ("signed the pact with X"), also after "along" or "together" ("signed the
    pact along with X", "together with X")."""
    found = []
    for child in token.children:
        if child.dep_ in {"prep", "advmod", "prt"} and word(child) in COMPANIONS:
            found += [o for p in child.children if p.dep_ == "prep" and word(p) == "with" for o in p.children]
        elif child.dep_ in {"prep", "dative"} and word(child) == "with":
            found += [o for o in child.children if o.dep_ == "pobj"]
    return [o for o in found if o.dep_ == "pobj"]


def sent_from(verb: Token, parties: Parties) -> Side:
    """Who sends people back to a country when a passive names nobody ("were returned to Peru", "were sent back to
    wait in Peru"): the one state other than the destination that the sentence names ("who crossed into Chile",
    "under a US program"); nobody when it names none or several."""
    destination = {t.i for p in prep_objects(verb, {"to"}) for t in p.subtree}
    waits = [c for c in verb.children if c.dep_ in {"xcomp", "advcl"}]  # "sent back to wait in Peru"
    destination |= {t.i for c in waits for p in prep_objects(c, {"in"}) for t in p.subtree}
    sent_to: set[str] = set()
    named: set[str] = set()
    for token in verb.sent:
        mention = parties.mention_at.get(token.i)
        actor = parties.actors[parties.mentions[mention].actor] if mention is not None else None
        code = actor.country if actor is not None else parties.country_word(token)
        if code is not None and code in parties.patterns.country_names:
            (sent_to if token.i in destination else named).add(code)
    origins = sorted(named - sent_to)
    if len(origins) != 1 or not sent_to:
        return Side()
    return Side(parties.state(origins[0], unnamed=True), origins)


def acting_state(token: Token, parties: Parties, *, other: Side) -> Side:
    """The acting side of the clauses above `token` (the first subject up them that is not the phrase itself) when
    it is a state or someone of one, of another country than `other` ("Seoul halted its complaint while talks with
    Tokyo go on": Seoul); nobody for a passive ("Lee was held after …"), a copula ("it was a meeting with X") or a
    subject of no country ("analysts said …")."""
    verb = clause_verb(token)
    for _ in range(6):
        if verb is None or any(c.dep_ == "nsubjpass" for c in verb.children) or verb.lemma_.lower() == "be":
            return Side()
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS and token.i not in {t.i for t in c.subtree}]
        if subjects:
            side = Side()
            for part in (p for s in subjects for p in [s, *s.conjuncts]):
                side.add(parties.side(part))
            return Side() if not side.countries or set(side.countries) & set(other.countries) else side
        verb = clause_verb(verb.head) if verb.head.i != verb.i else None
    return Side()


# prepositions by which a noun of the `phases` cue takes the act it is a phase of: "a start to talks", "progress in
# the negotiations", "the resumption of talks", "a breakthrough on the deal", "a push for talks"
PHASE_PREPS = {"to", "in", "of", "on", "toward", "towards", "for"}


def phase_of(noun: Token, phases: frozenset[str]) -> Token | None:
    """The noun of the `phases` cue whose prepositional phrase `noun` (an event noun) stands in ("a prompt start to
    negotiations", "a resumption of the dialogue", "headway in the talks": start, resumption, headway), whose
    governing verb's subject (or whose owner: "Lima's push for talks") is the one who wants, makes or achieves that
    phase of the act; None otherwise."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or word(noun.head) not in PHASE_PREPS:
        return None
    phase = noun.head.head
    return phase if phase.pos_ == "NOUN" and phase.lemma_.lower() in phases else None


def in_motive(noun: Token) -> Token | None:
    """The verb of the clause whose own act `noun` (a noun of the plover pack's `responses` class, which callers
    check) names as that clause's motive, after "in" ("Lima raised its duties in retaliation", "… in an
    apparent reprisal", even where the parse hangs the phrase on a noun of the object). None for a noun in a subject
    on the way up ("the reprisal in Lima angered Quito") or where no verb governs it."""
    if noun.dep_ != "pobj" or word(noun.head) != "in":
        return None
    token = noun
    while token.pos_ not in VERBAL:
        if token.dep_ in {"nsubj", "nsubjpass", "csubj"} or token.head.i == token.i:
            return None
        token = token.head
    return token


def answered_with(noun: Token, answering: frozenset[str]) -> Token | None:
    """The verb of answering (the `answering` cue, with its particle: "hit back") in whose "with" phrase `noun` (an
    event noun) stands: "Quito responded with a ban on Peruvian fruit", "Lima hit back with tariffs" (the subject's
    measure); None otherwise ("Quito was met with a ban", "Lima agreed with the ban")."""
    if noun.dep_ != "pobj" or word(noun.head) != "with" or noun.head.head.pos_ not in VERBAL:
        return None
    verb = noun.head.head
    lemma = verb.lemma_.lower()
    words = {lemma, *(f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in {"prt", "advmod"})}
    return verb if words & answering else None


def measure_holder(noun: Token, parties: Parties, enacting: frozenset[str]) -> Side:
    """Who holds a measure named as the subject of an agentless passive ("US sanctions on Iran were lifted", "Peru's
    duties were raised", "the curbs that Lima imposed will be eased", "the tariffs imposed by Quito were suspended"):
    its possessive, an actor, country or demonym before it, the agent of a participle on it, or the subject of a
    relative clause of the `enacting` cue on it; an empty side where none is named ("the sanctions were lifted")."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    side = parties.side(owners[0]) if owners else parties.modifiers(noun, exclude=noun)
    if side:
        return side
    agents, _ = participle_makers(noun)
    makers = [c for c in noun.children if c.dep_ == "relcl" and c.lemma_.lower() in enacting]
    agents += [s for c in makers for s in c.children if s.dep_ == "nsubj" and word(s) not in RELATIVE]
    for agent in agents[:1]:
        for part in [agent, *agent.conjuncts]:
            side.add(parties.side(part))
    return side


def participle_makers(noun: Token) -> tuple[list[Token], list[Token]]:
    """Who made a noun's act, as a past participle on the noun names them: (the agents, the parties "between" whom):
    "the sanctions imposed by Peru" ([Peru], []), "the treaty signed between Chile and Peru" ([], [Chile]: callers
    read the conjuncts); empty lists where no participle on the noun names anyone."""
    agents: list[Token] = []
    between: list[Token] = []
    for participle in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        agents += [p for a in participle.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        between += prep_objects(participle, {"between"})
    return agents, between


def issuing_place(noun: Token, parties: Parties) -> Side:
    """The state whose court or office issued a document that acts as a subject ("an indictment filed in a federal
    court in Denver accuses …", "a ruling by a court in Quito ordered …"): the country of a place in an "in" or "by"
    phrase of the noun or of a participle on it, coded as its state; nobody when no such place, or places of two
    countries, are named."""
    phrases = [noun, *(c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN")]
    objects = [o for p in phrases for o in prep_objects(p, {"in", "by", "at"})]
    objects += [p for c in phrases for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    codes = {code for o in objects for t in o.subtree if (code := parties.country_word(t)) is not None}
    if len(codes) != 1:
        return Side()
    code = next(iter(codes))
    return Side(parties.state(code, unnamed=True), [code])


def court_of(verb: Token, parties: Parties, *, judicial: frozenset[str], commanding: frozenset[str]) -> Side:
    """The state of the court before which someone told in an agentless passive of a verb of the `commanding` cue
    stood ("appeared before a judge in Houston and was ordered held", "appeared in a court in Osaka and was allowed
    to go free"): a noun of the `judicial` cue after "before", "in" or "at" in the passive's own clause or the one it
    is co-ordinated with, and the place named with it; nobody for another verb ("appeared in court and was
    attacked"), or where no court or no place of one country is named."""
    if verb.lemma_.lower() not in commanding or any(c.dep_ == "agent" for c in verb.children):
        return Side()
    clauses = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    courts = [o for c in clauses for o in prep_objects(c, {"before", "in", "at"}) if o.lemma_.lower() in judicial]
    return issuing_place(courts[0], parties) if courts else Side()
