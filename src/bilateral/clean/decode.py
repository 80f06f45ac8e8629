"""Bytes to text: the declared charset, a BOM, an HTML meta charset, then detection; mojibake repaired.

Empty, binary and undecodable inputs raise UnreadableSource with a reason a person can act on.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from bilateral.errors import UnreadableSource
from bilateral.model import RawDocument

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_BAD_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


def _known(encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return codecs.lookup(encoding.strip().lower()).name
    except LookupError:
        return None


def _candidates(raw: RawDocument) -> list[str]:
    body = raw.body
    found: list[str | None] = [encoding for bom, encoding in _BOMS if body.startswith(bom)]
    found.append(_known(raw.encoding))
    if raw.kind == "html":
        match = _META_CHARSET.search(body[:4096])
        found.append(_known(match.group(1).decode("ascii", "ignore")) if match else None)
    found.append("utf-8")
    return [encoding for encoding in found if encoding]


def _looks_binary(body: bytes) -> bool:
    sample = body[:8192]
    if b"\x00" in sample and not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


def _too_many_controls(text: str) -> bool:
    sample = text[:8192]
    return len(_BAD_CHARS.findall(sample)) > max(8, len(sample) * 0.02)


def decode(raw: RawDocument) -> str:
    """The document's text, NFC-normalised with "\\n" newlines; raises UnreadableSource when there is none."""
    if not raw.body.strip():
        raise UnreadableSource(raw.source, "empty file")
    if _looks_binary(raw.body):
        raise UnreadableSource(raw.source, "binary content, not text or HTML")
    text: str | None = None
    for encoding in _candidates(raw):
        try:
            text = raw.body.decode(encoding)
            break
        except (UnicodeDecodeError, LookupError):
            continue
    if text is None:
        from charset_normalizer import from_bytes

        matches = list(from_bytes(raw.body))
        if not matches:
            raise UnreadableSource(raw.source, "cannot tell the character encoding (not valid text)")
        # Short texts fit several code pages equally well; windows-1252 is by far the most common on the web.
        western = any("cp1252" in match.could_be_from_charset for match in matches[:3])
        text = raw.body.decode("cp1252", errors="replace") if western else str(matches[0])
    if _too_many_controls(text):
        raise UnreadableSource(raw.source, "undecodable: too many control or replacement characters")
    import ftfy
    from ftfy.badness import is_bad

    # Repair only text that shows mojibake: fixing clean text costs more than everything else here.
    if is_bad(text):
        text = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False, fix_line_breaks=True)
    text = unicodedata.normalize("NFC", text)
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
