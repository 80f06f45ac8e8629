"""The corpus pass that gives an event side the country its actors were resolved to in other reports."""

from __future__ import annotations

import json
import sqlite3

from bilateral.model import Actor, Analysis, Event
from bilateral.store.analysis import fill_event_countries, save_analysis
from bilateral.store.documents import save_article
from tests.conftest import make_article

FIRST = "Deputy minister Okafor lodged a protest with the Ghanaian envoy."
SECOND = "Nigeria's deputy foreign minister, Okafor, met reporters in Abuja."


def test_an_actor_resolved_elsewhere_gives_the_event_its_country(db: sqlite3.Connection) -> None:
    save_article(db, make_article(FIRST, id="d1", title="Protest"))
    save_article(db, make_article(SECOND, id="d2", title="Briefing"))
    unresolved = {
        "okafor": Actor("okafor", "Okafor", "person", None, "GOV"),
        "GHA": Actor("GHA", "Ghana", "country", "GHA", "GOV"),
    }
    protest = Event("PROTEST", ["okafor"], ["GHA"], FIRST, 0, len(FIRST), target_countries=["GHA"])
    already = Event("ACCUSE", ["okafor"], [], FIRST, 0, len(FIRST), source_countries=["TGO"])
    save_analysis(db, Analysis("d1", actors=unresolved, events=[protest, already]), knowledge="k")
    resolved = {"okafor": Actor("okafor", "Okafor", "person", "NGA", "GOV")}
    save_analysis(db, Analysis("d2", actors=resolved, events=[]), knowledge="k")
    assert fill_event_countries(db) == 1
    rows = db.execute("SELECT type, source_countries, target_countries FROM events ORDER BY type").fetchall()
    sides = {row["type"]: (json.loads(row["source_countries"]), json.loads(row["target_countries"])) for row in rows}
    assert sides == {"PROTEST": (["NGA"], ["GHA"]), "ACCUSE": (["TGO"], [])}  # a country the sentence gave stays
    assert fill_event_countries(db) == 0
