"""Numbers, dates and labels as people write them ("$538 billion", "2.7 million", "December 2019").

Number and date formats come from CLDR through Babel (English locale), so currencies, separators and the
compact forms are the ones a reader expects; nothing here rounds a figure beyond what it shows.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from babel.numbers import format_compact_decimal, format_decimal, get_currency_symbol

LOCALE = "en"
COMPACT_FROM = 1_000_000  # below a million, all digits ("60,000"); from it, words ("2.7 million")
# Units that read better as a sign after the number.
UNIT_SIGNS = {"percent": "%", "percentage point": " percentage points"}


def number(value: float) -> str:
    """2.7e6 → '2.7 million', 60000 → '60,000', 12.5 → '12.5'."""
    if abs(value) >= COMPACT_FROM:
        return str(format_compact_decimal(value, format_type="long", locale=LOCALE, fraction_digits=2))
    return str(format_decimal(round(value, 2), locale=LOCALE))


def quantity(value: float, unit: str | None, approx: str | None = None) -> str:
    """A figure with its unit and approximation: ('more than', 5e11, 'USD') → 'more than $500 billion'.

    `unit` is an ISO 4217 code (shown with its symbol), 'percent', or any other unit word (shown after).
    """
    if unit and len(unit) == 3 and unit.isupper():
        shown = f"{get_currency_symbol(unit, locale=LOCALE)}{number(value)}"
    elif unit in UNIT_SIGNS:
        shown = f"{number(value)}{UNIT_SIGNS[unit]}"
    else:
        shown = f"{number(value)} {unit}" if unit else number(value)
    return f"{approx} {shown}" if approx and approx != "exact" else shown


def when(value: str | None) -> str:
    """'2019-12-11' → '11 Dec 2019', '2019-12' → 'Dec 2019', '2019' → '2019'; None → 'undated'."""
    if not value:
        return "undated"
    parts = value[:10].split("-")
    try:
        if len(parts) == 3:
            return str(format_date(date(*map(int, parts)), "d MMM y", locale=LOCALE))
        if len(parts) == 2:
            return str(format_date(date(int(parts[0]), int(parts[1]), 1), "MMM y", locale=LOCALE))
    except ValueError:
        return value
    return parts[0]


def period(first: str | None, last: str | None) -> str:
    """A span of dates as a title says it: 'December 2019 – October 2021', or one month."""
    if not first or not last:
        return "undated"
    months = [str(format_date(date(int(d[:4]), int(d[5:7] or 1), 1), "MMMM y", locale=LOCALE)) for d in (first, last)]
    return months[0] if months[0] == months[1] else f"{months[0]} – {months[1]}"


def label(code: str) -> str:
    """A snake_case name (frame, context, issue) as words: 'security_and_defence' → 'security and defence'."""
    return code.replace("_", " ")


def share(value: float) -> str:
    """A probability as a whole percentage: 0.1447 → '14%'."""
    return f"{round(value * 100)}%"


def signed(value: float) -> str:
    """A score on −1…+1 with a real minus sign: −0.25, +0.40."""
    return f"{value:+.2f}".replace("-", "−")


def language_name(code: str | None) -> str:
    """A language's English name from its ISO 639-1 code (CLDR, through babel): "es" → "Spanish"; None → "English"
    (an undetected language is read as English)."""
    from babel import Locale

    return str(Locale("en").languages.get(code or "en", code or "en"))


def language_mark(code: str | None) -> str:
    """The mark an item in a language other than English carries ("ES"); "" for English (and undetected) text."""
    language = code or "en"
    return "" if language == "en" else language.upper()


def language_counts(codes: list[str | None]) -> str:
    """Documents by language, most first: "EN 2, ES 1"."""
    counted: dict[str, int] = {}
    for code in codes:
        counted[(code or "en").upper()] = counted.get((code or "en").upper(), 0) + 1
    return ", ".join(f"{code} {n}" for code, n in sorted(counted.items(), key=lambda kv: (-kv[1], kv[0])))


def not_scored(code: str | None) -> str:
    """What a comparison model's cell says for a document in a language it does not read: "n/a (Spanish)"."""
    return f"n/a ({language_name(code)})"
