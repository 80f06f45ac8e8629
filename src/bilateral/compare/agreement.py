"""Figure agreement: figures from different documents that count the same quantity in the same period, compared.

Two figures count the same quantity when they share a unit, fall in the same period, lie within MAX_RATIO of each
other, what they count matches (the same noun, or nouns of one group in the `quantities` pack: "asylum seekers"
and "people") in similar sentences — or their sentences are close and share a rare term ("Mérida") — and no
qualifier tells them apart. Qualifiers are read in the stretch of the sentence that belongs to each figure (see
the `figure_qualifiers` pack): whose side (the countries named there: one side's dead are not the other's), what
was done (bought vs taxed, killed vs injured), the period (a year vs in total), with or without a part
(excluding X), cancelled or in force, pledged or imposed. Each figure is paired with its best match in each other
document, and only when that figure picks it back, so a sentence with several numbers is not compared crosswise.
A pair agrees when the ranges their approximations allow overlap ("more than 60,000" and "about 71,000"), and
conflicts otherwise ("2.5 million" and "2.7 million"). A figure in no pair is unique.

Candidate pairs come from blocks of figures sharing a unit and a counted noun or a rare term (each block
capped), so the pass does not compare every figure with every other.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache, cached_property

from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP_WORDS
from spacy.lang.es.stop_words import STOP_WORDS as ES_STOP_WORDS

from bilateral.annotate.knowledge import fold
from bilateral.calendar import MONTHS
from bilateral.compare.similarity import Weights, cosine, singular
from bilateral.compare.stories import CANDIDATES_CAP, WINDOW, Item, near_in_time, rare_terms
from bilateral.extract.numbers import grammar
from bilateral.knowledge import Packs, builtin_packs, require

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
# Two reports of one count rarely differ by more than a third: figures further apart count different things (a
# list of goods before and after a change, two stock indices) or a sentence was misread.
MAX_RATIO = 1.3
SAME_COUNTED = 0.05  # closeness enough when the counted nouns match …
SAME_CONTEXT = 0.3  # … and when only the sentences speak for it
# Two languages' sentences share few terms, and shared names weigh as much for two counts as for one, so across
# languages the multilingual model's reading of the two sentences decides: pairs written for
# tests/test_cross_language_links.py read 0.892–0.936 for one count told in English and in Spanish, 0.836–0.886
# for another count of the same countries, unit and size.
SAME_ACROSS_LANGUAGES = 0.89


@dataclass(frozen=True)
class Comparison:
    first: str  # figure ids, first < second
    second: str
    relation: str  # agree | conflict


def band(value: float, approx: str, value_max: float | None = None) -> tuple[float, float]:
    """The lowest and highest true value a stated figure allows; a range stated with its top is that range. A
    figure stated without approximation allows the rounding its digits show ("2.5 million": 2.45–2.55 million),
    at most ROUNDING of it either way."""
    if value_max is not None and value_max > value:
        return value, value_max
    if approx == "exact":
        half = min(_last_digit(value) / 2, ROUNDING * abs(value))
        return min(value * BANDS["exact"][0], value - half), max(value * BANDS["exact"][1], value + half)
    low, high = BANDS.get(approx, VAGUE_BAND)
    return value * low, value * high


def _last_digit(value: float) -> float:
    """The place of a number's last significant digit (2,500,000: 100,000; 45: 1; 2.5: 0.1)."""
    digits = f"{abs(value):.6g}"
    if "e" in digits or "." in digits:
        mantissa, _, exponent = digits.partition("e")
        decimals = len(mantissa.partition(".")[2])
        return float(10.0 ** (int(exponent or 0) - decimals))
    return float(10 ** (len(digits) - len(digits.rstrip("0"))))


def relation(a: Item, b: Item) -> str:
    """agree | conflict. Two point figures (stated exactly or "about") agree when one value lies strictly inside
    what the other allows: "about 50 minutes" allows 45–55, so a stated 45 sits on its edge and the two conflict
    (someone who knew 45 would have written it), while "2.5 million" and "2,480,000" agree. A bound or a range
    ("more than 60,000") agrees with whatever its band overlaps."""
    assert a.value is not None and b.value is not None
    low_a, high_a = band(a.value, a.approx, a.value_max)
    low_b, high_b = band(b.value, b.approx, b.value_max)
    points = {a.approx, b.approx} <= POINTS and a.value_max is None and b.value_max is None
    if points:
        inside = low_a < b.value * (1 - _EDGE) and b.value * (1 + _EDGE) < high_a
        inside |= low_b < a.value * (1 - _EDGE) and a.value * (1 + _EDGE) < high_b
        return "agree" if a.value == b.value or inside else "conflict"
    return "agree" if low_a <= high_b and low_b <= high_a else "conflict"


POINTS = frozenset({"exact", "about"})  # approximations that state a point, not a bound
ROUNDING = 0.02  # the most a figure's rounding may hide either way (a bare "1,000" is not 1,400)
_EDGE = 1e-9  # a value on a band's edge is outside it


@dataclass(frozen=True)
class Qualifiers:
    """What tells two counts of one noun apart (the `figure_qualifiers` pack), and the countries by name."""

    dimensions: dict[str, dict[str, str]] = field(default_factory=dict)  # dimension → phrase → class
    marked: frozenset[str] = frozenset()  # dimensions where a class against none differs
    countries: dict[str, str] = field(default_factory=dict)  # folded country name or demonym → ISO alpha-3
    exact: dict[str, str] = field(default_factory=dict)  # short capital names, dots dropped ("US", "UK") → code

    def of(self, stretch: str) -> dict[str, frozenset[str]]:
        """The classes a stretch of text holds on each dimension ("sides" holds the countries it names)."""
        words = _TOKEN.findall(fold(stretch))
        grams = {" ".join(words[k : k + n]) for n in range(1, _LONGEST + 1) for k in range(len(words) - n + 1)}
        found = {
            dimension: frozenset(kind for phrase, kind in phrases.items() if phrase in grams)
            for dimension, phrases in self.dimensions.items()
        }
        written = {word.replace(".", "") for word in _CAPITALS.findall(stretch)}
        found["sides"] = frozenset(
            {self.countries[gram] for gram in grams if gram in self.countries}
            | {self.exact[word] for word in written if word in self.exact}
        )
        return found

    @cached_property
    def words(self) -> frozenset[str]:
        """Every word of a qualifier phrase (made once: `head` asks for each figure)."""
        return frozenset(word for phrases in self.dimensions.values() for phrase in phrases for word in phrase.split())

    def head(self, after: str, groups: Mapping[str, str]) -> frozenset[str]:
        """The first content words after a number, singular, as group names where the `quantities` pack has them:
        what the figure counts. Qualifier words, scale words and country names are left out."""
        taken = self.words
        numbers, scaling = _number_words()
        words = []
        for word in _TOKEN.findall(fold(after)):
            skip = word in _stop_words() or word in scaling or word in numbers
            skip = skip or word in taken or word in self.countries
            if len(word) > 2 and not skip and word not in _GENERIC:
                words.append(singular(word))
            if len(words) == _HEAD_WORDS:
                break
        return frozenset(groups.get(word, word) for word in words)


_LONGEST = 4  # words in the longest qualifier phrase or country name looked for
_HEAD_WORDS = 3
_TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_GENERIC = {"worth", "value", "valued", "some", "about", "around", "roughly", "nearly", "almost", "least", "than"}
_CAPITALS = re.compile(r"\b[A-Z][A-Z.]*[A-Z]\b\.?")


def qualifiers(
    packs: Packs, countries: Mapping[str, str] | None = None, exact: Mapping[str, str] | None = None
) -> Qualifiers:
    """The `figure_qualifiers` packs, folded; `countries` maps folded country names and demonyms to codes, `exact`
    short capital names without dots ("US") to codes."""
    dimensions: dict[str, dict[str, str]] = defaultdict(dict)
    marked: set[str] = set()
    # every language's packs: figures in a Spanish report and an English one may be compared
    for pack in (pack for pack in packs.packs if pack.kind == "figure_qualifiers"):
        for dimension, kinds in require(pack.data, "dimensions", dict, where=pack.name).items():
            for kind, phrases in kinds.items():
                for phrase in phrases:
                    dimensions[str(dimension)][" ".join(fold(str(phrase)).split())] = str(kind)
        marked |= {str(d) for d in pack.data.get("marked", [])}
    return Qualifiers(dict(dimensions), frozenset(marked), dict(countries or {}), dict(exact or {}))


def differ(a: Mapping[str, frozenset[str]], b: Mapping[str, frozenset[str]], marked: frozenset[str]) -> bool:
    """Whether two figures' qualifiers make them different quantities."""
    for dimension in a.keys() & b.keys():
        first, second = a[dimension], b[dimension]
        if first and second and not first & second:
            return True
        if dimension in marked and bool(first) != bool(second):
            return True
    return False


@cache
def _languages() -> tuple[str, ...]:
    """The languages the `numbers` packs are written for (ISO 639-1), English first."""
    return ("en", *sorted({p.language for p in builtin_packs().packs if p.kind == "numbers" and p.language}))


@cache
def _number_words() -> tuple[dict[str, float], dict[str, float]]:
    """Number words and scale words with their values, from the `numbers` packs of every language ("hundred",
    "$5m"'s "m", "millones"), folded."""
    numbers: dict[str, float] = {}
    scaling: dict[str, float] = {}
    for language in _languages():
        g = grammar(language)
        numbers |= {fold(k): v for k, v in {**g.words, **g.multipliers}.items()}
        scaling |= {fold(k): v for k, v in {**g.currency_scales, **g.scales}.items()}
    return numbers, scaling


@cache
def _stop_words() -> frozenset[str]:
    """Function words of the languages bilateral reads (spaCy's lists), folded."""
    return frozenset(fold(w) for w in EN_STOP_WORDS | ES_STOP_WORDS)


@cache
def _number_pattern() -> re.Pattern[str]:
    """A number in digits or words with an optional scale word; the words are the `numbers` pack's."""
    numbers, scaling = _number_words()
    words = "|".join(sorted(map(re.escape, numbers), key=len, reverse=True))
    scales = "|".join(sorted(map(re.escape, scaling), key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(\d[\d,]*(?:\.\d+)?|(?:{words})\b)(?:\s*({scales})\b)?", re.IGNORECASE)


_PERCENT = re.compile(r"\s*(?:%|percent\b|per cent\b)", re.IGNORECASE)
# where one figure's stretch of a sentence ends and the next one's begins
_JOINT = re.compile(
    r";|:|\s(?:and|but|while|whereas|along with|as well as|y|e|pero|mientras|así como)\s", re.IGNORECASE
)


@dataclass(frozen=True)
class Clause:
    """The stretch of a sentence that belongs to one figure, and the rate stated just before it ("a 15% duty on
    $120 billion": 15), which tells two lists apart."""

    text: str
    rate: float | None = None
    after: str = ""  # from the number to where the stretch stops: what it counts ("of Brazilian soybeans a year")


def clause(evidence: str, value: float) -> Clause:
    """The part of a sentence that belongs to the figure of this value: from the number before it (or a clause
    joint, or the sentence start) to the number after it (or a joint, or the end); dates and years are not
    numbers here. The whole sentence when the number cannot be found in it."""
    numbers = [m for m in _number_pattern().finditer(evidence) if not _is_date(evidence, m)]
    at = next((k for k, match in enumerate(numbers) if _close(_number(match), value)), None)
    if at is None:
        return Clause(evidence)
    match = numbers[at]
    # a rate stated next to the figure ("a 15% duty on $120 billion", "$90 billion of imports at 7.5 percent")
    rate_before = at > 0 and _attached(evidence, numbers[at - 1], match)
    rate_after = at + 1 < len(numbers) and _attached(evidence, match, numbers[at + 1], after=True)
    rate = _number(numbers[at - 1]) if rate_before else _number(numbers[at + 1]) if rate_after else None
    first = at - 1 if rate_before else at  # the stretch takes in an attached rate and what precedes it
    start = numbers[first - 1].end() if first > 0 else 0
    end = numbers[at + 1].start() if at + 1 < len(numbers) else len(evidence)
    before = [j.end() for j in _JOINT.finditer(evidence, start, numbers[first].start())]
    after = [j.start() for j in _JOINT.finditer(evidence, match.end(), end)]
    close = after[0] if after else end
    return Clause(evidence[before[-1] if before else start : close], rate, evidence[match.end() : close])


def _attached(evidence: str, first: re.Match[str], second: re.Match[str], *, after: bool = False) -> bool:
    """Whether of two neighbouring numbers the percent one (the first, or the second when `after`) is the rate of
    the other: nothing joins two clauses between them."""
    rate = second if after else first
    if not _PERCENT.match(evidence, rate.end()):
        return False
    return not _JOINT.search(evidence, first.end(), second.start())


def _is_date(evidence: str, match: re.Match[str]) -> bool:
    """A year ("2019") or a day of a month ("December 15", "15 December") is a date, not a figure."""
    if match[2] is None and match[1].isdigit() and len(match[1]) == 4 and 1800 <= int(match[1]) <= 2100:
        return not evidence[: match.start()].rstrip().endswith(("$", "€", "£", "¥"))
    words = evidence[: match.start()].split()[-1:] + evidence[match.end() :].split()[:1]
    return any(word.strip(".,").lower() in MONTHS for word in words)


def _number(match: re.Match[str]) -> float:
    written = match[1].lower().replace(",", "")
    numbers, scaling = _number_words()
    base = numbers[written] if written in numbers else float(written)
    return base * scaling.get((match[2] or "").lower(), 1.0)


def _close(found: float, value: float) -> bool:
    return abs(found - value) <= 0.005 * max(abs(value), 1e-9) or any(
        abs(found * scale - value) <= 0.005 * abs(value) for scale in (1e3, 1e6, 1e9)
    )


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
    qualified: Qualifiers | None = None,
    stories: Mapping[str, Iterable[str]] | None = None,
    meaning: Callable[[Item, Item], float | None] | None = None,
    qualified_across: Qualifiers | None = None,
) -> list[Comparison]:
    """Pairs of figures from different documents that count the same quantity, each called agree or conflict.

    `stories` (document → the ids of the stories it is in) adds the figures of one happening's documents to each
    other's candidates, however common the noun they count ("people" in a corpus of thousands). `meaning` (two
    figures → the cosine of their sentences read by a multilingual model, or None without one) decides for two
    figures in different languages whose counted nouns cannot match; such a pair's sides are read with
    `qualified_across` (country names and demonyms of every language the corpus holds) when given.
    """
    close = closeness or (lambda a, b: cosine(a.terms, b.terms))
    rare = rare_terms(weights)
    kinds = qualified or Qualifiers()
    clauses = {f.id: clause(f.evidence, f.value if f.value is not None else 0.0) for f in figures}
    # what a figure counts: its counted phrase, and the first words after its number (extraction may miss the noun)
    nouns = {f.id: counted_nouns(f.counted, groups) | kinds.head(clauses[f.id].after, groups) for f in figures}
    traits = {f.id: kinds.of(clauses[f.id].text) for f in figures}
    across = qualified_across or kinds
    traits_across = {f.id: across.of(clauses[f.id].text) for f in figures} if qualified_across else traits
    scores: dict[tuple[int, int], float] = {}
    for i, j in _candidates(figures, nouns, rare, stories or {}):
        a, b = figures[i], figures[j]
        rates = (clauses[a.id].rate, clauses[b.id].rate)
        read = traits if a.language == b.language else traits_across
        if differ(read[a.id], read[b.id], kinds.marked) or (None not in rates and rates[0] != rates[1]):
            continue
        if score := _same_quantity(a, b, close, rare, nouns, meaning):
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


def _candidates(
    figures: Sequence[Item],
    nouns: Mapping[str, frozenset[str]],
    rare: Callable[[str], bool],
    stories: Mapping[str, Iterable[str]],
) -> list[tuple[int, int]]:
    """Pairs of figures in different documents sharing a unit and a counted noun, a rare term or a story (blocks
    larger than CANDIDATES_CAP name a theme, not a quantity, and are skipped)."""
    blocks: dict[tuple[str | None, str], list[int]] = defaultdict(list)
    for index, figure in enumerate(figures):
        keys = {f"noun:{noun}" for noun in nouns[figure.id]} | {f"term:{t}" for t in figure.terms if rare(t)}
        keys |= {f"story:{story}" for story in stories.get(figure.document, ())}
        for key in keys:
            blocks[(figure.unit, key)].append(index)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) > CANDIDATES_CAP:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if figures[i].document != figures[j].document:
                    pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def _same_quantity(
    a: Item,
    b: Item,
    close: Callable[[Item, Item], float],
    rare: Callable[[str], bool],
    nouns: Mapping[str, frozenset[str]],
    meaning: Callable[[Item, Item], float | None] | None = None,
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
    proximity = min(a.value, b.value) / max(a.value, b.value)
    # closeness (sentence embeddings: the costly part) only where the nouns, shared terms or languages let it decide
    closeness = None
    if nouns[a.id] & nouns[b.id]:
        closeness = close(a, b)
        if closeness >= SAME_COUNTED:
            return 1.0 + closeness + proximity / 2
    elif not (nouns[a.id] and nouns[b.id]) and _shares(a.terms, b.terms, rare):
        closeness = close(a, b)
        if closeness >= SAME_CONTEXT:
            return closeness + proximity / 2
    # nouns of two languages never match word for word ("troops", "elementos"): across languages the sentences'
    # meaning speaks for the quantity alone
    read = meaning(a, b) if meaning and a.language != b.language else None
    if read is not None and read >= SAME_ACROSS_LANGUAGES:
        closeness = close(a, b) if closeness is None else closeness
        return closeness + proximity / 2
    return 0.0


def _shares(a: Iterable[str], b: Mapping[str, float], rare: Callable[[str], bool]) -> bool:
    return any(term in b and rare(term) for term in a)
