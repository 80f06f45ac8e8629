"""Month and weekday names, shared by every place that reads a written date."""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}  # fmt: skip
# A month name as a named regex group, longest alternatives first so "sept" wins over "sep".
MONTH_PATTERN = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# Weekday names in `date.weekday()` order (Monday is 0).
WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# A day of a month without a year, either way round ("Dec. 1", "May 10th", "3 March", "3rd of March"): only the
# month is read (group `month` or `month2`).
MONTH_DAY = re.compile(
    r"\b(?:"
    + MONTH_PATTERN
    + r"\s+\d{1,2}(?!\d)|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + MONTH_PATTERN.replace("?P<month>", "?P<month2>")
    + r"(?![\w]))",
    re.I,
)


def months_named(text: str) -> set[int]:
    """The months (1-12) `text` names with a day ("on Dec. 1", "10 May"); a month's name is capitalised, so
    "they may 10 times" names none."""
    names = ((m["month"] or m["month2"]) for m in MONTH_DAY.finditer(text))
    return {MONTHS[name.lower()] for name in names if name[0].isupper()}
