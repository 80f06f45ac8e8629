"""docs/datasette-metadata.json describes the store for Datasette; it must name only tables and columns that exist."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

METADATA = Path(__file__).resolve().parents[1] / "docs" / "datasette-metadata.json"


def test_metadata_names_only_what_the_store_has(db: sqlite3.Connection) -> None:
    described = json.loads(METADATA.read_text(encoding="utf-8"))["databases"]["bilateral"]["tables"]
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert set(described) <= tables
    for table, info in described.items():
        columns = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        assert set(info.get("columns", {})) <= columns, table
    assert {"documents", "actors", "events", "figures", "stories"} <= set(described)
