"""spaCy's attribute ruler and English rule lemmatizer applied to a whole Doc at once, with the same results.

The stock ruler runs spaCy's Matcher with all its rules at every token and makes a Span per match; the stock
lemmatizer makes a Token per token (together about a quarter of en_core_web_sm's time). Here a Doc's columns
are read with `Doc.to_array`, changed in lists and written back with `Doc.from_array`, which sets each value as
the stock components do (`Token.set_struct_attr`). Their tables grow with the distinct words seen, as the stock
lemmatizer's cache does.

- `RuledAttributes`: the ruler's rules, compiled into tests on four token attributes (tag, lower form, arc,
  whitespace: all en_core_web_sm's rules test), are found through an index by the value each asks for, once per
  distinct row of those attributes; a token ends with what the stock component would set, later rules winning.
  A ruler with rules of another kind is left to run as it is.
- `TabledLemmas`: the English rule lemmatizer's answer is a function of a token's orth, part of speech and
  morphology (its own cache key); each such triple is lemmatized once per process, by the stock component.

Both run after the whole pipeline (see `annotate.nlp.parse`): nothing after them in en_core_web_sm reads what
they set (the NER embeds only lexical attributes), so the Doc is the same as the stock pipeline's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

# the token attributes a rule may test, with the tests the Matcher offers that these rules use; a ruler whose
# rules test anything else is left to run as it is
TESTED = ("TAG", "LOWER", "DEP", "IS_SPACE")
TESTS = ("IN", "NOT_IN", "REGEX")


@dataclass(frozen=True)
class _Test:
    """One test on one attribute of a token: equal to a value, in a set of values (or not), or a regex search."""

    column: int  # index into TESTED
    values: frozenset[int] = frozenset()  # string hashes (or 0/1 for IS_SPACE)
    regex: re.Pattern[str] | None = None
    negated: bool = False  # NOT_IN

    def passes(self, row: Sequence[int], strings: Any, searched: dict[tuple[str, int], bool]) -> bool:
        value = row[self.column]
        if self.regex is None:
            return (value in self.values) != self.negated
        key = (self.regex.pattern, value)
        if key not in searched:
            searched[key] = self.regex.search(strings[value]) is not None
        return searched[key]


Pattern = list[list[_Test]]  # a rule's tokens, each the tests it must pass


class RuledAttributes:
    """The attribute ruler `ruler` (spacy.pipeline.AttributeRuler) as table look-ups: which rules' first token a
    token passes is worked out once per distinct (tag, lower, dep, is_space) row, found through an index by the
    value each rule asks for; the other tokens of longer rules are checked in Python; what each token ends with
    (later rules win) is written in one pass over the Doc's columns (attribute ids from spacy.attrs; values are
    string hashes)."""

    def __init__(self, ruler: Any, rules: list[tuple[int, list[Pattern]]]) -> None:
        self.ruler = ruler
        self.columns = sorted({attr for attrs in ruler.attrs for attr in attrs})
        self._anchored: dict[tuple[int, int], list[tuple[int, Pattern]]] = {}
        self._everywhere: list[tuple[int, Pattern]] = []
        for rule, pattern in ((rule, pattern) for rule, patterns in rules for pattern in patterns):
            anchor = next((test for test in pattern[0] if test.regex is None and not test.negated), None)
            if anchor is None:
                self._everywhere.append((rule, pattern))
                continue
            for value in anchor.values:
                self._anchored.setdefault((anchor.column, value), []).append((rule, pattern))
        self._searched: dict[tuple[str, int], bool] = {}
        self._starting: dict[tuple[int, ...], list[tuple[int, Pattern]]] = {}
        self._merged: dict[tuple[int, ...], list[tuple[int, int]]] = {}

    def __call__(self, doc: Any) -> Any:
        from spacy import attrs

        if not len(doc):
            return doc
        rows = [tuple(row) for row in doc.to_array([getattr(attrs, name) for name in TESTED]).tolist()]
        strings = doc.vocab.strings
        applied: dict[int, set[int]] = {}
        for start, row in enumerate(rows):
            if row not in self._starting:
                self._starting[row] = self._first_token_passes(row, strings)
            for rule, pattern in self._starting[row]:
                if len(pattern) > 1:
                    rest = zip(pattern[1:], rows[start + 1 : start + len(pattern)], strict=False)
                    if start + len(pattern) > len(rows) or not all(
                        test.passes(at, strings, self._searched) for tests, at in rest for test in tests
                    ):
                        continue
                index = self.ruler.indices[rule]
                position = start + (index if index >= 0 else len(pattern) + index)
                applied.setdefault(position, set()).add(rule)
        if not applied:
            return doc
        values = doc.to_array(self.columns).tolist()
        for position, found in applied.items():
            for column, value in self._values(tuple(sorted(found))):
                values[position][column] = value
        doc.from_array(self.columns, np.asarray(values, dtype=np.uint64))
        return doc

    def _first_token_passes(self, row: tuple[int, ...], strings: Any) -> list[tuple[int, Pattern]]:
        """The (rule, pattern)s whose first token's tests a token with these TESTED values passes, by rule."""
        candidates = [hit for column, value in enumerate(row) for hit in self._anchored.get((column, value), ())]
        passed = [
            (rule, pattern)
            for rule, pattern in candidates + self._everywhere
            if all(test.passes(row, strings, self._searched) for test in pattern[0])
        ]
        return sorted(passed, key=lambda hit: hit[0])

    def _values(self, applied: tuple[int, ...]) -> list[tuple[int, int]]:
        """(column, value) a token ends with after the rules `applied`, in order."""
        if applied not in self._merged:
            merged: dict[int, int] = {}
            for rule in applied:
                merged.update(self.ruler.attrs[rule])
            self._merged[applied] = [(self.columns.index(attr), value) for attr, value in merged.items()]
        return self._merged[applied]


def _rules(ruler: Any) -> list[tuple[int, list[Pattern]]] | None:
    """Each rule of `ruler` (its index, its patterns as lists of tests per token), or None when a rule tests an
    attribute or uses an operator this module does not read (quantifiers, comparisons, ...)."""
    strings = ruler.vocab.strings
    rules = []
    for rule, entry in enumerate(ruler.patterns):
        patterns = []
        for pattern in entry["patterns"]:
            tokens = []
            for token in pattern:
                tests = []
                for name, wanted in token.items():
                    if name not in TESTED:
                        return None
                    column = TESTED.index(name)
                    if isinstance(wanted, bool):
                        tests.append(_Test(column, frozenset({int(wanted)})))
                    elif isinstance(wanted, str):
                        tests.append(_Test(column, frozenset({strings.add(wanted)})))
                    elif isinstance(wanted, dict) and len(wanted) == 1 and set(wanted) <= set(TESTS):
                        if "REGEX" not in wanted:
                            (test, listed), *_ = wanted.items()
                            hashes = frozenset(strings.add(value) for value in listed)
                            tests.append(_Test(column, hashes, negated=test == "NOT_IN"))
                        else:
                            tests.append(_Test(column, regex=re.compile(wanted["REGEX"])))
                    else:
                        return None
                tokens.append(tests)
            patterns.append(tokens)
        if entry["index"] != ruler.indices[rule]:
            return None
        rules.append((rule, patterns))
    return rules


class TabledLemmas:
    """The English rule lemmatizer `lemmatizer` (spacy.lang.en.lemmatizer.EnglishLemmatizer, mode "rule", not
    overwriting lemmas the attribute ruler set) with its answers kept by (orth, pos, morph) hashes.

    The lemmatizer's word index (table `lemma_index`: part of speech -> the known lemmas, 57,000 nouns) is turned
    into sets once: the rule lemmatizer only asks whether a form is in it, and asking a list of that length took
    most of its time (a quarter of a millisecond per new word); the answers are the same. The sets replace the lists
    in the loaded pipeline's own tables, so that pipeline can no longer be written out with `to_disk`/`to_bytes`
    (msgpack has no sets); nothing here writes it, and a pipeline loaded anew has its lists."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self._lemmas: dict[tuple[int, int, int], int] = {}
        index = lemmatizer.lookups.get_table("lemma_index", {})
        for part_of_speech in list(index):
            index[part_of_speech] = frozenset(index[part_of_speech])

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = columns[:, 3].tolist()
        for position, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if lemma == 0:
                key = (orth, pos, morph)
                if key not in self._lemmas:
                    self._lemmas[key] = doc.vocab.strings.add(self.lemmatizer.lemmatize(doc[position])[0])
                lemmas[position] = self._lemmas[key]
        doc.from_array([LEMMA], np.asarray(lemmas, dtype=np.uint64).reshape(-1, 1))
        return doc


def tabled(nlp: Any) -> tuple[list[str], list[Any]]:
    """The components of `nlp` to leave out of `nlp.pipe` and the callables (Doc -> Doc) to run on each Doc after
    it, in order: the attribute ruler and the English rule lemmatizer where both come last but the NER, as in
    en_core_web_sm (the project's own components, named `bilateral_…`, aside); nothing for any other pipeline
    (which then runs as it is)."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import AttributeRuler

    # the project's own components (annotate.given_names) read nothing the ruler and the lemmatizer set
    names: Sequence[str] = [name for name in nlp.pipe_names if not name.startswith("bilateral_")]
    if list(names[-3:]) != ["attribute_ruler", "lemmatizer", "ner"]:
        return [], []
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    plain = type(ruler) is AttributeRuler and type(lemmatizer) is EnglishLemmatizer
    if not plain or lemmatizer.mode != "rule" or lemmatizer.overwrite:
        return [], []
    rules = _rules(ruler)
    if rules is None:
        return [], []
    return ["attribute_ruler", "lemmatizer"], [RuledAttributes(ruler, rules), TabledLemmas(lemmatizer)]
