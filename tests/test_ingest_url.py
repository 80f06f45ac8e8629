"""The URL reader: pages, redirects, HTTP errors, timeouts and the size cap, with a mock transport and a real
local server (never the internet)."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from typing import ClassVar

import httpx
import pytest

from bilateral import __version__
from bilateral.ingest import read_sources
from bilateral.ingest.url import USER_AGENT, LazyClient, fetch, make_client
from bilateral.model import RawDocument, Skipped

PAGE = b"<html><head><title>T</title></head><body><p>%s</p></body></html>" % (b"Border talks went on. " * 40)


def handler(request: httpx.Request) -> httpx.Response:
    path = request.url.path
    html = {"content-type": "text/html; charset=ISO-8859-1"}
    if path == "/page":
        return httpx.Response(200, content=PAGE, headers=html)
    if path == "/agent":
        return httpx.Response(
            200, content=request.headers["user-agent"].encode(), headers={"content-type": "text/plain"}
        )
    if path.startswith("/hop/"):
        left = int(path.rsplit("/", 1)[1])
        return httpx.Response(302, headers={"location": f"/hop/{left - 1}" if left else "/page"})
    if path == "/slow":
        raise httpx.ReadTimeout("read timed out", request=request)
    if path == "/unreachable":
        raise httpx.ConnectTimeout("connect timed out", request=request)
    if path == "/refused":
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
    if path == "/declared-big":
        lying = {"content-type": "text/html", "content-length": "99999999"}
        return httpx.Response(200, content=PAGE, headers=lying)
    if path == "/streamed-big":
        return httpx.Response(200, content=iter([PAGE] * 50), headers={"content-type": "text/html"})
    if path == "/notes":
        plain = {"content-type": "text/plain; charset=utf-8"}
        return httpx.Response(200, content=b"plain words " * 30, headers=plain)
    if path == "/report.pdf":
        return httpx.Response(200, content=b"%PDF-1.7 ...", headers={"content-type": "application/pdf"})
    if path == "/empty":
        return httpx.Response(200, content=b"", headers=html)
    if path == "/untyped":
        return httpx.Response(200, content=PAGE)
    if path == "/error":
        return httpx.Response(503)
    return httpx.Response(404)


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with make_client(transport=httpx.MockTransport(handler)) as mock:
        yield mock


def get(client: httpx.Client, path: str, *, max_bytes: int = 20_000_000) -> RawDocument | Skipped:
    return fetch(f"https://example.org{path}", client=client, max_bytes=max_bytes)


def test_page_keeps_charset_and_final_url(client: httpx.Client) -> None:
    page = get(client, "/page")
    assert isinstance(page, RawDocument)
    assert (page.source, page.url, page.kind, page.encoding, page.body) == (
        "https://example.org/page",
        "https://example.org/page",
        "html",
        "iso-8859-1",
        PAGE,
    )


def test_redirects_are_followed_up_to_five(client: httpx.Client) -> None:
    moved = get(client, "/hop/4")  # five redirects in all
    assert isinstance(moved, RawDocument)
    assert moved.source == "https://example.org/hop/4" and moved.url == "https://example.org/page"
    assert get(client, "/hop/5") == Skipped("https://example.org/hop/5", "more than 5 redirects")


def test_polite_user_agent_is_sent(client: httpx.Client) -> None:
    page = get(client, "/agent")
    assert isinstance(page, RawDocument)
    assert (
        page.body.decode()
        == USER_AGENT
        == f"bilateral/{__version__} (+https://example.invalid/bilateral; research use)"
    )


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/error", "HTTP 503 Service Unavailable"),
        ("/slow", "timed out after 20 s"),
        ("/unreachable", "timed out connecting after 10 s"),
        ("/refused", "cannot connect ([Errno 111] Connection refused)"),
        ("/declared-big", "larger than the 5 kB limit (use --max-bytes)"),
        ("/streamed-big", "larger than the 5 kB limit (use --max-bytes)"),
        ("/report.pdf", "not a web page (content type application/pdf)"),
        ("/empty", "empty response"),
    ],
)
def test_failures_are_skipped_with_a_reason(client: httpx.Client, path: str, reason: str) -> None:
    assert get(client, path, max_bytes=5_000) == Skipped(f"https://example.org{path}", reason)


def test_kind_follows_the_content_type_or_the_body(client: httpx.Client) -> None:
    notes, untyped = get(client, "/notes"), get(client, "/untyped")
    assert isinstance(notes, RawDocument) and notes.kind == "text" and notes.encoding == "utf-8"
    assert isinstance(untyped, RawDocument) and untyped.kind == "html" and untyped.encoding is None


def test_bad_urls_are_skipped(client: httpx.Client) -> None:
    items = list(read_sources(["https://", "http://[::1/", "https://example.org/page"], client=client))
    assert items[0] == Skipped("https://", "invalid URL (no host name)")
    assert items[1] == Skipped("http://[::1/", "invalid URL (Invalid port: ':1')")
    assert isinstance(items[2], RawDocument)


def test_a_failed_url_does_not_stop_the_others(client: httpx.Client) -> None:
    urls = [f"https://example.org/{path}" for path in ("slow", "page", "missing", "notes")]
    items = list(read_sources(urls, client=client))
    assert [type(i).__name__ for i in items] == ["Skipped", "RawDocument", "Skipped", "RawDocument"]


def test_lazy_client_is_made_once_and_closed_only_if_made(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[httpx.Client] = []

    def fake_make_client() -> httpx.Client:
        made.append(make_client(transport=httpx.MockTransport(handler)))
        return made[-1]

    monkeypatch.setattr("bilateral.ingest.url.make_client", fake_make_client)
    lazy = LazyClient()
    assert lazy() is lazy() and len(made) == 1
    lazy.close()
    assert made[0].is_closed
    given = make_client(transport=httpx.MockTransport(handler))
    borrowed = LazyClient(given)
    assert borrowed() is given
    borrowed.close()
    assert not given.is_closed
    given.close()


def test_no_client_is_made_without_a_url(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    def forbidden() -> httpx.Client:
        raise AssertionError("a client was made although no URL was read")

    monkeypatch.setattr("bilateral.ingest.url.make_client", forbidden)
    missing = "/no/such/path.txt"
    assert list(read_sources([missing])) == [Skipped(missing, "no such file or folder")]


# --- a real server on 127.0.0.1 ---------------------------------------------------------------------


class Site(http.server.BaseHTTPRequestHandler):
    """A tiny site: a page, a redirect to it, a slow page, a big page with no length, a missing page."""

    agents: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/page")
            self.end_headers()
        elif self.path == "/page":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)
        elif self.path == "/slow":
            time.sleep(1.0)
            self.send_response(200)
            self.end_headers()
        elif self.path == "/big":
            # no Content-Length: the cap has to hold while streaming
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(200):
                self.wfile.write(PAGE)
        else:
            self.send_error(404)

    def log_message(self, *args: object) -> None:
        pass  # keep test output clean


@pytest.fixture
def site() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.mark.server
def test_real_server_page_redirect_404_cap_and_timeout(site: str) -> None:
    Site.agents.clear()
    with make_client(timeout=httpx.Timeout(0.3, connect=2.0), allow_private=True) as client:
        items = list(
            read_sources(
                [f"{site}/moved", f"{site}/nothing", f"{site}/big", f"{site}/slow"],
                client=client,
                max_bytes=50_000,
            )
        )
    moved, missing, big, slow = items
    assert isinstance(moved, RawDocument) and moved.body == PAGE
    assert moved.url == f"{site}/page" and moved.source == f"{site}/moved" and moved.encoding == "utf-8"
    assert missing == Skipped(f"{site}/nothing", "HTTP 404 Not Found")
    assert big == Skipped(f"{site}/big", "larger than the 50 kB limit (use --max-bytes)")
    assert slow == Skipped(f"{site}/slow", "timed out after 0.3 s")
    assert set(Site.agents) == {USER_AGENT}


@pytest.mark.server
def test_real_server_with_the_default_client(site: str) -> None:
    # no client passed: read_sources makes one for the first URL and closes it at the end
    items = list(read_sources([f"{site}/page"], allow_private=True))  # the test server is on loopback
    assert len(items) == 1 and isinstance(items[0], RawDocument) and items[0].body == PAGE
