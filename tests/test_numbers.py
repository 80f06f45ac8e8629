"""The number parser on hand-written phrases: values, units and approximation words, and the numbers that are
not figures (years, dates, times, ordinals, ages, list numbering, phone and section numbers, names)."""

from __future__ import annotations

import pytest

from bilateral.extract.numbers import find_quantities, parse_quantity

FIGURES = [
    ("$3.5 billion", 3.5e9, "USD", "exact"),
    ("1.2 million", 1.2e6, None, "exact"),
    ("45,000", 45000, None, "exact"),
    ("seven", 7, None, "exact"),
    ("twice as many", 2, "times", "exact"),
    ("three times as many", 3, "times", "exact"),
    ("nearly 3,000 km", 3000, "km", "nearly"),
    ("€20bn", 2e10, "EUR", "exact"),
    ("more than 11,000", 11000, None, "more than"),
    ("2.7 million", 2.7e6, None, "exact"),
    ("$494.2 billion", 494.2e9, "USD", "exact"),
    ("10 percent", 10, "percent", "exact"),
    ("10%", 10, "percent", "exact"),
    ("a dozen", 12, None, "exact"),
    ("hundreds of", 100, None, "hundreds"),
    ("thousands of", 1000, None, "thousands"),
    ("between 5,000 and 6,000", 5000, None, "range"),
    ("US$4 billion", 4e9, "USD", "exact"),
    ("500 MXN", 500, "MXN", "exact"),
    ("MXN 500", 500, "MXN", "exact"),
    ("300 pesos", 300, "MXN", "exact"),
    ("2,000 miles", 2000, "mile", "exact"),
    ("about 40 tons", 40, "ton", "about"),
    ("up to 25", 25, None, "up to"),
    ("at least 18", 18, None, "at least"),
    ("fewer than 90", 90, None, "less than"),
    ("almost half a million", 0.5e6, None, "almost"),
    ("over 1,500 soldiers", 1500, None, "more than"),
    ("twenty-five", 25, None, "exact"),
    ("two hundred", 200, None, "exact"),
    ("13.3 inches", 13.3, "inch", "exact"),
    ("one million", 1e6, None, "exact"),
    ("$5m", 5e6, "USD", "exact"),
    ("£2.5 billion", 2.5e9, "GBP", "exact"),
    ("2,000 miles long", 2000, "mile", "exact"),
    ("4.2 million dollars", 4.2e6, "USD", "exact"),
]


@pytest.mark.parametrize(("phrase", "value", "unit", "approx"), FIGURES)
def test_figure_phrases(phrase: str, value: float, unit: str | None, approx: str) -> None:
    quantity = parse_quantity(phrase)
    assert quantity is not None, phrase
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit
    assert quantity.approx == approx


NOT_FIGURES = [
    "in 2019",
    "since 1994,",
    "the 45-year-old",
    "a 45 year old man",
    "Title 42",
    "the G20 summit",
    "COVID-19",
    "at 10:30",
    "at 3 p.m.",
    "call 555-123-4567",
    "section 3.2.1",
    "the 3rd",
    "the 21st century",
    "1. First item",
    "Article 27 of the constitution",
    "the two countries",
    "tension with China",
    "someone said",
    "over four years",
    "less than three weeks",
    "a 10-year sentence",
    "the 1990s",
    "in the 90s",
    "5G networks",
    "the F-16 jets",
    "a 16-inch screen",
    "a 4-1 win",
]


@pytest.mark.parametrize("phrase", NOT_FIGURES)
def test_not_figures(phrase: str) -> None:
    assert find_quantities(phrase) == [], phrase


def test_range_keeps_low_and_high() -> None:
    quantity = parse_quantity("between 5,000 and 6,000 people")
    assert quantity is not None and quantity.high == 6000


def test_word_numbers_do_not_run_together() -> None:
    assert [q.value for q in find_quantities("he scored three four times")] == [3, 4]


def test_offsets_point_at_the_phrase() -> None:
    text = "Officials said nearly 3,000 km of road and $4 billion were involved."
    for quantity in find_quantities(text):
        assert text[quantity.start : quantity.end] == quantity.text
    assert [q.value for q in find_quantities(text)] == [3000, 4e9]
