"""Corpus passes over stored events: countries of actors resolved in other reports, months of undated reports."""

from __future__ import annotations

import json
import sqlite3

import pytest

from bilateral.model import Actor, Analysis, Event
from bilateral.store.analysis import date_undated_events, fill_event_countries, save_analysis
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


def test_an_undated_report_takes_the_month_all_its_stories_share(db: sqlite3.Connection) -> None:
    for doc_id, published in (("u1", None), ("u2", None), ("p1", "2021-03-02")):
        text = f"Ghana and Togo held talks on Saturday ({doc_id})."
        save_article(db, make_article(text, id=doc_id, title=doc_id, published=published))
        event = Event("CONSULT", ["GHA"], ["TGO"], text, 0, len(text), date=published)
        save_analysis(db, Analysis(doc_id, events=[event]), knowledge="k")
    months: dict[str, set[str | None]] = {"u1": {"2021-03"}, "u2": {"2021-03", None}, "p1": {"2021-03"}}
    assert date_undated_events(db, months) == 1
    dates = dict(db.execute("SELECT document, date FROM events ORDER BY document").fetchall())
    assert dates == {"p1": "2021-03-02", "u1": "2021-03", "u2": None}  # u2: one of its stories spans months


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Kenya recalled its envoy from Uganda, days after the border clash of July 4.", "2021-07"),
        ("Kenya recalled its envoy from Uganda after a clash on 4th of July at the border.", "2021-07"),
        ("Kenya recalled its envoy from Uganda after a border clash on Sunday.", None),  # no month named
        ("Kenya recalled its envoy and may 10 more diplomats follow him home.", None),  # "may" is no month
        ("Kenya recalled its envoy from Uganda on Nov. 2, after a clash.", None),  # a month of no story
    ],
)
def test_an_undated_report_in_stories_of_several_months_takes_the_one_it_names(
    db: sqlite3.Connection, text: str, date: str | None
) -> None:
    save_article(db, make_article(text, id="u1", title="Recall", published=None))
    event = Event("SANCTION", ["KEN"], ["UGA"], text, 0, len(text))
    save_analysis(db, Analysis("u1", events=[event]), knowledge="k")
    date_undated_events(db, {"u1": {"2021-03", "2021-07", None}})
    assert db.execute("SELECT date FROM events").fetchone()[0] == date


def test_the_months_a_corpus_pass_gives_are_taken_back_by_the_next(db: sqlite3.Connection) -> None:
    from bilateral.store.corpus import load_items

    text = "Ghana and Togo held talks on Saturday."
    save_article(db, make_article(text, id="u1", title="Talks", published=None))
    save_analysis(db, Analysis("u1", events=[Event("CONSULT", ["GHA"], ["TGO"], text, 0, len(text))]), knowledge="k")
    assert date_undated_events(db, {"u1": {"2021-03"}}) == 1
    assert db.execute("SELECT date FROM events").fetchone()[0] == "2021-03"
    items, _ = load_items(db, places=set())
    assert [item.date for item in items if item.kind == "event"] == [None]  # the next pass reads it undated
    date_undated_events(db, {"u1": {"2021-03", "2021-07", None}})  # its stories now span months
    assert db.execute("SELECT date FROM events").fetchone()[0] is None
