"""What the annotate stages know, built from the knowledge packs once per process and validated on load.

Names are compared in a folded form (accents, case, dots and a leading "the" removed), so "López Obrador",
"Lopez Obrador" and "LÓPEZ OBRADOR" meet; short all-capital aliases ("ICE", "WHO") must match their case.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from bilateral.annotate.screen import Screen
from bilateral.errors import KnowledgeError
from bilateral.knowledge import Pack, Packs, load_packs, require
from bilateral.model import Actor

KINDS = {"person", "organization", "institution", "program", "group", "country"}
SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "PTY", "REB", "SPY", "CRM", "BUS", "CVL", "REF", "MED", "LAB", "ELI",
           "OPP", "IGO", "NGO", "MNC", "UNK", "EDU", "REL"}  # fmt: skip


@lru_cache(maxsize=500_000)
def fold(text: str) -> str:
    """Accent-, case- and punctuation-insensitive form of a name (cached: the same words recur endlessly)."""
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed.isascii():  # no combining marks to drop: skips a Python step per character (most text)
        plain = decomposed.lower()
    else:
        plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    plain = plain.replace(".", "").replace("’", "'").replace("-", " ")
    plain = re.sub(r"\s+", " ", plain).strip()
    return plain.removeprefix("the ")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def case_sensitive(alias: str) -> bool:
    return alias.isupper() and len(alias) <= 5


def exact_key(text: str) -> str:
    """The case-kept form of a short capital name, dots ignored ("U.S." and "US" meet; "us" does not)."""
    return text.replace(".", "").strip()


@dataclass
class Country:
    code: str
    name: str


# Words that end a company's name without being the name ("Toyota Motor Corp.", "Tata Group", "Nestlé S.A.").
CORPORATE = {"inc", "corp", "co", "ltd", "company", "corporation", "limited", "group", "holdings", "plc", "sa", "ag",
             "nv", "se", "llc", "incorporated", "co ltd"}  # fmt: skip


# Words that, with role and body nouns, make an institution's name generic ("National Security Council").
GENERIC = {"national", "federal", "supreme", "high", "central", "foreign", "affairs", "of", "and", "for", "the",
           "people's", "peoples", "general", "public", "state", "house", "upper", "lower", "chamber", "bureau",
           "interior", "home", "finance", "defense", "defence", "trade", "commerce", "justice", "economy", "industry",
           "council", "security", "office", "committee", "assembly", "diet", "constitutional", "court"}  # fmt: skip


@dataclass(frozen=True)
class Role:
    """A role an actor held: country (ISO alpha-3, IGO, NGO or None), PLOVER sector, and the period as YYYYMMDD
    strings ("" where open)."""

    country: str | None
    sector: str
    start: str = ""
    end: str = ""

    def holds(self, date: str) -> bool:
        return (self.start or "0") <= date <= (self.end or "9")


def org_key(name: str) -> str:
    """The folded name without a trailing corporate word: "Toyota Motor Corp." and "Toyota Motor" meet."""
    words = fold(name).replace(",", " ").replace("&", "and").split()
    while len(words) > 1 and words[-1] in CORPORATE:
        words.pop()
    return " ".join(words)


def role_at(roles: Sequence[Role], published: str | None) -> tuple[str | None, str | None]:
    """(country, sector) of the role held at the date (YYYY-MM-DD…); outside every period the country of the
    latest role begun before it and no sector; undated, the latest known role. Country from another role where
    the chosen one has none (a medium or an elite listed without a country)."""
    if not roles:
        return None, None
    date = published.replace("-", "")[:8] if published else ""
    chosen: Role | None
    sector: str | None
    if date:
        holding = [r for r in roles if r.holds(date)]
        chosen = max(holding, key=lambda r: (bool(r.start or r.end), r.start)) if holding else None
        sector = chosen.sector if chosen else None
        if chosen is None:
            begun = [r for r in roles if (r.start or "0") <= date]
            chosen = max(begun, key=lambda r: r.start) if begun else min(roles, key=lambda r: r.start)
    else:
        chosen = max(roles, key=lambda r: (r.end or "99999999", r.start))
        sector = chosen.sector
    country = chosen.country or next((r.country for r in reversed(roles) if r.country), None)
    return country, sector


@dataclass
class ActorKnowledge:
    actors: dict[str, Actor] = field(default_factory=dict)  # pack id -> actor
    aliases: dict[str, str] = field(default_factory=dict)  # folded alias -> pack id
    exact: dict[str, str] = field(default_factory=dict)  # case-sensitive alias -> pack id
    countries: dict[str, Country] = field(default_factory=dict)  # folded name or demonym -> country
    # short all-capital names and demonyms ("US", "U.S.", "UK", "UAE"), by exact_key: "us" and "it" are pronouns
    countries_exact: dict[str, Country] = field(default_factory=dict)
    capitals: dict[str, Country] = field(default_factory=dict)  # folded seat of government -> country
    places: dict[str, Country] = field(default_factory=dict)  # folded sub-national place -> country
    roles: dict[str, str] = field(default_factory=dict)  # folded role word -> sector
    bodies: dict[str, str] = field(default_factory=dict)  # folded collective noun -> sector
    groups: dict[str, str] = field(default_factory=dict)  # folded group noun -> sector
    org_words: list[tuple[str, str]] = field(default_factory=list)  # (folded word, sector), longest first
    # world actors (Phoenix dictionaries and the office-holder supplement): folded name -> the roles of each
    # actor of that name (several where two actors share it)
    world: dict[str, list[tuple[Role, ...]]] = field(default_factory=dict)
    world_starts: set[str] = field(default_factory=set)
    # folded last word of a world person's name of 2+ words -> that name, where the word ends the names of
    # people of one country only and names no place ("milei" -> "javier milei"; not "santiago")
    world_surnames: dict[str, str] = field(default_factory=dict)
    agents: dict[str, str] = field(default_factory=dict)  # folded generic agent noun -> sector (world_agents)
    products: set[str] = field(default_factory=set)  # folded nouns of goods, brands and indices (institutions)
    spellings: dict[str, str] = field(default_factory=dict)  # folded British spelling -> American (institutions)
    shared: dict[str, list[Country]] = field(default_factory=dict)  # folded name two countries share -> both
    # pack id -> the pair named by the dyad pack that defines it (its bare aliases apply only within that pair)
    scopes: dict[str, frozenset[str]] = field(default_factory=dict)
    generic: set[str] = field(
        default_factory=set
    )  # folded words of role, body and organisation nouns  # first folded word of each world name of 2+ words
    # a body noun comes before its country ("el gobierno mexicano"): set by an institutions pack's `body_first`
    body_first: bool = False
    # the folded first words of every name and phrase above: most tokens start none, and are skipped at once
    starts: set[str] = field(default_factory=set)
    # a token's (orth, lemma) string hashes -> whether it may start one of those (annotate.actors._may_start asks
    # for every token, three times), filled as tokens are read; emptied when `starts` is made again
    may_start: dict[tuple[int, int], bool] = field(default_factory=dict, repr=False, compare=False)

    def world_role(self, name: str, published: str | None) -> tuple[str | None, str | None] | None:
        """(country, sector) of the world actor of this name at the date, or None when unknown or when actors
        of different countries share the name."""
        folded = fold(name)
        if all(word in self.generic for word in folded.split()):
            return None  # "National Security Council", "Senate": every country has one
        american = " ".join(self.spellings.get(word, word) for word in folded.split())
        entries = self.world.get(folded) or self.world.get(org_key(name)) or self.world.get(american)
        if not entries:
            return None
        found = {role_at(roles, published) for roles in entries}
        if len({country for country, _ in found}) != 1:
            return None
        return sorted(found, key=lambda f: f[1] or "")[-1]

    def world_person(self, name: str) -> bool:
        """Whether a world name is a person's: an office held for a period (companies, media and bodies are
        listed without one)."""
        return any(role.start or role.end for roles in self.world.get(fold(name), []) for role in roles)

    def index(self) -> None:
        names = [*self.aliases, *self.countries, *self.capitals, *self.places, *self.bodies, *self.groups]
        exact = [*self.exact, *self.countries_exact]
        # "T-MEC" folds to "t mec": its first folded word starts it
        self.starts = {name.split()[0] for name in names if name} | {fold(a).split()[0] for a in exact if fold(a)}
        self.may_start = {}
        self.world_starts = {name.split()[0] for name in self.world if " " in name}
        surnames: dict[str, str] = {}
        countries: dict[str, set[str | None]] = {}
        for name in self.world:
            words = name.split()
            last = words[-1] if words else ""
            named_place = last in self.countries or last in self.capitals or last in self.places
            if len(words) < 2 or len(last) < 4 or last in self.generic or named_place or not self.world_person(name):
                continue
            surnames.setdefault(last, name)
            countries.setdefault(last, set()).update(r.country for roles in self.world[name] for r in roles)
        self.world_surnames = {word: name for word, name in surnames.items() if len(countries[word]) == 1}


@dataclass
class IssueKnowledge:
    patterns: dict[str, re.Pattern[str]]  # issue -> its terms and its sub-issues' terms
    contexts: dict[str, list[str]]  # issue or sub-issue -> the PLOVER contexts its terms carry
    subissues: dict[str, tuple[str, re.Pattern[str]]] = field(default_factory=dict)  # sub-issue -> (issue, terms)
    # ("issue", name) or ("subissue", name) -> the folded terms its pattern is made of (see `screen`)
    terms: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    @cached_property
    def screen(self) -> Screen[tuple[str, str]]:
        """Which issues and sub-issues a folded text may be on (see annotate.screen): only theirs are searched."""
        return Screen(self.terms)


@dataclass
class Knowledge:
    actors: ActorKnowledge
    issues: IssueKnowledge


def _strings(pack: Pack, value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KnowledgeError(f"{pack.path}: {where} must be a list of strings")
    return value


def _sector_lists(pack: Pack, key: str) -> dict[str, str]:
    table = require(pack.data, key, dict, where=str(pack.path))
    out = {}
    for sector, words in table.items():
        if sector not in SECTORS:
            raise KnowledgeError(f"{pack.path}: {key}: unknown sector {sector!r} (use one of {sorted(SECTORS)})")
        for word in _strings(pack, words, f"{key}.{sector}"):
            out[fold(word)] = sector
    return out


def _add_actor(knowledge: ActorKnowledge, entry: Any, pack: Pack, scope: frozenset[str] = frozenset()) -> None:
    where = f"{pack.path}: actor {entry.get('id') if isinstance(entry, dict) else entry!r}"
    if not isinstance(entry, dict):
        raise KnowledgeError(f"{where}: each actor must be a mapping")
    kind = require(entry, "kind", str, where=where)
    if kind not in KINDS:
        raise KnowledgeError(f"{where}: kind {kind!r} is not one of {sorted(KINDS)}")
    sector = entry.get("sector")
    if sector is not None and sector not in SECTORS:
        raise KnowledgeError(f"{where}: sector {sector!r} is not one of {sorted(SECTORS)}")
    name = require(entry, "name", str, where=where)
    actor = Actor(
        id=require(entry, "id", str, where=where),
        name=name,
        kind=kind,
        country=entry.get("country"),
        sector=sector,
        aliases=[name, *_strings(pack, entry.get("aliases") or [], "aliases")],
    )
    known = knowledge.actors.get(actor.id)
    if pack.language is not None and known is not None:  # a translation: the known actor gains these names
        actor = replace(known, aliases=list(dict.fromkeys([*known.aliases, *actor.aliases[1:]])))
    knowledge.actors[actor.id] = actor  # a later pack with the same id replaces the entry
    if scope:
        knowledge.scopes[actor.id] = scope
    else:
        knowledge.scopes.pop(actor.id, None)
    for alias in actor.aliases:
        if case_sensitive(alias):
            knowledge.exact[alias] = actor.id
        else:
            knowledge.aliases[fold(alias)] = actor.id


def _date_key(text: str, *, end: bool) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD (or '-') as a YYYYMMDD bound; an end is padded to the period's last day."""
    if text == "-":
        return ""
    digits = text.replace("-", "")
    if not re.fullmatch(r"\d{4}(?:\d{2}){0,2}", digits):
        raise KnowledgeError(f"office_holders: {text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return digits + ("1231" if end else "0101")[len(digits) - 4 :]


def _roles(text: str) -> tuple[Role, ...]:
    """Roles of one `world_actors` line: `CTY SEC FROM TO;…`."""
    roles = []
    for part in text.split(";"):
        country, sector, start, end = part.split()
        roles.append(Role(None if country == "-" else country, sector, start.strip("-"), end.strip("-")))
    return tuple(roles)


def _world(knowledge: ActorKnowledge, packs: Packs) -> None:
    """World actors by folded name and alias (company names also without "Inc.", "Corp."); the office-holder
    supplement's roles join those of the same name and country."""
    world: dict[str, list[tuple[Role, ...]]] = {}
    for pack in packs.of_kind("world_actors"):
        for line in require(pack.data, "entries", str, where=str(pack.path)).splitlines():
            name, aliases, roles = line.split("|")
            entry = _roles(roles)
            keys = {fold(name), org_key(name)} | {fold(a) for a in aliases.split(";") if a}
            for key in keys:
                if key and entry not in world.setdefault(key, []):
                    world[key].append(entry)
    for pack in packs.of_kind("office_holders"):
        for holder in require(pack.data, "holders", list, where=str(pack.path)):
            where = f"{pack.path}: holder {holder!r:.60}"
            name = require(holder, "name", str, where=where)
            held = []
            for text in _strings(pack, require(holder, "held", list, where=where), "held"):
                country, sector, start, end, *_office = text.split()
                if sector not in SECTORS:
                    raise KnowledgeError(f"{where}: unknown sector {sector!r}")
                held.append(Role(country, sector, _date_key(start, end=False), _date_key(end, end=True)))
            for key in {fold(name), *(fold(a) for a in _strings(pack, holder.get("aliases") or [], "aliases"))}:
                countries = {r.country for r in held}
                same = [r for roles in world.get(key, []) for r in roles if r.country in countries]
                world[key] = [(*same, *held)]
    knowledge.world = world
    for pack in packs.of_kind("world_agents"):
        for line in require(pack.data, "entries", str, where=str(pack.path)).splitlines():
            noun, sector = line.split("|")
            knowledge.agents[noun] = sector


def _issue_pattern(terms: list[str]) -> re.Pattern[str]:
    alternatives = sorted({re.escape(fold(term)) for term in terms}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")


def build(packs: Packs) -> Knowledge:
    actors = ActorKnowledge()
    for pack in packs.of_kind("countries"):
        for entry in require(pack.data, "countries", list, where=str(pack.path)):
            where = f"{pack.path}: country {entry.get('code')!r}"
            country = Country(require(entry, "code", str, where=where), require(entry, "name", str, where=where))
            for name in [country.name, *entry.get("aliases", []), *entry.get("demonyms", [])]:
                if case_sensitive(name):
                    actors.countries_exact[exact_key(name)] = country
                else:
                    actors.countries[fold(name)] = country
            for name in entry.get("capitals", []):
                actors.capitals[fold(name)] = country
            for name in entry.get("places", []):
                actors.places[fold(name)] = country
    words: dict[str, str] = {}
    by_code = {country.code: country for country in actors.countries.values()}
    for pack in packs.of_kind("shared_names"):
        for name, codes in require(pack.data, "names", dict, where=str(pack.path)).items():
            unknown = [code for code in codes if code not in by_code]
            if unknown:
                raise KnowledgeError(f"{pack.path}: {name}: unknown country codes {unknown}")
            actors.shared[fold(name)] = [by_code[code] for code in codes]
    for pack in packs.of_kind("institutions"):
        actors.roles |= _sector_lists(pack, "roles")
        actors.bodies |= _sector_lists(pack, "bodies")
        actors.groups |= _sector_lists(pack, "groups")
        words |= _sector_lists(pack, "org_words")
        actors.body_first = actors.body_first or bool(pack.data.get("body_first"))
        actors.products |= {fold(word) for word in _strings(pack, pack.data.get("products") or [], "products")}
        spellings = pack.data.get("spellings") or {}
        if not isinstance(spellings, dict):
            raise KnowledgeError(f"{pack.path}: `spellings` must map a British spelling to the American one")
        actors.spellings |= {fold(str(k)): fold(str(v)) for k, v in spellings.items()}
        actors.org_words = sorted(words.items(), key=lambda item: -len(item[0]))
        actors.generic |= {w for table in (actors.roles, actors.bodies) for key in table for w in key.split()}
    actors.generic |= GENERIC
    # packs in another language last: their entries add names in that language to the actors of the same id
    for pack in sorted(packs.of_kind("actors"), key=lambda p: p.language is not None):
        scope = frozenset(_strings(pack, pack.data.get("dyad") or [], "dyad"))
        for entry in require(pack.data, "actors", list, where=str(pack.path)):
            _add_actor(actors, entry, pack, scope)
    _world(actors, packs)
    actors.index()
    patterns: dict[str, re.Pattern[str]] = {}
    contexts: dict[str, list[str]] = {}
    subissues: dict[str, tuple[str, re.Pattern[str]]] = {}
    folded_terms: dict[tuple[str, str], list[str]] = {}
    for pack in packs.of_kind("issues"):
        for issue, spec in require(pack.data, "issues", dict, where=str(pack.path)).items():
            where = f"{pack.path}: issue {issue!r}"
            if not isinstance(spec, dict):
                raise KnowledgeError(f"{where} must be a mapping with `terms`")
            terms = _strings(pack, require(spec, "terms", list, where=where), "terms")
            contexts[issue] = _strings(pack, spec.get("contexts") or [], "contexts")
            subs = spec.get("subissues") or {}
            if not isinstance(subs, dict):
                raise KnowledgeError(f"{where}: `subissues` must be a mapping of sub-issue -> terms and contexts")
            for sub, sub_spec in subs.items():
                sub_where = f"{where}: sub-issue {sub!r}"
                if not isinstance(sub_spec, dict):
                    raise KnowledgeError(f"{sub_where} must be a mapping with `terms`")
                sub_terms = _strings(pack, require(sub_spec, "terms", list, where=sub_where), "terms")
                subissues[sub] = (issue, _issue_pattern(sub_terms))
                folded_terms[("subissue", sub)] = [fold(term) for term in sub_terms]
                contexts[sub] = _strings(pack, sub_spec.get("contexts") or [], "contexts")
                terms = [*terms, *sub_terms]
            patterns[issue] = _issue_pattern(terms)
            folded_terms[("issue", issue)] = [fold(term) for term in terms]
    if not patterns:
        raise KnowledgeError("no knowledge pack of kind `issues` was found", hint="restore packs/issues.yaml")
    return Knowledge(actors=actors, issues=IssueKnowledge(patterns, contexts, subissues, folded_terms))


def load_knowledge(extra: Sequence[Path] = ()) -> Knowledge:
    return build(load_packs(extra))
