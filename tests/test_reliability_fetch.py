"""The SSRF guard and the total deadline per URL. Only a local server on 127.0.0.1 and address literals are used:
every refusal must happen before connecting (the server counts what reaches it), and the public-address cases run
over a MockTransport behind the guard with a resolver given in, so nothing leaves the machine."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from typing import ClassVar

import httpx
import pytest

from bilateral.ingest import read_sources
from bilateral.ingest.guard import GuardedTransport
from bilateral.ingest.url import fetch_bytes, make_client
from bilateral.model import RawDocument, Skipped

PAGE = b"<html><head><title>T</title></head><body><p>" + b"Trade talks resumed on Monday. " * 40 + b"</p></body></html>"


class Counting(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        Counting.hits.append(self.path)
        if self.path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(100):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.1)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def port() -> Iterator[int]:
    Counting.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Counting)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


LOCAL_FORMS = [
    "127.0.0.1", "2130706433", "0x7f.1", "127.1", "localhost", "[::ffff:127.0.0.1]", "[::1]", "0.0.0.0",
]  # fmt: skip
ELSEWHERE = ["169.254.169.254", "10.0.0.1", "192.168.1.1", "172.16.5.4", "100.64.0.1", "[fd00::1]", "[fe80::1]"]


@pytest.mark.server
@pytest.mark.parametrize("host", LOCAL_FORMS)
def test_every_form_of_a_loopback_address_is_refused_before_connecting(port: int, host: str) -> None:
    [item] = read_sources([f"http://{host}:{port}/page"])
    assert isinstance(item, Skipped) and item.reason.startswith("refused: "), item
    assert "--allow-private" in item.reason
    assert Counting.hits == []


@pytest.mark.parametrize("host", ELSEWHERE)
def test_private_link_local_and_shared_addresses_are_refused(host: str) -> None:
    # the guard in front of a MockTransport: were it to let the request through, the mock (not the network) gets it
    reached: list[httpx.Request] = []
    transport = GuardedTransport(httpx.MockTransport(lambda request: reached.append(request) or httpx.Response(200)))
    with make_client(transport=transport) as client:
        [item] = read_sources([f"http://{host}/latest/meta-data/"], client=client)
    assert isinstance(item, Skipped) and item.reason.startswith("refused: "), item
    assert reached == []


def test_an_octal_address_is_never_fetched() -> None:
    [item] = read_sources(["http://0177.0.0.1/"])
    assert isinstance(item, Skipped) and ("refused" in item.reason or "invalid URL" in item.reason)


@pytest.mark.server
def test_allow_private_fetches_a_local_server(port: int) -> None:
    [item] = read_sources([f"http://127.0.0.1:{port}/page"], allow_private=True)
    assert isinstance(item, RawDocument) and item.body == PAGE


def _public(routes: dict[str, httpx.Response]) -> httpx.Client:
    """A client whose guard resolves names by a table, over a MockTransport (nothing is sent anywhere)."""
    table = {"news.example": "8.8.8.8", "intranet.example": "10.1.2.3", "mixed.example": "8.8.4.4"}
    seen: list[httpx.Request] = []

    def resolve(host: str, port: int) -> list[str]:
        if host == "mixed.example":
            return ["8.8.4.4", "192.168.0.9"]
        return [table.get(host, host)]

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return routes.get(request.url.path, httpx.Response(404))

    client = make_client(transport=GuardedTransport(httpx.MockTransport(handler), resolve=resolve))
    client.seen = seen  # type: ignore[attr-defined]
    return client


def test_a_public_page_is_fetched_from_the_address_that_was_checked() -> None:
    with _public({"/page": httpx.Response(200, content=PAGE, headers={"content-type": "text/html"})}) as client:
        [item] = read_sources(["https://news.example/page"], client=client)
        [request] = client.seen  # type: ignore[attr-defined]
    assert isinstance(item, RawDocument) and item.url == "https://news.example/page"
    assert request.url.host == "8.8.8.8" and request.headers["host"] == "news.example"
    assert request.extensions["sni_hostname"] == "news.example"


def test_a_redirect_to_a_private_address_is_refused() -> None:
    moved = httpx.Response(302, headers={"location": "http://169.254.169.254/latest/meta-data/"})
    with _public({"/moved": moved}) as client:
        [item] = read_sources(["http://news.example/moved"], client=client)
        assert len(client.seen) == 1  # type: ignore[attr-defined]
    assert isinstance(item, Skipped) and "169.254.169.254 is a link-local address" in item.reason


def test_a_name_resolving_to_a_private_address_is_refused_even_among_public_ones() -> None:
    with _public({}) as client:
        items = read_sources(["http://intranet.example/", "http://mixed.example/"], client=client)
        assert all(isinstance(item, Skipped) and "refused" in item.reason for item in items)
        assert client.seen == []  # type: ignore[attr-defined]


def test_a_feed_item_pointing_at_a_private_address_is_refused() -> None:
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        b"<item><title>One</title><link>http://10.0.0.7/admin</link></item>"
        b"<item><title>Two</title><link>http://news.example/page</link></item></channel></rss>"
    )
    routes = {
        "/feed.rss": httpx.Response(200, content=feed, headers={"content-type": "application/rss+xml"}),
        "/page": httpx.Response(200, content=PAGE, headers={"content-type": "text/html"}),
    }
    with _public(routes) as client:
        private, public = read_sources(["http://news.example/feed.rss"], client=client)
    assert isinstance(private, Skipped) and "10.0.0.7 is a private address" in private.reason
    assert isinstance(public, RawDocument)


@pytest.mark.server
def test_a_server_trickling_its_body_is_cut_at_the_total_deadline(port: int) -> None:
    started = time.monotonic()
    with make_client(timeout=httpx.Timeout(5.0), allow_private=True) as client:
        found = fetch_bytes(f"http://127.0.0.1:{port}/trickle", client=client, max_bytes=1_000_000, deadline=0.5)
    assert isinstance(found, Skipped) and "took longer than 0.5 s in all" in found.reason
    assert time.monotonic() - started < 3


def test_control_characters_in_a_feed_item_link_are_shown_escaped() -> None:
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        b"<item><title>One</title><link>mailto:desk@news.example?x=\x1b[2J</link></item></channel></rss>"
    )
    routes = {"/feed.rss": httpx.Response(200, content=feed, headers={"content-type": "application/rss+xml"})}
    with _public(routes) as client:
        [item] = read_sources(["http://news.example/feed.rss"], client=client)
    assert isinstance(item, Skipped) and "\x1b" not in item.source + item.reason
    assert "\\x1b[2J" in item.source
