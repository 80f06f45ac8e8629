"""`bilateral report` and `bilateral serve`: read the map as a briefing, or explore it in the browser."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bilateral.cli.common import STORE_NAME, console, guard, open_store, settings


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


def store_at(place: Path | None) -> Path:
    """The store `serve PLACE` means: PLACE/bilateral.db for a folder (what `run --out PLACE` wrote), else the file."""
    if place is None:
        return settings.store()
    return place / STORE_NAME if place.is_dir() else place


@guard
def serve(
    place: Annotated[
        Path | None,
        typer.Argument(help="A folder `bilateral run --out` wrote, or a store file.", show_default=False),
    ] = None,
    host: Annotated[str, typer.Option(help="Address to bind; anything but loopback needs --token.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None, typer.Option(envvar="BILATERAL_TOKEN", help="Require this token on every request.")
    ] = None,
) -> None:
    """Explore the map in a local web app (search, documents, actors, JSON API)."""
    from bilateral.web import serve as serve_app

    store = store_at(place)
    with open_store(readonly=True, path=store):
        pass  # a missing or unreadable store is a one-line error now, not a 500 on every page later
    serve_app(
        store,
        host=host,
        port=port,
        token=token,
        on_listening=lambda url: console.print(f"serving {store} on {url} (Ctrl+C to stop)", highlight=False),
    )
