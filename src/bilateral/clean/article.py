"""Cleaning: raw bytes in, an Article out — decoded, boilerplate removed, metadata found, language known.

HTML goes through trafilatura (`html.py`); plain-text web captures through our own boilerplate remover
(`capture.py`). Metadata a source stated itself (a JSONL field, a feed entry) wins over what is inferred.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from urllib.parse import urlsplit

from bilateral.clean.capture import clean_capture
from bilateral.clean.decode import decode
from bilateral.clean.html import clean_html
from bilateral.clean.language import detect_language
from bilateral.errors import UnreadableSource
from bilateral.model import Article, Cleaned, RawDocument

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def document_id(raw: RawDocument) -> str:
    """The input's own id when it has one, otherwise a stable hash of the raw bytes."""
    return raw.id if raw.id else hashlib.sha256(raw.body).hexdigest()[:16]


def normalise_date(value: str | None) -> str | None:
    """A stated publication date as "YYYY-MM-DD", or None when it cannot be read as a full date."""
    if not value or not value.strip():
        return None
    value = value.strip()
    match = _ISO_DATE.match(value)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return None
    import dateparser  # slow to import; only needed for dates not already in ISO form

    parsed: datetime | None = dateparser.parse(
        value, languages=["en"], settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"}
    )
    return parsed.date().isoformat() if parsed else None


_TAG = re.compile(r"<[^>]{0,200}>")
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)


def repair_title(title: str | None) -> str | None:
    """A title as a feed or a dump states it, made readable: CDATA opened, markup and (doubly) escaped entities
    undone, mojibake repaired, spacing collapsed ("Talks &amp;amp; tariffs", "<b>Talks</b>", "TalksÃ¢â‚¬â„¢").
    None when nothing is left."""
    if not title:
        return None
    import html

    import ftfy

    text = _CDATA.sub(r"\1", title)
    for _ in range(3):  # "&amp;amp;" is an ampersand escaped twice
        unescaped = html.unescape(text)
        if unescaped == text:
            break
        text = unescaped
    text = ftfy.fix_text(_TAG.sub(" ", text), uncurl_quotes=False, normalization="NFC")
    return " ".join(text.split()) or None


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def clean(raw: RawDocument) -> Article:
    """Decode and clean one raw document; raises UnreadableSource when no main text can be found."""
    text = decode(raw)
    try:
        cleaned: Cleaned = clean_html(text, url=raw.url) if raw.kind == "html" else clean_capture(text)
    except UnreadableSource as e:
        raise UnreadableSource(raw.source, e.reason) from e
    if not cleaned.text.strip():
        raise UnreadableSource(raw.source, "no main text found after removing boilerplate")
    return Article(
        id=document_id(raw),
        source=raw.source,
        raw_hash=hashlib.sha256(raw.body).hexdigest(),
        text=cleaned.text,
        title=repair_title(raw.title) or cleaned.title,
        authors=list(raw.authors) or cleaned.authors,
        published=normalise_date(raw.published) or normalise_date(cleaned.published),
        outlet=raw.outlet or cleaned.outlet or outlet_from_url(raw.url),
        url=raw.url,
        language=detect_language(cleaned.text),
        removed=cleaned.removed,
    )
