"""The relationship a corpus is about, inferred from who acts on whom in its events."""

from __future__ import annotations

import sqlite3

import pytest

from bilateral.engines import EngineSpec
from bilateral.export.contract import build_map, main_pair
from bilateral.pipeline import analyze
from bilateral.report import digest
from bilateral.store.documents import save_article
from tests.conftest import make_article


def test_the_pair_most_often_acting_on_each_other() -> None:
    sides = [(["PER"], ["CHL"]), (["CHL"], ["PER"]), (["PER"], ["BOL"]), (["IGO"], ["PER"]), (["CHL"], ["CHL"])]
    assert main_pair(sides) == ("CHL", "PER")


def test_no_pair_without_two_countries() -> None:
    assert main_pair([(["IGO"], ["KEN"]), (["KEN"], [])]) is None
    assert main_pair([]) is None


def test_ties_are_broken_the_same_way_every_time() -> None:
    assert main_pair([(["NOR"], ["SWE"]), (["DNK"], ["FIN"])]) == ("DNK", "FIN")


@pytest.mark.model
def test_a_dyad_named_by_the_user_names_the_relationship(db: sqlite3.Connection) -> None:
    text = (
        "Norway's foreign minister met her Swedish counterpart in Oslo on Monday to sign a fisheries accord. "
        "Sweden agreed to share patrol data with Norway. Finland criticised Sweden over the border dispute. " * 3
    )
    save_article(db, make_article(text, id="n", published="2024-03-04"))
    analyze(db, engine=EngineSpec(workers=1))
    assert build_map(db)["dyad"]["inferred"] is True
    analyze(db, engine=EngineSpec(workers=1), dyad="SWE-FIN")
    named = build_map(db)["dyad"]
    assert named["countries"] == ["SWE", "FIN"] and named["inferred"] is False
    assert digest.pair(build_map(db)) == ("SWE", "FIN")
