"""Options shared by `analyze` and `run` for running at scale: the engine, its workers, the relevance prefilter."""

from __future__ import annotations

import typer

from bilateral.cli.common import positive


def _positive_or_none(value: int | None) -> int | None:
    return None if value is None else positive(value)


ENGINE = typer.Option("--engine", help="Where the analysis runs: local (worker processes, every core) or dask.")
WORKERS = typer.Option(
    "--workers",
    callback=_positive_or_none,
    help="Worker processes (local: default one per core; dask: LocalCluster size, default 2). Without it, a run "
    "of one batch (32 documents) or less stays in this process; with it, even a few documents are shared out.",
)
SCHEDULER = typer.Option("--scheduler", help="A running Dask scheduler (tcp://host:8786), with --engine dask.")
DYAD = typer.Option("--dyad", help="Analyse only documents naming both countries, e.g. USA-CHN (ISO alpha-3).")
PREFILTER = typer.Option("--prefilter", help="Leave unanalysed the documents that name fewer than two countries.")
# How many dropped documents the summary lists by name (all are counted).
LISTED = 20
