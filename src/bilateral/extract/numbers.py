"""The number parser: finds quantities in text ("$3.5 billion", "nearly 3,000 km", "twice as many") and
normalises them to a value, a unit (ISO 4217 code or a unit word) and an approximation word. Years, times,
ordinals, ages, list numbering, phone numbers and numbers inside names are not quantities.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

Doc = Any

WORD_VALUES = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12,
}  # fmt: skip
SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
    "trillion": 1e12, "tn": 1e12,
}  # fmt: skip
# "m"/"b" only count as scales glued to a number after a currency sign ("$5m"), never as metres
SHORT_SCALES = {"k", "m", "b", "bn", "mn", "tn"}
SYMBOLS = {"us$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "mx$": "MXN", "c$": "CAD"}
CODES = {"usd", "eur", "mxn", "gbp", "cad", "jpy", "cny"}
UNIT_WORDS = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pesos": "MXN", "peso": "MXN",
    "pounds sterling": "GBP", "percent": "percent", "per cent": "percent", "%": "percent",
    "percentage points": "percentage point", "km": "km", "kilometers": "km", "kilometres": "km", "miles": "mile",
    "mile": "mile", "tons": "ton", "tonnes": "ton", "barrels": "barrel", "times": "times",
    "square miles": "square mile", "hectares": "hectare", "acres": "acre", "kg": "kg", "kilograms": "kg",
    "pounds": "pound", "feet": "foot", "meters": "metre", "metres": "metre", "inches": "inch",
    "gallons": "gallon", "metric tons": "ton", "gigawatts": "GW", "megawatts": "MW", "bushels": "bushel",
}  # fmt: skip
APPROX = {
    "about": "about", "around": "about", "roughly": "about", "approximately": "about", "some": "about",
    "an estimated": "about", "estimated": "about", "nearly": "nearly", "almost": "almost", "close to": "nearly",
    "up to": "up to", "as many as": "up to", "at most": "up to", "no more than": "up to", "at least": "at least",
    "more than": "more than", "over": "more than", "upwards of": "more than", "in excess of": "more than",
    "less than": "less than", "fewer than": "less than", "under": "less than", "below": "less than",
    "just over": "more than", "just under": "less than", "above": "more than",
}  # fmt: skip
VAGUE = {"dozens": (12.0, "dozens"), "hundreds": (100.0, "hundreds"), "thousands": (1000.0, "thousands"),
         "millions": (1e6, "millions"), "billions": (1e9, "billions")}  # fmt: skip
NON_FIGURE_LABELS = {"DATE", "TIME", "ORDINAL"}
NAME_LABELS = {"ORG", "PRODUCT", "LAW", "EVENT", "WORK_OF_ART", "FAC", "PERSON", "NORP", "GPE"}


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# words join with hyphens ("twenty-five") or before a scale word ("two hundred"), never "three four"
_WORDNUM = rf"(?:{_alt(WORD_VALUES)})(?:-(?:{_alt(WORD_VALUES)})|\s+(?:hundred|thousand)(?![\w-]))*"
PATTERN = re.compile(
    rf"(?<![\w$€£.,:/-])"
    rf"(?:(?P<approx>{_alt(APPROX)})\s+)?"
    rf"(?:(?P<between>between)\s+)?"
    rf"(?P<symbol>{_alt(SYMBOLS)}|(?:{_alt(c.upper() for c in CODES)})\s?)?"
    rf"(?:(?P<num>{_NUM})|(?P<a>an?\s+)?(?P<word>{_WORDNUM}|one(?=\s+(?:million|billion|trillion|thousand|"
    rf"hundred)))(?![\w-]))"
    rf"(?:\s*(?P<scale>million|billion|trillion|thousand|bn|mn|tn)\b|(?P<short>[kmb])\b)?"
    rf"(?:\s*(?:-|–|to|and)\s*(?P<high>{_NUM})(?:\s*(?:million|billion|trillion|thousand))?)?"
    rf"(?:\s*(?P<unit>{_alt(UNIT_WORDS)})(?![\w]))?"
    rf"(?:\s+(?P<code>{_alt(c.upper() for c in CODES)})\b)?",
    re.IGNORECASE,
)
TWICE = re.compile(r"(?<!\w)(?P<word>twice|three times|four times|five times|ten times|double)\s+(?:as|the)\b", re.I)
HALF = re.compile(rf"(?<!\w)(?:(?P<approx>{_alt(APPROX)})\s+)?half an?\s+(?P<scale>million|billion|trillion)\b", re.I)
VAGUE_PATTERN = re.compile(rf"(?<!\w)(?P<word>{_alt(VAGUE)})\s+of\b", re.I)
AGE = re.compile(r"^\s*-?\s*(?:year|yr)s?[- ]old|^\s*years?\s+old|^-year", re.I)
TIME_AFTER = re.compile(r"^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|:\d)", re.I)
DURATION = re.compile(r"^\s*-?\s*(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries)\b", re.I)
DEFINITE = re.compile(r"\b(?:the|these|those|its|their|his|her|our|my|your|all|each|every|first|last|next)\s+$", re.I)
NAME_BEFORE = re.compile(
    r"(?:\b(?:title|section|article|chapter|no\.|number|route|highway|flight|resolution|rule|phase|room|item|"
    r"step|paragraph|clause|page|vol\.|volume|part|act|bill|hr|h\.r\.|s\.|level|grade|class|model|version|"
    r"covid|sars|g|p|f|c|a|b|u)\s*[-.]?\s*)$",
    re.I,
)


@dataclass(frozen=True)
class Quantity:
    """One number found in text: `text[start:end]` is the phrase, `value` its normalised value."""

    value: float
    start: int
    end: int
    text: str
    unit: str | None = None
    approx: str = "exact"
    high: float | None = None  # the top of a range ("between 5,000 and 6,000"); value is the bottom


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _words(text: str) -> float:
    total, current = 0.0, 0.0
    for word in re.split(r"[- ]+", text.lower()):
        value = WORD_VALUES.get(word, 1)  # "one" only reaches here before a scale word
        if word in {"hundred"}:
            current = max(current, 1.0) * 100
        elif word == "thousand":
            total += max(current, 1.0) * 1000
            current = 0.0
        else:
            current += value
    return total + current


def _unit(match: re.Match[str]) -> str | None:
    if match["symbol"]:
        symbol = match["symbol"].strip().lower()
        return SYMBOLS.get(symbol) or symbol.upper()
    if match["code"]:
        return match["code"].upper()
    if match["unit"]:
        return UNIT_WORDS[match["unit"].lower()]
    return None


def _is_year(match: re.Match[str], text: str) -> bool:
    num = match["num"]
    if not num or not re.fullmatch(r"\d{4}", num) or match["symbol"] or match["scale"] or match["short"]:
        return False
    return 1500 <= int(num) <= 2100 and not (match["unit"] and match["unit"].lower() not in {"%"})


def _excluded(match: re.Match[str], text: str) -> bool:
    start, end = match.start(), match.end()
    before, after = text[max(0, start - 24) : start], text[end : end + 16]
    if match["num"] and not match["symbol"]:
        if _is_year(match, text) or AGE.match(after) or TIME_AFTER.match(after):
            return True
        if re.match(r"^(?:st|nd|rd|th)\b", after) or re.match(r"^[-./]\d", after) or re.search(r"\d[-./(]$", before):
            return True
        # a measure used as an adjective ("a 16-inch screen", "5-gallon bottles") describes, it does not count
        if re.match(r"^-[A-Za-z]", after) and not match["unit"]:
            return True
        # a digit run glued to letters is a name or a code ("5G", "90s", "3D"), not a count
        if re.match(r"^[A-Za-z]", after) and not (match["unit"] or match["scale"] or match["short"] or match["code"]):
            return True
        if NAME_BEFORE.search(before) and not match["approx"]:
            return True
        # list numbering: a number opening a line and followed by "." or ")"
        if re.search(r"(?:^|\n)\s*$", before) and re.match(r"^[.)]\s", after):
            return True
    # durations ("over four years", "less than three weeks") say how long, not how many: periods, not figures
    if DURATION.match(after) and not (match["symbol"] or match["scale"] or match["short"]):
        return True
    plain_word = match["word"] and not (match["scale"] or match["unit"] or match["symbol"] or match["approx"])
    # "the two countries", "their three rounds": a reference to things already named, not a claim
    if plain_word and DEFINITE.search(before):
        return True
    return bool(match["word"] and AGE.match(after))


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in plain text, without the help of a parse (see `doc_quantities` for the full filter)."""
    found: list[Quantity] = []
    for match in PATTERN.finditer(text):
        if not (match["num"] or match["word"]) or _excluded(match, text):
            continue
        short = (match["short"] or "").lower()
        if short and not (match["symbol"] or match["code"]):
            continue
        value = _number(match["num"]) if match["num"] else _words(match["word"])
        scale_word = (match["scale"] or short).lower()
        scale = SCALES.get(scale_word, 1.0)
        high = _number(match["high"]) * scale if match["high"] else None
        if high is not None and high <= value and not match["between"]:
            continue  # "4-1" or "5-4" are scores, not ranges nor figures
        approx = APPROX[re.sub(r"\s+", " ", match["approx"].lower())] if match["approx"] else "exact"
        if high is not None:
            approx = "range"
        end = match.end() if (high is not None or not match["high"]) else match.start("high") - 1
        found.append(Quantity(value * scale, match.start(), end, text[match.start() : end].rstrip(" -–"),
                              _unit(match), approx, high))  # fmt: skip
    for match in HALF.finditer(text):
        approx = APPROX[re.sub(r"\s+", " ", match["approx"].lower())] if match["approx"] else "exact"
        value = 0.5 * SCALES[match["scale"].lower()]
        found.append(Quantity(value, match.start(), match.end(), match[0], None, approx))
    for match in TWICE.finditer(text):
        word = match["word"].lower()
        value = 2.0 if word in {"twice", "double"} else _words(word.split()[0])
        found.append(Quantity(value, match.start(), match.end("word"), match["word"], "times", "exact"))
    for match in VAGUE_PATTERN.finditer(text):
        value, _ = VAGUE[match["word"].lower()]
        found.append(Quantity(value, match.start(), match.end("word"), match["word"], None, match["word"].lower()))
    found.sort(key=lambda q: (q.start, -q.end))
    kept: list[Quantity] = []
    for quantity in found:
        if kept and quantity.start < kept[-1].end:
            continue
        kept.append(quantity)
    return kept


def parse_quantity(phrase: str) -> Quantity | None:
    """The first quantity in a short phrase, or None: handy for tests and for reading gold values."""
    found = find_quantities(phrase)
    return found[0] if found else None


def _inside_name(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    for ent in doc.ents:
        if ent.start < span.end and span.start < ent.end:
            if ent.label_ in NON_FIGURE_LABELS:
                return True
            if ent.label_ in NAME_LABELS and any(t.is_alpha and t.text[:1].isupper() for t in ent if t.i < span.start):
                return True
    return False


def _names_a_model(doc: Doc, quantity: Quantity) -> bool:
    """A bare number that modifies a proper noun is part of a name ("Series 3", "GTX 1060", "Route 66")."""
    span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token = span[-1]
    return bool(token.head.pos_ == "PROPN" and token.head.i < token.i and token.head.ent_type_ not in {"DATE"})


def doc_quantities(doc: Doc) -> list[Quantity]:
    """Quantities in a parsed document: the text patterns, minus those spaCy sees as dates, times, ordinals or
    parts of names. A currency, a scale word or a unit outweighs a DATE label (spaCy tags "$4 billion in 2021"
    as one date now and then)."""
    kept = []
    for quantity in find_quantities(doc.text):
        strong = quantity.unit is not None or quantity.approx not in {"exact"} or quantity.value >= 1e6
        if not strong and (_inside_name(doc, quantity.start, quantity.end) or _names_a_model(doc, quantity)):
            continue
        kept.append(quantity)
    return kept
