"""Dates in a language whose model names no dates (Spanish): found in the text with the words of the language's
`dates` pack, marked as DATE entities (so figures leave them alone) and resolved like the English ones: "3 de
mayo de 2022" (day), "en abril de 2017" (month), "el pasado viernes", "hace dos semanas", "el año pasado",
"hoy". A date without its year, or a bare weekday, takes the tense of its verb (from the verb's morphology).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from bilateral.annotate.nlp import text_of
from bilateral.errors import KnowledgeError
from bilateral.knowledge import builtin_packs

Doc = Any
PAST, FUTURE = "past", "future"


@dataclass(frozen=True)
class DateWords:
    months: dict[str, int]
    weekdays: dict[str, int]  # name -> date.weekday()
    days: dict[str, int]
    which: dict[str, int]
    units: dict[str, str]
    counts: dict[str, int]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, pattern), most specific first


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def date_words(language: str) -> DateWords | None:
    """The `dates` pack written for `language`, compiled once; None when there is none (English: annotate.dates)."""
    packs = [p for p in builtin_packs().for_language(language).of_kind("dates") if p.language == language]
    if not packs:
        return None
    data: dict[str, Any] = {}
    for pack in packs:
        data.update(pack.data)
    try:
        months = {
            name.lower(): number
            for number, names in enumerate(data["months"], start=1)
            for name in (names if isinstance(names, list) else [names])
        }
        weekdays = {str(name).lower(): number for number, name in enumerate(data["weekdays"])}
        days = {str(k).lower(): int(v) for k, v in data["days"].items()}
        which = {str(k).lower(): int(v) for k, v in data["which"].items()}
        units = {str(k).lower(): str(v) for k, v in data["units"].items()}
        counts = {str(k).lower(): int(v) for k, v in data["counts"].items()}
        of, year_after, ordinal, ago = data["of"], data["year_after"], data["ordinal"], str(data["ago"])
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise KnowledgeError(f"{packs[-1].path}: a `dates` pack needs months, weekdays, days, which, units, "
                             f"counts, of, year_after, ordinal and ago ({e})") from e  # fmt: skip
    month, weekday, of_ = _alternation(list(months)), _alternation(list(weekdays)), _alternation(of)
    which_ = _alternation(list(which))
    year = r"(?P<year>(?:1[5-9]|20)\d\d)(?!\d)"
    day = rf"(?P<day>[0-3]?\d)(?:{_alternation(ordinal)})?"
    count = rf"(?P<count>\d{{1,3}}|{_alternation(list(counts))})"
    patterns = (
        ("full", rf"\b{day}\s+(?:{of_})\s+(?P<month>{month})(?:\s+(?:{of_})\s+{year})?\b"),
        ("month", rf"\b(?:(?:{of_})\s+)?(?P<month>{month})\s+(?:{of_})\s+{year}\b"),
        ("ago", rf"\b{re.escape(ago)}\s+{count}\s+(?P<unit>{_alternation(list(units))})\b"),
        (
            "relative",
            rf"\b(?:(?:el|la|este|esta)\s+)?(?:(?P<before>{which_})\s+)?(?P<unit>año|mes|semana)"
            rf"(?:\s+(?P<after>{which_}))?\b",
        ),
        (
            "weekday",
            rf"\b(?:(?:el|este|esta)\s+)?(?:(?P<before>{which_})\s+)?(?P<weekday>{weekday})"
            rf"(?:\s+(?P<after>{which_}))?\b",
        ),
        ("month", rf"\b(?:(?P<before>{which_})\s+)?(?:mes\s+de\s+)?(?P<month>{month})(?:\s+(?P<after>{which_}))?\b"),
        ("year", rf"\b(?:{_alternation(year_after)})\s+(?:el\s+año\s+)?{year}"),
        ("today", rf"(?<!\bla )(?<!\besta )(?<!\bpor la )\b(?P<word>{_alternation(list(days))})\b"),
    )
    compiled = tuple((kind, re.compile(p, re.I)) for kind, p in patterns)
    return DateWords(months, weekdays, days, which, units, counts, compiled)


def find(text: str, words: DateWords) -> list[tuple[int, int, str, re.Match[str]]]:
    """Date phrases in `text`, as (start, end, kind, match), in text order and not overlapping (the most specific
    pattern wins). "el año" alone is no date (it needs a pointing word); a capitalised month name without a year
    inside a sentence is part of a name ("Plaza de Mayo")."""
    taken: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pattern in words.patterns:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            pointed = bool(groups.get("before") or groups.get("after"))
            if kind == "relative" and not pointed:
                continue
            if kind == "month" and not (groups.get("year") or pointed):
                opening = match.start("month") < 2 or text[: match.start("month")].rstrip().endswith((".", "\n"))
                if match["month"][0].isupper() and not opening:
                    continue
            start, end = match.span()
            if any(s < end and start < e for s, e, _, _ in taken):
                continue
            taken.append((start, end, kind, match))
    return sorted(taken, key=lambda t: t[0])


def resolve(
    kind: str, match: re.Match[str], words: DateWords, anchor: date | None, tense: str | None
) -> tuple[str, str] | None:
    """(value, precision) for one phrase found by `find`, or None where it cannot be pinned down."""
    from bilateral.annotate.dates import _day_in_year, _month_year, _weekday

    groups = match.groupdict()
    point = words.which.get((groups.get("before") or groups.get("after") or "").lower())
    if kind == "year":
        return match["year"], "year"
    if kind == "full" or kind == "month":
        month = words.months[match["month"].lower()]
        if groups.get("year"):
            if kind == "month":
                return f"{match['year']}-{month:02d}", "month"
            try:
                return date(int(match["year"]), month, int(match["day"])).isoformat(), "day"
            except ValueError:
                return None
        if anchor is None:
            return None
        direction = {-1: PAST, 1: FUTURE}.get(point) if point is not None else tense
        if kind == "full":
            try:
                found = _day_in_year(anchor, month, int(match["day"]), direction)
            except ValueError:
                return None
            return (found.isoformat(), "day") if found else None
        year = anchor.year if point == 0 else _month_year(anchor, month, direction)
        return f"{year}-{month:02d}", "month"
    if anchor is None:
        return None
    if kind == "today":
        return (anchor + timedelta(days=words.days[match["word"].lower()])).isoformat(), "day"
    if kind == "weekday":
        target = words.weekdays[match["weekday"].lower()]
        if point == -1:
            return (anchor - timedelta(days=(anchor.weekday() - target) % 7 or 7)).isoformat(), "day"
        if point == 1:
            return (anchor + timedelta(days=(target - anchor.weekday()) % 7 or 7)).isoformat(), "day"
        return _weekday(anchor, target, tense).isoformat(), "day"
    unit = words.units[match["unit"].lower()]
    step = (
        -(int(match["count"]) if match["count"].isdigit() else words.counts[match["count"].lower()])
        if kind == "ago"
        else (point or 0)
    )
    if unit == "day":
        return (anchor + timedelta(days=step)).isoformat(), "day"
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
        return monday.isoformat(), "week"
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + step
        return f"{index // 12}-{index % 12 + 1:02d}", "month"
    return str(anchor.year + step), "year"


OPENING = 400  # characters: where a dateline or a "published on" line stands


def anchor_of(text: str, words: DateWords) -> date | None:
    """The first date written in full (day, month and year) in the opening of `text` (a dateline's "3 de mayo
    de 2022"), or None: a full date further down is more often a past happening ("llegó al cargo el 3 de
    agosto de 2014") than the day of writing."""
    for start, _end, kind, match in find(text, words):
        if start < OPENING and kind == "full" and match["year"]:
            value = resolve(kind, match, words, None, None)
            if value is not None:
                return date.fromisoformat(value[0])
    return None


def tense(doc: Doc, start: int, end: int) -> str | None:
    """Past or future from the morphology of the verb that governs the phrase at [start, end), or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    verb = span.root
    for _ in range(6):
        if verb.pos_ in {"VERB", "AUX"}:
            forms = {*verb.morph.get("Tense"), *verb.morph.get("Mood")}
            forms |= {f for c in verb.children if c.dep_ in {"aux", "auxpass"} for f in c.morph.get("Tense")}
            if forms & {"Fut", "Cnd"} or any(c.dep_ == "aux" and c.norm_ == "ir" for c in verb.children):
                return FUTURE
            if "Past" in forms or "Imp" in forms:
                return PAST
            if "Pres" in forms:
                return FUTURE  # a dated act in the present is a timetable ("se reúnen en octubre")
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def mark(doc: Doc, words: DateWords) -> Doc:
    """`doc` with each date phrase a DATE entity (entities it overlaps are dropped); returns the same Doc."""

    spans = []
    for start, end, _, _ in find(text_of(doc), words):
        span = doc.char_span(start, end, label="DATE", alignment_mode="contract")
        if span is not None and len(span):
            spans.append(span)
    if spans:
        kept = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in spans)]
        doc.ents = sorted([*kept, *spans], key=lambda e: e.start)
    return doc


def resolve_written(doc: Doc, words: DateWords, *, published: str | None) -> list[Any]:
    """Every date phrase of `doc` that can be pinned down (DateMention), in text order."""
    from bilateral.model import DateMention

    anchor = date.fromisoformat(published) if published else anchor_of(text_of(doc), words)
    found = []
    for start, end, kind, match in find(text_of(doc), words):
        value = resolve(kind, match, words, anchor, tense(doc, start, end))
        if value is not None:
            found.append(DateMention(match.group(0), start, end, *value))
    return found
