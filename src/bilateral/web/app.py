"""FastAPI app over a read-only store: overview, timeline, actors, issues, sources, stories, search and the
document view, each page mirrored under /api by a route returning the same data as JSON.

Pages work without JavaScript; every article string is escaped by Jinja's autoescape (or markupsafe when a
cell carries markup such as search highlights), so text from the web never runs as code.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Collection
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from bilateral.errors import BilateralError
from bilateral.export.contract import actors, build_map
from bilateral.store.db import store_version
from bilateral.store.search import search
from bilateral.web import compared, documents, queries, security, views
from bilateral.web.views import link as _link
from bilateral.web.views import path

TEMPLATES = Environment(loader=PackageLoader("bilateral.web", "templates"), autoescape=select_autoescape())
# Marks the search module puts around matched words; control characters never occur in cleaned article text.
MARK = ("\x02", "\x03")
TIMELINE_PAGE = 250  # events per timeline page; the API gives up to four pages at once
OVERVIEW_ROWS = 100  # documents, actors and events listed on the overview page
MAX_OFFSET = 10_000_000
Text = Annotated[str | None, Query(max_length=200)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]


def _highlight(snippet: str) -> Markup:
    return Markup(str(escape(snippet)).replace(MARK[0], "<mark>").replace(MARK[1], "</mark>"))


def create_app(db_path: Path | str, *, token: str | None = None, hosts: Collection[str] = ()) -> FastAPI:
    """The app over the store at `db_path`; `token` (if set) is required on every request; `hosts` (if given) are
    the only Host header names served (the loopback names when bound to loopback)."""
    app = FastAPI(title="bilateral", docs_url=None, redoc_url=None)
    cached: dict[str, tuple[int, Any]] = {}
    building = threading.RLock()

    def store() -> AbstractContextManager[sqlite3.Connection]:
        return security.request_store(db_path)

    # Outermost last: headers on every answer, then the host and token checks, then one snapshot per request.
    app.middleware("http")(security.one_snapshot(db_path))
    if token:
        app.middleware("http")(security.require_token(token))
    if hosts:
        app.middleware("http")(security.allowed_hosts(hosts))
    app.middleware("http")(security.security_headers)

    @app.exception_handler(sqlite3.OperationalError)
    async def on_store_error(request: Request, error: sqlite3.OperationalError) -> Response:
        busy = "interrupted" in str(error) or "locked" in str(error)
        message = "the page took too long to read from the store" if busy else f"the store could not be read ({error})"
        return JSONResponse({"error": message}, status_code=503 if busy else 500)

    @app.exception_handler(BilateralError)
    async def on_error(request: Request, error: BilateralError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": str(error)}, status_code=error.http_status)
        searching = request.url.path == "/search"
        return _page("Error", status=error.http_status, error=str(error), form=searching)

    def _page(title: str, *, status: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("sections", [])
        context.setdefault("removed", None)
        html = TEMPLATES.get_template("page.html").render(title=title, **context)
        return HTMLResponse(html, status_code=status)

    def per_version(name: str, make: Callable[[sqlite3.Connection], Any]) -> Any:
        """`make(db)` once per store version (every write to the store counts it up), shared by all requests."""
        with store() as db:
            version = store_version(db)
            hit = cached.get(name)
            if hit is not None and version and hit[0] == version:
                return hit[1]
            with building:  # one request builds it; the others arriving meanwhile wait and share it
                hit = cached.get(name)
                if hit is not None and version and hit[0] == version:
                    return hit[1]
                value = make(db)
                if version:
                    cached[name] = (version, value)
        return value

    def overview_data() -> dict[str, Any]:
        def make(db: sqlite3.Connection) -> dict[str, Any]:
            data = build_map(db)
            return {k: v for k, v in data.items() if k != "documents"} | {
                "documents": [{k: v for k, v in d.items() if k != "text"} for d in data["documents"]]
            }

        return dict(per_version("overview", make))

    @app.get("/api/overview")
    def api_overview() -> dict[str, Any]:
        return overview_data()

    @app.get("/", response_class=HTMLResponse)
    def overview() -> HTMLResponse:
        return HTMLResponse(per_version("overview.html", lambda db: overview_page().body))

    def overview_page() -> HTMLResponse:
        data = overview_data()
        # the first rows of each list; the actor, timeline and search pages page through the rest
        data = data | {key: data[key][:OVERVIEW_ROWS] for key in ("documents", "actors", "events")}
        docs = [
            [_link(path("documents", d["id"]), d["title"] or d["id"]), d["outlet"], d["published"]]
            for d in data["documents"]
        ]
        acts = [[_link(path("actors", a["id"]), a["name"]), a["country"], a["mentions"]] for a in data["actors"]]
        names = {a["id"]: a["name"] for a in data["actors"]}
        evs = [
            [
                e["date"] or "",
                e["type"],
                views.actors(e["source"], [names.get(a, a) for a in e["source"]]),
                views.actors(e["target"], [names.get(a, a) for a in e["target"]]),
                views.evidence(e["document"], f"e-{e['id']}", e["evidence"]),
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
        q: Annotated[str, Query(max_length=1_000)], outlet: Text = None, since: Text = None, until: Text = None
    ) -> list[dict[str, Any]]:
        return [
            h | {"snippet": h["snippet"].replace(MARK[0], "[").replace(MARK[1], "]")}
            for h in hits(q, outlet, since, until)
        ]

    @app.get("/search", response_class=HTMLResponse)
    def search_page(
        q: Annotated[str, Query(max_length=1_000)] = "", outlet: Text = None, since: Text = None, until: Text = None
    ) -> HTMLResponse:
        rows = (
            [
                [
                    _link(path("documents", h["document"]), h["title"] or h["document"]),
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

    @app.get("/api/timeline")
    def api_timeline(
        issue: Text = None,
        actor: Text = None,
        outlet: Text = None,
        type: Text = None,
        since: Text = None,
        until: Text = None,
        limit: Annotated[int, Query(ge=1, le=TIMELINE_PAGE * 4)] = TIMELINE_PAGE,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Events by date, filtered by issue, actor id, outlet, PLOVER type and date range (YYYY[-MM[-DD]])."""
        chosen = {"issue": issue, "actor": actor, "outlet": outlet, "type": type, "since": since, "until": until}
        with store() as db:
            found = queries.timeline(
                db,
                **{k: v or None for k, v in chosen.items()},
                limit=min(max(limit, 1), TIMELINE_PAGE * 4),
                offset=max(offset, 0),
            )
        return found | {"filters": chosen}

    @app.get("/timeline", response_class=HTMLResponse)
    def timeline(
        issue: Text = None,
        actor: Text = None,
        outlet: Text = None,
        type: Text = None,
        since: Text = None,
        until: Text = None,
        offset: Offset = 0,
    ) -> HTMLResponse:
        found = api_timeline(issue, actor, outlet, type, since, until, TIMELINE_PAGE, offset)
        with store() as db:
            facets = queries.facets(db)
        return _page("Timeline", sections=views.timeline(found, facets, found["filters"]))

    @app.get("/api/actors")
    def api_actors() -> list[dict[str, Any]]:
        with store() as db:
            return actors(db)

    @app.get("/actors", response_class=HTMLResponse)
    def actor_list() -> HTMLResponse:
        return _page("Actors", sections=views.actor_list(api_actors()))

    @app.get("/api/actors/{actor_id:path}")
    def api_actor(actor_id: str) -> dict[str, Any]:
        with store() as db:
            return documents.actor(db, actor_id)

    @app.get("/actors/{actor_id:path}", response_class=HTMLResponse)
    def actor(actor_id: str) -> HTMLResponse:
        found = api_actor(actor_id)
        return _page(found["name"], sections=views.actor(found))

    @app.get("/api/issues")
    def api_issues() -> list[dict[str, Any]]:
        with store() as db:
            return queries.issues(db)

    @app.get("/issues", response_class=HTMLResponse)
    def issue_list() -> HTMLResponse:
        return _page("Issues", sections=views.issue_list(api_issues()))

    @app.get("/api/issues/{issue:path}")
    def api_issue(issue: str) -> dict[str, Any]:
        with store() as db:
            return queries.issue(db, issue)

    @app.get("/issues/{issue:path}", response_class=HTMLResponse)
    def issue_page(issue: str) -> HTMLResponse:
        return _page(f"Issue: {issue}", sections=views.issue(api_issue(issue)))

    @app.get("/api/sources")
    def api_sources() -> list[dict[str, Any]]:
        with store() as db:
            return compared.sources(db)

    @app.get("/sources", response_class=HTMLResponse)
    def source_list() -> HTMLResponse:
        return _page("Sources", sections=views.source_list(api_sources()))

    @app.get("/api/sources/{outlet:path}")
    def api_source(outlet: str) -> dict[str, Any]:
        with store() as db:
            return compared.source(db, outlet)

    @app.get("/sources/{outlet:path}", response_class=HTMLResponse)
    def source(outlet: str) -> HTMLResponse:
        return _page(outlet, sections=views.source(api_source(outlet)))

    @app.get("/api/stories")
    def api_stories() -> list[dict[str, Any]]:
        with store() as db:
            return compared.stories(db)

    @app.get("/stories", response_class=HTMLResponse)
    def story_list() -> HTMLResponse:
        return _page("Stories", sections=views.story_list(api_stories()))

    @app.get("/api/stories/{story_id:path}")
    def api_story(story_id: str) -> dict[str, Any]:
        with store() as db:
            return compared.story(db, story_id)

    @app.get("/stories/{story_id:path}", response_class=HTMLResponse)
    def story(story_id: str) -> HTMLResponse:
        found = api_story(story_id)
        return _page(f"Story: {found['label']}", sections=views.story(found))

    @app.get("/api/documents/{doc_id:path}")
    def api_document(doc_id: str) -> dict[str, Any]:
        with store() as db:
            return documents.document(db, doc_id)

    @app.get("/documents/{doc_id:path}", response_class=HTMLResponse)
    def document(doc_id: str) -> HTMLResponse:
        doc = api_document(doc_id)
        return _page(doc["title"] or doc_id, removed=doc["removed"], sections=views.document(doc))

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

    loopback = host in security.LOOPBACK_HOSTS
    if not loopback and not token:
        raise BilateralError(f"binding {host} needs --token (or BILATERAL_TOKEN)")
    logging.getLogger("uvicorn.access").addFilter(security.RedactTokens())
    hosts = security.LOOPBACK_HOSTS if loopback else ()
    uvicorn.run(create_app(db_path, token=token, hosts=hosts), host=host, port=port)
