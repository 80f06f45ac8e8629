"""Lines of a plain-text capture, each classed (prose, heading, share bar, credit, byline, date line, caption,
related-list heading, end-of-article line …) and weighed for the search for the article in `capture.py`.
Phrase patterns come from the `boilerplate` knowledge pack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cache

from bilateral.clean.capture_meta import SENTENCE_END, byline, date_line, is_label, is_name
from bilateral.knowledge import builtin_packs, require

PROSE_WORDS = 12
# Weights of a line in the search for the article: prose counts its characters, furniture costs a fixed amount.
HEADING_COST = 20
FURNITURE_COST = 50
RELATED_COST = 300


# A sentence ending inside a line: not the period of an initial or a short title ("S. Korea", "U.S. Agree",
# "Mr. Moon"), which headlines are full of.
INNER_STOP = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\bMrs)[.!?。] |[!?。] ")


class Kind(Enum):
    PROSE = "prose"
    SENTENCE = "sentence"  # a short line that is a sentence: a short paragraph
    HEADING = "heading"  # a short line that is not a sentence: a subheading, a title, a menu item
    NAME = "name"
    DATE = "date"
    BYLINE = "byline"
    LABEL = "label"
    CAPTION = "caption"
    MENU = "menu"
    BOILERPLATE = "boilerplate"
    RELATED = "related"  # a heading over a list of other articles; the article may go on after it
    END = "end"  # only ever follows an article


FURNITURE = {Kind.NAME, Kind.DATE, Kind.BYLINE, Kind.LABEL, Kind.CAPTION, Kind.MENU, Kind.BOILERPLATE}
META = (Kind.DATE, Kind.BYLINE, Kind.LABEL)  # the lines of a byline block


@dataclass(frozen=True)
class Patterns:
    line: tuple[re.Pattern[str], ...]
    related: tuple[re.Pattern[str], ...]
    end: tuple[re.Pattern[str], ...]
    caption: re.Pattern[str]


@cache
def patterns() -> Patterns:
    line: list[re.Pattern[str]] = []
    related: list[re.Pattern[str]] = []
    end: list[re.Pattern[str]] = []
    verbs: list[str] = []
    for pack in builtin_packs().of_kind("boilerplate"):
        where = str(pack.path)
        line += [re.compile(p, re.IGNORECASE) for p in require(pack.data, "line", list, where=where)]
        related += [re.compile(p, re.IGNORECASE) for p in require(pack.data, "related", list, where=where, default=[])]
        end += [re.compile(p, re.IGNORECASE) for p in require(pack.data, "end", list, where=where)]
        verbs += require(pack.data, "caption", list, where=where)
    caption = re.compile(r"^\S.{0,80}?\s(?:" + "|".join(re.escape(v) for v in verbs) + r")\s\S", re.IGNORECASE)
    return Patterns(tuple(line), tuple(related), tuple(end), caption)


def _parts(line: str) -> list[str]:
    """A bilingual or piped label ("Lecturas relacionadas / Related reading") is judged part by part."""
    parts = [part.strip() for part in re.split(r"\s+[/|]\s+", line) if part.strip()]
    return [line] + (parts if len(parts) > 1 and len(line.split()) <= 10 else [])


def _matches(line: str, rules: tuple[re.Pattern[str], ...]) -> bool:
    return any(rule.fullmatch(part) for part in _parts(line) for rule in rules)


def is_prose(line: str) -> bool:
    """A paragraph: enough words (or characters, for scripts without spaces) and a sentence's punctuation."""
    letters = [c for c in line if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) > 0.6 * len(letters):
        return False  # shouted promotions ("GET BREAKING NEWS IN YOUR BROWSER.")
    long = len(line.split()) >= PROSE_WORDS or (len(line) >= 60 and line.count(" ") < len(line) / 15)
    if _question(line):
        return False  # one question alone on its line is a headline more often than a paragraph
    return long and bool(SENTENCE_END.search(line) or INNER_STOP.search(line))


def _question(line: str) -> bool:
    return bool(re.search(r"\?[\"'”’»)]*$", line)) and not re.search(r"[.!?] +[A-Z“\"]", line)


def is_sentence(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return (
        len(line.split()) >= 2
        and bool(re.search(r"[.!。][\"'”’»)]*$", line))
        and sum(c.isupper() for c in letters) <= 0.6 * len(letters)
    )


def is_menu(line: str) -> bool:
    return line.count(" | ") >= 2 or bool(re.search(r"\S {3,}\S.* {3,}\S", line))


def is_caption(line: str) -> bool:
    return not SENTENCE_END.search(line) and len(line.split()) <= 20 and bool(patterns().caption.match(line))


def classify(line: str) -> Kind:
    rules = patterns()
    if _matches(line, rules.end):
        return Kind.END
    if _matches(line, rules.related):
        return Kind.RELATED
    if date_line(line):
        return Kind.DATE
    if is_label(line):
        return Kind.LABEL
    if byline(line):
        return Kind.BYLINE
    if _matches(line, rules.line):
        return Kind.BOILERPLATE
    if is_menu(line):
        return Kind.MENU
    if is_prose(line):
        return Kind.PROSE
    if is_caption(line):
        return Kind.CAPTION
    if is_name(line):
        return Kind.NAME
    return Kind.SENTENCE if is_sentence(line) else Kind.HEADING


def weight(line: str, kind: Kind) -> float:
    if kind is Kind.PROSE:
        return len(line)
    if kind is Kind.SENTENCE:
        return len(line) / 2
    if kind is Kind.RELATED:
        return -RELATED_COST
    return -FURNITURE_COST if kind in FURNITURE else -HEADING_COST


def paragraphs(text: str) -> list[str]:
    """Non-blank lines; hard-wrapped text (paragraphs broken into lines of similar length) is re-joined."""
    blocks = [block.splitlines() for block in re.split(r"\n\s*\n", text)]
    lines = [line for block in blocks for line in block if line.strip()]
    wrapped = [b for b in blocks if len([ln for ln in b if ln.strip()]) >= 3]
    if lines and sum(len(b) for b in wrapped) >= 0.6 * len(lines):
        inner = [line.strip() for block in wrapped for line in block[:-1] if line.strip()]
        lengths = sorted(len(line) for line in inner)
        # Wrapped at a width: no line much past it, most lines close to it, and the long ones broken mid-sentence
        # (a paragraph per line varies far more in length and ends its lines with a full stop).
        width = lengths[int(0.95 * (len(lengths) - 1))] if lengths else 0
        long = [line for line in inner if len(line) >= 0.6 * width]
        stopped = sum(bool(SENTENCE_END.search(line)) for line in long)
        median = lengths[len(lengths) // 2] if lengths else 0
        if lengths and median >= 40 and width <= 120 and median >= 0.6 * width and stopped <= 0.5 * len(long):
            return [" ".join(ln.strip() for ln in block if ln.strip()) for block in blocks if "".join(block).strip()]
    joined: list[str] = []
    for block in blocks:
        previous = ""
        for line in (ln.strip() for ln in block if ln.strip()):
            # A line that runs on from an unfinished one ("… making the rounds on social media," / "show …")
            if previous and line[0].islower() and not re.search(r"[.!?:;\"”]$", previous):
                previous = joined[-1] = previous + " " + line
            else:
                joined.append(line)
                previous = line
    return joined
