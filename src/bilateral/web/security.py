"""What the web app does on every request before and after a page: the token check (header or cookie, compared
as bytes in constant time, never taken from the URL), the allowed-hosts check (DNS rebinding), security headers
with a Content-Security-Policy, one read snapshot of the store per request with a time limit on its queries, and a
log filter that keeps tokens out of the access log.
"""

from __future__ import annotations

import hmac
import logging
import re
import sqlite3
import time
from collections.abc import Awaitable, Callable, Collection, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response

from bilateral.store.db import connect

TOKEN_HEADER = "x-bilateral-token"
TOKEN_COOKIE = "bilateral_token"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
QUERY_SECONDS = 10.0  # past this, a page's queries are interrupted and the page answers 503
# Pages need no script from anywhere else, no frames, no plugins; the page's own <style> is allowed.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}
LOGIN = "/login"
LOGIN_PAGE = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>bilateral: token</title></head><body>'
    '<form method="post" action="/login"><label>Token <input name="token" type="password" autofocus></label> '
    "<button>Open</button></form></body></html>"
)
TOKEN_IN_URL = re.compile(r"(?i)([?&](?:token|bilateral_token)=)[^&\s\"]*")

Middleware = Callable[[Request, Callable[[Request], Awaitable[Response]]], Awaitable[Response]]


def token_matches(given: str, expected: str) -> bool:
    """Constant-time comparison of the UTF-8 bytes (so a non-ASCII token is just a wrong token, never an error).

    Starlette decodes header bytes as Latin-1; they are encoded back the same way to get the bytes sent."""
    return hmac.compare_digest(given.encode("latin-1", "replace"), expected.encode("utf-8"))


def require_token(token: str) -> Middleware:
    """401 unless the request carries `token` in the X-Bilateral-Token header or the bilateral_token cookie; a token
    in the URL is refused (URLs end up in logs, history and Referer headers)."""

    async def check(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if request.url.path == LOGIN:
            return await login(request, token)
        if any(name.lower() in ("token", TOKEN_COOKIE) for name in request.query_params):
            return JSONResponse(
                {"error": "a token in the URL is not accepted — send it in the X-Bilateral-Token header"},
                status_code=401,
            )
        given = request.headers.get(TOKEN_HEADER) or request.cookies.get(TOKEN_COOKIE) or ""
        if not token_matches(given, token):
            if "text/html" in request.headers.get("accept", ""):
                return RedirectResponse(LOGIN, status_code=303)
            return JSONResponse({"error": "a valid token is required (X-Bilateral-Token header)"}, status_code=401)
        return await call_next(request)

    return check


async def login(request: Request, token: str) -> Response:
    """GET: a form asking for the token; POST: the token checked and, if right, kept in an HttpOnly cookie."""
    if request.method == "POST":
        form = parse_qs((await request.body())[:4_096].decode("utf-8", "replace"))
        given = (form.get("token") or [""])[0]
        if token_matches(given.encode("utf-8").decode("latin-1"), token):
            response = RedirectResponse("/", status_code=303)
            response.set_cookie(TOKEN_COOKIE, given, httponly=True, samesite="strict", path="/")
            return response
    status = 401 if request.method == "POST" else 200
    return HTMLResponse(LOGIN_PAGE, status_code=status)


def allowed_hosts(hosts: Collection[str]) -> Middleware:
    """400 unless the Host header names one of `hosts` (any port): a page on another site that points its own name
    at 127.0.0.1 (DNS rebinding) cannot read the store through the visitor's browser."""
    allowed = {host.lower().strip("[]") for host in hosts}

    async def check(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        host = request.headers.get("host", "")
        name = host.rsplit(":", 1)[0] if not host.startswith("[") else host[1:].split("]", 1)[0]
        if name.lower() not in allowed:
            return PlainTextResponse("unknown host", status_code=400)
        return await call_next(request)

    return check


async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


class Snapshot:
    """The store as one request sees it: opened read-only on first use, inside one read transaction, with a time
    limit on the queries (SQLite's progress handler interrupts them)."""

    def __init__(self, path: Path | str, *, seconds: float = QUERY_SECONDS) -> None:
        self.path = path
        self.seconds = seconds
        self.db: sqlite3.Connection | None = None

    def get(self) -> sqlite3.Connection:
        if self.db is None:
            db = connect(self.path, readonly=True)
            deadline = time.monotonic() + self.seconds
            db.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
            db.execute("BEGIN DEFERRED")
            db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone()  # the snapshot starts at the first read
            self.db = db
        return self.db

    def close(self) -> None:
        if self.db is not None:
            self.db.execute("ROLLBACK")
            self.db.close()
            self.db = None


current: ContextVar[Snapshot | None] = ContextVar("bilateral_snapshot", default=None)


def one_snapshot(path: Path | str) -> Middleware:
    """Every query a request makes reads the same committed state (a WAL snapshot), so a page never shows the
    events of a document whose profile another process had not written yet."""

    async def wrap(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        snapshot = Snapshot(path)
        reset = current.set(snapshot)
        try:
            return await call_next(request)
        finally:
            current.reset(reset)
            snapshot.close()

    return wrap


@contextmanager
def request_store(path: Path | str) -> Iterator[sqlite3.Connection]:
    """The request's snapshot when inside a request, else a snapshot of its own."""
    snapshot = current.get()
    if snapshot is not None:
        yield snapshot.get()
        return
    own = Snapshot(path)
    try:
        yield own.get()
    finally:
        own.close()


class RedactTokens(logging.Filter):
    """Rewrites `token=…` in access-log lines to `token=[redacted]` (a refused request still gets logged)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                TOKEN_IN_URL.sub(r"\1[redacted]", arg) if isinstance(arg, str) else arg for arg in record.args
            )
        record.msg = TOKEN_IN_URL.sub(r"\1[redacted]", str(record.msg))
        return True
