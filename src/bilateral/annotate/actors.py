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
from typing import Any

from rapidfuzz import fuzz

from bilateral.annotate.knowledge import ActorKnowledge, Country, case_sensitive, exact_key, fold, slug
from bilateral.model import Actor, Mention, Place

Doc = Any
Span = Any
LOCATIVE = {"in", "at", "from", "to", "across", "near", "within", "throughout", "into", "inside", "outside",
            "toward", "towards", "through", "via", "around", "south", "north", "of", "between", "along",
            "over"}  # fmt: skip
NOT_NAMES = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "his", "its", "their",
             "this", "that", "these", "those", "who", "which", "one", "today", "yesterday"}  # fmt: skip
DESCRIPTORS = {"federal", "state", "national", "local", "central", "former", "new", "current", "top", "senior",
               "private", "state-owned", "public", "military", "foreign", "own", "regional"}  # fmt: skip
# "Central American", "Latin American": a region, not the country the demonym alone would name
REGION_WORDS = {"central", "latin", "south", "north", "pan", "anglo", "native", "african", "asian", "mexican-"}
NOT_ACTORS = re.compile(r"^(?:hurricane|tropical storm|storm|operation|covid|coronavirus)\b|\d", re.IGNORECASE)


@dataclass
class Resolution:
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    taken: list[tuple[int, int]] = field(default_factory=list)  # token ranges already used

    def free(self, start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in self.taken)

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
    if case_sensitive(text) and (country := knowledge.countries_exact.get(exact_key(text))):
        return country  # "US", "U.S.", "UK": only in capitals, so that the pronoun "us" names nobody
    key = fold(text)
    return knowledge.countries.get(key) or knowledge.capitals.get(key) or knowledge.places.get(key)


def _shouted(span: Span) -> bool:
    """Whether the span sits among capital-letter words ("LET US PRAY"), where case tells nothing."""
    doc = span.doc
    near = [t for t in doc[max(0, span.start - 3) : span.end + 3] if t.is_alpha and not span.start <= t.i < span.end]
    return len(near) >= 2 and all(t.is_upper for t in near)


def _country_in(words: list[str], knowledge: ActorKnowledge) -> Country | None:
    """The first country, demonym or known place named by consecutive words (longest first)."""
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            found = country_of(" ".join(words[i : i + size]), knowledge)
            if found:
                return found
    return None


def _edge_ok(span: Span) -> bool:
    """A mention starts and ends on a word: no leading article, hyphen or punctuation ("the", "-immigrant")."""
    first, last = span[0], span[-1]
    if first.is_punct or first.is_space or last.is_punct or last.is_space or first.lower_ in {"the", "a", "an"}:
        return False
    return not (first.i > 0 and first.doc[first.i - 1].text == "-" and not first.doc[first.i - 1].whitespace_)


def _may_start(token: Any, knowledge: ActorKnowledge) -> bool:
    return fold(token.text) in knowledge.starts or fold(token.lemma_) in knowledge.starts


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
    for start in range(len(doc)):
        if not _may_start(doc[start], knowledge):
            continue
        for size in range(min(8, len(doc) - start), 0, -1):
            span = doc[start : start + size]
            if not _edge_ok(span):
                continue
            actor_id = knowledge.exact.get(span.text) if case_sensitive(span.text) else None
            if actor_id is None and not span.text.isupper() and (size > 1 or span[0].text[:1].isupper()):
                actor_id = knowledge.aliases.get(fold(span.text))
            if actor_id:
                found.append((start, start + size, actor_id))
                break
    for start, end, actor_id in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if result.free(start, end):
            pack = knowledge.actors[actor_id]
            result.add(Actor(pack.id, pack.name, pack.kind, pack.country, pack.sector, [pack.name]), doc[start:end])


def _collectives(doc: Doc, knowledge: ActorKnowledge, result: Resolution) -> None:
    """Country or demonym followed by a body noun: "the Mexican government", "U.S. corporations"."""
    for i in range(len(doc)):
        if not _may_start(doc[i], knowledge):
            continue
        for size in (3, 2, 1):
            if i + size > len(doc):
                continue
            if not _edge_ok(doc[i : i + size]):
                continue
            country = country_of(doc[i : i + size].text, knowledge)
            if country is None or knowledge.places.get(fold(doc[i : i + size].text)):
                continue
            if i > 0 and doc[i - 1].lower_ in REGION_WORDS:
                break
            j = i + size
            if j < len(doc) and doc[j].text in ("'s", "’s"):
                j += 1
            while j < len(doc) and doc[j].lower_ in DESCRIPTORS:
                j += 1
            body = _phrase_at(doc, j, knowledge.bodies) if j < len(doc) else None
            if body and result.free(i, body[0]):
                end, sector = body
                result.add(collective(country, sector, doc[j:end].text), doc[i:end])
            break


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
                if result.free(start - size, start):
                    start -= size
                break
        noun = doc[i:end].lemma_ if doc[i:end].text.lower() != doc[i:end].lemma_ else doc[i:end].text
        actor = collective(country, sector, noun.lower()) if country else collective(None, sector, noun.lower())
        result.add(actor, doc[start:end])


def _context(doc: Doc, span: Span, knowledge: ActorKnowledge) -> tuple[str | None, Country | None]:
    """Role (sector) and country from the words before a name and from an appositive after it."""
    before = doc[max(0, span.start - 6) : span.start]
    # stop at the previous clause: words before a comma or another name belong elsewhere
    words = [t.text for t in before]
    for cut in range(len(before) - 1, -1, -1):
        if before[cut].text in {",", ";", "(", "and"} or before[cut].ent_type_ in {"PERSON"}:
            words = [t.text for t in before[cut + 1 :]]
            break
    after: list[str] = []
    if span.end < len(doc) and doc[span.end].text == ",":
        for token in doc[span.end + 1 : span.end + 14]:
            if token.text in {",", ";", ".", ")"} or token.pos_ == "VERB":
                break
            after.append(token.text)
    sector = None
    folded_words = [fold(w) for w in words + after]
    for size in (3, 2, 1):
        for k in range(len(folded_words) - size + 1):
            phrase = " ".join(folded_words[k : k + size])
            if phrase in knowledge.roles:
                sector = sector or knowledge.roles[phrase]
    return sector, _country_in(words, knowledge) or _country_in(after, knowledge)


def _org_sector(name: str, knowledge: ActorKnowledge) -> str | None:
    folded = f" {fold(name)} "
    for word, sector in knowledge.org_words:
        if f" {word} " in folded:
            return sector
    return None


def _acronyms(doc: Doc) -> dict[str, Span]:
    """Acronyms defined in the text: a name followed by "(ACRONYM)"."""
    defined = {}
    for match in re.finditer(r"\(([A-Z][A-Z&.-]{1,9})\)", doc.text):
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


def _trim(ent: Span) -> Span | None:
    """The entity without a leading "the" and a trailing possessive ("Biden’s" -> "Biden")."""
    start, end = ent.start, ent.end
    if ent[0].lower_ == "the":
        start += 1
    while end > start and (ent.doc[end - 1].tag_ == "POS" or ent.doc[end - 1].is_punct):
        end -= 1
    if end <= start:
        return None
    span = ent.doc[start:end]
    span.label_ = ent.label_
    return span


def _known_person(span: Span, result: Resolution) -> Actor | None:
    """Someone already named in full in this document, referred to by surname (or another part of the name)."""
    folded = fold(span.text)
    if len(folded.split()) != 1:
        return None
    for actor in result.actors.values():
        if actor.kind == "person" and folded in fold(actor.name).split()[1:]:
            return actor
    return None


def _person(doc: Doc, span: Span, knowledge: ActorKnowledge, result: Resolution) -> Actor:
    folded = fold(span.text)
    people = [a for a in result.actors.values() if a.kind == "person"]
    known = _known_person(span, result)
    if known is not None:
        return known
    pack_people = [a for a in knowledge.actors.values() if a.kind == "person"]
    for actor in [*people, *pack_people]:
        names = {fold(actor.name), *(fold(alias) for alias in actor.aliases)}
        if folded in names or (len(folded) >= 6 and max(fuzz.ratio(folded, n) for n in names) >= 90):
            return Actor(actor.id, actor.name, actor.kind, actor.country, actor.sector, [actor.name])
    sector, country = _context(doc, span, knowledge)
    return Actor(slug(span.text), span.text, "person", country.code if country else None, sector, [])


def _organisation(doc: Doc, span: Span, knowledge: ActorKnowledge) -> Actor:
    sector = _org_sector(span.text, knowledge) or "UNK"
    country = _country_in(span.text.split(), knowledge)
    if country is None:
        country = _context(doc, span, knowledge)[1]
    code = country.code if country else ("IGO" if sector == "IGO" else None)
    return Actor(slug(span.text), span.text.removeprefix("the ").strip(), "organization", code, sector, [])


def resolve_actors(doc: Doc, *, knowledge: ActorKnowledge) -> tuple[dict[str, Actor], list[Mention], list[Place]]:
    result = Resolution()
    _pack_matches(doc, knowledge, result)
    _collectives(doc, knowledge, result)
    acronyms = _acronyms(doc)
    entities = [span for ent in doc.ents if (span := _trim(ent)) is not None]
    # full names first, so that a surname used before the full name still joins it
    for span in entities:
        if (
            span.label_ == "PERSON"
            and len(span) > 1
            and result.free(span.start, span.end)
            and _is_name(span, knowledge)
        ):
            result.add(_person(doc, span, knowledge, result), span)
    for span in entities:
        ent = span
        if not result.free(ent.start, ent.end) or not _is_name(ent, knowledge) or _relationship(ent.text, knowledge):
            continue
        known = _known_person(span, result)
        if known is not None and ent.label_ in {"PERSON", "ORG", "GPE", "NORP"}:
            result.add(known, span)  # "the Biden administration": spaCy may call a surname an organisation
        elif ent.label_ == "PERSON":
            result.add(_person(doc, span, knowledge, result), span)
        elif ent.label_ in {"ORG", "FAC"}:
            if span.text in acronyms and acronyms[span.text] is not ent:
                continue  # handled below as the alias of its long form
            if country_of(span.text, knowledge) and not knowledge.places.get(fold(span.text)):
                _geo(doc, span, knowledge, result)  # spaCy sometimes calls a country an organisation ("UAE")
                continue
            result.add(_organisation(doc, span, knowledge), span)
        elif ent.label_ in {"GPE", "LOC", "NORP"}:
            _geo(doc, span, knowledge, result)
    # acronyms defined in the text join their long form wherever they appear
    for acronym, long_form in acronyms.items():
        owner = next((m.actor for m in result.mentions if long_form.start_char <= m.start < long_form.end_char), None)
        if owner is None:
            continue
        for match in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", doc.text):
            span = doc.char_span(match.start(), match.end())
            if span is not None and result.free(span.start, span.end):
                result.add(result.actors[owner], span)
    _groups(doc, knowledge, result)
    result.mentions.sort(key=lambda m: (m.start, m.end))
    return result.actors, result.mentions, result.places


def _geo(doc: Doc, span: Span, knowledge: ActorKnowledge, result: Resolution) -> None:
    """A country or seat of government acting (an actor) or a location (a place)."""
    key = fold(span.text)
    before = span.start - 1
    if before > 0 and doc[before].lower_ == "the":  # "in the US" is as much a place as "in Mexico"
        before -= 1
    locative = before >= 0 and doc[before].lower_ in LOCATIVE
    country = knowledge.countries.get(key)
    if case_sensitive(span.text):
        country = knowledge.countries_exact.get(exact_key(span.text)) or country
    capital = knowledge.capitals.get(key)
    place = knowledge.places.get(key)
    if span.label_ == "NORP":
        # a plural demonym names people ("Mexicans"); an adjective alone is not an actor
        if country and span.text.endswith("s") and fold(span.text) != fold(country.name):
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
