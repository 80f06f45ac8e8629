"""What every command shares: the database option, error translation, progress bars and consoles.

This is the one place (with the web layer) that turns a BilateralError into `error: … — what to do`.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeElapsedColumn
from rich.text import Text

from bilateral.errors import BilateralError, DiskFull, is_disk_full

console = Console(soft_wrap=True)
errors = Console(stderr=True)
P = ParamSpec("P")
R = TypeVar("R")


DEFAULT_DB = Path("bilateral.db")
STORE_NAME = "bilateral.db"  # the store `run --out DIR` keeps in DIR, and `serve DIR` opens


class Settings:
    """Global options, set by the app callback before any command runs; `db` is None unless --db was given."""

    db: Path | None = None
    quiet: bool = False

    def store(self, folder: Path | None = None) -> Path:
        """The store to use: --db when given, else `folder`/bilateral.db when a folder is meant, else ./bilateral.db."""
        if self.db is not None:
            return self.db
        return folder / STORE_NAME if folder is not None else DEFAULT_DB


settings = Settings()


def positive(value: int) -> int:
    """Option check for counts and sizes (in place of `min=1`, which puts `[x>=1]` into the help)."""
    if value < 1:
        raise typer.BadParameter(f"{value} is not a positive number")
    return value


def guard(command: Callable[P, R]) -> Callable[P, R]:
    """Translate bilateral's errors into one line on stderr and a non-zero exit code."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from bilateral.ingest.sniff import printable  # here: the ingest package brings httpx, --help must not

        try:
            return command(*args, **kwargs)
        except BilateralError as e:
            errors.print(f"error: {printable(e.message)} — {e.hint}", markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(1) from e
        except OSError as e:
            if not is_disk_full(e):
                raise
            name = printable(str(e.filename)) if e.filename else "an output"
            errors.print(
                f"error: the disk is full: cannot write {name} — {DiskFull.hint}",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
            raise typer.Exit(1) from e
        except KeyboardInterrupt:
            errors.print("error: interrupted — what was stored before stays; run the command again to continue")
            raise typer.Exit(130) from None

    return wrapper


@contextmanager
def open_store(*, readonly: bool = False, path: Path | None = None) -> Iterator[sqlite3.Connection]:
    """The store at `path`, or the one the global options name."""
    from bilateral.store.db import connect

    db = connect(path or settings.store(), readonly=readonly)
    try:
        yield db
    finally:
        db.close()


class CountColumn(ProgressColumn):
    """`12/40` when the total is known, `12` when it is not (never `12/?`)."""

    def render(self, task: Task) -> Text:
        done = int(task.completed)
        return Text(f"{done}/{int(task.total)}" if task.total is not None else f"{done}", style="progress.download")


@contextmanager
def progress_bar(description: str, total: int | None = None) -> Iterator[Callable[..., Any]]:
    """A progress bar on stderr (off with --quiet); yields `advance(label)`; `set_total(n)` via .total."""
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        CountColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[label]}", style="dim"),
        console=errors,
        disable=settings.quiet,
        transient=False,
    )
    task = progress.add_task(description, total=total, label="")

    def advance(label: str = "") -> None:
        progress.update(task, advance=1, label=label[-60:])

    def set_total(total: int) -> None:
        progress.update(task, total=total)

    advance.set_total = set_total  # type: ignore[attr-defined]
    with progress:
        yield advance
