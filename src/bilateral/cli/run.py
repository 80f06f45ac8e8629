"""`bilateral run`: ingest, analyse and export in one go — the command most people start with."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated

import typer

from bilateral.cli import scale
from bilateral.cli.common import STORE_NAME, console, guard, open_store, settings
from bilateral.cli.ingest import (
    ALLOW_PRIVATE,
    KNOWLEDGE,
    MAX_BYTES,
    check_sources,
    do_analyze,
    do_ingest,
    print_analyze_report,
    print_ingest_report,
)
from bilateral.engines import EngineSpec
from bilateral.errors import EmptyResult


def serve_command(out: Path, store: Path) -> str:
    """The command that explores what a run wrote: `bilateral serve OUT`, or with --db when the store is elsewhere."""
    if store.resolve() == (out / STORE_NAME).resolve():
        return f"bilateral serve {shlex.quote(str(out))}"
    return f"bilateral serve --db {shlex.quote(str(store))}"


@guard
def run(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, URLs, feeds, WARC or JSONL files.")],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder for the briefing, the exports and (unless --db) the store.")
    ] = Path("bilateral-out"),
    knowledge: Annotated[list[Path] | None, KNOWLEDGE] = None,
    max_bytes: Annotated[int, MAX_BYTES] = 20_000_000,
    allow_private: Annotated[bool, ALLOW_PRIVATE] = False,
    engine: Annotated[str, scale.ENGINE] = "local",
    workers: Annotated[int | None, scale.WORKERS] = None,
    scheduler: Annotated[str | None, scale.SCHEDULER] = None,
    dyad: Annotated[str | None, scale.DYAD] = None,
    prefilter: Annotated[bool, scale.PREFILTER] = False,
) -> None:
    """Ingest + analyse + briefing + exports: the whole job on a corpus, with progress and a summary.

    The store is OUT/bilateral.db unless --db names another, so each corpus keeps its own.
    """
    from bilateral.export import write_export
    from bilateral.report import evidence_path, write_briefing
    from bilateral.store.stats import store_stats

    check_sources(sources)
    store = settings.store(out)
    console.print(f"store: {store}", highlight=False)
    spec = EngineSpec(engine, workers=workers, scheduler=scheduler)
    print_ingest_report(do_ingest(sources, max_bytes, allow_private, store=store))
    with open_store(path=store) as db:
        if not store_stats(db)["documents"]:
            raise EmptyResult(f"no article could be read from {', '.join(sources)}, so there is nothing to analyse")
    print_analyze_report(*do_analyze(knowledge or [], False, spec, dyad, prefilter, store=store))
    with open_store(path=store) as db:
        written = [
            write_briefing(db, out / "briefing.html"),
            evidence_path(out / "briefing.html"),
            *write_export(db, "json", out / "map.json"),
            *write_export(db, "plover", out / "events.plover.jsonl"),
            *write_export(db, "csv", out / "csv"),
            *write_export(db, "parquet", out / "parquet"),
        ]
    console.print(f"\n[bold]outputs[/] in {out.resolve()}:", highlight=False)
    for path in written:
        console.print(f"  {path}", highlight=False)
    console.print(f"  store: {store}", highlight=False)
    console.print(f"\nexplore it: {serve_command(out, store)}   (then open http://127.0.0.1:8000)", highlight=False)
