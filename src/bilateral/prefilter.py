"""The relevance prefilter: before any parse, drop documents that cannot be about a relationship between countries.

One Aho-Corasick pass (pyahocorasick) over the document finds every name the knowledge packs tie to a country:
country names, aliases and demonyms, seats of government, places, and actors with a country (leaders,
ministries). With a dyad (`USA-CHN`) a document is kept when it names both countries; without one, when it names
at least two different countries. Names are matched in the same folded form the actor annotator uses (accents,
case, dots and hyphens ignored), short all-capital names ("US", "UK") by case, and only as whole words.
A dropped document stays in the store unanalysed, so a later run with another dyad screens it again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bilateral.errors import BilateralError

if TYPE_CHECKING:
    from bilateral.annotate.knowledge import ActorKnowledge

_COMBINING = re.compile(r"[\u0300-\u036f]+")
_DYAD = re.compile(r"^([A-Za-z]{3})-([A-Za-z]{3})$")


class BadDyad(BilateralError):
    hint = "name the pair by ISO 3166 alpha-3 codes, e.g. --dyad USA-CHN"


def fold_text(text: str) -> str:
    """A whole document in `annotate.knowledge.fold`'s form, at C speed: same length rules, whole words kept.

    Accents are dropped only where the text has any (most English text is ASCII and skips the normalisation).
    """
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return " ".join(text.lower().replace(".", "").replace("’", "'").replace("-", " ").split())


def parse_dyad(value: str, known: Iterable[str]) -> tuple[str, str]:
    """("USA", "CHN") from "USA-CHN" (any case); BadDyad when malformed, the same code twice or an unknown code."""
    match = _DYAD.match(value.strip())
    if not match:
        raise BadDyad(f"{value!r} is not a dyad")
    first, second = match.group(1).upper(), match.group(2).upper()
    if first == second:
        raise BadDyad(f"{value!r} names one country twice")
    codes = set(known)
    for code in (first, second):
        if code not in codes:
            raise BadDyad(f"{code} is not a country code the knowledge packs know")
    return first, second


def automaton(terms: dict[str, set[str]]) -> Any:
    """An Aho-Corasick automaton (pyahocorasick) of `terms`: term -> (its length, frozenset of the labels it
    stands for: country codes, pack entry ids)."""
    import ahocorasick

    built = ahocorasick.Automaton()
    for term, labels in terms.items():
        if term:
            built.add_word(term, (len(term), frozenset(labels)))
    if len(built):
        built.make_automaton()
    return built


def labels_in(folded: Any, exact: Any, text: str) -> set[str]:
    """The labels of every term of the two automata (`folded`: folded terms, matched on `fold_text(text)`;
    `exact`: case-kept terms, matched with dots removed) that `text` holds as a whole word."""
    found: set[str] = set()
    for built, haystack in ((folded, fold_text(text)), (exact, text.replace(".", ""))):
        if not len(built):
            continue
        for end, (length, labels) in built.iter(haystack):
            if not labels <= found and whole_word(haystack, end - length + 1, end + 1):
                found |= labels
    return found


def whole_word(text: str, start: int, end: int) -> bool:
    return (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())


@dataclass(frozen=True)
class Prefilter:
    """Which countries a text names, and whether it can be about the dyad (or any pair when `dyad` is None)."""

    folded: Any  # ahocorasick.Automaton: folded name -> (length, country codes)
    exact: Any  # ahocorasick.Automaton: case-kept short name, dots removed -> (length, country codes)
    dyad: tuple[str, str] | None = None

    def countries(self, text: str) -> set[str]:
        """ISO alpha-3 codes of every country the text names (directly or through a place or actor)."""
        return labels_in(self.folded, self.exact, text)

    def keeps(self, text: str) -> bool:
        named = self.countries(text)
        if self.dyad is None:
            return len(named) >= 2
        return self.dyad[0] in named and self.dyad[1] in named


def build_prefilter(actors: ActorKnowledge, *, dyad: tuple[str, str] | None = None) -> Prefilter:
    """The matcher over every country name the actor knowledge holds (see the module docstring)."""
    from bilateral.annotate.knowledge import case_sensitive, exact_key, fold

    folded: dict[str, set[str]] = {}
    exact: dict[str, set[str]] = {}
    for table in (actors.countries, actors.capitals, actors.places):
        for name, country in table.items():
            folded.setdefault(name, set()).add(country.code)
    for name, country in actors.countries_exact.items():
        exact.setdefault(name, set()).add(country.code)
    codes = {country.code for country in actors.countries.values()}
    for actor in actors.actors.values():
        if actor.country not in codes:
            continue  # IGO, NGO, MNC …: not one country's
        for alias in actor.aliases:
            if case_sensitive(alias):
                exact.setdefault(exact_key(alias), set()).add(actor.country)
            else:
                folded.setdefault(fold(alias), set()).add(actor.country)
    return Prefilter(automaton(folded), automaton(exact), dyad)
