"""Who acts and who is acted on: the actors (and their countries) in the subject, object, agent and
prepositional-object phrases of an event trigger, read from the dependency parse and the resolved mentions.

A phrase's actors are the mentions nearest its head (coordinated, appositive, compound and "of" phrases count as
the head itself, so "Leaders of the Blue Party alliance" and "X and Y" both work); pronouns take the speaker of
the clause or the nearest earlier actor; an unnamed actor ("Afghan guerrillas") gets its country from a demonym.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import ChainMap
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from bilateral.annotate.actors import country_actor
from bilateral.annotate.knowledge import Country, fold
from bilateral.annotate.nlp import text_of
from bilateral.extract.events_patterns import EventPatterns
from bilateral.model import Actor, Analysis

Token = Any
Span = Any
PERSON_PRONOUNS = {"he", "she", "him", "his", "her", "hers", "himself", "herself"}
# "I", "my": in reported speech, the speaker of the quote and nobody else
FIRST_PERSON = {"i", "me", "my", "mine", "myself"}
FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}
OTHER_PRONOUNS = {"it", "its", "they", "them", "their", "theirs", "itself", "themselves", "we", "our", "us"}
# a reflexive right after a noun only stresses it ("the families themselves complained")
INTENSIVE = {"himself", "herself", "itself", "themselves", "ourselves", "myself"}
RELATIVE = {"who", "which", "that", "whom", "whose"}
# Arcs that stay inside one noun phrase, with the cost of crossing them: cost 0 is "the head itself".
FREE_ARCS = {"conj", "appos", "compound", "amod", "nmod", "nummod", "quantmod", "npadvmod", "preconj"}
MAX_COST = 2
# Non-state actors (PLOVER codes) that are complete without a country.
NON_STATE = {"IGO", "NGO", "MNC", "UNO"}
ORIGIN_PREPS = {"in", "from", "at", "inside"}
STATE_KINDS = {"country", "institution", "organization"}
ETHNIC = re.compile(r"\bethnic\s+$", re.I)
BRACKET = re.compile(r"\([^()\n]{1,120}\)")
LINE_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
DATELINE = re.compile(
    r"\s*(?P<head>[A-Z][A-Z'.-]+(?:\s+[A-Z][A-Z'.-]+)*,?[^\n()\u2013\u2014]{0,30}?)\s*(?:\([^()\n]{1,40}\)\s*)?(?:--|[\u2013\u2014-])\s"
)


def dateline_end(text: str) -> int:
    """Where a dateline ends ("TAIPEI (Taiwan News) – ", "LIMA, 9 May 2022 — ", "GDANSK, Apr. 3 (PAP) -- "),
    or 0 when the text opens with none: a capitalised place in upper case, an optional date and outlet in
    brackets, then a dash."""
    match = DATELINE.match(text)
    if match is None or len(match["head"].split()[0].strip(",.")) < 3:
        return 0  # "US - China talks" opens with no dateline
    if any(word[:1].islower() for word in match["head"].split()):
        return 0
    return match.end()


def word(token: Token) -> str:
    """A function word as the rules read it: its lower-case form in English; in another language, the English
    word of the same role that the parse gave it (`norm_`, from the language's `grammar` pack; annotate.ud)."""
    return token.lower_ if token.lang_ == "en" else str(token.norm_)


def credited_spans(doc: Any, patterns: EventPatterns, *, outlets: set[str], opening: int = 0) -> list[tuple[int, int]]:
    """Character spans (start, end) of asides in brackets that name nobody who acts: photo and wire credits, a
    bracket that opens or closes with a word of the plover pack's `credits` cue or has one before "/", ":" or
    "by" ("(Photo by Ann Lee / AFP)", "(file photo)", "(AP Photo/Ann Lee)"; not "(in a video message)"), or
    that holds only an outlet's name among `outlets` (folded), alone or before "/" ("(Reuters)",
    "(Reuters/Ann Lee)"); and transcript marks, one word in
    capitals of the `transcript` cue or a demonym ("(TRANSLATED)", "(ENGLISH)": a language, not a country).
    A credit glued to the next sentence ("Crowds in Quito. (Photo by Ann Lee / AFP) Ecuador banned …": a capital
    follows it) ends a caption, so its span reaches back to its sentence's start: the caption's places are no
    party either."""
    text = text_of(doc)
    credits, transcript = patterns.cues["credits"], patterns.cues["transcript"]
    spans = []
    for match in BRACKET.finditer(text, opening):
        inside = match.group()[1:-1].strip()
        marked = inside.lower() in transcript or fold(inside) in patterns.countries
        if inside.isupper() and inside.isalpha() and marked:
            spans.append((match.start(), match.end()))
            continue
        # the credit word opens or closes the bracket or heads its credit ("AP Photo/…", "Photo by", "Image: …")
        words = re.findall(r"[a-z]+|[/:]", inside.lower()) or [""]
        credited = words[0] in credits or words[-1] in credits
        credited = credited or any(w in credits and n in {"/", ":", "by"} for w, n in pairwise(words))
        if not (credited or fold(inside.split("/")[0].strip()) in outlets):
            continue
        start = match.start()
        if text[match.end() :].lstrip()[:1].isupper():
            first = doc.char_span(match.start(), match.start() + 1, alignment_mode="expand")
            start = first.sent.start_char if first is not None else start
        spans.append((start, match.end()))
    return spans


def outlet_line_country(text: str, analysis: Analysis) -> str | None:
    """The country of the outlet whose name stands alone on a line ("• Anadolu Agency", "REUTERS"): the byline of an
    agency report, whose "the government" is its home government when no state is named before. None when no
    line holds an outlet alone."""
    for mention in analysis.mentions:
        actor = analysis.actors.get(mention.actor)
        if actor is None or actor.sector != "MED" or actor.country is None:
            continue
        start = text.rfind("\n", 0, mention.start) + 1
        end = text.find("\n", mention.end)
        line = text[start : end if end >= 0 else len(text)]
        if LINE_EDGE.sub("", line) == mention.text:
            return actor.country
    return None


def is_pronoun(token: Token) -> bool:
    """ "it", "they", "his" — but not "US", which folds to "us"."""
    return word(token) in PERSON_PRONOUNS | OTHER_PRONOUNS | FIRST_PERSON and (
        not token.text.isupper() or token.text == "I"
    )


@dataclass
class Side:
    """One side of an event: actor ids and the countries they act for, in order of appearance."""

    actors: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)

    def add(self, other: Side) -> None:
        self.actors += [a for a in other.actors if a not in self.actors]
        self.countries += [c for c in other.countries if c not in self.countries]

    def __bool__(self) -> bool:
        return bool(self.actors or self.countries)


class Parties:
    """Mentions indexed by token, for one document, and the rules that turn a phrase into a Side."""

    def __init__(self, doc: Any, analysis: Analysis, patterns: EventPatterns) -> None:
        self.doc = doc
        self.named: dict[str, Actor] = analysis.actors  # the document's actors, as annotate found them
        # states the text names only by a demonym, a place or a body of them, made by `state(…, unnamed=True)`;
        # kept apart so that a plain `state` never depends on which sentence made one first
        self.made: dict[str, Actor] = {}
        self.actors: Mapping[str, Actor] = ChainMap(self.named, self.made)
        self.patterns = patterns
        starts = [token.idx for token in doc]
        self.mention_at: dict[int, int] = {}  # token index -> index into self.mentions
        # a dateline's place and outlet say where the report was filed, never who acted
        text = text_of(doc)
        opening = self.opening = dateline_end(text)
        actors = analysis.actors
        outlets = {fold(m.text) for m in analysis.mentions if m.actor in actors and actors[m.actor].sector == "MED"}
        self.credited = credited_spans(doc, patterns, outlets=outlets, opening=opening)
        self.resolving: set[int] = set()  # pronouns being resolved now: a pronoun never stands for itself
        self.home = outlet_line_country(text, analysis)
        # "ethnic Hungarians in Romania" name people, not the state of their kin: no actor for the event
        self.mentions = [
            m
            for m in analysis.mentions
            if m.actor in analysis.actors
            and m.start >= opening
            and not any(start < m.end and m.start < end for start, end in self.credited)
            and not ETHNIC.search(text, max(0, m.start - 12), m.start)
        ]
        for number, mention in enumerate(self.mentions):
            first = max(0, bisect_right(starts, mention.start) - 1)
            for i in range(first, len(doc)):
                if doc[i].idx >= mention.end:
                    break
                if doc[i].idx + len(doc[i]) > mention.start:
                    self.mention_at.setdefault(i, number)
        self.mentioned = sorted(self.mention_at)  # token indices inside a mention, for windows by bisection
        # people named with the title of a head of state or government somewhere in the document ("President X"),
        # or in apposition to a noun naming them ("the leaders of both economies, X and Y")
        titles = patterns.cues["leader_titles"]
        self.leaders = {
            m.actor
            for m in self.mentions
            if actors[m.actor].kind == "person"
            and any(" ".join(fold(text[max(0, m.start - 30) : m.start]).split()[-n:]) in titles for n in (1, 2))
        }
        for token_index, number in self.mention_at.items():
            token = doc[token_index]
            while token.dep_ in {"conj", "compound", "flat"} and token.head.i != token.i:
                token = token.head
            actor = self.mentions[number].actor
            if token.dep_ == "appos" and token.head.lemma_.lower() in patterns.cues["leader_nouns"]:
                self.leaders.update([actor] if actors[actor].kind == "person" else [])
        self.place_at: dict[int, str] = {}
        self.filed_in: str | None = None
        self.first_place = min((p.start for p in analysis.places if p.country), default=None)
        for place in analysis.places:
            if place.country is not None and place.start < opening and self.filed_in is None:
                self.filed_in = place.country  # the dateline's country: where the report was filed
            if place.country is None or place.start < opening or self.in_credit(place.start):
                continue
            span = doc.char_span(place.start, place.end, alignment_mode="expand")
            for token in span if span is not None else []:
                self.place_at[token.i] = place.country

    # --- one phrase -----------------------------------------------------------------------------------

    def side(self, head: Token, *, speaker: Token | None = None) -> Side:
        """The actors of the phrase headed by `head`, nearest first."""
        if word(head) in INTENSIVE and head.i > 0 and self.doc[head.i - 1].pos_ in {"NOUN", "PROPN"}:
            return Side()  # "the families themselves", "Lima itself": the noun before is the party, read there
        if is_pronoun(head) and head.i not in self.mention_at:
            return self.pronoun(head, speaker=speaker)
        reached = self._reach(head)
        found = Side()
        costs = sorted({cost for token, cost in reached if token.i in self.mention_at})
        if costs:
            best = costs[0]
            for token, cost in reached:
                if cost == best and token.i in self.mention_at:
                    self._add_mention(found, self.mention_at[token.i])
        found = self._of_another_state(head, found)
        # demonyms, countries and known places inside the phrase: co-ordinated ones ("Hungarian and Romanian
        # officials") always count; farther ones only when no named actor has said which country acts
        words = sorted((cost, token.i, code) for token, cost in reached if (code := self.country_word(token)))
        for cost, i, code in words:
            if code in found.countries:
                continue
            named = any(self.actors[a].country or self.actors[a].sector in NON_STATE for a in found.actors)
            # "officials from Brazil, Chile and Peru": a place co-ordinated with the named parties is one of them
            joined = any(self._found_at(part.i, found) for part in self.doc[i].conjuncts)
            # "envoys from Ghana and Togo": a country co-ordinated with one the phrase already gave is a party too
            joined = joined or (
                cost <= 1 and any(self.country_word(p) in found.countries for p in self.doc[i].conjuncts)
            )
            # "the two ministers, Peru's Ana Soto and Chile's Luis Vera": a country owning a name no actor holds
            owner = self.doc[i]
            joined = joined or (
                cost == 1
                and owner.dep_ == "poss"
                and owner.head.pos_ == "PROPN"
                and owner.head.i not in self.mention_at
            )
            if cost == 0 or (cost == 1 and not (found.countries or named)) or joined:
                found.countries.append(code)
                # "Mexico City signed": the capital is its government; "officials in Lima" are its government's
                official = head.lemma_.lower() in self.patterns.cues["person_nouns"] | self.patterns.cues["bodies"]
                # "between Norway and Russia": a country that is itself one of the phrase's heads is its state
                own = (
                    cost == 0 and (i == head.i or self.doc[i].dep_ in {"conj", "pobj"}) and self.doc[i].pos_ == "PROPN"
                )
                if ((cost == 0 or official) and not found.actors) or own or joined:
                    found.actors += [a for a in self.state(code, unnamed=True) if a not in found.actors]
        if not found and (pair := self.pair(head)):
            return pair  # "our two countries", "both their governments": the pair, not the owner
        if not found:
            # "their forces", "his party": not the owner, but acting for the owner's country
            owners = [t for t, cost in reached if t.dep_ == "poss" and is_pronoun(t) and cost <= 1]
            if owners:
                found.countries = self.pronoun(owners[0], speaker=speaker).countries
                if found.countries and head.lemma_.lower() in self.patterns.cues["bodies"]:
                    found.actors = self.state(found.countries[0])  # "his country", "its government": the state
        return found or self.definite(head) or self.spoken_for(head)

    def _of_another_state(self, head: Token, found: Side) -> Side:
        """ "The Mexican Senate", "Peru's Congress": a body whose name many states share (a pack may give the bare
        "Senate" to one state's) named with another country's demonym or possessive is that country's, coded as
        its state; `found` unchanged where no body is so named, or its own name holds the country ("US Senate")."""
        bodies = {
            a
            for a in found.actors
            if self.actors[a].kind in {"organization", "institution"}
            and self.actors[a].country in self.patterns.country_names
        }
        if not bodies:
            return found
        words = [
            t
            for c in head.children
            if c.dep_ in {"amod", "compound", "poss", "nmod"} and c.i < head.i
            for t in c.subtree
        ]
        outside = [t for t in words if not self._found_at(t.i, Side(sorted(bodies)))]
        codes = {code for t in outside if (code := self.country_word(t))}
        if len(codes) != 1 or codes & {self.actors[a].country for a in bodies}:
            return found
        renamed = Side()
        for actor in found.actors:
            if actor not in bodies:
                self._add_actor(renamed, actor)
            for state in self.state(next(iter(codes)), unnamed=True) if actor in bodies else []:
                self._add_actor(renamed, state)
        return renamed

    def _found_at(self, token_index: int, side: Side) -> bool:
        """Whether the token at `token_index` is inside a mention of one of `side`'s actors."""
        number = self.mention_at.get(token_index)
        return number is not None and self.mentions[number].actor in side.actors

    def spoken_for(self, head: Token) -> Side:
        """ "Officials of the government", "an envoy for the ministry": people named by their role for a body named
        by a definite description act for that body's referent (`definite`); an empty side otherwise."""
        if head.lemma_.lower() not in self.patterns.cues["person_nouns"]:
            return Side()
        for prep in (c for c in head.children if c.dep_ == "prep" and word(c) in {"of", "for"}):
            for body in (c for c in prep.children if c.dep_ == "pobj"):
                if body.lemma_.lower() in self.patterns.cues["bodies"] and (side := self.definite(body)):
                    return side
        return Side()

    def owner(self, head: Token) -> Side:
        """Whose act a noun is, from a possessive pronoun: "his promise" is the promise of whoever "his" is."""
        owners = [child for child in head.children if child.dep_ == "poss" and is_pronoun(child)]
        return self.pronoun(owners[0], speaker=None) if owners else Side()

    def _add_mention(self, side: Side, number: int) -> None:
        """The mention's actor; an actor without a country takes one from the words of the mention itself
        ("Bosnian Serbs")."""
        mention = self.mentions[number]
        self._add_actor(side, mention.actor)
        if self.actors[mention.actor].country is None:
            words = fold(mention.text).split()
            for size in (3, 2, 1):
                for start in range(len(words) - size + 1):
                    code = self.patterns.countries.get(" ".join(words[start : start + size]))
                    if code:
                        if code not in side.countries:
                            side.countries.append(code)
                        return

    def _add_actor(self, side: Side, actor_id: str) -> None:
        if actor_id not in side.actors:
            side.actors.append(actor_id)
        country = self.actors[actor_id].country
        if country and country not in side.countries:
            side.countries.append(country)

    def _reach(self, head: Token) -> list[tuple[Token, int]]:
        """Tokens of the noun phrase with the cost to reach each from the head (nested clauses excluded)."""
        reached = [(head, 0)]
        stack = [(head, 0)]
        while stack:
            token, cost = stack.pop()
            # "the law curbing agents and the prosecution of X": a co-ordinated noun with its own determiner is a
            # phrase of its own, and X is its party, not the head's (callers read each conjunct on its own)
            own_phrase = token.head.i == head.i and token.dep_ == "conj" and token.pos_ == "NOUN"
            own_phrase = own_phrase and any(c.dep_ == "det" for c in token.children)
            for child in token.children:
                if own_phrase and child.dep_ == "prep":
                    continue
                if child.dep_ in FREE_ARCS or child.dep_ == "pobj":
                    step = 0
                elif child.dep_ == "prep":
                    # "leaders of X" is X; "demonstrators in X" are probably from X; "a crisis with X" is not X
                    step = 0 if word(child) == "of" else 1 if word(child) in ORIGIN_PREPS else MAX_COST
                elif child.dep_ == "poss":
                    step = 1
                else:
                    continue
                if cost + step <= MAX_COST:
                    reached.append((child, cost + step))
                    stack.append((child, cost + step))
        return reached

    def in_credit(self, char: int) -> bool:
        """Whether the character offset `char` lies in a photo credit or the caption before it."""
        return any(start <= char < end for start, end in self.credited)

    def country_word(self, token: Token) -> str | None:
        if token.idx < self.opening or self.in_credit(token.idx):
            return None
        if token.i > 0 and token.nbor(-1).lower_ == "ethnic":
            return None  # "ethnic Albanians in Serbia" are not Albania acting
        if token.i in self.place_at:
            return self.place_at[token.i]
        if not (token.text[:1].isupper() or token.pos_ == "PROPN" or (token.lang_ != "en" and token.pos_ == "ADJ")):
            return None  # English capitalises its demonyms; Spanish writes them in lower case ("chileno")
        doc = token.doc
        for size in (3, 2, 1):
            for start in range(token.i - size + 1, token.i + 1):
                if start < 0 or start + size > len(doc):
                    continue
                code = self.patterns.countries.get(fold(doc[start : start + size].text))
                if code:
                    return code
        return None

    def modifiers(self, head: Token, *, exclude: Token) -> Side:
        """Actors named before a noun inside its phrase: "U.S. sanctions", "a Kenyan peace plan"."""
        found = Side()
        tokens = [
            token
            for child in head.children
            if child.dep_ in {"compound", "amod", "nmod", "nummod"} and child.i < head.i
            for token in child.subtree
            if token.i != exclude.i
        ]
        for token in tokens:
            if token.i in self.mention_at:
                self._add_mention(found, self.mention_at[token.i])
        if not found.countries:
            for token in tokens:
                code = self.country_word(token)
                if code and code not in found.countries:
                    found.countries.append(code)
                    # "the Japanese export curbs": a demonym on the event noun itself names its state as the doer
                    # (not one deeper in the phrase: "Chilean wine tariffs" are not Chile's)
                    if token.head.i == head.i and token.dep_ == "amod":
                        found.actors += [a for a in self.state(code) if a not in found.actors]
        return found

    def without(self, side: Side, others: Side) -> Side:
        """`side` less the actors of `others` (an actor does not act on itself), countries following suit."""
        kept = Side()
        for actor in side.actors:
            # nor does a country act on itself through its own officials ("Argentina's president urged Argentina")
            whole_country = self.actors[actor].kind == "country" and self.actors[actor].country in others.countries
            if actor not in others.actors and not whole_country:
                self._add_actor(kept, actor)
        # a country the target has only through the source's own actors is the source acting on itself
        explained = {self.actors[a].country for a in side.actors} | set(others.countries)
        kept.countries += [c for c in side.countries if c not in explained and c not in kept.countries]
        return kept

    # --- pronouns and "the two presidents" --------------------------------------------------------------

    def pronoun(self, token: Token, *, speaker: Token | None) -> Side:
        """A pronoun's actor: the speaker of the clause ("X said it would"), else the nearest actor before it in
        the sentence, else in the two sentences before, else the first one after it in the sentence. Nobody when
        resolving it comes back to the same pronoun ("their" whose clause subject is "their allies")."""
        if token.i in self.resolving:
            return Side()
        self.resolving.add(token.i)
        try:
            return self._pronoun(token, speaker=speaker)
        finally:
            self.resolving.discard(token.i)

    def _pronoun(self, token: Token, *, speaker: Token | None) -> Side:
        person = word(token) in PERSON_PRONOUNS | FIRST_PERSON
        named = self._name_part(token)
        if named:
            return named  # "the envoy Zhou He will fly in": the last part of a name, not a pronoun
        if speaker is not None and speaker.i != token.i:
            side = self.side(speaker)
            # "Peru's trade minister said he…": a person noun is a person even when only its country is known
            titled = person and speaker.lemma_.lower() in self.patterns.cues["person_nouns"]
            if side and (self._fits(side, person) or titled):
                return side
            if word(token) in FIRST_PLURAL and (state := self._official_state(side)):
                return state  # "'We cannot accept it,' the foreign minister said": the minister's state
        if word(token) in FIRST_PERSON:
            return self._quoted(token)
        if word(token) in {"they", "them", "their", "theirs", "themselves"}:
            # "aides say both neighbours advanced in their talks": "their" is first its own clause's subject
            clause = token.head
            while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
                clause = clause.head
            subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < token.i]
            if subjects and not is_pronoun(subjects[0]) and (side := self.side(subjects[0])):
                return side
        sentence = token.sent
        # "The government defended its decision": a definite subject before the pronoun is its antecedent
        root = sentence.root
        subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < token.i), None)
        if subject is not None and subject.i not in self.mention_at and not is_pronoun(subject):
            side = self.definite(subject)
            if side and not person:
                return side
            if not person and subject.lemma_.lower() in self.patterns.cues["bodies"]:
                return Side()  # "The government defended its plan ..., amid Lima's anger": "its" is no later name
        window_start = sentence.start
        for _ in range(2):
            if window_start > 0:
                window_start = self.doc[window_start - 1].sent.start
        before = self.mentioned[bisect_left(self.mentioned, window_start) : bisect_left(self.mentioned, token.i)]
        after = self.mentioned[bisect_right(self.mentioned, token.i) : bisect_left(self.mentioned, sentence.end)]
        # "he signed the pact along with X": a subject pronoun never stands for a name later in its own clause
        after = [i for i in after if not self._in_clause_of(i, token)]
        # antecedents are mostly subjects: "Mexico lost ground ... when it agreed" is Mexico, not a name in between
        # "it pushed Quito into …, and it passed a law": nor is a name the same pronoun acts on its antecedent
        in_sentence = sorted(
            (i for i in before if i >= sentence.start and not self._acted_on_by(i, token)),
            key=lambda i: (not self._subject(i), -i),
        )
        # "An agency cited its envoy as urging talks with Peru. It added …": a subject before, as in the sentence
        earlier = sorted((i for i in before if i < sentence.start), key=lambda i: (not self._subject(i, main=True), -i))
        plural = word(token) in {"they", "them", "their", "theirs", "themselves"}
        # "it" is never a group named in the plural ("shops … then it apologised": not the shops)
        singular = word(token) in {"it", "its", "itself"}
        # "they" may also be people named as a group ("Bosnian Serbs said their forces...")
        for strict in (True, False) if plural else (True,):
            for i in [*in_sentence, *earlier, *after]:
                actor = self.actors[self.mentions[self.mention_at[i]].actor]
                if singular and actor.kind == "group" and self.doc[i].tag_ == "NNS":
                    continue
                if ((actor.kind == "person") == person or not strict) and not self._is_place_like(i):
                    found = Side()
                    self._add_mention(found, self.mention_at[i])
                    return found
        return Side()

    def _name_part(self, token: Token) -> Side:
        """The person whose name a capitalised pronoun ends, when it follows a person's mention with no punctuation
        between ("Vice Premier Wang He said", "Li He arrived": a given name that is also an English pronoun, which
        the sentence splitter may even cut off); an empty side otherwise."""
        before = token.i - 1
        if not token.text[:1].isupper() or before < 0 or before not in self.mention_at:
            return Side()
        if self.doc[before].idx + len(self.doc[before]) < token.idx - 1:
            return Side()  # more than one space between: a new line or sentence, not one name
        found = Side()
        actor = self.mentions[self.mention_at[before]].actor
        if self.actors[actor].kind == "person":
            self._add_mention(found, self.mention_at[before])
        return found

    def _official_state(self, side: Side) -> Side:
        """The state of a side that is one person of government or parliament (PLOVER sectors GOV, LEG), whose "we"
        is that state; an empty side for anyone else (a firm's chief, an activist: their "we" is not a state)."""
        people = [self.actors[a] for a in side.actors]
        if len(people) != 1 or people[0].kind != "person" or people[0].sector not in {"GOV", "LEG"}:
            return Side()
        country = people[0].country
        return Side(self.state(country, unnamed=True), [country]) if country else Side()

    def _quoted(self, token: Token) -> Side:
        """Who "I" is: the person a verb of saying in the sentence has as subject ("'I will go,' Lee said")."""
        for verb in token.sent:
            if verb.lemma_.lower() in self.patterns.cues["reporting"] and verb.pos_ in {"VERB", "AUX"}:
                for subject in (c for c in verb.children if c.dep_ == "nsubj" and c.i != token.i):
                    if not is_pronoun(subject):
                        side = self.side(subject)
                        if side and self._fits(side, True):
                            return side
        return Side()

    def _acted_on_by(self, token_index: int, pronoun: Token) -> bool:
        """Whether the mention at `token_index` is the object of a verb whose subject is the same pronoun as
        `pronoun` ("it" … "it"): a party the pronoun acts on is not what the pronoun stands for."""
        token = self.doc[token_index]
        while token.dep_ in {"compound", "amod", "appos", "conj"} and token.head.i != token.i:
            token = token.head
        if token.dep_ == "pobj" and token.head.dep_ == "prep":
            token = token.head  # "it asked Chile for aid", "it turned to Chile": through the preposition
        if token.dep_ not in {"dobj", "dative", "prep"}:
            return False
        verb = token.head
        return any(c.dep_ == "nsubj" and c.lower_ == pronoun.lower_ for c in verb.children)

    def _in_clause_of(self, token_index: int, pronoun: Token) -> bool:
        """Whether the token at `token_index` stands in the clause whose subject is `pronoun` (below its verb and
        no other verb)."""
        if pronoun.dep_ not in {"nsubj", "nsubjpass"}:
            return False
        token = self.doc[token_index]
        while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:
            token = token.head
        return bool(token.i == pronoun.head.i)

    def _subject(self, token_index: int, *, main: bool = False) -> bool:
        """Whether the mention at `token_index` is a subject; with `main`, of its sentence's main verb (or a verb
        co-ordinated with it), not of a clause below ("X demanded the US vacate the order": X, not the US)."""
        token = self.doc[token_index]
        while token.dep_ in {"compound", "amod", "appos", "conj"} and token.head.i != token.i:
            token = token.head
        if not main or token.dep_ not in {"nsubj", "nsubjpass"}:
            return token.dep_ in {"nsubj", "nsubjpass"}
        verb = token.head
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        return bool(verb.i == verb.sent.root.i)

    def _fits(self, side: Side, person: bool) -> bool:
        kinds = {self.actors[a].kind for a in side.actors}
        if not kinds:
            return not person  # a country without a named actor ("Afghan rebels") is never "he"
        return ("person" in kinds) == person

    def _is_place_like(self, token_index: int) -> bool:
        token = self.doc[token_index]
        return word(token.head) in {"in", "at", "from", "near", "inside", "across"} and token.dep_ == "pobj"

    def definite(self, head: Token) -> Side:
        """ "the government", "the ministry", "the president": a definite description naming no actor refers
        to one named before it in the document, subjects of the last three sentences first, then the nearest.
        A body ("the government") takes that actor's country only; a person noun takes the person. A body with
        no state named before it is the state of the dateline's country, else of the agency on a byline line."""
        if head.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return Side()
        lemma = head.lemma_.lower()
        if head.tag_ == "NNS" and lemma not in self.patterns.cues["collective_bodies"]:
            return Side()  # "the countries", "the governments": two parties (`pair`), never the last one alone
        person = lemma in self.patterns.cues["person_nouns"]
        if not person and lemma not in self.patterns.cues["bodies"]:
            return Side()
        missions = self.patterns.cues["missions"]
        if not person and lemma not in missions and (code := self._where_acting(head)) is not None:
            return Side(self.state(code, unnamed=True), [code])  # "In Lagos, the police detained …": Nigeria's
        window = head.sent.start
        for _ in range(3):
            if window > 0:
                window = self.doc[window - 1].sent.start
        earlier = self.mentioned[: bisect_left(self.mentioned, head.i)]
        recent = [i for i in reversed(earlier) if i >= window and self._subject(i)]
        for i in [*recent, *reversed(earlier)]:
            actor = self.actors[self.mentions[self.mention_at[i]].actor]
            if actor.country is None or (actor.kind == "person") != person:
                continue
            if not person and (actor.kind not in STATE_KINDS or actor.sector == "MED"):
                continue  # an outlet that reports is no government's antecedent
            if person:
                return Side([actor.id], [actor.country])
            if self._with_another_state(i, actor.country):
                return Side()  # "Peru and Chile met. The security forces …": whose is not said
            # "the Trade Ministry warned … the ministry added": the body named before; else its country's state
            own = actor.kind != "country" and lemma in fold(" ".join([actor.name, *actor.aliases])).split()
            return Side([actor.id] if own else self.state(actor.country, unnamed=True), [actor.country])
        home = self.filed_in or self.home
        # an agency's home only where no place is named before ("Anadolu\n\nATHENS — The government …")
        if not self.filed_in and self.first_place is not None and self.first_place < head.idx:
            home = None
        if not person and home is not None:
            # "BEIJING — The government said …" with no state named before: the dateline never acts, but a body
            # named by its role alone in a report filed from a country (or by its national agency) is its own
            return Side(self.state(home, unnamed=True), [home])
        return Side()

    def _where_acting(self, head: Token) -> str | None:
        """The country of the place "in" which the verb a body is the subject of acts ("In Lagos, the police
        detained …", "the army captured him in Cusco"), or None."""
        if head.dep_ not in {"nsubj", "nsubjpass"}:
            return None
        for prep in (c for c in head.head.children if c.dep_ == "prep" and word(c) == "in"):
            for place in (c for c in prep.children if c.dep_ == "pobj"):
                if (code := self.country_word(place)) is not None:
                    return code
        return None

    def _with_another_state(self, token_index: int, country: str) -> bool:
        """Whether the mention at `token_index` is co-ordinated with a mention of another country's actor ("Peru
        and Chile"): a body named after such a pair could be either's."""
        for part in self.doc[token_index].conjuncts:
            other = self.mention_at.get(part.i)
            if other is not None and self.actors[self.mentions[other].actor].country not in {None, country}:
                return True
        return False

    def both_before(self, token: Token) -> Side:
        """ "during their talks", "at their summit": the last two actors of different countries named before
        `token` in its sentence (an empty side when fewer than two are)."""
        start = token.sent.start
        found = Side()
        for i in reversed(self.mentioned[bisect_left(self.mentioned, start) : bisect_left(self.mentioned, token.i)]):
            actor = self.mentions[self.mention_at[i]].actor
            if actor not in found.actors and self.actors[actor].country not in found.countries:
                self._add_actor(found, actor)
                if len(found.actors) == 2:
                    return found
        return Side()

    def state(self, code: str, *, unnamed: bool = False) -> list[str]:
        """The document's actor for the state `code` ("the government", a capital acting), if it names one. With
        `unnamed` (the caller read the state off the phrase itself or off the antecedent of a definite
        description: "Peruvian officials", "officials in Lima", "a Peruvian ministry spokesman told reporters the
        government …"), a state the text names only by a demonym, a place or a body of it is the country actor,
        added to the document's actors. An empty list for a code the countries pack does not name (a UN body)."""
        actor = self.named.get(code)
        if actor is None and unnamed and code in self.patterns.country_names:
            actor = self.made.get(code) or country_actor(Country(code, self.patterns.country_names[code]))
            self.made[code] = actor
        return [code] if actor is not None and actor.kind == "country" else []

    def pair(self, head: Token) -> Side:
        """ "The two presidents", "both countries", "both" alone, "the leaders": the last two distinct actors of
        different countries named before the phrase (people for a person noun, states or their bodies otherwise;
        "both" alone: of the kind of the last one named)."""
        words = {child.lower_ for child in head.children}
        alone = head.lower_ in self.patterns.cues["pair_words"] and head.pos_ in {"PRON", "DET", "NUM"}
        lemma = head.lemma_.lower()
        # "the leaders agreed", "the governments met": a plural definite description of people or states
        roles = self.patterns.cues["party_roles"]
        plural = (
            head.tag_ == "NNS"
            and "the" in words
            and lemma in {*self.patterns.cues["person_nouns"], *self.patterns.cues["bodies"], *roles}
            and lemma not in self.patterns.cues["collective_bodies"]
        )
        # "Delegations also exchanged views": a bare plural role, with no determiner nor "from X" of its own
        bare = (
            head.tag_ == "NNS" and lemma in roles and not any(c.dep_ in {"det", "prep", "poss"} for c in head.children)
        )
        plural = plural or bare
        if not (alone or plural or words & self.patterns.cues["pair_words"]):
            return Side()
        person = lemma in self.patterns.cues["person_nouns"]
        return self._pair_again(head, person=person) or self.last_two(head, person=person, alone=alone)

    def _pair_again(self, head: Token, *, person: bool) -> Side:
        """The pair an earlier "both"/"two" phrase of the same noun in this or the two sentences before stood for
        ("Both leaders flew to Suva for a forum with Y. The two leaders …": the same two, not Y), unless two actors
        of different countries outside that pair are named between the phrases (a new pair to refer to)."""
        window = head.sent.start
        for _ in range(2):
            if window > 0:
                window = self.doc[window - 1].sent.start
        pair_words = self.patterns.cues["pair_words"]
        for i in range(head.i - 1, window - 1, -1):
            earlier = self.doc[i]
            paired = any(c.lower_ in pair_words for c in earlier.children)
            if earlier.lemma_.lower() != head.lemma_.lower() or not paired:
                continue
            pair = self.pair(earlier)
            between = self.mentioned[bisect_right(self.mentioned, i) : bisect_left(self.mentioned, head.i)]
            new = [self.actors[self.mentions[self.mention_at[k]].actor] for k in between]
            others = {a.country for a in new if a.id not in pair.actors and (a.kind == "person") == person}
            return pair if len(pair.actors) == 2 and len(others - {None}) < 2 else Side()
        return Side()

    def last_two(self, head: Token, *, person: bool, alone: bool) -> Side:
        """The last two distinct actors of different countries named before `head` (people when `person`; with
        `alone`, of the kind of the last one named), or an empty side. Two people are the last two named with a
        leader's title where two are ("…, both leaders will sign, a foreign minister added": not the minister)."""
        if person or alone:
            leaders = self._last_two(head, person=person, alone=alone, among=self.leaders)
            if leaders and all(self.actors[a].kind == "person" for a in leaders.actors):
                return leaders
        return self._last_two(head, person=person, alone=alone, among=None)

    def _last_two(self, head: Token, *, person: bool, alone: bool, among: set[str] | None) -> Side:
        want_person = person
        found = Side()
        asker = addresser(head)
        for i in reversed(self.mentioned[: bisect_left(self.mentioned, head.i)]):
            if i in asker:
                continue  # "Brazil urged both sides to …": whoever addresses a pair is not in it
            actor = self.actors[self.mentions[self.mention_at[i]].actor]
            if alone and not found:
                want_person = actor.kind == "person"
            if among is not None and not want_person:
                return Side()  # "the two" after two states: the states, not two leaders named earlier
            if among is not None and actor.id not in among:
                continue
            # "both governments" are states or their bodies, not the migrants named in between; a head of
            # government or minister named for the state ("X met Y … the two governments") stands for it
            leader = actor.kind == "person" and actor.sector in {"GOV", "LEG", "ELI"}
            # "both" alone, "the talks" told before: people who act for a state, not the smuggler named between
            one_of_them = actor.kind == "person" and (leader or not alone)
            fits = one_of_them if want_person else actor.kind in STATE_KINDS or leader
            # the two parties of a joint act stand for two countries: not a minister and his own ministry
            other = actor.country is not None and actor.country not in found.countries
            other = other and (want_person or actor.country not in NON_STATE)  # a UN body is no government
            if fits and other and actor.id not in found.actors and actor.country is not None:
                # a leader standing for "the two governments" is coded as the state where the document names it
                stands_for = self.state(actor.country) if leader and not want_person else []
                self._add_actor(found, stands_for[0] if stands_for else actor.id)
                if len(found.actors) == 2:
                    return found
        return Side()


def addresser(head: Token) -> set[int]:
    """The tokens of the subject of the verb whose object (or "on"/"to" object) a phrase is ("Brazil urged both
    sides", "Sudan called on both countries"): who speaks to a pair is not one of it. Empty for a subject."""
    verb = head.head if head.dep_ in {"dobj", "dative"} else None
    if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.lower_ in {"on", "to", "upon"}:
        verb = head.head.head
    if verb is None or verb.pos_ not in {"VERB", "AUX"}:
        return set()
    return {t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}
