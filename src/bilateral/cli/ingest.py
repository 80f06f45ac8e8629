"""`bilateral ingest` and `bilateral analyze`: fill the store, then analyse what is new."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from bilateral.cli import scale
from bilateral.cli.common import console, guard, open_store, progress_bar, settings
from bilateral.engines import EngineSpec
from bilateral.pipeline import AnalyzeReport, IngestReport

MAX_BYTES = typer.Option("--max-bytes", help="Skip inputs larger than this many bytes.", min=1)
ALLOW_PRIVATE = typer.Option(
    "--allow-private",
    help="Also fetch URLs on loopback, private and link-local addresses (intranet sources); refused by default.",
)
KNOWLEDGE = typer.Option("--knowledge", "-k", help="A folder of extra knowledge packs (.yaml); repeatable.")


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


def print_analyze_report(report: AnalyzeReport) -> None:
    rate = report.words / report.seconds if report.seconds else 0.0
    console.print(
        f"analysed {report.analysed} of {report.pending} pending document(s), "
        f"{report.words:,} words in {report.seconds:.1f} s ({rate:,.0f} words/s); "
        f"{report.stories} stories across documents, {report.comparisons} figure comparisons "
        f"(engine {report.engine}, {report.workers} worker(s))"
    )
    if report.screened_out:
        shown = report.screened_out[: scale.LISTED]
        more = f" (first {len(shown)} listed)" if len(shown) < len(report.screened_out) else ""
        console.print(f"{len(report.screened_out)} document(s) left unanalysed by the prefilter{more}:")
        for document in shown:
            console.print(f"  {document}", markup=False, highlight=False)
    for item in report.failed:
        console.print(f"  [red]not analysed[/] {item.source}: {item.reason}", highlight=False)


def do_ingest(sources: list[str], max_bytes: int, allow_private: bool = False) -> IngestReport:
    from bilateral.ingest import count_inputs
    from bilateral.pipeline import ingest as ingest_sources

    with open_store() as db, progress_bar("ingesting", count_inputs(sources)) as advance:
        return ingest_sources(db, sources, max_bytes=max_bytes, allow_private=allow_private, on_item=advance)


def do_analyze(
    knowledge: list[Path],
    force: bool,
    engine: EngineSpec | None = None,
    dyad: str | None = None,
    prefilter: bool = False,
) -> AnalyzeReport:
    from bilateral.pipeline import analyze as analyze_store

    with open_store() as db, progress_bar("analysing") as advance:
        return analyze_store(
            db,
            knowledge_dirs=knowledge,
            force=force,
            engine=engine,
            dyad=dyad,
            prefilter=prefilter,
            on_start=advance.set_total,  # type: ignore[attr-defined]
            on_item=advance,
        )


@guard
def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, URLs, feeds, WARC or JSONL files.")],
    max_bytes: Annotated[int, MAX_BYTES] = 20_000_000,
    allow_private: Annotated[bool, ALLOW_PRIVATE] = False,
) -> None:
    """Read, clean and store articles. Re-ingesting the same content changes nothing."""
    print_ingest_report(do_ingest(sources, max_bytes, allow_private))


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
    print_analyze_report(do_analyze(knowledge or [], force, spec, dyad, prefilter))
