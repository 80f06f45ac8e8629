"""Files and folders: text and HTML pages (plain or gzip), dispatching archives, JSONL and feeds to their readers.

Folders are read recursively in sorted order so runs are deterministic. Compressed files are read with a size cap
applied to the decompressed bytes, without inflating a huge file into memory first.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

from bilateral.model import RawDocument, Skipped

HTML = {".html", ".htm", ".xhtml"}
TEXT = {".txt", ".md"}
JSONL = {".jsonl"}
WARC = {".warc"}
FEED = {".rss", ".atom", ".xml"}
KNOWN = HTML | TEXT | JSONL | WARC | FEED


class TooLarge(Exception):
    pass


def suffix(path: Path) -> tuple[str, bool]:
    """The meaningful extension and whether the file is gzip-compressed ("a.html.gz" -> (".html", True))."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        return (suffixes[-2] if len(suffixes) > 1 else ""), True
    return (suffixes[-1] if suffixes else ""), False


def read_bytes(path: Path, *, max_bytes: int) -> bytes:
    """The file's (decompressed) bytes; TooLarge past max_bytes, OSError/EOFError/zlib.error when damaged."""
    _, compressed = suffix(path)
    opener = gzip.open if compressed else open
    with opener(path, "rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise TooLarge
    return data


def looks_like_html(body: bytes) -> bool:
    head = body[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or (b"<body" in head and b"</" in head)


def _limit_text(max_bytes: int) -> str:
    return f"larger than the {max_bytes / 1_000_000:g} MB limit (raise it with --max-bytes)"


def read_file(path: Path, *, max_bytes: int, named: bool = True) -> Iterator[RawDocument | Skipped]:
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
    except TooLarge:
        yield Skipped(source, _limit_text(max_bytes))
        return
    except (EOFError, zlib.error, gzip.BadGzipFile) as e:
        yield Skipped(source, f"damaged or truncated gzip file ({e})")
        return
    except OSError as e:
        yield Skipped(source, f"cannot read the file ({e.strerror or e})")
        return
    if ext in FEED:
        yield from feed.read_feed_bytes(body, source=source, client=None, max_bytes=max_bytes)
        return
    if ext in HTML or looks_like_html(body):
        yield RawDocument(source=source, body=body, kind="html")
    elif ext in TEXT or ext not in KNOWN:
        yield RawDocument(source=source, body=body, kind="text")


def files_in(folder: Path) -> list[Path]:
    """The readable files below folder, sorted; hidden files and folders are left out."""
    found = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if suffix(path)[0] in KNOWN:
            found.append(path)
    return sorted(found)


def read_path(path: Path, *, max_bytes: int) -> Iterator[RawDocument | Skipped]:
    if path.is_dir():
        for file in files_in(path):
            yield from read_file(file, max_bytes=max_bytes, named=False)
    elif path.is_file():
        yield from read_file(path, max_bytes=max_bytes)
    else:
        yield Skipped(str(path), "no such file or folder")
