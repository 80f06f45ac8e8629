"""The `bilateral` command: global options, and one command per module in this folder."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bilateral import __version__
from bilateral.cli import ingest, maintain, query, run, show
from bilateral.cli.common import settings

app = typer.Typer(
    name="bilateral",
    help="Rebuild the relationship between countries from what is written about it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

COMMANDS = (
    ingest.ingest,
    ingest.analyze,
    run.run,
    query.export,
    query.search,
    query.stats,
    show.report,
    show.serve,
    maintain.check,
    maintain.backup,
)
for command in COMMANDS:
    app.command()(command)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"bilateral {__version__}")
        raise typer.Exit()


@app.callback()
def options(
    db: Annotated[Path, typer.Option("--db", envvar="BILATERAL_DB", help="The SQLite store.")] = Path("bilateral.db"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    settings.db = db
    settings.quiet = quiet


def main() -> None:
    app()
