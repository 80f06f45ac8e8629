"""`bilateral ingest` and `bilateral analyze`: fill the store, then analyse what is new."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from bilateral.cli import scale
from bilateral.cli.common import console, guard, open_store, positive, progress_bar, settings
from bilateral.engines import EngineSpec
from bilateral.errors import EmptyResult, SourceNotFound

if TYPE_CHECKING:
    from bilateral.pipeline import AnalyzeReport, IngestReport

MAX_BYTES = typer.Option("--max-bytes", help="Skip inputs larger than this many bytes.", callback=positive)
ALLOW_PRIVATE = typer.Option(
    "--allow-private",
    help="Also fetch URLs on loopback, private and link-local addresses (intranet sources); refused by default.",
)
KNOWLEDGE = typer.Option("--knowledge", "-k", help="A folder of extra knowledge packs (.yaml); repeatable.")
URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


def check_sources(sources: list[str]) -> None:
    """Stop before anything is read when a local path does not exist (a typo must not run on an old store)."""
    missing = [source for source in sources if not URL.match(source) and not Path(source).exists()]
    if missing:
        raise SourceNotFound(f"no such file or folder: {', '.join(missing)}")


def print_ingest_report(report: IngestReport) -> None:
    if settings.quiet and not report.skipped:
        return
    table = Table(title="ingest", show_header=False, box=None)
    for name, count in report.counts.items():
        table.add_row(name, str(count))
    table.add_row("skipped", str(len(report.skipped)))
    table.add_row("words stored", f"{report.words:,}")
    table.add_row("seconds", f"{report.seconds:.1f}")
    console.print(table)
    if report.skipped:
        console.print(f"[yellow]{len(report.skipped)} input(s) skipped:[/]")
        for item in report.skipped:
            console.print(f"  {item.source}: {item.reason}", markup=False, highlight=False, soft_wrap=True)


def holdings(db: sqlite3.Connection) -> str:
    """What the store holds, for status lines: `22 documents, 318 events, 12 stories`."""
    from bilateral.store.stats import store_stats

    numbers = store_stats(db)
    shown = {"documents": "document", "events": "event", "stories": "story", "figures": "figure"}
    return ", ".join(
        f"{numbers[table]:,} {table if numbers[table] != 1 else one}"
        for table, one in shown.items()
        if table in numbers
    )


def print_analyze_report(report: AnalyzeReport, held: str) -> None:
    if report.analysed:
        rate = report.words / report.seconds if report.seconds else 0.0
        console.print(
            f"analysed {report.analysed} of {report.pending} new or changed document(s), "
            f"{report.words:,} words in {report.seconds:.1f} s ({rate:,.0f} words/s)",
            highlight=False,
        )
    else:
        console.print("nothing new to analyse", highlight=False)
    if report.carried:
        console.print(
            f"the knowledge changed: {report.carried} document(s) it does not touch kept their analysis",
            highlight=False,
        )
    if report.workers > 1:
        console.print(f"engine {report.engine}, {report.workers} workers", highlight=False)
    if report.screened_out:
        shown = report.screened_out[: scale.LISTED]
        more = f" (first {len(shown)} listed)" if len(shown) < len(report.screened_out) else ""
        console.print(f"{len(report.screened_out)} document(s) left unanalysed by the prefilter{more}:")
        for document in shown:
            console.print(f"  {document}", markup=False, highlight=False)
    console.print(f"the store holds {held}", highlight=False)
    for warning in report.warnings:
        console.print("  [yellow]warning[/] ", end="", highlight=False)
        console.print(warning, markup=False, highlight=False)
    for item in report.failed:
        console.print(f"  [red]not analysed[/] {item.source}: {item.reason}", highlight=False)


def do_ingest(
    sources: list[str], max_bytes: int, allow_private: bool = False, *, store: Path | None = None
) -> IngestReport:
    from bilateral.ingest import count_inputs
    from bilateral.pipeline import ingest as ingest_sources

    with open_store(path=store) as db, progress_bar("ingesting", count_inputs(sources)) as advance:
        return ingest_sources(db, sources, max_bytes=max_bytes, allow_private=allow_private, on_item=advance)


def do_analyze(
    knowledge: list[Path],
    force: bool,
    engine: EngineSpec | None = None,
    dyad: str | None = None,
    prefilter: bool = False,
    *,
    store: Path | None = None,
) -> tuple[AnalyzeReport, str]:
    """Analyse what is new; returns the report and what the store then holds."""
    from bilateral.pipeline import analyze as analyze_store

    with open_store(path=store) as db:
        with progress_bar("analysing") as advance:
            report = analyze_store(
                db,
                knowledge_dirs=knowledge,
                force=force,
                engine=engine,
                dyad=dyad,
                prefilter=prefilter,
                on_start=advance.set_total,  # type: ignore[attr-defined]
                on_item=advance,
            )
        return report, holdings(db)


@guard
def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, URLs, feeds, WARC or JSONL files.")],
    max_bytes: Annotated[int, MAX_BYTES] = 20_000_000,
    allow_private: Annotated[bool, ALLOW_PRIVATE] = False,
) -> None:
    """Read, clean and store articles. Re-ingesting the same content changes nothing."""
    check_sources(sources)
    report = do_ingest(sources, max_bytes, allow_private)
    print_ingest_report(report)
    if not sum(report.counts.values()):
        raise EmptyResult(f"no article could be read from {', '.join(sources)}")


@guard
def analyze(
    knowledge: Annotated[list[Path] | None, KNOWLEDGE] = None,
    force: Annotated[bool, typer.Option("--force", help="Analyse every document again.")] = False,
    engine: Annotated[str, scale.ENGINE] = "local",
    workers: Annotated[int | None, scale.WORKERS] = None,
    scheduler: Annotated[str | None, scale.SCHEDULER] = None,
    dyad: Annotated[str | None, scale.DYAD] = None,
    prefilter: Annotated[bool, scale.PREFILTER] = False,
) -> None:
    """Find actors, issues, events, figures and linkages in every document not yet analysed."""
    spec = EngineSpec(engine, workers=workers, scheduler=scheduler)
    print_analyze_report(*do_analyze(knowledge or [], force, spec, dyad, prefilter))
