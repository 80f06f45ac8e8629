from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from bilateral.export import write_export
from bilateral.export.plover import modes, plover_record
from bilateral.model import Actor, Analysis, Event
from bilateral.store.analysis import save_analysis
from bilateral.store.documents import save_article
from tests.conftest import make_article

TEXT = "Washington threatened tariffs on Mexican goods unless migration fell."
ACTORS = {
    "USA-GOV": Actor("USA-GOV", "Government of the United States", "country", "USA", "GOV"),
    "MEX": Actor("MEX", "Mexico", "country", "MEX", "GOV"),
    "amlo": Actor("amlo", "Andrés Manuel López Obrador", "person", None, "GOV"),
}


def test_plover_jsonl_has_required_fields_and_citation(db: sqlite3.Connection, tmp_path: Path) -> None:
    save_article(db, make_article(TEXT, id="d1", title="Tariffs", outlet="Wire", published="2019-05-30"))
    actors = {key: ACTORS[key] for key in ("USA-GOV", "MEX")}
    event = Event("THREATEN", ["USA-GOV"], ["MEX"], TEXT, 0, len(TEXT), mode="restrict", status="threatened",
                  issues=["economic", "migration"])  # fmt: skip
    save_analysis(db, Analysis("d1", actors=actors, events=[event]), knowledge="k")
    write_export(db, "plover", tmp_path / "events.jsonl")
    (line,) = (tmp_path / "events.jsonl").read_text().splitlines()
    record = json.loads(line)
    assert {"id", "date", "actor", "event", "recipient", "mode", "context", "event_text", "text"} <= record.keys()
    assert record["date"] == "2019-05-30" and record["event"] == ["THREATEN"] and record["mode"] == ["restrict"]
    assert record["actor"][0]["code"] == "USA" and record["recipient"][0]["sector"] == "GOV"
    assert record["context"] == ["economic", "migration"] and record["text"] == TEXT
    assert record["cite_info"] == {"url": "d1.txt", "title": "Tariffs", "publication": "Wire", "document": "d1",
                                   "published": "2019-05-30"}  # fmt: skip


def test_a_side_named_only_by_its_country_still_has_a_code() -> None:
    text = "Afghan guerrillas and López Obrador's aides blew up a power line."
    event = Event("ASSAULT", ["amlo"], [], text, 0, len(text), source_countries=["AFG", "MEX"], date="2020-01-02")
    article = make_article(text, id="d2", url="https://example.org/a")
    record = plover_record(event, event_id="d2:e1", article=article, actors=ACTORS)
    # the named person lacking a country takes the first country the text gave; the rest stand alone
    assert [(party["code"], party["entity_text"]) for party in record["actor"]] == [
        ("AFG", "Andrés Manuel López Obrador"),
        ("MEX", None),
    ]
    assert record["recipient"] == [] and record["date"] == "2020-01-02"
    assert record["cite_info"]["url"] == "https://example.org/a"


def test_an_event_that_did_not_happen_carries_the_auxiliary_mode() -> None:
    def event(kind: str, status: str, mode: str | None = None) -> Event:
        return Event(kind, [], [], TEXT, 0, len(TEXT), mode=mode, status=status)

    assert modes(event("AGREE", "denied")) == ["negation"]
    assert modes(event("SANCTION", "hypothetical")) == ["hypothetical"]
    assert modes(event("MOBILIZE", "promised", "troops")) == ["troops", "future"]
    assert modes(event("THREATEN", "threatened", "restrict")) == ["restrict"]  # the threat itself was made
    assert modes(event("COERCE", "occurred", "arrest")) == ["arrest"]
