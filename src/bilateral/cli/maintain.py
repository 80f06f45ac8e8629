"""`bilateral check` and `bilateral backup`: is the store whole, and a consistent copy of it while in use."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bilateral.cli.common import console, guard, settings


@guard
def check() -> None:
    """Check the store: SQLite integrity, foreign keys, search index, evidence offsets, corpus pass up to date."""
    from bilateral.store.maintenance import check_store

    findings = check_store(settings.store())
    for finding in findings:
        mark = "[green]ok[/]  " if finding.ok else "[red]FAIL[/]"
        console.print(f"{mark} {finding.check}: ", end="", highlight=False)
        console.print(finding.detail, markup=False, highlight=False)
    if not all(finding.ok for finding in findings):
        raise typer.Exit(1)


@guard
def backup(
    target: Annotated[Path, typer.Argument(help="The file to write the copy to (replaced if it exists).")],
) -> None:
    """Copy the store to TARGET consistently, even while `serve` or `analyze` use it (SQLite's backup API)."""
    from bilateral.store.maintenance import backup as backup_store

    console.print(f"wrote {backup_store(settings.store(), target)}", highlight=False, markup=False)
