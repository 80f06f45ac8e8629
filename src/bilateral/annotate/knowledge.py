"""What the annotate stages know, built from the knowledge packs once per process and validated on load.

Names are compared in a folded form (accents, case, dots and a leading "the" removed), so "López Obrador",
"Lopez Obrador" and "LÓPEZ OBRADOR" meet; short all-capital aliases ("ICE", "WHO") must match their case.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

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
    # the folded first words of every name and phrase above: most tokens start none, and are skipped at once
    starts: set[str] = field(default_factory=set)

    def index(self) -> None:
        names = [*self.aliases, *self.countries, *self.capitals, *self.places, *self.bodies, *self.groups]
        exact = [*self.exact, *self.countries_exact]
        # "T-MEC" folds to "t mec": its first folded word starts it
        self.starts = {name.split()[0] for name in names if name} | {fold(a).split()[0] for a in exact if fold(a)}


@dataclass
class IssueKnowledge:
    patterns: dict[str, re.Pattern[str]]
    contexts: dict[str, list[str]]


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


def _add_actor(knowledge: ActorKnowledge, entry: Any, pack: Pack) -> None:
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
    knowledge.actors[actor.id] = actor  # a later pack with the same id replaces the entry
    for alias in actor.aliases:
        if case_sensitive(alias):
            knowledge.exact[alias] = actor.id
        else:
            knowledge.aliases[fold(alias)] = actor.id


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
    for pack in packs.of_kind("institutions"):
        actors.roles |= _sector_lists(pack, "roles")
        actors.bodies |= _sector_lists(pack, "bodies")
        actors.groups |= _sector_lists(pack, "groups")
        words = _sector_lists(pack, "org_words")
        actors.org_words = sorted(words.items(), key=lambda item: -len(item[0]))
    for pack in packs.of_kind("actors"):
        for entry in require(pack.data, "actors", list, where=str(pack.path)):
            _add_actor(actors, entry, pack)
    actors.index()
    patterns: dict[str, re.Pattern[str]] = {}
    contexts: dict[str, list[str]] = {}
    for pack in packs.of_kind("issues"):
        for issue, spec in require(pack.data, "issues", dict, where=str(pack.path)).items():
            where = f"{pack.path}: issue {issue!r}"
            if not isinstance(spec, dict):
                raise KnowledgeError(f"{where} must be a mapping with `terms`")
            patterns[issue] = _issue_pattern(_strings(pack, require(spec, "terms", list, where=where), "terms"))
            contexts[issue] = _strings(pack, spec.get("contexts") or [], "contexts")
    if not patterns:
        raise KnowledgeError("no knowledge pack of kind `issues` was found", hint="restore packs/issues.yaml")
    return Knowledge(actors=actors, issues=IssueKnowledge(patterns, contexts))


def load_knowledge(extra: Sequence[Path] = ()) -> Knowledge:
    return build(load_packs(extra))
