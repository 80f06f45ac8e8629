"""`bilateral check`, `bilateral backup` and `bilateral prune`: is the store whole, a consistent copy of it while in
use, and deleting what no stored document needs any more."""

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


@guard
def prune() -> None:
    """Delete what no stored document needs any more: the corpus pass's sentence vectors of documents deleted or
    replaced by a changed version. Exports do not change; a vector deleted and needed again is encoded again."""
    from bilateral.cli.common import open_store
    from bilateral.store.vectors import prune_vectors

    with open_store() as db:
        deleted = prune_vectors(db)
    console.print(f"deleted {deleted:,} sentence vector(s) no stored event or figure has as evidence", highlight=False)
