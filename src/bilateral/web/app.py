"""FastAPI app over a read-only store: overview, search, document and actor pages, each mirrored under /api.

Pages work without JavaScript; every article string is escaped by Jinja's autoescape (or markupsafe when a
cell carries markup such as search highlights), so text from the web never runs as code.
"""

from __future__ import annotations

import hmac
import json
import sqlite3
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from bilateral.errors import BadQuery, BilateralError, SourceNotFound
from bilateral.export.contract import actors, build_map, events
from bilateral.store.db import connect
from bilateral.store.search import search

TEMPLATES = Environment(loader=PackageLoader("bilateral.web", "templates"), autoescape=select_autoescape())
# Marks the search module puts around matched words; control characters never occur in cleaned article text.
MARK = ("\x02", "\x03")


def _link(href: str, text: object) -> Markup:
    return Markup('<a href="{}">{}</a>').format(href, text)


def _highlight(snippet: str) -> Markup:
    return Markup(str(escape(snippet)).replace(MARK[0], "<mark>").replace(MARK[1], "</mark>"))


def create_app(db_path: Path | str, *, token: str | None = None) -> FastAPI:
    app = FastAPI(title="bilateral", docs_url=None, redoc_url=None)

    @contextmanager
    def store() -> Iterator[sqlite3.Connection]:
        db = connect(db_path, readonly=True)
        try:
            yield db
        finally:
            db.close()

    @app.middleware("http")
    async def need_token(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        given = request.headers.get("x-bilateral-token") or request.query_params.get("token") or ""
        if token and not hmac.compare_digest(given, token):
            return JSONResponse({"error": "a valid token is required"}, status_code=401)
        return await call_next(request)

    @app.exception_handler(BilateralError)
    async def on_error(request: Request, error: BilateralError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": str(error)}, status_code=error.http_status)
        return _page("Error", status=error.http_status, error=str(error), form=isinstance(error, BadQuery))

    def _page(title: str, *, status: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("sections", [])
        context.setdefault("removed", None)
        html = TEMPLATES.get_template("page.html").render(title=title, **context)
        return HTMLResponse(html, status_code=status)

    def overview_data() -> dict[str, Any]:
        with store() as db:
            data = build_map(db)
        return {k: v for k, v in data.items() if k != "documents"} | {
            "documents": [{k: v for k, v in d.items() if k != "text"} for d in data["documents"]]
        }

    @app.get("/api/overview")
    def api_overview() -> dict[str, Any]:
        return overview_data()

    @app.get("/", response_class=HTMLResponse)
    def overview() -> HTMLResponse:
        data = overview_data()
        docs = [
            [_link(f"/documents/{d['id']}", d["title"] or d["id"]), d["outlet"], d["published"]]
            for d in data["documents"]
        ]
        acts = [[_link(f"/actors/{a['id']}", a["name"]), a["country"], a["mentions"]] for a in data["actors"]]
        evs = [
            [
                e["date"] or "",
                e["type"],
                ", ".join(e["source"]),
                ", ".join(e["target"]),
                _link(f"/documents/{e['document']}#e-{e['id']}", e["evidence"]),
            ]
            for e in data["events"]
        ]
        return _page(
            "Overview",
            form=True,
            sections=[
                {"heading": "Documents", "head": ["Title", "Outlet", "Published"], "rows": docs},
                {"heading": "Actors", "head": ["Actor", "Country", "Mentions"], "rows": acts},
                {"heading": "Events", "head": ["Date", "Type", "Source", "Target", "Evidence"], "rows": evs},
            ],
        )

    def hits(q: str, outlet: str | None, since: str | None, until: str | None) -> list[dict[str, Any]]:
        with store() as db:
            found = search(db, q, outlet=outlet, since=since, until=until, mark=MARK)
        return [vars(h) | {"snippet": h.snippet} for h in found]

    @app.get("/api/search")
    def api_search(
        q: str, outlet: str | None = None, since: str | None = None, until: str | None = None
    ) -> list[dict[str, Any]]:
        return [
            h | {"snippet": h["snippet"].replace(MARK[0], "[").replace(MARK[1], "]")}
            for h in hits(q, outlet, since, until)
        ]

    @app.get("/search", response_class=HTMLResponse)
    def search_page(
        q: str = "", outlet: str | None = None, since: str | None = None, until: str | None = None
    ) -> HTMLResponse:
        rows = (
            [
                [
                    _link(f"/documents/{h['document']}", h["title"] or h["document"]),
                    h["outlet"],
                    h["published"],
                    _highlight(h["snippet"]),
                ]
                for h in hits(q, outlet, since, until)
            ]
            if q.strip()
            else []
        )
        return _page(
            "Search",
            form=True,
            query=q,
            sections=[{"heading": "Results", "head": ["Title", "Outlet", "Published", "Snippet"], "rows": rows}],
        )

    def document_data(doc_id: str) -> dict[str, Any]:
        with store() as db:
            row = db.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if row is None:
                raise SourceNotFound(f"no document {doc_id!r}")
            doc_events = [e for e in events(db) if e["document"] == doc_id]
        return dict(row) | {"removed": json.loads(row["removed"] or "[]"), "events": doc_events}

    @app.get("/api/documents/{doc_id}")
    def api_document(doc_id: str) -> dict[str, Any]:
        return document_data(doc_id)

    @app.get("/documents/{doc_id}", response_class=HTMLResponse)
    def document(doc_id: str) -> HTMLResponse:
        doc = document_data(doc_id)
        evs = [
            [
                Markup('<span id="e-{}">{}</span>').format(e["id"], e["type"]),
                Markup(", ").join(_link(f"/actors/{a}", a) for a in e["source"]),
                Markup(", ").join(_link(f"/actors/{a}", a) for a in e["target"]),
                e["evidence"],
            ]
            for e in doc["events"]
        ]
        return _page(
            doc["title"] or doc_id,
            removed=doc["removed"],
            sections=[
                {"heading": "Text", "text": doc["text"]},
                {"heading": "Events", "head": ["Type", "Source", "Target", "Evidence"], "rows": evs},
            ],
        )

    def actor_data(actor_id: str) -> dict[str, Any]:
        with store() as db:
            found = [a for a in actors(db) if a["id"] == actor_id]
            if not found:
                raise SourceNotFound(f"no actor {actor_id!r}")
            involved = [e for e in events(db) if actor_id in e["source"] or actor_id in e["target"]]
        return found[0] | {"events": involved}

    @app.get("/api/actors/{actor_id}")
    def api_actor(actor_id: str) -> dict[str, Any]:
        return actor_data(actor_id)

    @app.get("/actors/{actor_id}", response_class=HTMLResponse)
    def actor(actor_id: str) -> HTMLResponse:
        a = actor_data(actor_id)
        evs = [
            [
                e["type"],
                "source" if actor_id in e["source"] else "target",
                _link(f"/documents/{e['document']}#e-{e['id']}", e["evidence"]),
            ]
            for e in a["events"]
        ]
        return _page(
            a["name"],
            sections=[
                {"heading": "Aliases", "head": ["Alias"], "rows": [[x] for x in a["aliases"]]},
                {"heading": "Events", "head": ["Type", "Role", "Evidence"], "rows": evs},
            ],
        )

    @app.get("/docs", response_class=HTMLResponse)
    def docs() -> HTMLResponse:
        # FastAPI's Swagger page loads JS/CSS from a CDN; this plain list of routes works offline.
        paths = app.openapi()["paths"]
        rows = [
            [method.upper(), path, op.get("summary", "")]
            for path, ops in sorted(paths.items())
            for method, op in ops.items()
        ]
        return _page(
            "API",
            sections=[
                {"heading": "Routes (schema at /openapi.json)", "head": ["Method", "Path", "Summary"], "rows": rows}
            ],
        )

    return app


def serve(db_path: Path | str, *, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Run the app with uvicorn; anything but loopback needs a token so the store is never open to the network."""
    import uvicorn

    if host not in ("127.0.0.1", "localhost", "::1") and not token:
        raise BilateralError(f"binding {host} needs --token (or BILATERAL_TOKEN)")
    uvicorn.run(create_app(db_path, token=token), host=host, port=port)
