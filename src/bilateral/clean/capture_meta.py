"""What a capture's own lines say about the article: its date lines, bylines and the names in them.

A date line is a line that is mostly a date ("April 24, 2021", "Global Research, January 28, 2021",
"PUBLISHED: 10:48, Tue, Nov 19, 2019", "Posted on March 30, 2015 by Admin"); a byline names people
("By Jane Doe and John Roe | Outlet", "Jane Doe, Senior Fellow"). Used by `capture.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from bilateral.calendar import MONTH_PATTERN, MONTHS
from bilateral.knowledge import builtin_packs, require

_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
# Written dates, most specific first; the numeric form takes a two-digit year only with slashes (11/20/19).
DATE_FORMS = tuple(
    re.compile(form, re.IGNORECASE)
    for form in (
        r"\b" + MONTH_PATTERN + r"\s+" + _DAY + r"(?:,\s*|\s+)" + _YEAR + r"\b",
        r"\b" + _DAY + r"\s+(?:of\s+)?" + MONTH_PATTERN + r",?\s+" + _YEAR + r"\b",
        r"\b" + _YEAR + r"-(?P<mnum>\d\d)-(?P<day>\d\d)(?![\d-])",
        r"(?<![\d./])(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>(?:19|20)?\d\d)(?![\d/])",
        r"(?<![\d./])(?P<first>\d{1,2})\.(?P<second>\d{1,2})\.(?P<year>(?:19|20)\d\d)(?![\d.])",
    )
)
# What may stand beside the date on a date line: labels, weekdays, clock times, time zones, separators.
_FURNITURE = re.compile(
    r"\b(?:published|posted|updated|last|modified|first|publish|date|on|at|am|pm|a\.m\.|p\.m\.|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"today|yesterday|gmt|utc|[ecmp][sd]?t|bst|cet|cest|ist|hkt|aest|kst|jst|sgt|wib|pkt|msk|eet|eest|awst|nzst|"
    r"nzdt|\d{1,2}[:.]\d\d(?::\d\d)?(?:\.\d+)?"
    r"(?:[+-]\d\d:?\d\d|z)?(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?|t\d\d:\d\d\S*)\b\.?"
    r"|[|•·,/:;()–—-]+",
    re.IGNORECASE,
)
_SOURCE = re.compile(r"^\s*source\s*:\s*", re.IGNORECASE)
_UPDATED = re.compile(r"\b(?:updated|modified|last)\b", re.IGNORECASE)
_BY = re.compile(r"^[|•·–—-]?\s*(?:by|written by|posted by|words by|reporting by|story by|authors?)\s*:?\s*", re.I)
_LABEL = re.compile(
    r"^(?:by|written by|authors?|posted|published|publish date|updated|date|posted on|published on)\s*:?$", re.I
)


@cache
def _words(key: str) -> frozenset[str]:
    """A word list of the `boilerplate` packs: `name_particles` (small words inside people's names), `not_person`
    (words that make a capitalised phrase an organisation or a role), `roles` (job words after a byline's names)."""
    found: set[str] = set()
    for pack in builtin_packs().of_kind("boilerplate"):
        found |= {str(w).lower() for w in require(pack.data, key, list, where=str(pack.path), default=[])}
    return frozenset(found)


NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$")
SENTENCE_END = re.compile(r"[.!?…:;。！？][\"'”’»)\]*]*$")


@dataclass(frozen=True)
class DateLine:
    """A line that is mostly a date: the date, whether it is an update, and what else the line said."""

    iso: str
    updated: bool
    rest: str
    after: str = ""  # what follows the date, furniture removed ("| Jane Doe" → "Jane Doe")


def find_date(text: str) -> tuple[str, int, int] | None:
    """The earliest full date written in text, as (YYYY-MM-DD, start, end)."""
    found: list[tuple[int, int, str]] = []
    for form in DATE_FORMS:
        for match in form.finditer(text):
            iso = _iso(match.groupdict())
            if iso:
                found.append((match.start(), match.end(), iso))
                break
    if not found:
        return None
    start, end, iso = min(found)
    return iso, start, end


def parse_date(text: str) -> str | None:
    """The first full date written in text, as YYYY-MM-DD."""
    found = find_date(text)
    return found[0] if found else None


def _iso(groups: dict[str, str | None]) -> str | None:
    year = int(groups["year"] or 0)
    if year < 100:
        year += 2000
    if groups.get("first"):
        first, second = int(groups["first"] or 0), int(groups["second"] or 0)
        # Day first only when the first number cannot be a month; otherwise the US order these captures use.
        month, day = (second, first) if first > 12 else (first, second)
    else:
        number = groups.get("mnum")
        month = int(number) if number else MONTHS[(groups["month"] or "").lower().rstrip(".")]
        day = int(groups["day"] or 0)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def date_line(line: str) -> DateLine | None:
    """The line read as a date line, or None when the date is part of a sentence (or there is none)."""
    if len(line.split()) > 16:
        return None
    found = find_date(line)
    if not found:
        return None
    iso, start, end = found
    rest = line[:start] + " " + line[end:]
    leftover = " ".join(_FURNITURE.sub(" ", rest).split())
    byline = re.search(r"\bby\b", leftover, re.IGNORECASE)
    before = leftover[: byline.start()] if byline else leftover
    # "Source: The Outlet (Its Owner) | July 4th, 2019": a source label names an outlet, which may be long
    allowed = 10 if _SOURCE.match(line) else 4
    if len(before.split()) > allowed or (byline and len(leftover[byline.end() :].split()) > 6):
        return None
    after = " ".join(_FURNITURE.sub(" ", line[end:]).split())
    return DateLine(iso=iso, updated=bool(_UPDATED.search(line[:start])), rest=rest.strip(), after=after)


# A date opening a paragraph: a label and a date ("date 2021-07-03 …", "Published: 3 May 2021 …") or a dateline
# ("NAIROBI, 14 February 2022 — …", "LIMA, Peru, March 3, 2021 (Reuters) -").
_LABELLED = re.compile(r"^\s*(?:date|dated|published(?:\s+on)?|posted(?:\s+on)?)\s*:?\s*", re.IGNORECASE)
_PLACE = re.compile(r"^\s*(?P<place>[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ -]{1,30}){0,2}),\s*")
_DATELINE_END = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?(?:[-—–]+|:)\s*")


def leading_date(line: str) -> tuple[str, str, str] | None:
    """A date that opens a paragraph, as (YYYY-MM-DD, what went before the text, the text after it), or None:
    a label and a date ("date 2021-07-03 Headline …") or a dateline ("NAIROBI, 14 February 2022 — Text …"). The
    place of a dateline says where the piece was filed; it is not part of the article's text."""
    for opening in (_LABELLED.match(line), _PLACE.match(line)):
        if not opening or (opening.re is _LABELLED and not opening.group()):
            continue
        found = find_date(line[opening.end() :])
        if not found or found[1] != 0:
            continue
        iso, _, end = found
        rest_at = opening.end() + end
        if opening.re is _PLACE:
            closing = _DATELINE_END.match(line, rest_at)
            if not closing:
                continue
            rest_at = closing.end()
        rest = line[rest_at:].strip()
        if len(rest.split()) >= 3:
            return iso, line[:rest_at].strip(), rest
    return None


def date_outlet(line: DateLine) -> str | None:
    """The outlet a dateline opens with ("Global Research, January 28, 2021")."""
    if source := _SOURCE.match(line.rest):
        outlet = re.split(r"\s*[|(,]", line.rest[source.end() :].strip(), maxsplit=1)[0].strip()
        return outlet if 0 < len(outlet.split()) <= 6 else None
    match = re.match(r"^([A-Z][\w&.'’ -]{1,50}?),", line.rest)
    if not match or _LABEL.match(match[1].strip()) or _FURNITURE.fullmatch(match[1].strip()):
        return None
    words = match[1].split()
    if words[0].lower() in {"by", "posted", "published", "updated"} or _weekday(words[0]):
        return None
    return match[1].strip()


def date_author(line: DateLine) -> list[str]:
    """Names after "by" on a date line ("Monday November 18, 2019 7:45 am PST by Joe Rossignol")."""
    match = re.search(r"\bby\s+(.+)$", line.rest, re.IGNORECASE)
    if match:
        return byline_names(match[1])[0]
    # A name after the date ("April 24, 2021 | Jane Doe"); before it stands an outlet ("Global Research, …").
    return byline_names(line.after)[0] if line.after and names_only(line.after) else []


def _weekday(word: str) -> bool:
    return bool(re.fullmatch(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day,?", word, re.IGNORECASE))


def is_name(line: str) -> bool:
    """A person's name alone on a line ("Pablo Oprinari", "María de la Luz Pérez", "JANIE HAR")."""
    words = line.replace(",", " ").split()
    if not 2 <= len(words) <= 5 or SENTENCE_END.search(line):
        return False
    capitalised = [w for w in words if w.lower() not in _words("name_particles")]
    return (
        len(capitalised) >= 2
        and all(NAME_WORD.match(w) for w in capitalised)
        and not any(w.lower().strip(".") in _words("not_person") for w in words)
    )


def is_label(line: str) -> bool:
    """A label standing alone on its line above what it labels ("By", "Published", "Author:")."""
    return bool(_LABEL.match(line.strip()))


def byline(line: str) -> bool:
    """A "By …" line: the word by, then names (and maybe a role or an outlet)."""
    match = _BY.match(line)
    if not match or len(line.split()) > 14 or re.search(r"[.!?][\"'”’]*$", line):
        return False  # "By Tuesday, Mexico had agreed." is a sentence
    rest = line[match.end() :].strip()
    return bool(byline_names(line)[0]) or (len(rest.split()) <= 6 and bool(re.match(r"[A-ZÀ-ÖØ-Þ]", rest)))


def byline_names(line: str) -> tuple[list[str], str | None]:
    """The people a byline names, and the outlet after a bar or dash ("By A and B | Outlet" → [A, B], Outlet)."""
    text = _BY.sub("", line.strip(), count=1).strip(" ,.-–—")
    outlet = None
    parts = re.split(r"\s+[|/–—-]\s+|\s+-$", text, maxsplit=1)
    if len(parts) == 2:
        text, tail = parts[0], parts[1].strip(" ,.-")
        outlet = tail if tail and len(tail.split()) <= 5 and not _role(tail) else None
    if not re.search(r"\s(?:and|&)\s", text):
        # Without "and" a comma parts a name from a role or an outlet ("Jane Doe, Reuters"), not two names.
        first, _, tail = text.partition(",")
        tail = tail.strip(" ,.")
        if tail and outlet is None and len(tail.split()) <= 5 and not _role(tail) and not _FURNITURE.fullmatch(tail):
            outlet = tail
        return ([_person(first.strip(" ."))] if is_name(first.strip(" .")) else []), outlet
    names: list[str] = []
    for part in re.split(r",\s*|\s+and\s+|\s*&\s*", text):
        part = part.strip(" .")
        if not part:
            continue
        if not is_name(part):
            break  # a role or an outlet follows the names ("Jane Doe, Senior Fellow", "Eric Song, IGN Staff")
        names.append(_person(part))
    return names, outlet


def names_only(line: str) -> bool:
    """A line that is nothing but people's names ("Lisa Kaczke and Trevor J. Mitchell")."""
    parts = [part.strip(" .") for part in re.split(r",\s*|\s+and\s+|\s*&\s*", line.strip()) if part.strip(" .")]
    return bool(parts) and all(is_name(part) for part in parts)


def _role(text: str) -> bool:
    return any(word.lower().strip(".,") in _words("roles") for word in text.split())


def _person(name: str) -> str:
    """An all-capitals name is written the usual way ("JANIE HAR" → "Janie Har")."""
    if name.upper() != name:
        return name
    return " ".join(w if w.lower() in _words("name_particles") else w.capitalize() for w in name.lower().split())


def role_name(line: str) -> str | None:
    """The name in a byline with a role after it ("Jane Doe, Senior Fellow, Americas Program")."""
    first, _, rest = line.partition(",")
    return _person(first.strip()) if rest and is_name(first) and len(line.split()) <= 10 else None


_MASTHEAD = re.compile(r"[^\W\d_][\w&'’.-]*(?: [^\W\d_][\w&'’.-]*){0,4}")
# Separators before a site's name in a headline; a dash is left alone ("Trump - Xi Talks Resume" is all headline).
SITE_SEPARATORS = (" | ", " :: ", " « ", " » ", " // ")


@cache
def _masthead_words() -> tuple[frozenset[str], frozenset[str]]:
    small: set[str] = set()
    words: set[str] = set()
    for pack in builtin_packs().of_kind("boilerplate"):
        small |= {str(w) for w in require(pack.data, "masthead_small", list, where=str(pack.path), default=[])}
        words |= {str(w) for w in require(pack.data, "masthead_words", list, where=str(pack.path), default=[])}
    return frozenset(small), frozenset(words)


def outlet_case(name: str) -> str:
    """An outlet's name in the usual casing: a name written all in capitals is put in title case, small words
    lower case inside it, initials left as they are ("THE MERIDIAN HERALD" → "The Meridian Herald", "BBC NEWS" →
    "BBC News"); a name in mixed case is kept."""
    name = " ".join(name.split())
    if not name.isupper():
        return name
    small, words = _masthead_words()
    out = []
    for i, word in enumerate(name.split()):
        lower = word.lower()
        if lower in small:
            out.append(lower.capitalize() if i == 0 else lower)
        elif len(word) > 3 or lower in words:
            out.append(word.capitalize())
        else:
            out.append(word)  # initials ("BBC", "ITV")
    return " ".join(out)


def masthead(line: str) -> str | None:
    """The site's name standing alone on a capture's first line ("AMERICAN VANTAGE", "Pacific Crossroads Daily"),
    in the usual casing, or None when the line is anything else."""
    name = " ".join(line.split())
    if not _MASTHEAD.fullmatch(name) or not all(word[0].isupper() for word in name.split()):
        return None
    return outlet_case(name)


def title_site(title: str) -> tuple[str, str | None]:
    """A headline with the site's name after a separator ("Talks resume | The Meridian Herald") split into the
    headline and the site; (title, None) when the last part does not read as a name (a short run of capitalised
    words and small words)."""
    small, _ = _masthead_words()
    for separator in SITE_SEPARATORS:
        head, _, tail = title.rpartition(separator)
        words = tail.split()
        if (
            len(head.split()) >= 3
            and 1 <= len(words) <= 5
            and words[0][:1].isupper()
            and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in small for w in words)
            and not SENTENCE_END.search(tail)
        ):
            return head.strip(), outlet_case(tail)
    return title, None
