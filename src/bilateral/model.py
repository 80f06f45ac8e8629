"""Plain data that flows between the stages: what a reader found, and what cleaning made of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the comparison results are defined beside the code that makes them
    from bilateral.compare import FrameUse, Genre, Stance


@dataclass(frozen=True)
class RawDocument:
    """One article as a reader found it, before any cleaning.

    `body` is the bytes exactly as read (decompressed); `kind` says how to clean them ("html" or "text").
    Metadata a source states itself (a JSONL line, a feed item, an HTTP header) rides along.
    """

    source: str
    body: bytes
    kind: str
    id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    encoding: str | None = None


@dataclass(frozen=True)
class Skipped:
    """An input that could not be read, with the reason a person can act on."""

    source: str
    reason: str


@dataclass
class Cleaned:
    """What a cleaner extracted from one document: the main text and the metadata it could find.

    `removed` lists the boilerplate that was cut (kept so the document view can show it collapsed).
    """

    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    outlet: str | None = None
    removed: list[str] = field(default_factory=list)


@dataclass
class Article:
    """A cleaned document, ready to store and analyse."""

    id: str
    source: str
    raw_hash: str
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    removed: list[str] = field(default_factory=list)
    duplicate_of: str | None = None


# --- analysis: what the annotate and extract stages find in one article -------------------------------
# Offsets are character offsets into Article.text; `evidence` is always text[start:end].


@dataclass
class Actor:
    """A canonical actor. `id` is stable across documents and runs (derived from the canonical name)."""

    id: str
    name: str
    kind: str  # person | organization | country | group | institution
    country: str | None = None  # ISO 3166-1 alpha-3, or IGO/NGO/MNC/... for non-state bodies
    sector: str | None = None  # PLOVER sector: GOV, MIL, COP, JUD, LEG, PTY, CRM, BUS, CVL, REF, MED, IGO ...
    aliases: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Mention:
    """One place in the text where an actor is named."""

    actor: str  # Actor.id
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Place:
    text: str
    start: int
    end: int
    country: str | None  # ISO alpha-3


@dataclass(frozen=True)
class DateMention:
    text: str
    start: int
    end: int
    value: str  # "2019", "2019-06" or "2019-06-07"
    precision: str  # year | month | day


@dataclass(frozen=True)
class SentenceIssues:
    start: int
    end: int
    issues: tuple[str, ...]
    subissues: tuple[str, ...] = ()  # finer issues (issues.yaml `subissues`), each rolling up to one of `issues`


@dataclass
class Event:
    type: str  # one of PLOVER 2.0's sixteen
    source: list[str]  # Actor ids
    target: list[str]
    evidence: str
    start: int
    end: int
    mode: str | None = None
    source_countries: list[str] = field(default_factory=list)
    target_countries: list[str] = field(default_factory=list)
    date: str | None = None
    status: str = "occurred"  # occurred | threatened | promised | proposed | denied | hypothetical
    issues: list[str] = field(default_factory=list)  # PLOVER contexts


@dataclass
class Figure:
    value: float
    evidence: str
    start: int
    end: int
    unit: str | None = None  # ISO 4217 currency code, or a unit such as "mile", "percent", "ton"
    approx: str = "exact"  # exact | about | nearly | up to | at least | more than | less than ...
    counted: str | None = None
    date: str | None = None
    value_max: float | None = None  # the top of a range or a vague magnitude ("$2-3 billion"); value is the bottom


@dataclass
class Linkage:
    issues: tuple[str, str]
    relation: str  # leverage | exchange | condition | conflict
    evidence: str
    start: int
    end: int


@dataclass
class Analysis:
    """Everything the analysis stages found in one article."""

    document: str  # Article.id
    sentences: list[tuple[int, int]] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    sentence_issues: list[SentenceIssues] = field(default_factory=list)
    issues: dict[str, float] = field(default_factory=dict)  # agenda issue -> salience 0..1
    # finer issue -> (the issue it rolls up to, salience 0..1)
    subissues: dict[str, tuple[str, float]] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    linkages: list[Linkage] = field(default_factory=list)
    published: str | None = None  # the article's publication date, the anchor for relative dates
    genre: Genre | None = None
    partisanship: float | None = None  # probability that the document is hyperpartisan
    frames: list[FrameUse] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
