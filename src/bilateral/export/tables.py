"""The map as one file per table (CSV or Parquet), for spreadsheets, pandas, DuckDB and friends.

List-valued fields become JSON strings in CSV and native lists in Parquet.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from bilateral.export.atomic import replacing

TABLES = ("documents", "actors", "events", "figures", "figure_comparisons", "linkages", "stories", "stances")


def _flat(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False, sort_keys=True) if isinstance(value, list | dict) else value


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    return sorted({key for row in rows for key in row})


def write_csv(data: dict[str, Any], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        rows = data[table]
        path = folder / f"{table}.csv"
        with replacing(path) as temporary, temporary.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=_columns(rows) or ["id"])
            writer.writeheader()
            for row in rows:
                writer.writerow({key: _flat(value) for key, value in row.items()})
        written.append(path)
    return written


def write_parquet(data: dict[str, Any], folder: Path) -> list[Path]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        rows = data[table]
        columns = _columns(rows)
        # Nested dicts (e.g. future structured fields) are stored as JSON text; lists stay lists.
        values = {
            column: [
                json.dumps(row.get(column), sort_keys=True) if isinstance(row.get(column), dict) else row.get(column)
                for row in rows
            ]
            for column in columns
        }
        path = folder / f"{table}.parquet"
        with replacing(path) as temporary:
            pq.write_table(pa.table(values) if columns else pa.table({"id": pa.array([], pa.string())}), temporary)
        written.append(path)
    return written
