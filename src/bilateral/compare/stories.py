"""Stories: events from different documents that report the same happening, grouped and labelled, with figures.

A happening is who acted on whom, doing what, when. Two events from different documents are linked when their
kinds of action agree (the same PLOVER type, or the same side: cooperation or conflict), the countries on their
sides meet where both are known, their dates fall within a window of each other where both are known, and their
sentences are close — by a name rare in the corpus they share (a person, a programme, a product: the thread that
ties two reports together), by two rare phrases they write alike ("hydrogen fluoride", "potash granules": the
things the happening is about), or, for the events a news report leads with (its first sentences: the happening
it reports), by their meaning. A thread ties what one report leads with to another report: two passing mentions
further down tie nothing. What is no thread: names of outlets and bylines; a name most documents hold (the
dispute's own words); a leader's name behind a title; a generic agent ("Investors"); a country's body (its
government, courts, ministries: who acts, as the country does, in every happening of the relationship; see
`thread_names` and `store.corpus.load_items`). Linked events form stories; a story
needs at least two documents, and two stories never hold the same documents (they are one). The figures stated
in a story's sentences belong to it. Candidate pairs come from shared rare terms, each held by a capped
number of events, so the pass grows with the corpus, not with its square. Leads are paired by words few
documents hold, however many sentences repeat them, only within days of each other, or without a shared word when
they report the same event (type, mode, the countries on both sides) dated at most EVENT_WINDOW apart; a lead with
no date joins the one happening it reads closest to and never ties two weeks apart (see `_lead_groups`). Two
reports in different languages share few words, so their leads are also paired by what the happening is (see
`across_languages`).
Everything is sorted, so the same corpus always gives the same stories with the same ids. A story's id is a hash of
its items (each an id within its document), so it does not depend on the order the documents arrived in; a story
whose items change is a new story, with a new id.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Protocol, runtime_checkable

from bilateral.annotate.knowledge import fold
from bilateral.compare.similarity import Weights, content_words, cosine, phrases, singular
from bilateral.compare.story_labels import label
from bilateral.extract.events_patterns import QUADS

WINDOW = timedelta(days=60)  # a story runs on for weeks (an arrest, then a release a month later)
# A name ties reports together when it is rare: in at most this share of the corpus's sentences (or this many,
# in a small corpus) and in at most half its documents, never in all (a president named everywhere is a theme).
RARE_SHARE = 0.05
RARE_MIN = 5
RARE_DOCUMENTS = 0.5
CANDIDATES_CAP = 400  # a term held by more items than this names a theme, not a happening
# Closeness two events sharing a rare name need: little for one type (the name is the thread: "Cienfuegos"
# arrested, as two reports tell it), more for two kinds of cooperation or of conflict, much more otherwise.
LINK_SAME_TYPE = 0.05
LINK_SAME_SIDE = 0.07
LINK = 0.25
# The happening a news report leads with sits in its first sentences that hold events; two leads of one kind of
# action are one happening when their sentences are this close without a shared name (term cosine, plus what
# sentence embeddings add above their floor: two wordings of one arrest reach it, two arrests rarely do).
LEAD_SENTENCES = 2
LEAD_LINK = 0.3
# Leads of two documents in different languages are paired when their events have the same countries on their
# sides (two or more), the same side of action (cooperation, conflict) and dates within ACROSS_WINDOW of each
# other (a news report is written within days of what it tells). Such a pair is one happening when the
# multilingual model reads the two sentences as one (ACROSS_SAME: pairs written for tests/test_cross_language.py,
# one happening told in English and in Spanish, read 0.875–0.925; another happening of the same countries and
# side 0.79–0.84), or when both documents name a rare actor (a minister, an agency) — two aspects of one
# happening (a meeting, the accord it signed) read 0.82–0.86, no higher than two happenings, so the model alone
# cannot join them.
ACROSS_WINDOW = timedelta(days=7)
ACROSS_SAME = 0.86
# Two leads of one language are paired by a word held by at most LEAD_DOCUMENTS of the documents (a happening is
# told by a few reports; a word in more of them names a theme of the relationship or one of its leaders), and
# only when their dates fall within LEAD_WINDOW of each other: the same two countries agreeing, then signing five
# weeks later, are two happenings, whatever words their leads share.
LEAD_DOCUMENTS = 1 / 3
LEAD_WINDOW = ACROSS_WINDOW
# Two leads report one event, whatever words they use, when their events have the same type, mode and countries on
# both sides and their days are at most EVENT_WINDOW apart (a report dates a happening to its day).
EVENT_WINDOW = timedelta(days=2)
# Two events whose sentences write this many rare phrases alike (two words held by few documents, written next to
# each other, and no word shared between the phrases) tell one happening as a shared rare name does.
PHRASES_SHARED = 2
EVENT_LINK = 0.1


@dataclass(frozen=True)
class Item:
    """An event or a figure, with what story-finding and figure comparison need."""

    kind: str  # event | figure
    id: str
    document: str
    start: int
    end: int
    evidence: str
    terms: dict[str, float]  # the evidence's weighted term vector (see similarity.Weights.vector)
    date: str | None = None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    own_date: bool = True  # False: a figure dated by its document's publication (a count as of that day)
    type: str | None = None  # PLOVER type of an event
    value: float | None = None  # a figure's value, unit, approximation and what it counts
    unit: str | None = None
    approx: str = "exact"
    counted: str | None = None
    names: dict[str, str] = field(default_factory=dict)  # the terms that are names → how the text writes them
    mode: str | None = None  # PLOVER mode of an event
    source_countries: tuple[str, ...] = ()  # ISO alpha-3 of an event's acting and receiving sides
    target_countries: tuple[str, ...] = ()
    value_max: float | None = None  # the top of a figure's range, where it states one
    language: str = "en"  # ISO 639-1 of the item's document: which sentence model can compare it with another


@dataclass(frozen=True)
class Story:
    id: str
    label: str
    items: tuple[Item, ...]
    first_date: str | None
    last_date: str | None

    @property
    def documents(self) -> list[str]:
        return sorted({item.document for item in self.items})


@lru_cache(maxsize=65_536)  # a corpus pass compares each event's date with many others'
def period(value: str | None) -> tuple[date, date] | None:
    """The first and last day a date of any precision covers."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        day = date(parts[0], parts[1], parts[2])
    except ValueError:
        return None
    return day, day


def near_in_time(a: str | None, b: str | None, window: timedelta = WINDOW) -> bool:
    """Whether two dates can belong to one happening; an unknown date can belong to any."""
    first, second = period(a), period(b)
    if first is None or second is None:
        return True
    return first[0] - window <= second[1] and second[0] - window <= first[1]


def rare_terms(weights: Weights) -> Callable[[str], bool]:
    cutoff = max(RARE_MIN, RARE_SHARE * weights.sentences)
    # idf = log(N / n) ≥ log(N / cutoff)  ⟺  n ≤ cutoff
    floor = weights.idf_of_count(cutoff)
    most = max(2.0, RARE_DOCUMENTS * weights.documents)
    if weights.documents > 2:
        most = min(most, weights.documents - 1)
    return lambda term: weights.idf(term) >= floor and weights.held_by(term) <= most


def lead_terms(weights: Weights) -> Callable[[str], bool]:
    """Terms two leads can be paired by: held by at most LEAD_DOCUMENTS of the documents (or two), however many
    sentences hold them — the words of a happening that a few reports tell ("phase", "summons") recur in their
    sentences, so a share of sentences (`rare_terms`) would drop them."""
    most = max(2.0, LEAD_DOCUMENTS * weights.documents)
    return lambda term: weights.held_by(term) <= most


def thread_names(
    weights: Weights, countries: Collection[str] = (), generic: Collection[str] = frozenset()
) -> Callable[[str, str], bool]:
    """(term, how the text writes it) -> whether a name can tie two reports of one happening together: rare
    (see `rare_terms`; `find_stories` asks more of a name held by more than LEAD_DOCUMENTS of the documents), and
    the last word of a name of several as written (not an `@actor`) held by at most LEAD_DOCUMENTS of them ("Prime
    Minister Ana Duarte", "President Okafor": a title before a leader most reports name); never a generic agent noun
    ("Investors", "Cabinet": what kind of actor, not which one) nor a name that starts with one of `countries`
    (folded names; "Ghana (judiciary)", "Togo Cabinet": a country's body says who, as the countries do, not which
    happening)."""
    rare = rare_terms(weights)
    few = lead_terms(weights)
    starts: dict[str, list[list[str]]] = defaultdict(list)  # first word → the countries' names starting with it
    for name in countries:
        if name.split():
            starts[name.split()[0]].append(name.split())

    known: dict[tuple[str, str], bool] = {}  # the same names recur in many sentences

    def thread(term: str, written: str) -> bool:
        if (term, written) not in known:
            known[(term, written)] = judge(term, written)
        return known[(term, written)]

    def judge(term: str, written: str) -> bool:
        words = fold(written).split()
        if not rare(term) or not words:
            return False
        if " ".join(words) in generic or singular(" ".join(words)) in generic:
            return False
        if any(words[: len(country)] == country for country in starts.get(words[0], ())):
            return False
        last = content_words(written)[-1:]
        # an actor counts as itself, under any name; a name as written may put a title before a leader's
        return term.startswith("@") or len(words) == 1 or not last or (rare(last[0]) and few(last[0]))

    return thread


def same_parties(a: Item, b: Item) -> bool:
    """Whether the countries on the two events' sides can be the same happening's: they meet, or one is unknown."""
    first = {*a.source_countries, *a.target_countries}
    second = {*b.source_countries, *b.target_countries}
    return not first or not second or bool(first & second)


@runtime_checkable
class Bounded(Protocol):
    """A closeness that can answer "at least this close?" without its costly part when its cheap part settles it
    (see `embeddings.Closeness`)."""

    def __call__(self, a: Item, b: Item) -> float: ...

    def reaches(self, a: Item, b: Item, threshold: float) -> bool: ...


def at_least(close: Callable[[Item, Item], float]) -> Callable[[Item, Item, float], bool]:
    """(a, b, threshold) -> whether `close(a, b) >= threshold`; a `Bounded` closeness is asked the cheap way, with
    the same answer. Decided once per closeness, not per pair."""
    if isinstance(close, Bounded):
        return close.reaches
    return lambda a, b, threshold: close(a, b) >= threshold


def link_threshold(a: Item, b: Item) -> float | None:
    """The closeness two events sharing a rare name need to be linked, or None when time or parties rule it out."""
    if not near_in_time(a.date, b.date) or not same_parties(a, b):
        return None
    if a.type == b.type:
        return LINK_SAME_TYPE
    if _side(a.type) == _side(b.type):
        return LINK_SAME_SIDE
    return LINK


def same_action(a: Item, b: Item) -> bool:
    """The same PLOVER type, or both cooperation or both conflict."""
    return a.type == b.type or _side(a.type) == _side(b.type)


def _side(event_type: str | None) -> str:
    return QUADS.get(event_type or "", "").split(" ")[-1]


def find_stories(
    items: Sequence[Item],
    weights: Weights,
    *,
    closeness: Callable[[Item, Item], float] | None = None,
    actions: Mapping[str, str] | None = None,
    countries: Mapping[str, str] | None = None,
    generic: Collection[str] = frozenset(),
    meaning: Callable[[Item, Item], float | None] | None = None,
    actors: Mapping[str, Collection[str]] | None = None,
) -> list[Story]:
    """Group events that report the same happening in different documents into stories, with their figures.

    Each rare name is a possible thread: the events linked through it form groups; the leads of news reports
    that tell one happening form another. Groups that share most of their events (a person and the programme
    they run) are one story; a sentence that mentions two threads belongs to both stories rather than gluing
    them together. `actions` (PLOVER type or "TYPE/mode" → noun) and `countries` (ISO alpha-3 → name) word the
    labels; `generic` (folded generic agent nouns: "cabinet", "investor") are never a label's name; see `label`.
    `meaning` (two items → the cosine of their sentences read by a multilingual model, or None without one) and
    `actors` (document → the `@actor` terms it names) decide which leads of documents in different languages tell
    one happening (see `across_languages`).
    """
    close = closeness or (lambda a, b: cosine(a.terms, b.terms))
    reaches = at_least(close)
    rare = rare_terms(weights)
    events = [item for item in items if item.kind == "event"]
    leads = _leads(events)
    thread = thread_names(weights, [fold(name) for name in (countries or {}).values()], generic)
    few = lead_terms(weights)
    verdicts: dict[tuple[int, int], bool] = {}

    def verdict(i: int, j: int) -> bool:
        if (i, j) not in verdicts:
            a, b = events[i], events[j]
            # a thread ties what a report leads with to another report; two passing mentions tie nothing
            # closeness (sentence embeddings: the costly part) only for pairs that time and parties allow
            threshold = link_threshold(a, b) if i in leads or j in leads else None
            verdicts[(i, j)] = threshold is not None and reaches(a, b, threshold)
        return verdicts[(i, j)]

    settled: dict[tuple[int, int], bool] = {}

    def by_terms(i: int, j: int) -> bool:
        """Whether the term vectors alone link the pair (no sentence embedding needed)."""
        if (i, j) not in settled:
            threshold = link_threshold(events[i], events[j])
            settled[(i, j)] = threshold is not None and cosine(events[i].terms, events[j].terms) >= threshold
        return settled[(i, j)]

    def _days_apart(i: int, j: int) -> bool:
        a, b = events[i].date, events[j].date
        return bool(a and b and len(a) == len(b) == 10 and near_in_time(a, b, LEAD_WINDOW))

    def thread_terms(event: Item) -> Iterable[str]:
        return (term for term, written in event.names.items() if term in event.terms and thread(term, written))

    def phrased(event: Item) -> Iterable[str]:
        words = {t for t in event.terms if rare(t) and few(t)}
        if len(words) < 2 * PHRASES_SHARED:  # too few rare words for that many phrases of two
            return ()
        return (p for p in phrases(event.evidence) if words.issuperset(p.split()))

    threads: list[tuple[str, frozenset[int]]] = []
    for term, indexes in sorted(_holders(events, thread_terms).items()):
        # a name more than LEAD_DOCUMENTS of the documents hold names a theme of the corpus (a general on trial
        # for a year): it ties only two reports dated to days within LEAD_WINDOW, as two leads
        wide = not few(term)
        candidates = [(i, j) for i, j in _pairs(indexes, events) if not wide or _days_apart(i, j)]
        pairs = _linking(candidates, by_terms, verdict)
        threads += [(term, group) for group in _groups(pairs, events, LEAD_WINDOW if wide else WINDOW)]
    worded = [pair for pair in _worded_alike(events, _holders(events, phrased)) if verdict(*pair)]
    threads += [("", group) for group in _groups(worded, events)]

    # two leads of one kind of event that share no rare word and each name someone rare whom other reports name
    # too, and the other lead does not (two detainees), tell two happenings
    def shared_names(event: Item) -> set[str]:
        return {term for term in thread_terms(event) if weights.held_by(term) > 1}

    def apart(i: int, j: int) -> bool:
        return _named_apart(shared_names(events[i]), shared_names(events[j]))

    lead_pairs = {
        (i, j)
        for indexes in _holders(events, lambda e: (t for t in e.terms if few(t)), only=leads).values()
        for i, j in _pairs(indexes, events)
        if same_action(events[i], events[j])
        and near_in_time(events[i].date, events[j].date, LEAD_WINDOW)
        and same_parties(events[i], events[j])
        and reaches(events[i], events[j], LEAD_LINK)
    }
    lead_pairs.update(
        (i, j) for i, j in same_events(events, leads) if not apart(i, j) and reaches(events[i], events[j], EVENT_LINK)
    )
    named = actors or {}
    for i, j in across_languages(events, leads):
        shared = set(named.get(events[i].document, ())) & set(named.get(events[j].document, ()))
        read = meaning(events[i], events[j]) if meaning else None
        if (read is not None and read >= ACROSS_SAME) or any(rare(term) for term in shared):
            lead_pairs.add((i, j))
    threads += [("", group) for group in _lead_groups(sorted(lead_pairs), events, close)]
    stories: list[tuple[set[str], set[int]]] = []
    holding: dict[int, set[int]] = defaultdict(set)  # event → the stories holding it: only they can share most
    for term, group in sorted(threads, key=lambda t: (-len(t[1]), t[0], sorted(t[1]))):
        for index in sorted({index for i in group for index in holding[i]}):
            names, members = stories[index]
            if len(group & members) * 3 >= 2 * min(len(group), len(members)):
                names.add(term)
                members |= group
                break
        else:
            index = len(stories)
            stories.append(({term}, set(group)))
        for i in group:
            holding[i].add(index)
    # one set of documents is one story, however many threads led to it
    by_documents: dict[frozenset[str], tuple[set[str], set[int]]] = {}
    for names, members in stories:
        documents = frozenset(events[i].document for i in members)
        if documents in by_documents:
            by_documents[documents][0].update(names)
            by_documents[documents][1].update(members)
        else:
            by_documents[documents] = (names, members)
    figures: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        if item.kind == "figure":
            figures[item.document].append(item)
    found = []
    for names, members in by_documents.values():
        story_events = [events[i] for i in members]
        # the figures stated in the story's event sentences
        story_figures = {
            figure.id: figure
            for e in story_events
            for figure in figures.get(e.document, [])
            if e.start <= figure.start and figure.end <= e.end
        }
        found.append(
            _story([*story_events, *story_figures.values()], names - {""}, weights, actions, countries, generic)
        )
    return sorted(found, key=lambda s: (s.first_date or "9999", s.label, s.id))


def _leads(events: Sequence[Item]) -> set[int]:
    """The events of the first LEAD_SENTENCES sentences of each document that hold events."""
    starts: dict[str, set[int]] = defaultdict(set)
    for event in events:
        starts[event.document].add(event.start)
    first = {document: set(sorted(found)[:LEAD_SENTENCES]) for document, found in starts.items()}
    return {i for i, event in enumerate(events) if event.start in first[event.document]}


def across_languages(events: Sequence[Item], leads: Collection[int]) -> list[tuple[int, int]]:
    """Pairs (i < j) of lead events of documents in different languages with the same countries on their sides
    (two or more), the same side of action and dates within ACROSS_WINDOW. Events are blocked by countries and
    side, each block sorted by date, and each event looks at most CANDIDATES_CAP events ahead within the window,
    so the pairs grow with the corpus, not with its square. A corpus in one language has none."""
    if len({events[i].language for i in leads}) < 2:
        return []
    blocks: dict[tuple[tuple[str, ...], str], list[tuple[date, date, int]]] = defaultdict(list)
    for i in sorted(leads):
        event = events[i]
        countries = tuple(sorted({*event.source_countries, *event.target_countries}))
        when = period(event.date) if event.date and len(event.date) >= 7 else None  # a year is no window
        if len(countries) > 1 and when and _side(event.type):
            blocks[(countries, _side(event.type))].append((*when, i))
    return sorted(
        {
            (min(i, j), max(i, j))
            for i, j in _near_in_blocks(blocks.values(), ACROSS_WINDOW)
            if events[i].language != events[j].language and events[i].document != events[j].document
        }
    )


def _holders(
    events: Sequence[Item], held: Callable[[Item], Iterable[str]], *, only: set[int] | None = None
) -> dict[str, list[int]]:
    """Term → the events holding it (`held`: an event's terms that count), in at least two documents and at most
    CANDIDATES_CAP events: the blocks candidate pairs come from."""
    holders: dict[str, list[int]] = defaultdict(list)
    for index, event in enumerate(events):
        if only is not None and index not in only:
            continue
        for term in held(event):
            holders[term].append(index)
    return {
        term: indexes
        for term, indexes in holders.items()
        if len(indexes) <= CANDIDATES_CAP and len({events[i].document for i in indexes}) > 1
    }


def _worded_alike(events: Sequence[Item], holders: Mapping[str, Sequence[int]]) -> list[tuple[int, int]]:
    """Pairs (i < j) of events of different documents that write PHRASES_SHARED rare phrases alike, no word in
    common between them ("hydrogen fluoride" and "fluorinated polyimide": the things one happening is about; one
    phrase, or the pairs of words of one longer one, "trusted trading partners", may be a slogan of the dispute)."""
    shared: dict[tuple[int, int], list[str]] = defaultdict(list)
    for phrase, indexes in holders.items():
        for i, j in _pairs(indexes, events):
            shared[(min(i, j), max(i, j))].append(phrase)
    return sorted(pair for pair, found in shared.items() if _apart(found) >= PHRASES_SHARED)


def _apart(found: Sequence[str]) -> int:
    """How many of the phrases share no word with another one kept before them."""
    seen: set[str] = set()
    kept = 0
    for phrase in sorted(found):
        words = set(phrase.split())
        if not words & seen:
            kept += 1
        seen |= words
    return kept


def _named_apart(first: set[str], second: set[str]) -> bool:
    return bool(first and second and not first & second)


def same_events(events: Sequence[Item], leads: Collection[int]) -> list[tuple[int, int]]:
    """Pairs (i < j) of lead events of different documents that report the same event: the same PLOVER type and
    mode, the same countries acting and receiving (both sides known), dated to days at most EVENT_WINDOW apart.
    Events are blocked by type, mode and countries, each block sorted by date, and each event looks at most
    CANDIDATES_CAP events ahead within the window, so the pairs grow with the corpus, not with its square."""
    blocks: dict[tuple[object, ...], list[tuple[date, date, int]]] = defaultdict(list)
    for i in sorted(leads):
        event = events[i]
        when = period(event.date) if event.date and len(event.date) == 10 else None
        if when and event.type and event.source_countries and event.target_countries:
            key = (event.type, event.mode, tuple(sorted(event.source_countries)), tuple(sorted(event.target_countries)))
            blocks[key].append((*when, i))
    return sorted(
        {
            (min(i, j), max(i, j))
            for i, j in _near_in_blocks(blocks.values(), EVENT_WINDOW)
            if events[i].document != events[j].document and events[i].language == events[j].language
        }
    )


def _near_in_blocks(blocks: Iterable[list[tuple[date, date, int]]], window: timedelta) -> Iterable[tuple[int, int]]:
    """Pairs of events of one block ((first day, last day, event index) each; sorted here) whose days lie within
    `window`, each event looking at most CANDIDATES_CAP events ahead: blocked and sorted, the pairs grow with the
    corpus, not with its square."""
    for block in blocks:
        block.sort()
        for x, (_, last, i) in enumerate(block):
            for first, _, j in block[x + 1 : x + 1 + CANDIDATES_CAP]:
                if first - last > window:
                    break
                yield i, j


def _pairs(indexes: Sequence[int], events: Sequence[Item]) -> Iterable[tuple[int, int]]:
    for x, i in enumerate(indexes):
        for j in indexes[x + 1 :]:
            if events[i].document != events[j].document:
                yield i, j


def _linking(
    candidates: Iterable[tuple[int, int]],
    by_terms: Callable[[int, int], bool],
    verdict: Callable[[int, int], bool],
) -> list[tuple[int, int]]:
    """Enough of the candidate pairs that link (`verdict`) to join the same events as all of them would: `_groups`
    reads only which events each group holds. The pairs the terms link alone go first; then a pair is asked only
    while its two events are apart, so the sentences of a pair whose events are already joined are not encoded."""
    parent: dict[int, int] = {}
    pairs = []
    for i, j in sorted(candidates, key=lambda pair: not by_terms(*pair)):
        if _root(parent, i) != _root(parent, j) and verdict(i, j):
            parent[_root(parent, j)] = _root(parent, i)
            pairs.append((i, j))
    return pairs


def _groups(
    pairs: Sequence[tuple[int, int]], events: Sequence[Item], window: timedelta = WINDOW
) -> list[frozenset[int]]:
    """Linked events as groups within a time window, each spanning two documents or more."""
    return [
        part
        for group in _components(pairs)
        for part in _in_time(group, events, window)
        if len({events[i].document for i in part}) > 1
    ]


def _lead_groups(
    pairs: Sequence[tuple[int, int]], events: Sequence[Item], close: Callable[[Item, Item], float]
) -> list[frozenset[int]]:
    """Linked leads as groups of one happening, each spanning two documents or more. The dated leads linked with
    one another form parts, cut where their dates leave a gap longer than LEAD_WINDOW (single linkage, as
    `_in_time`). A lead with no date joins the part of the dated lead it is closest to, and bridges it to the
    other parts it links only where their dates come within LEAD_WINDOW of that one: a report with no date tells
    one happening, so it never ties together two that lie weeks apart. Leads linked to undated leads only form
    their own groups."""
    dated = [(i, j) for i, j in pairs if period(events[i].date) and period(events[j].date)]
    ends = {k for pair in pairs for k in pair if period(events[k].date)}
    alone = sorted(ends - {k for pair in dated for k in pair})
    parts = [set(part) for group in _components(dated) for part in _in_time(group, events, LEAD_WINDOW)]
    parts += [{k} for k in alone]
    part_of = {i: index for index, part in enumerate(parts) for i in part}
    partners: dict[int, set[int]] = defaultdict(set)
    for i, j in pairs:
        partners[i].add(j)
        partners[j].add(i)
    bridges = [(index, index) for index in range(len(parts))]
    waiting = sorted(k for k in partners if k not in ends)
    while True:  # an undated lead linked only to undated leads joins where they joined, one round later
        placed = []
        for i in waiting:
            nearest: dict[int, float] = {}
            for j in partners[i] & part_of.keys():
                nearest[part_of[j]] = max(nearest.get(part_of[j], 0.0), close(events[i], events[j]))
            if not nearest:
                continue
            ranked = sorted(nearest, key=lambda index: (-nearest[index], index))
            first, last = _span(parts[ranked[0]], events)
            placed.append((i, ranked[0]))
            for index in ranked[1:]:
                start, end = _span(parts[index], events)
                if start - last <= LEAD_WINDOW and first - end <= LEAD_WINDOW:
                    bridges.append((ranked[0], index))
                    first, last = min(first, start), max(last, end)
        if not placed:
            break
        for i, index in placed:
            parts[index].add(i)
            part_of[i] = index
        waiting = [k for k in waiting if k not in part_of]
    groups = [frozenset(k for index in group for k in parts[index]) for group in _components(bridges)]
    undated = [(i, j) for i, j in pairs if i not in part_of and j not in part_of]
    groups += _components(undated)
    return sorted((group for group in groups if len({events[k].document for k in group}) > 1), key=lambda g: sorted(g))


def _span(part: Collection[int], events: Sequence[Item]) -> tuple[date, date]:
    """The first and last day the dated events of `part` cover (a part of `_lead_groups` has at least one)."""
    periods = [p for k in part if (p := period(events[k].date))]
    return min(p[0] for p in periods), max(p[1] for p in periods)


def _root(parent: dict[int, int], i: int) -> int:
    """The root of `i`'s set in a union-find forest (`parent`: element -> its parent; an element not in it is a
    root), halving the path on the way."""
    while parent.get(i, i) != i:
        parent[i] = parent.get(parent[i], parent[i])
        i = parent[i]
    return i


def _components(pairs: Sequence[tuple[int, int]]) -> list[frozenset[int]]:
    parent: dict[int, int] = {}
    for i, j in pairs:
        parent.setdefault(i, i)
        parent.setdefault(j, j)
        parent[_root(parent, j)] = _root(parent, i)
    groups: dict[int, set[int]] = defaultdict(set)
    for i in list(parent):
        groups[_root(parent, i)].add(i)
    return [frozenset(group) for group in groups.values()]


def _in_time(group: frozenset[int], events: Sequence[Item], window: timedelta = WINDOW) -> list[frozenset[int]]:
    """A group cut where its dated events leave a gap longer than the window (links may drift, a happening does
    not); undated events go with the largest part."""
    dated = sorted((p, i) for i in group if (p := period(events[i].date)))
    parts: list[set[int]] = []
    end: date | None = None
    for (first, last), i in dated:
        if end is None or first - end > window:
            parts.append(set())
        parts[-1].add(i)
        end = last if end is None else max(end, last)
    if not parts:
        return [group]
    biggest = max(parts, key=len)
    biggest |= {i for i in group if period(events[i].date) is None}
    return [frozenset(part) for part in parts]


def _story(
    items: list[Item],
    threads: set[str],
    weights: Weights,
    actions: Mapping[str, str] | None,
    countries: Mapping[str, str] | None,
    generic: Collection[str] = frozenset(),
) -> Story:
    items = sorted(items, key=lambda i: (i.document, i.kind, i.id))
    key = "\n".join(f"{i.kind}:{i.id}" for i in items)
    periods = [p for i in items if (p := period(i.date))]
    return Story(
        id="story-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12],
        label=label(items, threads, weights, actions=actions, countries=countries, generic=generic),
        items=tuple(items),
        first_date=min(p[0] for p in periods).isoformat() if periods else None,
        last_date=max(p[1] for p in periods).isoformat() if periods else None,
    )
