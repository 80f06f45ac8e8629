"""Bytes to text: a BOM, the declared charset, an HTML meta charset, then detection; mojibake repaired.

The result is NFC-normalised with "\\n" newlines. Empty, binary and undecodable inputs raise UnreadableSource
with a reason a person can act on.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from bilateral.errors import UnreadableSource
from bilateral.ingest.sniff import binary_reason, is_blank, utf16_without_bom
from bilateral.model import RawDocument

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its BOM starts with UTF-16 LE's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# As browsers do (WHATWG Encoding), these labels mean windows-1252: pages declared Latin-1 use its extra
# letters (’ “ ” € …) all the time.
_AS_WINDOWS_1252 = {"iso8859-1", "ascii"}
_BAD_CHARS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f\ufffd]")
_NEWLINES = re.compile("\r\n?|\u2028|\u2029|\x85")


def _codec(label: str | None) -> str | None:
    """Python's codec name for a charset label, or None for a label nobody knows."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'").lower()).name
    except LookupError:
        return None
    return "cp1252" if name in _AS_WINDOWS_1252 else name


def _declared(raw: RawDocument) -> list[str]:
    """The encodings the document states: the reader's (HTTP header, WARC), then the page's own."""
    found = [_codec(raw.encoding)]
    head = raw.body[:4096]
    if raw.kind == "html":
        match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
        found.append(_codec(match.group(1).decode("ascii", "ignore")) if match else None)
    return [encoding for encoding in dict.fromkeys(found) if encoding]


def _utf8(body: bytes) -> str | None:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _detect(body: bytes, source: str) -> str:
    from charset_normalizer import from_bytes

    matches = from_bytes(body)
    best = matches.best()
    if best is None:
        raise UnreadableSource(source, "undecodable content (no character encoding fits the bytes)")
    # Short texts fit several single-byte code pages equally well; windows-1252 is by far the most used.
    if any("cp1252" in match.could_be_from_charset for match in list(matches)[:3]):
        return body.decode("cp1252", errors="replace")
    return str(best)


def _to_text(raw: RawDocument) -> str:
    body = raw.body
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body.decode(encoding, errors="replace")
    declared = _declared(raw)
    # UTF-16 text is full of NUL bytes: it must be recognised before the binary test refuses it.
    wide = next((encoding for encoding in declared if encoding.startswith(("utf-16", "utf-32"))), None)
    wide = wide or utf16_without_bom(body)
    if wide is not None:
        return body.decode(wide, errors="replace")
    reason = binary_reason(body)
    if reason is not None:
        raise UnreadableSource(raw.source, reason)
    # Valid UTF-8 beats any declaration: servers label pages ISO-8859-1 by default, while bytes in another
    # encoding almost never happen to form valid multi-byte UTF-8.
    text = _utf8(body)
    if text is not None:
        return text
    for encoding in declared:
        try:
            return body.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return _detect(body, raw.source)


def _too_many_bad_characters(text: str) -> bool:
    sample = text[:8192]
    return len(_BAD_CHARS.findall(sample)) > max(8, len(sample) * 0.02)


def decode(raw: RawDocument) -> str:
    """The document's text, NFC-normalised with "\\n" newlines; raises UnreadableSource when there is none."""
    if is_blank(raw.body):
        raise UnreadableSource(raw.source, "empty file")
    text = _to_text(raw)
    if _too_many_bad_characters(text):
        raise UnreadableSource(raw.source, "undecodable content (too many control or replacement characters)")
    import ftfy
    from ftfy.badness import is_bad

    # Repair only text that shows mojibake: running the fixer over clean text costs more than all the rest.
    if is_bad(text):
        text = ftfy.fix_text(
            text, uncurl_quotes=False, fix_character_width=False, fix_line_breaks=False, normalization="NFC"
        )
    text = _NEWLINES.sub("\n", unicodedata.normalize("NFC", text)).lstrip("\ufeff")
    if not text.strip():
        raise UnreadableSource(raw.source, "empty file")
    return text
