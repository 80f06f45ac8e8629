"""Files and folders: text and HTML pages, plain or gzip; archives, JSONL dumps and feeds go to their readers.

Folders are walked recursively in sorted order so that runs are deterministic. The size cap applies to the
decompressed bytes and is enforced while reading, so a small .gz that inflates to gigabytes is never held.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from bilateral.errors import is_disk_full
from bilateral.ingest.sniff import (
    binary_reason,
    gzip_reason,
    is_blank,
    looks_like_html,
    printable,
    size_limit_reason,
)
from bilateral.ingest.url import LazyClient
from bilateral.model import RawDocument, Skipped

HTML = frozenset({".html", ".htm", ".xhtml"})
TEXT = frozenset({".txt", ".md"})
JSONL = frozenset({".jsonl"})
WARC = frozenset({".warc"})
FEED = frozenset({".rss", ".atom", ".xml"})
KNOWN = HTML | TEXT | JSONL | WARC | FEED
CONTAINERS = JSONL | WARC | FEED  # files holding any number of documents


class TooLarge(Exception):
    """The (decompressed) content passed the size cap."""


def suffix(path: Path) -> tuple[str, bool]:
    """The meaningful extension and whether the file is gzip-compressed ("a.html.gz" -> (".html", True))."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        return (suffixes[-2] if len(suffixes) > 1 else ""), True
    return (suffixes[-1] if suffixes else ""), False


GZIP_MAGIC = b"\x1f\x8b"
GZIP_SLACK = 1_000_000  # compressed bytes beyond the cap a real .gz of capped size could still have


def gunzip(data: bytes, *, max_bytes: int) -> bytes:
    """Every gzip member in `data`, decompressed and joined, as `gzip -d` reads them: bytes after the last member
    that do not open another are ignored. TooLarge past max_bytes; EOFError when a member is cut short."""
    if data and not data.startswith(GZIP_MAGIC):
        raise gzip.BadGzipFile("Not a gzipped file")
    out = bytearray()
    rest = data
    while rest.startswith(GZIP_MAGIC):
        member = zlib.decompressobj(wbits=31)
        out += member.decompress(rest, max_bytes + 1 - len(out))
        if len(out) > max_bytes:
            raise TooLarge
        if not member.eof:
            raise EOFError("gzip stream truncated")
        rest = member.unused_data
    return bytes(out)


def read_bytes(path: Path, *, max_bytes: int) -> bytes:
    """The file's bytes, decompressed if gzip; TooLarge past max_bytes, OSError or EOFError when damaged."""
    if suffix(path)[1]:
        if path.stat().st_size > max_bytes + GZIP_SLACK:
            raise TooLarge
        data = gunzip(path.read_bytes(), max_bytes=max_bytes)
    else:
        # The size is known up front: refuse before reading rather than after.
        if path.stat().st_size > max_bytes:
            raise TooLarge
        data = path.read_bytes()
    if len(data) > max_bytes:
        raise TooLarge
    return data


def read_error_reason(error: Exception, *, max_bytes: int) -> str:
    if isinstance(error, TooLarge):
        return size_limit_reason(max_bytes)
    if isinstance(error, EOFError | zlib.error | gzip.BadGzipFile):
        return gzip_reason(error)
    if isinstance(error, OSError):
        return f"cannot read the file ({error.strerror or error})"
    raise error


def read_file(
    path: Path, *, max_bytes: int, client: LazyClient | None = None, named: bool = True
) -> Iterator[RawDocument | Skipped]:
    """The documents in one file. `named` is True when the user named the file itself, not its folder."""
    from bilateral.ingest import feed, jsonl, warc

    source = printable(str(path))
    ext, _ = suffix(path)
    if ext in JSONL:
        yield from jsonl.read_jsonl(path, max_bytes=max_bytes)
        return
    if ext in WARC:
        yield from warc.read_warc(path, max_bytes=max_bytes)
        return
    if ext not in KNOWN and not named:
        return
    try:
        body = read_bytes(path, max_bytes=max_bytes)
    except (TooLarge, EOFError, zlib.error, OSError) as e:
        yield Skipped(source, read_error_reason(e, max_bytes=max_bytes))
        return
    if is_blank(body):
        yield Skipped(source, "empty file")
        return
    binary = binary_reason(body)
    if binary is not None:
        if ext not in KNOWN:
            binary = f"unsupported file type ({ext or 'no extension'}): {binary}"
        yield Skipped(source, binary)
        return
    if ext in FEED:
        lazy = client or LazyClient()
        try:
            yield from feed.read_feed_bytes(body, source=source, client=lazy, max_bytes=max_bytes)
        finally:
            if client is None:
                lazy.close()
        return
    # A .txt that is really a saved web page is cleaned as HTML; so is a named file of unknown type.
    kind = "html" if ext in HTML or looks_like_html(body) else "text"
    yield RawDocument(source=source, body=body, kind=kind)


def isolated(items: Iterator[RawDocument | Skipped], source: str) -> Iterator[RawDocument | Skipped]:
    """The items of one input with every name printable; a reader crashing on it ends that input with a
    Skipped, never the inputs after it."""
    try:
        for item in items:
            if isinstance(item, Skipped):
                yield Skipped(printable(item.source), printable(item.reason))
            else:
                yield replace(item, source=printable(item.source))
    except Exception as e:  # a library crashing on strange input must not stop the batch
        if is_disk_full(e):
            raise
        yield Skipped(printable(source), printable(f"could not be read ({type(e).__name__}: {e})"))


def walk(folder: Path) -> Iterator[Path | Skipped]:
    """The readable files below folder in sorted path order; hidden entries are left out.

    Folders that cannot be listed come out as Skipped; symlinked folders are followed once each.
    """
    seen: set[str] = set()

    def visit(directory: Path) -> Iterator[Path | Skipped]:
        real = os.path.realpath(directory)
        if real in seen:
            return
        seen.add(real)
        try:
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as e:
            yield Skipped(printable(str(directory)), f"cannot list the folder ({e.strerror or e})")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir, is_file = entry.is_dir(), entry.is_file()
            except OSError:
                continue
            if is_dir:
                yield from visit(Path(entry.path))
            elif is_file and suffix(Path(entry.name))[0] in KNOWN:
                yield Path(entry.path)

    yield from visit(folder)


def files_in(folder: Path) -> list[Path]:
    """The readable files below folder, sorted (folders that cannot be listed are left out)."""
    return [item for item in walk(folder) if isinstance(item, Path)]


def read_path(
    path: Path,
    *,
    max_bytes: int,
    client: LazyClient | None = None,
) -> Iterator[RawDocument | Skipped]:
    """Everything a file or folder holds; a path that does not exist is one Skipped."""
    if path.is_dir():
        for item in walk(path):
            if isinstance(item, Skipped):
                yield item
            else:
                yield from isolated(read_file(item, max_bytes=max_bytes, client=client, named=False), str(item))
    elif path.is_file():
        yield from isolated(read_file(path, max_bytes=max_bytes, client=client), str(path))
    elif path.exists():
        yield Skipped(printable(str(path)), "not a regular file or folder")
    else:
        yield Skipped(printable(str(path)), "no such file or folder")
