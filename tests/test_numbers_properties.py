"""Property tests of the number parser (Hypothesis): amounts rendered in many styles (separators, scale words,
currencies by code, symbol and name, approximation words, ranges) parse back to their value, unit and bounds;
offsets are always valid and the phrase is `text[start:end]`; no string makes the parser fail."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilateral.extract.numbers import find_quantities, grammar

SCALES = {"": 1, " thousand": 10**3, " million": 10**6, " billion": 10**9, " trillion": 10**12, "bn": 10**9}
# (written before, written after, ISO 4217 code): symbols, codes and names, as newspapers write them
CURRENCIES = [
    ("$", "", "USD"), ("US$", "", "USD"), ("€", "", "EUR"), ("£", "", "GBP"), ("¥", "", "JPY"), ("₩", "", "KRW"),
    ("₹", "", "INR"), ("CA$", "", "CAD"), ("", " dollars", "USD"), ("", " euros", "EUR"), ("", " won", "KRW"),
    ("", " yen", "JPY"), ("", " yuan", "CNY"), ("", " rupees", "INR"), ("", " rubles", "RUB"),
    ("", " Mexican pesos", "MXN"), ("", " South African rand", "ZAR"), ("", " KRW", "KRW"), ("EUR ", "", "EUR"),
    ("", " percent", "percent"), ("", "%", "percent"), ("", " days", "day"), ("", " months", "month"),
    ("", " minutes", "minute"), ("", "", None),
]  # fmt: skip
APPROX = ["", "about ", "nearly ", "more than ", "at least ", "up to ", "fewer than "]


def render(whole: int, cents: int, style: str) -> str:
    """An amount's digits in one of the major conventions (thousands, decimal mark)."""
    groups = f"{whole:,}"
    decimals = f"{cents:02d}" if cents else ""
    if style == "en":
        return groups + (f".{decimals}" if decimals else "")
    if style == "de":
        return groups.replace(",", ".") + (f",{decimals}" if decimals else "")
    if style == "fr":
        return groups.replace(",", "\u202f") + (f",{decimals}" if decimals else "")
    if style == "ch":
        return groups.replace(",", "'") + (f".{decimals}" if decimals else "")
    return str(whole) + (f".{decimals}" if decimals else "")


amounts = st.tuples(
    st.integers(min_value=1, max_value=999_999),
    st.integers(min_value=0, max_value=99),
    st.sampled_from(["en", "de", "fr", "ch", "plain"]),
    st.sampled_from(sorted(SCALES)),
    st.sampled_from(CURRENCIES),
    st.sampled_from(APPROX),
)


@settings(max_examples=300, deadline=None)
@given(amounts)
def test_rendered_amounts_parse_back(amount: tuple[int, int, str, str, tuple[str, str, str | None], str]) -> None:
    whole, cents, style, scale, (before, after, unit), approx = amount
    if style == "de" and whole < 10**6 and cents == 0:
        style = "plain"  # "1.500" alone reads as one and a half in English: the convention needs a second mark
    if style == "plain" and 1500 <= whole <= 2100 and not (scale or unit):
        whole += 1000  # a bare four-digit number in that span is a year
    if after.strip().split(" ")[-1].lower() in grammar().shared_names and not scale:
        scale = " million"  # "3 won" may be the verb: a word currency counts after a scale word
    digits = render(whole, cents, style)
    if after in {" days", " months", " minutes", "%", " percent"} and scale:
        scale = ""
    text = f"Officials said {approx}{before}{digits}{scale}{after} was at stake."
    found = find_quantities(text)
    assert len(found) == 1, (text, found)
    quantity = found[0]
    expected = (Decimal(whole) + Decimal(cents) / 100) * SCALES[scale]
    assert quantity.value == float(expected), text
    assert quantity.unit == unit, text
    assert quantity.high is None
    assert quantity.approx == (grammar().approx[approx.strip()] if approx else "exact"), text
    assert text[quantity.start : quantity.end] == quantity.text


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=500),
    st.integers(min_value=1, max_value=500),
    st.sampled_from(["{a}-{b}", "{a}–{b}", "{a} to {b}", "between {a} and {b}"]),
    st.sampled_from(sorted(SCALES)),
    st.sampled_from([("$", "", "USD"), ("", " percent", "percent"), ("", " people", None), ("€", "", "EUR")]),
)
def test_ranges_keep_both_bounds(
    low: int, extra: int, form: str, scale: str, currency: tuple[str, str, str | None]
) -> None:
    before, after, unit = currency
    high = low + extra
    if after != "" and scale:
        scale = ""
    written = form.format(a=f"{before}{low}", b=f"{before}{high}{scale}")
    text = f"They expect {written}{after} this year."
    found = [q for q in find_quantities(text) if q.approx == "range"]
    assert len(found) == 1, (text, find_quantities(text))
    assert found[0].value == low * SCALES[scale] and found[0].high == high * SCALES[scale], text
    assert found[0].unit == unit


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_any_string_gives_valid_offsets(text: str) -> None:
    for quantity in find_quantities(text):
        assert 0 <= quantity.start < quantity.end <= len(text)
        assert text[quantity.start : quantity.end] == quantity.text
        assert quantity.high is None or quantity.high >= quantity.value


words = st.sampled_from(
    ["about", "$", "5", "2,000", "million", "-", "to", "between", "and", "percent", "%", "won", "half", "a",
     "three", "hundred", "days", "year-old", "of", "thousands", "tens", "1.5", "bn", "€", "Section", "G20", " "]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(words, max_size=12))
def test_number_like_strings_give_valid_offsets(parts: list[str]) -> None:
    text = " ".join(parts)
    for quantity in find_quantities(text):
        assert text[quantity.start : quantity.end] == quantity.text
        assert quantity.value == quantity.value  # never NaN


@pytest.mark.parametrize("text", ["", " ", "-", "$", "between and", "1e308 billion", "9" * 400 + " trillion"])
def test_edge_strings(text: str) -> None:
    for quantity in find_quantities(text):
        assert text[quantity.start : quantity.end] == quantity.text
