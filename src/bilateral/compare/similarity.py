"""Sentence similarity across documents: content terms weighted by how rare they are among the corpus's sentences.

Used to tell whether two sentences from different documents speak of the same happening. Terms are lowercased,
accent-folded words without stop words, plus runs of capitalised words written as one ("Astra Zeneca" and
"AstraZeneca" meet as "astrazeneca"), plus the actors the sentence names (`@actor-id`). A term found in most
sentences of the corpus weighs nothing; one found in a handful decides.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import pairwise

from spacy.lang.en.stop_words import STOP_WORDS

from bilateral.annotate.knowledge import fold
from bilateral.calendar import MONTHS, WEEKDAYS

_WORD = re.compile(r"[^\W\d_](?:[\w'’.-]*\w)?")
_MIN_LENGTH = 3  # "us", "mr", "el" carry nothing here; acronyms of three letters and more do
_NOT_NAMES = {*MONTHS, *WEEKDAYS}


def singular(word: str) -> str:
    """A crude singular of a lowercase word ("doses" → "dose", "families" → "family"); names are left alone."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def terms(text: str, *, actors: Iterable[str] = (), names: dict[str, str] | None = None) -> Counter[str]:
    """The content terms of a sentence (and the actors it names), with counts.

    `names` receives the terms that are names and how the text writes them: runs of capitalised words inside the
    sentence as one term ("Salvador Cienfuegos"), the last word of such a run on its own (the surname later
    mentions use), and the actors.
    """
    found: Counter[str] = Counter()
    names = {} if names is None else names
    matches = [(match, word) for match in _WORD.finditer(text) if (word := match[0].strip(".'’-"))]
    words = [(word, match.start()) for match, word in matches]
    capital = [word[0].isupper() and at > 0 for word, at in words]
    # a run of names stops at punctuation: "Guatemala, Honduras" are two names
    spaced = [
        k > 0 and not text[matches[k - 1][0].end() : match.start()].strip() for k, (match, _) in enumerate(matches)
    ]
    run: list[str] = []
    for k, (word, _) in enumerate(words):
        written = word.replace("’", "'").removesuffix("'s")
        if capital[k]:
            run.append(written)
        ends_run = capital[k] and (k + 1 == len(words) or not (capital[k + 1] and spaced[k + 1]))
        folded = fold(written)
        if len(folded) >= _MIN_LENGTH and folded not in STOP_WORDS:
            found[term := folded if capital[k] else singular(folded)] += 1  # "Cienfuegos" is no plural
            if ends_run and folded not in _NOT_NAMES:
                names.setdefault(term, written)
        if ends_run:
            if len(run) > 1:
                found[compound := fold("".join(run))] += 1
                names.setdefault(compound, " ".join(run))
            run = []
    for actor in actors:
        found[f"@{actor}"] += 1
    return found


def content_words(text: str) -> list[str]:
    """The content words of a text in order, each as `terms` counts it (folded; a lowercase word in the singular),
    without stop words and words under three letters: "Chinese commerce ministry" → chinese, commerce, ministry."""
    return [word for word, _ in _content(text)]


def phrases(text: str) -> set[str]:
    """Two content words written next to each other, with nothing but a space between them, as "first second"
    ("hydrogen fluoride", "border crossing"): the multi-word names of things that `terms` splits into words."""
    found = _content(text)
    return {
        f"{first} {second}"
        for (first, (_, end)), (second, (start, _)) in pairwise(found)
        if not text[end:start].strip()
    }


def _content(text: str) -> list[tuple[str, tuple[int, int]]]:
    """(term, (start, end)) of each content word (see `content_words`)."""
    found = []
    for match in _WORD.finditer(text):
        word = match[0].strip(".'’-")
        folded = fold(word.replace("’", "'").removesuffix("'s"))
        if len(folded) >= _MIN_LENGTH and folded not in STOP_WORDS and word:
            capital = word[0].isupper() and match.start() > 0
            found.append((folded if capital else singular(folded), match.span()))
    return found


class Weights:
    """Inverse sentence frequency of every term over a corpus's sentences, and how many documents hold it."""

    def __init__(self, sentences: Iterable[tuple[str, Counter[str]]]) -> None:
        seen: Counter[str] = Counter()
        holders: dict[str, set[str]] = {}
        documents: set[str] = set()
        total = 0
        for document, sentence in sentences:
            seen.update(sentence.keys())
            for term in sentence:
                holders.setdefault(term, set()).add(document)
            documents.add(document)
            total += 1
        self.sentences = total
        self.documents = len(documents)
        self._held = {term: len(held) for term, held in holders.items()}
        # log(N / n), floored at 0: a term in every sentence weighs nothing; an unseen term weighs the most.
        self._idf = {term: math.log(max(total, 1) / n) for term, n in seen.items()}
        self._unseen = math.log(max(total, 2))

    def held_by(self, term: str) -> int:
        """How many documents use the term."""
        return self._held.get(term, 0)

    def idf_of_count(self, sentences: float) -> float:
        """The weight of a term found in this many sentences."""
        return math.log(max(self.sentences, 1) / sentences)

    def idf(self, term: str) -> float:
        return self._idf.get(term, self._unseen)

    def vector(self, counts: Mapping[str, int]) -> dict[str, float]:
        weighted = {term: (1 + math.log(n)) * self.idf(term) for term, n in counts.items()}
        norm = math.sqrt(sum(w * w for w in weighted.values())) or 1.0
        return {term: w / norm for term, w in weighted.items() if w > 0}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[term] for term, w in a.items() if term in b)
