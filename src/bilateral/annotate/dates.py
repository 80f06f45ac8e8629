"""Dates: every date expression resolved against the publication date, keeping its precision.

"June 1st" → 2021-06-01 (day), "in February" → 2021-02 (month), "last year" → 2020 (year),
"last week" → the Monday of that week (week), "on Friday" → the Friday before publication (day).
A relative expression in a document without a publication date is not resolved.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from bilateral.calendar import MONTH_PATTERN, MONTHS
from bilateral.model import DateMention

Doc = Any
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = MONTH_PATTERN
_YEAR = r"(?P<year>(?:19|20)\d\d)"
FULL = [
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?!\d)(?:st|nd|rd|th)?(?:,?\s+" + _YEAR + ")?", re.I),
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + ")?", re.I),
    re.compile(_YEAR + r"-(?P<mnum>\d\d)-(?P<day>\d\d)"),
]
MONTH_ONLY = re.compile(_MONTH + r"(?:\s+(?:of\s+)?" + _YEAR + r")?(?![\w])", re.I)
YEAR_ONLY = re.compile(r"(?<!\d)" + _YEAR + r"(?!\d)")
RELATIVE = re.compile(r"\b(?P<which>last|this|next|previous|past|coming)\s+(?P<unit>year|month|week)\b", re.I)
WEEKDAY = re.compile(r"\b(?:(?P<which>last|this|next)\s+)?(?P<day>" + "|".join(WEEKDAYS) + r")\b", re.I)
TODAY = re.compile(r"\b(?P<word>today|yesterday|tomorrow)\b", re.I)


def _before(anchor: date | None, month: int) -> int | None:
    """The year of the latest such month not after the anchor (articles mostly look back)."""
    if anchor is None:
        return None
    return anchor.year if month <= anchor.month else anchor.year - 1


def resolve(text: str, anchor: date | None) -> tuple[str, str] | None:
    """(value, precision) for one date expression, or None when it cannot be pinned down."""
    for pattern in FULL:
        match = pattern.search(text)
        if match:
            groups = match.groupdict()
            month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower()]
            year = int(groups["year"]) if groups.get("year") else _before(anchor, month)
            if year is None:
                return None
            try:
                return date(year, month, int(groups["day"])).isoformat(), "day"
            except ValueError:
                return None
    if match := RELATIVE.search(text):
        if anchor is None:
            return None
        step = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1, "coming": 1}[match["which"].lower()]
        unit = match["unit"].lower()
        if unit == "year":
            return str(anchor.year + step), "year"
        if unit == "month":
            index = anchor.year * 12 + anchor.month - 1 + step
            return f"{index // 12}-{index % 12 + 1:02d}", "month"
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
        return monday.isoformat(), "week"
    if match := MONTH_ONLY.search(text):
        month = MONTHS[match["month"].lower()]
        year = int(match["year"]) if match["year"] else _before(anchor, month)
        return (f"{year}-{month:02d}", "month") if year else None
    if match := YEAR_ONLY.search(text):
        return match["year"], "year"
    if anchor is None:
        return None
    if match := WEEKDAY.search(text):
        target = WEEKDAYS.index(match["day"].lower())
        back = (anchor.weekday() - target) % 7 or (7 if (match["which"] or "").lower() == "last" else 0)
        if (match["which"] or "").lower() == "next":
            return (anchor + timedelta(days=(target - anchor.weekday()) % 7 or 7)).isoformat(), "day"
        return (anchor - timedelta(days=back)).isoformat(), "day"
    if match := TODAY.search(text):
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[match["word"].lower()]
        return (anchor + timedelta(days=shift)).isoformat(), "day"
    return None


def resolve_dates(doc: Doc, *, published: str | None) -> list[DateMention]:
    anchor = date.fromisoformat(published) if published else None
    found = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        resolved = resolve(ent.text, anchor)
        if resolved:
            found.append(DateMention(ent.text, ent.start_char, ent.end_char, *resolved))
    return found
