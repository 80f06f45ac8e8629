"""Every reader, and every kind of bad input: skipped with a reason, never stopping the batch."""

from __future__ import annotations

import gzip
import http.server
import io
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from bilateral.clean.decode import decode
from bilateral.errors import UnreadableSource
from bilateral.ingest import count_inputs, read_sources
from bilateral.ingest.url import make_client
from bilateral.model import RawDocument, Skipped

PAGE = (
    b"<html><head><title>T</title></head><body><article><p>"
    + b"Border talks went on. " * 40
    + b"</p></article></body></html>"
)
LONG = "Mexico and the United States agreed to cooperate on migration enforcement at the border. " * 25


def read(*sources: str | Path, **options: object) -> list[RawDocument | Skipped]:
    return list(read_sources([str(s) for s in sources], **options))  # type: ignore[arg-type]


def reasons(items: list[RawDocument | Skipped]) -> dict[str, str]:
    return {Path(i.source).name: i.reason for i in items if isinstance(i, Skipped)}


def test_folder_is_read_recursively_in_order_with_kinds(tmp_path: Path) -> None:
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / "a.txt").write_text("plain text article")
    (tmp_path / "b" / "page.html").write_bytes(PAGE)
    (tmp_path / "b" / "deep" / "c.htm.gz").write_bytes(gzip.compress(PAGE))
    (tmp_path / "b" / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text("hidden")
    items = read(tmp_path)
    assert [(Path(i.source).name, i.kind) for i in items if isinstance(i, RawDocument)] == [
        ("a.txt", "text"),
        ("c.htm.gz", "html"),
        ("page.html", "html"),
    ]
    assert count_inputs([str(tmp_path)]) == 3


def test_bad_files_are_skipped_with_reasons_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(LONG)
    (tmp_path / "huge.txt").write_text("x" * 5000)
    (tmp_path / "truncated.txt.gz").write_bytes(gzip.compress(LONG.encode())[:-20])
    items = read(tmp_path, tmp_path / "missing.txt", max_bytes=4000)
    skipped = reasons(items)
    assert "limit" in skipped["huge.txt"]
    assert "gzip" in skipped["truncated.txt.gz"]
    assert "no such file" in skipped["missing.txt"]
    assert [Path(i.source).name for i in items if isinstance(i, RawDocument)] == ["good.txt"]


def test_jsonl_lines_with_metadata_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "text": LONG, "title": "T", "published": "2021-03-19", "outlet": "Wire",
                    "authors": "Ana Ruiz and Tom Lee", "url": "https://example.org/a"}),
        "{not json",
        json.dumps({"id": "a2", "title": "nothing"}),
        json.dumps({"id": "a3", "html": PAGE.decode()}),
    ]  # fmt: skip
    (tmp_path / "dump.jsonl").write_text("\n".join(lines) + "\n")
    items = read(tmp_path / "dump.jsonl")
    first = items[0]
    assert isinstance(first, RawDocument)
    assert (first.id, first.kind, first.authors, first.outlet) == ("a1", "text", ("Ana Ruiz", "Tom Lee"), "Wire")
    assert isinstance(items[1], Skipped) and items[1].source.endswith(":2") and "invalid JSON" in items[1].reason
    assert isinstance(items[2], Skipped) and "neither" in items[2].reason
    assert isinstance(items[3], RawDocument) and items[3].kind == "html"


def write_warc(path: Path, *, truncate: bool = False) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for number, (status, kind) in enumerate([("200 OK", "text/html; charset=utf-8"), ("404 Not Found", "text/html"),
                                             ("200 OK", "image/png"), ("200 OK", "text/html")]):  # fmt: skip
        headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://example.org/{number}", "response", payload=io.BytesIO(PAGE), http_headers=headers
        )
        writer.write_record(record)
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) - 150] if truncate else data)


def test_warc_keeps_html_responses_only(tmp_path: Path) -> None:
    write_warc(tmp_path / "a.warc.gz")
    items = read(tmp_path / "a.warc.gz")
    assert [i.url for i in items if isinstance(i, RawDocument)] == ["https://example.org/0", "https://example.org/3"]
    assert items[0].source.endswith("#https://example.org/0")


def test_truncated_and_fake_warcs_are_skipped(tmp_path: Path) -> None:
    write_warc(tmp_path / "cut.warc.gz", truncate=True)
    (tmp_path / "fake.warc").write_text("this is not an archive")
    cut = read(tmp_path / "cut.warc.gz")
    assert any(isinstance(i, RawDocument) for i in cut) and isinstance(cut[-1], Skipped)
    fake = read(tmp_path / "fake.warc")
    assert len(fake) == 1 and isinstance(fake[0], Skipped)


def feed_xml(items: str) -> bytes:
    return (f'<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            f'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Border Daily</title>{items}'
            "</channel></rss>").encode()  # fmt: skip


FEED = feed_xml(
    "<item><title>Full</title><link>https://example.org/full</link><dc:creator>Ana Ruiz</dc:creator>"
    "<pubDate>Fri, 19 Mar 2021 10:00:00 GMT</pubDate>"
    f"<content:encoded><![CDATA[<p>{LONG}</p>]]></content:encoded></item>"
    "<item><title>Teaser</title><link>https://example.org/teaser</link><description>Short.</description></item>"
    "<item><title>Gone</title><link>https://example.org/gone</link></item>"
)


def handler(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/feed.rss":
        return httpx.Response(200, content=FEED, headers={"content-type": "application/rss+xml"})
    if request.url.path == "/teaser":
        return httpx.Response(200, content=PAGE, headers={"content-type": "text/html; charset=utf-8"})
    if request.url.path == "/moved":
        return httpx.Response(301, headers={"location": "https://example.org/teaser"})
    if request.url.path == "/slow":
        raise httpx.ReadTimeout("timed out", request=request)
    if request.url.path == "/big":
        return httpx.Response(200, content=b"x" * 10_000, headers={"content-type": "text/html"})
    return httpx.Response(404)


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with make_client(transport=httpx.MockTransport(handler)) as c:
        yield c


def test_feed_uses_full_text_fetches_teasers_and_skips_failures(client: httpx.Client) -> None:
    items = read("https://example.org/feed.rss", client=client)
    full, teaser, gone = items
    assert isinstance(full, RawDocument) and full.authors == ("Ana Ruiz",) and full.published == "2021-03-19"
    assert full.outlet == "Border Daily" and full.title == "Full"
    assert isinstance(teaser, RawDocument) and teaser.body == PAGE and teaser.title == "Teaser"
    assert isinstance(gone, Skipped) and "404" in gone.reason


def test_feed_file_on_disk(tmp_path: Path) -> None:
    (tmp_path / "feed.rss").write_bytes(
        feed_xml(f"<item><title>A</title><content:encoded>{LONG}</content:encoded></item>")
    )
    items = read(tmp_path / "feed.rss")
    assert len(items) == 1 and isinstance(items[0], RawDocument)


def test_url_failures(client: httpx.Client) -> None:
    urls = [f"https://example.org/{path}" for path in ("missing", "slow", "big", "moved", "feed404.rss")]
    items = read(*urls, client=client, max_bytes=5000)
    assert "404" in items[0].reason  # type: ignore[union-attr]
    assert "timed out" in items[1].reason  # type: ignore[union-attr]
    assert "limit" in items[2].reason  # type: ignore[union-attr]
    assert isinstance(items[3], RawDocument) and items[3].url == "https://example.org/teaser"
    assert isinstance(items[4], Skipped) and "404" in items[4].reason


@pytest.mark.server
def test_real_local_http_server() -> None:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200 if self.path == "/page" else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(PAGE if self.path == "/page" else b"")
            self.user_agent = self.headers.get("User-Agent")

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        page, missing = read(f"{base}/page", f"{base}/nothing", allow_private=True)  # a local server
    finally:
        server.shutdown()
        server.server_close()
    assert isinstance(page, RawDocument) and page.body == PAGE and page.encoding == "utf-8"
    assert isinstance(missing, Skipped) and "404" in missing.reason


@pytest.mark.parametrize(
    ("body", "reason"),
    [(b"", "empty"), (b"   \n ", "empty"), (b"\x00\x01\x02binary\x00" * 30, "binary"),
     (bytes(range(1, 32)) * 40, "binary")],
)  # fmt: skip
def test_unreadable_bytes(body: bytes, reason: str) -> None:
    with pytest.raises(UnreadableSource, match=reason):
        decode(RawDocument("x", body, "text"))


def test_encodings_are_detected_and_mojibake_repaired() -> None:
    assert decode(RawDocument("x", "López Obrador".encode("cp1252") * 20, "text")).startswith("López Obrador")
    meta = '<meta charset="iso-8859-1"><p>Ébrard</p>'.encode("latin-1")
    assert "Ébrard" in decode(RawDocument("x", meta, "html"))
    assert decode(RawDocument("x", "LÃ³pez said\r\nmore".encode(), "text")) == "López said\nmore"
    assert decode(RawDocument("x", b"\xef\xbb\xbfwith bom", "text")) == "with bom"
