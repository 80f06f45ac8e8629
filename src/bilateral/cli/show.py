"""`bilateral report` and `bilateral serve`: read the map as a briefing, or explore it in the browser."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bilateral.cli.common import console, guard, open_store, settings


@guard
def report(
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the briefing.")] = Path(
        "briefing.html"
    ),
) -> None:
    """Write the briefing: one self-contained HTML file that opens offline."""
    from bilateral.report import write_briefing

    with open_store(readonly=True) as db:
        console.print(f"wrote {write_briefing(db, output)}", highlight=False)


@guard
def serve(
    host: Annotated[str, typer.Option(help="Address to bind; anything but loopback needs --token.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None, typer.Option(envvar="BILATERAL_TOKEN", help="Require this token on every request.")
    ] = None,
) -> None:
    """Explore the map in a local web app (search, documents, actors, JSON API)."""
    from bilateral.web import serve as serve_app

    serve_app(settings.db, host=host, port=port, token=token)
