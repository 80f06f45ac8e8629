"""Fetching pages over HTTP(S): timeouts and a total deadline per URL, at most five redirects, a size cap while
streaming, a polite agent, and only public addresses (`guard.py`) unless private ones are allowed.

The caller passes the httpx.Client (tests hand in a MockTransport or point at a local server); `LazyClient`
makes one only when a URL is actually met, and closes only what it made.
"""

from __future__ import annotations

import http
import time
from urllib.parse import urlsplit

import httpx

from bilateral import __version__
from bilateral.ingest.guard import GuardedTransport, RefusedAddress
from bilateral.ingest.sniff import is_blank, looks_like_feed, looks_like_html, size_limit_reason
from bilateral.model import RawDocument, Skipped

USER_AGENT = f"bilateral/{__version__} (+https://example.invalid/bilateral; research use)"
TIMEOUT = httpx.Timeout(20.0, connect=10.0)
MAX_REDIRECTS = 5
DEADLINE = 60.0  # seconds for one URL in all (redirects and a body trickled byte by byte included)
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/plain;q=0.9,*/*;q=0.5"
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")
XML_TYPES = ("text/xml", "application/xml")


def make_client(
    *,
    timeout: httpx.Timeout = TIMEOUT,
    transport: httpx.BaseTransport | None = None,
    allow_private: bool = False,
) -> httpx.Client:
    """The client every fetch goes through; one per run, so connections are reused across pages.

    Without `transport`, requests go over the network through the SSRF guard (public addresses only) unless
    `allow_private`; a transport given in (a test's MockTransport) is used as it is."""
    if transport is None and not allow_private:
        transport = GuardedTransport(httpx.HTTPTransport())
    return httpx.Client(
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
        timeout=timeout,
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        transport=transport,
    )


class LazyClient:
    """Hands out the caller's client, or makes one on first use; `close()` closes only one it made."""

    def __init__(self, client: httpx.Client | None = None, *, allow_private: bool = False) -> None:
        self._client = client
        self._owned = False
        self.allow_private = allow_private

    def __call__(self) -> httpx.Client:
        if self._client is None:
            self._client = make_client(allow_private=True) if self.allow_private else make_client()
            self._owned = True
        return self._client

    def close(self) -> None:
        if self._owned and self._client is not None:
            self._client.close()
            self._client = None
            self._owned = False


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def _seconds(value: float | None) -> str:
    return f"{value:g} s" if value is not None else "the time limit"


def _timeout_reason(error: httpx.TimeoutException, client: httpx.Client) -> str:
    if isinstance(error, httpx.ConnectTimeout):
        return f"timed out connecting after {_seconds(client.timeout.connect)}"
    if isinstance(error, httpx.PoolTimeout):
        return f"timed out waiting for a connection after {_seconds(client.timeout.pool)}"
    if isinstance(error, httpx.WriteTimeout):
        return f"timed out sending the request after {_seconds(client.timeout.write)}"
    return f"timed out after {_seconds(client.timeout.read)}"


def _status_reason(response: httpx.Response) -> str:
    phrase = response.reason_phrase
    if not phrase:
        try:
            phrase = http.HTTPStatus(response.status_code).phrase
        except ValueError:
            phrase = ""
    return f"HTTP {response.status_code} {phrase}".strip()


def fetch_bytes(
    url: str, *, client: httpx.Client, max_bytes: int, deadline: float = DEADLINE
) -> tuple[httpx.Response, bytes] | Skipped:
    """The final response and its (content-decoded) body, or the reason they could not be had; `deadline` is the
    most seconds the whole fetch may take (checked as each piece of the body arrives)."""
    ends = time.monotonic() + deadline
    try:
        if not httpx.URL(url).host:
            return Skipped(url, "invalid URL (no host name)")
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                return Skipped(url, _status_reason(response))
            declared = response.headers.get("content-length", "")
            # A declared length only refuses early; the count below is what holds, since servers may lie.
            if declared.isdigit() and int(declared) > max_bytes:
                return Skipped(url, size_limit_reason(max_bytes))
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    return Skipped(url, size_limit_reason(max_bytes))
                if time.monotonic() > ends:
                    return Skipped(url, f"took longer than {deadline:g} s in all (the server sends too slowly)")
            return response, bytes(body)
    except RefusedAddress as e:
        return Skipped(url, str(e))
    except httpx.TimeoutException as e:
        return Skipped(url, _timeout_reason(e, client))
    except httpx.TooManyRedirects:
        return Skipped(url, f"more than {MAX_REDIRECTS} redirects")
    except httpx.ConnectError as e:
        return Skipped(url, f"cannot connect ({e or 'connection refused'})")
    except httpx.UnsupportedProtocol:
        return Skipped(url, "not an http:// or https:// URL")
    except (httpx.InvalidURL, ValueError) as e:
        return Skipped(url, f"invalid URL ({e})")
    except httpx.HTTPError as e:
        return Skipped(url, f"cannot fetch ({type(e).__name__}: {e})")


def content_type(response: httpx.Response) -> str:
    """The media type alone, lower-case ("text/html; charset=utf-8" -> "text/html")."""
    return str(response.headers.get("content-type", "")).split(";")[0].strip().lower()


def is_feed_response(url: str, response: httpx.Response, body: bytes) -> bool:
    """A feed by its URL (.rss/.atom/.xml), its media type, or, for generic XML, its root element."""
    path = urlsplit(url).path.lower()
    media = content_type(response)
    if path.endswith((".rss", ".atom", ".xml")) or media.startswith(FEED_TYPES):
        return True
    return media.startswith(XML_TYPES) and looks_like_feed(body)


def page_kind(response: httpx.Response, body: bytes) -> str | None:
    """ "html" or "text" for what a cleaner can read; None for anything else (images, PDFs, JSON …)."""
    media = content_type(response)
    if "html" in media:
        return "html"
    if media in ("text/plain", "text/markdown"):
        return "html" if looks_like_html(body) else "text"
    if not media or media in ("application/octet-stream", "text/xml", "application/xml"):
        return "html" if looks_like_html(body) else None
    return None


def document_from(url: str, response: httpx.Response, body: bytes) -> RawDocument | Skipped:
    if is_blank(body):
        return Skipped(url, "empty response")
    kind = page_kind(response, body)
    if kind is None:
        return Skipped(url, f"not a web page (content type {content_type(response) or 'missing'})")
    encoding = response.charset_encoding
    return RawDocument(source=url, body=body, kind=kind, url=str(response.url), encoding=encoding)


def fetch(url: str, *, client: httpx.Client, max_bytes: int) -> RawDocument | Skipped:
    """One web page as a raw document (final URL and declared charset kept), or why it could not be had."""
    fetched = fetch_bytes(url, client=client, max_bytes=max_bytes)
    if isinstance(fetched, Skipped):
        return fetched
    return document_from(url, *fetched)
