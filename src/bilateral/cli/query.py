"""`bilateral export`, `search` and `stats`: read what the store holds."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from bilateral.cli.common import console, guard, open_store, positive

_OPEN, _CLOSE = "\x02", "\x03"  # snippet markers that cannot occur in article text


@guard
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="json | csv | parquet | plover")] = "json",
    output: Annotated[str, typer.Option("--output", "-o", help="File (json, plover; - for stdout) or folder.")] = "-",
) -> None:
    """Write the map: JSON (the export contract), CSV or Parquet per table, or PLOVER JSONL."""
    from bilateral.export import write_export

    with open_store(readonly=True) as db:
        written = write_export(db, fmt, output)
    for path in written:
        console.print(f"wrote {path}", highlight=False)


def highlighted(snippet: str) -> Text:
    text = Text()
    for i, part in enumerate(snippet.replace(_CLOSE, _OPEN).split(_OPEN)):
        text.append(part, style="bold yellow" if i % 2 else "")
    return text


@guard
def search(
    query: Annotated[
        list[str],
        typer.Argument(help='Plain words, "quoted phrases", -left-out, prefix*; FTS5 syntax with --syntax.'),
    ],
    limit: Annotated[int, typer.Option(help="How many results.", callback=positive)] = 10,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after YYYY[-MM[-DD]].")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before YYYY[-MM[-DD]].")] = None,
    syntax: Annotated[
        bool, typer.Option("--syntax", help="Read the query as an FTS5 expression (AND/OR/NOT, NEAR, col:).")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print results as JSON.")] = False,
) -> None:
    """Full-text search over the documents, best matches first; words are stemmed (tariffs finds tariff)."""
    from bilateral.store.search import count
    from bilateral.store.search import search as search_store

    words = " ".join(query)
    with open_store(readonly=True) as db:
        hits = search_store(
            db, words, syntax=syntax, limit=limit, outlet=outlet, since=since, until=until, mark=(_OPEN, _CLOSE)
        )
        total = count(db, words, syntax=syntax, outlet=outlet, since=since, until=until)
    if as_json:
        rows = [hit.__dict__ | {"snippet": hit.snippet.replace(_OPEN, "").replace(_CLOSE, "")} for hit in hits]
        console.print_json(json.dumps(rows, ensure_ascii=False))
        return
    if not hits:
        console.print("no documents match", highlight=False)
        return
    shown = f", showing the best {len(hits)}" if len(hits) < total else ""
    console.print(f"{total:,} {'document matches' if total == 1 else 'documents match'}{shown}\n", highlight=False)
    for hit in hits:
        header = Text(f"{hit.document}  ", style="cyan")
        header.append(hit.title or "(untitled)", style="bold")
        header.append(f"  {hit.outlet or ''} {hit.published or ''}", style="dim")
        console.print(header)
        console.print(highlighted(hit.snippet))
        console.print()


# `bilateral search -tariff`: a word after a dash is a word to leave out, not an unknown option.
search.context_settings = {"ignore_unknown_options": True}  # type: ignore[attr-defined]


@guard
def stats(as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False) -> None:
    """Counts of what the store holds: documents, duplicates, skipped inputs, languages, outlets, findings."""
    from bilateral.store.stats import store_stats

    with open_store(readonly=True) as db:
        numbers = store_stats(db)
    if as_json:
        console.print_json(json.dumps(numbers))
        return
    table = Table(show_header=False, box=None)
    for key, value in numbers.items():
        shown = ", ".join(f"{k} {v}" for k, v in value.items()) if isinstance(value, dict) else f"{value:,}"
        table.add_row(key, shown)
    console.print(table)
