"""Plain-text web captures: keep the article (body and subheadings), cut the page furniture around it.

Each line is classed and weighed (`capture_lines.py`); the article is the run of lines with the most prose
weight that crosses no end-of-article line (a credit, a comment prompt). Inside it, bylines, date lines,
captions, related lists and share bars are cut. Title, authors and date come from the byline block nearest the
top of that run and the headline above it (`capture_meta.py` reads dates and names).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bilateral.clean.capture_lines import FURNITURE, META, PROSE_WORDS, Kind, classify, paragraphs, weight
from bilateral.clean.capture_meta import (
    DateLine,
    byline_names,
    date_author,
    date_line,
    date_outlet,
    leading_date,
    masthead,
    names_only,
    outlet_case,
    parse_date,
    role_name,
    title_site,
)
from bilateral.model import Cleaned

__all__ = ["clean_capture", "parse_date"]

FAIR_SHARE = 0.25
ARTICLE_WEIGHT = 400  # characters of prose: less is a standfirst or a blurb, not an article
TOP = 8  # lines at the top of the article where a byline or a date line may sit (after a standfirst)


def densest_run(lines: list[str], kinds: list[Kind]) -> tuple[int, int] | None:
    """The article's run of lines [start, end): the heaviest run that holds no end-of-article line.

    End lines (credits, comment prompts) split the capture into stretches. What follows the article's end can
    outweigh it (a long comment thread), so the first stretch whose heaviest run is a fair share of the
    heaviest anywhere wins, not simply the heaviest.
    """
    stretches: list[tuple[float, int, int]] = []
    best: tuple[float, int, int] | None = None
    total, start = 0.0, 0
    for i, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        if kind is Kind.END:
            if best:
                stretches.append(best)
            best, total, start = None, 0.0, i + 1
            continue
        if total <= 0:
            total, start = 0.0, i
        total += weight(line, kind)
        if total > 0 and (best is None or total > best[0]):
            best = (total, start, i + 1)
    if best:
        stretches.append(best)
    if not stretches:
        return None
    heaviest = max(mass for mass, _, _ in stretches)

    def article(stretch: tuple[float, int, int]) -> bool:
        mass, first, last = stretch
        paragraphs = sum(kinds[i] is Kind.PROSE for i in range(first, last))
        return mass == heaviest or (mass >= FAIR_SHARE * heaviest and (paragraphs >= 3 or mass >= ARTICLE_WEIGHT))

    chosen = next(stretch for stretch in stretches if article(stretch))
    return chosen[1], chosen[2]


def _teaser_list(kinds: list[Kind], start: int, end: int) -> int:
    """Where a list of dated teasers (headline, teaser, author, date; repeated) begins in or just after the run,
    if one does (the run is then cut there), else end."""
    prose = 0
    for i in range(start + 1, min(len(kinds), end + 4)):
        if prose >= 2 and _dated_teaser(kinds, i) and any(_dated_teaser(kinds, j) for j in range(i + 2, i + 9)):
            first = i - 1
            if first - 1 > start and kinds[first - 1] in (Kind.PROSE, Kind.SENTENCE):
                first -= 1
            if first - 1 > start and kinds[first - 1] is not Kind.PROSE:
                first -= 1
            return min(first, end)
        prose += kinds[i] is Kind.PROSE
    return end


def _dated_teaser(kinds: list[Kind], i: int) -> bool:
    """A teaser's author and date: a name line, then a date line at i."""
    return 0 < i < len(kinds) and kinds[i] is Kind.DATE and kinds[i - 1] is Kind.NAME


def _before(kinds: list[Kind], start: int, block: tuple[int, int] | None) -> int:
    """Where the article starts when paragraphs sit between its byline and its densest run, cut off from it
    only by a related box, a share bar or a caption: the first such paragraph, else start."""
    if block is None or block[1] >= start:
        return start
    first = start
    for i in range(start - 1, block[1], -1):
        if kinds[i] is Kind.PROSE:
            first = i
        elif kinds[i] in (Kind.END, Kind.NAME):
            break
    return first


def _bio(line: str, authors: list[str]) -> bool:
    """An author's bio after the article: "Jane Doe is a reporter …", "Jane covers …"."""
    names = {part for author in authors for part in (author, author.split()[0])}
    verbs = r"\s+(?:is|was|has|covers|writes|reports|works|teaches|lives|leads|holds)\b"
    return any(re.match(re.escape(name) + verbs, line) for name in names)


@dataclass
class Byline:
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    outlet: str | None = None
    lines: set[int] = field(default_factory=set)


def byline_block(kinds: list[Kind], start: int, end: int) -> tuple[int, int] | None:
    """The bylines and date lines [first, last] that belong to the article: the group nearest its top.

    Captures put them under the headline, above the article or just inside it (after a standfirst); a group far
    above, past a related list, belongs to something else, and the nearest group wins.
    """
    marks = [i for i in range(max(0, start - 30), min(end, start + TOP)) if kinds[i] in META]
    groups: list[list[int]] = []
    for i in marks:
        if groups and i - groups[-1][1] <= 4:
            groups[-1][1] = i
        else:
            groups.append([i, i])
    # A run of dated teasers (headline, date, headline, date …) is a list of other articles, not a byline.
    groups = [group for group in groups if sum(kinds[i] is Kind.DATE for i in range(group[0], group[1] + 1)) <= 2]
    if not groups:
        return None
    # Inside the article a block must be near its top: count its distance double.
    first, last = min(groups, key=lambda group: start - group[1] if group[1] < start else 2 * (group[0] - start))
    return first, last


def read_byline(lines: list[str], kinds: list[Kind], block: tuple[int, int], limit: int) -> Byline:
    """Authors, date and outlet from a block of bylines and date lines (and a bare name beside them)."""
    found = Byline()
    dates: list[DateLine] = []
    first, last = block
    for i in range(first, last + 1):
        line, kind = lines[i], kinds[i]
        names: list[str] = []
        if kind is Kind.DATE:
            parsed = date_line(line)
            if parsed:
                dates.append(parsed)
                names = date_author(parsed)
                found.outlet = found.outlet or date_outlet(parsed)
        elif kind is Kind.BYLINE:
            names, outlet = byline_names(line)
            found.outlet = found.outlet or outlet
        elif kind is Kind.LABEL and i + 1 < len(lines) and re.match(r"^(?:by|written by|authors?)\b", line, re.I):
            following = lines[i + 1]
            names, outlet = byline_names(_date_free(following) if kinds[i + 1] is Kind.DATE else following)
            if names:
                found.lines.add(i + 1)
                found.outlet = found.outlet or outlet
        if kind in META:
            found.lines.add(i)
        found.authors += names
    if not found.authors:
        # A bare name (or names, or a name with a role) right beside the block is the author's.
        for j in (*_beside(kinds, first, -1, limit), *_beside(kinds, last, 1, limit)):
            names = byline_names(lines[j])[0] if names_only(lines[j]) else []
            name = role_name(lines[j])
            if names or name:
                found.authors += names or [name or ""]
                found.lines.add(j)
                break
    stated = [parsed for parsed in dates if not parsed.updated] or dates
    found.published = stated[0].iso if stated else None
    found.authors = list(dict.fromkeys(found.authors))
    return found


def _beside(kinds: list[Kind], i: int, step: int, limit: int) -> list[int]:
    """The first line past i (going up or down) that is not a share bar or a label, when it is a name's kind."""
    j = i + step
    while 0 <= j < limit and kinds[j] in (Kind.BOILERPLATE, Kind.LABEL):
        j += step
    return [j] if 0 <= j < limit and kinds[j] in (Kind.NAME, Kind.HEADING) else []


def _date_free(line: str) -> str:
    """A date line without its date ("Joseph Tsidulko November 19, 2019" → "Joseph Tsidulko")."""
    parsed = date_line(line)
    return re.split(r"\s{2,}|\s+(?=\S*\d)", parsed.rest.strip(" ,|-"))[0] if parsed else line


BULLET = re.compile(r"^[■□▪▫●○◆◇►▶•·*–—-]\s")


def _headline(line: str, kind: Kind) -> bool:
    """A line that can be a headline: a heading of a few words or more, or one exclaimed or asked sentence. A
    line read as a photo caption may be one too ("Minister arrives in Seoul for talks"): where it stands says
    which."""
    words = line.split()
    return (
        not BULLET.match(line)  # "■ Says the changes demand more unity": a point under the headline, not it
        and kind in (Kind.HEADING, Kind.NAME, Kind.SENTENCE, Kind.CAPTION)
        and 3 <= len(words) <= 30
        and len(line) >= 15
        and not re.search(r"[,/|:;–—-]$", line)
        and not line.isupper()
    )


def title_above(lines: list[str], kinds: list[Kind], last: int, taken: set[int]) -> int | None:
    """The headline over a byline block: the first heading above its last line, past a standfirst, credits
    and the names and affiliations of the byline."""
    prose = 0
    named: int | None = None  # a short title-case headline reads like names: the last resort
    for i in range(last, max(-1, last - 10), -1):
        kind = kinds[i]
        if kind is Kind.RELATED:
            break
        if i in taken or (kind in FURNITURE and kind not in (Kind.NAME, Kind.CAPTION)):
            continue
        if names_only(lines[i]):
            named = i if named is None and _headline(lines[i], Kind.HEADING) else named
            continue
        if kind in (Kind.PROSE, Kind.SENTENCE) and re.search(r"\.[\"'”’»)]*$", lines[i]):
            if prose == 2:
                break
            prose += 1  # a standfirst between headline and byline
            continue
        if _headline(lines[i], kind):
            return i
    return named


def title_near(lines: list[str], kinds: list[Kind], start: int, taken: set[int]) -> int | None:
    """Without a byline: a heading-like line close above the article, nearer, longer and repeated preferred.

    Lines under a related-list heading are that list's items, not the headline.
    """
    scored: list[tuple[float, int]] = []
    distance = 0
    for i in range(start - 1, max(-1, start - 60), -1):
        line, kind = lines[i], kinds[i]
        if kind is Kind.RELATED:
            scored, distance = [], 0
            continue
        if i in taken or kind not in (Kind.HEADING, Kind.NAME, Kind.SENTENCE, Kind.CAPTION):
            continue
        if not _headline(line, Kind.HEADING):
            distance += 1
            continue
        score = min(len(line.split()), 10) - 2.5 * distance
        score -= 4 * (kind is Kind.NAME) + 2 * (kind in (Kind.SENTENCE, Kind.CAPTION)) + 3 * line[0].islower()
        score += 3 * (sum(other == line for other in lines) > 1)
        # a headline right above a longer line that runs on (a standfirst: "X demands Y, as Z escalates") is
        # the headline of that standfirst
        below = scored[-1] if scored and scored[-1][1] == i + 1 else None
        if below and _standfirst(lines[i + 1], line):
            score = max(score, below[0] + 1)
        scored.append((score, i))
        distance += 1
        if distance >= 8:
            break
    return max(scored)[1] if scored else None


def _cut_off(line: str) -> bool:
    """A paragraph cut off mid-sentence where a capture ends: many words, a lower-case last word, no stop."""
    words = line.split()
    return len(words) >= PROSE_WORDS and words[-1][:1].islower() and words[-1][-1:].isalpha()


def _standfirst(line: str, above: str) -> bool:
    """A line that reads as the standfirst under the headline above it: longer by half again, in sentence case,
    with a clause (a comma) in it."""
    words, headline = line.split(), above.split()
    capitalised = sum(word[:1].isupper() for word in words[1:])
    return len(words) >= 1.5 * len(headline) and "," in line and capitalised <= len(words) / 3


_MASTHEAD_KINDS = {Kind.NAME, Kind.HEADING}  # a site's name above its menu reads as a name or a heading


MONTH_LABEL = re.compile(r"^\s*(?:date|dated)\s*:?\s*\d{4}-\d\d(?![\d-])\s+", re.IGNORECASE)


def _leading_dates(lines: list[str]) -> tuple[list[str], str | None, list[str]]:
    """The lines with a date that opens one of the first paragraphs taken off (a labelled date, a dateline with
    a date): (lines, the first such date, what was taken off)."""
    found: str | None = None
    taken: list[str] = []
    kept = list(lines)
    for i, line in enumerate(lines[:TOP]):
        if month := MONTH_LABEL.match(line):  # "date 2021-10 …": a month says no day of publication
            taken.append(month.group().strip())
            kept[i] = line = line[month.end() :]
        opening = leading_date(line)
        if opening:
            iso, said, kept[i] = opening
            found = found or iso
            taken.append(said)
    return kept, found, taken


# A Markdown heading ("# Headline", "## Section"): the level-one heading is the title.
MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*$")


def _markdown(lines: list[str]) -> tuple[list[str], int | None]:
    """The lines with Markdown heading marks taken off, and where the first level-one heading stands."""
    h1: int | None = None
    out = []
    for i, line in enumerate(lines):
        heading = MARKDOWN_HEADING.match(line)
        if heading:
            h1 = i if h1 is None and len(heading[1]) == 1 else h1
            line = heading[2]
        out.append(line)
    return out, h1


def clean_capture(text: str) -> Cleaned:
    lines, opening_date, taken = _leading_dates(paragraphs(text))
    lines, h1 = _markdown(lines)
    kinds = [classify(line) for line in lines]
    run = densest_run(lines, kinds)
    if run is None:  # no paragraph of prose: keep what is not obviously furniture
        kept = [line for line, kind in zip(lines, kinds, strict=True) if kind not in FURNITURE | {Kind.END}]
        return Cleaned(text="\n\n".join(kept), removed=[line for line in lines if line not in kept])
    start, end = run
    # A short last paragraph ("That goes a long way.") weighs little but is still the article, and so is a
    # list that a paragraph introduces ("The tour dates:").
    while end < len(lines) and kinds[end] is Kind.SENTENCE:
        end += 1
    if end == len(lines) - 1 and kinds[end - 1] is Kind.PROSE and _cut_off(lines[end]):
        end += 1  # the capture stops mid-sentence: its last paragraph is still the article's
    if lines[end - 1].endswith(":") or (end < len(lines) and kinds[end] is Kind.HEADING and lines[end].endswith(":")):
        end += not lines[end - 1].endswith(":")
        while end < len(lines) and kinds[end] in (Kind.HEADING, Kind.SENTENCE, Kind.PROSE):
            end += 1
    end = _teaser_list(kinds, start, end)

    block = byline_block(kinds, start, end)
    start = _before(kinds, start, block)
    meta = read_byline(lines, kinds, block, end) if block else Byline()
    title_at = title_above(lines, kinds, max(meta.lines | {block[1]}), meta.lines) if block else None
    if h1 is not None and h1 < start:
        title_at = h1
    if title_at is None:
        title_at = title_near(lines, kinds, start, meta.lines)
    title, site = title_site(lines[title_at]) if title_at is not None else (None, None)

    end = next((i for i in range(start + 3, end) if _bio(lines[i], meta.authors)), end)
    if end < len(lines) and kinds[end - 1] is Kind.NAME and end - 1 > start:
        end -= 1  # the author's name over the bio
    body = _body(lines, kinds, (start, end), meta.lines, lines[title_at] if title_at is not None else None)
    in_body = set(body)
    published = meta.published or opening_date
    if published is None:
        # Only a credit dates the piece ("First published on 3 May 2019 by …"): the nearest we have.
        credits = (line for line, kind in zip(lines[end:], kinds[end:], strict=True) if kind is Kind.END)
        published = next((parse_date(line) for line in credits if parse_date(line)), None)
    top = masthead(lines[0]) if start > 0 and title_at != 0 and kinds[0] in _MASTHEAD_KINDS else None
    return Cleaned(
        text="\n\n".join(lines[i] for i in body),
        title=title,
        authors=meta.authors,
        published=published,
        outlet=outlet_case(meta.outlet) if meta.outlet else top or site,
        removed=taken + [line for i, line in enumerate(lines) if i not in in_body and i != title_at],
    )


def _body(lines: list[str], kinds: list[Kind], run: tuple[int, int], byline: set[int], title: str | None) -> list[int]:
    """Indices of the article's lines in the run: furniture inside it is dropped."""
    body: list[int] = []
    in_list = False
    for i in range(*run):
        kind = kinds[i]
        if kind is Kind.RELATED:
            in_list = True  # its items follow, up to the next paragraph
            continue
        if kind is Kind.PROSE:
            in_list = False
        if in_list or i in byline or lines[i] == title:
            continue
        if kind in FURNITURE - {Kind.NAME} or (kind is Kind.NAME and _beside_byline(kinds, i)):
            continue
        body.append(i)
    return body


def _beside_byline(kinds: list[Kind], i: int) -> bool:
    near = kinds[max(0, i - 2) : i] + kinds[i + 1 : i + 3]
    return any(kind in META for kind in near)
