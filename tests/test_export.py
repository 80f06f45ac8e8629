from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from bilateral.errors import BilateralError
from bilateral.export import write_export
from bilateral.export.contract import build_map, dumps
from bilateral.model import Actor, Analysis, Event, Figure, Linkage, Mention
from bilateral.store.analysis import save_analysis
from bilateral.store.documents import save_article
from tests.conftest import make_article

TEXT = "Washington threatened tariffs unless Mexico curbed migration. Mexico sent 6,000 troops to its border."


@pytest.fixture
def mapped(db: sqlite3.Connection) -> sqlite3.Connection:
    save_article(db, make_article(TEXT, id="doc1", title="Tariffs", published="2019-06-07", language="en"))
    first = TEXT.index(".") + 1
    analysis = Analysis(
        "doc1",
        sentences=[(0, first), (first + 1, len(TEXT))],
        actors={
            "USA-GOV": Actor("USA-GOV", "Government of the United States", "country", "USA", "GOV", ["Washington"]),
            "MEX": Actor("MEX", "Mexico", "country", "MEX", "GOV", ["Mexico"]),
        },
        mentions=[Mention("USA-GOV", "Washington", 0, 10), Mention("MEX", "Mexico", 37, 43)],
        issues={"trade": 0.5, "migration": 0.5},
        events=[Event("THREATEN", ["USA-GOV"], ["MEX"], TEXT[:first], 0, first, mode="restrict", status="threatened")],
        figures=[Figure(6000, TEXT[first + 1 :], first + 1, len(TEXT), counted="troops sent")],
        linkages=[Linkage(("trade", "migration"), "leverage", TEXT[:first], 0, first)],
    )
    save_analysis(db, analysis, knowledge="k1")
    return db


def test_json_export_follows_the_contract(mapped: sqlite3.Connection) -> None:
    data = build_map(mapped)
    assert data["schema"] == "bilateral/map@1"
    assert set(data) >= {"documents", "actors", "events", "figures", "linkages", "stories", "stances"}
    document = data["documents"][0]
    for key in ("id", "source", "title", "authors", "published", "outlet", "language", "genre", "partisanship",
                "text", "issues", "frames", "duplicate_of"):  # fmt: skip
        assert key in document
    assert document["issues"][0].keys() == {"issue", "salience", "subissues"}
    actor = next(a for a in data["actors"] if a["id"] == "MEX")
    assert actor["documents"] == ["doc1"] and actor["mentions"] == 1
    event = data["events"][0]
    assert event["source"] == ["USA-GOV"] and event["type"] == "THREATEN"
    for item in (*data["events"], *data["figures"], *data["linkages"]):
        assert document["text"][item["start"] : item["end"]] == item["evidence"]
    assert data["linkages"][0]["issues"] == ["trade", "migration"]


def test_exports_are_byte_identical_across_runs(mapped: sqlite3.Connection, tmp_path: Path) -> None:
    write_export(mapped, "json", tmp_path / "a.json")
    write_export(mapped, "json", tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert json.loads((tmp_path / "a.json").read_text()) == json.loads(dumps(build_map(mapped)))


def test_csv_and_parquet_write_one_file_per_table(mapped: sqlite3.Connection, tmp_path: Path) -> None:
    write_export(mapped, "csv", tmp_path / "csv")
    write_export(mapped, "parquet", tmp_path / "pq")
    with (tmp_path / "csv" / "events.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    assert json.loads(rows[0]["source"]) == ["USA-GOV"]
    table = pq.read_table(tmp_path / "pq" / "figures.parquet")
    assert table.column("value").to_pylist() == [6000.0]
    stories = pq.read_table(tmp_path / "pq" / "stories.parquet")
    assert stories.num_rows == len(build_map(mapped)["stories"]) == 0 and "id" in stories.column_names


def test_unknown_format_is_a_clear_error(mapped: sqlite3.Connection, tmp_path: Path) -> None:
    with pytest.raises(BilateralError, match="unknown export format"):
        write_export(mapped, "xml", tmp_path / "x")


def test_reanalysis_replaces_rows_instead_of_adding(mapped: sqlite3.Connection) -> None:
    save_analysis(mapped, Analysis("doc1"), knowledge="k2")
    assert mapped.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0
    assert mapped.execute("SELECT knowledge FROM analyses").fetchone()[0] == "k2"


def test_a_range_exports_its_top_as_value_max(db: sqlite3.Connection) -> None:
    text = "Officials pledged between $2 billion and $3 billion in aid. Talks lasted 90 minutes."
    save_article(db, make_article(text, id="r1", language="en"))
    first = text.index(".") + 1
    figures = [
        Figure(2e9, text[:first], 0, first, unit="USD", approx="range", value_max=3e9),
        Figure(90, text[first + 1 :], first + 1, len(text), unit="minute"),
    ]
    save_analysis(db, Analysis("r1", sentences=[(0, first), (first + 1, len(text))], figures=figures), knowledge="k")
    exported = build_map(db)["figures"]
    assert [(f["value"], f["value_max"], f["unit"], f["approx"]) for f in exported] == [
        (2e9, 3e9, "USD", "range"),
        (90, None, "minute", "exact"),
    ]
