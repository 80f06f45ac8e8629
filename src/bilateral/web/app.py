"""FastAPI app over a read-only store: overview, timeline, actors, issues, sources, stories, search and the
document view, each page mirrored under /api by a route returning the same data as JSON.

Pages work without JavaScript; every article string is escaped by Jinja's autoescape (or markupsafe when a
cell carries markup such as search highlights), so text from the web never runs as code.
"""

from __future__ import annotations

import logging
import socket
import sqlite3
import threading
from collections.abc import Callable, Collection
from contextlib import AbstractContextManager
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from bilateral.errors import BilateralError, PortInUse
from bilateral.export.contract import actors, build_map, events
from bilateral.export.contract import documents as contract_documents
from bilateral.store.db import store_version
from bilateral.store.search import count, search
from bilateral.web import compared, dashboard, documents, queries, security, views

TEMPLATES = Environment(loader=PackageLoader("bilateral.web", "templates"), autoescape=select_autoescape())
# Marks the search module puts around matched words; control characters never occur in cleaned article text.
MARK = ("\x02", "\x03")
SEARCH_PAGE = 20  # results per search page
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
    charts_built = dashboard.interactive()  # the vendored chart bundle (scripts/vendor-js.sh), when built
    dashboard.warm_up()
    static = resources.files("bilateral.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

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
        context["chart_script"] = charts_built and any("chart" in s for s in context["sections"])
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
        """The whole map (the export contract) without document texts."""
        return overview_data()

    @app.get("/", response_class=HTMLResponse)
    def overview() -> HTMLResponse:
        page = per_version(
            "overview.html", lambda db: _page("Overview", form=True, sections=dashboard.overview(overview_data())).body
        )
        return HTMLResponse(page)

    def hits(
        q: str, outlet: str | None, since: str | None, until: str | None, syntax: bool, offset: int = 0
    ) -> dict[str, Any]:
        outlet, since, until = outlet or None, since or None, until or None
        with store() as db:
            found = search(
                db,
                q,
                syntax=syntax,
                limit=SEARCH_PAGE,
                offset=offset,
                outlet=outlet,
                since=since,
                until=until,
                mark=MARK,
            )
            total = count(db, q, syntax=syntax, outlet=outlet, since=since, until=until)
        return {"total": total, "offset": offset, "hits": [vars(h) for h in found]}

    @app.get("/api/search")
    def api_search(
        q: Annotated[str, Query(max_length=1_000)],
        outlet: Text = None,
        since: Text = None,
        until: Text = None,
        syntax: bool = False,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Documents matching plain words (or an FTS5 expression with syntax=true), best first, with the total."""
        found = hits(q, outlet, since, until, syntax, max(offset, 0))
        for hit in found["hits"]:
            hit["snippet"] = hit["snippet"].replace(MARK[0], "[").replace(MARK[1], "]")
        return found

    @app.get("/search", response_class=HTMLResponse)
    def search_page(
        q: Annotated[str, Query(max_length=1_000)] = "",
        outlet: Text = None,
        since: Text = None,
        until: Text = None,
        syntax: bool = False,
        offset: Offset = 0,
    ) -> HTMLResponse:
        chosen = {"q": q, "outlet": outlet, "since": since, "until": until, "syntax": "true" if syntax else ""}
        with store() as db:
            outlets = [row[0] for row in db.execute("SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL")]
        form = {"filters": views.search_form(sorted(outlets, key=str.lower), chosen)}
        if not q.strip():
            return _page("Search", sections=[form])
        try:
            found = hits(q, outlet, since, until, syntax, max(offset, 0))
        except BilateralError as e:  # the form keeps what was typed, with the error above it
            return _page("Search", status=e.http_status, error=str(e), sections=[form])
        return _page("Search", sections=[form, *views.search_results(found, chosen, _highlight)])

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
        chosen = {"issue": issue, "actor": actor, "outlet": outlet, "type": type, "since": since, "until": until}
        with store() as db:
            facets = queries.facets(db)
            every = queries.timeline(db, **{k: v or None for k, v in chosen.items()}, limit=-1, offset=0)
        sections = views.timeline(found, facets, found["filters"])
        return _page("Timeline", sections=[sections[0], *dashboard.timeline_chart(every["events"]), *sections[1:]])

    @app.get("/api/actors")
    def api_actors() -> list[dict[str, Any]]:
        """Every actor: name, kind, country, sector, aliases, mentions and documents."""
        with store() as db:
            return actors(db)

    @app.get("/actors", response_class=HTMLResponse)
    def actor_list() -> HTMLResponse:
        found = api_actors()
        with store() as db:
            network = dashboard.network_chart({"actors": found, "events": events(db)})
        return _page("Actors", sections=[*network, *views.actor_list(found)])

    @app.get("/api/actors/{actor_id:path}")
    def api_actor(actor_id: str) -> dict[str, Any]:
        """One actor with its events (each with its story) and its tone in each outlet."""
        with store() as db:
            return documents.actor(db, actor_id)

    @app.get("/actors/{actor_id:path}", response_class=HTMLResponse)
    def actor(actor_id: str) -> HTMLResponse:
        found = api_actor(actor_id)
        return _page(found["name"], sections=views.actor(found))

    @app.get("/api/issues")
    def api_issues() -> list[dict[str, Any]]:
        """Every agenda issue with its documents, events, figures and linkages counted."""
        with store() as db:
            return queries.issues(db)

    @app.get("/issues", response_class=HTMLResponse)
    def issue_list() -> HTMLResponse:
        with store() as db:
            mix = dashboard.salience_chart({"documents": contract_documents(db)})
        return _page("Issues", sections=[*views.issue_list(api_issues()), *mix])

    @app.get("/api/issues/{issue:path}")
    def api_issue(issue: str) -> dict[str, Any]:
        """One agenda issue: its events, figures, frames and linkages with evidence."""
        with store() as db:
            return queries.issue(db, issue)

    @app.get("/issues/{issue:path}", response_class=HTMLResponse)
    def issue_page(issue: str) -> HTMLResponse:
        return _page(f"Issue: {issue}", sections=views.issue(api_issue(issue)))

    @app.get("/api/sources")
    def api_sources() -> list[dict[str, Any]]:
        """Every outlet: documents, genres, mean partisanship, date range."""
        with store() as db:
            return compared.sources(db)

    @app.get("/sources", response_class=HTMLResponse)
    def source_list() -> HTMLResponse:
        return _page("Sources", sections=views.source_list(api_sources()))

    @app.get("/api/sources/{outlet:path}")
    def api_source(outlet: str) -> dict[str, Any]:
        """One outlet: documents, tone toward actors, stories, what it leaves out."""
        with store() as db:
            return compared.source(db, outlet)

    @app.get("/sources/{outlet:path}", response_class=HTMLResponse)
    def source(outlet: str) -> HTMLResponse:
        return _page(outlet, sections=views.source(api_source(outlet)))

    @app.get("/api/stories")
    def api_stories() -> list[dict[str, Any]]:
        """Every story across documents with its counts of events, figures, agreements and conflicts."""
        with store() as db:
            return compared.stories(db)

    @app.get("/stories", response_class=HTMLResponse)
    def story_list() -> HTMLResponse:
        return _page("Stories", sections=views.story_list(api_stories()))

    @app.get("/api/stories/{story_id:path}")
    def api_story(story_id: str) -> dict[str, Any]:
        """One story: how each source told it, its events, figures and figure comparisons."""
        with store() as db:
            return compared.story(db, story_id)

    @app.get("/stories/{story_id:path}", response_class=HTMLResponse)
    def story(story_id: str) -> HTMLResponse:
        found = api_story(story_id)
        return _page(f"Story: {found['label']}", sections=views.story(found))

    @app.get("/api/documents/{doc_id:path}")
    def api_document(doc_id: str) -> dict[str, Any]:
        """One document: its text, metadata and every finding with character offsets."""
        with store() as db:
            return documents.document(db, doc_id)

    @app.get("/documents/{doc_id:path}", response_class=HTMLResponse)
    def document(doc_id: str) -> HTMLResponse:
        doc = api_document(doc_id)
        return _page(doc["title"] or "(untitled)", removed=doc["removed"], sections=views.document(doc))

    @app.get("/docs", response_class=HTMLResponse)
    def docs() -> HTMLResponse:
        # FastAPI's Swagger page loads JS/CSS from a CDN; this page reads the same OpenAPI schema and works offline.
        return _page(
            "API",
            sections=[
                {
                    "heading": "Routes",
                    "note": Markup("Every page's data as JSON; the schema is {}.").format(
                        views.link("/openapi.json", "/openapi.json")
                    ),
                    "head": ["Method", "Path", "What it returns", "Parameters", "Example"],
                    "rows": views.api_routes(app.openapi()["paths"]),
                }
            ],
        )

    return app


def serve(
    db_path: Path | str,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    on_listening: Callable[[str], None] | None = None,
) -> None:
    """Run the app with uvicorn; anything but loopback needs a token so the store is never open to the network."""
    import uvicorn

    loopback = host in security.LOOPBACK_HOSTS
    if not loopback and not token:
        raise BilateralError(f"binding {host} needs --token (or BILATERAL_TOKEN)")
    logging.getLogger("uvicorn.access").addFilter(security.RedactTokens())
    hosts = security.LOOPBACK_HOSTS if loopback else ()
    # Bind here, so a port in use is one line with advice rather than uvicorn's traceback-like log.
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except OSError as e:
        listener.close()
        raise PortInUse(f"cannot listen on {host}:{port} ({e.strerror or e})") from e
    if on_listening is not None:
        on_listening(f"http://{host}:{port}")
    server = uvicorn.Server(uvicorn.Config(create_app(db_path, token=token, hosts=hosts), host=host, port=port))
    server.run(sockets=[listener])
