"""Readers: what a user names (files, folders, URLs, feeds, WARC, JSONL) becomes a stream of raw documents.

Nothing here cleans text or touches the store. A failure never stops the stream: it becomes a `Skipped`
with a reason, and the remaining inputs are still read.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from bilateral.model import RawDocument, Skipped

FEED_SUFFIXES = (".rss", ".atom", ".xml", "/feed", "/rss", "/atom")


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def read_sources(
    sources: Sequence[str], *, client: Any = None, max_bytes: int = 20_000_000
) -> Iterator[RawDocument | Skipped]:
    """Every document the sources hold, in order; an httpx client is created only if a URL is met."""
    from bilateral.ingest.feed import read_feed_bytes
    from bilateral.ingest.files import read_path
    from bilateral.ingest.url import fetch_bytes, make_client

    for source in sources:
        if not is_url(source):
            yield from read_path(Path(source), max_bytes=max_bytes)
            continue
        if client is None:
            client = make_client()
        fetched = fetch_bytes(source, client=client, max_bytes=max_bytes)
        if isinstance(fetched, Skipped):
            yield fetched
            continue
        response, body = fetched
        content_type = response.headers.get("content-type", "").lower()
        if source.lower().rstrip("/").endswith(FEED_SUFFIXES) or "rss" in content_type or "atom" in content_type:
            yield from read_feed_bytes(body, source=source, client=client, max_bytes=max_bytes)
        else:
            kind = "text" if content_type.startswith("text/plain") else "html"
            yield RawDocument(source, body, kind, url=str(response.url), encoding=response.charset_encoding)


def count_inputs(sources: Sequence[str]) -> int | None:
    """How many files the sources name, for a progress bar; None when unknown (URLs, feeds, archives, JSONL)."""
    from bilateral.ingest.files import FEED, JSONL, WARC, files_in, suffix

    total = 0
    for source in sources:
        path = Path(source)
        if is_url(source):
            return None
        files = files_in(path) if path.is_dir() else [path]
        if any(suffix(file)[0] in JSONL | WARC | FEED for file in files):
            return None
        total += len(files)
    return total
