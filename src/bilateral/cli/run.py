"""`bilateral run`: ingest, analyse and export in one go — the command most people start with."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bilateral.cli import scale
from bilateral.cli.common import console, guard, open_store
from bilateral.cli.ingest import (
    ALLOW_PRIVATE,
    KNOWLEDGE,
    MAX_BYTES,
    do_analyze,
    do_ingest,
    print_analyze_report,
    print_ingest_report,
)
from bilateral.engines import EngineSpec


@guard
def run(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, URLs, feeds, WARC or JSONL files.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the exports.")] = Path("bilateral-out"),
    knowledge: Annotated[list[Path] | None, KNOWLEDGE] = None,
    max_bytes: Annotated[int, MAX_BYTES] = 20_000_000,
    allow_private: Annotated[bool, ALLOW_PRIVATE] = False,
    engine: Annotated[str, scale.ENGINE] = "local",
    workers: Annotated[int | None, scale.WORKERS] = None,
    scheduler: Annotated[str | None, scale.SCHEDULER] = None,
    dyad: Annotated[str | None, scale.DYAD] = None,
    prefilter: Annotated[bool, scale.PREFILTER] = False,
) -> None:
    """Ingest + analyse + briefing + exports: the whole job on a corpus, with progress and a summary."""
    from bilateral.export import write_export
    from bilateral.report import write_briefing

    spec = EngineSpec(engine, workers=workers, scheduler=scheduler)
    print_ingest_report(do_ingest(sources, max_bytes, allow_private))
    print_analyze_report(do_analyze(knowledge or [], False, spec, dyad, prefilter))
    with open_store() as db:
        written = [
            write_briefing(db, out / "briefing.html"),
            *write_export(db, "json", out / "map.json"),
            *write_export(db, "plover", out / "events.plover.jsonl"),
            *write_export(db, "csv", out / "csv"),
            *write_export(db, "parquet", out / "parquet"),
        ]
    console.print(f"\n[bold]outputs[/] in {out.resolve()}:", highlight=False)
    for path in written:
        console.print(f"  {path}", highlight=False)
