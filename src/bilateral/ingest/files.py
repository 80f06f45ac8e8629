"""Files and folders: text and HTML pages, plain or gzip; archives, JSONL dumps and feeds go to their readers.

Folders are walked recursively in sorted order so that runs are deterministic. The size cap applies to the
decompressed bytes and is enforced while reading, so a small .gz that inflates to gigabytes is never held.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterator
from pathlib import Path

from bilateral.ingest.sniff import binary_reason, gzip_reason, is_blank, looks_like_html, size_limit_reason
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


def read_bytes(path: Path, *, max_bytes: int) -> bytes:
    """The file's bytes, decompressed if gzip; TooLarge past max_bytes, OSError or EOFError when damaged."""
    if suffix(path)[1]:
        with gzip.open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
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

    source = str(path)
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
            yield Skipped(str(directory), f"cannot list the folder ({e.strerror or e})")
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
                yield from read_file(item, max_bytes=max_bytes, client=client, named=False)
    elif path.is_file():
        yield from read_file(path, max_bytes=max_bytes, client=client)
    elif path.exists():
        yield Skipped(str(path), "not a regular file or folder")
    else:
        yield Skipped(str(path), "no such file or folder")
