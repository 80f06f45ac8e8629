"""Stories: events from different documents that report the same happening, grouped and labelled, with figures.

Two events are linked when their sentences share a name that is rare in the corpus (a person, a programme, a
product: "Cienfuegos", "MPP", "AstraZeneca"), their weighted term vectors are close enough (closer still when
their PLOVER types differ), and their dates, where both are known, fall within a window of each other. Linked
events form stories (connected groups); a story needs at least two documents. The figures stated in a story's
sentences belong to it. A closeness function can be passed in (sentence embeddings, when installed).
Everything is sorted, so the same corpus always gives the same stories with the same ids.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from bilateral.annotate.knowledge import fold
from bilateral.compare.similarity import Weights, cosine
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
LABEL_TERMS = 2


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


def linked(a: Item, b: Item, closeness: float) -> bool:
    if not near_in_time(a.date, b.date):
        return False
    if a.type == b.type:
        return closeness >= LINK_SAME_TYPE
    if _side(a.type) == _side(b.type):
        return closeness >= LINK_SAME_SIDE
    return closeness >= LINK


def _side(event_type: str | None) -> str:
    return QUADS.get(event_type or "", "").split(" ")[-1]


def find_stories(
    items: Sequence[Item], weights: Weights, *, closeness: Callable[[Item, Item], float] | None = None
) -> list[Story]:
    """Group events that report the same happening in different documents into stories, with their figures.

    Each rare name is a possible thread: the events linked through it form groups. Groups of different names
    that share most of their events (a person and the programme they run) are one story; a sentence that
    mentions two threads belongs to both stories rather than gluing them together.
    """
    close = closeness or (lambda a, b: cosine(a.terms, b.terms))
    rare = rare_terms(weights)
    events = [item for item in items if item.kind == "event"]
    holders: dict[str, list[int]] = defaultdict(list)
    for index, event in enumerate(events):
        for term in event.names:
            if term in event.terms and rare(term):
                holders[term].append(index)
    verdicts: dict[tuple[int, int], bool] = {}
    threads: list[tuple[str, frozenset[int]]] = []
    for term in sorted(holders):
        indexes = holders[term]
        if len(indexes) > CANDIDATES_CAP or len({events[i].document for i in indexes}) < 2:
            continue
        pairs = []
        for x, i in enumerate(indexes):
            for j in indexes[x + 1 :]:
                if events[i].document == events[j].document:
                    continue
                if (i, j) not in verdicts:
                    verdicts[(i, j)] = linked(events[i], events[j], close(events[i], events[j]))
                if verdicts[(i, j)]:
                    pairs.append((i, j))
        for group in _components(pairs):
            threads += [(term, part) for part in _in_time(group, events) if len({events[i].document for i in part}) > 1]
    stories: list[tuple[set[str], set[int]]] = []
    for term, group in sorted(threads, key=lambda t: (-len(t[1]), t[0])):
        for names, members in stories:
            if len(group & members) * 3 >= 2 * min(len(group), len(members)):
                names.add(term)
                members |= group
                break
        else:
            stories.append(({term}, set(group)))
    figures: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        if item.kind == "figure":
            figures[item.document].append(item)
    found = []
    for names, members in stories:
        story_events = [events[i] for i in members]
        # the figures stated in the story's event sentences
        story_figures = {
            figure.id: figure
            for e in story_events
            for figure in figures.get(e.document, [])
            if e.start <= figure.start and figure.end <= e.end
        }
        found.append(_story([*story_events, *story_figures.values()], names, weights))
    return sorted(found, key=lambda s: (s.first_date or "9999", s.label, s.id))


def _components(pairs: Sequence[tuple[int, int]]) -> list[frozenset[int]]:
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        parent.setdefault(i, i)
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        parent[root(j)] = root(i)
    groups: dict[int, set[int]] = defaultdict(set)
    for i in list(parent):
        groups[root(i)].add(i)
    return [frozenset(group) for group in groups.values()]


def _in_time(group: frozenset[int], events: Sequence[Item]) -> list[frozenset[int]]:
    """A group cut where its dated events leave a gap longer than the window (links may drift, a happening does
    not); undated events go with the largest part."""
    dated = sorted((p, i) for i in group if (p := period(events[i].date)))
    parts: list[set[int]] = []
    end: date | None = None
    for (first, last), i in dated:
        if end is None or first - end > WINDOW:
            parts.append(set())
        parts[-1].add(i)
        end = last if end is None else max(end, last)
    if not parts:
        return [group]
    biggest = max(parts, key=len)
    biggest |= {i for i in group if period(events[i].date) is None}
    return [frozenset(part) for part in parts]


def _story(items: list[Item], threads: set[str], weights: Weights) -> Story:
    items = sorted(items, key=lambda i: (i.document, i.kind, i.id))
    key = "\n".join(f"{i.kind}:{i.id}" for i in items)
    periods = [p for i in items if (p := period(i.date))]
    return Story(
        id="story-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12],
        label=label(items, threads, weights),
        items=tuple(items),
        first_date=min(p[0] for p in periods).isoformat() if periods else None,
        last_date=max(p[1] for p in periods).isoformat() if periods else None,
    )


def label(items: Sequence[Item], threads: set[str], weights: Weights) -> str:
    """The story's threads as the texts write them (actors first, then the names most documents use), then its
    commonest event types: "Salvador Cienfuegos: coerce, retreat"."""
    documents: dict[str, set[str]] = defaultdict(set)
    for item in items:
        for term in threads & item.terms.keys():
            documents[term].add(item.document)
    ranked = sorted(documents, key=lambda t: (not t.startswith("@"), -len(documents[t]), -weights.idf(t), t))
    names: list[str] = []
    for term in ranked:
        name = next((i.names[term] for i in items if term in i.names), None)
        words = set(fold(name or "").split())
        if name and not any(words & set(fold(chosen).split()) for chosen in names):
            names.append(name)
        if len(names) == LABEL_TERMS:
            break
    types = Counter(i.type for i in items if i.type)
    action = ", ".join(t.lower() for t, _ in sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))[:2])
    subject = " · ".join(names) or "Untitled story"
    return f"{subject}: {action}" if action else subject
