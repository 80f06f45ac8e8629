"""The number parser: finds amounts in text ("$3.5 billion", "nearly 3,000 km", "between $2 and $3 billion",
"a 45-minute meeting", "tens of thousands") and normalises each to a value, an optional top (`high`, for ranges
and vague magnitudes), a unit (ISO 4217 code, or a unit word such as "percent", "km", "day") and an
approximation word. Years, dates, times, ordinals, list numbering, phone numbers and numbers that are parts of
names or identifiers ("Section 301", "Phase 1", "G20") are not amounts.

The words live in the `numbers` knowledge pack; currencies are every ISO 4217 code (pycountry) with the English
names and symbols CLDR gives them (babel).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from bilateral.annotate.nlp import text_of
from bilateral.knowledge import builtin_packs, require

Doc = Any

NON_FIGURE_LABELS = {"DATE", "TIME", "ORDINAL"}
NAME_LABELS = {"ORG", "PRODUCT", "LAW", "EVENT", "WORK_OF_ART", "FAC", "PERSON", "NORP", "GPE"}


@dataclass(frozen=True)
class Quantity:
    """One amount found in text: `text[start:end]` is the phrase (offsets in characters), `value` its normalised
    value, `high` the top of a range or of a vague magnitude ("between 5,000 and 6,000", "hundreds of": value is
    the bottom), `unit` an ISO 4217 code or a unit word, `approx` "exact", an approximation word, "range" or the
    vague word ("hundreds")."""

    value: float
    start: int
    end: int
    text: str
    unit: str | None = None
    approx: str = "exact"
    high: float | None = None


@dataclass(frozen=True)
class Grammar:
    """The `numbers` pack compiled: word tables and the patterns built from them."""

    words: Mapping[str, float]
    multipliers: Mapping[str, float]
    scales: Mapping[str, float]
    currency_scales: Mapping[str, float]
    fractions: Mapping[str, float]
    approx: Mapping[str, str]
    vague: Mapping[str, tuple[float, float]]
    vague_counts: Mapping[str, tuple[float, float]]
    units: Mapping[str, str]
    shared_names: frozenset[str]  # currency names that are also English words ("won", "real")
    durations: frozenset[str]
    currency_symbols: Mapping[str, str]
    codes: frozenset[str]
    amount: re.Pattern[str]
    range_tail: re.Pattern[str]
    vague_pattern: re.Pattern[str]
    half: re.Pattern[str]
    unit_after: re.Pattern[str]
    definite: re.Pattern[str]
    identifier: re.Pattern[str]
    lone_period_thousands: bool = False  # "6.000" is six thousand (Spanish), not six (English)


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first; a space inside a phrase matches spaces or hyphens."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace("\\ ", r"[\s-]+") for w in ordered)


def _key(phrase: str) -> str:
    return re.sub(r"[\s-]+", " ", phrase.lower())


@cache
def currencies() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """(English name → ISO 4217 code, symbol → code, codes) for every current ISO 4217 currency.

    Names are CLDR's singular and plural English names ("South Korean won", "US dollars"); symbols are CLDR's
    English ones ("CA$", "₩"), kept where they hold a character other than an ASCII letter (letter-only symbols
    such as "kr" read as words). The `numbers` pack adds local symbols ("₽") and common abbreviations ("RMB")."""
    import pycountry
    from babel.numbers import get_currency_name, get_currency_symbol

    codes = frozenset(c.alpha_3 for c in pycountry.currencies)
    names: dict[str, str] = {}
    symbols: dict[str, str] = {}
    for code in sorted(codes):
        for count in (1, 2):
            name = get_currency_name(code, count, "en").lower()
            if name != code.lower() and "(" not in name:
                names.setdefault(name, code)
        symbol = get_currency_symbol(code, "en")
        if symbol != code and re.search(r"[^A-Za-z.]", symbol):
            symbols.setdefault(symbol.lower(), code)
    return names, symbols, codes


def _pairs(data: dict[str, Any], key: str, where: str) -> dict[str, tuple[float, float]]:
    table = require(data, key, dict, where=where)
    return {_key(str(k)): (float(v[0]), float(v[1])) for k, v in table.items()}


TABLES = ("words", "multipliers", "scales", "currency_scales", "fractions", "approx", "units", "currency_names",
          "currency_symbols")  # fmt: skip


@cache
def grammar(language: str = "en") -> Grammar:
    """The `numbers` packs for documents in `language` (ISO 639-1) merged (later packs win), compiled once per
    process and language."""
    tables: dict[str, dict[str, Any]] = {key: {} for key in (*TABLES, "vague", "vague_counts")}
    identifiers: list[str] = []
    definite: list[str] = []
    durations: set[str] = set()
    shared: set[str] = set()
    lone_period_thousands = False
    for pack in builtin_packs().for_language(language).of_kind("numbers"):
        where = str(pack.path)
        lone_period_thousands = bool(pack.data.get("lone_period_thousands", lone_period_thousands))
        for key in TABLES:
            tables[key].update({_key(str(k)): v for k, v in require(pack.data, key, dict, where=where).items()})
        tables["vague"].update(_pairs(pack.data, "vague", where))
        tables["vague_counts"].update(_pairs(pack.data, "vague_counts", where))
        identifiers += [str(w) for w in require(pack.data, "identifiers", list, where=where)]
        definite += [str(w).lower() for w in require(pack.data, "definite", list, where=where)]
        durations |= {str(w) for w in require(pack.data, "durations", list, where=where)}
        shared |= {_key(str(w)) for w in require(pack.data, "shared_currency_names", list, where=where)}
    names, symbols, codes = currencies()
    currency_symbols = symbols | {k: str(v) for k, v in tables["currency_symbols"].items()}
    units = {**names, **{k: str(v) for k, v in tables["currency_names"].items()}}
    units.update({k: str(v) for k, v in tables["units"].items()})
    floats = {key: {k: float(v) for k, v in tables[key].items()} for key in TABLES[:5]}
    words, multipliers, scales, currency_scales = (floats[k] for k in TABLES[:4])

    word = rf"(?:{_alt([*words, *multipliers])})"
    # words join with hyphens ("twenty-five") or around a multiplier ("two hundred", "five thousand three
    # hundred", "twenty one"), never "three four"; "a"/"an" stand for one only before a multiplier or a scale word
    units_digit = _alt(k for k, v in words.items() if v < 10)
    number_words = (
        rf"(?:an?(?=[\s-]+(?:{_alt([*multipliers, *scales])})\b)|{word})"
        rf"(?:-{word}(?![\w])|[\s-]+(?:{_alt(multipliers)})(?![\w])|(?:(?<=hundred)|(?<=thousand))\s+{word}(?![\w])"
        rf"|(?<=ty)\s+(?:{units_digit})(?![\w]))*"
    )
    # digits with the group separators of the major conventions: 1,234.5 / 1.234.567,8 / 1 234,5 / 1'234.5
    digits = (
        r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![,.]?\d)"
        r"|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?![,.]?\d)"
        r"|\d{1,3}(?:\.\d{3})+,\d+(?![,.]?\d)"
        r"|\d{1,3}(?:[\u2009\u202f\u00a0'’]\d{3})+(?:[.,]\d+)?(?!\d)"
        r"|\d{1,3}(?: \d{3}){2,}(?:[.,]\d+)?(?!\d)"
        r"|\d+(?:[.,]\d+)?"
    )
    symbol = rf"(?:{_alt(currency_symbols)})"
    code = rf"(?-i:{_alt(codes)})"
    scale = rf"(?:{_alt(scales)})"
    short = rf"(?:{_alt(currency_scales)})"
    unit = rf"(?:{_alt(units)})"
    fraction = rf"(?:{_alt(k for k in floats['fractions'] if k.isascii())})"
    # a symbol after the amount, as much of Europe writes it ("10.000,50 €", "500 ₽")
    after = rf"(?:{_alt(k for k in currency_symbols if not re.search(r'[a-z0-9]', k))})"

    def amount(p: str) -> str:
        return (
            rf"(?P<{p}sign>[-−](?=\d)|minus\s+)?"
            rf"(?P<{p}symbol>{symbol}\s?|{code}\s?)?"
            rf"(?:(?P<{p}num>{digits})(?P<{p}glyph>[½¼¾])?|(?P<{p}word>{number_words})(?![\w]))"
            rf"(?:[\s-]+(?P<{p}fraction>{fraction})(?![\w]))?"
            rf"(?:[\s-]*(?P<{p}scale>{scale})(?![\w])|(?P<{p}short>{short})(?![\w]))?"
            rf"(?:[\s-]*(?P<{p}unit>{unit})(?![\w])|\s?(?P<{p}after>{after}))?"
            rf"(?:\s+(?P<{p}code>{code})(?![\w]))?"
        )

    approx = _alt(tables["approx"])
    amount_pattern = re.compile(
        rf"(?<![\w$€£¥₩₹.,:/#-])(?:(?P<approx>{approx})\s+)?(?:(?P<between>between|from)\s+)?" + amount(""),
        re.IGNORECASE,
    )
    range_tail = re.compile(r"\s*(?P<sep>-|–|—|to|and|through)\s*" + amount("h"), re.IGNORECASE)
    vague_pattern = re.compile(
        rf"(?<![\w-])(?:(?P<count>{_alt(tables['vague_counts'])})\s+(?P<scale>{_alt([*multipliers, *scales])})"
        rf"|(?P<first>{_alt(tables['vague'])})(?:\s+of\s+(?P<second>{_alt(tables['vague'])}))?\s+of)(?![\w])",
        re.IGNORECASE,
    )
    half = re.compile(rf"(?<![\w-])(?:(?P<approx>{approx})\s+)?half\s+an?\s+(?P<scale>{scale})(?![\w])", re.I)
    unit_after = re.compile(rf"\s*(?P<unit>{unit})(?![\w])", re.IGNORECASE)
    definite_pattern = re.compile(rf"\b(?:{_alt(definite)})\s+$", re.IGNORECASE)
    cased = [w for w in identifiers if w != w.lower()]
    caseless = _alt(w for w in identifiers if w == w.lower())
    identifier = re.compile(rf"(?:^|[^\w.])(?:(?i:{caseless})|{_alt(cased)})\s*[-.#]?\s*$")
    return Grammar(
        words=words, multipliers=multipliers, scales=scales, currency_scales=currency_scales,
        fractions=floats["fractions"], approx={k: str(v) for k, v in tables["approx"].items()},
        vague=tables["vague"], vague_counts=tables["vague_counts"], units=units, shared_names=frozenset(shared),
        durations=frozenset(durations), currency_symbols=currency_symbols, codes=codes, amount=amount_pattern,
        range_tail=range_tail, vague_pattern=vague_pattern, half=half, unit_after=unit_after, definite=definite_pattern,
        identifier=identifier, lone_period_thousands=lone_period_thousands,
    )  # fmt: skip


def _digits(text: str, lone_period_thousands: bool = False) -> Decimal:
    """A digit string in any of the group conventions: the last separator is the decimal mark when another
    kind of separator comes before it, when fewer or more than three digits follow it, or when it is a lone
    period ("1.500" is one and a half, as English writes it) unless `lone_period_thousands` (Spanish: 1500)."""
    text = re.sub(r"[\u2009\u202f\u00a0'’ ]", "", text)
    marks = [c for c in text if c in ",."]
    if not marks:
        return Decimal(text)
    last = marks[-1]
    head, _, tail = text.rpartition(last)
    lone_period = marks.count(last) == 1 and last == "." and not lone_period_thousands
    if len(set(marks)) == 2 or len(tail) != 3 or lone_period:
        return Decimal(re.sub(r"[,.]", "", head) + "." + tail)
    return Decimal(re.sub(r"[,.]", "", text))  # "1,234" and "1.234.567": separators of thousands


def _words(text: str, g: Grammar) -> Decimal:
    total, current = Decimal(0), Decimal(0)
    for word in re.split(r"[-\s]+", text.lower()):
        if word in g.multipliers:
            multiplier = Decimal(str(g.multipliers[word]))
            if multiplier >= 1000:
                total += max(current, Decimal(1)) * multiplier
                current = Decimal(0)
            else:
                current = max(current, Decimal(1)) * multiplier
        elif word in {"a", "an"}:
            current = Decimal(1)
        elif word in g.words:
            current += Decimal(str(g.words[word]))
    return total + current


@dataclass(frozen=True)
class _Amount:
    value: Decimal
    scale: Decimal | None  # the scale word's value, when one was written
    unit: str | None
    start: int  # where the amount's own words begin (after an approximation word or "between")
    end: int


def _amount(match: re.Match[str], p: str, g: Grammar) -> _Amount | None:
    try:
        value = _digits(match[f"{p}num"], g.lone_period_thousands) if match[f"{p}num"] else _words(match[f"{p}word"], g)
    except InvalidOperation:
        return None
    fraction = match[f"{p}glyph"] or match[f"{p}fraction"]
    if fraction:
        value += Decimal(str(g.fractions[_key(fraction)]))
    symbol = (match[f"{p}symbol"] or "").strip().lower()
    short = (match[f"{p}short"] or "").lower()
    if short and not (symbol or match[f"{p}code"]):
        return None  # "5m" is five metres; "$5m" five million dollars
    word = (match[f"{p}scale"] or "").lower()
    scale = Decimal(str(g.scales[word] if word else g.currency_scales[short])) if word or short else None
    if scale is not None:
        value *= scale
    if match[f"{p}sign"]:
        value = -value
    symbol = symbol or (match[f"{p}after"] or "").strip().lower()
    unit = g.currency_symbols.get(symbol) or (symbol.upper() if symbol.upper() in g.codes else None)
    end = match.end()
    if not unit and match[f"{p}unit"]:
        name = _key(match[f"{p}unit"])
        if name in g.shared_names and scale is None and abs(value) < 1000:
            end = match.start(f"{p}unit")  # "in 2020 won", "3 real reasons": the word, not the currency
        else:
            unit = g.units[name]
    unit = unit or match[f"{p}code"] or None
    groups = ("sign", "symbol", "num", "word")
    start = next(match.start(f"{p}{name}") for name in groups if match[f"{p}{name}"] is not None)
    return _Amount(value, scale, unit, start, end)


def _number(value: Decimal) -> float:
    """A float without binary noise: 8.2 billion is 8200000000.0, not 8199999999.999999."""
    return float(str(value))


TIME_AFTER = re.compile(r"^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|:\d)", re.I)


def _excluded(match: re.Match[str], text: str, g: Grammar) -> bool:
    start, end = match.start(), match.end()
    before, after = text[max(0, start - 24) : start], text[end : end + 16]
    word = (match["word"] or "").lower()
    if word in {"one", "a", "an"} and not (match["scale"] or match["unit"] or match["symbol"] or match["code"]):
        return True  # a lone "one" is a pronoun ("one of them")
    if match["num"] and not (match["symbol"] or match["code"]):
        year = re.fullmatch(r"\d{4}", match["num"]) and 1500 <= int(match["num"]) <= 2100
        unit = match["unit"] and _key(match["unit"]) not in g.shared_names
        if (year and not (match["scale"] or unit)) or TIME_AFTER.match(after):
            return True
        if re.match(r"^(?:st|nd|rd|th)\b", after) or re.match(r"^[./]\d|^-\d+[-./]\d", after):
            return True  # ordinals, dates, section numbers, phone numbers
        if re.search(r"\d[-./(]$", before):
            return True
        # list numbering: a number opening a line and followed by "." or ")"
        if re.search(r"(?:^|\n)\s*$", before) and re.match(r"^[.)]\s", after):
            return True
    # "Section 301", "Group of 20", "Phase Two": after an identifier word, digits and capitalised words are names
    named = match["num"] or (match["word"] and match["word"][0].isupper() and not before.rstrip().endswith("."))
    measured = match["approx"] or match["symbol"] or match["scale"] or match["unit"]
    grouped = re.search(r"\d[,.'’\u2009\u202f\u00a0 ]\d{3}", match["num"] or "")  # "an army 100,000 strong"
    if named and not (measured or grouped) and g.identifier.search(before):
        return True
    plain_word = match["word"] and not (match["scale"] or match["unit"] or match["symbol"] or match["approx"])
    # "the two countries", "their three rounds": a reference to things already named, not a claim
    return bool(plain_word and g.definite.search(before))


def _glued(match: re.Match[str], text: str) -> bool:
    """A number run into letters that are no scale or unit ("5G", "90s", "3D") is a name or a code."""
    end = match.end("glyph") if match["glyph"] else match.end("num") if match["num"] else -1
    return end != -1 and end == match.end() and end < len(text) and (text[end].isalnum() or text[end] == "_")


def _range(match: re.Match[str], low: _Amount, text: str, g: Grammar) -> _Amount | None:
    """The top of a range written after the low end ("$2-3 billion", "between 5% and 7%", "20 to 25
    people"), or None. "from 15% to 30%" is a change, "$200 billion to 25%" two amounts (their units differ)."""
    if low.end != match.end():
        return None
    tail = g.range_tail.match(text, match.end())
    if tail is None:
        return None
    sep = tail["sep"].lower()
    between = (match["between"] or "").lower()
    if between == "from" or (sep == "and") != (between == "between"):
        return None
    if re.match(r"^[-./]\d|^(?:st|nd|rd|th)\b", text[tail.end() : tail.end() + 4]):
        return None
    high = _amount(tail, "h", g)
    if high is None or (low.unit and high.unit and low.unit != high.unit):
        return None
    return high


def find_quantities(text: str, language: str = "en") -> list[Quantity]:
    """Every amount in plain text in `language` (ISO 639-1), in order, without the help of a parse
    (`doc_quantities` adds the parse's filter). Offsets are characters of `text`; `text[q.start:q.end] == q.text`."""
    g = grammar(language)
    found: list[Quantity] = []
    position = 0
    while match := g.amount.search(text, position):
        position = match.end()
        if _excluded(match, text, g) or _glued(match, text):
            continue
        low = _amount(match, "", g)
        if low is None:
            continue
        position = low.end
        approx = g.approx[_key(match["approx"])] if match["approx"] else "exact"
        value, unit, high, end = low.value, low.unit, None, low.end
        top = _range(match, low, text, g)
        if top is not None:
            bottom = value
            if top.scale is not None and low.scale is None and value * top.scale <= top.value:
                bottom = value * top.scale  # "2-3 billion": the scale word serves both ends
            if bottom < top.value:
                value, unit, high, approx, end = bottom, unit or top.unit, top.value, "range", top.end
                position = top.end
            elif text[match.end() : top.start].strip() in {"-", "–", "—"} and not match["between"]:
                position = top.end
                continue  # "4-1", "5-4": a score, neither a range nor a figure
        between = (match["between"] or "").lower() == "between"
        start = match.start("approx") if match["approx"] else match.start("between") if between else low.start
        phrase = text[start:end].rstrip(" -–")
        found.append(Quantity(_number(value), start, start + len(phrase), phrase, unit, approx,
                              _number(high) if high is not None else None))  # fmt: skip
    found += _vague(text, g) + _multiples(text, g)
    found.sort(key=lambda q: (q.start, -q.end))
    kept: list[Quantity] = []
    for quantity in found:
        if kept and quantity.start < kept[-1].end:
            continue
        kept.append(quantity)
    return kept


TWICE = re.compile(r"(?<!\w)(?P<word>twice|three times|four times|five times|ten times|double)\s+(?:as|the)\b", re.I)


def _multiples(text: str, g: Grammar) -> list[Quantity]:
    """ "twice as many", "three times the": multiples; "half a million": half a scale."""
    found = []
    for match in g.half.finditer(text):
        approx = g.approx[_key(match["approx"])] if match["approx"] else "exact"
        value = Decimal("0.5") * Decimal(str(g.scales[match["scale"].lower()]))
        found.append(Quantity(_number(value), match.start(), match.end(), match[0], None, approx))
    for match in TWICE.finditer(text):
        word = match["word"].lower()
        value = Decimal(2) if word in {"twice", "double"} else _words(word.split()[0], g)
        found.append(Quantity(_number(value), match.start(), match.end("word"), match["word"], "times", "exact"))
    return found


def _vague(text: str, g: Grammar) -> list[Quantity]:
    """Vague magnitudes as ranges: "hundreds of" 200–999, "tens of thousands of" 20,000–99,000, "several
    thousand" 3,000–9,000."""
    found = []
    for match in g.vague_pattern.finditer(text):
        if match["count"]:
            low, high = g.vague_counts[_key(match["count"])]
            scale = g.multipliers.get(match["scale"].lower()) or g.scales[match["scale"].lower()]
            low, high, word, end = low * scale, high * scale, _key(match["count"]), match.end("scale")
        else:
            word, end = match["first"].lower(), match.end("first")
            low, high = g.vague[word]
            if match["second"]:
                base = match["second"].lower().removesuffix("s")
                scale = g.multipliers.get(base) or g.scales.get(base) or 1.0
                low, high = low * scale, high * scale
                word, end = f"{word} of {match['second'].lower()}", match.end("second")
            elif word == "tens":
                continue  # "tens of" alone names no magnitude
        unit = None
        if (named := g.unit_after.match(text, match.end())) and _key(named["unit"]) not in g.shared_names:
            unit, end = g.units[_key(named["unit"])], named.end()  # "hundreds of millions of dollars"
        found.append(Quantity(_number(Decimal(str(low))), match.start(), end, text[match.start() : end], unit, word,
                              _number(Decimal(str(high)))))  # fmt: skip
    return found


def parse_quantity(phrase: str) -> Quantity | None:
    """The first amount in a short phrase, or None: handy for tests and for reading gold values."""
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
    """Amounts in a parsed document: the text patterns, minus those spaCy sees as dates, times, ordinals or
    parts of names. A currency, a scale word, a unit or a duration outweighs a DATE label (spaCy tags "$4
    billion in 2021" as one date now and then, and every "90 days")."""
    kept = []
    for quantity in find_quantities(text_of(doc), doc.lang_ if doc.lang_ == "es" else "en"):
        strong = quantity.unit is not None or quantity.approx not in {"exact"} or quantity.value >= 1e6
        if not strong and (_inside_name(doc, quantity.start, quantity.end) or _names_a_model(doc, quantity)):
            continue
        kept.append(quantity)
    return kept
