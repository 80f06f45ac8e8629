"""Fetching pages over HTTP(S): timeouts, redirects, a size cap and a polite user agent.

The caller passes the httpx.Client (tests hand in a MockTransport or point at a local server).
"""

from __future__ import annotations

import httpx

from bilateral import __version__
from bilateral.model import RawDocument, Skipped

USER_AGENT = f"bilateral/{__version__} (research tool; +https://example.invalid/bilateral)"
TIMEOUT = httpx.Timeout(20.0, connect=10.0)


def make_client(*, timeout: httpx.Timeout = TIMEOUT, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    return httpx.Client(
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"},
        timeout=timeout,
        follow_redirects=True,
        max_redirects=5,
        transport=transport,
    )


def fetch_bytes(url: str, *, client: httpx.Client, max_bytes: int) -> tuple[httpx.Response, bytes] | Skipped:
    """The response and its body, or the reason it could not be had."""
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                return Skipped(url, f"HTTP {response.status_code} {response.reason_phrase}".strip())
            body = b""
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    return Skipped(url, f"larger than the {max_bytes / 1_000_000:g} MB limit (use --max-bytes)")
            return response, body
    except httpx.TimeoutException:
        return Skipped(url, "timed out (the server did not answer in time)")
    except httpx.TooManyRedirects:
        return Skipped(url, "too many redirects")
    except httpx.HTTPError as e:
        return Skipped(url, f"cannot fetch ({type(e).__name__}: {e})")


def fetch(url: str, *, client: httpx.Client, max_bytes: int) -> RawDocument | Skipped:
    fetched = fetch_bytes(url, client=client, max_bytes=max_bytes)
    if isinstance(fetched, Skipped):
        return fetched
    response, body = fetched
    content_type = response.headers.get("content-type", "").lower()
    kind = "text" if content_type.startswith("text/plain") else "html"
    return RawDocument(source=url, body=body, kind=kind, url=str(response.url), encoding=response.charset_encoding)
