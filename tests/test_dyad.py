"""The relationship a corpus is about, inferred from who acts on whom in its events."""

from __future__ import annotations

from bilateral.export.contract import main_pair


def test_the_pair_most_often_acting_on_each_other() -> None:
    sides = [(["PER"], ["CHL"]), (["CHL"], ["PER"]), (["PER"], ["BOL"]), (["IGO"], ["PER"]), (["CHL"], ["CHL"])]
    assert main_pair(sides) == ("CHL", "PER")


def test_no_pair_without_two_countries() -> None:
    assert main_pair([(["IGO"], ["KEN"]), (["KEN"], [])]) is None
    assert main_pair([]) is None


def test_ties_are_broken_the_same_way_every_time() -> None:
    assert main_pair([(["NOR"], ["SWE"]), (["DNK"], ["FIN"])]) == ("DNK", "FIN")
