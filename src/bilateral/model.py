"""Plain data that flows between the stages: what a reader found, and what cleaning made of it."""

from __future__ import annotations

from dataclasses import dataclass, field


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
