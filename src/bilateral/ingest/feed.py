"""RSS and Atom feeds, from a URL or a file: each entry's page is fetched, unless the entry carries the text.

Entry metadata (title, date, authors) and the feed's title (as outlet) ride along with each document. A feed
that cannot be had or parsed is one Skipped; an entry whose page fails is one Skipped and the rest go on.
"""

from __future__ import annotations

import dataclasses
import html
import re
import time
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from bilateral.ingest.url import LazyClient, fetch, fetch_bytes, is_url
from bilateral.model import RawDocument, Skipped

FULL_TEXT_WORDS = 150  # an entry body this long is the article itself, not a teaser
_TAGS = re.compile(r"<[^>]+>")


def word_count(markup: str) -> int:
    return len(html.unescape(_TAGS.sub(" ", markup)).split())


def entry_date(entry: Any) -> str | None:
    """The entry's date as YYYY-MM-DD, as written in the feed.

    feedparser's parsed dates are converted to UTC, which moves an evening story in the Americas to the next
    day; the date the outlet wrote is the one that agrees with the article page.
    """
    for key in ("published", "updated", "created"):
        value = entry.get(key)
        if not isinstance(value, str) or not value.strip():
            continue
        try:
            return parsedate_to_datetime(value.strip()).date().isoformat()  # RSS: RFC 822
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date().isoformat()  # Atom
        except ValueError:
            pass
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return time.strftime("%Y-%m-%d", parsed)
    return None


def entry_authors(entry: Any) -> tuple[str, ...]:
    names = [str(author.get("name") or "") for author in entry.get("authors", []) if isinstance(author, dict)]
    if not any(names) and isinstance(entry.get("author"), str):
        names = [entry["author"]]
    return tuple(dict.fromkeys(name.strip() for name in names if name and name.strip()))


def full_text(entry: Any) -> tuple[str, str] | None:
    """(markup, kind) of the entry's own body when it is the whole article (content:encoded, Atom content)."""
    for content in entry.get("content", []):
        value = content.get("value") or ""
        if word_count(value) >= FULL_TEXT_WORDS:
            kind = "text" if content.get("type") == "text/plain" else "html"
            return str(value), kind
    return None


def as_page(markup: str, title: str | None) -> bytes:
    """An entry's HTML fragment as a small page, so the HTML cleaner sees the same shape as a fetched one."""
    head = f"<title>{html.escape(title)}</title>" if title else ""
    page = f'<!DOCTYPE html><html><head><meta charset="utf-8">{head}</head>'
    page += f"<body><article>{markup}</article></body></html>"
    return page.encode("utf-8")


def read_feed_bytes(
    body: bytes, *, source: str, client: LazyClient, max_bytes: int, base_url: str | None = None
) -> Iterator[RawDocument | Skipped]:
    """The documents a feed's entries point to. `base_url` resolves relative links in a fetched feed."""
    import feedparser

    headers = {"content-location": base_url} if base_url else None
    parsed = feedparser.parse(body, response_headers=headers)
    if not parsed.entries:
        if parsed.get("version"):
            yield Skipped(source, "the feed has no entries")
        else:
            detail = str(parsed.get("bozo_exception") or "").strip().splitlines()
            yield Skipped(source, "not an RSS or Atom feed" + (f" ({detail[0][:100]})" if detail else ""))
        return
    outlet = (parsed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(parsed.entries, 1):
        link = (entry.get("link") or "").strip() or None
        title = (entry.get("title") or "").strip() or None
        meta: dict[str, Any] = {
            "title": title,
            "published": entry_date(entry),
            "outlet": outlet,
            "authors": entry_authors(entry),
        }
        own = full_text(entry)
        if own is None and not (link and is_url(link)):
            # Nothing to fetch: a long summary is still better than nothing.
            summary = entry.get("summary") or ""
            own = (summary, "html") if word_count(summary) >= FULL_TEXT_WORDS else None
        item = f"{source}#{link or number}"
        if own is not None:
            markup, kind = own
            data = as_page(markup, title) if kind == "html" else markup.encode("utf-8")
            yield RawDocument(source=item, body=data, kind=kind, url=link, encoding="utf-8", **meta)
        elif not link:
            yield Skipped(item, f"entry {number} has neither full text nor a link to fetch")
        elif not is_url(link):
            yield Skipped(item, f"entry {number} links to {link[:80]!r}, not an http(s) URL")
        else:
            page = fetch(link, client=client(), max_bytes=max_bytes)
            yield page if isinstance(page, Skipped) else dataclasses.replace(page, **meta)


def read_feed(
    url: str,
    *,
    client: httpx.Client | LazyClient,
    max_bytes: int,
) -> Iterator[RawDocument | Skipped]:
    """Fetch a feed by URL and read it; a feed that cannot be fetched is one Skipped."""
    lazy = client if isinstance(client, LazyClient) else LazyClient(client)
    fetched = fetch_bytes(url, client=lazy(), max_bytes=max_bytes)
    if isinstance(fetched, Skipped):
        yield fetched
        return
    response, body = fetched
    yield from read_feed_bytes(body, source=url, client=lazy, max_bytes=max_bytes, base_url=str(response.url))
