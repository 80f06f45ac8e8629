"""The `bilateral` command: global options, and one command per module in this folder.

Only typer and rich load here: each command imports the library it needs when it runs, so `--help` and
`--version` start fast (benchmarks/startup.py measures it; a test checks spaCy and the web stack stay out).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from bilateral import __version__
from bilateral.cli import ingest, maintain, query, run, show
from bilateral.cli.common import settings

# Global options a person may also write after the command (`bilateral run X --db x.db -q`).
GLOBAL_FLAGS = ("-q", "--quiet")
GLOBAL_VALUED = ("--db",)


def hoist_global_options(args: list[str], commands: set[str]) -> list[str]:
    """Move global options found after the command name to before it; `--` ends the options as usual."""
    position = next((i for i, arg in enumerate(args) if arg in commands), None)
    if position is None:
        return args
    front, rest, moved = args[:position], [args[position]], []
    tail = args[position + 1 :]
    i = 0
    while i < len(tail):
        arg = tail[i]
        if arg == "--":
            rest.extend(tail[i:])
            break
        if arg in GLOBAL_FLAGS or arg.startswith(tuple(f"{name}=" for name in GLOBAL_VALUED)):
            moved.append(arg)
        elif arg in GLOBAL_VALUED and i + 1 < len(tail):
            moved.extend(tail[i : i + 2])
            i += 1
        else:
            rest.append(arg)
        i += 1
    return front + moved + rest


def plain_metavars(params: list[Any]) -> list[Any]:
    """Help that names values (`--out OUT`, `SOURCES`) instead of Python types (`<path>`, `<bool>`)."""
    for param in params:
        if isinstance(param, TyperArgument):
            # typer shows an argument's Python type beside its name whatever the metavar; the name says enough.
            setattr(param, "display_type_rich", _no_type)  # noqa: B010
            param.metavar = param.metavar or (param.name or "value").upper()
        elif isinstance(param, TyperOption) and param.metavar is None:
            param.metavar = "" if param.is_flag or param.count else (param.name or "value").upper()
    return params


def _no_type(ctx: Any) -> None:
    return None


class Command(TyperCommand):
    def get_params(self, ctx: Any) -> list[Any]:
        return plain_metavars(super().get_params(ctx))


class Commands(TyperGroup):
    """The command group, accepting global options before or after the command."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, hoist_global_options(args, set(self.commands)))

    def get_params(self, ctx: Any) -> list[Any]:
        return plain_metavars(super().get_params(ctx))


app = typer.Typer(
    name="bilateral",
    cls=Commands,
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
    maintain.prune,
)
for command in COMMANDS:
    app.command(cls=Command, context_settings=getattr(command, "context_settings", None))(command)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"bilateral {__version__}")
        raise typer.Exit()


@app.callback()
def options(
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            envvar="BILATERAL_DB",
            help="The SQLite store (default: OUT/bilateral.db for run, ./bilateral.db otherwise).",
            show_default=False,
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    settings.db = db
    settings.quiet = quiet


def main() -> None:
    app()
