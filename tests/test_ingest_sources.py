"""read_sources over mixed inputs (order kept, nothing stops the stream) and the sniffing readers share."""

from __future__ import annotations

import gzip
from pathlib import Path

import httpx
import pytest

from bilateral.ingest import read_sources
from bilateral.ingest.sniff import (
    binary_reason,
    is_blank,
    looks_like_feed,
    looks_like_html,
    size_limit_reason,
)
from bilateral.ingest.url import make_client

PAGE = b"<html><body><p>" + b"Talks went on. " * 30 + b"</p></body></html>"


def test_mixed_sources_keep_their_order_and_bad_ones_do_not_stop_the_rest(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "b.html").write_bytes(PAGE)
    (tmp_path / "folder" / "a.txt.gz").write_bytes(gzip.compress(b"plain words " * 20))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "dump.jsonl").write_text('{"id": "j1", "text": "words"}\n')

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/page":
            return httpx.Response(200, content=PAGE, headers={"content-type": "text/html"})
        return httpx.Response(404)

    sources = [
        str(tmp_path / "empty.txt"),
        "https://example.org/page",
        str(tmp_path / "folder"),
        "https://example.org/missing",
        str(tmp_path / "dump.jsonl"),
        str(tmp_path / "nowhere"),
    ]
    with make_client(transport=httpx.MockTransport(handler)) as client:
        items = list(read_sources(sources, client=client))
    assert [(type(i).__name__, Path(i.source).name) for i in items] == [
        ("Skipped", "empty.txt"),
        ("RawDocument", "page"),
        ("RawDocument", "a.txt.gz"),
        ("RawDocument", "b.html"),
        ("Skipped", "missing"),
        ("RawDocument", "dump.jsonl:1"),
        ("Skipped", "nowhere"),
    ]


def test_the_same_input_reads_the_same_twice(tmp_path: Path) -> None:
    for name in ("c.txt", "a/b.html", "a/a.md", "B.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(PAGE)
    first = list(read_sources([str(tmp_path)]))
    assert first == list(read_sources([str(tmp_path)]))
    assert [Path(i.source).relative_to(tmp_path).as_posix() for i in first] == [
        "B.txt",
        "a/a.md",
        "a/b.html",
        "c.txt",
    ]


@pytest.mark.parametrize(
    ("body", "html"),
    [
        (b"<!DOCTYPE html><html><body>x</body></html>", True),
        (b"\xef\xbb\xbf  <HTML lang='en'><p>x</p>", True),
        (b"<?xml version='1.0'?>\n<!-- saved -->\n<html xmlns='http://www.w3.org/1999/xhtml'>", True),
        (b"<div class='story'><p>First</p><p>Second</p></div>", True),
        (b"Plain text that mentions <p> and </p> tags.", False),
        (
            b"<rss version='2.0'><channel><title>T</title><description>&lt;p&gt;</description>",
            False,
        ),
    ],
)
def test_looks_like_html(body: bytes, html: bool) -> None:
    assert looks_like_html(body) is html


def test_looks_like_feed() -> None:
    assert looks_like_feed(b"<?xml version='1.0'?><?xml-stylesheet href='s.xsl'?><rss version='2.0'>")
    assert looks_like_feed(b"<feed xmlns='http://www.w3.org/2005/Atom'>")
    assert looks_like_feed(b"<rdf:RDF xmlns:rdf='x'>")
    assert not looks_like_feed(b"<html><body><rss>")
    assert not looks_like_feed(b"<urlset><url/></urlset>")


def test_binary_blank_and_limit_reasons() -> None:
    assert binary_reason(b"abc\x00def") == "binary content (NUL bytes)"
    assert binary_reason("utf-16 words".encode("utf-16")) is None
    assert binary_reason("utf-16 words without a BOM".encode("utf-16-le")) is None
    assert binary_reason(b"\x01\x02\x03\x04" * 50) == "binary content (mostly control characters)"
    assert binary_reason("Señor López, café\n\tcolumn\x0c".encode()) is None
    assert is_blank(b"\xef\xbb\xbf \r\n\t") and not is_blank(b" x ")
    assert size_limit_reason(20_000_000) == "larger than the 20 MB limit (use --max-bytes)"
    assert size_limit_reason(2_500) == "larger than the 2.5 kB limit (use --max-bytes)"
    assert size_limit_reason(10) == "larger than the 10 byte limit (use --max-bytes)"
