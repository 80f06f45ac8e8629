"""The number parser on hand-written phrases, one table per kind: values, units and approximation words,
separators, scales, fractions, negatives, percentages, ranges, vague magnitudes, durations and ages, currencies,
and the numbers that are not figures (years, dates, times, ordinals, list numbering, phone numbers, identifiers)."""

from __future__ import annotations

import pytest

from bilateral.extract.numbers import Quantity, find_quantities, parse_quantity

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
    ("hundreds of", 200, None, "hundreds"),
    ("thousands of", 2000, None, "thousands"),
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
    "the 1990s",
    "in the 90s",
    "5G networks",
    "the F-16 jets",
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


def _one(phrase: str) -> Quantity:
    found = find_quantities(phrase)
    assert len(found) == 1, (phrase, found)
    return found[0]


# (phrase, value, high, unit, approx): one table per kind of language
SEPARATORS = [
    ("they counted 1,234,567 ballots", 1234567, None, None, "exact"),
    ("a budget of 1.234.567,89 euros", 1234567.89, None, "EUR", "exact"),
    ("some 12 345 678 residents", 12345678, None, None, "about"),
    ("a price of 1\u202f250,5 francs", 1250.5, None, "CHF", "exact"),
    ("exports of 4'500'000 francs", 4.5e6, None, "CHF", "exact"),
    ("growth of 2,5 percent", 2.5, None, "percent", "exact"),
    ("a rate of 3.75 percent", 3.75, None, "percent", "exact"),
]
SCALES = [
    ("a loan of ₹5 crore", 5e7, None, "INR", "exact"),
    ("Rs 3 lakh in damages", 3e5, None, "INR", "exact"),
    ("a deficit of $1.2tn", 1.2e12, None, "USD", "exact"),
    ("a €3k fine", 3e3, None, "EUR", "exact"),
    ("a $4.5bn deal", 4.5e9, None, "USD", "exact"),
    ("reserves of 7.8 trillion won", 7.8e12, None, "KRW", "exact"),
    ("an aid package of $8.2 billion", 8.2e9, None, "USD", "exact"),
    ("one thousand five hundred visas", 1500, None, None, "exact"),
    ("two dozen envoys", 24, None, None, "exact"),
    ("twenty one ships", 21, None, None, "exact"),
]
FRACTIONS = [
    ("about five and a half billion dollars", 5.5e9, None, "USD", "about"),
    ("two-and-a-half hour talks", 2.5, None, "hour", "exact"),
    ("1½ million barrels", 1.5e6, None, "barrel", "exact"),
    ("nearly half a billion", 5e8, None, None, "nearly"),
    ("three and a quarter million people", 3.25e6, None, None, "exact"),
]
SIGNS = [
    ("the economy shrank by -2.5% last quarter", -2.5, None, "percent", "exact"),
    ("a change of minus 3 percent", -3, None, "percent", "exact"),
    ("a balance of −40 million euros", -4e7, None, "EUR", "exact"),
]
PERCENTAGES = [
    ("a 5 percent tariff on steel", 5, None, "percent", "exact"),
    ("a 25% levy on cars", 25, None, "percent", "exact"),
    ("rates rose by 0.25 percentage points", 0.25, None, "percentage point", "exact"),
    ("a cut of 50 basis points", 50, None, "basis point", "exact"),
    ("inflation of 4 per cent", 4, None, "percent", "exact"),
]
RANGES = [
    ("investment of $2-3 billion", 2e9, 3e9, "USD", "range"),
    ("between $2 billion and $3 billion in aid", 2e9, 3e9, "USD", "range"),
    ("between 5% and 7% of output", 5, 7, "percent", "range"),
    ("20 to 25 percent of the vote", 20, 25, "percent", "range"),
    ("some 40–60 boats", 40, 60, None, "range"),
    ("between 900 and 1.2 million visitors", 900, 1.2e6, None, "range"),
]
VAGUE = [
    ("dozens of fishing boats", 24, 99, None, "dozens"),
    ("tens of thousands of protesters", 2e4, 9.9e4, None, "tens of thousands"),
    ("hundreds of millions of dollars", 2e8, 9.99e8, "USD", "hundreds of millions"),
    ("several thousand troops", 3e3, 9e3, None, "several"),
    ("a few hundred sailors", 200, 500, None, "a few"),
]
DURATIONS = [
    ("the summit lasted about 50 minutes", 50, None, "minute", "about"),
    ("a 45-minute meeting", 45, None, "minute", "exact"),
    ("a truce of 90 days", 90, None, "day", "exact"),
    ("after 15 months of talks", 15, None, "month", "exact"),
    ("over four years", 4, None, "year", "more than"),
    ("less than three weeks", 3, None, "week", "less than"),
    ("a 10-year sentence", 10, None, "year", "exact"),
    ("the 52-year-old minister", 52, None, "year", "exact"),
    ("a 61 year old envoy", 61, None, "year", "exact"),
    ("one month of reserves", 1, None, "month", "exact"),
    ("six hours before the deadline", 6, None, "hour", "exact"),
]
CURRENCIES = [
    ("a fine of 100 million won", 1e8, None, "KRW", "exact"),
    ("¥500 billion in loans", 5e11, None, "JPY", "exact"),
    ("300 billion yen in loans", 3e11, None, "JPY", "exact"),
    ("40 billion yuan of bonds", 4e10, None, "CNY", "exact"),
    ("CN¥3 billion", 3e9, None, "CNY", "exact"),
    ("2 billion rupees", 2e9, None, "INR", "exact"),
    ("600 million rubles", 6e8, None, "RUB", "exact"),
    ("50 billion Turkish lira", 5e10, None, "TRY", "exact"),
    ("KRW 100 million", 1e8, None, "KRW", "exact"),
    ("12 million Brazilian reals", 1.2e7, None, "BRL", "exact"),
    ("A$7 billion", 7e9, None, "AUD", "exact"),
    ("₽20 billion", 2e10, None, "RUB", "exact"),
    ("15 million Swiss francs", 1.5e7, None, "CHF", "exact"),
    ("3 million NGN", 3e6, None, "NGN", "exact"),
    ("a bill of 10.000,50 € in fees", 10000.5, None, "EUR", "exact"),
    ("fined 500 ₽ each", 500, None, "RUB", "exact"),
]
KINDS = SEPARATORS + SCALES + FRACTIONS + SIGNS + PERCENTAGES + RANGES + VAGUE + DURATIONS + CURRENCIES


@pytest.mark.parametrize(("phrase", "value", "high", "unit", "approx"), KINDS)
def test_amounts_by_kind(phrase: str, value: float, high: float | None, unit: str | None, approx: str) -> None:
    quantity = _one(phrase)
    assert quantity.value == pytest.approx(value), phrase
    assert quantity.high == (pytest.approx(high) if high is not None else None), phrase
    assert (quantity.unit, quantity.approx) == (unit, approx), phrase


IDENTIFIERS = [
    "under Section 301 of the law",
    "the Phase 1 deal",
    "Flight 370 vanished",
    "the 3rd Regiment",
    "Regiment 27 moved north",
    "Article 9 of the constitution",
    "at the G20 summit",
    "the Group of 20 leaders",
    "the Group of Seven nations",
    "Phase Two of the deal",
    "the Su-27 jets",
    "Resolution 2231 was adopted",
    "in 2020 won the vote",
    "on 2019-08-22",
    "on 11/20/19",
    "a 4-1 win",
    "the 1990s",
]


@pytest.mark.parametrize("phrase", IDENTIFIERS)
def test_identifiers_are_not_amounts(phrase: str) -> None:
    assert find_quantities(phrase) == [], phrase


def test_a_lower_case_group_is_counted() -> None:
    assert [q.value for q in find_quantities("a group of 20 soldiers crossed")] == [20]
    assert [q.value for q in find_quantities("Congress passed the bill. Two senators objected.")] == [2]
    assert [q.value for q in find_quantities("an army 100,000 strong")] == [100000]
    assert [(q.value, q.unit) for q in find_quantities("a defence line 20 km long")] == [(20, "km")]


def test_change_is_two_amounts_not_a_range() -> None:
    found = find_quantities("tariffs rise from 10% to 25% on $200 billion to 25% of goods")
    assert [(q.value, q.high) for q in found] == [(10, None), (25, None), (2e11, None), (25, None)]


def test_float_values_carry_no_binary_noise() -> None:
    exact = [("$8.2 billion", 8200000000.0), ("$0.7 trillion", 700000000000.0), ("4.35 million", 4350000.0)]
    for phrase, value in exact:
        assert _one(phrase).value == value  # exact, not approx
