"""Plain-text web captures: keep the article (body and subheadings), cut the page furniture around it.

A capture is a page's visible text: menus, share bars, bylines, photo credits, the article, then credits, an
author bio and related-article teasers. The body is the run of prose lines that starts at the first paragraph
and ends at the first line that only ever follows an article (a credit, a comment prompt, a related list);
inside it, single boilerplate lines (share bars, captions, the byline and date line) are cut. Title, authors
and date are read from the lines above the body. Phrase patterns live in the `boilerplate` knowledge pack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from bilateral.calendar import MONTH_PATTERN, MONTHS
from bilateral.knowledge import builtin_packs, require
from bilateral.model import Cleaned

_MONTH = MONTH_PATTERN
_DATE_FORMS = (
    _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)",
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)",
    r"(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)",
)
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
# A line that is only a date, optionally after an outlet ("Global Research, January 28, 2021") or a label.
DATE_LINE = [
    re.compile(
        r"^(?:(?P<outlet>[A-Z][\w&.'’ -]{1,50}?),\s+)?(?:(?:published|posted|updated|date)\s*:?\s*)?"
        + _WEEKDAY + form + r"(?:\s*[|,-]?\s*(?:at\s+)?\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\.?"
        + r"(?:\s+[|·•]\s+.{1,40})?$",
        re.IGNORECASE,
    )
    for form in _DATE_FORMS
]  # fmt: skip
DATE_ANYWHERE = [re.compile(form, re.IGNORECASE) for form in _DATE_FORMS]
SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]*]*$")
NAME_PARTICLES = {"de", "del", "la", "las", "los", "van", "von", "da", "di", "dos", "das", "y", "bin", "al", "le"}
NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$")
PROSE_WORDS = 12


@dataclass(frozen=True)
class Patterns:
    line: tuple[re.Pattern[str], ...]
    end: tuple[re.Pattern[str], ...]
    caption: re.Pattern[str]


@cache
def patterns() -> Patterns:
    packs = builtin_packs().of_kind("boilerplate")
    line: list[re.Pattern[str]] = []
    end: list[re.Pattern[str]] = []
    verbs: list[str] = []
    for pack in packs:
        where = str(pack.path)
        line += [re.compile(p, re.IGNORECASE) for p in require(pack.data, "line", list, where=where)]
        end += [re.compile(p, re.IGNORECASE) for p in require(pack.data, "end", list, where=where)]
        verbs += require(pack.data, "caption", list, where=where)
    caption = re.compile(r"^\S.{0,80}?\s(?:" + "|".join(re.escape(v) for v in verbs) + r")\s\S", re.IGNORECASE)
    return Patterns(tuple(line), tuple(end), caption)


def parse_date(text: str) -> str | None:
    """The first full date written in text, as YYYY-MM-DD."""
    for form in DATE_ANYWHERE:
        match = form.search(text)
        if match:
            groups = match.groupdict()
            month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower().rstrip(".")]
            try:
                return date(int(groups["year"]), month, int(groups["day"])).isoformat()
            except ValueError:
                continue
    return None


def date_line(line: str) -> re.Match[str] | None:
    for form in DATE_LINE:
        match = form.match(line)
        if match:
            return match
    return None


def is_prose(line: str) -> bool:
    words = line.split()
    return len(words) >= PROSE_WORDS and bool(SENTENCE_END.search(line) or line.count(". ") >= 1)


def is_name(line: str) -> bool:
    """A person's name alone on a line ("Pablo Oprinari", "María de la Luz Pérez")."""
    words = line.replace(",", " ").split()
    if not 2 <= len(words) <= 5 or SENTENCE_END.search(line):
        return False
    capitalised = [w for w in words if w.lower() not in NAME_PARTICLES]
    return len(capitalised) >= 2 and all(NAME_WORD.match(w) for w in capitalised)


def _parts(line: str) -> list[str]:
    """A bilingual or piped label ("Lecturas relacionadas / Related reading") is judged part by part."""
    parts = [part.strip() for part in re.split(r"\s+[/|]\s+", line) if part.strip()]
    return [line] + (parts if len(parts) > 1 and len(line.split()) <= 10 else [])


def is_boilerplate(line: str) -> bool:
    rules = patterns()
    return any(p.fullmatch(part) for part in _parts(line) for p in (*rules.line, *rules.end))


def ends_article(line: str) -> bool:
    return any(p.fullmatch(part) for part in _parts(line) for p in patterns().end)


def is_menu(line: str) -> bool:
    return line.count(" | ") >= 2 or bool(re.search(r"\S {3,}\S.* {3,}\S", line))


def is_bio(line: str, authors: list[str]) -> bool:
    """An author's bio: "Jane Doe is a reporter …", "Jane covers …" (after the article)."""
    for author in authors:
        names = {author, author.split()[0]}
        for name in names:
            if re.match(re.escape(name) + r"\s+(?:is|was|has|covers|writes|reports|works|teaches|lives|leads)\b", line):
                return True
    return False


def is_caption(line: str) -> bool:
    return not SENTENCE_END.search(line) and len(line.split()) <= 20 and bool(patterns().caption.match(line))


def paragraphs(text: str) -> list[str]:
    """Non-blank lines; hard-wrapped text (paragraphs broken into lines of similar length) is re-joined."""
    blocks = [block.splitlines() for block in re.split(r"\n\s*\n", text)]
    lines = [line for block in blocks for line in block if line.strip()]
    wrapped = [b for b in blocks if len([ln for ln in b if ln.strip()]) >= 3]
    if lines and sum(len(b) for b in wrapped) >= 0.6 * len(lines):
        lengths = sorted(len(line) for block in wrapped for line in block[:-1])
        if lengths and 40 <= lengths[len(lengths) // 2] <= 100:
            return [" ".join(ln.strip() for ln in block if ln.strip()) for block in blocks if "".join(block).strip()]
    return [line.strip() for line in lines]


def _related_start(lines: list[str], index: int) -> int:
    """Where a related-article teaser block that ends with a date line at `index` starts (title, teaser, name)."""
    start = index
    if start - 1 >= 0 and is_name(lines[start - 1]):
        start -= 1
    if start - 1 >= 0 and is_prose(lines[start - 1]):
        start -= 1
    if start - 1 >= 0 and not is_prose(lines[start - 1]):
        start -= 1
    return start


def clean_capture(text: str) -> Cleaned:
    lines = paragraphs(text)
    if not lines:
        return Cleaned(text="")
    first_prose = next((i for i, line in enumerate(lines) if is_prose(line) and not is_boilerplate(line)), None)
    if first_prose is None:  # no paragraph of prose: keep what is not obviously furniture
        kept = [line for line in lines if not is_boilerplate(line)]
        return Cleaned(text="\n\n".join(kept), removed=[line for line in lines if line not in kept])

    header = lines[:first_prose]
    candidates = [
        line
        for line in header
        if 2 <= len(line.split()) <= 22
        and not (is_boilerplate(line) or is_menu(line) or date_line(line) or is_name(line) or _byline_name(line))
    ]
    # The headline is the longest such line; site names, taglines and section labels are shorter.
    title = max(candidates, key=lambda line: len(line.split()), default=None)

    # The body runs from the first paragraph to the first line that only ever follows an article.
    end = len(lines)
    prose_seen = 0
    for i in range(first_prose, len(lines)):
        line = lines[i]
        if prose_seen >= 2 and ends_article(line):
            end = i
            break
        if prose_seen >= 3 and date_line(line) and i + 1 < len(lines) and _later_dates(lines[i + 1 :]):
            end = _related_start(lines, i)
            break
        prose_seen += is_prose(line)
    # Byline and date sit just above the body or just inside its top (after a standfirst).
    top = range(max(0, first_prose - 6), min(end, first_prose + 8))
    authors: list[str] = []
    published: str | None = None
    outlet: str | None = None
    byline: set[int] = set()
    for i in top:
        line = lines[i]
        match = date_line(line)
        if match and published is None:
            published = parse_date(line)
            outlet = match.group("outlet")
            byline.add(i)
            for j in (i - 1, i - 2, i + 1):
                if 0 <= j < len(lines) and j in top and not is_boilerplate(lines[j]):
                    name = lines[j] if is_name(lines[j]) else _byline_name(lines[j])
                    if name:
                        authors.append(_strip_by(name))
                        byline.add(j)
                        break
        elif re.match(r"^(?:by|written by)\s+", line, re.IGNORECASE) and len(line.split()) <= 8:
            authors.extend(_split_names(_strip_by(line)))
            byline.add(i)

    end = next((i for i in range(first_prose + 3, end) if is_bio(lines[i], authors)), end)
    body: list[str] = []
    removed = [line for line in header if line != title]
    for i in range(first_prose, end):
        line = lines[i]
        if i in byline or is_boilerplate(line) or date_line(line) or (not is_prose(line) and is_caption(line)):
            removed.append(line)
        else:
            body.append(line)
    removed += lines[end:]
    if published is None:
        credit = next((line for line in lines[end:] if ends_article(line) and parse_date(line)), None)
        published = parse_date(credit) if credit else None
    return Cleaned(
        text="\n\n".join(body),
        title=title,
        authors=list(dict.fromkeys(authors)),
        published=published,
        outlet=outlet.strip() if outlet else None,
        removed=removed,
    )


def _later_dates(rest: list[str]) -> bool:
    """Another date line follows: a list of dated teasers, not a date mentioned once in the body."""
    return any(date_line(line) for line in rest[:6])


def _byline_name(line: str) -> str | None:
    """The name in a byline with a role after it ("Jane Doe, Senior Fellow, Americas Program")."""
    first, _, rest = line.partition(",")
    return first.strip() if rest and is_name(first) and len(line.split()) <= 10 else None


def _strip_by(line: str) -> str:
    return re.sub(r"^(?:by|written by|posted by)\s+", "", line.strip(), flags=re.IGNORECASE).strip(" ,.")


def _split_names(value: str) -> list[str]:
    return [name.strip() for name in re.split(r",|\band\b|&", value) if name.strip()]
