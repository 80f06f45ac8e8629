"""Pack entries one by one, so that a run after a knowledge edit re-analyses only the documents the edit touches.

An entry is one actor (by id, across packs: a later pack's actor of the same id, or its translation, is the same
entry), one world actor line or one office holder (by folded name). Its digest changes when its definition does;
its terms are the names a document must contain for the entry to reach its analysis, in the annotator's folded
form (short all-capital names by case, as the annotator matches them). Everything else the packs hold (issues,
event patterns, countries, institutions …) is one digest, `rest`: when it changes, every document is re-analysed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from bilateral.knowledge import Packs

REST = ""  # the id under which the digest of everything outside the entries is stored


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Entries:
    """Entry id ("actor:<id>", "world:<folded name>", "holder:<folded name>") -> digest and terms; `digests[REST]`
    covers everything else."""

    digests: dict[str, str]
    folded: dict[str, frozenset[str]]  # entry id -> folded names
    exact: dict[str, frozenset[str]]  # entry id -> case-kept short names, dots removed

    def changed(self, before: Mapping[str, str]) -> set[str] | None:
        """The entries added, removed or redefined since `before` (entry id -> digest), or None when something
        outside the entries changed (then every document is touched)."""
        if before.get(REST) != self.digests[REST]:
            return None
        ids = set(before) | set(self.digests)
        return {entry for entry in ids if before.get(entry) != self.digests.get(entry)}

    def matcher(self, ids: Collection[str] | None = None) -> EntryMatcher:
        """A matcher for the entries `ids` (all when None)."""
        from bilateral.prefilter import automaton

        chosen = self.folded.keys() if ids is None else [i for i in ids if i in self.folded]
        folded: dict[str, set[str]] = {}
        exact: dict[str, set[str]] = {}
        for entry in chosen:
            for term in self.folded[entry]:
                folded.setdefault(term, set()).add(entry)
            for term in self.exact[entry]:
                exact.setdefault(term, set()).add(entry)
        return EntryMatcher(automaton(folded), automaton(exact))


@dataclass(frozen=True)
class EntryMatcher:
    folded: Any  # ahocorasick.Automaton: folded term -> (length, entry ids)
    exact: Any  # ahocorasick.Automaton: case-kept term -> (length, entry ids)

    def entries_in(self, text: str) -> set[str]:
        """The ids of the entries whose terms the text contains as whole words."""
        from bilateral.prefilter import labels_in

        return labels_in(self.folded, self.exact, text)


class _Collect:
    def __init__(self, british: Mapping[str, list[str]]) -> None:
        self.definitions: dict[str, list[Any]] = {}
        self.folded: dict[str, set[str]] = {}
        self.exact: dict[str, set[str]] = {}
        self.british = british

    def add(self, entry: str, definition: Any, names: list[str]) -> None:
        from bilateral.annotate.knowledge import case_sensitive, exact_key, fold, org_key

        self.definitions.setdefault(entry, []).append(definition)
        folded, exact = self.folded.setdefault(entry, set()), self.exact.setdefault(entry, set())
        for name in names:
            if case_sensitive(name):
                exact.add(exact_key(name))
            else:
                folded |= set(self._spellings(fold(name))) | set(self._spellings(org_key(name)))

    def _spellings(self, term: str) -> Iterator[str]:
        """The term and its British spellings: the annotator looks names up in American spelling."""
        yield term
        words = term.split()
        for i, word in enumerate(words):
            for british in self.british.get(word, []):
                yield " ".join([*words[:i], british, *words[i + 1 :]])


def _outside(data: dict[str, Any], entries: str) -> dict[str, Any]:
    """What an entry pack holds besides its entries and its own name: a pack of entries alone adds nothing else
    (a user's pack of one actor is that one entry)."""
    return {key: value for key, value in data.items() if key not in (entries, "pack", "kind")}


def pack_entries(packs: Packs, spellings: Mapping[str, str] = {}) -> Entries:
    """The entries of every pack (all languages) and the digest of the rest. `spellings`: folded British word ->
    American (the institutions packs' `spellings`), so that a name is also found as a British text spells it."""
    from bilateral.annotate.knowledge import fold

    british: dict[str, list[str]] = {}
    for word, american in spellings.items():
        british.setdefault(american, []).append(word)
    collect = _Collect(british)
    rest: list[Any] = []
    for pack in packs.packs:
        data = pack.data
        if pack.kind == "actors" and isinstance(data.get("actors"), list):
            scope = data.get("dyad")
            for actor in data["actors"]:
                if not isinstance(actor, dict):  # the annotator's own validation names the fault
                    rest.append(actor)
                    continue
                names = [actor.get("name"), *(actor.get("aliases") or [])]
                definition = [pack.language, scope, actor]
                collect.add(f"actor:{actor.get('id')}", definition, [n for n in names if isinstance(n, str)])
            data = _outside(data, "actors")
        elif pack.kind == "world_actors" and isinstance(data.get("entries"), str):
            for line in data["entries"].splitlines():
                name, aliases = [*line.split("|"), ""][:2]
                collect.add(f"world:{fold(name)}", [pack.language, line], [name, *aliases.split(";")])
            data = _outside(data, "entries")
        elif pack.kind == "office_holders" and isinstance(data.get("holders"), list):
            for holder in data["holders"]:
                name = holder.get("name") if isinstance(holder, dict) else None
                if not isinstance(name, str):
                    rest.append(holder)
                    continue
                aliases = [a for a in holder.get("aliases") or [] if isinstance(a, str)]
                collect.add(f"holder:{fold(name)}", [pack.language, holder], [name, *aliases])
            data = _outside(data, "holders")
        if data:
            rest.append([pack.kind, pack.name, data])
    digests = {entry: _digest(definitions) for entry, definitions in collect.definitions.items()}
    digests[REST] = _digest(rest)
    return Entries(
        digests,
        {entry: frozenset(terms) for entry, terms in collect.folded.items()},
        {entry: frozenset(terms) for entry, terms in collect.exact.items()},
    )
