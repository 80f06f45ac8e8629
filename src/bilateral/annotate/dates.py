"""Dates: every date expression resolved against the publication date, keeping its precision.

"June 1st" → 2021-06-01 (day), "in February" → 2021-02 (month), "last year" → 2020 (year),
"last week" → the Monday of that week (week), "on Friday" → a Friday (day).
A date without its year (or a bare weekday) takes the tense of the verb that governs it: "will meet in October"
is the coming October, "met in October" the last one, and where the tense says nothing ("elections in
October") the October nearest the publication date. In a document without a publication date, relative
expressions resolve against the document's first full date (a dateline's "9 May 2022", a caption's date), the
best stand-in for when it was written; a dateline's date is when it was written, so tenses count from it, while
another first date (a caption, a related link) is only a lower bound, so a weekday or a date without its year is
the one nearest it. A date with a clause of its own ("back to the rules of May 3, when Lima lifted its quotas")
takes that clause's tense. With neither anchor, relative expressions are not resolved.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from bilateral.annotate.nlp import text_of
from bilateral.calendar import MONTH_PATTERN, MONTHS, WEEKDAYS
from bilateral.model import DateMention

Doc = Any
_MONTH = MONTH_PATTERN
_YEAR = r"(?P<year>(?:19|20)\d\d)"
FULL = [
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?!\d)(?:st|nd|rd|th)?(?:,?\s+" + _YEAR + ")?", re.I),
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + ")?", re.I),
    re.compile(_YEAR + r"-(?P<mnum>\d\d)-(?P<day>\d\d)"),
]
MONTH_ONLY = re.compile(
    r"(?:\b(?P<which>last|this|next|previous|past|coming)\s+)?" + _MONTH + r"(?:\s+(?:of\s+)?" + _YEAR + r")?(?![\w])",
    re.I,
)
YEAR_ONLY = re.compile(r"(?<!\d)" + _YEAR + r"(?!\d)")
RELATIVE = re.compile(r"\b(?P<which>last|this|next|previous|past|coming)\s+(?P<unit>year|month|week)\b", re.I)
WEEKDAY = re.compile(r"\b(?:(?P<which>last|this|next)\s+)?(?P<day>" + "|".join(WEEKDAYS) + r")\b", re.I)
TODAY = re.compile(r"\b(?P<word>today|yesterday|tomorrow)\b", re.I)


PAST, FUTURE = "past", "future"
# Explicit words that fix the direction whatever the verb says ("next October", "last Tuesday").
DIRECTION = {"last": PAST, "previous": PAST, "past": PAST, "next": FUTURE, "coming": FUTURE}
FUTURE_AUX = {"will", "shall", "'ll", "ll", "wo"}
PERFECT_AUX = {"has", "have", "had", "'ve", "ve"}
SINCE = {"since", "ago"}
SINCE_START = re.compile(r"\s*since\b", re.I)
# "LIMA, 9 May 2022 —", "GDANSK, Apr. 3, 2021 (PAP) --": a place in capitals, a full date, a dash
DATELINE_DATE = re.compile(
    r"^[ \t]*[A-Z][A-Z'. -]+,[^\n\d]{0,30}?(?:\d{1,2}\s+[A-Za-z]+\.?|[A-Za-z]+\.?\s+\d{1,2})(?:st|nd|rd|th)?,?\s+"
    r"(?:19|20)\d\d\s*(?:\([^()\n]{1,40}\)\s*)?(?:--|[\u2013\u2014-])",
    re.M,
)


def _month_year(anchor: date, month: int, tense: str | None) -> int:
    """The year of the month meant: the coming one (future), the latest one (past) or the nearest one."""
    if tense == FUTURE:
        return anchor.year if month >= anchor.month else anchor.year + 1
    if tense == PAST:
        return anchor.year if month <= anchor.month else anchor.year - 1
    here = anchor.year * 12 + anchor.month
    return min((anchor.year - 1, anchor.year, anchor.year + 1), key=lambda y: (abs(y * 12 + month - here), y))


def _day_in_year(anchor: date, month: int, day: int, tense: str | None) -> date | None:
    """The date meant by a month and day without a year, chosen as `_month_year` chooses a month."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue  # February 29 outside a leap year
    if tense == FUTURE:
        candidates = [c for c in candidates if c >= anchor]
    elif tense == PAST:
        candidates = [c for c in candidates if c <= anchor]
    if not candidates:
        return None
    return min(candidates, key=lambda c: (abs((c - anchor).days), c))


def _weekday(anchor: date, target: int, tense: str | None) -> date:
    """The weekday meant: the coming one, the last one, or the nearest; the publication day itself if it is one."""
    back, ahead = (anchor.weekday() - target) % 7, (target - anchor.weekday()) % 7
    if tense == FUTURE or (tense is None and ahead < back):
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


def resolve(text: str, anchor: date | None, *, tense: str | None = None) -> tuple[str, str] | None:
    """(value, precision) for one date expression, or None when it cannot be pinned down. `tense` ("past",
    "future" or None for unknown) is that of the governing verb; it only matters where the year is not written."""
    if tense is None and SINCE_START.match(text):
        tense = PAST
    for pattern in FULL:
        match = pattern.search(text)
        if match:
            groups = match.groupdict()
            month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower()]
            try:
                if groups.get("year"):
                    return date(int(groups["year"]), month, int(groups["day"])).isoformat(), "day"
                found = _day_in_year(anchor, month, int(groups["day"]), tense) if anchor else None
            except ValueError:
                return None
            return (found.isoformat(), "day") if found else None
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
        if match["year"]:
            return f"{match['year']}-{month:02d}", "month"
        if anchor is None:
            return None
        which = (match["which"] or "").lower()
        if which == "this":
            year = anchor.year
        elif which in DIRECTION:
            # "next October" said in October is a year away, "last October" a year back
            shift = 0 if month != anchor.month else (1 if DIRECTION[which] == FUTURE else -1)
            year = _month_year(anchor, month, DIRECTION[which]) + shift
        else:
            year = _month_year(anchor, month, tense)
        return f"{year}-{month:02d}", "month"
    if match := YEAR_ONLY.search(text):
        return match["year"], "year"
    if anchor is None:
        return None
    if match := WEEKDAY.search(text):
        target = WEEKDAYS.index(match["day"].lower())
        which = (match["which"] or "").lower()
        if which == "next":
            return (anchor + timedelta(days=(target - anchor.weekday()) % 7 or 7)).isoformat(), "day"
        if which == "last":
            return (anchor - timedelta(days=(anchor.weekday() - target) % 7 or 7)).isoformat(), "day"
        return _weekday(anchor, target, tense).isoformat(), "day"
    if match := TODAY.search(text):
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[match["word"].lower()]
        return (anchor + timedelta(days=shift)).isoformat(), "day"
    return None


def _verb_tense(verb: Any) -> str | None:
    """Past or future from a verb and its auxiliaries; None for a bare infinitive, gerund or participle."""
    auxiliaries = [child for child in verb.children if child.dep_ in {"aux", "auxpass"}]
    words = {aux.lower_ for aux in auxiliaries}
    if words & FUTURE_AUX:
        return FUTURE
    modal = any(aux.tag_ == "MD" for aux in auxiliaries)
    if words & PERFECT_AUX:
        return PAST  # "has met", "had met", "could have met"
    if modal:
        return FUTURE  # "would meet", "could meet", "may meet"
    tags = {verb.tag_} | {aux.tag_ for aux in auxiliaries}
    if "VBD" in tags:
        return PAST
    if tags & {"VBZ", "VBP"}:
        return FUTURE  # the present of a dated act is a timetable: "meets in October", "is scheduled for"
    if verb.tag_ == "VBN" and verb.dep_ == "acl":
        return PAST  # "the deal, signed in October, …"
    return None


def tense_of(span: Any) -> str | None:
    """The tense of the verb that governs a date phrase ("past", "future"), or None where no verb says."""
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if before in SINCE or after in SINCE:
        return PAST
    # "back to the rules of May 3, when Lima lifted its quotas": the date's own clause says which July 1
    for clause in (c for c in span.root.children if c.dep_ == "relcl" and c.pos_ in {"VERB", "AUX"}):
        if (own := _verb_tense(clause)) is not None:
            return own
    verb = span.root
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    for _ in range(4):  # "is expected to take place in October": the infinitive takes its governor's tense
        if verb.pos_ not in {"VERB", "AUX"}:
            return None
        tense = _verb_tense(verb)
        if tense is not None or verb.dep_ not in {"xcomp", "conj"} or verb.head.i == verb.i:
            return tense
        verb = verb.head
    return None


def resolve_dates(doc: Doc, *, published: str | None) -> list[DateMention]:
    """Every DATE entity of `doc` that can be pinned down, in text order; see the module docstring for the
    anchor relative expressions are resolved against."""
    from bilateral.annotate.dates_written import date_words, resolve_written

    words = date_words(doc.lang_) if doc.lang_ != "en" else None
    if words is not None:  # a language whose model names no dates: its `dates` pack finds and reads them
        return resolve_written(doc, words, published=published)
    ents = [ent for ent in doc.ents if ent.label_ == "DATE"]
    anchor = date.fromisoformat(published) if published else document_anchor(text_of(doc))
    # a dateline's date is when the text was written, so tenses count from it; any other first date (a caption,
    # a related link) only bounds it from below: "on Friday" is then the Friday nearest that date
    written = bool(published) or _dateline_date(text_of(doc)) == anchor
    found = []
    for ent in ents:
        resolved = resolve(ent.text, anchor, tense=tense_of(ent) if written else None)
        if resolved:
            found.append(DateMention(ent.text, ent.start_char, ent.end_char, *resolved))
    return found


def _dateline_date(text: str) -> date | None:
    """The date of the text's first dateline ("LIMA, 9 May 2022 —"), or None."""
    match = DATELINE_DATE.search(text)
    resolved = resolve(match.group(), None) if match else None
    return date.fromisoformat(resolved[0]) if resolved and resolved[1] == "day" else None


def document_anchor(text: str, language: str = "en") -> date | None:
    """The first date written in full (day, month and year) in `text` ("9 May 2022", "Aug. 2, 2019"; in another
    language, as its `dates` pack writes one: "3 de mayo de 2022"), or None."""
    if language != "en":
        from bilateral.annotate.dates_written import anchor_of, date_words

        words = date_words(language)
        if words is not None:
            return anchor_of(text, words)
    found = []
    for pattern in FULL:  # the first match with a year of each pattern, then the earliest of those
        match = next((m for m in pattern.finditer(text) if m["year"]), None)
        if match is not None:
            found.append((match.start(), match))
    for _, match in sorted(found, key=lambda pair: pair[0]):
        month = int(match["mnum"]) if match.groupdict().get("mnum") else MONTHS[match["month"].lower()]
        try:
            return date(int(match["year"]), month, int(match["day"]))
        except ValueError:
            continue
    return None
