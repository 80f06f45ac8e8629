"""The relevance prefilter: which countries a text names, and what a dyad keeps. Sentences written for these tests."""

from __future__ import annotations

from functools import cache

import pytest

from bilateral.annotate.knowledge import load_knowledge
from bilateral.prefilter import BadDyad, Prefilter, build_prefilter, fold_text, parse_dyad


@cache
def prefilter(dyad: tuple[str, str] | None = None) -> Prefilter:
    return build_prefilter(load_knowledge().actors, dyad=dyad)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beijing answered Washington's tariffs within a day.", {"CHN", "USA"}),  # seats of government
        ("Chinese exporters and American farmers both lost.", {"CHN", "USA"}),  # demonyms
        ("Officials in Tokyo and Seoul traded complaints.", {"JPN", "KOR"}),
        ("The U.S. and Canada renewed the treaty.", {"USA", "CAN"}),  # a short name by case, dots ignored
        ("MÉXICO and Brazil signed.", {"MEX", "BRA"}),  # accents and case folded
        ("Trade between Germany and France grew.", {"DEU", "FRA"}),
    ],
)
def test_countries_named_through_names_demonyms_and_capitals(text: str, expected: set[str]) -> None:
    assert prefilter().countries(text) == expected


def test_names_count_only_as_whole_words() -> None:
    # "Peru" inside Perugia, "Oman" inside Romania, "Chad" inside Chadwick: none of them is a mention
    assert prefilter().countries("Chadwick flew from Perugia to Romania.") == {"ROU"}


def test_pronoun_us_is_not_the_united_states() -> None:
    assert prefilter().countries("Let us not forget what Russia did.") == {"RUS"}


def test_without_a_dyad_two_countries_are_needed() -> None:
    assert prefilter().keeps("Canberra and Wellington agreed on fisheries.")
    assert not prefilter().keeps("Spain won the cup after a long season.")
    assert not prefilter().keeps("The city council voted to build a new library downtown.")


def test_a_dyad_keeps_only_documents_naming_both_of_its_countries() -> None:
    pair = prefilter(("USA", "CHN"))
    assert pair.keeps("Washington and Beijing resumed talks on export controls.")
    assert not pair.keeps("Berlin and Paris resumed talks on export controls.")
    assert not pair.keeps("Beijing resumed talks with Moscow.")


def test_fold_text_matches_the_annotators_fold_on_names() -> None:
    from bilateral.annotate.knowledge import fold

    for name in ["Côte d'Ivoire", "Guinea-Bissau", "São Tomé", "U.K."]:
        assert fold(name) in fold_text(f"x {name} y")


@pytest.mark.parametrize(
    ("value", "message"),
    [("USA", "not a dyad"), ("USA-USA", "one country twice"), ("USA-XYZ", "XYZ is not"), ("US-CN", "not a dyad")],
)
def test_bad_dyads_say_what_is_wrong(value: str, message: str) -> None:
    with pytest.raises(BadDyad, match=message):
        parse_dyad(value, {"USA", "CHN"})


def test_a_dyad_is_read_in_any_case() -> None:
    assert parse_dyad("usa-chn", {"USA", "CHN"}) == ("USA", "CHN")
