"""JSONL dumps (plain or .jsonl.gz): one document per line with `id`, `text` or `html`, and optional metadata.

Lines are streamed, so a dump of any size is read in constant memory; the size cap applies to each line.
A bad line is one Skipped naming its line number, and the lines after it are still read.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from bilateral.ingest.sniff import gzip_reason, size_limit_reason
from bilateral.model import RawDocument, Skipped

_AUTHOR_SEPARATORS = re.compile(r"\s*(?:;|,|\band\b|&)\s*")


def authors(value: Any) -> tuple[str, ...]:
    """Author names from a list (of names or {"name": …} objects) or one string ("A and B", "A; B")."""
    if isinstance(value, str):
        parts = value.split(";") if ";" in value else _AUTHOR_SEPARATORS.split(value)
        names = [part.strip() for part in parts]
    elif isinstance(value, list):
        names = [str(item.get("name") or "") if isinstance(item, dict) else str(item) for item in value]
    else:
        return ()
    return tuple(dict.fromkeys(name.strip() for name in names if name and name.strip()))


def _field(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return str(value).strip() or None


def parse_line(line: str, *, source: str, number: int) -> RawDocument | Skipped:
    """One JSONL line as a document, or why it is not one ("line 7: invalid JSON …")."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        return Skipped(source, f"line {number}: invalid JSON ({e.msg} at column {e.colno})")
    if not isinstance(record, dict):
        return Skipped(source, f"line {number}: not a JSON object")
    # A dump that keeps both usually has the page in `html`; the HTML cleaner finds more metadata in it.
    html, text = record.get("html"), record.get("text")
    if isinstance(html, str) and html.strip():
        body, kind = html, "html"
    elif isinstance(text, str) and text.strip():
        body, kind = text, "text"
    else:
        return Skipped(source, f"line {number}: neither text nor html")
    return RawDocument(
        source=source,
        body=body.encode("utf-8"),
        kind=kind,
        id=_field(record, "id"),
        url=_field(record, "url"),
        title=_field(record, "title"),
        published=_field(record, "published"),
        outlet=_field(record, "outlet"),
        authors=authors(record.get("authors")),
        encoding="utf-8",
    )


class _LineReader(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...


def _lines(handle: _LineReader, *, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; bytes is None for a line over the cap, which is skipped unread."""
    number = 0
    while line := handle.readline(max_bytes + 1):
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def read_jsonl(path: Path, *, max_bytes: int) -> Iterator[RawDocument | Skipped]:
    """Every document in the dump, in line order; source is "<path>:<line>"."""
    number = 0
    documents = 0
    try:
        with gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb") as handle:
            for number, raw_line in _lines(handle, max_bytes=max_bytes):
                source = f"{path}:{number}"
                if raw_line is None:
                    yield Skipped(source, f"line {number}: {size_limit_reason(max_bytes)}")
                    continue
                try:
                    line = raw_line.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError as e:
                    yield Skipped(source, f"line {number}: not valid UTF-8 (byte {e.start + 1})")
                    continue
                if line.strip():
                    documents += 1
                    yield parse_line(line, source=source, number=number)
    except (EOFError, zlib.error, gzip.BadGzipFile) as e:
        yield Skipped(str(path), f"{gzip_reason(e)} after line {number}")
        return
    except OSError as e:
        yield Skipped(str(path), f"cannot read the file ({e.strerror or e})")
        return
    if documents == 0:
        yield Skipped(str(path), "empty file")
