"""Bytes to text: a BOM, valid UTF-8, the declared or meta charset, then detection; mojibake repaired.

The result is NFC-normalised with "\\n" newlines. Empty, binary and undecodable inputs raise UnreadableSource
with a reason a person can act on.
"""

from __future__ import annotations

import codecs
import itertools
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
# The encodings a browser knows (WHATWG Encoding Standard): a page in any other would not display, so
# detection never has to consider DOS or other legacy code pages, which otherwise win on short Latin texts.
# Left out as well: the Mac code pages and windows-1258, which hardly any page ever used but which fit
# Spanish, Italian or French bytes well enough to win a close call; and ISO-2022-JP, which is 7-bit and is
# only ever decoded when declared.
WEB_ENCODINGS = (
    "utf_8", "utf_16_le", "utf_16_be", "cp866", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_5",
    "iso8859_6", "iso8859_7", "iso8859_8", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15",
    "iso8859_16", "koi8_r", "koi8_u", "cp874", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255",
    "cp1256", "cp1257", "gb18030", "big5", "euc_jp", "shift_jis", "euc_kr",
)  # fmt: skip
_CP1252_PUNCTUATION = frozenset(b"\x80\x82\x84\x85\x86\x87\x89\x8b\x91\x92\x93\x94\x95\x96\x97\x99\x9b\xa0")
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

    matches = from_bytes(body, cp_isolation=list(WEB_ENCODINGS))
    best = matches.best()
    if best is None:
        raise UnreadableSource(source, "undecodable content (no character encoding fits the bytes)")
    # ASCII text whose only other bytes are windows-1252's quotes and dashes fits several single-byte code
    # pages about equally well (as accented letters there); windows-1252 is by far the most used of them.
    if set(body.translate(None, bytes(range(128)))) <= _CP1252_PUNCTUATION:
        return body.decode("cp1252")
    # On a tie (Spanish fits windows-1250 and -1252 equally), the most used code page wins.
    for match in matches:
        tied = match.chaos <= best.chaos + 0.01 and match.coherence >= best.coherence - 0.01
        if tied and "cp1252" in match.could_be_from_charset:
            return str(match)
    return str(best)


def _to_text(raw: RawDocument) -> str:
    body = raw.body
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body.decode(encoding, errors="replace")
    declared = _declared(raw)
    # UTF-16 text is full of NUL bytes and must be known before the binary test refuses it; ISO-2022-JP is
    # 7-bit, so it would pass for UTF-8 below.
    first = next((name for name in declared if name.startswith(("utf-16", "utf-32", "iso2022"))), None)
    first = first or utf16_without_bom(body)
    if first is not None:
        return body.decode(first, errors="replace")
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


def _misread_utf8(codecs: tuple[str, ...]) -> re.Pattern[str]:
    """A UTF-8 lead byte then a continuation byte, as characters of any of these single-byte code pages."""
    leads = sorted({char for codec in codecs for char in bytes(range(0xC2, 0xF5)).decode(codec, "ignore")})
    tails = sorted({char for codec in codecs for char in bytes(range(0x80, 0xC0)).decode(codec, "ignore")})
    return re.compile(f"[{re.escape(''.join(leads))}][{re.escape(''.join(tails))}]|\u00c2 ")


# Mojibake is UTF-8 read as a single-byte code page; these pairs are its fingerprint ("Ã©", "â€™", "Ð¿").
_MOJIBAKE_HINT = _misread_utf8(("cp1252", "latin-1", "cp1251"))
MOJIBAKE_LINES_CHECKED = 20


def _line_at(text: str, position: int) -> str:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return text[start : end if end >= 0 else len(text)]


def _shows_mojibake(text: str) -> bool:
    """ftfy's verdict on the lines that carry a fingerprint; ftfy over a whole long page is slow."""
    from ftfy.badness import is_bad

    if text.isascii():
        return False
    # "Â ": a no-break space (C2 A0) read as windows-1252, its A0 later turned into a plain space
    positions = [text.find("\u00c2 ")] if "\u00c2 " in text else []
    lines: set[str] = set()
    for position in itertools.chain(positions, (match.start() for match in _MOJIBAKE_HINT.finditer(text))):
        line = _line_at(text, position)
        if line in lines:
            continue
        if is_bad(line):
            return True
        lines.add(line)
        if len(lines) >= MOJIBAKE_LINES_CHECKED:
            break
    return False


def decode(raw: RawDocument) -> str:
    """The document's text, NFC-normalised with "\\n" newlines; raises UnreadableSource when there is none."""
    if is_blank(raw.body):
        raise UnreadableSource(raw.source, "empty file")
    text = _to_text(raw)
    if _too_many_bad_characters(text):
        raise UnreadableSource(raw.source, "undecodable content (too many control or replacement characters)")
    if _shows_mojibake(text):
        import ftfy

        text = ftfy.fix_text(
            text, uncurl_quotes=False, fix_character_width=False, fix_line_breaks=False, normalization="NFC"
        )
    text = _NEWLINES.sub("\n", unicodedata.normalize("NFC", text)).lstrip("\ufeff")
    if not text.strip():
        raise UnreadableSource(raw.source, "empty file")
    return text
