"""Actor resolution: every mention of a person, organisation, country, group or institution in a document
becomes a mention of one canonical actor with a country and a PLOVER sector.

Sources of mentions, in priority order: knowledge-pack aliases (names, acronyms, programmes); collective
phrases built from a country or demonym and a body noun ("the Mexican government", "U.S. corporations");
spaCy's named entities (people, organisations, countries and capitals); and group nouns ("migrants").
People named by surname, by a misspelling or without accents join the full name seen earlier; acronyms
defined in the text ("Jalisco New Generation Cartel (CJNG)") join their long form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any

from rapidfuzz import fuzz

from bilateral.annotate.knowledge import ActorKnowledge, Country, case_sensitive, exact_key, fold, org_key, slug
from bilateral.annotate.misread_names import (
    capital_as_person,
    described_as_person,
    person_as_place_or_body,
    split_pairs,
    untagged_people,
    world_person_role,
)
from bilateral.annotate.nlp import text_of
from bilateral.annotate.spans import JOINERS, LOCATIVE, absorbed_place, common_noun, datelines, fit, part_of_title
from bilateral.model import Actor, Mention, Place

Doc = Any
Span = Any
# Words before a known place that make it the place, not the country acting: "in Mexico", "from Sonora".
PLACE_BEFORE = LOCATIVE | {"from", "to", "into", "outside", "toward", "towards", "through", "via", "south", "north",
                           "of", "between", "along", "over"}  # fmt: skip
NOT_NAMES = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "his", "its", "their",
             "this", "that", "these", "those", "who", "which", "one", "today", "yesterday"}  # fmt: skip
DESCRIPTORS = {"federal", "state", "national", "local", "central", "former", "new", "current", "top", "senior",
               "private", "state-owned", "public", "military", "foreign", "own", "regional"}  # fmt: skip
# "Central American", "Latin American": a region, not the country the demonym alone would name
REGION_WORDS = {"central", "latin", "south", "north", "pan", "anglo", "native", "african", "asian", "american"}
# What a leader heads: "Enrique Peña Nieto's government" names a person, whatever spaCy labels the name.
LED = {"government", "administration", "presidency", "cabinet", "regime"}
SEPARATORS = {"and", "or", ","}
# Last words of a facility's name that make it a place whatever organisation word it holds.
BUILDINGS = {"airport", "hotel", "stadium", "bridge", "palace", "tower", "towers", "building", "hall", "center",
             "centre", "plaza", "square", "station", "port", "base", "hospital", "museum", "park",
             "prison"}  # fmt: skip
# Words for an area after a name that make the name a place: "the X area", "X district".
AREAS = {"area", "district", "province", "county", "prefecture", "region", "neighbourhood", "neighborhood", "ward"}
# Verbs of going whose object is where one goes, not whom one acts on: "left Buenos Aires", "visited Seoul".
MOTION = {"leave", "visit", "reach", "arrive", "enter", "fly", "tour", "return", "depart"}
# Head nouns of what actors sign or draw up: "… Information Agreement", "the Entity List".
AGREEMENTS = {"agreement", "treaty", "pact", "accord", "accords", "deal", "protocol", "convention", "list"}
# Head nouns of a state's named bodies: "Foreign Ministry", "Supreme Court", "National Security Council".
INSTITUTIONS = {
    "ministry",
    "department",
    "court",
    "office",
    "council",
    "agency",
    "commission",
    "parliament",
    "cabinet",
    "bureau",
    "secretariat",
    "assembly",
    "diet",
    "congress",
    "senate",
    "tribunal",
}
# Verbs whose object is an agreement, whatever its name: "signed the XYZA", "ratified the Lomar Accord".
SIGNED = {"sign", "ratify", "renew", "countersign"}
SPATIAL = {"in", "into", "inside", "across", "throughout", "within"}
NOT_ACTORS = re.compile(r"^(?:hurricane|tropical storm|storm|operation|covid|coronavirus)\b|\d", re.IGNORECASE)


@dataclass
class Resolution:
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    taken: list[tuple[int, int]] = field(default_factory=list)  # token ranges already used (only appended to)
    _tokens: set[int] = field(default_factory=set)  # the tokens of `taken`, so a check costs the span, not the text
    _indexed: int = 0
    published: str | None = None  # the document's date (YYYY-MM-DD), for the roles world actors held then
    # a country's named bodies ("China's Commerce Ministry"), by institution_key, for their bare mentions
    institutions: dict[str, Actor] = field(default_factory=dict)
    filed_from: str | None = None  # the country of the document's dateline ("SEOUL, May 2 (Agency) -")

    def body_at(self, start: int, end: int) -> str | None:
        """The country of the body (not a person) mentioned over these characters, if it has one."""
        for mention in self.mentions:
            actor = self.actors[mention.actor]
            if mention.start <= start and end <= mention.end and actor.kind != "person" and actor.country:
                return actor.country if actor.country not in {"IGO", "NGO"} else None
        return None

    def free(self, start: int, end: int) -> bool:
        if start >= end:  # an empty range is taken when it falls strictly inside a taken one
            return all(end <= a or start >= b for a, b in self.taken)
        for a, b in self.taken[self._indexed :]:
            self._tokens.update(range(a, b))
        self._indexed = len(self.taken)
        return not any(token in self._tokens for token in range(start, end))

    def add(self, actor: Actor, span: Span) -> None:
        known = self.actors.setdefault(actor.id, actor)
        if span.text not in known.aliases:
            known.aliases.append(span.text)
        self.mentions.append(Mention(actor.id, span.text, span.start_char, span.end_char))
        self.taken.append((span.start, span.end))


def country_actor(country: Country) -> Actor:
    return Actor(country.code, country.name, "country", country.code, "GOV", [])


def collective(country: Country | None, sector: str, noun: str) -> Actor:
    if country is None:
        return Actor(slug(noun), noun[:1].upper() + noun[1:], "group", None, sector, [])
    label = {"GOV": "government", "MIL": "military", "COP": "police", "LEG": "legislature", "JUD": "judiciary",
             "BUS": "business", "CVL": "civilians", "MED": "media", "CRM": "criminal groups", "REF": "migrants",
             "PTY": "parties", "NGO": "civil society"}.get(sector, sector.lower())  # fmt: skip
    kind = "group" if sector in {"CVL", "REF", "BUS", "CRM", "MED", "NGO"} else "institution"
    return Actor(f"{country.code}-{sector}", f"{country.name} ({label})", kind, country.code, sector, [])


def country_of(text: str, knowledge: ActorKnowledge) -> Country | None:
    name = text[4:] if text[:4].lower() == "the " else text
    if not name[:1].isupper():
        return None  # a country, capital or place is a proper name: "turkey", "chile" and "us" are not
    if case_sensitive(text) and (country := knowledge.countries_exact.get(exact_key(text))):
        return country  # "US", "U.S.", "UK": only in capitals, so that the pronoun "us" names nobody
    key = fold(text)
    return knowledge.countries.get(key) or knowledge.capitals.get(key) or knowledge.places.get(key)


def _shouted(span: Span) -> bool:
    """Whether the span sits among capital-letter words ("LET US PRAY"), where case tells nothing."""
    doc, sentence = span.doc, span.sent
    window = doc[max(sentence.start, span.start - 3) : min(sentence.end, span.end + 3)]
    near = [t for t in window if t.is_alpha and not span.start <= t.i < span.end]
    return len(near) >= 2 and all(t.is_upper for t in near)


def _country_in(words: list[str], knowledge: ActorKnowledge, *, last: bool = False) -> Country | None:
    """The first (or, with `last`, the last) country, demonym or known place named by consecutive words, longest
    first, not counting a region's ("America" in "Central America")."""
    for size in (3, 2, 1):
        starts = range(len(words) - size + 1)
        for i in reversed(starts) if last else starts:
            found = country_of(" ".join(words[i : i + size]), knowledge)
            if found and not (i > 0 and words[i - 1].lower() in REGION_WORDS):
                return found
    return None


def _edge_ok(span: Span) -> bool:
    """A mention starts and ends on a word: no leading article, hyphen or punctuation ("the", "-immigrant")."""
    first, last = span[0], span[-1]
    if first.is_punct or first.is_space or last.is_punct or last.is_space or first.lower_ in {"the", "a", "an"}:
        return False
    return not (first.i > 0 and _glued_hyphen(first.doc[first.i - 1]))


def _glued_hyphen(token: Any) -> bool:
    """A hyphen written against the next word ("-immigrant"): what follows it is half of a compound."""
    return bool(token.text == "-" and not token.whitespace_)


def _may_start(token: Any, knowledge: ActorKnowledge) -> bool:
    key = (token.orth, token.lemma)  # what the answer depends on, as two string hashes: read once per word form
    known = knowledge.may_start.get(key)
    if known is None:
        # the first folded word: "U.S.-Mexico" (one token) starts "U.S.-Mexico-Canada Agreement"
        first = fold(token.text).split(" ", 1)[0]
        known = knowledge.may_start[key] = first in knowledge.starts or fold(token.lemma_) in knowledge.starts
    return known


def _phrase_at(doc: Doc, index: int, table: dict[str, str], longest: int = 4) -> tuple[int, str] | None:
    """(end token, sector) of the longest table phrase starting at token index (plural/lemma forms allowed)."""
    if not _edge_ok(doc[index : index + 1]):
        return None
    for size in range(longest, 0, -1):
        if index + size > len(doc):
            continue
        words = doc[index : index + size]
        if not _edge_ok(words):
            continue
        for key in (fold(words.text), fold(" ".join(t.lemma_ for t in words))):
            if key in table:
                return index + size, table[key]
    return None


def _pack_matches(doc: Doc, knowledge: ActorKnowledge, result: Resolution) -> None:
    """Longest knowledge-pack aliases first; case-sensitive for short capitals (ICE is not ice)."""
    found = []
    qualified = _qualified_bodies(doc, knowledge)
    defined = _acronyms(doc)
    # what `_edge_ok` and `Span.text` read, taken once per token: the loop below tries up to 8 spans per start
    tokens = list(doc)
    text = text_of(doc)
    ends = [token.idx + len(token) for token in tokens]
    edge = [not (token.is_punct or token.is_space) for token in tokens]
    opens = [
        edge[i] and token.lower_ not in {"the", "a", "an"} and not (i > 0 and _glued_hyphen(tokens[i - 1]))
        for i, token in enumerate(tokens)
    ]
    for start in range(len(doc)):
        if not opens[start] or not _may_start(tokens[start], knowledge):
            continue  # no span starting here passes `_edge_ok`, or no pack alias starts with this word
        for size in range(min(8, len(doc) - start), 0, -1):
            if not edge[start + size - 1]:
                continue
            span_text = text[tokens[start].idx : ends[start + size - 1]]  # == doc[start : start + size].text
            actor_id = knowledge.exact.get(span_text) if case_sensitive(span_text) else None
            if actor_id and fold(span_text) in NOT_NAMES and _shouted(doc[start : start + size]):
                actor_id = None  # "WHO IS TO BLAME": in a line of capitals, "WHO" may be the pronoun
            if actor_id and span_text in defined and knowledge.scopes.get(actor_id):
                long_form = fit(defined[span_text]) or defined[span_text]
                same = knowledge.aliases.get(fold(long_form.text)) == actor_id
                # "(NSC)" is what the text defines: the pack's body only where its long form would be
                actor_id = actor_id if same and _in_scope(long_form, actor_id, knowledge, qualified) else None
            if actor_id is None and not span_text.isupper() and (size > 1 or tokens[start].text[:1].isupper()):
                actor_id = knowledge.aliases.get(fold(span_text))
            joined = (
                start + size + 1 < len(doc) and tokens[start + size].text == "&" and tokens[start + size + 1].is_title
            )
            if actor_id and not joined:  # "X Steel & Y Metal" is a longer name than the pack's "X Steel"
                found.append((start, start + size, actor_id))
                break
    for start, end, actor_id in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if result.free(start, end) and _in_scope(doc[start:end], actor_id, knowledge, qualified):
            pack = knowledge.actors[actor_id]
            result.add(Actor(pack.id, pack.name, pack.kind, pack.country, pack.sector, [pack.name]), doc[start:end])


def _in_scope(span: Span, actor_id: str, knowledge: ActorKnowledge, qualified: dict[str, str]) -> bool:
    """Whether a dyad pack's organisation applies here: always where its alias names a country ("US Congress");
    a bare alias ("Congress", "Foreign Ministry") only where the sentence names no country outside the pack's
    dyad ("China's foreign ministry", "the Japanese Diet" are other countries' bodies)."""
    scope = knowledge.scopes.get(actor_id)
    if not scope or not all(word in knowledge.generic for word in fold(span.text).replace(",", " ").split()):
        return True  # a person, an acronym or a proper name ("White House") is the pack's own
    if _country_in(span.text.split(), knowledge):
        return True
    if not scope & _main_countries(span.doc, knowledge):
        return False  # a document mostly about other countries
    elsewhere = qualified.get(institution_key(span.text))
    if elsewhere is not None and elsewhere not in scope:
        return False  # "the Foreign Ministry" after "China's Foreign Ministry"
    return not (_sentence_countries(span.sent, knowledge) - scope)


def _qualified_bodies(doc: Doc, knowledge: ActorKnowledge) -> dict[str, str]:
    """institution_key -> country code of each body the document names with its country ("China's Commerce
    Ministry", "the Japanese Diet"), read before any alias is matched."""
    found: dict[str, str] = {}
    for i in range(len(doc)):
        if not doc[i].text[:1].isupper() or (country := country_of(doc[i].text, knowledge)) is None:
            continue
        j = i + 1 + (i + 1 < len(doc) and doc[i + 1].tag_ == "POS")
        body = _body_after(doc, j, knowledge)
        if body is not None:
            words = [t for t in doc[j : body[0]] if t.lower_ not in {"former", "new", "current", "the"}]
            if words and words[-1].lemma_.lower() in INSTITUTIONS:
                found.setdefault(institution_key(" ".join(t.text for t in words)), country.code)
    return found


def _sentence_countries(sentence: Span, knowledge: ActorKnowledge) -> set[str]:
    """Codes of the countries a sentence names by name, demonym or seat of government."""
    return set(_named_countries(sentence, knowledge))


def _named_countries(span: Span, knowledge: ActorKnowledge) -> list[str]:
    """The country code of each name, demonym or seat of government in a span, in order, repeats kept."""
    found = []
    for token in span:
        if token.text[:1].isupper() and (country := country_of(token.text, knowledge)):
            found.append(country.code)
    for ent in span.ents:
        country = country_of(ent.text.removeprefix("the "), knowledge) if len(ent) > 1 else None
        if country and ent.label_ in {"GPE", "NORP"}:
            found.append(country.code)
    return found


def _main_countries(doc: Doc, knowledge: ActorKnowledge) -> set[str]:
    """The two countries a document names most often (ties broken by first mention)."""
    named = _named_countries(doc[:], knowledge)
    counts: dict[str, int] = {}
    for code in named:
        counts[code] = counts.get(code, 0) + 1
    return set(sorted(counts, key=lambda code: (-counts[code], named.index(code)))[:2])


def _collectives(doc: Doc, knowledge: ActorKnowledge, result: Resolution) -> None:
    """Country or demonym followed by a body noun: "the Mexican government", "U.S. corporations", and each
    country coordinated with it ("U.S. and Mexican officials")."""
    after_place = 0
    for i in range(len(doc)):
        if i < after_place or not _may_start(doc[i], knowledge):
            continue
        if doc[i].ent_iob_ == "I" and not country_of(doc[i - 1].text, knowledge):
            continue  # "Jersey" in "New Jersey", "Mexico" in "Bank of Mexico": part of a longer name
        for size in (3, 2, 1):
            if i + size > len(doc):
                continue
            if not _edge_ok(doc[i : i + size]):
                continue
            country = country_of(doc[i : i + size].text, knowledge)
            if country is None:
                continue
            if knowledge.places.get(fold(doc[i : i + size].text)):
                after_place = i + size  # "New Mexico officials" are not Mexico's
                break
            if i > 0 and doc[i - 1].lower_ in REGION_WORDS:
                break
            j = i + size
            if j < len(doc) and doc[j].text in ("'s", "’s"):
                j += 1
            body = _body_after(doc, j, knowledge)
            if body and body[2] and _spatial_before(doc, i):
                break  # "crossing into northern border states": a place, not a body
            if body and result.free(i, body[0]):
                end, sector, _ = body
                named = _institution(doc, i, j, end, country, sector, result)
                if named is not None and result.free(i, named[1]):
                    result.add(named[0], doc[i : named[1]])
                    break
                result.add(collective(country, sector, doc[j:end].text), doc[i:end])
                _coordinated(doc, i, sector, doc[j:end].text, knowledge, result)
            break


def _collectives_body_first(doc: Doc, knowledge: ActorKnowledge, result: Resolution) -> None:
    """A body noun followed by its country, as Spanish writes it: a demonym ("el gobierno mexicano", "la policía
    chilena"; demonyms are written in lower case) or "de" and a country's name ("el ejército de Colombia")."""
    for i in range(len(doc)):
        body = _phrase_at(doc, i, knowledge.bodies) if result.free(i, i + 1) else None
        if body is None:
            continue
        end, sector = body
        j = end + 1 if end < len(doc) and doc[end].lower_ in OF_WORDS else end
        j += 1 if j > end and j < len(doc) and doc[j].lower_ in ARTICLES else 0
        for size in (3, 2, 1):
            words = doc[j : j + size]
            if j + size > len(doc) or not _edge_ok(words) or not result.free(i, j + size):
                continue
            country = country_of(words.text, knowledge) if j > end else None
            if j == end:  # right after the noun: a lower-case demonym only
                country = knowledge.countries.get(fold(words.text)) if words.text.islower() else None
            if country is not None:
                result.add(collective(country, sector, doc[i:end].text), doc[i : j + size])
                break


OF_WORDS = {"de", "del"}  # "el gobierno de México", "el ejército del país"
ARTICLES = {"el", "la", "los", "las"}  # "la marina de los Países Bajos"


def institution_key(name: str) -> str:
    """The folded name of a body without its country's words, "of" turned round: "Ministry of Commerce",
    "commerce ministry" -> "commerce ministry"; "Ministry of Foreign Affairs" -> "foreign ministry"."""
    words = [w for w in re.sub(r"[^\w' ]", " ", fold(name)).split() if w not in {"affairs", "the"}]
    if words[:1] == ["top"]:
        words[0] = "supreme"  # "the top court"
    if len(words) > 2 and words[0] in INSTITUTIONS and words[1] == "of":
        words = [*words[2:], words[0]]
    return " ".join(words)


def _unqualified(name: str, knowledge: ActorKnowledge) -> str:
    """institution_key of a body's name without the country words in front ("Chinese commerce ministry",
    "China's Commerce Ministry" -> "commerce ministry")."""
    words = name.split()
    if words[:1] and words[0].lower() == "the":
        words = words[1:]
    for size in (3, 2, 1):
        if len(words) > size and country_of(re.sub(r"['’]s$", "", " ".join(words[:size])), knowledge):
            words = words[size:]
            break
    return institution_key(" ".join(words))


def _institution(
    doc: Doc, i: int, j: int, end: int, country: Country, sector: str, result: Resolution
) -> tuple[Actor, int] | None:
    """A country's named body and where its name ends ("the Chinese Foreign Ministry", "South Korea's Supreme
    Court", "Japan's Ministry of Defense"): a body noun of the state with words that name which one, carried on
    over the rest of the organisation's name; None for a collective ("officials", "the government")."""
    if doc[end - 1].ent_type_ == "ORG":
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1  # "Ministry" + "of Economy, Trade and Industry"
    words = doc[j:end]
    while j > i and doc[j - 1].lower_ in DESCRIPTORS and doc[j - 1].lower_ not in {"former", "new", "current"}:
        j -= 1  # "foreign", "national" are part of the body's name
        words = doc[j:end]
    head = next((w for w in words if w.lemma_.lower() in INSTITUTIONS and w.tag_ != "NNS"), None)
    if len(words) < 2 or head is None or words[-1].lemma_.lower() in {"official", "officials"}:
        return None
    key = institution_key(words.text)
    actor_id = f"{country.code}-{slug(key)}"
    known = result.institutions.get(key)
    if known is not None and known.country == country.code:
        return known, end
    demonym = doc[i:j].text
    demonym = demonym if not demonym.endswith(("'s", "’s")) else demonym[:-2].strip() + "'s"
    title = "".join((w.text if w.lower_ in JOINERS else w.text[:1].upper() + w.text[1:]) + w.whitespace_ for w in words)
    name = f"{demonym} {title.strip()}"
    actor = Actor(actor_id, name, "organization", country.code, sector, [])
    result.institutions.setdefault(key, actor)
    return actor, end


def _body_after(doc: Doc, j: int, knowledge: ActorKnowledge) -> tuple[int, str, bool] | None:
    """(end, sector, whether noun modifiers came first) of the body noun at token j or after the descriptors and
    noun modifiers between a demonym and it: "Mexican [federal] troops", "Bangladeshi [peacekeeping] troops",
    "US [steel] companies"; the longest body phrase wins where one starts ("Mexican security forces")."""
    modifiers = 0
    while j < len(doc):
        body = _phrase_at(doc, j, knowledge.bodies)
        if body and doc[body[0] - 1].pos_ in {"VERB", "AUX"}:
            return None  # "Kenya pressed Uganda": a body noun is a noun, never the verb spelt like it
        if body and body[0] < len(doc) and country_of(doc[body[0]].text, knowledge):
            return None  # "Peru forces Chile to …" tagged as a noun: a country's name never follows a body noun
        if body:
            return body[0], body[1], modifiers > 0
        if doc[j].lower_ in DESCRIPTORS:
            j += 1
        elif modifiers < 2 and doc[j].pos_ in {"ADJ", "NOUN", "PROPN"} and doc[j].dep_ in {"amod", "compound"}:
            j, modifiers = j + 1, modifiers + 1
        else:
            break
    return None


def _spatial_before(doc: Doc, i: int) -> bool:
    before = i - 1
    if before > 0 and doc[before].lower_ == "the":
        before -= 1
    return before >= 0 and doc[before].lower_ in SPATIAL


def _coordinated(doc: Doc, start: int, sector: str, noun: str, knowledge: ActorKnowledge, result: Resolution) -> None:
    """The countries listed before a collective share its body: "U.S., Canadian and Mexican officials"."""
    last_member = True
    while start > 1 and doc[start - 1].lower_ in SEPARATORS:
        if last_member and doc[start - 1].lower_ not in {"and", "or"}:
            return  # "in Tokyo, Japanese diplomats": a list ends on "and"/"or" before its last member
        last_member = False
        end = start - 1
        if end > 1 and doc[end - 1].text == "," and doc[end].lower_ in {"and", "or"}:
            end -= 1  # the serial comma
        for size in (2, 1):
            first = end - size
            if first < 0 or not _edge_ok(doc[first:end]) or not result.free(first, end):
                continue
            country = country_of(doc[first:end].text, knowledge)
            placed = first > 0 and doc[first - 1].lower_ in PLACE_BEFORE  # "talks in Seoul and Japanese officials"
            if country and not placed and not knowledge.places.get(fold(doc[first:end].text)):
                result.add(collective(country, sector, noun), doc[first:end])
                start = first
                break
        else:
            return


def _groups(doc: Doc, knowledge: ActorKnowledge, result: Resolution) -> None:
    for i in range(len(doc)):
        if not _may_start(doc[i], knowledge):
            continue
        found = _phrase_at(doc, i, knowledge.groups)
        # only a group noun that heads its phrase ("migrants", not "migrant workers" or "migrant community")
        if not found or not result.free(i, found[0]) or doc[found[0] - 1].dep_ in {"compound", "amod"}:
            continue
        end, sector = found
        start = i
        # a demonym or region just before ("Central American migrants", "Honduran asylum seekers")
        country = None
        for size in (2, 1):
            if start - size >= 0 and (country := country_of(doc[start - size : start].text, knowledge)):
                if start - size > 0 and doc[start - size - 1].lower_ in REGION_WORDS:
                    country = None  # "Central American migrants" come from a region, not from the United States
                elif result.free(start - size, start):
                    start -= size
                break
        # the head noun in the singular, the words before it as written ("human-rights group", not "human-right")
        noun = "".join(token.text_with_ws for token in doc[i : end - 1]) + doc[end - 1].lemma_
        actor = collective(country, sector, noun.lower()) if country else collective(None, sector, noun.lower())
        result.add(actor, doc[start:end])


def _context(
    doc: Doc, span: Span, knowledge: ActorKnowledge, result: Resolution | None = None
) -> tuple[str | None, str | None]:
    """Role (sector) and country code from the words before a name and from an appositive after it; failing a
    country named there, the country of a body named in the title ("White House press secretary X")."""
    before = doc[max(span.sent.start, span.start - 6) : span.start]
    # kept to languages other than English so that English exports stay byte-identical (in English it would also
    # give "Mexico's Attorney General, X," the title's sector)
    titled = doc.lang_ != "en" and any(fold(t.text) in knowledge.roles for t in before[:-1])
    if len(before) > 1 and before[-1].text == "," and (before[-2].pos_ == "NOUN" or titled):
        # "his Indian counterpart, Subrahmanyam Jaishankar", "el vocero del Palacio de Itamaraty, Luis Prado": the name
        # is in apposition to the title before it
        before = before[:-1]
    # stop at the previous clause: words before a comma or another name belong elsewhere
    words = [t.text for t in before]
    for cut in range(len(before) - 1, -1, -1):
        if before[cut].text in {",", ";", "(", "and", "."} or before[cut].ent_type_ in {"PERSON"}:
            words = [t.text for t in before[cut + 1 :]]
            break
    after = _appositive(doc, span)
    sector = None
    folded_words = [fold(w) for w in words + after]
    for size in (3, 2, 1):
        for k in range(len(folded_words) - size + 1):
            phrase = " ".join(folded_words[k : k + size])
            if phrase in knowledge.roles:
                sector = sector or knowledge.roles[phrase]
    country = _country_in(words, knowledge, last=True) or _country_in(after, knowledge)
    if country is None and span.end + 1 < len(doc) and doc[span.end].lower_ == "of":
        country = _country_in([t.text for t in doc[span.end + 1 : span.end + 4]], knowledge)  # "X of Peru"
    if country is not None:
        return sector, country.code
    clause = before[len(before) - len(words)].idx if words else span.start_char
    for mention in result.mentions if result is not None else []:
        body = result.actors[mention.actor] if result is not None else None
        inside = body is not None and clause <= mention.start and mention.end <= span.start_char
        if inside and body and body.kind != "person" and body.country and body.country not in {"IGO", "NGO"}:
            return sector, body.country
    return sector, None


def _appositive(doc: Doc, span: Span) -> list[str]:
    """The words of an appositive after a name: "Pemex, the Mexican state oil company," -> [the, Mexican, …]."""
    after: list[str] = []
    if span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].pos_ != "ADP":
        for token in doc[span.end + 1 : span.end + 18]:
            if token.text in {",", ";", ".", ")"} or token.pos_ == "VERB":
                break
            after.append(token.text)
    return after


def _org_country(doc: Doc, span: Span, knowledge: ActorKnowledge) -> Country | None:
    """An organisation's country from its own name, the words just before it ("Mexico's Attorney General's
    Office", "the Mexican state oil company Pemex") or an appositive; not from a country named further back
    ("lend Mexico doses of the AstraZeneca vaccine" says nothing of AstraZeneca's)."""
    country = _country_in(span.text.split(), knowledge)
    k, words = span.start, 0
    while country is None and k > span.sent.start and words < 4:
        token = doc[k - 1]
        if token.tag_ != "POS" and token.lower_ != "the":
            for size in (2, 1):
                if k - size >= span.sent.start and (country := country_of(doc[k - size : k].text, knowledge)):
                    break
            if country is not None or token.pos_ not in {"NOUN", "ADJ", "PROPN"}:
                break
            words += 1
        k -= 1
    institution = fold(span.text).split()[-1] in INSTITUTIONS  # a company "in Canada" is not Canada's
    if country is None and institution and span.end + 1 < len(doc) and doc[span.end].lower_ in {"in", "of"}:
        country = country_of(doc[span.end + 1].text, knowledge)  # "the Supreme Court of Korea", "… in Seoul"
    return country or _country_in(_appositive(doc, span), knowledge)


def _parent_company(name: str, knowledge: ActorKnowledge) -> Actor | None:
    """The pack company a longer name starts with: a merger's name ("Orvel Steel & Kanto Metal") takes the
    country of the company it starts with."""
    words = name.removeprefix("the ").split()
    for size in range(len(words) - 1, 0, -1):
        actor_id = knowledge.aliases.get(fold(" ".join(words[:size])))
        actor = knowledge.actors.get(actor_id) if actor_id else None
        if actor is not None and actor.kind == "organization" and actor.country and actor.sector == "BUS":
            return actor
    return None


def _body_country(doc: Doc, span: Span, knowledge: ActorKnowledge, result: Resolution) -> str | None:
    """The country of a state body whose name is all generic words ("National Security Office") from its
    context, where its name and the words around it give none: the body it belongs to ("the X Office (XO) of
    the Élysée", "the Élysée's X Office"); failing that, the one country its sentence names before it, the
    country the document is filed from, or the one country its sentence names."""
    words = fold(span.text).split()
    if not words or words[-1] not in INSTITUTIONS or not all(w in knowledge.generic for w in words):
        return None
    k = span.end
    if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")":
        k += 3  # "(NSO)"
    if k + 1 < len(doc) and doc[k].lower_ == "of":
        owner = doc[k + 2] if doc[k + 1].lower_ == "the" and k + 2 < len(doc) else doc[k + 1]
        if code := result.body_at(owner.idx, owner.idx + len(owner.text)):
            return code
    if span.start > 1 and doc[span.start - 1].tag_ == "POS":
        owner = doc[span.start - 2]
        if code := result.body_at(owner.idx, owner.idx + len(owner.text)):
            return code
    # a country named only after the body is mostly what it acts on ("HANOI — The Trade Ministry announced levies on
    # U.S. goods …"): the filing country comes first there, one named before the body ("In Lima, the …") before it
    before = set(_named_countries(doc[span.sent.start : span.start], knowledge))
    named = _sentence_countries(span.sent, knowledge)
    if len(before) == 1:
        return next(iter(before))
    return result.filed_from or (next(iter(named)) if len(named) == 1 else None)


def _org_sector(name: str, knowledge: ActorKnowledge) -> str | None:
    folded = f" {fold(name)} "
    for word, sector in knowledge.org_words:
        if f" {word} " in folded:
            return sector
    return None


def _head_sector(name: str, knowledge: ActorKnowledge) -> str | None:
    """The sector an organisation's head noun gives as a generic agent (Phoenix agents: "… Steelmaker" -> BUS,
    "… Army" -> MIL), for a name already known to be an organisation's."""
    words = fold(name).split()
    if not words:
        return None
    return knowledge.agents.get(" ".join(words[-2:])) or knowledge.agents.get(words[-1])


def _acronyms(doc: Doc) -> dict[str, Span]:
    """Acronyms defined in the text: a name followed by "(ACRONYM)"."""
    defined = {}
    for match in re.finditer(r"\((?:or |also |aka )?([A-Z][A-Z&.-]{1,9})[),]", text_of(doc)):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or span.start == 0:
            continue
        for ent in doc.ents:
            if ent.end == span.start and ent.label_ in {"ORG", "PERSON", "GPE", "FAC", "NORP", "LAW", "PRODUCT"}:
                defined[match.group(1)] = ent
    return defined


def _relationship(text: str, knowledge: ActorKnowledge) -> bool:
    """ "U.S.-Mexico", "US-China": two countries joined name a relationship, not an actor."""
    parts = [part for part in re.split(r"[-–/]", text) if part.strip()]
    return len(parts) > 1 and all(country_of(part, knowledge) for part in parts)


def _is_name(span: Span, knowledge: ActorKnowledge) -> bool:
    text = span.text.strip()
    if not text or not text[0].isupper() or NOT_ACTORS.search(text):
        return False
    if fold(text) in NOT_NAMES:
        # Only a lower-case "us" or "it" is a pronoun; written in capitals ("US", "U.S.", "IT") it is a name
        # if the packs know it, and nothing otherwise (an IT department is not an actor).
        known = country_of(text, knowledge) or knowledge.exact.get(text)
        return bool(text.isupper() and known and not _shouted(span))
    return not all(t.pos_ == "PRON" or t.like_num for t in span)


def _known_person(span: Span, result: Resolution) -> Actor | None:
    """Someone already named in full in this document, referred to by surname (or another part of the name)."""
    folded = fold(span.text)
    if len(folded.split()) != 1:
        return None
    people = [actor for actor in result.actors.values() if actor.kind == "person"]
    for actor in people:
        if folded in fold(actor.name).split()[1:]:
            return actor
    # a family name written first ("Kim" for "Kim Dae-jung", "Li" for "Li Qiang")
    return next((actor for actor in people if fold(actor.name).split()[0] == folded and " " in fold(actor.name)), None)


def _person(doc: Doc, span: Span, knowledge: ActorKnowledge, result: Resolution) -> Actor:
    folded = fold(span.text)
    people = [a for a in result.actors.values() if a.kind == "person"]
    known = _known_person(span, result)
    words = folded.split()
    for person in people if len(words) > 1 and known is None else []:
        other = fold(person.name).split()
        if len(other) > 1 and (other[0], other[-1]) == (words[0], words[-1]):
            known = person  # "Ann Marie Cole" and "Ann Cole"
    if known is not None:
        return _filled(doc, span, known, knowledge)
    pack_people = [a for a in knowledge.actors.values() if a.kind == "person"]
    for actor in [*people, *pack_people]:
        names = {fold(actor.name), *(fold(alias) for alias in actor.aliases)}
        if folded in names or (len(folded) >= 6 and max(fuzz.ratio(folded, n) for n in names) >= 90):
            if actor.id in result.actors:
                return _filled(doc, span, result.actors[actor.id], knowledge)
            return Actor(actor.id, actor.name, actor.kind, actor.country, actor.sector, [actor.name])
    sector, code = _context(doc, span, knowledge, result)
    world, by_surname = world_person_role(span, knowledge, result.published)
    if world is not None and by_surname:  # a surname alone: what the text says of the person comes first
        code, sector = code or world[0], sector or world[1]
    elif world is not None:
        code, sector = world[0] or code, world[1] or sector
    return Actor(slug(span.text), span.text, "person", code, sector, [])


def _filled(doc: Doc, span: Span, person: Actor, knowledge: ActorKnowledge) -> Actor:
    """A person named again, whose country or role this mention's context gives where earlier ones did not
    ("Jaishankar met …" and later "his Indian counterpart, Subrahmanyam Jaishankar"); pack entries stay as written."""
    if person.id not in knowledge.actors and (person.country is None or person.sector is None):
        sector, code = _context(doc, span, knowledge)
        person.country = person.country or code
        person.sector = person.sector or sector
    return person


def _organisation(doc: Doc, span: Span, knowledge: ActorKnowledge, result: Resolution) -> Actor:
    sector = _org_sector(span.text, knowledge) or _head_sector(span.text, knowledge) or "UNK"
    country = _org_country(doc, span, knowledge)
    code = country.code if country else ("IGO" if sector == "IGO" else _body_country(doc, span, knowledge, result))
    if code is None and (parent := _parent_company(span.text, knowledge)) is not None:
        code, sector = parent.country, sector if sector != "UNK" else parent.sector or sector
    published = result.published
    world = knowledge.world_role(span.text.removeprefix("the "), published)
    if world is not None:  # a known company, medium or body: its own country, not one named nearby
        code = world[0] or code
        sector = world[1] if sector == "UNK" and world[1] else sector
    # the id without corporate words, so that "Toyota Motor Corp." and "Toyota Motor" elsewhere are one actor
    return Actor(slug(org_key(span.text)), span.text.removeprefix("the ").strip(), "organization", code, sector, [])


def resolve_actors(
    doc: Doc, *, knowledge: ActorKnowledge, published: str | None = None
) -> tuple[dict[str, Actor], list[Mention], list[Place]]:
    """Actors, their mentions and the places named; `published` (YYYY-MM-DD) dates the roles of world actors."""
    result = Resolution(published=published)
    knowledge = _with_shared_names(doc, knowledge)
    _datelines(doc, knowledge, result)
    _pack_matches(doc, knowledge, result)
    _collectives(doc, knowledge, result)
    if knowledge.body_first:
        _collectives_body_first(doc, knowledge, result)
    acronyms = _acronyms(doc)
    fitted = [span for ent in doc.ents if (span := fit(ent)) is not None]
    entities = _with_world_names(doc, _joined_bodies(doc, fitted), knowledge)
    entities = untagged_people(doc, split_pairs(doc, entities, knowledge, _is_org_name), knowledge)
    _pack_long_forms(acronyms, knowledge, result)
    # full names first, so that a surname used before the full name still joins it
    for span in entities:
        full_name = span.label_ == "PERSON" and len(span) > 1 and result.free(span.start, span.end)
        if full_name and _is_name(span, knowledge) and not _place_named_as_person(doc, span, knowledge):
            result.add(_person(doc, span, knowledge, result), span)
    long_forms = _long_forms(entities, knowledge)
    for span in entities:
        if not result.free(span.start, span.end) or not _is_name(span, knowledge):
            continue
        if _relationship(span.text, knowledge) or (span.label_ in {"ORG", "PERSON", "FAC"} and common_noun(span)):
            continue
        known = _known_person(span, result)
        if known is not None and span.label_ in {"PERSON", "ORG", "GPE", "NORP"}:
            result.add(known, span)  # "the Biden administration": spaCy may call a surname an organisation
        elif span.text.endswith("-") or _product(doc, span, knowledge):
            # "NAFTA-related": a modifier; "the brand X", "the X index": goods and indices, not actors
            result.taken.append((span.start, span.end))
        elif _named_area(doc, span):
            _facility(doc, span, knowledge, result)  # "the Tianfu (New City) area", "Gangnam district"
        elif span.label_ in {"PERSON", "ORG", "GPE"} and described_as_person(span, knowledge):
            result.add(_person(doc, span, knowledge, result), span)  # "Quito, a teacher from Loja, said"
        elif span.label_ == "PERSON":
            if _place_named_as_person(doc, span, knowledge):
                _geo(doc, span, knowledge, result)  # "between Sonora and Chihuahua"
            else:
                result.add(_person(doc, span, knowledge, result), span)
        elif span.label_ in {"GPE", "ORG"} and person_as_place_or_body(
            span, knowledge, locative=_after_place_word(doc, span), org_word=_is_org_name(span.text, knowledge)
        ):
            result.add(_person(doc, span, knowledge, result), span)  # "After meeting Merkel, Rutte said …"
        elif _building(span, knowledge) or (absorbed_place(span) and _org_sector(span.text, knowledge) is None):
            _facility(doc, span, knowledge, result)  # an airport, a palace, "the Northern Triangle of …"
        elif span.label_ in {"ORG", "FAC"}:
            _named_organisation(doc, span, knowledge, result, acronyms=acronyms, long_forms=long_forms)
        elif span.label_ in {"GPE", "LOC", "NORP"}:
            _geo(doc, span, knowledge, result)
    # acronyms defined in the text join their long form wherever they appear
    for acronym, long_form in acronyms.items():
        owner = next((m.actor for m in result.mentions if long_form.start_char <= m.start < long_form.end_char), None)
        if owner is None:
            continue
        for match in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text_of(doc)):
            span = doc.char_span(match.start(), match.end())
            if span is not None and result.free(span.start, span.end):
                result.add(result.actors[owner], span)
    _initialisms(doc, knowledge, result)
    _groups(doc, knowledge, result)
    _bodies_in_titles(doc, result)
    result.mentions.sort(key=lambda m: (m.start, m.end))
    return result.actors, result.mentions, result.places


def _with_shared_names(doc: Doc, knowledge: ActorKnowledge) -> ActorKnowledge:
    """The knowledge for one document, where a name two countries share ("Korean") names the one of them that the
    document names by its own name, if it names exactly one."""
    named = set(_named_countries(doc[:], knowledge))
    chosen = {}
    for name, countries in knowledge.shared.items():
        found = [country for country in countries if country.code in named]
        if len(found) == 1:
            chosen[name] = found[0]
    if not chosen:
        return knowledge
    starts = knowledge.starts | {name.split()[0] for name in chosen}
    return replace(knowledge, countries={**knowledge.countries, **chosen}, starts=starts)


def _product(doc: Doc, span: Span, knowledge: ActorKnowledge) -> bool:
    """A brand, product or market index, not an actor: a product noun ends the name ("Processed Goods") or
    stands just before it ("the brand X") or after it ("the X index"); the name is in a list closed by "and
    other … <products>"; it is what a product noun is ("the best sellers were X and Y"); or it moved by points
    ("the X fell 120 points")."""
    products = knowledge.products
    if span.label_ not in {"ORG", "PERSON", "PRODUCT", "GPE", "NORP", "FAC"}:
        return False
    if fold(span[-1].text) in products and len(span) > 1:
        return True
    if span.start > 0 and doc[span.start - 1].pos_ == "NOUN" and doc[span.start - 1].lower_ in products:
        return True
    if span.end < len(doc) and doc[span.end].pos_ == "NOUN" and doc[span.end].lower_ in products:
        return True
    k = span.end
    while k < span.sent.end and (doc[k].text in SEPARATORS or doc[k].pos_ == "PROPN"):
        k += 1
    if k < span.sent.end and doc[k].lower_ == "other" and doc[k - 1].lower_ in {"and", "or"}:
        k += 1
        while k < span.sent.end and (doc[k].pos_ in {"ADJ", "PROPN"} or doc[k].dep_ == "amod"):
            k += 1
        if k < span.sent.end and doc[k].lower_ in products:
            return True
    head = span.root
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    if head.dep_ == "attr" and any(c.dep_ == "nsubj" and c.lower_ in products for c in head.head.children):
        return True
    following = doc[span.end : min(span.end + 4, span.sent.end)]
    moved = [t for t in following if t.like_num and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "points"]
    return span.label_ == "ORG" and any(doc[t.i - 1].pos_ == "VERB" for t in moved)


def _named_area(doc: Doc, span: Span) -> bool:
    """A name followed by a word for an area ("the X area", "X district", "X (Y) county") is a place."""
    k = span.end
    if k < len(doc) and doc[k].text == "(":
        while k < len(doc) and doc[k].text != ")" and k - span.end < 8:
            k += 1
        k += 1
    return k < len(doc) and doc[k].lower_ in AREAS


def _building(span: Span, knowledge: ActorKnowledge) -> bool:
    """A facility that is a place (an airport, a hotel, a palace), not a body spaCy took for one: a name with an
    organisation word ("the Centre for Strategic and International Studies") is a body unless a building word
    ends it ("Trade Center", "Shangri-La Hotel")."""
    if span.label_ != "FAC":
        return False
    return _org_sector(span.text, knowledge) is None or fold(span.text).split()[-1] in BUILDINGS


def _joined_bodies(doc: Doc, entities: list[Span]) -> list[Span]:
    """An organisation's name carried on over "of (the)" and the organisation it belongs to, where spaCy cut it:
    "the Political Bureau" + "of the" + "Central Committee of the Communist Party" is one body."""
    joined: list[Span] = []
    for span in entities:
        if joined and joined[-1].label_ == "ORG" and span.label_ in {"ORG", "GPE"}:
            gap = doc[joined[-1].end : span.start]
            if 1 <= len(gap) <= 2 and gap[0].lower_ == "of" and all(t.lower_ in {"of", "the"} for t in gap):
                merged = doc[joined[-1].start : span.end]
                merged.label_ = "ORG"
                joined[-1] = merged
                continue
        joined.append(span)
    return joined


def _initialisms(doc: Doc, knowledge: ActorKnowledge, result: Resolution) -> None:
    """An all-capital name made of the initials of an organisation the document names in full ("METI" after the
    "Ministry of Economy, Trade and Industry") names that organisation, wherever it stands."""
    bodies: dict[str, Actor] = {}
    for actor in result.actors.values():
        if actor.kind in {"organization", "institution"}:
            words = [
                w for w in re.split(r"[\s,]+", actor.name) if w and w.lower() not in {"of", "and", "the", "for", "&"}
            ]
            if len(words) > 1:
                bodies.setdefault("".join(w[0].upper() for w in words), actor)
    for token in doc:
        text = token.text
        known = knowledge.exact.get(text) or knowledge.aliases.get(fold(text))
        if text.isupper() and text in bodies and not known and result.free(token.i, token.i + 1):
            result.add(bodies[text], doc[token.i : token.i + 1])


def _bodies_in_titles(doc: Doc, result: Resolution) -> None:
    """A body named in a person's title without a country takes the person's ("METI chief Ken Saito"): the
    title is the office the person holds in their own country's body."""
    mentions = sorted(result.mentions, key=lambda m: m.start)
    for body_mention, person_mention in pairwise(mentions):
        body, person = result.actors[body_mention.actor], result.actors[person_mention.actor]
        if body.kind not in {"organization", "institution"} or body.country or person.kind != "person":
            continue
        between = text_of(doc)[body_mention.end : person_mention.start]
        if person.country and len(between.split()) <= 3 and not re.search(r"[,;.()\"“”]", between):
            body.country = person.country


def _with_world_names(doc: Doc, entities: list[Span], knowledge: ActorKnowledge) -> list[Span]:
    """The entities, with the personal names of world actors spaCy missed or mislabelled ("Xi Jinping" read as
    nothing, "Li Qiang" as a place): two to four capitalised words whose folded form is a world name and holds
    no organisation word; an entity they overlap gives way."""
    found: list[Span] = []
    i = 0
    while i < len(doc):
        match = None
        if fold(doc[i].text) in knowledge.world_starts and doc[i].text[:1].isupper():
            for size in (4, 3, 2):
                span = doc[i : i + size]
                if i + size > len(doc) or not all(t.text[:1].isupper() or t.text == "-" for t in span):
                    continue
                if knowledge.world_person(span.text) and _org_sector(span.text, knowledge) is None:
                    match = fit(span)
                    break
        if match is None:
            i += 1
            continue
        match.label_ = "PERSON"
        found.append(match)
        i = match.end
    if not found:
        return entities
    kept = [e for e in entities if all(e.end <= f.start or e.start >= f.end for f in found)]
    return sorted([*kept, *found], key=lambda span: span.start)


def _named_organisation(
    doc: Doc,
    span: Span,
    knowledge: ActorKnowledge,
    result: Resolution,
    *,
    acronyms: dict[str, Span],
    long_forms: dict[str, Span],
) -> None:
    """An entity spaCy labels an organisation: a country or place it names, a title's office, a leader whose
    government it is, or an organisation (joined to its longer form "US Census Bureau" if the text has one)."""
    if span.text in acronyms:
        return  # handled as the alias of its long form
    if _bracketed_tag(span, knowledge):
        result.taken.append((span.start, span.end))
        return  # "(LEAD)", "(SOUNDBITE)": a wire or transcript tag, not a body
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    signed = span.root.dep_ == "dobj" and span.root.head.lemma_ in SIGNED  # "the two signed the XYZA in 2012"
    if fold(span.text).split()[-1] in AGREEMENTS or after in AGREEMENTS or signed:  # "the Phase Two Deal"
        result.taken.append((span.start, span.end))
        return  # a treaty, pact or list is what actors sign or draw up, not an actor
    if country_of(span.text, knowledge):
        _geo(doc, span, knowledge, result)  # "the UAE", "Sinaloa", "the Kremlin" are not organisations
    elif part_of_title(span, knowledge, org_word=_org_sector(span.text, knowledge) is not None):
        return  # "Finance" in "Finance Secretary Rogelio Ramírez"
    elif _names_a_leader(doc, span, knowledge):
        result.add(_person(doc, span, knowledge, result), span)
    elif (named := result.institutions.get(institution_key(span.text))) is not None:
        result.add(named, span)  # "the Commerce Ministry" after "China's Commerce Ministry"
    elif (same := _same_organisation(span, result, knowledge)) is not None:
        result.add(same, span)  # "Toyota Motor Corp." after "Toyota Motor", "Lenovo Group" after "Lenovo"
    else:
        longer = long_forms.get(fold(span.text))
        actor = _organisation(doc, longer if longer is not None else span, knowledge, result)
        result.add(actor, span)
        if fold(span.text).split()[-1] in INSTITUTIONS:
            result.institutions.setdefault(_unqualified(span.text, knowledge), actor)


def _bracketed_tag(span: Span, knowledge: ActorKnowledge) -> bool:
    """One capitalised word alone in brackets that no pack or world list knows: a tag of the page."""
    doc = span.doc
    alone = span.start > 0 and span.end < len(doc) and doc[span.start - 1].text == "(" and doc[span.end].text == ")"
    known = (
        knowledge.exact.get(span.text) or knowledge.aliases.get(fold(span.text)) or fold(span.text) in knowledge.world
    )
    return alone and len(span) == 1 and span.text.isupper() and not known


def _same_organisation(span: Span, result: Resolution, knowledge: ActorKnowledge) -> Actor | None:
    """An organisation already named in the document under a longer or shorter form of this name: the same name
    without a corporate word, or a one-word proper name the other extends by one or two words."""
    key = org_key(span.text).split()
    for actor in result.actors.values():
        if actor.kind != "organization":
            continue
        other = org_key(actor.name).split()
        if other == key:
            return actor
        short, long = sorted((key, other), key=len)
        if len(short) == 1 and short[0] not in knowledge.generic and long[:1] == short and len(long) <= 3:
            return actor
    return None


def _long_forms(entities: list[Span], knowledge: ActorKnowledge) -> dict[str, Span]:
    """Organisations named with their country in front ("US Census Bureau"), by the folded rest of the name,
    so that the same name without the country ("the Census Bureau") is the same organisation."""
    found: dict[str, Span] = {}
    for span in entities:
        if span.label_ != "ORG":
            continue
        for size in (2, 1):
            if len(span) > size and country_of(span[:size].text, knowledge):
                rest = span[size:]
                if len(rest) > 1 or rest.text[:1].isupper():
                    found.setdefault(fold(rest.text), span)
                break
    return found


def _pack_long_forms(acronyms: dict[str, Span], knowledge: ActorKnowledge, result: Resolution) -> None:
    """A long form defined by an acronym a pack knows is that pack actor: "the North American trade pact (T-MEC)"."""
    for acronym, long_form in acronyms.items():
        actor_id = knowledge.exact.get(acronym) or knowledge.aliases.get(fold(acronym))
        span = fit(long_form)
        if actor_id and span is not None and result.free(span.start, span.end):
            if not _in_scope(span, actor_id, knowledge, _qualified_bodies(span.doc, knowledge)):
                continue  # a "National Security Council (NSC)" of another country
            pack = knowledge.actors[actor_id]
            result.add(Actor(pack.id, pack.name, pack.kind, pack.country, pack.sector, [pack.name]), span)


def _names_a_leader(doc: Doc, span: Span, knowledge: ActorKnowledge) -> bool:
    """ "Enrique Peña Nieto's government": a personal name whose government it is names a person."""
    after = span.end + 1 if span.end < len(doc) and doc[span.end].tag_ == "POS" else None
    if after is None or after >= len(doc) or doc[after].lower_ not in LED:
        return False
    if not 2 <= len(span) <= 4 or _org_sector(span.text, knowledge) is not None:
        return False
    return all(token.pos_ == "PROPN" and token.text[:1].isupper() and not token.is_upper for token in span)


def _place_named_as_person(doc: Doc, span: Span, knowledge: ActorKnowledge) -> bool:
    """A known place spaCy labels a person ("Ciudad Juárez", "Sonora and Chihuahua"); a one-word name only
    where the words before make it a place, since "Guerrero" and "Hidalgo" are surnames too."""
    key = fold(span.text)
    if len(span) > 1:
        return country_of(span.text, knowledge) is not None
    if knowledge.countries.get(key) and span.text[:1].isupper():
        return True  # "Türkiye" taken for a person: a country's own name (a person named so was joined before)
    if capital_as_person(doc, span, knowledge):
        return True  # "On Monday Quito said …": a capital alone acting, as "Beijing said"
    if not (knowledge.places.get(key) or knowledge.capitals.get(key)):
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    if before is None:
        return False
    if before.lower_ in PLACE_BEFORE:
        return True
    if before.lower_ in SEPARATORS and span.start >= 2:
        other = doc[span.start - 2]
        return other.ent_type_ in {"GPE", "LOC"} or country_of(other.text, knowledge) is not None
    return False


def _facility(doc: Doc, span: Span, knowledge: ActorKnowledge, result: Resolution) -> None:
    """Buildings, airports and regions are places, except a seat of government acting ("the Kremlin said")."""
    if country_of(span.text, knowledge):
        _geo(doc, span, knowledge, result)
        return
    where = _country_in(span.text.split(), knowledge)
    result.places.append(Place(span.text, span.start_char, span.end_char, where.code if where else None))
    result.taken.append((span.start, span.end))


def _datelines(doc: Doc, knowledge: ActorKnowledge, result: Resolution) -> None:
    """ "LOS ANGELES (Agency) —": the place a story was filed from, and its outlet, are not actors."""
    for place, credit in datelines(doc):
        parts = [part.strip() for part in place.text.split(",")]
        where = next((found for part in parts if (found := country_of(part, knowledge))), None)
        if where is None and credit is None:
            continue  # an upper-case word and a dash that may not be a dateline ("UPDATE —")
        if result.free(place.start, place.end):
            name = place.text.split(",")[0].rstrip()  # "LIMA", not the region and date after it
            code = where.code if where else None
            result.filed_from = result.filed_from or code
            result.places.append(Place(name, place.start_char, place.start_char + len(name), code))
            result.taken.append((place.start, place.end))
        if credit is not None:
            result.taken.append((credit.start, credit.end))


def _is_org_name(text: str, knowledge: ActorKnowledge) -> bool:
    return _org_sector(text, knowledge) is not None


def _after_place_word(doc: Doc, span: Span) -> bool:
    """Whether the word before a name makes it a place ("in X", "visited X")."""
    before = doc[span.start - 1] if span.start > 0 else None
    return before is not None and (before.lower_ in PLACE_BEFORE or before.lemma_ in MOTION)


def _geo(doc: Doc, span: Span, knowledge: ActorKnowledge, result: Resolution) -> None:
    """A country or seat of government acting (an actor) or a location (a place)."""
    key = fold(span.text)
    before = span.start - 1
    if before > 0 and doc[before].lower_ == "the" and doc[before - 1].lower_ not in {"of", "to"}:
        before -= 1  # "in the US" is as much a place as "in Mexico"; "the president of the US" is not one
    locative = before >= 0 and (doc[before].lower_ in PLACE_BEFORE or doc[before].lemma_ in MOTION)
    country = knowledge.countries.get(key)
    if case_sensitive(span.text):
        country = knowledge.countries_exact.get(exact_key(span.text)) or country
    capital = knowledge.capitals.get(key)
    place = knowledge.places.get(key)
    if span.label_ == "NORP":
        # a plural demonym names people ("Mexicans"); an adjective alone is not an actor
        if country and span.text.endswith("s") and fold(span.text) != fold(country.name):
            if span.start > 0 and doc[span.start - 1].lower_ == "ethnic":
                # "ethnic Albanians" in Macedonia are not Albania's: a people, not a country's citizens
                result.add(Actor(slug(f"ethnic {span.text}"), f"Ethnic {span.text}", "group", None, "CVL", []), span)
            else:
                result.add(collective(country, "CVL", "citizens"), span)
        return
    if (country or capital) and not locative and not place:
        result.add(country_actor(country or capital), span)  # type: ignore[arg-type]
        return
    where = country or capital or place
    result.places.append(Place(span.text, span.start_char, span.end_char, where.code if where else None))
    result.taken.append((span.start, span.end))


def merge_actors(per_document: Iterable[dict[str, Actor]]) -> dict[str, Actor]:
    """One actor per id across documents: the first document's name, kind, country and sector win (ids come
    from canonical names or pack ids, so they already agree); aliases are unioned in first-seen order."""
    merged: dict[str, Actor] = {}
    for actors in per_document:
        for actor_id, actor in actors.items():
            known = merged.get(actor_id)
            if known is None:
                merged[actor_id] = replace(actor, aliases=list(dict.fromkeys(actor.aliases)))
                continue
            # a missing attribute in the first sighting is filled by a later one rather than left empty
            merged[actor_id] = replace(
                known,
                country=known.country or actor.country,
                sector=known.sector or actor.sector,
                aliases=list(dict.fromkeys([*known.aliases, *actor.aliases])),
            )
    return merged


def corpus_merges(actors: Iterable[Actor], knowledge: ActorKnowledge) -> dict[str, str]:
    """The actors a corpus names in several ways across its documents, each id mapped to the id that stays (the
    corpus pass; each document's own analysis is left as it was):
    - a person named with a middle name in one document and without it in another ("Ann Marie Cole", "Ann Cole"),
      or only by one part of the name where one person in the corpus has it as first or last part ("Cole");
    - a company by a one-word name where one longer name in the corpus starts with it ("Orvella", "Orvella
      Systems");
    - a country's body named bare ("the Commerce Ministry") where exactly one country's body of that name is
      named in the corpus ("China's Commerce Ministry"), and bare forms of one body ("Ministry of Trade",
      "Trade Ministry").
    Only unambiguous matches merge; the actor that stays is the one with a country, else the fuller name."""
    pool = sorted(actors, key=lambda a: a.id)
    merges: dict[str, str] = {}
    people = [(a, fold(a.name).split()) for a in pool if a.kind == "person"]
    # the names of two or more words, indexed once (not scanned per person: corpora name thousands of people):
    # by (first word, last word), and by each of their first and last words, in pool order
    by_ends: dict[tuple[str, str], list[tuple[Actor, int]]] = {}
    by_part: dict[str, list[Actor]] = {}
    for other, parts in people:
        if len(parts) > 1:
            by_ends.setdefault((parts[0], parts[-1]), []).append((other, len(parts)))
            for part in dict.fromkeys((parts[0], parts[-1])):
                by_part.setdefault(part, []).append(other)
    for person, words in people:
        if len(words) > 1:
            found = [o for o, length in by_ends.get((words[0], words[-1]), ()) if length > len(words)]
        else:
            found = by_part.get(words[0], [])
        found = [o for o in found if None in (person.country, o.country) or person.country == o.country]
        if len(found) == 1:
            merges[person.id] = found[0].id
    organisations = [a for a in pool if a.kind == "organization"]
    keys = [org_key(a.name).split() for a in organisations]
    by_first: dict[str, list[tuple[Actor, int]]] = {}  # first word of the key -> (organisation, words in its key)
    for organisation, key in zip(organisations, keys, strict=True):
        if key:
            by_first.setdefault(key[0], []).append((organisation, len(key)))
    for short, key in zip(organisations, keys, strict=True):
        if len(key) != 1 or key[0] in knowledge.generic:
            continue
        longer = [o for o, length in by_first[key[0]] if o is not short and length <= 3]
        countries = {short.country, longer[0].country} - {None} if len(longer) == 1 else {"", "-"}
        if len(countries) <= 1:
            keep, drop = (short, longer[0]) if short.country or not longer[0].country else (longer[0], short)
            merges[drop.id] = keep.id
    bodies: dict[str, list[Actor]] = {}
    for body in organisations:
        words = _unqualified(body.name, knowledge).split()
        if words and words[-1] in INSTITUTIONS and all(w in knowledge.generic for w in words):
            bodies.setdefault(" ".join(words), []).append(body)
    for named in bodies.values():
        qualified = [a for a in named if a.country]  # by name ("China's …") or by context ("METI chief X")
        bare = [a for a in named if a.country is None]
        if len({a.country for a in qualified}) == 1:
            bare += qualified[1:]  # "the Japanese Supreme Court", "Japan's top court"
        one_country = len({a.country for a in qualified}) == 1
        target = qualified[0] if one_country else (bare[0] if len(bare) > 1 and not qualified else None)
        if target is None:
            continue
        for actor in bare:
            if actor.id != target.id:
                merges[actor.id] = target.id
    return {old: _final(new, merges) for old, new in merges.items() if _final(new, merges) != old}


def _final(actor_id: str, merges: dict[str, str]) -> str:
    seen = {actor_id}
    while actor_id in merges and merges[actor_id] not in seen:
        actor_id = merges[actor_id]
        seen.add(actor_id)
    return actor_id
