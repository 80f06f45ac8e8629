"""The WARC reader: HTML 200 responses only; truncated, empty and fake archives reported, whole records kept.

Archives are written in each test with warcio's own writer.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from bilateral.ingest import read_sources
from bilateral.ingest.warc import charset
from bilateral.model import RawDocument, Skipped

PAGE = b"<html><head><title>T</title></head><body><p>%s</p></body></html>" % (b"Border talks went on. " * 60)

# (target, HTTP status, content type): only the first and the last are pages to read
RESPONSES = [
    ("https://example.org/a", "200 OK", "text/html; charset=ISO-8859-1"),
    ("https://example.org/missing", "404 Not Found", "text/html"),
    ("https://example.org/logo.png", "200 OK", "image/png"),
    ("https://example.org/moved", "301 Moved Permanently", "text/html"),
    ("https://example.org/b", "200 OK", "application/xhtml+xml"),
]


def archive(*, compress: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    for target, status, content_type in RESPONSES:
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        empty = io.BytesIO(b"")
        writer.write_record(writer.create_warc_record(target, "request", payload=empty, http_headers=request))
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(target, "response", payload=io.BytesIO(PAGE), http_headers=headers)
        )
    return buffer.getvalue()


def read(path: Path, *, max_bytes: int = 20_000_000) -> list[RawDocument | Skipped]:
    return list(read_sources([str(path)], max_bytes=max_bytes))


@pytest.mark.parametrize("compress", [True, False], ids=["warc.gz", "warc"])
def test_only_html_200_responses_become_documents(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("a.warc.gz" if compress else "a.warc")
    path.write_bytes(archive(compress=compress))
    items = read(path)
    assert all(isinstance(i, RawDocument) for i in items)
    documents = [i for i in items if isinstance(i, RawDocument)]
    assert [(d.source, d.url, d.encoding) for d in documents] == [
        (f"{path}#https://example.org/a", "https://example.org/a", "ISO-8859-1"),
        (f"{path}#https://example.org/b", "https://example.org/b", None),
    ]
    assert all(d.body == PAGE and d.kind == "html" for d in documents)


@pytest.mark.parametrize("compress", [True, False], ids=["warc.gz", "warc"])
@pytest.mark.parametrize("keep", [0.45, 0.6, 0.8, 0.95])
def test_truncated_archive_keeps_whole_records(tmp_path: Path, compress: bool, keep: float) -> None:
    data = archive(compress=compress)
    path = tmp_path / ("cut.warc.gz" if compress else "cut.warc")
    path.write_bytes(data[: int(len(data) * keep)])
    items = read(path)
    *documents, last = items
    assert all(isinstance(d, RawDocument) and d.body == PAGE for d in documents)
    assert isinstance(last, Skipped) and last.source == str(path)
    assert "WARC archive truncated" in last.reason or "WARC archive damaged" in last.reason


def test_archive_cut_inside_a_record_header_is_reported(tmp_path: Path) -> None:
    data = archive(compress=False)
    cut = data.index(b"WARC-Target-URI: https://example.org/b") + 20  # inside the request for b
    (tmp_path / "cut.warc").write_bytes(data[:cut])
    *documents, last = read(tmp_path / "cut.warc")
    assert [d.url for d in documents] == ["https://example.org/a"]  # type: ignore[union-attr]
    assert isinstance(last, Skipped) and last.reason == "WARC archive truncated after 9 whole record(s)"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"this is not an archive, just words\n" * 20, "not a WARC file"),
        (b"", "empty file"),
    ],
)
def test_fake_and_empty_archives_are_one_skip(tmp_path: Path, content: bytes, expected: str) -> None:
    (tmp_path / "x.warc").write_bytes(content)
    items = read(tmp_path / "x.warc")
    assert len(items) == 1 and isinstance(items[0], Skipped)
    assert items[0].reason.startswith(expected)


def test_size_cap_applies_per_page(tmp_path: Path) -> None:
    (tmp_path / "a.warc.gz").write_bytes(archive(compress=True))
    items = read(tmp_path / "a.warc.gz", max_bytes=500)
    assert [i.reason for i in items if isinstance(i, Skipped)] == [
        "larger than the 500 byte limit (use --max-bytes)"
    ] * 2


def test_charset_parameter() -> None:
    assert charset('text/html; charset="utf-8"') == "utf-8"
    assert charset("text/html;CHARSET=Shift_JIS; q=1") == "Shift_JIS"
    assert charset("text/html") is None
