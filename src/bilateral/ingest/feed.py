"""RSS and Atom feeds: each entry's page is fetched, unless the entry already carries the full text.

Entry metadata (title, date, authors) and the feed's title (as outlet) ride along with each document.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import httpx

from bilateral.ingest.url import fetch, fetch_bytes, make_client
from bilateral.model import RawDocument, Skipped

FULL_TEXT_WORDS = 150  # an entry body this long is the article itself, not a teaser
_TAGS = re.compile(r"<[^>]+>")


def _published(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _authors(entry: Any) -> tuple[str, ...]:
    names = [author.get("name", "") for author in entry.get("authors", []) if isinstance(author, dict)]
    if not any(names) and entry.get("author"):
        names = [entry["author"]]
    return tuple(name.strip() for name in names if name and name.strip())


def _full_text(entry: Any) -> str | None:
    for content in entry.get("content", []):
        value = content.get("value", "")
        if len(_TAGS.sub(" ", value).split()) >= FULL_TEXT_WORDS:
            return str(value)
    return None


def read_feed_bytes(
    body: bytes, *, source: str, client: httpx.Client | None, max_bytes: int
) -> Iterator[RawDocument | Skipped]:
    import feedparser

    parsed = feedparser.parse(body)
    if not parsed.entries:
        reason = f"not a feed ({parsed.bozo_exception})" if parsed.get("bozo") else "the feed has no entries"
        yield Skipped(source, reason)
        return
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, 1):
        link = entry.get("link")
        meta: dict[str, Any] = {
            "title": entry.get("title") or None,
            "published": _published(entry),
            "outlet": outlet,
            "authors": _authors(entry),
        }
        text = _full_text(entry)
        if text is not None:
            yield RawDocument(
                source=f"{source}#{link or number}", body=text.encode("utf-8"), kind="html", url=link, **meta
            )
            continue
        if not link or not link.startswith(("http://", "https://")):
            yield Skipped(f"{source}#{number}", "the entry has neither full text nor a web link to fetch")
            continue
        if client is None:
            client = make_client()
        page = fetch(link, client=client, max_bytes=max_bytes)
        if isinstance(page, Skipped):
            yield page
            continue
        yield RawDocument(source=link, body=page.body, kind=page.kind, url=page.url, encoding=page.encoding, **meta)


def read_feed(url: str, *, client: httpx.Client, max_bytes: int) -> Iterator[RawDocument | Skipped]:
    fetched = fetch_bytes(url, client=client, max_bytes=max_bytes)
    if isinstance(fetched, Skipped):
        yield fetched
        return
    yield from read_feed_bytes(fetched[1], source=url, client=client, max_bytes=max_bytes)
