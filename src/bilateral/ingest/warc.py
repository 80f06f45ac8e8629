"""WARC archives: HTTP response records with an HTML body and status 200 become documents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from bilateral.model import RawDocument, Skipped


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def read_warc(path: Path, *, max_bytes: int) -> Iterator[RawDocument | Skipped]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    records = 0
    end = 0  # where the last complete record ends: anything after it is a cut-off record
    try:
        with path.open("rb") as handle:
            archive = ArchiveIterator(handle)
            for record in archive:
                if record.format != "warc":
                    yield Skipped(str(path), "not a WARC file (no WARC/1.x record header found)")
                    return
                if record.rec_type != "response" or record.http_headers is None:
                    archive.read_to_end(record)
                    end = archive.get_record_offset() + archive.get_record_length()
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                source = f"{path}#{uri}"
                status = record.http_headers.get_statuscode()
                content_type = record.http_headers.get_header("Content-Type") or ""
                if status != "200" or "html" not in content_type.lower():
                    archive.read_to_end(record)
                    end = archive.get_record_offset() + archive.get_record_length()
                    continue
                body = record.content_stream().read(max_bytes + 1)
                archive.read_to_end(record)
                end = archive.get_record_offset() + archive.get_record_length()
                records += 1
                if len(body) > max_bytes:
                    yield Skipped(source, f"larger than the {max_bytes / 1_000_000:g} MB limit (use --max-bytes)")
                    continue
                yield RawDocument(source, body, "html", url=uri or None, encoding=_charset(content_type))
        if end < path.stat().st_size:
            yield Skipped(
                str(path), f"archive truncated: {path.stat().st_size - end} bytes after the last whole record"
            )
    except ArchiveLoadFailed as e:
        yield Skipped(str(path), f"not a WARC file ({str(e).strip().splitlines()[0][:120]})")
    except (OSError, EOFError, ValueError) as e:
        yield Skipped(str(path), f"archive truncated or damaged after {records} record(s) ({type(e).__name__}: {e})")
