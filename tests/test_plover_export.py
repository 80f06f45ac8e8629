from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from bilateral.export import write_export
from bilateral.model import Actor, Analysis, Event
from bilateral.store.analysis import save_analysis
from bilateral.store.documents import save_article
from tests.conftest import make_article

TEXT = "Washington threatened tariffs on Mexican goods unless migration fell."


def test_plover_jsonl_has_required_fields_and_citation(db: sqlite3.Connection, tmp_path: Path) -> None:
    save_article(db, make_article(TEXT, id="d1", title="Tariffs", outlet="Wire", published="2019-05-30"))
    actors = {
        "USA-GOV": Actor("USA-GOV", "Government of the United States", "country", "USA", "GOV"),
        "MEX": Actor("MEX", "Mexico", "country", "MEX", "GOV"),
    }
    event = Event("THREATEN", ["USA-GOV"], ["MEX"], TEXT, 0, len(TEXT), mode="restrict", status="threatened",
                  issues=["economic", "migration"])  # fmt: skip
    save_analysis(db, Analysis("d1", actors=actors, events=[event]), knowledge="k")
    write_export(db, "plover", tmp_path / "events.jsonl")
    (line,) = (tmp_path / "events.jsonl").read_text().splitlines()
    record = json.loads(line)
    assert {"id", "date", "actor", "event"} <= record.keys()
    assert record["date"] == "2019-05-30" and record["event"] == ["THREATEN"] and record["mode"] == ["restrict"]
    assert record["actor"][0]["code"] == "USA" and record["recipient"][0]["sector"] == "GOV"
    assert record["cite_info"] == {"url": "d1.txt", "title": "Tariffs", "publication": "Wire", "document": "d1",
                                   "published": "2019-05-30"}  # fmt: skip
