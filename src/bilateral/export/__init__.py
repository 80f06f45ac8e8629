"""Exports derived from the store: the JSON map (the contract), CSV and Parquet per table, PLOVER JSONL."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

from bilateral.errors import BilateralError
from bilateral.export import contract, tables
from bilateral.export.atomic import write_text
from bilateral.model import Actor, Article, Event
from bilateral.store.db import snapshot
from bilateral.store.documents import load_article

FORMATS = ("json", "csv", "parquet", "plover")
EVENT_FIELDS = [name for name in Event.__dataclass_fields__]


def plover_lines(db: sqlite3.Connection) -> list[str]:
    """One PLOVER JSON record per stored event, in the export's stable order."""
    from bilateral.export.plover import plover_record

    actors = {
        row["id"]: Actor(row["id"], row["name"], row["kind"], row["country"], row["sector"], json.loads(row["aliases"]))
        for row in db.execute("SELECT * FROM actors")
    }
    articles: dict[str, Article | None] = {}
    lines = []
    for row in contract.events(db):
        if row["document"] not in articles:
            articles[row["document"]] = load_article(db, row["document"])
        article = articles[row["document"]]
        if article is None:
            continue
        fields = {name: row[name] for name in EVENT_FIELDS}
        record = plover_record(Event(**fields), event_id=row["id"], article=article, actors=actors)
        lines.append(json.dumps(record, ensure_ascii=False, sort_keys=True))
    return lines


def write_export(db: sqlite3.Connection, fmt: str, path: Path | str) -> list[Path]:
    """Write one export; `path` is a file for json/plover ("-" for stdout) and a folder for csv/parquet."""
    if fmt not in FORMATS:
        raise BilateralError(f"unknown export format {fmt!r}", hint=f"use one of: {', '.join(FORMATS)}")
    if fmt in ("csv", "parquet"):
        if str(path) == "-":
            raise BilateralError(f"{fmt} export writes one file per table", hint="give a folder with -o")
        with snapshot(db):
            data = contract.build_map(db)
        writer = tables.write_csv if fmt == "csv" else tables.write_parquet
        return writer(data, Path(path))
    with snapshot(db):  # one consistent state of the store, however many queries the export makes
        text = (
            contract.dumps(contract.build_map(db))
            if fmt == "json"
            else "".join(f"{line}\n" for line in plover_lines(db))
        )
    if str(path) == "-":
        sys.stdout.write(text)
        return []
    return [write_text(Path(path), text)]
