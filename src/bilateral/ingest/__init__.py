"""Readers: what a user names (files, folders, URLs, feeds, WARC, JSONL) becomes a stream of raw documents.

Nothing here cleans text, prints or touches the store. A failure never stops the stream: it becomes a
`Skipped` with a reason a person can act on, and the remaining inputs are still read.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import httpx

from bilateral.ingest.feed import read_feed_bytes
from bilateral.ingest.files import CONTAINERS, isolated, read_path, suffix, walk
from bilateral.ingest.shards import expand, is_pattern
from bilateral.ingest.url import LazyClient, document_from, fetch_bytes, is_feed_response, is_url
from bilateral.model import RawDocument, Skipped

__all__ = ["count_inputs", "read_sources", "read_url"]


def read_url(url: str, *, client: LazyClient, max_bytes: int) -> Iterator[RawDocument | Skipped]:
    """A web page, or every entry of a feed when the URL or the response says it is one (fetched once)."""
    fetched = fetch_bytes(url, client=client(), max_bytes=max_bytes)
    if isinstance(fetched, Skipped):
        yield fetched
        return
    response, body = fetched
    if is_feed_response(url, response, body):
        final = str(response.url)
        yield from read_feed_bytes(body, source=url, client=client, max_bytes=max_bytes, base_url=final)
    else:
        yield document_from(url, response, body)


def read_sources(
    sources: Sequence[str],
    *,
    client: httpx.Client | None = None,
    max_bytes: int = 20_000_000,
    allow_private: bool = False,
) -> Iterator[RawDocument | Skipped]:
    """Every document the sources hold, in the order given (folders in sorted order).

    An http(s) source is fetched with `client`; without one, a client is made when the first URL is met
    (a feed file's entries count) and closed when the stream ends. That client fetches only public addresses
    unless `allow_private` (loopback, private, link-local … are refused before connecting).
    """
    lazy = LazyClient(client, allow_private=allow_private)
    try:
        for source in sources:
            if is_url(source):
                yield from isolated(read_url(source, client=lazy, max_bytes=max_bytes), source)
            elif is_pattern(source):
                shards = expand(source)
                if not shards:
                    yield Skipped(source, "no file matches this pattern")
                for shard in shards:
                    yield from read_path(shard, max_bytes=max_bytes, client=lazy)
            else:
                yield from read_path(Path(source), max_bytes=max_bytes, client=lazy)
    finally:
        lazy.close()


def count_inputs(sources: Sequence[str]) -> int | None:
    """How many items the sources will yield, for a progress bar's total; None when that is unknown.

    Unknown means a URL (it may be a feed) or a container file (JSONL, WARC, feed) holding any number of
    documents. A missing path counts one: it yields one Skipped.
    """
    total = 0
    for source in sources:
        if is_url(source) or is_pattern(source):
            return None
        path = Path(source)
        if not path.is_dir():
            if suffix(path)[0] in CONTAINERS:
                return None
            total += 1
            continue
        for item in walk(path):
            if isinstance(item, Path) and suffix(item)[0] in CONTAINERS:
                return None
            total += 1
    return total
