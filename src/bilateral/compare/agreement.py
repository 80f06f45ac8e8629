"""Figure agreement: figures from different documents that count the same thing in the same period, compared.

Two figures count the same thing when they share a unit, fall in the same period, and either what they count
matches (the same noun, or nouns of one group in the `quantities` pack: "asylum seekers" and "people") in similar
sentences, or their sentences are close and share a rare term ("Mérida"). Each figure is paired with its best
match in each other document, and only when that figure picks it back, so a sentence with several numbers is
not compared crosswise. A pair agrees when the ranges their approximations allow overlap ("more than 60,000"
and "about 71,000"), and conflicts otherwise ("2.5 million" and "2.7 million"). A figure in no pair is unique.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta

from bilateral.annotate.knowledge import fold
from bilateral.compare.similarity import Weights, cosine, singular
from bilateral.compare.stories import WINDOW, Item, near_in_time, rare_terms
from bilateral.knowledge import Packs, require

# How far each approximation lets the true value sit from the stated one, as factors of it.
BANDS: dict[str, tuple[float, float]] = {
    "exact": (0.995, 1.005),  # rounding only: 2.5 million is not 2.7 million
    "about": (0.9, 1.1),
    "nearly": (0.9, 0.999),
    "almost": (0.9, 0.999),
    "up to": (0.75, 1.0),
    "less than": (0.75, 0.999),
    "at least": (1.0, 1.25),
    "more than": (1.001, 1.25),
    "range": (1.0, 2.0),  # the top of a range is not stored; up to twice the bottom
}
VAGUE_BAND = (1.0, 10.0)  # "dozens", "hundreds", "thousands" …
MAX_RATIO = 3.0  # figures further apart than this count different things (or a sentence we misread)
SAME_COUNTED = 0.05  # closeness enough when the counted nouns match …
SAME_CONTEXT = 0.3  # … and when only the sentences speak for it


@dataclass(frozen=True)
class Comparison:
    first: str  # figure ids, first < second
    second: str
    relation: str  # agree | conflict


def band(value: float, approx: str) -> tuple[float, float]:
    low, high = BANDS.get(approx, VAGUE_BAND)
    return value * low, value * high


def relation(a: Item, b: Item) -> str:
    assert a.value is not None and b.value is not None
    low_a, high_a = band(a.value, a.approx)
    low_b, high_b = band(b.value, b.approx)
    return "agree" if low_a <= high_b and low_b <= high_a else "conflict"


def quantity_groups(packs: Packs) -> dict[str, str]:
    """word or phrase (singular, lowercase) → the group it counts, from the `quantities` packs."""
    groups: dict[str, str] = {}
    for pack in packs.of_kind("quantities"):
        for group, words in require(pack.data, "groups", dict, where=pack.name).items():
            for word in words:
                groups[" ".join(singular(w) for w in fold(str(word)).split())] = str(group)
    return groups


def counted_nouns(counted: str | None, groups: Mapping[str, str]) -> frozenset[str]:
    """What a figure counts, as group names or plain nouns; the last word of a longer phrase is its verb."""
    if not counted:
        return frozenset()
    words = [singular(w) for w in fold(counted).split()]
    if len(words) > 1:
        words = words[:-1]
    phrase = " ".join(words)
    found = {group for term, group in groups.items() if f" {term} " in f" {phrase} "}
    covered = {w for term in groups if f" {term} " in f" {phrase} " for w in term.split()}
    return frozenset(found | {w for w in words if w not in covered and len(w) > 2})


def compare_figures(
    figures: Sequence[Item],
    weights: Weights,
    groups: Mapping[str, str],
    *,
    closeness: Callable[[Item, Item], float] | None = None,
) -> list[Comparison]:
    close = closeness or (lambda a, b: cosine(a.terms, b.terms))
    rare = rare_terms(weights)
    nouns = {f.id: counted_nouns(f.counted, groups) for f in figures}
    scores: dict[tuple[int, int], float] = {}
    for i, a in enumerate(figures):
        for j in range(i + 1, len(figures)):
            b = figures[j]
            if score := _same_quantity(a, b, close, rare, nouns):
                scores[(i, j)] = score
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for (i, j), score in sorted(scores.items()):
        for one, other in ((i, j), (j, i)):
            key = (one, figures[other].document)
            if key not in best or score > best[key][0]:
                best[key] = (score, other)
    found = []
    for (i, j), _ in sorted(scores.items()):
        if best[(i, figures[j].document)][1] == j and best[(j, figures[i].document)][1] == i:
            first, second = sorted((figures[i].id, figures[j].id))
            found.append(Comparison(first, second, relation(figures[i], figures[j])))
    return sorted(found, key=lambda c: (c.first, c.second))


def _same_quantity(
    a: Item,
    b: Item,
    close: Callable[[Item, Item], float],
    rare: Callable[[str], bool],
    nouns: Mapping[str, frozenset[str]],
) -> float:
    """How surely two figures count the same thing (0: they do not)."""
    if a.document == b.document or a.unit != b.unit or a.value is None or b.value is None:
        return 0.0
    if min(a.value, b.value) <= 0 or max(a.value, b.value) / min(a.value, b.value) > MAX_RATIO:
        return 0.0
    # Two dated counts must cover the same period ("in 2019" is not "in 2020"); a count as of a publication day
    # may be compared with one a few weeks apart.
    if not near_in_time(a.date, b.date, window=WINDOW if not (a.own_date and b.own_date) else timedelta(0)):
        return 0.0
    closeness = close(a, b)
    proximity = min(a.value, b.value) / max(a.value, b.value)
    if nouns[a.id] & nouns[b.id] and closeness >= SAME_COUNTED:
        return 1.0 + closeness + proximity / 2
    if closeness >= SAME_CONTEXT and not (nouns[a.id] and nouns[b.id]) and _shares(a.terms, b.terms, rare):
        return closeness + proximity / 2
    return 0.0


def _shares(a: Iterable[str], b: Mapping[str, float], rare: Callable[[str], bool]) -> bool:
    return any(term in b and rare(term) for term in a)
