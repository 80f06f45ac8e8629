"""WARC archives (plain or .warc.gz, via warcio): HTTP 200 responses with an HTML body become documents.

Other records (requests, metadata, redirects, images) are passed over silently. An archive cut short yields
every whole record it holds, then one Skipped saying where it ends.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bilateral.ingest.sniff import size_limit_reason
from bilateral.model import RawDocument, Skipped


def charset(content_type: str) -> str | None:
    """The charset parameter of a Content-Type header, if any."""
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip().lower() == "charset" and value.strip("\"' "):
            return value.strip("\"' ")
    return None


def _cut_short(record: Any) -> bool:
    """True when the file ended inside this record: in its headers, or before its declared Content-Length."""
    from warcio.limitreader import LimitReader

    if not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
        return True  # every WARC record declares its length; a header block without one was cut off
    stream = record.raw_stream
    return isinstance(stream, LimitReader) and stream.limit > 0


def _wanted(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return record.http_headers.get_statuscode() == "200" and "html" in content_type


def _has_tail(path: Path, end: int) -> bool:
    """True when bytes other than blank lines follow the last whole record (a record cut in its headers)."""
    with path.open("rb") as handle:
        handle.seek(end)
        return bool(handle.read(65536).strip())


def read_warc(path: Path, *, max_bytes: int) -> Iterator[RawDocument | Skipped]:
    """The HTML pages an archive holds; the size cap applies to each page, not to the archive."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    whole = 0  # records read to their end, for the truncation message
    end = 0  # file offset just after the last whole record
    try:
        with path.open("rb") as handle:
            archive = ArchiveIterator(handle)
            for record in archive:
                if record.format != "warc":
                    yield Skipped(str(path), "not a WARC file (an ARC or other archive format)")
                    return
                page: RawDocument | Skipped | None = None
                if _wanted(record):
                    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                    source = f"{path}#{uri}"
                    body = record.content_stream().read(max_bytes + 1)
                    if len(body) > max_bytes:
                        page = Skipped(source, size_limit_reason(max_bytes))
                    else:
                        content_type = record.http_headers.get_header("Content-Type") or ""
                        encoding = charset(content_type)
                        page = RawDocument(source, body, "html", url=uri or None, encoding=encoding)
                archive.read_to_end(record)
                if _cut_short(record):
                    break  # a page cut mid-body is not yielded: the cleaner would read half an article
                whole += 1
                end = archive.get_record_offset() + archive.get_record_length()
                if page is not None:
                    yield page
            else:
                if whole == 0:
                    yield Skipped(str(path), "empty file" if path.stat().st_size == 0 else "not a WARC file")
                elif _has_tail(path, end):
                    yield Skipped(str(path), f"WARC archive truncated after {whole} whole record(s)")
                return
        yield Skipped(str(path), f"WARC archive truncated after {whole} whole record(s)")
    except ArchiveLoadFailed as e:
        message = str(e).strip().splitlines()
        if whole == 0:
            yield Skipped(str(path), "not a WARC file" + (f" ({message[0][:100]})" if message else ""))
        else:
            yield Skipped(str(path), f"WARC archive damaged after {whole} whole record(s)")
    except OSError as e:
        yield Skipped(str(path), f"cannot read the file ({e.strerror or e})")
    except Exception as e:  # warcio fails in many ways on a cut or corrupt file; none may stop the batch
        reason = f"WARC archive damaged after {whole} whole record(s)" if whole else "not a WARC file"
        yield Skipped(str(path), f"{reason} ({type(e).__name__})")
