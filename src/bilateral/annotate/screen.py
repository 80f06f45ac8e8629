"""Which of many word-list patterns can match a text, found in one Aho-Corasick pass (pyahocorasick).

An issue's terms and a frame's cues are each compiled into one regex, an alternation of literal words between
word-boundary tests. Python's `re` tries every alternative at every word boundary, so searching each sentence with
every pattern costs (patterns × alternatives × words). A pattern can only match where one of its literal words
occurs, so one pass over the sentence for all the literals of all the patterns names the few patterns worth
searching; only those run. The answers are the patterns' own: the screen only skips searches that cannot match.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import Any, Generic, TypeVar

# What a character can match under re.IGNORECASE that str.lower() does not give as the same ASCII letter:
# Python's re also equates "ı" with "i" and "ſ" with "s", and "İ" lowers to "i" plus a combining dot.
_IGNORECASE_ASCII = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def lowered(text: str) -> str:
    """`text` in the form case-insensitive literals are looked for in: wherever a pattern compiled with
    re.IGNORECASE matches an ASCII letter, this text holds that letter in lower case (same length as `text`)."""
    return text.translate(_IGNORECASE_ASCII).lower()


K = TypeVar("K", bound=Hashable)


class Screen(Generic[K]):
    """`candidates(text)`: the keys whose pattern may match `text`, given for each key the literal words one of
    which its pattern needs (`literals`: key -> words). A key with an empty word, or none (its pattern can match
    anywhere), is always a candidate. Built once per knowledge, used for every sentence."""

    def __init__(self, literals: Mapping[K, Iterable[str]]) -> None:
        import ahocorasick

        keys_of: dict[str, set[K]] = {}
        always: set[K] = set()
        for key, listed in literals.items():
            words = list(listed)
            if not words:
                always.add(key)
            for word in words:
                if word:
                    keys_of.setdefault(word, set()).add(key)
                else:
                    always.add(key)
        self._always = frozenset(always)
        self._automaton: Any = ahocorasick.Automaton()
        for word, keys in keys_of.items():
            self._automaton.add_word(word, frozenset(keys))
        if len(self._automaton):
            self._automaton.make_automaton()

    def candidates(self, text: str) -> set[K]:
        found = set(self._always)
        if len(self._automaton):
            for _, keys in self._automaton.iter(text):
                found.update(keys)
        return found
