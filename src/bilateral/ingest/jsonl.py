"""JSONL dumps: one document per line with `id`, `text` or `html`, and optional metadata fields."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bilateral.ingest.files import suffix
from bilateral.model import RawDocument, Skipped


def _authors(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(name.strip() for name in value.replace(" and ", ",").split(",") if name.strip())
    if isinstance(value, list):
        return tuple(str(name).strip() for name in value if str(name).strip())
    return ()


def _text(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def parse_line(line: str, *, source: str) -> RawDocument | Skipped:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        return Skipped(source, f"invalid JSON ({e.msg} at column {e.colno})")
    if not isinstance(record, dict):
        return Skipped(source, "a line must be a JSON object")
    body, kind = (record.get("html"), "html") if record.get("html") else (record.get("text"), "text")
    if not isinstance(body, str) or not body.strip():
        return Skipped(source, "neither `text` nor `html` holds any text")
    return RawDocument(
        source=source,
        body=body.encode("utf-8"),
        kind=kind,
        id=_text(record.get("id")),
        url=_text(record.get("url")),
        title=_text(record.get("title")),
        published=_text(record.get("published")),
        outlet=_text(record.get("outlet")),
        authors=_authors(record.get("authors")),
        encoding="utf-8",
    )


def read_jsonl(path: Path, *, max_bytes: int) -> Iterator[RawDocument | Skipped]:
    """Stream the lines; the size cap applies per document (line), not to the whole dump."""
    opener = gzip.open if suffix(path)[1] else open
    number = 0
    try:
        with opener(path, "rb") as handle:
            for number, raw_line in enumerate(handle, 1):
                if raw_line.strip():
                    yield _read_line(raw_line, source=f"{path}:{number}", max_bytes=max_bytes)
    except (OSError, EOFError, zlib.error) as e:
        yield Skipped(f"{path}:{number + 1}", f"the file ends early or is damaged ({e})")


def _read_line(raw_line: bytes, *, source: str, max_bytes: int) -> RawDocument | Skipped:
    if len(raw_line) > max_bytes:
        return Skipped(source, f"line longer than the {max_bytes / 1_000_000:g} MB limit (use --max-bytes)")
    try:
        line = raw_line.decode("utf-8")
    except UnicodeDecodeError:
        return Skipped(source, "not valid UTF-8")
    return parse_line(line, source=source)
